/**
 * Traditional Chinese (zh-tw) everywhere a person reads, with the expected text written out: a
 * change in the converter, the reviewed phrases (l10n/zh-tw-overrides.json) or the Simplified
 * source shows here as a changed line. Also: who gets Traditional (the host's and the CLI's
 * language choice), that what a person typed keeps its own script, and that no Simplified
 * character of the project's own words is left in a zh-tw diagnosis, journal or letter.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { langOfLocale, parseLang } from '../../src/cli/language';
import { countryName } from '../../src/core/countries';
import { diagnose } from '../../src/core/diagnose';
import { diagnosisToMarkdown, viewDiagnosis } from '../../src/core/diagnosisView';
import { localizeFieldMessage } from '../../src/core/fieldMessages';
import { journalHeader, formatJournalEntry, type DatedReport } from '../../src/core/journal';
import { authoredLang, htmlLang, isChinese, labelsFor, say, sayMaybe, toTraditional, useTraditionalTable, type TraditionalTable } from '../../src/core/language';
import { DURATION_UNITS, durationText } from '../../src/core/localTime';
import { parseReport, type Report } from '../../src/core/report';
import { langForLocale } from '../../src/host/language';
import { installTraditionalTable, readJson, ROOT } from '../l10nFiles';
import { installBuiltinTemplatesModule } from '../templateLoader';

const NOW = new Date('2025-11-27T12:00:00+08:00');

function example(overrides: Record<string, unknown> = {}): Report & { occurredAt: string } {
  const parsed = parseReport({ ...JSON.parse(readFileSync(join(ROOT, 'examples/declined-unionpay.card-report.json'), 'utf8')), ...overrides });
  if (!parsed.ok) throw new Error('the example report does not parse');
  return parsed.report as Report & { occurredAt: string };
}

/**
 * Every line of `text` that still holds a Simplified character (one the table changes). By
 * character, not by converting again: a reviewed phrase may contain its own source (有效期 ->
 * 有效期限), so a second conversion is no test of the first.
 */
function untranslated(text: string): string[] {
  const { from, phrases } = readJson('l10n/zh-tw-table.json') as { from: string; phrases: Record<string, string> };
  // A character some phrase keeps (一台您 stays 一台您 while 台 alone becomes 臺) is Traditional there too.
  const kept = new Set(Object.values(phrases).join(''));
  return text.split('\n').filter((line) => [...line].some((char) => from.includes(char) && !kept.has(char)));
}

