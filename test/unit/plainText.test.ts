import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../src/core/catalogue';
import { LETTER_KINDS, type LetterKind } from '../../src/core/letterKinds';
import { builtinLetterTemplate, builtinLetterTemplates, createLetterRuntime, renderLetterIn, type LetterSender } from '../../src/core/letters';
import { isTraditionalText, letterAsPlainText, PLAIN_TEXT_LIMIT, PlainTextTooLongError } from '../../src/core/plainText';
import { parseReport, type Report } from '../../src/core/report';
import { compileBuiltinTemplateSpecs, installBuiltinTemplatesModule } from '../templateLoader';
import { installTraditionalTable } from '../l10nFiles';

installBuiltinTemplatesModule();
installTraditionalTable();

const LANGS: readonly Lang[] = ['en', 'zh-cn', 'zh-tw'];
const FIXTURES = join(__dirname, '..', 'fixtures', 'letters');
// The expected plain text of each built-in letter, one file each, read by a person when written.
const EXPECTED = join(__dirname, '..', 'fixtures', 'plainText');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
/** An English letter's lines naming a Taiwanese bank and quoting a note in Traditional Chinese. */
const ENGLISH_TAIWANESE =
  'I am writing about my OpenAI account. I have not been able to add my debit card as a payment method.\n\n' +
  '- Issuing bank: 國泰世華銀行\n\n> 我在網頁上試了兩次，這是第二次。\n\nThank you for your help. Kind regards,';

