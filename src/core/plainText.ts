/**
 * A letter's Markdown as plain text, for the places a letter is actually sent: the merchant's
 * support chat and a bank's web form, which show `##`, `**` and `- [ ]` as they are.
 *
 * Only the subset the letter templates produce is understood: headings, `**bold**`, a line that is
 * all `_italic_`, `-`/`*`/`+` and numbered lists, `- [ ]` checkboxes, `>` quotes, `[text](url)`
 * links and pipe tables. Everything else passes through unchanged, because the letters are
 * rendered without escaping: what the person typed (an error message with `decline_code` in it,
 * say) must reach the reader as it was typed. Quoted text (the errors, the person's notes) is
 * never touched inside.
 *
 * One pass over the lines, with no regular expressions: each mark is found with bounded scans.
 */

import type { Lang } from './catalogue';

/** The longest Markdown {@link letterAsPlainText} converts, in UTF-16 units (a letter is a few KB). */
export const PLAIN_TEXT_LIMIT = 1_000_000;

/** What a checkbox becomes: a box a person can still tick by hand, or one already ticked. */
export const CHECKBOX_MARKS = { open: '☐ ', done: '☑ ' } as const;

/**
 * The marks around a quote: “ ” in English and Simplified Chinese, 「 」 in Traditional Chinese, as
 * Taiwan and Hong Kong write them (and as the Traditional letters' own text already quotes).
 */
export const QUOTE_MARKS = {
  curly: { open: '“', close: '”' },
  corner: { open: '「', close: '」' },
} as const;

// Characters that differ between the two scripts and that every Chinese letter uses many times
// (们/們, 这/這, 为/為…): enough to tell which script a letter is in without knowing its language.
// One character a string: l10n/build.mjs reads core's Chinese literals as text to convert, and a
// run of them would give its table phrases no letter says.
const SIMPLIFIED_ONLY = new Set(['们', '这', '与', '为', '资', '讯', '账', '户', '请', '说', '银', '发', '国', '时', '会', '个', '来', '对', '关', '组', '号', '确', '认', '务', '种', '绑']);
const TRADITIONAL_ONLY = new Set(['們', '這', '與', '為', '資', '訊', '帳', '戶', '請', '說', '銀', '發', '國', '時', '會', '個', '來', '對', '關', '組', '號', '確', '認', '務', '種', '綁']);
// Read this far into a letter at most to tell its script: its opening lines say enough.
const SCRIPT_SAMPLE = 4000;

/** The longest link target taken as one; a longer `](…)` is left as it is. */
const URL_LIMIT = 2048;

/** Thrown for Markdown over {@link PLAIN_TEXT_LIMIT}: the caller says so instead of converting it. */
export class PlainTextTooLongError extends RangeError {
  constructor(readonly length: number) {
    super(`the letter is ${length} characters long; at most ${PLAIN_TEXT_LIMIT} can be converted to plain text`);
    this.name = 'PlainTextTooLongError';
  }
}

/**
 * The letter as plain text: no Markdown marks; a heading on a line of its own with a blank line
 * after it; list items as "- " or "1. "; checkboxes as "☐ "; a quote in “ ” (「 」 in Traditional
 * Chinese) with its lines as they were; links as "text (url)"; never more than one blank line in a
 * row; one final newline.
 *
 * `lang` is the letter's language. Without it (a letter file opened in the editor says nothing of
 * its language) the quote marks follow the script the letter is written in: {@link isTraditionalText}.
 *
 * @throws PlainTextTooLongError when `markdown` is longer than {@link PLAIN_TEXT_LIMIT}.
 */
