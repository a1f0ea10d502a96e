import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTraditionalTable, type TraditionalTable } from '../../src/core/language';
import { letterLangFor, ownCopyFileName, ownCopyLang, ownCopyText, readerLang } from '../../src/core/letterKinds';
import { buildLetterData, builtinLetterTemplate, builtinLetterTemplates, createLetterRuntime, LETTER_HELPERS, renderLetterIn } from '../../src/core/letters';
import type { Report } from '../../src/core/report';
import { compileBuiltinTemplateSpecs } from '../templateLoader';

useTraditionalTable(JSON.parse(readFileSync(join(__dirname, '..', '..', 'l10n', 'zh-tw-table.json'), 'utf8')) as TraditionalTable);

describe('each letter in its reader’s language (issue 13)', () => {
  describe('readerLang', () => {
    it('writes the appeal in English, whatever the card and the person', () => {
      assert.equal(readerLang('appeal', 'CN', 'zh-cn'), 'en');
      assert.equal(readerLang('appeal', 'TW', 'zh-tw'), 'en');
      assert.equal(readerLang('appeal', undefined, 'zh-cn'), 'en');
    });

    it('writes the bank inquiry in Simplified Chinese for a mainland card, from any UI', () => {
      assert.equal(readerLang('bank-inquiry', 'CN', 'en'), 'zh-cn');
      assert.equal(readerLang('bank-inquiry', 'CN', 'zh-tw'), 'zh-cn');
    });

    it('writes it in Traditional Chinese for Hong Kong, Macau and Taiwan', () => {
      assert.equal(readerLang('bank-inquiry', 'HK', 'en'), 'zh-tw');
      assert.equal(readerLang('bank-inquiry', 'MO', 'zh-cn'), 'zh-tw');
      assert.equal(readerLang('bank-inquiry', 'TW', 'zh-cn'), 'zh-tw');
    });

    it('writes it in English for any other known country, even from a Chinese UI', () => {
      assert.equal(readerLang('bank-inquiry', 'US', 'zh-cn'), 'en');
      assert.equal(readerLang('bank-inquiry', 'SG', 'zh-cn'), 'en');
      assert.equal(readerLang('bank-inquiry', 'JP', 'zh-tw'), 'en');
    });

    it('falls back to the person’s language when the country is not given or not a known code', () => {
      assert.equal(readerLang('bank-inquiry', undefined, 'zh-cn'), 'zh-cn');
      assert.equal(readerLang('bank-inquiry', undefined, 'zh-tw'), 'zh-tw');
      assert.equal(readerLang('bank-inquiry', undefined, 'en'), 'en');
      assert.equal(readerLang('bank-inquiry', 'XX', 'zh-cn'), 'zh-cn');
      assert.equal(readerLang('bank-inquiry', 'cn', 'en'), 'en');
    });
  });

  describe('letterLangFor', () => {
    it('auto: each letter in its reader’s language', () => {
      assert.equal(letterLangFor('appeal', 'auto', 'CN', 'zh-cn'), 'en');
      assert.equal(letterLangFor('bank-inquiry', 'auto', 'CN', 'en'), 'zh-cn');
      assert.equal(letterLangFor('bank-inquiry', 'auto', 'HK', 'en'), 'zh-tw');
    });

    it('a language named in the setting: every letter in it', () => {
      assert.equal(letterLangFor('appeal', 'zh-cn', 'CN', 'en'), 'zh-cn');
      assert.equal(letterLangFor('appeal', 'zh-tw', undefined, 'en'), 'zh-tw');
      assert.equal(letterLangFor('bank-inquiry', 'en', 'CN', 'zh-cn'), 'en');
      assert.equal(letterLangFor('bank-inquiry', 'zh-cn', 'TW', 'zh-tw'), 'zh-cn');
    });
  });

  describe('the person’s own copy', () => {
    it('is wanted for an English letter chosen for its reader when the person reads Chinese', () => {
      assert.equal(ownCopyLang('auto', 'en', 'zh-cn'), 'zh-cn');
      assert.equal(ownCopyLang('auto', 'en', 'zh-tw'), 'zh-tw');
    });

    it('is not wanted when the person reads English, set English themselves, or the letter is in Chinese', () => {
      assert.equal(ownCopyLang('auto', 'en', 'en'), undefined);
      assert.equal(ownCopyLang('en', 'en', 'zh-cn'), undefined);
      assert.equal(ownCopyLang('auto', 'zh-cn', 'zh-cn'), undefined);
      assert.equal(ownCopyLang('auto', 'zh-tw', 'zh-cn'), undefined);
    });

    it('is named after the letter it copies, with the language before .md', () => {
      assert.equal(ownCopyFileName('appeal-2026-12-01.md', 'zh-cn'), 'appeal-2026-12-01.zh-cn.md');
      assert.equal(ownCopyFileName('appeal-2026-12-01-2.md', 'zh-tw'), 'appeal-2026-12-01-2.zh-tw.md');
    });

    it('starts with a line saying it is for reading and which file to send', () => {
      assert.equal(
        ownCopyText('尊敬的 OpenAI 支持团队：\n', 'zh-cn', 'appeal-2026-12-01.md'),
        '> 这是供您阅读的中文副本，内容与英文信相同。请发送英文信 appeal-2026-12-01.md，不要发送这份副本。\n\n尊敬的 OpenAI 支持团队：\n',
      );
      assert.equal(
        ownCopyText('尊敬的 OpenAI 支援團隊：\n', 'zh-tw', 'appeal-2026-12-01.md'),
        '> 這是供您閱讀的中文副本，內容與英文信相同。請傳送英文信 appeal-2026-12-01.md，不要傳送這份副本。\n\n尊敬的 OpenAI 支援團隊：\n',
      );
    });
  });
});

