/**
 * How the sidebar form and the diagnosis tab look, in English (light theme) and in Chinese (dark
 * theme), compared with committed baselines (test/e2e/baselines/*.png, see baseline.ts): a changed
 * word, colour, border, field or layout fails here with a picture of it and a diff.
 *
 * Each picture is of the extension's own webview element only, so VS Code's chrome, clock and
 * notifications are not in it, and its content is fixed: the folder has no journal (no wait counts
 * down), the attempt's time is typed with its offset a month before this machine's date (nothing
 * is counted against "now"), every value is typed or picked by the test, the caret is hidden,
 * animations are stopped, focus and the mouse are elsewhere, and each picture is taken once two in
 * a row are identical.
 *
 * `npm run test:update-baselines` runs this file alone to rewrite the baselines.
 */
import assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { BaselineChecks, expectToMatchBaseline } from './baseline';
import {
  closeWorkbench,
  diagnosisTabElement,
  formViewElement,
  openFormView,
  openWorkbench,
  screenshotIfFailed,
  startCommand,
  type Workbench,
} from './harness';

/** The attempt's time: with its offset, so it reads the same on any machine and on any day after it. */
const TYPED_TIME = '2026-11-02 22:10 +08:00';

interface Language {
  locale: 'en' | 'zh-cn';
  theme: string;
  errorMessage: string;
  issuerName: string;
  /** What the form says it read the typed time as. */
  readAs: string;
  /** The most likely cause's title once the first digits say where the card is from. */
  topFinding: string;
  /** The field problem shown under a last 4 of two digits. */
  last4Error: RegExp;
  diagnose: string;
  /** The interview's first screen title, and the first place it offers once the error is typed. */
  messageTitle: string;
  web: string;
  /** The interview's card screen title, its card line, and the first row's inference. */
  cardTitle: string;
  cardLine: string;
  inferred: string;
  appliesTitle: string;
  timeTitle: string;
  /** How the interview's time screen reads the typed time. */
  timeReadAs: string;
  diagnosisHeading: string;
}

const ENGLISH: Language = {
  locale: 'en',
  theme: 'Default Light Modern',
  errorMessage: 'Your card was declined.',
  issuerName: 'China Merchants Bank',
  readAs: 'Read as 2026-11-02 22:10 UTC+08:00',
  topFinding: 'Region not supported',
  last4Error: /expected 4 digits/,
  diagnose: 'Card Doctor: Diagnose card failure',
  messageTitle: 'What did the error say, and where?',
  web: 'On ChatGPT on the web',
  cardTitle: 'The card: what kind is it?',
  cardLine: '621483 4242 China Merchants Bank',
  inferred: 'China (inferred from the first digits)',
  appliesTitle: 'What applies? Tick all that do (Space), then Enter',
  timeTitle: 'When did it fail?',
  timeReadAs: 'Read as 2026-11-02 22:10 UTC+08:00',
  diagnosisHeading: 'Card failure diagnosis',
};

const CHINESE: Language = {
  locale: 'zh-cn',
  theme: 'Default Dark Modern',
  errorMessage: '您的银行卡被拒绝了。',
  issuerName: '招商银行',
  readAs: '识别为 2026-11-02 22:10 UTC+08:00',
  topFinding: '地区不受支持',
  last4Error: /4 位数字/,
  diagnose: '绑卡医生: 诊断绑卡失败',
  messageTitle: '错误提示是什么？在哪里看到的？',
  web: '在 ChatGPT 网页版',
  cardTitle: '这张卡：是哪种卡？',
  cardLine: '621483 4242 招商银行',
  inferred: '中国（根据卡号前几位推断）',
  appliesTitle: '以下哪些符合？逐项勾选（空格键），然后按 Enter',
  timeTitle: '什么时候失败的？',
  timeReadAs: '将记录为 2026-11-02 22:10 UTC+08:00',
  diagnosisHeading: '绑卡失败诊断',
};

/** Scrolls the form's pane so `anchor` is at its top (or to its start), the diagnosis pane to its start. */
async function scrollForm(form: FrameLocator, anchor?: string): Promise<void> {
  await form.locator('body').evaluate((body, selector) => {
    body.querySelector('.diagnosis')?.scrollTo(0, 0);
    if (selector) body.querySelector(selector)?.scrollIntoView({ block: 'start' });
    else body.querySelector('.form')?.scrollTo(0, 0);
  }, anchor ?? null);
}

