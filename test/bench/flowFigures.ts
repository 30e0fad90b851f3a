// The eight flows' throughput figures, each beside the simulators' raw capacity for the same calls at
// the same concurrency, and the Trading Grid rate-limit figures. A run that duplicated an object or
// whose replay went off course stops the benchmark: its figures would mean nothing.
import { figure, type Figure } from './figures.ts';
import { flowThroughput } from './flowThroughput.ts';
import { flowWorkloads, withRoundTrip } from './flowWorkloads.ts';
import { rateLimitAdherence } from './rateLimitAdherence.ts';

type Step = (text: string) => void;

export async function flowFigures(o: {
  perFlow: number;
  concurrency: number;
  /** Added to every answer of both simulators; 0 is loopback, where only CPU time counts. */
  roundTripMs: number;
  step: Step;
}): Promise<Figure[]> {
  const figures: Figure[] = [];
  const where = o.roundTripMs > 0 ? `${o.roundTripMs} ms round trip` : 'loopback';
  for (const f of withRoundTrip(flowWorkloads(o.perFlow), o.roundTripMs)) {
    o.step(`flow ${f.flow} (${where}) through the engine, then its recorded calls replayed by a bare client`);
    const r = await flowThroughput(f.workload, o.concurrency);
    if (r.items === 0 || r.duplicates > 0 || r.replayMismatches > 0)
      throw new Error(
        `flow ${f.flow} benchmark: ${r.items} items, ${r.duplicates} duplicates, ${r.replayMismatches} replayed calls answered differently`,
      );
    figures.push(
      figure(
        `${f.name} (${r.items}), ${where}`,
        r.rate,
        f.unit,
        { name: `bare client, same ${r.calls} calls, same concurrency`, value: r.rawRate },
        f.note,
      ),
    );
  }
  return figures;
}

export async function rateLimitFigures(o: {
  limitPerSecond: number;
  exceptions: number;
  concurrency: number;
  step: Step;
}): Promise<Figure[]> {
  o.step(`flow 1 under a Trading Grid limit of ${o.limitPerSecond} requests/s`);
  // A user copies the published limit into the connection settings: the engine does not learn it.
  const r = await rateLimitAdherence({
    limitPerSecond: o.limitPerSecond,
    configuredPerSecond: o.limitPerSecond,
    configuredBurst: o.limitPerSecond,
    exceptions: o.exceptions,
    concurrency: o.concurrency,
  });
  if (r.issues !== o.exceptions) throw new Error(`rate-limit benchmark created ${r.issues} issues`);
  const setting = `Trading Grid rate set to ${o.limitPerSecond}/s, burst ${o.limitPerSecond}, in the connection settings (the engine does not learn the limit from 429s or headers); measured from the first create after the burst to the last`;
  return [
    figure(
      `Trading Grid requests/s achieved under a ${o.limitPerSecond}/s limit`,
      r.achieved,
      'req/s',
      { name: 'the limit', value: o.limitPerSecond },
      setting,
    ),
    figure(`429s the engine caused under that limit`, r.throttled, 'responses', {
      name: 'requests sent',
      value: r.requests,
    }),
  ];
}
