/**
 * Helpers for browser tests of the extension in a real VS Code: code-server with the built
 * extension installed, driven by headless Chromium through playwright-core.
 *
 *   const workbench = await openWorkbench();
 *   const form = await openFormView(workbench.page);
 *   await runCommandFromPalette(workbench.page, 'Preferences: Open User Settings');
 *   await startCommand(workbench.page, 'Card Doctor: Diagnose card failure'); // opens its own questions
 *   await closeWorkbench(workbench);
 *
 * Pictures that are tests are compared with baselines by baseline.ts; `screenshot` only keeps one
 * for people to look at (and for the README).
 *
 * The extension is installed as a person would have it: the built files (`npm run build` first)
 * copied into the server's extensions folder, not loaded as a development extension.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import type { CodeServer } from '../vscode/codeServer.mjs' with { 'resolution-mode': 'import' };

// The launch modules are ES modules shared with the .mjs launchers; this file is CommonJS (as
// tsx runs it under mocha), which may import them only dynamically.
const loadChromium = () => import('../vscode/chromium.mjs');
const loadCodeServer = () => import('../vscode/codeServer.mjs');

const REPO_ROOT = resolve(__dirname, '../..');

export const SCREENSHOTS_DIR = join(REPO_ROOT, 'test-output', 'screenshots');
const FIXTURE_WORKSPACE = join(REPO_ROOT, 'test', 'fixtures', 'workspace');
const WORKBENCH_TIMEOUT_MS = 60_000;

interface Manifest {
  publisher: string;
  name: string;
  version: string;
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

export interface Workbench {
  page: Page;
  context: BrowserContext;
  /** Ends the browser and removes its profile. */
  closeBrowser(): Promise<void>;
  server: CodeServer;
  /** The temporary copy of the fixture folder that the window has open. */
  folder: string;
}

export interface OpenWorkbenchOptions {
  /** false: workspace trust on, the folder opens in restricted mode. Default true. */
  trusted?: boolean;
  /** UI language: 'zh-cn' (Simplified) or 'zh-tw' (Traditional) shows the extension's Chinese titles and strings. Default 'en'. */
  locale?: 'en' | 'zh-cn' | 'zh-tw';
  /** User settings added to the quiet defaults. */
  settings?: Record<string, unknown>;
  /** Environment of the server and so of the extension host. */
  env?: Record<string, string>;
  /** Folder copied to a temporary one and opened. Default test/fixtures/workspace. */
  fixture?: string;
  viewport?: { width: number; height: number };
}

