/**
 * Masking of card numbers, CVCs and one-time codes in free text.
 *
 * Every string the extension writes (letters, the journal, the webview's saved state, logs) goes
 * through here first, because the person pastes decline e-mails, SMS and bank chat transcripts
 * that may hold a full card number or a code. When in doubt this module masks: a masked order
 * number costs a little readability, a leaked card number cannot be taken back.
 *
 * Everything is a few left-to-right regex scans whose backtracking is bounded, plus O(1) work per
 * candidate (Luhn sums come from prefix sums), so it is safe to run on every keystroke and on
 * 100 KB pastes.
 */

const ASCII_ZERO = 0x30;
const FULL_WIDTH_ZERO = 0xff10;

/** ASCII and full-width digits: IMEs in Chinese produce the latter, and they are just as readable. */
const DIGIT = '0-9\\uFF10-\\uFF19';

/**
 * One of these between two digit groups keeps them in the same candidate number. Spaces of every
 * width, tabs and dashes of every kind, because copying from PDFs, bank apps and Chinese IMEs turns a
 * plain space or hyphen into any of them. Dots, commas, slashes and colons are not separators:
 * they make amounts, dates and times, never card numbers. A single line break is one too: a number
 * pasted from a PDF or a narrow chat window arrives split over two lines, and masking a few digits
 * of a table too many is the lesser harm than writing a card number into a file.
 */
const SEPARATOR = ' \\t\\n\\r\\u00A0\\u2007\\u2009\\u202F\\u3000\\-\\u2010-\\u2013\\u2212\\uFF0D';

const MASK_BULLETS = '••••';
const CVC_MASK = '•••';
const ONE_TIME_CODE_MASK = '••••••';

/** Digit groups joined by single separators; matched greedily, so each match is a maximal chain. */
const DIGIT_CHAIN = `[${DIGIT}]+(?:(?:\\r\\n|[${SEPARATOR}])[${DIGIT}]+)*`;

const CARD_CANDIDATE = new RegExp(DIGIT_CHAIN, 'g');
const DIGIT_GROUP = new RegExp(`[${DIGIT}]+`, 'g');
const ONLY_DIGITS = new RegExp(`^[${DIGIT}]+$`);
const ANY_SEPARATOR = new RegExp(`[${SEPARATOR}]`, 'g');
const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;

const MIN_CARD_DIGITS = 12;
const MAX_CARD_DIGITS = 19;

/** Maps full-width digits to ASCII so Luhn and the kept last 4 see one alphabet. */
function toAsciiDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGIT, (digit) =>
    String.fromCharCode(digit.charCodeAt(0) - FULL_WIDTH_ZERO + ASCII_ZERO),
  );
}

/**
 * Whether `digits` passes the Luhn check that every card number's last digit satisfies.
 *
 * Takes digits only, ASCII or full-width; anything else (separators included) or an empty string
 * gives `false`, so a caller cannot mistake "not a number" for "valid". Length is not checked:
 * that is a card rule, not a Luhn rule, and {@link redactCardNumbers} applies it.
 */
export function luhnValid(digits: string): boolean {
  if (!ONLY_DIGITS.test(digits)) return false;
  return new LuhnSums(toAsciiDigits(digits)).passes(0, digits.length);
}

/**
 * The one way a masked card is written, `•••• 4242`, shared by redaction, letters and the journal
 * so they all look alike and carry no brand.
 *
 * Keeps at most the last four digits of what it is given, so a caller that passes a whole number
 * by mistake still prints only four. Full-width digits come out as ASCII.
 */
export function maskLast4(last4: string): string {
  const digits = toAsciiDigits(last4).replace(/[^0-9]/g, '');
  return `${MASK_BULLETS} ${digits.slice(-4)}`;
}

