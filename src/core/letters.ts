/**
 * The two letters a person sends after a refused card (article §2 method 5 and method 6): an
 * appeal to the merchant's support ("Billing & Payments") and an inquiry to the issuing bank.
 *
 * A letter is a Handlebars template (`templates/<kind>.<lang>.hbs`) rendered over
 * {@link LetterData}: plain strings, ids and arrays computed here from the report, the journal and
 * the diagnosis, so a template only lays words out. Templates are compiled `strict` and
 * `knownHelpersOnly` (see `letterCompileOptions.cjs`); the built-in ones are precompiled at
 * build time, so only the Handlebars runtime is imported here.
 *
 * Nothing reaches a letter unredacted: every free-text value is masked again here, and
 * {@link renderLetter} refuses a finished letter that still holds a card number, a security code
 * or a one-time code.
 */
import Handlebars from 'handlebars/runtime';
import { isExpired } from './cardFacts';
import { ACTIONS, CARD_KIND_WORDS, CAUSES, LIKELIHOOD_WORDS, PRODUCT_IN_SENTENCE, PRODUCT_NAMES, type ActionId, type Lang, type Words } from './catalogue';
import { CAUSE_IDS, type CauseId } from './causeIds';
import { countryName } from './countries';
import { diagnose, type Likelihood } from './diagnose';
import { findRecordedAttempt } from './journal';
import { brandText } from './explain';
import { containsSecret, maskLast4, redactSecrets } from './redact';
import type { Report } from './report';
import { describeTemplateError, LetterSecretError, LetterTemplateError, TEMPLATE_RENDER_LIMITS } from './templateErrors';
import { formatOffset, isoAtOffset, offsetOf } from './localTime';
import { authoredLang, isChinese, labelsFor, say, toTraditional } from './language';
import { LETTER_KINDS, letterTemplateFile, letterTemplateName, type LetterKind } from './letterKinds';

/**
 * The merchant as the letters name it. Its exact name on a bank's records varies and is not
 * known here, so the letters only say it contains `nameContains`: an invented statement
 * descriptor would send the bank looking for a record that does not exist.
 */
export const MERCHANT = { name: 'OpenAI', country: 'US', nameContains: 'OPENAI' } as const;

/** The card as a letter describes it. Never more digits than the last 4. */
export interface LetterCard {
  /** "UnionPay debit card" / "银联借记卡", or null when neither brand nor kind is known. */
  description: string | null;
  /** The brand's name, or null when unknown. */
  brand: string | null;
  /** "credit card" / "信用卡", or null when unknown. */
  kind: string | null;
  /** The issuing bank as the person wrote it. */
  issuer: string | null;
  /**
   * The spaces that set the issuer's name apart from Chinese words around it: one on a side where
   * the name begins or ends in Latin script (尊敬的 HSBC 客服, Bank of China (Hong Kong) 客服中心),
   * none for a Chinese name (招商银行客服) or in an English letter. Both empty when the issuer is unknown.
   */
  issuerGap: { before: string; after: string };
  /** The issuing country's name in the letter's language. */
  issuerCountry: string | null;
  last4: string | null;
}

/** One failed attempt in the timeline. */
export interface LetterAttempt {
  /** 1-based position in the timeline. */
  number: number;
  /** ISO 8601 in the letter's offset (see {@link LetterData.writtenAt}), to the second; the `dateTime` helper shows it. */
  at: string;
  /** The product as a label ("ChatGPT (web)", "API 平台"), or null. */
  product: string | null;
  /** The error exactly as shown, after redaction; null when none was recorded. */
  error: string | null;
  /** The same on one line (line breaks as spaces), for use inside a sentence or a list item. */
  errorLine: string | null;
  cardBrand: string | null;
  cardLast4: string | null;
  /** Whether this is the attempt the report describes (the others come from the journal). */
  current: boolean;
}

/** A cause the diagnosis found likely or possible. The helpers put it into words. */
export interface LetterCause {
  id: CauseId;
  likelihood: Likelihood;
  /** The first two of the article's actions for it. */
  actions: ActionId[];
}

