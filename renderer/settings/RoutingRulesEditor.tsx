// Flow 5: where partner messages, comments and attachments go in xConnector. Rules are tried in order and
// the first that matches wins, so they can be moved; a message no rule matches takes the default route.
import { errorsAt, leftoverErrors } from '../lib/settingsForm.ts';
import { ErrorList, SelectField, TextField } from './fields.tsx';
import { fieldErrorsOf, ListItemCard, type ListItemProps } from './ListItemCard.tsx';
import { emptyRule, ROUTES, ROUTING_PATH, rulePath, type Route, type RoutingRuleRow } from './routingForm.ts';
import type { SectionProps } from './sectionProps.ts';
import { EditableList } from './EditableList.tsx';

const ROUTE_NAMES: Record<Route, string> = {
  erp: 'ERP',
  'order-management': 'Order management',
  'customer-service': 'Customer service',
};
const ROUTE_OPTIONS = ROUTES.map((r) => ({ value: r, label: ROUTE_NAMES[r] }));

const LISTS = [
  ['caseTypes', 'Case types', 'e.g. INVOICE_DISPUTE, SHIPMENT_EXCEPTION'],
  ['partnerIds', 'Partner IDs', 'e.g. P-0001, P-0002'],
  ['keywords', 'Keywords', 'Words or phrases in the subject or text, e.g. invoice, credit note'],
  ['documentTypes', 'Document types', 'Of attached files, e.g. invoice, proof_of_delivery'],
] as const;

function RuleFields(item: ListItemProps<RoutingRuleRow>) {
  const { row: rule, index, change } = item;
  const path = rulePath(index);
  const at = fieldErrorsOf(item.errors, path);
  return (
    <ListItemCard
      title={`Routing rule ${index + 1}`}
      path={path}
      fields={['name', 'route', ...LISTS.map(([f]) => f)]}
      what={`routing rule ${index + 1}${rule.name ? ` (${rule.name})` : ''}`}
      item={item}
    >
      <div className="field-row">
        <TextField
          label="Name"
          hint="Shown to the receiving team as the reason."
          errors={at('name')}
          maxLength={200}
          value={rule.name}
          onChange={(name) => change({ name })}
        />
        <SelectField
          label="Route to"
          errors={at('route')}
          value={rule.route}
          options={ROUTE_OPTIONS}
          onChange={(route) => change({ route })}
        />
      </div>
      <p className="hint">Matches when every list filled in matches; lists take commas. Empty: any.</p>
      <div className="field-row">
        {LISTS.map(([field, label, hint]) => (
          <TextField
            key={field}
            label={label}
            hint={hint}
            errors={at(field)}
            value={rule[field]}
            onChange={(value) => change({ [field]: value })}
          />
        ))}
      </div>
    </ListItemCard>
  );
}

export function RoutingRulesEditor({ form, errors, edit }: SectionProps) {
  const { rules, defaultRoute } = form.routing;
  const shown = [...rules.map((_, i) => rulePath(i)), `${ROUTING_PATH}.defaultRoute`];
  return (
    <fieldset className="settings-section" aria-describedby="routing-help">
      <legend>Routing rules</legend>
      <p id="routing-help" className="hint">
        Where partner messages, comments and attachments go in xConnector. Rules are tried from the top; the
        first that matches decides.
      </p>
      <ErrorList errors={leftoverErrors(errors, ROUTING_PATH, shown)} />
      <EditableList
        rows={rules}
        errors={errors}
        onChange={(next) => edit({ routing: { ...form.routing, rules: next } })}
        newRow={emptyRule}
        addLabel="Add routing rule"
        renderItem={(item) => <RuleFields {...item} />}
      />
      <SelectField
        label="When no rule matches, route to"
        errors={errorsAt(errors, `${ROUTING_PATH}.defaultRoute`)}
        value={defaultRoute}
        options={ROUTE_OPTIONS}
        onChange={(route) => edit({ routing: { ...form.routing, defaultRoute: route } })}
      />
    </fieldset>
  );
}
