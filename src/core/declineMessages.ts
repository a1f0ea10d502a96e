/**
 * Recognizes the decline messages a person sees when adding a card to an OpenAI account: the
 * processor's (Stripe's) customer-facing sentences in English and Chinese (Simplified, and
 * Traditional folded to it), its `decline_code` / `code` / `advice_code` / `network_*_code`
 * values and intent statuses in pasted JSON or logs, and the wordings that OpenAI and the article
 * quote. The result is ids, codes and weighted causes; words for the reader come from `explain.ts`.
 *
 * Three readings, surest first: a message's own wording or a code (`specific`); a paraphrase from
 * a small phrase grammar, subject + a few inserted, modal or negated words + verb family + object
 * (`broad`); and, when nothing else matches, "this is about a failed payment" (`generic`, the
 * `payment-failed-unspecified` message), so a failure is never met with silence.
 *
 * Matching runs on a normalized copy of the text (see {@link normalizeMessageText}) with a map
 * back to the input, so `matched` can quote the input as it was typed. Everything is linear in
 * the input, which is capped at 100 000 characters first: normalization builds its text once,
 * and every phrase pattern repeats only a bounded number of times. A pattern runs only when the
 * text holds the literals its own source requires ({@link requiredLiterals}; one Aho-Corasick pass
 * finds them for all patterns), so of the 250-odd patterns a message meets only a handful.
 */
import type { CauseId } from './causeIds';

/** A cause a message points to: 1 a hint, 2 a clear sign, 3 strong (the scale `diagnose` adds up). */
export interface CauseWeight {
  readonly cause: CauseId;
  readonly weight: 1 | 2 | 3;
}

/** One recognizable message: what the UI offers the person to pick, and what it implies. */
export interface DeclineMessage {
  /** Stable id, part of the journal and CLI contract (e.g. `card-declined`). */
  readonly id: string;
  /** Canonical English text, as the processor or merchant shows it where one exists. */
  readonly en: string;
  /** Canonical Simplified Chinese text. */
  readonly zhCn: string;
  /** The processor code the text implies, lower snake case; null when the text alone does not say. */
  readonly declineCode: string | null;
  /** Every processor or merchant code (`decline_code`, `code`) that selects this message. */
  readonly codes: readonly string[];
  /** The causes this message points to, strongest first. */
  readonly causes: readonly CauseWeight[];
  /** Where the wording and its meaning come from. */
  readonly source: string;
}

/** What {@link recognizeDeclineMessages} found for one message. */
export interface DeclineRecognition {
  /** Stable id of the recognized message in DECLINE_MESSAGES, e.g. 'card-declined' */
  messageId: string;
  /** Processor decline code implied by the text or read from pasted JSON (decline_code, else code), lower snake case; a never-claim code (fraudulent, lost_card, stolen_card, merchant_blacklist, also pickup_card, restricted_card, security_violation which Stripe also shows generically) becomes 'generic_decline'. null if none is implied. */
  declineCode: string | null;
  /** advice_code from pasted JSON, or null */
  adviceCode: string | null;
  /** The causes this message points to, weight 1 (hint) .. 3 (strong) */
  causes: readonly { cause: CauseId; weight: 1 | 2 | 3 }[];
  /** The matched phrase, as found in the input (for showing as evidence; already-redacted input is assumed) */
  matched: string;
  /**
   * How the message was recognized: `specific` a processor code or the message's own wording,
   * `broad` a paraphrase (other subject, inserted, modal or negated words, synonyms) or an intent
   * status, `generic` only "this is about a failed payment" with nothing more specific. The causes'
   * weights do not change with it. Always set by {@link recognizeDeclineMessages}.
   */
  confidence?: RecognitionConfidence;
  /** `network_decline_code` from pasted JSON or logs (the card network's own code, e.g. "05"), lower case, not interpreted; null if none. Same on every recognition of one text. */
  networkDeclineCode?: string | null;
  /** `network_advice_code` from pasted JSON or logs (e.g. "02"), lower case, not interpreted; null if none. Same on every recognition of one text. */
  networkAdviceCode?: string | null;
  /** A PaymentIntent / SetupIntent status found in the text (`requires_action` or `requires_payment_method`); null if none. Same on every recognition of one text. */
  intentStatus?: string | null;
}

/** See {@link DeclineRecognition.confidence}. */
export type RecognitionConfidence = 'specific' | 'broad' | 'generic';


/**
 * Codes the processor tells merchants to present as `generic_decline` (domain page, "Codes never
 * to claim"; Stripe's table says the same of `pickup_card`, `restricted_card` and
 * `security_violation` by pointing at lost or stolen cards). Telling the person "your card is
 * reported stolen" would be both unfounded for us and not ours to say.
 */
export const NEVER_CLAIM_DECLINE_CODES: readonly string[] = [
  'fraudulent',
  'lost_card',
  'stolen_card',
  'merchant_blacklist',
  'pickup_card',
  'restricted_card',
  'security_violation',
];

/**
 * The processor's `advice_code` values (https://docs.stripe.com/declines/card#retrying-issuer-declines).
 * They are advice to the merchant, not reasons: they set `adviceCode` and never add a cause.
 */
export const ADVICE_CODES: readonly string[] = ['confirm_card_data', 'do_not_try_again', 'try_again_later'];

const STRIPE_DECLINE_CODES = 'https://docs.stripe.com/declines/codes';
const STRIPE_ERROR_CODES = 'https://docs.stripe.com/error-codes';
// The customer-facing `message` the API returns with each test card's decline.
const STRIPE_TEST_CARDS = 'https://docs.stripe.com/testing#declined-payments';
// Stripe.js Elements' own field validation messages ("Your card number is incomplete.").
const STRIPE_ELEMENTS = 'https://docs.stripe.com/js/element/events/on_change';
const STRIPE_3D_SECURE = 'https://docs.stripe.com/payments/3d-secure';
const OPENAI_DECLINED_HELP = 'https://help.openai.com/en/articles/7232916-why-was-my-credit-card-declined';
const OPENAI_API_ERRORS = 'https://platform.openai.com/docs/guides/error-codes';
// ChatGPT's checkout (pay.openai.com) wordings in Chinese, as people quote them, e.g.
// "您的银行卡被拒绝了" / "付款未获批准" / "我们未能验证您的支付方式".
const CHATGPT_CHECKOUT_QUOTED = 'https://bbtdd.com/818.html';
// The merchant's own checkout and billing-page wordings, as people quote them ("Payment failed",
// "We couldn't process your payment", "Card declined. Please try a different payment method").
const OPENAI_CHECKOUT_QUOTED = 'OpenAI checkout as quoted at https://www.titikey.com/en/article/article-1770206427846';
// The merchant's help on subscriptions bought in its mobile apps (billed by Apple or Google).
const OPENAI_APP_STORE_HELP =
  'https://help.openai.com/en/articles/20001043-how-do-i-avoid-being-charged-twice-if-i-subscribe-to-chatgpt-on-ios-android-and-the-web';
const STRIPE_INTENT_STATUSES = 'https://docs.stripe.com/payments/paymentintents/lifecycle';
const ARTICLE = 'seed article 000_73267ad7117f4c45 (domain.md, causes table)';

/** A message plus what only the matcher needs. */
interface Entry extends DeclineMessage {
  /** The message's own wordings: a match is `specific`. */
  readonly patterns: readonly RegExp[];
  /** The phrase grammar's paraphrases of it: a match is `broad`. */
  readonly paraphrases?: readonly RegExp[];
  /** Intent statuses that select it (a `broad` recognition). */
  readonly statuses?: readonly string[];
  /** -1 the catch-all, 0 generic, 1 broad, 2 specific: orders the recognitions (most specific first). */
  readonly rank: -1 | 0 | 1 | 2;
}

/**
 * An English pattern over normalized text. A space in `source` also matches no space, because
 * pasted text loses spaces ("Yourcardwasdeclined" from a screenshot's OCR). The ends may not
 * touch a letter or digit, so "undeclined" is not "declined", except that the phrase may follow
 * a run-in "your", "the", "this" or "my".
 */
function en(source: string): RegExp {
  // No lookbehind at the front: it would run at every position and defeat V8's scan for the
  // phrase's first characters. The left edge is checked after a match (`leftEdgeOk`).
  return new RegExp(`(?:${source.replace(/ /g, ' ?')})(?![a-z0-9])`, 'g');
}

const RUN_IN_WORDS = /(?:your|the|this|my)$/;

/** The left edge rule of {@link en}: no letter or digit before the phrase, unless a run-in "your", "the", "this" or "my". */
function leftEdgeOk(text: string, index: number): boolean {
  if (index === 0 || !/[a-z0-9]/.test(text[index - 1]!)) return true;
  return RUN_IN_WORDS.test(text.slice(Math.max(0, index - 4), index));
}

/** The first match of a pattern, honouring the English left-edge rule. */
function firstMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  if (!pattern.global) return pattern.exec(text);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (leftEdgeOk(text, match.index)) return match;
    pattern.lastIndex = match.index + 1;
  }
  return null;
}

/** A Chinese pattern over normalized text (spaces next to CJK are already gone). */
function zh(source: string): RegExp {
  return new RegExp(source);
}

const CARD_ZH = '(?:银行卡|信用卡|借记卡|签账卡|金融卡|卡片|卡)';
const ZIP_ZH = '(?:邮政编码|邮编|邮递区号|邮政区号)';
const WRONG_ZH = '(?:不正确|错误|有误|不对)';
const INVALID_ZH = '(?:无效|不完整|不合法|格式不正确)';
// 支援 is Taiwan's and Hong Kong's word for 支持 ("不支援此類型的購買").
// "暂不支持": "not supported for now" is the checkout's usual politeness.
const UNSUPPORTED_ZH = '(?:(?:暂时?)?不(?:被|受)?(?:支持|支援))';
// 认证 is Taiwan's usual word for verification ("無法認證").
const VERIFY_ZH = '(?:验证|认证)';
const METHOD_ZH = '(?:支付方式|付款方式)';
const CANNOT_ZH = '(?:无法|未能|不能|没能|没法|没有|未)';
// One sentence of Chinese, bounded: the room between a subject and its verb.
const NEAR_ZH = (max: number): string => `[^。!?;]{0,${max}}`;

/**
 * The phrase grammar for English paraphrases, over normalized text (lower case, single spaces):
 * subject + up to three inserted words + (negation) + verb family + object. Every gap is bounded
 * (at most three words of at most twelve letters) so a match costs a constant per position, and
 * the words cannot contain a space, so a gap can split a text only one way per word count.
 */
const WORD = "[a-z']{1,12}";
const GAP = `(?:${WORD} ){0,3}`;
// A gap that may not negate: "your card was not declined" is not a decline.
const NOT_NEGATION = "(?!(?:not|never|no|[a-z]{0,8}n't) )";
const GAP_POS = `(?:${NOT_NEGATION}${WORD} ){0,3}`;
const DET_EN = '(?:(?:your|the|this|my|our|a) )?';
const CARD_EN = '(?:(?:credit|debit|bank|virtual|prepaid|visa|master ?card|amex|union ?pay) )?card';
const METHOD_EN = '(?:payment|billing) (?:method|details|information|info)';
const PAYMENT_EN = '(?:payment|transaction|charge|purchase|order|subscription)';
const THING_EN = `${DET_EN}(?:${CARD_EN}|${METHOD_EN}|${PAYMENT_EN})`;
const NEG_EN = "(?:not|never|unable to|not able to|cannot|can't|couldn't|wasn't|weren't|hasn't|haven't|didn't|isn't|won't|failed to)";
const REFUSED_EN = '(?:declined|refused|rejected|denied|bounced|not accepted)';
// "could not be", "has not been", "cannot be": one auxiliary, the negation, then "be" or "been".
// Kept this narrow (not two free gaps around the negation) so a ReDoS checker can decide it.
const NEG_PASSIVE_EN = `(?:${WORD} )?${NEG_EN} (?:be |been |be able to be )?`;
const FAILED_EN =
  "(?:failed|unsuccessful|(?:did not|didn't|does not|doesn't|could not|couldn't|cannot|can't|can not|won't|will not) (?:go through|work|be (?:completed|processed|charged))|not (?:go through|work|be (?:completed|processed|charged)|successful|completed|processed))";

/**
 * An English paraphrase from the phrase grammar: like {@link en} (same edges) but spaces are
 * required, so the bounded gaps split words one way only.
 */
function phrase(source: string): RegExp {
  return new RegExp(`(?:${source})(?![a-z0-9])`, 'g');
}

const c = (cause: CauseId, weight: 1 | 2 | 3): CauseWeight => ({ cause, weight });

/**
 * The messages, grouped by the cause they point to. Weights follow the domain page's causes
 * table; where the table is silent the comment says how Stripe's description was read.
 */
