/**
 * The short interview behind "Diagnose card failure": which screens are shown, what each offers
 * and opens on, and how the answers become a report. Pure, so the plan is tested and measured
 * (test/unit/interview.test.ts, `npm run bench`) without VS Code; src/host/wizard renders it.
 *
 * The common case takes four screens: (1) the error and where it was seen, (2) the card, typed
 * in one line with everything inferable shown as a default, (3) one multi-select of what
 * applies, (4) the time, defaulting to now. Two more appear only when they can change the
 * answer: the issuing country when nothing inferred it (or the person says it is wrong), and
 * the VPN's exit country when a VPN was on.
 */
import { BRAND_NAMES, type Lang, type Words } from './catalogue';
import { say as sayIn, sayMaybe } from './language';
import { countryName, rankedCountryOptions } from './countries';
import { DECLINE_MESSAGES } from './declineMessages';
import { inferCardDefaults, type CardDefaultBasis } from './issuerInference';
import { PRODUCTS, type CardBrand, type CardKind, type Product, type Report, type TriState } from './report';
import { isoAtOffset } from './localTime';
import { formatTypedTime, parseTypedTime } from './typedTime';

/** The screens, in the order they can appear. */
export type ScreenId = 'message' | 'card' | 'issuer-country' | 'applies' | 'exit-country' | 'time';

/** The answers so far, kept across Back: the report being built and how the issuing country was set. */
export interface InterviewState {
  /** Values as the report holds them; validated as a whole by `parseReport` at the end. */
  readonly draft: Report;
  /** The person chose the issuing country on its own screen: no inference replaces it. */
  readonly issuerCountryChosen: boolean;
  /** The person said the shown issuing country is wrong: its screen follows the card screen. */
  readonly issuerCountryAsked: boolean;
}

/** A fresh interview, from a draft (the latest journal entry, say) or nothing. */
export function startInterview(draft: Report = {}): InterviewState {
  return { draft, issuerCountryChosen: false, issuerCountryAsked: false };
}

