/**
 * The report of one failed attempt: the single source of its shape. Everything else (the CLI,
 * the wizard, the form, the journal) validates through {@link parseReport}, and the types come
 * from `z.infer`, so the shape cannot drift between them.
 *
 * `zod/mini` rather than `zod`: the same schema runs in the webview, whose bundle has a 60 KB
 * budget; the classic API alone is ~90 KB.
 */
import * as z from 'zod/mini';
import { isCountryCode, ISO_COUNTRY_CODES } from './countries';
import { mayBePartOfNumber, redactSecrets, toAsciiDigits } from './redact';

import { CARD_BRANDS, CARD_KINDS, PRODUCTS, TRI_STATES } from './reportChoices';

export { CARD_BRANDS, CARD_KINDS, PRODUCTS, TRI_STATES };

/** Limits on free text. Long enough for a pasted processor error, short enough for a letter. */
export const TEXT_LIMITS = { errorMessage: 4000, notes: 2000, issuerName: 120, postalCode: 16 } as const;

/** C0/C1 controls (tab and newline kept where lines make sense) and bidirectional overrides, which could disguise text in a letter. */
const CONTROL_MULTILINE = /(?![\t\n])[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const CONTROL_SINGLE_LINE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Any decimal digit of any script: every secret the redactor masks is made of them, and it reads
 * `４`, `٤` and `४` as `4`, so this shortcut must see them all.
 */
const HAS_DIGIT = /\p{Nd}/u;

/** How much raw input a field looks at, in multiples of its limit: a 10 MB paste costs what 4 limits do. */
const RAW_INPUT_FACTOR = 4;

/** The letters of JSON's whitespace escapes, part of a number's separators after a backslash (`4242\n4242`). */
const ESCAPE_LETTER = /^[nrt]$/;

/**
 * `text` cut to `RAW_INPUT_FACTOR` times `limit`, before any other work. A number the cut runs
 * through loses its last digits and with them its Luhn check, so redaction could no longer
 * recognise the rest: the digits and separators the cut ends in are dropped with it.
 */
function capRawInput(text: string, limit: number): string {
  const cap = limit * RAW_INPUT_FACTOR;
  if (text.length <= cap) return text;
  let end = cap;
  while (end > 0) {
    const low = text.charCodeAt(end - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && end > 1 ? 2 : 1;
    const char = text.slice(end - width, end);
    if (!mayBePartOfNumber(char) && !(ESCAPE_LETTER.test(char) && text[end - 2] === '\\')) break;
    end -= width;
  }
  return text.slice(0, end);
}

/**
 * Cleans free text the way every text field is cleaned: raw input capped first (a few times the
 * limit), controls and bidi overrides stripped, line endings normalized, card numbers, CVCs and
 * one-time codes masked, trimmed, capped at `limit` characters. Redaction runs before the final
 * cap so a number cut in half by it cannot survive unmasked. Other format characters (zero-width
 * joiners in emoji, soft hyphens) are kept: redaction reads through them, so they hide nothing.
 */
export function cleanFreeText(text: string, limit: number, multiline: boolean): string {
  const capped = capRawInput(text, limit);
  // Tests before replacing: most text has neither, and a journal re-validates thousands of fields.
  const normalized = capped.includes('\r') ? capped.replace(/\r\n?/g, '\n') : capped;
  const controls = multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE;
  controls.lastIndex = 0;
  const stripped = controls.test(normalized) ? normalized.replace(controls, multiline ? '' : ' ') : normalized;
  // Every secret the redactor masks is made of digits: text without any needs no scan.
  const redacted = (HAS_DIGIT.test(stripped) ? redactSecrets(stripped) : stripped).trim();
  if (redacted.length <= limit) return redacted;
  return redacted.slice(0, limit - 1).trimEnd() + '…';
}

/**
 * The metadata key of a field's Simplified Chinese description, beside zod's own `description`
 * (the English one). Only the JSON Schema of report files reads either (schemas/build.mjs, run by
 * `npm run build`): it writes one schema per language. Validation never reads metadata.
 */
export const ZH_CN_DESCRIPTION = 'x-description-zh-cn';

/**
 * The words of the report's JSON Schema that are not a field's: its title, and what a report
 * file's `$schema` field is. Here, in core, so `npm run l10n` puts their phrases in the
 * Traditional Chinese table that schemas/build.ts converts them with.
 */
export const REPORT_SCHEMA_WORDS = {
  title: { en: 'Card Binding Doctor report', 'zh-cn': '绑卡医生报告' },
  schemaReference: {
    en: 'The JSON Schema this file follows, for editors; the tools ignore it.',
    'zh-cn': '本文件遵循的 JSON Schema，供编辑器使用；绑卡医生读取报告时会忽略它。',
  },
} as const;

/**
 * `schema` with its descriptions in the authored languages (and any other JSON Schema keywords
 * in `more`), for the JSON Schema of report files: registry metadata on that very instance, so
 * each field needs its own. Never a check (`z.meta`): a check on an object or a string makes
 * fastParse.ts decline the schema, and every report the journal stores would go through zod again.
 */
function described<T extends z.ZodMiniType>(schema: T, en: string, zhCn: string, more: Record<string, unknown> = {}): T {
  z.globalRegistry.add(schema, { description: en, [ZH_CN_DESCRIPTION]: zhCn, ...more });
  return schema;
}

/** An optional field, {@link described}. */
function optional<T extends z.ZodMiniType>(schema: T, en: string, zhCn: string, more?: Record<string, unknown>) {
  return z.optional(described(schema, en, zhCn, more));
}

/** The country fields' JSON Schema lists the codes (metadata only: validation is the refinement); the generator adds names. */
const COUNTRY_CODES = { enum: ISO_COUNTRY_CODES };

function freeText(limit: number, multiline: boolean) {
  return z.string('expected text').check(z.overwrite((value) => cleanFreeText(value, limit, multiline)));
}

function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, `expected one of ${values.join(', ')}`);
}

