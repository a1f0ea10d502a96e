/**
 * The cause catalogue as data: every cause with the article section it comes from, the actions
 * the article gives for it, and the words for each in English and Simplified Chinese. The rules
 * that raise each cause live in `diagnose.ts`, each citing its source; the words live here so the
 * CLI, the letters and the extension all say the same thing.
 *
 * Article: `shared/seed/000_73267ad7117f4c45.txt` (§1 causes, §2 methods 1-6, §4 pitfalls,
 * §5 FAQ). Processor: Stripe's decline codes (docs.stripe.com/declines/codes).
 */
import type { CauseId } from './causeIds';
import type { Product } from './report';

/** The two languages of everything a person reads. */
export const LANGS = ['en', 'zh-cn'] as const;
export type Lang = (typeof LANGS)[number];

/** Text in both languages. */
export type Words = Readonly<Record<Lang, string>>;

export const ACTION_IDS = [
  'verify-card-details',
  'match-billing-address',
  'check-supported-countries',
  'consider-dual-currency-card',
  'no-region-workaround',
  'enable-international-payments',
  'small-foreign-test-payment',
  'clear-cache-or-other-device',
  'use-standard-card',
  'keep-stable-network',
  'wait-after-login',
  'appeal-to-support',
  'stop-retrying',
  'keep-failure-journal',
  'wait-24h',
  'ask-bank',
  'complete-authentication',
  'check-balance',
  'use-app-store-billing',
] as const;

/** One of the article's methods or pitfalls, as something the person can do. */
export type ActionId = (typeof ACTION_IDS)[number];

export interface ActionEntry {
  id: ActionId;
  /** Where the advice comes from: an article section or the processor's documentation. */
  source: string;
  words: Words;
}

