/**
 * Red team (issue 14 round): what a crafted journal's damaged machine lines make the extension
 * and the CLI say. A problem's message goes to the Problems panel and to the CLI's stderr
 * (`journal list`, `pack`), so it must never repeat a card number the line holds, whether it sits
 * in the version, in a field's name, or in a JSON escape the raw text does not show as digits.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJournal } from '../../src/core/journal';
import { journalOutline } from '../../src/core/journalOutline';
import { runCli } from '../cliInProcess';

/** 4532015112830366 (Luhn-valid) as JSON escapes: the raw line shows no run of digits. */
const ESCAPED = '\\u0034\\u0035\\u0033\\u0032\\u0030\\u0031\\u0035\\u0031\\u0031\\u0032\\u0038\\u0033\\u0030\\u0033\\u0036\\u0036';
const TIME = '2025-11-27T10:31:00+08:00';
const GOOD_ENTRY = `<!-- card-doctor:entry v1 {"occurredAt":"${TIME}","report":{"errorMessage":"Your card was declined.","card":{"last4":"0366"}}} -->`;

/** Any run of 12 or more digits, spaces or dashes between them allowed: what a problem must never hold. */
function longDigitRuns(text: string): string[] {
  const runs: string[] = [];
  let digits = '';
  for (const char of text + '.') {
    if (char >= '0' && char <= '9') digits += char;
    else if (char !== ' ' && char !== '-') {
      if (digits.length >= 12) runs.push(digits);
      digits = '';
    }
  }
  return runs;
}

describe('red team: damaged journal lines never echo a card number', () => {
  it('an entry whose report has a field NAMED by an escaped card number: the problem names no number (report.ts toFieldErrors)', () => {
    const line = `<!-- card-doctor:entry v1 {"occurredAt":"${TIME}","report":{"${ESCAPED}":1,"card":{"${ESCAPED}":2}}} -->`;
    const parsed = parseJournal(`# Journal\n\n${line}\n`);
    assert.equal(parsed.problems.length, 1);
    assert.equal(parsed.problems[0]!.line, 3);
    const outline = journalOutline(`# Journal\n\n${line}\n`, 'en');
    const messages = outline.problems.map((problem) => problem.message);
    assert.equal(messages.length, 1);
    assert.deepEqual(longDigitRuns(messages[0]!), []);
  });

  it('an entry whose VERSION is a 12-digit Luhn-valid number: the problem does not repeat it (journal.ts unknown-version)', () => {
    const parsed = parseJournal('# Journal\n\n<!-- card-doctor:entry 453201511285 {} -->\n');
    assert.equal(parsed.problems.length, 1);
    const outline = journalOutline('# Journal\n\n<!-- card-doctor:entry 453201511285 {} -->\n', 'en');
    assert.equal(outline.problems[0]!.message.includes('453201511285'), false);
  });

  describe('the CLI prints the problems on stderr', () => {
    let dir = '';
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'card-doctor-redteam-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('card-doctor journal list: no card number on stderr from an entry with a field named by one', async () => {
      const journal = join(dir, 'journal.md');
      writeFileSync(journal, `# Journal\n\n${GOOD_ENTRY}\n\n<!-- card-doctor:entry v1 {"occurredAt":"${TIME}","report":{"${ESCAPED}":1}} -->\n`);
      const result = await runCli(['journal', 'list', '--journal', journal]);
      assert.equal(result.code, 0);
      assert.deepEqual(longDigitRuns(result.stderr), []);
    });
  });
});
