import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  containsFullCardNumber,
  REDACTION_PATTERNS,
  redactCardNumbers,
  redactionWorkUnits,
  redactSecrets,
} from '../../src/core/redact';

// Property tests over every brand and length, every separator class, digit scripts, invisible
// characters and surrounding English and Chinese text; and the structural proof that redaction is
// linear. Nothing here trusts the code under test to compute an expected value.

/** Zeros of the digit scripts used below: an independent table, not the module's own folding. */
const ZEROS: Readonly<Record<string, number>> = {
  ascii: 0x30,
  fullWidth: 0xff10,
  arabicIndic: 0x660,
  persian: 0x6f0,
  devanagari: 0x966,
  bengali: 0x9e6,
  thai: 0xe50,
  myanmar: 0x1040,
  mathBold: 0x1d7ce,
  mathDoubleStruck: 0x1d7d8,
  mathMonospace: 0x1d7f6,
};
const SCRIPTS = Object.keys(ZEROS);

function inScript(digit: string, script: string): string {
  return String.fromCodePoint(ZEROS[script]! + Number(digit));
}

/** The digits of `text` in order, read in every script of the table: what a reader could piece together. */
function visibleDigits(text: string): string {
  let digits = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    for (const zero of Object.values(ZEROS)) {
      if (codePoint >= zero && codePoint <= zero + 9) digits += String(codePoint - zero);
    }
  }
  return digits;
}

function luhnSum(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    const digit = Number(digits[digits.length - 1 - index]);
    const weighted = index % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return sum;
}

function withCheckDigit(body: string): string {
  return body + String((10 - (luhnSum(body + '0') % 10)) % 10);
}

const digitString = (length: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 9 }).map(String), { minLength: length, maxLength: length }).map((d) => d.join(''));
const numberRange = (min: number, max: number): fc.Arbitrary<string> => fc.integer({ min, max }).map(String);
const range = (min: number, max: number): number[] => Array.from({ length: max - min + 1 }, (_, i) => min + i);

const BRANDS: ReadonlyArray<{ name: string; prefix: fc.Arbitrary<string>; lengths: readonly number[] }> = [
  { name: 'Visa', prefix: fc.constant('4'), lengths: [13, 16, 19] },
  { name: 'Mastercard', prefix: fc.oneof(numberRange(51, 55), numberRange(2221, 2720)), lengths: [16] },
  { name: 'American Express', prefix: fc.constantFrom('34', '37'), lengths: [15] },
  { name: 'UnionPay', prefix: fc.constant('62'), lengths: range(16, 19) },
  { name: 'JCB', prefix: numberRange(3528, 3589), lengths: range(16, 19) },
  { name: 'Discover', prefix: fc.constantFrom('6011', '65'), lengths: range(16, 19) },
  { name: 'Diners Club', prefix: fc.constant('36'), lengths: [14] },
];

/** Separator classes, each in the shapes people paste; none longer than four characters. */
const SEPARATOR_CLASSES: Readonly<Record<string, readonly string[]>> = {
  whitespace: [' ', '  ', '\t', '\u00a0', '\u3000', '\u202f', ' \n', '\r\n', '\n'],
  dashes: ['-', ' - ', '\u2010', '\u2013', '\u2014', ' \u2014 ', '\u2212', '\uff0d'],
  dots: ['.', '. ', '\u00b7', '\u30fb', '\u3002', '\uff0e'],
  'slashes, underscores and commas': ['/', '_', ',', ', ', '\uff0c', '\u3001'],
};

const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e'];

/** Sentences around a number; the Chinese ones touch it with no space or word boundary. */
const SENTENCES: ReadonlyArray<readonly [string, string]> = [
  ['', ''],
  ['My card ', ' was declined.'],
  ['Card number: ', ''],
  ['I entered ', ', then saw "Your card was declined."'],
  ['(', ')'],
  ['Tried ', ' twice at 10:31 on 2025-11-27, charged $20.'],
  ['https://pay.example/?card=', '&exp=1227'],
  ['{"number":"', '","cvc":"•••"}'],
  ['卡号', '已被拒'],
  ['我的卡', '绑定失败，提示“您的银行卡被拒绝”。'],
  ['银行卡：', '。'],
  ['2025年11月27日用卡', '绑定失败，扣款20元'],
  ['卡號', '被拒絕，請改用其他卡'],
];

