// The three status vocabularies of a case and the configured mappings between them: xConnector's
// internal words, Trading Grid's partner-facing words, and the desk's own (open … waiting_on_partner …
// closed). Lookups read own properties only, so a word like "constructor" maps to nothing.
import type { CaseStatus, CaseSyncSettings, PartnerFacingStatus } from '../../shared/config/caseSync.ts';

function own<V>(table: Record<string, V>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The partner-facing status and message for an internal status word (flow 4). */
export function partnerFacing(s: CaseSyncSettings, internalWord: string): PartnerFacingStatus | undefined {
  return own(s.statusToPartner, internalWord);
}

/** The desk status a Trading Grid status word means. */
export function deskStatusOfPartner(s: CaseSyncSettings, partnerWord: string): CaseStatus | undefined {
  return own(s.partnerStatus, partnerWord);
}

/** The desk status an internal status word means (through the partner-facing status it is posted as). */
export function deskStatusOfInternal(s: CaseSyncSettings, internalWord: string): CaseStatus | undefined {
  const facing = partnerFacing(s, internalWord);
  return facing ? deskStatusOfPartner(s, facing.status) : undefined;
}

/** The internal status word a Trading Grid status is copied as, when Trading Grid owns the status. */
export function internalOfPartner(s: CaseSyncSettings, partnerWord: string): string | undefined {
  return own(s.partnerToInternal, partnerWord);
}
