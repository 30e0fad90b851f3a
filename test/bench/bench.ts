// `npm run bench`: prints each figure beside its reference measured in the same run, as a ratio.
// `npm run bench -- --json` also ends with one JSON line and writes bench-results/bench.md.
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { figure, markdownTable, type Figure } from './figures.ts';
import { flowFigures, rateLimitFigures } from './flowFigures.ts';
import { pollCycleCost } from './pollCycleCost.ts';
import { documentUpload } from './documentUpload.ts';
import { seededStoreTemplates } from './seedCases.ts';
import { inboxFigures } from './inboxQueries.ts';
import { memoryFigures } from './memoryUse.ts';
import { rendererFigures } from './rendererInbox.ts';

const { values: args } = parseArgs({
  options: { json: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false } },
});
// Items per flow: the quick run keeps every flow but small; the full run is what README quotes.
const PER_FLOW = args.quick ? 100 : 1_000;
const CASES = args.quick ? 10_000 : 100_000;
const CONCURRENCY = 8;
// Well under what a partner network across the internet answers in (tens of milliseconds and more).
const ROUND_TRIP_MS = 10;
const figures: Figure[] = [];
const started = performance.now();
const step = (text: string) =>
  process.stderr.write(`… [${Math.round((performance.now() - started) / 1000)} s] ${text}\n`);

// Each flow twice: over loopback, where the simulators answer in microseconds and the ratio is the
// engine's CPU per item against theirs; and with a round trip such as a remote system has, where the
// ratio shows whether the engine keeps its connections busy.
for (const roundTripMs of [ROUND_TRIP_MS, 0])
  figures.push(...(await flowFigures({ perFlow: PER_FLOW, concurrency: CONCURRENCY, roundTripMs, step })));
figures.push(
  ...(await rateLimitFigures({
    limitPerSecond: 50,
    exceptions: args.quick ? 200 : 1_000,
    concurrency: CONCURRENCY,
    step,
  })),
);

step(`poll cycle with ${CASES} stored cases`);
const poll = await pollCycleCost(CASES);
figures.push(
  figure(
    `poll cycle, ${CASES} cases stored, nothing changed`,
    poll.fullMs,
    'ms',
    { name: 'same cycle, empty store', value: poll.emptyMs },
    `${poll.itemsReadIdle} items read`,
  ),
);
figures.push(
  figure(`poll cycle, ${CASES} cases stored, 100 changed`, poll.changedMs, 'ms', {
    name: 'same cycle, nothing changed',
    value: poll.fullMs,
  }),
);

const UPLOAD_MB = args.quick ? 256 : 1024;
step(`flow 2: one ${UPLOAD_MB} MB dropped file, fingerprinted, streamed in chunks and attached`);
const upload = await documentUpload(UPLOAD_MB);
if (!upload.attached) throw new Error('the document upload benchmark did not attach the file');
figures.push(
  figure(`flow 2 upload of a ${UPLOAD_MB} MB file`, upload.rate, 'MB/s', {
    name: 'reading and hashing the same file',
    value: upload.hashRate,
  }),
);
figures.push(
  figure(`flow 2 peak memory growth during that upload`, upload.peakGrowthMb, 'MB', {
    name: 'file size',
    value: UPLOAD_MB,
  }),
);

// The inbox at size: one seeded store of CASES cases (and one of 1,000) copied into each part.
const seeded = seededStoreTemplates();
step(`inbox queries on ${CASES} seeded cases and on 1,000, p50/p95`);
figures.push(...(await inboxFigures(CASES, seeded)));
step(`engine memory with ${CASES} cases and with none, each engine in its own process`);
figures.push(...(await memoryFigures(CASES, seeded)));
step(`the inbox in Chromium with ${CASES} cases and with 1,000`);
figures.push(...(await rendererFigures(CASES, seeded, step)));

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
const table = markdownTable(figures);
console.log(`\nPartner Desk benchmarks on ${machine}\n\n${table}\n`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.md', `Measured on ${machine}, ${new Date().toISOString()}\n\n${table}\n`);
step(`done in ${Math.round((performance.now() - started) / 1000)} s`);
if (args.json) console.log(JSON.stringify({ machine, figures }));
