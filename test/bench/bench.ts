// `npm run bench`: prints each figure beside its reference measured in the same run, as a ratio.
// `npm run bench -- --json` also ends with one JSON line and writes bench-results/bench.md.
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { figure, markdownTable, type Figure } from './figures.ts';
import { rawFlow1Capacity } from './rawFlow1Capacity.ts';
import { flow1Throughput } from './flow1Throughput.ts';
import { pollCycleCost } from './pollCycleCost.ts';
import { caseSyncVolume } from './caseSyncVolume.ts';
import { documentUpload } from './documentUpload.ts';

const { values: args } = parseArgs({
  options: { json: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false } },
});
const EXCEPTIONS = args.quick ? 1_000 : 10_000;
const CASES = args.quick ? 10_000 : 100_000;
const CONCURRENCY = 8;
const figures: Figure[] = [];
const step = (text: string) => process.stderr.write(`… ${text}\n`);

step(`simulators' raw capacity for flow 1's calls: ${EXCEPTIONS} exceptions at concurrency ${CONCURRENCY}`);
const raw = await rawFlow1Capacity({ partners: 50, exceptions: EXCEPTIONS, concurrency: CONCURRENCY });
step(`flow 1 through the engine: ${EXCEPTIONS} exceptions → issues + links`);
const flow1 = await flow1Throughput({ partners: 50, exceptions: EXCEPTIONS, concurrency: CONCURRENCY });
if (flow1.issues !== EXCEPTIONS || flow1.duplicates !== 0)
  throw new Error(`flow 1 benchmark created ${flow1.issues} issues, ${flow1.duplicates} duplicated`);
figures.push(
  figure('flow 1 throughput (exception → issue + link back)', flow1.rate, 'items/s', {
    name: 'bare client, same calls',
    value: raw,
  }),
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

const CASES_SYNCED = args.quick ? 1_000 : 10_000;
step(`flow 7 first run: ${CASES_SYNCED} internal cases with 3 comments and a step each`);
const caseSync = await caseSyncVolume({ cases: CASES_SYNCED, commentsPerCase: 3, concurrency: CONCURRENCY });
if (caseSync.issues !== CASES_SYNCED || caseSync.duplicates !== 0)
  throw new Error(`flow 7 benchmark opened ${caseSync.issues} issues, ${caseSync.duplicates} duplicated`);
figures.push(
  figure(`flow 7 case sync, ${CASES_SYNCED} cases in one run`, caseSync.casesPerSecond, 'cases/s', {
    name: 'flow 1, one case per exception',
    value: flow1.rate,
  }),
);
figures.push(
  figure('flow 7 remote writes (issues, links, comments, statuses)', caseSync.writesPerSecond, 'writes/s', {
    name: 'flow 1, an issue and a link per exception',
    value: flow1.rate * 2,
  }),
);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
const table = markdownTable(figures);
console.log(`\nPartner Desk benchmarks on ${machine}\n\n${table}\n`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.md', `Measured on ${machine}, ${new Date().toISOString()}\n\n${table}\n`);
if (args.json) console.log(JSON.stringify({ machine, figures }));
