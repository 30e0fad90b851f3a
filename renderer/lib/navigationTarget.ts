// Turns a `navigate` event's target (from a notification click or the tray menu) into a place in the
// window. Targets come from outside the window, so anything not recognised opens nothing.
//
// Understood: `case:<caseId>` (e.g. case:exc:EX-1), `transaction:<id>`, `inbox`, `failed`, `health`,
// `settings`, each optionally `?partner=<id>&sla=<state>`; and the notifier's list form
// `view:inbox|cases|failed-transactions?partner=<id>&sla=<state>`.

export type Screen = 'inbox' | 'failed' | 'health' | 'settings';

export type Destination =
  | { screen: 'inbox'; caseId: string | null; partnerId: string | null; slaState: string | null }
  | { screen: 'failed'; partnerId: string | null; transactionId: string | null }
  | { screen: 'health' }
  | { screen: 'settings' };

const ID = /^[\w.:@-]{1,256}$/;
const SCREEN_ALIASES: Record<string, Screen> = {
  inbox: 'inbox',
  cases: 'inbox',
  failed: 'failed',
  'failed-transactions': 'failed',
  transactions: 'failed',
  health: 'health',
  settings: 'settings',
};

function param(query: URLSearchParams, name: string): string | null {
  const value = query.get(name);
  return value !== null && ID.test(value) ? value : null;
}

/** The notifier says `sla=breach`; the engine's SLA state (and so the inbox filter) is `breached`. */
const SLA_STATE_ALIASES: Record<string, string> = { breach: 'breached' };

function slaState(value: string | null): string | null {
  return value === null ? null : (SLA_STATE_ALIASES[value] ?? value);
}

export function parseNavigationTarget(target: unknown): Destination | null {
  if (typeof target !== 'string' || target.length === 0 || target.length > 600) return null;

  const item = /^(case|transaction):(.+)$/.exec(target);
  if (item) {
    const [, kind, id = ''] = item;
    if (!ID.test(id)) return null;
    return kind === 'case'
      ? { screen: 'inbox', caseId: id, partnerId: null, slaState: null }
      : { screen: 'failed', partnerId: null, transactionId: id };
  }

  const listForm = target.startsWith('view:') ? target.slice('view:'.length) : target;
  // `health:<anything>` and `settings:<section>` open the screen; the suffix names a detail we do not need.
  const [head = '', rawQuery = ''] = listForm.split('?', 2);
  const screen = SCREEN_ALIASES[head.split(':', 1)[0] ?? ''];
  if (!screen) return null;
  const query = new URLSearchParams(rawQuery);
  switch (screen) {
    case 'inbox':
      return {
        screen,
        caseId: null,
        partnerId: param(query, 'partner'),
        slaState: slaState(param(query, 'sla')),
      };
    case 'failed':
      return { screen, partnerId: param(query, 'partner'), transactionId: null };
    default:
      return { screen };
  }
}
