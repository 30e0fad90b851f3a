// Flow 7's desk replies: now and then a person writes a reply to the partner on an internal case's
// desk case. The engine takes it in one transaction and says so; a reply it confirmed must reach the
// Trading Grid issue once and its copy the internal case once. A reply sent to a life that was killed
// before it could answer may or may not have been taken (as for a person whose app died mid-click): it
// must then exist at most once. Each reply's words are unique, so it is found by them.
import type { RunningSimulators } from '../../electron/simulators/index.ts';
import type { Rng } from '../../electron/simulators/rng.ts';
import { PARTNER_DESK_ORIGIN } from '../../shared/domain/internalCase.ts';
import type { IssueSnapshot } from '../../shared/domain/issueSnapshot.ts';
import { tally, type KindTally } from './chaosTally.ts';

export interface DeskReply {
  caseId: string;
  text: string;
}

export function createDeskReplies(rng: Rng) {
  let written = 0;
  const confirmed: DeskReply[] = [];
  const unanswered: DeskReply[] = [];
  return {
    /** Maybe writes replies for the next engine life (on cases already linked to an issue). */
    next(sims: RunningSimulators): DeskReply[] {
      if (!rng.chance(0.3)) return [];
      // A case about an exception shares the exception's desk case, which a reply names otherwise.
      const linked = sims.xconnector.sim.cases.all().filter((c) => c.link && c.exceptionId === null);
      if (linked.length === 0) return [];
      written++;
      const c = rng.pick(linked);
      return [{ caseId: `case:${c.id}`, text: `Desk reply ${written}: we are on it (${rng.hex(12)}).` }];
    },
    /** Reads an engine life's answers (its `REPLIED` lines) to the replies it was given. */
    record(given: readonly DeskReply[], childOut: string): void {
      const answered = new Set<string>();
      for (const line of childOut.split('\n')) {
        if (!line.startsWith('REPLIED ')) continue;
        const a = JSON.parse(line.slice('REPLIED '.length)) as DeskReply & { result: { ok: boolean } };
        answered.add(a.text);
        if (a.result.ok) confirmed.push(a);
      }
      unanswered.push(...given.filter((r) => !answered.has(r.text)));
    },
    confirmed: (): readonly DeskReply[] => confirmed,
    /** Counts each reply on the issue and on the internal case, by its words. */
    tally(sims: RunningSimulators): KindTally {
      const feed = sims.tradingGrid.sim.issueFeed;
      const issues = feed.issueIds().flatMap((id): IssueSnapshot[] => {
        const s = feed.snapshot(id);
        return s ? [s] : [];
      });
      const found = [
        ...issues.flatMap((i) =>
          i.comments.filter((x) => x.origin === PARTNER_DESK_ORIGIN).map((x) => `issue: ${x.body}`),
        ),
        ...sims.xconnector.sim.cases
          .all()
          .flatMap((c) =>
            c.comments.filter((x) => x.origin === PARTNER_DESK_ORIGIN).map((x) => `case: ${x.body}`),
          ),
      ].filter((k) => k.includes(': Desk reply '));
      const present = new Set(found);
      const expected = [
        ...confirmed.flatMap((r) => [`issue: ${r.text}`, `case: ${r.text}`]),
        // Possibly taken: expected only where it turned up (then once), never counted lost.
        ...unanswered.flatMap((r) => [`issue: ${r.text}`, `case: ${r.text}`].filter((k) => present.has(k))),
      ];
      return tally(expected, found);
    },
  };
}
