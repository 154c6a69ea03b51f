import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { inputOf, newResidentId, pickDate, pickFirstCommunity, pickOption, shot, signIn, type Session } from './flow-helpers.js';

const CASE_CATEGORIES = { confirmed: '确诊病例', asymptomatic: '无症状感染者' } as const;
type CaseCategory = keyof typeof CASE_CATEGORIES;

/** The demo records are of 2022: the exposure and the journey are dated inside that period. */
const EXPOSURE_DATE = '2022-11-20';
const TRAVEL_DATE = '2022-11-22';

/**
 * The epidemic loop across three roles: a case's contact is registered from the case's chain,
 * gets a computed release date, is refused at the railway-station travel check, and is drawn in
 * the chain of transmission.
 */
describe('a close contact, from registration to the travel check and the chain', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let officer: Session;
  let officerName = '';
  let caseId = '';
  let chainBefore = { clusterId: '', size: 0 };
  let contactId = '';
  const idNumber = newResidentId();
  const contactName = `测试密接${'甲乙丙丁戊己庚辛壬癸'[Math.floor(Math.random() * 10)]}`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens a confirmed or asymptomatic case's page in the officer's ground (the grid worker's, else 海州区's)", async () => {
    // Which account has a case in its ground decides who registers the contact: a read of the list the
    // pages themselves call, in the signed-in page.
    for (const username of ['grid', 'haizhou']) {
      const session = await signIn(browser, baseUrl, username);
      const counts = await session.page.evaluate(async (categories) => {
        const out: Record<string, number> = {};
        for (const category of categories) out[category] = ((await (await fetch(`/api/v1/persons?category=${category}&limit=1`)).json()) as { items: unknown[] }).items.length;
        return out;
      }, Object.keys(CASE_CATEGORIES));
      const category = (Object.keys(counts) as CaseCategory[]).find((c) => counts[c]! > 0);
      if (category) {
        officer = session;
        officerName = username;
        await session.page.getByTestId('nav-epidemic-persons').click();
        await pickOption(session.page, 'persons-filter-category', CASE_CATEGORIES[category]);
        await session.page.getByTestId('persons-filter-submit').click();
        const open = session.page.getByTestId('persons-table').locator('[data-testid^="person-open-"]').first();
        await open.waitFor();
        await expect.poll(async () => session.page.getByTestId('persons-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
        caseId = (await open.getAttribute('data-testid'))!.replace('person-open-', '');
        await open.click();
        await session.page.getByTestId('person-detail').waitFor();
        await expect.poll(async () => session.page.locator('[data-testid="person-detail"] .ant-card-extra').first().innerText()).toContain(CASE_CATEGORIES[category]);
        await shot(session.page, 'epidemic-1-case');
        break;
      }
      await session.context.close();
    }
    expect(officerName, 'no account with a confirmed or asymptomatic demo case').not.toBe('');
    expect(caseId).not.toBe('');
  });

  it('registers a close contact from the case with a valid ID number, and shows the computed release date', async () => {
    const { page } = officer;
    // Registered here from the case's chain, where the cluster can be watched growing; the case's own
    // page offers the same button and a link to this chain (epidemic-dashboard.e2e.test.ts).
    await page.goto(`${baseUrl}/epidemic/tracing?person=${caseId}`);
    await page.getByTestId('chain-card').waitFor();
    const before = await page.evaluate(async (id) => (await (await fetch(`/api/v1/persons/${id}/chain`)).json()) as { clusterId: string | null; size: number }, caseId);
    chainBefore = { clusterId: before.clusterId ?? caseId, size: before.size };
    await expect.poll(async () => Number(await page.getByTestId('chain-graph').getAttribute('data-nodes'))).toBe(before.size);

    await page.getByTestId('chain-register-contact').click();
    await page.getByTestId('contact-form').waitFor();
    await page.getByTestId('contact-form-name').fill(contactName);
    await page.getByTestId('contact-form-idNumber').fill(idNumber);
    await page.getByTestId('contact-form-phone').fill(`139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`);
    await pickFirstCommunity(page, 'contact-form-gridCode');
    await pickOption(page, 'contact-form-setting');
    await pickDate(page, 'contact-form-date', EXPOSURE_DATE);
    await shot(page, 'epidemic-2-contact-form');
    await page.getByTestId('contact-form-submit').click();

    const notice = page.locator('.ant-message-notice').filter({ hasText: '解除日期' }).first();
    await notice.waitFor();
    const message = await notice.innerText();
    expect(message).toContain('已登记密接');
    const endDate = /解除日期\s*(\d{4}-\d{2}-\d{2})/.exec(message)?.[1];
    expect(endDate, message).toBeDefined();
    expect(endDate! > EXPOSURE_DATE).toBe(true);
    await page.getByTestId('contact-form').waitFor({ state: 'detached' });

    // The new contact is selected beside the graph; its page shows the same release date.
    const open = page.getByTestId('chain-selected-open');
    await expect.poll(async () => open.getAttribute('href')).not.toContain(caseId);
    contactId = (await open.getAttribute('href'))!.split('/').pop()!;
    await shot(page, 'epidemic-3-contact-registered');
    await open.click();
    await page.getByTestId('person-detail').waitFor();
    expect(await page.getByTestId('person-plan-end').innerText()).toContain(endDate!);
    expect(await page.locator('[data-testid="person-detail"] .ant-card-extra').first().innerText()).toContain('密切接触者');
    await shot(page, 'epidemic-4-contact-page');
  });

  it('refuses the contact at the railway-station travel check to Beijing, with the rule as reason', async () => {
    const { page, context } = await signIn(browser, baseUrl, 'checkpoint');
    try {
      await page.getByTestId('nav-epidemic-checkpoints').click();
      await page.getByTestId('travel-check-card').waitFor();
      await page.getByTestId('travel-idNumber').fill(idNumber);
      expect(await inputOf(page, 'travel-destination').inputValue()).toBe('110000');
      await pickDate(page, 'travel-date', TRAVEL_DATE);
      await page.getByTestId('travel-submit').click();
      await page.getByTestId('travel-result-deny').waitFor();
      expect(await page.getByTestId('travel-decision').innerText()).toBe('禁止前往');
      const reasons = await page.getByTestId('travel-reasons').innerText();
      expect(reasons).toContain('四类人员不得进京');
      await shot(page, 'epidemic-5-travel-denied');
    } finally {
      await context.close();
    }
  });

  it("draws the contact in the case's chain, and the cluster has grown by one", async () => {
    const { page } = officer;
    await page.getByTestId('nav-epidemic-tracing').click();
    await page.getByTestId('clusters-table').waitFor();
    const row = page.getByTestId(`cluster-row-${chainBefore.clusterId}`);
    await row.waitFor();
    // The size column (2nd) of the case's cluster.
    expect(Number(await row.locator('td').nth(1).innerText())).toBe(chainBefore.size + 1);
    await row.click();
    await page.getByTestId('chain-card').waitFor();
    await expect.poll(async () => Number(await page.getByTestId('chain-graph').getAttribute('data-nodes'))).toBe(chainBefore.size + 1);
    expect(Number(await page.getByTestId('chain-size').locator('.ant-statistic-content-value').innerText())).toBe(chainBefore.size + 1);
    const canvas = page.getByTestId('chain-graph').locator('canvas').first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(100);

    // Opened for the contact, the chain focuses on it: it is the person selected beside the graph.
    await page.goto(`${baseUrl}/epidemic/tracing?person=${contactId}`);
    await page.getByTestId('chain-selected').waitFor();
    expect(await page.getByTestId('chain-selected-open').getAttribute('href')).toBe(`/epidemic/persons/${contactId}`);
    expect(await page.getByTestId('chain-selected').innerText()).toContain('密切接触者');
    await shot(page, 'epidemic-6-chain');
  });

  afterAll(async () => {
    await officer?.context.close();
  });
});
