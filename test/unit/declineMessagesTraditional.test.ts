import assert from 'node:assert/strict';
import { DECLINE_MESSAGES, recognizeDeclineMessages } from '../../src/core/declineMessages';
import { toTraditional } from '../../src/core/language';
import { installTraditionalTable } from '../l10nFiles';

/**
 * A person in Taiwan, Hong Kong or Macau reads the checkout in Traditional Chinese and picks the
 * known messages from the form and the interview in Traditional Chinese too. Either way the
 * recognizer must read the message as the one it is: Taiwan wording (幣別, 資訊, 聯絡, 有效期限)
 * differs from the mainland's, not only the characters.
 */
describe('decline messages in Traditional Chinese', () => {
  before(installTraditionalTable);

  // Written out as a Taiwanese checkout words them, so a change to the conversion table cannot
  // make this test agree with a recognizer that misses them.
  const TAIWAN_WORDING: readonly (readonly [string, string])[] = [
    ['您的卡片不支援此幣別。', 'currency-not-supported'],
    ['最近剛提交過金額和卡片資訊相同的交易。', 'duplicate-transaction'],
    ['無法聯絡到發卡行，付款未能獲得授權。', 'issuer-not-available'],
    ['您的卡片有效期限無效。', 'invalid-expiry-date'],
    ['您的卡片遭到拒絕。', 'card-declined'],
  ];
  for (const [text, id] of TAIWAN_WORDING) {
    it(`reads “${text}” as ${id}`, () => {
      assert.equal(recognizeDeclineMessages(text)[0]?.messageId, id);
    });
  }

  it('reads every known message, as the Traditional form and interview offer it, as itself', () => {
    const misread = DECLINE_MESSAGES.flatMap((message) => {
      const offered = toTraditional(message.zhCn);
      const first = recognizeDeclineMessages(offered)[0]?.messageId;
      return first === message.id ? [] : [`${message.id}: ${offered} -> ${first ?? 'nothing'}`];
    });
    assert.deepEqual(misread, []);
    assert.equal(DECLINE_MESSAGES.length >= 50, true, 'the catalogue lost messages');
  });
});