const ENTRIES: readonly Entry[] = [
  // Generic declines. Stripe shows "Your card was declined." for most issuer refusals, including
  // the never-claim codes, so on its own it is only a hint of a bank-side block (domain table:
  // "generic 'Your card was declined' with sufficient balance"). Sources: STRIPE_ERROR_CODES
  // (card_declined), STRIPE_TEST_CARDS, CHATGPT_CHECKOUT_QUOTED, OPENAI_DECLINED_HELP.
  {
    id: 'card-declined',
    en: 'Your card was declined.',
    zhCn: '您的银行卡被拒绝了。',
    declineCode: 'card_declined',
    codes: ['card_declined'],
    causes: [c('international-payments-disabled', 1)],
    source: STRIPE_ERROR_CODES,
    rank: 0,
    patterns: [
      en("(?:credit |debit )?card (?:was |has been |is |got |been )?declined"),
      en('(?:payment|transaction|charge) (?:was |has been |is )?declined'),
      en('declined (?:credit |debit )?card'),
      /^(?:error: ?)?declined[.!]?$/,
      zh(`${CARD_ZH}(?:已经?)?被(?:银行|发卡行)?拒(?:绝|付)?`),
      // Stripe's zh-TW / zh-HK wording: "您的卡片遭到拒絕。"
      zh(`${CARD_ZH}(?:已经?)?遭到?(?:银行|发卡行)?拒(?:绝|付)?`),
      zh('(?:付款|支付|交易)(?:已经?)?(?:被|遭到?)拒'),
      zh(`拒绝了?(?:您|你)的${CARD_ZH}`),
    ],
    // "my card got rejected", "Your payment method was refused", "Your bank declined the payment"
    // (OPENAI_DECLINED_HELP), "it keeps getting declined", "银行拒绝了这笔付款".
    paraphrases: [
      phrase(`(?:${CARD_EN}|${METHOD_EN}|${PAYMENT_EN}) ${GAP_POS}${REFUSED_EN}`),
      phrase(`(?:bank|issuer|card issuer|card company) ${GAP_POS}(?:declined|refused|rejected|denied|blocked) ${THING_EN}`),
      phrase(`(?:declined|refused|rejected|denied) ${DET_EN}(?:${CARD_EN}|${METHOD_EN})`),
      phrase(`(?:keeps?|kept) (?:getting |being )?(?:declined|rejected|refused)`),
      // A single word as pasted: "rejected" (test/cases 025), "被拒" (021).
      /^(?:error: ?|payment )?(?:rejected|refused|denied)[.!]?$/,
      // Anchored: "访问被拒绝" (access denied) is no card refusal.
      /^(?:提示:?)?被(?:银行|发卡行)?拒(?:绝|付)?了?[。!]?$/,
      zh(`(?:银行|发卡行|发卡银行)${NEAR_ZH(4)}(?:拒绝|拒付|拒收|拒掉|驳回)`),
      zh(`(?:付款|支付|交易|扣款|订单)${NEAR_ZH(4)}(?:被|遭到?)${NEAR_ZH(4)}拒`),
      zh(`(?:拒绝|拒收|不接受)了?(?:我|您|你)?的?${CARD_ZH}`),
      zh(`${CARD_ZH}(?:不被|未被|没被)接受`),
    ],
    statuses: ['requires_payment_method'],
  },
  {
    // ChatGPT's own wording for an issuer refusal (CHATGPT_CHECKOUT_QUOTED); same weight as above.
    id: 'payment-not-approved',
    en: 'Payment was not approved.',
    zhCn: '付款未获批准。',
    declineCode: null,
    codes: [],
    causes: [c('international-payments-disabled', 1)],
    source: CHATGPT_CHECKOUT_QUOTED,
    rank: 0,
    patterns: [en('payment (?:was |has |is )?not (?:been )?approved'), zh('(?:付款|支付)未(?:获|被|得到|能获)?(?:批准|核准)')],
    // Authorization refused in other words: "We were unable to authorize your payment method",
    // "the charge could not be authorized", "交易未获授权", "無法授權".
    paraphrases: [
      phrase(`${NEG_EN} (?:${WORD} ){0,2}(?:authori[sz]e|approve) ${THING_EN}`),
      phrase(`(?:${CARD_EN}|${METHOD_EN}|${PAYMENT_EN}) ${NEG_PASSIVE_EN}(?:authori[sz]ed|approved)`),
      zh(`(?:付款|支付|交易|扣款|${CARD_ZH}|${METHOD_ZH})${NEAR_ZH(4)}(?:未|没有|没|无法|未能)(?:获得?|得到|能获得?|被)?(?:授权|批准|核准)`),
      zh(`(?:无法|未能|没能|不能)(?:授权|批准|核准)(?:您|你|我)?的?(?:付款|支付|交易|${METHOD_ZH})`),
      // "信用卡授權失敗" (test/cases 084).
      zh(`(?:${CARD_ZH}|付款|支付|交易)授权(?:失败|未通过|被拒)`),
      phrase(`(?:authori[sz]ation) ${GAP_POS}(?:failed|declined|refused|unsuccessful)`),
    ],
  },
  {
    // "Declined for an unknown reason or Stripe Radar blocked the payment": the catch-all that
    // the never-claim codes are also shown as, so only a hint (STRIPE_DECLINE_CODES).
    id: 'generic-decline',
    en: 'Your card was declined for an unknown reason (generic_decline).',
    zhCn: '您的银行卡因未知原因被拒绝（generic_decline）。',
    declineCode: 'generic_decline',
    codes: ['generic_decline'],
    causes: [c('international-payments-disabled', 1)],
    source: STRIPE_DECLINE_CODES,
    rank: 1,
    patterns: [en('generic decline'), en('declined for an unknown reason'), zh('因未知原因(?:而)?被拒')],
  },
  {
    // Stripe: "declined for an unknown reason; the customer needs to contact their card issuer".
    // No more is known than for generic_decline, so the same hint.
    id: 'call-issuer',
    en: 'Call your card issuer (call_issuer).',
    zhCn: '请致电发卡行（call_issuer）。',
    declineCode: 'call_issuer',
    codes: ['call_issuer', 'do_not_try_again', 'no_action_taken'],
    causes: [c('international-payments-disabled', 1)],
    source: STRIPE_DECLINE_CODES,
    rank: 1,
    patterns: [en('call (?:your )?(?:card )?issuer'), en('refer to (?:the )?card issuer'), zh('请?致电(?:您的)?发卡(?:行|银行)')],
  },

  // The bank refuses this kind of payment: cross-border or card-not-present switched off (article
  // §1.2, method 2). The domain table names do_not_honor and transaction_not_allowed; Stripe
  // describes not_permitted and service_not_allowed the same way ("the payment isn't permitted",
  // "declined for an unknown reason" with a service code), so they get the same clear sign.
  // A card that cannot pay in USD is typically a domestic-currency-only card, the article's FAQ 4.
  {
    id: 'do-not-honor',
    en: 'Do not honor (do_not_honor).',
    zhCn: '发卡行拒绝了这笔交易（do_not_honor）。',
    declineCode: 'do_not_honor',
    codes: ['do_not_honor'],
    causes: [c('international-payments-disabled', 2)],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [en('do not hono(?:u)?r'), zh('不予承兑')],
  },
  {
    id: 'transaction-not-allowed',
    en: 'Transaction not allowed (transaction_not_allowed).',
    zhCn: '不允许此交易（transaction_not_allowed）。',
    declineCode: 'transaction_not_allowed',
    codes: ['transaction_not_allowed'],
    causes: [c('international-payments-disabled', 2)],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [en('transaction (?:is )?not (?:allowed|permitted)'), zh('交易不(?:被)?允许'), zh('不允许(?:此|该|这笔)?(?:类)?交易')],
  },
  {
    id: 'not-permitted',
    en: "The payment isn't permitted (not_permitted).",
    zhCn: '不允许此付款（not_permitted）。',
    declineCode: 'not_permitted',
    codes: ['not_permitted'],
    causes: [c('international-payments-disabled', 2)],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [en("payment (?:isn't|is not|not) permitted"), zh('(?:付款|支付)不(?:被)?允许'), zh('不允许(?:此|该|这笔)?(?:付款|支付)')],
  },
  {
    id: 'service-not-allowed',
    en: 'Service not allowed (service_not_allowed).',
    zhCn: '不允许此服务（service_not_allowed）。',
    declineCode: 'service_not_allowed',
    codes: ['service_not_allowed'],
    causes: [c('international-payments-disabled', 2)],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [en('service (?:is )?not allowed'), zh('服务不(?:被)?允许'), zh('不允许(?:此|该)?服务')],
  },
  {
    id: 'currency-not-supported',
    en: 'Your card does not support this currency.',
    zhCn: '您的银行卡不支持此币种。',
    declineCode: 'currency_not_supported',
    codes: ['currency_not_supported'],
    causes: [c('international-payments-disabled', 2)],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [
      en("(?:does not|doesn't|does n't) support (?:this|the specified) currency"),
      en('currency (?:is )?not supported'),
      // 幣別 is Taiwan's word for the currency of a payment ("不支援此幣別").
      zh(`${UNSUPPORTED_ZH}(?:此|该|这种|这个)?(?:币种|币别|货币)`),
      zh(`(?:币种|币别|货币)${UNSUPPORTED_ZH}`),
    ],
  },

  // Declines Stripe describes but that point at none of the article's causes. They still carry
  // their code so the letters can quote it; giving them a cause would be invented.
  {
    // The cardholder or bank stopped payments to this merchant (Stripe: "declined for an unknown
    // reason"; the codes are the networks' stop-payment and revocation responses).
    id: 'authorization-revoked',
    en: 'The authorization was revoked (revocation_of_authorization).',
    zhCn: '授权已被撤销（revocation_of_authorization）。',
    declineCode: 'revocation_of_authorization',
    codes: ['revocation_of_authorization', 'revocation_of_all_authorizations', 'stop_payment_order'],
    causes: [],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [en('revocation of (?:all )?authori[sz]ations?'), en('stop payment order'), zh('授权已(?:被)?撤销'), zh('止付令')],
  },
  {
    // "The card, or account the card is connected to, is invalid": a replaced or closed card is
    // the closest of the article's causes (method 1, check the card), but only as a hint.
    id: 'invalid-account',
    en: 'The card, or the account it is connected to, is invalid (invalid_account).',
    zhCn: '银行卡或其关联账户无效（invalid_account）。',
    declineCode: 'invalid_account',
    codes: ['invalid_account', 'new_account_information_available'],
    causes: [c('card-details-invalid', 1)],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [en('invalid account'), en('new account information available'), zh('关联(?:的)?账户无效')],
  },
  {
    // "The payment amount is invalid, or exceeds the amount that's allowed": a per-payment limit
    // on the card, nearest to the available-credit cause; a hint only.
    id: 'invalid-amount',
    en: 'The payment amount is invalid (invalid_amount).',
    zhCn: '付款金额无效（invalid_amount）。',
    declineCode: 'invalid_amount',
    codes: ['invalid_amount'],
    causes: [c('insufficient-funds', 1)],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [en('(?:payment )?amount is invalid'), en("exceeds the amount (?:that's|that is) allowed"), zh('(?:付款|支付|交易)金额无效')],
  },
  {
    // "A transaction with identical amount and credit card information was submitted very
    // recently": the same card submitted again at once, which is what §4 warns about; a hint.
    id: 'duplicate-transaction',
    en: 'A transaction with identical amount and credit card information was submitted very recently.',
    zhCn: '最近刚提交过金额和银行卡信息相同的交易。',
    declineCode: 'duplicate_transaction',
    codes: ['duplicate_transaction'],
    causes: [c('retry-velocity', 1)],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [en('duplicate transaction'), en('identical amount and credit card information'), zh('重复(?:的)?交易'), zh(`金额和${CARD_ZH}(?:信息|资讯)相同`)],
  },
  {
    // A processor test number typed into a live form: the number is wrong (method 1).
    id: 'testmode-decline',
    en: 'Your card was declined. Your request was in live mode, but used a known test card.',
    zhCn: '您的银行卡被拒绝了。您使用了已知的测试卡。',
    declineCode: 'testmode_decline',
    codes: ['testmode_decline'],
    causes: [c('card-details-invalid', 2)],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [en('known test card'), en('test card number was used'), zh('测试卡')],
  },
  {
    // PIN codes apply to card readers only (Stripe says so of incorrect_pin); an online card
    // form never asks for a PIN, so none of the article's causes applies.
    id: 'pin-problem',
    en: 'The PIN is incorrect or required (incorrect_pin).',
    zhCn: 'PIN 码错误或需要输入 PIN（incorrect_pin）。',
    declineCode: 'incorrect_pin',
    codes: ['incorrect_pin', 'invalid_pin', 'offline_pin_required', 'online_or_offline_pin_required', 'pin_try_exceeded'],
    causes: [],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [en('pin (?:entered )?is (?:incorrect|invalid)'), en('requires a pin'), en('pin tries'), zh('pin ?码?(?:错误|不正确|无效)'), zh('需要(?:输入)?pin')],
  },
  {
    // Transient: "an error occurred while processing the card, try again". Stripe names no cause,
    // and a network-anomaly hint would be a guess, so no cause at all.
    id: 'processing-error',
    en: 'An error occurred while processing your card. Try again in a little bit.',
    zhCn: '处理您的银行卡时出错。请稍后再试。',
    declineCode: 'processing_error',
    codes: ['processing_error'],
    causes: [],
    source: STRIPE_TEST_CARDS,
    rank: 2,
    patterns: [
      en('(?:an |there was an )?error (?:occurred |occured )?(?:while )?processing (?:your |the )?card'),
      zh(`处理(?:您|你)?的?${CARD_ZH}(?:时)?(?:出错|发生错误|出现错误|出现问题)`),
    ],
  },
  {
    // The issuer was unreachable or asked for a retry: transient, no cause.
    id: 'issuer-not-available',
    en: "The card issuer couldn't be reached, so the payment couldn't be authorized.",
    zhCn: '无法联系到发卡行，付款未能获得授权。',
    declineCode: 'issuer_not_available',
    codes: ['issuer_not_available', 'approve_with_id', 'reenter_transaction'],
    causes: [],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [
      en("issuer (?:couldn't|could not|cannot|can't) be reached"),
      en('issuer (?:is )?(?:not available|unavailable)'),
      // 聯絡 is Taiwan's and Hong Kong's word for 联系 ("無法聯絡到發卡行").
      zh('(?:无法|未能)联(?:系|络)(?:到|上)?发卡(?:行|银行)'),
      zh('发卡(?:行|银行)(?:暂时)?不可用'),
    ],
  },
  {
    // Deprecated decline code, now an advice code: "attempt the payment again later". No cause.
    id: 'try-again-later',
    en: 'Try again later (try_again_later).',
    zhCn: '请稍后重试（try_again_later）。',
    declineCode: 'try_again_later',
    codes: ['try_again_later'],
    causes: [],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [],
  },

  // Region (article §1.1). OpenAI's API answers an unsupported location with
  // `unsupported_country_region_territory` (OPENAI_API_ERRORS); the article quotes
  // "Region not supported" and "国家不支持".
  {
    id: 'region-not-supported',
    en: 'Region not supported',
    zhCn: '地区不支持',
    declineCode: null,
    codes: ['unsupported_country_region_territory', 'unsupported_country'],
    causes: [c('region-unsupported', 3)],
    source: OPENAI_API_ERRORS,
    rank: 2,
    patterns: [
      en('(?:region|territory) (?:is )?not supported'),
      en('country, region,? (?:or|and) territory (?:is )?not supported'),
      en('unsupported (?:region|territory|location)'),
      en('not supported in your (?:region|country|location|area|territory)'),
      zh(`(?:地区|区域)(?:暂)?${UNSUPPORTED_ZH}`),
      zh(`${UNSUPPORTED_ZH}(?:您|你)?(?:所在)?的?(?:国家或地区|国家/地区|国家和地区|地区|区域)`),
    ],
    // "not supported in my country", "isn't available for our region".
    paraphrases: [
      phrase("(?:not|isn't|aren't) (?:yet )?(?:supported|available|offered) (?:in|for) (?:my|our|this|the) (?:country|region|location|area|territory)"),
      zh(`(?:我|我们)(?:所在)?的?(?:国家|地区)${NEAR_ZH(4)}(?:不在支持|${UNSUPPORTED_ZH}|不可用|用不了)`),
    ],
  },
  {
    id: 'country-not-supported',
    en: 'Country not supported',
    zhCn: '国家不支持',
    declineCode: null,
    codes: [],
    causes: [c('region-unsupported', 3)],
    source: ARTICLE,
    rank: 2,
    patterns: [en('country (?:is )?not supported'), en('unsupported country'), zh(`国家(?:暂)?${UNSUPPORTED_ZH}`), zh(`${UNSUPPORTED_ZH}(?:您|你)?(?:所在)?的?国家(?!或|/|和)`)],
  },
  {
    id: 'not-available-in-country',
    en: 'Not available in your country',
    zhCn: '在您所在的国家或地区不可用',
    declineCode: null,
    codes: [],
    causes: [c('region-unsupported', 3)],
    source: ARTICLE,
    rank: 2,
    patterns: [
      en("(?:not|isn't|is not|unavailable|not yet) available in your (?:country|region|location|territory)"),
      en('unavailable in your (?:country|region|location)'),
      zh('(?:您|你)?所在的?(?:国家或地区|国家/地区|国家|地区)[^。!?]{0,6}(?:不可用|无法使用|不可使用|不提供)'),
    ],
    // "can't access OpenAI from here" (test/cases 070), "无法解锁 ChatGPT" (073: "unlocking" is the
    // jargon for reaching a region-locked service).
    paraphrases: [
      phrase("(?:can't|cannot|can not|couldn't|unable to) (?:access|use|reach) (?:openai|chatgpt|the api)(?: services?)? (?:from|in) (?:here|my (?:country|region|location))"),
      zh('(?:无法|不能|没法|没能)解锁 ?(?:chatgpt|openai|gpt)'),
    ],
  },

  // Card types and brands (article §1.3, method 3; OPENAI_DECLINED_HELP: "Pre-paid cards / gift
  // cards are not supported"). Stripe's card_not_supported ("does not support this type of
  // purchase") is the same event as its message, and the domain page reads it two ways: a
  // restricted card type, or with a foreign issuer a region refusal. Both stay hints here;
  // diagnose weighs them against the card's kind and issuer country.
  {
    id: 'card-not-supported',
    en: 'Your card does not support this type of purchase.',
    zhCn: '您的银行卡不支持这种购买类型。',
    declineCode: 'card_not_supported',
    codes: ['card_not_supported'],
    causes: [c('card-type-restricted', 1), c('region-unsupported', 1)],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [
      en("(?:does not|doesn't|does n't|do not|don't) support this (?:type|kind) of purchase"),
      en('(?:card )?(?:is )?not supported for this (?:type of )?purchase'),
      zh(`${UNSUPPORTED_ZH}(?:这种|此类|该类|此种|这类|此|该)(?:购买|交易)(?:类型)?`),
      zh(`${UNSUPPORTED_ZH}(?:此|该)?购买类型`),
      // Stripe's zh-TW wording: "您的卡片不支援此類型的購買。"
      zh(`${UNSUPPORTED_ZH}(?:这种|此|该|这)类型的(?:购买|交易)`),
      zh(`${UNSUPPORTED_ZH}(?:此|该|这种)?(?:商品|购买|交易)类型`),
    ],
    // "This card can't be used for this kind of purchase", "此卡不能用于这类交易".
    paraphrases: [
      phrase(`(?:can't|cannot|can not|could not|couldn't) be used (?:for|on|with) (?:this|these|such) (?:type of |kind of )?(?:purchases?|transactions?|payments?)`),
      zh(`(?:不能|无法|不可)用于(?:此|该|这种|这类|此类)(?:类型的?)?(?:购买|交易|付款|支付)`),
    ],
  },
  {
    // Stripe's answer when the merchant does not take the card's brand ("Your card is not
    // supported.", seen with code card_declined and no decline_code). UnionPay is the article's
    // example, so region first, card type second; both hints.
    id: 'card-brand-not-supported',
    en: 'Your card is not supported.',
    zhCn: '不支持您的银行卡。',
    declineCode: null,
    codes: [],
    causes: [c('region-unsupported', 1), c('card-type-restricted', 1)],
    source: STRIPE_TEST_CARDS,
    rank: 2,
    patterns: [
      en('(?:your|this) (?:credit |debit )?card is not supported(?! (?:in|for))'),
      en('card not supported(?! (?:in|for))'),
      zh(`${UNSUPPORTED_ZH}(?:您的|你的|此|该|这张)(?:银行卡|信用卡|借记卡|卡片|卡)(?![号类])`),
      zh(`(?:您的|你的|此|该|这张)${CARD_ZH}${UNSUPPORTED_ZH}(?![这此该购币货])`),
    ],
    // "unsupported bank cards" (test/cases 020), "银行卡不支持" (074), "付款方式无效或不受支持" (086),
    // "payment method is not supported".
    paraphrases: [
      phrase(`unsupported (?:(?:bank|credit|debit) )?cards?`),
      phrase(`(?:${CARD_EN}|${METHOD_EN}) ${GAP_POS}(?:not supported|unsupported)(?! (?:in|for))`),
      zh(`${CARD_ZH}${UNSUPPORTED_ZH}(?![这此该购币货])`),
      zh(`${METHOD_ZH}${NEAR_ZH(6)}${UNSUPPORTED_ZH}`),
    ],
  },
  {
    id: 'card-type-not-supported',
    en: 'This card type is not supported.',
    zhCn: '不支持此卡类型。',
    declineCode: null,
    codes: [],
    causes: [c('card-type-restricted', 3)],
    source: ARTICLE,
    rank: 2,
    patterns: [
      en('(?:card type|type of card|kind of card|card types?) (?:is |are )?not (?:supported|accepted)'),
      en('(?:certain|some) card types'),
      zh(`(?:卡类型|卡片类型|此类卡|这类卡|该类卡)${UNSUPPORTED_ZH}`),
      zh(`${UNSUPPORTED_ZH}(?:此|该|这种)?(?:卡类型|卡片类型|类型的卡)`),
      zh('卡类型无法用于(?:付款|支付)'),
      zh('不支持付款的?类型'),
    ],
    // "This card doesn't appear to be a debit card." (test/cases 039); a single-use virtual card
    // number refused (066).
    paraphrases: [
      phrase("(?:doesn't|does not|isn't|is not) (?:appear to be |seem to be )?an? (?:debit|credit) card"),
      phrase('(?:single-use|single use|disposable|one-time) virtual card'),
      zh(`(?:不是|并非)(?:一张)?(?:借记卡|信用卡)`),
    ],
  },
  {
    id: 'prepaid-not-supported',
    en: 'Prepaid cards and gift cards are not supported.',
    zhCn: '不支持预付卡或礼品卡。',
    declineCode: null,
    codes: [],
    causes: [c('card-type-restricted', 3)],
    source: OPENAI_DECLINED_HELP,
    rank: 2,
    patterns: [
      en('(?:pre-?paid|gift) cards?[^.!?]{0,40}not (?:supported|accepted|allowed)'),
      en("(?:does not|doesn't|do not|don't|cannot|can't) (?:support|accept) (?:pre-?paid|gift) cards?"),
      zh(`(?:预付卡|礼品卡|充值卡)[^。!?]{0,10}${UNSUPPORTED_ZH}`),
      zh(`${UNSUPPORTED_ZH}[^。!?]{0,6}(?:预付卡|礼品卡|充值卡)`),
    ],
    // "prepaid cards can't be used" (test/cases 024).
    paraphrases: [
      phrase(`(?:pre-?paid|gift) cards? ${GAP}(?:can't|cannot|can not|could not|couldn't|may not) be (?:used|accepted)`),
      zh(`(?:预付卡|礼品卡|充值卡)${NEAR_ZH(6)}(?:不能|无法|不可)(?:使用|用于)`),
    ],
  },
  {
    // The article's "卡片无效": a typo and a refused card type both produce it (domain table),
    // so it is a hint for each. Not "卡号无效", which is the number.
    id: 'card-invalid',
    en: 'Card invalid',
    zhCn: '卡片无效',
    declineCode: null,
    codes: [],
    causes: [c('card-details-invalid', 1), c('card-type-restricted', 1)],
    source: ARTICLE,
    rank: 1,
    patterns: [en('invalid card(?! ?(?:number|details|type))'), en('card (?:is )?invalid'), zh('(?:银行卡|信用卡|借记卡|卡片|此卡|该卡|卡)(?:已)?无效')],
    // "Your card may be invalid" (test/cases 076), "付款方式无效" (086).
    paraphrases: [phrase(`(?:${CARD_EN}|${METHOD_EN}) ${GAP_POS}invalid`), zh(`${METHOD_ZH}(?:已)?无效`)],
  },

  // Number, expiry, security code (method 1). The processor's answer is specific, so strong.
  // Chinese wordings vary between Stripe's localization and what people retype, so the Chinese
  // patterns match the key phrase (卡号 + 不正确/错误/有误) rather than one sentence.
  {
    id: 'incorrect-number',
    en: 'Your card number is incorrect.',
    zhCn: '您的卡号不正确。',
    declineCode: 'incorrect_number',
    codes: ['incorrect_number'],
    causes: [c('card-details-invalid', 3)],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [en('card number is incorrect'), en('incorrect card number'), en('wrong card number'), zh(`卡号${WRONG_ZH}`)],
  },
  {
    id: 'invalid-number',
    en: 'Your card number is invalid.',
    zhCn: '您的银行卡卡号无效。',
    declineCode: 'invalid_number',
    codes: ['invalid_number', 'incomplete_number'],
    causes: [c('card-details-invalid', 3)],
    source: STRIPE_ELEMENTS,
    rank: 2,
    patterns: [
      en('card number is (?:invalid|incomplete|not valid)'),
      en('invalid card number'),
      en('not a valid (?:credit )?card number'),
      zh(`卡号${INVALID_ZH}`),
      zh('无效(?:的)?卡号'),
      zh('卡号不是(?:一张)?有效'),
    ],
  },
  {
    id: 'incorrect-cvc',
    en: "Your card's security code is incorrect.",
    zhCn: '您的银行卡安全码不正确。',
    declineCode: 'incorrect_cvc',
    codes: ['incorrect_cvc'],
    causes: [c('card-details-invalid', 3)],
    source: STRIPE_TEST_CARDS,
    rank: 2,
    patterns: [
      en("(?:security code|cvc|cvv|cvv2|cvc2) (?:number )?is (?:incorrect|wrong)"),
      en('incorrect (?:security code|cvc|cvv)'),
      /"?cvc_check"? ?: ?"?fail/,
      zh(`(?:安全码|卡验证码|cvc|cvv2?|cvn2?) ?码?${WRONG_ZH}`),
    ],
    // "CVC errors" (test/cases 020), "the CVV didn't match".
    paraphrases: [phrase("(?:security code|cvc|cvv)2? (?:errors?|mismatch|(?:did not|didn't|does not|doesn't) match)")],
  },
  {
    id: 'invalid-cvc',
    en: "Your card's security code is invalid.",
    zhCn: '您的银行卡安全码无效。',
    declineCode: 'invalid_cvc',
    codes: ['invalid_cvc', 'incomplete_cvc'],
    causes: [c('card-details-invalid', 3)],
    source: STRIPE_ELEMENTS,
    rank: 2,
    patterns: [
      en('(?:security code|cvc|cvv) is (?:invalid|incomplete)'),
      en('invalid (?:security code|cvc|cvv)'),
      zh(`(?:安全码|卡验证码|cvc|cvv2?|cvn2?) ?码?${INVALID_ZH}`),
      zh('无效的?(?:安全码|cvc|cvv)'),
    ],
  },
  {
    id: 'expired-card',
    en: 'Your card has expired.',
    zhCn: '您的银行卡已过期。',
    declineCode: 'expired_card',
    codes: ['expired_card'],
    causes: [c('card-details-invalid', 3)],
    source: STRIPE_TEST_CARDS,
    rank: 2,
    patterns: [en('card (?:has |is )?expired'), en('expired card'), zh(`${CARD_ZH}(?:已经?)?过期`), zh('过期(?:的)?(?:银行卡|信用卡|卡)')],
  },
  {
    id: 'invalid-expiry-month',
    en: "Your card's expiration month is invalid.",
    zhCn: '您的银行卡有效期月份无效。',
    declineCode: 'invalid_expiry_month',
    codes: ['invalid_expiry_month'],
    causes: [c('card-details-invalid', 3)],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [en('expir(?:ation|y) month is (?:invalid|incorrect)'), en('invalid expir(?:ation|y) month'), zh(`(?:有效期|到期|过期)?月份(?:${INVALID_ZH}|${WRONG_ZH})`)],
  },
  {
    id: 'invalid-expiry-year',
    en: "Your card's expiration year is invalid.",
    zhCn: '您的银行卡有效期年份无效。',
    declineCode: 'invalid_expiry_year',
    codes: ['invalid_expiry_year'],
    causes: [c('card-details-invalid', 3)],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [en('expir(?:ation|y) year is (?:invalid|incorrect)'), en('invalid expir(?:ation|y) year'), zh(`(?:有效期|到期|过期)?年份(?:${INVALID_ZH}|${WRONG_ZH})`)],
  },
  {
    // Elements' own checks: incomplete, or month / year in the past. No processor decline code.
    id: 'invalid-expiry-date',
    en: "Your card's expiration date is invalid.",
    zhCn: '您的银行卡有效期无效。',
    declineCode: null,
    codes: ['incomplete_expiry', 'invalid_expiry_month_past', 'invalid_expiry_year_past'],
    causes: [c('card-details-invalid', 3)],
    source: STRIPE_ELEMENTS,
    rank: 2,
    patterns: [
      en('expir(?:ation|y) (?:date|year|month) is (?:invalid|incomplete|incorrect|in the past)'),
      en('invalid expir(?:ation|y) date'),
      // 有效期限 is what Taiwanese cards and forms print for the expiry date.
      zh(`(?:有效期限?|到期日期?|过期日期)(?:${INVALID_ZH}|${WRONG_ZH}|已过)`),
      zh('无效的?(?:有效期限?|到期日期?)'),
    ],
    // PlayStation's "請檢查您信用卡的有效期。" (test/cases 080): asked to check the expiry, and only it.
    paraphrases: [zh(`请(?:检查|确认|核对)(?:您|你)?的?${CARD_ZH}的?(?:有效期|到期日)`)],
  },

  // Billing address and postal code (article §1.1, method 1; OPENAI_DECLINED_HELP: "verify your
  // billing address (especially your zip code)"). The issuer saying "no match" is strong; a
  // postal code the form finds malformed is a clear sign but not yet the issuer's verdict.
  {
    id: 'incorrect-zip',
    en: 'The zip code you supplied failed validation.',
    zhCn: '您提供的邮政编码未通过验证。',
    declineCode: 'incorrect_zip',
    codes: ['incorrect_zip'],
    causes: [c('billing-mismatch', 3)],
    source: STRIPE_TEST_CARDS,
    rank: 2,
    patterns: [
      en('(?:zip|postal) code (?:you supplied |you provided |provided )?(?:failed validation|is incorrect|does not match|doesn\'t match|did not match)'),
      en('incorrect (?:zip|postal)(?: code)?'),
      /"?address_(?:postal_code|zip)_check"? ?: ?"?fail/,
      zh(`${ZIP_ZH}[^。!?]{0,6}(?:未通过验证|验证失败|不匹配|不一致|${WRONG_ZH})`),
    ],
  },
  {
    id: 'postal-code-invalid',
    en: 'Your postal code is invalid.',
    zhCn: '您的邮政编码无效。',
    declineCode: 'postal_code_invalid',
    codes: ['postal_code_invalid', 'incomplete_zip'],
    causes: [c('billing-mismatch', 2)],
    source: STRIPE_ERROR_CODES,
    rank: 2,
    patterns: [en('(?:postal|zip) code is (?:invalid|incomplete)'), en('invalid (?:postal|zip) code'), zh(`${ZIP_ZH}${INVALID_ZH}`), zh(`无效的?${ZIP_ZH}`)],
  },
  {
    id: 'incorrect-address',
    en: "Your card's address is incorrect.",
    zhCn: '您的银行卡账单地址不正确。',
    declineCode: 'incorrect_address',
    codes: ['incorrect_address'],
    causes: [c('billing-mismatch', 3)],
    source: STRIPE_ERROR_CODES,
    rank: 2,
    patterns: [
      en("card'?s? (?:billing )?address is incorrect"),
      en('address verification (?:failed|failure|check failed)'),
      en("billing address (?:does not|doesn't|did not) match"),
      en('avs (?:check )?(?:failed|failure|mismatch)'),
      /"?address_line1_check"? ?: ?"?fail/,
      zh(`(?:账单)?地址(?:验证失败|未通过验证|不匹配|不一致|${WRONG_ZH})`),
      zh('地址[^。!?]{0,6}与发卡(?:行|银行)[^。!?]{0,4}不(?:一致|匹配)'),
    ],
  },

  // Repeated attempts (article §4, FAQ 3). The rate limit is the processor saying so outright.
  // card_velocity_exceeded and withdrawal_count_limit_exceeded are described by Stripe as
  // exceeding the balance or credit limit available, so they are a clear sign of funds and only
  // a hint of retries (domain table: card_velocity_exceeded "only as a weak hint" of retry-velocity).
  {
    id: 'card-velocity-exceeded',
    en: 'Your card was declined for making repeated attempts too frequently or exceeding its amount limit.',
    zhCn: '您的银行卡因尝试过于频繁或超出金额限制而被拒绝。',
    declineCode: 'card_velocity_exceeded',
    codes: ['card_velocity_exceeded'],
    causes: [c('insufficient-funds', 2), c('retry-velocity', 1)],
    source: STRIPE_TEST_CARDS,
    rank: 2,
    patterns: [
      en('repeated attempts too frequently'),
      en('exceeding its amount limit'),
      en('exceeded the balance, credit limit,? or transaction amount limit'),
      zh('尝试(?:过于|太)频繁'),
      zh('超出(?:了)?(?:金额|交易金额)限(?:制|额)'),
    ],
  },
  {
    id: 'withdrawal-count-limit-exceeded',
    en: 'You have exceeded the number of transactions allowed on your card (withdrawal_count_limit_exceeded).',
    zhCn: '已超出银行卡允许的交易次数（withdrawal_count_limit_exceeded）。',
    declineCode: 'withdrawal_count_limit_exceeded',
    codes: ['withdrawal_count_limit_exceeded'],
    causes: [c('insufficient-funds', 2), c('retry-velocity', 1)],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [en('withdrawal count limit'), zh('(?:交易|取款)次数(?:超限|已达上限|超过限制|超出限制)'), zh('超出[^。!?]{0,8}(?:交易|取款)次数')],
  },
  {
    id: 'decline-rate-limit-exceeded',
    en: 'You have exceeded the maximum number of declines on this card in the last 24 hour period.',
    zhCn: '此卡在过去 24 小时内被拒绝的次数已达上限。',
    declineCode: 'card_decline_rate_limit_exceeded',
    codes: ['card_decline_rate_limit_exceeded'],
    causes: [c('retry-velocity', 3)],
    source: STRIPE_ERROR_CODES,
    rank: 2,
    patterns: [
      en('maximum number of declines'),
      en('(?:has been |been )?declined too many times'),
      zh('(?:被拒绝?|拒绝)的?次数(?:过多|太多|已达上限|已达到上限|超(?:过|出)(?:上限|限制))'),
    ],
  },
  {
    // Merchant-side wording ("too many attempts"); not the API's rate limit ("too many requests").
    id: 'too-many-attempts',
    en: 'Too many attempts. Please try again later.',
    zhCn: '尝试次数过多，请稍后再试。',
    declineCode: null,
    codes: [],
    causes: [c('retry-velocity', 3)],
    source: ARTICLE,
    rank: 2,
    patterns: [
      en('too many (?:failed |payment |card )?(?:attempts|tries)'),
      en('(?:tried|attempted) too many times'),
      zh('(?:尝试|操作|绑卡|支付|付款|提交)(?:的)?次数(?:过多|太多)'),
      zh('(?:绑卡|支付|付款|提交|操作)(?:过于|太)频繁'),
    ],
  },
  {
    // ChatGPT's "Unusual activity has been detected from your device": the domain table files
    // it under repeated attempts; it names the device, so also a hint of the network cause.
    id: 'unusual-activity',
    en: 'Unusual activity has been detected from your device. Try again later.',
    zhCn: '检测到异常活动。请稍后再试。',
    declineCode: null,
    codes: [],
    causes: [c('retry-velocity', 2), c('network-anomaly', 1)],
    source: ARTICLE,
    rank: 2,
    patterns: [en('unusual activity'), en('suspicious activity'), zh('异常活动|异常行为|可疑活动|异常操作')],
  },

  // Issuer verification (3-D Secure). Stripe's authentication failures for PaymentIntents and
  // SetupIntents carry the same customer message, so the text alone does not say which code.
  {
    id: 'authentication-required',
    en: 'This transaction requires authentication.',
    zhCn: '此交易需要身份验证。',
    declineCode: 'authentication_required',
    // authentication_not_handled (added to the table in 2024-25): authentication was required and
    // the payment went ahead without it, the same cause.
    codes: ['authentication_required', 'authentication_not_handled'],
    causes: [c('authentication-failed', 3)],
    source: STRIPE_DECLINE_CODES,
    rank: 2,
    patterns: [
      en('requires? (?:additional )?authentication'),
      en('authentication (?:is )?required'),
      zh(`需要(?:进行)?(?:额外的?|身[份分]|3d ?secure ?|3ds ?|安全)${VERIFY_ZH}`),
    ],
    // "This payment may need to be verified", "your card requires further verification".
    paraphrases: [
      phrase(`(?:${CARD_EN}|${METHOD_EN}|${PAYMENT_EN}) ${GAP_POS}(?:requires?|needs?|need to|needs to|must) (?:be )?(?:additional |extra |further )?(?:authenticat(?:ed|ion)|verif(?:ied|ication))`),
      zh(`(?:付款|支付|交易|${CARD_ZH})${NEAR_ZH(4)}需要(?:进行|完成)?(?:额外的?|进一步的?)?(?:身[份分])?${VERIFY_ZH}`),
    ],
  },
  {
    id: 'unable-to-authenticate',
    en: 'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
    zhCn: '我们未能验证您的支付方式。请选择另一支付方式并重试。',
    declineCode: null,
    codes: ['payment_intent_authentication_failure', 'setup_intent_authentication_failure'],
    causes: [c('authentication-failed', 3)],
    source: STRIPE_ERROR_CODES,
    rank: 2,
    patterns: [
      en('unable to authenticate (?:your |the )?payment method'),
      en('payment method has failed authentication'),
      zh(`(?:未能|无法|不能)${VERIFY_ZH}(?:您|你)?的?(?:支付|付款)方式`),
    ],
    // OpenAI's "We were unable to verify your payment method", and "your card could not be
    // authenticated", "Unable to verify card", "支付方式未能通过验证", "無法認證您的卡片".
    paraphrases: [
      phrase(`${NEG_EN} (?:${WORD} ){0,2}(?:authenticate|verify|validate|confirm) ${DET_EN}(?:${CARD_EN}|${METHOD_EN}|${PAYMENT_EN}|identity)`),
      phrase(`(?:${CARD_EN}|${METHOD_EN}|${PAYMENT_EN}) ${NEG_PASSIVE_EN}(?:authenticated|verified|validated|confirmed)`),
      zh(`${CANNOT_ZH}(?:通过|完成)?${VERIFY_ZH}(?:您|你|我)?的?(?:${METHOD_ZH}|${CARD_ZH}|身[份分]|付款|支付)`),
      zh(`(?:${METHOD_ZH}|${CARD_ZH})${NEAR_ZH(4)}${CANNOT_ZH}(?:通过|完成)?${VERIFY_ZH}`),
    ],
  },
  {
    id: 'three-d-secure-failed',
    en: '3D Secure authentication failed.',
    zhCn: '身份验证失败。',
    declineCode: null,
    codes: [],
    causes: [c('authentication-failed', 3)],
    source: STRIPE_3D_SECURE,
    rank: 2,
    patterns: [
      en('3-?d ?secure[^.!?]{0,20}(?:failed|failure|unsuccessful|not completed)'),
      en('3ds2? (?:authentication )?(?:failed|failure)'),
      en('authentication (?:has )?failed'),
      en('failed authentication'),
      zh(`(?:身[份分]|3d ?secure ?|3ds2? ?|安全)${VERIFY_ZH}(?:失败|未通过|未完成)`),
    ],
    // "Card verification failed", "the authentication was unsuccessful", "验证没有通过".
    paraphrases: [
      phrase(`(?:verification|authentication|3ds|3-?d ?secure)(?: check| challenge)? ${GAP_POS}(?:failed|unsuccessful|timed out|expired|not completed|was not completed|was cancell?ed)`),
      zh(`(?:${CARD_ZH}|银行|短信|安全|付款|支付)${VERIFY_ZH}${NEAR_ZH(2)}(?:失败|没有?通过|不通过|超时)`),
    ],
  },

  // Funds (the processor's insufficient_funds; §4 pitfall 2 warns it is not the only condition).
  {
    id: 'insufficient-funds',
    en: 'Your card has insufficient funds.',
    zhCn: '您的银行卡余额不足。',
    declineCode: 'insufficient_funds',
    codes: ['insufficient_funds'],
    causes: [c('insufficient-funds', 3)],
    source: STRIPE_TEST_CARDS,
    rank: 2,
    patterns: [en('insufficient (?:funds|balance)'), en('not enough (?:funds|balance|money)'), zh('余额不足|资金不足|(?:可用|信用)?额度不足')],
  },

  // OpenAI's help page: a per-card cap on subscriptions. None of the article's causes is it.
  {
    id: 'too-many-subscriptions',
    en: "You've paid for too many subscriptions using the same payment method.",
    zhCn: '使用同一支付方式支付的订阅过多。',
    declineCode: null,
    codes: [],
    causes: [],
    source: OPENAI_DECLINED_HELP,
    rank: 2,
    patterns: [en('too many subscriptions'), zh('订阅(?:数量)?(?:过多|太多)'), zh('(?:过多|太多)(?:的)?订阅')],
  },

  // The subscription is bought in the iOS / Android app, so Apple or Google charge the card
  // (domain table: app-store-billing, "store messages"): "New subscription failing (in-app
  // purchase)" (test/cases 090), "subscription associated with another account" (064). Named
  // only, never the card's fault, so a clear sign rather than strong.
  {
    id: 'app-store-purchase',
    en: 'In-app purchase: the App Store or Google Play charges the card.',
    zhCn: '应用内购买：由 App Store 或 Google Play 向银行卡扣款。',
    declineCode: null,
    codes: [],
    causes: [c('app-store-billing', 2)],
    source: OPENAI_APP_STORE_HELP,
    rank: 1,
    patterns: [],
    paraphrases: [
      phrase('in-? ?app (?:purchases?|subscriptions?|billing)'),
      phrase('(?:app store|apple id|itunes|google play) (?:purchases?|subscriptions?|billing|payments?)'),
      phrase('(?:purchased|subscribed|bought|paid|subscribing|buying|paying) (?:through|via|in|on|with) (?:the )?(?:app store|google play|apple|ios app|iphone app|android app)'),
      phrase('subscription (?:is )?(?:associated|linked) with (?:another|a different) (?:account|apple id)'),
      zh('应用内购买|应用内订阅|内购'),
      zh(`(?:苹果|app ?store|apple ?id|应用商店|google ?play|谷歌)${NEAR_ZH(4)}(?:订阅|购买|付款|支付|扣款)`),
    ],
  },
  // Issuer verification started but not finished: the intent's `requires_action` status, or the
  // person's own account of the page ("it asked me to verify in my bank app", "没收到验证码").
  // A clear sign of the authentication cause, not yet its failure, so 2.
  {
    id: 'authentication-pending',
    en: 'Additional verification is required to complete this payment (requires_action).',
    zhCn: '这笔付款还需完成额外验证（requires_action）。',
    declineCode: null,
    codes: [],
    causes: [c('authentication-failed', 2)],
    source: STRIPE_INTENT_STATUSES,
    rank: 1,
    patterns: [en('requires action'), en('(?:authentication|verification) (?:is )?pending'), en('pending (?:authentication|verification)')],
    paraphrases: [
      phrase(
        "(?:asked|asks|asking|prompted|prompts|wanted|wants|told|redirected|sent) (?:me |us |you )?(?:to )?(?:verify|authenticate|approve|complete (?:the |a )?(?:verification|authentication|3-?d ?secure)|enter (?:a |an |the )?(?:code|otp|one-time|verification code|sms code|passcode))",
      ),
      phrase("(?:didn't|did not|never|haven't|have not|don't|do not|not) (?:get|got|receive|received|getting|receiving) (?:the |a |an |any )?(?:sms|text|otp|code|verification|one-time|passcode)"),
      phrase('3-?d ?secure (?:page|pop-?up|window|challenge|prompt|screen)'),
      // "asks for card authentication" (test/cases 014), "additional action is required" (061),
      // "authentication may be needed" (076).
      phrase('(?:asks?|asked|asking) for (?:the |a |an |card |additional |extra |further )?(?:authentication|verification|3-?d ?secure)'),
      phrase('(?:additional|further|extra) (?:action|authentication|verification) (?:is |was )?(?:required|needed)'),
      phrase(`(?:authentication|verification) ${GAP_POS}(?:be )?(?:needed|required)`),
      phrase('(?:approve|confirm) (?:the |this )?(?:payment|transaction|purchase|charge) in (?:my|your|the) (?:bank(?:ing)?|card|mobile banking) app'),
      zh(`(?:没收到|未收到|没有收到|收不到|没有接到)${NEAR_ZH(4)}验证码`),
      zh(`(?:弹出|跳出|跳转到?)${NEAR_ZH(8)}${VERIFY_ZH}`),
      zh(`(?:要求|让|叫|提示)(?:我|您|你)${NEAR_ZH(10)}(?:${VERIFY_ZH}|输入验证码|确认付款|授权)`),
      zh(`(?:银行|手机银行)(?:app|应用)?(?:里|中|上)?(?:确认|授权|批准)(?:这笔)?(?:付款|支付|交易|扣款)`),
      zh(`(?:等待|正在)(?:身[份分])?${VERIFY_ZH}`),
    ],
    statuses: ['requires_action'],
  },
  // The catch-all: text plainly about a failed payment that says nothing more ("Payment failed",
  // "Your payment method could not be charged", "We couldn't process your payment", "绑卡失败").
  // Stripe's generic refusals get the same hint as "Your card was declined"; never silence.
  {
    id: 'payment-failed-unspecified',
    en: 'The payment failed.',
    zhCn: '付款失败。',
    declineCode: null,
    codes: [],
    causes: [c('international-payments-disabled', 1)],
    source: OPENAI_CHECKOUT_QUOTED,
    rank: -1,
    patterns: [],
    paraphrases: [
      phrase(`(?:${CARD_EN}|${METHOD_EN}|${PAYMENT_EN}|checkout|upgrade) ${GAP_POS}${FAILED_EN}`),
      phrase(`${NEG_EN} (?:${WORD} ){0,2}(?:process|charge|complete|accept|add|save|attach|link|update) ${THING_EN}`),
      phrase(`(?:payment|transaction|charge|checkout|purchase|subscription|billing) (?:error|failure|problem|issue)`),
      // "We're having trouble processing your payment", "There was a problem with your payment".
      phrase(`(?:trouble|problems?|issues?|difficulty|an error) (?:with|processing|charging|while processing) ${THING_EN}`),
      zh(`(?:支付|付款|扣款|交易|绑卡|绑定|刷卡|订阅|升级|购买|充值|添加(?:${CARD_ZH}|${METHOD_ZH}))${NEAR_ZH(4)}(?:失败|未成功|不成功|没成功|没有成功)`),
      zh(`(?:无法|未能|不能|没能|没法)(?:处理|完成)(?:您|你|我)?的?(?:付款|支付|交易|订单|购买|扣款)`),
      zh(`(?:无法|不能|没法|没能|未能)(?:绑定|添加|绑|保存)(?:${CARD_ZH}|${METHOD_ZH})`),
      zh('绑不上|刷不了|付不了|支付不了|扣不了款'),
    ],
  },
];