export const ACTIONS: Readonly<Record<ActionId, ActionEntry>> = {
  'verify-card-details': {
    id: 'verify-card-details',
    source: '§2 method 1',
    words: {
      en: 'Check the card number, expiry date and CVC against the card itself, and that the card has not expired.',
      'zh-cn': '对照实体卡核对卡号、有效期和 CVC，并确认卡片未过期。',
    },
  },
  'match-billing-address': {
    id: 'match-billing-address',
    source: '§2 method 1; §4 pitfall 2',
    words: {
      en: 'Enter the billing address and postal code exactly as your bank has them on file; if unsure, ask the bank. Use your real address, never an invented one.',
      'zh-cn': '账单地址和邮编须与发卡行登记的信息完全一致；不确定时向银行确认。请填写真实地址，切勿编造。',
    },
  },
  'check-supported-countries': {
    id: 'check-supported-countries',
    source: '§2 method 1',
    words: {
      en: 'Check the merchant’s supported-countries list (Billing page → “Supported Countries”) for where the card was issued and where you are.',
      'zh-cn': '在 OpenAI 账户 Billing 页面查看“Supported Countries”支持地区，核对发卡地区和您所在地区。',
    },
  },
  'consider-dual-currency-card': {
    id: 'consider-dual-currency-card',
    source: '§2 method 1 (suggestion); §5 FAQ 4',
    words: {
      en: 'If your card was issued in mainland China, consider applying for a dual-currency (Visa or Mastercard) credit card in your own name.',
      'zh-cn': '若卡片为中国大陆发行，可考虑以本人名义申请双币（Visa 或 Mastercard）信用卡。',
    },
  },
  'no-region-workaround': {
    id: 'no-region-workaround',
    source: '§4 pitfall 3',
    words: {
      en: 'Region rules cannot be worked around: a VPN does not change where the card was issued or where you are, and switching nodes only adds risk.',
      'zh-cn': '地区限制无法规避：VPN 改变不了发卡地和您的实际所在地，频繁切换节点只会增加风控风险。',
    },
  },
  'enable-international-payments': {
    id: 'enable-international-payments',
    source: '§2 method 2; §5 FAQ 1, 4',
    words: {
      en: 'Call your bank or use online banking to turn on international (cross-border) online card payments.',
      'zh-cn': '拨打银行客服或通过网上银行开通“境外线上交易”与“国际支付”功能。',
    },
  },
  'small-foreign-test-payment': {
    id: 'small-foreign-test-payment',
    source: '§2 method 2; §5 FAQ 2',
    words: {
      en: 'Make one small foreign-currency payment elsewhere (about 1 USD) to confirm the card works abroad.',
      'zh-cn': '在其他地方进行一次小额外币交易（如 1 美元），测试卡片能否境外支付。',
    },
  },
  'clear-cache-or-other-device': {
    id: 'clear-cache-or-other-device',
    source: '§2 method 2',
    words: {
      en: 'Before the next attempt, clear the browser cache or use another device you normally use.',
      'zh-cn': '下次绑卡前清除浏览器缓存，或换一台常用设备再试。',
    },
  },
  'use-standard-card': {
    id: 'use-standard-card',
    source: '§2 method 3; §4 pitfall 4; §5 FAQ 2',
    words: {
      en: 'Avoid prepaid, gift and virtual cards; a standard credit or debit card in your own name is far more likely to be accepted.',
      'zh-cn': '避免使用预付卡、礼品卡和虚拟卡；改用本人名下的标准信用卡或借记卡更稳妥。',
    },
  },
  'keep-stable-network': {
    id: 'keep-stable-network',
    source: '§2 method 4; §4 pitfall 3',
    words: {
      en: 'Use one stable network for the whole attempt; do not switch nodes or regions while binding.',
      'zh-cn': '绑卡全程使用同一稳定网络，不要中途切换节点或地区。',
    },
  },
  'wait-after-login': {
    id: 'wait-after-login',
    source: '§2 method 4',
    words: {
      en: 'Stay logged in for about 10 minutes on that network before adding the card, then refresh to confirm.',
      'zh-cn': '在同一网络下登录约 10 分钟后再绑卡，完成后刷新页面确认状态。',
    },
  },
  'appeal-to-support': {
    id: 'appeal-to-support',
    source: '§2 method 5',
    words: {
      en: 'Write to support (Help Center → “Billing & Payments”) with the exact error, screenshots with the card number hidden, and a short timeline.',
      'zh-cn': '通过帮助中心 “Billing & Payments” 提交申诉：附上准确的错误提示、隐藏卡号的截图和简短的时间线。',
    },
  },
  'stop-retrying': {
    id: 'stop-retrying',
    source: '§2 method 5; §4 pitfall 1',
    words: {
      en: 'After appealing, do not retry or switch cards repeatedly; it can lock the account again.',
      'zh-cn': '提交申诉后不要频繁重复操作或切换卡片，否则可能再次触发锁定。',
    },
  },
  'keep-failure-journal': {
    id: 'keep-failure-journal',
    source: '§2 method 6',
    words: {
      en: 'Record each failure (time, exact error, issuer, region, last 4 digits only) so the bank and support can act faster.',
      'zh-cn': '记录每次失败的时间、错误提示、发卡行、地区和卡号后四位（绝不记录完整卡号），便于银行和客服加快处理。',
    },
  },
  'wait-24h': {
    id: 'wait-24h',
    source: '§4 pitfall 1; §5 FAQ 3',
    words: {
      en: 'Wait 24 hours before trying again or trying another card; changing cards at once looks like card testing.',
      'zh-cn': '间隔 24 小时再尝试或更换卡片；换卡后立即重试会被判定为刷卡。',
    },
  },
  'ask-bank': {
    id: 'ask-bank',
    source: '§2 method 2; processor: call_issuer, do_not_honor',
    words: {
      en: 'Ask your issuing bank whether it declined the payment and why; the bank inquiry letter lists the questions.',
      'zh-cn': '向发卡行询问是否由银行拒绝了该笔交易及原因；可使用“银行问询函”中的问题。',
    },
  },
  'complete-authentication': {
    id: 'complete-authentication',
    source: 'processor: authentication_required',
    words: {
      en: 'Complete the bank’s verification (3-D Secure, SMS or app confirmation) when it appears, and ask the bank to enable it for online payments.',
      'zh-cn': '出现银行验证（3-D Secure、短信或 App 确认）时完成验证，并请银行为线上支付开通该验证。',
    },
  },
  'check-balance': {
    id: 'check-balance',
    source: 'processor: insufficient_funds; §4 pitfall 2',
    words: {
      en: 'Make sure the available balance or credit limit covers the charge; note that a balance alone is not enough.',
      'zh-cn': '确认可用余额或信用额度足够支付；但请注意，余额充足并不是唯一条件。',
    },
  },
  'use-app-store-billing': {
    id: 'use-app-store-billing',
    source: 'processor: in-app purchases are billed by the app store',
    words: {
      en: 'Subscriptions bought in the iOS or Android app are billed by Apple or Google: fix the payment method in your Apple ID or Google Play account, or subscribe on the web instead.',
      'zh-cn': '在 iOS 或 Android App 内购买的订阅由 Apple 或 Google 收费：请在 Apple ID 或 Google Play 账户中修改付款方式，或改在网页端订阅。',
    },
  },
};

