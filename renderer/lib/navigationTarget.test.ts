import { describe, expect, it } from 'vitest';
import { parseNavigationTarget } from './navigationTarget.ts';

describe('navigation targets from notifications and the tray', () => {
  it('opens a case by its id, which may itself contain a colon', () => {
    expect(parseNavigationTarget('case:exc:EX-1')).toEqual({
      screen: 'inbox',
      caseId: 'exc:EX-1',
      partnerId: null,
      slaState: null,
    });
  });

  it('opens the failed view on one transaction', () => {
    expect(parseNavigationTarget('transaction:TX-1')).toEqual({
      screen: 'failed',
      partnerId: null,
      transactionId: 'TX-1',
    });
  });

  it('opens the failed view filtered by partner, in both spellings', () => {
    const expected = { screen: 'failed', partnerId: 'P-1', transactionId: null };
    expect(parseNavigationTarget('failed?partner=P-1')).toEqual(expected);
    expect(parseNavigationTarget('view:failed-transactions?partner=P-1')).toEqual(expected);
  });

  it('opens the inbox filtered by partner and SLA state (a grouped SLA notification)', () => {
    expect(parseNavigationTarget('view:inbox?partner=P-2&sla=breach')).toEqual({
      screen: 'inbox',
      caseId: null,
      partnerId: 'P-2',
      slaState: 'breached',
    });
    expect(parseNavigationTarget('inbox?sla=warning')).toMatchObject({ slaState: 'warning' });
    expect(parseNavigationTarget('view:cases')).toMatchObject({ screen: 'inbox', partnerId: null });
  });

  it('opens the health and settings screens', () => {
    expect(parseNavigationTarget('health')).toEqual({ screen: 'health' });
    expect(parseNavigationTarget('health:trading-grid')).toEqual({ screen: 'health' });
    expect(parseNavigationTarget('settings')).toEqual({ screen: 'settings' });
  });

  it('opens nothing for a target it does not recognise', () => {
    for (const target of [
      '',
      'https://evil.example/',
      'javascript:alert(1)',
      'case:',
      'case:<script>',
      'view:elsewhere',
      'x'.repeat(1000),
      42,
      null,
    ]) {
      expect(parseNavigationTarget(target)).toBeNull();
    }
  });

  it('ignores a filter value that is not an id rather than passing it on', () => {
    expect(parseNavigationTarget('failed?partner=%3Cb%3E')).toEqual({
      screen: 'failed',
      partnerId: null,
      transactionId: null,
    });
  });
});