/** Everything a letter template can use. Every key is always present (null when unknown), as strict templates require. */
export interface LetterData {
  kind: LetterKind;
  lang: Lang;
  /**
   * When the letter was written: `now` in the letter's UTC offset (ISO 8601). A letter has one
   * offset, the current attempt's: every time in it (this, each attempt's, the span's ends) is
   * written in it, so a span never reads backwards when the journal's entries were recorded in
   * different offsets.
   */
  writtenAt: string;
  sender: { name: string | null; email: string | null };
  /** The merchant's name, and what its name on the bank's records contains (never a full statement descriptor, which is not known). */
  merchant: { name: string; nameContains: string };
  /** Whether the card was issued outside the merchant's country (the United States); false when unknown. */
  crossBorder: boolean;
  /** The product of the current attempt as said in a sentence ("for ChatGPT on the web"), or null. */
  product: string | null;
  /** The spaces that set `product` apart from Chinese words around it, as {@link LetterCard.issuerGap} does for the bank (在 ChatGPT 手机 App 中). */
  productGap: { before: string; after: string };
  /** The amount and currency of the charge ("20 USD") when the person knows it. */
  amount: string | null;
  /**
   * Whether any attempt listed was on the API platform, where the merchant may place a temporary
   * hold of a few dollars besides the verification authorization every added card triggers.
   */
  apiPlatform: boolean;
  /**
   * What the person said about international online (card-not-present) payments on the card:
   * both false when they did not say, so the bank letter asks instead of asserting.
   */
  international: { enabled: boolean; disabled: boolean };
  /**
   * Whether the appeal carries the person's own diagnosis (possible causes, the VPN and network
   * facts). Off unless asked for: support needs the timeline, and guesses invite a one-line reply.
   */
  includeSelfDiagnosis: boolean;
  card: LetterCard;
  /**
   * Oldest first. The appeal lists every attempt; the bank inquiry only those with this card
   * (same last 4), since another bank's card is none of this bank's business.
   */
  attempts: LetterAttempt[];
  attemptCount: number;
  severalAttempts: boolean;
  /** Whether the attempts listed used more than one card (by last 4). */
  severalCards: boolean;
  firstAttemptAt: string;
  lastAttemptAt: string;
  /**
   * What the person has confirmed, one first-person sentence each, from the report's answers. The
   * bank letter leaves out the network facts (nothing a bank can check) and international payments
   * (its questions say that); the appeal leaves out the network facts unless `includeSelfDiagnosis`.
   */
  checked: string[];
  /** Likely and possible causes, most likely first (at most three). */
  causes: LetterCause[];
  /** The person's own notes on the current attempt, or null. */
  notes: string | null;
}

/** What the person tells about themselves (from settings or CLI flags). Absent values become visible placeholders. */
export interface LetterSender {
  name?: string;
  email?: string;
  amount?: string;
  /** Put the person's own diagnosis into the appeal (the `cardDoctor.appealSelfDiagnosis` setting); false when absent. */
  includeSelfDiagnosis?: boolean;
}

/**
 * Each cause in the first person, as the sender says it to support or the bank. The catalogue's
 * summaries speak to the person ("you"), which in a letter would mean the reader.
 */
const LETTER_CAUSE_WORDS: Readonly<Record<CauseId, Words>> = {
  'region-unsupported': {
    en: 'The country where my card was issued, or where I am, may not be on the supported list.',
    'zh-cn': '这张卡的发卡地区，或我所在的地区，可能不在支持范围内。',
  },
  'billing-mismatch': {
    en: 'The billing address or postal code I entered may differ from what my bank has on file.',
    'zh-cn': '我填写的账单地址或邮编可能与发卡行登记的信息不一致。',
  },
  'card-details-invalid': {
    en: 'A card detail (number, expiry date or security code) may have been mistyped, or the card may have expired.',
    'zh-cn': '卡号、有效期或安全码可能填写有误，或卡片可能已过期。',
  },
  'international-payments-disabled': {
    en: 'My bank may be blocking international online (card-not-present) payments on this card.',
    'zh-cn': '发卡行可能未开通或限制了这张卡的境外线上（无卡）交易。',
  },
  'card-type-restricted': {
    en: 'This type of card (virtual, prepaid or gift) may not be accepted.',
    'zh-cn': '这类卡（虚拟卡、预付卡或礼品卡）可能不被接受。',
  },
  'network-anomaly': {
    en: 'My network or device at the time may have looked unusual (for example a VPN or a change of network).',
    'zh-cn': '我当时的网络或设备环境（如使用 VPN、切换网络）可能被判定为异常。',
  },
  'retry-velocity': {
    en: 'Several attempts in a short time may have triggered a risk check on my account.',
    'zh-cn': '短时间内多次重试，可能触发了账户的风控检查。',
  },
  'authentication-failed': {
    en: 'My bank’s verification step (3-D Secure) may not have completed.',
    'zh-cn': '银行的验证环节（3-D Secure）可能没有完成。',
  },
  'insufficient-funds': {
    en: 'The available balance or credit on the card may not have covered the charge.',
    'zh-cn': '卡内可用余额或额度可能不足以支付这笔款项。',
  },
  'app-store-billing': {
    en: 'I was subscribing in the mobile app, where the payment is handled by Apple or Google.',
    'zh-cn': '我是在手机 App 中订阅的，这种情况下由 Apple 或 Google 负责收费。',
  },
};

