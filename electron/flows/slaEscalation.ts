// Flow 8 — SLA escalation. What one look at a case's SLA clock decided becomes, in the same
// transaction: timeline events, a desktop notification for a warning or a breach, and for each ladder
// step two remote writes through the outbox: the Trading Grid issue moves to the step's support tier
// and priority with a comment, and the step's internal workflow starts in xConnector. Each write
// carries a correlation reference stored on the remote object and is looked up before any retry.
import { createHash } from 'node:crypto';
import { defineOperation } from '../sync/outboxOperation.ts';
import { createOnce } from '../sync/createOnce.ts';
import { formatLocal } from '../sla/zonedTime.ts';
import { fillTemplate, formatDuration, phaseLabel } from '../sla/slaWording.ts';
import type { FlowContext } from './flowContext.ts';
import type { SlaEvaluation, SlaHappening } from '../sla/slaClock.ts';
import type { SlaCaseFacts } from '../store/sla.ts';
import type { NotificationRequest } from '../engine/notifier.ts';
import type { NewIssueUpdate } from '../../shared/domain/issueUpdate.ts';
import type { NewWorkflowRun } from '../../shared/domain/workflowRun.ts';
import type { LadderStep } from '../../shared/config/slaPolicies.ts';

interface EscalateIssuePayload {
  caseId: string;
  step: number;
  issueId: string;
  update: NewIssueUpdate;
}

interface TriggerWorkflowPayload {
  caseId: string;
  step: number;
  workflowId: string;
  run: NewWorkflowRun;
}

const PRIORITY_RANK = ['low', 'medium', 'high', 'urgent'];

/** The higher of two priorities: an escalation never lowers what the case already had. */
function higherPriority<T extends string>(a: string, b: T): T {
  return (PRIORITY_RANK.indexOf(a) > PRIORITY_RANK.indexOf(b) ? a : b) as T;
}

/** Case ids are used inside correlation references; an id with other characters is hashed. */
function refPart(caseId: string): string {
  return /^[A-Za-z0-9._:-]{1,150}$/.test(caseId)
    ? caseId
    : `h-${createHash('sha256').update(caseId).digest('hex').slice(0, 32)}`;
}

export const escalationRef = (caseId: string, step: number) => `pd:sla:${refPart(caseId)}:${step}`;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export interface SlaDecision {
  facts: SlaCaseFacts;
  evaluation: SlaEvaluation;
  partnerName: string;
  ladder: readonly LadderStep[];
}

/** Records and enqueues what an evaluation decided. Runs inside the tick's transaction. */
export function applySlaDecision(ctx: FlowContext, d: SlaDecision): void {
  const escalation = d.evaluation.happenings.find(
    (h): h is Extract<SlaHappening, { kind: 'escalate' }> => h.kind === 'escalate',
  );
  for (const h of d.evaluation.happenings) {
    if (h.kind === 'warning') warn(ctx, d, h);
    else if (h.kind === 'breach') breach(ctx, d, h, escalation?.reason === 'breach' ? escalation : undefined);
    else if (h.kind === 'escalate') escalate(ctx, d, h);
    else resolved(ctx, d, h);
  }
}

function notify(ctx: FlowContext, key: string, request: Omit<NotificationRequest, 'id'>): void {
  ctx.enqueue({
    idempotencyKey: `desktop.notify:${key}`,
    correlationRef: `pd:notify:${key}`,
    system: 'desktop',
    operation: 'desktop.notify',
    orderingKey: `notify:${key}`,
    payload: { ...request, id: `notify:${key}` },
  });
}

function warn(ctx: FlowContext, d: SlaDecision, h: Extract<SlaHappening, { kind: 'warning' }>): void {
  const { facts, evaluation } = d;
  const zone = evaluation.calendar.timeZone;
  const what = `the ${phaseLabel(h.phase)} target of ${formatDuration(h.targetMs)}`;
  ctx.store.timeline.add({
    caseId: facts.id,
    eventKey: `sla-warning:${h.phase}`,
    kind: 'sla',
    origin: 'engine',
    at: h.at,
    summary: `SLA warning: ${what} falls due ${formatLocal(zone, h.dueAt)}`,
    detail: {
      phase: h.phase,
      dueAt: h.dueAt,
      targetMinutes: h.targetMs / 60_000,
      policyId: evaluation.policy.id,
    },
  });
  notify(ctx, `sla-warning:${facts.id}:${h.phase}`, {
    kind: 'sla_warning',
    partnerId: facts.partnerId,
    partnerName: d.partnerName,
    title: clip(`SLA warning: ${facts.title}`, 200),
    body: `${d.partnerName}: ${what} falls due ${formatLocal(zone, h.dueAt)}.`,
    target: `case:${facts.id}`,
  });
}

