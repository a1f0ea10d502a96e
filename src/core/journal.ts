/**
 * The failure journal's format: one Markdown file a person reads and edits like any note, which
 * also carries everything needed to read each entry back exactly.
 *
 * An entry is a human part (a heading and a few list items in the journal's language) followed by
 * one machine line, an HTML comment that Markdown previews hide:
 *
 *     <!-- card-doctor:entry v1 {"occurredAt":"…","report":{…}} -->
 *
 * Only machine lines are read back; everything else in the file is the person's to change, so
 * reading never depends on the human part and a person's edits there cannot break an entry.
 * This module is pure (text in, text out); the CLI and the extension do the file I/O.
 */
import type { Lang } from './catalogue';
import { CARD_KIND_WORDS, PRODUCT_NAMES } from './catalogue';
import { brandFromPrefix } from './cardFacts';
import { countryName } from './countries';
import { normalizeMessageText } from './declineMessages';
import { diagnose } from './diagnose';
import { brandText, causeTitle, likelihoodText } from './explain';
import { labelsFor, say, sayMaybe } from './language';
import { formatLocalTime, offsetOf } from './localTime';
import { containsSecret, maskLast4, redactSecrets } from './redact';
import { compileFastParser } from './fastParse';
import { localizeFieldMessage } from './fieldMessages';
import { parseReport, reportSchema, type FieldError, type Report, type ReportParseResult } from './report';

/** Where the journal lives, relative to the workspace or the current directory. */
export const DEFAULT_JOURNAL_PATH = 'card-failures/journal.md';

/** What starts a machine line. The version follows it, then the JSON, then ` -->`. */
export const ENTRY_MARKER = '<!-- card-doctor:entry ';

/** The version this code writes and reads. A newer one is reported, never guessed at. */
export const ENTRY_VERSION = 'v1';

const COMMENT_END = '-->';

/** {@link MACHINE_LINE_LIMIT} in KB, as the problem says it. */
const MACHINE_LINE_LIMIT_KB = 64;

/** One attempt read back from the journal. */
export interface JournalEntry {
  /** 1-based line of the entry's machine line, so a person can find it. */
  line: number;
  /** When the attempt happened (ISO 8601 with an offset); also `report.occurredAt`. */
  occurredAt: string;
  /** The validated report, `occurredAt` included. */
  report: Report;
}

/** A machine line that could not be read: skipped, and left in the file as it is. */
export interface JournalProblem {
  line: number;
  /** In English, for the CLI's stderr and logs; {@link journalProblemText} gives it in a reader's language. */
  message: string;
}

/** Why a machine line was skipped: what {@link journalProblemText} words in each language. */
type ProblemReason =
  | { kind: 'too-long' }
  | { kind: 'unknown-version'; version: string }
  | { kind: 'not-closed' | 'not-json' | 'not-object' | 'no-time' | 'report-not-object' | 'bad-time' | 'open-fence' }
  | { kind: 'invalid-report'; errors: readonly FieldError[] }
  | { kind: 'duplicate'; of: number };

