/// <reference lib="dom" />
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ARTIFACTS } from '../support/browser.js';

export const DEMO_PASSWORD = process.env.SHOUTU_DEMO_PASSWORD ?? 'Demo@2026';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The GB 11643-1999 check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i]!, 0);
  return CHECK[sum % 11]!;
}

/** A fresh, valid resident ID number of 海州区 (320706), born 1990-05-xx, with a random sequence. */
export function newResidentId(): string {
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const sequence = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const first17 = `320706199005${day}${sequence}`;
  return first17 + residentIdCheckChar(first17);
}

export interface Session {
  context: BrowserContext;
  page: Page;
}

/** Signs a demo account in through the login page, in a context of its own (its own cookies). */
export async function signIn(browser: Browser, baseUrl: string, username: string): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.locator('[data-testid^="nav-"]').first().waitFor();
  return { context, page };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The <input> of an antd control carrying `testId`, whether the id sits on the input or on its wrapper. */
export function inputOf(page: Page, testId: string): Locator {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/** Types a date (or date and time) into an antd DatePicker and confirms it. */
export async function pickDate(page: Page, testId: string, value: string): Promise<void> {
  const input = inputOf(page, testId);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  // Enter confirms a typed value, with or without a time part; the popup then closes by itself.
  const popup = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  await popup.waitFor({ state: 'hidden', timeout: 3_000 }).catch(async () => {
    const ok = popup.locator('.ant-picker-ok button');
    if (await ok.isVisible().catch(() => false)) await ok.click({ force: true });
  });
  await page.waitForFunction(({ id, v }) => {
    const el = document.querySelector(`input[data-testid="${id}"]`) ?? document.querySelector(`[data-testid="${id}"] input`);
    return (el as HTMLInputElement | null)?.value === v;
  }, { id: testId, v: value });
}

/** Opens an antd Select and picks the option whose text contains `text` (the first option without one). */
export async function pickOption(page: Page, testId: string, text?: string): Promise<void> {
  await page.getByTestId(testId).click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  const option = text ? options.filter({ hasText: text }).first() : options.first();
  await option.click();
}

/** Picks the first community (a leaf of the region tree) in a RegionTreeSelect, expanding the tree down to it. */
export async function pickFirstCommunity(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  const tree = page.locator('.ant-select-dropdown:visible .ant-select-tree');
  const NODE = '.ant-select-tree-treenode:not([aria-hidden="true"])';
  await tree.locator(NODE).first().waitFor();
  // Expands the first closed branch, one level at a time (each loads on demand), until a leaf shows.
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const leaf = tree.locator(`${NODE}:has(.ant-select-tree-switcher-noop)`).first();
    if ((await leaf.count()) > 0) {
      await leaf.locator('.ant-select-tree-node-content-wrapper').first().click();
      return;
    }
    const loading = await tree.locator('.ant-select-tree-treenode-loading, .ant-select-tree-switcher-loading-icon').count();
    const closed = tree.locator(`${NODE} .ant-select-tree-switcher_close`).first();
    if (loading === 0 && (await closed.count()) > 0) {
      const opened = await tree.locator(`${NODE} .ant-select-tree-switcher_open`).count();
      await closed.click();
      for (let i = 0; i < 50 && (await tree.locator(`${NODE} .ant-select-tree-switcher_open`).count()) <= opened; i += 1) await page.waitForTimeout(100);
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`no community found in ${testId}`);
}

/** A date `days` from today, in the browser's local time, as YYYY-MM-DD. */
export function localDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
