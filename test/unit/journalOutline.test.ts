/**
 * The journal as an editor shows it (core/journalOutline.ts): entries with their first line,
 * lenses' words, folds, outline names, hovers, problems in the reader's language, and the card
 * numbers and codes a person typed, each with the masked text that replaces it in place. Every
 * expected value is written out.
 */
import assert from 'node:assert/strict';
import { encodeEntryLine, formatJournalEntry, journalHeader, journalProblemText, parseJournal, type DatedReport } from '../../src/core/journal';
import { bankAnswerToWrite, type BankAnswer } from '../../src/core/bankAnswer';
import { entryHover, hoverAt, journalOutline, outlineWords, OUTLINE_ENTRY_LIMIT, OUTLINE_PARSE_LIMIT, OUTLINE_TEXT_LIMIT, SECRET_FINDING_LIMIT, SECRET_LINE_LIMIT, SECRET_SCAN_LIMIT } from '../../src/core/journalOutline';
import { installTraditionalTable } from '../l10nFiles';

const FIRST: DatedReport = {
  occurredAt: '2025-11-27T10:31:00+08:00',
  product: 'chatgpt-web',
  errorMessage: 'Your card was declined.',
  card: { brand: 'unionpay', kind: 'debit', last4: '4242', issuerCountry: 'CN' },
  notes: 'tried twice',
};
const SECOND: DatedReport = { occurredAt: '2025-11-28T09:02:00+08:00', errorMessage: '卡片无效', card: { brand: 'visa', kind: 'virtual', last4: '1881' } };

/**
 * Lines 1–3 header, 4 blank, 5 heading, 6–11 the human part, 12 machine line, 13–14 the person's
 * note (a card number over two lines), 15 a CVC, 16 blank, 17 heading of the second entry, 23 its
 * machine line, 24 a damaged machine line.
 */
const JOURNAL =
  journalHeader('en') +
  formatJournalEntry(FIRST, 'en') +
  'paid with 4242 4242\n4242 4242 at the shop\nbank said CVC 123 was fine\n' +
  formatJournalEntry(SECOND, 'en') +
  '<!-- card-doctor:entry v1 {"occurredAt": 1} -->\n';

