// The shape every REST endpoint of both systems is declared with. The HTTP adapters, the simulators and
// the OpenAPI documents are all derived from these declarations, so they cannot drift apart.
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  /** Stable name used for fault injection, metrics and logs, e.g. `tg.createIssue`. */
  readonly id: string;
  readonly method: HttpMethod;
  /** Express-style path with `:param` segments. */
  readonly path: string;
  readonly summary: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  readonly response: R;
  /** Success status code. */
  readonly status: 200 | 201 | 204;
  /** Writes that create something carry an Idempotency-Key header and a correlation reference. */
  readonly idempotent: boolean;
  /**
   * How the request body travels: `json` (the default, validated by `body`) or `binary`: raw bytes
   * (`application/octet-stream`), streamed and never buffered whole, so `body` is left out.
   */
  readonly bodyKind?: 'json' | 'binary';
  /** How the success body travels: `json` (the default, validated by `response`) or `binary` bytes. */
  readonly responseKind?: 'json' | 'binary';
}

export function endpoint<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  e: Endpoint<P, Q, B, R>,
): Endpoint<P, Q, B, R> {
  return e;
}

/** Fills `:param` segments, encoding each value so an id can never change the path's shape. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const API_KEY_HEADER = 'x-api-key';
