// The words and click targets of grouped and summary notifications. A person should know from the
// title alone what happened and to whom: "ACME Retail: 5 transactions failed",
// "200 transactions failed across 7 partners".
import type { NotificationKind, RequestGroup } from './notificationBatch.ts';
import { listTarget } from './notificationTargets.ts';
import type { ListTarget } from './notificationTargets.ts';

export interface NotificationContent {
  title: string;
  body: string;
  target: string;
}

interface KindWords {
  /** "5 transactions failed" */
  happened(n: number): string;
  /** "5 failed transactions", for a breakdown of several kinds. */
  counted(n: number): string;
  /** The list that shows every item of this kind; null when there is none. */
  list: Omit<ListTarget, 'partnerId'> | null;
}

const KINDS: Record<NotificationKind, KindWords> = {
  transaction_failed: {
    happened: (n) => (n === 1 ? '1 transaction failed' : `${n} transactions failed`),
    counted: (n) => (n === 1 ? '1 failed transaction' : `${n} failed transactions`),
    list: { view: 'failed-transactions' },
  },
  sla_warning: {
    happened: (n) =>
      n === 1 ? '1 case is close to its SLA deadline' : `${n} cases are close to their SLA deadline`,
    counted: (n) => (n === 1 ? '1 SLA warning' : `${n} SLA warnings`),
    list: { view: 'cases', sla: 'warning' },
  },
  sla_breach: {
    happened: (n) => (n === 1 ? '1 case breached its SLA' : `${n} cases breached their SLA`),
    counted: (n) => (n === 1 ? '1 SLA breach' : `${n} SLA breaches`),
    list: { view: 'cases', sla: 'breach' },
  },
  credentials: {
    happened: (n) => (n === 1 ? '1 sign-in problem' : `${n} sign-in problems`),
    counted: (n) => (n === 1 ? '1 sign-in problem' : `${n} sign-in problems`),
    list: null,
  },
};

const TOP_PARTNERS = 3;

/** One notification for several requests of one kind and one partner. */
export function groupContent(group: RequestGroup): NotificationContent {
  const words = KINDS[group.kind];
  const what = words.happened(group.count);
  const items = group.samples.map((r) => withoutPrefix(r.title, group.partnerName));
  const more = group.count - items.length;
  return {
    title: group.partnerName ? `${group.partnerName}: ${what}` : capitalise(what),
    body: `${items.join('; ')}${more > 0 ? ` and ${more} more` : ''}`,
    target: words.list
      ? listTarget({ ...words.list, partnerId: group.partnerId })
      : (group.samples[0]?.target ?? listTarget({ view: 'inbox' })),
  };
}

/** One notification standing for many groups: counts by kind, and the partners with the most. */
export function summaryContent(groups: readonly RequestGroup[]): NotificationContent {
  const total = groups.reduce((n, g) => n + g.count, 0);
  const byKind = new Map<NotificationKind, number>();
  const byPartner = new Map<string, { name: string; count: number }>();
  for (const g of groups) {
    byKind.set(g.kind, (byKind.get(g.kind) ?? 0) + g.count);
    if (g.partnerId === null) continue;
    const p = byPartner.get(g.partnerId) ?? { name: g.partnerName ?? g.partnerId, count: 0 };
    p.count += g.count;
    byPartner.set(g.partnerId, p);
  }
  const kinds = [...byKind.keys()];
  const onlyKind = kinds.length === 1 ? kinds[0] : undefined;
  const partners = [...byPartner.entries()];
  const onlyPartner = partners.length === 1 ? partners[0] : undefined;

  const what = onlyKind ? KINDS[onlyKind].happened(total) : `${total} items need attention`;
  const title =
    partners.length > 1
      ? `${what} across ${partners.length} partners`
      : onlyPartner
        ? `${onlyPartner[1].name}: ${what}`
        : capitalise(what);

  const lines: string[] = [];
  if (!onlyKind) lines.push(`${joinWords(kinds.map((k) => KINDS[k].counted(byKind.get(k) ?? 0)))}.`);
  if (partners.length > 1) {
    const top = partners.sort((a, b) => b[1].count - a[1].count).slice(0, TOP_PARTNERS);
    const rest = partners.length - top.length;
    lines.push(
      `Most from ${joinWords(top.map(([, p]) => `${p.name} (${p.count})`))}` +
        `${rest > 0 ? `, and ${rest} other partner${rest === 1 ? '' : 's'}` : ''}.`,
    );
  }

  const list = onlyKind ? KINDS[onlyKind].list : null;
  const partnerId = onlyPartner?.[0] ?? null;
  return {
    title,
    body: lines.join(' '),
    target: list ? listTarget({ ...list, partnerId }) : listTarget({ view: 'inbox', partnerId }),
  };
}

/** The engine titles partner items "<partner>: <what>"; inside a partner's group the prefix repeats. */
function withoutPrefix(title: string, partnerName: string | null): string {
  return partnerName && title.startsWith(`${partnerName}: `) ? title.slice(partnerName.length + 2) : title;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function joinWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