/** Every recognized message: id, a canonical English and Simplified Chinese text (what the UI offers the person to pick), the decline code it implies, the causes. */
export const DECLINE_MESSAGES: readonly DeclineMessage[] = ENTRIES.map(
  ({ patterns: _patterns, paraphrases: _paraphrases, statuses: _statuses, rank: _rank, ...message }) => message,
);

const GENERIC_DECLINE_ENTRY = entryById('generic-decline');
const CARD_DECLINED_ENTRY = entryById('card-declined');

/** Code to entry; the never-claim codes select the generic decline. */
const ENTRY_BY_CODE: ReadonlyMap<string, Entry> = new Map<string, Entry>([
  ...ENTRIES.flatMap((entry) => entry.codes.map((code) => [code, entry] as const)),
  ...NEVER_CLAIM_DECLINE_CODES.map((code) => [code, GENERIC_DECLINE_ENTRY] as const),
]);

const NEVER_CLAIM = new Set(NEVER_CLAIM_DECLINE_CODES);

// An unknown code that names fraud, loss or theft is folded into the generic decline too: the
// rule is about what we say to the person, whatever the code is called.
const NEVER_CLAIM_WORDS = /fraud|lost|stolen|black_?list|block_?list|pick_?up|security_violation|restricted_card/;