export function letterAsPlainText(markdown: string, lang?: Lang): string {
  if (markdown.length > PLAIN_TEXT_LIMIT) throw new PlainTextTooLongError(markdown.length);
  const traditional = lang === undefined ? isTraditionalText(markdown) : lang === 'zh-tw';
  const marks = traditional ? QUOTE_MARKS.corner : QUOTE_MARKS.curly;
  const out: string[] = [];
  let quote: string[] = [];
  const flushQuote = () => {
    while (quote.length > 0 && quote[quote.length - 1] === '') quote.pop();
    while (quote.length > 0 && quote[0] === '') quote.shift();
    if (quote.length > 0) {
      quote[0] = marks.open + quote[0];
      quote[quote.length - 1] += marks.close;
      out.push(...quote);
    }
    quote = [];
  };

  for (const raw of splitLines(markdown)) {
    const line = raw.trimEnd();
    const indent = leadingSpaces(line);
    const body = line.slice(indent);
    if (indent <= 3 && body.startsWith('>')) {
      quote.push(body.slice(body.startsWith('> ') ? 2 : 1).trimEnd());
      continue;
    }
    flushQuote();
    const heading = indent <= 3 ? headingText(body) : undefined;
    if (heading !== undefined) {
      out.push('', inline(heading), '');
    } else if (isTableDivider(body)) {
      continue;
    } else if (isRule(body)) {
      out.push('');
    } else if (body.startsWith('|')) {
      out.push(' '.repeat(indent) + tableRow(body));
    } else {
      out.push(' '.repeat(indent) + listItem(body));
    }
  }
  flushQuote();
  return collapseBlankLines(out);
}

/**
 * Whether a text is a Traditional rather than a Simplified Chinese letter, from its first
 * {@link SCRIPT_SAMPLE} characters: written mostly in Chinese (a Chinese character stands for a
 * word, so at least one for every four Latin letters), and with more characters written only in
 * Traditional than only in Simplified. An English letter naming a Taiwanese bank (國泰世華) or
 * quoting the person's Traditional note stays English; a Simplified letter quoting a Traditional
 * error message stays Simplified: its own words outnumber the quote's.
 */
export function isTraditionalText(text: string): boolean {
  let balance = 0;
  let han = 0;
  let latin = 0;
  const end = Math.min(text.length, SCRIPT_SAMPLE);
  for (let index = 0; index < end; index++) {
    const char = text[index]!;
    if ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z')) latin++;
    else if (char >= '\u4e00' && char <= '\u9fff') han++;
    if (TRADITIONAL_ONLY.has(char)) balance++;
    else if (SIMPLIFIED_ONLY.has(char)) balance--;
  }
  return balance > 0 && han * 4 >= latin;
}

function splitLines(text: string): string[] {
  return text.split('\r\n').join('\n').split('\r').join('\n').split('\n');
}

function leadingSpaces(line: string): number {
  let count = 0;
  while (count < line.length && line[count] === ' ') count++;
  return count;
}

/** The text of an ATX heading (`## Title`, closing `#`s dropped), or undefined for any other line. */
function headingText(body: string): string | undefined {
  let level = 0;
  while (level < body.length && body[level] === '#') level++;
  if (level === 0 || level > 6) return undefined;
  if (level < body.length && body[level] !== ' ') return undefined;
  let text = body.slice(level).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0 || text[end - 1] === ' ') text = text.slice(0, end).trimEnd();
  return text;
}

/** `---`, `***` or `___` (spaces allowed between), alone on a line. */
function isRule(body: string): boolean {
  const mark = body[0];
  if (mark !== '-' && mark !== '*' && mark !== '_') return false;
  let count = 0;
  for (const char of body) {
    if (char === mark) count++;
    else if (char !== ' ') return false;
  }
  return count >= 3;
}

/** A table's `|---|:---:|` line, which only separates the header from the rows. */
function isTableDivider(body: string): boolean {
  if (!body.startsWith('|') || !body.includes('-')) return false;
  for (const char of body) {
    if (char !== '|' && char !== '-' && char !== ':' && char !== ' ') return false;
  }
  return true;
}

/** A table row as its cells, separated by " | " with the outer pipes gone. */
function tableRow(body: string): string {
  let cells = body.split('|');
  cells = cells.slice(1, body.endsWith('|') && cells.length > 2 ? -1 : undefined);
  return cells.map((cell) => inline(cell.trim())).join(' | ');
}