/** An ISO 3166 country code, as every country field holds it: a new instance per field, each described. */
function countryCode() {
  return z
    .string('expected a two-letter country code')
    .check(
      z.overwrite((value) => value.trim().toUpperCase()),
      z.refine(isCountryCode, 'expected an ISO 3166 two-letter country code, such as CN or US'),
    );
}

/**
 * Digits typed with spaces or dashes are accepted, and in any script (`４２４２`, `٤٢٤٢`), as IMEs
 * and phones type them; the stored value is ASCII digits only.
 */
function digits(pattern: RegExp, message: string) {
  return z
    .string(message)
    .check(
      z.overwrite((value) => toAsciiDigits(value.replace(/[\s\p{Pd}\p{Cf}]/gu, ''))),
      z.regex(pattern, message),
    );
}

const OCCURRED_AT_FORMAT = 'expected an ISO 8601 date and time with an offset, such as 2025-11-27T10:31:00+08:00';
const OCCURRED_AT_SHAPE =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * Whether the day in an ISO date and time exists (`2025-02-30` does not). Text of another shape
 * passes here: the shape check names that problem, and one message per problem is enough.
 */
function isRealDate(value: string): boolean {
  const parts = OCCURRED_AT_SHAPE.exec(value);
  if (!parts) return true;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/** What a person reads when an expiry cannot be read; it names both ways a card's expiry is written. */
export const EXPIRY_MESSAGE = 'expected a month and year, such as 06/28 or 2028-06';

/** `06/28`, `6/28`, `06-28`, `06/2028` (month first, as printed on cards). */
const EXPIRY_MONTH_FIRST = /^(\d{1,2}) ?[/\-.] ?(\d{2}|\d{4})$/;
/** `2028-06`, `2028/6`, `2028年6月` (year first, as ISO and Chinese write it). */
const EXPIRY_YEAR_FIRST = /^(\d{4}) ?[/\-.年] ?(\d{1,2}) ?月?$/;
/** Text longer than any way of writing a month and year is not read at all. */
const EXPIRY_MAX_TYPED = 16;

/**
 * A card's expiry as the schema stores it (`2028-06`), from the ways people type it: month first
 * as printed on the card (`06/28`, `6/28`, `06-28`, `06/2028`) or year first (`2028-06`,
 * `2028/6`, `2028年6月`), with digits of any script and full-width slashes. A two-digit year is
 * 20YY: cards are valid for a few years, never a century. What cannot be read comes back trimmed,
 * for the pattern check to refuse with {@link EXPIRY_MESSAGE}; a month such as 13 is kept, so the
 * same check refuses it too.
 */
export function normalizeExpiry(typed: string): string {
  const text = typed.trim();
  if (text.length > EXPIRY_MAX_TYPED) return text;
  const compact = toAsciiDigits(text.normalize('NFKC')).replace(/\s+/g, ' ');
  const monthFirst = EXPIRY_MONTH_FIRST.exec(compact);
  const yearFirst = monthFirst ? null : EXPIRY_YEAR_FIRST.exec(compact);
  const parts = monthFirst ? { year: monthFirst[2]!, month: monthFirst[1]! } : yearFirst ? { year: yearFirst[1]!, month: yearFirst[2]! } : undefined;
  if (!parts) return text;
  const year = parts.year.length === 2 ? `20${parts.year}` : parts.year;
  return `${year}-${parts.month.padStart(2, '0')}`;
}

export const cardSchema = described(
  z.strictObject({
    kind: optional(
      choice(CARD_KINDS),
      'What kind of card it is: credit, debit, virtual, prepaid, gift or unknown.',
      '卡片类型：credit（信用卡）、debit（借记卡）、virtual（虚拟卡）、prepaid（预付卡）、gift（礼品卡）或 unknown（不确定）。',
    ),
    brand: optional(
      choice(CARD_BRANDS),
      'The card network printed on the card: visa, mastercard, amex, unionpay, jcb, discover, other or unknown.',
      '卡面上印的卡组织：visa、mastercard、amex、unionpay（银联）、jcb、discover、other（其他）或 unknown（不确定）。',
    ),
    bin: optional(
      digits(/^\d{6,8}$/, 'expected 6-8 digits'),
      'The first 6 to 8 digits of the card number (the BIN), which name the issuing bank. Never the whole number.',
      '卡号前 6 到 8 位（BIN），用来识别发卡行。不要填完整卡号。',
    ),
    last4: optional(digits(/^\d{4}$/, 'expected 4 digits'), 'The last 4 digits of the card number.', '卡号后四位。'),
    issuerName: optional(
      freeText(TEXT_LIMITS.issuerName, false),
      "The issuing bank's name, such as 招商银行 or Chase (up to 120 characters).",
      '发卡行的名称，如招商银行或 Chase（最多 120 个字符）。',
      { maxLength: TEXT_LIMITS.issuerName },
    ),
    issuerCountry: optional(
      countryCode(),
      "The issuing bank's country or region, as an ISO 3166 two-letter code such as CN.",
      '发卡国家/地区，填 ISO 3166 两字母代码，如 CN。',
      COUNTRY_CODES,
    ),
    expiry: optional(
      z.string(EXPIRY_MESSAGE).check(z.overwrite(normalizeExpiry), z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, EXPIRY_MESSAGE)),
      "The card's expiry month, written year first: 2028-06.",
      '卡片的有效期，年份在前，如 2028-06。',
    ),
    dualCurrency: optional(
      choice(TRI_STATES),
      'Whether it is a dual-currency card (such as UnionPay and Visa on one card): yes, no or unknown.',
      '是否为双币卡（如一张卡同时带银联和 Visa）：yes（是）、no（否）或 unknown（不确定）。',
    ),
  }),
  'The card that was refused. Never its whole number or its CVC: the first 6 to 8 digits and the last 4 are enough.',
  '被拒的卡。不要填完整卡号或安全码（CVC）：卡号前 6 到 8 位和后四位就够了。',
);

