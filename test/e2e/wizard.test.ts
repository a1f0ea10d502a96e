/**
 * "Diagnose card failure" as a person uses it: the palette, the short interview answered by
 * keyboard (the article's common case, a mainland UnionPay debit card and "Your card was
 * declined", in four screens), then the diagnosis in its tab. In English, then in Chinese.
 * Every screen is kept as a screenshot (test-output/screenshots/wizard-*.png).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { closeWorkbench, extensionWebview, openWorkbench, screenshot, screenshotIfFailed, startCommand, type Workbench } from './harness';

interface Language {
  locale: 'en' | 'zh-cn';
  command: string;
  /** Each screen's title, as the interview shows it. */
  titles: { message: string; card: string; applies: string; time: string };
  /** The error, typed as it was shown. */
  error: string;
  /** The first highlighted answer on the message screen. */
  web: string;
  /** The card line typed on the card screen, and the inference its first answer must show. */
  card: string;
  inferred: string;
  debit: string;
  /** The multi-select's item ticked with Space (after 7 × Down). */
  balance: string;
  /** What the time screen says while it shows now. */
  timeHint: string;
  /** How the time screen says it read the typed time. */
  readAs: RegExp;
  diagnosisHeading: string;
  topFinding: string;
  /** A Mastercard virtual card: its issuing country and the VPN's exit are asked on screens of their own. */
  virtual: string;
  issuerTitle: string;
  vpn: string;
  exitTitle: string;
  /** The issuing country (4 × Down from China) and the exit country typed into the filter. */
  unitedStates: string;
  singapore: string;
  /** The first finding for that card. */
  virtualFinding: string;
}

const ENGLISH: Language = {
  locale: 'en',
  command: 'Card Doctor: Diagnose card failure',
  titles: {
    message: 'What did the error say, and where?',
    card: 'The card: what kind is it?',
    applies: 'What applies? Tick all that do (Space), then Enter',
    time: 'When did it fail?',
  },
  error: 'Your card was declined.',
  web: 'On ChatGPT on the web',
  card: '621483 4242 China Merchants Bank',
  inferred: 'China (inferred from the first digits)',
  debit: 'Debit card',
  balance: 'The balance or credit limit is enough',
  timeHint: 'Enter keeps this time.',
  readAs: /Read as \d{4}-\d{2}-\d{2} 08:05 UTC\+00:00/,
  diagnosisHeading: 'Card failure diagnosis',
  topFinding: 'Region not supported',
  virtual: 'Virtual card',
  issuerTitle: 'Where was the card issued?',
  vpn: 'A VPN or proxy was on',
  exitTitle: 'Which country was your VPN or proxy exit in?',
  unitedStates: 'United States',
  singapore: 'Singapore',
  virtualFinding: 'Card type refused',
};

const CHINESE: Language = {
  locale: 'zh-cn',
  command: '绑卡医生: 诊断绑卡失败',
  titles: {
    message: '错误提示是什么？在哪里看到的？',
    card: '这张卡：是哪种卡？',
    applies: '以下哪些符合？逐项勾选（空格键），然后按 Enter',
    time: '什么时候失败的？',
  },
  error: '您的银行卡被拒绝了。',
  web: '在 ChatGPT 网页版',
  card: '621483 4242 招商银行',
  inferred: '中国（根据卡号前几位推断）',
  debit: '借记卡（储蓄卡）',
  balance: '余额或信用额度充足',
  timeHint: '按 Enter 使用这个时间',
  readAs: /将记录为 \d{4}-\d{2}-\d{2} 08:05 UTC\+00:00/,
  diagnosisHeading: '绑卡失败诊断',
  topFinding: '地区不受支持',
  virtual: '虚拟卡',
  issuerTitle: '卡片的发卡地区是哪里？',
  vpn: '当时开着 VPN 或代理',
  exitTitle: '您的 VPN 或代理出口在哪个国家/地区？',
  unitedStates: '美国',
  singapore: '新加坡',
  virtualFinding: '卡片类型受限',
};

/** Waits until the interview shows the screen with `title` as step `step` of `total`. */
async function waitForScreen(page: Page, title: string, step: number, total: number): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 20_000 });
  await widget.getByText(`${step}/${total}`, { exact: false }).first().waitFor({ state: 'visible' });
}

/** The highlighted row of the open quick pick. */
function activeRow(page: Page) {
  return page.locator('.quick-input-widget .monaco-list-row.focused');
}