/** What the person has confirmed, in the first person. Only "yes" answers (and "no" to a VPN or a switch) count. */
const CHECKED_WORDS = {
  billingMatches: {
    en: 'The billing address and postal code I entered match what my bank has on file.',
    'zh-cn': '我填写的账单地址和邮编与发卡行登记的信息一致。',
  },
  internationalOn: {
    en: 'International online payments are enabled on the card.',
    'zh-cn': '这张卡已开通境外线上支付。',
  },
  balanceSufficient: {
    en: 'The available balance (or credit limit) is enough for the charge.',
    'zh-cn': '卡内可用余额（或信用额度）足够支付。',
  },
  notExpired: { en: 'The card is within its expiry date.', 'zh-cn': '卡片在有效期内。' },
  noVpn: { en: 'I was not using a VPN.', 'zh-cn': '绑卡时没有使用 VPN。' },
  stableNetwork: {
    en: 'I stayed on one network throughout and did not switch networks or regions.',
    'zh-cn': '绑卡过程中一直使用同一网络，没有切换网络或地区。',
  },
} as const satisfies Readonly<Record<string, Words>>;

type CheckedKey = keyof typeof CHECKED_WORDS;
/** The network facts: part of the appeal's self-diagnosis only. */
const NETWORK_FACTS: ReadonlySet<CheckedKey> = new Set(['noVpn', 'stableNetwork']);
/** What the bank letter does not list as checked: the network facts, and international payments, which its questions cover. */
const BANK_OMITS: ReadonlySet<CheckedKey> = new Set([...NETWORK_FACTS, 'internationalOn']);

/** Visible placeholders the helpers print for unknown values; the person fills them in. */
const PLACEHOLDERS = {
  dateTime: { en: '[date and time]', 'zh-cn': '【日期和时间】' },
  last4: { en: '[last 4 digits]', 'zh-cn': '【卡号后四位】' },
} as const satisfies Readonly<Record<string, Words>>;

const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const MAX_CAUSES = 3;
const ACTIONS_PER_CAUSE = 2;

/**
 * The view model of one letter. `history` is the journal (any order; entries without a time are
 * skipped, as the diagnosis skips them). The timeline and its count are what the journal holds:
 * the appeal lists every attempt (support should see card changes too), the bank inquiry those
 * with this card. The report is one of them only when the journal holds it (`findRecordedAttempt`,
 * then marked `current`): a draft that was never recorded is not counted, because a letter that
 * claims more attempts than happened reads like card testing. Only when the journal holds none
 * does the letter list the report alone, since it is what the letter is about. `now` dates the
 * letter and anchors the diagnosis, so the same input always gives the same letter.
 */
