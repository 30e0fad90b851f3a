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

  it('notification preferences and start at login do not', () => {
    const after = {
      ...before,
      startAtLogin: true,
      notifications: { ...before.notifications, enabled: false },
    };
    expect(engineSettingsKey(after)).toBe(engineSettingsKey(before));
  });
});
