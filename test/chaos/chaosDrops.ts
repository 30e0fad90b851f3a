// Flow 2's second path: a person drops a file on a case in the window. Now and then the driver writes
// a small, unique PDF and hands it to the next engine life to drop on the case of an exception the
// engine has linked. A drop counts once the engine answered it: accepted, or refused as the same bytes
// already on the case (an earlier life accepted it and was killed before it could say so). A drop
// never answered is offered again to the next life, as a person would drop it again.
import { writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { RunningSimulators } from '../../electron/simulators/index.ts';
import type { Rng } from '../../electron/simulators/rng.ts';
import type { DropResult } from '../../electron/documents/documentIntake.ts';

export interface PersonDrop {
  caseId: string;
  exceptionId: string;
  path: string;
  sha256: string;
}

/** The intake's words for "these bytes are already on the case". */
const ALREADY_THERE = /not added twice/;

export function createPersonDrops(dir: string, rng: Rng) {
  mkdirSync(dir, { recursive: true });
  let made = 0;
  const pending: PersonDrop[] = [];
  const confirmed: PersonDrop[] = [];
  const refused: string[] = [];
  return {
    /** Maybe writes a new file to drop on a linked exception's case. */
    maybeDrop(sims: RunningSimulators): void {
      if (!rng.chance(0.3)) return;
      const linked = [...sims.xconnector.sim.state.exceptions.values()].filter((e) => e.link);
      if (linked.length === 0) return;
      const e = rng.pick(linked);
      made++;
      const bytes = Buffer.from(
        `%PDF-1.4\n% Proof of delivery ${made} for ${e.id}, dropped by hand (${rng.hex(16)})\n%%EOF\n`,
      );
      const path = join(dir, `proof-of-delivery-${made}.pdf`);
      writeFileSync(path, bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      pending.push({ caseId: `exc:${e.id}`, exceptionId: e.id, path, sha256 });
    },
    /** What the next engine life is asked to drop. */
    offered: (): PersonDrop[] => [...pending],
    /** Reads an engine life's answers (its `DROPPED` lines). */
    record(childOut: string): void {
      for (const line of childOut.split('\n')) {
        if (!line.startsWith('DROPPED ')) continue;
        const answer = JSON.parse(line.slice('DROPPED '.length)) as { path: string; result: DropResult };
        const i = pending.findIndex((d) => d.path === answer.path);
        if (i < 0) continue;
        const [drop] = pending.splice(i, 1);
        const { accepted, refused: no } = answer.result;
        if (accepted.length > 0 || no.every((r) => ALREADY_THERE.test(r.reason))) confirmed.push(drop!);
        else refused.push(`${drop!.path}: ${no.map((r) => r.reason).join('; ')}`);
      }
    },
    confirmed: (): readonly PersonDrop[] => confirmed,
    /** Drops the engine refused for a reason other than "already there" (none expected). */
    refused: (): readonly string[] => refused,
    unanswered: (): number => pending.length,
  };
}
export type PersonDrops = ReturnType<typeof createPersonDrops>;
