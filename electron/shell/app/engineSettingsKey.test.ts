import { describe, expect, it } from 'vitest';
import { engineSettingsKey } from './engineSettingsKey.ts';
import { defaultAppSettings } from '../../../shared/config/appSettings.ts';

describe('which settings changes restart the engine', () => {
  const before = defaultAppSettings();

  it('connections, poll intervals and mappings do', () => {
    expect(engineSettingsKey({ ...before, poll: { ...before.poll, xconnectorIntervalMs: 5000 } })).not.toBe(
      engineSettingsKey(before),
    );
    expect(engineSettingsKey({ ...before, connections: { ...before.connections, mode: 'live' } })).not.toBe(
      engineSettingsKey(before),
    );
  });

  it('SLA policies, routing rules, the case status mapping and document limits do', () => {
    const key = engineSettingsKey(before);
    expect(engineSettingsKey({ ...before, sla: { ...before.sla, warningShare: 0.5 } })).not.toBe(key);
    const caseSync = before.mappings.caseSync;
    const changed = (c: Partial<typeof caseSync>) =>
      engineSettingsKey({ ...before, mappings: { ...before.mappings, caseSync: { ...caseSync, ...c } } });
    expect(changed({ routing: { ...caseSync.routing, defaultRoute: 'erp' } })).not.toBe(key);
    expect(changed({ partnerStatus: { ...caseSync.partnerStatus, DONE: 'closed' } })).not.toBe(key);
    expect(
      engineSettingsKey({ ...before, documents: { ...before.documents, maxFilesPerUpload: 3 } }),
    ).not.toBe(key);
  });

  it('notification preferences and start at login do not', () => {
    const after = {
      ...before,
      startAtLogin: true,
      notifications: { ...before.notifications, enabled: false },
    };
    expect(engineSettingsKey(after)).toBe(engineSettingsKey(before));
  });
});
