// Small schemas reused by every domain type. Identifiers from remote systems are opaque strings, but
// bounded: a hostile system must not be able to make us store megabytes in an id column.
import { z } from 'zod';

export const Id = z.string().min(1).max(128);
export const IsoDateTime = z.iso.datetime({ offset: true });
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code');
export const ShortText = z.string().max(500);
export const LongText = z.string().max(20_000);

/** A correlation reference Partner Desk writes onto every object it creates remotely, so a retry can
 * find the object it may already have created even when the remote ignores idempotency keys. */
export const CorrelationRef = z.string().regex(/^pd:[a-z0-9-]+:[A-Za-z0-9._:-]{1,200}$/, 'pd:<kind>:<id>');
export type CorrelationRef = z.infer<typeof CorrelationRef>;