const PROBLEM_TEXTS = {
  en: {
    damaged: (detail: string) => `damaged journal entry: ${detail}; skipped`,
    'too-long': `the line is longer than ${MACHINE_LINE_LIMIT_KB} KB`,
    'unknown-version': (version: string) => `journal entry of an unknown version (${version}); skipped`,
    none: 'none',
    'not-closed': 'the line does not end with -->, it may have been cut short',
    'not-json': 'not valid JSON',
    'not-object': 'expected an object',
    'no-time': 'occurredAt is missing',
    'report-not-object': 'report: expected an object',
    'bad-time': 'occurredAt is not a real time',
    'open-fence': 'a code fence (``` or ~~~) opened here is never closed; the entries after it are read as entries',
    duplicate: (line: number) => `duplicate of the entry at line ${line}; counted once`,
    fieldSeparator: '; ',
    colon: ': ',
  },
  'zh-cn': {
    damaged: (detail: string) => `这条记录已损坏：${detail}，已跳过`,
    'too-long': `该行超过 ${MACHINE_LINE_LIMIT_KB} KB`,
    'unknown-version': (version: string) => `这条记录的格式版本未知（${version}），已跳过`,
    none: '无',
    'not-closed': '该行没有以 --> 结尾，可能被截断了',
    'not-json': '不是有效的 JSON',
    'not-object': '应为一个对象',
    'no-time': '缺少 occurredAt（绑卡时间）',
    'report-not-object': 'report：应为一个对象',
    'bad-time': 'occurredAt 不是有效的时间',
    'open-fence': '从这里开始的代码块（``` 或 ~~~）没有结束标记；之后的记录仍会照常读取',
    duplicate: (line: number) => `与第 ${line} 行的记录重复，只计一次`,
    fieldSeparator: '；',
    colon: '：',
  },
} as const;

/** Each problem's reason, kept beside it so the problem itself stays the plain `{ line, message }` callers compare. */
const problemReasons = new WeakMap<JournalProblem, ProblemReason>();

/**
 * A problem in words, redacted: what a damaged line holds (a version, a field's name) may be a
 * card number, and the message goes to the Problems panel and to stderr.
 */
function problemText(reason: ProblemReason, lang: Lang, fieldMessage: (message: string) => string): string {
  return redactSecrets(unredactedProblemText(reason, lang, fieldMessage));
}

function unredactedProblemText(reason: ProblemReason, lang: Lang, fieldMessage: (message: string) => string): string {
  const texts = labelsFor(PROBLEM_TEXTS, lang);
  switch (reason.kind) {
    case 'unknown-version':
      return texts['unknown-version'](reason.version.slice(0, 12) || texts.none);
    case 'open-fence':
      return texts['open-fence'];
    case 'duplicate':
      return texts.duplicate(reason.of);
    case 'invalid-report':
      return texts.damaged(reason.errors.map((error) => `${error.path}${texts.colon}${fieldMessage(error.message)}`).join(texts.fieldSeparator));
    default:
      return texts.damaged(texts[reason.kind]);
  }
}

function journalProblem(line: number, reason: ProblemReason): JournalProblem {
  const problem = { line, message: problemText(reason, 'en', (message) => message) };
  problemReasons.set(problem, reason);
  return problem;
}

/**
 * What a problem the parser reported says, in `lang` (the schema's field messages translated
 * too). A problem not made by the parser (a copy, or one built elsewhere) is given as it is.
 */
export function journalProblemText(problem: JournalProblem, lang: Lang): string {
  const reason = problemReasons.get(problem);
  return reason ? problemText(reason, lang, (message) => localizeFieldMessage(message, lang)) : problem.message;
}

export interface ParsedJournal {
  /** Oldest first; entries with the same time keep their order in the file. */
  entries: JournalEntry[];
  problems: JournalProblem[];
}

/** A report that knows when it happened: what the journal stores. */
export type DatedReport = Report & { occurredAt: string };

