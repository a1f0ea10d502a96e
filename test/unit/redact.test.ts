import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  containsFullCardNumber,
  luhnValid,
  maskLast4,
  redactCardNumbers,
  redactSecrets,
} from '../../src/core/redact';

// An independent Luhn, so the generators do not trust the code under test.
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

function toFullWidth(digits: string): string {
  return digits.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
}

/** The ASCII digits of `text` in order, everything else dropped: what a reader could piece together. */
function visibleDigits(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/\D/g, '');
}

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digitString = (length: number): fc.Arbitrary<string> =>
  fc.array(digit, { minLength: length, maxLength: length }).map((digits) => digits.join(''));
const numberRange = (min: number, max: number): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map(String);
const lengthsFrom = (min: number, max: number): number[] =>
  Array.from({ length: max - min + 1 }, (_, index) => min + index);

interface Brand {
  readonly name: string;
  readonly prefix: fc.Arbitrary<string>;
  readonly lengths: readonly number[];
}

const BRANDS: readonly Brand[] = [
  { name: 'Visa', prefix: fc.constant('4'), lengths: [13, 16, 19] },
  { name: 'Mastercard', prefix: fc.oneof(numberRange(51, 55), numberRange(2221, 2720)), lengths: [16] },
  { name: 'American Express', prefix: fc.constantFrom('34', '37'), lengths: [15] },
  { name: 'UnionPay', prefix: fc.constant('62'), lengths: lengthsFrom(16, 19) },
  { name: 'JCB', prefix: numberRange(3528, 3589), lengths: lengthsFrom(16, 19) },
  { name: 'Discover', prefix: fc.constantFrom('6011', '65'), lengths: lengthsFrom(16, 19) },
  { name: 'Diners Club', prefix: fc.constant('36'), lengths: [14] },
  {
    name: 'Maestro',
    prefix: fc.constantFrom('5018', '5020', '5038', '5893', '6304', '6759', '6761', '6762', '6763'),
    lengths: lengthsFrom(12, 19),
  },
];

function cardNumber(brand: Brand): fc.Arbitrary<string> {
  return fc
    .tuple(brand.prefix, fc.constantFrom(...brand.lengths))
    .chain(([prefix, length]) =>
      digitString(length - 1 - prefix.length).map((body) => withCheckDigit(prefix + body)),
    );
}

const anyCardNumber = fc.oneof(...BRANDS.map(cardNumber));

/** Every separator the module promises to see through, in the shapes people paste. */
const SEPARATORS = [' ', '-', '\u3000', '\u00A0', '\u202F', '\u2013', '\uFF0D', '\t'] as const;

function groupInto(digits: string, sizes: readonly number[], separator: string): string {
  const groups: string[] = [];
  let start = 0;
  for (const size of sizes) {
    if (start >= digits.length) break;
    groups.push(digits.slice(start, start + size));
    start += size;
  }
  if (start < digits.length) groups.push(digits.slice(start));
  return groups.join(separator);
}

/** A card number as a person might type or paste it: plain, grouped, Amex-style or messy. */
function formatted(digits: string): fc.Arbitrary<string> {
  const fours = Array.from({ length: 5 }, () => 4);
  const layout = fc.oneof(
    fc.constant(digits),
    fc.constant(groupInto(digits, fours, ' ')),
    fc.constant(groupInto(digits, [4, 6], ' ')),
    fc.constant(groupInto(digits, fours, '-')),
    fc.constant(groupInto(digits, [4, 6], '-')),
    // Messy groups: every group but the last has 3–8 digits, or every group has 1–2. Groups of
    // 1–2 digits between longer ones are what dates and times look like, never how a card is
    // written, so the module does not join them (see its doc).
    fc
      .tuple(fc.boolean(), fc.array(fc.tuple(fc.integer({ min: 3, max: 8 }), fc.integer({ min: 1, max: 2 }), fc.constantFrom(...SEPARATORS)), {
        minLength: 19,
        maxLength: 19,
      }))
      .map(([short, chunks]) => {
        let result = '';
        let start = 0;
        for (const [long, brief, separator] of chunks) {
          if (start >= digits.length) break;
          const size = short ? brief : long;
          result += (start === 0 ? '' : separator) + digits.slice(start, start + size);
          start += size;
        }
        return result;
      }),
  );
  return fc
    .tuple(layout, fc.boolean())
    .map(([text, fullWidth]) => (fullWidth ? toFullWidth(text) : text));
}