export interface CauseEntry {
  id: CauseId;
  /** The article section (or processor documentation) the cause comes from. */
  source: string;
  /** What to do, most useful first. */
  actions: readonly ActionId[];
  title: Words;
  /** One sentence on what the cause means, worded as a possibility. */
  summary: Words;
}

export const CAUSES: Readonly<Record<CauseId, CauseEntry>> = {
  'region-unsupported': {
    id: 'region-unsupported',
    source: '§1.1',
    actions: ['check-supported-countries', 'no-region-workaround', 'consider-dual-currency-card'],
    title: { en: 'Region not supported', 'zh-cn': '地区不支持' },
    summary: {
      en: 'The card may have been issued, or you may be, in a region the merchant does not support.',
      'zh-cn': '卡片的发卡地区或您所在的地区可能不在商户支持的范围内。',
    },
  },
  'billing-mismatch': {
    id: 'billing-mismatch',
    source: '§1.1; §2 method 1',
    actions: ['match-billing-address', 'ask-bank'],
    title: { en: 'Billing address does not match', 'zh-cn': '账单地址不一致' },
    summary: {
      en: 'The billing address or postal code may differ from what the issuing bank has on file.',
      'zh-cn': '账单地址或邮编可能与发卡行登记的信息不一致。',
    },
  },
  'card-details-invalid': {
    id: 'card-details-invalid',
    source: '§2 method 1',
    actions: ['verify-card-details'],
    title: { en: 'Card details wrong or expired', 'zh-cn': '卡片信息有误或已过期' },
    summary: {
      en: 'The number, expiry date or CVC may have been typed wrong, or the card may have expired.',
      'zh-cn': '卡号、有效期或 CVC 可能输入有误，或卡片可能已过期。',
    },
  },
  'international-payments-disabled': {
    id: 'international-payments-disabled',
    source: '§1.2; §2 method 2; §5 FAQ 1, 4',
    actions: ['enable-international-payments', 'small-foreign-test-payment', 'ask-bank', 'clear-cache-or-other-device'],
    title: { en: 'International online payments blocked', 'zh-cn': '未开通国际在线支付' },
    summary: {
      en: 'The bank may be blocking cross-border or online card-not-present payments, even with a sufficient balance.',
      'zh-cn': '即使余额充足，银行也可能阻止了境外或线上无卡交易。',
    },
  },
  'card-type-restricted': {
    id: 'card-type-restricted',
    source: '§1.3; §2 method 3; §5 FAQ 2',
    actions: ['use-standard-card', 'small-foreign-test-payment'],
    title: { en: 'Card type refused', 'zh-cn': '卡片类型受限' },
    summary: {
      en: 'Virtual, prepaid and gift cards are often refused or scored as low-trust.',
      'zh-cn': '虚拟卡、预付卡和礼品卡常被拒绝或被视为低可信类型。',
    },
  },
  'network-anomaly': {
    id: 'network-anomaly',
    source: '§1.4; §2 method 4',
    actions: ['keep-stable-network', 'wait-after-login', 'clear-cache-or-other-device', 'no-region-workaround'],
    title: { en: 'Unusual network or device', 'zh-cn': '网络或设备环境异常' },
    summary: {
      en: 'A VPN, frequent node switching or a new device may have made the attempt look unusual.',
      'zh-cn': '使用 VPN、频繁切换节点或新设备可能让这次尝试显得异常。',
    },
  },
  'retry-velocity': {
    id: 'retry-velocity',
    source: '§4 pitfall 1; §5 FAQ 3',
    actions: ['wait-24h', 'stop-retrying', 'keep-failure-journal', 'appeal-to-support'],
    title: { en: 'Too many attempts', 'zh-cn': '尝试过于频繁' },
    summary: {
      en: 'Many attempts or card changes in a short time can look like card testing and mark the account as high-risk.',
      'zh-cn': '短时间内多次尝试或频繁换卡可能被视为刷卡，账号可能被标记为高风险。',
    },
  },
  'authentication-failed': {
    id: 'authentication-failed',
    source: 'processor: authentication_required',
    actions: ['complete-authentication', 'ask-bank'],
    title: { en: 'Verification not completed', 'zh-cn': '身份验证未完成' },
    summary: {
      en: 'The bank’s 3-D Secure or other verification may not have been completed.',
      'zh-cn': '银行的 3-D Secure 或其他验证可能未完成。',
    },
  },
  'insufficient-funds': {
    id: 'insufficient-funds',
    source: 'processor: insufficient_funds; §4 pitfall 2',
    actions: ['check-balance', 'enable-international-payments'],
    title: { en: 'Not enough funds', 'zh-cn': '余额或额度不足' },
    summary: {
      en: 'The available balance or credit may not cover the charge (and a balance is not the only condition).',
      'zh-cn': '可用余额或额度可能不足以支付（但余额并非唯一条件）。',
    },
  },
  'app-store-billing': {
    id: 'app-store-billing',
    source: 'processor: in-app purchases',
    actions: ['use-app-store-billing'],
    title: { en: 'Billed by the app store', 'zh-cn': '由应用商店收费' },
    summary: {
      en: 'In the mobile app, Apple or Google bills the subscription, not the web card form.',
      'zh-cn': '在手机 App 中，订阅由 Apple 或 Google 收费，而不是网页上的绑卡表单。',
    },
  },
};