/** A list item with its marker in plain form ("- ", "1. ", "☐ "), or any other line's inline text. */
function listItem(body: string): string {
  const first = body[0];
  if ((first === '-' || first === '*' || first === '+') && body[1] === ' ') {
    const rest = body.slice(2);
    if (rest.startsWith('[ ] ')) return CHECKBOX_MARKS.open + inline(rest.slice(4));
    if (rest.startsWith('[x] ') || rest.startsWith('[X] ')) return CHECKBOX_MARKS.done + inline(rest.slice(4));
    return '- ' + inline(rest);
  }
  let digits = 0;
  while (digits < body.length && digits < 9 && body[digits]! >= '0' && body[digits]! <= '9') digits++;
  if (digits > 0 && (body[digits] === '.' || body[digits] === ')') && body[digits + 1] === ' ') {
    return body.slice(0, digits) + '. ' + inline(body.slice(digits + 2));
  }
  // A line that is all emphasis (`_(no error text was recorded)_`); `_` inside text such as
  // decline_code is the person's and stays.
  if (body.length > 2 && body.startsWith('_') && body.endsWith('_') && !body.startsWith('__')) {
    return inline(body.slice(1, -1));
  }
  return inline(body);
}

/** Links as "text (url)", then `**bold**` as its text. */
function inline(text: string): string {
  return unbold(unlink(text));
}

/**
 * `[text](url)` as "text (url)" (the url alone when it is the text). A `[placeholder]` with no
 * `(` after it stays, brackets and all: it asks the person to fill it in. The next `)` and the
 * next space are found once and reused until passed, so many `](` in a row stay linear.
 */
function unlink(text: string): string {
  let result = '';
  let copied = 0;
  let open = -1;
  let nextClose = -1;
  let nextSpace = -1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '[') {
      open = index;
    } else if (char === ']' && open >= 0) {
      if (text[index + 1] === '(') {
        const start = index + 2;
        if (nextClose !== Infinity && nextClose < start) nextClose = positionOrInfinity(text.indexOf(')', start));
        if (nextSpace !== Infinity && nextSpace < start) nextSpace = positionOrInfinity(firstSpace(text, start));
        if (nextClose > start && nextClose !== Infinity && nextClose - start <= URL_LIMIT && nextSpace > nextClose) {
          const target = text.slice(start, nextClose);
          const label = text.slice(open + 1, index);
          result += text.slice(copied, open) + (label === '' || label === target ? target : `${label} (${target})`);
          index = nextClose;
          copied = nextClose + 1;
        }
      }
      open = -1;
    }
  }
  return result + text.slice(copied);
}

function positionOrInfinity(position: number): number {
  return position < 0 ? Infinity : position;
}

function firstSpace(text: string, from: number): number {
  const space = text.indexOf(' ', from);
  const tab = text.indexOf('\t', from);
  return space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
}

/**
 * `**text**` as text. A pair counts only when its text neither starts nor ends with a space, as
 * in Markdown; a lone or spaced `**` is someone's text and stays. Each `**` is looked at once as
 * an opener and at most once as a closer, so the scan is linear.
 */
function unbold(text: string): string {
  let result = '';
  let from = 0;
  let open = text.indexOf('**');
  while (open >= 0) {
    const close = text.indexOf('**', open + 2);
    if (close < 0) break;
    const inner = text.slice(open + 2, close);
    if (inner !== '' && inner.trim() === inner) {
      result += text.slice(from, open) + inner;
      from = close + 2;
      // `**收件方：** 招商银行`: the space only kept the marks apart; a full-width colon has its own.
      if (inner.endsWith('：') && text[from] === ' ') from++;
      open = text.indexOf('**', from);
    } else {
      open = close;
    }
  }
  return result + text.slice(from);
}

/** Trailing spaces gone, at most one blank line in a row, none at either end, one final newline. */
function collapseBlankLines(lines: readonly string[]): string {
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(trimmed);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.length === 0 ? '' : kept.join('\n') + '\n';
}
