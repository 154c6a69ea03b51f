import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { shot, signIn, type Session } from './flow-helpers.js';

const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/;

/**
 * Training (issue 4): the city leader opens the demo session of the provincial "3·21" warning film,
 * watched by the city's leading group, and sees who attended; the district officer on its roster
 * records the rest of the film; the certificates page shows an expiring certificate and its count.
 */
describe('the 3·21 warning film and the certificates', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let leader: Session;
  let district: Session;

  beforeAll(async () => {
    browser = await launchBrowser();
    leader = await signIn(browser, baseUrl, 'leader');
    district = await signIn(browser, baseUrl, 'haizhou');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the leader the demo session with its roster: two of four attended', async () => {
    const { page } = leader;
    await page.getByTestId('nav-safety-training-sessions').click();
    const row = page.getByTestId('sessions-table').locator('tbody tr.ant-table-row', { hasText: '3·21' });
    await row.waitFor();
    expect(await row.innerText()).toContain('2 / 4');
    await row.getByRole('link').click();
    await page.getByTestId('session-detail').waitFor();
    const basics = await page.getByTestId('session-basic').innerText();
    expect(basics).toContain('响水天嘉宜');
    expect(basics).toContain('未附链接');
    await page.getByTestId('session-roster').waitFor();
    const roster = await page.getByTestId('roster-table').innerText();
    expect(roster).toContain('演示·市领导');
    expect(roster).toContain('演示·连云区干部');
    expect(await page.getByTestId('session-tally').innerText()).toContain('50.0%');
    // The organiser's view of who has not attended: 海州区 watched part, 连云区 nothing.
    await page.getByTestId('roster-show').getByText('尚未参训').click();
    await expect.poll(async () => page.getByTestId('roster-table').locator('tbody tr.ant-table-row').count()).toBe(2);
    expect(await page.getByTestId('roster-table').innerText()).not.toContain('演示·市领导');
    expect(await page.getByTestId('session-my-status').innerText()).toBe('已参训');
    await shot(page, 'training-1-leader-session');
  });

  it('lets the district officer on the roster record the rest of the film, and the leader sees it', async () => {
    const { page } = district;
    await page.getByTestId('nav-safety-training-sessions').click();
    await page.getByTestId('sessions-tabs').getByText('我的培训').click();
    const row = page.getByTestId('my-sessions-table').locator('tbody tr.ant-table-row', { hasText: '3·21' });
    await row.waitFor();
    expect(await row.innerText()).toContain('30 / 45');
    await row.getByRole('button', { name: '登记学习时长' }).click();
    await page.getByTestId('record-minutes').fill('45');
    await page.getByTestId('record-submit').click();
    await expect.poll(async () => row.innerText()).toContain('45 / 45');
    expect(await row.innerText()).toContain('已参训');
    await shot(page, 'training-2-district-recorded');

    await leader.page.reload();
    await leader.page.getByTestId('session-tally').waitFor();
    await expect.poll(async () => leader.page.getByTestId('session-tally').innerText()).toContain('75.0%');
  });

  it('shows an expiring certificate, masked, and the count of expiring ones', async () => {
    const { page } = leader;
    await page.getByTestId('nav-safety-training-certificates').click();
    await page.getByTestId('certificate-alerts').waitFor();
    await expect.poll(async () => Number((await page.getByTestId('certificate-alerts-expiring').locator('.ant-statistic-content-value').innerText()).replace(/\D/g, '') || 0)).toBeGreaterThan(0);
    await page.getByTestId('certificate-alerts-expiring').click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'expiring');
    const table = page.getByTestId('certificates-table');
    // The filtered list replaces the whole one once it has loaded: only expiring certificates are left.
    // The rows and the text are read in one poll, and the text kept: the table re-renders while the filtered page loads.
    let text = '';
    await expect
      .poll(async () => {
        text = await table.innerText();
        return [await table.locator('[data-status="expiring"]').count() > 0, await table.locator('[data-status="expired"], [data-status="valid"]').count(), /临期（剩 \d+ 天）/.test(text)];
      })
      .toEqual([true, 0, true]);
    expect(text).toMatch(/\d{6}\*{8}[\dX]{4}/);
    expect(text).not.toMatch(FULL_ID);
    await shot(page, 'training-3-certificates-expiring');
  });

  it('draws the attendance rate by unit', async () => {
    const { page } = leader;
    await page.getByTestId('nav-safety-training-attendance').click();
    await page.getByTestId('rates-table').waitFor();
    await page.getByTestId('attendance-chart').locator('canvas').waitFor();
    const table = await page.getByTestId('rates-table').innerText();
    expect(table).toContain('市应急管理局（演示）');
    await shot(page, 'training-4-attendance-rates');
  });
});
