// The tray icon's tooltip, title (macOS menu bar text) and menu, as plain data built from the app's
// state; trayController.ts turns it into Electron's Tray and Menu. Kept pure so every state the tray
// can show is tested without a desktop.
import type { EngineHostStateDto } from '../../../shared/ipc/dto.ts';
import type { Attention } from './attention.ts';

export type TrayAction = 'open-inbox' | 'sync-now' | 'pause-sync' | 'resume-sync' | 'settings' | 'quit';

export type TrayMenuItem =
  | { kind: 'action'; action: TrayAction; label: string; enabled: boolean }
  | { kind: 'status'; label: string }
  | { kind: 'separator' };

export interface TrayState {
  /** Null until the engine has answered once. */
  attention: Attention | null;
  paused: boolean;
  engine: EngineHostStateDto;
  mode: 'demo' | 'live';
  platform: NodeJS.Platform;
}

export interface TrayModel {
  tooltip: string;
  /** Text beside the icon in the macOS menu bar: the count, or nothing when all is well. */
  title: string;
  items: TrayMenuItem[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "999+" rather than a number wider than the menu bar can spare. */
export function shortCount(n: number): string {
  return n > 999 ? '999+' : String(n);
}

export function attentionSummary(a: Attention | null): string {
  if (!a) return 'Counting what needs attention…';
  if (a.total === 0) return 'Nothing needs attention';
  const parts = [
    a.failedTransactions ? plural(a.failedTransactions, 'failed transaction', 'failed transactions') : null,
    a.slaBreaches ? plural(a.slaBreaches, 'SLA breach', 'SLA breaches') : null,
    a.slaWarnings ? plural(a.slaWarnings, 'SLA warning', 'SLA warnings') : null,
  ].filter((p): p is string => p !== null);
  return `${shortCount(a.total)} need${a.total === 1 ? 's' : ''} attention: ${parts.join(', ')}`;
}

function engineLine(state: TrayState): string | null {
  switch (state.engine.state) {
    case 'starting':
      return 'Sync engine starting…';
    case 'restarting':
      return 'Sync engine restarting after a problem…';
    case 'failed':
      return 'Sync engine stopped: see Settings';
    case 'stopped':
      return 'Sync engine stopped';
    case 'ready':
      return state.paused ? 'Sync paused' : null;
  }
}

export function trayMenuModel(state: TrayState): TrayModel {
  const running = state.engine.state === 'ready';
  const engine = engineLine(state);
  const summary = attentionSummary(state.attention);
  const demo = state.mode === 'demo' ? ' (demo)' : '';
  const tooltip = [`Partner Desk${demo}`, summary, engine].filter(Boolean).join('\n');
  const count = state.attention?.total ?? 0;

  const items: TrayMenuItem[] = [
    { kind: 'status', label: summary },
    ...(engine ? [{ kind: 'status' as const, label: engine }] : []),
    { kind: 'separator' },
    { kind: 'action', action: 'open-inbox', label: 'Open Inbox', enabled: true },
    { kind: 'action', action: 'sync-now', label: 'Sync Now', enabled: running && !state.paused },
    state.paused
      ? { kind: 'action', action: 'resume-sync', label: 'Resume Sync', enabled: running }
      : { kind: 'action', action: 'pause-sync', label: 'Pause Sync', enabled: running },
    { kind: 'separator' },
    {
      kind: 'action',
      action: 'settings',
      label: state.platform === 'darwin' ? 'Settings…' : 'Settings',
      enabled: true,
    },
    { kind: 'separator' },
    { kind: 'action', action: 'quit', label: 'Quit Partner Desk', enabled: true },
  ];
  return { tooltip, title: count > 0 ? shortCount(count) : '', items };
}