describe('letterAsPlainText', () => {
  describe('each Markdown mark the letters use', () => {
    it('puts a heading on a line of its own with a blank line after it', () => {
      assert.equal(letterAsPlainText('Hello,\n## My account\n- Name: Alex\n'), 'Hello,\n\nMy account\n\n- Name: Alex\n');
      assert.equal(letterAsPlainText('# Title #\ntext'), 'Title\n\ntext\n');
    });

    it('drops ** around bold text, and the space after a bold full-width colon', () => {
      assert.equal(letterAsPlainText('**To:** OpenAI Support'), 'To: OpenAI Support\n');
      assert.equal(letterAsPlainText('**收件方：** 招商银行客服中心'), '收件方：招商银行客服中心\n');
      assert.equal(letterAsPlainText('**1. 27 November 2025** · ChatGPT'), '1. 27 November 2025 · ChatGPT\n');
    });

    it('keeps ** that does not enclose text, and _ inside words', () => {
      assert.equal(letterAsPlainText('a ** b ** c'), 'a ** b ** c\n');
      assert.equal(letterAsPlainText('2 ** 3 and **x'), '2 ** 3 and **x\n');
      assert.equal(letterAsPlainText('- code: decline_code, do_not_honor'), '- code: decline_code, do_not_honor\n');
    });

    it('drops the _ around a line that is all emphasis', () => {
      assert.equal(letterAsPlainText('_(no error text was recorded for this attempt)_'), '(no error text was recorded for this attempt)\n');
    });

    it('writes list items with "- " and "1. ", keeping nested indentation', () => {
      assert.equal(
        letterAsPlainText('* one\n+ two\n- three\n  1. first\n  2) second\n10. tenth'),
        '- one\n- two\n- three\n  1. first\n  2. second\n10. tenth\n',
      );
    });

    it('writes checkboxes as boxes to tick', () => {
      assert.equal(letterAsPlainText('- [ ] Screenshots\n- [x] Error text\n* [X] Notice'), '☐ Screenshots\n☑ Error text\n☑ Notice\n');
    });

    it('keeps a quote as quoted text, its lines exactly as written', () => {
      assert.equal(
        letterAsPlainText('Before\n\n> {"error": {"code": "card_declined",\n>   "decline_code": "**x**"}}\n\nAfter'),
        'Before\n\n“{"error": {"code": "card_declined",\n  "decline_code": "**x**"}}”\n\nAfter\n',
      );
      assert.equal(letterAsPlainText('> Something went wrong.\n>\n> Try later.\n>'), '“Something went wrong.\n\nTry later.”\n');
    });

    it('quotes in 「 」 for Traditional Chinese, and in “ ” for English and Simplified Chinese', () => {
      assert.equal(letterAsPlainText('錯誤提示：\n\n> Your card was declined.\n> 請稍後再試。', 'zh-tw'), '錯誤提示：\n\n「Your card was declined.\n請稍後再試。」\n');
      assert.equal(letterAsPlainText('> 卡片无效', 'zh-cn'), '“卡片无效”\n');
      assert.equal(letterAsPlainText('> Card declined', 'en'), '“Card declined”\n');
    });

    it('without a language, quotes as the script the letter is written in', () => {
      assert.equal(letterAsPlainText('## 經過\n\n以下錯誤提示均為我當時看到的原文。\n\n> 您的银行卡被拒绝。'), '經過\n\n以下錯誤提示均為我當時看到的原文。\n\n「您的银行卡被拒绝。」\n');
      assert.equal(letterAsPlainText('## 经过\n\n以下错误提示均为我当时看到的原文。\n\n> 您的銀行卡被拒絕。'), '经过\n\n以下错误提示均为我当时看到的原文。\n\n“您的銀行卡被拒絕。”\n');
      assert.equal(letterAsPlainText('> Your card was declined.'), '“Your card was declined.”\n');
    });

    it('tells Traditional from Simplified by the characters only one script writes', () => {
      assert.equal(isTraditionalText('我的帳戶電子郵件為'), true);
      assert.equal(isTraditionalText('我的账户邮箱为'), false);
      assert.equal(isTraditionalText('Hello, 卡片'), false);
      assert.equal(isTraditionalText(''), false);
      // Its own words outnumber a quoted error in the other script.
      assert.equal(isTraditionalText('这是我们的账户。> 銀行'), false);
      // An English letter is English, whatever bank it names or note it quotes in Traditional Chinese.
      assert.equal(isTraditionalText(ENGLISH_TAIWANESE), false);
    });

    it('quotes an English letter that names a Taiwanese bank in “ ”', () => {
      assert.equal(
        letterAsPlainText(ENGLISH_TAIWANESE),
        'I am writing about my OpenAI account. I have not been able to add my debit card as a payment method.\n\n' +
          '- Issuing bank: 國泰世華銀行\n\n“我在網頁上試了兩次，這是第二次。”\n\nThank you for your help. Kind regards,\n',
      );
    });

    it('writes a link as its text and its address, and leaves a [placeholder] as it is', () => {
      assert.equal(letterAsPlainText('See [the Help Center](https://help.openai.com).'), 'See the Help Center (https://help.openai.com).\n');
      assert.equal(letterAsPlainText('[https://a.example](https://a.example)'), 'https://a.example\n');
      assert.equal(letterAsPlainText('- Name: [your full name]'), '- Name: [your full name]\n');
      assert.equal(letterAsPlainText('[a] (b) and [c](d e)'), '[a] (b) and [c](d e)\n');
    });

    it('writes a table row by row, without the divider or the outer pipes', () => {
      assert.equal(
        letterAsPlainText('| Time | Error |\n|---|:---:|\n| 09:58 | **declined** |\n'),
        'Time | Error\n09:58 | declined\n',
      );
    });

    it('leaves no more than one blank line in a row, none at either end, and one final newline', () => {
      assert.equal(letterAsPlainText('\n\n\nA  \n\n\n\n---\n\nB\r\n\r\n\r\nC\n\n'), 'A\n\nB\n\nC\n');
      assert.equal(letterAsPlainText(''), '');
    });

    it('refuses Markdown over the limit before reading it', () => {
      assert.equal(PLAIN_TEXT_LIMIT, 1_000_000);
      assert.equal(letterAsPlainText('a'.repeat(PLAIN_TEXT_LIMIT - 1)).length, PLAIN_TEXT_LIMIT);
      assert.throws(() => letterAsPlainText('a'.repeat(PLAIN_TEXT_LIMIT + 1)), PlainTextTooLongError);
    });

    it('takes time in proportion to the input on text made to make scanners backtrack', () => {
      for (const hostile of ['[**'.repeat(300_000), '**a ** '.repeat(140_000), '[x]('.repeat(240_000) + 'y']) {
        const started = process.hrtime.bigint();
        letterAsPlainText(hostile);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        assert.ok(ms < 1000, `${hostile.slice(0, 8)}…: ${ms.toFixed(0)} ms`);
      }
    });
  });

  describe('each built-in letter, rendered from each fixture', () => {
    const runtime = createLetterRuntime();
    const builtins = builtinLetterTemplates(runtime, compileBuiltinTemplateSpecs());
    const fixtures = readdirSync(FIXTURES).filter((file) => file.endsWith('.json')).sort();
    it('has fixtures', () => assert.ok(fixtures.length >= 3));
    for (const file of fixtures) {
      for (const kind of LETTER_KINDS) {
        for (const lang of LANGS) {
          const name = `${file.slice(0, -'.json'.length)}.${kind}.${lang}.txt`;
          it(name, () => {
            const markdown = renderFixture(builtins, kind, lang, file);
            const text = letterAsPlainText(markdown, lang);
            for (const line of text.split('\n')) {
              assert.ok(!line.startsWith('#') && !line.startsWith('>') && !line.includes('**') && !line.includes('[ ]'), line);
            }
            // Traditional Chinese quotes in 「 」, never “ ”; the others never in 「 」 of the converter's making.
            if (lang === 'zh-tw') assert.ok(!text.includes('“') && !text.includes('”'), text);
            else assert.ok(!text.includes('「') && !text.includes('」'), text);
            // "Copy letter as plain text" knows only the text: it must quote as the letter's language does.
            assert.equal(letterAsPlainText(markdown), text);
            assert.equal(new Set(text.match(/UTC[+-]\d{2}:\d{2}/g)).size, 1, text);
            const path = join(EXPECTED, name);
            if (UPDATE) {
              mkdirSync(EXPECTED, { recursive: true });
              writeFileSync(path, text);
              return;
            }
            assert.ok(existsSync(path), `no expected text ${name}: run with UPDATE_SNAPSHOTS=1 once, then read it`);
            assert.equal(text, readFileSync(path, 'utf8'));
          });
        }
      }
    }
  });
});

function renderFixture(builtins: ReturnType<typeof builtinLetterTemplates>, kind: LetterKind, lang: Lang, file: string): string {
  const raw = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { now: string; sender: LetterSender; report: unknown; journal: unknown[] };
  const parsed = (input: unknown): Report => {
    const result = parseReport(input);
    if (!result.ok) throw new Error(`invalid fixture report: ${JSON.stringify(result.errors)}`);
    return result.report;
  };
  return renderLetterIn(builtinLetterTemplate(builtins, kind, lang), kind, lang, parsed(raw.report), raw.journal.map(parsed), new Date(raw.now), raw.sender);
}
