// Fault injection per endpoint id (`tg.createIssue`, `xc.exceptionsFeed`, … or `*` for every endpoint),
// changeable at run time from code or over HTTP. Randomness comes from a seeded Rng; every injected
// fault is counted by kind and endpoint.
import { z } from 'zod';
import type { Rng } from './rng.ts';

const Rate = z.number().min(0).max(1);

export const FaultRule = z
  .object({
    /** Share of requests answered with one of `errorStatuses` instead of being handled. */
    errorRate: Rate.optional(),
    errorStatuses: z.array(z.number().int().min(500).max(599)).min(1).max(10).optional(),
    /** Share of requests answered 429 with `Retry-After: retryAfterSeconds`. */
    throttleRate: Rate.optional(),
    retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
    /** A real token bucket: requests beyond it get 429 with Retry-After (whole seconds until a token). */
    requestsPerSecond: z.number().positive().max(1_000_000).optional(),
    /** Bucket size; defaults to max(1, requestsPerSecond). */
    burst: z.number().int().min(1).max(1_000_000).optional(),
    /** Added delay before handling, uniform in [min, max] milliseconds. */
    latencyMs: z
      .object({ min: z.number().int().min(0).max(120_000), max: z.number().int().min(0).max(120_000) })
      .refine((l) => l.max >= l.min, 'latencyMs.max must be >= latencyMs.min')
      .optional(),
    /** Share of requests whose socket is destroyed before they are handled. */
    resetRate: Rate.optional(),
    /** Share of requests that are APPLIED, then the socket is destroyed without an answer. */
    lostResponseRate: Rate.optional(),
  })
  .strict();
export type FaultRule = z.infer<typeof FaultRule>;

/** Endpoint id (or `*`) → rule. A specific rule's fields override the `*` rule's fields. */
export const FaultConfig = z.record(z.string().min(1).max(64), FaultRule);
export type FaultConfig = z.infer<typeof FaultConfig>;

