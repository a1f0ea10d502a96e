/**
 * The extension in the web worker extension host, as VS Code for the Web runs it (issue 15): code-server
 * serves the workbench, and the page's payload runs the extension under development in the web
 * worker host (`extensionDevelopmentKind: web`), where it loads package.json's `browser` entry,
 * dist/web/extension.js. A person opens the sidebar, the form diagnoses as they type, and the
 * appeal lands in the workspace folder on the server, written through vscode.workspace.fs.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { CodeServer } from '../vscode/codeServer.mjs' with { 'resolution-mode': 'import' };
import { openFormView, screenshot, screenshotIfFailed, waitForMarkdownPreview, waitForWorkbench } from './harness';

const REPO_ROOT = resolve(__dirname, '../..');

describe('the extension in a web worker extension host (VS Code for the Web)', function () {
  this.timeout(180_000);
  let server: CodeServer | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  let page: Page;
  let folder: string;
  let form: FrameLocator;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'card-doctor-e2e-web-'));
    cpSync(join(REPO_ROOT, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
    const [{ startCodeServer, workbenchUrl }, { launchChromium }] = await Promise.all([import('../vscode/codeServer.mjs'), import('../vscode/chromium.mjs')]);
    server = await startCodeServer({ folder, name: 'e2e-web' });
    const browser = await launchChromium();
    closeBrowser = browser.close;
    page = browser.page;
    await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath: REPO_ROOT, extensionDevelopmentKind: 'web' }));
    await waitForWorkbench(page);
  });

  after(async () => {
    await closeBrowser?.();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  afterEach(function () {
    return screenshotIfFailed(this.currentTest, page);
  });

  it('opens the sidebar form, from the browser entry in the web worker host', async () => {
    form = await openFormView(page);
    // The web worker extension host lives in an iframe of its own; the Node one has none.
    assert.ok(page.frames().some((frame) => frame.url().includes('webWorkerExtensionHostIframe.html')), 'no web worker extension host on the page');
    await screenshot(page, 'web-sidebar-opened');
  });

  it('diagnoses as the person fills the form', async () => {
    await form.locator('#f-card-issuerCountry').fill('China (CN)');
    await form.locator('#f-card-last4').fill('4242');
    const region = form.locator('.finding', { hasText: 'Region not supported' });
    await region.first().waitFor({ timeout: 30_000 });
    assert.match((await region.first().locator('.badge').textContent()) ?? '', /likely/);
    await screenshot(page, 'web-sidebar-diagnosed');
  });

  it('writes the appeal into the workspace folder on the server and opens it', async () => {
    await form.locator('[data-action="generateAppeal"]').click();
    await form.locator('.status', { hasText: /Wrote the appeal to card-failures\/appeal-/ }).waitFor({ timeout: 30_000 });
    const written = readdirSync(join(folder, 'card-failures')).filter((name) => /^appeal-.*\.md$/.test(name));
    assert.equal(written.length, 1, written.join(', '));
    const letter = readFileSync(join(folder, 'card-failures', written[0]!), 'utf8');
    assert.match(letter, /•••• 4242/);
    assert.doesNotMatch(letter, /\{\{|\}\}/, 'a template tag left in the letter');
    await page.locator('.tabs-container .tab', { hasText: /^appeal-.*\.md/ }).first().waitFor({ timeout: 30_000 });
    await waitForMarkdownPreview(page, /My account/);
    await screenshot(page, 'web-appeal-opened');
  });
});