const LABELS = {
  en: {
    title: 'Card failure journal',
    about:
      'Written by Card Binding Doctor: one section per failed attempt to add a card, oldest first. ' +
      'Card numbers appear masked, last 4 digits only. Write your own notes anywhere, between entries ' +
      'or inside them, but leave each `<!-- card-doctor:entry … -->` line as it is: it holds the ' +
      'entry’s details for reading back, and Markdown previews hide it.',
    colon: ': ',
    error: 'Error',
    card: 'Card',
    notes: 'Notes',
    causes: 'Possible causes',
    noCause: 'nothing specific stands out yet',
    wordSpace: ' ',
    quoteOpen: '“',
    quoteClose: '”',
    separator: '; ',
    open: ' (',
    close: ')',
  },
  'zh-cn': {
    title: '绑卡失败记录',
    about:
      '由绑卡医生（Card Binding Doctor）写入：每次绑卡失败记一节，按时间先后排列。卡号只显示后四位。' +
      '您可以在任何位置（条目之间或条目内部）写自己的笔记，但请保留每条 `<!-- card-doctor:entry … -->` ' +
      '行原样不动：它保存该条目的详细信息供读回使用，Markdown 预览中不会显示。',
    colon: '：',
    error: '错误',
    card: '卡片',
    notes: '备注',
    causes: '可能原因',
    noCause: '暂无明显指向的原因',
    wordSpace: '',
    // Traditional Chinese quotes with 「」 (the table maps the marks).
    quoteOpen: '“',
    quoteClose: '”',
    separator: '；',
    open: '（',
    close: '）',
  },
} as const;

/** The title and the paragraph that open a new journal, ending with a newline. */
export function journalHeader(lang: Lang): string {
  const labels = labelsFor(LABELS, lang);
  return `# ${labels.title}\n\n${labels.about}\n`;
}

/**
 * One entry: a blank line, the human part, the machine line, a final newline. Appended as is to
 * a journal that ends with a newline, it leaves one blank line between entries.
 *
 * The diagnosis summary is computed at `now` (default: the attempt's own time, so an entry says
 * what was known then and the same report always gives the same entry). Free text is shown on one
 * line so nothing it holds can start a heading or a machine line.
 */
export function formatJournalEntry(report: DatedReport, lang: Lang, now: Date = new Date(report.occurredAt)): string {
  const { colon } = labelsFor(LABELS, lang);
  const items = entryFacts(report, lang, now).map((fact) => `- ${fact.label}${colon}${fact.text.replace(/</g, '&lt;')}`);
  return ['', `## ${entryTitle(report, lang)}`, '', ...items, '', encodeEntryLine(report), ''].join('\n');
}

/** One fact of an entry's human part: what a person reads about the attempt, in a language. */
export interface EntryFact {
  key: 'error' | 'card' | 'causes' | 'notes';
  label: string;
  /** On one line, redacted; plain text (the journal writes `<` as `&lt;` around it). */
  text: string;
}

/**
 * The facts an entry's human part lists, in order: the error (quoted), the card, the likely
 * causes at `now`, the notes; those the report does not give are left out, the causes never.
 * The journal writes them under the heading; the editor's hover reads them out of a machine line.
 */
export function entryFacts(report: DatedReport, lang: Lang, now: Date = new Date(report.occurredAt)): EntryFact[] {
  const labels = labelsFor(LABELS, lang);
  const facts: EntryFact[] = [];
  if (report.errorMessage) facts.push({ key: 'error', label: labels.error, text: `${labels.quoteOpen}${oneLine(report.errorMessage)}${labels.quoteClose}` });
  const card = cardText(report, lang);
  if (card) facts.push({ key: 'card', label: labels.card, text: card });
  facts.push({ key: 'causes', label: labels.causes, text: causesText(report, lang, now) });
  if (report.notes) facts.push({ key: 'notes', label: labels.notes, text: oneLine(report.notes) });
  return facts;
}

/**
 * {@link formatJournalEntry}, checked: the one guard every writer of the journal goes through.
 * Throws, so nothing is written, if the entry or a free-text field of the report holds anything
 * that looks like a full card number, a CVC or a one-time code. A report from `parseReport` never
 * does; this is the last guard before a file, for a report built some other way.
 */
export function journalEntryToWrite(report: DatedReport, lang: Lang, now?: Date): string {
  const entry = formatJournalEntry(report, lang, now);
  if (containsSecret(entry) || fieldsHoldingSecrets(report).length > 0) {
    throw new Error('the journal entry would hold a card number, CVC or one-time code; nothing was written');
  }
  return entry;
}

