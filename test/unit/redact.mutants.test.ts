/**
 * Redaction rules that mutation testing (`npm run test:mutation`) showed no other test pinned
 * down: where a code ends, how its digits may be grouped, what may stand between a label and its
 * code, which separators join a card's groups, and long digit runs whose only Luhn-valid window
 * sits at an edge. Every expectation is the rule in redact.ts's doc comments, written out.
 */
import assert from 'node:assert/strict';
import { redactCardNumbers, redactSecrets } from '../../src/core/redact';

function table(cases: ReadonlyArray<readonly [string, string]>): void {
  for (const [input, expected] of cases) assert.equal(redactSecrets(input), expected, `input: ${JSON.stringify(input)}`);
}

describe('redact (mutants): where a labelled code ends', () => {
  it('a full stop, colon, dash, slash or comma right after a code ends it', () => {
    table([
      ['OTP 482913.', 'OTP ••••••.'],
      ['OTP 482913:', 'OTP ••••••:'],
      ['OTP 482913-', 'OTP ••••••-'],
      ['OTP 482913/', 'OTP ••••••/'],
      ['CVV 123, 456', 'CVV •••, 456'],
    ]);
  });

  it('digits going on after . , : / or - make an amount, a time, a date or a reference, not a code', () => {
    table([
      ['OTP 482913.5', 'OTP 482913.5'],
      ['OTP 4,829', 'OTP 4,829'],
      ['OTP 4829:13', 'OTP 4829:13'],
      ['PIN 4829/12', 'PIN 4829/12'],
      ['OTP 482913-7', 'OTP 482913-7'],
      ['code 2025-11-27', 'code 2025-11-27'],
    ]);
  });

  it('a comma goes on only as a thousands separator: a clause after a code ends it, as SMS write it', () => {
    table([
      ['OTP 4829,13', 'OTP ••••••,13'],
      ['您的验证码是482913，5分钟内有效', '您的验证码是••••••，5分钟内有效'],
      ['OTP 1,234', 'OTP 1,234'],
    ]);
  });

  it('a mask right after the digits counts as more digits', () => {
    table([['CVC 123•', 'CVC 123•']]);
  });

  it('a CVC label takes 3–4 digits as a CVC and 5–8 as a code, and nothing longer', () => {
    table([
      ['CVV: 1234', 'CVV: •••'],
      ['CVC 12345', 'CVC ••••••'],
      ['CVV: 12345678', 'CVV: ••••••'],
      ['CVV: 123456789', 'CVV: 123456789'],
      ['security code 123456', 'security code ••••••'],
    ]);
  });

  it('a bare 验证码 takes 3 digits as a CVC and 4–8 as a one-time code', () => {
    table([
      ['验证码 123', '验证码 •••'],
      ['验证码 1234', '验证码 ••••••'],
    ]);
  });
});

describe('redact (mutants): how a code may be grouped', () => {
  it('two groups of 3–4 digits joined by one space or one dash are one code', () => {
    table([
      ['OTP 482 913', 'OTP ••••••'],
      ['OTP 482-913', 'OTP ••••••'],
      ['OTP 4829 1357', 'OTP ••••••'],
      ['CVV 1234 5678', 'CVV ••••••'],
      ['4829 1357 is your code', '•••••• is your code'],
    ]);
  });

  it('a first group of fewer than 3 digits, a second of fewer than 3, an underscore or two spaces do not join', () => {
    table([
      ['OTP 48 2913', 'OTP 48 2913'],
      ['OTP 482 91', 'OTP 482 91'],
      ['OTP 482_913', 'OTP 482_913'],
      ['OTP 482  913', 'OTP 482  913'],
    ]);
  });

  it('single digits spaced out count one by one, up to the code’s longest length', () => {
    table([
      ['OTP 4 8 2 9 1 3', 'OTP ••••••'],
      ['OTP 4 8 2 9', 'OTP ••••••'],
      ['OTP 4 8 2', 'OTP 4 8 2'],
      ['CVC 1 2 3', 'CVC •••'],
      ['OTP 4 8 2 9 1 3 5 7 9', 'OTP •••••• 9'],
    ]);
  });
});

