/**
 * Masking of card numbers, CVCs and one-time codes in free text.
 *
 * Every string the extension writes (letters, the journal, the webview's saved state, logs) goes
 * through here first, because the person pastes decline e-mails, SMS and bank chat transcripts
 * that may hold a full card number or a code. When in doubt this module masks: a masked order
 * number costs a little readability, a leaked card number cannot be taken back.
 *
 * One normalisation comes before every check (see {@link normalizeForSecrets}): every Unicode
 * decimal digit (full-width, Arabic-Indic, Devanagari, mathematical bold…) is read as its ASCII
 * digit, format characters (zero-width spaces and joiners, word joiner, BOM, soft hyphen, bidi
 * marks) are read as nothing, and full-width ASCII letters and punctuation as ASCII. The checks
 * run on the normalized text; each mask then replaces exactly the original span of what it
 * found, so the person's words around it, invisible characters included, stay as they were.
 *
 * Card numbers, the rule (see {@link redactCardNumbers}): digit groups joined by short runs (1–4
 * characters) of the separators people put between groups — any whitespace including line
 * breaks, any dash or minus, `.` `/` `_` `,` `、` `·` `・` `。` and their full-width forms —
 * form a chain. A card is a run of whole consecutive groups of the chain with 12–19 digits that
 * passes Luhn, where either every group but the last has at least 3 digits (the last may be the
 * 1–2 digit tail of a 13, 17 or 18 digit number written in fours), or every group has 1–2 digits
 * (`4 2 4 2 …`, `42 42 42 …`). A group of 1–2 digits next to longer ones can therefore only end a
 * card, never start or continue one: that is what keeps our own dates, times and spans
 * (`2025-11-27 10:31 – 2025-11-28 09:02`, `2025/11/27`) and amounts (`1.00 USD`, `1,234.56`) from
 * ever reading as a card, so the guards on finished letters and journal entries never refuse
 * them. `:` is not a separator. Phone numbers: a Chinese mobile (`+86 138 0013 8000`) has
 * 11 digits after a 2-digit country code and is never a card; a longer number in groups of 3 or
 * more that happens to pass Luhn (about one in ten) is masked, the intended, safe side.
 *
 * A run of 20 or more digits with no separator (a reference number, or a card glued to other
 * digits) is masked whole, keeping its last 4, if any 12–19 digit window inside it passes Luhn,
 * which about nine in ten do: again the safe side. A run of 12–19 digits is a card only as a
 * whole. Digits need no word boundary: `卡号4242424242424242`, `?card=4242424242424242&` and
 * pasted JSON are all found.
 *
 * CVCs and one-time codes (see {@link redactSecrets}) are found by their label, in English,
 * Simplified and Traditional Chinese, with the code after it or, as SMS write it, before it.
 *
 * Linear by construction: the normaliser, the card scanner and the scanner that reads the gap and
 * the code after a label are left-to-right loops doing bounded work per character (Luhn sums of
 * any window come from prefix sums). The regular expressions that scan the text
 * ({@link REDACTION_PATTERNS}) have only bounded quantifiers, so a failed attempt at any position
 * costs a constant; the others test a single character or a short slice.
 */

const ASCII_ZERO = 0x30;
const MASK_BULLETS = '••••';
const CVC_MASK = '•••';
const ONE_TIME_CODE_MASK = '••••••';
const MIN_CARD_DIGITS = 12;
const MAX_CARD_DIGITS = 19;
/** Longest run of separator characters that still joins two digit groups (` - `, `\r\n`, ` . `). */
const MAX_SEPARATOR_RUN = 4;

// ---------------------------------------------------------------------------------------------
// Normalisation

const IS_DECIMAL_DIGIT = /^\p{Nd}$/u;
/** Nd characters come in runs of ten from a zero; the mathematical digits are five runs in a row. */
const LONGEST_DIGIT_RUN = 50;
/** Values of the digits met so far: at most the ~700 Nd characters Unicode has. */
const digitValues = new Map<number, number>();

/**
 * The value of a decimal digit of any script, or -1 for any other character: its distance from
 * the start of its run of Nd characters, modulo 10, so no table of scripts is needed.
 */
function digitValue(codePoint: number): number {
  const known = digitValues.get(codePoint);
  if (known !== undefined) return known;
  if (!IS_DECIMAL_DIGIT.test(String.fromCodePoint(codePoint))) return -1;
  let before = 0;
  while (before < LONGEST_DIGIT_RUN && IS_DECIMAL_DIGIT.test(String.fromCodePoint(codePoint - before - 1))) before++;
  digitValues.set(codePoint, before % 10);
  return before % 10;
}

/**
 * What the normalisation changes: full-width ASCII, a percent-encoded separator (a URL writes a
 * space as `%20`, a slash as `%2F`), a JSON escape of whitespace (`\n`, `\r`, `\t`), a format
 * character, a non-ASCII digit; and what Markdown or HTML puts between digit groups that a
 * preview does not show (letters and the journal are Markdown, opened with their preview): a
 * space entity (`&nbsp;`), a numeric character reference (`&#52;`, `&#x34;`), a backslash
 * before punctuation (`4532\-0151`), an inline tag (`<b>`, `</span>`), a link's `[` before a
 * digit and its `](target)`. Every quantifier is bounded, so each match reads a bounded number
 * of characters.
 */