/**
 * The machine line alone. The JSON is made unable to end the comment: `<`, `>` and `--` can only
 * occur inside JSON strings, where `\u003c`, `\u003e` and `-\u002d` mean the same; U+2028/2029
 * are escaped too because editors treat them as line breaks.
 */
export function encodeEntryLine(report: DatedReport): string {
  const { occurredAt, ...rest } = report;
  const json = JSON.stringify({ occurredAt, report: rest })
    .replace(/[<>\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/--/g, '-\\u002d');
  return `${ENTRY_MARKER}${ENTRY_VERSION} ${json} ${COMMENT_END}`;
}

/**
 * The free-text fields of `report` that hold a card number, a CVC or a one-time code, however
 * written (the redaction reads through line breaks, separators and other scripts' digits). A
 * report that came through `parseReport` has none; this guards callers that build a report by
 * hand, since the machine line keeps text exactly and must never store one.
 */
export function fieldsHoldingSecrets(report: Report): string[] {
  const texts: [string, string | undefined][] = [
    ['errorMessage', report.errorMessage],
    ['notes', report.notes],
    ['card.issuerName', report.card?.issuerName],
    ['billing.postalCode', report.billing?.postalCode],
  ];
  return texts
    .filter(([, text]) => text !== undefined && containsSecret(text))
    .map(([field]) => field);
}

/** "2025-11-27 10:31 UTC+08:00 · ChatGPT (web)": the entry's heading, also the CLI's list line start. */
export function entryTitle(report: DatedReport, lang: Lang): string {
  const time = formatLocalTime(report.occurredAt, offsetOf(report.occurredAt));
  return report.product ? `${time} · ${say(PRODUCT_NAMES[report.product], lang)}` : time;
}

/**
 * The card by brand, kind and last 4 only ("UnionPay debit •••• 4242", "银联借记卡 •••• 4242"):
 * what may go into anything attached or sent. Empty when none of them is known.
 */
export function cardName(card: NonNullable<Report['card']>, lang: Lang): string {
  const kind = card.kind && card.kind !== 'unknown' ? sayMaybe(CARD_KIND_WORDS[card.kind], lang) : undefined;
  const brand = card.brand && card.brand !== 'unknown' && card.brand !== 'other' ? brandText(card.brand, lang) : undefined;
  // Chinese writes a Chinese brand and the kind as one word (银联借记卡) but puts a space after a
  // Latin one (Visa 信用卡), as the glossary does between Latin and Chinese; English always spaces.
  const space = brand !== undefined && /[a-z]$/i.test(brand) ? ' ' : labelsFor(LABELS, lang).wordSpace;
  const brandAndKind = [brand, kind].filter(Boolean).join(space);
  return [brandAndKind, card.last4 ? maskLast4(card.last4) : undefined].filter(Boolean).join(' ');
}

/** "UnionPay debit •••• 4242 · 招商银行 · China", or `undefined` when nothing about the card is known. */
export function cardText(report: Report, lang: Lang): string | undefined {
  const card = report.card;
  if (!card) return undefined;
  const parts = [cardName(card, lang), card.issuerName ? inlineText(card.issuerName) : undefined, card.issuerCountry ? countryName(card.issuerCountry, lang) : undefined];
  const text = parts.filter(Boolean).join(' · ');
  return text || undefined;
}

/** Free text on one line, redacted, with `<` written so it cannot open HTML or a comment. */
export function inlineText(text: string): string {
  return oneLine(text).replace(/</g, '&lt;');
}

/** Free text on one line, redacted. */
function oneLine(text: string): string {
  // Redact again after joining lines: digits split across lines are one chain once joined.
  return redactSecrets(text.replace(/\s+/g, ' ').trim());
}

/** The likely and possible causes, most likely first, in a line. */
function causesText(report: Report, lang: Lang, now: Date): string {
  const findings = diagnose(report, [], now).findings.filter((finding) => finding.likelihood !== 'low');
  const { noCause, separator, open, close } = labelsFor(LABELS, lang);
  if (findings.length === 0) return noCause;
  return findings
    .slice(0, 3)
    .map((finding) => `${causeTitle(finding.cause, lang)}${open}${likelihoodText(finding.likelihood, lang)}${close}`)
    .join(separator);
}

/**
 * Reads every machine line in `text`: {@link parseJournalBytes} of its UTF-8 bytes. For a journal
 * that is only in memory, such as an open document with unsaved edits.
 */
export function parseJournal(text: string): ParsedJournal {
  return parseJournalBytes(new Utf8.TextEncoder().encode(text));
}

/**
 * The longest machine line read, in bytes: 64 KB. The largest entry this code writes is under
 * 40 KB (an error message of 4,000 and notes of 2,000 characters, every one of them a `<` that
 * the line escapes to 6 bytes, or Chinese at 3), so a longer line was made by hand or by a tool,
 * and it is reported as damaged without being decoded or parsed.
 */
export const MACHINE_LINE_LIMIT = MACHINE_LINE_LIMIT_KB * 1024;

/**
 * Reads every machine line in a journal file's bytes (UTF-8). Anything else is the person's and
 * is ignored. A machine line that cannot be read (not JSON, a report the schema rejects, no
 * time, another version, not closed, longer than {@link MACHINE_LINE_LIMIT}) is reported with
 * its line number and skipped; the rest still read. A second copy of an entry (the same
 * `occurredAt` and the same report, as a paste or a merge leaves) is reported and counted once.
 *
 * Lines end at LF, CRLF or a lone CR (old Mac files), as editors count them. A marker inside a
 * fenced code block (CommonMark: a line of three or more backticks or tildes, indented at most
 * three spaces, closed by a line of the same character at least as long) is a quotation, not an
 * entry. A fence left open to the end of the file would, by CommonMark, swallow every later
 * entry, including the ones appended after it; that is reported at the fence's line instead,
 * and the entries after it are read.
 *
 * Works on the bytes so a large journal costs little more than its entries: the marker and the
 * fences are ASCII and line ends are one byte each in UTF-8, so finding machine lines and
 * counting lines needs no decoding, and only the machine lines are decoded. The person's text,
 * however much and in whatever encoding, is never decoded at all. Each byte is looked at a
 * bounded number of times, so the time is linear in the size of the file.
 */
export function parseJournalBytes(bytes: Uint8Array): ParsedJournal {
  // ignoreBOM: a byte-order mark inside a line is text, not a signature to drop.
  const decoder = new Utf8.TextDecoder('utf-8', { ignoreBOM: true });
  const found: { entry: JournalEntry; time: number }[] = [];
  const problems: JournalProblem[] = [];
  const read = (at: number, end: number, line: number) => {
    if (end - at > MACHINE_LINE_LIMIT) {
      problems.push(journalProblem(line, { kind: 'too-long' }));
      return;
    }
    const result = readEntryLine(decoder.decode(bytes.subarray(at + MARKER_BYTES.length, end)), line);
    if ('message' in result) problems.push(result);
    else found.push(result);
  };

  let fence: Fence | undefined;
  // Machine lines inside the open fence: quotations if it closes, entries if it never does.
  let fenced: { at: number; end: number; line: number }[] = [];
  // The next LF and the next CR are searched for again only once the scan has passed them, so
  // the file is searched for each at most once, however its lines end.
  let nextLf = bytes.indexOf(LF);
  let nextCr = bytes.indexOf(CR);
  let line = 0;
  for (let start = 0; start <= bytes.length; ) {
    line++;
    if (nextLf >= 0 && nextLf < start) nextLf = bytes.indexOf(LF, start);
    if (nextCr >= 0 && nextCr < start) nextCr = bytes.indexOf(CR, start);
    let end = nextLf >= 0 ? nextLf : bytes.length;
    if (nextCr >= 0 && nextCr < end) end = nextCr;
    const lineStart = start;
    start = end === bytes.length ? end + 1 : end + (bytes[end] === CR && bytes[end + 1] === LF ? 2 : 1);

    const text = skipIndentation(bytes, lineStart, end);
    const first = bytes[text];
    // Only a line starting with `<`, a backtick or a tilde can matter; most lines stop here.
    if (first !== MARKER_BYTES[0] && first !== BACKTICK && first !== TILDE) continue;
    if (fence) {
      if (closesFence(bytes, text, end, lineStart, fence)) {
        fence = undefined;
        fenced = [];
      } else if (bytesAt(bytes, text, MARKER_BYTES)) {
        fenced.push({ at: text, end, line });
      }
      continue;
    }
    if (bytesAt(bytes, text, MARKER_BYTES)) read(text, end, line);
    else fence = opensFence(bytes, text, end, lineStart, line);
  }
  if (fence) {
    if (fenced.length > 0) {
      problems.push(journalProblem(fence.line, { kind: 'open-fence' }));
    }
    for (const { at, end, line } of fenced) read(at, end, line);
  }

  const entries = countedOnce(found, problems);
  // Array.prototype.sort is stable, so entries at the same instant keep their order in the file.
  entries.sort((a, b) => a.time - b.time);
  problems.sort((a, b) => a.line - b.line);
  return { entries: entries.map((item) => item.entry), problems };
}

/**
 * Drops later copies of an entry, each reported with the line of the copy that counts. Most
 * entries have a time of their own and cost one map lookup. Entries that share a time are then
 * told apart by the length of their JSON (key order does not change it), and only those that
 * share that too are compared in full, with keys sorted: a map each step, so linear throughout.
 */
function countedOnce(found: { entry: JournalEntry; time: number }[], problems: JournalProblem[]): { entry: JournalEntry; time: number }[] {
  // The first entry at each time, until a second comes and it moves into `bySize`.
  const firstAt = new Map<string, JournalEntry | null>();
  // Per time and JSON length: the one entry, or, once there are two, each sorted JSON's line.
  const bySize = new Map<string, JournalEntry | Map<string, number>>();
  const earlierCopy = (entry: JournalEntry): number | undefined => {
    const key = `${entry.occurredAt}\n${JSON.stringify(entry.report).length}`;
    let same = bySize.get(key);
    if (same === undefined) {
      bySize.set(key, entry);
      return undefined;
    }
    if (!(same instanceof Map)) {
      same = new Map([[canonicalJson(same.report), same.line]]);
      bySize.set(key, same);
    }
    const json = canonicalJson(entry.report);
    const line = same.get(json);
    if (line === undefined) same.set(json, entry.line);
    return line;
  };
  const kept: { entry: JournalEntry; time: number }[] = [];
  // `found` is in line order: entries read at the end (after a fence never closed) come last in the file too.
  for (const item of found) {
    const { entry } = item;
    const first = firstAt.get(entry.occurredAt);
    if (first === undefined) {
      firstAt.set(entry.occurredAt, entry);
      kept.push(item);
      continue;
    }
    if (first !== null) {
      earlierCopy(first);
      firstAt.set(entry.occurredAt, null);
    }
    const copyOf = earlierCopy(entry);
    if (copyOf === undefined) kept.push(item);
    else problems.push(journalProblem(entry.line, { kind: 'duplicate', of: copyOf }));
  }
  return kept;
}

/**
 * JSON with object keys sorted, so two reports that differ only in key order compare equal.
 * Recursive, but over a report the schema has already bounded to a few levels.
 */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The Encoding standard's UTF-8 codec. Every runtime this code runs in has it (Node, VS Code's
 * extension hosts, browsers), but the core compiles without ambient types, so it is named here.
 */
