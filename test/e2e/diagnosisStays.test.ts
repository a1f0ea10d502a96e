/**
 * The diagnosis stays, and counts only what the journal holds (issue 10), in a real VS Code
 * (code-server + Chromium), in English and in Chinese. The workspace's journal holds one attempt,
 * made an hour ago and written by the real CLI. A person opens the sidebar, diagnoses twice from
 * the palette and reloads the window: the journal is byte for byte as it was, and the sidebar and
 * the diagnosis tab speak of exactly one attempt and no wait; closed, the tab comes back with
 * "Show last diagnosis". Recording the diagnosed attempt twice
 * from the tab's title bar asks before the copy; generating a letter leaves the diagnosis, with its
 * actions, in view. Screenshots: test-output/screenshots/diagnosis-stays-*.png.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import {
  ACTIVITY_ITEM,
  closeWorkbench,
  diagnosisTabElement,
  formViewElement,
  openWorkbench,
  pickFromPalette,
  screenshot,
  screenshotIfFailed,
  type Workbench,
} from './harness';

const REPO_ROOT = resolve(__dirname, '../..');
const MARKER = '<!-- card-doctor:entry v1 ';

interface Language {
  locale: 'en' | 'zh-cn';
  /** What the sidebar and the tab say of the journal: one attempt, one card. */
  oneAttempt: RegExp;
  tabTitle: string;
  /** The start of the question asked before a copy goes in. */
  duplicateQuestion: RegExp;
  recordAgain: string;
  cancel: string;
  /** What the tab says once its attempt is in the journal. */
  recorded: string;
  /** The status bar item's accessible label, and its text once two attempts are recorded. */
  waitLabel: string;
  waitText: RegExp;
}

const ENGLISH: Language = {
  locale: 'en',
  oneAttempt: /Last 24 hours in the journal: 1 attempt, 1 card\./,
  tabTitle: 'Card Doctor: Diagnosis',
  duplicateQuestion: /^The journal already holds this attempt \(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\+00:00, card •••• 4242\)\. Record it again\?/,
  recordAgain: 'Record Again',
  cancel: 'Cancel',
  recorded: 'This attempt is in the journal.',
  waitLabel: 'Card Doctor: wait ',
  waitText: /^Wait 2[34]h \d{1,2}m$/,
};

const CHINESE: Language = {
  locale: 'zh-cn',
  oneAttempt: /失败日志中过去 24 小时：绑卡 1 次，用了 1 张卡。/,
  tabTitle: '绑卡医生：诊断结果',
  duplicateQuestion: /^失败日志中已有这条记录（\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\+00:00，尾号 4242 的卡）。仍要再记一次吗？/,
  recordAgain: '再记一次',
  cancel: 'Cancel',
  recorded: '这次绑卡已记入失败日志。',
  waitLabel: '绑卡医生：请等待 ',
  waitText: /^等待 2[34] 小时 \d{1,2} 分钟?$/,
};

/** A manifest or nls string as the workbench shows it, so the test follows the wording files. */
function nls(locale: 'en' | 'zh-cn', key: string): string {
  const file = locale === 'en' ? 'package.nls.json' : 'package.nls.zh-cn.json';
  const value = (JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as Record<string, string>)[key];
  assert.ok(value, `${file} has no ${key}`);
  return value;
}

/** The palette's title of one of the extension's commands: "Card Doctor: Diagnose card failure". */
function commandTitle(locale: 'en' | 'zh-cn', key: string): string {
  return `${nls(locale, 'category')}: ${nls(locale, key)}`;
}

/**
 * A folder whose journal holds one attempt made an hour ago, written by the CLI as a person would
 * (`card-doctor journal add`), from the report in test/fixtures/journal/.
 */
function workspaceWithOneAttempt(lang: 'en' | 'zh-cn'): string {
  const folder = mkdtempSync(join(tmpdir(), 'card-doctor-stays-fixture-'));
  writeFileSync(join(folder, 'README.md'), '# A folder with one failed attempt\n');
  mkdirSync(join(folder, 'card-failures'));
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  execFileSync(process.execPath, [
    join(REPO_ROOT, 'dist', 'cli.js'), 'journal', 'add', join(REPO_ROOT, 'test', 'fixtures', 'journal', 'one-attempt.report.json'),
    '--journal', join(folder, 'card-failures', 'journal.md'), '--now', hourAgo, '--lang', lang,
  ]);
  return folder;
}