const CHANGED =
  /([\uff01-\uff5e])|%(0[9ad]|2[0cdf])|\\([nrt])|&(nbsp|ensp|emsp|thinsp);|&#(\d{1,7});|&#x([\da-f]{1,6});|\\(?=[-!"#$%&'()*+,./:;<=>?@[\\\]^_`{|}~])|<\/?[a-z][a-z\d]{0,15}(?:[ \t][^<>\n]{0,256})?\/?>|\[(?=\p{Nd})|\]\([^()\s]{0,256}\)|(?!\d)[\p{Nd}\p{Cf}]/giu;
/** What JSON's escapes stand for: pasted JSON writes a line break between groups as `\n`. */
const JSON_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', N: '\n', R: '\r', T: '\t' };

/**
 * Text as the secret checks read it, with the way back to the original text. Only the changed
 * characters are recorded (most text has few or none), so building one costs one scan.
 */
export class NormalizedText {
  /**
   * For each changed character, in order: where its replacement starts in the normalized text,
   * how long that replacement is (0 when dropped, else 1), and the original span it replaced.
   */
  private readonly at: number[] = [];
  private readonly width: number[] = [];
  private readonly originalStart: number[] = [];
  private readonly originalEnd: number[] = [];
  /** The normalized text: what every check reads. */
  readonly text: string;

  constructor(original: string) {
    let text = '';
    let copiedUpTo = 0;
    for (const match of original.matchAll(CHANGED)) {
      const index = match.index!;
      const char = match[0];
      let replacement = '';
      if (match[1] !== undefined) {
        // Full-width ASCII, which Chinese IMEs type: ４ is 4, and ：（）＝ the punctuation they stand for.
        replacement = String.fromCharCode(char.charCodeAt(0) - 0xfee0);
      } else if (match[2] !== undefined) {
        replacement = String.fromCharCode(parseInt(match[2], 16));
      } else if (match[3] !== undefined) {
        replacement = JSON_ESCAPES[match[3]]!;
      } else if (match[4] !== undefined) {
        replacement = ' ';
      } else if (match[5] !== undefined || match[6] !== undefined) {
        // A reference to a digit or a separator reads as that character; any other, as a space between groups.
        const code = match[5] !== undefined ? parseInt(match[5], 10) : parseInt(match[6]!, 16);
        replacement = code < 0x10000 && code !== 0 ? String.fromCharCode(code) : ' ';
      } else if (char[0] === '<' || char[0] === ']' || char === '\\' || char === '[') {
        // A tag, a link's `](target)`, its `[`, or an escaping backslash: shown as nothing.
        replacement = '';
      } else {
        // A digit becomes its ASCII digit; a format character, nothing.
        const value = digitValue(char.codePointAt(0)!);
        if (value >= 0) replacement = String.fromCharCode(ASCII_ZERO + value);
      }
      text += original.slice(copiedUpTo, index);
      this.at.push(text.length);
      this.width.push(replacement.length);
      this.originalStart.push(index);
      this.originalEnd.push(index + char.length);
      text += replacement;
      copiedUpTo = index + char.length;
    }
    this.text = copiedUpTo === 0 ? original : text + original.slice(copiedUpTo);
  }

  /** Where normalized character `index` starts in the original text. */
  startOf(index: number): number {
    const change = this.changeCovering(index);
    if (change < 0) return index;
    const after = this.at[change]! + this.width[change]!;
    return index < after ? this.originalStart[change]! : this.originalEnd[change]! + index - after;
  }

  /** Where normalized character `index` ends in the original text. */
  endOf(index: number): number {
    return this.startOf(index) + this.originalWidth(index);
  }

  private originalWidth(index: number): number {
    const change = this.changeCovering(index);
    if (change >= 0 && index < this.at[change]! + this.width[change]!) {
      return this.originalEnd[change]! - this.originalStart[change]!;
    }
    return 1;
  }

  /**
   * The last change at or before normalized character `index` (a replacement at `index`, or
   * anything before it, dropped characters right before it included); -1 if none.
   */
  private changeCovering(index: number): number {
    let low = 0;
    let high = this.at.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.at[middle]! <= index) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }
}

/**
 * The one normalisation in front of every secret check: every Unicode decimal digit (`\p{Nd}`,
 * any script) becomes its ASCII digit, format characters (`\p{Cf}`: zero-width space and
 * joiners, word joiner, BOM, soft hyphen, bidi marks) are dropped, full-width ASCII (`４`, `：`,
 * `（`, `Ｃ`) becomes ASCII, and the separators a URL percent-encodes (`%20`, `%09`, `%0A`,
 * `%0D`, `%2C`, `%2F`) and JSON's escapes of whitespace (`\n`, `\r`, `\t`) become the
 * character they encode. Everything else is kept as it is. One scan, O(length).
 */
export function normalizeForSecrets(text: string): NormalizedText {
  return new NormalizedText(text);
}

/**
 * Every Unicode decimal digit in `text` as its ASCII digit (`４２`, `٤٢`, `४२` → `42`); nothing
 * else changes, format characters included. For fields that hold digits only, such as a BIN.
 */
export function toAsciiDigits(text: string): string {
  return text.replace(NON_ASCII_DIGIT, (digit) => String.fromCharCode(ASCII_ZERO + digitValue(digit.codePointAt(0)!)));
}

const NON_ASCII_DIGIT = /(?!\d)\p{Nd}/gu;

/** One replacement, in normalized coordinates: characters [start, end) become `text`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies edits (sorted, not overlapping) to the original text through the normalisation's map. */
function applyEdits(original: string, normalized: NormalizedText, edits: readonly Edit[]): string {
  if (edits.length === 0) return original;
  let result = '';
  let copiedUpTo = 0;
  for (const edit of edits) {
    const start = normalized.startOf(edit.start);
    const end = normalized.endOf(edit.end - 1);
    result += original.slice(copiedUpTo, start) + edit.text;
    copiedUpTo = end;
  }
  return result + original.slice(copiedUpTo);
}