/** The article's general next steps, given whenever no cause stands out. */
export const GENERAL_STEPS: readonly ActionId[] = [
  'verify-card-details',
  'match-billing-address',
  'enable-international-payments',
  'keep-stable-network',
  'keep-failure-journal',
  'appeal-to-support',
  'wait-24h',
];

export const SIGNAL_IDS = [
  'decline-message',
  'issuer-country-unsupported',
  'issuer-country-supported',
  'billing-country-unsupported',
  'access-country-unsupported',
  'brand-unionpay',
  'card-not-supported-foreign-issuer',
  'billing-does-not-match',
  'billing-matches',
  'postal-code-invalid',
  'billing-country-differs',
  'card-expired',
  'brand-contradicts-prefix',
  'international-off',
  'international-unknown',
  'international-on',
  'balance-fine-still-declined',
  'domestic-debit-card',
  'card-kind-restricted',
  'card-kind-standard',
  'virtual-card-invalid-repeated',
  'vpn-on',
  'vpn-off',
  'switched-recently',
  'not-switched',
  'access-differs-from-issuer',
  'attempts-24h',
  'cards-24h',
  'same-error-repeated',
  'balance-insufficient',
  'balance-sufficient',
  'product-mobile-app',
] as const;

/** One kind of evidence: a field value or a recognized message that raised or weakened a cause. */
export type SignalId = (typeof SIGNAL_IDS)[number];

/**
 * How each signal is said. `{name}` placeholders are filled from the evidence's `params`;
 * countries arrive already named in the reader's language.
 */