/** The diagnosis tab's page. */
function diagnosisPage(page: Page): FrameLocator {
  return diagnosisTabElement(page).contentFrame().frameLocator('iframe#active-frame');
}

/** The themes the tab is audited in, with the class VS Code gives the page's body in each. */
const THEMES: [name: string, theme: string, bodyClass: string][] = [
  ['light', 'Default Light Modern', 'vscode-light'],
  ['dark', 'Default Dark Modern', 'vscode-dark'],
  ['high-contrast', 'Default High Contrast', 'vscode-high-contrast'],
];

/**
 * axe over the tab's page as it is rendered: its DOM, with the theme's variables VS Code put on
 * it and the extension's stylesheet, copied into a page of its own. The tab itself runs no script
 * (its frame is sandboxed without scripts), so axe cannot run there. The copy drops the page's
 * policy, which would refuse the stylesheet inlined in place of the webview resource link.
 */
async function auditTab(workbench: Workbench) {
  const outer = await (await diagnosisTabElement(workbench.page).elementHandle())?.contentFrame();
  const inner = await (await outer?.locator('iframe#active-frame').elementHandle())?.contentFrame();
  assert.ok(inner, 'the diagnosis tab is on the page');
  const css = readFileSync(join(REPO_ROOT, 'media', 'diagnosis.css'), 'utf8');
  const html = (await inner.content())
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
    .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${css}</style>`);
  assert.match(html, /<h1>/);
  const copy = await workbench.context.newPage();
  try {
    await copy.setContent(html);
    return await new AxeBuilder({ page: copy }).include('main').analyze();
  } finally {
    await copy.close();
  }
}

/** One line per violation: its rule, impact, how many nodes, and the first one's target. */
function describeViolations(violations: readonly Result[]): string {
  return violations.map((violation) => `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.nodes.length} node(s), e.g. ${JSON.stringify(violation.nodes[0]?.target)}`).join('\n');
}

/** The sidebar form's page. */
function formPage(page: Page): FrameLocator {
  return formViewElement(page).contentFrame().frameLocator('iframe#active-frame');
}

/** The editor group whose title bar shows the diagnosis tab. */
function diagnosisGroup(page: Page, language: Language): Locator {
  return page.locator('.editor-group-container', { has: page.locator('.tab', { hasText: language.tabTitle }) });
}

/** A button in the diagnosis tab's title bar, by its command's title. */
function titleBarAction(page: Page, language: Language, key: string): Locator {
  return diagnosisGroup(page, language).locator(`.editor-actions .action-label[aria-label*="${nls(language.locale, key)}"]`);
}

function waitItem(page: Page, language: Language): Locator {
  return page.locator(`.part.statusbar .statusbar-item[aria-label^="${language.waitLabel}"], .part.statusbar [aria-label^="${language.waitLabel}"]`).first();
}

/**
 * F1, the command's title, Enter. Not the harness' runCommandFromPalette: it waits for the palette
 * to close, and the interview opens in the same widget before it can.
 */
async function runCommand(page: Page, title: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const row = widget.locator('.monaco-list-row.focused', { has: page.locator('.label-name', { hasText: title }) });
  await page.keyboard.press('F1');
  await widget.waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/**
 * Runs "Diagnose card failure" and answers every screen of the interview with Enter: the first,
 * highlighted answer, the journal's latest attempt as the default, the time now.
 */
async function diagnoseWithDefaults(page: Page, language: Language): Promise<void> {
  const command = commandTitle(language.locale, 'command.diagnose');
  await runCommand(page, command);
  const widget = page.locator('.quick-input-widget');
  const title = widget.locator('.quick-input-title');
  // The interview's first screen has a title; the palette had none.
  await title.filter({ hasText: /\S/ }).waitFor({ state: 'visible' });
  for (let screen = 0; screen < 10; screen++) {
    const before = (await title.textContent()) ?? '';
    await page.keyboard.press('Enter');
    // The next screen, or none: wait until the title changes or the interview closes.
    await page.waitForFunction((previous) => {
      const box = document.querySelector<HTMLElement>('.quick-input-widget');
      if (!box || box.style.display === 'none' || box.offsetParent === null) return true;
      return (box.querySelector('.quick-input-title')?.textContent ?? '') !== previous;
    }, before);
    if (!(await widget.isVisible())) return;
  }
  assert.fail('the interview did not end after ten screens answered with Enter');
}

function entriesIn(text: string): number {
  return text.split(MARKER).length - 1;
}

function describeStays(language: Language): void {
  describe(`the diagnosis stays and counts the journal only (${language.locale})`, function () {
    this.timeout(300_000);
    let workbench: Workbench | undefined;
    let fixture: string;
    let journalBefore: Buffer;
    const journalPath = () => join(workbench!.folder, 'card-failures', 'journal.md');
    const shot = (name: string) => screenshot(workbench!.page, `diagnosis-stays-${language.locale}-${name}`);

    before(async () => {
      fixture = workspaceWithOneAttempt(language.locale);
      journalBefore = readFileSync(join(fixture, 'card-failures', 'journal.md'));
      assert.equal(entriesIn(journalBefore.toString('utf8')), 1);
      workbench = await openWorkbench({ locale: language.locale, fixture, env: { TZ: 'UTC' }, viewport: { width: 1400, height: 900 } });
    });

    afterEach(async function () {
      await screenshotIfFailed(this.currentTest, workbench?.page);
    });

    after(async () => {
      await closeWorkbench(workbench);
      rmSync(fixture, { recursive: true, force: true });
    });

    it('opening the sidebar, diagnosing twice and reloading leave the journal as it was, with one attempt and no wait', async () => {
      const { page } = workbench!;
      await page.locator(ACTIVITY_ITEM).click();
      await page.mouse.move(900, 600);
      const form = formPage(page);
      await form.locator('#app[data-ready="true"]').waitFor({ timeout: 60_000 });
      await form.getByText(language.oneAttempt).first().waitFor({ state: 'visible', timeout: 30_000 });
      assert.equal(await waitItem(page, language).count(), 0, 'one attempt calls for no wait');

      for (let round = 1; round <= 2; round++) {
        await diagnoseWithDefaults(page, language);
        const tab = diagnosisPage(page);
        await tab.locator('h1').waitFor({ state: 'visible', timeout: 30_000 });
        await tab.getByText(language.oneAttempt).waitFor({ state: 'visible' });
        assert.equal(await tab.locator('.cooldown').count(), 0, `diagnosis ${round} shows no wait`);
        assert.equal(await waitItem(page, language).count(), 0, `diagnosis ${round} starts no wait in the status bar`);
      }
      await page.mouse.move(700, 500);
      await shot('1-diagnosis');
      assert.deepEqual(readFileSync(journalPath()), journalBefore, 'diagnosing wrote nothing');

      // As a person reloads: the workbench's own command, which saves the window's state (the open
      // tabs, the extension's workspace state) before it goes; page.reload() can outrun that save.
      const reloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 60_000 });
      await runCommand(page, 'Developer: Reload Window');
      await reloaded;
      // Not the harness' waitForWorkbench: the explorer it waits for is not the view shown now.
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
      // The tab comes back, diagnosed again from what the workspace kept.
      const restored = diagnosisPage(page);
      await restored.locator('h1').waitFor({ state: 'visible', timeout: 60_000 });
      await restored.getByText(language.oneAttempt).waitFor({ state: 'visible' });
      assert.equal(await restored.locator('.cooldown').count(), 0);
      await titleBarAction(page, language, 'command.recordAttempt').waitFor({ state: 'visible' });
      assert.equal(await waitItem(page, language).count(), 0, 'no wait after the reload');
      await shot('2-after-reload');
      assert.deepEqual(readFileSync(journalPath()), journalBefore, 'reloading wrote nothing');

      // Closed, and shown again from the palette.
      const tabHeader = page.locator('.tab', { hasText: language.tabTitle });
      await tabHeader.hover();
      await tabHeader.locator('.tab-actions .action-label').click();
      await tabHeader.waitFor({ state: 'detached' });
      await runCommand(page, commandTitle(language.locale, 'command.showLastDiagnosis'));
      await diagnosisPage(page).getByText(language.oneAttempt).waitFor({ state: 'visible', timeout: 30_000 });
      await titleBarAction(page, language, 'command.recordAttempt').waitFor({ state: 'visible' });
    });

    it('recording the diagnosed attempt twice asks before adding the copy', async () => {
      const { page } = workbench!;
      const record = titleBarAction(page, language, 'command.recordAttempt');
      await record.click();
      await diagnosisPage(page).getByText(language.recorded).waitFor({ state: 'visible', timeout: 30_000 });
      assert.equal(entriesIn(readFileSync(journalPath(), 'utf8')), 2);

      // Two attempts within the hour: the status bar counts the wait down, in the UI's language.
      const wait = waitItem(page, language);
      await wait.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(((await wait.textContent()) ?? '').trim(), language.waitText);
      await wait.hover();
      await page.locator('.monaco-hover, .workbench-hover', { hasText: /UTC\+00:00/ }).first().waitFor({ state: 'visible', timeout: 10_000 });
      await shot('3-status-bar-wait');
      await page.mouse.move(700, 500);

      await record.click();
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match((await dialog.locator('.dialog-message-text').textContent()) ?? '', language.duplicateQuestion);
      await dialog.getByRole('button', { name: language.recordAgain }).waitFor({ state: 'visible' });
      await shot('4-asks-before-a-copy');
      await dialog.getByRole('button', { name: language.cancel }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(entriesIn(readFileSync(journalPath(), 'utf8')), 2, 'the copy was not added');
    });

    it('generating a letter leaves the diagnosis in view with its actions', async () => {
      const { page } = workbench!;
      await titleBarAction(page, language, 'command.generateAppeal').click();
      const letterTab = page.locator('.tab', { hasText: /^appeal-\d{4}-\d{2}-\d{2}\.md/ });
      await letterTab.first().waitFor({ state: 'visible', timeout: 30_000 });
      // Still the tab its column shows, its page and its title-bar actions on screen.
      await diagnosisGroup(page, language).locator('.tab.active', { hasText: language.tabTitle }).waitFor({ state: 'visible' });
      await diagnosisPage(page).locator('h1').waitFor({ state: 'visible' });
      for (const key of ['command.generateAppeal', 'command.generateBankInquiry', 'command.recordAttempt']) {
        await titleBarAction(page, language, key).waitFor({ state: 'visible' });
      }
      await shot('5-letter-beside-diagnosis');
    });

    it('reads in the light, dark and high-contrast themes: no serious or critical axe violation in the tab', async () => {
      const { page } = workbench!;
      const tab = diagnosisPage(page);
      // The tab as it is now: findings, the journal's wait, the history line.
      await tab.locator('.cooldown').waitFor({ state: 'visible' });
      for (const [name, theme, bodyClass] of THEMES) {
        // Not the first row: "Browse Color Themes in Marketplace" ranks above it.
        await pickFromPalette(page, 'Preferences: Color Theme');
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Default Light Modern' }).first().waitFor({ state: 'visible' });
        await page.keyboard.type(theme);
        await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: theme }).waitFor({ state: 'visible' });
        await page.keyboard.press('Enter');
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
        await tab.locator(`body.${bodyClass}`).waitFor({ state: 'attached', timeout: 30_000 });
        await page.mouse.move(700, 500);
        await shot(`6-theme-${name}`);
        const results = await auditTab(workbench!);
        assert.ok(results.passes.length > 5, `axe checked the tab (${results.passes.length} rules passed)`);
        const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
        console.log(`    axe, ${name}, ${language.locale}: ${results.violations.length} violation(s)${results.violations.length ? `\n${describeViolations(results.violations)}` : ''}`);
        assert.equal(blocking.length, 0, `serious or critical violations in ${name}:\n${describeViolations(blocking)}`);
      }
    });
  });
}

describeStays(ENGLISH);
describeStays(CHINESE);
