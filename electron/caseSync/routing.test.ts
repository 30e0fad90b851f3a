import { describe, expect, it } from 'vitest';
import { CaseSyncSettings } from '../../shared/config/caseSync.ts';
import { chooseRoute, type PartnerInputFacts } from './routing.ts';

const defaults = CaseSyncSettings.parse({}).routing;
const facts = (o: Partial<PartnerInputFacts>): PartnerInputFacts => ({
  caseType: 'QUESTION',
  partnerId: 'PTR-00001',
  text: '',
  documentTypes: [],
  ...o,
});

describe('routing partner input by rule', () => {
  it('sends an attached invoice to ERP and a proof of delivery to order management, whatever the words', () => {
    expect(chooseRoute(defaults, facts({ documentTypes: ['invoice'], text: 'see the delivery' })).route).toBe(
      'erp',
    );
    expect(chooseRoute(defaults, facts({ documentTypes: ['proof_of_delivery'] })).route).toBe(
      'order-management',
    );
  });

  it('routes by case type before keywords', () => {
    expect(chooseRoute(defaults, facts({ caseType: 'INVOICE_DISPUTE', text: 'delivery' }))).toEqual({
      route: 'erp',
      rule: 'Invoice disputes go to ERP',
    });
  });

  it('matches keywords as whole words and phrases, ignoring case', () => {
    expect(chooseRoute(defaults, facts({ text: 'Our CREDIT   NOTE is missing' })).route).toBe('erp');
    expect(chooseRoute(defaults, facts({ text: 'Please change the delivery date' })).route).toBe(
      'order-management',
    );
    // "border" contains "order" but is not the word.
    expect(chooseRoute(defaults, facts({ text: 'We are at the border.' }))).toEqual({
      route: 'customer-service',
      rule: 'default route',
    });
  });

  it('needs every criterion of a rule to match', () => {
    const s = CaseSyncSettings.parse({
      routing: {
        rules: [{ name: 'Acme invoices', route: 'erp', partnerIds: ['PTR-ACME'], keywords: ['invoice'] }],
        defaultRoute: 'order-management',
      },
    }).routing;
    expect(chooseRoute(s, facts({ partnerId: 'PTR-ACME', text: 'invoice 12' })).route).toBe('erp');
    expect(chooseRoute(s, facts({ partnerId: 'PTR-OTHER', text: 'invoice 12' })).route).toBe(
      'order-management',
    );
    expect(chooseRoute(s, facts({ partnerId: 'PTR-ACME', text: 'hello' })).route).toBe('order-management');
  });
});