function breach(
  ctx: FlowContext,
  d: SlaDecision,
  h: Extract<SlaHappening, { kind: 'breach' }>,
  escalation: Extract<SlaHappening, { kind: 'escalate' }> | undefined,
): void {
  const { facts, evaluation } = d;
  const zone = evaluation.calendar.timeZone;
  const what = `the ${phaseLabel(h.phase)} target of ${formatDuration(h.targetMs)} fell due ${formatLocal(zone, h.at)}`;
  ctx.store.timeline.add({
    caseId: facts.id,
    eventKey: `sla-breach:${h.phase}`,
    kind: 'sla',
    origin: 'engine',
    at: h.at,
    summary: `SLA breached: ${what}`,
    detail: {
      phase: h.phase,
      dueAt: h.at,
      targetMinutes: h.targetMs / 60_000,
      policyId: evaluation.policy.id,
    },
  });
  const then = escalation
    ? ` Escalated to support tier ${escalation.ladderStep.tier} at ${higherPriority(facts.priority, escalation.ladderStep.priority)} priority.`
    : facts.tgIssueId
      ? ''
      : ' It will be escalated once its Trading Grid issue exists.';
  notify(ctx, `sla-breach:${facts.id}:${h.phase}`, {
    kind: 'sla_breach',
    partnerId: facts.partnerId,
    partnerName: d.partnerName,
    title: clip(`SLA breached: ${facts.title}`, 200),
    body: `${d.partnerName}: ${what}.${then}`,
    target: `case:${facts.id}`,
  });
}

function escalate(ctx: FlowContext, d: SlaDecision, h: Extract<SlaHappening, { kind: 'escalate' }>): void {
  const { facts, evaluation } = d;
  const issueId = facts.tgIssueId;
  if (!issueId) throw new Error(`case ${facts.id} cannot be escalated before it has a Trading Grid issue`);
  const zone = evaluation.calendar.timeZone;
  const step = h.ladderStep;
  const priority = d.ladder
    .slice(0, h.step)
    .reduce((p, s) => higherPriority(p, s.priority), higherPriority(facts.priority, step.priority));
  const phase = phaseLabel(h.phase);
  const comment = fillTemplate(step.comment, {
    case: facts.id,
    title: facts.title,
    partner: d.partnerName,
    phase,
    target: formatDuration(h.targetMs),
    dueAt: formatLocal(zone, h.dueAt),
    overdue: formatDuration(h.overdueMs),
    tier: String(step.tier),
    priority,
    step: String(h.step),
  });
  const ref = escalationRef(facts.id, h.step);
  const why =
    h.reason === 'breach'
      ? `the ${phase} target of ${formatDuration(h.targetMs)} was breached`
      : `still ${formatDuration(h.overdueMs)} past the ${phase} target`;

  ctx.store.timeline.add({
    caseId: facts.id,
    eventKey: `escalation:${h.step}`,
    kind: 'escalation',
    origin: 'engine',
    at: h.at,
    summary: `Escalated to support tier ${step.tier} at ${priority} priority (step ${h.step} of ${d.ladder.length}): ${why}. Trading Grid issue ${issueId} is updated and xConnector workflow "${step.workflowId}" started.`,
    detail: {
      step: h.step,
      tier: step.tier,
      priority,
      workflowId: step.workflowId,
      phase: h.phase,
      reason: h.reason,
    },
  });
  const update: EscalateIssuePayload = {
    caseId: facts.id,
    step: h.step,
    issueId,
    update: { priority, supportTier: step.tier, comment, correlationRef: ref },
  };
  ctx.enqueue({
    idempotencyKey: `tg.escalateIssue:${facts.id}:${h.step}`,
    correlationRef: ref,
    system: 'trading-grid',
    operation: 'tg.escalateIssue',
    // Per system, so an internal workflow still starts when Trading Grid refuses the update.
    orderingKey: `sla:${facts.id}:trading-grid`,
    payload: update,
  });
  const run: TriggerWorkflowPayload = {
    caseId: facts.id,
    step: h.step,
    workflowId: step.workflowId,
    run: {
      correlationRef: ref,
      reason: clip(`SLA escalation step ${h.step} of case ${facts.id}: ${why}`, 500),
      input: {
        caseId: facts.id,
        title: clip(facts.title, 2000),
        partnerId: facts.partnerId,
        partnerName: clip(d.partnerName, 2000),
        tradingGridIssueId: issueId,
        communityId: facts.communityId,
        step: h.step,
        supportTier: step.tier,
        priority,
        phase: h.phase,
        dueAt: new Date(h.dueAt).toISOString(),
        overdueMinutes: Math.round(h.overdueMs / 60_000),
        policyId: evaluation.policy.id,
      },
    },
  };
  ctx.enqueue({
    idempotencyKey: `xc.triggerWorkflow:${facts.id}:${h.step}`,
    correlationRef: ref,
    system: 'xconnector',
    operation: 'xc.triggerWorkflow',
    orderingKey: `sla:${facts.id}:xconnector`,
    payload: run,
  });
  if (h.reason === 'still_overdue')
    notify(ctx, `sla-escalation:${facts.id}:${h.step}`, {
      kind: 'sla_breach',
      partnerId: facts.partnerId,
      partnerName: d.partnerName,
      title: clip(`Escalated to tier ${step.tier}: ${facts.title}`, 200),
      body: `${d.partnerName}: ${why}; now with support tier ${step.tier} at ${priority} priority.`,
      target: `case:${facts.id}`,
    });
}

