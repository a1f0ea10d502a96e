/**
 * What the bank said, as the journal keeps it: validated (a card number, CVC or one-time code is
 * refused by field, a reference number kept), written as a human part and a machine line of its
 * own kind that the entry reader skips, read back (fences, damage, other versions), and listed in
 * the evidence pack's timeline.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bankAnswerToWrite, encodeBankAnswerLine, parseBankAnswer, parseBankAnswers, type BankAnswer } from '../../src/core/bankAnswer';
import { evidencePack, packPhoneScriptLang } from '../../src/core/evidencePack';
import { parseJournal } from '../../src/core/journal';
import { useTraditionalTable, type TraditionalTable } from '../../src/core/language';

useTraditionalTable(JSON.parse(readFileSync(join(__dirname, '..', '..', 'l10n', 'zh-tw-table.json'), 'utf8')) as TraditionalTable);

const ANSWER: BankAnswer = {
  answeredAt: '2026-12-02T09:15:00+08:00',
  channel: 'phone',
  sawAuthorization: 'yes',
  declinedBy: 'bank',
  responseCode: '05',
  reference: 'CMB20261202A7781',
  advice: 'Turn on international online payments, then try once.',
  note: 'Agent: Ms Wang <ext 12>',
};

const ENTRY =
  '<!-- card-doctor:entry v1 {"occurredAt":"2026-12-01T22:31:00+08:00","report":{"product":"chatgpt-web","errorMessage":"Your card was declined.","card":{"brand":"visa","kind":"credit","last4":"4242","issuerCountry":"CN"}}} -->';

describe('bank answer', () => {
  describe('parseBankAnswer', () => {
    it('accepts a full answer and cleans its text', () => {
      const result = parseBankAnswer({ ...ANSWER, advice: '  Turn on international online payments, then try once.\u202e  ' });
      assert.deepEqual(result, { ok: true, answer: ANSWER });
    });

    it('keeps a reference number, refuses a card number, a CVC and a one-time code with the field named', () => {
      assert.equal(parseBankAnswer({ ...ANSWER, reference: '202612020000123456' }).ok, true);
      const result = parseBankAnswer({ ...ANSWER, reference: '4111 1111 1111 1111', note: 'CVC 123', advice: '验证码 482913 不要告诉别人' });
      assert.deepEqual(result, {
        ok: false,
        errors: [
          { path: 'reference', message: 'holds what looks like a card number, CVC or one-time code; remove it' },
          { path: 'advice', message: 'holds what looks like a card number, CVC or one-time code; remove it' },
          { path: 'note', message: 'holds what looks like a card number, CVC or one-time code; remove it' },
        ],
      });
    });

    it('lists every bad field', () => {
      const result = parseBankAnswer({ answeredAt: '2026-02-30T09:00:00+08:00', channel: 'fax', sawAuthorization: 'maybe', declinedBy: 'bank', extra: 1 });
      assert.deepEqual(result, {
        ok: false,
        errors: [
          { path: 'answeredAt', message: 'not a real date: that month has no such day' },
          { path: 'channel', message: 'expected one of phone, app-chat, branch, letter' },
          { path: 'sawAuthorization', message: 'expected one of yes, no, unknown' },
          { path: 'extra', message: 'unknown field' },
        ],
      });
    });

    it('never repeats a card number that names an unknown field, and cuts a long name', () => {
      const base = { answeredAt: '2026-12-02T09:15:00+08:00', channel: 'phone', sawAuthorization: 'yes', declinedBy: 'bank' };
      assert.deepEqual(parseBankAnswer({ ...base, '4111111111111111': 1, ['x'.repeat(50)]: 2 }), {
        ok: false,
        errors: [
          { path: '•••• 1111', message: 'unknown field' },
          { path: `${'x'.repeat(39)}…`, message: 'unknown field' },
        ],
      });
    });
  });

  describe('bankAnswerToWrite', () => {
    it('writes a heading and items in English, then the machine line', () => {
      assert.equal(
        bankAnswerToWrite(ANSWER, 'en'),
        [
          '',
          '## What the bank said · 2026-12-02 09:15 UTC+08:00 · by phone',
          '',
          '- Found the verification authorization: yes',
          '- Declined by: the bank',
          '- Response code: 05',
          '- Reference number: CMB20261202A7781',
          '- The bank advises: “Turn on international online payments, then try once.”',
          '- Note: Agent: Ms Wang &lt;ext 12>',
          '',
          '<!-- card-doctor:bank-answer v1 {"answeredAt":"2026-12-02T09:15:00+08:00","channel":"phone","sawAuthorization":"yes","declinedBy":"bank","responseCode":"05","reference":"CMB20261202A7781","advice":"Turn on international online payments, then try once.","note":"Agent: Ms Wang \\u003cext 12\\u003e"} -->',
          '',
        ].join('\n'),
      );
    });

    it('writes Simplified and Traditional Chinese', () => {
      const answer: BankAnswer = { answeredAt: '2026-12-02T09:15:00+08:00', channel: 'app-chat', sawAuthorization: 'no', declinedBy: 'merchant' };
      assert.equal(
        bankAnswerToWrite(answer, 'zh-cn').split('\n').slice(1, 6).join('\n'),
        ['## 银行的答复 · 2026-12-02 09:15 UTC+08:00 · App 在线客服', '', '- 是否查到这笔验证性预授权：没有查到', '- 拒绝方：商户一方（商户或其支付处理商）', ''].join('\n'),
      );
      assert.equal(bankAnswerToWrite(answer, 'zh-tw').split('\n')[1], '## 銀行的答覆 · 2026-12-02 09:15 UTC+08:00 · App 線上客服');
    });

    it('refuses an answer built by hand with a secret in it', () => {
      assert.throws(() => bankAnswerToWrite({ ...ANSWER, note: 'card 4111111111111111' }, 'en'), /\(note\); nothing was written/);
    });

    it('keeps -- and > from ending the comment', () => {
      assert.ok(encodeBankAnswerLine({ ...ANSWER, note: 'a --> b' }).includes('"note":"a -\\u002d\\u003e b"'));
    });
  });

  describe('parseBankAnswers', () => {
    it('reads answers back, oldest first, and the entry reader does not see them', () => {
      const later = { ...ANSWER, answeredAt: '2026-12-03T10:00:00+08:00', channel: 'branch' as const };
      const journal = ['# Card failure journal', '', ENTRY, bankAnswerToWrite(later, 'en'), bankAnswerToWrite(ANSWER, 'zh-cn')].join('\n');
      const parsed = parseBankAnswers(journal);
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(
        parsed.answers.map((recorded) => [recorded.line, recorded.answer]),
        [
          [26, ANSWER],
          [14, later],
        ],
      );
      const entries = parseJournal(journal);
      assert.equal(entries.entries.length, 1);
      assert.deepEqual(entries.problems, []);
    });

    it('skips a quoted answer in a closed fence, reads one after a fence never closed, and reports damaged lines', () => {
      const line = encodeBankAnswerLine(ANSWER);
      const text = [
        '```md',
        line,
        '```',
        '<!-- card-doctor:bank-answer v2 {} -->',
        '<!-- card-doctor:bank-answer v1 {not json} -->',
        '<!-- card-doctor:bank-answer v1 {"answeredAt":"2026-12-02T09:15:00+08:00"}',
        '<!-- card-doctor:bank-answer v1 {"answeredAt":"2026-12-02T09:15:00+08:00","channel":"phone","sawAuthorization":"yes","declinedBy":"bank","note":"cvc 123"} -->',
        '~~~~',
        `  ${line}`,
      ].join('\r\n');
      const parsed = parseBankAnswers(text);
      assert.deepEqual(
        parsed.answers.map((recorded) => recorded.line),
        [9],
      );
      assert.deepEqual(parsed.problems, [
        { line: 4, message: 'damaged bank answer: not version v1, the one this version reads; skipped' },
        { line: 5, message: 'damaged bank answer: not valid JSON; skipped' },
        { line: 6, message: 'damaged bank answer: the line does not end with -->; skipped' },
        { line: 7, message: 'damaged bank answer: note: holds what looks like a card number, CVC or one-time code; remove it; skipped' },
      ]);
    });

    it('reports a line over 16 KB without reading it', () => {
      const parsed = parseBankAnswers(`<!-- card-doctor:bank-answer v1 ${'x'.repeat(17_000)} -->`);
      assert.deepEqual(parsed, { answers: [], problems: [{ line: 1, message: 'damaged bank answer: the line is longer than 16 KB; skipped' }] });
    });
  });

  describe('in the evidence pack', () => {
    it('lists what the bank said after the attempts in timeline.md, and names the folder by the last attempt’s offset', () => {
      const { entries } = parseJournal(ENTRY);
      const pack = evidencePack({ entries, bankAnswers: [ANSWER], now: new Date('2026-12-01T17:00:00Z'), lang: 'en' });
      assert.equal(pack.folderName, 'evidence-2026-12-02');
      const timeline = pack.files.find((file) => file.path === 'timeline.md')!.text;
      assert.ok(
        timeline.endsWith(
          [
            '- Card: Visa credit •••• 4242',
            '',
            '## What the bank said · 2026-12-02 09:15 UTC+08:00 · by phone',
            '',
            '- Found the verification authorization: yes',
            '- Declined by: the bank',
            '- Response code: 05',
            '- Reference number: CMB20261202A7781',
            '- The bank advises: “Turn on international online payments, then try once.”',
            '- Note: Agent: Ms Wang &lt;ext 12>',
            '',
          ].join('\n'),
        ),
        timeline,
      );
    });

    it('puts the latest answer before the likely causes in diagnosis.md, in English and Chinese', () => {
      const { entries } = parseJournal(ENTRY);
      const earlier: BankAnswer = { answeredAt: '2026-12-01T23:00:00+08:00', channel: 'app-chat', sawAuthorization: 'unknown', declinedBy: 'unknown' };
      const latest: BankAnswer = { answeredAt: '2026-12-02T09:15:00+08:00', channel: 'phone', sawAuthorization: 'no', declinedBy: 'merchant' };
      const diagnosis = (lang: 'en' | 'zh-cn' | 'zh-tw') =>
        evidencePack({ entries, bankAnswers: [earlier, latest], now: new Date('2026-12-02T02:00:00Z'), lang }).files.find((file) => file.path === 'diagnosis.md')!.text;
      assert.ok(
        diagnosis('en').includes(
          '## What the bank said\n\nLatest answer from the bank (2026-12-02 09:15 UTC+08:00), as the cardholder recorded it: It found no verification authorization from the merchant. The bank says the decline came from the merchant’s side (the merchant or its payment processor), not from the bank.\n\nWhere this differs from the likely causes below, the bank’s word counts for more: the causes are guesses from the journal.\n\n## Possible causes',
        ),
        diagnosis('en'),
      );
      assert.ok(
        diagnosis('zh-cn').includes('## 银行的答复\n\n银行最近一次的答复（2026-12-02 09:15 UTC+08:00，由持卡人记录）：银行没有查到商户发起的验证交易。银行表示拒绝来自商户一方（商户或其支付处理商），而不是银行。\n'),
        diagnosis('zh-cn'),
      );
      assert.ok(diagnosis('zh-tw').includes('## 銀行的答覆\n'));
      const unknown = evidencePack({ entries, bankAnswers: [earlier], now: new Date('2026-12-02T02:00:00Z'), lang: 'en' }).files.find((file) => file.path === 'diagnosis.md')!.text;
      assert.ok(unknown.includes('as the cardholder recorded it: The bank could not say who declined.\n'), unknown);
      const none = evidencePack({ entries, now: new Date('2026-12-02T02:00:00Z'), lang: 'en' }).files.find((file) => file.path === 'diagnosis.md')!.text;
      assert.ok(!none.includes('What the bank said'));
    });

    it('says the phone script’s language: the bank’s', () => {
      assert.equal(packPhoneScriptLang(parseJournal(ENTRY).entries, 'en'), 'zh-cn');
      assert.equal(packPhoneScriptLang([], 'en'), undefined);
    });
  });
});