// ---------------------------------------------------------------------------------------------
// Card numbers

/**
 * Whether `digits` passes the Luhn check that every card number's last digit satisfies.
 *
 * Takes decimal digits only, of any script (ASCII, full-width, Arabic-Indic…); anything else
 * (separators and invisible characters included) or an empty string gives `false`, so a caller
 * cannot mistake "not a number" for "valid". Length is not checked: that is a card rule, not a
 * Luhn rule, and {@link redactCardNumbers} applies it.
 */
export function luhnValid(digits: string): boolean {
  if (!ONLY_DECIMAL_DIGITS.test(digits)) return false;
  const ascii = normalizeForSecrets(digits).text;
  return new LuhnSums(ascii).passes(0, ascii.length);
}

const ONLY_DECIMAL_DIGITS = /^\p{Nd}+$/u;

/**
 * The one way a masked card is written, `•••• 4242`, shared by redaction, letters and the journal
 * so they all look alike and carry no brand.
 *
 * Keeps at most the last four digits of what it is given, so a caller that passes a whole number
 * by mistake still prints only four. Digits of any script come out as ASCII.
 */
export function maskLast4(last4: string): string {
  const digits = normalizeForSecrets(last4).text.replace(/\D/g, '');
  return `${MASK_BULLETS} ${digits.slice(-4)}`;
}

/** Separators between digit groups outside ASCII: whitespace, dashes, minus, middle dots, CJK stops and commas. */
const NON_ASCII_SEPARATOR = /^[\s\p{Pd}\u2212\u00b7\u2027\u2219\u22c5\u30fb\uff65\u3001\u3002\uff61\uff64\u2018\u2019\u201c\u201d\u2026]$/u;

/**
 * ASCII separators beyond whitespace: `- . / _ ,` and `+` (a space in a URL's query); and the
 * Markdown, CSV and chat around groups pasted one per cell, line or quote: `|` (table cells), `>`
 * (quoted lines), `` ` `` (code spans), `"` `'` (CSV), `~` and `*`. Never `:`, which keeps a
 * time's groups apart, nor `;` or brackets, which end a clause or an aside.
 */
const ASCII_SEPARATORS = new Set([...'-./_,+|>`"\'~*'].map((char) => char.charCodeAt(0)));

function isSeparator(code: number): boolean {
  if (code < 0x80) {
    // `+` is harmless for our own times: in `10:31:00+08:00` it joins only the 2-digit groups a
    // colon already cut.
    return code === 0x20 || (code >= 0x09 && code <= 0x0d) || ASCII_SEPARATORS.has(code);
  }
  return NON_ASCII_SEPARATOR.test(String.fromCharCode(code));
}

/** Digits of any script, invisible characters, and the `%` and `\\` that start an encoded separator. */
const NUMBER_SYMBOL = /^[\p{Nd}\p{Cf}%\\]$/u;

/**
 * Whether `char` (one code point) can belong to a card number as the masking reads it: a digit
 * of any script, an invisible character, a separator between groups (full-width ones too), or the
 * `%` and `\\` that start a URL- or JSON-encoded separator. A cut through a number must drop all
 * of these with it (the report's raw-input cap), or the head of a card would survive without the
 * tail its Luhn check needs. Defined by the same separators the masking joins groups with.
 */
export function mayBePartOfNumber(char: string): boolean {
  if (NUMBER_SYMBOL.test(char)) return true;
  if (char.length !== 1) return false;
  const code = char.charCodeAt(0);
  // Full-width ASCII reads as ASCII, as in the normalisation.
  return isSeparator(code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code);
}

function isDigit(code: number): boolean {
  return code >= ASCII_ZERO && code <= ASCII_ZERO + 9;
}

/** A maximal run of ASCII digits in normalized text, [start, end). */
interface Group {
  start: number;
  end: number;
}

/**
 * A counter of the card scanner's steps, for the test that proves it linear without a clock.
 * Only {@link redactionWorkUnits} sets it.
 */
let meter: { units: number } | null = null;

/**
 * Replaces every card number in `text` with {@link maskLast4} of its last four digits and leaves
 * everything else, the separators around it included, as it was. The rule is in the module doc:
 * Luhn-valid runs of 12–19 digits in whole consecutive groups, found through any separator,
 * digit script or invisible character.
 *
 * Within a chain:
 * - every run of whole consecutive groups holding 12–19 digits that passes Luhn is masked, so a
 *   card written next to a year (`2025 4242 4242 4242 4242`) loses only its own digits;
 * - a group of 12–19 digits without separators is only a card as a whole: its sub-windows are not
 *   tried, because nearly every long order or trace id would then match by chance;
 * - a group of 20 or more digits is masked whole if any 12–19 digit window inside it passes Luhn.
 * Overlapping matches merge into one mask; matches that only touch stay separate masks. A mask's
 * kept last 4 can form a new card with the groups after it, so that is checked too and the mask
 * grows if it passes: redacting the output again then changes nothing. Text that already reads
 * `•••• 4242` gets no special treatment, so `•••• 4242 4242 4242 4242` is still caught.
 */
export function redactCardNumbers(text: string): string {
  const normalized = normalizeForSecrets(text);
  return applyEdits(text, normalized, cardEdits(normalized.text));
}

/**
 * Whether `text` holds anything {@link redactCardNumbers} would mask: the last guard before a
 * letter or journal entry is written, so it is defined by the masking itself and cannot drift.
 */
