/**
 * Redaction rules that mutation testing (`npm run test:mutation`) showed no other test pinned
 * down: where a code ends, how its digits may be grouped, what may stand between a label and its
 * code, which separators join a card's groups, and long digit runs whose only Luhn-valid window
 * sits at an edge, and which characters may belong to a number (what the report's raw-input cap
 * drops with a number it cuts). Every expectation is the rule in redact.ts's doc comments, written out.
 */
import assert from 'node:assert/strict';
import { mayBePartOfNumber, redactCardNumbers, redactSecrets } from '../../src/core/redact';
import { cleanFreeText } from '../../src/core/report';

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

describe('redact (mutants): what may belong to a number, for the raw-input cap', () => {
  // report.ts's capRawInput drops every such character before the cut, so the head of a card
  // never survives without the tail its Luhn check needs.
  it('digits of any script, invisible characters and the % and \\ that start an encoded separator', () => {
    for (const char of ['4', '0', '٤', '४', '４', '𝟒', '\u200b', '\u00ad', '\u2060', '%', '\\']) {
      assert.equal(mayBePartOfNumber(char), true, `char: ${JSON.stringify(char)}`);
    }
  });

  it('every separator the masking joins groups with, ASCII and not', () => {
    for (const char of [' ', '\n', '\t', '\r', '-', '.', '/', '_', ',', '+', '|', '>', '`', '"', "'", '~', '*']) {
      assert.equal(mayBePartOfNumber(char), true, `char: ${JSON.stringify(char)}`);
    }
    for (const char of ['\u3000', '\u00a0', '–', '—', '−', '·', '・', '･', '、', '。', '‘', '’', '“', '”', '…']) {
      assert.equal(mayBePartOfNumber(char), true, `char: ${JSON.stringify(char)}`);
    }
  });

  it('full-width separators read as the ASCII ones, from ＂ up to ～', () => {
    for (const char of ['＂', '＇', '＊', '＋', '，', '－', '．', '／', '＿', '｀', '｜', '＞', '～']) {
      assert.equal(mayBePartOfNumber(char), true, `char: ${JSON.stringify(char)}`);
    }
  });

  it('letters, `:`, `;`, brackets, other full-width punctuation and characters outside the BMP do not', () => {
    for (const char of ['a', 'Z', ':', ';', '(', ')', '[', '!', '#', '=', '卡', '号', '！', '：', '；', '（', 'ａ', 'Ｚ', '＝', '😀', '𝐀', '']) {
      assert.equal(mayBePartOfNumber(char), false, `char: ${JSON.stringify(char)}`);
    }
  });

  it('the report cap drops a number it cuts through whole, so no unmasked head of it is kept', () => {
    // 80 digits, four times the 16-digit test card: a run of 20 or more would be masked whole,
    // but the cap at 4 × 16 = 64 characters cuts it first, and the cut number goes with it.
    assert.equal(cleanFreeText(`ref ${'4242424242424242'.repeat(5)}`, 16, false), 'ref');
    assert.equal(cleanFreeText(`ref ${'4242424242424242'.repeat(3)}`, 16, false), 'ref •••• 4242');
  });
});

describe('redact (mutants): more on where a code ends and how it is grouped', () => {
  it('a thousands separator (at most 3 digits, a comma, exactly 3) makes an amount, not a code', () => {
    table([
      ['CVV 123,456', 'CVV 123,456'],
      ['CVV 123,4567', 'CVV •••,4567'],
      ['CVV 123,45', 'CVV •••,45'],
      ['OTP 4829,123', 'OTP ••••••,123'],
      ['OTP 482913,123', 'OTP ••••••,123'],
    ]);
  });

  it('two groups join only when each has 3–4 digits', () => {
    table([
      ['OTP 48291 357', 'OTP •••••• 357'],
      ['OTP 4829 13579', 'OTP •••••• 13579'],
    ]);
  });
});

describe('redact (mutants): more on what may stand between a label and its code', () => {
  it('号码 links in any mix of scripts; 号 alone or another character before 码 does not', () => {
    table([
      ['OTP 号码 482913', 'OTP 号码 ••••••'],
      ['OTP 號碼 482913', 'OTP 號碼 ••••••'],
      ['OTP 号碼 482913', 'OTP 号碼 ••••••'],
      ['OTP 號码 482913', 'OTP 號码 ••••••'],
      ['OTP 号 482913', 'OTP 号 482913'],
      ['OTP 號 482913', 'OTP 號 482913'],
      ['OTP 卡码 482913', 'OTP 卡码 482913'],
    ]);
  });

  it('an aside is bracketed, at most 24 characters, on one line, with no bracket inside and a word', () => {
    table([
      ['OTP (abcdefghijklmnopqrstuvwx) 482913', 'OTP (abcdefghijklmnopqrstuvwx) ••••••'],
      ['OTP (abcdefghijklmnopqrstuvwxy) 482913', 'OTP (abcdefghijklmnopqrstuvwxy) 482913'],
      ['OTP (a(b) 482913', 'OTP (a(b) 482913'],
      ['OTP (see\nbelow) 482913', 'OTP (see\nbelow) 482913'],
      ['OTP (123) 482913', 'OTP (123) 482913'],
      ['OTP: soon) 482913', 'OTP: soon) 482913'],
    ]);
  });

  it("Google's one capital letter and a dash before the digits, and nothing else like it", () => {
    table([
      ['OTP: G-482913', 'OTP: G-••••••'],
      ['OTP: A-482913', 'OTP: A-••••••'],
      ['OTP: Z-482913', 'OTP: Z-••••••'],
      ['OTP: g-482913', 'OTP: g-482913'],
      ['OTP: @-482913', 'OTP: @-482913'],
      ['OTP: GG-482913', 'OTP: GG-482913'],
      ['OTP: G482913', 'OTP: G482913'],
    ]);
  });
});

describe('redact (mutants): more on card numbers', () => {
  it('a single run of 12–19 digits is a card only as a whole, even when a shorter window passes Luhn', () => {
    // 4242424242424242 passes; followed by 123 the 19-digit run does not.
    assert.equal(redactCardNumbers('ref 4242424242424242123 end'), 'ref 4242424242424242123 end');
  });

  it('a URL-encoded space or a JSON \\n between a card and another number keeps them apart', () => {
    assert.equal(redactCardNumbers('4242424242424242%201234'), '•••• 4242%201234');
    assert.equal(redactCardNumbers('4242424242424242\\n1234'), '•••• 4242\\n1234');
  });

  it('the kept last 4 start a further card only when it has 12–19 digits, passes Luhn, and only its last group is short', () => {
    // 42421008 passes Luhn but has 8 digits: not a card.
    assert.equal(redactCardNumbers('4242424242424242 1008'), '•••• 4242 1008');
    // 4242 123 10000004 has 15 digits and passes: the mask swallows it.
    assert.equal(redactCardNumbers('4242424242424242 123 10000004'), '•••• 0004');
    // 4242 12 1000000004 passes too, but a 2-digit group can only end a card.
    assert.equal(redactCardNumbers('4242424242424242 12 1000000004'), '•••• 4242 12 1000000004');
  });
});
