// Settings refuse what they do not know: a misspelled key anywhere in the file — at any depth of any
// section — is an error naming its full path, never a setting silently dropped in favour of its default.
import { describe, expect, it } from 'vitest';
import { AppSettings, defaultAppSettings, describeSettingsErrors } from './appSettings.ts';
import { DocumentSettings } from './documentSettings.ts';
import { Mappings } from './mappings.ts';
import { SlaSettings } from './slaPolicies.ts';

/** Objects whose keys are data (status words, field names, calendar names), not setting names. */
const KEYED_BY_DATA = [
  'mappings.xconnector.transactionStatus',
  'mappings.xconnector.fieldRenames.partner',
  'mappings.xconnector.fieldRenames.exception',
  'mappings.xconnector.fieldRenames.transaction',
  'mappings.tradingGrid.fieldRenames.community',
  'mappings.caseSync.statusToPartner',
  'mappings.caseSync.partnerStatus',
  'mappings.caseSync.partnerToInternal',
  'sla.calendars',
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every object in the settings, with its path written as the error lines write it. */
function objectsIn(value: Json, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectsIn(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const here = path === '' ? [] : [path];
  return [...here, ...Object.entries(value).flatMap(([k, v]) => objectsIn(v, path ? `${path}.${k}` : k))];
}

/** A copy of `settings` with `key: value` added to the object at `path`. */
function withKeyAt(settings: Json, path: string, key: string, value: Json): Json {
  const copy = structuredClone(settings);
  let at = copy as Record<string, Json>;
  for (const part of path.match(/[^.[\]]+/g) ?? []) at = at[part] as Record<string, Json>;
  at[key] = value;
  return copy;
}

const defaults = JSON.parse(JSON.stringify(defaultAppSettings())) as Json;

describe('settings refuse unknown keys', () => {
  const settingsObjects = objectsIn(defaults).filter((p) => !KEYED_BY_DATA.includes(p));

  it('finds the objects of every section, down to list entries', () => {
    for (const path of [
      'mappings.caseSync.routing.rules[0]',
      'mappings.caseSync.statusToPartner.NEW',
      'sla.calendars.business-hours.hours.mon[0]',
      'sla.policies[0].match',
      'sla.ladder[0]',
      'documents.assumedPolicy',
      'documents.fileTypes[0]',
    ])
      expect(settingsObjects).toContain(path);
  });

  it('names a misspelled key at its full path, at every object level of every section', () => {
    const missed: string[] = [];
    for (const path of ['', ...settingsObjects]) {
      const result = AppSettings.safeParse(withKeyAt(defaults, path, 'tyop', 1));
      const lines = result.success ? [] : describeSettingsErrors(result.error);
      const expected = `${path ? `${path}.` : ''}tyop: not a known setting (check the spelling)`;
      if (lines.length !== 1 || lines[0] !== expected)
        missed.push(`${path || '(top)'} → ${lines.join(' | ')}`);
    }
    expect(missed).toEqual([]);
  });

  it('turns a secret away from the mappings, SLA and document sections too, saying where it belongs', () => {
    const result = Mappings.safeParse({ xconnector: { apiKey: 'k-123' } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(describeSettingsErrors(result.error)).toEqual([
      'xconnector.apiKey: settings never hold secrets: store it in the system keychain (Settings → Credentials); settings only name the entry',
    ]);
  });

  it('still takes any word where the keys are data: status words, field renames, calendar names', () => {
    const parsed = AppSettings.parse({
      mappings: {
        xconnector: { transactionStatus: { KO: 'failed' }, fieldRenames: { partner: { pid: 'id' } } },
        caseSync: {
          partnerStatus: {
            OPEN: 'open',
            ON_HOLD: 'waiting_on_partner',
            IN_PROGRESS: 'in_progress',
            WAITING_ON_PARTNER: 'waiting_on_partner',
            RESOLVED: 'resolved',
            CLOSED: 'closed',
          },
        },
      },
      sla: {
        calendars: { 'night-shift': { timeZone: 'UTC', hours: { mon: [{ from: '22:00', to: '24:00' }] } } },
        policies: [{ id: 'all', calendar: 'night-shift', firstResponseMinutes: 60, resolutionMinutes: 600 }],
      },
    });
    expect(parsed.mappings.xconnector.fieldRenames.partner).toEqual({ pid: 'id' });
    expect(parsed.mappings.caseSync.partnerStatus.ON_HOLD).toBe('waiting_on_partner');
    expect(Object.keys(parsed.sla.calendars)).toEqual(['night-shift']);
  });

  it('refuses a misspelling in each section on its own schema as well (the engine settings use them)', () => {
    expect(SlaSettings.safeParse({ warningShares: 0.5 }).success).toBe(false);
    expect(DocumentSettings.safeParse({ assumedPolicy: { maxByte: 10 } }).success).toBe(false);
    expect(Mappings.safeParse({ caseSync: { routing: { defaultRout: 'erp' } } }).success).toBe(false);
  });
});