export const SIGNAL_WORDS: Readonly<Record<SignalId, Words>> = {
  'decline-message': {
    en: 'The error “{matched}” was recognized{code}.',
    'zh-cn': '识别出错误提示“{matched}”{code}。',
  },
  'issuer-country-unsupported': {
    en: 'The card was issued in {country}, which is not on the supported-countries list (as of {asOf}).',
    'zh-cn': '发卡地区{country}不在支持地区列表中（截至 {asOf}）。',
  },
  'issuer-country-supported': {
    en: 'The card was issued in {country}, which is on the supported-countries list (as of {asOf}).',
    'zh-cn': '发卡地区{country}在支持地区列表中（截至 {asOf}）。',
  },
  'billing-country-unsupported': {
    en: 'The billing country {country} is not on the supported-countries list (as of {asOf}).',
    'zh-cn': '账单国家/地区{country}不在支持地区列表中（截至 {asOf}）。',
  },
  'access-country-unsupported': {
    en: 'You are connecting from {country}, which is not on the supported-countries list (as of {asOf}).',
    'zh-cn': '您的访问地区{country}不在支持地区列表中（截至 {asOf}）。',
  },
  'brand-unionpay': {
    en: 'The card is UnionPay; the article names mainland-issued UnionPay cards as often refused.',
    'zh-cn': '卡组织为银联；文章指出中国大陆发行的银联卡容易被拒。',
  },
  'card-not-supported-foreign-issuer': {
    en: 'The processor said the card is not supported, and it was issued outside the merchant’s home market ({country}).',
    'zh-cn': '支付处理方提示卡片不受支持，且该卡由境外（{country}）发行。',
  },
  'billing-does-not-match': {
    en: 'You said the billing address does not match the bank’s records.',
    'zh-cn': '您表示账单地址与银行登记的信息不一致。',
  },
  'billing-matches': {
    en: 'You said the billing address matches the bank’s records.',
    'zh-cn': '您表示账单地址与银行登记的信息一致。',
  },
  'postal-code-invalid': {
    en: 'The postal code “{postalCode}” does not have the format used in {country}.',
    'zh-cn': '邮编“{postalCode}”不符合{country}的邮编格式。',
  },
  'billing-country-differs': {
    en: 'The billing country ({billing}) differs from the country that issued the card ({issuer}).',
    'zh-cn': '账单国家/地区（{billing}）与发卡地区（{issuer}）不同。',
  },
  'card-expired': {
    en: 'The expiry date {expiry} is in the past.',
    'zh-cn': '有效期 {expiry} 已过。',
  },
  'brand-contradicts-prefix': {
    en: 'You chose {stated}, but the first digits belong to {detected}.',
    'zh-cn': '您选择的卡组织是{stated}，但卡号前几位属于{detected}。',
  },
  'international-off': {
    en: 'You said international online payments are not enabled.',
    'zh-cn': '您表示未开通国际在线支付。',
  },
  'international-unknown': {
    en: 'It is not known whether international online payments are enabled on a card issued in {country}.',
    'zh-cn': '尚不清楚这张在{country}发行的卡是否开通了国际在线支付。',
  },
  'international-on': {
    en: 'You said international online payments are enabled.',
    'zh-cn': '您表示已开通国际在线支付。',
  },
  'balance-fine-still-declined': {
    en: 'The balance is sufficient, yet the card was declined.',
    'zh-cn': '余额充足，但卡片仍被拒绝。',
  },
  'domestic-debit-card': {
    en: 'It is a debit card issued in {country}; most such cards have no international online payments.',
    'zh-cn': '这是一张在{country}发行的借记卡；大部分国内借记卡不支持国际在线支付。',
  },
  'card-kind-restricted': {
    en: 'The card is a {kind} card.',
    'zh-cn': '这是一张{kind}。',
  },
  'card-kind-standard': {
    en: 'The card is a standard {kind} card.',
    'zh-cn': '这是一张标准{kind}。',
  },
  'virtual-card-invalid-repeated': {
    en: 'A virtual card was refused as invalid more than once.',
    'zh-cn': '虚拟卡多次被提示无效。',
  },
  'vpn-on': { en: 'A VPN was in use.', 'zh-cn': '绑卡时使用了 VPN。' },
  'vpn-off': { en: 'No VPN was in use.', 'zh-cn': '绑卡时未使用 VPN。' },
  'switched-recently': {
    en: 'The network or region was switched shortly before the attempt.',
    'zh-cn': '绑卡前不久切换过网络或地区。',
  },
  'not-switched': { en: 'The network was not switched recently.', 'zh-cn': '近期未切换网络。' },
  'access-differs-from-issuer': {
    en: 'You are connecting from {access}, but the card was issued in {issuer}.',
    'zh-cn': '您的访问地区为{access}，但卡片发行于{issuer}。',
  },
  'attempts-24h': {
    en: '{count} attempts in the last 24 hours.',
    'zh-cn': '过去 24 小时内尝试了 {count} 次。',
  },
  'cards-24h': {
    en: '{count} different cards in the last 24 hours.',
    'zh-cn': '过去 24 小时内使用了 {count} 张不同的卡。',
  },
  'same-error-repeated': {
    en: 'The same error appeared {count} times in the last 24 hours.',
    'zh-cn': '过去 24 小时内同一错误出现了 {count} 次。',
  },
  'balance-insufficient': { en: 'You said the balance is not sufficient.', 'zh-cn': '您表示余额不足。' },
  'balance-sufficient': { en: 'You said the balance is sufficient.', 'zh-cn': '您表示余额充足。' },
  'product-mobile-app': {
    en: 'The attempt was made in the ChatGPT mobile app.',
    'zh-cn': '这次尝试是在 ChatGPT 手机 App 中进行的。',
  },
};

