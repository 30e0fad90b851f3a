// Migration 4: SLA clocks and escalations (flow 8). Filled in by the flow-8 work.
import type { DatabaseSync } from 'node:sqlite';

export function up(_db: DatabaseSync): void {
  // Nothing yet.
}