const Utf8 = globalThis as unknown as {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: 'utf-8', options: { ignoreBOM: boolean }) => { decode(bytes: Uint8Array): string };
};

/** The marker is ASCII, so its UTF-8 bytes are its character codes. */
const MARKER_BYTES = Uint8Array.from(ENTRY_MARKER, (char) => char.charCodeAt(0));
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const BACKTICK = 0x60;
const TILDE = 0x7e;
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf] as const;

function bytesAt(bytes: Uint8Array, at: number, expected: ArrayLike<number>): boolean {
  for (let index = 0; index < expected.length; index++) if (bytes[at + index] !== expected[index]) return false;
  return true;
}

/** The first byte of [start, end) that is not a space, a tab or a byte-order mark (an editor may leave one). */
function skipIndentation(bytes: Uint8Array, start: number, end: number): number {
  let index = start;
  while (index < end) {
    const byte = bytes[index];
    if (byte === SPACE || byte === TAB) index++;
    else if (index + BYTE_ORDER_MARK.length <= end && bytesAt(bytes, index, BYTE_ORDER_MARK)) index += BYTE_ORDER_MARK.length;
    else break;
  }
  return index;
}

/** An open code fence: its character, its length, and its line for a report. */
interface Fence {
  char: number;
  length: number;
  line: number;
}

