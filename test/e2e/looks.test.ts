/**
 * How the sidebar form and the diagnosis tab look, in English (light theme), Simplified Chinese
 * (dark theme) and Traditional Chinese (high-contrast theme), compared with committed baselines (test/e2e/baselines/*.png, see baseline.ts): a changed
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
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

const REPO_ROOT = resolve(__dirname, '../..');

/** The attempt's time: with its offset, so it reads the same on any machine and on any day after it. */
const TYPED_TIME = '2026-11-02 22:10 +08:00';
/** How the form and the interview show that time back, in both languages. */
const TIME_SHOWN = '2026-11-02 22:10 UTC+08:00';

/**
 * What the test types: the only words it depends on. Everything the extension says is checked by
 * the pictures, and the waits below are on the page's structure, so a reworded string fails here
 * as a picture to look at (and `npm run test:update-baselines` takes it) rather than as a timeout.
 */
interface Language {
  locale: 'en' | 'zh-cn' | 'zh-tw';
  theme: string;
  errorMessage: string;
  issuerName: string;
}

const ENGLISH: Language = { locale: 'en', theme: 'Default Light Modern', errorMessage: 'Your card was declined.', issuerName: 'China Merchants Bank' };
const CHINESE: Language = { locale: 'zh-cn', theme: 'Default Dark Modern', errorMessage: '您的银行卡被拒绝了。', issuerName: '招商银行' };
const TRADITIONAL: Language = { locale: 'zh-tw', theme: 'Default High Contrast', errorMessage: '您的銀行卡被拒絕了。', issuerName: '招商銀行' };

/** The palette title of "Diagnose card failure", as the wording files give it. */
function diagnoseTitle(locale: Language['locale']): string {
  const nls = JSON.parse(readFileSync(join(REPO_ROOT, locale === 'en' ? 'package.nls.json' : `package.nls.${locale}.json`), 'utf8')) as Record<string, string>;
  return `${nls['category']}: ${nls['command.diagnose']}`;
}

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
      await form.locator('#f-occurredAt-reading:not([hidden])', { hasText: TIME_SHOWN }).waitFor();
      await form.locator('#f-card-last4-error:not([hidden])').waitFor();
      await form.locator('#f-card-brand-suggestion:not([hidden])').waitFor();
      await form.locator('#f-card-issuerCountry-suggestion:not([hidden])').waitFor();
      // The region finding once the first digits say the card is from mainland China.
      await form.locator('.finding.likelihood-high').first().waitFor();
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
      const screen = (step: number) => widget.getByText(`${step}/4`, { exact: false }).first();
      const focusedRow = widget.locator('.monaco-list-row.focused');
      await startCommand(page, diagnoseTitle(language.locale));
      await screen(1).waitFor({ state: 'visible' });
      await page.keyboard.type(language.errorMessage);
      await focusedRow.waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      // The card in one line: the rows follow the typing a moment behind, so wait for its last word.
      await screen(2).waitFor({ state: 'visible' });
      await page.keyboard.type(`621483 4242 ${language.issuerName}`);
      await focusedRow.filter({ hasText: language.issuerName }).waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      // What applies: nothing ticked.
      await screen(3).waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      await screen(4).waitFor({ state: 'visible' });
      await page.keyboard.type(TYPED_TIME);
      await widget.locator('.quick-input-message', { hasText: TIME_SHOWN }).waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      await widget.waitFor({ state: 'hidden' });

      const tab = diagnosisTabElement(page);
      const content = tab.contentFrame().frameLocator('iframe#active-frame');
      await content.locator('h1').waitFor({ state: 'visible', timeout: 30_000 });
      await content.getByText(TIME_SHOWN).first().waitFor({ state: 'visible' });
      await content.locator('h3').first().waitFor({ state: 'visible' });
      // Over the form, which is not in this picture: nothing in the tab is hovered.
      await page.mouse.move(150, 400);
      await expectToMatchBaseline(tab, `diagnosis-tab-${language.locale}`);
    });
  });
}

describeLooks(ENGLISH);
describeLooks(CHINESE);
describeLooks(TRADITIONAL);