/** `digits` written as people write them: grouped, separated, in any script, with invisible characters. */
function written(digits: string, separators: readonly string[]): fc.Arbitrary<string> {
  const sizes = fc.oneof(
    fc.constant([4, 4, 4, 4, 4]),
    fc.constant([4, 6, 5, 4]),
    fc.constant([6, 13]),
    fc.constant([digits.length]),
    fc.array(fc.integer({ min: 3, max: 8 }), { minLength: 7, maxLength: 7 }),
  );
  return fc
    .tuple(
      sizes,
      fc.array(fc.constantFrom(...separators), { minLength: 19, maxLength: 19 }),
      fc.array(fc.constantFrom(...SCRIPTS), { minLength: digits.length, maxLength: digits.length }),
      fc.array(fc.option(fc.constantFrom(...INVISIBLES), { freq: 4 }), { minLength: digits.length, maxLength: digits.length }),
    )
    .map(([groupSizes, separatorPicks, scripts, invisibles]) => {
      let result = '';
      let group = 0;
      let left = groupSizes[0]!;
      for (let index = 0; index < digits.length; index++) {
        if (left === 0) {
          result += separatorPicks[group]!;
          group++;
          left = groupSizes[group] ?? digits.length;
        }
        // Invisible characters only between digits: outside they belong to the sentence.
        if (index > 0 && invisibles[index]) result += invisibles[index];
        result += inScript(digits[index]!, scripts[index]!);
        left--;
      }
      return result;
    });
}

