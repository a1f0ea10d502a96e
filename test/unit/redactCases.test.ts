import assert from 'node:assert/strict';
import {
  containsFullCardNumber,
  containsSecret,
  luhnValid,
  maskLast4,
  redactCardNumbers,
  redactSecrets,
  toAsciiDigits,
} from '../../src/core/redact';

// Literal examples of how people, phones and web pages really write secrets. Every expected
// output is written out; none is computed by the code under test.

const ZWSP = '\u200b';
const ZWJ = '\u200d';
const WORD_JOINER = '\u2060';
const BOM = '\ufeff';
const SOFT_HYPHEN = '\u00ad';
const LRM = '\u200e';

describe('redact: how card numbers are really written', () => {
  describe('every separator people put between digit groups', () => {
    const cases: ReadonlyArray<readonly [string, string, string]> = [
      ['a space', 'card 4242 4242 4242 4242 declined', 'card •••• 4242 declined'],
      ['two spaces', 'card 4242  4242  4242  4242 declined', 'card •••• 4242 declined'],
      ['a tab', 'card 4242\t4242\t4242\t4242 declined', 'card •••• 4242 declined'],
      ['a space and a line break', 'card 4242 \n4242 \n4242 \n4242 declined', 'card •••• 4242 declined'],
      ['a Windows line break', 'card 4242\r\n4242\r\n4242\r\n4242 declined', 'card •••• 4242 declined'],
      ['a no-break space', 'card 4242\u00a04242\u00a04242\u00a04242 declined', 'card •••• 4242 declined'],
      ['an ideographic space', '卡号6200\u30000000\u30000000\u30000005被拒', '卡号•••• 0005被拒'],
      ['a narrow no-break space', 'card 4242\u202f4242\u202f4242\u202f4242', 'card •••• 4242'],
      ['a hyphen', 'card 4242-4242-4242-4242.', 'card •••• 4242.'],
      ['a spaced dash', 'card 4242 - 4242 - 4242 - 4242.', 'card •••• 4242.'],
      ['an en dash', 'card 4242–4242–4242–4242', 'card •••• 4242'],
      ['an em dash', 'card 4242—4242—4242—4242', 'card •••• 4242'],
      ['a spaced em dash', 'card 4242 — 4242 — 4242 — 4242', 'card •••• 4242'],
      ['a minus sign', 'card 4242−4242−4242−4242', 'card •••• 4242'],
      ['a full-width hyphen', '卡号4242－4242－4242－4242', '卡号•••• 4242'],
      ['a dot', 'card 4242.4242.4242.4242', 'card •••• 4242'],
      ['a slash', 'card 4242/4242/4242/4242', 'card •••• 4242'],
      ['an underscore', 'card 4242_4242_4242_4242', 'card •••• 4242'],
      ['a comma', 'card 4242,4242,4242,4242', 'card •••• 4242'],
      ['a comma and a space', 'card 4242, 4242, 4242, 4242', 'card •••• 4242'],
      ['a middle dot', 'card 4242·4242·4242·4242', 'card •••• 4242'],
      ['a katakana middle dot', 'カード4242・4242・4242・4242', 'カード•••• 4242'],
      ['an ideographic full stop', '卡号4242。4242。4242。4242', '卡号•••• 4242'],
      ['a half-width ideographic full stop', '卡号4242｡4242｡4242｡4242', '卡号•••• 4242'],
      ['a half-width ideographic comma', '卡号4242､4242､4242､4242', '卡号•••• 4242'],
      ['a full-width comma', '卡号4242，4242，4242，4242', '卡号•••• 4242'],
      ['an enumeration comma', '卡号4242、4242、4242、4242', '卡号•••• 4242'],
      ['a full-width full stop', '卡号4242．4242．4242．4242', '卡号•••• 4242'],
      ['mixed separators', 'card 4242 .4242-/4242 _ 4242', 'card •••• 4242'],
      ['Amex groups 4-6-5', 'Amex 3782 822463 10005', 'Amex •••• 0005'],
      ['a 17-digit UnionPay in fours', '卡号 6212 3456 7890 1234 7 被拒', '卡号 •••• 2347 被拒'],
      ['a 19-digit Visa in fours', 'card 4000 0000 0000 0000 006 ok', 'card •••• 0006 ok'],
      ['one digit at a time', 'card 4 2 4 2 4 2 4 2 4 2 4 2 4 2 4 2 ok', 'card •••• 4242 ok'],
      ['two digits at a time', 'card 42 42 42 42 42 42 42 42 ok', 'card •••• 4242 ok'],
    ];
    for (const [name, input, expected] of cases) {
      it(`through ${name}`, () => {
        assert.equal(redactCardNumbers(input), expected);
        assert.equal(redactSecrets(input), expected);
        assert.equal(containsFullCardNumber(input), true);
        assert.equal(containsSecret(input), true);
        assert.equal(containsSecret(expected), false);
      });
    }

    it('a run of five or more separators ends the number (a table, not a card)', () => {
      const table = '4242 4242     4242 4242';
      assert.equal(redactCardNumbers(table), table);
    });
  });

  describe('digits of every script', () => {
    const cases: ReadonlyArray<readonly [string, string, string]> = [
      ['full-width', '卡号４２４２４２４２４２４２４２４２已被拒', '卡号•••• 4242已被拒'],
      ['full-width mixed with ASCII', '卡号４２４２4242４２４２4242', '卡号•••• 4242'],
      ['Arabic-Indic', 'card ٤٢٤٢ ٤٢٤٢ ٤٢٤٢ ٤٢٤٢', 'card •••• 4242'],
      ['Extended Arabic-Indic (Persian)', 'card ۴۲۴۲۴۲۴۲۴۲۴۲۴۲۴۲', 'card •••• 4242'],
      ['Devanagari', 'card ४२४२ ४२४२ ४२४२ ४२४२', 'card •••• 4242'],
      ['Bengali', 'card ৪২৪২৪২৪২৪২৪২৪২৪২', 'card •••• 4242'],
      ['Thai', 'card ๔๒๔๒-๔๒๔๒-๔๒๔๒-๔๒๔๒', 'card •••• 4242'],
      ['mathematical bold', 'card 𝟒𝟐𝟒𝟐 𝟒𝟐𝟒𝟐 𝟒𝟐𝟒𝟐 𝟒𝟐𝟒𝟐', 'card •••• 4242'],
      ['mathematical monospace', 'card 𝟺𝟸𝟺𝟸𝟺𝟸𝟺𝟸𝟺𝟸𝟺𝟸𝟺𝟸𝟺𝟸', 'card •••• 4242'],
      ['a different script in every group', 'card 4242 ٤٢٤٢ ४२४२ ４２４２', 'card •••• 4242'],
    ];
    for (const [name, input, expected] of cases) {
      it(`in ${name} digits`, () => {
        assert.equal(redactSecrets(input), expected);
        assert.equal(containsFullCardNumber(input), true);
      });
    }

    it('keeps the last 4 in ASCII whatever script they came in', () => {
      assert.equal(maskLast4('٤٢٤٢'), '•••• 4242');
      assert.equal(maskLast4('𝟒𝟐𝟒𝟐'), '•••• 4242');
      assert.equal(maskLast4('४२४२४२४२४२४२४२४२'), '•••• 4242');
    });

    it('checks Luhn in any script, and nothing but digits', () => {
      assert.equal(luhnValid('٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢'), true);
      assert.equal(luhnValid('𝟒𝟐𝟒𝟐𝟒𝟐𝟒𝟐𝟒𝟐𝟒𝟐𝟒𝟐𝟒𝟐'), true);
      assert.equal(luhnValid('٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤١'), false);
      assert.equal(luhnValid(`4242${ZWSP}424242424242`), false);
    });

    it('folds digits to ASCII and leaves everything else', () => {
      assert.equal(toAsciiDigits('６２１４ ٨٣٠٠ x 𝟒'), '6214 8300 x 4');
      assert.equal(toAsciiDigits(`42${ZWSP}42`), `42${ZWSP}42`);
    });
  });

  describe('invisible characters between digits', () => {
    const cases: ReadonlyArray<readonly [string, string, string]> = [
      ['zero-width spaces', `card 4${ZWSP}2${ZWSP}4${ZWSP}2${ZWSP}424242424242 end`, 'card •••• 4242 end'],
      ['a zero-width joiner', `card 4242${ZWJ}4242${ZWJ}4242${ZWJ}4242 end`, 'card •••• 4242 end'],
      ['a word joiner', `card 4242${WORD_JOINER}4242 4242 4242 end`, 'card •••• 4242 end'],
      ['a BOM', `card 4242${BOM}4242${BOM}4242${BOM}4242 end`, 'card •••• 4242 end'],
      ['soft hyphens', `card 4242${SOFT_HYPHEN}4242${SOFT_HYPHEN}4242${SOFT_HYPHEN}4242 end`, 'card •••• 4242 end'],
      ['a bidi mark beside a space', `card 4242 ${LRM}4242 4242 4242 end`, 'card •••• 4242 end'],
      ['one inside the last 4', `card 4242 4242 4242 42${ZWSP}42 end`, 'card •••• 4242 end'],
    ];
    for (const [name, input, expected] of cases) {
      it(`through ${name}`, () => assert.equal(redactSecrets(input), expected));
    }

    it('keeps invisible characters outside the number as they were', () => {
      assert.equal(
        redactSecrets(`${ZWSP}card${ZWJ} 4242 4242 4242 4242 ${BOM}end`),
        `${ZWSP}card${ZWJ} •••• 4242 ${BOM}end`,
      );
    });
  });

  describe('inside URLs, JSON and other glue', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['https://pay.example/checkout?card=4242424242424242&exp=1227', 'https://pay.example/checkout?card=•••• 4242&exp=1227'],
      ['https://pay.example/c/4242-4242-4242-4242/confirm', 'https://pay.example/c/•••• 4242/confirm'],
      ['{"number":"4242424242424242","exp_month":12}', '{"number":"•••• 4242","exp_month":12}'],
      ['{"card":{"number":4242424242424242,"cvc":"123"}}', '{"card":{"number":•••• 4242,"cvc":"•••"}}'],
      ['card_number=5555555555554444;', 'card_number=•••• 4444;'],
      ['卡号:6200000000000005。', '卡号:•••• 0005。'],
      ['<td>4242 4242 4242 4242</td>', '<td>•••• 4242</td>'],
      // Spaces a URL encodes: `+` in a query, `%20` in a path; a comma as `%2C`.
      ['https://pay.example/checkout?card=4242+4242+4242+4242&step=2', 'https://pay.example/checkout?card=•••• 4242&step=2'],
      ['https://pay.example/c/4242%204242%204242%204242?lang=zh', 'https://pay.example/c/•••• 4242?lang=zh'],
      ['https://pay.example/c/4242%2C4242%2c4242%2C4242', 'https://pay.example/c/•••• 4242'],
      // Whitespace as JSON escapes it, the way a pasted response or log line holds it.
      ['{"number":"4242\\n4242\\n4242\\n4242"}', '{"number":"•••• 4242"}'],
      ['{"number":"4242\\r\\n4242\\r\\n4242\\r\\n4242"}', '{"number":"•••• 4242"}'],
      ['{"number":"4242 \\t4242 \\t4242 \\t4242"}', '{"number":"•••• 4242"}'],
    ];
    for (const [input, expected] of cases) {
      it(`masks ${JSON.stringify(input)}`, () => assert.equal(redactSecrets(input), expected));
    }
  });

  describe('long digit runs (reference numbers)', () => {
    it('masks a 20+ digit run whole, keeping its last 4, when a card could hide in it', () => {
      assert.equal(redactCardNumbers('ref 9942424242424242421200 end'), 'ref •••• 1200 end');
    });
    it('leaves one in which no 12–19 digit window passes Luhn', () => {
      assert.equal(redactCardNumbers('ref 11111111111111111111 end'), 'ref 11111111111111111111 end');
    });
    it('judges a 13–19 digit run as a whole, not by its windows', () => {
      assert.equal(redactCardNumbers('id 14242424242424242'), 'id 14242424242424242');
    });
  });

  describe('our own dates, times, spans and amounts never read as a card', () => {
    // The letters and the journal write these, and their last guard refuses to write a file
    // that containsSecret says holds a card: a false positive here is a letter never written.
    const ours: readonly string[] = [
      '2025-11-27 10:31 UTC+08:00',
      '2025-11-27 10:31 UTC+08:00 · ChatGPT (web)',
      '2025-11-27 10:31 – 2025-11-28 09:02',
      '2025-11-27 10:31 UTC+08:00 – 2025-11-28 09:02 UTC+08:00',
      'Attempts: 2025-11-27 10:31, 2025-11-28 09:02, 2025-11-29 23:59, 2025-11-30 00:00',
      '2025-11-27 2025-11-28 2025-11-29 2025-11-30',
      '2025-11-27T10:31:00+08:00',
      '2025-11-27T10:31:00+08:00 2025-11-28T09:02:00+08:00',
      'https://help.openai.com/en/articles/7232945?q=card+declined+2025+11+27',
      '{"occurredAt":"2025-11-27T10:31:00+08:00","report":{"product":"chatgpt-web"}}',
      '1.00 USD',
      '20.00 CNY, then 1,234.56 USD on 2025-11-27',
      '2025/11/27 10:31, 27/11/2025, 2025.11.27, 11/27/2025',
      '2025年11月27日 10:31 扣款 20.00 元',
      'UnionPay debit •••• 4242 · 招商银行 · China',
      'Card •••• 4242 expires 2027-12',
      'Card •••• 4242 expires 12/27',
      '+86 138 0013 8000',
      '+86 13800138000',
      '138-0013-8000',
      '+1 415 555 2671',
      'zip 100000, 邮编 94105',
      'last4 4242, 尾号 4242, BIN 42424242',
      'Paid 1 USD in 2025, then $20.',
      '4242424242424241',
      '1234 5678 9012 3450',
    ];
    for (const input of ours) {
      it(`leaves ${JSON.stringify(input)} alone`, () => {
        assert.equal(redactSecrets(input), input);
        assert.equal(containsSecret(input), false);
        assert.equal(containsFullCardNumber(input), false);
      });
    }
  });
});