function describeWizard(language: Language): void {
  describe(`the Diagnose interview (${language.locale})`, function () {
    this.timeout(240_000);
    let workbench: Workbench | undefined;

    before(async () => {
      workbench = await openWorkbench({ locale: language.locale, env: { TZ: 'UTC' } });
    });

    afterEach(async function () {
      await screenshotIfFailed(this.currentTest, workbench?.page);
    });

    after(async () => {
      await closeWorkbench(workbench);
    });

    it('diagnoses a mainland UnionPay debit card declined in four screens, by keyboard', async () => {
      const { page, folder } = workbench!;
      const name = (step: string) => `wizard-${language.locale}-${step}`;
      const { titles } = language;
      await startCommand(page, language.command);

      // 1: the error, pasted; Enter takes the first place, the web.
      await waitForScreen(page, titles.message, 1, 4);
      await page.keyboard.type(language.error);
      await activeRow(page).filter({ hasText: language.web }).waitFor({ state: 'visible' });
      await screenshot(page, name('1-message'));
      await page.keyboard.press('Enter');

      // 2: the card in one line; the brand and the issuing country are inferred and shown as such.
      await waitForScreen(page, titles.card, 2, 4);
      await page.keyboard.type(language.card);
      // The rows follow the typing a moment behind: wait for the whole line to be read.
      const firstKind = activeRow(page).filter({ hasText: language.debit });
      await firstKind.filter({ hasText: language.inferred }).filter({ hasText: language.card.split(' ').slice(2).join(' ') }).waitFor({ state: 'visible' });
      await screenshot(page, name('2-card'));
      await page.keyboard.press('Enter');

      // 3: what applies; the balance is enough (7 × Down: the list opens with no row highlighted; Space), the rest not ticked.
      await waitForScreen(page, titles.applies, 3, 4);
      for (let press = 0; press < 7; press++) await page.keyboard.press('ArrowDown');
      await activeRow(page).filter({ hasText: language.balance }).waitFor({ state: 'visible' });
      await page.keyboard.press('Space');
      await page.locator('.quick-input-widget .monaco-list-row[aria-checked="true"]', { hasText: language.balance }).waitFor({ state: 'visible' });
      await screenshot(page, name('3-applies'));
      await page.keyboard.press('Enter');

      // Back from the time keeps what was ticked; Enter goes on again.
      await waitForScreen(page, titles.time, 4, 4);
      await page.locator('.quick-input-widget .codicon-quick-input-back').click();
      await waitForScreen(page, titles.applies, 3, 4);
      await page.locator('.quick-input-widget .monaco-list-row[aria-checked="true"]', { hasText: language.balance }).waitFor({ state: 'visible' });
      assert.equal(await page.locator('.quick-input-widget .monaco-list-row[aria-checked="true"]').count(), 1);
      await page.keyboard.press('Enter');

      // 4: the time opens on now; a time typed alone is read as today (or yesterday) and said so.
      await waitForScreen(page, titles.time, 4, 4);
      assert.match(await page.locator('.quick-input-widget input').first().inputValue(), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\+00:00$/);
      await page.locator('.quick-input-widget .quick-input-message', { hasText: language.timeHint }).waitFor({ state: 'visible' });
      await screenshot(page, name('4-time-now'));
      // The time shown is selected: what is typed replaces it.
      await page.keyboard.type('08:05');
      await page.locator('.quick-input-widget .quick-input-message', { hasText: language.readAs }).waitFor({ state: 'visible' });
      await screenshot(page, name('4-time'));
      await page.keyboard.press('Enter');

      // The diagnosis, in its own tab, with the region first.
      const view = extensionWebview(page);
      await view.locator('h1', { hasText: language.diagnosisHeading }).waitFor({ state: 'visible', timeout: 30_000 });
      await view.locator('h3').first().filter({ hasText: language.topFinding }).waitFor({ state: 'visible' });
      await screenshot(page, name('5-diagnosis'));
      assert.ok(!existsSync(join(folder, 'card-failures', 'journal.md')), 'nothing is recorded unless asked');
    });

    it('asks where the card was issued when nothing tells, and the VPN’s exit when one was on', async () => {
      const { page } = workbench!;
      const name = (step: string) => `wizard-${language.locale}-${step}`;
      const { titles } = language;
      await startCommand(page, language.command);
      await waitForScreen(page, titles.message, 1, 4);
      await page.keyboard.type(language.error);
      await activeRow(page).filter({ hasText: language.web }).waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');

      // A Mastercard says nothing of where it was issued: the country is asked next.
      await waitForScreen(page, titles.card, 2, 4);
      await page.keyboard.type('55555555 4444');
      await activeRow(page).filter({ hasText: 'Mastercard · 55555555…4444' }).waitFor({ state: 'visible' });
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await activeRow(page).filter({ hasText: language.virtual }).waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');

      await waitForScreen(page, language.issuerTitle, 3, 5);
      await activeRow(page).filter({ hasText: /^(?:China|中国)/ }).waitFor({ state: 'visible' });
      await screenshot(page, name('6-issuer-country'));
      for (let press = 0; press < 4; press++) await page.keyboard.press('ArrowDown');
      await activeRow(page).filter({ hasText: language.unitedStates }).waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');

      await waitForScreen(page, titles.applies, 4, 5);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
      await page.locator('.quick-input-widget .monaco-list-row[aria-checked="true"]', { hasText: language.vpn }).waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');

      // The exit country websites saw, asked only because a VPN was on; typed to filter the list.
      await waitForScreen(page, language.exitTitle, 5, 6);
      await screenshot(page, name('7-exit-country'));
      await page.keyboard.type(language.singapore);
      await activeRow(page).filter({ hasText: language.singapore }).waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');

      await waitForScreen(page, titles.time, 6, 6);
      await page.keyboard.press('Enter');
      const view = extensionWebview(page);
      await view.locator('h3').first().filter({ hasText: language.virtualFinding }).waitFor({ state: 'visible', timeout: 30_000 });
      await screenshot(page, name('8-diagnosis-virtual'));
    });
  });
}

describeWizard(ENGLISH);
describeWizard(CHINESE);
