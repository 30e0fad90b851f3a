// Small helpers for talking to the simulators over HTTP in tests (global fetch, nothing else).
import type { NewAlert, NewIssue } from '../../shared/domain/issue.ts';
import type { TradingGridSimulator } from './tradingGrid/tradingGridSimulator.ts';

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = unknown>(url: string, init: RequestInit = {}): Promise<JsonResponse<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

export function jsonInit(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export async function fetchToken(sim: TradingGridSimulator): Promise<string> {
  const { clientId, clientSecret } = sim.credentials;
  const res = await call<{ access_token: string }>(`${sim.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }).toString(),
  });
  if (res.status !== 200) throw new Error(`token request answered ${res.status}`);
  return res.body.access_token;
}

export function newIssue(n: number | string, overrides: Partial<NewIssue> = {}): NewIssue {
  return {
    title: `Shipment exception ${n}`,
    description: 'ASN quantity mismatch',
    type: 'SHIPMENT_EXCEPTION',
    priority: 'high',
    supportTier: 1,
    correlationRef: `pd:exception:EX-${n}`,
    externalRefs: [{ system: 'xconnector', kind: 'exception', id: `EX-${n}` }],
    ...overrides,
  };
}

export function newAlert(n: number | string, overrides: Partial<NewAlert> = {}): NewAlert {
  return {
    severity: 'error',
    title: `Invoice ${n} rejected`,
    message: 'The partner rejected the invoice (997 AK5 R).',
    correlationRef: `pd:transaction:TX-${n}`,
    transactionRef: { id: `TX-${n}`, documentType: '810', controlNumber: '100000001' },
    errors: [
      { code: 'AK4-7', summary: 'Invalid code value', explanation: 'Unit of measure EAH is not valid.' },
    ],
    ...overrides,
  };
}

/** Runs `fn` over `items` with at most `concurrency` in flight. */
export async function pool<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