export function buildLetterData(
  kind: LetterKind,
  lang: Lang,
  report: Report,
  history: readonly Report[],
  now: Date,
  sender: LetterSender = {},
): LetterData {
  const diagnosis = diagnose(report, history, now);
  const occurredAt = diagnosis.occurredAt;
  const recorded = findRecordedAttempt(report, history);

  let reports: Report[] = history.filter((entry) => entry.occurredAt !== undefined && !Number.isNaN(Date.parse(entry.occurredAt)));
  const last4 = report.card?.last4;
  if (kind === 'bank-inquiry' && last4) reports = reports.filter((entry) => entry.card?.last4 === last4);
  const current: Report = recorded ?? { ...report, occurredAt };
  if (reports.length === 0) reports = [current];
  // A stable sort: attempts at the same time keep the journal's order.
  const ordered = reports
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.occurredAt!) }))
    .sort((a, b) => a.time - b.time || a.index - b.index);
  // One offset for the whole letter: the report's own (a report without a time is dated now in
  // UTC by the diagnosis, so the host dates it on the person's clock before asking for a letter).
  const offset = offsetOf(occurredAt);
  const attempts = ordered.map(({ entry }, index) => attemptOf(entry, index + 1, entry === current, lang, offset));
  const includeSelfDiagnosis = sender.includeSelfDiagnosis === true;
  const product = report.product ? say(PRODUCT_IN_SENTENCE[report.product], lang) : null;
  const international = report.bank?.internationalOnline;

  return {
    kind,
    lang,
    writtenAt: isoAtOffset(now, offset),
    sender: { name: cleanText(sender.name), email: cleanText(sender.email) },
    merchant: { name: MERCHANT.name, nameContains: MERCHANT.nameContains },
    crossBorder: Boolean(report.card?.issuerCountry && report.card.issuerCountry !== MERCHANT.country),
    product,
    productGap: isChinese(lang) && product !== null ? latinGap(product) : { before: '', after: '' },
    amount: cleanText(sender.amount),
    apiPlatform: ordered.some(({ entry }) => entry.product === 'api-platform'),
    international: { enabled: international === 'yes', disabled: international === 'no' },
    includeSelfDiagnosis,
    card: cardOf(report, lang),
    attempts,
    attemptCount: attempts.length,
    severalAttempts: attempts.length > 1,
    severalCards: new Set(attempts.map((attempt) => attempt.cardLast4).filter(Boolean)).size > 1,
    firstAttemptAt: attempts[0]!.at,
    lastAttemptAt: attempts[attempts.length - 1]!.at,
    checked: checkedOf(report, now)
      .filter((key) => (kind === 'bank-inquiry' ? !BANK_OMITS.has(key) : includeSelfDiagnosis || !NETWORK_FACTS.has(key)))
      .map((key) => say(CHECKED_WORDS[key], lang)),
    causes: diagnosis.findings
      .filter((finding) => finding.likelihood !== 'low')
      .slice(0, MAX_CAUSES)
      .map((finding) => ({
        id: finding.cause,
        likelihood: finding.likelihood,
        actions: finding.actions.slice(0, ACTIONS_PER_CAUSE),
      })),
    notes: cleanText(report.notes),
  };
}

function attemptOf(report: Report, number: number, current: boolean, lang: Lang, offset: number): LetterAttempt {
  const error = cleanText(report.errorMessage);
  return {
    number,
    at: isoAtOffset(new Date(report.occurredAt!), offset),
    product: report.product ? say(PRODUCT_NAMES[report.product], lang) : null,
    error,
    errorLine: error === null ? null : joinLines(error),
    cardBrand: brandOf(report, lang),
    cardLast4: report.card?.last4 ?? null,
    current,
  };
}

/**
 * The text on one line: each line break, with the whitespace around it (blank lines included),
 * becomes one space. By splitting, not by a pattern such as `\s*\n\s*`, which a long run of
 * spaces without a line break makes quadratic.
 */
function joinLines(text: string): string {
  const lines = text.split('\n');
  let joined = lines.length > 1 ? lines[0]!.trimEnd() : lines[0]!;
  for (let index = 1; index < lines.length; index++) {
    const last = index === lines.length - 1;
    const line = last ? lines[index]!.trimStart() : lines[index]!.trim();
    // A blank line between two others is part of the same run of whitespace.
    if (line === '' && !last) continue;
    joined += ` ${line}`;
  }
  return joined;
}

function brandOf(report: Report, lang: Lang): string | null {
  const brand = report.card?.brand;
  return brand && brand !== 'unknown' && brand !== 'other' ? brandText(brand, lang) : null;
}

function cardOf(report: Report, lang: Lang): LetterCard {
  const card = report.card;
  const brand = brandOf(report, lang);
  const kind = card?.kind && card.kind !== 'unknown' ? say(CARD_KIND_WORDS[card.kind]!, lang) : null;
  let description: string | null = null;
  if (brand || kind) {
    if (lang === 'en') {
      description = [brand, kind, 'card'].filter(Boolean).join(' ');
    } else {
      const noun = kind ?? say({ en: 'card', 'zh-cn': '卡' }, lang);
      // A space between Latin and Chinese script, none between two Chinese words: "Visa 信用卡", "银联借记卡".
      description = brand ? `${brand}${/[A-Z]$/i.test(brand) ? ' ' : ''}${noun}` : noun;
    }
  }
  const issuer = cleanText(card?.issuerName);
  return {
    description,
    brand,
    kind: kind && lang === 'en' ? `${kind} card` : kind,
    issuer,
    issuerGap: isChinese(lang) && issuer !== null ? latinGap(issuer) : { before: '', after: '' },
    issuerCountry: card?.issuerCountry ? countryName(card.issuerCountry, lang) : null,
    last4: card?.last4 ?? null,
  };
}

