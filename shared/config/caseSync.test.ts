import { describe, expect, it } from 'vitest';
import { CaseSyncSettings } from './caseSync.ts';

const problems = (input: unknown) => {
  const r = CaseSyncSettings.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('case sync settings', () => {
  it('have defaults: xConnector owns status and resolution, every internal status maps to a known partner status', () => {
    const s = CaseSyncSettings.parse({});
    expect(s.fieldOwners).toEqual({
      status: 'xconnector',
      resolution: 'xconnector',
      title: 'xconnector',
      priority: 'xconnector',
    });
    for (const target of Object.values(s.statusToPartner))
      expect(s.partnerStatus[target.status]).toBeDefined();
    expect(s.partnerStatus.WAITING_ON_PARTNER).toBe('waiting_on_partner');
    expect(s.routing.defaultRoute).toBe('customer-service');
  });

  it('refuse a partner-facing status that the partner status table does not know, naming where', () => {
    expect(problems({ statusToPartner: { NEW: { status: 'OPENED', message: 'Hello' } } })).toEqual([
      'statusToPartner.NEW.status: "OPENED" is not a Trading Grid status that partnerStatus maps to a desk status',
    ]);
  });

  it('refuse an unknown desk status, an unknown owner, an empty rule and an unknown route', () => {
    expect(problems({ partnerStatus: { OPEN: 'opened' } })[0]).toMatch(/^partnerStatus\.OPEN: /);
    expect(problems({ fieldOwners: { status: 'partner' } })[0]).toMatch(/^fieldOwners\.status: /);
    expect(problems({ routing: { rules: [{ name: 'x', route: 'erp' }] } })).toEqual([
      'routing.rules.0: a routing rule needs at least one of caseTypes, partnerIds, keywords or documentTypes',
    ]);
    expect(problems({ routing: { defaultRoute: 'warehouse' } })[0]).toMatch(/^routing\.defaultRoute: /);
  });
});