/** Nothing focused in the form and the mouse over the editor area: no focus ring, no hover. */
async function restFocus(page: Page, form: FrameLocator): Promise<void> {
  await form.locator('body').evaluate((body) => (body.ownerDocument.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(900, 600);
}

function describeLooks(language: Language): void {
  describe(`how the form and the diagnosis tab look (${language.locale}, ${language.theme})`, function () {
    this.timeout(300_000);
    let workbench: Workbench | undefined;
    let form: FrameLocator;

    before(async () => {
      workbench = await openWorkbench({ locale: language.locale, env: { TZ: 'UTC' }, settings: { 'workbench.colorTheme': language.theme } });
    });

    afterEach(async function () {
      await screenshotIfFailed(this.currentTest, workbench?.page);
    });

    after(async () => {
      await closeWorkbench(workbench);
    });

    it('the form, part filled: the time read back, a diagnosis, inferred values offered, a field problem', async () => {
      const { page } = workbench!;
      form = await openFormView(page);
      await form.locator('#f-occurredAt').fill(TYPED_TIME);
      await form.locator('#f-product').selectOption('chatgpt-web');
      await form.locator('#f-errorMessage').fill(language.errorMessage);
      await form.locator('#f-card-kind').selectOption('debit');
      await form.locator('#f-card-bin').fill('622588');
      await form.locator('#f-card-last4').fill('42');
      await form.locator('#f-card-last4').blur();
      await form.locator('#f-card-issuerName').fill(language.issuerName);
      await form.locator('#f-card-expiry').fill('06/31');
      await form.locator('#f-card-expiry').blur();

      // The state the pictures are of, reached before they are taken.
      assert.equal(await form.locator('#f-occurredAt-reading').textContent(), language.readAs);
      await form.locator('#f-card-last4-error:not([hidden])', { hasText: language.last4Error }).waitFor();
      await form.locator('#f-card-brand-suggestion:not([hidden])').waitFor();
      await form.locator('#f-card-issuerCountry-suggestion:not([hidden])').waitFor();
      await form.locator('.finding .finding-title').first().filter({ hasText: language.topFinding }).waitFor();
      assert.equal(await form.locator('.cooldown').count(), 0, 'no journal, no wait');
      await restFocus(page, form);

      const view = formViewElement(page);
      const pictures = new BaselineChecks();
      await scrollForm(form);
      await pictures.check(view, `form-${language.locale}-attempt`);
      await scrollForm(form, '[data-field="card.kind"]');
      await pictures.check(view, `form-${language.locale}-card`);
      await scrollForm(form, '.actions');
      await pictures.check(view, `form-${language.locale}-actions`);
      pictures.assertAll();
    });

    it('the diagnosis tab after the interview, for a time typed with its offset', async () => {
      const { page } = workbench!;
      const widget = page.locator('.quick-input-widget');
      const title = (text: string) => widget.locator('.quick-input-title', { hasText: text });
      const focusedRow = widget.locator('.monaco-list-row.focused');
      await startCommand(page, language.diagnose);
      await title(language.messageTitle).waitFor({ state: 'visible' });
      await page.keyboard.type(language.errorMessage);
      await focusedRow.filter({ hasText: language.web }).waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      await title(language.cardTitle).waitFor({ state: 'visible' });
      await page.keyboard.type(language.cardLine);
      await focusedRow.filter({ hasText: language.inferred }).filter({ hasText: language.issuerName }).waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      // What applies: nothing ticked.
      await title(language.appliesTitle).waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      await title(language.timeTitle).waitFor({ state: 'visible' });
      await page.keyboard.type(TYPED_TIME);
      await widget.locator('.quick-input-message', { hasText: language.timeReadAs }).waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      await widget.waitFor({ state: 'hidden' });

      const tab = diagnosisTabElement(page);
      const content = tab.contentFrame().frameLocator('iframe#active-frame');
      await content.locator('h1', { hasText: language.diagnosisHeading }).waitFor({ state: 'visible', timeout: 30_000 });
      await content.locator('h3').first().filter({ hasText: language.topFinding }).waitFor({ state: 'visible' });
      // Over the form, which is not in this picture: nothing in the tab is hovered.
      await page.mouse.move(150, 400);
      await expectToMatchBaseline(tab, `diagnosis-tab-${language.locale}`);
    });
  });
}

describeLooks(ENGLISH);
describeLooks(CHINESE);