/**
 * Replaces every card number in `text` with {@link maskLast4} of its last four digits and leaves
 * everything else, the separators around it included, as it was.
 *
 * A candidate is a chain of digit groups joined by single spaces or dashes (any width, see
 * SEPARATOR). Digits need no word boundary, so `卡号4242424242424242已被拒` is found. Within a
 * chain:
 * - any run of whole consecutive groups holding 12–19 digits that passes Luhn is masked, so a card
 *   written next to a year or an amount (`2025 4242 4242 4242 4242`) loses only its own digits;
 * - a group of 12–19 digits without separators is only a card as a whole: its sub-windows are not
 *   tried, because nearly every long order or trace id would then match by chance;
 * - a group of 20 or more digits is masked whole, keeping its last 4, if any 12–19 digit window
 *   inside it passes Luhn. Such runs are ids or a card glued to other digits, and one in ten
 *   windows passes by chance, so almost all of them get masked: that is the intended, safe side.
 * Overlapping matches merge into one mask; matches that only touch stay separate masks. A mask's
 * kept last 4 can form a new chain with the groups after it, so that chain is checked too and the
 * mask grows if it passes: redacting the output again then changes nothing. Text that already
 * reads `•••• 4242` gets no special treatment, so `•••• 4242 4242 4242 4242` is still caught.
 */
export function redactCardNumbers(text: string): string {
  return text.replace(CARD_CANDIDATE, (chain) => redactDigitChain(chain));
}

/**
 * Whether `text` holds anything {@link redactCardNumbers} would mask: the last guard before a
 * letter or journal entry is written, so it is defined by the masking itself and cannot drift.
 */
export function containsFullCardNumber(text: string): boolean {
  return redactCardNumbers(text) !== text;
}

/**
 * Whether `text` holds anything {@link redactSecrets} would mask: a card number, a CVC or a
 * one-time code. The last guard before a letter, a journal entry or anything else reaches a file;
 * defined by the masking itself so the two cannot drift.
 */
export function containsSecret(text: string): boolean {
  return redactSecrets(text) !== text;
}

/** Where the digits of a CVC or one-time code may sit after (or before) their label. */
const LABEL_GAP = `(?:[\\s:：=＝"'#＃()（）\\[\\]【】]|is|是|为|為){0,6}`;

const CVC_LABEL =
  '(?:(?<![a-z])(?:card\\s+verification\\s+(?:value|code)|(?:card\\s+)?security\\s+code|' +
  'cvv2|cvc2|cvv|cvc|cvn|cid|csc)(?![a-z])(?:\\s*(?:code|number|no\\.?|码|碼))?' +
  '|卡?安全[码碼]|卡[验驗][证證][码碼])';

/** Bare 验证码 is a CVC on a card form and a one-time code in an SMS; its length tells which. */
const VERIFICATION_LABEL_ZH = '[验驗][证證][码碼]';

/**
 * Words that put a number right after "code" without it being a secret: postal codes, error and
 * decline codes, promo codes. Without this, "zip code 94105" would be masked.
 */
const NOT_SECRET_CODE =
  '(?<!(?<![a-z])(?:zip|postal|post|area|country|region|error|decline|response|reason|status|' +
  'result|return|exit|http|promo|discount|coupon|voucher|gift|bank|branch|sort|swift|bic|iban|' +
  'currency|merchant|mcc|category|product|item|order|tracking|invite|referral|source)[\\s_-]*)';

const ONE_TIME_CODE_LABEL =
  `(?:(?<![a-z])(?:one[\\s-]?time\\s+(?:pass(?:code|word)|code|pin)|otp|passcode|pin|${NOT_SECRET_CODE}code)(?![a-z])` +
  `|短信${VERIFICATION_LABEL_ZH}|${VERIFICATION_LABEL_ZH}|[动動][态態][码碼]|[动動][态態]密[码碼]|校[验驗][码碼])`;

const digitsOf = (min: number, max: number): string =>
  `(?<![${DIGIT}])[${DIGIT}]{${min},${max}}(?![${DIGIT}])`;

