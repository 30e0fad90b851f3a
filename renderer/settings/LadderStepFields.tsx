// One step of the SLA escalation ladder: the support tier and priority the Trading Grid case moves to,
// the comment posted with it, the xConnector workflow started, and (after the first step) how long the
// case stays overdue before this step follows the one before.
import { COMMENT_PLACEHOLDERS } from '../../shared/config/slaPolicies.ts';
import { NumberField, SelectField, TextAreaField, TextField } from './fields.tsx';
import { humanize } from '../lib/formatting.ts';
import { fieldErrorsOf, ListItemCard, type ListItemProps } from './ListItemCard.tsx';
import { PRIORITIES, stepPath, type LadderRow } from './slaForm.ts';

const FIELDS = ['tier', 'priority', 'workflowId', 'afterMinutes', 'comment'];
const PRIORITY_OPTIONS = PRIORITIES.map((p) => ({ value: p, label: humanize(p) }));

export function LadderStepFields(item: ListItemProps<LadderRow>) {
  const { row: step, index, change } = item;
  const path = stepPath(index);
  const at = fieldErrorsOf(item.errors, path);
  return (
    <ListItemCard
      title={`Escalation step ${index + 1}`}
      path={path}
      fields={FIELDS}
      what={`escalation step ${index + 1}`}
      item={item}
    >
      <div className="field-row">
        <NumberField
          label="Support tier"
          hint="1 to 5, higher than the step before."
          errors={at('tier')}
          min={1}
          max={5}
          value={step.tier}
          onChange={(tier) => change({ tier })}
        />
        <SelectField
          label="Priority"
          errors={at('priority')}
          value={step.priority}
          options={PRIORITY_OPTIONS}
          onChange={(priority) => change({ priority })}
        />
        <TextField
          label="xConnector workflow"
          errors={at('workflowId')}
          maxLength={64}
          value={step.workflowId}
          onChange={(workflowId) => change({ workflowId })}
        />
        <NumberField
          label="After (business minutes overdue)"
          hint={index === 0 ? 'The first step runs at the breach.' : 'Since the step before.'}
          errors={at('afterMinutes')}
          min={1}
          disabled={index === 0}
          value={step.afterMinutes}
          onChange={(afterMinutes) => change({ afterMinutes })}
        />
      </div>
      <TextAreaField
        label="Comment to the partner"
        hint={`May use ${COMMENT_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`}
        errors={at('comment')}
        maxLength={2000}
        value={step.comment}
        onChange={(comment) => change({ comment })}
      />
    </ListItemCard>
  );
}
