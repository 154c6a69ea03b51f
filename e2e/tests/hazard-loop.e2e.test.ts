import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { inputOf, localDate, pickDate, pickOption, shot, signIn, type Session } from './flow-helpers.js';

const REGULATOR = 'yingji';
const FINDING = `浏览器测试：安全出口堵塞 ${Date.now()}`;
const EVIDENCE = '已清理安全出口堆放物，张贴禁止堆放标识，附整改后照片。';
/** A 1×1 PNG, made unique by bytes after its end so that this run's photo is its own file. */
const PHOTO = Buffer.concat([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'), Buffer.from(`run ${Date.now()}`)]);

/** Whether every photo in the area has loaded as an image (the server answered its bytes within the ground). */
const photosLoaded = (area: Locator) => area.locator('img').evaluateAll((images) => images.length > 0 && images.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0));

/**
 * The hazard loop (隐患排查治理闭环) between a regulator and the enterprise: an inspection with a failed
 * item raises a hazard, the regulator assigns it, the enterprise's safety officer uploads a photo
 * and submits the rectification, and the regulator, finding it in 我的待办, sees the photo and
 * accepts: the hazard is closed (已销号), each step in the timeline.
 */
describe('a hazard found in an inspection, from the failed item to 已销号', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let regulator: Session;
  let enterprise: Session;
  let enterpriseName = '';
  let hazardId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    enterprise = await signIn(browser, baseUrl, 'qiye');
    // The enterprise officer's own enterprise, read as its pages read it.
    enterpriseName = await enterprise.page.evaluate(async () => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { ground: { enterpriseId: string } };
      return ((await (await fetch(`/api/v1/enterprises/${me.ground.enterpriseId}`)).json()) as { name: string }).name;
    });
    regulator = await signIn(browser, baseUrl, REGULATOR);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("records a regulator's inspection of the enterprise with a failed item, which becomes a general hazard", async () => {
    const { page } = regulator;
    expect(enterpriseName).not.toBe('');
    await page.getByTestId('nav-safety-inspections').click();
    await page.getByTestId('inspection-new').click();
    await page.getByTestId('inspection-form').waitFor();
    await page.getByTestId('inspection-enterprise').click();
    await page.keyboard.type(enterpriseName);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: enterpriseName }).first().click();
    await pickOption(page, 'inspection-template', '通用安全生产检查表');
    await page.getByTestId('inspection-item-1').waitFor();
    await page.getByTestId('inspection-item-1').getByText('不合格').click();
    await page.getByTestId('inspection-item-note-1').fill(FINDING);
    expect(await inputOf(page, 'inspection-createHazards').isChecked()).toBe(true);
    await shot(page, 'hazard-1-inspection-form');
    await page.getByTestId('inspection-submit').click();

    await page.getByTestId('inspection-detail').waitFor();
    const link = page.getByTestId('inspection-hazard-1');
    await link.waitFor();
    hazardId = (await link.getAttribute('href'))!.split('/').pop()!;
    await shot(page, 'hazard-2-inspection-recorded');
    await link.click();
    await page.getByTestId('hazard-detail').waitFor();
    expect(await page.getByTestId('hazard-status').innerText()).toBe('待交办');
    expect(await page.getByTestId('hazard-basic').innerText()).toContain(enterpriseName);
    expect(await page.getByTestId('hazard-description').innerText()).toContain(FINDING);
  });

  it('assigns the hazard with a deadline and the responsible unit and person', async () => {
    const { page } = regulator;
    const deadline = `${localDate(7)} 17:00`;
    await page.getByTestId('hazard-action-assign').click();
    await page.getByTestId('hazard-action-form-assign').waitFor();
    await page.getByTestId('hazard-form-responsibleUnit').fill(enterpriseName);
    await page.getByTestId('hazard-form-responsiblePerson').fill('王安全');
    await pickDate(page, 'hazard-form-deadline', deadline);
    await page.getByTestId('hazard-action-submit').click();
    await page.getByTestId('hazard-action-form-assign').waitFor({ state: 'detached' });
    await expect.poll(async () => page.getByTestId('hazard-status').innerText()).toBe('整改中');
    expect(await page.getByTestId('hazard-deadline').innerText()).toContain(deadline);
    // The responsible person is a name: the page shows it masked.
    expect(await page.getByTestId('hazard-rectification').innerText()).toMatch(/整改责任人\s*王\*+/);
    await shot(page, 'hazard-3-assigned');
  });

  it("lets the enterprise's safety officer find the hazard, upload a photo and submit the rectification evidence", async () => {
    const { page } = enterprise;
    await page.getByTestId('nav-safety-hazards').click();
    const open = page.getByTestId(`hazard-open-${hazardId}`);
    await open.waitFor();
    await open.click();
    await page.getByTestId('hazard-detail').waitFor();
    expect(await page.getByTestId('hazard-status').innerText()).toBe('整改中');
    await page.getByTestId('hazard-action-submit_rectification').click();
    await page.getByTestId('hazard-form-evidence').fill(EVIDENCE);
    // The photo goes up as it is picked; the submission then names it.
    await page.getByTestId('hazard-form-photos').locator('input[type=file]').setInputFiles({ name: '整改后.png', mimeType: 'image/png', buffer: PHOTO });
    await page.getByTestId('hazard-form-photos').locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading):not(.ant-upload-list-item-error)').first().waitFor();
    await page.getByTestId('hazard-action-submit').click();
    await page.getByTestId('hazard-action-form-submit_rectification').waitFor({ state: 'detached' });
    await expect.poll(async () => page.getByTestId('hazard-status').innerText()).toBe('待验收');
    expect(await page.getByTestId('hazard-rectification').innerText()).toContain(EVIDENCE);
    await expect.poll(() => photosLoaded(page.getByTestId('hazard-rectification-photos'))).toBe(true);
    // Acceptance is the regulator's: the enterprise is offered no accept button.
    expect(await page.getByTestId('hazard-action-accept').count()).toBe(0);
    await shot(page, 'hazard-4-rectification-submitted');
  });

  it('finds the hazard in 我的待办 to accept, sees the photo, accepts it, and the hazard shows 已销号 with the whole loop in its timeline', async () => {
    const { page } = regulator;
    await page.getByTestId('nav-safety-inbox').click();
    await page.getByTestId('hazard-inbox').waitFor();
    await page.getByTestId('inbox-tab-toAccept').click();
    const waiting = page.getByTestId(`hazard-open-${hazardId}`);
    await waiting.waitFor();
    await shot(page, 'hazard-5-inbox');
    await waiting.click();
    await page.getByTestId('hazard-detail').waitFor();
    // The page this session saw before shows at once and refreshes to the submitted state.
    await expect.poll(async () => page.getByTestId('hazard-status').innerText()).toBe('待验收');
    await expect.poll(() => photosLoaded(page.getByTestId('hazard-rectification-photos'))).toBe(true);
    await page.getByTestId('hazard-action-accept').click();
    await page.getByTestId('hazard-action-form-accept').waitFor();
    await page.getByTestId('hazard-form-note').fill('现场复核，整改到位。');
    await page.getByTestId('hazard-action-submit').click();
    await page.getByTestId('hazard-action-form-accept').waitFor({ state: 'detached' });
    await expect.poll(async () => page.getByTestId('hazard-status').innerText()).toBe('已销号');
    await expect.poll(async () => page.locator('[data-testid^="hazard-action-"]').count()).toBe(0);
    const timeline = page.getByTestId('hazard-timeline');
    for (const event of ['found', 'assigned', 'rectification_submitted', 'accepted']) await timeline.getByTestId(`hazard-event-${event}`).waitFor();
    expect(await timeline.innerText()).toContain(EVIDENCE);
    await expect.poll(() => photosLoaded(timeline.locator('[data-testid^="hazard-event-photos-"]'))).toBe(true);
    await shot(page, 'hazard-6-closed');

    // The enterprise sees it closed too.
    await enterprise.page.reload();
    await enterprise.page.getByTestId('hazard-detail').waitFor();
    expect(await enterprise.page.getByTestId('hazard-status').innerText()).toBe('已销号');
  });
});
