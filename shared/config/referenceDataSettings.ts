// Settings of flow 6 (reference data): how often the full reconcile of Trading Grid's directory runs,
// how many directory records it reads per page, and what it does with records xConnector never had.
import { z } from 'zod';

export const ReferenceDataSettings = z.object({
  /** A full reconcile of Trading Grid's directory against xConnector runs this long after the last. */
  reconcileIntervalMs: z
    .number()
    .int()
    .min(1_000)
    .max(30 * 86_400_000)
    .default(6 * 3_600_000),
  /** Directory records read per page during a reconcile: the most it holds in memory at once. */
  reconcilePageSize: z.number().int().min(1).max(1000).default(200),
  /**
   * A record in Trading Grid's directory that xConnector does not have (it was deleted there, or never
   * existed): `delete` removes it from Trading Grid, `report` only lists it in the reconcile report.
   */
  strayRecords: z.enum(['delete', 'report']).default('delete'),
  /** Keys listed in a reconcile report; counts always cover every repair. */
  reportedKeysLimit: z.number().int().min(0).max(10_000).default(500),
});
export type ReferenceDataSettings = z.infer<typeof ReferenceDataSettings>;