describe('journal outline (the journal as a document)', () => {
  it('finds each entry from its heading to its machine line, named by time and card (last 4 only)', () => {
    const outline = journalOutline(JOURNAL, 'en');
    assert.deepEqual(
      outline.entries.map(({ startLine, machineLine, name, detail }) => ({ startLine, machineLine, name, detail })),
      [
        { startLine: 5, machineLine: 12, name: '2025-11-27 10:31 UTC+08:00 · UnionPay debit •••• 4242', detail: 'ChatGPT (web)' },
        { startLine: 17, machineLine: 23, name: '2025-11-28 09:02 UTC+08:00 · Visa virtual •••• 1881', detail: '' },
      ],
    );
    assert.equal(outline.entries[0]!.entry.report.notes, 'tried twice');
  });

  it('folds each entry and, inside it, the machine line into the blank line above', () => {
    assert.deepEqual(journalOutline(JOURNAL, 'en').folds, [
      { start: 5, end: 12, kind: 'region' },
      { start: 11, end: 12, kind: 'comment' },
      { start: 17, end: 23, kind: 'region' },
      { start: 22, end: 23, kind: 'comment' },
    ]);
  });

  it('gives an entry without a heading its machine line as first line, and folds that into the line above', () => {
    const text = `# J\nnote\n${encodeEntryLine(SECOND)}\n${encodeEntryLine(FIRST)}\n`;
    const outline = journalOutline(text, 'en');
    assert.deepEqual(
      outline.entries.map(({ startLine, machineLine }) => ({ startLine, machineLine })),
      [
        { startLine: 3, machineLine: 3 },
        { startLine: 4, machineLine: 4 },
      ],
    );
    // Line 3 is the entry before: the second machine line does not fold into it.
    assert.deepEqual(outline.folds, [{ start: 2, end: 3, kind: 'comment' }]);
  });

  it('names an entry without a card by its time alone', () => {
    const outline = journalOutline(`${encodeEntryLine({ occurredAt: '2025-11-27T02:31:00Z' })}\n`, 'en');
    assert.equal(outline.entries[0]!.name, '2025-11-27 02:31 UTC+00:00');
  });

  it('reports a damaged machine line at its line, in the reader’s language', () => {
    assert.deepEqual(journalOutline(JOURNAL, 'en').problems, [{ line: 24, message: 'damaged journal entry: occurredAt is missing; skipped', severity: 'error' }]);
    assert.deepEqual(journalOutline(JOURNAL, 'zh-cn').problems, [{ line: 24, message: '这条记录已损坏：缺少 occurredAt（绑卡时间），已跳过', severity: 'error' }]);
  });

  it('finds a card number across a line break, and then masks the block it is in as one (its CVC line too), so no fix overlaps another', () => {
    assert.deepEqual(journalOutline(JOURNAL, 'en').secrets, [
      {
        startLine: 13,
        startColumn: 10,
        endLine: 15,
        endColumn: 17,
        card: true,
        code: true,
        replacement: '•••• 4242 at the shop\nbank said CVC •••',
        message: 'This text holds a full card number and a CVC or one-time code. Mask it: the journal goes into letters and to support, and must never hold one.',
      },
    ]);
  });

  it('gives each line its own finding when no number runs across a line break', () => {
    const text = '# J\n\npaid with 4242 4242 4242 4242\nbank said CVC 123 was fine\n';
    assert.deepEqual(
      journalOutline(text, 'en').secrets.map(({ startLine, startColumn, endLine, endColumn, replacement }) => [startLine, startColumn, endLine, endColumn, replacement]),
      [
        [3, 10, 3, 24, '••••'],
        [4, 14, 4, 17, '•••'],
      ],
    );
  });

  it('finds a card number on one line, keeping its last 4, and says both when a line holds a card and a code', () => {
    const [card, both] = journalOutline('# J\n\ncard 4242-4242-4242-4242 here\n\nCVC 123, card 4242424242424242\n', 'zh-cn').secrets;
    assert.deepEqual(card, {
      startLine: 3,
      startColumn: 5,
      endLine: 3,
      endColumn: 20,
      card: true,
      code: false,
      replacement: '•••• ',
      message: '这段文字看起来包含完整的卡号。请遮盖：失败日志的内容会写进信件并交给客服，其中不应出现这些信息。',
    });
    assert.deepEqual(both, {
      startLine: 5,
      startColumn: 4,
      endLine: 5,
      endColumn: 26,
      card: true,
      code: true,
      replacement: '•••, card •••• ',
      message: '这段文字看起来包含完整的卡号以及 CVC 或一次性验证码。请遮盖：失败日志的内容会写进信件并交给客服，其中不应出现这些信息。',
    });
  });

  it('marks at most 200 secrets, and says where it stopped', () => {
    assert.equal(SECRET_FINDING_LIMIT, 200);
    const text = `# J\n${Array.from({ length: 201 }, () => 'card 4242 4242 4242 4242').join('\n')}\n`;
    const outline = journalOutline(text, 'en');
    assert.equal(outline.secrets.length, 200);
    assert.equal(outline.secrets[199]!.startLine, 201);
    assert.deepEqual(outline.problems, [
      { line: 202, message: 'More than 200 card numbers or codes: from here on they are not marked. Mask the ones above, and the rest will show.', severity: 'information' },
    ]);
  });

  it('finds a number written across the line break where a long block of notes is cut', () => {
    // 64 lines of 1,000 characters and one of 1,465 fill the first 64 KB block; the next line starts the second.
    const lines = [...Array.from({ length: 64 }, () => 'x'.repeat(1000)), `${'x'.repeat(1450)} card 4242 4242`, '4242 4242 end'];
    const outline = journalOutline(lines.join('\n'), 'en');
    assert.deepEqual(
      outline.secrets.map(({ startLine, startColumn, endLine, endColumn, replacement }) => [startLine, startColumn, endLine, endColumn, replacement]),
      [[65, 1456, 66, 4, '••••']],
    );
  });

  it('leaves dates, times, amounts and the masked last 4 alone', () => {
    const text = `${journalHeader('zh-cn')}${formatJournalEntry(FIRST, 'zh-cn')}2025-11-27 10:31 付了 1.00 USD，卡 •••• 4242\n`;
    assert.deepEqual(journalOutline(text, 'zh-cn').secrets, []);
  });

  it('does not check a line over 64 KB, and says so at that line (a long machine line is the parser’s to report)', () => {
    assert.equal(SECRET_LINE_LIMIT, 65_536);
    const long = `4242 4242 4242 4242 ${'x'.repeat(70_000)}`;
    const longEntry = encodeEntryLine({ ...FIRST, notes: 'y'.repeat(70_000) });
    const outline = journalOutline(`# J\n${long}\n${longEntry}\n`, 'en');
    assert.deepEqual(outline.secrets, []);
    assert.deepEqual(outline.problems, [
      { line: 2, message: 'This line is longer than 64 KB, so it was not checked for card numbers or codes.', severity: 'information' },
      { line: 3, message: 'damaged journal entry: the line is longer than 64 KB; skipped', severity: 'error' },
    ]);
  });

  it('reads entries from the first 1 MB only, and around a 10 MB line of digits and a 10 MB machine line after it, saying so', () => {
    assert.equal(OUTLINE_PARSE_LIMIT, 1_048_576);
    const digits = '4242 '.repeat(2 * 1024 * 1024);
    const machine = `<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:31:00+08:00","report":{"notes":"${'7'.repeat(10 * 1024 * 1024)}"}} -->`;
    const outline = journalOutline(`${encodeEntryLine(SECOND)}\n${digits}\n${machine}\n${encodeEntryLine(FIRST)}\n`, 'en');
    assert.deepEqual(
      outline.entries.map((entry) => entry.machineLine),
      [1],
    );
    assert.deepEqual(outline.problems, [
      { line: 2, message: 'The journal is longer than 1 MB: entries from this line on have no lenses, outline or hover here, and a damaged one is not reported.', severity: 'information' },
      { line: 2, message: 'This line is longer than 64 KB, so it was not checked for card numbers or codes.', severity: 'information' },
    ]);
  });

  it('does not read a journal over 32 M characters at all, and says so at its first line', () => {
    assert.equal(OUTLINE_TEXT_LIMIT, 33_554_432);
    const outline = journalOutline(`${encodeEntryLine(SECOND)}\n${'x'.repeat(OUTLINE_TEXT_LIMIT)}`, 'zh-cn');
    assert.deepEqual(outline, {
      entries: [],
      answers: [],
      secrets: [],
      folds: [],
      problems: [{ line: 1, message: '失败日志超过 32 MB，绑卡医生不在编辑器中读取它：没有操作按钮和大纲，也不检查卡号。', severity: 'information' }],
    });
  });

  it('stops checking after 2 MB of text and says where', () => {
    assert.equal(SECRET_SCAN_LIMIT, 2_097_152);
    // 17 lines of 60,000 characters (and their line breaks) fit in 1 MB, 34 in 2 MB.
    const lines = Array.from({ length: 40 }, () => 'x'.repeat(60_000));
    lines[38] = 'card 4242 4242 4242 4242';
    const outline = journalOutline(lines.join('\n'), 'zh-cn');
    assert.deepEqual(outline.secrets, []);
    assert.deepEqual(outline.problems, [
      { line: 18, message: '失败日志超过 1 MB：从这一行起的记录在编辑器中没有操作按钮、大纲和悬停说明，损坏的记录也不会报告。', severity: 'information' },
      { line: 35, message: '失败日志超过 2 MB：从这一行起，未检查是否有卡号或一次性验证码。', severity: 'information' },
    ]);
  });

  it('gives the first 1000 entries lenses, folds and symbols, and says so at the next', () => {
    assert.equal(OUTLINE_ENTRY_LIMIT, 1000);
    const start = Date.parse('2025-01-01T00:00:00Z');
    const lines = ['# J'];
    for (let index = 0; index < 1001; index++) lines.push(encodeEntryLine({ occurredAt: new Date(start + index * 60_000).toISOString() }));
    const outline = journalOutline(lines.join('\n'), 'en');
    assert.equal(outline.entries.length, 1000);
    assert.equal(outline.entries[999]!.machineLine, 1001);
    assert.deepEqual(outline.problems, [{ line: 1002, message: 'Only the first 1000 entries have lenses and outline entries.', severity: 'information' }]);
  });

  it('decodes an entry for its hover: heading, then the facts of its human part', () => {
    const [first, second] = journalOutline(JOURNAL, 'en').entries;
    assert.deepEqual(entryHover(first!.entry, 'zh-cn'), {
      title: '2025-11-27 10:31 UTC+08:00 · ChatGPT 网页版',
      facts: [
        { key: 'error', label: '错误', text: '“Your card was declined.”' },
        { key: 'card', label: '卡片', text: '银联借记卡 •••• 4242 · 中国' },
        { key: 'causes', label: '可能原因', text: '地区不受支持（可能性较高）；未开通境外线上支付（可能性较高）' },
        { key: 'notes', label: '备注', text: 'tried twice' },
      ],
    });
    assert.deepEqual(entryHover(second!.entry, 'en'), {
      title: '2025-11-28 09:02 UTC+08:00',
      facts: [
        { key: 'error', label: 'Error', text: '“卡片无效”' },
        { key: 'card', label: 'Card', text: 'Visa virtual •••• 1881' },
        { key: 'causes', label: 'Possible causes', text: 'Card type refused (likely)' },
      ],
    });
  });

  it('hovers an attempt’s machine line with its facts on lines, and nothing elsewhere', () => {
    const outline = journalOutline(JOURNAL, 'en');
    assert.deepEqual(hoverAt(outline, 23, 'zh-cn'), {
      title: '2025-11-28 09:02 UTC+08:00',
      lines: ['错误：“卡片无效”', '卡片：Visa 虚拟卡 •••• 1881', '可能原因：卡片类型受限（可能性较高）'],
    });
    assert.equal(hoverAt(outline, 22, 'en'), undefined);
  });

  describe('a bank’s answer (its own machine line)', () => {
    const ANSWER: BankAnswer = { answeredAt: '2025-11-28T15:00:00+08:00', channel: 'phone', sawAuthorization: 'yes', declinedBy: 'bank', advice: 'enable <online> payments' };
    // Lines 1–3 header, 4–11 the attempt (heading 5, machine line 11), 12–19 the answer (heading 13, machine line 19), 20 a damaged answer.
    const text = `${journalHeader('en')}${formatJournalEntry(SECOND, 'en')}${bankAnswerToWrite(ANSWER, 'en')}<!-- card-doctor:bank-answer v1 {nope} -->\n`;

    it('is in the outline and folds after the attempt, with a hover in words; its damaged line is a problem', () => {
      const outline = journalOutline(text, 'en');
      assert.deepEqual(
        outline.entries.map(({ startLine, machineLine }) => [startLine, machineLine]),
        [[5, 11]],
      );
      assert.deepEqual(outline.answers, [
        {
          startLine: 13,
          machineLine: 19,
          name: 'What the bank said · 2025-11-28 15:00 UTC+08:00 · by phone',
          lines: ['Found the verification authorization: yes', 'Declined by: the bank', 'The bank advises: “enable <online> payments”'],
        },
      ]);
      assert.deepEqual(outline.folds, [
        { start: 5, end: 11, kind: 'region' },
        { start: 10, end: 11, kind: 'comment' },
        { start: 13, end: 19, kind: 'region' },
        { start: 18, end: 19, kind: 'comment' },
      ]);
      assert.deepEqual(hoverAt(outline, 19, 'en'), {
        title: 'What the bank said · 2025-11-28 15:00 UTC+08:00 · by phone',
        lines: ['Found the verification authorization: yes', 'Declined by: the bank', 'The bank advises: “enable <online> payments”'],
      });
      assert.deepEqual(outline.problems, [
        { line: 20, message: 'damaged bank answer: not valid JSON; skipped', severity: 'error' },
      ]);
    });
  });

  it('words the lenses and the quick fix in English, Simplified and Traditional Chinese', () => {
    installTraditionalTable();
    assert.deepEqual(outlineWords('en'), { diagnose: 'Diagnose', appeal: 'Appeal', bankInquiry: 'Bank inquiry', mask: 'Mask it (keep the last 4 digits of a card)' });
    assert.deepEqual(outlineWords('zh-cn'), { diagnose: '诊断', appeal: '申诉信', bankInquiry: '银行咨询信', mask: '遮盖（卡号保留后四位）' });
    assert.deepEqual(outlineWords('zh-tw'), { diagnose: '診斷', appeal: '申訴信', bankInquiry: '銀行諮詢信', mask: '遮蓋（卡號保留末四碼）' });
  });
});

