/**
 * The leak oracle of the property tests in `test/unit/leaks*.test.ts`: does a piece of output
 * show a card number, a CVC or a one-time code?
 *
 * It is deliberately independent of `src/core/redact.ts` (nothing here imports it) and far
 * blunter than any redactor can afford to be: it keeps only the digits of the output, of every
 * script, and forgets everything between them. A redactor must decide which separators join a
 * number; the oracle never does, so a separator, an invisible character or a digit script the
 * redactor does not know cannot hide a leak from it.
 *
 * - Digits: every character of the Unicode category Nd (decimal digit, any script) counts, folded
 *   to its ASCII value by its position in its block of ten (Unicode encodes every Nd digit in a
 *   contiguous, ascending run 0–9: a stability guarantee). Everything else is dropped, so format
 *   characters (Cf: zero-width space and joiners, word joiner, BOM, soft hyphen), line breaks and
 *   markup between digits change nothing.
 * - Encodings: URL percent-encoding (`%20` between groups, `%DB%B3` for a digit), `\uXXXX`
 *   escapes (JSON) and `&#NN;` / `&#xNN;` references (HTML) are decoded, and the raw text is
 *   checked too, so an escaped digit is still a digit and an escaped separator still separates.
 * - A card number leaks when all its digits appear contiguously in the output's digit stream.
 *   The masked form `•••• 4242` keeps 4 digits, which is fine. The stream is the whole output,
 *   not a line: a number split over lines, fields or markup still leaks. No output can show a
 *   full number by chance: the shortest card has 13 digits, and the card fields an output may
 *   legitimately print (a BIN of at most 8 digits, a last 4) add up to 12 at most.
 * - A CVC or one-time code has 3–8 digits, which dates, times and counts in any output hold by
 *   chance. So codes are checked against a twin: the same input with the code's digits replaced
 *   by `x` goes through the same pipeline, and the code leaks when the output's digit stream is
 *   not a subsequence of the twin's, that is when the output shows any digit the code-free twin
 *   does not. A partial leak (`482 •••`) is caught; masking a few digits more than the code
 *   (the `3` of `CVV (3 digits)`) is not counted as a leak.
 */

/** How many outputs the oracle has judged in this process: the "N output checks" figure. */
export const leakStats = { checks: 0, leaks: 0 };

const zeroOf = new Map<number, number>();

/** The code point of the `0` of the Nd block `codePoint` belongs to. */
function zeroFor(codePoint: number): number {
  let zero = zeroOf.get(codePoint);
  if (zero !== undefined) return zero;
  // Walk back to the start of the contiguous run of Nd characters; runs are whole blocks of ten.
  let start = codePoint;
  while (start > 0 && isDecimalDigit(start - 1)) start--;
  zero = codePoint - ((codePoint - start) % 10);
  zeroOf.set(codePoint, zero);
  return zero;
}

const ND = /^\p{Nd}$/u;

function isDecimalDigit(codePoint: number): boolean {
  return ND.test(String.fromCodePoint(codePoint));
}

/** The ASCII digits of every Nd character of `text`, in order; everything else is dropped. */
export function digitStreamOf(text: string): string {
  let stream = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint >= 0x30 && codePoint <= 0x39) stream += char;
    else if (codePoint > 0x7f && isDecimalDigit(codePoint)) stream += String(codePoint - zeroFor(codePoint));
  }
  return stream;
}

/** `text` with URL percent-encoding, JSON `\uXXXX` escapes and HTML numeric references decoded. */
export function decodeEscapes(text: string): string {
  return text
    .replace(/(?:%[0-9a-f]{2})+/gi, (bytes) => {
      try {
        return decodeURIComponent(bytes);
      } catch {
        return bytes;
      }
    })
    .replace(/\\u([0-9a-f]{4})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_match, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d{1,7});/g, (_match, decimal: string) => String.fromCodePoint(Number(decimal)));
}

/** The digit streams the oracle judges: the output as written, and decoded. */
function streamsOf(output: string): string[] {
  const raw = digitStreamOf(output);
  const decoded = decodeEscapes(output);
  return decoded === output ? [raw] : [raw, digitStreamOf(decoded)];
}

/** Whether `output` shows the whole card number `cardDigits` (ASCII digits only). */
export function showsCardNumber(output: string, cardDigits: string): boolean {
  return streamsOf(output).some((stream) => stream.includes(cardDigits));
}

/** Whether `stream` can be made from `of` by deleting characters. */
function isSubsequence(stream: string, of: string): boolean {
  let at = 0;
  for (const char of stream) {
    at = of.indexOf(char, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/**
 * Whether `output` shows digits that `twin`, the output of the same input with the code's digits
 * replaced by `x`, does not: the code leaked, whole or in part.
 */
export function showsCode(output: string, twin: string): boolean {
  const outputs = streamsOf(output);
  const twins = streamsOf(twin);
  return outputs.some((stream, index) => !isSubsequence(stream, twins[Math.min(index, twins.length - 1)]!));
}

/** One output that leaked: which, and the text around the first digit it should not show. */
export interface Leak {
  output: string;
  text: string;
}

/**
 * Collects leaks over many outputs and counts every check. A test gathers every output of one
 * input, then asserts the list is empty, so a failure names all the outputs that leaked at once.
 */
export class LeakCheck {
  readonly leaks: Leak[] = [];

  /** Checks one output for a card number. */
  card(name: string, output: string, cardDigits: string): void {
    leakStats.checks++;
    if (showsCardNumber(output, cardDigits)) this.record(name, output);
  }

  /** Checks one output for a code against its twin (see {@link showsCode}). */
  code(name: string, output: string, twin: string): void {
    leakStats.checks++;
    if (showsCode(output, twin)) this.record(name, output);
  }

  private record(name: string, output: string): void {
    leakStats.leaks++;
    this.leaks.push({ output: name, text: output.length > 600 ? `${output.slice(0, 600)}…` : output });
  }

  /** Throws, naming every leaking output, if any output leaked. */
  assertNone(input: unknown): void {
    if (this.leaks.length === 0) return;
    const list = this.leaks.map((leak) => `- ${leak.output}: ${JSON.stringify(leak.text)}`).join('\n');
    throw new Error(`${this.leaks.length} output(s) leaked for input ${JSON.stringify(input)}:\n${list}`);
  }
}

/**
 * Registers, in the calling `describe`, hooks that print how many output checks its tests made
 * and how many leaked: the figure the README quotes ("N output checks, 0 leaks").
 */
export function printLeakCount(label: string): void {
  const start = { checks: 0, leaks: 0 };
  before(() => Object.assign(start, leakStats));
  after(() => console.log(`      leaks (${label}): ${leakStats.checks - start.checks} output checks, ${leakStats.leaks - start.leaks} leaks`));
}
