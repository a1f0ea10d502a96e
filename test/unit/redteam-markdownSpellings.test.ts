/**
 * Red team (issue 14 round): letters and the journal are Markdown, and the editor opens a letter
 * with its preview. A card number typed with Markdown's backslash escapes, HTML entities or
 * inline tags between its digit groups is kept as typed today, and the preview (or any Markdown
 * reader) shows the full number: "4532\-0151\-1283\-0366" renders as 4532-0151-1283-0366,
 * "4532&nbsp;0151&nbsp;1283&nbsp;0366" as 4532 0151 1283 0366.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redactSecrets } from '../../src/core/redact';
import { parseReport } from '../../src/core/report';
import { runCli } from '../cliInProcess';

const SPELLINGS = [
  '4532\\-0151\\-1283\\-0366',
  '4532&nbsp;0151&nbsp;1283&nbsp;0366',
  '4532 0151 <b>1283</b> 0366',
  '4532 0151 &#49;&#50;&#56;&#51; 0366',
  '4532 0151 [1283](#) 0366',
];

describe('red team: card numbers spelt with Markdown or HTML between the groups', () => {
  for (const spelling of SPELLINGS) {
    it(`a report's notes "typed ${spelling}" keep no middle group`, () => {
      const parsed = parseReport({ notes: `typed ${spelling}`, card: { last4: '0366' } });
      assert.equal(parsed.ok, true);
      const notes = parsed.ok ? (parsed.report.notes ?? '') : '';
      assert.equal(notes.includes('0151'), false, notes);
    });
  }

  it('redaction reads each spelling as the preview shows it, and masks the number where it was typed', () => {
    assert.equal(redactSecrets('card 4532\\-0151\\-1283\\-0366 ok'), 'card •••• 0366 ok');
    assert.equal(redactSecrets('card 4532&nbsp;0151&nbsp;1283&nbsp;0366'), 'card •••• 0366');
    assert.equal(redactSecrets('card 4532&#x20;0151&#x20;1283&#x20;0366 ok'), 'card •••• 0366 ok');
    // A reference to nothing printable (NUL) or beyond the basic plane reads as a gap between groups.
    assert.equal(redactSecrets('card 4532&#128512;0151&#0;1283 0366 ok'), 'card •••• 0366 ok');
    assert.equal(redactSecrets('card 4532 0151 <b>1283</b> 0366'), 'card •••• 0366');
    assert.equal(redactSecrets('card 4532 0151 [1283](#) 0366'), 'card •••• 0366');
    assert.equal(redactSecrets('card 4532 0151 &#49;&#50;&#56;&#51; 0366'), 'card •••• 0366');
    // Astral digits (mathematical bold) are still digits, not dropped like a tag.
    assert.equal(redactSecrets('\u{1d7d2}\u{1d7d3}\u{1d7d1}\u{1d7d0} 0151 1283 0366'), '•••• 0366');
  });

  it('the same marks around text that is no card number are kept as written', () => {
    assert.equal(redactSecrets('a \\- b [x](y) <b>t</b> &nbsp; &#49; 12'), 'a \\- b [x](y) <b>t</b> &nbsp; &#49; 12');
  });

  describe('card-doctor render appeal', () => {
    let dir = '';
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'card-doctor-redteam-md-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('writes no letter whose preview shows 4532-0151-1283-0366', async () => {
      const report = join(dir, 'report.json');
      writeFileSync(report, JSON.stringify({ errorMessage: 'Your card 4532\\-0151\\-1283\\-0366 was declined.', card: { last4: '0366' } }));
      const result = await runCli(['render', 'appeal', report, '--lang', 'en', '--now', '2025-11-28T00:00:00Z']);
      assert.equal(result.code, 0);
      assert.equal(result.stdout.includes('0151'), false);
    });
  });
});