export const billingSchema = described(
  z.strictObject({
    country: optional(
      countryCode(),
      "The billing address's country or region, as an ISO 3166 two-letter code such as CN.",
      '账单地址所在的国家/地区，填 ISO 3166 两字母代码，如 CN。',
      COUNTRY_CODES,
    ),
    postalCode: optional(
      freeText(TEXT_LIMITS.postalCode, false),
      "The billing address's postal code (up to 16 characters).",
      '账单地址的邮编（最多 16 个字符）。',
      { maxLength: TEXT_LIMITS.postalCode },
    ),
    matchesIssuer: optional(
      choice(TRI_STATES),
      'Whether the billing address is the one the bank has on file for the card: yes, no or unknown.',
      '账单地址是否与银行登记的地址一致：yes（是）、no（否）或 unknown（不确定）。',
    ),
  }),
  'The billing address entered with the card.',
  '绑卡时填写的账单地址。',
);

export const bankSchema = described(
  z.strictObject({
    internationalOnline: optional(
      choice(TRI_STATES),
      'Whether international online (card-not-present) payments are enabled on the card: yes, no or unknown.',
      '这张卡是否已开通境外线上支付（无卡交易）：yes（是）、no（否）或 unknown（不确定）。',
    ),
    balanceSufficient: optional(
      choice(TRI_STATES),
      'Whether the balance or available credit covers the charge: yes, no or unknown.',
      '卡内余额或可用额度是否足够支付这笔款项：yes（是）、no（否）或 unknown（不确定）。',
    ),
  }),
  'What the issuing bank has set up for the card.',
  '发卡行对这张卡的设置。',
);