/** Runs the CLI in process, capturing what it prints. */
async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  process.stdout.write = ((chunk: string) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    // Required here: the CLI imports the bundle-only template module, installed in `before`.
    const { main } = require('../../src/cli/program') as typeof import('../../src/cli/program');
    const code = await main(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

describe('Traditional Chinese (zh-tw)', () => {
  before(() => {
    installTraditionalTable();
    installBuiltinTemplatesModule();
  });

  describe('who reads it', () => {
    it('the extension: VS Code zh-tw, zh-hk, zh-mo and zh-hant*, other Chinese reads Simplified', () => {
      const cases: [string, string][] = [
        ['zh-tw', 'zh-tw'],
        ['zh-TW', 'zh-tw'],
        ['zh-hk', 'zh-tw'],
        ['zh-mo', 'zh-tw'],
        ['zh-hant', 'zh-tw'],
        ['zh-Hant-HK', 'zh-tw'],
        ['zh-cn', 'zh-cn'],
        ['zh-sg', 'zh-cn'],
        ['zh-hans', 'zh-cn'],
        ['zh', 'zh-cn'],
        ['en', 'en'],
        ['ja', 'en'],
        ['zh-twx', 'zh-cn'],
      ];
      assert.deepEqual(cases.map(([locale]) => [locale, langForLocale(locale)]), cases);
    });

    it('the CLI: LANG, LC_ALL and --lang as a terminal writes them', () => {
      assert.equal(langOfLocale('zh_TW.UTF-8'), 'zh-tw');
      assert.equal(langOfLocale('zh_HK.Big5-HKSCS'), 'zh-tw');
      assert.equal(langOfLocale('zh_MO'), 'zh-tw');
      assert.equal(langOfLocale('zh-Hant'), 'zh-tw');
      assert.equal(langOfLocale('zh_CN.UTF-8'), 'zh-cn');
      assert.equal(langOfLocale('en_US.UTF-8'), 'en');
      assert.equal(langOfLocale('fr_FR.UTF-8'), undefined);
      assert.equal(parseLang(undefined, { LANG: 'zh_HK.UTF-8' }), 'zh-tw');
      assert.equal(parseLang(undefined, { LC_ALL: 'zh_TW.UTF-8', LANG: 'zh_CN.UTF-8' }), 'zh-tw');
      assert.equal(parseLang(undefined, { LANG: 'fr_FR.UTF-8' }), 'en');
      assert.equal(parseLang('zh-tw', {}), 'zh-tw');
      assert.throws(() => parseLang('fr', {}), /--lang: expected en, zh-cn or zh-tw/);
    });

    it('marks its pages zh-TW for fonts and screen readers', () => {
      assert.deepEqual([htmlLang('en'), htmlLang('zh-cn'), htmlLang('zh-tw')], ['en', 'zh-CN', 'zh-TW']);
    });
  });

  describe('core', () => {
    it('converts phrases before characters: 发卡行 is 發卡行, not opencc’s 髮卡行', () => {
      assert.equal(toTraditional('发卡行'), '發卡行');
      assert.equal(toTraditional('请致电发卡行（call_issuer）。'), '請致電發卡行（call_issuer）。');
    });

    it('says authored words in each language, Traditional from the Simplified', () => {
      const words = { en: 'Card failure journal', 'zh-cn': '绑卡失败记录' };
      assert.deepEqual([say(words, 'en'), say(words, 'zh-cn'), say(words, 'zh-tw')], ['Card failure journal', '绑卡失败记录', '綁卡失敗記錄']);
      const labels = { en: { n: (count: number) => `${count} attempts` }, 'zh-cn': { n: (count: number) => `绑卡 ${count} 次` } };
      assert.equal(labelsFor(labels, 'zh-tw').n(3), '綁卡 3 次');
    });

    it('refuses a table of the wrong shape and keeps the one it has', () => {
      const bad: [unknown, RegExp][] = [
        [{ from: '发后', to: '發', phrases: {} }, /"from" and "to" of the same length/],
        [{ from: '发', to: '發' }, /needs "phrases"/],
        [{ from: '', to: '', phrases: { 发: '發' } }, /bad phrase: "发"/],
        [{ from: '', to: '', phrases: { ['发'.repeat(65)]: '發' } }, /bad phrase/],
        [{ from: '', to: '', phrases: { 发卡: 1 } }, /bad phrase: "发卡"/],
      ];
      for (const [table, message] of bad) assert.throws(() => useTraditionalTable(table as TraditionalTable), message);
      assert.equal(toTraditional('发卡行'), '發卡行');
    });

    it('says which languages write Chinese and which words they read', () => {
      assert.deepEqual([isChinese('en'), isChinese('zh-cn'), isChinese('zh-tw')], [false, true, true]);
      assert.deepEqual([authoredLang('en'), authoredLang('zh-cn'), authoredLang('zh-tw')], ['en', 'zh-cn', 'zh-cn']);
      assert.equal(sayMaybe(undefined, 'zh-tw'), undefined);
      assert.equal(sayMaybe({ en: 'debit', 'zh-cn': '借记卡' }, 'en'), 'debit');
    });

    it('writes a wait in Traditional units, the same as the table makes of the Simplified ones', () => {
      assert.equal(durationText((5 * 60 + 12) * 60_000, 'zh-tw'), '5 小時 12 分鐘');
      assert.deepEqual(DURATION_UNITS['zh-tw'], DURATION_UNITS['zh-cn'].map(toTraditional));
    });

    it('names countries as Taiwan writes them (ICU zh-Hant-TW)', () => {
      assert.deepEqual(['CN', 'TW', 'HK', 'MO', 'US'].map((code) => countryName(code, 'zh-tw')), ['中國', '台灣', '香港', '澳門', '美國']);
    });

    it('translates field messages', () => {
      assert.equal(localizeFieldMessage('expected 6-8 digits', 'zh-tw'), '應為 6 到 8 位數字');
      assert.equal(localizeFieldMessage('expected one of visa, mastercard', 'zh-tw'), '應為以下之一：visa, mastercard');
    });

    it('lays out a diagnosis', () => {
      const markdown = diagnosisToMarkdown(viewDiagnosis(diagnose(example(), [], NOW), 'zh-tw', NOW));
      const lines = markdown.split('\n');
      assert.equal(lines[0], '# 綁卡失敗診斷');
      assert.ok(lines.includes('- 識別出的提示：您的卡片被拒絕了。（拒絕代碼：card_declined）'), markdown);
      assert.ok(lines.includes('- 失敗日誌中過去 24 小時沒有記錄。這次綁卡還沒有記入失敗日誌。'), markdown);
      assert.ok(lines.includes('### 2. 地區不受支援 — 可能性較高'), markdown);
      assert.ok(lines.includes('- 發卡地區中國不在支援地區清單中（截至 2026-01-24）。'), markdown);
      assert.deepEqual(untranslated(markdown), []);
    });

    it('writes the cooldown in Traditional, times and numbers as they are', () => {
      const earlier = example({ occurredAt: '2025-11-27T09:00:00+08:00', card: { last4: '1111' } });
      const view = viewDiagnosis(diagnose(example(), [earlier, example()], NOW), 'zh-tw', NOW);
      assert.equal(
        view.cooldown,
        '過去 24 小時內用過不止一張卡；文章建議先等 24 小時。請等到 2025-11-28 10:31 UTC+08:00（還有 22 小時 31 分鐘）再重試或換卡。',
      );
    });

    it('writes a journal entry, keeping what the person typed in the script they typed it', () => {
      const entry = formatJournalEntry(example() as DatedReport, 'zh-tw');
      const lines = entry.split('\n');
      assert.equal(lines[1], '## 2025-11-27 10:31 UTC+08:00 · ChatGPT 網頁版');
      assert.equal(lines[3], '- 錯誤：「Your card was declined. 您的银行卡被拒绝。」');
      assert.equal(lines[4], '- 卡片：銀聯簽帳金融卡 •••• 4242 · 招商银行 · 中國');
      assert.ok(journalHeader('zh-tw').startsWith('# 綁卡失敗記錄\n\n由綁卡醫生（Card Binding Doctor）寫入：'));
    });
  });

  describe('letters', () => {
    // The letter renderer imports the bundle-only template module: loaded once it is installed.
    const render = (...args: Parameters<typeof import('../../src/core/letterRendering').renderLetterText>) =>
      (require('../../src/core/letterRendering') as typeof import('../../src/core/letterRendering')).renderLetterText(...args);
    const typed = { notes: '第二次换了节点后再试，后台显示失败' };

    it('renders the appeal from the Simplified template, converted, with typed values as typed', () => {
      const report = example(typed);
      // With the self-diagnosis, so a cause's words are converted too.
      const letter = render('appeal', 'zh-tw', report, [report], NOW, { name: '张伟', email: 'zhang@example.cn', includeSelfDiagnosis: true });
      const lines = letter.split('\n');
      assert.equal(lines[0], '**收件人：** OpenAI 支援團隊（Billing & Payments）');
      assert.ok(lines.includes('- 姓名：张伟'), letter);
      assert.ok(lines.includes('- 發卡行：招商银行'), letter);
      assert.ok(lines.includes('- 發卡國家/地區：中國'), letter);
      assert.ok(lines.includes('> Your card was declined. 您的银行卡被拒绝。'), letter);
      assert.ok(lines.includes('> 第二次换了节点后再试，后台显示失败'), letter);
      assert.ok(lines.includes('- **地區不受支援**（可能性較高）：這張卡的發卡地區，或我所在的地區，可能不在支援範圍內。'), letter);
      // Everything else is Traditional: only the four typed lines still convert.
      assert.deepEqual(untranslated(letter), ['- 姓名：张伟', '> Your card was declined. 您的银行卡被拒绝。', '- 發卡行：招商银行', '> 第二次换了节点后再试，后台显示失败', '张伟']);
    });

    it('renders the bank inquiry with its placeholders in Traditional', () => {
      const letter = render('bank-inquiry', 'zh-tw', example(), [], NOW, {});
      const lines = letter.split('\n');
      assert.equal(lines[0], '**收件人：** 招商银行客服中心');
      assert.ok(lines.includes('- 金額：0 或約 1 美元'), letter);
      assert.ok(lines.includes('持卡人：【您的姓名】'), letter);
      assert.deepEqual(
        untranslated(letter.replace(/招商银行|您的银行卡被拒绝/g, '')),
        [],
      );
    });

    it('never lets a card number through a typed value held aside while converting', () => {
      const report = example({ notes: '卡号 4242 4242 4242 4242 被拒' });
      const letter = render('appeal', 'zh-tw', report, [report], NOW, {});
      assert.ok(!/4242\D{0,3}4242\D{0,3}4242/.test(letter), letter);
      assert.ok(letter.includes('> 卡号 '), letter);
    });
  });

  describe('the CLI', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'card-doctor-tw-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('records and lists an attempt in Traditional', async () => {
      const journal = join(dir, 'journal.md');
      const report = join(dir, 'report.json');
      writeFileSync(report, readFileSync(join(ROOT, 'examples/declined-unionpay.card-report.json')));
      const added = await cli(['journal', 'add', report, '--journal', journal, '--lang', 'zh-tw']);
      assert.equal(added.code, 0, added.stderr);
      assert.equal(added.stdout, `已將這次綁卡（2025-11-27 10:31 UTC+08:00 · ChatGPT 網頁版）記入 ${journal}\n`);
      const refused = await cli(['journal', 'add', report, '--journal', journal, '--lang', 'zh-tw']);
      assert.equal(refused.code, 3);
      assert.equal(
        refused.stderr,
        `error: 失敗日誌中已有這次綁卡的記錄（2025-11-27 10:31 UTC+08:00 · ChatGPT 網頁版，見 ${journal} 第 12 行），未寫入任何內容。如確需再記一次，請加上 --force。\n`,
      );
      const listed = await cli(['journal', 'list', '--journal', journal, '--lang', 'zh-tw']);
      assert.equal(
        listed.stdout,
        '2025-11-27 10:31 UTC+08:00 · ChatGPT 網頁版  銀聯簽帳金融卡 •••• 4242 · 招商银行 · 中國  「Your card was declined. 您的银行卡被拒绝。」  （第 12 行）\n',
      );
      // English again in the same process: the bundle is per command, not left from the last one.
      const english = await cli(['journal', 'list', '--journal', join(dir, 'none.md'), '--lang', 'en']);
      assert.equal(english.stdout, `No entries in ${join(dir, 'none.md')}\n`);
    });

    it('diagnoses in Traditional', async () => {
      const { code, stdout } = await cli(['diagnose', join(ROOT, 'examples/declined-unionpay.card-report.json'), '--lang', 'zh-tw', '--now', '2025-11-27T12:00:00+08:00']);
      assert.equal(code, 0);
      assert.equal(stdout.split('\n')[0], '綁卡失敗診斷');
      assert.deepEqual(untranslated(stdout), []);
    });
  });

  it('ships the table the host and the CLI read', () => {
    const table = readJson('l10n/zh-tw-table.json');
    assert.equal(table.from.length, table.to.length);
    assert.ok(table.from.includes('发') && table.to[table.from.indexOf('发')] === '發');
  });
});
