/**
 * The extension in Traditional Chinese (zh-tw, also what Hong Kong and Macau readers get) in a real
 * VS Code: code-server with the languagepacks recipe written for zh-tw, driven by Chromium. A
 * person opens the palette and the sidebar form, fills the form with a Taiwanese card and saves
 * it to the journal, runs "Diagnose card failure", reads the diagnosis tab, writes the appeal
 * from it, and opens the walkthrough. Everything the extension shows or writes is Traditional Chinese: the phrases expected
 * are written out, no Simplified-only character appears, and none of the extension's English
 * sentences is left. VS Code's own menus stay English (no real language pack is installed), so
 * only the extension's parts of the page are read. Screenshots:
 * test-output/screenshots/traditional-*.png.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import {
  EXTENSION_ID,
  closeWorkbench,
  openWorkbench,
  screenshot,
  screenshotIfFailed,
  type Workbench,
} from './harness';

const REPO_ROOT = resolve(__dirname, '../..');
const ACTIVITY_ITEM = '.activitybar .action-item .action-label[aria-label^="綁卡醫生"]';

/**
 * Characters that exist only in Simplified Chinese: each is written differently in Traditional
 * (发 發, 证 證, 银 銀, 户 戶, 内 內 …), so one of them in a zh-tw view is Simplified text left
 * unconverted. Common characters of this extension's wording, not an exhaustive list.
 */
const SIMPLIFIED_ONLY = [...
  '发证银这国应时网码请说书单为会对个们过还没现问间题开关录断诊医绑账户号认识区选择确错误务处经将设备项' +
  '页显记实际类种边动长门见风与从内输帮异态状义读写删预览载级额达运联储虚礼试诉咨询谁样让连络结构验签订阅费节点换'];

/**
 * The extension's own English, as its message bundle (keys are the English text) and its manifest
 * strings have it: any fragment of three words or more between placeholders, so "Which bank
 * issued the card?" is caught but a lone "Yes" (VS Code's own dialogs say it too) is not.
 */
