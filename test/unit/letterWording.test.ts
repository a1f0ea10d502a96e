/**
 * The letters' words across the files a person sends or reads out (issue 13): one term for the
 * code a bank gives with a decline in each language (the bank letter, the phone script and the
 * evidence pack alike), no invented statement descriptor anywhere, a Latin bank name set apart
 * from the Chinese around it, and the Traditional bank letter describing the verification
 * authorization. Expected sentences are written out as a reader sees them.
 */
import assert from 'node:assert/strict';
import type { Lang } from '../../src/core/catalogue';
import { evidencePackFiles } from '../../src/core/evidencePack';
import { formatJournalEntry, journalHeader, parseJournal, type DatedReport } from '../../src/core/journal';
import { LETTER_KINDS, type LetterKind } from '../../src/core/letterKinds';
import { builtinLetterTemplate, builtinLetterTemplates, createLetterRuntime, renderLetterIn } from '../../src/core/letters';
import { phoneScriptMarkdown } from '../../src/core/phoneScript';
import { letterAsPlainText } from '../../src/core/plainText';
import { parseReport, type Report } from '../../src/core/report';
import { installTraditionalTable } from '../l10nFiles';
import { compileBuiltinTemplateSpecs, installBuiltinTemplatesModule } from '../templateLoader';

installBuiltinTemplatesModule();
installTraditionalTable();
const builtins = builtinLetterTemplates(createLetterRuntime(), compileBuiltinTemplateSpecs());
const NOW = new Date('2025-11-27T12:00:00+08:00');
const LANGS: readonly Lang[] = ['en', 'zh-cn', 'zh-tw'];

