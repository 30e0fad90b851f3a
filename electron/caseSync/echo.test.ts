import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../store/store.ts';
import { isOwnWrite } from './echo.ts';
import { refPart } from './refs.ts';

let store: Store | undefined;
let dir: string | undefined;
afterEach(() => {
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  store = undefined;
});

function open(): Store {
  dir = mkdtempSync(join(tmpdir(), 'pd-echo-'));
  store = openStore(join(dir, 'desk.sqlite'));
  return store;
}

describe('echo detection', () => {
  it('knows our writes by origin marker, by our correlation reference, or by our own record of them', () => {
    const s = open();
    const foreign = { id: 'TGC-1', origin: null, correlationRef: null };
    expect(isOwnWrite(foreign, 'trading-grid', s.caseCopies)).toBe(false);
    expect(isOwnWrite({ ...foreign, origin: 'partner-desk' }, 'trading-grid', s.caseCopies)).toBe(true);
    expect(
      isOwnWrite({ ...foreign, correlationRef: 'pd:xc-comment:CC-1' }, 'trading-grid', s.caseCopies),
    ).toBe(true);
    // A system that dropped both markers: our record of the copy's id still recognises it.
    s.caseCopies.record(
      {
        correlationRef: 'pd:xc-comment:CC-2',
        caseId: 'case:1',
        kind: 'comment',
        source: 'xconnector:CC-2',
        targetSystem: 'trading-grid',
      },
      1,
    );
    s.caseCopies.delivered('pd:xc-comment:CC-2', 'TGC-2');
    expect(
      isOwnWrite({ id: 'TGC-2', origin: null, correlationRef: null }, 'trading-grid', s.caseCopies),
    ).toBe(true);
    expect(isOwnWrite({ id: 'TGC-2', origin: null, correlationRef: null }, 'xconnector', s.caseCopies)).toBe(
      false,
    );
  });

  it('turns any remote id into a safe part of a correlation reference', () => {
    expect(refPart('CC-00000001')).toBe('CC-00000001');
    const hostile = refPart('../../etc/passwd with spaces');
    expect(hostile).toMatch(/^h-[0-9a-f]{40}$/);
    expect(refPart('../../etc/passwd with spaces')).toBe(hostile);
  });
});
