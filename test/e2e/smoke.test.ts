/** The browser harness works end to end: a real workbench, the palette, the installed extension. */
import assert from 'node:assert/strict';
import { closeWorkbench, openWorkbench, runCommandFromPalette, screenshot, screenshotIfFailed, type Workbench } from './harness';

describe('workbench in Chromium', function () {
  this.timeout(180_000);
  let workbench: Workbench | undefined;

  before(async () => {
    workbench = await openWorkbench();
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, workbench?.page);
  });

  after(async () => {
    await closeWorkbench(workbench);
  });

  it('opens the fixture folder', async () => {
    const { page } = workbench!;
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'README.md' }).waitFor();
  });

  it('runs a built-in command from the palette, whose settings editor finds the extension’s settings', async () => {
    const { page } = workbench!;
    await runCommandFromPalette(page, 'Preferences: Open User Settings');
    await page.locator('.settings-editor').waitFor({ state: 'visible' });
    // The search box has focus as the editor opens.
    await page.keyboard.type('cardDoctor.journalPath');
    const setting = page.locator('.settings-editor .setting-item-contents', { hasText: 'Path of the failure journal, relative to the workspace folder.' });
    await setting.waitFor({ state: 'visible' });
    assert.equal(await setting.locator('.setting-item-category').textContent(), 'Card Doctor: ');
    assert.equal(await setting.locator('.setting-item-label').textContent(), 'Journal Path');
    await screenshot(page, 'smoke-settings-editor');
  });

  it('lists the extension among the installed ones', async () => {
    const { page } = workbench!;
    // (Extensions: Show Installed Extensions is not offered without a gallery, and "Focus on
    // Extensions View" only once the view is registered; View: Show Extensions always is.)
    await runCommandFromPalette(page, 'View: Show Extensions');
    const item = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Card Binding Doctor' });
    await item.first().waitFor({ state: 'visible' });
    await screenshot(page, 'smoke-installed-extensions');
  });
});
