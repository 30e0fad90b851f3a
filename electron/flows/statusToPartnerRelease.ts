// Flow 4 — a resolution step quarantined because the status mapping did not know its status, tried
// again when the engine starts with the mappings then in force (electron/engine/quarantineRelease.ts).
//
// The rule for order: the partner's case never steps back in time. A released step is posted only when
// no later step of the same internal case has been posted, or queued to be posted, since it was
// quarantined; its outbox entry then shares the case's ordering key, so steps that arrive after it reach
// the partner after it. When a later step has gone out in the meantime, the released step is
// superseded: posting it now would set the partner's case back to an older status, so it is recorded on
// the case's timeline as superseded, released from the quarantine, and never posted.
import { z } from 'zod';
import { ResolutionStep } from '../../shared/domain/internalCase.ts';
import { partnerFacing } from '../caseSync/statusVocabulary.ts';
import { caseRefs } from '../caseSync/refs.ts';
import { postResolutionStep } from './statusToPartner.ts';
import type { FlowContext } from './flowContext.ts';
import type { QuarantineRetry } from './feedFlow.ts';

const QuarantinedStep = z.object({ caseId: z.string(), xcCaseId: z.string(), step: ResolutionStep });
type QuarantinedStep = z.infer<typeof QuarantinedStep>;

export const retryResolutionStep: QuarantineRetry = (payload, ctx) => {
  const parsed = QuarantinedStep.safeParse(payload);
  // An entry written before the payload carried its case cannot be placed: it stays, and says so.
  if (!parsed.success) throw new Error('the quarantined step does not name its case; it stays quarantined');
  const { caseId, xcCaseId, step } = parsed.data;
  // Still unknown: this quarantines it again, which keeps the entry where it is.
  if (!partnerFacing(ctx.mappings.caseSync, step.status))
    return postResolutionStep(xcCaseId, step, caseId, ctx);
  const later = laterPostedStep(ctx, parsed.data);
  if (later) {
    ctx.store.timeline.add({
      caseId,
      eventKey: `superseded:xc:${step.id}`,
      kind: 'sync',
      origin: 'engine',
      at: ctx.now,
      summary: `The status mapping now knows "${step.status}", but not posted to the partner: the case has since moved on to "${later}", and posting the older status now would set the partner's case back.`,
      detail: { stepId: step.id, status: step.status, supersededBy: later },
    });
    return;
  }
  ctx.store.timeline.add({
    caseId,
    eventKey: `released:xc:${step.id}`,
    kind: 'sync',
    origin: 'engine',
    at: ctx.now,
    summary: `The status mapping now knows "${step.status}": posting it to the partner.`,
    detail: { stepId: step.id, status: step.status },
  });
  postResolutionStep(xcCaseId, step, caseId, ctx);
};

/** The status of a step after this one, of the same internal case, that was posted (or queued). */
function laterPostedStep(ctx: FlowContext, q: QuarantinedStep): string | undefined {
  const own = `status:xc:${q.step.id}`;
  let seen = false;
  let found: string | undefined;
  for (let offset = 0; ; offset += 500) {
    const page = ctx.store.timeline.list(q.caseId, 500, offset);
    for (const e of page) {
      if (e.eventKey === own) seen = true;
      else if (seen && e.eventKey.startsWith('status:xc:') && e.detail.internalCaseId === q.xcCaseId) {
        const ref = caseRefs.statusPost(q.xcCaseId, String(e.detail.stepId));
        if (ctx.store.caseCopies.isOurs('trading-grid', ref, ref)) found = String(e.detail.status);
      }
    }
    if (page.length < 500) return found;
  }
}
