// A run of one of xConnector's internal workflows (e.g. the escalation procedure of a support tier),
// started by Partner Desk with a few named inputs. The run carries our correlation reference, so a retry
// after a lost response finds it instead of starting the workflow twice.
import { z } from 'zod';
import { CorrelationRef, Id, IsoDateTime, ShortText } from './primitives.ts';

export const WorkflowId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, ".", "_" or "-"');

const InputName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'a name such as caseId or tier');
const InputValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

export const NewWorkflowRun = z.object({
  correlationRef: CorrelationRef,
  /** Why the run was started, in words a person reading xConnector's run list understands. */
  reason: ShortText.min(1),
  input: z
    .record(InputName, InputValue)
    .refine((i) => Object.keys(i).length <= 50, 'at most 50 inputs')
    .default({}),
});
export type NewWorkflowRun = z.infer<typeof NewWorkflowRun>;

export const WorkflowRun = NewWorkflowRun.extend({
  id: Id,
  workflowId: WorkflowId,
  status: z.string().min(1).max(32),
  createdAt: IsoDateTime,
});
export type WorkflowRun = z.infer<typeof WorkflowRun>;
