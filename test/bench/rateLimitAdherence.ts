// Flow 1 under a Trading Grid rate limit (the simulator's token bucket, shared by the whole server):
// the rate the engine achieves against Trading Grid beside the limit, and how many 429s it caused.
// The engine does not learn the limit from 429s or headers: like a user, the benchmark sets Trading
// Grid's rate in the connection settings (`tradingGrid.http.ratePerSecond` and `burst`).
import { startSimulatorProcess } from './simulatorProcess.ts';
import { benchEngine } from './benchEngine.ts';

export interface RateLimitAdherence {
  /** Trading Grid requests per second while the engine had creates to send, after the first burst. */
  achieved: number;
  throttled: number;
  requests: number;
  issues: number;
}

export async function rateLimitAdherence(o: {
  limitPerSecond: number;
  /** What the user types into the settings: a little under the published limit leaves room for jitter. */
  configuredPerSecond: number;
  configuredBurst: number;
  exceptions: number;
  concurrency: number;
}): Promise<RateLimitAdherence> {
  const sims = await startSimulatorProcess(
    {
      seed: 5,
      partners: 10,
      exceptions: 0,
      transactions: 0,
      validateResponses: false,
      faults: { tradingGrid: { '*': { requestsPerSecond: o.limitPerSecond, burst: o.limitPerSecond } } },
    },
    true,
  );
  const desk = benchEngine(sims, {
    concurrency: o.concurrency,
    tradingGridHttp: { ratePerSecond: o.configuredPerSecond, burst: o.configuredBurst },
    settings: { sla: { enabled: false } },
  });
  try {
    const warm = await desk.engine.runUntilIdle({ timeoutMs: 600_000 });
    if (!warm.idle) throw new Error('rate-limit benchmark warm-up did not finish');
    await sims.take();
    await sims.call('xconnector.sim.generateActivity', { exceptions: o.exceptions });
    const result = await desk.engine.runUntilIdle({ timeoutMs: 1_800_000 });
    if (!result.idle) throw new Error('rate-limit benchmark did not finish');
    const tgPort = Number(new URL(sims.tradingGridUrl).port);
    const tg = (await sims.take()).filter((r) => r.port === tgPort).sort((a, b) => a.startedAt - b.startedAt);
    // The rate the engine holds while it has creates to send: from the first create after the burst (the
    // bucket starts full, on both sides) to the last, every Trading Grid request in between counted.
    const creates = tg.filter((r) => r.method === 'POST' && r.url.includes('/issues'));
    const from = creates[Math.min(o.configuredBurst, creates.length - 2)]!.startedAt;
    const to = creates.at(-1)!.startedAt;
    const steady = tg.filter((r) => r.startedAt >= from && r.startedAt <= to);
    return {
      // n requests spaced over the span make n - 1 intervals.
      achieved: (steady.length - 1) / ((to - from) / 1000),
      throttled: tg.filter((r) => r.status === 429).length,
      requests: tg.length,
      issues: (await sims.call<unknown[]>('tradingGrid.sim.issues')).length,
    };
  } finally {
    await desk.close();
    await sims.close();
  }
}