// The same words as they might appear inside a quoted phrase.
const NEVER_CLAIM_TEXT = /\b(?:fraud\w*|lost|stolen|black ?list\w*|block ?list\w*)\b|欺[诈詐]|盗刷|盜刷|被[盗盜]|[挂掛]失|[遗遺]失|丢失/gi;

// Long pastes (a whole HAR or log) gain nothing past this and would only cost time.
const MAX_INPUT_LENGTH = 100_000;

function entryById(id: string): Entry {
  const entry = ENTRIES.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`declineMessages: no entry ${id}`);
  return entry;
}

/** The code as we may show it: lower snake case, never-claim codes as `generic_decline`. */
function claimable(code: string): string {
  return NEVER_CLAIM.has(code) || NEVER_CLAIM_WORDS.test(code) ? 'generic_decline' : code;
}

/** Normalized text plus, per UTF-16 unit of it, the input range it came from. */
interface NormalizedText {
  text: string;
  from: Int32Array;
  to: Int32Array;
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const CJK = /[\u2e80-\u2fff\u3001-\u303f\u3040-\u9fff\uf900-\ufaff\uff01-\uff60]/;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u300c\u300d\u300e\u300f]/g;

// Traditional characters used by the Chinese phrases above, folded to Simplified: Stripe
// Checkout renders zh-TW / zh-HK when the browser asks for it, e.g. "您的金融卡已被拒絕".
const TRADITIONAL =
  '絕銀餘額驗證號碼區國異動測檢無過請嘗試幣種類購買帳單郵遞處錯誤發認確許頻數達禮預貨獲項戶務為們這來對應沒統與於資訊簽經關聯開權敗後偵態該張將際顯並僅' +
  '個兌時暫機現電筆係繫級綁編訂讓記賬銷問閱題駁輸轉報彈復複裡裏簡錢設備網絡線啟進內蘋鎖別';