describe('redact (mutants): between a label and its code', () => {
  it('a short bracketed aside that holds a word, in English or Chinese', () => {
    table([
      ['CVV (3 digits): 123', 'CVV (3 digits): •••'],
      ['CVV (on the back) 123', 'CVV (on the back) •••'],
      ['CVV (3位数字) 123', 'CVV (3位数字) •••'],
    ]);
  });

  it('号码 in either script, as one linking token', () => {
    table([
      ['CVV 号码 123', 'CVV 号码 •••'],
      ['CVV 號碼 123', 'CVV 號碼 •••'],
      ['CVV 号碼 123', 'CVV 号碼 •••'],
      ['安全码号码123', '安全码号码•••'],
    ]);
  });

  it('linking words', () => {
    table([
      ['CVV is 123', 'CVV is •••'],
      ['CVV: your number is 123', 'CVV: your number is •••'],
      ['code: is 123456', 'code: is ••••••'],
    ]);
  });

  it('at most eight tokens', () => {
    table([
      ['CVV::::::::123', 'CVV::::::::•••'],
      ['CVV:::::::::123', 'CVV:::::::::123'],
    ]);
  });

  it('a label glued to its digits', () => {
    table([
      ['CVC2123', 'CVC•••'],
      ['CVV2 123', 'CVV2 •••'],
    ]);
  });
});

describe('redact (mutants): which "code" is not a secret', () => {
  it('postal, error, decline and promo codes stay; only a bare "code" is excused that way', () => {
    table([
      ['zip code 482913', 'zip code 482913'],
      ['error code 482913', 'error code 482913'],
      ['Error_Code 482913', 'Error_Code 482913'],
      ['decline code: 48291357', 'decline code: 48291357'],
      ['promo code 4829', 'promo code 4829'],
      ['postcode 482913', 'postcode 482913'],
      ['zip OTP 482913', 'zip OTP ••••••'],
      ['code 482913', 'code ••••••'],
      ['the code 4829 worked', 'the code •••••• worked'],
    ]);
  });
});

describe('redact (mutants): code first, label after', () => {
  it('English SMS: the code word within the next four words', () => {
    table([
      ['482913 is your OpenAI verification code.', '•••••• is your OpenAI verification code.'],
      ['482913 is the code"}', '•••••• is the code"}'],
      ['482913 was your PIN', '•••••• was your PIN'],
      ['482913 is your one two three code', '•••••• is your one two three code'],
      ['482913 is your one two three four code', '482913 is your one two three four code'],
      ['482913 is your order number', '482913 is your order number'],
    ]);
  });

  it('Chinese SMS: a one-time code or a CVC before its label', () => {
    table([
      ['482913是您的验证码', '••••••是您的验证码'],
      ['123是卡安全码', '•••是卡安全码'],
    ]);
  });
});

describe('redact (mutants): card numbers', () => {
  it('`:` is not a separator, so groups joined by it never form a card', () => {
    assert.equal(redactCardNumbers('Time 4111:1111:1111:1111'), 'Time 4111:1111:1111:1111');
  });

  it('a run of up to 4 separator characters joins groups; a longer one ends the chain', () => {
    assert.equal(redactCardNumbers('4242 - 4242 4242 4242'), '•••• 4242');
    assert.equal(redactCardNumbers('4242 -  4242 4242 4242'), '•••• 4242');
    assert.equal(redactCardNumbers('4242 -   4242 4242 4242'), '4242 -   •••• 4242');
  });

  it('a run of 20 digits is masked whole when its only Luhn-valid window ends where the run ends', () => {
    assert.equal(redactCardNumbers('ref 80446848440088624828 end'), 'ref •••• 4828 end');
  });

  it('a run of 20 digits is masked whole when its only Luhn-valid window is 19 digits long', () => {
    assert.equal(redactCardNumbers('ref 02840048886842026828 end'), 'ref •••• 6828 end');
  });
});