describe('journal problems in the reader’s language', () => {
  const problemsOf = (text: string) => parseJournal(text).problems;

  it('words every kind of damaged line in Simplified Chinese, and keeps English for the CLI', () => {
    const good = encodeEntryLine(SECOND);
    const text = [
      '<!-- card-doctor:entry v2 {} -->',
      '<!-- card-doctor:entry  {} -->',
      '<!-- card-doctor:entry v1 {"occurredAt":"x"',
      '<!-- card-doctor:entry v1 {nope} -->',
      '<!-- card-doctor:entry v1 [] -->',
      '<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:31:00+08:00","report":1} -->',
      '<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:31:00+08:00","report":{"card":{"last4":"42"}}} -->',
      '<!-- card-doctor:entry v1 {"occurredAt":"2025-13-45T99:99:00+08:00","report":{}} -->',
      good,
      good,
      `<!-- card-doctor:entry v1 ${'x'.repeat(70_000)} -->`,
      '```',
      good.replace('09:02', '09:03'),
    ].join('\n');
    const problems = problemsOf(text);
    assert.deepEqual(
      problems.map((problem) => [problem.line, journalProblemText(problem, 'zh-cn')]),
      [
        [1, '这条记录的格式版本未知（v2），已跳过'],
        [2, '这条记录的格式版本未知（无），已跳过'],
        [3, '这条记录已损坏：该行没有以 --> 结尾，可能被截断了，已跳过'],
        [4, '这条记录已损坏：不是有效的 JSON，已跳过'],
        [5, '这条记录已损坏：应为一个对象，已跳过'],
        [6, '这条记录已损坏：report：应为一个对象，已跳过'],
        [7, '这条记录已损坏：card.last4：应为 4 位数字，已跳过'],
        [8, '这条记录已损坏：occurredAt：应为带时区偏移的 ISO 8601 日期时间，如 2025-11-27T10:31:00+08:00，已跳过'],
        [10, '与第 9 行的记录重复，只计一次'],
        [11, '这条记录已损坏：该行超过 64 KB，已跳过'],
        [12, '从这里开始的代码块（``` 或 ~~~）没有结束标记；之后的记录仍会照常读取'],
      ],
    );
    assert.deepEqual(
      problems.map((problem) => journalProblemText(problem, 'en')),
      problems.map((problem) => problem.message),
    );
  });

  it('words a time that is no real time', () => {
    const [problem] = problemsOf('<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:31:00+08:00 ","report":{}} -->');
    assert.equal(problem!.message.startsWith('damaged journal entry: '), true);
  });

  it('never repeats a card number a damaged line holds, in its version or as a field’s name', () => {
    const problems = problemsOf('<!-- card-doctor:entry 453201511285 {} -->\n<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:31:00+08:00","report":{"4532015112830366":1}} -->\n');
    assert.deepEqual(
      problems.map((problem) => [problem.message, journalProblemText(problem, 'zh-cn')]),
      [
        ['journal entry of an unknown version (•••• 1285); skipped', '这条记录的格式版本未知（•••• 1285），已跳过'],
        ['damaged journal entry: •••• 0366: unknown field; skipped', '这条记录已损坏：•••• 0366：未知字段，已跳过'],
      ],
    );
  });

  it('gives a problem it did not make as it is', () => {
    assert.equal(journalProblemText({ line: 3, message: 'made elsewhere' }, 'zh-cn'), 'made elsewhere');
  });
});
