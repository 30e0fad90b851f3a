// Flow 7's conflicts: now and then someone in Trading Grid renames an internal case's issue and changes
// its priority, and then, before the desk reads either, an agent in xConnector (which owns title and
// priority, by default) does the same with other values. Whichever side the engine reads first and
// whenever it is killed, the owner wins: at the end the issue and the case both show what the agent
// last set. Each copy of the owner's values carries a reference of its own (the case and its version),
// which Trading Grid must hold at most once.
import type { RunningSimulators } from '../../electron/simulators/index.ts';
import type { Rng } from '../../electron/simulators/rng.ts';
import { IssuePriority } from '../../shared/domain/issue.ts';
import { tally, type KindTally } from './chaosTally.ts';

const PRIORITIES = IssuePriority.options;

interface Details {
  title: string;
  priority: IssuePriority;
}

/** The copy reference of caseSyncDetails.ts: `pd:details:<case>:<version>`. */
const DETAIL_COPY = /^pd:details:/;

export function createDetailConflicts(rng: Rng) {
  let edits = 0;
  /** What the owner last said, by xConnector case id: the only values either side may end with. */
  const ownerSaid = new Map<string, Details>();
  return {
    /**
     * Maybe sets both sides of one case, Trading Grid first. Every draw is made whether or not the
     * case has its issue yet, so the random stream is the same per seed however far the engine got.
     */
    next(sims: RunningSimulators): void {
      if (!rng.chance(0.4)) return;
      // Not a case about an exception: its issue's priority is also raised by SLA escalation (flow 8).
      // Each case once: with only four priorities, a second edit could put the owner's value back to
      // one the desk last read (A, B, A between two reads), which to the desk is no change of the
      // owner's at all, so the other side's change then rightly stays held and the sides differ.
      const cases = sims.xconnector.sim.cases
        .all()
        .filter((c) => c.exceptionId === null && !ownerSaid.has(c.id));
      if (cases.length === 0) return;
      const c = rng.pick(cases);
      edits++;
      const theirs: Details = { title: `Renamed in Trading Grid ${edits}`, priority: rng.pick(PRIORITIES) };
      // A new value on both fields, so the owner's read is a change of each and nothing stays held.
      const ours: Details = {
        title: `Agreed in xConnector ${edits}`,
        priority: rng.pick(PRIORITIES.filter((p) => p !== c.priority)),
      };
      if (c.link) sims.tradingGrid.sim.issueFeed.editIssue(c.link.issueId, theirs);
      sims.xconnector.sim.cases.updateDetails(c.id, ours);
      ownerSaid.set(c.id, ours);
    },
    /** Cases whose details were set, for the tally. */
    edited: (): ReadonlyMap<string, Details> => ownerSaid,
  };
}
export type DetailConflicts = ReturnType<typeof createDetailConflicts>;

/** Both sides of every edited case show the owner's last values; no copy reference is held twice. */
export function tallyDetailConflicts(sims: RunningSimulators, conflicts: DetailConflicts): KindTally {
  const feed = sims.tradingGrid.sim.issueFeed;
  const said = (d: Details) => `"${d.title}" ${d.priority}`;
  const expected: string[] = [];
  const found: string[] = [];
  for (const [caseId, owner] of conflicts.edited()) {
    expected.push(`case ${caseId} ${said(owner)}`, `issue of ${caseId} ${said(owner)}`);
    const c = sims.xconnector.sim.cases.get(caseId);
    if (c) found.push(`case ${caseId} ${said(c)}`);
    const issue = c?.link ? feed.snapshot(c.link.issueId) : undefined;
    if (issue) found.push(`issue of ${caseId} ${said(issue)}`);
  }
  // A copy applied twice under one reference: the same key again, so the count shows it as a duplicate.
  const copies = new Map<string, number>();
  for (const u of sims.tradingGrid.sim.issueUpdates.all())
    if (DETAIL_COPY.test(u.correlationRef))
      copies.set(u.correlationRef, (copies.get(u.correlationRef) ?? 0) + 1);
  const t = tally(expected, found);
  for (const [ref, n] of copies)
    if (n > 1) {
      t.duplicates += n - 1;
      if (t.examples.length < 5) t.examples.push(`${n}× ${ref}`);
    }
  return t;
}
