import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { shot, signIn, type Session } from './flow-helpers.js';

const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/;
const FULL_MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;

/**
 * SECURITY.md row 18 in the browser. The browser suite's server lowers the approval threshold to
 * 20 rows (e2e/support/server.ts), so 海州区's demo person list needs approval: the district officer
 * requests it, the city leader approves it on the exports page, the officer downloads it once and
 * gets a masked, watermarked file.
 */
describe('a person list export above the threshold, from request to the one download', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let officer: Session;
  let leader: Session;
  let exportId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the district officer exports the person list and is told it waits for approval', async () => {
    officer = await signIn(browser, baseUrl, 'haizhou');
    const { page } = officer;
    await page.getByTestId('nav-epidemic-persons').click();
    await page.getByTestId('persons-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('persons-export').click();
    await page.getByTestId('persons-export-format').getByText('CSV').click();
    await page.getByTestId('persons-export-reason').fill('核对全区管控人员名单');
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/v1/persons/export'));
    await page.getByTestId('persons-export-submit').click();
    const response = await answer;
    expect(response.status()).toBe(202);
    exportId = ((await response.json()) as { id: string }).id;
    await page.locator('.ant-modal-confirm-title', { hasText: '已提交导出申请' }).waitFor();
    await shot(page, 'exports-1-requested');
    await page.locator('.ant-modal-confirm-btns button').click();
    await page.waitForURL((url) => url.pathname === '/exports');
    const row = page.getByTestId(`export-row-${exportId}`);
    await expect.poll(async () => row.innerText()).toContain('待审批');
    expect(await page.getByTestId(`export-download-${exportId}`).count()).toBe(0);
  });

  it('the city leader sees it waiting and approves it with a reason', async () => {
    leader = await signIn(browser, baseUrl, 'leader');
    const { page } = leader;
    await page.getByTestId('nav-exports').click();
    await page.getByTestId('exports-page').waitFor();
    await page.getByTestId('exports-tab-to_approve').click();
    await page.getByTestId(`export-approve-${exportId}`).click();
    await page.getByTestId('export-decision-reason').fill('流调工作需要，同意导出');
    await page.getByTestId('export-decision-submit').click();
    await page.getByTestId('exports-tab-decided').click();
    await expect.poll(async () => page.getByTestId(`export-row-${exportId}`).innerText()).toContain('已批准');
    await shot(page, 'exports-2-approved');
  });

  it('the officer downloads it once: masked, with the watermark, and the button is gone', async () => {
    const { page } = officer;
    await page.reload();
    const button = page.getByTestId(`export-download-${exportId}`);
    await button.waitFor();
    const download = page.waitForEvent('download');
    await button.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^管控人员名单-\d{8}T\d{6}\.csv$/);
    const text = fs.readFileSync((await file.path())!, 'utf8');
    const [watermark, header, ...rows] = text.split('\r\n').filter((line) => line !== '');
    expect(watermark).toContain(`导出人 haizhou`);
    expect(watermark).toContain(`request ${exportId}`);
    expect(header).toMatch(/^姓名（脱敏）,身份证号码（脱敏）/);
    expect(rows.length).toBeGreaterThan(20);
    expect(text).not.toMatch(FULL_ID);
    expect(text).not.toMatch(FULL_MOBILE);
    await expect.poll(async () => page.getByTestId(`export-row-${exportId}`).innerText()).toContain('已下载');
    expect(await page.getByTestId(`export-download-${exportId}`).count()).toBe(0);
    await shot(page, 'exports-3-downloaded');
    // A second download, whatever the page shows, is refused by the server.
    const again = await page.evaluate(async (id) => (await fetch(`/api/v1/exports/${id}/download`, { method: 'POST' })).status, exportId);
    expect(again).toBe(410);
  });
});
