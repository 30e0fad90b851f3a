// The partner directory: xConnector's partners joined to Trading Grid communities by partner code.
import type { Db } from './database.ts';
import type { Community, Partner } from '../../shared/domain/partner.ts';

export interface PartnerRoute {
  partnerId: string;
  partnerName: string;
  partnerCode: string;
  communityId: string | null;
}

export function createDirectoryStore(db: Db) {
  const upsertPartner = db.prepare(
    `INSERT INTO partners (id, name, partner_code, active, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, partner_code = excluded.partner_code,
       active = excluded.active, updated_at = excluded.updated_at`,
  );
  const upsertCommunity = db.prepare(
    `INSERT INTO communities (id, name, partner_code) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, partner_code = excluded.partner_code`,
  );
  const route = db.prepare(
    `SELECT p.id AS partnerId, p.name AS partnerName, p.partner_code AS partnerCode,
            (SELECT c.id FROM communities c WHERE c.partner_code = p.partner_code ORDER BY c.id LIMIT 1) AS communityId
     FROM partners p WHERE p.id = ?`,
  );
  const partnerCount = db.prepare('SELECT COUNT(*) AS n FROM partners');
  const partnerList = db.prepare('SELECT id, name FROM partners ORDER BY name, id');
  return {
    upsertPartner(p: Partner): void {
      upsertPartner.run(p.id, p.name, p.partnerCode, p.active ? 1 : 0, p.updatedAt);
    },
    upsertCommunity(c: Community): void {
      upsertCommunity.run(c.id, c.name, c.partnerCode);
    },
    /** Where a partner's cases go in Trading Grid; undefined when xConnector never named the partner. */
    routeFor(partnerId: string): PartnerRoute | undefined {
      return route.get(partnerId) as PartnerRoute | undefined;
    },
    partners(): { id: string; name: string }[] {
      return partnerList.all() as unknown as { id: string; name: string }[];
    },
    partnerCount(): number {
      return (partnerCount.get() as { n: number }).n;
    },
  };
}
export type DirectoryStore = ReturnType<typeof createDirectoryStore>;