/**
 * A space on each side of `name` that begins or ends in Latin script (any printable ASCII), as
 * Chinese text sets Latin words apart; none on a side that is Chinese (or other full-width) script.
 */
function latinGap(name: string): { before: string; after: string } {
  const latin = (char: string | undefined) => char !== undefined && char > ' ' && char <= '~';
  return { before: latin(name[0]) ? ' ' : '', after: latin(name[name.length - 1]) ? ' ' : '' };
}

function checkedOf(report: Report, now: Date): (keyof typeof CHECKED_WORDS)[] {
  const checked: (keyof typeof CHECKED_WORDS)[] = [];
  if (report.billing?.matchesIssuer === 'yes') checked.push('billingMatches');
  if (report.bank?.internationalOnline === 'yes') checked.push('internationalOn');
  if (report.bank?.balanceSufficient === 'yes') checked.push('balanceSufficient');
  if (report.card?.expiry && !isExpired(report.card.expiry, now)) checked.push('notExpired');
  if (report.connection?.vpn === 'no') checked.push('noVpn');
  if (report.connection?.switchedRecently === 'no') checked.push('stableNetwork');
  return checked;
}

/**
 * Free text as it may appear in a letter: masked again (a report built by hand skips
 * `parseReport`), and flattened onto one line if a card number hides across line breaks, which
 * redaction takes as the end of a number but a reader would not. Empty becomes null.
 */
function cleanText(text: string | undefined): string | null {
  if (text === undefined) return null;
  let cleaned = redactSecrets(text).trim();
  const flattened = cleaned.replace(/\s+/g, ' ');
  if (containsSecret(flattened)) cleaned = redactSecrets(flattened);
  return cleaned === '' ? null : cleaned;
}

interface LocalTime {
  year: number;
  month: number;
  day: number;
  time: string;
  offset: string;
}

/** The wall-clock time an ISO 8601 timestamp names, in its own offset. */
function localTimeOf(iso: string): LocalTime {
  const offset = offsetOf(iso);
  const local = new Date(Date.parse(iso) + offset * 60_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
    offset: `UTC${formatOffset(offset)}`,
  };
}

// Dates and spans as each language writes them; 年月日 and 至 are the same in Traditional.
const DATE_WORDS = {
  en: {
    day: (local: LocalTime) => `${local.day} ${MONTHS_EN[local.month - 1]} ${local.year}`,
    dateTime: (day: string, local: LocalTime) => `${day}, ${local.time} (${local.offset})`,
    sameDaySpan: (day: string, from: LocalTime, to: LocalTime) => `on ${day} between ${from.time} and ${to.time} (${from.offset})`,
    span: (from: string, to: string) => `between ${from} and ${to}`,
  },
  'zh-cn': {
    day: (local: LocalTime) => `${local.year}年${local.month}月${local.day}日`,
    dateTime: (day: string, local: LocalTime) => `${day} ${local.time}（${local.offset}）`,
    sameDaySpan: (day: string, from: LocalTime, to: LocalTime) => `${day} ${from.time} 至 ${to.time}（${from.offset}）`,
    span: (from: string, to: string) => `${from}至 ${to}`,
  },
} as const;

function dayText(local: LocalTime, lang: Lang): string {
  return labelsFor(DATE_WORDS, lang).day(local);
}

function dateTimeText(local: LocalTime, lang: Lang): string {
  return labelsFor(DATE_WORDS, lang).dateTime(dayText(local, lang), local);
}

type HelperOptions = Handlebars.HelperOptions;

/** The letter's language: helpers read it from the data's root, so templates never pass it. */
function langOf(options: HelperOptions): Lang {
  const lang: unknown = options.data?.root?.lang;
  return lang === 'zh-cn' || lang === 'zh-tw' ? lang : 'en';
}

/** Helpers are called with their arguments followed by Handlebars' options object. */
function argumentsOf(name: string, args: unknown[], count: number): { values: unknown[]; options: HelperOptions } {
  const options = args[args.length - 1] as HelperOptions;
  const values = args.slice(0, -1);
  if (values.length !== count) {
    throw new Error(`helper ${name} takes ${count} argument${count === 1 ? '' : 's'}, got ${values.length}`);
  }
  return { values, options };
}

function stringArgument(name: string, value: unknown): string {
  if (typeof value !== 'string') throw new Error(`helper ${name} expects text, got ${value === null ? 'null' : typeof value}`);
  return value;
}

function listArgument(name: string, value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new Error(`helper ${name} expects a list of text`);
  }
  return value;
}

