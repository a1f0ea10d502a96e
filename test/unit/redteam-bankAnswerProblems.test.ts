/**
 * Red team (issue 14 round): what a crafted journal's damaged bank-answer lines make the extension
 * and the CLI say (fixed by EVIDENCE in 9a8180b). A problem's message goes to the Problems panel
 * and to `card-doctor pack`'s stderr, so it must never repeat a card number the line holds,
 * whether it sits in the version or in a field's name written as JSON escapes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBankAnswers } from '../../src/core/bankAnswer';
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

describe('red team: damaged bank answers never echo a card number', () => {
  it('a bank answer whose field is NAMED by an escaped card number: the problem names no number (bankAnswer.ts via toFieldErrors)', () => {
    const line = `<!-- card-doctor:bank-answer v1 {"answeredAt":"${TIME}","channel":"phone","sawAuthorization":"yes","declinedBy":"bank","${ESCAPED}":1} -->`;
    const { answers, problems } = parseBankAnswers(`# Journal\n\n${line}\n`);
    assert.equal(answers.length, 0);
    assert.equal(problems.length, 1);
    assert.deepEqual(longDigitRuns(problems[0]!.message), []);
  });

  it('a bank answer whose VERSION is a card number: the problem does not repeat it (bankAnswer.ts readLine)', () => {
    const { problems } = parseBankAnswers('# Journal\n\n<!-- card-doctor:bank-answer 4532015112830366 {} -->\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.line, 3);
    assert.equal(problems[0]!.message.includes('4532015112830366'), false);
  });

  describe('the CLI prints the problems on stderr', () => {
    let dir = '';
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'card-doctor-redteam-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('card-doctor pack: no card number on stderr from a bank answer whose version is one', async () => {
      const journal = join(dir, 'journal.md');
      writeFileSync(journal, `# Journal\n\n${GOOD_ENTRY}\n\n<!-- card-doctor:bank-answer 4532-0151-1283-0366 -->\n`);
      const result = await runCli(['pack', '--journal', journal, '--out', join(dir, 'out'), '--now', '2025-11-28T00:00:00Z', '--lang', 'en']);
      assert.equal(result.code, 0);
      assert.equal(result.stderr.includes('4532-0151-1283-0366'), false);
      assert.deepEqual(longDigitRuns(result.stderr), []);
    });
  });
});
