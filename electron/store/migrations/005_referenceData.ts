// Migration 5: reference data push state (flow 6). Filled in by the flow-6 work.
import type { DatabaseSync } from 'node:sqlite';

export function up(_db: DatabaseSync): void {
  // Nothing yet.
}