function extensionEnglish(): string[] {
  const bundle = JSON.parse(readFileSync(join(REPO_ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, unknown>;
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const fragments = [...Object.keys(bundle), ...Object.values(manifest)]
    .flatMap((text) => text.split(/\{\d+\}|[\n[\]]|\(command:[^)]*\)/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment.split(/\s+/).length >= 3)
    // The English name is given beside 綁卡醫生 on purpose (the journal's header says 綁卡醫生（Card Binding Doctor）).
    .filter((fragment) => fragment !== 'Card Binding Doctor');
  return [...new Set(fragments)];
}

const ENGLISH = extensionEnglish();

/**
 * What in `text` is not Traditional Chinese: Simplified-only characters (with a little context),
 * the extension's English sentences, and any other run of four English words outside quotation
 * marks (what the person typed, or an error message the checkout showed, is quoted 「…」).
 */
function notTraditional(text: string): string[] {
  const problems: string[] = [];
  for (const char of SIMPLIFIED_ONLY) {
    const at = text.indexOf(char);
    if (at >= 0) problems.push(`Simplified ${char} in “${text.slice(Math.max(0, at - 12), at + 12).replace(/\s+/g, ' ')}”`);
  }
  for (const sentence of ENGLISH) if (text.includes(sentence)) problems.push(`English “${sentence}”`);
  // Taiwan and Hong Kong quote with 「」; “” is the mainland's (l10n/zh-tw-glossary.md).
  const curly = /[“”]/.exec(text);
  if (curly) problems.push(`quotation mark ${curly[0]} in “${text.slice(Math.max(0, curly.index - 12), curly.index + 12).replace(/\s+/g, ' ')}”`);
  const unquoted = text.replace(/「[^」\n]{0,400}」/g, '「」');
  const english = englishRun(unquoted);
  if (english) problems.push(`English words “${english}”`);
  return problems;
}

/** The first run of four or more English words (two letters or more each) in `text`, if any. */
function englishRun(text: string): string | undefined {
  // Stretches of letters, spaces, commas and apostrophes only, then their words in order.
  for (const stretch of text.split(/[^a-z ,'’]/i)) {
    let run: string[] = [];
    for (const word of stretch.split(/[ ,'’]/)) {
      if (word.length >= 2) run.push(word);
      else if (word.length === 1) run = [];
      if (run.length >= 4) return run.join(' ');
    }
  }
  return undefined;
}

function assertTraditional(text: string, where: string): void {
  assert.ok(text.trim().length > 0, `${where}: no text to read`);
  const problems = notTraditional(text);
  assert.deepEqual(problems, [], `${where} is not all Traditional Chinese:\n${problems.join('\n')}\n--- text ---\n${text}`);
}

function assertIncludesAll(text: string, phrases: readonly string[], where: string): void {
  const missing = phrases.filter((phrase) => !text.includes(phrase));
  assert.deepEqual(missing, [], `${where} lacks these phrases:\n${missing.join('\n')}\n--- text ---\n${text}`);
}

/** Everything a page says: its visible text, every option of its lists, and its placeholders and labels. */
async function everythingSaid(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    const parts = [document.body.innerText];
    for (const option of Array.from(document.querySelectorAll('option'))) parts.push(option.textContent ?? '');
    for (const element of Array.from(document.querySelectorAll('[placeholder], [aria-label], [title]'))) {
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    return parts.join('\n');
  });
}

/** The frame of one of the extension's webviews that holds `selector` (the form's #app, the tab's h1). */
async function extensionFrame(page: Page, selector: string, purpose: 'view' | 'tab'): Promise<Frame> {
  const outerSelector = purpose === 'view'
    ? `iframe.webview[src*="extensionId=${EXTENSION_ID}"][src*="purpose=webviewView"]`
    : `iframe.webview[src*="extensionId=${EXTENSION_ID}"]:not([src*="purpose=webviewView"])`;
  const outer = await (await page.locator(outerSelector).first().elementHandle())?.contentFrame();
  const inner = await (await outer?.locator('iframe#active-frame').elementHandle())?.contentFrame();
  assert.ok(inner, `the extension's ${purpose} is on the page`);
  await inner.locator(selector).first().waitFor({ state: 'attached' });
  return inner;
}

function formPage(page: Page): FrameLocator {
  return page
    .frameLocator(`iframe.webview[src*="extensionId=${EXTENSION_ID}"][src*="purpose=webviewView"]`)
    .frameLocator('iframe#active-frame');
}

function diagnosisPage(page: Page): FrameLocator {
  return page
    .frameLocator(`iframe.webview[src*="extensionId=${EXTENSION_ID}"]:not([src*="purpose=webviewView"])`)
    .frameLocator('iframe#active-frame');
}

/**
 * The open quick input's title, rows and message, as one text. `withoutDescriptions` leaves out
 * the rows' descriptions: on the message screen each known message's description is the English
 * the checkout shows (a quotation of what the person may have seen, not the extension's wording).
 */
async function quickInputText(page: Page, withoutDescriptions = false): Promise<string> {
  const widget = page.locator('.quick-input-widget');
  // VS Code's own hint under a quick input that has no message of its extension's (VS Code's menus stay English here).
  const parts = (await widget.locator('.quick-input-title, .quick-input-message').allInnerTexts())
    .filter((text) => text.trim() !== 'Press \'Enter\' to confirm your input or \'Escape\' to cancel');
  const rows = widget.locator('.monaco-list-row');
  for (let index = 0; index < (await rows.count()); index++) {
    let text = await rows.nth(index).innerText();
    if (withoutDescriptions) for (const description of await rows.nth(index).locator('.label-description').allInnerTexts()) text = text.replace(description, '');
    parts.push(text);
  }
  const placeholder = await widget.locator('input').first().getAttribute('placeholder');
  return [...parts, placeholder ?? ''].join('\n');
}

/** Waits until the interview shows the screen with `title` as step `step` of `total`. */
async function waitForScreen(page: Page, title: string, step: number, total: number): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 20_000 });
  await widget.getByText(`${step}/${total}`, { exact: false }).first().waitFor({ state: 'visible' });
}

function activeRow(page: Page) {
  return page.locator('.quick-input-widget .monaco-list-row.focused');
}

/**
 * F1, the command's title, Enter. The extension's commands join the palette once the workbench
 * has read its contributions (later with a language pack): an answer without the command is
 * closed and the palette opened again. Not the harness' runCommandFromPalette: it waits for the
 * palette to close, and the interview opens in the same widget before it can.
 */
async function openCommand(page: Page, title: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const row = widget.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: title }) }).first();
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.keyboard.press('F1');
    await widget.waitFor({ state: 'visible' });
    await page.keyboard.type(title);
    if (await row.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false)) break;
    if (Date.now() > deadline) {
      await page.keyboard.press('Escape');
      assert.fail(`the palette never offered "${title}"`);
    }
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
  }
  await page.keyboard.press('Enter');
}

