// The routing-rules and SLA editors through the window: input the schema refuses is shown at the field
// (or the entry) that holds it and nothing is saved; good input is saved, and the engine behind the
// bridge runs on it — a generous SLA policy for one partner moves that partner's case's countdown.
import { test, expect } from './support/fixtures.ts';
import { engineAsk, firstCases, navigateWindow, resetWorld } from './support/bridgeControl.ts';
import { saveScreenshot, scrollMainTo } from './support/screenshots.ts';
import type { Locator, Page } from '@playwright/test';

test.beforeAll(async ({ request }) => {
  await resetWorld(request);
});

async function openSettings(page: Page) {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('form', { name: 'Settings' })).toBeVisible();
  return page.getByRole('form', { name: 'Settings' });
}

/** Presses an entry's "Move … up" button until the entry is first (its name changes as it moves). */
async function moveToTop(form: Locator, what: RegExp) {
  const up = form.getByRole('button', { name: what });
  while (await up.isEnabled()) await up.click();
}

type Stored = {
  mappings: { caseSync: { routing: { rules: { name: string; route: string; keywords?: string[] }[] } } };
  sla: { policies: { id: string; calendar: string }[]; calendars: Record<string, unknown> };
};
const stored = async (request: Parameters<typeof engineAsk>[0]) =>
  (await engineAsk(request, 'settings:get', {})).settings as Stored;

test.describe('settings: routing rules and SLA policies', () => {
  test('a routing rule that matches nothing and a bad SLA policy are refused at their fields', async ({
    page,
    request,
  }) => {
    const before = await stored(request);
    const form = await openSettings(page);
    const ruleCount = before.mappings.caseSync.routing.rules.length;
    const policyCount = before.sla.policies.length;

    await form.getByRole('button', { name: 'Add routing rule' }).click();
    const rule = form.getByRole('group', { name: `Routing rule ${ruleCount + 1}`, exact: true });
    // A new entry takes the focus at its first field.
    await expect(rule.getByLabel('Name', { exact: true })).toBeFocused();
    await form.getByRole('button', { name: 'Add SLA policy' }).click();
    const policy = form.getByRole('group', { name: `SLA policy ${policyCount + 1}`, exact: true });
    await policy.getByLabel('Policy name').fill('acme gold');
    await policy.getByLabel('First response within (business minutes)').fill('600');
    await policy.getByLabel('Resolution within (business minutes)').fill('60');
    await form.getByRole('button', { name: 'Save settings' }).click();

    await expect(form.getByRole('alert')).toContainText('Settings not saved.');
    const ruleName = rule.getByLabel('Name', { exact: true });
    await expect(ruleName).toHaveAttribute('aria-invalid', 'true');
    await expect(ruleName).toHaveAccessibleDescription(/give the rule a name/);
    await expect(rule).toHaveAccessibleDescription(/needs at least one of caseTypes, partnerIds, keywords/);
    await expect(policy.getByLabel('Policy name')).toHaveAccessibleDescription(/letters, digits/);
    await expect(policy.getByLabel('Resolution within (business minutes)')).toHaveAccessibleDescription(
      /cannot be shorter than the first-response target/,
    );
    expect(await stored(request)).toEqual(before);

    // Keyboard: the new rule's fields are reachable, and removing the entries clears their errors.
    await ruleName.focus();
    await page.keyboard.press('Tab');
    await expect(rule.getByLabel('Route to')).toBeFocused();
    await form.getByRole('button', { name: `Remove routing rule ${ruleCount + 1}`, exact: true }).click();
    await expect(form.getByRole('button', { name: 'Add routing rule' })).toBeFocused();
    await form.getByRole('button', { name: `Remove SLA policy ${policyCount + 1} (acme gold)` }).click();
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
    expect(await stored(request)).toEqual(before);
  });

  test('a new routing rule is saved first in line, where the engine reads it', async ({ page, request }) => {
    const form = await openSettings(page);
    const count = (await stored(request)).mappings.caseSync.routing.rules.length;
    await form.getByRole('button', { name: 'Add routing rule' }).click();
    const rule = form.getByRole('group', { name: `Routing rule ${count + 1}`, exact: true });
    await rule.getByLabel('Name', { exact: true }).fill('Chargebacks go to ERP');
    await rule.getByLabel('Route to').selectOption({ label: 'ERP' });
    await rule.getByLabel('Keywords').fill('chargeback, claim');
    await moveToTop(form, /^Move routing rule \d+ \(Chargebacks go to ERP\) up$/);
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

    const rules = (await stored(request)).mappings.caseSync.routing.rules;
    expect(rules).toHaveLength(count + 1);
    expect(rules[0]).toEqual({
      name: 'Chargebacks go to ERP',
      route: 'erp',
      keywords: ['chargeback', 'claim'],
    });
  });

  test('a generous SLA policy for one partner reaches the engine and the case’s countdown', async ({
    page,
    request,
  }) => {
    // An open case whose SLA is running: under the default business-hours policies it is due within days.
    const { items } = await firstCases(request, 200, { status: 'open' });
    const target = items.find((c) => ['ok', 'warning', 'breached'].includes(c.slaState));
    expect(target, 'an open case with a running SLA').toBeDefined();
    const caseId = target!.id;
    const yearAhead = Date.now() + 300 * 86_400_000;
    expect(target!.slaDueAt ?? 0).toBeLessThan(yearAhead);

    const form = await openSettings(page);
    const calendarCount = Object.keys((await stored(request)).sla.calendars).length;
    await form.getByRole('button', { name: 'Add calendar' }).click();
    const calendar = form.getByRole('group', { name: `Calendar ${calendarCount + 1}`, exact: true });
    await calendar.getByLabel('Calendar name').fill('around-the-clock');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])
      await calendar.getByLabel(`${day} hours`).fill('00:00-24:00');

    const policyCount = (await stored(request)).sla.policies.length;
    await form.getByRole('button', { name: 'Add SLA policy' }).click();
    const policy = form.getByRole('group', { name: `SLA policy ${policyCount + 1}`, exact: true });
    await policy.getByLabel('Policy name').fill('e2e-generous');
    await policy.getByLabel('Partner IDs').fill(target!.partnerId);
    await policy.getByLabel('Calendar').selectOption('around-the-clock');
    await policy.getByLabel('First response within (business minutes)').fill('500000');
    await policy.getByLabel('Resolution within (business minutes)').fill('525000');
    // Among policies naming as much, the first listed wins: put it ahead of the priority policies.
    await moveToTop(form, /^Move SLA policy \d+ \(e2e-generous\) up$/);
    await scrollMainTo(form.getByRole('group', { name: 'SLA policy 1', exact: true }));
    await saveScreenshot(page, 'settings-sla');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
    expect((await stored(request)).sla.policies[0]).toMatchObject({
      id: 'e2e-generous',
      calendar: 'around-the-clock',
    });

    // The engine re-reads its SLA rules and the case is due about a year out, not within days.
    await expect
      .poll(async () => (await engineAsk(request, 'cases:get', { caseId }))?.summary.slaDueAt ?? 0, {
        timeout: 20_000,
      })
      .toBeGreaterThan(yearAhead);
    await navigateWindow(page, request, `case:${caseId}`);
    await expect(page.getByRole('timer').first()).toHaveText(/due in \d{3} d/);
  });
});
