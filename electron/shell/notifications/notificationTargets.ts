// What a click on a notification opens. A notification about one item carries the engine's own target
// (`transaction:T-1`, `case:exc:E-1`); a grouped or summary notification opens a filtered list, written
// `view:<list>?partner=<id>&sla=<state>` so it survives being passed around as a plain string.

export type ListView = 'failed-transactions' | 'cases' | 'inbox';
export type SlaFilter = 'warning' | 'breach';

export interface ListTarget {
  view: ListView;
  partnerId?: string | null;
  sla?: SlaFilter | null;
}

export type ParsedTarget =
  | { kind: 'item'; ref: string }
  | { kind: 'list'; view: ListView; partnerId: string | null; sla: SlaFilter | null }
  | { kind: 'invalid' };

const LIST_VIEWS: readonly string[] = ['failed-transactions', 'cases', 'inbox'];
/** Item targets the window knows how to open; anything else (a URL, a script) is refused. */
const ITEM_REF = /^(transaction|case|health|settings):[\w.:@-]{1,300}$/;

export function listTarget(t: ListTarget): string {
  const query = new URLSearchParams();
  if (t.partnerId) query.set('partner', t.partnerId);
  if (t.sla) query.set('sla', t.sla);
  const q = query.toString();
  return `view:${t.view}${q ? `?${q}` : ''}`;
}

/** Parses a target before acting on it: a click handler should open only what it recognises. */
export function parseNotificationTarget(target: string): ParsedTarget {
  if (target.startsWith('view:')) {
    const [view = '', q = ''] = target.slice('view:'.length).split('?', 2);
    if (!LIST_VIEWS.includes(view)) return { kind: 'invalid' };
    const query = new URLSearchParams(q);
    const sla = query.get('sla');
    return {
      kind: 'list',
      view: view as ListView,
      partnerId: query.get('partner'),
      sla: sla === 'warning' || sla === 'breach' ? sla : null,
    };
  }
  return ITEM_REF.test(target) ? { kind: 'item', ref: target } : { kind: 'invalid' };
}
