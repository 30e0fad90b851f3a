// What the chaos run must find on the simulators, kind by kind. The expected set of each kind is
// computed from what the world holds on the side the flow reads from (exceptions, failed transactions,
// cases, comments, documents, reference records, partner input), never from the engine's own counts;
// the found set is what the other side holds. A key found twice is a duplicate, a key never found is lost.
import type { RunningSimulators } from '../../electron/simulators/index.ts';
import { FAILED_STATUSES } from '../../electron/simulators/worldFactory.ts';
import { PARTNER_DESK_ORIGIN } from '../../shared/domain/internalCase.ts';
import { CaseSyncSettings } from '../../shared/config/caseSync.ts';
import { Mappings } from '../../shared/config/mappings.ts';
import { caseRefs } from '../../electron/caseSync/refs.ts';
import { escalationRef } from '../../electron/flows/slaEscalation.ts';
import type { IssueSnapshot } from '../../shared/domain/issueSnapshot.ts';
import type { CommentAttachment } from '../../shared/domain/comment.ts';
import type { InternalCase } from '../../shared/domain/internalCase.ts';
import { LADDER_STEPS } from './chaosWorld.ts';
import type { PersonDrop } from './chaosDrops.ts';

export interface KindTally {
  expected: number;
  found: number;
  /** Extra copies: a key found n times adds n - 1. */
  duplicates: number;
  lost: number;
  /** Keys found that the world did not ask for (a sign the expectation or a flow is wrong). */
  unexpected: number;
  /** A few lost or duplicated keys, to start looking from. */
  examples: string[];
}

export function tally(expected: Iterable<string>, found: Iterable<string>): KindTally {
  const want = new Set(expected);
  const seen = new Map<string, number>();
  for (const k of found) seen.set(k, (seen.get(k) ?? 0) + 1);
  const t: KindTally = { expected: want.size, found: 0, duplicates: 0, lost: 0, unexpected: 0, examples: [] };
  const example = (what: string) => void (t.examples.length < 5 && t.examples.push(what));
  for (const [k, n] of seen) {
    if (!want.has(k)) {
      t.unexpected++;
      example(`unexpected ${k}`);
    } else t.found++;
    if (n > 1) {
      t.duplicates += n - 1;
      example(`${n}× ${k}`);
    }
  }
  for (const k of want)
    if (!seen.has(k)) {
      t.lost++;
      example(`lost ${k}`);
    }
  return t;
}

const ours = (origin: string | null) => origin === PARTNER_DESK_ORIGIN;

/** Every Trading Grid issue as its change feed shows it (comments, status updates). */
function snapshots(sims: RunningSimulators): IssueSnapshot[] {
  const feed = sims.tradingGrid.sim.issueFeed;
  return feed.issueIds().flatMap((id) => feed.snapshot(id) ?? []);
}

