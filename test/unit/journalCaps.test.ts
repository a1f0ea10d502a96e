/**
 * The journal reader against hand-made and hostile files: over-long machine lines, copies of an
 * entry, markers quoted in code blocks, and old Mac line ends.
 */
import assert from 'node:assert/strict';
import { ENTRY_MARKER, MACHINE_LINE_LIMIT, encodeEntryLine, parseJournal, parseJournalBytes, type DatedReport } from '../../src/core/journal';

const FIRST: DatedReport = { occurredAt: '2025-11-27T10:31:00+08:00', errorMessage: 'Your card was declined.', notes: 'first' };
const SECOND: DatedReport = { occurredAt: '2025-11-28T10:31:00+08:00', errorMessage: '您的银行卡被拒绝。', notes: 'second' };
const first = encodeEntryLine(FIRST);
const second = encodeEntryLine(SECOND);

const notesOf = (text: string) => parseJournal(text).entries.map((entry) => entry.report.notes);

describe('journal reader: caps and hand-made files', () => {
  describe('a machine line longer than 64 KB', () => {
    it('is 64 KB', () => {
      assert.equal(MACHINE_LINE_LIMIT, 65_536);
    });

    it('still reads the largest entry this code writes', () => {
      // Every character of the free text a `<`, which the machine line escapes to 6 bytes.
      const largest: DatedReport = {
        occurredAt: '2025-11-27T10:31:00+08:00',
        errorMessage: '<'.repeat(4000),
        notes: '<'.repeat(2000),
        card: { issuerName: '<'.repeat(120), last4: '4242', bin: '62148300', brand: 'unionpay', kind: 'debit', issuerCountry: 'CN' },
        billing: { postalCode: '<'.repeat(16) },
      };
      const line = encodeEntryLine(largest);
      assert.ok(line.length > 36_000 && line.length < MACHINE_LINE_LIMIT, `the line is ${line.length} bytes`);
      const { entries, problems } = parseJournal(`# J\n\n${line}\n`);
      assert.deepEqual(problems, []);
      assert.equal(entries[0]!.report.errorMessage, '<'.repeat(4000));
    });

    it('is reported with its line and skipped, and the rest still read', () => {
      const long = encodeEntryLine({ ...FIRST, notes: 'x'.repeat(70_000) });
      const { entries, problems } = parseJournal(`# J\n${first}\n\n${long}\n${second}\n`);
      assert.deepEqual(problems, [{ line: 4, message: 'damaged journal entry: the line is longer than 64 KB; skipped' }]);
      assert.deepEqual(
        entries.map((entry) => [entry.line, entry.report.notes]),
        [
          [2, 'first'],
          [5, 'second'],
        ],
      );
    });

    it('of 10 MB, holding a message, nested brackets or nothing but markers, is one problem and never a throw', () => {
      const tenMb = 10 * 1024 * 1024;
      const lines = [
        `${ENTRY_MARKER}v1 {"occurredAt":"2025-11-27T10:31:00Z","report":{"errorMessage":"${'declined '.repeat(tenMb / 9)}"}} -->`,
        `${ENTRY_MARKER}v1 ${'['.repeat(tenMb)} -->`,
        `${ENTRY_MARKER}v1 ${ENTRY_MARKER.repeat(tenMb / ENTRY_MARKER.length)}`,
      ];
      for (const line of lines) {
        const { entries, problems } = parseJournalBytes(Buffer.from(`${first}\n${line}\n${second}\n`));
        assert.deepEqual(problems, [{ line: 2, message: 'damaged journal entry: the line is longer than 64 KB; skipped' }]);
        assert.deepEqual(entries.map((entry) => entry.report.notes), ['first', 'second']);
      }
    });

    it('a 10 MB line of the person’s own text is no problem at all', () => {
      const { entries, problems } = parseJournalBytes(Buffer.from(`${'<!-- '.repeat(2 * 1024 * 1024)}\n${first}\n`));
      assert.deepEqual(problems, []);
      assert.deepEqual(entries.map((entry) => entry.line), [2]);
    });
  });

  describe('a copy of an entry', () => {
    it('counts once, and the copy is reported naming the line of the one that counts', () => {
      const { entries, problems } = parseJournal(`# J\n${first}\n${second}\n\n${first}\n`);
      assert.deepEqual(entries.map((entry) => [entry.line, entry.report.notes]), [
        [2, 'first'],
        [3, 'second'],
      ]);
      assert.deepEqual(problems, [{ line: 5, message: 'duplicate of the entry at line 2; counted once' }]);
    });

    it('is a copy even with its keys in another order', () => {
      const reordered = `${ENTRY_MARKER}v1 {"report":{"notes":"first","errorMessage":"Your card was declined."},"occurredAt":"2025-11-27T10:31:00+08:00"} -->`;
      const { entries, problems } = parseJournal(`${first}\n${reordered}\n`);
      assert.equal(entries.length, 1);
      assert.deepEqual(problems, [{ line: 2, message: 'duplicate of the entry at line 1; counted once' }]);
    });

    it('is not a copy when the time or anything in the report differs', () => {
      const sameInstantOtherOffset = encodeEntryLine({ ...FIRST, occurredAt: '2025-11-27T02:31:00Z' });
      const otherNotes = encodeEntryLine({ ...FIRST, notes: 'first, again' });
      // As long as the first, so only a full comparison tells them apart.
      const sameLength = encodeEntryLine({ ...FIRST, notes: 'tsrif' });
      const { entries, problems } = parseJournal(`${first}\n${sameInstantOtherOffset}\n${otherNotes}\n${sameLength}\n${first}\n`);
      assert.deepEqual(problems, [{ line: 5, message: 'duplicate of the entry at line 1; counted once' }]);
      assert.deepEqual(entries.map((entry) => entry.line), [1, 2, 3, 4]);
    });

    it('three copies: two problems, both naming the first', () => {
      const { entries, problems } = parseJournal(`${first}\n${first}\n${first}\n`);
      assert.equal(entries.length, 1);
      assert.deepEqual(problems.map((problem) => problem.message), [
        'duplicate of the entry at line 1; counted once',
        'duplicate of the entry at line 1; counted once',
      ]);
      assert.deepEqual(problems.map((problem) => problem.line), [2, 3]);
    });
  });

  describe('a marker inside a fenced code block', () => {
    const cases: [string, string, (string | undefined)[]][] = [
      ['backticks', '```\n' + first + '\n```', []],
      ['tildes with an info string', '~~~markdown\n' + first + '\n~~~', []],
      ['a longer closing fence', '````\n' + first + '\n``````   ', []],
      ['indented up to three spaces', '   ```\n' + first + '\n  ```', []],
      ['a backtick fence is not closed by tildes', '```\n~~~\n' + first + '\n~~~\n```', []],
      ['a fence is not closed by a shorter one', '~~~~\n' + first + '\n~~~\n~~~~', []],
      ['a closing fence takes no info string', '```\n' + first + '\n``` js\n```', []],
      ['two backticks open no fence', '``\n' + first + '\n``', ['first']],
      ['four spaces in is indented code, not a fence', '    ```\n' + first + '\n    ```', ['first']],
      ['a backtick in the info string makes it inline code', '``` a`b\n' + first + '\n```', ['first']],
      ['after the fence closes, entries read again', '```\n' + first + '\n```\n' + second, ['second']],
    ];
    for (const [name, body, expected] of cases) {
      it(name, () => {
        const { entries, problems } = parseJournal(`# J\n\n${body}\n`);
        assert.deepEqual(problems, []);
        assert.deepEqual(entries.map((entry) => entry.report.notes), expected);
      });
    }

    it('a fence never closed: the entries after it are read, and the fence is reported', () => {
      const { entries, problems } = parseJournal(`# J\n\n\`\`\`\nmy code\n${first}\n${second}\n`);
      assert.deepEqual(entries.map((entry) => [entry.line, entry.report.notes]), [
        [5, 'first'],
        [6, 'second'],
      ]);
      assert.deepEqual(problems, [
        { line: 3, message: 'a code fence (``` or ~~~) opened here is never closed; the entries after it are read as entries' },
      ]);
    });

    it('a fence never closed with no entry after it is no problem', () => {
      assert.deepEqual(parseJournal(`${first}\n\`\`\`\nmy code\n`).problems, []);
    });

    it('the same inside a CRLF file', () => {
      assert.deepEqual(notesOf(`${first}\r\n\`\`\`\r\n${second}\r\n\`\`\`\r\n`), ['first']);
    });
  });

  describe('line ends', () => {
    it('reads a file with old Mac line ends (CR only), with the line numbers an editor shows', () => {
      const text = `# J\r\rnote\r${first}\r\r${second}\r`;
      const { entries, problems } = parseJournal(text);
      assert.deepEqual(problems, []);
      assert.deepEqual(entries.map((entry) => [entry.line, entry.report.notes]), [
        [4, 'first'],
        [6, 'second'],
      ]);
    });

    it('counts LF, CRLF and a lone CR as one line end each, mixed in one file', () => {
      const text = `a\r\nb\rc\n${first}\r\n\r${second}`;
      assert.deepEqual(parseJournal(text).entries.map((entry) => entry.line), [4, 6]);
    });

    it('a damaged entry in a CR-only file is reported at its own line', () => {
      const { problems } = parseJournal(`# J\r${first}\r${ENTRY_MARKER}v1 {broken -->\r`);
      assert.deepEqual(problems, [{ line: 3, message: 'damaged journal entry: not valid JSON; skipped' }]);
    });
  });
});
