// The request recorder keeps what a benchmark needs to replay the engine's calls: method, path, headers,
// body, status and the small answers that carry new ids and tokens; never the admin calls.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulators, type RunningSimulators } from './index.ts';
import { startRecording, stopRecording, takeRecording } from './requestRecorder.ts';

let sims: RunningSimulators;

beforeEach(async () => {
  startRecording();
  sims = await startSimulators({ seed: 3, partners: 2, exceptions: 0, transactions: 0 });
});

afterEach(async () => {
  stopRecording();
  await sims.close();
});

async function token(): Promise<string> {
  const res = await fetch(`${sims.tradingGrid.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sims.credentials.tradingGridClientId,
      client_secret: sims.credentials.tradingGridClientSecret,
    }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('simulator request recorder', () => {
  it('records each call with its body, status and answer, and leaves admin calls out', async () => {
    const bearer = await token();
    await (await fetch(`${sims.tradingGrid.url}/_sim/stats`)).json();
    const community = sims.scenario.communities[0]!.id;
    const body = JSON.stringify({
      title: 'Short delivery',
      description: 'Two cartons missing',
      type: 'SHIPMENT_EXCEPTION',
      priority: 'high',
      correlationRef: 'pd:exc:EX-1',
    });
    const created = await fetch(`${sims.tradingGrid.url}/api/v1/communities/${community}/issues`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${bearer}`,
        'idempotency-key': 'k-1',
      },
      body,
    });
    const issue = (await created.json()) as { id: string };

    const recorded = takeRecording();

    expect(recorded.map((r) => `${r.method} ${r.url} ${r.status}`)).toEqual([
      'POST /oauth2/token 200',
      `POST /api/v1/communities/${community}/issues 201`,
    ]);
    const create = recorded[1]!;
    expect(create.port).toBe(Number(new URL(sims.tradingGrid.url).port));
    expect(create.body.toString('utf8')).toBe(body);
    expect(create.headers['idempotency-key']).toBe('k-1');
    expect(JSON.parse(create.response!.toString('utf8'))).toMatchObject({ id: issue.id });
    expect(create.endedAt).toBeGreaterThanOrEqual(create.startedAt);
    expect(takeRecording()).toEqual([]);
  });

  it('records nothing once stopped', async () => {
    stopRecording();
    await token();
    expect(takeRecording()).toEqual([]);
  });
});
