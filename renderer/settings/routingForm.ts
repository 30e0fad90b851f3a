// The routing-rules editor's form (flow 5): each rule as a person edits it — lists typed with commas —
// and back as the case-sync routing settings. The first matching rule wins, so the rows keep their
// order; a partner message no rule matches goes to the default route.
import type { CaseSyncSettings } from '../../shared/config/caseSync.ts';
import { InternalRoute } from '../../shared/domain/routeMessage.ts';
import { addError, listFromText, listToText } from './formText.ts';
import type { FieldErrors } from './formText.ts';

export type Route = (typeof InternalRoute.options)[number];
export const ROUTES: readonly Route[] = InternalRoute.options;

export const ROUTING_PATH = 'mappings.caseSync.routing';
export const rulePath = (i: number) => `${ROUTING_PATH}.rules[${i}]`;

export interface RoutingRuleRow {
  /** Stable React key: rules can be renamed and moved. */
  key: number;
  name: string;
  route: Route;
  caseTypes: string;
  partnerIds: string;
  keywords: string;
  documentTypes: string;
}

export interface RoutingForm {
  rules: RoutingRuleRow[];
  defaultRoute: Route;
}

type Routing = CaseSyncSettings['routing'];

let nextKey = 0;
export const newRuleKey = () => nextKey++;

export function routingFormFrom(routing: Routing): RoutingForm {
  return {
    rules: routing.rules.map((r) => ({
      key: newRuleKey(),
      name: r.name,
      route: r.route,
      caseTypes: listToText(r.caseTypes),
      partnerIds: listToText(r.partnerIds),
      keywords: listToText(r.keywords),
      documentTypes: listToText(r.documentTypes),
    })),
    defaultRoute: routing.defaultRoute,
  };
}

export function emptyRule(): RoutingRuleRow {
  return {
    key: newRuleKey(),
    name: '',
    route: 'customer-service',
    caseTypes: '',
    partnerIds: '',
    keywords: '',
    documentTypes: '',
  };
}

/** The routing settings the form describes; the shared schema judges them (a rule must match on something). */
export function routingFromForm(form: RoutingForm, errors: FieldErrors): Routing {
  return {
    rules: form.rules.map((row, i) => {
      const rule: Routing['rules'][number] = { name: row.name.trim(), route: row.route };
      if (!rule.name)
        addError(errors, `${rulePath(i)}.name`, 'give the rule a name: the receiving team sees it');
      const lists = {
        caseTypes: listFromText(row.caseTypes),
        partnerIds: listFromText(row.partnerIds),
        keywords: listFromText(row.keywords),
        documentTypes: listFromText(row.documentTypes),
      };
      for (const [field, list] of Object.entries(lists)) if (list) Object.assign(rule, { [field]: list });
      return rule;
    }),
    defaultRoute: form.defaultRoute,
  };
}
