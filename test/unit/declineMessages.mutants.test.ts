/**
 * Recognizer rules that mutation testing (`npm run test:mutation`) showed no other test pinned
 * down: how a pasted JSON escape, a fancy-text letter or a cut emoji reads once normalized, what
 * `requiredLiterals` takes from each piece of pattern syntax (the prefilter must never ask for a
 * word a match can lack, and should ask for the most selective one), how far apart a payment word
 * and a failure word may stand for the generic finding and which pair it quotes, and which code
 * wins when several name the same message. Every expectation is written out from the rule in
 * declineMessages.ts's comments or from ECMAScript's regular-expression syntax, never read back.
 */
import assert from 'node:assert/strict';
import {
  chinesePatternCharacters,
  normalizeMessageText,
  recognizeDeclineMessages,
  requiredLiterals,
  type DeclineRecognition,
} from '../../src/core/declineMessages';

/**
 * recognizeDeclineMessages with its rules really run. It answers a text seen among its last 32
 * from a cache, and mutation testing keeps the module loaded from one mutant to the next: a text
 * an earlier run recognized would come back from the cache without reaching the rule under test.
 * Forty other texts push it out first.
 */
function recognizeAfresh(text: string): DeclineRecognition[] {
  for (let index = 0; index < 40; index++) recognizeDeclineMessages(`cache filler ${index}`);
  return recognizeDeclineMessages(text);
}

/** The one recognition of a text: its id, decline code, quoted words and confidence. */
function only(text: string): Pick<DeclineRecognition, 'messageId' | 'declineCode' | 'matched' | 'confidence'> {
  const found = recognizeAfresh(text);
  assert.equal(found.length, 1, `${JSON.stringify(text)} → ${JSON.stringify(found.map((each) => each.messageId))}`);
  const { messageId, declineCode, matched, confidence } = found[0]!;
  return { messageId, declineCode, matched, confidence };
}

/** The generic "payment failed" finding, quoting `matched`. */
function generic(matched: string): Pick<DeclineRecognition, 'messageId' | 'declineCode' | 'matched' | 'confidence'> {
  return { messageId: 'payment-failed-unspecified', declineCode: null, matched, confidence: 'generic' };
}

describe('declineMessages (mutants): normalization', () => {
  it('reads the JSON escapes \\n \\r \\t as a space', () => {
    assert.equal(normalizeMessageText('Your card\\nwas declined'), 'your card was declined');
    assert.equal(normalizeMessageText('Your card\\rwas declined'), 'your card was declined');
    assert.equal(normalizeMessageText('Your card\\twas declined'), 'your card was declined');
    // "Adde" after \n is four hex digits, yet only \u starts a \uXXXX escape.
    assert.equal(normalizeMessageText('Your card was declined.\\nAdded a new card'), 'your card was declined. added a new card');
  });

  it('reads the JSON escapes \\" \\/ \\\\ as the character escaped', () => {
    assert.equal(normalizeMessageText('message: \\"Declined\\"'), 'message: "declined"');
    assert.equal(normalizeMessageText('https:\\/\\/stripe.com'), 'https://stripe.com');
    assert.equal(normalizeMessageText('C:\\\\Users'), 'c:\\users');
  });

  it('keeps a backslash that starts no JSON escape, and the character after it', () => {
    assert.equal(normalizeMessageText('a\\qb'), 'a\\qb');
    assert.equal(normalizeMessageText('\\uzzzz'), '\\uzzzz');
    assert.equal(normalizeMessageText('end\\'), 'end\\');
  });

  it('reads an escaped ASCII character exactly as the character typed (a backtick stays a backtick, a capital is lowered)', () => {
    // Typed, ` and A take the ASCII fast path; escaped, they must come out the same.
    assert.equal(normalizeMessageText('\\u0060'), '`');
    assert.equal(normalizeMessageText('`'), '`');
    assert.equal(normalizeMessageText('\\u0041\\u0042'), 'ab');
  });

  it('reads mathematical bold and italic letters (fancy-text pastes) as plain letters', () => {
    assert.equal(normalizeMessageText('𝐘𝐨𝐮𝐫 𝐜𝐚𝐫𝐝 𝐰𝐚𝐬 𝐝𝐞𝐜𝐥𝐢𝐧𝐞𝐝'), 'your card was declined');
    assert.equal(normalizeMessageText('𝘥𝘦𝘤𝘭𝘪𝘯𝘦𝘥'), 'declined');
    assert.equal(only('𝐘𝐨𝐮𝐫 𝐜𝐚𝐫𝐝 𝐰𝐚𝐬 𝐝𝐞𝐜𝐥𝐢𝐧𝐞𝐝.').messageId, 'card-declined');
  });

  it('keeps half of a cut emoji (a lone high surrogate) as one unit and loses nothing after it', () => {
    assert.equal(normalizeMessageText('\ud83dcard'), '\ud83dcard');
    assert.equal(normalizeMessageText('ok \ud83d'), 'ok \ud83d');
  });

  it('drops the spaces around a CJK compatibility ideograph (U+F900–U+FAFF) as around any Chinese character', () => {
    // U+FA0E and U+FAFF have no NFKC decomposition, so they reach the CJK test as they are.
    assert.equal(normalizeMessageText('x \ufa0e y'), 'x\ufa0ey');
    assert.equal(normalizeMessageText('x \ufaff y'), 'x\ufaffy');
    // U+F900 is folded to its unified ideograph U+8C48 first.
    assert.equal(normalizeMessageText('x \uf900 y'), 'x\u8c48y');
  });

  it('keeps the spaces around a character past the CJK blocks (the replacement character U+FFFD)', () => {
    assert.equal(normalizeMessageText('x \ufffd y'), 'x \ufffd y');
  });

  it('normalizes at most the first 100,000 characters', () => {
    assert.equal(normalizeMessageText('a'.repeat(100_005)).length, 100_000);
  });
});

