/**
 * What the bank said: after phoning or chatting with the bank about a failed attempt, the person
 * records its answer in the failure journal, so the evidence pack (and the next letter) can say
 * it. Kept in the journal the way attempts are: a human part (a heading and a few list items in
 * the journal's language) followed by one machine line of its own kind,
 *
 *     <!-- card-doctor:bank-answer v1 {"answeredAt":"…","channel":"phone",…} -->
 *
 * which the journal's entry reader (`<!-- card-doctor:entry `) does not see, so code that knows
 * only attempts reads a journal with answers exactly as before. A reference number is kept as the
 * bank gave it; a card number, a CVC or a one-time code in any field is refused with the field
 * named, never stored (masking would keep a reference number that merely looks like a card's).
 * Pure: text in, text out.
 */
import * as z from 'zod/mini';
import type { Lang } from './catalogue';
import { labelsFor } from './language';
import { formatLocalTime, offsetOf } from './localTime';
import { containsSecret, redactSecrets } from './redact';
import { cleanFreeText, reportSchema, toFieldErrors, type FieldError } from './report';

/** What starts a bank answer's machine line. The version follows it, then the JSON, then ` -->`. */
export const BANK_ANSWER_MARKER = '<!-- card-doctor:bank-answer ';

/** The version this code writes and reads. */
export const BANK_ANSWER_VERSION = 'v1';

/** How the person reached the bank. */
export const BANK_CHANNELS = ['phone', 'app-chat', 'branch', 'letter'] as const;
/** Whether the bank found the verification authorization (or hold) the merchant sent. */
export const SAW_AUTHORIZATION = ['yes', 'no', 'unknown'] as const;
/** Who refused the card, as the bank tells it: itself, the merchant's side (the merchant or its processor), or it could not say. */
export const DECLINED_BY = ['bank', 'merchant', 'unknown'] as const;

/** Limits on the answer's text: a reason code and a reference are short; advice and a note are a few sentences. */
export const BANK_ANSWER_LIMITS = { responseCode: 40, reference: 80, advice: 1000, note: 2000 } as const;

/** The longest machine line read back, in characters: an answer this code writes stays far below. */
export const BANK_ANSWER_LINE_LIMIT = 16 * 1024;

const COMMENT_END = '-->';

/** The message of a field refused because it holds a secret. Never echoes the value. */
export const SECRET_FIELD_MESSAGE = 'holds what looks like a card number, CVC or one-time code; remove it';

function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, `expected one of ${values.join(', ')}`);
}

function text(limit: number, multiline: boolean) {
  return z.string('expected text').check(
    z.overwrite((value) => cleanFreeText(value, limit, multiline)),
    z.minLength(1, 'expected some text, or leave the field out'),
  );
}

/** The attempt's time rule, reused: ISO 8601 with an offset, a real date. */
const answeredAt = reportSchema.shape.occurredAt.def.innerType;

/** The shape of a bank answer; text fields are cleaned like a report's, after the secret check. */
export const bankAnswerSchema = z.strictObject({
  answeredAt,
  channel: choice(BANK_CHANNELS),
  sawAuthorization: choice(SAW_AUTHORIZATION),
  declinedBy: choice(DECLINED_BY),
  responseCode: z.optional(text(BANK_ANSWER_LIMITS.responseCode, false)),
  reference: z.optional(text(BANK_ANSWER_LIMITS.reference, false)),
  advice: z.optional(text(BANK_ANSWER_LIMITS.advice, true)),
  note: z.optional(text(BANK_ANSWER_LIMITS.note, true)),
});

/** A validated bank answer. */
export type BankAnswer = z.infer<typeof bankAnswerSchema>;
export type BankChannel = (typeof BANK_CHANNELS)[number];

/** The answer's free-text fields, in the order a person fills them in. */
const TEXT_FIELDS = ['responseCode', 'reference', 'advice', 'note'] as const;

export type BankAnswerParseResult = { ok: true; answer: BankAnswer } | { ok: false; errors: FieldError[] };

/**
 * Validates untrusted input (the CLI's flags, the extension's questions, a machine line read
 * back). Every bad field is listed; a text field holding a card number, a CVC or a one-time code
 * is refused by name ({@link SECRET_FIELD_MESSAGE}), never masked and kept.
 */