const SIMPLIFIED =
  '绝银余额验证号码区国异动测检无过请尝试币种类购买账单邮递处错误发认确许频数达礼预货获项户务为们这来对应没统与于资讯签经关联开权败后侦态该张将际显并仅' +
  '个兑时暂机现电笔系系级绑编订让记账销问阅题驳输转报弹复复里里简钱设备网络线启进内苹锁别';
/** Traditional → Simplified, one character each, for every character the Chinese phrases use that differs between the scripts; exported for tests. */
export const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = new Map([...TRADITIONAL].map((char, index) => [char, SIMPLIFIED[index] ?? char]));
const TO_SIMPLIFIED = TRADITIONAL_TO_SIMPLIFIED;

/** One input character (or JSON escape) as normalized text, and how many input units it used. */
function readUnit(input: string, index: number, fold: (codePoint: number) => string): { text: string; length: number } {
  const char = input[index] ?? '';
  // JSON string escapes, so a pasted error object reads like its message.
  if (char === '\\') {
    const next = input[index + 1];
    if (next === 'u' && /^[\da-f]{4}$/i.test(input.slice(index + 2, index + 6))) {
      return { text: fold(parseInt(input.slice(index + 2, index + 6), 16)), length: 6 };
    }
    if (next === 'n' || next === 'r' || next === 't') return { text: ' ', length: 2 };
    if (next === '"' || next === '/' || next === '\\') return { text: next, length: 2 };
  }
  const codePoint = input.codePointAt(index) ?? 0;
  return { text: fold(codePoint), length: codePoint > 0xffff ? 2 : 1 };
}

/** `/\s/.test` of one UTF-16 unit: ECMAScript's white space and line terminators. */
function isSpaceUnit(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `CJK.test` of one UTF-16 unit. */
function isCjkUnit(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x2fff) ||
    (code >= 0x3001 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff01 && code <= 0xff60)
  );
}

function foldChar(char: string): string {
  // Printable ASCII needs only lower-casing; NFKC and the maps are for everything else.
  if (char.length === 1 && char >= ' ' && char <= '~') return char.toLowerCase();
  if (ZERO_WIDTH.test(char)) return '';
  // CJK unified ideographs have no compatibility decomposition and no case: only the
  // Traditional map applies (the common case for a Chinese message, so it skips NFKC).
  if (char.length === 1 && char >= '\u4e00' && char <= '\u9fff') return TO_SIMPLIFIED.get(char) ?? char;
  const folded = char.normalize('NFKC').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').toLowerCase();
  let out = '';
  for (const unit of folded) out += TO_SIMPLIFIED.get(unit) ?? unit;
  return out;
}