export function containsFullCardNumber(text: string): boolean {
  return redactCardNumbers(text) !== text;
}

/** The masks for every card number in normalized text, in order. */
function cardEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  let chain: Group[] = [];
  let index = 0;
  while (index < text.length) {
    if (meter) meter.units++;
    if (!isDigit(text.charCodeAt(index))) {
      index++;
      continue;
    }
    const start = index;
    while (index < text.length && isDigit(text.charCodeAt(index))) {
      if (meter) meter.units++;
      index++;
    }
    chain.push({ start, end: index });
    // Does a short run of separators lead to another group? Then the chain goes on.
    let gap = index;
    while (gap < text.length && gap - index < MAX_SEPARATOR_RUN && isSeparator(text.charCodeAt(gap))) {
      if (meter) meter.units++;
      gap++;
    }
    if (gap > index && gap < text.length && isDigit(text.charCodeAt(gap))) {
      index = gap;
      continue;
    }
    edits.push(...chainEdits(text, chain));
    chain = [];
  }
  return edits;
}

/** Masks the card numbers inside one maximal chain of digit groups; see {@link redactCardNumbers}. */
function chainEdits(text: string, groups: readonly Group[]): Edit[] {
  // offsets[i] is where group i starts among the chain's digits; offsets[groups.length] is the total.
  const offsets = [0];
  let digits = '';
  for (const group of groups) {
    digits += text.slice(group.start, group.end);
    offsets.push(digits.length);
  }
  // Most chains are years, amounts, dates or postal codes: too short to hold a card's 12 digits.
  if (digits.length < MIN_CARD_DIGITS) return [];
  const sums = new LuhnSums(digits);
  const size = (group: number): number => offsets[group + 1]! - offsets[group]!;

  // Spans of group indices, inclusive, in order of first group: the merge below relies on it.
  // A span is card-shaped (see the module doc) when its groups all have 1–2 digits, or when
  // every group but the last has 3 or more.
  const spans: Array<[number, number]> = [];
  for (let first = 0; first < groups.length; first++) {
    const start = offsets[first]!;
    if (size(first) > MAX_CARD_DIGITS) {
      if (sums.hasPassingWindow(start, offsets[first + 1]!)) spans.push([first, first]);
      continue;
    }
    const shortOnly = size(first) <= 2;
    for (let last = first; last < groups.length; last++) {
      if (meter) meter.units++;
      if (last > first && (shortOnly ? size(last) > 2 : size(last - 1) < 3)) break;
      const length = offsets[last + 1]! - start;
      if (length > MAX_CARD_DIGITS) break;
      if (length >= MIN_CARD_DIGITS && sums.passes(start, offsets[last + 1]!)) spans.push([first, last]);
    }
  }
  if (spans.length === 0) return [];

  // After a mask only its last 4 stay, and they read as a group of 4: a card starting there was
  // never tried above, so try it now and swallow it if it passes.
  const extendPastKeptDigits = (last: number): number => {
    const kept = offsets[last + 1]! - 4;
    let extended = last;
    for (let next = last + 1; next < groups.length; next++) {
      if (meter) meter.units++;
      const end = offsets[next + 1]!;
      if (end - kept > MAX_CARD_DIGITS) break;
      if (end - kept >= MIN_CARD_DIGITS && sums.passes(kept, end)) extended = next;
      // The kept 4 start a card of long groups, which only its last group may end short.
      if (size(next) < 3) break;
    }
    return extended;
  };

  const edits: Edit[] = [];
  let index = 0;
  while (index < spans.length) {
    const [first, initialLast] = spans[index++]!;
    let last = initialLast;
    for (;;) {
      while (index < spans.length && spans[index]![0] <= last) last = Math.max(last, spans[index++]![1]);
      const extended = extendPastKeptDigits(last);
      if (extended === last) break;
      last = extended;
    }
    const end = offsets[last + 1]!;
    edits.push({ start: groups[first]!.start, end: groups[last]!.end, text: maskLast4(digits.slice(end - 4, end)) });
  }
  return edits;
}

/**
 * Luhn sums of every window of an ASCII digit string in O(1) each, so that trying every window of
 * a 100 KB digit run stays linear. In a window the last digit is kept and every second digit
 * leftwards is doubled, so which digits double depends only on the parity of the window's end:
 * one prefix sum per parity covers all windows.
 */
class LuhnSums {
  /** Sum of digits [0, k): even indices as-is, odd indices doubled. */
  private readonly evenKept: Int32Array;
  /** Sum of digits [0, k): even indices doubled, odd indices as-is. */
  private readonly oddKept: Int32Array;

  constructor(digits: string) {
    this.evenKept = new Int32Array(digits.length + 1);
    this.oddKept = new Int32Array(digits.length + 1);
    for (let index = 0; index < digits.length; index++) {
      const digit = digits.charCodeAt(index) - ASCII_ZERO;
      const doubled = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      const even = index % 2 === 0;
      this.evenKept[index + 1] = this.evenKept[index]! + (even ? digit : doubled);
      this.oddKept[index + 1] = this.oddKept[index]! + (even ? doubled : digit);
    }
  }

  /** Whether digits [start, end) pass Luhn. */
  passes(start: number, end: number): boolean {
    if (end <= start) return false;
    const prefix = (end - 1) % 2 === 0 ? this.evenKept : this.oddKept;
    return (prefix[end]! - prefix[start]!) % 10 === 0;
  }