export const connectionSchema = described(
  z.strictObject({
    vpn: optional(choice(TRI_STATES), 'Whether a VPN or proxy was on: yes, no or unknown.', '绑卡时是否开着 VPN 或代理：yes（是）、no（否）或 unknown（不确定）。'),
    switchedRecently: optional(
      choice(TRI_STATES),
      'Whether you switched network, node or region shortly before: yes, no or unknown.',
      '绑卡前不久是否切换过网络、节点或地区：yes（是）、no（否）或 unknown（不确定）。',
    ),
    accessCountry: optional(
      countryCode(),
      "The country or region you connected from (the VPN's exit when one was on), as an ISO 3166 two-letter code such as US.",
      '连接时所在的国家/地区（开着 VPN 时是节点所在地），填 ISO 3166 两字母代码，如 US。',
      COUNTRY_CODES,
    ),
  }),
  'How you were connected when the card was refused.',
  '绑卡时的网络连接情况。',
);

/** The report of one failed attempt. Every field is optional: a diagnosis works with what is known. */
export const reportSchema = described(
  z.strictObject({
    // Not z.iso.datetime: it refuses 2025-02-30 as badly formed, and the person then looks for a
    // formatting mistake that is not there.
    occurredAt: optional(
      z
        .string(OCCURRED_AT_FORMAT)
        .check(z.regex(OCCURRED_AT_SHAPE, OCCURRED_AT_FORMAT), z.refine(isRealDate, 'not a real date: that month has no such day')),
      'When the card was refused: an ISO 8601 date and time with the offset of the clock you read, such as 2025-11-27T10:31:00+08:00.',
      '被拒的时间：ISO 8601 格式的日期和时间，带上您所看时钟的时区偏移，如 2025-11-27T10:31:00+08:00。',
    ),
    product: optional(
      choice(PRODUCTS),
      "Where the card was added: chatgpt-web (the ChatGPT website), chatgpt-app (the ChatGPT app), api-platform (the API platform's billing page) or other.",
      '在哪里绑卡：chatgpt-web（ChatGPT 网页版）、chatgpt-app（ChatGPT 手机 App）、api-platform（API 平台的账单页）或 other（其他）。',
    ),
    errorMessage: optional(
      freeText(TEXT_LIMITS.errorMessage, true),
      'The error message as it was shown, word for word (up to 4000 characters). Card numbers, CVCs and one-time codes in it are masked.',
      '页面上显示的错误提示，请原样粘贴（最多 4000 个字符）。其中的卡号、安全码和一次性验证码会被遮盖。',
      { maxLength: TEXT_LIMITS.errorMessage },
    ),
    card: z.optional(cardSchema),
    billing: z.optional(billingSchema),
    bank: z.optional(bankSchema),
    connection: z.optional(connectionSchema),
    notes: optional(
      freeText(TEXT_LIMITS.notes, true),
      'Anything else about the attempt worth knowing (up to 2000 characters).',
      '关于这次绑卡的其他情况（最多 2000 个字符）。',
      { maxLength: TEXT_LIMITS.notes },
    ),
  }),
  'The report of one card refused when added to an OpenAI account. Every field is optional: give what you know.',
  '一次绑卡失败的报告（向 OpenAI 账户添加银行卡被拒）。每个字段都可以省略：知道多少填多少。',
);

