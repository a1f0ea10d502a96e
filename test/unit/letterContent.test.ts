/**
 * What the built-in letters say (issue 13): the bank inquiry describes the verification
 * authorization the bank will find and asks only what a bank can answer, consistent with what the
 * person said about international payments; the appeal gives support the timeline and what the
 * person will do next, with the self-diagnosis only when asked for. Expected sentences are written
 * out as a reader would see them.
 */
import assert from 'node:assert/strict';
import type { Lang } from '../../src/core/catalogue';
import { letterTemplateName, type LetterKind } from '../../src/core/letterKinds';
import { buildLetterData, builtinLetterTemplates, createLetterRuntime, renderLetter, type LetterSender } from '../../src/core/letters';
import type { Report } from '../../src/core/report';
import { compileBuiltinTemplateSpecs, installBuiltinTemplatesModule } from '../templateLoader';
import { validReport } from '../validReport';

installBuiltinTemplatesModule();
const builtins = builtinLetterTemplates(createLetterRuntime(), compileBuiltinTemplateSpecs());
const NOW = new Date('2025-11-27T12:00:00+08:00');

function letter(kind: LetterKind, lang: Lang, report: Report, history: Report[] = [report], sender: LetterSender = {}): string {
  return renderLetter(builtins.get(letterTemplateName(kind, lang))!, buildLetterData(kind, lang, report, history, NOW, sender));
}

/** A mainland debit card refused on ChatGPT, with the answers that vary per test. */
function attempt(overrides: { product?: string; internationalOnline?: string; occurredAt?: string } = {}): Report {
  return validReport({
    occurredAt: overrides.occurredAt ?? '2025-11-27T10:31:00+08:00',
    product: overrides.product ?? 'chatgpt-web',
    errorMessage: 'Your card was declined.',
    card: { kind: 'debit', brand: 'unionpay', last4: '4242', issuerName: '招商银行', issuerCountry: 'CN', expiry: '2028-06' },
    billing: { country: 'CN', matchesIssuer: 'yes' },
    bank: { internationalOnline: overrides.internationalOnline ?? 'unknown', balanceSufficient: 'yes' },
    connection: { vpn: 'no', switchedRecently: 'no', accessCountry: 'CN' },
  });
}

const lines = (text: string) => text.split('\n');

