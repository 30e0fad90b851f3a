// The keep-alive connections to one remote system. Both the JSON client and the binary transfers open
// their pools here so they share the same timeouts: the policy's timeout bounds connecting, waiting for
// the headers and every pause in the body, and no request queues behind another on one socket.
import { Pool } from 'undici';

export function createConnectionPool(origin: string, connections: number, timeoutMs: number): Pool {
  return new Pool(origin, {
    connections,
    pipelining: 1,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: { timeout: timeoutMs },
    keepAliveTimeout: 10_000,
  });
}
