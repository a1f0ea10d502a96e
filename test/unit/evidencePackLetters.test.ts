/**
 * The letters in the evidence pack (issue 13): which of the person's files are taken (the newest
 * of each kind and its copies), which kinds are rendered fresh, and what about.md says of each,
 * including a letter left out because it holds a card number, a CVC or a one-time code.
 */
import assert from 'node:assert/strict';
import {
  evidencePack,
  evidencePackFiles,
  freshLetterInput,
  freshLetterLang,
  lettersToPack,
  lettersToRender,
  PACK_LETTER_LIMIT_BYTES,
  type PackLettersInput,
} from '../../src/core/evidencePack';
import { formatJournalEntry, journalHeader, parseJournal, type DatedReport, type JournalEntry } from '../../src/core/journal';
import { parseReport } from '../../src/core/report';

const NOW = new Date('2026-03-01T09:00:00Z');

function dated(input: unknown): DatedReport {
  const parsed = parseReport(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.report as DatedReport;
}

const US_CARD = dated({
  occurredAt: '2026-02-27T10:31:00+08:00',
  product: 'chatgpt-web',
  errorMessage: 'Your card was declined.',
  card: { brand: 'visa', kind: 'credit', last4: '4242', issuerCountry: 'US' },
});
const CN_CARD = dated({
  occurredAt: '2026-02-28T11:05:00+08:00',
  product: 'chatgpt-web',
  errorMessage: '卡片无效',
  card: { brand: 'unionpay', kind: 'debit', last4: '1881', issuerCountry: 'CN' },
});
const HK_CARD = dated({ occurredAt: '2026-02-28T12:00:00+08:00', card: { last4: '5555', issuerCountry: 'HK' } });

function journal(...reports: DatedReport[]): JournalEntry[] {
  return parseJournal(journalHeader('en') + reports.map((report) => formatJournalEntry(report, 'en')).join('')).entries;
}

const BUILT_IN = ['timeline.md', 'diagnosis.md', 'about.md', 'screenshots-checklist.md', 'bank-phone-script.md'];

function lettersSection(about: string): string {
  const start = about.indexOf('## ');
  const end = about.indexOf('\n\n', about.indexOf('\n- ', start));
  return about.slice(start, end);
}

describe('evidence pack letters: which of the person’s files', () => {
  it('takes the newest letter of each kind by the date in its name, then its -2, -3… number, with its copies', () => {
    assert.deepEqual(
      lettersToPack([
        'bank-inquiry-2026-02-27.md',
        'appeal-2026-02-27.md',
        'appeal-2026-02-28.md',
        'appeal-2026-02-28-2.md',
        'appeal-2026-02-28-10.md',
        'appeal-2026-02-28-10.zh-cn.md',
        'appeal-2026-02-28-2.zh-cn.md',
        'appeal-2026-02-28-10.zh-tw.md',
        'notes.md',
        'journal.md',
        'evidence-2026-02-28',
        'appeal-2026-02-29.txt',
        'appeal.en.hbs',
        'appeal-2026-02-01.md',
        'appeal-2026-02-28-3.md',
      ]),
      ['appeal-2026-02-28-10.md', 'appeal-2026-02-28-10.zh-cn.md', 'appeal-2026-02-28-10.zh-tw.md', 'bank-inquiry-2026-02-27.md'],
    );
  });

  it('of copies in one language, takes the newest (-2 when the first name was taken); a copy without its letter is not taken', () => {
    assert.deepEqual(
      lettersToPack(['appeal-2026-02-28.md', 'appeal-2026-02-28.zh-cn.md', 'appeal-2026-02-28.zh-cn-2.md', 'bank-inquiry-2026-02-28.zh-cn.md']),
      ['appeal-2026-02-28.md', 'appeal-2026-02-28.zh-cn-2.md'],
    );
  });

  it('takes nothing from an empty folder, or one of other files and over-long names', () => {
    assert.deepEqual(lettersToPack([]), []);
    assert.deepEqual(lettersToPack(['README.md', `appeal-2026-02-28${'-2'.repeat(40)}.md`, 'appeal-2026-2-28.md', 'appeal-2026-02-28.fr.md']), []);
  });

  it('renders fresh each kind with no letter it can copy: none there, or the one there left out', () => {
    assert.deepEqual(lettersToRender([]), ['appeal', 'bank-inquiry']);
    assert.deepEqual(lettersToRender([{ file: 'appeal-2026-02-28.md', text: '# Appeal\n' }]), ['bank-inquiry']);
    assert.deepEqual(
      lettersToRender([
        { file: 'appeal-2026-02-28.md', text: 'card 4111 1111 1111 1111' },
        { file: 'appeal-2026-02-28.zh-cn.md', text: '副本' },
        { file: 'bank-inquiry-2026-02-28.md', unread: 'outside' },
      ]),
      ['appeal', 'bank-inquiry'],
    );
  });

  it('a fresh letter is in its reader’s language by the last attempt’s card, or the setting’s', () => {
    assert.equal(freshLetterLang('appeal', journal(CN_CARD), 'zh-cn'), 'en');
    assert.equal(freshLetterLang('bank-inquiry', journal(CN_CARD), 'en'), 'zh-cn');
    assert.equal(freshLetterLang('bank-inquiry', journal(US_CARD), 'zh-cn'), 'en');
    assert.equal(freshLetterLang('bank-inquiry', journal(HK_CARD), 'en'), 'zh-tw');
    assert.equal(freshLetterLang('appeal', journal(US_CARD), 'en', 'zh-cn'), 'zh-cn');
    assert.equal(freshLetterLang('bank-inquiry', [], 'zh-cn'), 'zh-cn');
  });

  it('a fresh letter is about the last attempt, with every attempt as its history, each dated', () => {
    const { report, history } = freshLetterInput(journal(US_CARD, CN_CARD));
    assert.equal(report.occurredAt, '2026-02-28T11:05:00+08:00');
    assert.equal(report.card?.last4, '1881');
    assert.deepEqual(
      history.map((attempt) => [attempt.occurredAt, attempt.card?.last4]),
      [
        ['2026-02-27T10:31:00+08:00', '4242'],
        ['2026-02-28T11:05:00+08:00', '1881'],
      ],
    );
  });
});

describe('evidence pack letters: the files and about.md', () => {
  const letters: PackLettersInput = {
    own: [
      { file: 'appeal-2026-02-28.md', text: '# Appeal\n\nAs I edited it.\n' },
      { file: 'appeal-2026-02-28.zh-cn.md', text: '# 申诉\n' },
      { file: 'bank-inquiry-2026-02-28.md', text: 'My card 4111 1111 1111 1111, CVC 123.\n' },
    ],
    fresh: [{ kind: 'bank-inquiry', text: '# Fresh inquiry\n' }],
  };

  it('copies the person’s letters as they are, adds the fresh one, and leaves out the one with a card number', () => {
    const pack = evidencePack({ entries: journal(US_CARD), now: NOW, lang: 'en', letters });
    assert.equal(pack.folderName, 'evidence-2026-03-01');
    assert.deepEqual(
      pack.files.map((file) => file.path),
      [...BUILT_IN, 'appeal-2026-02-28.md', 'appeal-2026-02-28.zh-cn.md', 'bank-inquiry.md'],
    );
    assert.equal(pack.files.find((file) => file.path === 'appeal-2026-02-28.md')?.text, '# Appeal\n\nAs I edited it.\n');
    assert.equal(pack.files.find((file) => file.path === 'bank-inquiry.md')?.text, '# Fresh inquiry\n');
    assert.deepEqual(pack.leftOut, [{ file: 'bank-inquiry-2026-02-28.md', reason: 'secret' }]);
    assert.ok(!pack.files.some((file) => file.text.includes('4111')));
  });

  it('about.md says which letters are the person’s, which are fresh, and which was left out and why (English)', () => {
    const about = evidencePackFiles({ entries: journal(US_CARD), now: NOW, lang: 'en', letters }).find((file) => file.path === 'about.md')!.text;
    assert.equal(
      lettersSection(about),
      [
        '## Letters',
        '',
        '- appeal-2026-02-28.md: your own letter, as you edited it.',
        '- appeal-2026-02-28.zh-cn.md: your own copy of a letter in your language, as you edited it; send the letter it names, not this copy.',
        '- bank-inquiry.md: written fresh by Card Binding Doctor from the last attempt, as the letters’ folder held no bank inquiry that could be copied. Read it and fill in what it leaves to you before you send it.',
        '- Left out: bank-inquiry-2026-02-28.md holds what looks like a full card number, a CVC or a one-time code, so it was not copied. Take that out of the letter, then write the pack again.',
      ].join('\n'),
    );
    // The section sits between the sources and the closing notes.
    assert.ok(about.includes('/docs/supported-countries.\n\n## Letters\n'));
    assert.ok(about.endsWith('Take that out of the letter, then write the pack again.\n\nThe causes in diagnosis.md are likely causes, not certainties: only the bank and the merchant know the real reason.\n\nNo file in this pack holds a full card number, a CVC or a one-time code: the pack was checked for them before it was written.\n'));
  });

  it('about.md in Simplified Chinese, with the letters not read (too large, a link out, a link unchecked)', () => {
    const about = evidencePackFiles({
      entries: journal(CN_CARD),
      now: NOW,
      lang: 'zh-cn',
      letters: {
        own: [
          { file: 'appeal-2026-02-28.md', unread: 'too-large' },
          { file: 'appeal-2026-02-28.zh-cn.md', unread: 'outside' },
          { file: 'bank-inquiry-2026-02-28.md', unread: 'link' },
        ],
        fresh: [
          { kind: 'appeal', text: '# Appeal\n' },
          { kind: 'bank-inquiry', text: '# 咨询\n' },
        ],
      },
    }).find((file) => file.path === 'about.md')!.text;
    assert.equal(
      lettersSection(about),
      [
        '## 信件',
        '',
        '- appeal.md：信件文件夹中没有可以复制的申诉信，这份是绑卡医生根据最近一次绑卡新写的。发送前请通读一遍，并补上需要您填写的内容。',
        '- bank-inquiry.md：信件文件夹中没有可以复制的银行咨询信，这份是绑卡医生根据最近一次绑卡新写的。发送前请通读一遍，并补上需要您填写的内容。',
        '- 未放入：appeal-2026-02-28.md 超过 1 MB，因此没有读取。',
        '- 未放入：appeal-2026-02-28.zh-cn.md 经由符号链接指向文件夹之外，因此没有读取。',
        '- 未放入：bank-inquiry-2026-02-28.md 是符号链接，在这个文件夹中绑卡医生无法确认它指向哪里，因此没有读取。',
      ].join('\n'),
    );
  });

  it('about.md in Simplified Chinese for the person’s own letter, its copy and one with a one-time code', () => {
    const pack = evidencePack({
      entries: journal(CN_CARD),
      now: NOW,
      lang: 'zh-cn',
      letters: {
        own: [
          { file: 'appeal-2026-02-28-2.md', text: '# Appeal\n' },
          { file: 'appeal-2026-02-28-2.zh-cn.md', text: '# 申诉\n' },
          { file: 'bank-inquiry-2026-02-28.md', text: '短信验证码 493817 已收到\n' },
        ],
        fresh: [{ kind: 'bank-inquiry', text: '# 咨询\n' }],
      },
    });
    assert.deepEqual(pack.leftOut, [{ file: 'bank-inquiry-2026-02-28.md', reason: 'secret' }]);
    assert.equal(
      lettersSection(pack.files.find((file) => file.path === 'about.md')!.text),
      [
        '## 信件',
        '',
        '- appeal-2026-02-28-2.md：您自己的信，保留您修改后的内容。',
        '- appeal-2026-02-28-2.zh-cn.md：您自己的信件中文副本，保留您修改后的内容；请发送副本开头注明的那封信，不要发送这份副本。',
        '- bank-inquiry.md：信件文件夹中没有可以复制的银行咨询信，这份是绑卡医生根据最近一次绑卡新写的。发送前请通读一遍，并补上需要您填写的内容。',
        '- 未放入：bank-inquiry-2026-02-28.md 中似乎有完整卡号、CVC 或一次性验证码，因此没有复制。请先从信中删去这些内容，再重新生成证据包。',
      ].join('\n'),
    );
  });

  it('a letter over the limit in characters is left out even when its reader did not refuse it', () => {
    const pack = evidencePack({
      entries: journal(US_CARD),
      now: NOW,
      lang: 'en',
      letters: { own: [{ file: 'appeal-2026-02-28.md', text: 'a'.repeat(PACK_LETTER_LIMIT_BYTES + 1) }], fresh: [] },
    });
    assert.deepEqual(pack.leftOut, [{ file: 'appeal-2026-02-28.md', reason: 'too-large' }]);
    assert.deepEqual(pack.files.map((file) => file.path), BUILT_IN);
  });

  it('without letters the pack is as before: no Letters section, nothing left out', () => {
    const pack = evidencePack({ entries: journal(US_CARD), now: NOW, lang: 'en' });
    assert.deepEqual(pack.files.map((file) => file.path), BUILT_IN);
    assert.deepEqual(pack.leftOut, []);
    assert.ok(!pack.files.find((file) => file.path === 'about.md')!.text.includes('## '));
  });

  it('a fresh letter holding a card number stops the whole pack, as any other file', () => {
    assert.throws(
      () => evidencePackFiles({ entries: journal(US_CARD), now: NOW, lang: 'en', letters: { own: [], fresh: [{ kind: 'appeal', text: 'card 4111 1111 1111 1111' }] } }),
      /appeal\.md would hold a card number, CVC or one-time code; the pack was not written/,
    );
  });
});