  /** Whether any window of 12–19 digits inside [start, end) passes Luhn. */
  hasPassingWindow(start: number, end: number): boolean {
    for (let windowEnd = start + MIN_CARD_DIGITS; windowEnd <= end; windowEnd++) {
      const longest = Math.max(start, windowEnd - MAX_CARD_DIGITS);
      for (let windowStart = windowEnd - MIN_CARD_DIGITS; windowStart >= longest; windowStart--) {
        if (meter) meter.units++;
        if (this.passes(windowStart, windowEnd)) return true;
      }
    }
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// CVCs and one-time codes. The patterns read normalized text: ASCII digits, no invisible
// characters, full-width punctuation as ASCII (`（` is `(`, `：` is `:`).

/**
 * Labels are found by small regular expressions; what follows a label (the gap, then the code)
 * is read by {@link codeAfterLabel}, a hand-written scanner that looks at a bounded number of
 * characters. Keeping the gap out of the patterns keeps each one simple enough that a ReDoS
 * checker decides it quickly, and the scanner is linear by construction.
 */
const CVC_LABEL =
  '(?<![a-z])(?:card\\s{1,3}verification\\s{1,3}(?:value|code|number)|(?:card\\s{1,3})?security\\s{1,3}(?:code|number)|card\\s{1,3}code|' +
  // "CVV2 123" has a CVV2; "CVC2000" is a CVC and its code.
  'cv[vc](?:2(?!\\d))?|cvn|cid|csc)(?![a-z])(?:[\\s_]{0,2}(?:code|number|no|[号號]?[码碼]))?' +
  '|卡?安全[码碼](?:[为為是]?的?[后後末]三[位码碼])?|卡[验驗][证證][码碼]' +
  // Taiwan's and Hong Kong's wording too: 卡背末三碼, 卡片背面簽名欄末三碼, 卡片末三碼, 檢查碼 / 檢核碼.
  '|卡?片?背[面后後]{0,2}(?:[签簽]名[栏欄条條]?)?的?(?:末|最[后後])?三[位码碼](?:[数數]字?|[码碼])?' +
  '|卡片?的?(?:末|最[后後])三[位码碼](?:[数數]字?|[码碼])?|[检檢][查核][码碼]' +
  // "the 3 digits on the back: 123", "3-digit code on the back 123".
  '|(?<![a-z\\d])(?:3|4|three|four)[\\s-]{1,2}digits?(?:\\s{1,3}(?:code|number))?\\s{1,3}on\\s{1,3}the\\s{1,3}back(?![a-z])';

/** Bare 验证码 is a CVC on a card form and a one-time code in an SMS; its length tells which. */
const VERIFICATION_LABEL_ZH = '[验驗][证證][码碼]';

/** Chinese one-time code labels; shared by the label-first and the code-first (SMS) orders. */
const ONE_TIME_CODE_LABEL_ZH =
  `(?:短信|簡訊|简讯)(?:${VERIFICATION_LABEL_ZH}|[码碼])|一次性(?:密[码碼]|${VERIFICATION_LABEL_ZH}|[码碼])` +
  `|${VERIFICATION_LABEL_ZH}|[动動][态態](?:密?[码碼]|口令)|校[验驗][码碼]|密[码碼]` +
  // Banks' SMS also say 交易码, 授权码, 认证码/認證碼, 口令 and 个人识别码 (a PIN).
  '|交易[码碼]|授[权權][码碼]|[认認][证證][码碼]|口令|[个個]人[识識][别別][码碼]|保安[编編][码碼]';

/** "code" alone is a one-time code label unless {@link NOT_SECRET_CODE} comes right before it. */
const BARE_CODE = 'code';
const ONE_TIME_CODE_LABEL =
  '(?<![a-z])(?:one[\\s-]{0,2}time[\\s-]{0,2}(?:pass(?:code|word)|code|pin)|otp|passcode|password|pin|' +
  `3-?d[\\s-]{0,2}secure|3ds2?|${BARE_CODE})(?![a-z])|${ONE_TIME_CODE_LABEL_ZH}`;

const CVC_LABELS = new RegExp(CVC_LABEL, 'gi');
const ONE_TIME_CODE_LABELS = new RegExp(ONE_TIME_CODE_LABEL, 'gi');
const VERIFICATION_LABELS_ZH = new RegExp(VERIFICATION_LABEL_ZH, 'g');

/**
 * Words that put a number right after "code" without it being a secret: postal codes, error and
 * decline codes, promo codes. Without this, "zip code 94105" would be masked. Tested on the few
 * characters before a bare "code" only.
 */
const NOT_SECRET_CODE =
  /(?:^|[^a-z])(?:zip|postal|post|area|country|region|error|decline|response|reason|status|result|return|exit|http|promo|discount|coupon|voucher|gift|bank|branch|sort|swift|bic|iban|currency|merchant|mcc|category|product|item|order|tracking|invite|referral|source)[\s_-]{0,3}$/i;
const NOT_SECRET_LOOKBACK = 16;

/**
 * What may stand between a label and its code, one token at a time, at most {@link MAX_GAP_TOKENS}:
 * spaces and line breaks, punctuation, dashes, arrows and brackets; a short bracketed aside, which
 * may hold a digit (`(3 digits)`, `（背面三位）`); and linking words (`is`, `number`, `为`, `是`,
 * `号码`).
 */
const GAP_CHARS = new Set(
  ' \t\n\r\u00a0\u3000:=#"\'`\u2018\u2019\u201c\u201d*.,;|~>-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2192\u21d2\u2794\u279c\u27a1()[]{}【】「」『』〔〕《》〈〉\u3001\u3002为是為即码碼_\ufe0f',
);
const LINK_WORD = /(?:is|are|was|number|num|no|your|the)(?![a-z])/iy;
const MAX_GAP_TOKENS = 8;
const MAX_ASIDE = 24;
/** An aside holds a word (`3 digits`, `背面三位`, `CVV`), not just a number, which would be the code itself. */
const HAS_WORD = /[^\d\s-]/;

/** The end of the code that starts at `start` (`min`–`max` digits in any of its forms), or -1. */
function codeEnd(text: string, start: number, min: number, max: number): number {
  const previous = text.charCodeAt(start - 1);
  if (isDigit(previous) || previous === BULLET) return -1;
  const runEnd = (from: number): number => {
    let end = from;
    while (end < text.length && end - from <= max && isDigit(text.charCodeAt(end))) end++;
    return end;
  };
  const spacer = (at: number): boolean => isCodeSpacer(text.charCodeAt(at));
  const first = runEnd(start);
  const firstLength = first - start;
  // Two groups of 3–4: `482 913`, `482-913`.
  if (max >= 6 && firstLength >= 3 && firstLength <= 4 && spacer(first) && isDigit(text.charCodeAt(first + 1))) {
    const second = runEnd(first + 1);
    if (second - first - 1 >= 3 && second - first - 1 <= 4 && endsCode(text, second)) return second;
  }
  // Single digits spaced out: `4 8 2 9 1 3`.
  if (firstLength === 1) {
    let count = 1;
    while (count < max && spacer(start + 2 * count - 1) && isDigit(text.charCodeAt(start + 2 * count)) && !isDigit(text.charCodeAt(start + 2 * count + 1))) {
      count++;
    }
    for (; count >= min; count--) if (endsCode(text, start + 2 * count - 1)) return start + 2 * count - 1;
  }
  if (firstLength >= min && firstLength <= max && endsCode(text, first)) return first;
  return -1;
}

const BULLET = 0x2022;
/** Between the groups or digits of a code: one space of any width or one dash. */
const NON_ASCII_CODE_SPACER = /^[\p{Zs}\p{Pd}\u2212]$/u;

function isCodeSpacer(code: number): boolean {
  if (code === 0x20 || code === 0x2d) return true;
  return code >= 0x80 && NON_ASCII_CODE_SPACER.test(String.fromCharCode(code));
}

/**
 * Whether a code may end at `end`: no digit follows, nor an amount, a time, a date or a dashed
 * reference going on (`code 20.00`, `PIN 10:31`, `code 2025-11-27`). A mask counts as the digits it replaced, so masking one number
 * never changes the verdict on its neighbour, and a second pass finds nothing new.
 */
function endsCode(text: string, end: number): boolean {
  const next = text.charCodeAt(end);
  if (isDigit(next) || next === BULLET) return false;
  // . , : / - then a digit: an amount, a time, a date or a longer dashed number goes on.
  if (next !== 0x2e && next !== 0x2c && next !== 0x3a && next !== 0x2f && next !== 0x2d) return true;
  const after = text.charCodeAt(end + 1);
  if (!isDigit(after) && after !== BULLET) return true;
  // A comma goes on only as a thousands separator (`1,234`): at most 3 digits before it and exactly 3
  // after. Otherwise it ends a clause, as the full-width comma of an SMS does once normalised:
  // `验证码是482913，5分钟内有效` must not read as one number.
  if (next === 0x2c) return !(digitsBefore(text, end) <= 3 && digitsAfter(text, end + 1) === 3);
  return false;
}

/** How many digits (at most 4) end at `end`. */
function digitsBefore(text: string, end: number): number {
  let count = 0;
  while (count < 4 && end - count > 0 && isDigit(text.charCodeAt(end - count - 1))) count++;
  return count;
}

/** How many digits (at most 4) start at `start`. */
function digitsAfter(text: string, start: number): number {
  let count = 0;
  while (count < 4 && isDigit(text.charCodeAt(start + count))) count++;
  return count;
}

/** The length of the gap token at `index` ({@link GAP_CHARS}), or 0 if none starts there. */
function gapTokenLength(text: string, index: number): number {
  const char = text[index]!;
  if (char === '(') {
    // Only a bounded window is searched, so a text of ten thousand `(` stays linear.
    const window = text.slice(index + 1, index + MAX_ASIDE + 2);
    const close = window.indexOf(')');
    const aside = window.slice(0, close);
    if (close > 0 && !aside.includes('(') && !aside.includes('\n') && HAS_WORD.test(aside)) return close + 2;
  }
  if (GAP_CHARS.has(char)) return 1;
  if ((char === '号' || char === '號') && (text[index + 1] === '码' || text[index + 1] === '碼')) return 2;
  if (isLetter(text.charCodeAt(index - 1))) return 0;
  // Google's `G-482913`: one capital letter and a dash before the digits.
  if (isUpperLetter(text.charCodeAt(index)) && text[index + 1] === '-' && isDigit(text.charCodeAt(index + 2))) return 2;
  LINK_WORD.lastIndex = index;
  return LINK_WORD.test(text) ? LINK_WORD.lastIndex - index : 0;
}

function isUpperLetter(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** The code (`min`–`max` digits) after a label that ends at `from`, across a short gap; undefined if none. */
function codeAfterLabel(text: string, from: number, min: number, max: number): { start: number; end: number } | undefined {
  let index = from;
  for (let tokens = 0; index < text.length; tokens++) {
    if (isDigit(text.charCodeAt(index))) {
      const end = codeEnd(text, index, min, max);
      return end < 0 ? undefined : { start: index, end };
    }
    if (tokens === MAX_GAP_TOKENS) return undefined;
    const length = gapTokenLength(text, index);
    if (length === 0) return undefined;
    index += length;
  }
  return undefined;
}

/** The digits of a code written before its label: 4–8 (`482913`, `482 913`) or 3–4 for a CVC. */
const CODE_FIRST = '(?<![\\d•])(\\d{3,4}[\\p{Zs}\\p{Pd}\\u2212]\\d{3,4}|\\d{4,8})';
const CVC_FIRST = '(?<![\\d•])(\\d{3,4})';

/** Between an SMS's code and its label: `是您的`, `为您在招商银行的`, `is your`. */
const SMS_LINK_ZH =
  // `【482913】验证码`, `482913（验证码）`: a bracket may close after the code and open before the label.
  '[\\]】」』)"\u201d]?[(【「『]?' +
  '\\s?(?:[是为為]|即[为為])?\\s?[您你]?的?(?:在[^\\d\\s，。,.;；的]{1,12}的)?(?:本次|此次|[当當]前)?' +
  // ... and the sender's Latin name: `482913 是你的 OpenAI 验证码`.
  '(?:交易|登[录錄]|支付|[绑綁](?:卡|定)|[验驗][证證]|操作)?的?\\s?(?:[a-z]{1,16}\\s?)?';
// Chinese SMS put the code first: "123456是您的验证码", "【银行】123是卡安全码". As after a label,
// a bare 验证码 takes 4–8 digits as a one-time code first and 3 left over as a CVC.
// Case-insensitive for the sender's Latin name only: every other letter here is Chinese.
const ONE_TIME_CODE_BEFORE_LABEL_ZH = new RegExp(`${CODE_FIRST}${SMS_LINK_ZH}(?:${ONE_TIME_CODE_LABEL_ZH})`, 'giu');
const CVC_BEFORE_LABEL_ZH = new RegExp(`${CVC_FIRST}${SMS_LINK_ZH}卡?(?:安全[码碼]|${VERIFICATION_LABEL_ZH}|cvv|cvc)`, 'giu');
// English SMS too: "482193 is your OpenAI verification code". The words between "your" and the
// label are read by {@link endsInCodeWord}, which keeps this pattern simple.
// A dash may stand for "is": "482913 — your Apple ID code".
const ONE_TIME_CODE_BEFORE_LABEL_EN = new RegExp(`${CODE_FIRST}\\s{1,2}(?:is|was|[\\u2013\\u2014-])\\s{1,2}(?:your|the)\\s`, 'giu');
// "Use 482913 to verify your account", "Enter 482913 to sign in".
const ONE_TIME_CODE_TO_VERIFY_EN = new RegExp(
  `${CODE_FIRST}\\s{1,2}to\\s{1,2}(?:verify|confirm|sign\\s|log\\s|complete|continue|finish|authenticate|authori[sz]e|reset|activate)`,
  'giu',
);
const CODE_WORDS = new Set(['code', 'otp', 'passcode', 'password', 'pin']);
const LEADING_LETTERS = /^[a-z]{1,24}/i;
/** At most this many words (the sender's name, "verification", "one-time") before the label. */
const MAX_WORDS_BEFORE_CODE_WORD = 3;

/** Whether one of the next few words from `from` is a code word ("code", "OTP", "PIN"…). */
function endsInCodeWord(text: string, from: number): boolean {
  const words = text.slice(from, from + 100).split(/\s/, MAX_WORDS_BEFORE_CODE_WORD + 2);
  for (const word of words.slice(0, MAX_WORDS_BEFORE_CODE_WORD + 1)) {
    // The word's letters only: "code." "code，之后" and `code"}` all end the phrase.
    const letters = LEADING_LETTERS.exec(word);
    if (letters && CODE_WORDS.has(letters[0].toLowerCase())) return true;
  }
  return false;
}

const CVC_DIGITS = 4;

/**
 * Every regular expression that redaction runs over untrusted text, exposed so a test can check
 * that each has only bounded quantifiers (and so linear time over any input).
 */
export const REDACTION_PATTERNS: readonly RegExp[] = [
  CVC_LABELS,
  ONE_TIME_CODE_LABELS,
  VERIFICATION_LABELS_ZH,
  NOT_SECRET_CODE,
  LINK_WORD,
  ONE_TIME_CODE_BEFORE_LABEL_ZH,
  CVC_BEFORE_LABEL_ZH,
  ONE_TIME_CODE_BEFORE_LABEL_EN,
  ONE_TIME_CODE_TO_VERIFY_EN,
];

/**
 * A word that every label in the patterns above contains, so text without one has no labelled
 * secret: cvv/cvc/cvn/cid/csc, "code", "verification", "pass", "pin", "otp", "3d"/"3-d", 三位,
 * 口令, and 码/碼, which ends every other Chinese label.
 */
const ANY_LABEL_WORD = /c(?:vv|vc|vn|id|sc)|code|verification|pass|pin|otp|3-?d|三位|口令|[码碼]|back|security|to\s{1,2}[a-z]/i;
const ANY_DIGIT = /\d/;

/**
 * {@link redactCardNumbers}, then the secrets that come with a label, in English, Simplified and
 * Traditional Chinese: a CVC (CVC, CVV, CVV2, CVC2, CVN, CID, CSC, card verification value or
 * code, security code, 安全码/安全碼, CVV码/CVV号码, 卡验证码, 卡背面三位) followed by 3–4 digits
 * becomes `•••`; a one-time code (OTP, one-time code/password/passcode/PIN, passcode, password,
 * PIN, SMS code, verification code, 3-D Secure/3DS code, any other "code" but the excluded ones,
 * 验证码/驗證碼, 短信验证码/短信码/簡訊驗證碼, 动态码/動態碼/动态密码/动态口令, 校验码, 一次性密码, 密码)
 * followed by 4–8 digits becomes `••••••`. A CVC label with 5–8 digits is masked as a code.
 *
 * Between label and code may stand up to eight of: spaces and line breaks, punctuation, dashes,
 * arrows, brackets, a short bracketed aside (`CVV (3 digits): 123`, `安全码（背面三位）：123`)
 * and linking words (is, are, was, number, your, the, 为, 是, 為, 号码). Codes may be spaced or
 * dashed (`482 913`, `482-913`, `4 8 2 9 1 3`). The code-first order of SMS
 * (`123456是您的验证码`, `482193 is your verification code`) is masked too. Labels are read after
 * normalisation, so an invisible character inside one does not hide it.
 *
 * The label stays so the text still reads; the masks have a fixed length so they do not tell the
 * code's length. Bare numbers are left alone: years, amounts, dates, times, postal codes
 * (`zip code 94105`, `邮编 94105`), error and decline codes, a last 4 (`尾号 4242`) and a BIN
 * (`BIN 42424242`) carry no label above and are too short to be a card. A bare 验证码 is a CVC
 * with 3 digits and a one-time code with 4–8.
 *
 * Idempotent, and never shows more digits than it was given.
 */
export function redactSecrets(text: string): string {
  const cardsMasked = redactCardNumbers(text);
  const normalized = normalizeForSecrets(cardsMasked);
  // Every labelled pattern needs a digit and one of these words; most text has neither.
  if (!ANY_DIGIT.test(normalized.text) || !ANY_LABEL_WORD.test(normalized.text)) return cardsMasked;
  return applyEdits(cardsMasked, normalized, labelledEdits(normalized.text));
}

/**
 * Whether `text` holds anything {@link redactSecrets} would mask: a card number, a CVC or a
 * one-time code. The last guard before a letter, a journal entry or anything else reaches a file;
 * defined by the masking itself so the two cannot drift.
 */
export function containsSecret(text: string): boolean {
  return redactSecrets(text) !== text;
}

/** The masks of every labelled CVC and one-time code in normalized text, sorted, none overlapping. */
function labelledEdits(text: string): Edit[] {
  // Codes are at most 17 characters long, so marking the characters each one takes is linear.
  const claimed = new Uint8Array(text.length);
  const taken: Edit[] = [];
  /** Takes the edit unless an earlier, higher-priority one already masks some of its digits. */
  const claim = (edit: Edit): boolean => {
    for (let index = edit.start; index < edit.end; index++) if (claimed[index]) return false;
    for (let index = edit.start; index < edit.end; index++) claimed[index] = 1;
    taken.push(edit);
    return true;
  };
  const afterLabels = (labels: RegExp, min: number, max: number, mask: (digits: number, label: string, at: number) => string | undefined): void => {
    for (const label of text.matchAll(labels)) {
      const code = codeAfterLabel(text, label.index! + label[0].length, min, max);
      if (!code) continue;
      const digits = text.slice(code.start, code.end).replace(/\D/g, '').length;
      const replacement = mask(digits, label[0], label.index!);
      if (replacement) claim({ ...code, text: replacement });
    }
  };
  const beforeLabels = (pattern: RegExp, mask: string, labelled: (end: number) => boolean = () => true): void => {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (!labelled(match.index + match[0].length)) {
        pattern.lastIndex = match.index + 1;
        continue;
      }
      // A code that overlaps one already masked may hide a shorter one right after it
      // ("482 913" of "CVC 0843 482 913动态码"): look again one character on, so a second
      // pass over the output finds nothing new.
      if (!claim({ start: match.index, end: match.index + match[1]!.length, text: mask })) pattern.lastIndex = match.index + 1;
    }
  };
  // In order of priority: where two find the same digits, the first one's mask wins. A CVC label
  // takes 3–8 digits: 3–4 are a CVC, more are a code ("security code 123456").
  afterLabels(CVC_LABELS, 3, 8, (digits) => (digits <= CVC_DIGITS ? CVC_MASK : ONE_TIME_CODE_MASK));
  afterLabels(ONE_TIME_CODE_LABELS, 4, 8, (_digits, label, at) =>
    label.toLowerCase() === BARE_CODE && NOT_SECRET_CODE.test(text.slice(Math.max(0, at - NOT_SECRET_LOOKBACK), at))
      ? undefined
      : ONE_TIME_CODE_MASK,
  );
  afterLabels(VERIFICATION_LABELS_ZH, 3, 3, () => CVC_MASK);
  beforeLabels(ONE_TIME_CODE_BEFORE_LABEL_ZH, ONE_TIME_CODE_MASK);
  beforeLabels(CVC_BEFORE_LABEL_ZH, CVC_MASK);
  beforeLabels(ONE_TIME_CODE_BEFORE_LABEL_EN, ONE_TIME_CODE_MASK, (end) => endsInCodeWord(text, end));
  beforeLabels(ONE_TIME_CODE_TO_VERIFY_EN, ONE_TIME_CODE_MASK);
  return taken.sort((a, b) => a.start - b.start);
}

/**
 * The work the card scanner does on `text`, in steps, without a clock: what a test uses to show
 * that it grows linearly with the input, however adversarial. Returns the redacted text too.
 */
export function redactionWorkUnits(text: string): { units: number; redacted: string } {
  meter = { units: 0 };
  try {
    const redacted = redactSecrets(text);
    return { units: meter.units, redacted };
  } finally {
    meter = null;
  }
}