/** Printable ASCII other than the space and the backslash (which may start a JSON escape): lower-casing is all it needs. */
function isPlainAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f && code !== 0x5c;
}

/**
 * Normalizes character by character (not the whole string at once) so every output unit can
 * point back at the input: NFKC makes full-width letters and punctuation half-width, quotes
 * become straight, case is lowered, whitespace runs become one space, and spaces next to CJK go
 * (Chinese has none, and "提示： 您的" should read as "提示:您的").
 *
 * Linear in the input: pieces are collected in an array and joined once, and the previous
 * character's script is remembered rather than read back from the text built so far (reading
 * `text.slice(-1)` of a string grown by `+=` flattens V8's rope every time, which made long pastes
 * quadratic). Runs of plain ASCII and of ASCII whitespace, most of any paste, are taken whole
 * without the per-character folding.
 */
function normalizeWithMap(input: string): NormalizedText {
  const pieces: string[] = [];
  // Units waiting to join `pieces`, as codes: one string per few thousand characters rather
  // than one per character (a Chinese paste has no ASCII runs to take whole).
  const units: number[] = [];
  // Typed, sized for the usual one output unit per input unit, grown on the rare expansion
  // (NFKC of a ligature or a square symbol): no per-element growth of a 100,000-long array.
  let from = new Int32Array(input.length + 16);
  let to = new Int32Array(input.length + 16);
  let mapped = 0;
  const map = (start: number, end: number): void => {
    if (mapped === from.length) {
      const grownFrom = new Int32Array(from.length * 2);
      const grownTo = new Int32Array(to.length * 2);
      grownFrom.set(from);
      grownTo.set(to);
      from = grownFrom;
      to = grownTo;
    }
    from[mapped] = start;
    to[mapped] = end;
    mapped++;
  };
  let pendingStart = -1;
  let pendingEnd = -1;
  let lastIsCjk = false;
  let empty = true;
  let index = 0;
  const length = input.length;
  // A paste repeats its characters: each is folded (NFKC and the maps) once per call.
  const folds = new Map<number, string>();
  const fold = (codePoint: number): string => {
    let folded = folds.get(codePoint);
    if (folded === undefined) {
      folded = foldChar(String.fromCodePoint(codePoint));
      folds.set(codePoint, folded);
    }
    return folded;
  };
  const flushUnits = (): void => {
    for (let start = 0; start < units.length; start += 4096) pieces.push(String.fromCharCode(...units.slice(start, start + 4096)));
    units.length = 0;
  };
  // The one space a run of white space becomes, unless it touches Chinese or starts the text.
  const spaceBefore = (isCjk: boolean): void => {
    if (pendingStart >= 0 && !empty && !lastIsCjk && !isCjk) {
      units.push(0x20);
      map(pendingStart, pendingEnd);
    }
    pendingStart = -1;
    lastIsCjk = isCjk;
    empty = false;
  };
  while (index < length) {
    const code = input.charCodeAt(index);
    if (isPlainAscii(code)) {
      let end = index + 1;
      while (end < length && isPlainAscii(input.charCodeAt(end))) end++;
      spaceBefore(false);
      if (end - index >= 64) {
        flushUnits();
        pieces.push(input.slice(index, end).toLowerCase());
      }
      for (let k = index; k < end; k++) {
        if (end - index < 64) {
          const unit = input.charCodeAt(k);
          units.push(unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit);
        }
        map(k, k + 1);
      }
      index = end;
      continue;
    }
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) {
      if (pendingStart < 0) {
        pendingStart = index;
        pendingEnd = index + 1;
      }
      index++;
      continue;
    }
    let unitLength = 1;
    let folded: string;
    if (code === 0x5c) {
      const unit = readUnit(input, index, fold);
      unitLength = unit.length;
      folded = unit.text;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const codePoint = input.codePointAt(index)!;
      unitLength = codePoint > 0xffff ? 2 : 1;
      folded = fold(codePoint);
    } else {
      folded = fold(code);
    }
    // By code point, as `for…of` reads a string: a pair (outside the BMP) is neither white space
    // nor CJK, as the patterns' unit-wise tests read it.
    for (let k = 0; k < folded.length; ) {
      const unit = folded.charCodeAt(k);
      const low = folded.charCodeAt(k + 1);
      const width = unit >= 0xd800 && unit <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
      if (width === 1 && isSpaceUnit(unit)) {
        if (pendingStart < 0) {
          pendingStart = index;
          pendingEnd = index + unitLength;
        }
        k++;
        continue;
      }
      spaceBefore(width === 1 && isCjkUnit(unit));
      for (let part = 0; part < width; part++) {
        units.push(folded.charCodeAt(k + part));
        map(index, index + unitLength);
      }
      k += width;
    }
    index += unitLength;
  }
  flushUnits();
  return { text: pieces.join(''), from: from.subarray(0, mapped), to: to.subarray(0, mapped) };
}

/** Normalization used for matching: NFKC (full-width to half-width), lower case, curly quotes to straight, collapse whitespace; exported for tests. Also decodes JSON string escapes (`\u60a8`, `\n`), drops zero-width characters and spaces next to Chinese, and folds the Traditional characters the Chinese phrases use to Simplified. */
export function normalizeMessageText(text: string): string {
  return typeof text === 'string' ? normalizeWithMap(text.slice(0, MAX_INPUT_LENGTH)).text : '';
}

/**
 * The literal strings that every match of `pattern` contains, as clauses: each clause lists
 * strings of which at least one occurs in any text the pattern matches (`en('card was declined')`
 * gives `[['card'], ['was'], ['declined']]`). An empty list says nothing is known, so the pattern
 * must always run. Read from the pattern's own source, so a prefilter can never drift from the
 * pattern it guards; whatever the reader does not understand (a case-insensitive flag, an unknown
 * group) yields no clause rather than a wrong one. Exported for tests.
 */
export function requiredLiterals(pattern: RegExp): readonly (readonly string[])[] {
  if (/[iv]/.test(pattern.flags)) return [];
  const source = pattern.source;
  const unicode = pattern.flags.includes('u');
  let pos = 0;
  const shortest = (clause: readonly string[]): number => Math.min(...clause.map((literal) => literal.length));
  // The clause that rules out most texts, roughly: the longest shortest literal, then the fewest.
  const best = (clauses: readonly string[][]): string[] | null =>
    clauses.reduce<string[] | null>(
      (chosen, clause) =>
        chosen === null || shortest(clause) > shortest(chosen) || (shortest(clause) === shortest(chosen) && clause.length < chosen.length)
          ? clause
          : chosen,
      null,
    );
  const escape = (): string | null => {
    const next = source[pos++] ?? '';
    const hexOf = (digits: number): string | null => {
      const hex = source.slice(pos, pos + digits);
      if (hex.length !== digits || !/^[0-9a-f]+$/i.test(hex)) return null;
      pos += digits;
      return String.fromCharCode(parseInt(hex, 16));
    };
    if (next === 'u') {
      if (unicode && source[pos] === '{') {
        const close = source.indexOf('}', pos);
        const codePoint = parseInt(source.slice(pos + 1, close), 16);
        pos = close + 1;
        return String.fromCodePoint(codePoint);
      }
      return hexOf(4);
    }
    if (next === 'x') return hexOf(2);
    const controls: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };
    if (controls[next] !== undefined) return controls[next]!;
    if ((next === 'k' || next === 'p' || next === 'P') && (source[pos] === '<' || source[pos] === '{')) {
      pos = source.indexOf(source[pos] === '<' ? '>' : '}', pos) + 1;
      return null;
    }
    // Classes (\d \w \s), edges (\b), back-references (\1), \0 and \cX: nothing to require.
    if (/[0-9a-z]/i.test(next)) return null;
    return next;
  };
  // One atom: a literal character, or the clauses a group brings, or nothing (a class, an edge).
  const atom = (): { char: string | null; clauses: string[][] } => {
    const head = source[pos++]!;
    if (head === '(') {
      let clauses: string[][] = [];
      if (source.startsWith('?:', pos)) {
        pos += 2;
        clauses = alternation();
      } else if (/^\?<?[=!]/.test(source.slice(pos, pos + 3))) {
        // A lookaround consumes nothing: what it needs need not be part of the match.
        pos += source[pos + 1] === '<' ? 3 : 2;
        alternation();
      } else if (source.startsWith('?<', pos)) {
        pos = source.indexOf('>', pos) + 1;
        clauses = alternation();
      } else if (source[pos] === '?') {
        throw new Error('an unknown group');
      } else {
        clauses = alternation();
      }
      if (source[pos++] !== ')') throw new Error('an unclosed group');
      return { char: null, clauses };
    }
    if (head === '[') {
      if (source[pos] === ']') pos++;
      while (pos < source.length && source[pos] !== ']') pos += source[pos] === '\\' ? 2 : 1;
      if (source[pos++] !== ']') throw new Error('an unclosed class');
      return { char: null, clauses: [] };
    }
    if (head === '\\') return { char: escape(), clauses: [] };
    if (head === '.' || head === '^' || head === '$' || head === '|' || head === ')') return { char: null, clauses: [] };
    return { char: head, clauses: [] };
  };
  // The least number of times the atom before must occur, or null when no quantifier follows.
  const quantifier = (): number | null => {
    let min: number | null = null;
    if (source[pos] === '?' || source[pos] === '*') min = 0;
    else if (source[pos] === '+') min = 1;
    const braces = source[pos] === '{' ? /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(pos, pos + 24)) : null;
    if (braces) {
      pos += braces[0].length;
      min = Number(braces[1]);
    } else if (min !== null) {
      pos++;
    }
    if (min !== null && source[pos] === '?') pos++;
    return min;
  };
  // A concatenation needs everything each of its parts needs.
  const sequence = (): string[][] => {
    const clauses: string[][] = [];
    let run = '';
    const flush = (): void => {
      if (run) clauses.push([run]);
      run = '';
    };
    while (pos < source.length && source[pos] !== '|' && source[pos] !== ')') {
      const part = atom();
      const min = quantifier();
      if (part.char !== null && min === null) {
        run += part.char;
        continue;
      }
      flush();
      if (min === 0) continue;
      if (part.char !== null) clauses.push([part.char]);
      else clauses.push(...part.clauses);
    }
    flush();
    return clauses;
  };
  // An alternation needs one of what its options need: the best clause of each, joined.
  const alternation = (): string[][] => {
    const options = [sequence()];
    while (source[pos] === '|') {
      pos++;
      options.push(sequence());
    }
    if (options.length === 1) return options[0]!;
    const chosen = options.map(best);
    if (chosen.some((clause) => clause === null)) return [];
    return [[...new Set(chosen.flat() as string[])]];
  };
  try {
    const clauses = alternation();
    return pos === source.length ? clauses : [];
  } catch {
    return [];
  }
}

/** A pattern, and what the text must hold before running it is worth the time. */
interface Matcher {
  /** Index in MATCHERS. */
  readonly id: number;
  readonly pattern: RegExp;
  /** {@link requiredLiterals}, as indexes into LITERALS. */
  readonly clauses: readonly (readonly number[])[];
  /** The script it needs, for a pattern without clauses: Chinese if it has Chinese characters, else Latin letters. */
  readonly script: 'latin' | 'cjk';
}

/** Every literal the prefilters name, once each: one pass over a text finds all it holds. */
const LITERALS: string[] = [];
const LITERAL_INDEX = new Map<string, number>();
/** Every matcher, by id. */
const MATCHERS: Matcher[] = [];

function matcher(pattern: RegExp): Matcher {
  const clauses = requiredLiterals(pattern).map((clause) =>
    clause.map((literal) => {
      let index = LITERAL_INDEX.get(literal);
      if (index === undefined) {
        index = LITERALS.push(literal) - 1;
        LITERAL_INDEX.set(literal, index);
      }
      return index;
    }),
  );
  const made: Matcher = { id: MATCHERS.length, pattern, clauses, script: CJK.test(pattern.source) ? 'cjk' : 'latin' };
  MATCHERS.push(made);
  return made;
}

/** Each entry's wordings and paraphrases with their prefilters, in ENTRIES order. */
const ENTRY_MATCHERS: readonly { readonly entry: Entry; readonly patterns: readonly Matcher[]; readonly paraphrases: readonly Matcher[] }[] = ENTRIES.map(
  (entry) => ({ entry, patterns: entry.patterns.map(matcher), paraphrases: (entry.paraphrases ?? []).map(matcher) }),
);

const CONFIDENCE_ORDER: Readonly<Record<RecognitionConfidence, number>> = { specific: 2, broad: 1, generic: 0 };

/** One place in the text that selects an entry. */
interface Hit {
  entry: Entry;
  index: number;
  /** End of the match in the normalized text (phrases only; codes use the same end as their start). */
  end: number;
  matched: string;
  /** The code as read from the text; null for a phrase. */
  code: string | null;
  /** 2 read from a `decline_code` / `code` field, 1 a bare code, 0 a phrase. */
  strength: 0 | 1 | 2;
  confidence: RecognitionConfidence;
}