function idArgument<T extends string>(name: string, value: unknown, ids: readonly T[]): T {
  if (typeof value !== 'string' || !(ids as readonly string[]).includes(value)) {
    throw new Error(`helper ${name}: unknown id ${JSON.stringify(value)}`);
  }
  return value as T;
}

/** Continuation lines of a list item are indented under its text, so Markdown keeps them in the item. */
function listItem(marker: string, text: string): string {
  return marker + text.split('\n').join('\n' + ' '.repeat(marker.length));
}

type Helper = (...args: unknown[]) => string;

/**
 * The helpers every letter template may call, by name. Each formats in the letter's language.
 * The names are listed in `letterCompileOptions.cjs` as `knownHelpers`; a test keeps the two
 * in step.
 */
export const LETTER_HELPERS: Readonly<Record<string, Helper>> = {
  /** `{{dateTime at}}`: "27 November 2025, 10:31 (UTC+08:00)" / "2025年11月27日 10:31（UTC+08:00）"; a placeholder for null. */
  dateTime(...args) {
    const { values, options } = argumentsOf('dateTime', args, 1);
    const lang = langOf(options);
    if (values[0] === null) return say(PLACEHOLDERS.dateTime, lang);
    return dateTimeText(localTimeOf(stringArgument('dateTime', values[0])), lang);
  },
  /** `{{date writtenAt}}`: "27 November 2025" / "2025年11月27日". */
  date(...args) {
    const { values, options } = argumentsOf('date', args, 1);
    return dayText(localTimeOf(stringArgument('date', values[0])), langOf(options));
  },
  /**
   * `{{timeSpan firstAttemptAt lastAttemptAt}}`: a span of attempts as a phrase. The same day and
   * offset: "on 27 November 2025 between 09:58 and 10:31 (UTC+08:00)" / "2025年11月27日 09:58 至
   * 10:31（UTC+08:00）"; otherwise both ends in full: "between … and …" / "…（UTC+08:00）至 …".
   */
  timeSpan(...args) {
    const { values, options } = argumentsOf('timeSpan', args, 2);
    const lang = langOf(options);
    const from = localTimeOf(stringArgument('timeSpan', values[0]));
    const to = localTimeOf(stringArgument('timeSpan', values[1]));
    const sameDay = from.year === to.year && from.month === to.month && from.day === to.day && from.offset === to.offset;
    const words = labelsFor(DATE_WORDS, lang);
    return sameDay ? words.sameDaySpan(dayText(from, lang), from, to) : words.span(dateTimeText(from, lang), dateTimeText(to, lang));
  },
  /** `{{valueOr sender.name "[your name]"}}`: the value, or the visible placeholder when it is null or empty. */
  valueOr(...args) {
    const { values } = argumentsOf('valueOr', args, 2);
    const [value, placeholder] = values;
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
    return stringArgument('valueOr', placeholder);
  },
  /** `{{maskedCard card.last4}}`: "•••• 4242", never more than 4 digits; a placeholder for null. */
  maskedCard(...args) {
    const { values, options } = argumentsOf('maskedCard', args, 1);
    if (values[0] === null) return say(PLACEHOLDERS.last4, langOf(options));
    return maskLast4(stringArgument('maskedCard', values[0]));
  },
  /** `{{causeTitle id}}`: the cause's short title from the catalogue ("Region not supported"). */
  causeTitle(...args) {
    const { values, options } = argumentsOf('causeTitle', args, 1);
    return say(CAUSES[idArgument('causeTitle', values[0], CAUSE_IDS)].title, langOf(options));
  },
  /** `{{causeText id}}`: the cause as the sender says it, first person, as a possibility. */
  causeText(...args) {
    const { values, options } = argumentsOf('causeText', args, 1);
    return say(LETTER_CAUSE_WORDS[idArgument('causeText', values[0], CAUSE_IDS)], langOf(options));
  },
  /** `{{likelihood likelihood}}`: "likely" / "possible" / "less likely" (可能性较高 / 可能性中等 / 可能性较低). */
  likelihood(...args) {
    const { values, options } = argumentsOf('likelihood', args, 1);
    const level = idArgument('likelihood', values[0], ['high', 'medium', 'low'] as const);
    return say(LIKELIHOOD_WORDS[level], langOf(options));
  },
  /** `{{action id}}`: the article's advice for an action id, addressed to the person. */
  action(...args) {
    const { values, options } = argumentsOf('action', args, 1);
    const id = idArgument('action', values[0], Object.keys(ACTIONS) as ActionId[]);
    return say(ACTIONS[id].words, langOf(options));
  },
  /** `{{bullets list}}`: a Markdown bullet list, one line per item (nothing for an empty list). */
  bullets(...args) {
    const { values } = argumentsOf('bullets', args, 1);
    return listArgument('bullets', values[0]).map((item) => listItem('- ', item)).join('\n');
  },
  /** `{{numbered list}}`: a Markdown numbered list. */
  numbered(...args) {
    const { values } = argumentsOf('numbered', args, 1);
    return listArgument('numbered', values[0]).map((item, index) => listItem(`${index + 1}. `, item)).join('\n');
  },
  /** `{{quote text}}`: a Markdown block quote, every line of the text quoted. */
  quote(...args) {
    const { values } = argumentsOf('quote', args, 1);
    return stringArgument('quote', values[0])
      .split('\n')
      .map((line) => (line === '' ? '>' : `> ${line}`))
      .join('\n');
  },
};

