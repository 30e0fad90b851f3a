// `npm run test:chaos`: all eight flows against both simulators under random faults, with the engine
// process killed by SIGKILL at random moments (50 times by default), then counted on the simulators.
//   --kills N   engine kills (default 50)      --seed S   the run's seed (default 1)
//   --json      end with one JSON line of figures
// Exit code 1 when anything was duplicated or lost, the outbox still holds work, a dead letter has no
// reason, or fewer kills happened than asked for.
import { parseArgs } from 'node:util';
import { runChaos, type ChaosReport } from './chaosRun.ts';

const { values: args } = parseArgs({
  options: {
    kills: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
  },
  strict: true,
});

function wholeNumber(name: 'kills' | 'seed'): number {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${String(args[name])}"`);
    process.exit(2);
  }
  return n;
}

const kills = wholeNumber('kills');
const progress = (line: string) => process.stderr.write(`${line}\n`);
const report = await runChaos({ kills, seed: wholeNumber('seed'), progress });

function problems(r: ChaosReport): string[] {
  const out: string[] = [];
  if (r.duplicates > 0) out.push(`${r.duplicates} duplicate writes`);
  if (r.lost > 0) out.push(`${r.lost} items lost`);
  if (r.kills < kills) out.push(`only ${r.kills} of ${kills} kills`);
  if (r.outbox.pending > 0) out.push(`${r.outbox.pending} outbox entries still pending`);
  if (r.outbox.deadWithoutReason > 0) out.push(`${r.outbox.deadWithoutReason} dead letters without a reason`);
  if (!r.drained) out.push('the engine did not drain');
  if (r.idleDrainWrites > 0) out.push(`a drain over an unchanged world wrote ${r.idleDrainWrites} objects`);
  return out;
}

const out = args.json ? process.stderr : process.stdout;
const line = (s: string) => out.write(`${s}\n`);
line(
  `chaos (seed ${report.seed}): ${report.kills} kills in ${report.rounds} rounds, ${report.seconds} s; ${report.faultsInjected} faults injected (${Object.entries(
    report.faultsByKind,
  )
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')})`,
);
line(
  `writes expected ${report.writesExpected}, found ${report.writesFound} (${report.writesUnderChaos} of them while faults were on and the engine was being killed), duplicates ${report.duplicates}, lost ${report.lost}, unexpected ${report.unexpected}`,
);
for (const [kind, t] of Object.entries(report.perKind))
  line(
    `  ${kind.padEnd(17)} expected ${String(t.expected).padStart(5)}  found ${String(t.found).padStart(5)}  duplicates ${t.duplicates}  lost ${t.lost}  unexpected ${t.unexpected}${t.examples.length ? `  e.g. ${t.examples.join('; ')}` : ''}`,
  );
line(
  `files dropped by hand on cases and taken by the engine: ${report.personDrops} (counted under attachments)`,
);
line(
  `outbox: ${report.outbox.pending} pending, ${report.outbox.dead} dead letters${report.deadLetters.map((d) => `\n  dead ${d.operation} ${d.correlationRef}: ${d.reason ?? '(no reason)'}`).join('')}`,
);
const failed = problems(report);
line(failed.length === 0 ? 'PASS: nothing lost, nothing written twice' : `FAIL: ${failed.join('; ')}`);
if (args.json) process.stdout.write(`${JSON.stringify(report)}\n`);
process.exit(failed.length === 0 ? 0 : 1);