// `"decline_code": "do_not_honor"`, `decline_code=do_not_honor`, `'code': 'card_declined'`,
// `declineCode: …`. A value cut off by truncation (an opening quote never closed) is skipped.
const CODE_FIELD = /(?<![a-z0-9_])(decline[_ ]?code|advice[_ ]?code|(?:error[_ ]?)?code)["']? ?[:=] ?(["']?)([a-z][a-z0-9_]{0,63})\2(?![a-z0-9_])/g;
// `"network_decline_code": "05"`, `network_advice_code=02`: the card network's codes are digits
// or short alphanumerics.
const NETWORK_FIELD = /(?<![a-z0-9_])network[_ ]?(decline|advice)[_ ]?code["']? ?[:=] ?(["']?)([a-z0-9]{1,8})\2(?![a-z0-9_])/g;
// "Visa advice code 3", "network advice code: 02": the network's advice written out in prose.
const NETWORK_ADVICE_TEXT = /(?<![a-z0-9_])(?:visa|mastercard|network|merchant) advice code ?:? ?(\d{1,2})(?![a-z0-9])/g;
// Visa's "revalidate payment information" and the processor's own name for it: the advice
// `confirm_card_data` in prose.
const CONFIRM_CARD_DATA_TEXT = /re-?validate (?:the |your )?(?:payment|card) (?:information|details|data)|confirm card data/;

/**
 * The ISO 8583 response codes that Visa and Mastercard both use with one meaning (the processor's
 * network decline code table, https://docs.stripe.com/declines/network-codes), to the message they
 * mean; a `broad` recognition. Brand-specific or ambiguous codes (65 is a withdrawal-count limit
 * for one network and a soft decline asking for authentication for another) stay uninterpreted.
 * Codes that mean lost, stolen or fraud read as the generic decline, as the processor shows them.
 */
const NETWORK_DECLINE_MESSAGE: ReadonlyMap<string, string> = new Map([
  ['05', 'do-not-honor'],
  ['14', 'invalid-number'],
  ['51', 'insufficient-funds'],
  ['54', 'expired-card'],
  ['57', 'transaction-not-allowed'],
  ['61', 'card-velocity-exceeded'],
  ['91', 'issuer-not-available'],
  ['1a', 'authentication-required'],
  ['n7', 'incorrect-cvc'],
  ['04', 'generic-decline'],
  ['07', 'generic-decline'],
  ['41', 'generic-decline'],
  ['43', 'generic-decline'],
  ['59', 'generic-decline'],
  ['62', 'generic-decline'],
]);

// JSON and log spellings of "no value" (`"decline_code": null`).
const NOT_A_CODE: ReadonlySet<string> = new Set(['null', 'none', 'nil', 'undefined', 'true', 'false']);
// Codes are snake case; `fraudulent` is the one without an underscore.
const BARE_CODE = /(?<![a-z0-9_])(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|fraudulent)(?![a-z0-9_])/g;

const ADVICE = new Set(ADVICE_CODES);
const STATUS_ENTRY: ReadonlyMap<string, Entry> = new Map(ENTRIES.flatMap((entry) => (entry.statuses ?? []).map((status) => [status, entry] as const)));
const CATCH_ALL_ENTRY = entryById('payment-failed-unspecified');

/**
 * "This text is about a failed payment": a payment word and a failure word in one sentence, in
 * either order, at most 60 (English) or 12-20 (Chinese) characters apart. Used only when nothing
 * more specific is found, so it errs towards a low-confidence finding rather than silence.
 * Word edges include `_` so JSON keys (`last_payment_error`, `payment_method`) are not words.
 *
 * The words are found by two plain word lists and paired by position in one pass
 * ({@link nearestPair}), not by one pattern spanning the distance: such a pattern was linear too,
 * but too large for a ReDoS checker to decide.
 */
const PAY_EN = '(?:card|payment|pay|paying|charge|charged|transaction|checkout|billing|subscription|subscribe|upgrade|upgrading|purchase)';
const FAIL_EN =
  "(?:fail(?:ed|s|ure)?|declin(?:ed|e|es|ing)|unsuccessful|reject(?:ed|s)?|refus(?:ed|es)|denied|error|(?:doesn't|does not|didn't|did not|won't|will not|not) (?:work|working|go through|going through|accepted|approved)|(?:can't|cannot|couldn't|could not|unable to) (?:pay|charge|process|add|subscribe|upgrade|complete|bind|link|save|use|verify))";
// "was not declined" is no failure.
const PAY_WORD_EN = new RegExp(`(?<![a-z_])${PAY_EN}(?![a-z_])`, 'g');
const FAIL_WORD_EN = new RegExp(`(?<![a-z_])(?<!(?:not|never|n't) )${FAIL_EN}(?![a-z_])`, 'g');
// カード: a Japanese checkout's "card" (test/cases 085, "カード変更失敗").
const PAY_WORD_ZH = /支付|付款|扣款|绑卡|绑定|刷卡|添加卡|加卡|银行卡|信用卡|借记卡|卡片|カード|订阅|升级|充值|交易|购买/g;
const FAIL_WORD_ZH = /失败|不成功|未成功|没成功|被拒|拒绝|错误|出错|报错|无法|不能|不了|不上|有问题/g;
const SENTENCE_END = /[.!?。;]/g;

const CODE_FIELD_MATCHER = matcher(CODE_FIELD);
const NETWORK_FIELD_MATCHER = matcher(NETWORK_FIELD);
const NETWORK_ADVICE_TEXT_MATCHER = matcher(NETWORK_ADVICE_TEXT);
const CONFIRM_CARD_DATA_MATCHER = matcher(CONFIRM_CARD_DATA_TEXT);
const BARE_CODE_MATCHER = matcher(BARE_CODE);
const PAY_WORD_EN_MATCHER = matcher(PAY_WORD_EN);
const FAIL_WORD_EN_MATCHER = matcher(FAIL_WORD_EN);
const PAY_WORD_ZH_MATCHER = matcher(PAY_WORD_ZH);
const FAIL_WORD_ZH_MATCHER = matcher(FAIL_WORD_ZH);

const NO_MATCHES: readonly RegExpExecArray[] = [];

/**
 * An Aho-Corasick automaton over LITERALS: one pass over a text finds every literal it holds,
 * where an `includes` per literal made a short message cost hundreds of searches. Node 0 is the
 * root. Node n's trie edges are `edgeUnit` / `edgeChild` from `edgeStart[n]` to `edgeStart[n + 1]`,
 * sorted by UTF-16 unit (flat typed arrays: a lookup is a short binary search, no Map per node);
 * `fail` is the longest proper suffix that is also a trie path; the literals ending at node n (its
 * own and its suffixes') are `foundList` from `foundStart[n]` to `foundStart[n + 1]`.
 */
interface LiteralAutomaton {
  readonly edgeStart: Int32Array;
  readonly edgeUnit: Uint16Array;
  readonly edgeChild: Int32Array;
  readonly fail: Int32Array;
  readonly foundStart: Int32Array;
  readonly foundList: Int32Array;
}

function buildAutomaton(literals: readonly string[]): LiteralAutomaton {
  const next: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  literals.forEach((literal, index) => {
    let node = 0;
    for (let k = 0; k < literal.length; k++) {
      const unit = literal.charCodeAt(k);
      let child = next[node]!.get(unit);
      if (child === undefined) {
        child = next.push(new Map()) - 1;
        own.push([]);
        next[node]!.set(unit, child);
      }
      node = child;
    }
    own[node]!.push(index);
  });
  const fail = new Int32Array(next.length);
  const found: number[][] = own.map((list) => [...list]);
  // Breadth first, so a node's suffix link is complete before its children need it.
  const queue: number[] = [...next[0]!.values()];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const [unit, child] of next[node]!) {
      let suffix = fail[node]!;
      while (suffix !== 0 && !next[suffix]!.has(unit)) suffix = fail[suffix]!;
      const target = next[suffix]!.get(unit);
      fail[child] = target !== undefined && target !== child ? target : 0;
      found[child]!.push(...found[fail[child]!]!);
      queue.push(child);
    }
  }
  const edgeStart = new Int32Array(next.length + 1);
  const edges = next.map((edgesOf) => [...edgesOf].sort(([a], [b]) => a - b));
  edges.forEach((list, node) => (edgeStart[node + 1] = edgeStart[node]! + list.length));
  const foundStart = new Int32Array(next.length + 1);
  found.forEach((list, node) => (foundStart[node + 1] = foundStart[node]! + list.length));
  return {
    edgeStart,
    edgeUnit: Uint16Array.from(edges.flat(), ([unit]) => unit),
    edgeChild: Int32Array.from(edges.flat(), ([, child]) => child),
    fail,
    foundStart,
    foundList: Int32Array.from(found.flat()),
  };
}

/** The trie child of `node` by `unit`, or -1. */
function edge(automaton: LiteralAutomaton, node: number, unit: number): number {
  let low = automaton.edgeStart[node]!;
  let high = automaton.edgeStart[node + 1]! - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = automaton.edgeUnit[middle]!;
    if (found === unit) return automaton.edgeChild[middle]!;
    if (found < unit) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

// Every matcher is made above, so LITERALS and MATCHERS are complete here.
const AUTOMATON = buildAutomaton(LITERALS);

/** Every clause of every matcher, numbered: the matcher it belongs to. */
const CLAUSE_MATCHER: readonly number[] = MATCHERS.flatMap((each) => each.clauses.map(() => each.id));
/** For each literal, the clauses it satisfies. */
const LITERAL_CLAUSES: readonly number[][] = (() => {
  const byLiteral: number[][] = LITERALS.map(() => []);
  let clauseId = 0;
  for (const each of MATCHERS) {
    for (const clause of each.clauses) {
      for (const literal of clause) byLiteral[literal]!.push(clauseId);
      clauseId++;
    }
  }
  return byLiteral;
})();

/**
 * For each matcher (by id), how many of its clauses `text` satisfies: one pass of the automaton
 * finds the literals, and only their clauses are visited, so the patterns a text cannot match
 * cost nothing.
 */
function satisfiedClauses(text: string): Uint16Array {
  const automaton = AUTOMATON;
  const { fail, foundStart, foundList } = automaton;
  const present = new Uint8Array(LITERALS.length);
  const satisfied = new Uint8Array(CLAUSE_MATCHER.length);
  const counts = new Uint16Array(MATCHERS.length);
  let node = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    let child = edge(automaton, node, unit);
    while (child < 0 && node !== 0) {
      node = fail[node]!;
      child = edge(automaton, node, unit);
    }
    node = child < 0 ? 0 : child;
    for (let at = foundStart[node]!; at < foundStart[node + 1]!; at++) {
      const literal = foundList[at]!;
      if (present[literal] === 1) continue;
      present[literal] = 1;
      for (const clause of LITERAL_CLAUSES[literal]!) {
        if (satisfied[clause] === 1) continue;
        satisfied[clause] = 1;
        counts[CLAUSE_MATCHER[clause]!]!++;
      }
    }
  }
  return counts;
}

/**
 * One normalized text and which patterns it may match: most patterns are ruled out by a word they
 * need and the text lacks, found in the one pass over the text that looks for every such word.
 */
class TextScan {
  private readonly satisfied: Uint16Array;
  private readonly hasLatin: boolean;
  private readonly hasCjk: boolean;

  constructor(readonly text: string) {
    this.hasLatin = /[a-z]/.test(text);
    this.hasCjk = CJK.test(text);
    this.satisfied = satisfiedClauses(text);
  }

  /** Whether the text may hold a match: each clause has a literal in the text (or, with no clauses, the pattern's script is there). */
  admits(each: Matcher): boolean {
    if (each.clauses.length === 0) return each.script === 'latin' ? this.hasLatin : this.hasCjk;
    return this.satisfied[each.id] === each.clauses.length;
  }

  /** `text.matchAll(pattern)`, or nothing when the prefilter rules the pattern out. */
  matchAll(each: Matcher): Iterable<RegExpExecArray> {
    return this.admits(each) ? this.text.matchAll(each.pattern) : NO_MATCHES;
  }
}

/** One word found in the text: [start, end). */
interface Span {
  start: number;
  end: number;
}