export function parseBankAnswer(input: unknown): BankAnswerParseResult {
  const errors: FieldError[] = [];
  if (typeof input === 'object' && input !== null) {
    for (const field of TEXT_FIELDS) {
      const value = (input as Record<string, unknown>)[field];
      // Checked on a bounded prefix: cleaning caps a field at a few times its limit anyway.
      if (typeof value === 'string' && containsSecret(value.slice(0, BANK_ANSWER_LIMITS[field] * 4))) errors.push({ path: field, message: SECRET_FIELD_MESSAGE });
    }
  }
  const result = bankAnswerSchema.safeParse(input);
  if (!result.success) {
    const refused = new Set(errors.map((error) => error.path));
    // An unknown field is named by its key, which a crafted line can make a card number.
    const named = toFieldErrors(result.error.issues).map((error) => ({ ...error, path: safeFieldName(error.path) }));
    errors.push(...named.filter((error) => !refused.has(error.path)));
  }
  if (errors.length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, answer: result.data };
}

const LABELS = {
  en: {
    title: 'What the bank said',
    colon: ': ',
    channel: { phone: 'by phone', 'app-chat': 'in the app’s chat', branch: 'at a branch', letter: 'in a letter' },
    saw: 'Found the verification authorization',
    sawValues: { yes: 'yes', no: 'no', unknown: 'did not say' },
    declinedBy: 'Declined by',
    declinedByValues: { bank: 'the bank', merchant: 'the merchant’s side (merchant or its payment processor)', unknown: 'the bank could not say' },
    responseCode: 'Response code',
    reference: 'Reference number',
    advice: 'The bank advises',
    note: 'Note',
    quoteOpen: '“',
    quoteClose: '”',
  },
  'zh-cn': {
    title: '银行的答复',
    colon: '：',
    channel: { phone: '电话', 'app-chat': 'App 在线客服', branch: '银行网点', letter: '信件或电子邮件' },
    saw: '是否查到这笔验证性预授权',
    sawValues: { yes: '查到了', no: '没有查到', unknown: '没有说明' },
    declinedBy: '拒绝方',
    declinedByValues: { bank: '银行', merchant: '商户一方（商户或其支付处理商）', unknown: '银行无法确定' },
    responseCode: '拒绝原因代码',
    reference: '参考编号',
    advice: '银行的建议',
    note: '备注',
    quoteOpen: '“',
    quoteClose: '”',
  },
} as const;

/** "What the bank said · 2026-12-02 09:15 UTC+08:00 · by phone": an answer's heading, in its own offset. */
export function bankAnswerTitle(answer: BankAnswer, lang: Lang): string {
  const labels = labelsFor(LABELS, lang);
  return `${labels.title} · ${formatLocalTime(answer.answeredAt, offsetOf(answer.answeredAt))} · ${labels.channel[answer.channel]}`;
}

/**
 * The answer's facts as list-item texts ("Declined by: the bank"), in `lang`: for the journal's
 * human part and the evidence pack's timeline. Free text is on one line, `<` written as `&lt;`.
 */
export function bankAnswerItems(answer: BankAnswer, lang: Lang): string[] {
  const labels = labelsFor(LABELS, lang);
  const item = (label: string, value: string) => `${label}${labels.colon}${value}`;
  const items = [item(labels.saw, labels.sawValues[answer.sawAuthorization]), item(labels.declinedBy, labels.declinedByValues[answer.declinedBy])];
  if (answer.responseCode) items.push(item(labels.responseCode, oneLine(answer.responseCode)));
  if (answer.reference) items.push(item(labels.reference, oneLine(answer.reference)));
  if (answer.advice) items.push(item(labels.advice, `${labels.quoteOpen}${oneLine(answer.advice)}${labels.quoteClose}`));
  if (answer.note) items.push(item(labels.note, oneLine(answer.note)));
  return items;
}

/**
 * One answer for the journal: a blank line, the heading and items, the machine line, a final
 * newline (appended to a journal ending in a newline, it leaves one blank line before it). Throws,
 * so nothing is written, if the text would hold a card number, a CVC or a one-time code.
 */
export function bankAnswerToWrite(answer: BankAnswer, lang: Lang): string {
  const lines = ['', `## ${bankAnswerTitle(answer, lang)}`, '', ...bankAnswerItems(answer, lang).map((item) => `- ${item}`), '', encodeBankAnswerLine(answer), ''];
  const text = lines.join('\n');
  const leaking = TEXT_FIELDS.filter((field) => answer[field] !== undefined && containsSecret(answer[field]));
  if (leaking.length > 0 || containsSecret(text)) {
    throw new Error(`the bank answer would hold a card number, CVC or one-time code (${leaking.join(', ') || 'its text'}); nothing was written`);
  }
  return text;
}

/**
 * The machine line alone. As the journal's entries, the JSON cannot end the comment: `<`, `>` and
 * `--` occur only inside strings, where `\u003c`, `\u003e` and `-\u002d` mean the same.
 */
