// Starting and stopping a simulator's HTTP server, what every simulator is (a router with faults behind
// that server, and its traffic counters), and the admin (`/_sim/…`) endpoint declarations both
// simulators share. Admin bodies are validated with zod like everything else.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual, createHash } from 'node:crypto';
import { z } from 'zod';
import { endpoint, type Endpoint } from '../../shared/contracts/endpoint.ts';
import { FaultConfig, FaultInjector, UnknownEndpointError } from './faults.ts';
import type { Rng } from './rng.ts';
import { HttpError, route, type Route, type Router } from './router.ts';
import { registerForRecording } from './requestRecorder.ts';

export interface ListenOptions {
  /** Defaults to 127.0.0.1: the simulators are local tools. */
  host?: string;
  /** Defaults to 0 (any free port). */
  port?: number;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function listen(router: Router, options: ListenOptions = {}): Promise<RunningServer> {
  const server = createServer(
    { keepAlive: true, keepAliveTimeout: 5_000, requestTimeout: 60_000 },
    router.listener,
  );
  registerForRecording(server);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** The request, response and fault counters every simulator reports in its stats. */
export interface TrafficStats {
  requests: Record<string, number>;
  responses: Record<string, Record<string, number>>;
  faults: ReturnType<FaultInjector['injected']>;
  faultsTotal: number;
}

/**
 * What both simulators share: their router served over HTTP (listen once, close idempotently, `url`
 * set while listening), run-time fault configuration, and the traffic counters of their stats.
 */
export abstract class SimulatorServer {
  abstract readonly router: Router;
  abstract readonly faults: FaultInjector;
  /** Set once listening. */
  url = '';
  private running: RunningServer | undefined;

  async listen(options: ListenOptions = {}): Promise<this> {
    if (this.running) throw new Error('already listening');
    this.running = await listen(this.router, options);
    this.url = this.running.url;
    return this;
  }

  async close(): Promise<void> {
    await this.running?.close();
  }

  setFaults(config: FaultConfig): FaultConfig {
    return this.faults.set(config);
  }

  protected trafficStats(): TrafficStats {
    const router = this.router.stats();
    return {
      requests: router.requests,
      responses: router.responses,
      faults: this.faults.injected(),
      faultsTotal: this.faults.total(),
    };
  }

  protected resetTrafficStats(): void {
    this.router.resetStats();
    this.faults.resetCounts();
  }
}

/** Faults for a contract's endpoints (any other endpoint id is refused), starting from `initial`. */
export function contractFaults(
  rng: Rng,
  endpoints: Record<string, Endpoint>,
  initial: FaultConfig | undefined,
): FaultInjector {
  const faults = new FaultInjector(
    rng,
    Object.values(endpoints).map((e) => e.id),
  );
  if (initial) faults.set(initial);
  return faults;
}

/** Constant-time comparison of two secrets of any length. */
export function secretEquals(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

const Anything = z.unknown();

export const adminEndpoints = {
  stats: endpoint({
    id: 'sim.stats',
    method: 'GET',
    path: '/_sim/stats',
    summary: 'Counters: requests, faults injected, objects, duplicates.',
    response: Anything,
    status: 200,
    idempotent: false,
  }),
  resetStats: endpoint({
    id: 'sim.resetStats',
    method: 'POST',
    path: '/_sim/stats/reset',
    summary: 'Zero the request and fault counters (objects stay).',
    response: Anything,
    status: 200,
    idempotent: false,
  }),
  getFaults: endpoint({
    id: 'sim.getFaults',
    method: 'GET',
    path: '/_sim/faults',
    summary: 'The fault configuration in force.',
    response: FaultConfig,
    status: 200,
    idempotent: false,
  }),
  setFaults: endpoint({
    id: 'sim.setFaults',
    method: 'PUT',
    path: '/_sim/faults',
    summary: 'Replace the fault configuration (`{}` turns faults off).',
    body: FaultConfig,
    response: FaultConfig,
    status: 200,
    idempotent: true,
  }),
};

/** The admin routes every simulator has: stats, stats reset, and fault configuration. */
export function commonAdminRoutes(
  faults: FaultInjector,
  stats: () => unknown,
  resetStats: () => void,
): Route[] {
  return [
    route(adminEndpoints.stats, () => ({ body: stats() }), { admin: true }),
    route(
      adminEndpoints.resetStats,
      () => {
        resetStats();
        return { body: stats() };
      },
      { admin: true },
    ),
    route(adminEndpoints.getFaults, () => ({ body: faults.get() }), { admin: true }),
    route(
      adminEndpoints.setFaults,
      ({ body }) => {
        try {
          return { body: faults.set(body) };
        } catch (err) {
          if (err instanceof UnknownEndpointError)
            throw new HttpError(400, 'Unknown endpoint id', err.message);
          throw err;
        }
      },
      { admin: true },
    ),
  ];
}