function spans(pattern: RegExp, text: string): Span[] {
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/**
 * The earliest payment word and failure word that sit in one sentence, the failure at most
 * `after` characters after the payment word or at most `before` characters before it. One pass
 * over both lists (each in text order) with a pointer that only moves forward: linear.
 */
function nearestPair(text: string, pay: readonly Span[], fail: readonly Span[], after: number, before: number): Span | null {
  if (pay.length === 0 || fail.length === 0) return null;
  // Sentence number at each position, so "same sentence" is one comparison.
  const sentence = new Uint32Array(text.length + 1);
  let ends = 0;
  let next = 0;
  for (const end of text.matchAll(SENTENCE_END)) {
    for (; next <= end.index; next++) sentence[next] = ends;
    ends++;
  }
  for (; next <= text.length; next++) sentence[next] = ends;

  let best: Span | null = null;
  let first = 0;
  for (const word of fail) {
    // Payment words that end too early to pair with this failure word can pair with no later one.
    while (first < pay.length && pay[first]!.end + after < word.start) first++;
    for (let index = first; index < pay.length; index++) {
      const candidate = pay[index]!;
      if (candidate.start > word.end + before) break;
      // "can't pay", "unable to subscribe": the failure phrase holds its own payment word.
      const inside = candidate.start >= word.start && candidate.end <= word.end;
      const inReach =
        inside ||
        (candidate.end <= word.start && word.start - candidate.end <= after) ||
        (word.end <= candidate.start && candidate.start - word.end <= before);
      if (!inReach || sentence[candidate.start] !== sentence[word.start]) continue;
      const span = { start: Math.min(candidate.start, word.start), end: Math.max(candidate.end, word.end) };
      if (!best || span.start < best.start) best = span;
      break;
    }
  }
  return best;
}

/**
 * Every phrase pattern the recognizer runs over a whole text (the messages' wordings, the phrase
 * grammar's paraphrases, the payment-failure detector); exported so tests and lint can check that
 * each is linear (bounded repetition only).
 */
export function phrasePatterns(): readonly RegExp[] {
  return [
    ...ENTRY_MATCHERS.flatMap(({ patterns, paraphrases }) => [...patterns, ...paraphrases].map((each) => each.pattern)),
    PAY_WORD_EN,
    FAIL_WORD_EN,
    PAY_WORD_ZH,
    FAIL_WORD_ZH,
  ];
}

/**
 * Every Chinese character the recognizer's patterns use, once each, in code-point order; exported
 * so a test can check that {@link TRADITIONAL_TO_SIMPLIFIED} folds each one's Traditional form.
 */
export function chinesePatternCharacters(): string {
  const sources = phrasePatterns().map((pattern) => pattern.source).join('');
  return [...new Set(sources.match(/[\u4e00-\u9fff]/g) ?? [])].sort().join('');
}

/**
 * The latest texts recognized, newest last, and what was found in each. The sidebar form
 * re-diagnoses on every keystroke, mostly in other fields, so the message is usually the text
 * recognized a moment ago; a history shows the same few messages again and again. Recognition is
 * a pure function of the text, so an entry can never be stale. Only texts up to the length of a
 * report's `errorMessage` (4,000 characters) are kept, at most RECENT_ENTRIES of them: a long
 * paste (a log, a HAR) is recognized afresh each time.
 */
const RECENT = new Map<string, readonly DeclineRecognition[]>();
const RECENT_ENTRIES = 32;
const RECENT_TEXT_LENGTH = 4000;

/** All recognitions in the text, most specific first (a specific code/message before the generic 'card-declined'); de-duplicated by messageId. Empty array if nothing is recognized. */
export function recognizeDeclineMessages(text: string): DeclineRecognition[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const input = text.slice(0, MAX_INPUT_LENGTH);
  if (input.length > RECENT_TEXT_LENGTH) return recognize(input);
  let found = RECENT.get(input);
  if (found) RECENT.delete(input);
  else found = recognize(input);
  RECENT.set(input, found);
  if (RECENT.size > RECENT_ENTRIES) RECENT.delete(RECENT.keys().next().value!);
  // Copies, so a caller that changes its result cannot change what the next caller gets.
  return found.map((recognition) => ({ ...recognition }));
}

function recognize(input: string): DeclineRecognition[] {
  const normalized = normalizeWithMap(input);
  const quote = (start: number, end: number): string => {
    if (end <= start) return '';
    return input.slice(normalized.from[start] ?? 0, normalized.to[end - 1] ?? input.length);
  };

  const scan = new TextScan(normalized.text);
  const hits: Hit[] = [];
  const fields = scan.admits(CODE_FIELD_MATCHER) ? readCodeFields(normalized.text) : [];
  const hasDeclineCode = fields.some((field) => field.key === 'decline');
  const context: TextCodes = { adviceCode: null, networkDeclineCode: null, networkAdviceCode: null, intentStatus: null };
  let codeEvidence: { start: number; end: number } | null = null;

  for (const field of fields) {
    if (field.key === 'advice') {
      context.adviceCode ??= claimable(field.value);
      codeEvidence ??= field;
      continue;
    }
    // `code` is card_declined whenever a decline_code says more; the umbrella adds nothing then.
    if (field.key === 'code' && field.value === 'card_declined' && hasDeclineCode) continue;
    const entry = ENTRY_BY_CODE.get(field.value) ?? (field.key === 'decline' ? CARD_DECLINED_ENTRY : undefined);
    if (!entry) continue;
    const code = claimable(field.value);
    const matched =
      code === field.value
        ? quote(field.start, field.end)
        : quote(field.start, field.valueStart) + code + quote(field.valueEnd, field.end);
    hits.push({ entry, index: field.start, end: field.start, matched, code, strength: 2, confidence: 'specific' });
  }
  // An old response may still carry advice in `decline_code` (try_again_later, do_not_try_again):
  // its legacy message stays, and the advice is reported as advice too.
  for (const field of fields) if (field.key === 'decline' && ADVICE.has(field.value)) context.adviceCode ??= field.value;

  for (const match of scan.matchAll(NETWORK_FIELD_MATCHER)) {
    const [whole, kind, , value = ''] = match;
    if (NOT_A_CODE.has(value)) continue;
    const start = match.index;
    const end = start + whole.length;
    codeEvidence ??= { start, end };
    if (kind === 'advice') {
      context.networkAdviceCode ??= value;
      continue;
    }
    context.networkDeclineCode ??= value;
    const id = NETWORK_DECLINE_MESSAGE.get(value);
    if (id) hits.push({ entry: entryById(id), index: start, end, matched: quote(start, end), code: null, strength: 1, confidence: 'broad' });
  }
  for (const match of scan.matchAll(NETWORK_ADVICE_TEXT_MATCHER)) {
    context.networkAdviceCode ??= match[1] ?? null;
    codeEvidence ??= { start: match.index, end: match.index + match[0].length };
  }
  const confirmCardData = scan.admits(CONFIRM_CARD_DATA_MATCHER) ? CONFIRM_CARD_DATA_TEXT.exec(normalized.text) : null;
  if (confirmCardData) {
    context.adviceCode ??= 'confirm_card_data';
    codeEvidence ??= { start: confirmCardData.index, end: confirmCardData.index + confirmCardData[0].length };
  }

  // Both lists are in text order, so one forward pointer finds the field a bare code overlaps:
  // linear, where testing every field for every bare code was quadratic on a long log.
  let fieldIndex = 0;
  for (const match of scan.matchAll(BARE_CODE_MATCHER)) {
    const start = match.index;
    const end = start + match[0].length;
    while (fieldIndex < fields.length && fields[fieldIndex]!.end <= start) fieldIndex++;
    const field = fields[fieldIndex];
    if (field && field.start < end) continue;
    const value = match[0];
    if (ADVICE.has(value)) {
      context.adviceCode ??= value;
      codeEvidence ??= { start, end };
      // Advice never brings a cause: only a legacy message that carries none (try-again-later,
      // whose canonical text the pick list offers) may be named by it.
      const legacy = ENTRY_BY_CODE.get(value);
      if (legacy && legacy.causes.length === 0) {
        hits.push({ entry: legacy, index: start, end, matched: quote(start, end), code: value, strength: 1, confidence: 'specific' });
      }
      continue;
    }
    const statusEntry = STATUS_ENTRY.get(value);
    if (statusEntry) {
      context.intentStatus ??= value;
      // The refusal a status stands for says less than a decline_code next to it.
      if (!(value === 'requires_payment_method' && hasDeclineCode)) {
        hits.push({ entry: statusEntry, index: start, end, matched: quote(start, end), code: null, strength: 1, confidence: 'broad' });
      }
      continue;
    }
    if (value === 'card_declined' && hasDeclineCode) continue;
    const entry = ENTRY_BY_CODE.get(value);
    if (!entry) continue;
    const code = claimable(value);
    hits.push({ entry, index: start, end, matched: code === value ? quote(start, end) : code, code, strength: 1, confidence: 'specific' });
  }

  const earliest = (matchers: readonly Matcher[]): RegExpExecArray | null => {
    let best: RegExpExecArray | null = null;
    for (const each of matchers) {
      if (!scan.admits(each)) continue;
      const match = firstMatch(each.pattern, normalized.text);
      if (match && (best === null || match.index < best.index)) best = match;
    }
    return best;
  };
  const phraseHit = (entry: Entry, match: RegExpExecArray, confidence: RecognitionConfidence): Hit => {
    const end = match.index + match[0].length;
    return { entry, index: match.index, end, matched: quote(match.index, end), code: null, strength: 0, confidence };
  };

  const exact: Hit[] = [];
  for (const { entry, patterns } of ENTRY_MATCHERS) {
    const match = earliest(patterns);
    if (match) exact.push(phraseHit(entry, match, 'specific'));
  }
  hits.push(...exact);
  for (const { entry, paraphrases } of ENTRY_MATCHERS) {
    if (paraphrases.length === 0 || exact.some((hit) => hit.entry === entry)) continue;
    const match = earliest(paraphrases);
    if (!match) continue;
    const hit = phraseHit(entry, match, 'broad');
    // The same words already read as a known message ("address verification failed" is not
    // also a 3-D Secure failure).
    if (exact.some((other) => hit.index < other.end && other.index < hit.end)) continue;
    hits.push(hit);
  }

  if (hits.length === 0) {
    const text = normalized.text;
    const pair = (pay: Matcher, fail: Matcher, after: number, before: number): Span | null =>
      scan.admits(pay) && scan.admits(fail) ? nearestPair(text, spans(pay.pattern, text), spans(fail.pattern, text), after, before) : null;
    const english = pair(PAY_WORD_EN_MATCHER, FAIL_WORD_EN_MATCHER, 60, 60);
    const chinese = pair(PAY_WORD_ZH_MATCHER, FAIL_WORD_ZH_MATCHER, 20, 12);
    const found = english && chinese ? (english.start <= chinese.start ? english : chinese) : (english ?? chinese);
    if (found) {
      hits.push({ entry: CATCH_ALL_ENTRY, index: found.start, end: found.end, matched: quote(found.start, found.end), code: null, strength: 0, confidence: 'generic' });
    }
    // Advice and network codes come only with a declined payment.
    else if (codeEvidence) {
      const { start, end } = codeEvidence;
      hits.push({ entry: CATCH_ALL_ENTRY, index: start, end, matched: quote(start, end), code: null, strength: 1, confidence: 'generic' });
    }
  }

  return mergeHits(hits, context);
}

/** The codes that belong to the whole text rather than to one message. */
interface TextCodes {
  adviceCode: string | null;
  networkDeclineCode: string | null;
  networkAdviceCode: string | null;
  intentStatus: string | null;
}

interface CodeField {
  key: 'decline' | 'advice' | 'code';
  value: string;
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
}

/**
 * The code fields of pasted JSON or logs, read straight from the text rather than by parsing:
 * whole, embedded and truncated JSON, `key=value` logs and Python reprs then take one path.
 */
function readCodeFields(text: string): CodeField[] {
  const fields: CodeField[] = [];
  for (const match of text.matchAll(CODE_FIELD)) {
    const [whole, rawKey = '', quoteMark = '', value = ''] = match;
    if (NOT_A_CODE.has(value)) continue;
    const key = rawKey.startsWith('decline') ? 'decline' : rawKey.startsWith('advice') ? 'advice' : 'code';
    const end = match.index + whole.length;
    const valueEnd = end - quoteMark.length;
    fields.push({ key, value, start: match.index, end, valueStart: valueEnd - value.length, valueEnd });
  }
  return fields;
}

interface Found {
  index: number;
  code: string | null;
  codeStrength: number;
  matched: string;
  matchedStrength: number;
  confidence: RecognitionConfidence;
}

/**
 * One recognition per entry: the field-read code wins, the phrase is the better evidence to
 * quote, the surest reading sets the confidence. A paraphrase of a generic refusal says nothing
 * once a more specific message is recognized, and the catch-all only speaks when nothing else does.
 */
function mergeHits(hits: readonly Hit[], context: TextCodes): DeclineRecognition[] {
  const byEntry = new Map<Entry, Found>();
  for (const hit of hits) {
    const current = byEntry.get(hit.entry);
    if (!current) {
      byEntry.set(hit.entry, {
        index: hit.index,
        code: hit.code,
        codeStrength: hit.code ? hit.strength : -1,
        matched: hit.matched,
        matchedStrength: hit.strength,
        confidence: hit.confidence,
      });
      continue;
    }
    current.index = Math.min(current.index, hit.index);
    if (hit.code && hit.strength > current.codeStrength) {
      current.code = hit.code;
      current.codeStrength = hit.strength;
    }
    // A phrase reads better as evidence than `"decline_code": "…"`; among codes, the field.
    const preference = (strength: number) => (strength === 0 ? 3 : strength);
    if (preference(hit.strength) > preference(current.matchedStrength)) {
      current.matched = hit.matched;
      current.matchedStrength = hit.strength;
    }
    if (CONFIDENCE_ORDER[hit.confidence] > CONFIDENCE_ORDER[current.confidence]) current.confidence = hit.confidence;
  }
  const hasSpecificReason = [...byEntry.keys()].some((entry) => entry.rank >= 1);
  const kept = [...byEntry.entries()].filter(([entry, found]) => {
    if (entry === CATCH_ALL_ENTRY) return byEntry.size === 1;
    return !(entry.rank <= 0 && found.confidence !== 'specific' && hasSpecificReason);
  });
  return kept
    .sort(([a, first], [b, second]) => b.rank - a.rank || first.index - second.index)
    .map(([entry, found]) => ({
      messageId: entry.id,
      declineCode: found.code ?? entry.declineCode,
      adviceCode: context.adviceCode,
      causes: entry.causes,
      matched: found.matched.replace(NEVER_CLAIM_TEXT, '…'),
      confidence: found.confidence,
      networkDeclineCode: context.networkDeclineCode,
      networkAdviceCode: context.networkAdviceCode,
      intentStatus: context.intentStatus,
    }));
}