describe('redact: properties', () => {
  for (const brand of BRANDS) {
    for (const length of brand.lengths) {
      for (const [className, separators] of Object.entries(SEPARATOR_CLASSES)) {
        it(`masks every ${length}-digit ${brand.name} number through ${className}, in any script, with invisible characters`, () => {
          const card = brand.prefix.chain((prefix) =>
            digitString(length - 1 - prefix.length).map((body) => withCheckDigit(prefix + body)),
          );
          fc.assert(
            fc.property(
              card.chain((digits) => fc.tuple(fc.constant(digits), written(digits, separators), fc.constantFrom(...SENTENCES))),
              ([digits, number, [before, after]]) => {
                const input = before + number + after;
                const expected = `${before}•••• ${digits.slice(-4)}${after}`;
                for (const output of [redactCardNumbers(input), redactSecrets(input)]) {
                  assert.ok(!visibleDigits(output).includes(digits), output);
                  assert.equal(output, expected);
                }
                assert.equal(containsFullCardNumber(input), true);
              },
            ),
            { numRuns: 25 },
          );
        });
      }
    }
  }

  // Text built from the pieces most likely to interact: cards in any script, stray digits,
  // labels, masks, separators and invisible characters, glued together with no spacing rules.
  const anyCard = fc.oneof(
    ...BRANDS.map((brand) =>
      fc
        .tuple(brand.prefix, fc.constantFrom(...brand.lengths))
        .chain(([prefix, length]) => digitString(length - 1 - prefix.length).map((body) => withCheckDigit(prefix + body))),
    ),
  );
  const allSeparators = Object.values(SEPARATOR_CLASSES).flat();
  const messyText = fc
    .array(
      fc.oneof(
        anyCard.chain((digits) => written(digits, allSeparators)),
        fc.integer({ min: 1, max: 24 }).chain(digitString).chain((digits) => written(digits, allSeparators)),
        fc.constantFrom('CVV', '安全码', '驗證碼', 'code', 'OTP', '一次性密码', 'zip code', '尾号', 'is your code', '是您的验证码', '（背面三位）'),
        fc.constantFrom(': ', '：', ' is ', '是', ...allSeparators, ...INVISIBLES, '•', '••••', '•••• ', '卡号', 'card ', '2025-11-27 10:31'),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));

  it('is idempotent, never shows more digits than it was given, and leaves no card behind', () => {
    fc.assert(
      fc.property(messyText, (input) => {
        for (const redact of [redactCardNumbers, redactSecrets]) {
          const once = redact(input);
          assert.equal(redact(once), once);
          assert.ok(visibleDigits(once).length <= visibleDigits(input).length);
        }
        assert.equal(containsFullCardNumber(redactSecrets(input)), false);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves our own dates, times and spans alone, however many in a row', () => {
    const two = (n: number): string => String(n).padStart(2, '0');
    const stamp = fc
      .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([year, month, day, hour, minute]) => `${year}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}`);
    const ours = fc
      .array(
        fc.oneof(
          stamp,
          stamp.map((time) => `${time} UTC+08:00`),
          fc.tuple(stamp, stamp).map(([from, to]) => `${from} – ${to}`),
          fc.integer({ min: 0, max: 99_999 }).map((cents) => `${(cents / 100).toFixed(2)} USD`),
        ),
        { minLength: 1, maxLength: 8 },
      )
      .chain((parts) => fc.constantFrom(', ', ' ', ' · ', '\n').map((joint) => parts.join(joint)));
    fc.assert(
      fc.property(ours, (text) => {
        assert.equal(redactSecrets(text), text);
      }),
      { numRuns: 500 },
    );
  });

  describe('is linear, shown without a clock', () => {
    /**
     * Whether a pattern's source has an unbounded quantifier (`*`, `+`, `{n,}`) outside a
     * character class. A pattern with none does a bounded amount of work at each position, so
     * a scan over any text is linear however it backtracks.
     */
    function hasUnboundedQuantifier(source: string): boolean {
      let inClass = false;
      for (let index = 0; index < source.length; index++) {
        const char = source[index];
        if (char === '\\') {
          index++;
        } else if (inClass) {
          if (char === ']') inClass = false;
        } else if (char === '[') {
          inClass = true;
        } else if (char === '*' || char === '+') {
          return true;
        } else if (char === '{' && /^\{\d+,\}/.test(source.slice(index))) {
          return true;
        }
      }
      return false;
    }

    it('knows an unbounded quantifier when it sees one', () => {
      assert.equal(hasUnboundedQuantifier('a\\s*b'), true);
      assert.equal(hasUnboundedQuantifier('(?:ab)+'), true);
      assert.equal(hasUnboundedQuantifier('a{2,}'), true);
      assert.equal(hasUnboundedQuantifier('[*+]\\+a{0,8}'), false);
    });

    it('every redaction pattern has only bounded quantifiers', () => {
      assert.ok(REDACTION_PATTERNS.length >= 6);
      for (const pattern of REDACTION_PATTERNS) {
        assert.equal(hasUnboundedQuantifier(pattern.source), false, pattern.source);
      }
    });

    const fill = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    const adversarial: ReadonlyArray<readonly [string, string]> = [
      ['spaces', ' '],
      ['line breaks after a short number', '\n'],
      ['one long digit run', '4'],
      ['single digits and spaces', '4 '],
      ['groups of four', '4242 '],
      ['date-like pairs', '11-'],
      ['digits between zero-width spaces', '4\u200b'],
      ['Arabic-Indic digits', '\u0664'],
      ['separator runs', '4242 - . / '],
      ['near-miss labels', 'cvv: 1'],
      ['near-miss SMS', '123456 is your '],
      ['near-miss Chinese SMS', '123是您在招商银行'],
      ['brackets', 'CVV ('],
    ];
    for (const [name, unit] of adversarial) {
      it(`does work proportional to the length of ${name}`, () => {
        const small = redactionWorkUnits(fill(unit, 25_000)).units;
        const large = redactionWorkUnits(fill(unit, 100_000)).units;
        // At most a constant amount of work per character, and four times the text costs about four times the work.
        assert.ok(large <= 40 * 100_000, `${large} units for 100 000 characters`);
        assert.ok(large <= 4.2 * small + 1000, `${small} units for 25 000 characters, ${large} for 100 000`);
      });
    }
  });
});