// Labels first: the number is kept out of the label group so only it is replaced.
const CVC_AFTER_LABEL = new RegExp(`(${CVC_LABEL}${LABEL_GAP})${digitsOf(3, 4)}`, 'gi');
const ONE_TIME_CODE_AFTER_LABEL = new RegExp(
  `(${ONE_TIME_CODE_LABEL}${LABEL_GAP})${digitsOf(4, 8)}`,
  'gi',
);
const CVC_AFTER_VERIFICATION_LABEL_ZH = new RegExp(
  `(${VERIFICATION_LABEL_ZH}${LABEL_GAP})${digitsOf(3, 3)}`,
  'g',
);
// Chinese SMS put the code first: "123456是您的验证码", "【银行】123是卡安全码". As after a label,
// a bare 验证码 takes 4–8 digits as a one-time code first and 3 left over as a CVC.
const ONE_TIME_CODE_BEFORE_LABEL_ZH = new RegExp(
  `${digitsOf(4, 8)}(\\s*(?:是|为|為)?\\s*(?:您的|你的|您|本次)?\\s*(?:短信)?(?:${VERIFICATION_LABEL_ZH}|[动動][态態][码碼]|校[验驗][码碼]))`,
  'g',
);
const CVC_BEFORE_LABEL_ZH = new RegExp(
  `${digitsOf(3, 4)}(\\s*(?:是|为|為)?\\s*卡?(?:安全[码碼]|${VERIFICATION_LABEL_ZH}))`,
  'g',
);
// English SMS too: "482193 is your OpenAI verification code".
const ONE_TIME_CODE_BEFORE_LABEL_EN = new RegExp(
  `${digitsOf(4, 8)}(\\s+is\\s+(?:your|the)\\s+(?:[a-z-]+\\s+){0,3}?(?:code|otp|passcode|password|pin)(?![a-z]))`,
  'gi',
);

/**
 * A word that every label in the patterns above contains, so text without one has no labelled
 * secret: cvv/cvc/cvn/cid/csc (and cvv2, cvc2), "code" (security code, passcode, one-time code,
 * card verification code), "verification" (card verification value), "pass" (one-time password),
 * "pin", "otp", and 码/碼, which ends every Chinese label.
 */
const ANY_LABEL_WORD = /c(?:vv|vc|vn|id|sc)|code|verification|pass|pin|otp|[码碼]/i;

/**
 * {@link redactCardNumbers}, then the secrets that come with a label: a CVC (CVC, CVV, CVV2, CVN,
 * CID, CSC, security code, 安全码, 卡验证码) followed within a few characters (`:`, `：`,
 * `=`, `is`, `是`, `为`, spaces, brackets, quotes) by 3–4 digits becomes `•••`; a one-time code
 * (OTP, one-time code/password, passcode, PIN, code, 验证码, 短信验证码, 动态码, 校验码) followed by
 * 4–8 digits becomes `••••••`. The label stays so the text still reads; the masks have a fixed
 * length so they do not tell the code's length. The code-first order of SMS ("123456是您的验证码",
 * "123456 is your verification code") is masked too.
 *
 * Bare numbers are left alone: years, amounts, dates, times, postal codes ("zip code 94105",
 * "邮编 94105"), a last 4 ("尾号 4242") and a BIN ("BIN 42424242") carry no label above and are
 * too short to be a card. A bare 验证码 is a CVC with 3 digits and a one-time code with 4–8;
 * "security code 123456" is too long for a CVC and is masked as a code. Either way the digits go.
 *
 * Idempotent, and never shows more digits than it was given.
 */
export function redactSecrets(text: string): string {
  const cardsMasked = redactCardNumbers(text);
  // Every labelled pattern below needs one of these words; most text has none, and each pass is a scan.
  if (!ANY_LABEL_WORD.test(cardsMasked)) return cardsMasked;
  return cardsMasked
    .replace(CVC_AFTER_LABEL, (_match, label: string) => label + CVC_MASK)
    .replace(ONE_TIME_CODE_AFTER_LABEL, (_match, label: string) => label + ONE_TIME_CODE_MASK)
    .replace(CVC_AFTER_VERIFICATION_LABEL_ZH, (_match, label: string) => label + CVC_MASK)
    .replace(ONE_TIME_CODE_BEFORE_LABEL_ZH, (_match, label: string) => ONE_TIME_CODE_MASK + label)
    .replace(CVC_BEFORE_LABEL_ZH, (_match, label: string) => CVC_MASK + label)
    .replace(ONE_TIME_CODE_BEFORE_LABEL_EN, (_match, label: string) => ONE_TIME_CODE_MASK + label);
}