export const FAULT_KINDS = ['error', 'throttle', 'rateLimit', 'latency', 'reset', 'lostResponse'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export type FaultDecision =
  | { action: 'proceed' }
  | { action: 'reset' }
  | {
      action: 'respond';
      kind: 'error' | 'throttle' | 'rateLimit';
      status: number;
      headers: Record<string, string>;
      title: string;
    };

interface Bucket {
  tokens: number;
  last: number;
  rate: number;
  burst: number;
}

export class FaultInjector {
  private readonly rng: Rng;
  private readonly knownIds: ReadonlySet<string>;
  private readonly now: () => number;
  private config: FaultConfig = {};
  private buckets = new Map<string, Bucket>();
  private counts = new Map<string, number>();

  /** `knownIds`: endpoint ids this server has; config naming any other id (except `*`) is refused. */
  constructor(rng: Rng, knownIds: Iterable<string>, now: () => number = () => performance.now()) {
    this.rng = rng;
    this.knownIds = new Set(knownIds);
    this.now = now;
  }

  /** Replaces the whole configuration (`{}` turns every fault off). Throws on an invalid config. */
  set(config: FaultConfig): FaultConfig {
    const parsed = FaultConfig.parse(config);
    const unknown = Object.keys(parsed).filter((k) => k !== '*' && !this.knownIds.has(k));
    if (unknown.length > 0) throw new UnknownEndpointError(unknown, [...this.knownIds]);
    this.config = parsed;
    this.buckets = new Map();
    return parsed;
  }

  /** Merges one endpoint's rule into the current configuration. */
  update(endpointId: string, rule: FaultRule): FaultConfig {
    return this.set({ ...this.config, [endpointId]: { ...this.config[endpointId], ...rule } });
  }

  clear(): void {
    this.set({});
  }

  get(): FaultConfig {
    return structuredClone(this.config);
  }

  /** The effective rule for an endpoint: `*` fields overridden by the endpoint's own. */
  ruleFor(endpointId: string): FaultRule {
    return { ...this.config['*'], ...this.config[endpointId] };
  }

  /** Milliseconds to wait before handling (0 when no latency is configured). */
  latency(endpointId: string): number {
    const l = this.ruleFor(endpointId).latencyMs;
    if (!l || l.max <= 0) return 0;
    this.count('latency', endpointId);
    return this.rng.int(l.min, l.max);
  }

  /** What to do with a request before its handler runs: reset, answer with a fault, or proceed. */
  before(endpointId: string): FaultDecision {
    const rule = this.ruleFor(endpointId);
    if (this.rng.chance(rule.resetRate ?? 0)) {
      this.count('reset', endpointId);
      return { action: 'reset' };
    }
    const limited = this.takeToken(endpointId);
    if (limited !== undefined) {
      this.count('rateLimit', endpointId);
      return {
        action: 'respond',
        kind: 'rateLimit',
        status: 429,
        headers: { 'retry-after': String(limited) },
        title: 'Rate limit exceeded',
      };
    }
    if (this.rng.chance(rule.throttleRate ?? 0)) {
      this.count('throttle', endpointId);
      const retryAfter = String(rule.retryAfterSeconds ?? 1);
      return {
        action: 'respond',
        kind: 'throttle',
        status: 429,
        headers: { 'retry-after': retryAfter },
        title: 'Too many requests',
      };
    }
    if (this.rng.chance(rule.errorRate ?? 0)) {
      this.count('error', endpointId);
      const status = this.rng.pick(rule.errorStatuses ?? [500, 503]);
      const headers: Record<string, string> =
        status === 503 ? { 'retry-after': String(rule.retryAfterSeconds ?? 1) } : {};
      return {
        action: 'respond',
        kind: 'error',
        status,
        headers,
        title: status === 503 ? 'Service unavailable' : 'Internal server error',
      };
    }
    return { action: 'proceed' };
  }

  /** After the handler applied the request: should the answer be lost (socket destroyed)? */
  loseResponse(endpointId: string): boolean {
    if (!this.rng.chance(this.ruleFor(endpointId).lostResponseRate ?? 0)) return false;
    this.count('lostResponse', endpointId);
    return true;
  }

  /** Faults injected so far: kind → endpoint id → count (only non-zero entries). */
  injected(): Record<FaultKind, Record<string, number>> {
    const out = Object.fromEntries(FAULT_KINDS.map((k) => [k, {} as Record<string, number>])) as Record<
      FaultKind,
      Record<string, number>
    >;
    for (const [key, n] of this.counts) {
      const [kind, endpointId] = key.split('|') as [FaultKind, string];
      out[kind][endpointId] = n;
    }
    return out;
  }

  /** Total faults injected, of one kind or of all kinds, optionally for one endpoint. */
  total(kind?: FaultKind, endpointId?: string): number {
    let sum = 0;
    for (const [key, n] of this.counts) {
      const [k, e] = key.split('|');
      if ((kind === undefined || k === kind) && (endpointId === undefined || e === endpointId)) sum += n;
    }
    return sum;
  }

  resetCounts(): void {
    this.counts = new Map();
  }

  private count(kind: FaultKind, endpointId: string): void {
    const key = `${kind}|${endpointId}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /**
   * Takes a token from the bucket that governs the endpoint. The endpoint's own `requestsPerSecond`
   * gives it its own bucket; one set only on `*` is a single server-wide bucket shared by all.
   * Returns undefined when a token was available, else the whole seconds until one will be.
   */
  private takeToken(endpointId: string): number | undefined {
    const own = this.config[endpointId]?.requestsPerSecond !== undefined;
    const key = own ? endpointId : '*';
    const rule = own ? this.config[endpointId] : this.config['*'];
    const rate = rule?.requestsPerSecond;
    if (rate === undefined) return undefined;
    const burst = rule?.burst ?? Math.max(1, Math.floor(rate));
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.rate !== rate || bucket.burst !== burst) {
      bucket = { tokens: burst, last: now, rate, burst };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(bucket.burst, bucket.tokens + ((now - bucket.last) / 1000) * bucket.rate);
    bucket.last = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / bucket.rate));
  }
}

export class UnknownEndpointError extends Error {
  readonly unknown: string[];
  constructor(unknown: string[], known: string[]) {
    super(`unknown endpoint id(s) ${unknown.join(', ')}; known: *, ${known.join(', ')}`);
    this.name = 'UnknownEndpointError';
    this.unknown = unknown;
  }
}