/**
 * A pattern in the web's legacy syntax (ECMAScript Annex B: `\x` without two hex digits, `\p`
 * without the u flag, a brace that starts no quantifier). Built from a string, since TypeScript
 * and the lint refuse it as a literal; the recognizer's own patterns may still come out this way.
 */
function annexB(source: string): RegExp {
  return new RegExp(source);
}

describe('declineMessages (mutants): requiredLiterals, piece by piece', () => {
  it('reads \\u{…} as one code point only under the u flag; without it, takes nothing from the escape', () => {
    assert.deepEqual(requiredLiterals(/caf\u{e9}/u), [['café']]);
    // Without u, \u{2} is "u" twice: the reader takes nothing from it rather than a wrong character.
    assert.deepEqual(requiredLiterals(annexB('x\\u{2}')), [['x']]);
    // Under u, a \uXXXX without braces is still four hex digits.
    assert.deepEqual(requiredLiterals(/caf\u00e9/u), [['café']]);
  });

  it('reads \\xHH as one character, and takes nothing from a \\x not followed by two hex digits', () => {
    assert.deepEqual(requiredLiterals(/caf\xe9/), [['café']]);
    // Without two hex digits \x is the letter x (Annex B): the reader skips it and keeps what follows.
    assert.deepEqual(requiredLiterals(annexB('a\\x4g')), [['a'], ['4g']]);
    assert.deepEqual(requiredLiterals(annexB('a\\xg4')), [['a'], ['g4']]);
    assert.deepEqual(requiredLiterals(annexB('a\\x4')), [['a'], ['4']]);
  });

  it('reads the control escapes \\n \\t \\r \\f \\v as their characters', () => {
    assert.deepEqual(requiredLiterals(/a\nb\tc\rd\fe\vf/), [['a\nb\tc\rd\fe\u000bf']]);
  });

  it('takes nothing from a back-reference by name or a property escape, and skips its name', () => {
    assert.deepEqual(requiredLiterals(/(?<w>ab)c\k<w>d/), [['ab'], ['c'], ['d']]);
    assert.deepEqual(requiredLiterals(/\p{L}x/u), [['x']]);
    assert.deepEqual(requiredLiterals(/\P{L}x/u), [['x']]);
    // Without u, \p is the letter p: skipped, and what follows is read.
    assert.deepEqual(requiredLiterals(annexB('a\\pbc')), [['a'], ['bc']]);
    // Only \k, \p and \P take a name: an escaped full stop before "<b>" is a literal.
    assert.deepEqual(requiredLiterals(/a\.<b>c/), [['a.<b>c']]);
  });

  it('reads a plain capture group and a named group like a non-capturing one', () => {
    assert.deepEqual(requiredLiterals(/(abc)d/), [['abc'], ['d']]);
    assert.deepEqual(requiredLiterals(/(x?=y)z/), [['=y'], ['z']]);
    assert.deepEqual(requiredLiterals(/(?<word>ab)c/), [['ab'], ['c']]);
  });

  it('skips a class whole, an escaped ] inside it included', () => {
    assert.deepEqual(requiredLiterals(/[\]y]x/), [['x']]);
  });

  it('ends a literal at a dot, which may be any character', () => {
    assert.deepEqual(requiredLiterals(/a.b/), [['a'], ['b']]);
  });

  it('drops a letter quantified by * and keeps one quantified by +, lazy or not', () => {
    assert.deepEqual(requiredLiterals(/ab*c/), [['a'], ['c']]);
    assert.deepEqual(requiredLiterals(/ab+c/), [['a'], ['b'], ['c']]);
    assert.deepEqual(requiredLiterals(/ab+?\w/), [['a'], ['b']]);
  });

  it('reads {n}, {n,} and {n,m} with numbers of any length as quantifiers, and a brace that is none as a literal', () => {
    assert.deepEqual(requiredLiterals(/xy{2}z/), [['x'], ['y'], ['z']]);
    assert.deepEqual(requiredLiterals(/xy{12}z/), [['x'], ['y'], ['z']]);
    assert.deepEqual(requiredLiterals(/xy{2,}z/), [['x'], ['y'], ['z']]);
    assert.deepEqual(requiredLiterals(/xy{2,10}z/), [['x'], ['y'], ['z']]);
    assert.deepEqual(requiredLiterals(annexB('x{a}y{2}z')), [['x{a}'], ['y'], ['z']]);
  });

  it("takes from each option of an alternation the clause whose shortest literal is longest, wherever it stands", () => {
    assert.deepEqual(requiredLiterals(/(?:cde\dab|xy)/), [['cde', 'xy']]);
    assert.deepEqual(requiredLiterals(/(?:ab\dcde|xy)/), [['cde', 'xy']]);
    // A clause is only as selective as its shortest literal: "a or bcdef" is weaker than "xyz".
    assert.deepEqual(requiredLiterals(/(?:(?:a|bcdef)\dxyz|q)/), [['xyz', 'q']]);
    // Fewer alternatives do not beat a longer shortest literal.
    assert.deepEqual(requiredLiterals(/(?:(?:abc|def)\dg|xyz)/), [['abc', 'def', 'xyz']]);
  });

  it('breaks a tie in shortest literal by the fewer alternatives, then by the first clause', () => {
    assert.deepEqual(requiredLiterals(/(?:(?:ab|cd)\def|q)/), [['ef', 'q']]);
    assert.deepEqual(requiredLiterals(/(?:ab\dcd|q)/), [['ab', 'q']]);
  });
});

