import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { createSecretScrubber } from './secretScrubber.ts';

describe('structured logger', () => {
  it('never writes a registered secret, wherever it hides', () => {
    const lines: string[] = [];
    const scrubber = createSecretScrubber();
    const secret = 'sk_live_9f8e7d6c5b4a';
    scrubber.register(secret);
    const log = createLogger({ scrubber, write: (l) => lines.push(l) });
    log.info({ detail: `token was ${secret}`, nested: { deeper: [secret] } }, `calling with ${secret}`);
    log.error({ err: new Error(`refused ${secret}`) }, 'failed');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toContain(secret);
    expect(lines[0]).toContain('[secret]');
  });

  it('censors fields named like secrets even when the value was never registered', () => {
    const lines: string[] = [];
    const log = createLogger({ scrubber: createSecretScrubber(), write: (l) => lines.push(l) });
    log.warn(
      { headers: { authorization: 'Bearer abc.def.ghi', accept: 'json' }, client_secret: 'hunter22' },
      'request',
    );
    const parsed = JSON.parse(lines[0] ?? '{}') as { headers: Record<string, string>; client_secret: string };
    expect(parsed.headers.authorization).toBe('[secret]');
    expect(parsed.headers.accept).toBe('json');
    expect(parsed.client_secret).toBe('[secret]');
  });
});