/** Sentences around a number, Chinese characters touching it with no space or word boundary. */
const SENTENCES: ReadonlyArray<readonly [string, string]> = [
  ['', ''],
  ['My card ', ' was declined.'],
  ['Card number: ', ''],
  ['I entered ', ', then saw "Your card was declined."'],
  ['(', ')'],
  ['card#', '!'],
  ['Tried ', ' twice at 10:31 on 2025-11-27, charged $20.'],
  ['卡号', '已被拒'],
  ['我的卡', '绑定失败，提示“您的银行卡被拒绝”。'],
  ['银行卡：', '。'],
  ['用', '付款时出错'],
  ['「', '」'],
  ['卡号是', '，尾号没错'],
  ['2025年11月27日用卡', '绑定失败，扣款20元'],
  ['Card 卡号', '被拒 declined'],
];
const sentence = fc.constantFrom(...SENTENCES);

describe('redact', () => {
  describe('luhnValid', () => {
    it('accepts numbers whose check digit is right, in ASCII or full-width digits', () => {
      assert.equal(luhnValid('4242424242424242'), true);
      assert.equal(luhnValid('378282246310005'), true);
      assert.equal(luhnValid('6200000000000005'), true);
      assert.equal(luhnValid(toFullWidth('4242424242424242')), true);
    });

    it('rejects a wrong check digit, separators, other characters and the empty string', () => {
      assert.equal(luhnValid('4242424242424241'), false);
      assert.equal(luhnValid('4242 4242 4242 4242'), false);
      assert.equal(luhnValid('4242-4242-4242-4242'), false);
      assert.equal(luhnValid('42424242424242a2'), false);
      assert.equal(luhnValid(''), false);
    });

    it('agrees with an independent implementation', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 30 }).chain(digitString), (digits) => {
          assert.equal(luhnValid(digits), luhnSum(digits) % 10 === 0);
        }),
      );
    });
  });

  describe('maskLast4', () => {
    it('writes the brand-neutral mask', () => {
      assert.equal(maskLast4('4242'), '•••• 4242');
    });

    it('never prints more than four digits, even when handed a whole number', () => {
      assert.equal(maskLast4('4242424242424242'), '•••• 4242');
      assert.equal(maskLast4('4242 4242 4242 4242'), '•••• 4242');
      assert.equal(maskLast4(toFullWidth('4242')), '•••• 4242');
    });
  });

  describe('redactCardNumbers', () => {
    const masked: ReadonlyArray<readonly [string, string]> = [
      ['4242424242424242', '•••• 4242'],
      ['My card 4242 4242 4242 4242 was declined.', 'My card •••• 4242 was declined.'],
      ['Card 4242-4242-4242-4242.', 'Card •••• 4242.'],
      ['Amex 3782 822463 10005', 'Amex •••• 0005'],
      ['卡号4242424242424242已被拒', '卡号•••• 4242已被拒'],
      ['卡号４２４２４２４２４２４２４２４２已被拒', '卡号•••• 4242已被拒'],
      ['银行卡 6200\u30000000\u30000000\u30000005 被拒', '银行卡 •••• 0005 被拒'],
      ['no-break 4242\u00A04242\u00A04242\u00A04242', 'no-break •••• 4242'],
      ['card4242424242424242x', 'card•••• 4242x'],
      ['paid 2025 4242 4242 4242 4242 ok', 'paid 2025 •••• 4242 ok'],
      ['4242424242424242 and 5555555555554444', '•••• 4242 and •••• 4444'],
      ['4242424242424242 5555555555554444', '•••• 4242 •••• 4444'],
      ['already •••• 4242 4242 4242 4242', 'already •••• •••• 4242'],
      // Dots separate groups too: bank apps and PDFs write them, and a Luhn-valid 16 is a card.
      ['4242.4242.4242.4242', '•••• 4242'],
      // A Luhn-valid card glued to other digits in a 20+ digit run: the whole run goes.
      ['ref 9942424242424242421200 end', 'ref •••• 1200 end'],
    ];
    for (const [input, expected] of masked) {
      it(`masks ${JSON.stringify(input)}`, () => {
        assert.equal(redactCardNumbers(input), expected);
        assert.equal(containsFullCardNumber(input), true);
        assert.equal(containsFullCardNumber(expected), false);
      });
    }

    const untouched: readonly string[] = [
      'Paid 1 USD in 2025, then $20.',
      'Declined at 2025-11-27 10:31.',
      'zip 100000, 邮编 94105',
      'last4 4242, 尾号 4242',
      'BIN 42424242',
      '4242424242424241',
      // Neither the whole nor any run of whole groups with 12+ digits passes Luhn.
      '1234 5678 9012 3450',
      'Card •••• 4242 expires 12/27',
      // No 12–19 digit window of twenty ones passes Luhn.
      '11111111111111111111',
    ];
    it('masks a number split over two lines (pasted from a PDF or a narrow chat window)', () => {
      assert.equal(redactCardNumbers('卡号 4242 4242\n4242 4242 已被拒'), '卡号 •••• 4242 已被拒');
      assert.equal(containsFullCardNumber('4242 4242\r\n4242 4242'), true);
    });
    for (const input of untouched) {
      it(`leaves ${JSON.stringify(input)} alone`, () => {
        assert.equal(redactCardNumbers(input), input);
        assert.equal(containsFullCardNumber(input), false);
      });
    }

    it('judges a 13–19 digit run as a whole, not by its sub-windows (documented choice)', () => {
      const run = '1' + '4242424242424242';
      assert.equal(luhnValid(run), false);
      assert.equal(redactCardNumbers(`id ${run}`), `id ${run}`);
    });

    it('handles 100 KB of digits and spaces', () => {
      const ones = '1 '.repeat(50_000);
      assert.equal(redactCardNumbers(ones), ones);
      const longRun = '1'.repeat(100_000);
      assert.equal(redactCardNumbers(longRun), longRun);
      assert.equal(redactCardNumbers('4242 '.repeat(20_000)), '•••• 4242 ');
      assert.equal(redactCardNumbers(`${'4'.repeat(100_000)}x`), '•••• 4444x');
    });

    for (const brand of BRANDS) {
      it(`masks every ${brand.name} number in English and Chinese text, however it is written`, () => {
        fc.assert(
          fc.property(
            cardNumber(brand).chain((digits) =>
              fc.tuple(fc.constant(digits), formatted(digits), sentence),
            ),
            ([digits, written, [before, after]]) => {
              const input = before + written + after;
              const mask = maskLast4(digits.slice(-4));
              for (const output of [redactCardNumbers(input), redactSecrets(input)]) {
                assert.ok(!visibleDigits(output).includes(digits), output);
                assert.ok(output.includes(mask), output);
                assert.ok(output.startsWith(before) && output.endsWith(after), output);
                assert.equal(output, before + mask + after);
              }
              assert.equal(containsFullCardNumber(input), true);
            },
          ),
        );
      });
    }

    it('leaves text without a 12-digit run unchanged', () => {
      const word = fc
        .array(
          // No separators here (. , / 。 ， join groups): a word must end a chain.
          fc.constantFrom(...'abcXYZ卡号被拒绝已尾邮编年月日:;!?()「」：$•'),
          { minLength: 1, maxLength: 6 },
        )
        .map((chars) => chars.join(''));
      const shortNumber = fc
        .integer({ min: 1, max: 11 })
        .chain((length) => digitString(length))
        .chain((digits) => formatted(digits));
      const separatorOrNothing = fc.constantFrom('', ...SEPARATORS);
      const text = fc
        .array(fc.tuple(word, separatorOrNothing, shortNumber, separatorOrNothing))
        .map((parts) => parts.map((part) => part.join('')).join(''));
      fc.assert(
        fc.property(text, (input) => {
          assert.equal(redactCardNumbers(input), input);
          assert.equal(containsFullCardNumber(input), false);
        }),
      );
    });
  });

  describe('redactSecrets', () => {
    const masked: ReadonlyArray<readonly [string, string]> = [
      ['CVC: 123', 'CVC: •••'],
      ['cvv 1234', 'cvv •••'],
      ['CVV2=456', 'CVV2=•••'],
      ['cvn is 789', 'cvn is •••'],
      ['"cvc": "123"', '"cvc": "•••"'],
      ['CVV code 123', 'CVV code •••'],
      ['Security code: 1234', 'Security code: •••'],
      ['CVC: ４２４', 'CVC: •••'],
      ['安全码：123', '安全码：•••'],
      ['安全码是123', '安全码是•••'],
      ['卡验证码为 1234', '卡验证码为 •••'],
      ['安全码（CVV）：123', '安全码（CVV）：•••'],
      ['验证码 123', '验证码 •••'],
      ['OTP 123456', 'OTP ••••••'],
      ['Your one-time code is 48213', 'Your one-time code is ••••••'],
      ['verification code: 4821', 'verification code: ••••••'],
      ['code 123456', 'code ••••••'],
      ['code: 4821', 'code: ••••••'],
      ['security code 123456', 'security code ••••••'],
      ['您的验证码为：4821', '您的验证码为：••••••'],
      ['短信验证码是 12345678', '短信验证码是 ••••••'],
      ['【银行】您的动态码为 839201，请勿泄露', '【银行】您的动态码为 ••••••，请勿泄露'],
      ['123456是您的验证码', '••••••是您的验证码'],
      ['123是卡安全码', '•••是卡安全码'],
      ['482193 is your OpenAI verification code.', '•••••• is your OpenAI verification code.'],
      [
        '卡号4242424242424242，安全码123，验证码 654321',
        '卡号•••• 4242，安全码•••，验证码 ••••••',
      ],
    ];
    for (const [input, expected] of masked) {
      it(`masks ${JSON.stringify(input)}`, () => {
        assert.equal(redactSecrets(input), expected);
      });
    }

    const untouched: readonly string[] = [
      'In 2025 I paid 1 USD, then $20.',
      'Declined at 2025-11-27 10:31.',
      '2025年11月27日 10:31 扣款 20 元',
      'zip 100000',
      'zip code 94105',
      'Postal code: 100000',
      '邮编 94105',
      'last4 4242',
      '尾号 4242',
      'BIN 42424242',
      'error code 402',
      'HTTP status code 4020',
      '"code": "card_declined"',
      '"decline_code": "do_not_honor"',
      'decline_code: 1234',
      'CVC check failed',
      'Card •••• 4242',
    ];
    for (const input of untouched) {
      it(`leaves ${JSON.stringify(input)} alone`, () => {
        assert.equal(redactSecrets(input), input);
      });
    }

    // Every spelling of every label, in any case and in traditional characters: redactSecrets skips
    // its label passes for text without a label word, so each one must still reach them.
    const CVC_LABELS = [
      'CVC', 'cvv', 'CVV2', 'cvc2', 'CVN', 'CID', 'csc', 'security code', 'Card Security Code',
      'card verification value', 'CARD VERIFICATION CODE', '安全码', '安全碼', '卡验证码', '卡驗證碼', '卡安全码',
    ];
    const ONE_TIME_CODE_LABELS = [
      'OTP', 'one-time code', 'One Time Passcode', 'one-time password', 'one time pin', 'passcode', 'PIN',
      'verification code', 'code', 'CODE', '验证码', '驗證碼', '短信验证码', '动态码', '動態碼', '动态密码', '校验码', '校驗碼',
    ];
    const GAPS = ['', ' ', ': ', '：', '=', ' is ', '是', '为', '为：'];
    const SURROUNDINGS: ReadonlyArray<readonly [string, string]> = [
      ['', ''],
      ['Your ', ' - do not share it.'],
      ['Enter the ', ' to finish.'],
      ['您的', '，请勿泄露。'],
      ['【银行】', '（5分钟内有效）'],
    ];

    it('masks a CVC after any of its labels in English and Chinese', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...CVC_LABELS),
          fc.constantFrom(...GAPS),
          fc.integer({ min: 3, max: 4 }).chain(digitString),
          fc.boolean(),
          fc.constantFrom(...SURROUNDINGS),
          (label, gap, code, fullWidth, [before, after]) => {
            // "CVV2123" cannot say where the label ends; either reading hides the code.
            fc.pre(!(/\d$/.test(label) && gap === ''));
            const input = `${before}${label}${gap}${fullWidth ? toFullWidth(code) : code}${after}`;
            assert.equal(redactSecrets(input), `${before}${label}${gap}•••${after}`);
          },
        ),
      );
    });

    it('masks a one-time code after any of its labels in English and Chinese', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...ONE_TIME_CODE_LABELS),
          fc.constantFrom(...GAPS),
          fc.integer({ min: 4, max: 8 }).chain(digitString),
          fc.boolean(),
          fc.constantFrom(...SURROUNDINGS),
          (label, gap, code, fullWidth, [before, after]) => {
            const input = `${before}${label}${gap}${fullWidth ? toFullWidth(code) : code}${after}`;
            assert.equal(redactSecrets(input), `${before}${label}${gap}••••••${after}`);
          },
        ),
      );
    });

    // Text built from the pieces most likely to interact: cards, stray digits, labels, masks and
    // separators, glued together with no spacing rules at all.
    const messyText = fc
      .array(
        fc.oneof(
          anyCardNumber.chain(formatted),
          fc.integer({ min: 1, max: 24 }).chain(digitString).chain(formatted),
          fc.constantFrom(...CVC_LABELS, ...ONE_TIME_CODE_LABELS, 'zip code', '尾号', 'is your code', '是您的验证码'),
          fc.constantFrom(...GAPS, ...SEPARATORS, '•', '••••', '•••• ', '\n', '.', '卡号', 'card '),
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.join(''));

    it('is idempotent and never shows more digits than it was given', () => {
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

    it('is idempotent on arbitrary Unicode text too', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
          const once = redactSecrets(input);
          assert.equal(redactSecrets(once), once);
          assert.ok(visibleDigits(once).length <= visibleDigits(input).length);
        }),
      );
    });
  });
});
