/**
 * The evidence pack as a person writes it (issue 13 'done when'): in code-server, from a folder
 * whose journal holds an attempt and, in the person's own notes, a full card number, a CVC and a
 * one-time code, and whose letters folder holds one letter the person edited with the card number
 * pasted in, "Card Doctor: Write evidence pack" from the palette writes a new evidence-* folder.
 * Every file in it is read back from disk and checked by the leak oracle (test/leakOracle.ts,
 * which shares nothing with the redactor), the letter holding the number is named as left out,
 * and the pack's about.md opens. Screenshot: test-output/screenshots/evidence-pack.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { formatJournalEntry, journalHeader, type DatedReport } from '../../src/core/journal';
import { showsCardNumber } from '../leakOracle';
import { closeWorkbench, notification, openWorkbench, runCommandFromPalette, screenshot, screenshotIfFailed, waitUntil, type Workbench } from './harness';

const CARD_NUMBER = '6214830112834568';
const CVC = '482';
const ONE_TIME_CODE = '905317';

const ATTEMPT: DatedReport = {
  occurredAt: '2025-11-27T10:31:00+08:00',
  product: 'chatgpt-web',
  errorMessage: 'Your card was declined.',
  card: { brand: 'unionpay', kind: 'debit', last4: '4568', issuerName: '招商银行', issuerCountry: 'CN' },
};

/** The journal with the person's own note under the entry: the secrets as a person might type them. */
function journal(): string {
  return (
    `${journalHeader('en')}${formatJournalEntry(ATTEMPT, 'en')}\n` +
    `Note to self: card 6214 8301 1283 4568, CVC ${CVC}, the SMS code was ${ONE_TIME_CODE}.\n`
  );
}

/** Every file under `dir`, with its path relative to it. */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: relative(dir, path), text: readFileSync(path, 'utf8') };
    });
}

/** Whether `text` shows `code` as a number of its own (not as part of a longer run of digits such as a date). */
function showsCodeAlone(text: string, code: string): boolean {
  return text.split(/\D+/).includes(code);
}

describe('the evidence pack, written from the palette', function () {
  this.timeout(240_000);
  let workbench: Workbench | undefined;
  let fixture: string;

  before(async () => {
    fixture = mkdtempSync(join(tmpdir(), 'card-doctor-evidence-'));
    mkdirSync(join(fixture, 'card-failures'));
    writeFileSync(join(fixture, 'card-failures', 'journal.md'), journal());
    // A letter the person edited, with the full number pasted into it.
    writeFileSync(
      join(fixture, 'card-failures', 'appeal-2025-11-27.md'),
      `**To:** OpenAI Support\n\nHello, my card ${CARD_NUMBER} was declined when I added it.\n`,
    );
    writeFileSync(join(fixture, 'README.md'), '# Notes\n');
    workbench = await openWorkbench({ fixture, env: { TZ: 'UTC' }, viewport: { width: 1400, height: 900 } });
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, workbench?.page);
  });

  after(async () => {
    await closeWorkbench(workbench);
    rmSync(fixture, { recursive: true, force: true });
  });

  it('writes a pack that holds no card number, CVC or one-time code, and names the letter it left out', async () => {
    const { page, folder } = workbench!;
    await runCommandFromPalette(page, 'Card Doctor: Write evidence pack');
    await notification(page, /Wrote the evidence pack to card-failures\/evidence-\d{4}-\d{2}-\d{2}/).waitFor({ timeout: 60_000 });
    await notification(page, /appeal-2025-11-27\.md holds what looks like a full card number/).waitFor({ timeout: 30_000 });
    await page.locator('.tabs-container .tab.active', { hasText: 'about.md' }).waitFor({ timeout: 30_000 });

    const packs = await waitUntil(
      'the evidence folder on disk',
      () => readdirSync(join(folder, 'card-failures')).filter((name) => name.startsWith('evidence-')),
      (names) => names.length === 1,
    );
    assert.match(packs[0]!, /^evidence-\d{4}-\d{2}-\d{2}$/);
    const files = filesUnder(join(folder, 'card-failures', packs[0]!));
    const names = files.map((file) => file.path).sort();
    for (const expected of ['about.md', 'bank-phone-script.md', 'diagnosis.md', 'screenshots-checklist.md', 'timeline.md']) {
      assert.ok(names.includes(expected), `${expected} missing from ${names.join(', ')}`);
    }
    // The person's letter holding the number is not there under any name.
    assert.ok(!files.some((file) => file.text.includes('was declined when I added it')), names.join(', '));

    for (const file of files) {
      assert.ok(!showsCardNumber(file.text, CARD_NUMBER), `${file.path} shows the card number`);
      assert.ok(!showsCodeAlone(file.text, CVC), `${file.path} shows the CVC`);
      assert.ok(!showsCodeAlone(file.text, ONE_TIME_CODE), `${file.path} shows the one-time code`);
    }
    // The pack is about this attempt: its card by the last 4 digits the journal keeps.
    const timeline = files.find((file) => file.path === 'timeline.md')!.text;
    assert.ok(timeline.includes('4568'), timeline);
    await screenshot(page, 'evidence-pack');
  });
});
