/**
 * A short script for calling the issuing bank about a refused card, in the bank's language: a
 * mainland bank's hotline works in Simplified Chinese, Hong Kong, Macau and Taiwan in Traditional,
 * anywhere else in English. It names the transaction the bank can actually find (a verification
 * authorization at a merchant whose name contains OPENAI, at the attempts' times), asks only what
 * a bank can answer, and lists what to write down. Pure; the pack and the extension write it.
 */
import type { Lang } from './catalogue';
import { brandText } from './explain';
import type { JournalEntry } from './journal';
import { labelsFor } from './language';
import { readerLang } from './letterKinds';
import { formatLocalTime, offsetOf } from './localTime';

/** How many of the card's attempts the script names: the bank searches by time, and a few suffice. */
export const PHONE_SCRIPT_ATTEMPTS = 3;

/**
 * The bank's language for the issuing country (ISO 3166-1 alpha-2): CN Simplified, HK/MO/TW
 * Traditional, any other English; `fallback` (the reader's language) when the country is unknown.
 */
export function bankLanguage(issuerCountry: string | undefined, fallback: Lang = 'en'): Lang {
  // The bank inquiry's reader rule: one place says which country's bank reads which language.
  return readerLang('bank-inquiry', issuerCountry, fallback);
}

const LABELS = {
  en: {
    title: 'Phone script for your bank',
    before:
      'Call the number on the back of the card, or use the chat in the bank’s app. The bank may ask questions to check who you are; ' +
      'never give a one-time code or the CVC to anyone who calls you.',
    // Lists are one string a line: labelsFor converts strings and objects for Traditional Chinese, not arrays.
    sayFirst: 'What to say first',
    opening: (card: string) =>
      `Hello. I am the cardholder of ${card}. I tried to add this card as a payment method on an OpenAI account and it was declined. ` +
      'I would like to know whether the bank declined it, and why.',
    theCard: 'a card issued by your bank',
    cardOf: (brand: string, last4: string) => `the ${brand ? `${brand} ` : ''}card${last4 ? ` ending in ${last4}` : ''}`,
    transaction: 'The transaction to ask about',
    what: 'A card verification authorization (0 or about 1 US dollar) from a merchant whose name contains OPENAI, at:',
    hold: 'For the API platform the merchant may instead place a temporary hold of a few dollars.',
    questions: 'Questions to ask',
    asks: (times: number) => [
      `Did you receive an authorization from this merchant at ${times === 1 ? 'that time' : 'those times'}, and was it declined?`,
      'If it was declined, why, and what was the response code?',
      'Are online and cross-border payments enabled on this card? If not, can you enable them?',
      'Is there now a block or a risk flag on the card because of these attempts? What should I do before I try again?',
    ].join('\n'),
    writeDown: 'What to write down',
    notes: [
      'the date and time of the call',
      'the reference number of the call or the case',
      'the reason and the response code the bank gives',
      'what the bank changed on the card, if anything',
    ].join('\n'),
    // The pack is written by the extension and by the CLI alike: both ways to record the answer.
    after:
      'Afterwards, record what the bank said in the failure journal: in VS Code with “Card Doctor: Record the bank’s answer”, ' +
      'or on the command line with card-doctor journal answer.',
  },
  'zh-cn': {
    title: '致电发卡银行的通话提纲',
    before: '请拨打卡片背面的客服电话，或使用银行 App 里的在线客服。银行可能会核实您的身份；但无论对方是谁，都不要说出一次性验证码或 CVC。',
    sayFirst: '开场白',
    opening: (card: string) =>
      `您好，我是${card}的持卡人。我在 OpenAI 的账户中添加这张卡作为付款方式时被拒绝了，想了解是否是贵行拒绝的，以及原因。`,
    theCard: '贵行的一张卡',
    // A Latin brand is spaced from the Chinese around it (贵行 Visa 卡), a Chinese one is not (贵行银联卡).
    cardOf: (brand: string, last4: string) => {
      const space = /[a-z]/i.test(brand) ? ' ' : '';
      return `贵行${brand ? `${space}${brand}${space}卡` : '的卡'}${last4 ? `（尾号 ${last4}）` : ''}`;
    },
    transaction: '要查询的交易',
    what: '一笔验证性预授权（0 或约 1 美元），商户名称中含有 OPENAI，时间为：',
    hold: '如果是在 API 平台绑卡，商户也可能改为临时冻结几美元。',
    questions: '要问的问题',
    asks: (_times: number) => [
      '贵行在上述时间是否收到这家商户的授权请求？是否拒绝了？',
      '如果被拒绝，拒绝原因是什么？拒绝原因代码是多少？',
      '这张卡是否已开通境外线上支付？如果没有，能否帮我开通？',
      '这几次绑卡被拒之后，卡片是否被冻结或标记为有风险？再次绑卡前我需要做什么？',
    ].join('\n'),
    writeDown: '需要记下的信息',
    notes: [
      '通话的日期和时间',
      '通话或工单的编号',
      '银行给出的拒绝原因和拒绝原因代码',
      '银行对这张卡做了哪些调整（如有）',
    ].join('\n'),
    after: '通话结束后，请把银行的答复记入失败日志：在 VS Code 中使用“绑卡医生: 记录银行的答复”，或在命令行中运行 card-doctor journal answer。',
  },
} as const;

/**
 * The script as Markdown, in `lang` (in the pack: {@link bankLanguage} of the last attempt's issuing
 * country), about the last attempt's card: its times in the journal (the last
 * {@link PHONE_SCRIPT_ATTEMPTS}, in the last attempt's offset). `undefined` when there is no entry.
 */
export function phoneScriptMarkdown(entries: readonly JournalEntry[], lang: Lang): string | undefined {
  const last = entries[entries.length - 1];
  if (!last) return undefined;
  const card = last.report.card;
  const labels = labelsFor(LABELS, lang);
  const sameCard = entries.filter((entry) => !card?.last4 || entry.report.card?.last4 === card.last4);
  // One offset for the whole script, the last attempt's, so the times read in order.
  const times = sameCard.slice(-PHONE_SCRIPT_ATTEMPTS).map((entry) => formatLocalTime(entry.occurredAt, offsetOf(last.occurredAt)));
  const brand = card?.brand && card.brand !== 'unknown' && card.brand !== 'other' ? brandText(card.brand, lang) : '';
  const last4 = card?.last4 ?? '';
  const cardName = brand || last4 ? labels.cardOf(brand, last4) : labels.theCard;
  const lines = [`# ${labels.title}`, '', labels.before, ''];
  lines.push(`## 1. ${labels.sayFirst}`, '', `> ${labels.opening(cardName)}`, '');
  lines.push(`## 2. ${labels.transaction}`, '', labels.what, '', ...times.map((time) => `- ${time}`), '');
  if (sameCard.some((entry) => entry.report.product === 'api-platform')) lines.push(labels.hold, '');
  lines.push(`## 3. ${labels.questions}`, '', ...labels.asks(times.length).split('\n').map((ask, index) => `${index + 1}. ${ask}`), '');
  lines.push(`## 4. ${labels.writeDown}`, '', ...labels.notes.split('\n').map((note) => `- [ ] ${note}`), '', labels.after, '');
  return lines.join('\n');
}
