/**
 * "Diagnose card failure" as a person uses it: the palette, every step of the wizard answered by
 * keyboard, the diagnosis, the appeal written and open. In English, then in Chinese.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { closeWorkbench, notification, openWorkbench, screenshot, screenshotIfFailed, waitForMarkdownPreview, type Workbench } from './harness';

interface Answer {
  /** The step's title, as the wizard shows it. */
  title: string | RegExp;
  /** Typed into the step (a filter for a pick, the value for an input); empty keeps the default. */
  type: string;
}

interface Language {
  locale: 'en' | 'zh-cn';
  command: string;
  answers: Answer[];
  diagnosisHeading: RegExp;
  notice: RegExp;
  generateAppeal: string;
  appealText: RegExp;
  /** A section heading of the appeal, as its preview shows it. */
  appealSection: RegExp;
}

const ENGLISH: Language = {
  locale: 'en',
  command: 'Card Doctor: Diagnose card failure',
  answers: [
    { title: 'When did it fail?', type: '' },
    { title: 'Where did you add the card?', type: 'on the web' },
    { title: 'What did the error say?', type: 'Your card was declined.' },
    { title: 'What kind of card is it?', type: 'debit' },
    { title: 'Which card brand?', type: 'UnionPay' },
    { title: 'First 6-8 digits of the card (optional)', type: '621483' },
    { title: 'Last 4 digits of the card', type: '1234' },
    { title: 'Which bank issued the card?', type: 'China Merchants Bank' },
    { title: 'Where was the card issued?', type: 'China' },
    { title: 'Card expiry (optional)', type: '2028-06' },
    { title: 'Billing address country', type: 'China' },
    { title: 'Billing postal code (optional)', type: '518000' },
    { title: 'Does the billing address match what the bank has on file?', type: 'Yes' },
    { title: 'Are international online payments enabled on the card?', type: 'Not sure' },
    { title: 'Is the balance or credit limit sufficient?', type: 'Yes' },
    { title: 'Were you using a VPN or proxy?', type: 'Yes' },
    { title: 'Did you switch network, node or region shortly before?', type: 'No' },
    { title: 'Which country were you connecting from?', type: 'United States' },
  ],
  diagnosisHeading: /Card failure diagnosis/,
  notice: /Diagnosis ready/,
  generateAppeal: 'Generate Appeal',
  appealText: /OpenAI/,
  appealSection: /My account/,
};

const CHINESE: Language = {
  locale: 'zh-cn',
  command: '绑卡医生: 诊断绑卡失败',
  answers: [
    { title: '什么时候失败的？', type: '' },
    { title: '您是在哪里绑卡的？', type: '网页版' },
    { title: '错误提示是什么？', type: '卡片无效' },
    { title: '这是哪种卡？', type: '虚拟卡' },
    { title: '卡组织是哪个？', type: 'Mastercard' },
    { title: '卡号前 6 到 8 位（可选）', type: '' },
    { title: '卡号后 4 位', type: '4444' },
    { title: '发卡银行是哪家？', type: '' },
    { title: '卡片的发卡地区是哪里？', type: '美国' },
    { title: '卡片有效期（可选）', type: '' },
    { title: '账单地址所在国家/地区', type: '美国' },
    { title: '账单邮编（可选）', type: '19801' },
    { title: '账单地址是否与银行登记的信息一致？', type: '不确定' },
    { title: '这张卡是否已开通国际在线支付？', type: '是' },
    { title: '余额或信用额度是否充足？', type: '是' },
    { title: '当时是否使用了 VPN 或代理？', type: '否' },
    { title: '绑卡前不久是否切换过网络、节点或地区？', type: '否' },
    { title: '您当时从哪个国家/地区访问？', type: '新加坡' },
  ],
  diagnosisHeading: /绑卡失败诊断/,
  notice: /诊断完成/,
  generateAppeal: '生成申诉信',
  appealText: /OpenAI/,
  appealSection: /账户信息/,
};

async function waitForStep(page: Page, answer: Answer, step: number, total: number): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: answer.title }).waitFor({ state: 'visible', timeout: 20_000 });
  // The step counter a person sees ("3/18").
  await widget.getByText(`${step}/${total}`, { exact: false }).first().waitFor({ state: 'visible' });
}

/**
 * F1, the command's title, Enter. The extension's commands join the palette only once the
 * workbench has read its contributions (later with a language pack), so an empty list is
 * closed and the palette opened again until the command is there.
 */
async function openCommand(page: Page, title: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const row = widget.locator('.monaco-list-row', { hasText: title.split(': ')[1]! }).first();
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.keyboard.press('F1');
    await widget.waitFor({ state: 'visible' });
    await page.keyboard.type(title);
    if (await row.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false)) break;
    if (Date.now() > deadline) assert.fail(`the palette never offered "${title}"`);
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
  }
  await page.keyboard.press('Enter');
}

function describeWizard(language: Language): void {
  describe(`the Diagnose wizard (${language.locale})`, function () {
    this.timeout(240_000);
    let workbench: Workbench | undefined;

    before(async () => {
      workbench = await openWorkbench({ locale: language.locale });
    });

    afterEach(async function () {
      await screenshotIfFailed(this.currentTest, workbench?.page);
    });

    after(async () => {
      await closeWorkbench(workbench);
    });

    it('is answered step by step by keyboard, shows the diagnosis and writes the appeal', async () => {
      const { page, folder } = workbench!;
      const name = (step: string) => `wizard-${language.locale}-${step}`;
      await openCommand(page, language.command);

      const total = language.answers.length;
      for (const [index, answer] of language.answers.entries()) {
        await waitForStep(page, answer, index + 1, total);
        if (answer.type) await page.keyboard.type(answer.type);
        await screenshot(page, name(`step-${String(index + 1).padStart(2, '0')}`));
        await page.keyboard.press('Enter');
      }

      // The diagnosis opens as a Markdown preview, with the next steps offered.
      await page.locator('.tab', { hasText: /diagnosis/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
      const toast = notification(page, language.notice);
      await toast.waitFor({ state: 'visible', timeout: 30_000 });
      const preview = page
        .frameLocator('iframe.webview[src*="extensionId=vscode.markdown-language-features"]')
        .frameLocator('iframe#active-frame');
      await preview.locator('h1', { hasText: language.diagnosisHeading }).waitFor({ state: 'visible', timeout: 30_000 });
      await screenshot(page, name('diagnosis'));

      await toast.getByRole('button', { name: language.generateAppeal }).click();
      const tab = page.locator('.tab', { hasText: /appeal-\d{4}-\d{2}-\d{2}\.md/ });
      await tab.first().waitFor({ state: 'visible', timeout: 30_000 });
      // The letter opens for editing with its preview beside it.
      await waitForMarkdownPreview(page, language.appealSection);
      await screenshot(page, name('appeal-open'));

      const letters = readdirSync(join(folder, 'card-failures')).filter((file) => /^appeal-.*\.md$/.test(file));
      assert.equal(letters.length, 1);
      const text = readFileSync(join(folder, 'card-failures', letters[0]!), 'utf8');
      assert.match(text, language.appealText);
      assert.ok(!existsSync(join(folder, 'card-failures', 'journal.md')), 'nothing is recorded unless asked');
    });
  });
}

describeWizard(ENGLISH);
describeWizard(CHINESE);