function dated(input: unknown): DatedReport {
  const parsed = parseReport(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.report as DatedReport;
}

function attempt(issuerName: string, issuerCountry: string, product = 'chatgpt-web'): DatedReport {
  return dated({
    occurredAt: '2025-11-27T10:31:00+08:00',
    product,
    errorMessage: 'Your card was declined.',
    card: { kind: 'credit', brand: 'visa', last4: '4242', issuerName, issuerCountry },
  });
}

function letter(kind: LetterKind, lang: Lang, report: Report): string {
  return renderLetterIn(builtinLetterTemplate(builtins, kind, lang), kind, lang, report, [report], NOW);
}

function phoneScript(report: DatedReport, lang: Lang): string {
  return phoneScriptMarkdown(parseJournal(journalHeader('en') + formatJournalEntry(report, 'en')).entries, lang)!;
}

/** Every file the pack writes, for a card of `country`, the pack in `lang`: the phone script is in the bank's language. */
function pack(report: DatedReport, lang: Lang): string {
  const entries = parseJournal(journalHeader('en') + formatJournalEntry(report, 'en')).entries;
  return evidencePackFiles({ entries, now: NOW, lang }).map((file) => file.text).join('\n');
}

const lines = (text: string) => text.split('\n');

describe('the letters’ words (issue 13)', () => {
  describe('one term for the code a bank gives with a decline, per language', () => {
    // What a bank's service desk calls it: English "response code"; Chinese 拒绝原因代码, 拒絕原因代碼.
    const TERMS: Record<Lang, { term: string; others: readonly string[] }> = {
      en: { term: 'response code', others: ['reason code', 'decline code', 'result code'] },
      'zh-cn': { term: '拒绝原因代码', others: ['响应码', '回应码', '应答码', '原因码', '返回码'] },
      'zh-tw': { term: '拒絕原因代碼', others: ['響應碼', '回應碼', '應答碼', '原因碼', '返回碼'] },
    };
    const mainland = attempt('招商银行', 'CN');

    for (const lang of LANGS) {
      const { term, others } = TERMS[lang];
      it(`${lang}: the bank letter and the phone script say “${term}”, and nothing else for it`, () => {
        const bank = letter('bank-inquiry', lang, mainland);
        const script = phoneScript(mainland, lang);
        assert.ok(bank.includes(term), bank);
        assert.ok(script.includes(term), script);
        for (const text of [bank, script]) for (const other of others) assert.ok(!text.includes(other), `${other} in:\n${text}`);
      });
    }

    it('the question and the note, as written', () => {
      assert.ok(lines(letter('bank-inquiry', 'zh-tw', mainland)).includes('2. 如被拒絕，是貴行拒絕的，還是卡組織（Visa）拒絕的？具體的拒絕原因和拒絕原因代碼是什麼？'));
      assert.ok(lines(phoneScript(mainland, 'zh-tw')).includes('2. 如果被拒絕，拒絕原因是什麼？拒絕原因代碼是多少？'));
      assert.ok(lines(phoneScript(mainland, 'zh-tw')).includes('- [ ] 銀行給出的拒絕原因和拒絕原因代碼'));
    });

    it('the evidence pack’s phone script in the bank’s language, with the same term', () => {
      assert.ok(pack(mainland, 'en').includes('- [ ] 银行给出的拒绝原因和拒绝原因代码'));
      assert.ok(pack(attempt('HSBC', 'HK'), 'en').includes('- [ ] 銀行給出的拒絕原因和拒絕原因代碼'));
      assert.ok(pack(attempt('Chase', 'US'), 'zh-cn').includes('- [ ] the reason and the response code the bank gives'));
    });
  });

  describe('no invented statement descriptor', () => {
    const api = attempt('招商银行', 'CN', 'api-platform');
    for (const lang of LANGS) {
      it(`${lang}: the letters, their plain text, the phone script and the pack name a merchant whose name contains OPENAI, and nothing more`, () => {
        const texts = [
          ...LETTER_KINDS.flatMap((kind) => [letter(kind, lang, api), letterAsPlainText(letter(kind, lang, api), lang)]),
          phoneScript(api, lang),
          pack(api, lang),
        ];
        for (const text of texts) {
          assert.ok(!text.includes('SUBSCR') && !text.includes('OPENAI *') && !text.includes('OPENAI*'), text);
        }
      });
    }

    it('the bank letter names the merchant as “a name containing OPENAI”, in each language', () => {
      assert.ok(lines(letter('bank-inquiry', 'en', api)).includes('- Merchant: a name containing “OPENAI” (the exact name in your records may differ)'));
      assert.ok(lines(letter('bank-inquiry', 'zh-cn', api)).includes('- 商户名称：名称中含有“OPENAI”的商户（具体显示名称以贵行记录为准）'));
      assert.ok(lines(letter('bank-inquiry', 'zh-tw', api)).includes('- 商家名稱：名稱中含有「OPENAI」的商家（具體顯示名稱以貴行記錄為準）'));
    });
  });

  describe('the Traditional bank letter describes the verification authorization', () => {
    it('a verification authorization of 0 or about 1 US dollar at the merchant, and the API platform’s temporary hold', () => {
      const web = letter('bank-inquiry', 'zh-tw', attempt('HSBC', 'HK'));
      assert.ok(web.includes('新增卡片時，商家會發起一筆驗證性預授權，金額通常為 0 或約 1 美元，一般會自動撤銷。'), web);
      assert.ok(lines(web).includes('- 金額：0 或約 1 美元'), web);
      assert.ok(!web.includes('臨時凍結'), web);
      const api = letter('bank-inquiry', 'zh-tw', attempt('HSBC', 'HK', 'api-platform'));
      assert.ok(api.includes('一般會自動撤銷；在其 API 平台綁卡時，商家還可能臨時凍結幾美元。'), api);
      assert.ok(lines(api).includes('- 金額：0 或約 1 美元，或臨時凍結的幾美元'), api);
    });
  });

  describe('a Latin bank name among Chinese words', () => {
    const cases: readonly { issuer: string; country: string; lang: Lang; to: string; dear: string }[] = [
      { issuer: 'HSBC', country: 'HK', lang: 'zh-tw', to: '**收件人：** HSBC 客服中心', dear: '尊敬的 HSBC 客服：' },
      { issuer: 'Bank of China (Hong Kong)', country: 'HK', lang: 'zh-tw', to: '**收件人：** Bank of China (Hong Kong) 客服中心', dear: '尊敬的 Bank of China (Hong Kong) 客服：' },
      { issuer: 'Citibank', country: 'CN', lang: 'zh-cn', to: '**收件方：** Citibank 客服中心', dear: '尊敬的 Citibank 客服：' },
      { issuer: '招商银行', country: 'CN', lang: 'zh-cn', to: '**收件方：** 招商银行客服中心', dear: '尊敬的招商银行客服：' },
      { issuer: '中國信託', country: 'TW', lang: 'zh-tw', to: '**收件人：** 中國信託客服中心', dear: '尊敬的中國信託客服：' },
      { issuer: 'HSBC', country: 'HK', lang: 'en', to: '**To:** HSBC, card services', dear: 'Dear HSBC customer service team,' },
    ];
    for (const { issuer, country, lang, to, dear } of cases) {
      it(`${lang}: ${dear}`, () => {
        const text = lines(letter('bank-inquiry', lang, attempt(issuer, country)));
        assert.equal(text[0], to);
        assert.ok(text.includes(dear), text.join('\n'));
      });
    }

    it('unknown: the placeholder, with no stray space', () => {
      const text = lines(letter('bank-inquiry', 'zh-cn', dated({ occurredAt: '2025-11-27T10:31:00+08:00', card: { last4: '4242', issuerCountry: 'CN' } })));
      assert.equal(text[0], '**收件方：** 【发卡银行名称】客服中心');
      assert.ok(text.includes('尊敬的【发卡银行名称】客服：'), text.join('\n'));
    });
  });
});

describe('a product whose name ends in Latin script, among Chinese words', () => {
  const app = attempt('招商银行', 'CN', 'chatgpt-app');
  it('the appeal and the bank letter, Simplified and Traditional: 在 ChatGPT 手机 App 中', () => {
    assert.ok(letter('appeal', 'zh-cn', app).includes('我在 ChatGPT 手机 App 中尝试添加一张卡片（Visa 信用卡，尾号 4242）作为付款方式，但被拒绝'), letter('appeal', 'zh-cn', app));
    assert.ok(lines(letter('bank-inquiry', 'zh-cn', app)).includes('- 交易类型：线上无卡交易，在 ChatGPT 手机 App 中添加付款方式时的验证性预授权'));
    assert.ok(lines(letter('bank-inquiry', 'zh-tw', app)).includes('- 交易類型：線上無卡交易，在 ChatGPT 手機 App 中新增付款方式時的驗證性預授權'), letter('bank-inquiry', 'zh-tw', app));
  });

  it('a product ending in Chinese keeps no space: 在 ChatGPT 网页版中', () => {
    const web = attempt('招商银行', 'CN');
    assert.ok(lines(letter('bank-inquiry', 'zh-cn', web)).includes('- 交易类型：线上无卡交易，在 ChatGPT 网页版中添加付款方式时的验证性预授权'));
  });
});
