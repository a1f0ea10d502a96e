/**
 * Random valid reports, shared by the property tests and the benchmark so both exercise the
 * same space of inputs.
 */
import fc from 'fast-check';
import { CARD_BRANDS, CARD_KINDS, PRODUCTS, TRI_STATES } from '../src/core/report';

const COUNTRIES = ['CN', 'US', 'HK', 'SG', 'JP', 'GB', 'DE', 'RU', 'TW', 'MO', 'CA', 'AU'] as const;
const MESSAGES = [
  'Your card was declined.',
  'Your card has insufficient funds.',
  '您的银行卡被拒绝。',
  '卡片无效',
  '国家不支持',
  'Your card does not support this type of purchase.',
  '{"error":{"code":"card_declined","decline_code":"do_not_honor","message":"Your card was declined."}}',
  'The zip code you supplied failed validation.',
  'Something else entirely',
] as const;

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((chars) => chars.join(''));

/** An ISO time within a week before 2025-11-27T12:00Z, in one of a few offsets. */
export const isoTimeArbitrary = fc
  .tuple(fc.integer({ min: 0, max: 7 * 24 * 60 }), fc.constantFrom('+08:00', 'Z', '-05:00'))
  .map(([minutesBefore, offset]) => {
    const utc = Date.parse('2025-11-27T12:00:00Z') - minutesBefore * 60_000;
    const shift = offset === '+08:00' ? 480 : offset === '-05:00' ? -300 : 0;
    return new Date(utc + shift * 60_000).toISOString().slice(0, 19) + offset;
  });

