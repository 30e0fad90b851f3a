// Replays recorded calls with a bare undici client against fresh simulators: the same methods, paths,
// headers (auth included) and bodies, in the same dependency order and so at the same concurrency —
// a call starts once every call that had been answered before it arrived in the recording has been
// answered again — but with no engine work in between. What it takes is the simulators' raw capacity
// for the engine's own calls.
import { Pool } from 'undici';
import type { RecordedRequest } from '../../electron/simulators/requestRecorder.ts';
import { CALL_HEADER } from './callTimeline.ts';

export interface ReplayTarget {
  /** Base URL by the port the recording saw, e.g. the engine run's xConnector port → the fresh one. */
  urlByPort: Map<number, string>;
  connectionsPerOrigin: number;
}

interface Prepared {
  origin: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  /** The id the recorded answer carried: the fresh answer's id replaces it in later calls. */
  recordedId: string | undefined;
  tokenGrant: boolean;
  recordedStatus: number;
  /** How many calls (in order of being answered) had been answered when this one arrived. */
  after: number;
}

const DROPPED_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  CALL_HEADER,
]);
const ID_PATTERN = /[A-Z]{2,4}-[0-9A-Za-z]+/g;

export interface Replayer {
  /**
   * Replays one batch (say, one phase of a workload); resolves with its wall time in ms. `failures`:
   * calls whose status differs from the recorded one (the replay went off course).
   */
  run(recorded: RecordedRequest[]): Promise<{ ms: number; calls: number; failures: number }>;
  close(): Promise<void>;
}

/** One replayer per fresh simulator pair: ids and the access token carry from batch to batch. */
export function createReplayer(target: ReplayTarget): Replayer {
  const pools = new Map<string, Pool>();
  const idMap = new Map<string, string>();
  let token: string | undefined;
  const pool = (origin: string) => {
    let p = pools.get(origin);
    if (!p) pools.set(origin, (p = new Pool(origin, { connections: target.connectionsPerOrigin })));
    return p;
  };
  const translate = (text: string) =>
    idMap.size === 0 ? text : text.replace(ID_PATTERN, (id) => idMap.get(id) ?? id);

  async function send(r: Prepared): Promise<number> {
    const headers = { ...r.headers };
    if (token && headers['authorization']?.startsWith('Bearer '))
      headers['authorization'] = `Bearer ${token}`;
    const translatedBody =
      r.body && idMap.size > 0 && headers['content-type']?.includes('json')
        ? translate(r.body.toString('utf8'))
        : r.body;
    const res = await pool(r.origin).request({
      method: r.method as 'GET',
      path: translate(r.path),
      headers,
      body: translatedBody,
    });
    if (r.recordedId !== undefined || r.tokenGrant) {
      const answer = (await res.body.json().catch(() => null)) as Record<string, unknown> | null;
      if (r.tokenGrant && typeof answer?.['access_token'] === 'string') token = answer['access_token'];
      const id = answer?.['id'];
      if (r.recordedId !== undefined && typeof id === 'string' && id !== r.recordedId)
        idMap.set(r.recordedId, id);
    } else {
      await res.body.dump();
    }
    return res.statusCode;
  }

  return {
    async run(unordered) {
      const recorded = [...unordered].sort((a, b) => a.startedAt - b.startedAt);
      const calls = prepare(recorded, target.urlByPort);
      const done: boolean[] = new Array(calls.length).fill(false);
      const byEnd = endOrder(recorded);
      let answered = 0; // calls answered in replay, counted as a prefix of the recording's answer order
      let wake: (() => void) | undefined;
      let failures = 0;
      const started = performance.now();
      const inFlight: Promise<void>[] = [];
      for (let i = 0; i < calls.length; i++) {
        const call = calls[i]!;
        while (answered < call.after) await new Promise<void>((r) => (wake = r));
        inFlight.push(
          send(call)
            .then((status) => {
              if (status !== call.recordedStatus) failures++;
            })
            .finally(() => {
              done[i] = true;
              while (answered < byEnd.length && done[byEnd[answered]!]) answered++;
              wake?.();
            }),
        );
      }
      await Promise.all(inFlight);
      return { ms: performance.now() - started, calls: calls.length, failures };
    },
    async close() {
      await Promise.all([...pools.values()].map((p) => p.close()));
    },
  };
}

/** Calls in arrival order, each with how many calls had been answered before it arrived. */
function prepare(recorded: RecordedRequest[], urlByPort: Map<number, string>): Prepared[] {
  const ends = recorded.map((r) => r.endedAt).sort((a, b) => a - b);
  return recorded.map((r) => {
    const origin = urlByPort.get(r.port);
    if (!origin) throw new Error(`replay: no simulator for port ${r.port}`);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers)) if (!DROPPED_HEADERS.has(k)) headers[k] = v;
    let recordedId: string | undefined;
    if (r.response && r.method !== 'GET' && r.status < 300) {
      try {
        const id = (JSON.parse(Buffer.from(r.response).toString('utf8')) as { id?: unknown }).id;
        if (typeof id === 'string') recordedId = id;
      } catch {
        // not JSON after all: nothing to learn from it
      }
    }
    return {
      origin,
      method: r.method,
      path: r.url,
      headers,
      body: r.body.length > 0 ? Buffer.from(r.body) : undefined,
      recordedId,
      tokenGrant: r.url.startsWith('/oauth2/token'),
      recordedStatus: r.status,
      after: countBelow(ends, r.startedAt),
    };
  });
}

/** Indexes of the recording (already in arrival order) in the order they were answered. */
function endOrder(recorded: RecordedRequest[]): number[] {
  return recorded.map((_, i) => i).sort((a, b) => recorded[a]!.endedAt - recorded[b]!.endedAt);
}

function countBelow(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
