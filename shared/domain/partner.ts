// A trading partner as xConnector knows it, and the Trading Grid community that represents it.
// The two are joined by `partnerCode`: the only key both systems share.
import { z } from 'zod';
import { Id, IsoDateTime, ShortText } from './primitives.ts';

export const PartnerCode = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,63}$/, 'upper-case letters, digits, - and _');

export const Partner = z.object({
  id: Id,
  name: ShortText.min(1),
  partnerCode: PartnerCode,
  ediId: z.string().max(35).optional(),
  active: z.boolean(),
  updatedAt: IsoDateTime,
});
export type Partner = z.infer<typeof Partner>;

export const Community = z.object({
  id: Id,
  name: ShortText.min(1),
  partnerCode: PartnerCode,
  createdAt: IsoDateTime,
});
export type Community = z.infer<typeof Community>;