/** How many times `char` repeats from `at`, before `end`. */
function runLength(bytes: Uint8Array, at: number, end: number, char: number): number {
  let index = at;
  while (index < end && bytes[index] === char) index++;
  return index - at;
}

/** CommonMark allows a fence at most three spaces in (after a file's byte-order mark); a tab or more is indented code. */
function fenceIndentOk(bytes: Uint8Array, start: number, text: number): boolean {
  let from = start;
  if (from === 0 && bytesAt(bytes, 0, BYTE_ORDER_MARK)) from = BYTE_ORDER_MARK.length;
  if (text - from > 3) return false;
  for (let index = from; index < text; index++) if (bytes[index] !== SPACE) return false;
  return true;
}

/** The fence a line opens: 3+ backticks (with no backtick in the info string after them) or 3+ tildes. */
function opensFence(bytes: Uint8Array, text: number, end: number, start: number, line: number): Fence | undefined {
  const char = bytes[text];
  if ((char !== BACKTICK && char !== TILDE) || !fenceIndentOk(bytes, start, text)) return undefined;
  const length = runLength(bytes, text, end, char);
  if (length < 3) return undefined;
  if (char === BACKTICK && bytes.subarray(text + length, end).includes(BACKTICK)) return undefined;
  return { char, length, line };
}

