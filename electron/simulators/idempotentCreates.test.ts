import { describe, expect, it } from 'vitest';
import { IdempotentCreates } from './idempotentCreates.ts';

describe('simulator creates under an Idempotency-Key', () => {
  const counting = (honour: { on: boolean }) => {
    let made = 0;
    const creates = new IdempotentCreates(() => honour.on);
    const create = (kind: string, key: string | undefined) => creates.once(kind, key, () => ({ n: ++made }));
    return { creates, create, made: () => made };
  };

  it('answers a repeated key with the first object, once honoured, and counts the replay', () => {
    const { creates, create, made } = counting({ on: true });
    const first = create('comment', 'k1');
    const again = create('comment', 'k1');
    expect(first).toEqual({ object: { n: 1 }, replayed: false });
    expect(again.object).toBe(first.object);
    expect(again.replayed).toBe(true);
    expect(made()).toBe(1);
    expect(creates.replays).toBe(1);
  });

  it('keeps the keys of one kind of create apart from another', () => {
    const { create, made } = counting({ on: true });
    create('comment', 'k1');
    expect(create('step', 'k1').replayed).toBe(false);
    expect(made()).toBe(2);
  });

  it('creates every time without a key', () => {
    const { create, made } = counting({ on: true });
    create('comment', undefined);
    create('comment', undefined);
    expect(made()).toBe(2);
  });

  it('creates again when keys are not honoured, and does not remember keys seen meanwhile', () => {
    const honour = { on: false };
    const { creates, create, made } = counting(honour);
    create('comment', 'k1');
    create('comment', 'k1');
    honour.on = true;
    expect(create('comment', 'k1').replayed).toBe(false);
    expect(made()).toBe(3);
    expect(creates.replays).toBe(0);
  });
});
