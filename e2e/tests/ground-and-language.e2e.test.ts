import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser } from '../support/browser.js';

const DEMO_PASSWORD = process.env.SHOUTU_DEMO_PASSWORD ?? 'Demo@2026';

describe('a district officer in the browser', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function login(username: string) {
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByTestId('nav-regions').click();
    await page.getByTestId('region-tree').waitFor();
  }

  it('sees the Chinese login page with the labelled demo accounts', async () => {
    await page.goto(baseUrl);
    await page.waitForURL(/\/login/);
    await page.getByTestId('demo-accounts').waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain('守土');
    expect(text).toContain('演示');
    expect(text).toContain('haizhou');
    await page.screenshot({ path: path.join(ARTIFACTS, 'login-zh.png'), fullPage: true });
  });

  it('logs in as haizhou and browses 海州区 but never 连云区', async () => {
    await login('haizhou');
    const tree = page.getByTestId('region-tree');
    await tree.getByText('海州区', { exact: false }).first().waitFor();
    expect(await tree.innerText()).not.toContain('连云区');
    // Open the district: its towns load from the API, all inside the ground.
    await tree.locator('.ant-tree-switcher').first().click();
    await tree.getByText('320706', { exact: false }).nth(1).waitFor();
    const codes = [...(await tree.innerText()).matchAll(/\((\d{6,12})\)/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(1);
    expect(codes.every((code) => code.startsWith('320706'))).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'regions-haizhou-zh.png'), fullPage: true });
  });

  it("gets nothing of 连云区 from the API in the same session", async () => {
    const status = await page.evaluate(async () => (await fetch('/api/v1/regions/320703')).status);
    expect(status).toBe(404);
  });

  it('switches to English, keeps it across a reload, and switches back', async () => {
    await page.getByTestId('lang-switch').click();
    await page.getByText('Regions', { exact: false }).first().waitFor();
    await page.reload();
    await page.getByTestId('region-tree').waitFor();
    expect(await page.locator('body').innerText()).toContain('Regions');
    await page.screenshot({ path: path.join(ARTIFACTS, 'regions-haizhou-en.png'), fullPage: true });
    await page.getByTestId('lang-switch').click();
    await page.getByText('辖区', { exact: false }).first().waitFor();
    expect(await page.locator('body').innerText()).not.toContain('Regions');
  });

  it('logs out and lands on the login page; the old session no longer works', async () => {
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    const status = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    expect(status).toBe(401);
  });

  it('lets lianyun see 连云区 and not 海州区', async () => {
    await login('lianyun');
    const text = await page.getByTestId('region-tree').innerText();
    expect(text).toContain('连云区');
    expect(text).not.toContain('海州区');
  });
});