describe('what the letters say (issue 13)', () => {
  describe('the bank inquiry: the transaction the bank will find', () => {
    it('English: a verification authorization of zero or about 1 USD at a merchant whose name contains OPENAI', () => {
      const text = letter('bank-inquiry', 'en', attempt());
      assert.ok(
        text.includes(
          'When a card is added, the merchant sends a verification authorization, usually of zero or about 1 US dollar, which is normally reversed. ' +
            'I would like to know why it was declined, and what I need to do so that my next attempt is not blocked.',
        ),
        text,
      );
      const all = lines(text);
      assert.ok(all.includes('- Merchant: a name containing “OPENAI” (the exact name in your records may differ)'), text);
      assert.ok(all.includes('- Type: online, card not present: a verification authorization when adding the card as a payment method for ChatGPT on the web'), text);
      assert.ok(all.includes('- Amount: zero or about 1 USD'), text);
      assert.ok(all.includes('  1. 27 November 2025, 10:31 (UTC+08:00): “Your card was declined.”'), text);
      assert.ok(!text.includes('20 USD'), 'no invented amount');
      assert.ok(!text.includes('SUBSCR'), 'no invented statement descriptor');
    });

    it('Chinese: 验证性预授权, 0 或约 1 美元, 名称中含有“OPENAI”的商户', () => {
      const text = letter('bank-inquiry', 'zh-cn', attempt());
      assert.ok(text.includes('添加卡片时，商户会发起一笔验证性预授权，金额通常为 0 或约 1 美元，一般会自动撤销。'), text);
      const all = lines(text);
      assert.ok(all.includes('- 商户名称：名称中含有“OPENAI”的商户（具体显示名称以贵行记录为准）'), text);
      assert.ok(all.includes('- 交易类型：线上无卡交易，在 ChatGPT 网页版中添加付款方式时的验证性预授权'), text);
      assert.ok(all.includes('- 金额：0 或约 1 美元'), text);
      assert.ok(all.includes('  1. 2025年11月27日 10:31（UTC+08:00）：“Your card was declined.”'), text);
      assert.ok(!text.includes('20 USD'), 'no invented amount');
      assert.ok(!text.includes('SUBSCR'), 'no invented statement descriptor');
    });

    it('the API platform adds the temporary hold of a few dollars; ChatGPT does not', () => {
      const api = attempt({ product: 'api-platform' });
      const en = letter('bank-inquiry', 'en', api);
      assert.ok(en.includes('which is normally reversed; for its API platform it may also place a temporary hold of a few US dollars.'), en);
      assert.ok(lines(en).includes('- Amount: zero or about 1 USD, or a temporary hold of a few USD'), en);
      const zh = letter('bank-inquiry', 'zh-cn', api);
      assert.ok(zh.includes('一般会自动撤销；在其 API 平台绑卡时，商户还可能临时冻结几美元。'), zh);
      assert.ok(lines(zh).includes('- 金额：0 或约 1 美元，或临时冻结的几美元'), zh);
      assert.ok(!letter('bank-inquiry', 'en', attempt()).includes('temporary hold'));
      assert.ok(!letter('bank-inquiry', 'zh-cn', attempt()).includes('临时冻结'));
    });

    it('an amount the person gives is added beside the authorization, not put in its place', () => {
      const text = letter('bank-inquiry', 'en', attempt(), undefined, { amount: '1 USD' });
      assert.ok(lines(text).includes('- Amount: zero or about 1 USD (the amount I saw: 1 USD)'), text);
    });

    it('lists the time of every attempt with this card', () => {
      const first = attempt({ occurredAt: '2025-11-27T09:58:00+08:00' });
      const second = attempt();
      const text = letter('bank-inquiry', 'en', second, [first, second]);
      assert.ok(text.includes('I tried 2 times on 27 November 2025 between 09:58 and 10:31 (UTC+08:00) to add this card as a payment method with the merchant OpenAI (based in the United States), and each attempt was declined.'), text);
      const all = lines(text);
      assert.ok(all.includes('  1. 27 November 2025, 09:58 (UTC+08:00): “Your card was declined.”'), text);
      assert.ok(all.includes('  2. 27 November 2025, 10:31 (UTC+08:00): “Your card was declined.”'), text);
      assert.ok(all.includes('1. Did you receive an authorization request from this merchant at these times, and was it declined?'), text);
    });
  });

  describe('the bank inquiry: only what a bank can answer', () => {
    it('asks who declined and why, in both languages', () => {
      assert.ok(
        lines(letter('bank-inquiry', 'en', attempt())).includes(
          '2. If it was declined, was it declined by the bank or by the card network (UnionPay), and what were the reason and the response code?',
        ),
      );
      assert.ok(lines(letter('bank-inquiry', 'zh-cn', attempt())).includes('2. 如被拒绝，是贵行拒绝的，还是卡组织（银联）拒绝的？具体的拒绝原因和拒绝原因代码是什么？'));
      assert.ok(lines(letter('bank-inquiry', 'en', attempt())).includes('4. What should I do so that my next attempt is not blocked?'));
      assert.ok(lines(letter('bank-inquiry', 'zh-cn', attempt())).includes('4. 为避免下次绑卡再被拦截，我需要做些什么？'));
    });

    it('says nothing about the VPN or the network, even when the person answered', () => {
      for (const lang of ['en', 'zh-cn'] as const) {
        const text = letter('bank-inquiry', lang, attempt());
        assert.ok(!text.includes('VPN'), text);
        assert.ok(!text.includes('network throughout') && !text.includes('同一网络'), text);
      }
    });

    const international = [
      {
        answer: 'unknown',
        en: '3. Are international online (card-not-present) payments enabled on this card? If not, how can I enable them?',
        zh: '3. 这张卡是否已开通境外线上支付（无卡交易）？如未开通，应如何开通？',
      },
      {
        answer: 'yes',
        en: '3. International online (card-not-present) payments are enabled on this card. Is there any other block, limit or risk hold on the card that would stop an authorization from this merchant?',
        zh: '3. 这张卡已开通境外线上支付（无卡交易）。卡上是否还有其他拦截、限额或风控冻结，会导致这家商户的授权被拒？',
      },
      {
        answer: 'no',
        en: '3. International online (card-not-present) payments are not enabled on this card. How can I enable them?',
        zh: '3. 这张卡尚未开通境外线上支付（无卡交易）。请问应如何开通？',
      },
    ];
    for (const { answer, en, zh } of international) {
      it(`international payments answered "${answer}": one question, consistent with the answer`, () => {
        const english = letter('bank-inquiry', 'en', attempt({ internationalOnline: answer }));
        const chinese = letter('bank-inquiry', 'zh-cn', attempt({ internationalOnline: answer }));
        assert.ok(lines(english).includes(en), english);
        assert.ok(lines(chinese).includes(zh), chinese);
        // Said once, in the question: never also listed as checked.
        assert.equal((english.match(/international online/gi) ?? []).length, 1, english);
        assert.equal((chinese.match(/境外线上支付/g) ?? []).length, 1, chinese);
      });
    }
  });

  describe('the appeal', () => {
    it('English: no self-diagnosis by default; the timeline, last 4 and what the person will do next', () => {
      const text = letter('appeal', 'en', attempt());
      const all = lines(text);
      assert.ok(all.includes('**1. 27 November 2025, 10:31 (UTC+08:00)** · ChatGPT (web) · UnionPay •••• 4242'), text);
      assert.ok(all.includes('> Your card was declined.'), text);
      assert.ok(all.includes('## What I will do next'), text);
      assert.ok(
        all.includes('I will wait at least 24 hours and make no further attempts, with this card or another, until I hear back from you, so as not to trigger further risk checks.'),
        text,
      );
      assert.ok(all.includes('## What I have already checked'), text);
      assert.ok(!all.includes('## My own checks'), text);
      assert.ok(!text.includes('VPN'), text);
      assert.ok(!text.includes('supported list'), text);
    });

    it('English: the self-diagnosis, with the network facts, when asked for', () => {
      const text = letter('appeal', 'en', attempt(), undefined, { includeSelfDiagnosis: true });
      const all = lines(text);
      assert.ok(all.includes('## My own checks'), text);
      assert.ok(all.includes('- I was not using a VPN.'), text);
      assert.ok(all.includes('- I stayed on one network throughout and did not switch networks or regions.'), text);
      assert.ok(
        all.includes('- **Region not supported** (likely): The country where my card was issued, or where I am, may not be on the supported list.'),
        text,
      );
      assert.ok(!all.includes('## What I have already checked'), 'one section, not two');
    });

    it('Chinese: no self-diagnosis by default, and with it when asked for', () => {
      const plain = letter('appeal', 'zh-cn', attempt());
      assert.ok(lines(plain).includes('## 接下来我会怎么做'), plain);
      assert.ok(lines(plain).includes('我会先等待至少 24 小时；在收到您的回复之前，不再用这张卡或其他卡片重新绑卡，以免再次触发风控。'), plain);
      assert.ok(!plain.includes('## 我自己的排查'), plain);
      assert.ok(!plain.includes('VPN'), plain);
      const full = letter('appeal', 'zh-cn', attempt(), undefined, { includeSelfDiagnosis: true });
      assert.ok(lines(full).includes('## 我自己的排查'), full);
      assert.ok(lines(full).includes('- 绑卡时没有使用 VPN。'), full);
      assert.ok(lines(full).includes('以下是我自己排查出的可能原因。这些只是推测，我无法确定，还请您帮忙判断：'), full);
    });

    it('the data flag is false unless the sender asks for it', () => {
      const report = attempt();
      assert.equal(buildLetterData('appeal', 'en', report, [report], NOW).includeSelfDiagnosis, false);
      assert.equal(buildLetterData('appeal', 'en', report, [report], NOW, { includeSelfDiagnosis: true }).includeSelfDiagnosis, true);
    });
  });
});