describe('declineMessages (mutants): the generic finding for a payment word and a failure word', () => {
  it('pairs a payment word with a failure word at most 60 characters after it', () => {
    const near = `Payment ${'z'.repeat(58)} failed`;
    assert.deepEqual(only(near), generic(near));
    assert.deepEqual(recognizeAfresh(`Payment ${'z'.repeat(59)} failed`), []);
  });

  it('pairs a failure word with a payment word at most 60 characters after it', () => {
    const near = `Rejected ${'z'.repeat(58)} payment`;
    assert.deepEqual(only(near), generic(near));
    assert.deepEqual(recognizeAfresh(`Rejected ${'z'.repeat(59)} payment`), []);
  });

  it('pairs words far into the text as well as at its start', () => {
    const text = `${'Some words first. '.repeat(5)}Declined when I paid by card`;
    assert.deepEqual(only(text), generic('Declined when I paid by card'));
  });

  it('quotes from the first word of the pair to the last, whichever comes first', () => {
    assert.deepEqual(only('Oh no: Declined when I paid by card!'), generic('Declined when I paid by card'));
    assert.deepEqual(only('Billing: rejected, then nothing.'), generic('Billing: rejected'));
  });

  it('quotes the earliest pair, and with one payment word the nearest failure word', () => {
    assert.deepEqual(only('Declined when I paid by card. Later the billing was refused too.'), generic('Declined when I paid by card'));
    assert.deepEqual(only('Billing zz rejected zz error'), generic('Billing zz rejected'));
  });

  it('quotes whichever of an English and a Chinese pair comes first', () => {
    assert.deepEqual(only('Declined when I paid by card 信用卡有问题'), generic('Declined when I paid by card'));
    assert.deepEqual(only('信用卡有问题 Declined when I paid by card'), generic('信用卡有问题'));
  });

  it("reads Visa's 'revalidate payment information' as the advice confirm_card_data, quoting those words", () => {
    const [found, ...rest] = recognizeAfresh('Please revalidate your payment information');
    assert.deepEqual(rest, []);
    assert.equal(found!.messageId, 'payment-failed-unspecified');
    assert.equal(found!.adviceCode, 'confirm_card_data');
    assert.equal(found!.matched, 'revalidate your payment information');
    assert.equal(found!.confidence, 'generic');
  });
});

