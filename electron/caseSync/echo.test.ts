import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../store/store.ts';
import { isOwnEscalation, isOwnWrite } from './echo.ts';
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

  it('knows a priority our SLA escalation set on an issue, once per escalation, until a later value overtakes it', () => {
    const s = open();
    const escalated = (step: number, priority: string) =>
      s.timeline.add({
        caseId: 'case:1',
        eventKey: `escalation:${step}`,
        kind: 'escalation',
        origin: 'engine',
        at: step,
        summary: `Escalated (step ${step})`,
        detail: { step, priority },
      });
    const delivered = (step: number) =>
      s.timeline.add({
        caseId: 'case:1',
        eventKey: `escalation:${step}:trading-grid`,
        kind: 'sync',
        origin: 'engine',
        at: step,
        summary: 'Trading Grid issue updated',
      });
    expect(isOwnEscalation(s, 'case:1', 'high', 1)).toBe(false);
    // Queued, not yet delivered: its priority read back is ours, once.
    escalated(1, 'high');
    expect(isOwnEscalation(s, 'case:1', 'medium', 2)).toBe(false);
    expect(isOwnEscalation(s, 'case:1', 'high', 3)).toBe(true);
    expect(isOwnEscalation(s, 'case:1', 'high', 4)).toBe(false);
    // Delivered, but the issue is read with another value first: the escalation is overtaken.
    escalated(2, 'urgent');
    delivered(2);
    expect(isOwnEscalation(s, 'case:1', 'low', 5)).toBe(false);
    expect(isOwnEscalation(s, 'case:1', 'urgent', 6)).toBe(false);
    // Another case's escalations are its own.
    expect(isOwnEscalation(s, 'case:2', 'urgent', 7)).toBe(false);
  });

  it('turns any remote id into a safe part of a correlation reference', () => {
    expect(refPart('CC-00000001')).toBe('CC-00000001');
    const hostile = refPart('../../etc/passwd with spaces');
    expect(hostile).toMatch(/^h-[0-9a-f]{40}$/);
    expect(refPart('../../etc/passwd with spaces')).toBe(hostile);
  });
});
