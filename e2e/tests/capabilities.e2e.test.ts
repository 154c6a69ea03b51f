import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser } from '../support/browser.js';

const DEMO_PASSWORD = process.env.SHOUTU_DEMO_PASSWORD ?? 'Demo@2026';
const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/;
const FULL_MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;

/**
 * Every page of the menu opens for a district officer without an error, shows no full ID or mobile
 * number (SECURITY.md row 16), and nothing the officer unmasks reaches the server's log (row 17).
 */
describe("a district officer's pages", () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');
  const serverLog = inject('serverLog');

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-username').fill('haizhou');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByTestId('nav-regions').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens every menu entry in Chinese, without an error and without a full identifier', async () => {
    const entries = await page.locator('[data-testid^="nav-"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')!));
    expect(entries).toEqual(expect.arrayContaining(['nav-safety-enterprises', 'nav-epidemic-persons', 'nav-regions']));
    for (const entry of entries) {
      const before = page.url();
      await page.getByTestId(entry).click();
      // The entry already open does not navigate; any other must, within a few seconds.
      await page.waitForURL((url) => url.toString() !== before, { timeout: 3000 }).catch(() => undefined);
      await page.waitForLoadState('networkidle');
      // Let the page's fade-in finish so that the text and the screenshot are this page's.
      await page.waitForTimeout(400);
      const text = await page.locator('main, .ant-layout-content').first().innerText();
      expect(text, entry).not.toMatch(/页面不存在|加载失败|服务器内部错误/);
      expect(text, entry).not.toMatch(FULL_ID);
      expect(text, entry).not.toMatch(FULL_MOBILE);
      await page.screenshot({ path: path.join(ARTIFACTS, `page-${entry}.png`), fullPage: true });
    }
  });

  it("masks a person's identifiers in the list, and an unmasked ID never reaches the server log", async () => {
    await page.getByTestId('nav-epidemic-persons').click();
    await page.getByTestId('persons-table').locator('tbody tr.ant-table-row').first().waitFor();
    const tableText = await page.getByTestId('persons-table').innerText();
    expect(tableText).toMatch(/\d{6}\*{8}[\dX]{4}/);
    expect(tableText).not.toMatch(FULL_ID);
    const unmasked = await page.evaluate(async () => {
      const list = (await (await fetch('/api/v1/persons?limit=1')).json()) as { items: Array<{ id: string }> };
      const id = list.items[0]!.id;
      const response = await fetch(`/api/v1/persons/${id}/unmask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: '浏览器测试：核对日志中无个人信息' }),
      });
      return (await response.json()) as { idNumber?: string; phone?: string };
    });
    const idNumber = String(unmasked.idNumber ?? '');
    const phone = String(unmasked.phone ?? '');
    expect(idNumber).toMatch(FULL_ID);
    const log = fs.readFileSync(serverLog, 'utf8');
    expect(log.length).toBeGreaterThan(0);
    expect(log.includes(idNumber)).toBe(false);
    if (phone) expect(log.includes(phone)).toBe(false);
  });
});