/** A validated, cleaned and redacted report. */
export type Report = z.infer<typeof reportSchema>;
export type Product = (typeof PRODUCTS)[number];
export type CardKind = (typeof CARD_KINDS)[number];
export type CardBrand = (typeof CARD_BRANDS)[number];
export type TriState = (typeof TRI_STATES)[number];

/** One problem with the input, named by its dotted path (`card.bin`). The message never echoes the value, which may be a card number. */
export interface FieldError {
  path: string;
  message: string;
}

export type ReportParseResult = { ok: true; report: Report } | { ok: false; errors: FieldError[] };

/**
 * A report file may name its JSON Schema (`"$schema": "…"`, for an editor's completion and
 * checks): a top-level string `$schema` is not part of the report and is dropped. Any other
 * `$schema` is left for the schema to refuse as an unknown field.
 */
function withoutSchemaReference(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || !Object.hasOwn(input, '$schema')) return input;
  const { $schema: reference, ...rest } = input as Record<string, unknown>;
  return typeof reference === 'string' ? rest : input;
}

/**
 * Validates, cleans and redacts untrusted input. Returns every bad field, not just the first.
 * A top-level `$schema` string (a report file naming its JSON Schema) is ignored.
 */
export function parseReport(input: unknown): ReportParseResult {
  const result = reportSchema.safeParse(withoutSchemaReference(input));
  if (result.success) return { ok: true, report: result.data };
  return { ok: false, errors: toFieldErrors(result.error.issues) };
}

/** How long a field name a message shows: the real ones are under 20 characters. */
const FIELD_NAME_LIMIT = 64;

/**
 * A field name as a message shows it. Names are input too: `{"4532015112830366": 1}` names its
 * unknown field with a card number, which would reach stderr, the Problems panel or the journal's
 * problems. So each is cleaned as free text is (capped, controls stripped, card numbers, CVCs and
 * codes masked: `•••• 0366`).
 */
function shownFieldName(segment: PropertyKey): string {
  return cleanFreeText(String(segment), FIELD_NAME_LIMIT, false);
}

/** Turns zod issues into path-named messages; unknown keys are reported one per key. Every name in a path is {@link shownFieldName masked}. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const base = issue.path.map(shownFieldName);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ path: [...base, shownFieldName(key)].join('.'), message: 'unknown field' });
    } else if (issue.code === 'invalid_type' && issue.expected === 'object') {
      errors.push({ path: base.join('.') || '(report)', message: 'expected an object' });
    } else {
      errors.push({ path: base.join('.') || '(report)', message: issue.message });
    }
  }
  return errors;
}

/** Formats errors as `path: message` lines, the form the CLI prints and tests assert. */
export function formatFieldErrors(errors: readonly FieldError[]): string {
  return errors.map((error) => `${error.path}: ${error.message}`).join('\n');
}