/** A Handlebars runtime environment of the letters' own. */
export type LetterRuntime = ReturnType<typeof Handlebars.create>;

/**
 * A fresh runtime environment with the letter helpers, so they never leak into (or depend on)
 * the shared Handlebars instance. The runtime alone: templates arrive precompiled. Handlebars'
 * own `log` helper prints to the console; the compiler refuses it in a person's template, and
 * here it prints nothing, for a template compiled some other way.
 */
export function createLetterRuntime(): LetterRuntime {
  const runtime = Handlebars.create();
  for (const [name, helper] of Object.entries(LETTER_HELPERS)) runtime.registerHelper(name, helper);
  runtime.registerHelper('log', () => '');
  return runtime;
}

/** A template ready to render, with the file its errors name. */
export interface LetterTemplate {
  /** `templates/appeal.en.hbs` for a built-in, the path of a person's own template otherwise. */
  file: string;
  render: HandlebarsTemplateDelegate<LetterData>;
}

/** Turns a precompiled template (from the build, or from the compiler for a person's own) into a template. */
export function letterTemplateFromSpec(runtime: LetterRuntime, spec: TemplateSpecification, file: string): LetterTemplate {
  return { file, render: runtime.template<LetterData>(spec) };
}

/**
 * The built-in templates from their precompiled specs (the build's `virtual:builtin-templates`),
 * keyed by {@link letterTemplateName}. Throws if one is missing, which only a broken build causes.
 */
export function builtinLetterTemplates(
  runtime: LetterRuntime,
  specs: Readonly<Record<string, TemplateSpecification>>,
): Map<string, LetterTemplate> {
  const templates = new Map<string, LetterTemplate>();
  for (const kind of LETTER_KINDS) {
    for (const lang of ['en', 'zh-cn'] as const) {
      const name = letterTemplateName(kind, lang);
      const spec = specs[name];
      if (!spec) throw new Error(`the built-in letter template ${name} is missing from the build`);
      templates.set(name, letterTemplateFromSpec(runtime, spec, `templates/${letterTemplateFile(kind, lang)}`));
    }
  }
  return templates;
}

/**
 * Renders a letter. A template error is rethrown naming the template's file and line. Then the
 * last guard: a letter that holds anything that looks like a card number, a security code or a
 * one-time code (`containsSecret`) is refused with a {@link LetterSecretError}, never returned,
 * whatever let it through.
 *
 * While rendering, loops are counted against {@link TEMPLATE_RENDER_LIMITS} (nested loops over
 * the attempts multiply), and a name that resolves to a prototype's property (`constructor`,
 * `__proto__`) gives nothing, silently: Handlebars would otherwise print a warning to the console.
 */
export function renderLetter(template: LetterTemplate, data: LetterData): string {
  let text: string;
  try {
    text = template.render(data, renderOptions(template.file));
  } catch (error) {
    throw describeTemplateError(template.file, error);
  }
  if (containsSecret(text)) throw new LetterSecretError(template.file, data.kind);
  return text;
}

/** Which template renders a letter, and whether its text is converted to Traditional Chinese. */
export interface LetterTemplateChoice {
  template: LetterTemplate;
  /** True for a built-in Traditional Chinese letter: the Simplified template, converted. */
  convert: boolean;
}

/**
 * The built-in template for `kind` in `lang`. Traditional Chinese has no template of its own: it
 * is the Simplified one, converted while rendering ({@link renderLetterIn}), so the two letters
 * can never say different things.
 */