describe('declineMessages (mutants): codes and left edges', () => {
  it('reports a legacy decline_code try_again_later as the advice too', () => {
    const [found] = recognizeAfresh('{"decline_code": "try_again_later"}');
    assert.equal(found!.messageId, 'try-again-later');
    assert.equal(found!.adviceCode, 'try_again_later');
  });

  it("takes the code of a message from a later bare code when the network's code named the message first", () => {
    // 91 is "issuer not available" in the network table; reenter_transaction is one of that message's codes.
    const [found] = recognizeAfresh('network_decline_code: 91 and later reenter_transaction');
    assert.equal(found!.messageId, 'issuer-not-available');
    assert.equal(found!.declineCode, 'reenter_transaction');
  });

  it('keeps the decline_code field over a later bare code of the same message, and the first of two bare codes', () => {
    assert.equal(recognizeAfresh('{"decline_code":"approve_with_id"} reenter_transaction')[0]!.declineCode, 'approve_with_id');
    assert.equal(recognizeAfresh('approve_with_id then reenter_transaction')[0]!.declineCode, 'approve_with_id');
  });

  it('names the generic finding after a bare advice code when nothing else is recognized, quoting the code', () => {
    // do_not_try_again is advice, not a cause: the payment was declined, nothing says why.
    const [found, ...rest] = recognizeAfresh('Stripe said: do_not_try_again');
    assert.deepEqual(rest, []);
    assert.equal(found!.messageId, 'payment-failed-unspecified');
    assert.equal(found!.adviceCode, 'do_not_try_again');
    assert.equal(found!.matched, 'do_not_try_again');
  });

  it('quotes an unquoted never-claim decline_code field with the code it may show, and nothing after it', () => {
    assert.deepEqual(only('decline_code=stolen_card'), {
      messageId: 'generic-decline',
      declineCode: 'generic_decline',
      matched: 'decline_code=generic_decline',
      confidence: 'specific',
    });
  });

  it('does not read a phrase glued to the end of another word ("Discard was declined"), and finds it later in the text', () => {
    assert.deepEqual(recognizeAfresh('Discard was declined'), []);
    assert.deepEqual(only('DISCARD WAS DECLINED, then: your card was declined'), {
      messageId: 'card-declined',
      declineCode: 'card_declined',
      matched: 'card was declined',
      confidence: 'specific',
    });
  });
});

describe('declineMessages (mutants): chinesePatternCharacters', () => {
  it('lists the Chinese characters of the patterns, once each, in code-point order', () => {
    const chars = chinesePatternCharacters();
    for (const char of ['拒', '绝', '卡', '银', '支', '付', '败']) assert.ok(chars.includes(char), char);
    const list = [...chars];
    for (let index = 1; index < list.length; index++) {
      assert.ok(list[index - 1]! < list[index]!, `${list[index - 1]} before ${list[index]}`);
    }
  });
});