describe('one time offset per letter (issue 13)', () => {
  const visa = { brand: 'visa', last4: '4242' } as const;
  // Recorded on three clocks: Tokyo, UTC and Beijing. In their own offsets the first reads 10:00
  // and the last 09:30, a span that reads backwards.
  const history: Report[] = [
    { occurredAt: '2025-11-27T10:00:00+09:00', card: visa, errorMessage: 'Your card was declined.' },
    { occurredAt: '2025-11-27T01:15:00Z', card: visa, errorMessage: 'Your card was declined.' },
    { occurredAt: '2025-11-27T09:30:00+08:00', card: visa, errorMessage: 'Your card was declined.' },
  ];
  const report: Report = history[2]!;
  const now = new Date('2025-11-27T02:00:00Z');

  it('writes every attempt, the span’s ends and the date in the report’s offset', () => {
    const data = buildLetterData('appeal', 'en', report, history, now);
    assert.deepEqual(
      data.attempts.map((attempt) => attempt.at),
      ['2025-11-27T09:00:00+08:00', '2025-11-27T09:15:00+08:00', '2025-11-27T09:30:00+08:00'],
    );
    assert.equal(data.firstAttemptAt, '2025-11-27T09:00:00+08:00');
    assert.equal(data.lastAttemptAt, '2025-11-27T09:30:00+08:00');
    assert.equal(data.writtenAt, '2025-11-27T10:00:00+08:00');
  });

  it('the bank inquiry too', () => {
    const data = buildLetterData('bank-inquiry', 'zh-cn', report, history, now);
    assert.deepEqual(
      data.attempts.map((attempt) => attempt.at),
      ['2025-11-27T09:00:00+08:00', '2025-11-27T09:15:00+08:00', '2025-11-27T09:30:00+08:00'],
    );
  });

  it('so the span reads forwards, in one offset', () => {
    const data = buildLetterData('appeal', 'en', report, history, now);
    const options = { data: { root: { lang: 'en' } } };
    assert.equal(LETTER_HELPERS.timeSpan!(data.firstAttemptAt, data.lastAttemptAt, options), 'on 27 November 2025 between 09:00 and 09:30 (UTC+08:00)');
    const zh = { data: { root: { lang: 'zh-cn' } } };
    assert.equal(LETTER_HELPERS.timeSpan!(data.firstAttemptAt, data.lastAttemptAt, zh), '2025年11月27日 09:00 至 09:30（UTC+08:00）');
  });

  it('follows the report’s offset, not the journal’s last entry', () => {
    const tokyo: Report = history[0]!;
    const data = buildLetterData('appeal', 'en', tokyo, history, now);
    assert.deepEqual(
      data.attempts.map((attempt) => attempt.at),
      ['2025-11-27T10:00:00+09:00', '2025-11-27T10:15:00+09:00', '2025-11-27T10:30:00+09:00'],
    );
    assert.equal(data.writtenAt, '2025-11-27T11:00:00+09:00');
  });

  it('an undated report: its letter in UTC (the host dates it on the person’s clock first)', () => {
    const data = buildLetterData('appeal', 'en', { card: visa }, history, now);
    assert.deepEqual(
      data.attempts.map((attempt) => attempt.at),
      ['2025-11-27T01:00:00+00:00', '2025-11-27T01:15:00+00:00', '2025-11-27T01:30:00+00:00'],
    );
    assert.equal(data.writtenAt, '2025-11-27T02:00:00+00:00');
  });

  describe('in every built-in letter and language, as rendered', () => {
    const templates = builtinLetterTemplates(createLetterRuntime(), compileBuiltinTemplateSpecs());
    for (const kind of ['appeal', 'bank-inquiry'] as const) {
      for (const lang of ['en', 'zh-cn', 'zh-tw'] as const) {
        it(`${kind} in ${lang}: only UTC+08:00, and the three attempts at 09:00, 09:15, 09:30 in that order`, () => {
          const text = renderLetterIn(builtinLetterTemplate(templates, kind, lang), kind, lang, report, history, now);
          assert.deepEqual([...new Set(text.match(/UTC[+-]\d{2}:\d{2}/g))], ['UTC+08:00']);
          const first = text.indexOf('09:00');
          const second = text.indexOf('09:15', first);
          const third = text.indexOf('09:30', second);
          assert.ok(first >= 0 && second > first && third > second, text);
          assert.ok(!text.includes('10:00 (UTC+09:00)') && !text.includes('01:15'), text);
        });
      }
    }
  });
});
