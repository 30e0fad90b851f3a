// Chooses the internal route for a piece of partner input (flow 5): the first configured rule whose
// every given criterion matches, else the default route. Keywords match whole words or phrases,
// ignoring case, so "order" does not match "border".
import type { CaseSyncSettings, RoutingRule } from '../../shared/config/caseSync.ts';
import type { InternalRoute } from '../../shared/domain/routeMessage.ts';

export interface PartnerInputFacts {
  caseType: string | undefined;
  partnerId: string;
  text: string;
  documentTypes: string[];
}

export interface RouteChoice {
  route: InternalRoute;
  /** The rule's name, or "default route". */
  rule: string;
}

function words(text: string): string {
  return ` ${text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

function matches(rule: RoutingRule, facts: PartnerInputFacts, text: string): boolean {
  if (rule.caseTypes && (facts.caseType === undefined || !rule.caseTypes.includes(facts.caseType)))
    return false;
  if (rule.partnerIds && !rule.partnerIds.includes(facts.partnerId)) return false;
  if (rule.documentTypes && !facts.documentTypes.some((d) => rule.documentTypes!.includes(d))) return false;
  if (rule.keywords && !rule.keywords.some((k) => text.includes(words(k)))) return false;
  return true;
}

export function chooseRoute(s: CaseSyncSettings['routing'], facts: PartnerInputFacts): RouteChoice {
  const text = words(facts.text);
  const rule = s.rules.find((r) => matches(r, facts, text));
  return rule ? { route: rule.route, rule: rule.name } : { route: s.defaultRoute, rule: 'default route' };
}