export function builtinLetterTemplate(templates: ReadonlyMap<string, LetterTemplate>, kind: LetterKind, lang: Lang): LetterTemplateChoice {
  return { template: templates.get(letterTemplateName(kind, authoredLang(lang)))!, convert: lang === 'zh-tw' };
}

/**
 * The letter for `kind` in `lang`, rendered with the chosen template. A converted (built-in
 * Traditional) letter is rendered over Simplified data and then converted as a whole, with every
 * value the person typed (name, e-mail, amount, bank, error text, notes) held aside as a private
 * placeholder while converting and put back as typed afterwards: a Simplified bank name stays
 * Simplified, because it is what the bank's records say. The issuing country is named as Taiwan
 * writes it (台灣), not converted. A person's own `*.zh-tw.hbs` template renders over
 * Traditional data directly. Both are checked for secrets after the values are back.
 */
export function renderLetterIn(
  choice: LetterTemplateChoice,
  kind: LetterKind,
  lang: Lang,
  report: Report,
  history: readonly Report[],
  now: Date,
  sender: LetterSender = {},
): string {
  if (!choice.convert || !isChinese(lang)) return renderLetter(choice.template, buildLetterData(kind, lang, report, history, now, sender));
  const data = buildLetterData(kind, 'zh-cn', report, history, now, sender);
  const country = report.card?.issuerCountry;
  const typed: string[] = [];
  // One placeholder per line, so helpers that split lines (quote, bullets) keep working.
  const hold = <T extends string | null>(value: T): T =>
    (value === null ? value : value.split('\n').map((line) => (line === '' ? line : `\uE000${typed.push(line) - 1}\uE001`)).join('\n')) as T;
  const held: LetterData = {
    ...data,
    lang: 'zh-cn',
    sender: { name: hold(data.sender.name), email: hold(data.sender.email) },
    amount: hold(data.amount),
    card: { ...data.card, issuer: hold(data.card.issuer), issuerCountry: country ? hold(countryName(country, 'zh-tw')) : null },
    attempts: data.attempts.map((attempt) => ({ ...attempt, error: hold(attempt.error), errorLine: hold(attempt.errorLine) })),
    notes: hold(data.notes),
  };
  const text = toTraditional(renderLetter(choice.template, held)).replace(/\uE000(\d{1,6})\uE001/g, (whole, index: string) => typed[Number(index)] ?? whole);
  if (containsSecret(text)) throw new LetterSecretError(choice.template.file, kind);
  return text;
}

type RenderOptions = NonNullable<Parameters<HandlebarsTemplateDelegate<LetterData>>[1]>;
type BlockOptions = HelperOptions & { fn: (context: unknown, options?: unknown) => string };

/**
 * The options of one rendering: the prototype checks decided (so Handlebars has nothing to warn
 * about), and `each` and `blockHelperMissing` (`{{#attempts}}…{{/attempts}}`, which loops too)
 * replaced for this rendering by versions that count what every loop repeats and produces.
 */
function renderOptions(file: string): RenderOptions {
  let repetitions = 0;
  let characters = 0;
  const counted = (fn: BlockOptions['fn']): BlockOptions['fn'] => (context, options) => {
    const text = fn(context, options);
    repetitions++;
    characters += text.length;
    if (repetitions > TEMPLATE_RENDER_LIMITS.repetitions || characters > TEMPLATE_RENDER_LIMITS.characters) {
      throw new LetterTemplateError(
        file,
        undefined,
        `the template's loops repeat more than ${TEMPLATE_RENDER_LIMITS.repetitions.toLocaleString('en')} times or write more than ` +
          `${(TEMPLATE_RENDER_LIMITS.characters / 1e6).toLocaleString('en')} million characters; loops inside loops multiply`,
      );
    }
    return text;
  };
  const builtinEach = Handlebars.helpers.each as (this: unknown, context: unknown, options: BlockOptions) => string;
  function each(this: unknown, context: unknown, options: BlockOptions): string {
    return builtinEach.call(this, context, { ...options, fn: counted(options.fn) });
  }
  function blockHelperMissing(this: unknown, context: unknown, options: BlockOptions): string {
    if (context === true) return options.fn(this);
    if (context === false || context === null || context === undefined) return options.inverse(this);
    if (Array.isArray(context)) return context.length > 0 ? each.call(this, context, options) : options.inverse(this);
    return options.fn(context);
  }
  return {
    helpers: { each, blockHelperMissing },
    allowProtoPropertiesByDefault: false,
    allowProtoMethodsByDefault: false,
  };
}