/** Markdown as a person reads it: without the journal's hidden entry comments (they hold the report as JSON). */
function withoutComments(markdown: string): string {
  const [before, ...rest] = markdown.split('<!--');
  return before + rest.map((part) => {
    const end = part.indexOf('-->');
    return end < 0 ? '' : part.slice(end + 3);
  }).join('');
}

describe('the extension in Traditional Chinese (zh-tw)', function () {
  this.timeout(300_000);
  let workbench: Workbench | undefined;

  before(async () => {
    workbench = await openWorkbench({ locale: 'zh-tw', env: { TZ: 'UTC' }, viewport: { width: 1400, height: 900 } });
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, workbench?.page);
  });

  after(async () => {
    await closeWorkbench(workbench);
  });

  it('names its commands in Traditional Chinese in the palette', async () => {
    const { page } = workbench!;
    const widget = page.locator('.quick-input-widget');
    const ours = widget.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^綁卡醫生: / }) });
    const deadline = Date.now() + 60_000;
    for (;;) {
      await page.keyboard.press('F1');
      await widget.waitFor({ state: 'visible' });
      await page.keyboard.type('綁卡醫生');
      if (await ours.first().waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false)) break;
      if (Date.now() > deadline) {
        await page.keyboard.press('Escape');
        assert.fail('the palette never offered the extension’s commands under 綁卡醫生');
      }
      await page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden' });
    }
    const labels = (await ours.locator('.label-name').allInnerTexts()).map((title) => title.trim());
    await screenshot(page, 'traditional-1-palette');
    await page.keyboard.press('Escape');
    // In a UI that is not English, VS Code shows each command's English title under the translated
    // one, so it can be found by either: those lines are VS Code's, the translated ones the extension's.
    const titles = labels.filter((label) => !label.startsWith('Card Doctor: '));
    assert.ok(titles.length >= 6, labels.join('\n'));
    assertIncludesAll(titles.join('\n'), ['綁卡醫生: 診斷綁卡失敗', '綁卡醫生: 生成客服申訴信', '綁卡醫生: 顯示上次診斷結果'], 'the palette');
    assertTraditional(titles.join('\n'), 'the palette');
  });

  it('shows the sidebar form in Traditional Chinese, with a Taiwanese card, and journals it so', async () => {
    const { page, folder } = workbench!;
    await page.locator(ACTIVITY_ITEM).click();
    await page.mouse.move(900, 600);
    const form = formPage(page);
    await form.locator('#app[data-ready="true"]').waitFor({ timeout: 60_000 });
    const sidebarTitle = await page.locator('.part.sidebar .composite.title').innerText();
    assertIncludesAll(sidebarTitle, ['綁卡'], 'the sidebar’s title');
    assertTraditional(sidebarTitle, 'the sidebar’s title');
    assert.equal(await form.locator('label[for="f-card-last4"]').textContent(), '卡號末四碼');
    assert.equal(await form.locator('label[for="f-bank-internationalOnline"]').textContent(), '這張卡是否已開通海外線上支付？');

    await form.locator('#f-errorMessage').fill('Your card was declined.');
    await form.locator('#f-card-kind').selectOption('debit');
    await form.locator('#f-card-bin').fill('412345');
    await form.locator('#f-card-last4').fill('4242');
    await form.locator('#f-card-issuerName').fill('國泰世華');
    // The country inferred from a Taiwanese bank's name, offered in Traditional Chinese.
    const countrySuggestion = form.locator('#f-card-issuerCountry-suggestion:not([hidden])', { hasText: '國泰世華' });
    await countrySuggestion.waitFor({ timeout: 15_000 });
    assert.equal(await countrySuggestion.textContent(), '推斷值台灣 (TW)——根據銀行名稱「國泰世華」推斷採用');
    // A country typed by its Taiwanese name.
    await form.locator('#f-billing-country').focus();
    await page.keyboard.type('台灣');
    await page.keyboard.press('Tab');
    assert.equal(await form.locator('#f-billing-country').inputValue(), '台灣 (TW)');
    await form.locator('.diagnosis .meta').first().waitFor({ state: 'visible' });

    const formFrame = await extensionFrame(page, '#app', 'view');
    const said = await everythingSaid(formFrame);
    assertIncludesAll(said, ['即時診斷', '簽帳金融卡', '帳單地址', '儲存到日誌', '生成申訴信'], 'the sidebar form');
    assertTraditional(said, 'the sidebar form');
    await page.mouse.move(900, 600);
    await screenshot(page, 'traditional-2-sidebar');
    // The form's first questions too, for the eye: the form scrolls inside its pane.
    await formFrame.evaluate(() => document.querySelector('.form')?.scrollTo(0, 0));
    await screenshot(page, 'traditional-2-sidebar-top');

    await form.locator('[data-action="saveJournal"]').click();
    const journalPath = join(folder, 'card-failures', 'journal.md');
    await form.locator('.status', { hasText: /card-failures\/journal\.md/ }).waitFor({ timeout: 30_000 });
    const journal = withoutComments(readFileSync(journalPath, 'utf8'));
    assertIncludesAll(journal, ['綁卡失敗記錄', '卡號只顯示末四碼', '國泰世華', '簽帳金融卡'], 'the journal');
    assertTraditional(journal, 'the journal');
    const status = await form.locator('.status').innerText();
    assertTraditional(status, 'the form’s status line');
  });

  it('asks the Diagnose interview in Traditional Chinese, diagnoses in it and writes the appeal in it', async () => {
    const { page, folder } = workbench!;
    await openCommand(page, '綁卡醫生: 診斷綁卡失敗');

    await waitForScreen(page, '錯誤提示是什麼？在哪裡看到的？', 1, 4);
    await page.keyboard.type('Your card was declined.');
    await activeRow(page).filter({ hasText: '在 ChatGPT 網頁版' }).filter({ hasText: 'Your card was declined.' }).waitFor({ state: 'visible' });
    const firstScreen = await quickInputText(page, true);
    assertIncludesAll(firstScreen, ['您的卡片被拒絕了。', '在 ChatGPT 手機 App（iOS / Android）'], 'the interview’s first screen');
    assertTraditional(firstScreen.replace('Your card was declined.', ''), 'the interview’s first screen');
    await screenshot(page, 'traditional-3-wizard-message');
    await page.keyboard.press('Enter');

    await waitForScreen(page, '這張卡：是哪種卡？', 2, 4);
    await page.keyboard.type('621483 4242 招商銀行');
    const firstKind = activeRow(page).filter({ hasText: '簽帳金融卡（金融卡）' });
    await firstKind.filter({ hasText: '中國（根據卡號前幾碼推斷）' }).filter({ hasText: '招商銀行' }).waitFor({ state: 'visible' });
    assertTraditional(await quickInputText(page), 'the interview’s card screen');
    await screenshot(page, 'traditional-4-wizard-card');
    await page.keyboard.press('Enter');

    await waitForScreen(page, '以下哪些符合？逐項勾選（空白鍵），然後按 Enter', 3, 4);
    assertIncludesAll(await quickInputText(page), ['這張卡未開通海外線上支付', '餘額或信用額度充足'], 'the interview’s third screen');
    assertTraditional(await quickInputText(page), 'the interview’s third screen');
    await page.keyboard.press('Enter');

    await waitForScreen(page, '什麼時候失敗的？', 4, 4);
    await page.locator('.quick-input-widget .quick-input-message', { hasText: '按 Enter 使用這個時間' }).waitFor({ state: 'visible' });
    assertTraditional(await quickInputText(page), 'the interview’s time screen');
    await page.keyboard.press('Enter');

    const tab = diagnosisPage(page);
    await tab.locator('h1', { hasText: '綁卡失敗診斷' }).waitFor({ state: 'visible', timeout: 30_000 });
    await tab.locator('h3').first().filter({ hasText: '地區不受支援' }).waitFor({ state: 'visible' });
    await page.locator('.tab', { hasText: '綁卡醫生：診斷結果' }).first().waitFor({ state: 'visible' });
    const diagnosis = await everythingSaid(await extensionFrame(page, 'h1', 'tab'));
    assertIncludesAll(diagnosis, [
      '可能的原因（按可能性排序）',
      '可能性較高',
      '發卡地區',
      '以上只是可能的原因，並非定論：真正的原因只有銀行和商家知道。',
    ], 'the diagnosis tab');
    assertTraditional(diagnosis, 'the diagnosis tab');
    await page.mouse.move(700, 500);
    await screenshot(page, 'traditional-5-diagnosis');

    // The appeal from the tab's title bar: in English, for the merchant's support, with the
    // person's Traditional Chinese copy written and opened beside it.
    await page.locator('.editor-actions .action-label[aria-label*="生成客服申訴信"]').first().click();
    await page.locator('.tab', { hasText: /^appeal-\d{4}-\d{2}-\d{2}\.zh-tw\.md/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const written = readdirSync(join(folder, 'card-failures')).filter((name) => name.startsWith('appeal-')).sort();
    assert.equal(written.length, 2, written.join(', '));
    assert.match(written[0]!, /^appeal-\d{4}-\d{2}-\d{2}\.md$/);
    assert.equal(written[1], written[0]!.replace(/\.md$/, '.zh-tw.md'));
    const english = readFileSync(join(folder, 'card-failures', written[0]!), 'utf8');
    assert.ok(english.includes('4242') && !/[\u4e00-\u9fff]{4}/.test(english.replace(/招商銀行|招商银行/g, '')), 'the appeal to support is in English');
    const letter = readFileSync(join(folder, 'card-failures', written[1]!), 'utf8');
    assert.ok(letter.startsWith(`> 這是供您閱讀的中文副本`) && letter.includes(written[0]!), 'the copy says which file to send');
    assertIncludesAll(letter, ['## 帳戶資訊', '末四碼 4242', '【您的帳戶電子郵件】', '招商銀行', '## 我的請求'], 'the appeal');
    // The errors are quoted as the checkout showed them, in blockquotes: read the rest.
    assertTraditional(letter.split('\n').filter((line) => !line.startsWith('> ')).join('\n'), 'the appeal');
    // From the tab's title bar the letter opens as Markdown source beside the diagnosis.
    await page.locator('.editor-group-container .view-lines', { hasText: '帳戶資訊' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const toasts = await page.locator('.notifications-toasts .notification-toast').allInnerTexts();
    for (const toast of toasts) assertTraditional(toast, 'a notification');
    await page.mouse.move(700, 500);
    await screenshot(page, 'traditional-6-appeal');
  });
  it('shows its walkthrough in Traditional Chinese, its pages included', async () => {
    const { page } = workbench!;
    await openCommand(page, 'Welcome: Open Walkthrough...');
    const walkthrough = page.locator('.quick-input-widget .monaco-list-row', { hasText: '開始使用綁卡醫生' }).first();
    await walkthrough.waitFor({ state: 'visible', timeout: 20_000 });
    await walkthrough.click();
    const steps = page.locator('.gettingStartedContainer .getting-started-step');
    await steps.first().waitFor({ state: 'visible', timeout: 30_000 });
    const said = await page.locator('.gettingStartedContainer .gettingStartedSlideDetails').innerText();
    assertIncludesAll(said, ['開始使用綁卡醫生', '診斷這次綁卡失敗', '閱讀診斷結果', '撰寫信件', '堅持記錄日誌'], 'the walkthrough');
    // The step's page (the media Markdown) is drawn in a webview of the workbench's own.
    const media = page.frameLocator('.gettingStartedContainer iframe.webview').frameLocator('iframe#active-frame');
    await media.locator('h1').first().waitFor({ state: 'visible', timeout: 30_000 });
    const pageText = await media.locator('body').innerText();
    await page.mouse.move(700, 500);
    await screenshot(page, 'traditional-7-walkthrough');
    // The walkthrough page's own buttons are VS Code's (English here, as its menus are).
    assertTraditional(said.replace(/Mark Done|Next Section|Go Back/g, ''), 'the walkthrough');
    assertTraditional(pageText, 'the walkthrough’s first page');
  });
});

describe('the Traditional Chinese reader of traditional.test.ts', () => {
  // The checks above pass only if this reader can fail: shown on text written out here.
  it('finds Simplified characters, the extension’s English, loose English and “” quotes, and passes Traditional text', () => {
    assert.deepEqual(notTraditional('卡片的發卡地區是哪裡？'), []);
    assert.deepEqual(notTraditional('識別出錯誤提示「Your card was declined.」（拒絕代碼 card_declined）'), []);
    assert.match(notTraditional('卡片的发卡地区是哪里？').join('\n'), /^Simplified 发 in/);
    assert.ok(notTraditional('綁卡醫生: Diagnose card failure').includes('English “Diagnose card failure”'));
    assert.deepEqual(notTraditional('錯誤：Please try again later'), ['English words “Please try again later”']);
    assert.match(notTraditional('錯誤：“卡片無效”').join('\n'), /^quotation mark “ in/);
  });
});
