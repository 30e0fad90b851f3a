// Migration 3: dispute documents (flow 2). Filled in by the flow-2 work.
import type { DatabaseSync } from 'node:sqlite';

export function up(_db: DatabaseSync): void {
  // Nothing yet.
}