/** Products as a label (a journal heading, a list): "ChatGPT (web)". */
export const PRODUCT_NAMES: Readonly<Record<Product, Words>> = {
  'chatgpt-web': { en: 'ChatGPT (web)', 'zh-cn': 'ChatGPT 网页版' },
  'chatgpt-app': { en: 'ChatGPT (mobile app)', 'zh-cn': 'ChatGPT 手机客户端' },
  'api-platform': { en: 'API platform', 'zh-cn': 'API 平台' },
  other: { en: 'Other OpenAI product', 'zh-cn': 'OpenAI 其他产品' },
};

/** Products as said inside a sentence: "I tried to add a card in ChatGPT on the web". */
export const PRODUCT_IN_SENTENCE: Readonly<Record<Product, Words>> = {
  'chatgpt-web': { en: 'ChatGPT on the web', 'zh-cn': 'ChatGPT 网页版' },
  'chatgpt-app': { en: 'the ChatGPT mobile app', 'zh-cn': 'ChatGPT 手机客户端' },
  'api-platform': { en: 'the API platform', 'zh-cn': 'API 平台' },
  other: { en: 'another OpenAI product', 'zh-cn': 'OpenAI 的其他产品' },
};

/** Card kinds as said inside a sentence. */
export const CARD_KIND_WORDS: Readonly<Record<string, Words>> = {
  credit: { en: 'credit', 'zh-cn': '信用卡' },
  debit: { en: 'debit', 'zh-cn': '借记卡' },
  virtual: { en: 'virtual', 'zh-cn': '虚拟卡' },
  prepaid: { en: 'prepaid', 'zh-cn': '预付卡' },
  gift: { en: 'gift', 'zh-cn': '礼品卡' },
  unknown: { en: 'unknown', 'zh-cn': '未知类型的卡' },
};

/** Brand names for people; the ids stay lower case in data. */
export const BRAND_NAMES: Readonly<Record<string, Words>> = {
  visa: { en: 'Visa', 'zh-cn': 'Visa' },
  mastercard: { en: 'Mastercard', 'zh-cn': 'Mastercard' },
  amex: { en: 'American Express', 'zh-cn': '美国运通' },
  unionpay: { en: 'UnionPay', 'zh-cn': '银联' },
  jcb: { en: 'JCB', 'zh-cn': 'JCB' },
  discover: { en: 'Discover', 'zh-cn': 'Discover' },
  other: { en: 'another brand', 'zh-cn': '其他卡组织' },
  unknown: { en: 'an unknown brand', 'zh-cn': '未知卡组织' },
};

export const LIKELIHOOD_WORDS: Readonly<Record<'high' | 'medium' | 'low', Words>> = {
  high: { en: 'likely', 'zh-cn': '可能性高' },
  medium: { en: 'possible', 'zh-cn': '有可能' },
  low: { en: 'less likely', 'zh-cn': '可能性较低' },
};

/** Fills `{name}` placeholders; a missing parameter stays visible rather than vanishing. */
export function fillWords(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
