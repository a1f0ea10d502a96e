/**
 * A repository can commit a journal built to be slow at the default path. Opening the folder
 * activates the extension and the cooldown reads that journal; the palette must still answer at
 * once: "Diagnose card failure" asks its first question while the journal is being read.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeWorkbench, openWorkbench, screenshot, screenshotIfFailed, startCommand, type Workbench } from './harness';

const MARKER = '<!-- card-doctor:entry v1 ';

/** Digits joined by everything that looks like a line break or a separator to a pattern. */
function digitsAndBreaks(length: number): string {
  const separators = [' ', '\u2028', '\u2029', '\u0085', '\r', '-', '\u3000', '\t'];
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; size < length; index++) {
    const part = `${index % 10}${separators[index % separators.length]}`;
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

/** The journal: valid entries, a 1 MB machine line, 10,000 near-matches of a CVC, a 2 MB marker line. */
function hostileJournal(): string {
  const lines = ['# Card failure journal', ''];
  for (let index = 0; index < 5000; index++) {
    const occurredAt = new Date(Date.parse('2025-11-20T00:00:00Z') + index * 60_000).toISOString();
    lines.push(`${MARKER}${JSON.stringify({ occurredAt, report: { product: 'api-platform', errorMessage: 'Your card was declined.' } })} -->`);
  }
  lines.push(`${MARKER}${JSON.stringify({ occurredAt: '2025-11-27T10:31:00+08:00', report: { errorMessage: digitsAndBreaks(1024 * 1024) } })} -->`);
  lines.push(Array.from({ length: 10_000 }, (_, index) => `cvv: ${index % 10}${index % 7} card security cvv:`).join(' '));
  lines.push(`${MARKER}v1 {"occurredAt":"2025-11-27T10:32:00+08:00","report":{"notes":"${'7 '.repeat(1024 * 1024)}"}} -->`);
  return lines.join('\n') + '\n';
}

describe('a journal crafted to be slow', function () {
  this.timeout(240_000);
  let workbench: Workbench | undefined;
  let fixture: string;

  before(async () => {
    fixture = mkdtempSync(join(tmpdir(), 'card-doctor-hostile-fixture-'));
    mkdirSync(join(fixture, 'card-failures'));
    writeFileSync(join(fixture, 'card-failures', 'journal.md'), hostileJournal());
    writeFileSync(join(fixture, 'README.md'), '# A cloned repository\n');
    assert.ok(statSync(join(fixture, 'card-failures', 'journal.md')).size > 4 * 1024 * 1024, 'the journal is over 4 MB');
    workbench = await openWorkbench({ fixture });
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, workbench?.page);
  });

  after(async () => {
    await closeWorkbench(workbench);
    rmSync(fixture, { recursive: true, force: true });
  });

  it('still answers the palette: "Diagnose card failure" asks its first question', async () => {
    const { page } = workbench!;
    // The extension activated on opening this folder (workspaceContains) and is reading it now.
    // (Not runCommandFromPalette: it waits for the palette to close, and the interview opens in
    // the same widget, at once when the journal does not hold it up.)
    await startCommand(page, 'Card Doctor: Diagnose card failure');
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'What did the error say, and where?' }).waitFor({ state: 'visible', timeout: 30_000 });
    await widget.getByText('1/4', { exact: false }).first().waitFor({ state: 'visible' });
    await screenshot(page, 'hostile-journal-first-step');

    // The next question comes too: waiting for the journal's prefill is bounded.
    await page.keyboard.press('Enter');
    await widget.locator('.quick-input-title', { hasText: 'The card: what kind is it?' }).waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, 'hostile-journal-second-step');
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });

    // Nothing was written into the committed journal.
    assert.equal(readFileSync(join(workbench!.folder, 'card-failures', 'journal.md'), 'utf8'), hostileJournal());
  });
});