describe('redact: how CVCs and one-time codes are really written', () => {
  // [input, expected]: English, Simplified and Traditional Chinese, as pages, SMS and chats put them.
  const phrasings: ReadonlyArray<readonly [string, string]> = [
    // English, CVC
    ['CVV (3 digits): 123', 'CVV (3 digits): •••'],
    ['CVC number - 123', 'CVC number - •••'],
    ['security code — 123', 'security code — •••'],
    ['Card Verification Value: 1234', 'Card Verification Value: •••'],
    ['card verification code is 321', 'card verification code is •••'],
    ['CVV2 is 456', 'CVV2 is •••'],
    ['cvc2: 789', 'cvc2: •••'],
    ['CID (4 digits on the front): 1234', 'CID (4 digits on the front): •••'],
    ['CSC => 321', 'CSC => •••'],
    ['the CVN → 555', 'the CVN → •••'],
    ['CVV: 1 2 3', 'CVV: •••'],
    ['Your CVV number is 123.', 'Your CVV number is •••.'],
    ['security code (back of card) is 987', 'security code (back of card) is •••'],
    ['Card security code: 4321', 'Card security code: •••'],
    ['"cvv": "123"', '"cvv": "•••"'],
    ['cvc=123&exp=1227', 'cvc=•••&exp=1227'],
    ['CVV\n123', 'CVV\n•••'],
    ['CVV: [123]', 'CVV: [•••]'],
    ['CVV no. 123', 'CVV no. •••'],
    ['security code 123456', 'security code ••••••'],
    // English, one-time codes
    ['Your one-time code is 482913', 'Your one-time code is ••••••'],
    ['one-time password: 4829 1375', 'one-time password: ••••••'],
    ['One Time Passcode - 482-913', 'One Time Passcode - ••••••'],
    ['OTP: 482 913', 'OTP: ••••••'],
    ['SMS code: 4829', 'SMS code: ••••••'],
    ['verification code is 48291375', 'verification code is ••••••'],
    ['3-D Secure code: 482913', '3-D Secure code: ••••••'],
    ['3DS code 482913', '3DS code ••••••'],
    ['3DS: 482913', '3DS: ••••••'],
    ['3D Secure password 482913', '3D Secure password ••••••'],
    ['passcode → 4 8 2 9 1 3', 'passcode → ••••••'],
    ['PIN: 1234', 'PIN: ••••••'],
    ['482193 is your verification code', '•••••• is your verification code'],
    ['482 913 is your Acme Bank one-time code.', '•••••• is your Acme Bank one-time code.'],
    ['银行短信：482913 is your OpenAI verification code。请勿告诉他人。', '银行短信：•••••• is your OpenAI verification code。请勿告诉他人。'],
    ['{"message":"482913 is your OpenAI verification code"}', '{"message":"•••••• is your OpenAI verification code"}'],
    ['Verification code: 482\u2009913', 'Verification code: ••••••'],
    ['Use code 482913 to confirm', 'Use code •••••• to confirm'],
    ['Enter the code (6 digits) — 482913', 'Enter the code (6 digits) — ••••••'],
    ['verification code: 4821.', 'verification code: ••••••.'],
    // Simplified Chinese
    ['安全码（背面三位）：123', '安全码（背面三位）：•••'],
    ['安全码是 123', '安全码是 •••'],
    ['CVV码：123', 'CVV码：•••'],
    ['CVV号码 123', 'CVV号码 •••'],
    ['卡背后三位：123', '卡背后三位：•••'],
    ['背面三位数 123', '背面三位数 •••'],
    ['卡片背面的三位数字是123', '卡片背面的三位数字是•••'],
    ['CVV（3位）：123', 'CVV（3位）：•••'],
    ['安全码→123', '安全码→•••'],
    ['验证码：482913', '验证码：••••••'],
    ['验证码 123', '验证码 •••'],
    ['短信验证码 482913', '短信验证码 ••••••'],
    ['短信码：4829', '短信码：••••••'],
    ['一次性密码为 48291375', '一次性密码为 ••••••'],
    ['动态码 482 913', '动态码 ••••••'],
    ['动态密码：482913', '动态密码：••••••'],
    ['动态口令：482913', '动态口令：••••••'],
    ['您的动态验证码是 4 8 2 9 1 3', '您的动态验证码是 ••••••'],
    ['校验码=4821', '校验码=••••••'],
    ['校验码 - 4821', '校验码 - ••••••'],
    ['支付密码 482913', '支付密码 ••••••'],
    ['123456是您的验证码', '••••••是您的验证码'],
    ['【招商银行】482913是您本次交易的验证码，5分钟内有效', '【招商银行】••••••是您本次交易的验证码，5分钟内有效'],
    ['482913为您在招商银行的动态码', '••••••为您在招商银行的动态码'],
    ['验证码为：4821，请勿告诉他人', '验证码为：••••••，请勿告诉他人'],
    // A full-width comma then a digit ends the code: it is a clause, not a thousands separator.
    ['您的验证码是482913，5分钟内有效', '您的验证码是••••••，5分钟内有效'],
    ['您的验证码是482913，300秒内有效', '您的验证码是••••••，300秒内有效'],
    ['verification code 482913,5 minutes', 'verification code ••••••,5 minutes'],
    ['123是卡安全码', '•••是卡安全码'],
    // Traditional Chinese
    ['安全碼：123', '安全碼：•••'],
    ['驗證碼 482913', '驗證碼 ••••••'],
    ['簡訊驗證碼：482913', '簡訊驗證碼：••••••'],
    ['簡訊碼 4829', '簡訊碼 ••••••'],
    ['一次性密碼為 482913', '一次性密碼為 ••••••'],
    ['動態碼：482913', '動態碼：••••••'],
    ['動態密碼 482-913', '動態密碼 ••••••'],
    ['CVV碼 123', 'CVV碼 •••'],
    ['CVV號碼：123', 'CVV號碼：•••'],
    ['卡背後三位數：123', '卡背後三位數：•••'],
    ['482913是您的驗證碼', '••••••是您的驗證碼'],
    ['123為卡安全碼', '•••為卡安全碼'],
    ['校驗碼：4821', '校驗碼：••••••'],
    ['驗證碼（簡訊）：4821', '驗證碼（簡訊）：••••••'],
    // Labels and codes broken by invisible characters, or typed full-width
    [`C${ZWSP}V${ZWSP}V: 123`, `C${ZWSP}V${ZWSP}V: •••`],
    [`验${WORD_JOINER}证码：482913`, `验${WORD_JOINER}证码：••••••`],
    [`CVV: 1${ZWSP}2${ZWSP}3`, 'CVV: •••'],
    [`OTP ${SOFT_HYPHEN}482${SOFT_HYPHEN}913`, `OTP ${SOFT_HYPHEN}••••••`],
    ['ＣＶＶ：１２３', 'ＣＶＶ：•••'],
    ['验证码：٤٨٢٩١٣', '验证码：••••••'],
    // Together with a card
    ['卡号4242424242424242，安全码123，验证码 654321', '卡号•••• 4242，安全码•••，验证码 ••••••'],
  ];

  it('has at least 60 phrasings', () => assert.ok(phrasings.length >= 60, String(phrasings.length)));
  for (const [input, expected] of phrasings) {
    it(`masks ${JSON.stringify(input)}`, () => {
      assert.equal(redactSecrets(input), expected);
      assert.equal(containsSecret(input), true);
      assert.equal(redactSecrets(expected), expected);
    });
  }

  const notSecrets: readonly string[] = [
    'zip code 94105',
    'Postal code: 100000',
    '邮编 94105',
    'error code 402',
    'decline code: 05',
    'decline_code: 1234',
    'HTTP status code 4020',
    'promo code 2025',
    'order code 48291375',
    '尾号 4242',
    '尾號 4242',
    'BIN 42424242',
    'last4 4242',
    'CVC check failed at 10:31',
    'CVV: 12',
    'code 123',
    'code 20.00',
    'PIN 10:31',
    'code 1,234 USD',
    'Paid 20.00 USD in 2025',
    '2025年11月27日 10:31 扣款 20 元',
    '"code": "card_declined"',
    'Card •••• 4242',
    'Security code: the 3 digits on the back',
  ];
  for (const input of notSecrets) {
    it(`leaves ${JSON.stringify(input)} alone`, () => {
      assert.equal(redactSecrets(input), input);
      assert.equal(containsSecret(input), false);
    });
  }
});

