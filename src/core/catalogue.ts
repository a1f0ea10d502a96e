/**
 * The cause catalogue as data: every cause with the article section it comes from, the actions
 * the article gives for it, and the words for each in English and Simplified Chinese. How much
 * each signal counts, and why, is data here too (`SIGNALS`), as is the order of causes that tie
 * (`CAUSE_PRECEDENCE`); the rules that raise each signal live in `diagnose.ts`. The words live
 * here so the CLI, the letters and the extension all say the same thing.
 *
 * Article: `shared/seed/000_73267ad7117f4c45.txt` (§1 causes, §2 methods 1-6, §4 pitfalls,
 * §5 FAQ). Processor: Stripe's decline codes (docs.stripe.com/declines/codes).
 */
import type { CauseId } from './causeIds';
import type { Product } from './report';

/**
 * The languages of everything a person reads: English, Simplified Chinese, and Traditional
 * Chinese (Taiwan, Hong Kong, Macau), which is derived from the Simplified words (`language.ts`).
 */
export const LANGS = ['en', 'zh-cn', 'zh-tw'] as const;
export type Lang = (typeof LANGS)[number];

/** Text in the two authored languages; Traditional Chinese comes from `zh-cn` through `say`. */
export type Words = Readonly<Record<'en' | 'zh-cn', string>>;

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
      'zh-cn': '对照卡片逐项核对卡号、有效期和安全码（CVC），并确认卡片没有过期。',
    },
  },
  'match-billing-address': {
    id: 'match-billing-address',
    source: '§2 method 1; §4 pitfall 2',
    words: {
      en: 'Enter the billing address and postal code exactly as your bank has them on file; if unsure, ask the bank. Use your real address, never an invented one.',
      'zh-cn': '账单地址和邮编要与发卡行登记的完全一致，不确定时先向银行确认。请填写真实地址，切勿编造。',
    },
  },
  'check-supported-countries': {
    id: 'check-supported-countries',
    source: '§2 method 1',
    words: {
      en: 'Check the merchant’s supported-countries list (Billing page → “Supported Countries”) for where the card was issued and where you are.',
      'zh-cn': '在 OpenAI 账户的 Billing 页面查看支持地区列表（“Supported Countries”），看看卡片的发卡地区和您所在的地区是否在列。',
    },
  },
  'consider-dual-currency-card': {
    id: 'consider-dual-currency-card',
    source: '§2 method 1 (suggestion); §5 FAQ 4',
    words: {
      en: 'If your card was issued in mainland China, consider applying for a dual-currency (Visa or Mastercard) credit card in your own name.',
      'zh-cn': '如果卡片是中国大陆发行的，可以考虑以本人名义申请一张双币（Visa 或 Mastercard）信用卡。',
    },
  },
  'no-region-workaround': {
    id: 'no-region-workaround',
    source: '§4 pitfall 3',
    words: {
      en: 'Region rules cannot be worked around: a VPN does not change where the card was issued or where you are, and switching nodes only adds risk.',
      'zh-cn': '地区限制绕不过去：VPN 改变不了卡片的发卡地区和您的实际所在地，频繁切换节点只会更容易触发风控。',
    },
  },
  'enable-international-payments': {
    id: 'enable-international-payments',
    source: '§2 method 2; §5 FAQ 1, 4',
    words: {
      en: 'Call your bank or use online banking to turn on international (cross-border) online card payments.',
      'zh-cn': '致电银行客服，或通过网上银行、手机银行开通境外线上支付（各银行叫法不一，如“境外线上交易”“国际支付”）。',
    },
  },
  'small-foreign-test-payment': {
    id: 'small-foreign-test-payment',
    source: '§2 method 2; §5 FAQ 2',
    words: {
      en: 'Make one small foreign-currency payment elsewhere (about 1 USD) to confirm the card works abroad.',
      'zh-cn': '先在别处用这张卡付一笔小额外币（约 1 美元），确认它能在境外付款。',
    },
  },
  'clear-cache-or-other-device': {
    id: 'clear-cache-or-other-device',
    source: '§2 method 2',
    words: {
      en: 'Before the next attempt, clear the browser cache or use another device you normally use.',
      'zh-cn': '下次绑卡前先清除浏览器缓存，或换一台您平时常用的设备。',
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
      'zh-cn': '在这个网络下登录账户约 10 分钟后再绑卡，绑好后刷新页面确认状态。',
    },
  },
  'appeal-to-support': {
    id: 'appeal-to-support',
    source: '§2 method 5',
    words: {
      en: 'Write to support (Help Center → “Billing & Payments”) with the exact error, screenshots with the card number hidden, and a short timeline.',
      'zh-cn': '通过帮助中心的“Billing & Payments”向客服申诉，附上错误提示原文、遮住卡号的截图和简短的时间线。',
    },
  },
  'stop-retrying': {
    id: 'stop-retrying',
    source: '§2 method 5; §4 pitfall 1',
    words: {
      en: 'After appealing, do not retry or switch cards repeatedly; it can lock the account again.',
      'zh-cn': '申诉后不要反复重试或换卡，否则账户可能再次被锁定。',
    },
  },
  'keep-failure-journal': {
    id: 'keep-failure-journal',
    source: '§2 method 6',
    words: {
      en: 'Record each failure (time, exact error, issuer, region, last 4 digits only) so the bank and support can act faster.',
      'zh-cn': '记下每次失败的时间、错误提示原文、发卡行、地区和卡号后四位（绝不记录完整卡号），方便银行和客服更快处理。',
    },
  },
  'wait-24h': {
    id: 'wait-24h',
    source: '§4 pitfall 1; §5 FAQ 3',
    words: {
      en: 'Wait 24 hours before trying again or trying another card; changing cards at once looks like card testing.',
      'zh-cn': '先等 24 小时，再重试或换卡；换卡后马上重试，容易被风控系统当成“测卡”（用多张卡反复试探能否付款）。',
    },
  },
  'ask-bank': {
    id: 'ask-bank',
    source: '§2 method 2; processor: call_issuer, do_not_honor',
    words: {
      en: 'Ask your issuing bank whether it declined the payment and why; the bank inquiry letter lists the questions.',
      'zh-cn': '向发卡行询问这笔交易是否被银行拒绝、原因是什么；可以直接用“银行咨询信”里列出的问题。',
    },
  },
  'complete-authentication': {
    id: 'complete-authentication',
    source: 'processor: authentication_required',
    words: {
      en: 'Complete the bank’s verification (3-D Secure, SMS or app confirmation) when it appears, and ask the bank to enable it for online payments.',
      'zh-cn': '如果弹出银行验证（3-D Secure、短信或银行 App 确认），请完成验证；也可以请银行为线上支付开通这项验证。',
    },
  },
  'check-balance': {
    id: 'check-balance',
    source: 'processor: insufficient_funds; §4 pitfall 2',
    words: {
      en: 'Make sure the available balance or credit limit covers the charge; note that a balance alone is not enough.',
      'zh-cn': '确认可用余额或信用额度足够支付。但要注意，余额充足并不是唯一条件。',
    },
  },
  'use-app-store-billing': {
    id: 'use-app-store-billing',
    source: 'processor: in-app purchases are billed by the app store',
    words: {
      en: 'Subscriptions bought in the iOS or Android app are billed by Apple or Google: fix the payment method in your Apple ID or Google Play account, or subscribe on the web instead.',
      'zh-cn': '在 iOS 或 Android 手机 App 里购买的订阅由 Apple 或 Google 收费：请在 Apple ID 或 Google Play 账户中修改付款方式，或改用网页版订阅。',
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
    title: { en: 'Region not supported', 'zh-cn': '地区不受支持' },
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
      'zh-cn': '卡号、有效期或安全码（CVC）可能填错了，也可能卡片已过期。',
    },
  },
  'international-payments-disabled': {
    id: 'international-payments-disabled',
    source: '§1.2; §2 method 2; §5 FAQ 1, 4',
    actions: ['enable-international-payments', 'small-foreign-test-payment', 'ask-bank', 'clear-cache-or-other-device'],
    title: { en: 'International online payments blocked', 'zh-cn': '未开通境外线上支付' },
    summary: {
      en: 'The bank may be blocking cross-border or online card-not-present payments, even with a sufficient balance.',
      'zh-cn': '即使余额充足，银行也可能拦截了境外或线上的无卡交易。',
    },
  },
  'card-type-restricted': {
    id: 'card-type-restricted',
    source: '§1.3; §2 method 3; §5 FAQ 2',
    actions: ['use-standard-card', 'small-foreign-test-payment'],
    title: { en: 'Card type refused', 'zh-cn': '卡片类型受限' },
    summary: {
      en: 'Virtual, prepaid and gift cards are often refused or scored as low-trust.',
      'zh-cn': '虚拟卡、预付卡和礼品卡常被拒绝，或被风控系统视为可信度低的卡。',
    },
  },
  'network-anomaly': {
    id: 'network-anomaly',
    source: '§1.4; §2 method 4',
    actions: ['keep-stable-network', 'wait-after-login', 'clear-cache-or-other-device', 'no-region-workaround'],
    title: { en: 'Unusual network or device', 'zh-cn': '网络或设备环境异常' },
    summary: {
      en: 'A VPN, frequent node switching or a new device may have made the attempt look unusual.',
      'zh-cn': '使用 VPN、频繁切换节点或换用新设备，都可能让这次绑卡显得异常。',
    },
  },
  'retry-velocity': {
    id: 'retry-velocity',
    source: '§4 pitfall 1; §5 FAQ 3',
    actions: ['wait-24h', 'stop-retrying', 'keep-failure-journal', 'appeal-to-support'],
    title: { en: 'Too many attempts', 'zh-cn': '重试过于频繁' },
    summary: {
      en: 'Many attempts or card changes in a short time can look like card testing and mark the account as high-risk.',
      'zh-cn': '短时间内反复重试或频繁换卡，可能被风控系统当成“测卡”，账户也可能因此被标记为高风险。',
    },
  },
  'authentication-failed': {
    id: 'authentication-failed',
    source: 'processor: authentication_required',
    actions: ['complete-authentication', 'ask-bank'],
    title: { en: 'Verification not completed', 'zh-cn': '身份验证未完成' },
    summary: {
      en: 'The bank’s 3-D Secure or other verification may not have been completed.',
      'zh-cn': '银行的 3-D Secure 验证或其他验证可能没有完成。',
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
      'zh-cn': '在手机 App 里订阅时，由 Apple 或 Google 收费，不经过网页上的绑卡表单。',
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
  'advice-confirm-card-data',
  'international-off',
  'international-unknown',
  'international-on',
  'balance-fine-still-declined',
  'card-not-supported-standard-card',
  'domestic-debit-card',
  'card-kind-unsupported',
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
  'advice-do-not-try-again',
  'advice-try-again-later',
  'earlier-message-same-card',
  'balance-insufficient',
  'balance-sufficient',
  'product-mobile-app',
  'store-purchase-mentioned',
  'store-region-unsupported',
  'web-checkout-rules-set-aside',
] as const;

/** One kind of evidence: a field value or a recognized message that raised or weakened a cause. */
export type SignalId = (typeof SIGNAL_IDS)[number];

/**
 * What a signal is, for the rule that weighs it:
 * - `message`: the processor's or merchant's own words or code (the bank's word when specific);
 * - `fact`: something the card or the report shows (its kind, country, expiry);
 * - `statement`: something only the person can know and says plainly (a VPN, a switched node);
 * - `belief`: the person's judgment that speaks against a cause ("my balance is fine");
 * - `history`: what the journal shows; `context`: where the attempt was made;
 * - `advice`: the bank's advice code, which says what to do, not why.
 */
export type SignalKind = 'message' | 'fact' | 'statement' | 'belief' | 'history' | 'context' | 'advice';

/** How much one signal counts, and why. */
export interface SignalEntry {
  /** The cause it speaks for or against; `null` when the cause comes with the evidence (a message). */
  cause: CauseId | null;
  /**
   * Points on the scale 1 a hint, 2 a clear sign, 3 strong; negative speaks against. For signals
   * whose weight depends on the evidence (a message, a count) this is the usual value, and
   * `reason` says how it varies.
   */
  weight: number;
  kind: SignalKind;
  /** The article section, the merchant's help or the processor's documentation it rests on. */
  source: string;
  /** Why this weight: how often the signal really is the cause. In English, for maintainers. */
  reason: string;
}

const OPENAI_DECLINED_HELP = 'help.openai.com/en/articles/7232916 (why was my card declined)';
const STRIPE_DECLINES = 'docs.stripe.com/declines/codes';
const STRIPE_ADVICE = 'docs.stripe.com/declines/card#retrying-issuer-declines';

/**
 * Every signal's weight with its reason and source. `diagnose` reads the weights from here, so
 * this table is the one place to change how much a signal counts.
 */
export const SIGNALS: Readonly<Record<SignalId, SignalEntry>> = {
  'decline-message': {
    cause: null, weight: 3, kind: 'message', source: `declineMessages.ts (each entry names its source); ${STRIPE_DECLINES}`,
    reason: 'The weight is the recognizer’s per message: 3 when the processor names the reason (insufficient_funds, incorrect_cvc), 1 for a generic decline, which the processor also uses for its own fraud screening.',
  },
  'issuer-country-unsupported': {
    cause: 'region-unsupported', weight: 3, kind: 'fact', source: '§1.1; supportedRegions.ts',
    reason: 'The merchant states the card must be issued in a supported region; such a card is refused whatever else is right. One step lower when the country is inferred, not stated.',
  },
  'issuer-country-supported': {
    cause: 'region-unsupported', weight: -1, kind: 'fact', source: '§1.1; supportedRegions.ts',
    reason: 'A supported issuing country removes the strongest reason for the region rule, but the person’s own location can still be unsupported.',
  },
  'billing-country-unsupported': {
    cause: 'region-unsupported', weight: 2, kind: 'fact', source: '§1.1; supportedRegions.ts',
    reason: 'An unsupported billing country usually means an unsupported issuer or location; not decisive on its own.',
  },
  'access-country-unsupported': {
    cause: 'region-unsupported', weight: 3, kind: 'statement', source: '§1.1; §4 pitfall 3',
    reason: 'The service refuses unsupported locations outright; a VPN does not change that.',
  },
  'brand-unionpay': {
    cause: 'region-unsupported', weight: 1, kind: 'fact', source: '§1.1 (the article’s example)',
    reason: 'Most UnionPay cards are mainland-issued, the article’s example, but UnionPay also issues in supported regions: a hint.',
  },
  'card-not-supported-foreign-issuer': {
    cause: 'region-unsupported', weight: 1, kind: 'message', source: `domain.md causes table; ${STRIPE_DECLINES} (card_not_supported)`,
    reason: 'card_not_supported is about the kind of purchase; with a foreign issuer it can also be a region refusal: a hint.',
  },
  'billing-does-not-match': {
    cause: 'billing-mismatch', weight: 3, kind: 'statement', source: '§1.1; §2 method 1',
    reason: 'The merchant requires the address the bank has; a person who knows it differs has found the cause.',
  },
  'billing-matches': {
    cause: 'billing-mismatch', weight: -2, kind: 'belief', source: '§2 method 1',
    reason: 'People often believe their address matches when the bank holds another format; against the bank’s own code it counts one step only.',
  },
  'postal-code-invalid': {
    cause: 'billing-mismatch', weight: 2, kind: 'fact', source: '§2 method 1; postcode-validator',
    reason: 'A postal code that cannot exist in the billing country cannot match the bank’s records.',
  },
  'billing-country-differs': {
    cause: 'billing-mismatch', weight: 1, kind: 'fact', source: '§1.1',
    reason: 'Cards are often billed abroad legitimately: a hint.',
  },
  'card-expired': {
    cause: 'card-details-invalid', weight: 3, kind: 'fact', source: `§2 method 1; ${STRIPE_DECLINES} (expired_card)`,
    reason: 'An expired card is refused every time.',
  },
  'brand-contradicts-prefix': {
    cause: 'card-details-invalid', weight: 2, kind: 'fact', source: '§2 method 1',
    reason: 'A brand the digits contradict means a digit or the brand was entered wrong.',
  },
  'advice-confirm-card-data': {
    cause: 'card-details-invalid', weight: 1, kind: 'advice', source: `${STRIPE_ADVICE} (confirm_card_data); recognizer contract`,
    reason: 'The bank asks for the card data to be checked: a hint, never more, since it is advice and not a reason.',
  },
  'international-off': {
    cause: 'international-payments-disabled', weight: 3, kind: 'statement', source: '§1.2; §2 method 2',
    reason: 'The article’s most common cause (“多数卡因为未开通国际支付被自动拒”); the person confirms it.',
  },
  'international-unknown': {
    cause: 'international-payments-disabled', weight: 1, kind: 'fact', source: '§1.2; §5 FAQ 4; CROSS_BORDER_OFF_BY_DEFAULT',
    reason: 'Only for issuing countries whose domestic cards often ship without cross-border online payments (mainland China, the article’s case); an ordinary card from elsewhere gets nothing for an unknown answer.',
  },
  'international-on': {
    cause: 'international-payments-disabled', weight: -2, kind: 'belief', source: '§2 method 2',
    reason: 'People often think they enabled it while a per-channel switch stays off; against the bank’s own code it counts one step only.',
  },
  'balance-fine-still-declined': {
    cause: 'international-payments-disabled', weight: 1, kind: 'fact', source: '§1.2 example; §5 FAQ 1',
    reason: 'The article’s own example, but only when the decline is generic and the card’s kind, region or details do not already explain it.',
  },
  'card-not-supported-standard-card': {
    cause: 'international-payments-disabled', weight: 1, kind: 'message', source: `${STRIPE_DECLINES} (card_not_supported: “contact their card issuer to make sure their card can be used to make this type of purchase”)`,
    reason: 'On a standard credit or debit card the card-type reading of card_not_supported is cancelled by the kind; what the processor then points to is the issuer refusing this kind of purchase on the card, a bank-side restriction: a hint.',
  },
  'domestic-debit-card': {
    cause: 'international-payments-disabled', weight: 2, kind: 'fact', source: '§5 FAQ 4 (“大部分国内借记卡不支持国际在线支付”)',
    reason: 'The article says most mainland debit cards have no international online payments: a clear sign, for mainland debit cards only.',
  },
  'card-kind-unsupported': {
    cause: 'card-type-restricted', weight: 3, kind: 'fact', source: `${OPENAI_DECLINED_HELP} (“Pre-paid cards / gift cards are not supported”); §1.3`,
    reason: 'The merchant documents these kinds as unsupported: strong, above any number of hints.',
  },
  'card-kind-restricted': {
    cause: 'card-type-restricted', weight: 2, kind: 'fact', source: '§1.3; §2 method 3; §5 FAQ 2',
    reason: 'Virtual cards are scored low-trust and succeed less often, but many are accepted: a clear sign, not strong.',
  },
  'card-kind-standard': {
    cause: 'card-type-restricted', weight: -1, kind: 'fact', source: '§2 method 3',
    reason: 'A standard credit or debit card is the kind the article recommends.',
  },
  'virtual-card-invalid-repeated': {
    cause: 'card-type-restricted', weight: 1, kind: 'history', source: '§5 FAQ 2',
    reason: 'The FAQ’s case: a virtual card that keeps being “invalid”.',
  },
  'vpn-on': {
    cause: 'network-anomaly', weight: 2, kind: 'statement', source: '§1.4; §2 method 4',
    reason: 'A VPN raises risk scores; it refuses on its own less often than it adds to another cause.',
  },
  'vpn-off': { cause: 'network-anomaly', weight: -1, kind: 'statement', source: '§1.4', reason: 'No VPN removes one reason for the network rule.' },
  'switched-recently': {
    cause: 'network-anomaly', weight: 2, kind: 'statement', source: '§1.4 example; §2 method 4',
    reason: 'The article’s example: switching to a US node and binding at once.',
  },
  'not-switched': { cause: 'network-anomaly', weight: -1, kind: 'statement', source: '§2 method 4', reason: 'A stable network removes one reason.' },
  'access-differs-from-issuer': {
    cause: 'network-anomaly', weight: 1, kind: 'fact', source: '§1.4',
    reason: 'Travellers pay abroad every day: a hint.',
  },
  'attempts-24h': {
    cause: 'retry-velocity', weight: 1, kind: 'history', source: '§4 pitfall 1; §5 FAQ 3',
    reason: '2 attempts in 24 hours 1, 3-4 attempts 2, 5 or more 3: repetition is what card-testing rules count.',
  },
  'cards-24h': {
    cause: 'retry-velocity', weight: 3, kind: 'history', source: '§4 pitfall 1',
    reason: 'Changing cards within a day is the article’s own description of what gets read as card testing.',
  },
  'same-error-repeated': { cause: 'retry-velocity', weight: 1, kind: 'history', source: '§5 FAQ 3', reason: 'The same refusal repeated: a hint.' },
  'advice-do-not-try-again': {
    cause: 'retry-velocity', weight: 1, kind: 'advice', source: `${STRIPE_ADVICE} (do_not_try_again)`,
    reason: 'Advice, not a reason: it supports retry-velocity only when the journal already shows repeated attempts, and is otherwise shown as advice.',
  },
  'advice-try-again-later': {
    cause: 'retry-velocity', weight: 1, kind: 'advice', source: `${STRIPE_ADVICE} (try_again_later)`,
    reason: 'As do_not_try_again: supports retry-velocity only when the journal already shows repeated attempts.',
  },
  'earlier-message-same-card': {
    cause: null, weight: 3, kind: 'history', source: '§2 method 6 (the journal); recognizer weights',
    reason: 'What the processor said about the same card earlier still holds: its full weight within 24 hours, one step lower within 7 days, nothing after.',
  },
  'balance-insufficient': {
    cause: 'insufficient-funds', weight: 3, kind: 'statement', source: `${STRIPE_DECLINES} (insufficient_funds)`,
    reason: 'The person checked the balance and found it short.',
  },
  'balance-sufficient': {
    cause: 'insufficient-funds', weight: -2, kind: 'belief', source: '§4 pitfall 2',
    reason: 'A balance does not show holds, limits or a credit line used up; against the bank’s insufficient_funds it counts one step only.',
  },
  'product-mobile-app': {
    cause: 'app-store-billing', weight: 3, kind: 'context', source: 'merchant help: in-app subscriptions are billed by Apple or Google',
    reason: 'An in-app purchase is charged by the store, so the store’s billing is where it fails.',
  },
  'store-purchase-mentioned': {
    cause: 'app-store-billing', weight: 3, kind: 'context', source: 'domain.md causes table (“store messages”); purchaseContext.ts',
    reason: 'The person’s own words name an in-app purchase, the App Store, Google Play or an Apple ID: the same fact as a purchase made in the app.',
  },
  'store-region-unsupported': {
    cause: 'app-store-billing', weight: 1, kind: 'context', source: 'merchant help: in-app subscriptions; supportedRegions.ts',
    reason: 'The store sells by the account’s country; a location or billing country outside the list hints that the store account’s region is the problem.',
  },
  'web-checkout-rules-set-aside': {
    cause: 'app-store-billing', weight: 0, kind: 'context', source: 'merchant help: in-app subscriptions',
    reason: 'Not a point for or against: says which web-checkout rules were not weighed for an in-app purchase.',
  },
};

/**
 * Issuing countries whose domestic cards often come without cross-border online payments, and
 * where that is said. Only for these does "not known whether international payments are on"
 * count as a hint, and only their debit cards get the FAQ's "most domestic debit cards" rule.
 */
export const CROSS_BORDER_OFF_BY_DEFAULT: Readonly<Record<string, { source: string }>> = {
  CN: { source: '§1.2 (“国际在线支付”权限关闭); §2 method 2; §5 FAQ 4 (“大部分国内借记卡不支持国际在线支付”)' },
};

/** The rule for an issuing country that was inferred rather than stated: every rule using it counts this many steps less. */
export const INFERRED_COUNTRY_DISCOUNT = 1;

/**
 * Which cause shows first when two have the same score, and why: the one that blocks everything
 * else. Never the order of a list that exists for another purpose.
 */
export const CAUSE_PRECEDENCE: readonly { cause: CauseId; reason: string }[] = [
  { cause: 'app-store-billing', reason: 'An in-app purchase never reaches the web card form: the store charges the card, so no web-checkout rule applies before it.' },
  { cause: 'region-unsupported', reason: 'The merchant refuses an unsupported region before any bank is asked; no other fix helps until it is resolved (§1.1, §4 pitfall 3).' },
  { cause: 'card-details-invalid', reason: 'A wrong number, expiry or CVC fails first: until the number is right the card cannot even be identified, let alone its kind or its bank asked (method 1).' },
  { cause: 'card-type-restricted', reason: 'A card kind the merchant does not accept is refused whatever the bank says (§1.3; merchant help).' },
  { cause: 'authentication-failed', reason: 'An unfinished 3-D Secure check stops the payment before the bank approves or refuses it.' },
  { cause: 'billing-mismatch', reason: 'The address check comes with the authorization: the bank may otherwise have approved.' },
  { cause: 'insufficient-funds', reason: 'The bank’s own specific answer about money; its other rules are then untested.' },
  { cause: 'international-payments-disabled', reason: 'A bank-side block mostly inferred from generic answers: the article’s most common cause, but the least specific (§1.2).' },
  { cause: 'network-anomaly', reason: 'Risk scoring that adds to another cause more often than it refuses alone (§1.4).' },
  { cause: 'retry-velocity', reason: 'Usually the consequence of repeating another failure, so among equals the root cause shows first (§4 pitfall 1).' },
];

/** The bank's advice codes as the person reads them: what the bank says to do, not why it refused. */
export const ADVICE_WORDS: Readonly<Record<string, Words>> = {
  do_not_try_again: { en: 'the bank advises not to try this card again', 'zh-cn': '银行建议不要再用这张卡重试' },
  try_again_later: { en: 'the bank advises trying again later', 'zh-cn': '银行建议稍后再试' },
  confirm_card_data: { en: 'the bank asks you to check the card details you entered', 'zh-cn': '银行要求核对您填写的卡片信息' },
};

/**
 * How each signal is said. `{name}` placeholders are filled from the evidence's `params`;
 * countries arrive already named in the reader's language (and marked when inferred).
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
    en: 'Your connection comes from {country} (with a VPN, where its exit is), which is not on the supported-countries list (as of {asOf}).',
    'zh-cn': '网站看到的访问地区是{country}（开着 VPN 时即出口所在地），不在支持地区列表中（截至 {asOf}）。',
  },
  'brand-unionpay': {
    en: 'The card is UnionPay; the article names mainland-issued UnionPay cards as often refused.',
    'zh-cn': '这是一张银联卡；文章指出，中国大陆发行的银联卡容易被拒。',
  },
  'card-not-supported-foreign-issuer': {
    en: 'The processor said the card is not supported, and it was issued outside the merchant’s home market ({country}).',
    'zh-cn': '支付处理方提示卡片不受支持，而这张卡是在境外（{country}）发行的。',
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
    'zh-cn': '账单地址所在的国家/地区（{billing}）与发卡地区（{issuer}）不同。',
  },
  'card-expired': {
    en: 'The expiry date {expiry} is in the past.',
    'zh-cn': '有效期 {expiry} 已过。',
  },
  'brand-contradicts-prefix': {
    en: 'You chose {stated}, but the first digits belong to {detected}.',
    'zh-cn': '您选择的卡组织是{stated}，但卡号前几位属于{detected}。',
  },
  'advice-confirm-card-data': {
    en: 'The bank’s advice code confirm_card_data asks for the card details to be checked.',
    'zh-cn': '银行返回的建议代码 confirm_card_data 要求核对卡片信息。',
  },
  'international-off': {
    en: 'You said international online payments are not enabled.',
    'zh-cn': '您表示未开通境外线上支付。',
  },
  'international-unknown': {
    en: 'It is not known whether international online payments are enabled, and cards issued in {country} often ship without them.',
    'zh-cn': '尚不清楚是否已开通境外线上支付，而{country}发行的卡往往默认不开通。',
  },
  'international-on': {
    en: 'You said international online payments are enabled.',
    'zh-cn': '您表示已开通境外线上支付。',
  },
  'balance-fine-still-declined': {
    en: 'The balance is sufficient, yet the card was declined without a specific reason.',
    'zh-cn': '余额充足，卡片却仍被拒绝，而且没有给出具体原因。',
  },
  'card-not-supported-standard-card': {
    en: 'The processor said the card does not support this type of purchase, and it is a standard {kind} card: the processor’s advice is to ask the issuing bank whether the card may be used for such purchases.',
    'zh-cn': '支付处理方提示这张卡不支持此类消费，而它是一张标准{kind}。支付处理方建议向发卡行确认这张卡能否用于此类消费。',
  },
  'domestic-debit-card': {
    en: 'It is a debit card issued in {country}; the article says most such cards have no international online payments.',
    'zh-cn': '这是一张{country}发行的借记卡；文章指出，大部分国内借记卡不支持境外线上支付。',
  },
  'card-kind-unsupported': {
    en: 'The card is a {kind} card; the merchant’s help says prepaid and gift cards are not supported.',
    'zh-cn': '这是一张{kind}；商户的帮助中心写明不支持预付卡和礼品卡。',
  },
  'card-kind-restricted': {
    en: 'The card is a {kind} card; the article says such cards are often scored as low-trust.',
    'zh-cn': '这是一张{kind}；文章指出，这类卡常被风控系统视为可信度低的卡。',
  },
  'card-kind-standard': {
    en: 'The card is a standard {kind} card.',
    'zh-cn': '这是一张标准{kind}。',
  },
  'virtual-card-invalid-repeated': {
    en: 'A virtual card was refused as invalid more than once.',
    'zh-cn': '这张虚拟卡多次被提示“卡片无效”。',
  },
  'vpn-on': { en: 'A VPN was in use.', 'zh-cn': '绑卡时使用了 VPN。' },
  'vpn-off': { en: 'No VPN was in use.', 'zh-cn': '绑卡时未使用 VPN。' },
  'switched-recently': {
    en: 'The network or region was switched shortly before the attempt.',
    'zh-cn': '绑卡前不久切换过网络或地区。',
  },
  'not-switched': { en: 'The network was not switched recently.', 'zh-cn': '近期没有切换网络。' },
  'access-differs-from-issuer': {
    en: 'Your connection comes from {access} (with a VPN, where its exit is), but the card was issued in {issuer}.',
    'zh-cn': '网站看到的访问地区是{access}（开着 VPN 时即出口所在地），而这张卡是在{issuer}发行的。',
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
  'advice-do-not-try-again': {
    en: 'After repeated attempts, the bank’s advice code do_not_try_again says not to try this card again.',
    'zh-cn': '已多次重试，银行返回的建议代码 do_not_try_again 表示不要再用这张卡重试。',
  },
  'advice-try-again-later': {
    en: 'After repeated attempts, the bank’s advice code try_again_later says to wait before trying again.',
    'zh-cn': '已多次重试，银行返回的建议代码 try_again_later 表示应等一段时间再试。',
  },
  'earlier-message-same-card': {
    en: 'An attempt with the same card {hours} h earlier was refused with “{matched}”{code}.',
    'zh-cn': '{hours} 小时前用同一张卡绑卡也被拒，提示为“{matched}”{code}。',
  },
  'balance-insufficient': { en: 'You said the balance is not sufficient.', 'zh-cn': '您表示余额不足。' },
  'balance-sufficient': { en: 'You said the balance is sufficient.', 'zh-cn': '您表示余额充足。' },
  'product-mobile-app': {
    en: 'The purchase was made in the ChatGPT mobile app, where Apple or Google charges the card.',
    'zh-cn': '这次是在 ChatGPT 手机 App 里购买的，由 Apple 或 Google 向卡片扣款。',
  },
  'store-purchase-mentioned': {
    en: 'The error or your notes mention “{matched}”: an app-store purchase, which Apple or Google charges, not the web card form.',
    'zh-cn': '错误提示或您的备注提到了“{matched}”：这是应用商店内的购买，由 Apple 或 Google 扣款，而不是网页上的绑卡表单。',
  },
  'store-region-unsupported': {
    en: 'The app store sells by your account’s country or region; {country} is not on the supported-countries list (as of {asOf}).',
    'zh-cn': '应用商店按账户所属的国家或地区销售；{country}不在支持地区列表中（截至 {asOf}）。',
  },
  'web-checkout-rules-set-aside': {
    en: 'Because the store charges the card, the web checkout’s rules (issuing region, international payments, card kind) were not weighed.',
    'zh-cn': '由于扣款方是应用商店，网页付款的规则（发卡地区、境外线上支付、卡片类型）未计入判断。',
  },
};

/** Said after a belief that the bank's own code contradicts: why it lowered the finding one step only. */
export const BELIEF_AGAINST_CODE_WORDS: Words = {
  en: ' The bank’s own code says otherwise, so this lowers the likelihood one step only.',
  'zh-cn': '但银行返回的代码与此相反，因此只将可能性降低一级。',
};

/** How an inferred issuing country is marked: "China (inferred from the first digits 622588)". */
export const INFERRED_COUNTRY_WORDS: Readonly<Record<'bin' | 'bank-name', Words>> = {
  bin: { en: '{country} (inferred from the first digits {detail})', 'zh-cn': '{country}（根据卡号前几位 {detail} 推断）' },
  'bank-name': { en: '{country} (inferred from the bank “{detail}”)', 'zh-cn': '{country}（根据发卡行“{detail}”推断）' },
};

/** Products as a label (a journal heading, a list): "ChatGPT (web)". */
export const PRODUCT_NAMES: Readonly<Record<Product, Words>> = {
  'chatgpt-web': { en: 'ChatGPT (web)', 'zh-cn': 'ChatGPT 网页版' },
  'chatgpt-app': { en: 'ChatGPT (mobile app)', 'zh-cn': 'ChatGPT 手机 App' },
  'api-platform': { en: 'API platform', 'zh-cn': 'API 平台' },
  other: { en: 'Other OpenAI product', 'zh-cn': 'OpenAI 其他产品' },
};

/** Products as said inside a sentence: "I tried to add a card in ChatGPT on the web". */
export const PRODUCT_IN_SENTENCE: Readonly<Record<Product, Words>> = {
  'chatgpt-web': { en: 'ChatGPT on the web', 'zh-cn': 'ChatGPT 网页版' },
  'chatgpt-app': { en: 'the ChatGPT mobile app', 'zh-cn': 'ChatGPT 手机 App' },
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
  high: { en: 'likely', 'zh-cn': '可能性较高' },
  medium: { en: 'possible', 'zh-cn': '可能性中等' },
  low: { en: 'less likely', 'zh-cn': '可能性较低' },
};

/** Fills `{name}` placeholders; a missing parameter stays visible rather than vanishing. */
export function fillWords(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
