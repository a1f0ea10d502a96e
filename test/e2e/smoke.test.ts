/** The browser harness works end to end: a real workbench, the palette, screenshots. */
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

  it('runs a built-in command from the palette', async () => {
    const { page } = workbench!;
    await runCommandFromPalette(page, 'Preferences: Open User Settings');
    await page.locator('.settings-editor').waitFor({ state: 'visible' });
    const path = await screenshot(page, 'smoke-settings-editor');
    assert.ok(path.endsWith('.png'));
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