/** One item of a pick screen. `group` starts a titled group above the item. */
export interface InterviewItem<V> {
  readonly label: string;
  readonly description?: string;
  /** A second line under the label, the full width of the list. */
  readonly detail?: string;
  readonly value: V;
  readonly group?: string;
  /** Shown whatever the person typed (the items that act on the typed text). */
  readonly alwaysShow?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Words

const W = {
  // What the person typed, quoted as the language quotes (「」 in Traditional Chinese).
  quoted: { en: '“{text}”', 'zh-cn': '“{text}”' },
  messageTitle: { en: 'What did the error say, and where?', 'zh-cn': '错误提示是什么？在哪里看到的？' },
  messagePlaceholder: {
    en: 'Paste the error exactly as shown (text or the processor’s JSON), or pick a known one',
    'zh-cn': '原样粘贴页面显示的错误（文本或支付处理方的 JSON），或从下面选一条',
  },
  seenWhere: { en: 'Where you saw it (Enter takes the first)', 'zh-cn': '在哪里看到的（按 Enter 选第一项）' },
  knownMessages: { en: 'Known messages', 'zh-cn': '常见错误提示' },
  noMessage: { en: 'no error text', 'zh-cn': '未填写错误提示' },
  cardTitle: { en: 'The card: what kind is it?', 'zh-cn': '这张卡：是哪种卡？' },
  cardPlaceholder: {
    en: 'Type what you know: first 6-8 digits, last 4, bank, expiry (e.g. 621483 4242 China Merchants Bank 06/28)',
    'zh-cn': '输入已知信息：卡号前 6 到 8 位、后四位、发卡银行、有效期（如 621483 4242 招商银行 06/28）',
  },
  cardGroup: { en: 'Card kind (Enter takes the highlighted one)', 'zh-cn': '卡的种类（按 Enter 选高亮项）' },
  notSureKind: { en: 'Not sure', 'zh-cn': '不确定' },
  issuedElsewhere: { en: 'The issuing country is wrong: choose it…', 'zh-cn': '发卡地区不对：手动选择……' },
  fullNumber: {
    en: 'That looks like a whole card number. Type only the first 6-8 digits and the last 4.',
    'zh-cn': '这像是完整卡号。请只输入卡号前 6 到 8 位和后四位。',
  },
  issuedIn: { en: 'issued in {country}', 'zh-cn': '发卡地区：{country}' },
  issuerUnknown: { en: 'issuing country: asked next', 'zh-cn': '发卡地区：下一步选择' },
  inferredFrom: {
    bin: { en: '{country} (inferred from the first digits)', 'zh-cn': '{country}（根据卡号前几位推断）' },
    'bank-name': { en: '{country} (inferred from the bank’s name)', 'zh-cn': '{country}（根据银行名称推断）' },
    brand: { en: '{country} (inferred from the card brand; not certain)', 'zh-cn': '{country}（根据卡组织推断，不一定准确）' },
  } satisfies Record<CardDefaultBasis, Words>,
  issuerTitle: { en: 'Where was the card issued?', 'zh-cn': '卡片的发卡地区是哪里？' },
  countryPlaceholder: { en: 'Type a country name or code', 'zh-cn': '输入国家/地区名称或代码' },
  likelyGroup: { en: 'Likely', 'zh-cn': '常见' },
  allGroup: { en: 'All countries and regions', 'zh-cn': '全部国家/地区' },
  notSure: { en: 'Not sure', 'zh-cn': '不确定' },
  appliesTitle: { en: 'What applies? Tick all that do (Space), then Enter', 'zh-cn': '以下哪些符合？逐项勾选（空格键），然后按 Enter' },
  appliesPlaceholder: {
    en: 'Leave a pair unticked if you are not sure',
    'zh-cn': '不确定的一对选项可以都不勾选',
  },
  groupNetwork: { en: 'Network', 'zh-cn': '网络' },
  groupBilling: { en: 'Billing address', 'zh-cn': '账单地址' },
  groupBank: { en: 'The bank', 'zh-cn': '银行' },
  exitTitle: {
    en: 'Which country was your VPN or proxy exit in?',
    'zh-cn': '您的 VPN 或代理出口在哪个国家/地区？',
  },
  exitPlaceholder: {
    en: 'The country websites saw you in (the exit node), not where you are',
    'zh-cn': '网站看到的所在地（出口节点），不是您本人所在地',
  },
  timeTitle: { en: 'When did it fail?', 'zh-cn': '什么时候失败的？' },
  timePrompt: {
    en: 'Enter keeps this time. Or type e.g. 22:10 or 2026-12-01 22:10 (an offset such as +08:00 is optional)',
    'zh-cn': '按 Enter 使用这个时间；也可输入如 22:10 或 2026-12-01 22:10（可加时区，如 +08:00）',
  },
  timeReadAs: { en: 'Read as {time}', 'zh-cn': '将记录为 {time}' },
  timeInvalid: {
    en: 'Not a time this can read: type e.g. 22:10 or 2026-12-01 22:10',
    'zh-cn': '无法识别这个时间：请输入如 22:10 或 2026-12-01 22:10',
  },
} as const;

const PRODUCT_WORDS: Readonly<Record<Product, Words>> = {
  'chatgpt-web': { en: 'On ChatGPT on the web', 'zh-cn': '在 ChatGPT 网页版' },
  'chatgpt-app': { en: 'In the ChatGPT mobile app (iOS / Android)', 'zh-cn': '在 ChatGPT 手机 App（iOS / Android）' },
  'api-platform': { en: 'On the API platform (platform.openai.com)', 'zh-cn': '在 API 平台（platform.openai.com）' },
  other: { en: 'Somewhere else', 'zh-cn': '其他地方' },
};

/** Card kinds in the order offered: the most common first. */
const KIND_ORDER: readonly CardKind[] = ['debit', 'credit', 'virtual', 'prepaid', 'gift', 'unknown'];

const KIND_LABELS: Readonly<Record<CardKind, Words>> = {
  debit: { en: 'Debit card', 'zh-cn': '借记卡（储蓄卡）' },
  credit: { en: 'Credit card', 'zh-cn': '信用卡' },
  virtual: { en: 'Virtual card', 'zh-cn': '虚拟卡' },
  prepaid: { en: 'Prepaid card', 'zh-cn': '预付卡' },
  gift: { en: 'Gift card', 'zh-cn': '礼品卡' },
  unknown: W.notSureKind,
};

function say(words: Words, lang: Lang, params: Record<string, string> = {}): string {
  // Converted before the values go in, so a typed bank name or country keeps its own script.
  return sayIn(words, lang).replace(/\{(\w{1,20})\}/g, (whole, key: string) => params[key] ?? whole);
}

// ---------------------------------------------------------------------------------------------
// Screen 1: the error and where it was seen

/**
 * What an item of the message screen does: answer with the typed text and a product, or with a
 * known message and the first product offered (the earlier answer, else the web).
 */
export type MessageChoice = { kind: 'product'; product: Product } | { kind: 'known'; text: string };

/** The products in the order offered: the earlier answer first, then the web, the app, the API platform, elsewhere. */
function productOrder(state: InterviewState): Product[] {
  const current = state.draft.product;
  return current ? [current, ...PRODUCTS.filter((product) => product !== current)] : [...PRODUCTS];
}

/** The message screen's items for the text in its box: where it was seen (on top), then the known messages. */
export function messageItems(state: InterviewState, typed: string, lang: Lang): InterviewItem<MessageChoice>[] {
  const text = typed.trim();
  const shown = text ? say(W.quoted, lang, { text: text.length > 60 ? `${text.slice(0, 59)}…` : text }) : say(W.noMessage, lang);
  const products = productOrder(state);
  const where: InterviewItem<MessageChoice>[] = products.map((product, index) => ({
    label: say(PRODUCT_WORDS[product], lang),
    description: index === 0 ? shown : undefined,
    value: { kind: 'product', product },
    alwaysShow: true,
    group: index === 0 ? say(W.seenWhere, lang) : undefined,
  }));
  const known: InterviewItem<MessageChoice>[] = DECLINE_MESSAGES.map((message, index) => ({
    label: sayIn({ en: message.en, 'zh-cn': message.zhCn }, lang),
    description: lang === 'en' ? message.zhCn : message.en,
    value: { kind: 'known', text: sayIn({ en: message.en, 'zh-cn': message.zhCn }, lang) },
    group: index === 0 ? say(W.knownMessages, lang) : undefined,
  }));
  return [...where, ...known];
}

/** The message screen's heading, placeholder and the text its box opens with. */
export function messageScreen(state: InterviewState, lang: Lang): { title: string; placeholder: string; value: string } {
  return { title: say(W.messageTitle, lang), placeholder: say(W.messagePlaceholder, lang), value: state.draft.errorMessage ?? '' };
}

/** The state after the message screen: the typed error (none when empty) or the known one picked, and the product. */
export function answerMessage(state: InterviewState, typed: string, choice: MessageChoice): InterviewState {
  const text = choice.kind === 'known' ? choice.text : typed.trim();
  const product = choice.kind === 'product' ? choice.product : productOrder(state)[0]!;
  const { errorMessage: _old, ...rest } = state.draft;
  return { ...state, draft: { ...rest, ...(text ? { errorMessage: text } : {}), product } };
}

// ---------------------------------------------------------------------------------------------
// Screen 2: the card, typed in one line

/** What one line of typed card facts says. Only the first digits and the last 4 are ever kept. */
export interface TypedCard {
  bin?: string;
  last4?: string;
  expiry?: string;
  brand?: CardBrand;
  kind?: CardKind;
  issuerName?: string;
  /** The line holds more digits than first digits and last 4: nothing of it may be kept. */
  fullNumber: boolean;
}

/** Longer than any bank name, digits and expiry together; anything longer is not read. */
const MAX_CARD_TEXT = 200;

/** Brand words, lower case; Chinese ones are found inside longer words too. */
const BRAND_WORDS: readonly [string, CardBrand][] = [
  ['visa', 'visa'], ['mastercard', 'mastercard'], ['master', 'mastercard'], ['万事达', 'mastercard'], ['萬事達', 'mastercard'],
  ['amex', 'amex'], ['美国运通', 'amex'], ['運通', 'amex'], ['运通', 'amex'],
  ['unionpay', 'unionpay'], ['银联', 'unionpay'], ['銀聯', 'unionpay'],
  ['jcb', 'jcb'], ['discover', 'discover'],
];

/** Kind words, lower case; Chinese ones are found inside longer words too (招商银行借记卡). */
const KIND_WORDS: readonly [string, CardKind][] = [
  ['debit', 'debit'], ['借记卡', 'debit'], ['借記卡', 'debit'], ['储蓄卡', 'debit'], ['儲蓄卡', 'debit'], ['金融卡', 'debit'],
  ['credit', 'credit'], ['信用卡', 'credit'],
  ['virtual', 'virtual'], ['虚拟卡', 'virtual'], ['虛擬卡', 'virtual'],
  ['prepaid', 'prepaid'], ['预付卡', 'prepaid'], ['預付卡', 'prepaid'],
  ['gift', 'gift'], ['礼品卡', 'gift'], ['禮品卡', 'gift'],
];

const HAS_CJK = /\p{Script=Han}/u;

/** Takes the first of `words` found in `token` (whole token for Latin words, anywhere for Chinese). */
function takeWord<T>(token: string, words: readonly [string, T][]): { value: T; rest: string } | undefined {
  for (const [word, value] of words) {
    if (HAS_CJK.test(word) ? token.includes(word) : token.toLowerCase() === word) {
      return { value, rest: HAS_CJK.test(word) ? token.replace(word, '') : '' };
    }
  }
  return undefined;
}

/**
 * Reads one typed line of card facts: a run of 6-8 digits is the first digits, a run of 4 the
 * last 4, `621483******4242` or `621483…4242` both, `06/28` or `2028-06` the expiry, brand and
 * kind words (English or Chinese) the brand and kind, the rest the bank's name. Digits in any
 * script are read as ASCII (NFKC). A 9-digit-or-longer run, or more than one run of 4 or of
 * 6-8, means a whole number was typed: `fullNumber`, and no digits are kept.
 */
export function parseCardText(text: string): TypedCard {
  const card: TypedCard = { fullNumber: false };
  if (text.length > MAX_CARD_TEXT) return { fullNumber: false };
  const rest: string[] = [];
  let fours = 0;
  let firsts = 0;
  for (const raw of text.normalize('NFKC').split(/[\s,，、;；]+/)) {
    if (!raw) continue;
    let token = raw;
    const masked = /^(\d{6,8})[*x•·.…-]{1,13}(\d{4})$/i.exec(token);
    const expiryShort = /^(0?[1-9]|1[0-2])\/(\d{2})$/.exec(token);
    const expiryLong = /^(20\d{2})[-/](0[1-9]|1[0-2])$/.exec(token);
    if (masked) {
      firsts++;
      fours++;
      card.bin ??= masked[1];
      card.last4 ??= masked[2];
    } else if (/^\d{9,}$/.test(token)) {
      card.fullNumber = true;
    } else if (/^\d{6,8}$/.test(token)) {
      firsts++;
      card.bin ??= token;
    } else if (/^\d{4}$/.test(token)) {
      fours++;
      card.last4 ??= token;
    } else if (expiryShort) {
      card.expiry ??= `20${expiryShort[2]}-${expiryShort[1]!.padStart(2, '0')}`;
    } else if (expiryLong) {
      card.expiry ??= `${expiryLong[1]}-${expiryLong[2]}`;
    } else {
      const brand = takeWord(token, BRAND_WORDS);
      if (brand) {
        card.brand ??= brand.value;
        token = brand.rest;
      }
      const kind = token ? takeWord(token, KIND_WORDS) : undefined;
      if (kind) {
        card.kind ??= kind.value;
        token = kind.rest;
      }
      if (token) rest.push(token);
    }
  }
  if (fours > 1 || firsts > 1) card.fullNumber = true;
  if (card.fullNumber) {
    delete card.bin;
    delete card.last4;
  }
  const name = rest.join(' ').trim();
  if (name) card.issuerName = name;
  return card;
}

/** The line the card screen opens with, from the draft: what {@link parseCardText} reads back to the same facts. */
export function cardText(draft: Report): string {
  const card = draft.card ?? {};
  const parts: string[] = [];
  if (card.bin) parts.push(card.bin);
  if (card.last4) parts.push(card.last4);
  if (card.issuerName) parts.push(card.issuerName);
  if (card.expiry) parts.push(`${card.expiry.slice(5, 7)}/${card.expiry.slice(2, 4)}`);
  // A brand the digits would not give (none typed, or they disagree) is written out.
  const fromDigits = inferCardDefaults({ bin: card.bin }).brand?.value;
  if (card.brand && card.brand !== 'unknown' && card.brand !== fromDigits) parts.push(BRAND_NAMES[card.brand]?.en ?? card.brand);
  return parts.join(' ');
}

/** The issuing country the card screen would record for `typed`, and on what it rests. */
export interface CardReading {
  readonly typed: TypedCard;
  readonly brand?: CardBrand;
  readonly issuerCountry?: { value: string; basis: CardDefaultBasis | 'stated' };
}

/** What the card screen makes of the typed line, given the state: the typed facts plus everything inferred. */
export function readCard(state: InterviewState, typed: string): CardReading {
  const facts = parseCardText(typed);
  const inferred = inferCardDefaults({ bin: facts.bin, brand: facts.brand, issuerName: facts.issuerName });
  const brand = facts.brand ?? inferred.brand?.value;
  const earlier = state.draft.card?.issuerCountry;
  let issuerCountry: CardReading['issuerCountry'];
  if (state.issuerCountryChosen && earlier) issuerCountry = { value: earlier, basis: 'stated' };
  else if (inferred.issuerCountry) issuerCountry = inferred.issuerCountry;
  else if (earlier) issuerCountry = { value: earlier, basis: 'stated' };
  return { typed: facts, brand, issuerCountry };
}

/** One line describing the card as it would be recorded, e.g. "China (inferred from the first digits) · UnionPay · 招商银行 · 621483…4242". */
export function cardSummary(reading: CardReading, lang: Lang): string {
  const { typed } = reading;
  // The issuing country first: it matters most, and a long line is cut at its end.
  const parts: string[] = [];
  const country = reading.issuerCountry;
  if (!country) parts.push(say(W.issuerUnknown, lang));
  else {
    const name = countryName(country.value, lang);
    parts.push(country.basis === 'stated' ? say(W.issuedIn, lang, { country: name }) : say(W.inferredFrom[country.basis], lang, { country: name }));
  }
  if (reading.brand && reading.brand !== 'unknown') parts.push(sayMaybe(BRAND_NAMES[reading.brand], lang) ?? reading.brand);
  if (typed.issuerName) parts.push(typed.issuerName);
  if (typed.bin || typed.last4) parts.push(`${typed.bin ?? ''}…${typed.last4 ?? ''}`);
  if (typed.expiry) parts.push(`${typed.expiry.slice(5, 7)}/${typed.expiry.slice(2, 4)}`);
  return parts.join(' · ');
}

/** What an item of the card screen does. */
export type CardChoice = { kind: 'kind'; cardKind: CardKind } | { kind: 'choose-country' } | { kind: 'refused' };

/** The card screen's heading, placeholder and opening line. */
export function cardScreen(state: InterviewState, lang: Lang): { title: string; placeholder: string; value: string } {
  return { title: say(W.cardTitle, lang), placeholder: say(W.cardPlaceholder, lang), value: cardText(state.draft) };
}

/**
 * The card screen's items for the typed line: the card kinds, the first described (second line)
 * by the card as it would be recorded, the highlighted one first (a kind word typed, else the earlier answer,
 * else debit); then "the issuing country is wrong" when one is shown. A whole card number
 * gives one item that cannot be taken.
 */
export function cardItems(state: InterviewState, typed: string, lang: Lang): InterviewItem<CardChoice>[] {
  const reading = readCard(state, typed);
  if (reading.typed.fullNumber) return [{ label: `$(warning) ${say(W.fullNumber, lang)}`, value: { kind: 'refused' }, alwaysShow: true }];
  const summary = cardSummary(reading, lang);
  const preferred = reading.typed.kind ?? state.draft.card?.kind;
  const order = preferred ? [preferred, ...KIND_ORDER.filter((kind) => kind !== preferred)] : [...KIND_ORDER];
  // The card as it would be recorded, once, under the first answer: repeated on every row it was cut off.
  const items: InterviewItem<CardChoice>[] = order.map((cardKind, index) => ({
    label: say(KIND_LABELS[cardKind], lang),
    detail: index === 0 ? summary : undefined,
    value: { kind: 'kind', cardKind },
    alwaysShow: true,
    group: index === 0 ? say(W.cardGroup, lang) : undefined,
  }));
  if (reading.issuerCountry) items.push({ label: `$(globe) ${say(W.issuedElsewhere, lang)}`, value: { kind: 'choose-country' }, alwaysShow: true });
  return items;
}

/**
 * The state after the card screen: the typed facts and the chosen kind replace the card's, the
 * brand and issuing country are recorded as shown (the person saw them and took them), and the
 * issuing country's screen is asked for when none could be shown or the person said it is wrong.
 */
export function answerCard(state: InterviewState, typed: string, choice: CardChoice): InterviewState {
  if (choice.kind === 'refused') return state;
  const reading = readCard(state, typed);
  const facts = reading.typed;
  const previous = state.draft.card ?? {};
  const card: NonNullable<Report['card']> = {
    ...(previous.dualCurrency ? { dualCurrency: previous.dualCurrency } : {}),
    ...(choice.kind === 'kind' ? { kind: choice.cardKind } : previous.kind ? { kind: previous.kind } : {}),
    ...(reading.brand ? { brand: reading.brand } : {}),
    ...(facts.bin ? { bin: facts.bin } : {}),
    ...(facts.last4 ? { last4: facts.last4 } : {}),
    ...(facts.issuerName ? { issuerName: facts.issuerName } : {}),
    ...(reading.issuerCountry ? { issuerCountry: reading.issuerCountry.value } : {}),
    ...(facts.expiry ? { expiry: facts.expiry } : {}),
  };
  const draft: Report = { ...state.draft, card };
  const asked = choice.kind === 'choose-country' || !reading.issuerCountry;
  return { ...state, draft, issuerCountryAsked: asked, issuerCountryChosen: state.issuerCountryChosen && !asked ? true : false };
}

// ---------------------------------------------------------------------------------------------
// Country screens: where the card was issued, the VPN's exit

/** A country screen's heading, placeholder, items (likely first, one "Not sure", then all) and the highlighted value. */
export function countryScreen(
  state: InterviewState,
  id: 'issuer-country' | 'exit-country',
  lang: Lang,
): { title: string; placeholder: string; items: InterviewItem<string | null>[]; active: string | null } {
  const current = id === 'issuer-country' ? (state.draft.card?.issuerCountry ?? readCard(state, cardText(state.draft)).issuerCountry?.value) : state.draft.connection?.accessCountry;
  // A VPN's exit is rarely at home: the United States leads when nothing was said before.
  const first = current ?? (id === 'exit-country' ? 'US' : undefined);
  const { likely, others } = rankedCountryOptions(lang, first);
  const items: InterviewItem<string | null>[] = [
    ...likely.map((option, index) => ({ label: option.name, description: option.code, value: option.code as string | null, group: index === 0 ? say(W.likelyGroup, lang) : undefined })),
    { label: say(W.notSure, lang), value: null },
    ...others.map((option, index) => ({ label: option.name, description: option.code, value: option.code as string | null, group: index === 0 ? say(W.allGroup, lang) : undefined })),
  ];
  return {
    title: say(id === 'issuer-country' ? W.issuerTitle : W.exitTitle, lang),
    placeholder: say(id === 'issuer-country' ? W.countryPlaceholder : W.exitPlaceholder, lang),
    items,
    active: first ?? likely[0]!.code,
  };
}

/** The state after a country screen; `null` (not sure) removes the answer. */
export function answerCountry(state: InterviewState, id: 'issuer-country' | 'exit-country', code: string | null): InterviewState {
  if (id === 'issuer-country') {
    const { issuerCountry: _old, ...card } = state.draft.card ?? {};
    return { ...state, issuerCountryChosen: code !== null, draft: { ...state.draft, card: code ? { ...card, issuerCountry: code } : card } };
  }
  const { accessCountry: _old, ...connection } = state.draft.connection ?? {};
  return { ...state, draft: { ...state.draft, connection: code ? { ...connection, accessCountry: code } : connection } };
}

// ---------------------------------------------------------------------------------------------
// Screen 3: what applies

/** The multi-select's items. Pairs say both sides; leaving both unticked means not sure. */
export type ApplyId =
  | 'vpn'
  | 'switched'
  | 'billing-matches'
  | 'billing-differs'
  | 'international-on'
  | 'international-off'
  | 'balance-enough'
  | 'balance-short';

const APPLY_ORDER: readonly ApplyId[] = [
  'vpn', 'switched', 'billing-matches', 'billing-differs', 'international-on', 'international-off', 'balance-enough', 'balance-short',
];

const APPLY_WORDS: Readonly<Record<ApplyId, Words>> = {
  vpn: { en: 'A VPN or proxy was on', 'zh-cn': '当时开着 VPN 或代理' },
  switched: { en: 'I switched VPN node, network or region shortly before', 'zh-cn': '绑卡前不久切换过节点、网络或地区' },
  'billing-matches': { en: 'The billing address I entered is exactly what the bank has', 'zh-cn': '填写的账单地址与银行登记的完全一致' },
  'billing-differs': { en: 'The billing address I entered differs from what the bank has', 'zh-cn': '填写的账单地址与银行登记的不一致' },
  'international-on': { en: 'International online payments are turned on for this card', 'zh-cn': '这张卡已开通境外线上支付' },
  'international-off': { en: 'International online payments are off for this card', 'zh-cn': '这张卡未开通境外线上支付' },
  'balance-enough': { en: 'The balance or credit limit is enough', 'zh-cn': '余额或信用额度充足' },
  'balance-short': { en: 'The balance or credit limit is not enough', 'zh-cn': '余额或信用额度不足' },
};

const APPLY_GROUPS: Partial<Record<ApplyId, Words>> = { vpn: W.groupNetwork, 'billing-matches': W.groupBilling, 'international-on': W.groupBank };

/** The multi-select's heading, placeholder, items and the ones ticked from the draft (earlier answers). */
export function appliesScreen(state: InterviewState, lang: Lang): { title: string; placeholder: string; items: InterviewItem<ApplyId>[]; ticked: ApplyId[] } {
  const { connection, billing, bank } = state.draft;
  const ticked = APPLY_ORDER.filter((id) => {
    switch (id) {
      case 'vpn': return connection?.vpn === 'yes';
      case 'switched': return connection?.switchedRecently === 'yes';
      case 'billing-matches': return billing?.matchesIssuer === 'yes';
      case 'billing-differs': return billing?.matchesIssuer === 'no';
      case 'international-on': return bank?.internationalOnline === 'yes';
      case 'international-off': return bank?.internationalOnline === 'no';
      case 'balance-enough': return bank?.balanceSufficient === 'yes';
      case 'balance-short': return bank?.balanceSufficient === 'no';
    }
  });
  const items = APPLY_ORDER.map((id) => ({ label: say(APPLY_WORDS[id], lang), value: id, group: APPLY_GROUPS[id] ? say(APPLY_GROUPS[id], lang) : undefined }));
  return { title: say(W.appliesTitle, lang), placeholder: say(W.appliesPlaceholder, lang), items, ticked };
}

/** yes when only `yes` is ticked, no when only `no`, else not sure (both ticked contradict each other). */
function pair(ticked: ReadonlySet<ApplyId>, yes: ApplyId, no: ApplyId): TriState {
  if (ticked.has(yes) === ticked.has(no)) return 'unknown';
  return ticked.has(yes) ? 'yes' : 'no';
}

/**
 * The state after the multi-select. A VPN or a switch not ticked means none (the person was
 * asked and would know); pairs left unticked mean not sure. With no VPN, an exit country from
 * an earlier answer no longer says where the person was seen, so it is dropped.
 */
export function answerApplies(state: InterviewState, selected: readonly ApplyId[]): InterviewState {
  const ticked = new Set(selected);
  const vpn: TriState = ticked.has('vpn') ? 'yes' : 'no';
  const { accessCountry, ...connectionRest } = state.draft.connection ?? {};
  const connection = { ...connectionRest, vpn, switchedRecently: (ticked.has('switched') ? 'yes' : 'no') as TriState, ...(vpn === 'yes' && accessCountry ? { accessCountry } : {}) };
  return {
    ...state,
    draft: {
      ...state.draft,
      connection,
      billing: { ...state.draft.billing, matchesIssuer: pair(ticked, 'billing-matches', 'billing-differs') },
      bank: {
        ...state.draft.bank,
        internationalOnline: pair(ticked, 'international-on', 'international-off'),
        balanceSufficient: pair(ticked, 'balance-enough', 'balance-short'),
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Screen 4: the time

/** The time screen: heading, prompt, and the time it opens with (the draft's, else now in `offsetMinutes`) in the app's display form. */
export function timeScreen(state: InterviewState, lang: Lang, now: Date, offsetMinutes: number): { title: string; prompt: string; value: string } {
  const value = formatTypedTime(state.draft.occurredAt ?? isoAtOffset(now, offsetMinutes));
  return { title: say(W.timeTitle, lang), prompt: say(W.timePrompt, lang), value };
}

/** How the time screen reads `text`: the time it would record and a line saying so, or why not. */
export function readTime(text: string, lang: Lang, now: Date, offsetMinutes: number): { ok: true; iso: string; message: string } | { ok: false; message: string } {
  const result = parseTypedTime(text, now, offsetMinutes);
  if (!result.ok) return { ok: false, message: say(W.timeInvalid, lang) };
  return { ok: true, iso: result.iso, message: say(W.timeReadAs, lang, { time: formatTypedTime(result.iso) }) };
}

/** The state after the time screen. */
export function answerTime(state: InterviewState, iso: string): InterviewState {
  return { ...state, draft: { ...state.draft, occurredAt: iso } };
}

// ---------------------------------------------------------------------------------------------
// The plan

/** The screens the interview shows for this state, in order: four, plus the two that apply. */
export function plannedScreens(state: InterviewState): ScreenId[] {
  const screens: ScreenId[] = ['message', 'card'];
  if (state.issuerCountryAsked) screens.push('issuer-country');
  screens.push('applies');
  if (state.draft.connection?.vpn === 'yes') screens.push('exit-country');
  screens.push('time');
  return screens;
}

/** The screen after `current` for this state, or undefined when the interview is over. */
export function nextScreen(state: InterviewState, current: ScreenId): ScreenId | undefined {
  const screens = plannedScreens(state);
  return screens[screens.indexOf(current) + 1];
}
