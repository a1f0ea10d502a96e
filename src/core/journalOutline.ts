/**
 * The journal read as a document in an editor: what each line of an open journal gives the
 * editor (problems, masks to offer, lenses, folds, the outline, a hover), as plain data with
 * line numbers, so the editor side only translates it.
 *
 * Lines are 1-based, as the parser's; columns count UTF-16 code units, as editors do. Lines end
 * at LF, CRLF or a lone CR, as the parser and editors count them.
 *
 * Work is capped so that an open journal never holds the editor: the machine lines are read by
 * the parser (which skips a line over `MACHINE_LINE_LIMIT` undecoded); the person's text is
 * checked for secrets up to {@link SECRET_SCAN_LIMIT} characters, never a line longer than
 * {@link SECRET_LINE_LIMIT}; only the first {@link OUTLINE_ENTRY_LIMIT} entries get lenses,
 * folds and symbols. What was not checked is said, never passed over in silence.
 */
import type { Lang } from './catalogue';
import { PRODUCT_NAMES } from './catalogue';
import { cardName, entryFacts, entryTitle, journalProblemText, parseJournal, type EntryFact, type JournalEntry } from './journal';
import { bankAnswerItems, bankAnswerTitle, parseBankAnswers } from './bankAnswer';
import { labelsFor, pick, say } from './language';
import { formatLocalTime, offsetOf } from './localTime';
import { containsSecret, redactCardNumbers, redactSecrets } from './redact';

/** The most characters of the person's text checked for card numbers and codes in one pass. */
export const SECRET_SCAN_LIMIT = 2 * 1024 * 1024;

/** A line longer than this is not checked for secrets; text between machine lines is read in blocks of at most this. */
export const SECRET_LINE_LIMIT = 64 * 1024;

/** The most card numbers and codes marked in one journal; where they stop is said. */
export const SECRET_FINDING_LIMIT = 200;

/**
 * A journal longer than this (in characters) is not read in the editor at all: 32 M, the size
 * past which the extension does not read a journal file either.
 */
export const OUTLINE_TEXT_LIMIT = 32 * 1024 * 1024;

/**
 * Machine lines are read from the first this many characters only (up to a line break): about
 * {@link OUTLINE_ENTRY_LIMIT} entries of a kept journal (an entry is about 1 KB), read in well
 * under a second even when crafted to be slow. What lies beyond is said, at its first line.
 */
export const OUTLINE_PARSE_LIMIT = 1024 * 1024;

/** Entries past this many (in file order) get no lens, fold or symbol: the editor stays quick. */
export const OUTLINE_ENTRY_LIMIT = 1000;

/** Where a machine line of any kind starts: entries, and whatever kinds come after them. */
const MACHINE_LINE_START = /^[ \t]{0,16}<!-- card-doctor:/;

/** An entry's heading: `## …` (any level from 2, so the journal's `# title` never is one). */
const ENTRY_HEADING = /^ {0,3}#{2,6}(?:[ \t]|$)/;

const LINE_BREAK = /\r\n|\r|\n/;