/** Copies what the installed extension needs (as in the .vsix) into `<extensionsDir>/<id>-<version>/`. */
export function installBuiltExtension(extensionsDir: string): string {
  if (!existsSync(join(REPO_ROOT, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` (or `npm run build:dev`) first');
  }
  const target = join(extensionsDir, `${EXTENSION_ID}-${manifest.version}`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const rootFiles = readdirSync(REPO_ROOT).filter((name) =>
    name === 'package.json' || /^package\.nls(?:\..+)?\.json$/.test(name) || name === 'README.md' || name === 'LICENSE');
  for (const name of rootFiles) cpSync(join(REPO_ROOT, name), join(target, name));
  for (const dir of ['dist', 'l10n', 'media', 'templates']) {
    if (!existsSync(join(REPO_ROOT, dir))) continue;
    cpSync(join(REPO_ROOT, dir), join(target, dir), {
      recursive: true,
      filter: (source) => !source.endsWith('.map') && !source.endsWith('.mjs'),
    });
  }
  return target;
}

/**
 * Starts code-server with the built extension installed, opens a temporary copy of the fixture
 * folder in Chromium and resolves once the workbench is ready for keys.
 */
export async function openWorkbench(options: OpenWorkbenchOptions = {}): Promise<Workbench> {
  const { trusted = true, locale = 'en', settings, env, fixture = FIXTURE_WORKSPACE, viewport } = options;
  const folder = mkdtempSync(join(tmpdir(), 'card-doctor-e2e-'));
  cpSync(fixture, folder, { recursive: true });
  const extensionsDir = mkdtempSync(join(tmpdir(), 'card-doctor-e2e-extensions-'));
  installBuiltExtension(extensionsDir);
  let server: CodeServer | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  try {
    const [{ startCodeServer }, { launchChromium, browserLocale }] = await Promise.all([loadCodeServer(), loadChromium()]);
    server = await startCodeServer({
      folder, trusted, locale, extensionsDir, name: 'e2e',
      ...(settings ? { settings } : {}), ...(env ? { env } : {}),
    });
    const browser = await launchChromium({ locale: browserLocale(locale), ...(viewport ? { viewport } : {}) });
    closeBrowser = browser.close;
    const { page, context } = browser;
    await page.goto(`${server.url}?folder=${encodeURIComponent(folder)}`);
    await waitForWorkbench(page);
    return { page, context, closeBrowser, server, folder };
  } catch (error) {
    await closeBrowser?.();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
    rmSync(extensionsDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Resolves when the workbench has drawn its parts and the explorer lists the open folder: before
 * that, keys such as F1 can be lost.
 */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: WORKBENCH_TIMEOUT_MS });
  await page.locator('.part.statusbar').waitFor({ timeout: WORKBENCH_TIMEOUT_MS });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: WORKBENCH_TIMEOUT_MS });
}

/**
 * Runs a command the way a person does: F1, type its title, pick the row whose label is exactly
 * the title, and wait for the palette to close. Titles are as shown, with the category: 'View:
 * Toggle Word Wrap'. For a command that asks questions in the same widget, use startCommand.
 */
export async function runCommandFromPalette(page: Page, title: string): Promise<void> {
  await pickFromPalette(page, title);
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * Picks the command `title` in the palette, retrying while the workbench has not offered it yet,
 * and leaves the quick input to whatever the command shows next (a theme picker, say).
 */
export async function pickFromPalette(page: Page, title: string): Promise<void> {
  const palette = page.locator('.quick-input-widget');
  const row = palette.locator('.monaco-list-row', {
    has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
  }).first();
  // Commands join the palette as the workbench reads contributions (later under load or with a
  // language pack): an answer without the command is closed and the palette opened again.
  const deadline = Date.now() + WORKBENCH_TIMEOUT_MS;
  for (;;) {
    await page.keyboard.press('F1');
    await palette.waitFor({ state: 'visible' });
    await page.keyboard.type(title);
    if (await row.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false)) break;
    if (Date.now() > deadline) throw new Error(`the palette never offered "${title}"`);
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'hidden' });
  }
  await row.click();
}

/** A notification toast that has finished appearing and contains `text`. */
export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator('.notifications-toasts .notification-toast.notification-fade-in-done', { hasText: text });
}

/** The content frame of one of the extension's webviews (select the inner frame by id). */
export function extensionWebview(page: Page): FrameLocator {
  return page
    .frameLocator(`iframe.webview[src*="extensionId=${EXTENSION_ID}"]`)
    .frameLocator('iframe#active-frame');
}

/** The extension's activity-bar item, in any UI language: its title as each package.nls file gives it. */
export const ACTIVITY_ITEM = readdirSync(REPO_ROOT)
  .filter((name) => /^package\.nls(?:\.[a-z-]+)?\.json$/.test(name))
  .map((name) => (JSON.parse(readFileSync(join(REPO_ROOT, name), 'utf8')) as Record<string, string>)['viewsContainer.cardDoctor'])
  .filter((title): title is string => typeof title === 'string' && /^[^"\\]+$/.test(title))
  .map((title) => `.activitybar .action-item .action-label[aria-label^="${title}"]`)
  .join(', ');

/**
 * The frame of an editor tab's webview sits in a container that names its editor
 * (`data-parent-flow-to-element-id="webview-editor-element-…"`); a view's does not. (The URL's
 * `purpose=webviewView` is no help: a view shown again after being hidden is loaded without it.)
 */
const IN_EDITOR = '[data-parent-flow-to-element-id^="webview-editor-element"]';

/** The sidebar form's webview element: VS Code's frame around the form's page, the whole view. */
export function formViewElement(page: Page): Locator {
  return page.locator(`:not(${IN_EDITOR}) > iframe.webview[src*="extensionId=${EXTENSION_ID}"]`);
}

/** The diagnosis tab's webview element: the extension's one in an editor tab. */
export function diagnosisTabElement(page: Page): Locator {
  return page.locator(`${IN_EDITOR} > iframe.webview[src*="extensionId=${EXTENSION_ID}"]`);
}

/**
 * Opens the sidebar form from its activity-bar item and resolves once its script has drawn it.
 * The mouse then rests over the editor area, so no tooltip of the activity bar covers the form.
 */
export async function openFormView(page: Page): Promise<FrameLocator> {
  await page.locator(ACTIVITY_ITEM).click();
  await page.mouse.move(900, 600);
  const form = formViewElement(page).contentFrame().frameLocator('iframe#active-frame');
  await form.locator('#app[data-ready="true"]').waitFor({ timeout: WORKBENCH_TIMEOUT_MS });
  return form;
}

/**
 * Resolves with `probe()`'s value once `done` accepts it, asking again every 200 ms: for a state
 * that has no event of its own to wait on (a file's content, a log line, something spread over
 * several frames). Fails with `what` after `timeoutMs`.
 */
export async function waitUntil<T>(what: string, probe: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolveTick) => setTimeout(resolveTick, 200));
  }
}

/**
 * Waits until one of the open Markdown previews shows a heading with `text`: several previews
 * can be open at once (the diagnosis, then a letter), so each is looked at in turn.
 */
export async function waitForMarkdownPreview(page: Page, text: string | RegExp, timeout = 60_000): Promise<void> {
  const previews = page.locator('iframe.webview[src*="extensionId=vscode.markdown-language-features"]');
  const headingIn = (index: number) =>
    previews.nth(index).contentFrame().frameLocator('iframe#active-frame').locator('h1, h2', { hasText: text }).first();
  await waitUntil(`a Markdown preview showing a heading ${String(text)}`, async () => {
    for (let index = 0; index < (await previews.count()); index++) {
      if (await headingIn(index).isVisible().catch(() => false)) return true;
    }
    return false;
  }, (shown) => shown, timeout);
}

/** Saves a PNG of what a person would see to test-output/screenshots/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path });
  return path;
}

const SETTLE_TIMEOUT_MS = 15_000;

/**
 * A picture of `target` once it has settled: taken until two in a row are identical (no reply
 * still arriving, no font or repaint pending), with the caret hidden and animations stopped.
 * Saved to `path` when given.
 */
export async function settledScreenshot(target: Locator | Page, path?: string): Promise<Buffer> {
  const options = { caret: 'hide', animations: 'disabled', scale: 'css' } as const;
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let previous = await target.screenshot(options);
  for (;;) {
    const current = await target.screenshot(options);
    if (current.equals(previous)) {
      if (path) writeFileSync(path, current);
      return current;
    }
    if (Date.now() > deadline) throw new Error(`the picture kept changing for ${SETTLE_TIMEOUT_MS / 1000} s`);
    previous = current;
  }
}

/**
 * F1, the command's title, Enter on its row, and no wait for the palette to close: for a command
 * that opens its own questions in the same widget (the Diagnose interview). The extension's
 * commands join the palette only once the workbench has read its contributions (later with a
 * language pack), so a list without the command is closed and the palette opened again.
 */
export async function startCommand(page: Page, title: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const row = widget.locator('.monaco-list-row.focused', { has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) });
  const deadline = Date.now() + WORKBENCH_TIMEOUT_MS;
  for (;;) {
    await page.keyboard.press('F1');
    await widget.waitFor({ state: 'visible' });
    await page.keyboard.type(title);
    if (await row.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false)) break;
    if (Date.now() > deadline) throw new Error(`the palette never offered "${title}"`);
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
  }
  await page.keyboard.press('Enter');
}

/** Closes the browser, stops the server and removes the temporary folders. */
export async function closeWorkbench(workbench: Workbench | undefined): Promise<void> {
  if (!workbench) return;
  await workbench.closeBrowser();
  await workbench.server.stop();
  rmSync(workbench.folder, { recursive: true, force: true });
  rmSync(workbench.server.extensionsDir, { recursive: true, force: true });
}

/**
 * For an afterEach hook: keeps a screenshot of the page when the test that just ran failed, named
 * after the test, so a CI failure can be seen.
 */
export async function screenshotIfFailed(test: Mocha.Test | undefined, page: Page | undefined): Promise<void> {
  if (!test || !page || test.state !== 'failed') return;
  const path = await screenshot(page, `failed-${test.fullTitle()}`).catch(() => undefined);
  if (path) console.log(`    screenshot of the failure: ${path}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
