/**
 * Letters in their reader's language, in a real VS Code (issue 13 'done when'): code-server in
 * Simplified Chinese, driven by Chromium. From the sidebar form the person writes the appeal: the
 * letter to the merchant's support is English, and their own Simplified Chinese copy
 * (`<letter>.zh-cn.md`) opens beside it, both read on disk and on screen. Then "Copy letter as
 * plain text" from the English letter's title bar puts the letter on the clipboard without
 * Markdown (read back from the page's clipboard), and refuses once a card number has been typed
 * into the letter, leaving the clipboard as it was. Screenshots: test-output/screenshots/letter-language-*.png.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import {
  closeWorkbench,
  notification,
  openFormView,
  openWorkbench,
  screenshot,
  screenshotIfFailed,
  waitUntil,
  type Workbench,
} from './harness';

const COPY_TITLE = '将信件复制为纯文本';

/** The page's clipboard, as another program would read it after VS Code wrote to it. */
async function clipboardText(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Clicks "Copy letter as plain text" in the title bar of the editor group showing `tabName`. */
async function copyFromTitleBar(page: Page, tabName: string): Promise<void> {
  const group = page.locator('.editor-group-container', { has: page.locator('.tab.active', { hasText: tabName }) }).first();
  await group.locator(`.editor-actions .action-label[aria-label*="${COPY_TITLE}"]`).first().click();
}

describe('letters in their reader’s language, from the Simplified Chinese UI', function () {
  this.timeout(300_000);
  let workbench: Workbench | undefined;
  let form: FrameLocator;
  let letterName = '';
  let letterText = '';

  before(async () => {
    workbench = await openWorkbench({ locale: 'zh-cn', env: { TZ: 'UTC' }, viewport: { width: 1400, height: 900 } });
    const origin = new URL(workbench.page.url()).origin;
    await workbench.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, workbench?.page);
  });

  after(async () => {
    await closeWorkbench(workbench);
  });

  it('writes the appeal in English, with the person’s Simplified Chinese copy beside it', async () => {
    const { page, folder } = workbench!;
    form = await openFormView(page);
    await form.locator('#f-errorMessage').fill('Your card was declined.');
    await form.locator('#f-card-kind').selectOption('debit');
    await form.locator('#f-card-last4').fill('4242');
    await form.locator('#f-card-issuerName').fill('招商银行');
    await form.locator('[data-action="generateAppeal"]').click();

    await form.locator('.status', { hasText: /申诉信已写入 card-failures\/appeal-\d{4}-\d{2}-\d{2}\.md/ }).waitFor({ timeout: 30_000 });
    const copyTab = page.locator('.tabs-container .tab', { hasText: /^appeal-\d{4}-\d{2}-\d{2}\.zh-cn\.md/ }).first();
    await copyTab.waitFor({ state: 'visible', timeout: 30_000 });

    // On disk: the English letter and, named after it, the copy.
    const written = readdirSync(join(folder, 'card-failures')).filter((name) => name.startsWith('appeal-')).sort();
    assert.equal(written.length, 2, written.join(', '));
    letterName = written[0]!;
    assert.match(letterName, /^appeal-\d{4}-\d{2}-\d{2}\.md$/);
    assert.equal(written[1], letterName.replace(/\.md$/, '.zh-cn.md'));
    letterText = readFileSync(join(folder, 'card-failures', letterName), 'utf8');
    assert.ok(letterText.startsWith('**To:** OpenAI Support — Billing & Payments\n\n**Subject:** My card was declined when adding a payment method — request for review\n'), letterText.slice(0, 200));
    assert.ok(letterText.includes('\n- Card number: •••• 4242 (I only share the last 4 digits)\n'), letterText);
    assert.ok(letterText.includes('\n> Your card was declined.\n'), letterText);
    // English throughout: the only Chinese is the bank's name as the person typed it.
    assert.ok(!/[\u4e00-\u9fff]/.test(letterText.replaceAll('招商银行', '')), letterText);
    const copy = readFileSync(join(folder, 'card-failures', written[1]!), 'utf8');
    assert.ok(copy.startsWith(`> 这是供您阅读的中文副本，内容与英文信相同。请发送英文信 ${letterName}，不要发送这份副本。\n\n**收件方：** OpenAI 支持团队（Billing & Payments）\n`), copy.slice(0, 200));
    assert.ok(copy.includes('\n- 卡号：•••• 4242（仅提供后四位）\n'), copy);

    // On screen: both open, the copy beside the letter.
    const letterTab = page.locator('.tabs-container .tab', { hasText: new RegExp(`^${letterName.replace('.', '\\.')}`) }).first();
    await letterTab.waitFor({ state: 'visible' });
    await page.locator('.editor-group-container .view-lines', { hasText: 'OpenAI Support — Billing & Payments' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.editor-group-container .view-lines', { hasText: '这是供您阅读的中文副本' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const letterGroup = page.locator('.editor-group-container', { has: letterTab });
    const copyGroup = page.locator('.editor-group-container', { has: copyTab });
    const [letterBox, copyBox] = [await letterGroup.boundingBox(), await copyGroup.boundingBox()];
    assert.ok(letterBox && copyBox && copyBox.x > letterBox.x, 'the copy opens to the right of the letter');
    await notification(page, /申诉信已写入 card-failures\/appeal-/).waitFor({ timeout: 30_000 });
    await page.mouse.move(700, 500);
    await screenshot(page, 'letter-language-1-appeal-and-copy');
  });

  it('copies the English letter as plain text from its title bar: no Markdown on the clipboard', async () => {
    const { page } = workbench!;
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    await page.locator('.tabs-container .tab', { hasText: new RegExp(`^${letterName.replace('.', '\\.')}`) }).first().click();
    await copyFromTitleBar(page, letterName);
    await notification(page, '已将信件复制为纯文本。请粘贴到客服聊天窗口或银行的网页表单中，发送前再通读一遍。').waitFor({ timeout: 30_000 });
    const text = await waitUntil('the letter on the clipboard', () => clipboardText(page), (value) => value !== 'before');
    assert.ok(text.startsWith('To: OpenAI Support — Billing & Payments\n\nSubject: My card was declined when adding a payment method — request for review\n'), text.slice(0, 200));
    assert.ok(text.includes('\n- Card number: •••• 4242 (I only share the last 4 digits)\n'), text);
    assert.ok(text.includes('\n“Your card was declined.”\n'), text);
    assert.ok(text.includes('\n☐ Screenshots of the error on the payment page, with the card number hidden\n'), text);
    for (const line of text.split('\n')) {
      assert.ok(!line.startsWith('#') && !line.startsWith('>') && !line.includes('**') && !line.includes('[ ]'), `Markdown left in: ${line}`);
    }
    await page.mouse.move(700, 500);
    await screenshot(page, 'letter-language-2-copied');
  });

  it('refuses to copy the letter once a card number is typed into it, and leaves the clipboard alone', async () => {
    const { page } = workbench!;
    await page.evaluate(() => navigator.clipboard.writeText('kept'));
    await page.locator('.editor-group-container .view-lines', { hasText: 'OpenAI Support — Billing & Payments' }).first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nMy card is 4111 1111 1111 1111.');
    // The command reads the editor's text, saved or not: what the person sees is what is checked.
    await page.locator('.editor-group-container .view-lines', { hasText: 'My card is 4111 1111 1111 1111.' }).first().waitFor({ state: 'visible' });
    await copyFromTitleBar(page, letterName);
    await notification(page, '没有复制：信件中有疑似卡号、安全码（CVC）或一次性验证码的内容。请删去它（卡号写后四位即可），再重新复制。').waitFor({ timeout: 30_000 });
    assert.equal(await clipboardText(page), 'kept');
    await page.mouse.move(700, 500);
    await screenshot(page, 'letter-language-3-refused');
  });
});
