import { describe, expect, it } from 'vitest';
import { trayMenuModel, type TrayMenuItem, type TrayState } from './trayMenuModel.ts';
import { attentionFrom } from './attention.ts';

const base: TrayState = {
  attention: attentionFrom(0, {}),
  paused: false,
  engine: { state: 'ready', message: null },
  mode: 'live',
  platform: 'win32',
};

const actions = (items: TrayMenuItem[]) =>
  items.flatMap((i) => (i.kind === 'action' ? [`${i.action}${i.enabled ? '' : ' (disabled)'}`] : []));
const statuses = (items: TrayMenuItem[]) => items.flatMap((i) => (i.kind === 'status' ? [i.label] : []));

describe('tray: the count of what needs attention', () => {
  it('counts failed transactions, SLA warnings and breaches', () => {
    const m = trayMenuModel({
      ...base,
      attention: attentionFrom(3, { warning: 2, breached: 1, ok: 40, met: 9 }),
    });
    expect(m.title).toBe('6');
    expect(m.tooltip).toBe(
      'Partner Desk\n6 need attention: 3 failed transactions, 1 SLA breach, 2 SLA warnings',
    );
    expect(statuses(m.items)[0]).toBe(
      '6 need attention: 3 failed transactions, 1 SLA breach, 2 SLA warnings',
    );
  });

  it('says so when nothing needs attention, with no number beside the icon', () => {
    const m = trayMenuModel(base);
    expect(m.title).toBe('');
    expect(m.tooltip).toBe('Partner Desk\nNothing needs attention');
  });

  it('uses the singular for one item', () => {
    expect(trayMenuModel({ ...base, attention: attentionFrom(1, {}) }).tooltip).toContain(
      '1 needs attention: 1 failed transaction',
    );
  });

  it('caps a large count at 999+', () => {
    const m = trayMenuModel({ ...base, attention: attentionFrom(12_000, { breached: 5 }) });
    expect(m.title).toBe('999+');
    expect(m.tooltip).toContain('999+ need attention: 12000 failed transactions, 5 SLA breaches');
  });

  it('says it is still counting before the engine has answered', () => {
    expect(trayMenuModel({ ...base, attention: null }).tooltip).toContain('Counting what needs attention…');
  });

  it('marks the demo', () => {
    expect(trayMenuModel({ ...base, mode: 'demo' }).tooltip.split('\n')[0]).toBe('Partner Desk (demo)');
  });
});

describe('tray: the menu', () => {
  it('offers open inbox, sync now, pause, settings and quit while syncing', () => {
    expect(actions(trayMenuModel(base).items)).toEqual([
      'open-inbox',
      'sync-now',
      'pause-sync',
      'settings',
      'quit',
    ]);
  });

  it('offers resume instead of pause while paused, and no sync now', () => {
    const m = trayMenuModel({ ...base, paused: true });
    expect(actions(m.items)).toEqual([
      'open-inbox',
      'sync-now (disabled)',
      'resume-sync',
      'settings',
      'quit',
    ]);
    expect(m.tooltip).toContain('Sync paused');
  });

  it('keeps inbox, settings and quit available while the engine restarts, and says so', () => {
    const m = trayMenuModel({ ...base, engine: { state: 'restarting', message: 'exit code 1' } });
    expect(actions(m.items)).toEqual([
      'open-inbox',
      'sync-now (disabled)',
      'pause-sync (disabled)',
      'settings',
      'quit',
    ]);
    expect(statuses(m.items)).toContain('Sync engine restarting after a problem…');
  });

  it('points to Settings when the engine cannot start', () => {
    const m = trayMenuModel({ ...base, engine: { state: 'failed', message: 'bad URL' } });
    expect(m.tooltip).toContain('Sync engine stopped: see Settings');
  });

  it('follows the platform’s wording for settings', () => {
    const label = (platform: NodeJS.Platform) =>
      trayMenuModel({ ...base, platform }).items.find((i) => i.kind === 'action' && i.action === 'settings');
    expect(label('darwin')).toMatchObject({ label: 'Settings…' });
    expect(label('win32')).toMatchObject({ label: 'Settings' });
  });
});