/** `personDrops`: files dropped by hand that the engine took (flow 2's second path). */
export function tallyAll(
  sims: RunningSimulators,
  personDrops: readonly PersonDrop[] = [],
): Record<string, KindTally> {
  const xc = sims.xconnector.sim;
  const tg = sims.tradingGrid.sim;
  const exceptions = [...xc.state.exceptions.values()];
  const cases = xc.cases.all();
  const issues = snapshots(sims);
  const mapping = CaseSyncSettings.parse({}).statusToPartner;
  const transactionStatus = Mappings.parse({}).xconnector.transactionStatus;

  // Flow 1 (and flow 7's issues for internal cases): one issue each, and the link back on xConnector.
  const issueByRef = new Map(tg.issues().map((i) => [i.correlationRef, i.id]));
  const issueOfException = (id: string) => issueByRef.get(`pd:exc:${id}`);
  // An internal case about an exception joins the exception's desk case and its issue (flow 7).
  const issueOfCase = (c: InternalCase) =>
    c.exceptionId === null ? issueByRef.get(caseRefs.caseIssue(c.id)) : issueOfException(c.exceptionId);
  const own = cases.filter((c) => c.exceptionId === null);
  const about = cases.filter((c) => c.exceptionId !== null);
  const result: Record<string, KindTally> = {
    issues: tally(
      [...exceptions.map((e) => `pd:exc:${e.id}`), ...own.map((c) => caseRefs.caseIssue(c.id))],
      tg.issues().map((i) => i.correlationRef),
    ),
    links: tally(
      [
        ...exceptions.map((e) => `exception ${e.id} → ${issueOfException(e.id) ?? '(no issue)'}`),
        ...own.map((c) => `case ${c.id} → ${issueOfCase(c) ?? '(no issue)'}`),
      ],
      [
        ...exceptions.flatMap((e) => (e.link ? [`exception ${e.id} → ${e.link.issueId}`] : [])),
        ...own.flatMap((c) => (c.link ? [`case ${c.id} → ${c.link.issueId}`] : [])),
      ],
    ),
  };
  // Flow 7: an internal case about an exception is linked to the exception's issue, and gets no issue
  // of its own (one would be a second copy of that issue).
  const joinedCases = tally(
    about.map((c) => `case ${c.id} → ${issueOfCase(c) ?? '(no issue)'}`),
    about.flatMap((c) => (c.link ? [`case ${c.id} → ${c.link.issueId}`] : [])),
  );
  for (const c of about)
    if (issueByRef.has(caseRefs.caseIssue(c.id))) {
      joinedCases.duplicates++;
      if (joinedCases.examples.length < 5) joinedCases.examples.push(`case ${c.id} has an issue of its own`);
    }
  result['joinedCases'] = joinedCases;

  // Flow 3: one alert per failed or rejected transaction, named by the status it failed with (xConnector's
  // word, normalised through the configured status mapping).
  result['alerts'] = tally(
    [...xc.state.transactions.values()]
      .filter((t) => (FAILED_STATUSES as readonly string[]).includes(t.status))
      .map((t) => `pd:txn:${t.id}:${transactionStatus[t.status] ?? t.status}`),
    tg.alerts().map((a) => a.correlationRef),
  );

  // Flow 2 (dispute documents, files dropped by hand) and flow 7 (partner-visible case documents): the
  // bytes on the issue once.
  result['attachments'] = tally(
    [
      ...xc.documents.all().map((d) => `${issueOfException(d.exceptionId) ?? '?'} ${d.sha256}`),
      ...personDrops.map((d) => `${issueOfException(d.exceptionId) ?? '?'} ${d.sha256}`),
      ...cases.flatMap((c) =>
        c.attachments
          .filter((a) => a.visibility === 'partner' && !ours(a.origin))
          .map((a) => `${issueOfCase(c) ?? '?'} ${a.sha256}`),
      ),
    ],
    [...tg.attachments.attachments.values()].map((a) => `${a.issueId} ${a.sha256}`),
  );

  // Flow 4: each internal step whose status the mapping knows, posted to the case's issue.
  result['statusPosts'] = tally(
    cases.flatMap((c) =>
      c.steps
        .filter((s) => !ours(s.origin) && Object.hasOwn(mapping, s.status))
        .map((s) => caseRefs.statusPost(c.id, s.id)),
    ),
    issues.flatMap((i) => i.statusUpdates.flatMap((u) => (u.correlationRef ? [u.correlationRef] : []))),
  );

  // Flow 5: every issue a partner opened and every comment a partner wrote, routed once.
  const routes = xc.cases.routedByRoute;
  result['routedMessages'] = tally(
    issues.flatMap((i) => [
      ...(i.openedBy.kind === 'partner' ? [caseRefs.routedIssue(i.id)] : []),
      ...i.comments.filter((c) => c.author.kind === 'partner').map((c) => caseRefs.routedComment(c.id)),
    ]),
    [...routes.erp, ...routes['order-management'], ...routes['customer-service']].map(
      (m) => m.correlationRef,
    ),
  );

  // Flow 7: comments both ways — internal partner-visible comments onto the issue, and every comment
  // written in Trading Grid on an internal case's issue into the internal case.
  const issueById = new Map(issues.map((i) => [i.id, i]));
  result['comments'] = tally(
    cases.flatMap((c) => {
      const toIssue = c.comments
        .filter((x) => x.visibility === 'partner' && !ours(x.origin))
        .map((x) => caseRefs.internalComment(x.id));
      const issue = c.link ? issueById.get(c.link.issueId) : undefined;
      const toCase = (issue?.comments ?? [])
        .filter((x) => !ours(x.origin))
        .map((x) => caseRefs.issueComment(x.id));
      return [...toIssue, ...toCase];
    }),
    [
      ...issues.flatMap((i) => i.comments.flatMap((x) => (x.correlationRef ? [x.correlationRef] : []))),
      ...cases.flatMap((c) => c.comments.flatMap((x) => (x.correlationRef ? [x.correlationRef] : []))),
    ].filter((ref) => ref.startsWith('pd:xc-comment:') || ref.startsWith('pd:tg-comment:')),
  );

  // Flows 5 and 7: each file a partner attached, within the configured limits, lands once on the
  // message its comment was routed as and once on the internal case its issue is linked to.
  const limits = CaseSyncSettings.parse({}).partnerFiles;
  const routedByRef = new Map(
    [...routes.erp, ...routes['order-management'], ...routes['customer-service']].map((m) => [
      m.correlationRef,
      m.id,
    ]),
  );
  const caseOfIssue = new Map(cases.flatMap((c) => (c.link ? [[c.link.issueId, c.id] as const] : [])));
  const passedOn = (a: CommentAttachment) =>
    a.sha256 !== undefined &&
    a.sizeBytes > 0 &&
    a.sizeBytes <= limits.maxBytes &&
    limits.allowedContentTypes.includes(a.contentType.toLowerCase());
  const files = xc.cases.partnerFiles;
  result['partnerFiles'] = tally(
    issues.flatMap((i) =>
      i.comments
        .filter((c) => c.author.kind === 'partner')
        .flatMap((c) =>
          (c.attachments ?? []).filter(passedOn).flatMap((a) => {
            const message = routedByRef.get(caseRefs.routedComment(c.id)) ?? '?';
            const internalCase = caseOfIssue.get(i.id);
            return [
              `route-message:${message}:${a.sha256}`,
              ...(internalCase ? [`case:${internalCase}:${a.sha256}`] : []),
            ];
          }),
        ),
    ),
    [
      ...files.all().map((f) => `${f.target}:${f.targetId}:${f.sha256}`),
      // The simulator keeps the first of each content; a content stored again is listed once more here.
      ...[...files.duplicateContent],
    ],
  );

  // Flow 6: the directory mirrors xConnector's live records; no version was applied twice.
  const live = xc.referenceData.liveRecords();
  const reference = tally(
    live.map((r) => `${r.kind}:${r.key} ${canonical(r.data)}`),
    tg.directory.all().map((r) => `${r.kind}:${r.key} ${canonical(r.data)}`),
  );
  reference.duplicates += versionsAppliedTwice(sims);
  result['referenceRecords'] = reference;

  // Flow 8: every exception case climbs the whole ladder; each step updates the issue once and
  // starts one workflow run. An exception an internal case joined climbs only while that case's steps
  // leave it open and not waiting on the partner, which turns on when they were read: its steps are
  // expected where they turned up (then once), and never counted lost.
  const joined = new Set(cases.flatMap((c) => (c.exceptionId === null ? [] : [c.exceptionId])));
  const ladder = (found: string[]) => {
    const present = new Set(found);
    const steps = exceptions.flatMap((e) =>
      Array.from({ length: LADDER_STEPS }, (_, i) => escalationRef(`exc:${e.id}`, i + 1)).filter(
        (ref) => !joined.has(e.id) || present.has(ref),
      ),
    );
    return tally(steps, found);
  };
  result['escalations'] = ladder(
    // Issue updates also carry flow 7's copies of a case's title and priority (chaosDetailConflicts.ts).
    tg.issueUpdates
      .all()
      .map((u) => u.correlationRef)
      .filter((ref) => ref.startsWith('pd:sla:')),
  );
  result['workflowRuns'] = ladder(xc.workflows.all().map((r) => r.correlationRef));
  return result;
}

/** JSON with object keys sorted, so two equal records print alike whatever order their fields came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** Writes of a version already in the directory, with no delete or drift in between. */
function versionsAppliedTwice(sims: RunningSimulators): number {
  let twice = 0;
  for (const [, writes] of sims.tradingGrid.sim.directory.allWrites()) {
    const applied = new Set<string>();
    for (const w of writes) {
      if (w.by === 'drift' || w.op === 'delete') {
        applied.clear();
        continue;
      }
      if (applied.has(w.contentHash ?? '')) twice++;
      applied.add(w.contentHash ?? '');
    }
  }
  return twice;
}

/** Objects Partner Desk has written so far (for progress lines). */
export function writesSoFar(sims: RunningSimulators): number {
  const tg = sims.tradingGrid.sim;
  const xc = sims.xconnector.sim;
  const routes = xc.cases.routedByRoute;
  return (
    tg.issues().length +
    tg.alerts().length +
    tg.attachments.attachments.size +
    tg.issueUpdates.size +
    tg.issueFeed.comments.size +
    tg.issueFeed.statusUpdates.size +
    tg.directory.size +
    xc.workflows.size +
    xc.cases.comments.size +
    routes.erp.length +
    routes['order-management'].length +
    routes['customer-service'].length
  );
}
