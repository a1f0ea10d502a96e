import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DECLINE_MESSAGES,
  normalizeMessageText,
  phrasePatterns,
  recognizeDeclineMessages,
  requiredLiterals,
} from '../../src/core/declineMessages';

/**
 * The recognizer runs a pattern only when the text holds the literals `requiredLiterals` reads
 * from the pattern's source. A clause that some match does not contain would make a message go
 * unrecognized, so the reading is checked on hand-written patterns and, for the real ones, on
 * texts made of the very words they need.
 */
describe('declineMessages prefilter', () => {
  describe('requiredLiterals', () => {
    it('reads the words a phrase cannot do without, as clauses of alternatives', () => {
      assert.deepEqual(requiredLiterals(/card ?(?:was ?)?declined(?![a-z0-9])/g), [['card'], ['declined']]);
      assert.deepEqual(requiredLiterals(/(?:付款|支付)未(?:获|被)?批准/), [['付款', '支付'], ['未'], ['批准']]);
      assert.deepEqual(requiredLiterals(/^(?:error: ?)?declined[.!]?$/), [['declined']]);
    });

    it('takes nothing from optional parts, classes, escapes for classes, or lookarounds', () => {
      assert.deepEqual(requiredLiterals(/(?:abc)?x/), [['x']]);
      assert.deepEqual(requiredLiterals(/(?:ab){0,3}x/), [['x']]);
      assert.deepEqual(requiredLiterals(/a\.b[xy]c\d/), [['a.b'], ['c']]);
      assert.deepEqual(requiredLiterals(/x(?!abc)/), [['x']]);
      assert.deepEqual(requiredLiterals(/(?<=abc)x/), [['x']]);
      assert.deepEqual(requiredLiterals(/(?<!def)x/), [['x']]);
      assert.deepEqual(requiredLiterals(/(["'])code\1/), [['code']]);
    });

    it('keeps what a part repeated at least once needs, and splits a word before a quantified letter', () => {
      assert.deepEqual(requiredLiterals(/(?:ab){2,3}/), [['ab']]);
      assert.deepEqual(requiredLiterals(/x(?:_y){1,3}/), [['x'], ['_y']]);
      assert.deepEqual(requiredLiterals(/honou?r/), [['hono'], ['r']]);
    });

    it('joins the best clause of each option of an alternation, and gives up when one option needs nothing', () => {
      assert.deepEqual(requiredLiterals(/(?:do not honor|generic decline)/), [['do not honor', 'generic decline']]);
      assert.deepEqual(requiredLiterals(/(?:ab|[xy]z?)c/), [['c']]);
      assert.deepEqual(requiredLiterals(/abc|[xy]z?/), []);
    });

    it('says nothing rather than something wrong about what it does not read', () => {
      assert.deepEqual(requiredLiterals(/card/i), []);
      assert.deepEqual(requiredLiterals(/\u00e9t\u00e9/), [['été']]);
    });

    it('names a literal for every pattern the recognizer runs over a whole text', () => {
      const without = phrasePatterns().filter((pattern) => requiredLiterals(pattern).length === 0);
      assert.deepEqual(without.map((pattern) => pattern.source), []);
    });

    it('every match of every phrase pattern holds a literal of each clause (texts made of the patterns’ own words)', () => {
      const patterns = phrasePatterns();
      const clauses = patterns.map((pattern) => requiredLiterals(pattern));
      const words = [...new Set(clauses.flat(2))];
      // The patterns' words plus the small words phrases put between them.
      const vocabulary = [...words, 'your', 'the', 'was', 'has', 'been', 'not', 'is', 'my', '您的', '了', '。', '.', ':', '"', '_'];
      let matched = 0;
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 10 }),
          fc.constantFrom(' ', ''),
          (parts, glue) => {
            const text = normalizeMessageText(parts.join(glue));
            patterns.forEach((pattern, index) => {
              pattern.lastIndex = 0;
              const match = pattern.exec(text);
              if (!match) return;
              matched++;
              for (const clause of clauses[index]!) {
                assert.ok(
                  clause.some((literal) => match[0].includes(literal)),
                  `${pattern.source} matched ${JSON.stringify(match[0])} in ${JSON.stringify(text)} without any of ${JSON.stringify(clause)}`,
                );
              }
            });
          },
        ),
        { numRuns: 400, seed: 20261201 },
      );
      // The texts do reach the patterns: otherwise the property says nothing.
      assert.ok(matched > 200, `only ${matched} matches`);
    });

    it('still lets every message be recognized from its own canonical wording', () => {
      for (const message of DECLINE_MESSAGES) {
        for (const text of [message.en, message.zhCn]) {
          const ids = recognizeDeclineMessages(text).map((recognition) => recognition.messageId);
          assert.ok(ids.includes(message.id), `${JSON.stringify(text)} → ${JSON.stringify(ids)}, not ${message.id}`);
        }
      }
    });
  });

  describe('recent texts', () => {
    it('gives the same recognitions for the same text, and a caller changing its copy does not change the next', () => {
      const text = '{"error":{"code":"card_declined","decline_code":"insufficient_funds"}}';
      const first = recognizeDeclineMessages(text);
      assert.equal(first[0]!.messageId, 'insufficient-funds');
      assert.equal(first[0]!.declineCode, 'insufficient_funds');
      first[0]!.messageId = 'changed by a caller';
      first.push({ ...first[0]!, messageId: 'added by a caller' });
      const second = recognizeDeclineMessages(text);
      assert.equal(second[0]!.messageId, 'insufficient-funds');
      assert.ok(!second.some((recognition) => recognition.messageId === 'added by a caller'));
      assert.notEqual(second, first);
    });

    it('recognizes a text again after many others, and a long text the same every time', () => {
      const text = 'Your card has insufficient funds.';
      assert.equal(recognizeDeclineMessages(text)[0]!.messageId, 'insufficient-funds');
      for (let index = 0; index < 100; index++) recognizeDeclineMessages(`Your card was declined. (${index})`);
      assert.equal(recognizeDeclineMessages(text)[0]!.messageId, 'insufficient-funds');
      const long = 'x '.repeat(3000) + 'Your card has insufficient funds.';
      assert.equal(recognizeDeclineMessages(long)[0]!.matched, 'insufficient funds');
      assert.equal(recognizeDeclineMessages(long)[0]!.matched, 'insufficient funds');
    });
  });

  describe('normalization fast paths', () => {
    it('reads ASCII runs, white space of every kind, full-width and Traditional characters as before', () => {
      assert.equal(normalizeMessageText('Your\t\tCARD\u00a0was\u3000DECLINED'), 'your card was declined');
      assert.equal(normalizeMessageText('ＹＯＵＲ ＣＡＲＤ ｗａｓ　ｄｅｃｌｉｎｅｄ'), 'your card was declined');
      assert.equal(normalizeMessageText('銀行卡 被拒絕 \u2028 ok'), '银行卡被拒绝ok');
      assert.equal(normalizeMessageText('a\u200bb \ud83d\ude00 c'), 'ab \ud83d\ude00 c');
    });

    it('maps back to the input past characters that NFKC expands (㎏ → kg), however many', () => {
      const text = '㎏'.repeat(40) + ' Ｙｏｕｒ ｃａｒｄ ｗａｓ ｄｅｃｌｉｎｅｄ.';
      assert.equal(normalizeMessageText(text), 'kg'.repeat(40) + ' your card was declined.');
      assert.equal(recognizeDeclineMessages(text)[0]!.matched, 'ｃａｒｄ ｗａｓ ｄｅｃｌｉｎｅｄ');
    });

    it('quotes the input as typed when the normalized text matched', () => {
      const text = 'Error:  ＹＯＵＲ\u00a0ＣＡＲＤ  ＷＡＳ　ＤＥＣＬＩＮＥＤ!!';
      assert.equal(recognizeDeclineMessages(text)[0]!.matched, 'ＣＡＲＤ  ＷＡＳ　ＤＥＣＬＩＮＥＤ');
    });
  });
});