export function encodeBankAnswerLine(answer: BankAnswer): string {
  const json = JSON.stringify(answer)
    .replace(/[<>\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/--/g, '-\\u002d');
  return `${BANK_ANSWER_MARKER}${BANK_ANSWER_VERSION} ${json} ${COMMENT_END}`;
}

/** A bank answer read back, with the 1-based line of its machine line. */
export interface RecordedBankAnswer {
  line: number;
  answer: BankAnswer;
}

/** Bank answers read from a journal: oldest first, and the machine lines that could not be read. */
export interface ParsedBankAnswers {
  answers: RecordedBankAnswer[];
  problems: { line: number; message: string }[];
}

/**
 * Reads every bank answer's machine line in a journal's text; everything else is ignored. A line
 * that cannot be read (not JSON, refused by the schema, another version, not closed, longer than
 * {@link BANK_ANSWER_LINE_LIMIT}) is reported with its line and skipped. As for entries, a marker
 * inside a fenced code block (``` or ~~~, indented at most three spaces, closed by the same
 * character at least as many times) is a quotation, unless the fence is never closed. Lines end
 * at LF, CRLF or a lone CR. Linear in the text's length.
 */
export function parseBankAnswers(text: string): ParsedBankAnswers {
  const found: RecordedBankAnswer[] = [];
  const problems: ParsedBankAnswers['problems'] = [];
  let fence: { char: string; length: number } | undefined;
  let fenced: { line: number; text: string }[] = [];
  let lineNumber = 0;
  for (const raw of text.split(LINE_END)) {
    lineNumber++;
    const line = raw.replace(LEADING_SPACE, '');
    if (fence) {
      const closing = fenceRun(line);
      if (closing && closing.char === fence.char && closing.length >= fence.length && line.slice(closing.length).trim() === '') {
        fence = undefined;
        fenced = [];
      } else if (line.startsWith(BANK_ANSWER_MARKER)) fenced.push({ line: lineNumber, text: line });
      continue;
    }
    if (line.startsWith(BANK_ANSWER_MARKER)) {
      readLine(line, lineNumber, found, problems);
      continue;
    }
    const opening = raw.length - line.length <= 3 ? fenceRun(line) : undefined;
    if (opening) fence = opening;
  }
  for (const item of fenced) readLine(item.text, item.line, found, problems);
  // Stable: answers at the same instant keep their order in the file.
  found.sort((a, b) => Date.parse(a.answer.answeredAt) - Date.parse(b.answer.answeredAt));
  problems.sort((a, b) => a.line - b.line);
  return { answers: found, problems };
}

const LINE_END = /\r\n|\r|\n/;
/** Spaces, tabs and a byte-order mark an editor may leave before a machine line. */
const LEADING_SPACE = /^[ \t\uFEFF]{0,64}/;
/** The run of backticks or tildes a line starts with, when it is three or more long: a fence. */
function fenceRun(line: string): { char: string; length: number } | undefined {
  const char = line[0];
  if (char !== '`' && char !== '~') return undefined;
  let length = 1;
  while (line[length] === char) length++;
  return length >= 3 ? { char, length } : undefined;
}

function readLine(line: string, lineNumber: number, found: RecordedBankAnswer[], problems: ParsedBankAnswers['problems']): void {
  const damaged = (why: string) => problems.push({ line: lineNumber, message: `damaged bank answer: ${why}; skipped` });
  if (line.length > BANK_ANSWER_LINE_LIMIT) return void damaged(`the line is longer than ${BANK_ANSWER_LINE_LIMIT / 1024} KB`);
  const body = line.slice(BANK_ANSWER_MARKER.length).trimEnd();
  if (!body.endsWith(COMMENT_END)) return void damaged('the line does not end with -->');
  const space = body.indexOf(' ');
  const version = space < 0 ? body : body.slice(0, space);
  // The version is not repeated: it is whatever followed the marker, a card number as likely as not.
  if (version !== BANK_ANSWER_VERSION) return void damaged(`not version ${BANK_ANSWER_VERSION}, the one this version reads`);
  let json: unknown;
  try {
    json = JSON.parse(body.slice(space + 1, body.length - COMMENT_END.length));
  } catch {
    return void damaged('not valid JSON');
  }
  const result = parseBankAnswer(json);
  if (!result.ok) return void damaged(result.errors.map((error) => `${error.path}: ${error.message}`).join('; '));
  found.push({ line: lineNumber, answer: result.answer });
}

/** A field's name as a message may repeat it: masked if it holds a card number or a code, and cut to 40 characters. */
function safeFieldName(path: string): string {
  const masked = containsSecret(path) ? redactSecrets(path) : path;
  return masked.length <= 40 ? masked : `${masked.slice(0, 39)}…`;
}

/** Free text on one line, with `<` written so it cannot open HTML or a comment. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim().replace(/</g, '&lt;');
}