export const reportArbitrary = fc.record(
  {
    occurredAt: isoTimeArbitrary,
    product: fc.constantFrom(...PRODUCTS),
    errorMessage: fc.constantFrom(...MESSAGES),
    card: fc.record(
      {
        kind: fc.constantFrom(...CARD_KINDS),
        brand: fc.constantFrom(...CARD_BRANDS),
        bin: digits(6, 8),
        last4: digits(4, 4),
        issuerCountry: fc.constantFrom(...COUNTRIES),
        expiry: fc.tuple(fc.integer({ min: 2020, max: 2032 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
        dualCurrency: fc.constantFrom(...TRI_STATES),
      },
      { requiredKeys: [] },
    ),
    billing: fc.record(
      { country: fc.constantFrom(...COUNTRIES), postalCode: fc.constantFrom('100000', '94105', 'SW1A 1AA', 'abc'), matchesIssuer: fc.constantFrom(...TRI_STATES) },
      { requiredKeys: [] },
    ),
    bank: fc.record({ internationalOnline: fc.constantFrom(...TRI_STATES), balanceSufficient: fc.constantFrom(...TRI_STATES) }, { requiredKeys: [] }),
    connection: fc.record(
      { vpn: fc.constantFrom(...TRI_STATES), switchedRecently: fc.constantFrom(...TRI_STATES), accessCountry: fc.constantFrom(...COUNTRIES) },
      { requiredKeys: [] },
    ),
    notes: optional(fc.string({ maxLength: 40 })),
  },
  { requiredKeys: [] },
);

// ---------------------------------------------------------------------------------------------
// Secrets as people write them: the generators of the leak tests (test/unit/leaks*.test.ts).
// Every secret comes with its digits in ASCII, which is what the leak oracle looks for.

/** A card network with its number prefixes and lengths (ISO/IEC 7812 ranges as the networks publish them). */
interface CardNetwork {
  readonly brand: 'visa' | 'mastercard' | 'amex' | 'unionpay' | 'jcb' | 'discover' | 'diners';
  /** Prefix ranges, inclusive, of equal length each. */
  readonly prefixes: readonly (readonly [number, number])[];
  readonly lengths: readonly number[];
}

export const CARD_NETWORKS: readonly CardNetwork[] = [
  { brand: 'visa', prefixes: [[4, 4]], lengths: [13, 16, 19] },
  { brand: 'mastercard', prefixes: [[51, 55], [2221, 2720]], lengths: [16] },
  { brand: 'amex', prefixes: [[34, 34], [37, 37]], lengths: [15] },
  { brand: 'unionpay', prefixes: [[62, 62]], lengths: [16, 17, 18, 19] },
  { brand: 'jcb', prefixes: [[3528, 3589]], lengths: [16] },
  { brand: 'discover', prefixes: [[6011, 6011], [644, 649], [65, 65]], lengths: [16] },
  { brand: 'diners', prefixes: [[300, 305], [36, 36], [38, 38]], lengths: [14] },
];

/** The Luhn check digit that makes `body` followed by it a valid number. */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  // The check digit will be rightmost, so the body's rightmost digit is doubled.
  for (let index = 0; index < body.length; index++) {
    const digit = body.charCodeAt(body.length - 1 - index) - 48;
    const doubled = index % 2 === 0 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A card number: ASCII digits, Luhn-valid, of a real network's prefix and length. */
export interface CardNumber {
  brand: CardNetwork['brand'];
  digits: string;
}

export const cardNumberArbitrary: fc.Arbitrary<CardNumber> = fc.constantFrom(...CARD_NETWORKS).chain((network) =>
  fc
    .tuple(
      fc.constantFrom(...network.prefixes).chain(([low, high]) => fc.integer({ min: low, max: high })),
      fc.constantFrom(...network.lengths),
      digits(19, 19),
    )
    .map(([prefix, length, filler]) => {
      const body = (String(prefix) + filler).slice(0, length - 1);
      return { brand: network.brand, digits: body + luhnCheckDigit(body) };
    }),
);

/**
 * What people put between a card number's groups: spaces of every width and count, dashes
 * (spaced too), dots, slashes, underscores, commas, middle dots, ideographic full stops, tabs and
 * line breaks, alone and mixed with spaces.
 */
export const CARD_SEPARATORS = [
  ' ', '-', '.', '/', '_', ',', '\u00b7', '\u30fb', '\u3002', ' - ', '\u2014', ' \u2014 ', '\u2013', '  ', '\t', ' \n', '\n',
  '\r\n', '\u00a0', '\u3000', '\u2009', '\u202f', '\uff0d', '. ', ', ', ' / ', ' _ ', ' \u00b7 ', '\uff0e', '\uff0f', '\uff0c',
] as const;

/** Digit scripts a card number may arrive in: the `0` of each, ASCII first. */
export const DIGIT_ZEROS = {
  ascii: 0x30,
  fullWidth: 0xff10,
  arabicIndic: 0x660,
  extendedArabicIndic: 0x6f0,
  devanagari: 0x966,
  bengali: 0x9e6,
  thai: 0xe50,
  mathBold: 0x1d7ce,
  mathDoubleStruck: 0x1d7d8,
  mathMonospace: 0x1d7f6,
} as const;

export type DigitScript = keyof typeof DIGIT_ZEROS | 'mixed';

/** Characters that show nothing: zero-width space, non-joiner and joiner, word joiner, BOM, soft hyphen. */
export const INVISIBLE_CHARACTERS = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'] as const;

/** `ascii` digits written in `script`; `mixed` picks a script per digit from `picks`. */
export function writeDigits(ascii: string, script: DigitScript, picks: readonly number[] = []): string {
  const zeros = Object.values(DIGIT_ZEROS);
  let out = '';
  for (let index = 0; index < ascii.length; index++) {
    const char = ascii[index]!;
    if (char < '0' || char > '9') {
      out += char;
      continue;
    }
    const zero = script === 'mixed' ? zeros[(picks[index] ?? index) % zeros.length]! : DIGIT_ZEROS[script];
    out += String.fromCodePoint(zero + char.charCodeAt(0) - 48);
  }
  return out;
}

/** A secret as written, and its digits in ASCII. */
export interface WrittenSecret {
  text: string;
  digits: string;
}

const GROUPINGS: Readonly<Record<number, readonly (readonly number[])[]>> = {
  13: [[4, 4, 5], [4, 3, 3, 3]],
  14: [[4, 6, 4], [4, 4, 4, 2]],
  15: [[4, 6, 5], [4, 4, 4, 3]],
  16: [[4, 4, 4, 4]],
  17: [[4, 4, 4, 5]],
  18: [[4, 4, 4, 6], [6, 12]],
  19: [[4, 4, 4, 4, 3], [6, 13]],
};

const scriptArbitrary: fc.Arbitrary<DigitScript> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<DigitScript>('ascii') },
  { weight: 5, arbitrary: fc.constantFrom<DigitScript>(...(Object.keys(DIGIT_ZEROS) as DigitScript[]), 'mixed') },
);

/**
 * A card number as a person may write it: grouped the card's way or not at all, one separator
 * class throughout or a different one per gap, in any digit script (or one per digit), with
 * invisible characters dropped between its digits.
 */
export const writtenCardArbitrary: fc.Arbitrary<WrittenSecret & { card: CardNumber }> = fc
  .record({
    card: cardNumberArbitrary,
    grouping: fc.nat(),
    grouped: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    separators: fc.oneof(
      fc.constantFrom(...CARD_SEPARATORS).map((separator) => [separator]),
      fc.array(fc.constantFrom(...CARD_SEPARATORS), { minLength: 2, maxLength: 6 }),
    ),
    script: scriptArbitrary,
    picks: fc.array(fc.nat(), { minLength: 19, maxLength: 19 }),
    invisibles: fc.oneof(
      { weight: 2, arbitrary: fc.constant([] as [number, string][]) },
      { weight: 3, arbitrary: fc.array(fc.tuple(fc.nat({ max: 18 }), fc.constantFrom(...INVISIBLE_CHARACTERS)), { minLength: 1, maxLength: 5 }) },
    ),
  })
  .map(({ card, grouping, grouped, separators, script, picks, invisibles }) => {
    const choices = GROUPINGS[card.digits.length]!;
    const sizes = grouped ? choices[grouping % choices.length]! : [card.digits.length];
    // Invisible characters go after the digit they name, so they may sit inside a group or by a separator.
    const after = new Map<number, string>();
    for (const [index, char] of invisibles) after.set(index % (card.digits.length - 1), (after.get(index % (card.digits.length - 1)) ?? '') + char);
    let text = '';
    let at = 0;
    sizes.forEach((size, group) => {
      if (group > 0) text += separators[(group - 1) % separators.length];
      for (let index = at; index < at + size; index++) {
        text += writeDigits(card.digits[index]!, script, [picks[index]!]) + (after.get(index) ?? '');
      }
      at += size;
    });
    return { card, text, digits: card.digits };
  });

/**
 * A secret in a URL as a browser's address bar gives it: ASCII that may not stand in a URL
 * percent-encoded (a space as `%20` in a path, `+` in a query), other scripts as they are (an IRI).
 */
function urlEncodeAscii(text: string, space: '%20' | '+'): string {
  return [...text].map((char) => (char === ' ' ? space : char.charCodeAt(0) < 0x80 ? encodeURIComponent(char) : char)).join('');
}

/** Text around a secret: glued to English or Chinese, a sentence, a URL's query, pasted JSON, a chat log. Digit-free. */
export const SECRET_CONTEXTS: readonly ((secret: string) => string)[] = [
  (secret) => secret,
  (secret) => `card${secret}declined`,
  (secret) => `卡号${secret}已被拒`,
  (secret) => `My card number is ${secret}, please check it.`,
  (secret) => `您好，我的卡号是：${secret}。谢谢！`,
  (secret) => `https://pay.example.com/checkout?card=${secret}&step=confirm`,
  (secret) => `https://pay.example.com/c/${urlEncodeAscii(secret, '%20')}?lang=zh`,
  (secret) => `https://pay.example.com/checkout?card=${urlEncodeAscii(secret, '+')}&step=confirm`,
  (secret) => `{"error":{"message":"Your card ${secret} was declined.","param":"number"}}`,
  (secret) => JSON.stringify({ card: { number: secret }, status: 'declined' }),
  (secret) => `Bank chat:\n> agent: which card?\n> me: ${secret}\n> agent: thanks`,
  (secret) => `卡片【${secret}】被拒绝（do_not_honor）`,
  (secret) => `Card: "${secret}" — declined by issuer`,
  // Inside messages the diagnosis recognises, so the quote it shows as evidence comes near the secret.
  (secret) => `Your card ${secret} has insufficient funds.`,
  (secret) => `银行卡${secret}余额不足，交易被拒绝`,
];

export const secretContextArbitrary = fc.constantFrom(...SECRET_CONTEXTS);

/**
 * CVC and one-time-code phrasings in English, Simplified and Traditional Chinese, the secret's
 * digits between ⟦ and ⟧. Labels apart from the code by brackets, dashes and words, spaced and
 * dashed codes, code-first SMS, and labels with an invisible character inside. Literal strings,
 * so the table is the specification the redactor must meet.
 */
export const CODE_PHRASES: readonly string[] = [
  // English: CVCs.
  'CVV: ⟦482⟧',
  'CVV (3 digits): ⟦482⟧',
  'CVC number - ⟦482⟧',
  'security code — ⟦482⟧',
  'Security code: ⟦4829⟧',
  'card verification code is ⟦482⟧',
  'Card verification value ⟦482⟧',
  'CVV2=⟦482⟧',
  'CVC2: ⟦482⟧',
  'CID (front of card): ⟦4829⟧',
  'CSC ⟦482⟧',
  'CVN: ⟦482⟧',
  'My CVV is ⟦482⟧',
  'cvv:⟦482⟧',
  'CVV [⟦482⟧]',
  '"cvc": "⟦482⟧"',
  'Security code (CVV): ⟦482⟧',
  'CVV code: ⟦482⟧',
  'CVV number ⟦482⟧',
  'CVV no. ⟦482⟧',
  'C\u200bVV: ⟦482⟧',
  'CV\u2060C: ⟦482⟧',
  'secu\u00adrity code: ⟦482⟧',
  'security code — ⟦482-913⟧',
  // English: one-time codes.
  'Your one-time code is ⟦482913⟧',
  'Your one-time code is ⟦482 913⟧',
  'Your one-time code is ⟦482-913⟧',
  'OTP: ⟦482913⟧',
  'OTP ⟦4829⟧',
  'one-time password: ⟦48291376⟧',
  'one time passcode - ⟦482913⟧',
  'Passcode: ⟦482913⟧',
  '⟦482913⟧ is your OpenAI verification code',
  '⟦482913⟧ is your verification code. Do not share it.',
  'Verification code: ⟦482913⟧',
  'verification code (valid for ten minutes): ⟦482913⟧',
  '3-D Secure code: ⟦482913⟧',
  '3DS code ⟦482913⟧',
  'Your 3-D Secure one-time password is ⟦482 913⟧',
  'SMS code: ⟦482913⟧',
  'PIN: ⟦4829⟧',
  'Use code ⟦482913⟧ to confirm your payment',
  'OT\u200bP: ⟦482913⟧',
  'one-time\u200b code: ⟦482913⟧',
  'Verification code: ⟦482\u2009913⟧',
  // Simplified Chinese.
  'CVV：⟦482⟧',
  '安全码：⟦482⟧',
  '安全码（背面三位）：⟦482⟧',
  '卡背面安全码 ⟦482⟧',
  'CVV号码：⟦482⟧',
  'CVV码 ⟦482⟧',
  '卡验证码：⟦482⟧',
  '验证码：⟦482913⟧',
  '验证码 ⟦482 913⟧',
  '验证码：⟦482-913⟧',
  '短信验证码：⟦482913⟧',
  '短信码：⟦482913⟧',
  '一次性密码：⟦482913⟧',
  '一次性验证码 ⟦482913⟧',
  '动态码：⟦482913⟧',
  '动态密码为⟦482913⟧',
  '校验码：⟦482913⟧',
  '【招商银行】⟦482913⟧是您的验证码，请勿泄露。',
  '您的验证码是⟦482913⟧，五分钟内有效。',
  '⟦482⟧是卡安全码',
  '安全码是⟦482⟧',
  '安\u200b全码：⟦482⟧',
  'CVV（三位数字）：⟦482⟧',
  '付款验证码（六位）：⟦482913⟧',
  '3-D 安全验证码：⟦482913⟧',
  '验证码：⟦４８２９１３⟧',
  // Traditional Chinese.
  '安全碼：⟦482⟧',
  '驗證碼：⟦482913⟧',
  '驗證碼為⟦482913⟧',
  '簡訊驗證碼：⟦482913⟧',
  '動態密碼：⟦482913⟧',
  '一次性密碼：⟦482913⟧',
  '卡片安全碼（背面三碼）：⟦482⟧',
  '⟦482913⟧是您的驗證碼',
  '信用卡驗證碼 ⟦482⟧',
  'CVV碼：⟦482⟧',
  'OTP 密碼：⟦482913⟧',
  '驗\u200b證碼：⟦482913⟧',
  '安全碼 — ⟦482⟧',
];

/** A code phrase written out: the text, its twin with the code's digits as `x`, and the code's digits. */
export interface WrittenCode extends WrittenSecret {
  phrase: string;
  twin: string;
}

const CODE_MARKS = /⟦([^⟦⟧]*)⟧/g;

/** A phrase with fresh digits for its code in `script`, and its twin. */
export function writeCodePhrase(phrase: string, fresh: readonly number[], script: DigitScript): WrittenCode {
  let digits = '';
  const fill = (twin: boolean) => {
    let used = 0;
    return phrase.replace(CODE_MARKS, (_match, code: string) =>
      [...code]
        .map((char) => {
          if (!/\p{Nd}/u.test(char)) return char;
          const digit = String(fresh[used % fresh.length]! % 10);
          used++;
          if (twin) return 'x';
          digits += digit;
          // A phrase written in full-width digits stays so: that is what it tests.
          return writeDigits(digit, /[\uff10-\uff19]/.test(char) ? 'fullWidth' : script, [fresh[(used * 3) % fresh.length]!]);
        })
        .join(''),
    );
  };
  return { phrase, text: fill(false), twin: fill(true), digits };
}

/** Text around a code, the same for the code and its twin. Digit-free. */
export const CODE_CONTEXTS: readonly ((phrase: string) => string)[] = [
  (phrase) => phrase,
  (phrase) => `Bank SMS:\n${phrase}\nDo not share it with anyone.`,
  (phrase) => `银行短信：${phrase}。请勿告诉他人。`,
  (phrase) => `The payment failed after I entered it. ${phrase}`,
  (phrase) => `{"message":"${phrase.replace(/["\\\n]/g, ' ')}"}`,
  (phrase) => `The bank asked me to verify. ${phrase} Then: Your card was declined (authentication_required).`,
  (phrase) => `弹出银行的安全验证页面，${phrase}，之后提示：您的银行卡被拒绝。`,
];

export const writtenCodeArbitrary: fc.Arbitrary<WrittenCode> = fc
  .record({
    phrase: fc.constantFrom(...CODE_PHRASES),
    fresh: fc.array(fc.nat({ max: 9 }), { minLength: 8, maxLength: 8 }),
    script: fc.oneof(
      { weight: 6, arbitrary: fc.constant<DigitScript>('ascii') },
      { weight: 1, arbitrary: fc.constantFrom<DigitScript>('fullWidth', 'arabicIndic', 'devanagari', 'mathBold', 'mixed') },
    ),
    context: fc.constantFrom(...CODE_CONTEXTS),
  })
  .map(({ phrase, fresh, script, context }) => {
    const written = writeCodePhrase(phrase, fresh, script);
    return { ...written, text: context(written.text), twin: context(written.twin) };
  });
