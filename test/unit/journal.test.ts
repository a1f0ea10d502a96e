import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Lang } from '../../src/core/catalogue';
import {
  cardText,
  ENTRY_MARKER,
  fieldsHoldingSecrets,
  findRecordedAttempt,
  formatJournalEntry,
  journalHeader,
  parseJournal,
  parseJournalBytes,
  type DatedReport,
} from '../../src/core/journal';
import { parseReport } from '../../src/core/report';
import { reportArbitrary } from '../arbitraries';

const LANGS: readonly Lang[] = ['en', 'zh-cn'];
const FALLBACK_TIME = '2025-11-27T12:00:00Z';

function dated(input: unknown): DatedReport {
  const parsed = parseReport(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { ...parsed.report, occurredAt: parsed.report.occurredAt ?? FALLBACK_TIME };
}

/** Drops keys whose value is undefined, which JSON (and so the journal) cannot hold. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Reports oldest first, equal times in their original order: what the journal must give back. */
function oldestFirst(reports: readonly DatedReport[]): DatedReport[] {
  return reports
    .map((report, index) => ({ report, index, time: Date.parse(report.occurredAt) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map((item) => item.report);
}

function journalOf(reports: readonly DatedReport[], lang: Lang): string {
  return journalHeader(lang) + reports.map((report) => formatJournalEntry(report, lang)).join('');
}

function isMachineLine(line: string): boolean {
  return line.trimStart().startsWith(ENTRY_MARKER);
}

/** Lines as the reader (and an editor) counts them: LF, CRLF and a lone CR each end one. */
function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** A line that opens or closes a fenced code block, inside which a marker is not an entry. */
function isFenceLine(line: string): boolean {
  return /^ {0,3}(?:```|~~~)/.test(line);
}

/** Keys sorted, so reports equal but for key order compare equal: the reader's idea of a copy. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${sortedJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Distinct reports: the journal counts an identical entry once (see journalCaps.test.ts). */
const distinctReports = (maxLength: number, minLength = 0) =>
  fc.uniqueArray(reportArbitrary, { minLength, maxLength, selector: (input) => sortedJson(plain(dated(input))) });

const UNIONPAY = {
  occurredAt: '2025-11-27T10:31:00+08:00',
  product: 'chatgpt-web',
  errorMessage: 'Your card was declined.',
  card: { kind: 'debit', brand: 'unionpay', bin: '62148300', last4: '4242', issuerName: '招商银行', issuerCountry: 'CN' },
};

/** Lines a person might type: Markdown, Chinese, lookalike headings, half comments, near-markers. */
const handLine = fc.oneof(
  fc.constantFrom(
    '',
    '   ',
    '## 2025-11-27 10:31 UTC+08:00 · ChatGPT (web)',
    '# 我的绑卡记录',
    '### 银行回复',
    '- Error: “made up by hand”',
    '- 卡片：我自己加的一行',
    '银行客服说明天再试，我等到了第二天。',
    '> 引用：请勿频繁换卡',
    '<!-- my own comment -->',
    '<!--',
    '-->',
    '`` two backticks are no fence',
    '~~ nor are two tildes',
    '| time | what |',
    '---',
    '<!-- card-doctor:entry',
    'see the line <!-- card-doctor:entry v1 {} --> above',
    '\t* nested item',
  ),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
).filter((text) => !linesOf(text).some((line) => isMachineLine(line) || isFenceLine(line)));

type Edit = { kind: 'insert' | 'replace' | 'delete'; at: number; text: string };

const editArbitrary: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'insert', 'replace', 'delete'),
  at: fc.nat(),
  text: handLine,
});

/** Applies edits at line boundaries; the person's lines change, machine lines never do. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  const lines = text.split('\n');
  for (const edit of edits) {
    if (edit.kind === 'insert') {
      lines.splice(edit.at % (lines.length + 1), 0, edit.text);
      continue;
    }
    const human = lines.map((line, index) => (isMachineLine(line) ? -1 : index)).filter((index) => index >= 0);
    if (human.length === 0) continue;
    const index = human[edit.at % human.length]!;
    if (edit.kind === 'replace') lines[index] = edit.text;
    else lines.splice(index, 1);
  }
  return lines.join('\n');
}

describe('journal format', () => {
  describe('header', () => {
    for (const lang of LANGS) {
      it(`says what the file is and holds no entry (${lang})`, () => {
        const header = journalHeader(lang);
        assert.match(header, /^# .+\n\n.+\n$/);
        assert.ok(header.includes('<!-- card-doctor:entry … -->'), 'names the lines to leave alone');
        assert.deepEqual(parseJournal(header), { entries: [], problems: [] });
      });
    }
  });

  describe('an entry', () => {
    it('reads as a note in English: time, product, error, masked card, diagnosis', () => {
      const entry = formatJournalEntry(dated(UNIONPAY), 'en');
      assert.equal(
        entry.slice(0, entry.indexOf(ENTRY_MARKER)),
        '\n## 2025-11-27 10:31 UTC+08:00 · ChatGPT (web)\n\n' +
          '- Error: “Your card was declined.”\n' +
          '- Card: UnionPay debit •••• 4242 · 招商银行 · China\n' +
          '- Possible causes: Region not supported (likely); International online payments blocked (likely)\n\n',
      );
    });

    it('reads as a note in Chinese', () => {
      const entry = formatJournalEntry(dated({ ...UNIONPAY, notes: '第二次\n换了节点' }), 'zh-cn');
      assert.ok(entry.includes('## 2025-11-27 10:31 UTC+08:00 · ChatGPT 网页版\n'));
      assert.ok(entry.includes('- 错误：“Your card was declined.”\n'));
      assert.ok(entry.includes('- 卡片：银联借记卡 •••• 4242 · 招商银行 · 中国\n'));
      assert.ok(entry.includes('- 可能原因：地区不受支持（可能性较高）'));
      assert.ok(entry.includes('- 备注：第二次 换了节点\n'), 'free text on one line');
    });

    it('starts with a blank line, ends with its machine line and a newline', () => {
      const entry = formatJournalEntry(dated(UNIONPAY), 'en');
      assert.ok(entry.startsWith('\n## '));
      const lines = entry.split('\n');
      assert.equal(lines.at(-1), '');
      assert.ok(lines.at(-2)!.startsWith(`${ENTRY_MARKER}v1 {`));
      assert.ok(lines.at(-2)!.endsWith('} -->'));
      assert.equal(lines.filter(isMachineLine).length, 1);
    });

    it('says so when nothing stands out', () => {
      const entry = formatJournalEntry(dated({ occurredAt: '2025-11-27T02:31:00Z' }), 'en');
      assert.ok(entry.includes('## 2025-11-27 02:31 UTC+00:00\n'));
      assert.ok(entry.includes('- Possible causes: nothing specific stands out yet\n'));
    });

    it('cannot end its comment or open another, whatever the text holds', () => {
      const tricky = 'a --> b <!-- c --!> d --- e <script> \u2028 f \u2029 g -';
      const report = dated({ ...UNIONPAY, errorMessage: tricky, notes: `x\n${ENTRY_MARKER}v1 {} -->\n-->` });
      const entry = formatJournalEntry(report, 'en');
      const machine = entry.split('\n').filter(isMachineLine);
      assert.equal(machine.length, 1, 'free text never starts a machine line');
      const json = machine[0]!.slice(ENTRY_MARKER.length + 3, -' -->'.length);
      assert.doesNotMatch(json, /--|[<>\u2028\u2029]/);
      assert.doesNotMatch(entry.split('\n').filter((line) => !isMachineLine(line)).join('\n'), /<!--/);
      assert.deepEqual(plain(parseJournal(journalHeader('en') + entry).entries.map((e) => e.report)), plain([report]));
    });
  });

  describe('reading back', () => {
    it('round-trips random reports exactly, oldest first, in either language', () => {
      fc.assert(
        fc.property(distinctReports(8), fc.constantFrom(...LANGS), (inputs, lang) => {
          const reports = inputs.map(dated);
          const { entries, problems } = parseJournal(journalOf(reports, lang));
          assert.deepEqual(problems, []);
          assert.deepEqual(plain(entries.map((entry) => entry.report)), plain(oldestFirst(reports)));
          for (const entry of entries) {
            assert.equal(entry.occurredAt, entry.report.occurredAt);
            const again = parseReport(entry.report);
            assert.ok(again.ok);
            assert.deepEqual(plain(again.report), plain(entry.report), 'a read report is already clean');
          }
        }),
        { numRuns: 200 },
      );
    });

    it('gives each entry the 1-based line of its machine line', () => {
      const text = journalOf([dated(UNIONPAY), dated({ ...UNIONPAY, occurredAt: '2025-11-28T09:00:00+08:00' })], 'en');
      const lines = text.split('\n');
      const expected = lines.map((line, index) => (isMachineLine(line) ? index + 1 : 0)).filter(Boolean);
      assert.deepEqual(parseJournal(text).entries.map((entry) => entry.line), expected);
    });

    it('orders by instant across offsets, and keeps file order for equal instants', () => {
      const late = dated({ occurredAt: '2025-11-27T10:00:00+08:00', notes: 'late' }); // 02:00Z
      const early = dated({ occurredAt: '2025-11-27T01:30:00Z', notes: 'early' });
      const sameA = dated({ occurredAt: '2025-11-27T03:00:00Z', notes: 'same A' });
      const sameB = dated({ occurredAt: '2025-11-27T11:00:00+08:00', notes: 'same B' }); // 03:00Z
      const { entries } = parseJournal(journalOf([late, sameA, early, sameB], 'en'));
      assert.deepEqual(entries.map((entry) => entry.report.notes), ['early', 'late', 'same A', 'same B']);
    });

    it('keeps every entry through random hand edits between and inside entries', () => {
      fc.assert(
        fc.property(
          distinctReports(5, 1),
          fc.constantFrom(...LANGS),
          fc.array(editArbitrary, { maxLength: 25 }),
          (inputs, lang, edits) => {
            const reports = inputs.map(dated);
            const edited = applyEdits(journalOf(reports, lang), edits);
            const { entries, problems } = parseJournal(edited);
            assert.deepEqual(problems, []);
            assert.deepEqual(plain(entries.map((entry) => entry.report)), plain(oldestFirst(reports)));
            const lines = linesOf(edited);
            for (const entry of entries) assert.ok(isMachineLine(lines[entry.line - 1]!), `line ${entry.line} is a machine line`);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('reads a journal an editor saved with CRLF line ends, a BOM, or indented machine lines', () => {
      const reports = [dated(UNIONPAY), dated({ ...UNIONPAY, occurredAt: '2025-11-28T09:00:00+08:00' })];
      const text = journalOf(reports, 'zh-cn');
      for (const variant of ['\uFEFF' + text.replace(/\n/g, '\r\n'), text.replace(/\n<!--/g, '\n  <!--')]) {
        const { entries, problems } = parseJournal(variant);
        assert.deepEqual(problems, []);
        assert.deepEqual(plain(entries.map((entry) => entry.report)), plain(reports));
      }
    });

    it('reads a file’s bytes without decoding the person’s text, which may not even be UTF-8', () => {
      const reports = [dated(UNIONPAY), dated({ ...UNIONPAY, occurredAt: '2025-11-28T09:00:00+08:00', notes: '第二次' })];
      const text = journalOf(reports, 'zh-cn');
      const lines = text.split('\n');
      const machine = lines.map((line, index) => (isMachineLine(line) ? index + 1 : 0)).filter(Boolean);
      // A note pasted in GBK (银行 = D2 F8 D0 D0) and a stray invalid byte, each on a line of its own before each entry.
      const gbkNote = Buffer.from([0xd2, 0xf8, 0xd0, 0xd0, 0x20, 0xff, 0xfe]);
      const parts: Buffer[] = [];
      lines.forEach((line, index) => {
        if (isMachineLine(line)) parts.push(gbkNote, Buffer.from('\n'));
        parts.push(Buffer.from(line + (index < lines.length - 1 ? '\n' : '')));
      });
      const { entries, problems } = parseJournalBytes(Buffer.concat(parts));
      assert.deepEqual(problems, []);
      assert.deepEqual(plain(entries.map((entry) => entry.report)), plain(reports));
      assert.deepEqual(entries.map((entry) => entry.line), machine.map((line, index) => line + index + 1));
    });

    it('reads a machine line at the very start of a file, with or without a byte-order mark', () => {
      const entry = formatJournalEntry(dated(UNIONPAY), 'en').split('\n').find(isMachineLine)!;
      for (const prefix of ['', '\uFEFF', ' \t']) {
        const { entries, problems } = parseJournalBytes(Buffer.from(`${prefix}${entry}\nmy note\n`));
        assert.deepEqual(problems, []);
        assert.deepEqual(entries.map((item) => item.line), [1]);
      }
      assert.equal(parseJournalBytes(Buffer.from(`x${entry}\n`)).entries.length, 0, 'text before the marker makes it a quote');
    });

    it('cleans a machine line edited by hand, as it cleans any input', () => {
      const line = formatJournalEntry(dated(UNIONPAY), 'en').split('\n').find(isMachineLine)!;
      const edited = line.replace('"issuerCountry":"CN"', '"issuerCountry":" cn "').replace('"Your card was declined."', '"declined, card 4242 4242 4242 4242 "');
      const { entries, problems } = parseJournal(`${journalHeader('en')}\n${edited}\n`);
      assert.deepEqual(problems, []);
      assert.equal(entries[0]!.report.card?.issuerCountry, 'CN');
      assert.equal(entries[0]!.report.errorMessage, 'declined, card •••• 4242');
    });

    it('ignores a marker quoted inside a sentence', () => {
      const text = `${journalHeader('en')}\nI copied this: ${ENTRY_MARKER}v1 {"occurredAt":"x"} -->\n`;
      assert.deepEqual(parseJournal(text), { entries: [], problems: [] });
    });
  });

  describe('damaged entries are reported with their line and skipped, the rest still read', () => {
    const damages: [string, (line: string) => string, RegExp][] = [
      ['JSON cut short, as by an interrupted write', (line) => line.slice(0, 60), /does not end with -->/],
      ['broken JSON', (line) => line.replace('{"occurredAt"', '{occurredAt'), /not valid JSON/],
      ['a field the schema rejects', (line) => line.replace('"last4":"4242"', '"last4":"42x"'), /card\.last4: expected 4 digits/],
      ['an unknown field', (line) => line.replace('"product"', '"prodcut"'), /prodcut: unknown field/],
      ['no occurredAt', (line) => line.replace('"occurredAt":"2025-11-27T10:31:00+08:00",', ''), /occurredAt is missing/],
      ['a time without offset', (line) => line.replace('10:31:00+08:00', '10:31:00'), /occurredAt: expected an ISO 8601/],
      ['a report that is not an object', (line) => line.replace(/"report":\{.*\}\} -->$/, '"report":[1]} -->'), /report: expected an object/],
      ['an unknown version', (line) => line.replace(' v1 ', ' v9 '), /unknown version \(v9\)/],
    ];
    for (const [name, damage, message] of damages) {
      it(name, () => {
        const before = dated({ ...UNIONPAY, occurredAt: '2025-11-26T10:31:00+08:00', notes: 'before' });
        const after = dated({ ...UNIONPAY, occurredAt: '2025-11-28T10:31:00+08:00', notes: 'after' });
        const lines = journalOf([before, dated(UNIONPAY), after], 'en').split('\n');
        const machine = lines.map((line, index) => (isMachineLine(line) ? index : -1)).filter((index) => index >= 0);
        const damaged = machine[1]!;
        lines[damaged] = damage(lines[damaged]!);
        const { entries, problems } = parseJournal(lines.join('\n'));
        assert.equal(problems.length, 1);
        assert.equal(problems[0]!.line, damaged + 1);
        assert.match(problems[0]!.message, message);
        assert.deepEqual(entries.map((entry) => entry.report.notes), ['before', 'after']);
        assert.deepEqual(entries.map((entry) => entry.line), [machine[0]! + 1, machine[2]! + 1]);
      });
    }

    it('never echoes the damaged content, which may be the person’s data', () => {
      const text = `${ENTRY_MARKER}v1 {"occurredAt":"2025-11-27T10:31:00Z","report":{"card":{"bin":"secret-ish 4242"}}} -->\n`;
      const { problems } = parseJournal(text);
      assert.equal(problems.length, 1);
      assert.doesNotMatch(problems[0]!.message, /secret-ish|4242/);
    });
  });

  it('names the free-text fields of an unvalidated report that hold a card number', () => {
    // Built by hand, not through parseReport, which would have masked it: the guard is for such callers.
    const report = { occurredAt: FALLBACK_TIME, notes: 'card 4242 4242\n4242 4242', errorMessage: 'declined', card: { issuerName: 'Bank' } } as DatedReport;
    assert.deepEqual(fieldsHoldingSecrets(report), ['notes']);
    assert.deepEqual(fieldsHoldingSecrets(dated(UNIONPAY)), []);
  });
});

describe('findRecordedAttempt: the journal entry that is the same attempt', () => {
  const entry = dated({
    occurredAt: '2025-11-27T10:31:00+08:00',
    errorMessage: 'Your card was declined.',
    card: { brand: 'unionpay', bin: '62148300', last4: '4242' },
  });
  const other = dated({ occurredAt: '2025-11-27T09:00:00+08:00', errorMessage: 'Your card was declined.', card: { last4: '4242' } });
  const history = [other, entry];

  it('finds the entry at the same instant written with another offset', () => {
    const report = dated({ occurredAt: '2025-11-27T02:31:00Z', errorMessage: 'Your card was declined.', card: { last4: '4242' } });
    assert.equal(findRecordedAttempt(report, history), entry);
  });

  it('reads the message through the recognizer’s normalisation: case, width, spacing and line breaks', () => {
    const report = dated({ occurredAt: '2025-11-27T10:31:00+08:00', errorMessage: '  YOUR  card\nwas declined．', card: { bin: '621483', last4: '4242' } });
    // Full-width full stop folds to "." by NFKC.
    assert.equal(findRecordedAttempt(report, history), entry);
  });

  it('a fact only one side gives does not tell them apart; the shorter first digits are a prefix of the longer', () => {
    const report = dated({ occurredAt: '2025-11-27T10:31:00+08:00', errorMessage: 'Your card was declined.', card: { bin: '621483' } });
    assert.equal(findRecordedAttempt(report, history), entry);
  });

  it('another minute, another card or another message is another attempt', () => {
    const base = { errorMessage: 'Your card was declined.', card: { brand: 'unionpay', last4: '4242' } };
    assert.equal(findRecordedAttempt(dated({ ...base, occurredAt: '2025-11-27T10:32:00+08:00' }), history), undefined);
    assert.equal(findRecordedAttempt(dated({ ...base, occurredAt: '2025-11-27T10:31:00+08:00', card: { last4: '1881' } }), history), undefined);
    assert.equal(findRecordedAttempt(dated({ ...base, occurredAt: '2025-11-27T10:31:00+08:00', card: { brand: 'visa', last4: '4242' } }), history), undefined);
    assert.equal(findRecordedAttempt(dated({ ...base, occurredAt: '2025-11-27T10:31:00+08:00', card: { bin: '622848' } }), history), undefined);
    assert.equal(findRecordedAttempt(dated({ ...base, occurredAt: '2025-11-27T10:31:00+08:00', errorMessage: 'Your card has insufficient funds.' }), history), undefined);
    assert.equal(findRecordedAttempt(dated({ ...base, occurredAt: '2025-11-27T10:31:00+08:00', errorMessage: undefined }), history), undefined);
  });

  it('a brand read from the first digits counts against a stated one', () => {
    // 4111 11 is a Visa range; the entry says UnionPay.
    const report = dated({ occurredAt: '2025-11-27T10:31:00+08:00', errorMessage: 'Your card was declined.', card: { bin: '411111' } });
    assert.equal(findRecordedAttempt(report, [entry]), undefined);
  });

  it('two reports with neither message nor card at the same instant are the same attempt; a report with no time matches nothing', () => {
    const bare = dated({ occurredAt: '2025-11-27T12:00:00Z', product: 'chatgpt-web' });
    assert.equal(findRecordedAttempt(dated({ occurredAt: '2025-11-27T12:00:00.000Z' }), [bare]), bare);
    const parsed = parseReport({ errorMessage: 'Your card was declined.' });
    assert.ok(parsed.ok);
    assert.equal(findRecordedAttempt(parsed.report, [bare, entry]), undefined);
  });
});

describe('cardText', () => {
  it('spaces a Latin brand from the Chinese kind, and writes a Chinese brand and kind as one word', () => {
    const visa = { card: { brand: 'visa', kind: 'credit', last4: '1111' } } as const;
    const unionPay = { card: { brand: 'unionpay', kind: 'debit', last4: '2222' } } as const;
    assert.equal(cardText(visa as never, 'zh-cn'), 'Visa 信用卡 •••• 1111');
    assert.equal(cardText(unionPay as never, 'zh-cn'), '银联借记卡 •••• 2222');
    assert.equal(cardText(visa as never, 'en'), 'Visa credit •••• 1111');
  });
});