/** Whether a line closes `fence`: the same character, at least as many, then only spaces or tabs. */
function closesFence(bytes: Uint8Array, text: number, end: number, start: number, fence: Fence): boolean {
  if (bytes[text] !== fence.char || !fenceIndentOk(bytes, start, text)) return false;
  const length = runLength(bytes, text, end, fence.char);
  if (length < fence.length) return false;
  for (let index = text + length; index < end; index++) if (bytes[index] !== SPACE && bytes[index] !== TAB) return false;
  return true;
}

/**
 * The journal entry that is the same attempt as `report`, or `undefined`: the one check every
 * writer (the CLI's `journal add`, the extension's "Record attempt") and the diagnosis use before
 * treating an attempt as new. Two reports are the same attempt when all three hold:
 * - the same instant: `Date.parse` equal, so `10:31+08:00` and `02:31Z` match;
 * - the same card, as far as both tell: last 4, first digits (the shorter a prefix of the longer,
 *   since one side may keep 6 and the other 8) and brand (stated, else read from the first
 *   digits) differ on no fact that both give. A fact only one side gives does not tell them apart;
 * - the same error message after the recognizer's normalisation ({@link normalizeMessageText}:
 *   case, width, quotes, whitespace and script folded), both absent counting as the same.
 * A report without a time is never in the journal (every entry has one), so it matches nothing.
 * The first matching entry, in `history`'s order, is returned.
 */