/** A span of the document: from (line, column) to (line, column), end exclusive. */
export interface TextSpan {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A card number, CVC or one-time code in the text, with the text that masks it in place. */
export interface SecretFinding extends TextSpan {
  /** A full card number among what the span holds. */
  card: boolean;
  /** A CVC or one-time code among what the span holds. */
  code: boolean;
  /** What replaces the span: the same text masked as redaction masks it (a card keeps its last 4). */
  replacement: string;
  message: string;
}

/** A problem to show at a line: a machine line that could not be read, or text that was not checked. */
export interface LineProblem {
  line: number;
  message: string;
  severity: 'error' | 'information';
}

/** A range that folds: from `start` (stays visible) to `end` (hidden with what lies between). */
export interface FoldSpan {
  start: number;
  end: number;
  /** `comment` hides a machine line; `region` is a whole entry. */
  kind: 'comment' | 'region';
}

/** One attempt as the editor shows it. */
export interface OutlineEntry {
  /** The entry's first line: its heading, or its machine line when it has no heading of its own. */
  startLine: number;
  machineLine: number;
  /** The symbol's name: the time and the card (brand, kind, last 4). */
  name: string;
  /** The symbol's detail: the product, when known. */
  detail: string;
  entry: JournalEntry;
}

/** A bank's answer as the editor shows it: an outline entry and a hover, no lenses (those are for attempts). */
export interface OutlineAnswer {
  /** Its heading's line, or its machine line when it has no heading of its own. */
  startLine: number;
  machineLine: number;
  /** "What the bank said · 2026-12-02 09:15 UTC+08:00 · by phone". */
  name: string;
  /** Its facts, one plain-text line each ("Declined by: the bank"). */
  lines: string[];
}

/** Everything the editor shows for one open journal. */
export interface JournalOutline {
  entries: OutlineEntry[];
  answers: OutlineAnswer[];
  problems: LineProblem[];
  secrets: SecretFinding[];
  folds: FoldSpan[];
}

const TEXTS = {
  en: {
    card: 'a full card number',
    code: 'a CVC or one-time code',
    both: 'a full card number and a CVC or one-time code',
    secret: (what: string) => `This text holds ${what}. Mask it: the journal goes into letters and to support, and must never hold one.`,
    longLine: (limit: number) => `This line is longer than ${limit} KB, so it was not checked for card numbers or codes.`,
    budget: (limit: number) => `The journal is longer than ${limit} MB: from this line on it was not checked for card numbers or codes.`,
    entries: (limit: number) => `Only the first ${limit} entries have lenses and outline entries.`,
    notParsed: (limit: number) => `The journal is longer than ${limit} MB: entries from this line on have no lenses, outline or hover here, and a damaged one is not reported.`,
    tooMany: (limit: number) => `More than ${limit} card numbers or codes: from here on they are not marked. Mask the ones above, and the rest will show.`,
    tooLarge: (limit: number) => `The journal is longer than ${limit} MB, so Card Doctor does not read it here: no lenses, outline or checks for card numbers.`,
    diagnose: 'Diagnose',
    appeal: 'Appeal',
    bankInquiry: 'Bank inquiry',
    mask: 'Mask it (keep the last 4 digits of a card)',
  },
  'zh-cn': {
    card: '完整的卡号',
    code: 'CVC 或一次性验证码',
    both: '完整的卡号以及 CVC 或一次性验证码',
    secret: (what: string) => `这段文字看起来包含${what}。请遮盖：失败日志的内容会写进信件并交给客服，其中不应出现这些信息。`,
    longLine: (limit: number) => `这一行超过 ${limit} KB，因此未检查其中是否有卡号或一次性验证码。`,
    budget: (limit: number) => `失败日志超过 ${limit} MB：从这一行起，未检查是否有卡号或一次性验证码。`,
    entries: (limit: number) => `只有前 ${limit} 条记录显示操作按钮和大纲。`,
    notParsed: (limit: number) => `失败日志超过 ${limit} MB：从这一行起的记录在编辑器中没有操作按钮、大纲和悬停说明，损坏的记录也不会报告。`,
    tooMany: (limit: number) => `卡号或验证码超过 ${limit} 处：从这里起不再标出。请先遮盖上面的，其余的就会显示出来。`,
    tooLarge: (limit: number) => `失败日志超过 ${limit} MB，绑卡医生不在编辑器中读取它：没有操作按钮和大纲，也不检查卡号。`,
    diagnose: '诊断',
    appeal: '申诉信',
    bankInquiry: '银行咨询信',
    mask: '遮盖（卡号保留后四位）',
  },
} as const;

/** The words the editor puts on an entry's lenses and on the quick fix, in `lang`. */
export function outlineWords(lang: Lang): { diagnose: string; appeal: string; bankInquiry: string; mask: string } {
  const { diagnose, appeal, bankInquiry, mask } = labelsFor(TEXTS, lang);
  return { diagnose, appeal, bankInquiry, mask };
}

/**
 * Reads an open journal: its entries (oldest first in the file's order of lines, as the outline
 * lists them), the problems of its machine lines in `lang`, the secrets in its text, its folds.
 */
export function journalOutline(text: string, lang: Lang): JournalOutline {
  const texts = labelsFor(TEXTS, lang);
  if (text.length > OUTLINE_TEXT_LIMIT) {
    return { entries: [], answers: [], secrets: [], folds: [], problems: [{ line: 1, message: texts.tooLarge(OUTLINE_TEXT_LIMIT / (1024 * 1024)), severity: 'information' }] };
  }
  const lines = text.split(LINE_BREAK);
  // The part read for entries: whole lines, up to the limit.
  const cut = text.length > OUTLINE_PARSE_LIMIT ? Math.max(text.lastIndexOf('\n', OUTLINE_PARSE_LIMIT), 0) : text.length;
  const read = text.slice(0, cut);
  const parsed = parseJournal(read);
  const problems: LineProblem[] = parsed.problems.map((problem) => ({ line: problem.line, message: journalProblemText(problem, lang), severity: 'error' }));
  if (cut < text.length) {
    problems.push({ line: read.split(LINE_BREAK).length + 1, message: texts.notParsed(OUTLINE_PARSE_LIMIT / (1024 * 1024)), severity: 'information' });
  }
  const bank = parseBankAnswers(read);
  // The bank answers' reader speaks English only; its reasons are shown as it gives them.
  problems.push(...bank.problems.map((problem) => ({ line: problem.line, message: problem.message, severity: 'error' as const })));
  // Attempts and answers in the file's order: each one's heading is looked for after the one before.
  const machineLines = [
    ...parsed.entries.map((entry) => ({ line: entry.line, entry })),
    ...bank.answers.map((answer) => ({ line: answer.line, answer: answer.answer })),
  ].sort((a, b) => a.line - b.line);
  if (machineLines.length > OUTLINE_ENTRY_LIMIT) {
    problems.push({ line: machineLines[OUTLINE_ENTRY_LIMIT]!.line, message: texts.entries(OUTLINE_ENTRY_LIMIT), severity: 'information' });
  }
  const entries: OutlineEntry[] = [];
  const answers: OutlineAnswer[] = [];
  const folds: FoldSpan[] = [];
  let previous = 0;
  for (const item of machineLines.slice(0, OUTLINE_ENTRY_LIMIT)) {
    const machineLine = item.line;
    const startLine = headingAbove(lines, previous, machineLine) ?? machineLine;
    if ('entry' in item) {
      const { entry } = item;
      entries.push({ startLine, machineLine, name: entryName(entry, lang), detail: entry.report.product ? say(PRODUCT_NAMES[entry.report.product], lang) : '', entry });
    } else {
      // The items are the journal's Markdown, `<` written as `&lt;`: read here as the text they stand for.
      answers.push({ startLine, machineLine, name: bankAnswerTitle(item.answer, lang), lines: bankAnswerItems(item.answer, lang).map((line) => line.replace(/&lt;/g, '<')) });
    }
    if (startLine < machineLine) folds.push({ start: startLine, end: machineLine, kind: 'region' });
    // The line above stays visible and the machine line folds into it; never across the entry before.
    const above = machineLine - 1;
    if (above > previous && (startLine === machineLine || above > startLine)) folds.push({ start: above, end: machineLine, kind: 'comment' });
    previous = machineLine;
  }
  const { secrets, unchecked } = findSecrets(lines, texts);
  problems.push(...unchecked);
  problems.sort((a, b) => a.line - b.line);
  return { entries, answers, problems, secrets, folds };
}

/** The last heading strictly between line `after` and line `before` (1-based), if any. */
function headingAbove(lines: readonly string[], after: number, before: number): number | undefined {
  for (let line = before - 1; line > after; line--) {
    if (ENTRY_HEADING.test(lines[line - 1]!)) return line;
  }
  return undefined;
}

/** "2025-11-27 10:31 UTC+08:00 · UnionPay debit •••• 4242": the time, and the card by last 4 only. */
function entryName(entry: JournalEntry, lang: Lang): string {
  const time = formatLocalTime(entry.occurredAt, offsetOf(entry.occurredAt));
  const card = entry.report.card ? cardName(entry.report.card, lang) : '';
  return card ? `${time} · ${card}` : time;
}

/**
 * The entry decoded from its machine line, in words: its heading's time and product, then the
 * same facts its human part lists (error, card, likely causes at the attempt's time, notes).
 */
export function entryHover(entry: JournalEntry, lang: Lang): { title: string; facts: EntryFact[] } {
  const report = { ...entry.report, occurredAt: entry.occurredAt };
  return { title: entryTitle(report, lang), facts: entryFacts(report, lang) };
}

/**
 * What a hover on 1-based `line` shows: the attempt or the bank's answer whose machine line it
 * is, decoded, as a title and plain-text lines; undefined on any other line.
 */
export function hoverAt(outline: JournalOutline, line: number, lang: Lang): { title: string; lines: string[] } | undefined {
  const attempt = outline.entries.find((entry) => entry.machineLine === line);
  if (attempt) {
    const { title, facts } = entryHover(attempt.entry, lang);
    return { title, lines: facts.map((fact) => `${fact.label}${pick(': ', '：', lang)}${fact.text}`) };
  }
  const answer = outline.answers.find((item) => item.machineLine === line);
  return answer && { title: answer.name, lines: answer.lines };
}

/**
 * Every card number, CVC and one-time code in the text, as redaction finds them, with the masked
 * text to put in place. The text is read in blocks: the lines between machine lines (each machine
 * line is a block of its own), cut at most every {@link SECRET_LINE_LIMIT} characters. A clean
 * block costs one redaction pass. In a block that is not, each line gets a finding of its own;
 * if the block still holds something once those are masked (a number written across a line
 * break), the block gets one finding for all of it instead, so the fixes never overlap. Where a
 * long block is cut, the two lines around the cut are checked together too. At most
 * {@link SECRET_FINDING_LIMIT} findings are given, and where they stop is said.
 */
function findSecrets(lines: readonly string[], texts: (typeof TEXTS)[keyof typeof TEXTS]): { secrets: SecretFinding[]; unchecked: LineProblem[] } {
  const secrets: SecretFinding[] = [];
  const unchecked: LineProblem[] = [];
  let budget = SECRET_SCAN_LIMIT;
  let full = false;
  const add = (found: SecretFinding[]): void => {
    for (const finding of found) {
      if (full) return;
      if (secrets.length === SECRET_FINDING_LIMIT) {
        full = true;
        unchecked.push({ line: finding.startLine, message: texts.tooMany(SECRET_FINDING_LIMIT), severity: 'information' });
        return;
      }
      secrets.push(finding);
    }
  };
  /** The findings of lines [first, end) (0-based), checked alone and then together. */
  const block = (first: number, end: number): SecretFinding[] => {
    const text = lines.slice(first, end).join('\n');
    if (redactSecrets(text) === text) return [];
    const found: SecretFinding[] = [];
    const masked: string[] = [];
    for (let index = first; index < end; index++) {
      const line = lines[index]!;
      const finding = secretIn(line, index, texts);
      if (finding) found.push(finding);
      masked.push(finding ? redactSecrets(line) : line);
    }
    if (end - first > 1 && containsSecret(masked.join('\n'))) return [secretIn(text, first, texts)!];
    return found;
  };
  // The block being gathered: its first line (0-based) and its length in characters.
  let open: { first: number; length: number } | undefined;
  /** The last line (0-based) of the block cut before the open one, for the check across the cut. */
  let cutAt: number | undefined;
  const close = (end: number): void => {
    if (open && !full) add(block(open.first, end));
    open = undefined;
  };
  for (let index = 0; index < lines.length && !full; index++) {
    const line = lines[index]!;
    if (line.length > SECRET_LINE_LIMIT) {
      close(index);
      cutAt = undefined;
      // A machine line that long is reported by the parser already.
      if (!MACHINE_LINE_START.test(line)) unchecked.push({ line: index + 1, message: texts.longLine(SECRET_LINE_LIMIT / 1024), severity: 'information' });
      continue;
    }
    if (budget < line.length) {
      close(index);
      unchecked.push({ line: index + 1, message: texts.budget(SECRET_SCAN_LIMIT / (1024 * 1024)), severity: 'information' });
      break;
    }
    budget -= line.length;
    if (MACHINE_LINE_START.test(line)) {
      close(index);
      cutAt = undefined;
      add(block(index, index + 1));
      continue;
    }
    if (open && open.length + line.length + 1 > SECRET_LINE_LIMIT) {
      close(index);
      cutAt = index - 1;
    }
    open ??= { first: index, length: 0 };
    open.length += line.length + 1;
    if (cutAt !== undefined && index === cutAt + 1) {
      // The two lines around the cut, for a number written across it; only what neither line holds alone.
      const pair = `${lines[cutAt]!}\n${line}`;
      const alone = `${redactSecrets(lines[cutAt]!)}\n${redactSecrets(line)}`;
      if (containsSecret(alone)) add([secretIn(pair, cutAt, texts)!]);
      cutAt = undefined;
    }
  }
  close(lines.length);
  // A finding across a cut is found after the block before it.
  secrets.sort((a, b) => a.startLine - b.startLine || a.startColumn - b.startColumn);
  return { secrets, unchecked };
}

/**
 * The secrets in `text` (which starts at 0-based line `firstLine`) as one finding: the span from
 * the first character redaction changes to the last, and what it becomes. Redaction changes only
 * the characters it masks, so putting the replacement over the span gives the redacted text.
 */
function secretIn(text: string, firstLine: number, texts: (typeof TEXTS)[keyof typeof TEXTS]): SecretFinding | undefined {
  const redacted = redactSecrets(text);
  if (redacted === text) return undefined;
  let start = 0;
  while (text[start] === redacted[start]) start++;
  let tail = 0;
  while (tail < text.length - start && tail < redacted.length - start && text[text.length - 1 - tail] === redacted[redacted.length - 1 - tail]) tail++;
  const withoutCards = redactCardNumbers(text);
  const card = withoutCards !== text;
  const code = redactSecrets(withoutCards) !== withoutCards;
  const what = card && code ? texts.both : card ? texts.card : texts.code;
  const from = position(text, start, firstLine);
  const to = position(text, text.length - tail, firstLine);
  return {
    startLine: from.line,
    startColumn: from.column,
    endLine: to.line,
    endColumn: to.column,
    card,
    code,
    replacement: redacted.slice(start, redacted.length - tail),
    message: texts.secret(what),
  };
}

/** The 1-based line and the column of `offset` in `text`, whose lines are joined by `\n` and start at 0-based `firstLine`. */
function position(text: string, offset: number, firstLine: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  let breaks = 0;
  for (let index = before.indexOf('\n'); index >= 0; index = before.indexOf('\n', index + 1)) breaks++;
  return { line: firstLine + breaks + 1, column: offset - lastBreak - 1 };
}
