// Upgrading to the settings that carry SLA policies and document limits (version 3), on real files in a
// temp folder through conf: the person's file keeps everything it held, gains the defaults the engine
// ran on before, and a bad SLA policy is refused with the field it concerns — the file untouched.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettingsStore } from './settingsStore.ts';
import type { SettingsStore } from './settingsStore.ts';
import { SlaSettings } from '../../../shared/config/slaPolicies.ts';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pd-settings-v3-'));
  file = join(dir, 'settings.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function open(): SettingsStore {
  const result = openSettingsStore({ cwd: dir, now: () => Date.UTC(2026, 0, 5) });
  if (!result.ok) throw new Error(result.error.message);
  return result.store;
}

const onDisk = () => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** A version 2 file as the previous release wrote it, with something changed in every section. */
const V2_FILE = {
  schemaVersion: 2,
  connections: {
    mode: 'live',
    xconnector: { baseUrl: 'https://xc.example.com', apiKeySecretName: 'xc.prod' },
    tradingGrid: { baseUrl: 'https://tg.example.com', clientId: 'desk', clientSecretName: 'tg.prod' },
  },
  poll: { xconnectorIntervalMs: 5000, tradingGridIntervalMs: 90_000 },
  mappings: {
    xconnector: { transactionStatus: { KO: 'failed', OK: 'accepted' } },
    caseSync: {
      fieldOwners: { status: 'trading-grid' },
      routing: { rules: [{ name: 'Claims to ERP', route: 'erp', keywords: ['claim'] }] },
    },
  },
  notifications: {
    enabled: true,
    kinds: { transaction_failed: true, sla_warning: false, sla_breach: true },
    quietHours: { enabled: true, start: '21:00', end: '06:00', timeZone: 'Europe/Berlin' },
    throttle: { windowSeconds: 120, maxPerWindow: 5 },
  },
  startAtLogin: true,
};

describe('settings upgrade to version 3 (SLA policies and document limits)', () => {
  it('keeps everything a version 2 file held and rewrites it as version 3 with the engine’s defaults', () => {
    writeFileSync(file, JSON.stringify(V2_FILE));
    const store = open();
    expect(store.loaded).toEqual({ recovered: false, created: false, migratedFrom: 2 });
    const s = store.get();
    expect(s).toMatchObject({ ...V2_FILE, schemaVersion: 3 });
    expect(s.mappings.caseSync.routing.rules).toEqual([
      { name: 'Claims to ERP', route: 'erp', keywords: ['claim'] },
    ]);
    expect(s.mappings.caseSync.fieldOwners.status).toBe('trading-grid');
    expect(s.sla).toEqual(SlaSettings.parse({}));
    expect(s.documents.assumedPolicy.maxBytes).toBe(1024 ** 3);
    expect(onDisk()).toEqual(JSON.parse(JSON.stringify(s)));
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toEqual([]);
  });

  it('saves an SLA policy and a routing rule, and reads them back after a restart', () => {
    const first = open();
    const saved = first.update((s) => {
      s.sla.policies = [
        ...s.sla.policies,
        {
          id: 'acme-claims',
          match: { partnerIds: ['P-ACME'], types: ['INVOICE_DISPUTE'] },
          calendar: 'business-hours',
          firstResponseMinutes: 30,
          resolutionMinutes: 600,
        },
      ];
      s.mappings.caseSync.routing.rules = [
        { name: 'ACME goes to ERP', route: 'erp', partnerIds: ['P-ACME'] },
        ...s.mappings.caseSync.routing.rules,
      ];
      return s;
    });
    expect(saved.ok).toBe(true);
    const second = open();
    expect(second.loaded).toEqual({ recovered: false, created: false, migratedFrom: null });
    expect(second.get().sla.policies.at(-1)?.id).toBe('acme-claims');
    expect(second.get().mappings.caseSync.routing.rules[0]?.name).toBe('ACME goes to ERP');
  });

  it('refuses an SLA policy naming an unknown calendar, saying which field, and changes nothing', () => {
    const store = open();
    const before = readFileSync(file, 'utf8');
    const result = store.update((s) => {
      s.sla.policies = [{ ...s.sla.policies[0]!, calendar: 'weekends' }, ...s.sla.policies.slice(1)];
      return s;
    });
    expect(result).toEqual({
      ok: false,
      kind: 'invalid',
      errors: [
        'sla.policies[0].calendar: policy "urgent" names calendar "weekends", which is not defined (known: business-hours)',
      ],
    });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(store.get().sla.policies[0]?.calendar).toBe('business-hours');
  });

  it('moves aside a file whose SLA section is invalid, naming the field, instead of dropping it', () => {
    const bad = JSON.stringify({ ...V2_FILE, schemaVersion: 3, sla: { warningShare: 1.5 } });
    writeFileSync(file, bad);
    const store = open();
    expect(store.loaded).toMatchObject({ recovered: true });
    if (!store.loaded.recovered) return;
    expect(store.loaded.reason).toContain('sla.warningShare');
    expect(readFileSync(store.loaded.backupPath, 'utf8')).toBe(bad);
  });
});
