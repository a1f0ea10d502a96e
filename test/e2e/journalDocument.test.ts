/**
 * The journal as a document, as a person sees it in the browser (issue 14): the journal open in
 * an editor with Diagnose · Appeal · Bank inquiry above each entry, a hover on a machine line
 * that reads the entry out in words, and a card number typed into a note flagged in the
 * Problems panel. Screenshots of each go to test-output/screenshots/journal-*.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatJournalEntry, journalHeader, type DatedReport } from '../../src/core/journal';
import { closeWorkbench, openWorkbench, runCommandFromPalette, screenshot, screenshotIfFailed, type Workbench } from './harness';

const FIRST: DatedReport = {
  occurredAt: '2025-11-27T10:31:00+08:00',
  product: 'chatgpt-web',
  errorMessage: 'Your card was declined.',
  card: { brand: 'unionpay', kind: 'debit', last4: '4242', issuerName: '招商银行', issuerCountry: 'CN' },
};
const SECOND: DatedReport = {
  occurredAt: '2025-11-28T09:02:00+08:00',
  product: 'api-platform',
  errorMessage: 'Your card does not support this type of purchase.',
  card: { brand: 'visa', kind: 'virtual', last4: '1881', issuerCountry: 'US' },
};

/** Two entries, and between them a note holding a full card number, as a person might paste it. */
function journal(): string {
  return `${journalHeader('en')}${formatJournalEntry(FIRST, 'en')}\nThe bank asked me to confirm the card: 4242 4242 4242 4242.\n${formatJournalEntry(SECOND, 'en')}`;
}

describe('the journal as a document in the browser', function () {
  this.timeout(240_000);
  let workbench: Workbench | undefined;
  let fixture: string;

  before(async () => {
    fixture = mkdtempSync(join(tmpdir(), 'card-doctor-journal-doc-'));
    mkdirSync(join(fixture, 'card-failures'));
    writeFileSync(join(fixture, 'card-failures', 'journal.md'), journal());
    writeFileSync(join(fixture, 'README.md'), '# Notes\n');
    workbench = await openWorkbench({ fixture, viewport: { width: 1400, height: 900 } });
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, workbench?.page);
  });

  after(async () => {
    await closeWorkbench(workbench);
    rmSync(fixture, { recursive: true, force: true });
  });

  it('shows Diagnose · Appeal · Bank inquiry above each entry', async () => {
    const { page } = workbench!;
    await runCommandFromPalette(page, 'Card Doctor: Open failure journal');
    const lenses = page.locator('.monaco-editor .codelens-decoration');
    await lenses.filter({ hasText: 'Diagnose' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await lenses.nth(1).waitFor({ state: 'visible' });
    const texts = await lenses.allInnerTexts();
    assert.deepEqual(
      texts.map((text) => text.replace(/\s+/g, ' ').trim()),
      ['Diagnose | Appeal | Bank inquiry', 'Diagnose | Appeal | Bank inquiry'],
    );
    await screenshot(page, 'journal-codelens');
  });

  it('reads a machine line out in words in its hover', async () => {
    const { page } = workbench!;
    // The first entry's machine line (the header's paragraph names the marker too, without v1).
    const machineLine = page.locator('.monaco-editor .view-line', { hasText: 'card-doctor:entry v1 {"occurredAt":"2025-11-27' });
    await machineLine.hover({ position: { x: 60, y: 5 } });
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'UnionPay debit' });
    await hover.waitFor({ state: 'visible', timeout: 30_000 });
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /2025-11-27 10:31 UTC\+08:00 · ChatGPT \(web\)/);
    assert.match(text, /Card: UnionPay debit •••• 4242 · 招商银行 · China/);
    assert.match(text, /Possible causes: Region not supported \(likely\)/);
    await screenshot(page, 'journal-hover');
    await page.keyboard.press('Escape');
  });

  it('flags the typed card number in the Problems panel', async () => {
    const { page } = workbench!;
    // The keyboard shortcut a person uses (View: Problems).
    await page.locator('.monaco-editor .view-line').first().click();
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'This text holds a full card number' });
    await row.first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await row.first().innerText(), /Card Doctor/);
    await screenshot(page, 'journal-problems');
  });
});