describe('redact: labels and orders found by the issue 9 red team', () => {
  const secrets: ReadonlyArray<readonly [string, string]> = [
    ['【招商银行】您的交易码为482913，请勿泄露。', '【招商银行】您的交易码为••••••，请勿泄露。'],
    ['【工商银行】您的授权码482913，5分钟内有效', '【工商银行】您的授权码••••••，5分钟内有效'],
    ['口令：482913', '口令：••••••'],
    ['【中國信託】認證碼：482913，請於5分鐘內輸入', '【中國信託】認證碼：••••••，請於5分鐘內輸入'],
    ['个人识别码：1234', '个人识别码：••••••'],
    ['PIN码 1234', 'PIN码 ••••••'],
    ['Use 482913 to verify your account', 'Use •••••• to verify your account'],
    ['Enter 482913 to sign in', 'Enter •••••• to sign in'],
    ['【482913】验证码', '【••••••】验证码'],
    ['482913（验证码）', '••••••（验证码）'],
    ['the 3 digits on the back: 123', 'the 3 digits on the back: •••'],
    ['3-digit code on the back 123', '3-digit code on the back •••'],
    ['背面末三位：123', '背面末三位：•••'],
    ['卡片背面后三位数字为123', '卡片背面后三位数字为•••'],
    ['CVC `123`', 'CVC `•••`'],
    ['验证码：“482913”', '验证码：“••••••”'],
    ['Verification code: G-482913', 'Verification code: G-••••••'],
    ['security number 123', 'security number •••'],
    ['card code 123', 'card code •••'],
    ['cvc_number 123', 'cvc_number •••'],
    ['安全码后三位是123', '安全码后三位是•••'],
    ['验证码 _482913_', '验证码 _••••••_'],
    ['验证码 ➡️ 482913', '验证码 ➡️ ••••••'],
    ['482913 是你的 OpenAI 验证码', '•••••• 是你的 OpenAI 验证码'],
    ['482913为您的登录验证码', '••••••为您的登录验证码'],
    ['482913 是您本次操作的验证码', '•••••• 是您本次操作的验证码'],
    ['【匯豐】您的保安編碼為482913', '【匯豐】您的保安編碼為••••••'],
    ['安全碼為後三碼123', '安全碼為後三碼•••'],
    ['卡片背面末三碼：123', '卡片背面末三碼：•••'],
    // Taiwan's and Hong Kong's words for the CVC, and the mainland's 检查码 (found in review).
    ['卡背末三碼 123', '卡背末三碼 •••'],
    ['卡片背面簽名欄末三碼 123', '卡片背面簽名欄末三碼 •••'],
    ['卡片末三碼：123', '卡片末三碼：•••'],
    ['卡片末三位：123', '卡片末三位：•••'],
    ['檢查碼 123', '檢查碼 •••'],
    ['檢核碼：123', '檢核碼：•••'],
    ['检查码 123', '检查码 •••'],
    ['482913 — your Apple ID code', '•••••• — your Apple ID code'],
  ];
  for (const [input, expected] of secrets) {
    it(`masks ${JSON.stringify(input)}`, () => {
      assert.equal(redactSecrets(input), expected);
      assert.equal(redactSecrets(expected), expected);
    });
  }

  const notSecrets: readonly string[] = [
    '我的口令卡丢了，2025年11月27日 22:10',
    'Use 2025 to 2026 plans',
    'the 3 digits on the back are worn, paid 2025-11-27',
    '交易码错误 code 05，金额 20.00',
    '我的手机号是13812345678，验证码一直收不到',
    '2025年11月27日 22:10 银行发来的验证码没收到',
    'security number of attempts: 3',
    'card code 05 decline',
    '支付时间 22:10 支付金额 145.00 元 交易码 05',
    '2025 — the year I tried 3 codes',
    '背面三码不清楚 2025年',
  ];
  for (const input of notSecrets) {
    it(`leaves ${JSON.stringify(input)} alone`, () => {
      assert.equal(redactSecrets(input), input);
    });
  }
});