export function findRecordedAttempt(report: Report, history: readonly Report[]): Report | undefined {
  if (!report.occurredAt) return undefined;
  const time = Date.parse(report.occurredAt);
  if (Number.isNaN(time)) return undefined;
  let message: string | undefined;
  for (const entry of history) {
    if (!entry.occurredAt || Date.parse(entry.occurredAt) !== time || !sameCardFacts(report, entry)) continue;
    message ??= normalizeMessageText(report.errorMessage ?? '');
    if (normalizeMessageText(entry.errorMessage ?? '') === message) return entry;
  }
  return undefined;
}

/** No card fact that both reports give differs (see {@link findRecordedAttempt}). */
function sameCardFacts(a: Report, b: Report): boolean {
  const differ = (x: string | undefined, y: string | undefined) => x !== undefined && y !== undefined && x !== y;
  if (differ(a.card?.last4, b.card?.last4) || differ(knownBrand(a), knownBrand(b))) return false;
  const binA = a.card?.bin;
  const binB = b.card?.bin;
  return !binA || !binB || (binA.length <= binB.length ? binB.startsWith(binA) : binA.startsWith(binB));
}

/** The stated brand, else the one the first digits give; `undefined` when neither names one. */
function knownBrand(report: Report): string | undefined {
  const stated = report.card?.brand;
  if (stated && stated !== 'unknown' && stated !== 'other') return stated;
  return report.card?.bin ? brandFromPrefix(report.card.bin) : undefined;
}

/** The reports of a parsed journal, oldest first: the `history` that `diagnose` takes. */
export function journalReports(journal: ParsedJournal): Report[] {
  return journal.entries.map((entry) => entry.report);
}

/** Reads what follows the marker on one line: `v1 {json} -->`; the entry comes with its time in ms. */
function readEntryLine(rest: string, line: number): { entry: JournalEntry; time: number } | JournalProblem {
  const body = rest.trimEnd();
  const space = body.indexOf(' ');
  const version = space < 0 ? body : body.slice(0, space);
  if (version !== ENTRY_VERSION) {
    return journalProblem(line, { kind: 'unknown-version', version });
  }
  if (!body.endsWith(COMMENT_END)) {
    return journalProblem(line, { kind: 'not-closed' });
  }
  let record: unknown;
  try {
    record = JSON.parse(body.slice(space + 1, body.length - COMMENT_END.length));
  } catch {
    // The parser's message is not shown: it quotes the text, which is the person's data.
    return journalProblem(line, { kind: 'not-json' });
  }
  if (!isPlainObject(record)) return journalProblem(line, { kind: 'not-object' });
  if (typeof record.occurredAt !== 'string') return journalProblem(line, { kind: 'no-time' });
  if (!isPlainObject(record.report)) return journalProblem(line, { kind: 'report-not-object' });
  // The top-level time wins over one edited into the report, so an entry has exactly one time.
  const parsed = parseStoredReport(Object.assign(record.report, { occurredAt: record.occurredAt }));
  if (!parsed.ok) return journalProblem(line, { kind: 'invalid-report', errors: parsed.errors });
  const time = Date.parse(record.occurredAt);
  if (Number.isNaN(time)) return journalProblem(line, { kind: 'bad-time' });
  return { entry: { line, occurredAt: record.occurredAt, report: parsed.report }, time };
}

/**
 * The report schema's fast path (see `fastParse.ts`), for the reports machine lines hold:
 * `JSON.parse` just made them, so nothing else holds them and they have no getters, which is what
 * its copy-on-write result needs. Anything not already clean goes through zod, which cleans it.
 */
const storedReportFastPath = /* @__PURE__ */ compileFastParser(reportSchema);

function parseStoredReport(input: Record<string, unknown>): ReportParseResult {
  const report = storedReportFastPath?.(input);
  return report ? { ok: true, report } : parseReport(input);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
