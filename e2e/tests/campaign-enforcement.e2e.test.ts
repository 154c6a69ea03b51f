import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { shot, signIn, type Session } from './flow-helpers.js';

const CAMPAIGN = '危险化学品安全专项整治';
const ENTERPRISE = '连云港演示化工有限公司';

interface Progress {
  total: { inScope: number; inspected: number; hazardsFound: number; hazardsClosed: number; hazardsOverdue: number };
  rows: Array<{ regionCode: string; name: string; inScope: number; inspected: number; hazardsFound: number }>;
}

/**
 * A regulator of the city's emergency bureau follows the demo campaign (专项整治) region by region,
 * then opens one of its enterprises and finds, on one page, its risk points with their colours,
 * its hazards and the enforcement cases against it.
 */
describe('the demo campaign and an enterprise’s page, as a city regulator sees them', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let regulator: Session;

  beforeAll(async () => {
    browser = await launchBrowser();
    regulator = await signIn(browser, baseUrl, 'yingji');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the campaign and sees its progress per county, as the server counts it, with the chart', async () => {
    const { page } = regulator;
    await page.getByTestId('nav-safety-campaigns').click();
    const row = page.getByTestId('campaigns-table').locator('tbody tr').filter({ hasText: CAMPAIGN }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('进行中');
    await row.locator('a').first().click();
    await page.getByTestId('campaign-progress-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('campaign-summary').innerText()).toMatch(/C26[\s\S]*化学原料/);

    const campaignId = page.url().split('/').pop()!;
    const progress = (await page.evaluate(async (id) => (await fetch(`/api/v1/campaigns/${id}/progress`)).json(), campaignId)) as Progress;
    expect(progress.total.inScope).toBeGreaterThan(0);
    expect(progress.total.inspected).toBeGreaterThan(0);
    expect(progress.total.hazardsFound).toBeGreaterThan(0);
    const totals = await page.getByTestId('campaign-progress-totals').innerText();
    expect(totals).toContain(`/ ${progress.total.inScope}`);
    expect(totals).toContain(String(progress.total.hazardsFound));
    // Every county row shows the figures the server answered for it.
    const lianyun = progress.rows.find((r) => r.regionCode === '320703')!;
    const lianyunRow = page.getByTestId('campaign-progress-table').locator('tbody tr').filter({ hasText: '连云区' }).first();
    const cells = await lianyunRow.locator('td').allInnerTexts();
    expect(cells.slice(0, 3)).toEqual(['连云区', String(lianyun.inScope), String(lianyun.inspected)]);
    expect(await page.getByTestId('campaign-progress-chart').locator('canvas').count()).toBeGreaterThan(0);
    await shot(page, 'campaign-1-progress');

    // Drilling into a county breaks it down by town.
    await page.getByTestId('campaign-region-320703').click();
    await expect.poll(async () => page.getByTestId('campaign-progress').innerText()).toContain('徐圩');
    await page.getByTestId('campaign-enterprises').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(page, 'campaign-2-drilled');
  });

  it('opens an enterprise and sees its risk points with their levels, its hazards and its enforcement cases', async () => {
    const { page } = regulator;
    await page.getByTestId('nav-safety-enterprises').click();
    await page.getByTestId('enterprises-filter-q').fill(ENTERPRISE);
    await page.getByTestId('enterprises-filter-q').press('Enter');
    const link = page.getByTestId('enterprises-table').getByRole('link', { name: ENTERPRISE, exact: true }).first();
    await link.waitFor();
    await link.click();
    await page.getByTestId('enterprise-detail-basics').waitFor();

    const risks = page.getByTestId('enterprise-detail-risks');
    await risks.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await risks.getByTestId('risk-level').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('enterprise-risk-counts').innerText()).toMatch(/红 \d+[\s\S]*蓝 \d+/);

    const hazards = page.getByTestId('enterprise-detail-hazards');
    await hazards.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await hazards.getByTestId('hazard-status').count()).toBeGreaterThan(0);
    expect(await hazards.innerText()).toContain('重大');

    const enforcement = page.getByTestId('enterprise-detail-enforcement');
    await enforcement.locator('tbody tr.ant-table-row').first().waitFor();
    const text = await enforcement.innerText();
    expect(text).toContain('责令停产停业整顿');
    expect(text).toContain('罚款');
    expect(await page.getByTestId('enterprise-detail-inspections').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await shot(page, 'campaign-3-enterprise');

    await enforcement.locator('a[data-testid^="enforcement-open-"]').first().click();
    await page.getByTestId('enforcement-detail').waitFor();
    expect(await page.getByTestId('enforcement-violations').innerText()).toContain('安全生产法');
    await shot(page, 'campaign-4-enforcement');
  });
});
