import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { pickOption, shot, signIn, type Session } from './flow-helpers.js';

/** The demo major hazard listed by the city and overdue: its candidate row (not the campaign's hazard of the same enterprise). */
const OVERDUE_HAZARD = '连云港演示化工有限公司：涉及重点监管危险化工工艺的装置未实现自动化控制';
const DECIDED_BY = '连云港市安全生产委员会（浏览器测试）';

/**
 * Accountability (失职追责) and the responsibility chain: the city's emergency bureau opens the
 * candidates, reads the evidence of an overdue major hazard, and records a decision against the
 * department that listed it; the candidate then leaves the list. A leader sees the chain of a
 * demo enterprise on its page, from its supervising department up to the city's leaders.
 */
describe('accountability candidates and the responsibility chain', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let regulator: Session;
  let leader: Session;

  beforeAll(async () => {
    browser = await launchBrowser();
    regulator = await signIn(browser, baseUrl, 'yingji');
    leader = await signIn(browser, baseUrl, 'leader');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the evidence of an overdue major hazard and records a decision on it', async () => {
    const { page } = regulator;
    await page.getByTestId('nav-safety-accountability-candidates').click();
    const row = page.getByTestId('candidates-table').locator('tr', { hasText: OVERDUE_HAZARD });
    await row.waitFor();
    expect(await row.innerText()).toContain('重大事故隐患逾期未整改');
    await row.getByRole('button', { name: '查看证据' }).click();

    const drawer = page.getByTestId('candidate-drawer');
    await drawer.getByTestId('evidence-timeline').waitFor();
    const evidence = await drawer.getByTestId('evidence-timeline').innerText();
    for (const step of ['发现隐患', '挂牌督办', '交办整改', '整改期限届满未完成']) expect(evidence).toContain(step);
    expect(evidence).toContain('演示·');
    await shot(page, 'accountability-1-evidence');

    // The chain names the department that listed the hazard first: it fills in the subject.
    await drawer.getByTestId('suggestion-0').click();
    expect(await drawer.getByTestId('decision-subjectName').inputValue()).toBe('市应急管理局（演示）');
    await pickOption(page, 'decision-measure', '通报批评');
    await drawer.getByTestId('decision-decidedBy').fill(DECIDED_BY);
    await drawer.getByTestId('decision-facts').fill('重大事故隐患挂牌督办后逾期未完成治理，督办不力。');
    await shot(page, 'accountability-2-decision');
    await drawer.getByTestId('candidate-decide').click();

    await page.getByTestId('record-detail').waitFor();
    expect(await page.getByTestId('record-status').innerText()).toBe('已作出决定');
    expect(await page.getByTestId('record-measure').innerText()).toBe('通报批评');
    expect(await page.getByTestId('record-detail').innerText()).toContain(DECIDED_BY);
    expect(await page.getByTestId('evidence-timeline').innerText()).toContain('整改期限届满未完成');
    await shot(page, 'accountability-3-record');

    // Decided once, never proposed again.
    await page.getByTestId('nav-safety-accountability-candidates').click();
    await page.getByTestId('candidates-table').locator('tbody tr').first().waitFor();
    await expect.poll(async () => page.getByTestId('candidates-table').locator('tr', { hasText: OVERDUE_HAZARD }).count()).toBe(0);
    await page.getByTestId('nav-safety-accountability-records').click();
    await expect.poll(async () => page.getByTestId('records-table').innerText()).toContain('市应急管理局（演示）');
  });

  it("shows an enterprise's responsibility chain on its page", async () => {
    const { page } = leader;
    const id = await page.evaluate(async () => {
      const list = (await (await fetch('/api/v1/enterprises?q=海州演示燃气有限公司&limit=1')).json()) as { items: Array<{ id: string }> };
      return list.items[0]!.id;
    });
    await page.goto(`${baseUrl}/safety/enterprises/${id}`);
    const card = page.getByTestId('responsibility-chain');
    await card.getByTestId('chain-letter').waitFor();
    const text = await card.innerText();
    expect(text).toContain('市住房和城乡建设局（演示）');
    for (const post of ['市长', '分管安全生产副市长', '区长', '分管安全生产副区长', '街道办事处主任']) expect(text).toContain(post);
    expect(text).toContain('郑国强（演示）');
    expect(text).toMatch(/137\*{4}\d{4}/);
    expect(text).not.toMatch(/1370518\d{4}/);
    expect(await card.getByTestId('chain-letter').innerText()).toBe('已签订');
    await shot(page, 'responsibility-chain');
  });
});
