import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { newResidentId, pickDate, pickFirstCommunity, pickOption, shot, signIn, type Session } from './flow-helpers.js';

/** The demo records are of 2022: the exposure is dated inside that period. */
const EXPOSURE_DATE = '2022-11-20';

async function figure(page: Page, key: string): Promise<number> {
  const card = page.getByTestId(`figure-${key}`);
  await card.waitFor();
  return Number(await card.getAttribute('data-value'));
}

/**
 * The epidemic dashboard of a district: its figures and charts, each figure opening its list with
 * the figure's filter; and the case page's one-step contact registration, which the dashboard counts
 * at once.
 */
describe('the epidemic dashboard and the case page', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let officer: Session;

  beforeAll(async () => {
    browser = await launchBrowser();
    officer = await signIn(browser, baseUrl, 'haizhou');
  });
  afterAll(async () => {
    await officer?.context.close();
    await browser?.close();
  });

  it('shows the district’s figures and charts', async () => {
    const { page } = officer;
    await page.getByTestId('nav-epidemic-dashboard').click();
    await page.getByTestId('epidemic-dashboard').waitFor();
    expect(await figure(page, 'managed')).toBeGreaterThan(0);
    // Persons by category and per town are drawn; the demo was registered today, so today's bar is there too.
    for (const chart of ['chart-category', 'chart-area', 'chart-new-per-day']) {
      const canvas = page.getByTestId(chart).locator('canvas').first();
      await canvas.waitFor();
      expect((await canvas.boundingBox())!.width, chart).toBeGreaterThan(100);
    }
    expect(Number(await page.getByTestId('chart-category').getAttribute('data-bars'))).toBeGreaterThan(1);
    await shot(page, 'dashboard-1-district');
  });

  it('opens the list behind a figure with the figure’s filter', async () => {
    const { page } = officer;
    const managed = await figure(page, 'managed');
    await page.getByTestId('figure-managed').click();
    await page.waitForURL((url) => url.pathname === '/epidemic/persons' && url.searchParams.get('status') === 'managed');
    const rows = page.getByTestId('persons-table').locator('tbody tr.ant-table-row');
    await expect.poll(async () => rows.count()).toBeGreaterThan(0);
    // The list is the managed persons: as many as the figure (one page of 50 shows at most 50).
    expect(await rows.count()).toBe(Math.min(managed, 50));
    expect(await page.getByTestId('persons-filter-status').innerText()).toContain('在管');
    await shot(page, 'dashboard-2-list');

    await page.goBack();
    await page.getByTestId('epidemic-dashboard').waitFor();
    await page.getByTestId('figure-followupsDue').click();
    await page.waitForURL((url) => url.pathname === '/epidemic/followups' && url.searchParams.get('tab') === 'due');
    await page.getByTestId('followups-due').waitFor();
  });

  it("registers a close contact from a case's page in one step, shows the release date and the chain, and the dashboard counts the contact", async () => {
    const { page } = officer;
    await page.getByTestId('nav-epidemic-dashboard').click();
    const before = await figure(page, 'managed');

    await page.getByTestId('nav-epidemic-persons').click();
    await pickOption(page, 'persons-filter-category', '确诊病例');
    await page.getByTestId('persons-filter-submit').click();
    const open = page.getByTestId('persons-table').locator('[data-testid^="person-open-"]').first();
    await open.waitFor();
    const caseId = (await open.getAttribute('data-testid'))!.replace('person-open-', '');
    await open.click();
    await page.getByTestId('person-detail').waitFor();

    await page.getByTestId('person-register-contact').click();
    await page.getByTestId('contact-form').waitFor();
    await page.getByTestId('contact-form-name').fill('看板密接');
    await page.getByTestId('contact-form-idNumber').fill(newResidentId());
    await page.getByTestId('contact-form-phone').fill(`139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`);
    await pickFirstCommunity(page, 'contact-form-gridCode');
    await pickOption(page, 'contact-form-setting');
    await pickDate(page, 'contact-form-date', EXPOSURE_DATE);
    await page.getByTestId('contact-form-submit').click();

    const registered = page.getByTestId('person-contact-registered');
    await registered.waitFor();
    const endDate = /解除日期\s*(\d{4}-\d{2}-\d{2})/.exec(await registered.innerText())?.[1];
    expect(endDate, await registered.innerText()).toBeDefined();
    expect(endDate! > EXPOSURE_DATE).toBe(true);
    await shot(page, 'dashboard-3-contact-from-case');

    await page.getByTestId('person-contact-open').click();
    await page.getByTestId('person-plan-card').waitFor();
    // The page may show the case's plan for a moment while the contact's loads.
    await expect.poll(async () => page.getByTestId('person-plan-end').innerText(), { timeout: 10_000 }).toContain(endDate!);

    // The case's chain is one click from its page.
    await page.goto(`${baseUrl}/epidemic/persons/${caseId}`);
    await page.getByTestId('person-chain').click();
    await page.waitForURL((url) => url.pathname === '/epidemic/tracing' && url.searchParams.get('person') === caseId);
    await page.getByTestId('chain-card').waitFor();

    await page.getByTestId('nav-epidemic-dashboard').click();
    await expect.poll(async () => figure(page, 'managed'), { timeout: 10_000 }).toBe(before + 1);
  });
});
