import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';

const DEMO_PASSWORD = process.env.SHOUTU_DEMO_PASSWORD ?? 'Demo@2026';
const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/;
const FULL_MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;

/** GB 11643 check character, so the test person's ID number is valid. */
function withCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/**
 * SECURITY.md row 17: no personal data in logs, URLs or browser storage. A district officer
 * registers a person, finds them by ID number, opens their page and unmasks them; then the server's
 * log of the whole browser run, every URL the browser requested, and everything the app left in the
 * browser (local and session storage, IndexedDB, cookies) are searched for that person's ID number
 * and phone, and for any full ID or mobile number at all.
 */
describe('personal data leaves no trace in logs, URLs or browser storage', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const urls: string[] = [];
  const baseUrl = inject('baseUrl');
  const serverLog = inject('serverLog');
  const suffix = String(Date.now() % 10_000).padStart(4, '0');
  const idNumber = withCheckChar(`32070619880214${suffix.slice(0, 3)}`);
  const phone = `1390518${suffix}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.on('request', (request) => urls.push(request.url()));
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-username').fill('haizhou');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('registers, finds, opens and unmasks a person through the app', async () => {
    const outcome = await page.evaluate(
      async ({ idNumber, phone }) => {
        const json = { 'content-type': 'application/json' };
        const created = await fetch('/api/v1/persons', { method: 'POST', headers: json, body: JSON.stringify({ name: '痕迹测试', idNumber, phone, gridCode: '320706010001', category: 'close_contact' }) });
        const person = (await created.json()) as { id: string };
        const found = await fetch('/api/v1/persons/search', { method: 'POST', headers: json, body: JSON.stringify({ q: idNumber }) });
        const unmasked = await fetch(`/api/v1/persons/${person.id}/unmask`, { method: 'POST', headers: json, body: JSON.stringify({ reason: '浏览器测试：核对日志、地址与浏览器存储中无个人信息' }) });
        return { created: created.status, id: person.id, found: found.status, hits: ((await found.json()) as { items: Array<{ id: string }> }).items.map((p) => p.id), unmasked: (await unmasked.json()) as { idNumber?: string; phone?: string } };
      },
      { idNumber, phone },
    );
    expect(outcome.created).toBe(201);
    expect(outcome.found).toBe(200);
    expect(outcome.hits).toEqual([outcome.id]);
    expect(outcome.unmasked.idNumber).toBe(idNumber);
    await page.goto(`${baseUrl}/epidemic/persons/${outcome.id}`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('body').innerText()).not.toContain(idNumber);
  });

  it('finds neither that person nor any full identifier in the server log, the URLs or the browser storage', async () => {
    const log = fs.readFileSync(serverLog, 'utf8');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(idNumber);
    expect(log).not.toContain(phone);
    expect(log).not.toMatch(FULL_ID);
    expect(log).not.toMatch(FULL_MOBILE);

    expect(urls.length).toBeGreaterThan(3);
    for (const url of urls) {
      const decoded = decodeURIComponent(url);
      expect(decoded).not.toContain(idNumber);
      expect(decoded).not.toContain(phone);
      expect(decoded).not.toMatch(FULL_ID);
    }

    const stored = await page.evaluate(async () => {
      const dump = (storage: Storage) => Object.fromEntries(Array.from({ length: storage.length }, (_, i) => storage.key(i)!).map((key) => [key, storage.getItem(key)]));
      const databases = 'databases' in indexedDB ? (await indexedDB.databases()).map((d) => d.name) : [];
      return JSON.stringify({ local: dump(localStorage), session: dump(sessionStorage), databases, cookie: document.cookie });
    });
    const cookies = JSON.stringify(await context.cookies());
    for (const text of [stored, cookies]) {
      expect(text).not.toContain(idNumber);
      expect(text).not.toContain(phone);
      expect(text).not.toMatch(FULL_ID);
      expect(text).not.toMatch(FULL_MOBILE);
    }
  });
});
