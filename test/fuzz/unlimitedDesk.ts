// A desk whose HTTP clients have no rate limit of their own: for tests where the payloads are under test,
// not the pacing (which the rate-limit tests and `npm run bench` measure), so each run costs what it does.
import type { EngineSettingsInput } from '../../shared/config/engineSettings.ts';
import { engineSettingsFor, type TestDesk } from '../support/desk.ts';

const UNLIMITED = { ratePerSecond: 10_000, burst: 10_000 };

/** Restarts the desk's engine on the same data folder without client-side rate limits. */
export async function liftRateLimits(
  desk: TestDesk,
  extra: Partial<EngineSettingsInput> = {},
): Promise<void> {
  const base = engineSettingsFor(desk.sims);
  await desk.restart({
    ...extra,
    xconnector: { ...base.xconnector, http: { ...base.xconnector.http, ...UNLIMITED } },
    tradingGrid: { ...base.tradingGrid, http: { ...base.tradingGrid.http, ...UNLIMITED } },
  });
}