/** Masks the card numbers inside one maximal chain of digit groups; see {@link redactCardNumbers}. */
function redactDigitChain(chain: string): string {
  // Most chains are years, amounts or postal codes: too short to hold a card's 12 digits.
  if (chain.length < MIN_CARD_DIGITS) return chain;
  const groups = [...chain.matchAll(DIGIT_GROUP)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  const digits = toAsciiDigits(chain.replace(ANY_SEPARATOR, ''));
  if (digits.length < MIN_CARD_DIGITS) return chain;

  // offsets[i] is where group i starts in `digits`; offsets[groups.length] is the total.
  const offsets = [0];
  for (const group of groups) offsets.push(offsets[offsets.length - 1]! + group.end - group.start);
  const sums = new LuhnSums(digits);

  // Spans of group indices, inclusive, in order of first group: the merge below relies on it.
  const spans: Array<[number, number]> = [];
  for (let first = 0; first < groups.length; first++) {
    const start = offsets[first]!;
    if (offsets[first + 1]! - start > MAX_CARD_DIGITS) {
      if (sums.hasPassingWindow(start, offsets[first + 1]!)) spans.push([first, first]);
      continue;
    }
    for (let last = first; last < groups.length; last++) {
      const length = offsets[last + 1]! - start;
      if (length > MAX_CARD_DIGITS) break;
      if (length >= MIN_CARD_DIGITS && sums.passes(start, offsets[last + 1]!)) {
        spans.push([first, last]);
      }
    }
  }
  if (spans.length === 0) return chain;

  // After a mask only its last 4 stay, and they start a new group: a chain beginning there was
  // never tried above, so try it now and swallow it if it passes.
  const extendPastKeptDigits = (last: number): number => {
    const kept = offsets[last + 1]! - 4;
    let extended = last;
    for (let next = last + 1; next < groups.length; next++) {
      const end = offsets[next + 1]!;
      if (end - kept > MAX_CARD_DIGITS) break;
      if (end - kept >= MIN_CARD_DIGITS && sums.passes(kept, end)) extended = next;
    }
    return extended;
  };

  const merged: Array<[number, number]> = [];
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
    merged.push([first, last]);
  }

  let result = '';
  let copiedUpTo = 0;
  for (const [first, last] of merged) {
    const end = offsets[last + 1]!;
    result += chain.slice(copiedUpTo, groups[first]!.start) + maskLast4(digits.slice(end - 4, end));
    copiedUpTo = groups[last]!.end;
  }
  return result + chain.slice(copiedUpTo);
}

/**
 * Luhn sums of every window of an ASCII digit string in O(1) each, so that trying every window of
 * a 100 KB digit run stays linear. In a window the last digit is kept and every second digit
 * leftwards is doubled, so which digits double depends only on the parity of the window's end:
 * one prefix sum per parity covers all windows.
 */
class LuhnSums {
  /** Sum of digits [0, k): even indices as-is, odd indices doubled. */
  private readonly evenKept: number[] = [0];
  /** Sum of digits [0, k): even indices doubled, odd indices as-is. */
  private readonly oddKept: number[] = [0];

  constructor(digits: string) {
    for (let index = 0; index < digits.length; index++) {
      const digit = digits.charCodeAt(index) - ASCII_ZERO;
      const doubled = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      const even = index % 2 === 0;
      this.evenKept.push(this.evenKept[index]! + (even ? digit : doubled));
      this.oddKept.push(this.oddKept[index]! + (even ? doubled : digit));
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
        if (this.passes(windowStart, windowEnd)) return true;
      }
    }
    return false;
  }
}