describe('redact: card numbers pasted through Markdown, CSV and chat (red team, issue 9)', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['| 4242 | 4242 | 4242 | 4242 |', '| •••• 4242 |'],
    ['4242\n> 4242\n> 4242\n> 4242', '•••• 4242'],
    ['`4242` `4242` `4242` `4242`', '`•••• 4242`'],
    ['"4242","4242","4242","4242"', '"•••• 4242"'],
    ["'4242' '4242' '4242' '4242'", "'•••• 4242'"],
    ['4242~4242~4242~4242', '•••• 4242'],
    ['4242*4242*4242*4242', '•••• 4242'],
    ['4242…4242…4242…4242', '•••• 4242'],
    ['“4242” “4242” “4242” “4242”', '“•••• 4242”'],
    ['4242%2D4242%2D4242%2D4242', '•••• 4242'],
  ];
  for (const [input, expected] of cases) {
    it(`masks ${JSON.stringify(input)}`, () => {
      assert.equal(redactCardNumbers(input), expected);
      assert.equal(redactCardNumbers(expected), expected);
    });
  }

  const notCards: readonly string[] = [
    '| 2025-11-27 | 22:10 | 145.00 USD | 4242 |',
    '> 2025年11月27日 22:10 扣款 ¥145.00',
    'ordered 1234; 5678; 9012; 3456 items',
    '(4242) (4242) (4242) (4242)',
    '4242:4242:4242:4242',
  ];
  for (const input of notCards) {
    it(`leaves ${JSON.stringify(input)} alone`, () => {
      assert.equal(redactCardNumbers(input), input);
    });
  }
});