function resolved(ctx: FlowContext, d: SlaDecision, h: Extract<SlaHappening, { kind: 'resolved' }>): void {
  ctx.store.timeline.add({
    caseId: d.facts.id,
    eventKey: `sla-resolved:${h.at}`,
    kind: 'sla',
    origin: 'engine',
    at: h.at,
    summary: h.late ? 'Resolved after the resolution target' : 'Resolved within the resolution target',
    detail: { late: h.late, policyId: d.evaluation.policy.id },
  });
}

export const escalateIssueOperation = defineOperation({
  operation: 'tg.escalateIssue',
  system: 'trading-grid',
  lookupBeforeRetry: true,
  deliver(entry, previousAttempts, { ports }) {
    const p = entry.payload as EscalateIssuePayload;
    return createOnce(
      previousAttempts,
      () => ports.tradingGrid.findIssueUpdatesByRef(entry.correlationRef),
      () => ports.tradingGrid.updateIssue(p.issueId, p.update, entry.idempotencyKey),
    );
  },
  onDelivered(entry, delivered, ctx) {
    const p = entry.payload as EscalateIssuePayload;
    ctx.store.timeline.add({
      caseId: p.caseId,
      eventKey: `escalation:${p.step}:trading-grid`,
      kind: 'sync',
      origin: 'engine',
      at: ctx.now,
      summary: `Trading Grid issue ${p.issueId} is now with support tier ${p.update.supportTier} at ${p.update.priority} priority`,
      detail: { step: p.step, updateId: delivered.remoteId, recovered: delivered.recovered },
    });
  },
});

export const triggerWorkflowOperation = defineOperation({
  operation: 'xc.triggerWorkflow',
  system: 'xconnector',
  lookupBeforeRetry: true,
  deliver(entry, previousAttempts, { ports }) {
    const p = entry.payload as TriggerWorkflowPayload;
    return createOnce(
      previousAttempts,
      () => ports.xconnector.findWorkflowRunsByRef(entry.correlationRef),
      () => ports.xconnector.triggerWorkflow(p.workflowId, p.run, entry.idempotencyKey),
    );
  },
  onDelivered(entry, delivered, ctx) {
    const p = entry.payload as TriggerWorkflowPayload;
    ctx.store.timeline.add({
      caseId: p.caseId,
      eventKey: `escalation:${p.step}:xconnector`,
      kind: 'sync',
      origin: 'engine',
      at: ctx.now,
      summary: `xConnector workflow "${p.workflowId}" started (run ${delivered.remoteId ?? 'unknown'})`,
      detail: { step: p.step, runId: delivered.remoteId, recovered: delivered.recovered },
    });
  },
});
