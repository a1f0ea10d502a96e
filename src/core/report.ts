/**
 * The report of one failed attempt: the single source of its shape. Everything else (the CLI,
 * the wizard, the form, the journal) validates through {@link parseReport}, and the types come
 * from `z.infer`, so the shape cannot drift between them.
 *
 * `zod/mini` rather than `zod`: the same schema runs in the webview, whose bundle has a 60 KB
 * budget; the classic API alone is ~90 KB.
 */
import * as z from 'zod/mini';
import { isCountryCode } from './countries';
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

function freeText(limit: number, multiline: boolean) {
  return z.string('expected text').check(z.overwrite((value) => cleanFreeText(value, limit, multiline)));
}

function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, `expected one of ${values.join(', ')}`);
}

const country = z
  .string('expected a two-letter country code')
  .check(
    z.overwrite((value) => value.trim().toUpperCase()),
    z.refine(isCountryCode, 'expected an ISO 3166 two-letter country code, such as CN or US'),
  );

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

const triState = choice(TRI_STATES);

export const cardSchema = z.strictObject({
  kind: z.optional(choice(CARD_KINDS)),
  brand: z.optional(choice(CARD_BRANDS)),
  bin: z.optional(digits(/^\d{6,8}$/, 'expected 6-8 digits')),
  last4: z.optional(digits(/^\d{4}$/, 'expected 4 digits')),
  issuerName: z.optional(freeText(TEXT_LIMITS.issuerName, false)),
  issuerCountry: z.optional(country),
  expiry: z.optional(
    z.string(EXPIRY_MESSAGE).check(z.overwrite(normalizeExpiry), z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, EXPIRY_MESSAGE)),
  ),
  dualCurrency: z.optional(triState),
});

export const billingSchema = z.strictObject({
  country: z.optional(country),
  postalCode: z.optional(freeText(TEXT_LIMITS.postalCode, false)),
  matchesIssuer: z.optional(triState),
});

export const bankSchema = z.strictObject({
  internationalOnline: z.optional(triState),
  balanceSufficient: z.optional(triState),
});

export const connectionSchema = z.strictObject({
  vpn: z.optional(triState),
  switchedRecently: z.optional(triState),
  accessCountry: z.optional(country),
});

/** The report of one failed attempt. Every field is optional: a diagnosis works with what is known. */
export const reportSchema = z.strictObject({
  // Not z.iso.datetime: it refuses 2025-02-30 as badly formed, and the person then looks for a
  // formatting mistake that is not there.
  occurredAt: z.optional(
    z.string(OCCURRED_AT_FORMAT).check(
      z.regex(OCCURRED_AT_SHAPE, OCCURRED_AT_FORMAT),
      z.refine(isRealDate, 'not a real date: that month has no such day'),
    ),
  ),
  product: z.optional(choice(PRODUCTS)),
  errorMessage: z.optional(freeText(TEXT_LIMITS.errorMessage, true)),
  card: z.optional(cardSchema),
  billing: z.optional(billingSchema),
  bank: z.optional(bankSchema),
  connection: z.optional(connectionSchema),
  notes: z.optional(freeText(TEXT_LIMITS.notes, true)),
});

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

/** Validates, cleans and redacts untrusted input. Returns every bad field, not just the first. */
export function parseReport(input: unknown): ReportParseResult {
  const result = reportSchema.safeParse(input);
  if (result.success) return { ok: true, report: result.data };
  return { ok: false, errors: toFieldErrors(result.error.issues) };
}

/** Turns zod issues into path-named messages; unknown keys are reported one per key. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ path: [...base, key].join('.'), message: 'unknown field' });
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
