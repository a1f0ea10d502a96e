/**
 * The bank phone script (issue 13): in the bank's language, about the last attempt's card and its
 * times, the verification authorization at a merchant named OPENAI, what to write down.
 */
import assert from 'node:assert/strict';
import { formatJournalEntry, parseJournal, type DatedReport, type JournalEntry } from '../../src/core/journal';
import { bankLanguage, phoneScriptMarkdown } from '../../src/core/phoneScript';
import { parseReport } from '../../src/core/report';

function dated(input: unknown): DatedReport {
  const parsed = parseReport(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.report as DatedReport;
}

function entries(...reports: DatedReport[]): JournalEntry[] {
  return parseJournal(reports.map((report) => formatJournalEntry(report, 'en')).join('')).entries;
}

const UNIONPAY_WEB = dated({
  occurredAt: '2025-11-27T10:31:00+08:00',
  product: 'chatgpt-web',
  errorMessage: 'Your card was declined.',
  card: { brand: 'unionpay', kind: 'debit', last4: '4242', issuerCountry: 'CN' },
});
const UNIONPAY_API = dated({
  occurredAt: '2025-11-27T11:05:00+08:00',
  product: 'api-platform',
  errorMessage: '卡片无效',
  card: { brand: 'unionpay', last4: '4242', issuerCountry: 'CN' },
});
const VISA_US = dated({
  occurredAt: '2025-11-28T09:00:00-05:00',
  product: 'chatgpt-web',
  errorMessage: 'Your card was declined.',
  card: { brand: 'visa', last4: '1881', issuerCountry: 'US' },
});

describe('bank phone script', () => {
  it('speaks the bank’s language: mainland Simplified, Hong Kong, Macau and Taiwan Traditional, elsewhere English', () => {
    assert.deepEqual(
      ['CN', 'HK', 'MO', 'TW', 'US', 'SG', 'JP'].map((country) => bankLanguage(country, 'zh-cn')),
      ['zh-cn', 'zh-tw', 'zh-tw', 'zh-tw', 'en', 'en', 'en'],
    );
    assert.equal(bankLanguage(undefined, 'zh-cn'), 'zh-cn');
    assert.equal(bankLanguage(undefined), 'en');
  });

  it('Simplified Chinese, for a mainland card tried twice, once on the API platform (the temporary hold)', () => {
    assert.equal(
      phoneScriptMarkdown(entries(UNIONPAY_WEB, UNIONPAY_API), 'zh-cn'),
      [
        '# 致电发卡银行的通话提纲',
        '',
        '请拨打卡片背面的客服电话，或使用银行 App 里的在线客服。银行可能会核实您的身份；但无论对方是谁，都不要说出一次性验证码或 CVC。',
        '',
        '## 1. 开场白',
        '',
        '> 您好，我是贵行银联卡（尾号 4242）的持卡人。我在 OpenAI 的账户中添加这张卡作为付款方式时被拒绝了，想了解是否是贵行拒绝的，以及原因。',
        '',
        '## 2. 要查询的交易',
        '',
        '一笔验证性预授权（0 或约 1 美元），商户名称中含有 OPENAI，时间为：',
        '',
        '- 2025-11-27 10:31 UTC+08:00',
        '- 2025-11-27 11:05 UTC+08:00',
        '',
        '如果是在 API 平台绑卡，商户也可能改为临时冻结几美元。',
        '',
        '## 3. 要问的问题',
        '',
        '1. 贵行在上述时间是否收到这家商户的授权请求？是否拒绝了？',
        '2. 如果被拒绝，拒绝原因是什么？拒绝原因代码是多少？',
        '3. 这张卡是否已开通境外线上支付？如果没有，能否帮我开通？',
        '4. 这几次绑卡被拒之后，卡片是否被冻结或标记为有风险？再次绑卡前我需要做什么？',
        '',
        '## 4. 需要记下的信息',
        '',
        '- [ ] 通话的日期和时间',
        '- [ ] 通话或工单的编号',
        '- [ ] 银行给出的拒绝原因和拒绝原因代码',
        '- [ ] 银行对这张卡做了哪些调整（如有）',
        '',
        '通话结束后，请把银行的答复记入失败日志：在 VS Code 中使用“绑卡医生: 记录银行的答复”，或在命令行中运行 card-doctor journal answer。',
        '',
      ].join('\n'),
    );
  });

  it('English, about the last card only: the other card’s time is left out, and no hold on the web', () => {
    assert.equal(
      phoneScriptMarkdown(entries(UNIONPAY_WEB, VISA_US), 'en'),
      [
        '# Phone script for your bank',
        '',
        'Call the number on the back of the card, or use the chat in the bank’s app. The bank may ask questions to check who you are; never give a one-time code or the CVC to anyone who calls you.',
        '',
        '## 1. What to say first',
        '',
        '> Hello. I am the cardholder of the Visa card ending in 1881. I tried to add this card as a payment method on an OpenAI account and it was declined. I would like to know whether the bank declined it, and why.',
        '',
        '## 2. The transaction to ask about',
        '',
        'A card verification authorization (0 or about 1 US dollar) from a merchant whose name contains OPENAI, at:',
        '',
        '- 2025-11-28 09:00 UTC-05:00',
        '',
        '## 3. Questions to ask',
        '',
        '1. Did you receive an authorization from this merchant at that time, and was it declined?',
        '2. If it was declined, why, and what was the response code?',
        '3. Are online and cross-border payments enabled on this card? If not, can you enable them?',
        '4. Is there now a block or a risk flag on the card because of these attempts? What should I do before I try again?',
        '',
        '## 4. What to write down',
        '',
        '- [ ] the date and time of the call',
        '- [ ] the reference number of the call or the case',
        '- [ ] the reason and the response code the bank gives',
        '- [ ] what the bank changed on the card, if anything',
        '',
        'Afterwards, record what the bank said in the failure journal: in VS Code with “Card Doctor: Record the bank’s answer”, or on the command line with card-doctor journal answer.',
        '',
      ].join('\n'),
    );
  });

  it('no card facts: “a card issued by your bank”; a brand alone', () => {
    const bare = phoneScriptMarkdown(entries(dated({ occurredAt: '2025-11-27T10:31:00Z' })), 'en')!;
    assert.ok(bare.includes('> Hello. I am the cardholder of a card issued by your bank. I tried'));
    const bareZh = phoneScriptMarkdown(entries(dated({ occurredAt: '2025-11-27T10:31:00Z', card: { brand: 'visa' } })), 'zh-cn')!;
    assert.ok(bareZh.includes('> 您好，我是贵行 Visa 卡的持卡人。'));
  });

  it('names at most the last 3 times of the card, and nothing without an entry', () => {
    const times = ['2025-11-27T08:00:00Z', '2025-11-27T09:00:00Z', '2025-11-27T10:00:00Z', '2025-11-27T11:00:00Z'];
    const script = phoneScriptMarkdown(entries(...times.map((occurredAt) => dated({ occurredAt, card: { last4: '4242' } }))), 'en')!;
    assert.ok(!script.includes('- 2025-11-27 08:00 UTC+00:00'));
    assert.ok(script.includes('- 2025-11-27 09:00 UTC+00:00\n- 2025-11-27 10:00 UTC+00:00\n- 2025-11-27 11:00 UTC+00:00\n'));
    assert.ok(script.includes('\n1. Did you receive an authorization from this merchant at those times, and was it declined?\n'));
    assert.equal(phoneScriptMarkdown([], 'en'), undefined);
  });
});
