import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CAUSE_IDS, type CauseId } from '../../src/core/causeIds';
import {
  ADVICE_CODES,
  DECLINE_MESSAGES,
  NEVER_CLAIM_DECLINE_CODES,
  normalizeMessageText,
  recognizeDeclineMessages,
  type DeclineRecognition,
} from '../../src/core/declineMessages';

/**
 * What each message must mean, written out here rather than read from the module, so a change
 * to the catalogue's meaning shows up as a failing test: [id, decline code, strongest cause].
 */
const EXPECTED: readonly (readonly [string, string | null, CauseId | null])[] = [
  ['card-declined', 'card_declined', 'international-payments-disabled'],
  ['payment-not-approved', null, 'international-payments-disabled'],
  ['generic-decline', 'generic_decline', 'international-payments-disabled'],
  ['call-issuer', 'call_issuer', 'international-payments-disabled'],
  ['do-not-honor', 'do_not_honor', 'international-payments-disabled'],
  ['transaction-not-allowed', 'transaction_not_allowed', 'international-payments-disabled'],
  ['not-permitted', 'not_permitted', 'international-payments-disabled'],
  ['service-not-allowed', 'service_not_allowed', 'international-payments-disabled'],
  ['currency-not-supported', 'currency_not_supported', 'international-payments-disabled'],
  ['authorization-revoked', 'revocation_of_authorization', null],
  ['invalid-account', 'invalid_account', 'card-details-invalid'],
  ['invalid-amount', 'invalid_amount', 'insufficient-funds'],
  ['duplicate-transaction', 'duplicate_transaction', 'retry-velocity'],
  ['testmode-decline', 'testmode_decline', 'card-details-invalid'],
  ['pin-problem', 'incorrect_pin', null],
  ['processing-error', 'processing_error', null],
  ['issuer-not-available', 'issuer_not_available', null],
  ['try-again-later', 'try_again_later', null],
  ['region-not-supported', null, 'region-unsupported'],
  ['country-not-supported', null, 'region-unsupported'],
  ['not-available-in-country', null, 'region-unsupported'],
  ['card-not-supported', 'card_not_supported', 'card-type-restricted'],
  ['card-brand-not-supported', null, 'region-unsupported'],
  ['card-type-not-supported', null, 'card-type-restricted'],
  ['prepaid-not-supported', null, 'card-type-restricted'],
  ['card-invalid', null, 'card-details-invalid'],
  ['incorrect-number', 'incorrect_number', 'card-details-invalid'],
  ['invalid-number', 'invalid_number', 'card-details-invalid'],
  ['incorrect-cvc', 'incorrect_cvc', 'card-details-invalid'],
  ['invalid-cvc', 'invalid_cvc', 'card-details-invalid'],
  ['expired-card', 'expired_card', 'card-details-invalid'],
  ['invalid-expiry-month', 'invalid_expiry_month', 'card-details-invalid'],
  ['invalid-expiry-year', 'invalid_expiry_year', 'card-details-invalid'],
  ['invalid-expiry-date', null, 'card-details-invalid'],
  ['incorrect-zip', 'incorrect_zip', 'billing-mismatch'],
  ['postal-code-invalid', 'postal_code_invalid', 'billing-mismatch'],
  ['incorrect-address', 'incorrect_address', 'billing-mismatch'],
  ['card-velocity-exceeded', 'card_velocity_exceeded', 'insufficient-funds'],
  ['withdrawal-count-limit-exceeded', 'withdrawal_count_limit_exceeded', 'insufficient-funds'],
  ['decline-rate-limit-exceeded', 'card_decline_rate_limit_exceeded', 'retry-velocity'],
  ['too-many-attempts', null, 'retry-velocity'],
  ['unusual-activity', null, 'retry-velocity'],
  ['authentication-required', 'authentication_required', 'authentication-failed'],
  ['unable-to-authenticate', null, 'authentication-failed'],
  ['three-d-secure-failed', null, 'authentication-failed'],
  ['insufficient-funds', 'insufficient_funds', 'insufficient-funds'],
  ['too-many-subscriptions', null, null],
  ['app-store-purchase', null, 'app-store-billing'],
  ['authentication-pending', null, 'authentication-failed'],
  ['payment-failed-unspecified', null, 'international-payments-disabled'],
];

/**
 * Every processor code the catalogue reads, with the message it must select and that message's
 * causes (`cause weight`), written out rather than read from the module: [code, id, causes].
 */
const EXPECTED_CODES: readonly (readonly [string, string, readonly string[]])[] = [
  ['card_declined', 'card-declined', ['international-payments-disabled 1']],
  ['generic_decline', 'generic-decline', ['international-payments-disabled 1']],
  ['call_issuer', 'call-issuer', ['international-payments-disabled 1']],
  ['do_not_try_again', 'call-issuer', ['international-payments-disabled 1']],
  ['no_action_taken', 'call-issuer', ['international-payments-disabled 1']],
  ['do_not_honor', 'do-not-honor', ['international-payments-disabled 2']],
  ['transaction_not_allowed', 'transaction-not-allowed', ['international-payments-disabled 2']],
  ['not_permitted', 'not-permitted', ['international-payments-disabled 2']],
  ['service_not_allowed', 'service-not-allowed', ['international-payments-disabled 2']],
  ['currency_not_supported', 'currency-not-supported', ['international-payments-disabled 2']],
  ['revocation_of_authorization', 'authorization-revoked', []],
  ['revocation_of_all_authorizations', 'authorization-revoked', []],
  ['stop_payment_order', 'authorization-revoked', []],
  ['invalid_account', 'invalid-account', ['card-details-invalid 1']],
  ['new_account_information_available', 'invalid-account', ['card-details-invalid 1']],
  ['invalid_amount', 'invalid-amount', ['insufficient-funds 1']],
  ['duplicate_transaction', 'duplicate-transaction', ['retry-velocity 1']],
  ['testmode_decline', 'testmode-decline', ['card-details-invalid 2']],
  ['incorrect_pin', 'pin-problem', []],
  ['invalid_pin', 'pin-problem', []],
  ['offline_pin_required', 'pin-problem', []],
  ['online_or_offline_pin_required', 'pin-problem', []],
  ['pin_try_exceeded', 'pin-problem', []],
  ['processing_error', 'processing-error', []],
  ['issuer_not_available', 'issuer-not-available', []],
  ['approve_with_id', 'issuer-not-available', []],
  ['reenter_transaction', 'issuer-not-available', []],
  ['try_again_later', 'try-again-later', []],
  ['unsupported_country_region_territory', 'region-not-supported', ['region-unsupported 3']],
  ['unsupported_country', 'region-not-supported', ['region-unsupported 3']],
  ['card_not_supported', 'card-not-supported', ['card-type-restricted 1', 'region-unsupported 1']],
  ['incorrect_number', 'incorrect-number', ['card-details-invalid 3']],
  ['invalid_number', 'invalid-number', ['card-details-invalid 3']],
  ['incomplete_number', 'invalid-number', ['card-details-invalid 3']],
  ['incorrect_cvc', 'incorrect-cvc', ['card-details-invalid 3']],
  ['invalid_cvc', 'invalid-cvc', ['card-details-invalid 3']],
  ['incomplete_cvc', 'invalid-cvc', ['card-details-invalid 3']],
  ['expired_card', 'expired-card', ['card-details-invalid 3']],
  ['invalid_expiry_month', 'invalid-expiry-month', ['card-details-invalid 3']],
  ['invalid_expiry_year', 'invalid-expiry-year', ['card-details-invalid 3']],
  ['incomplete_expiry', 'invalid-expiry-date', ['card-details-invalid 3']],
  ['invalid_expiry_month_past', 'invalid-expiry-date', ['card-details-invalid 3']],
  ['invalid_expiry_year_past', 'invalid-expiry-date', ['card-details-invalid 3']],
  ['incorrect_zip', 'incorrect-zip', ['billing-mismatch 3']],
  ['postal_code_invalid', 'postal-code-invalid', ['billing-mismatch 2']],
  ['incomplete_zip', 'postal-code-invalid', ['billing-mismatch 2']],
  ['incorrect_address', 'incorrect-address', ['billing-mismatch 3']],
  ['card_velocity_exceeded', 'card-velocity-exceeded', ['insufficient-funds 2', 'retry-velocity 1']],
  ['withdrawal_count_limit_exceeded', 'withdrawal-count-limit-exceeded', ['insufficient-funds 2', 'retry-velocity 1']],
  ['card_decline_rate_limit_exceeded', 'decline-rate-limit-exceeded', ['retry-velocity 3']],
  ['authentication_required', 'authentication-required', ['authentication-failed 3']],
  ['authentication_not_handled', 'authentication-required', ['authentication-failed 3']],
  ['payment_intent_authentication_failure', 'unable-to-authenticate', ['authentication-failed 3']],
  ['setup_intent_authentication_failure', 'unable-to-authenticate', ['authentication-failed 3']],
  ['insufficient_funds', 'insufficient-funds', ['insufficient-funds 3']],
];

/** The strongest cause; on a tie, the first listed. */
function topCause(recognition: DeclineRecognition): CauseId | null {
  let best: { cause: CauseId; weight: number } | null = null;
  for (const entry of recognition.causes) if (!best || entry.weight > best.weight) best = entry;
  return best?.cause ?? null;
}

function ids(text: string): string[] {
  return recognizeDeclineMessages(text).map((recognition) => recognition.messageId);
}

function first(text: string): DeclineRecognition {
  const [recognition] = recognizeDeclineMessages(text);
  assert.ok(recognition, `nothing recognized in ${JSON.stringify(text)}`);
  return recognition;
}

const NEVER_CLAIM_WORDS = /fraud|lost|stolen|blacklist|blocklist|欺诈|被盗|挂失|丢失/i;

describe('declineMessages', () => {
  describe('the catalogue', () => {
    it('lists exactly the expected messages, each id once', () => {
      assert.deepEqual(
        DECLINE_MESSAGES.map((message) => message.id),
        EXPECTED.map(([id]) => id),
      );
      assert.equal(new Set(DECLINE_MESSAGES.map((message) => message.id)).size, DECLINE_MESSAGES.length);
    });

    it('gives every message texts, a source and well-formed causes', () => {
      for (const message of DECLINE_MESSAGES) {
        assert.match(message.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, message.id);
        assert.ok(message.en.trim().length > 0, message.id);
        assert.match(message.zhCn, /[\u4e00-\u9fff]/, message.id);
        assert.ok(message.source.length > 0, message.id);
        for (const { cause, weight } of message.causes) {
          assert.ok((CAUSE_IDS as readonly string[]).includes(cause), `${message.id}: ${cause}`);
          assert.ok(weight === 1 || weight === 2 || weight === 3, `${message.id}: ${weight}`);
        }
        assert.equal(new Set(message.causes.map((entry) => entry.cause)).size, message.causes.length, message.id);
      }
    });

    it('ties each processor code to one message, lower snake case, none of them a never-claim code', () => {
      const seen = new Map<string, string>();
      for (const message of DECLINE_MESSAGES) {
        for (const code of message.codes) {
          assert.match(code, /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, code);
          assert.equal(seen.get(code), undefined, `${code} in ${seen.get(code)} and ${message.id}`);
          assert.ok(!NEVER_CLAIM_DECLINE_CODES.includes(code), code);
          seen.set(code, message.id);
        }
        if (message.declineCode) assert.ok(!NEVER_CLAIM_WORDS.test(message.declineCode), message.id);
      }
    });

    it("covers every decline code in Stripe's table (docs.stripe.com/declines/codes)", () => {
      const stripeDeclineCodes = [
        'authentication_required', 'approve_with_id', 'call_issuer', 'card_not_supported', 'card_velocity_exceeded',
        'currency_not_supported', 'do_not_honor', 'do_not_try_again', 'duplicate_transaction', 'expired_card',
        'fraudulent', 'generic_decline', 'incorrect_number', 'incorrect_cvc', 'incorrect_pin', 'incorrect_zip',
        'insufficient_funds', 'invalid_account', 'invalid_amount', 'invalid_cvc', 'invalid_expiry_month',
        'invalid_expiry_year', 'invalid_number', 'invalid_pin', 'issuer_not_available', 'lost_card',
        'merchant_blacklist', 'new_account_information_available', 'no_action_taken', 'not_permitted',
        'offline_pin_required', 'online_or_offline_pin_required', 'pickup_card', 'pin_try_exceeded',
        'processing_error', 'reenter_transaction', 'restricted_card', 'revocation_of_all_authorizations',
        'revocation_of_authorization', 'security_violation', 'service_not_allowed', 'stolen_card',
        'stop_payment_order', 'testmode_decline', 'transaction_not_allowed', 'try_again_later',
        'withdrawal_count_limit_exceeded',
      ];
      const known = new Set([...DECLINE_MESSAGES.flatMap((message) => message.codes), ...NEVER_CLAIM_DECLINE_CODES]);
      for (const code of stripeDeclineCodes) assert.ok(known.has(code), code);
    });
  });

  describe('recognizes every message from its canonical text', () => {
    for (const [id, declineCode, cause] of EXPECTED) {
      const message = DECLINE_MESSAGES.find((candidate) => candidate.id === id);
      for (const lang of ['en', 'zhCn'] as const) {
        it(`${id} (${lang}): ${message?.[lang] ?? '?'}`, () => {
          assert.ok(message, id);
          const recognition = first(message[lang]);
          assert.equal(recognition.messageId, id);
          assert.equal(recognition.declineCode, declineCode);
          assert.equal(topCause(recognition), cause);
          // try_again_later is advice now; its legacy message still names it, as advice too.
          assert.equal(recognition.adviceCode, id === 'try-again-later' ? 'try_again_later' : null);
          assert.ok(message[lang].includes(recognition.matched), `${recognition.matched} not in the text`);
        });
      }
    }
  });

  describe('recognizes every processor code in pasted JSON', () => {
    it('the table below lists every code the catalogue reads', () => {
      assert.deepEqual(
        DECLINE_MESSAGES.flatMap((message) => message.codes).sort(),
        EXPECTED_CODES.map(([code]) => code).sort(),
      );
    });

    for (const [code, id, causes] of EXPECTED_CODES) {
      it(`${code} → ${id}`, () => {
        const recognition = first(`{"error":{"type":"card_error","decline_code":"${code}"}}`);
        assert.equal(recognition.messageId, id);
        assert.equal(recognition.declineCode, code);
        assert.deepEqual(recognition.causes.map((entry) => `${entry.cause} ${entry.weight}`), causes);
      });
    }
  });

  describe('the never-claim codes', () => {
    for (const code of NEVER_CLAIM_DECLINE_CODES) {
      it(`${code} reads as generic_decline and is never repeated`, () => {
        const inputs = [
          `{"error":{"type":"card_error","code":"card_declined","decline_code":"${code}","message":"Your card was declined."}}`,
          `Error: {"error": {"decline_code": "${code.toUpperCase()}", "advice_code": "do_not_try_again"`,
          `decline_code=${code}`,
          `the bank said ${code}`,
          `{"error":{"code":"${code}"}}`,
        ];
        for (const input of inputs) {
          const recognitions = recognizeDeclineMessages(input);
          assert.equal(recognitions[0]?.messageId, 'generic-decline', input);
          assert.equal(recognitions[0]?.declineCode, 'generic_decline', input);
          assert.ok(!NEVER_CLAIM_WORDS.test(JSON.stringify(recognitions)), JSON.stringify(recognitions));
        }
      });
    }

    it('folds an unknown code that names fraud, loss or theft into the generic decline', () => {
      const recognitions = recognizeDeclineMessages('{"decline_code":"suspected_fraud","message":"Declined"}');
      assert.equal(recognitions[0]?.declineCode, 'generic_decline');
      assert.ok(!NEVER_CLAIM_WORDS.test(JSON.stringify(recognitions)));
    });

    it('keeps those words out of a quoted phrase', () => {
      const recognitions = recognizeDeclineMessages('Prepaid cards, lost or stolen, are not supported');
      assert.equal(recognitions[0]?.messageId, 'prepaid-not-supported');
      assert.ok(!NEVER_CLAIM_WORDS.test(JSON.stringify(recognitions)), JSON.stringify(recognitions));
    });

    it('never repeats them, whatever surrounds them (property)', () => {
      const neverClaim = fc.constantFrom(...NEVER_CLAIM_DECLINE_CODES);
      const wrapped = fc.tuple(fc.string(), neverClaim, fc.string(), fc.integer({ min: 0, max: 3 })).map(([before, code, after, form]) =>
        form === 0
          ? `${before}{"decline_code":"${code}"}${after}`
          : form === 1
            ? `${before} ${code} ${after}`
            : form === 2
              ? `${before}"code": "${code}", "message": "Your card was declined."${after}`
              : `${before}decline_code=${code}&${after}`,
      );
      fc.assert(
        fc.property(wrapped, (input) => {
          const output = JSON.stringify(recognizeDeclineMessages(input));
          return !/fraudulent|lost_card|stolen_card|merchant_blacklist|pickup_card|restricted_card|security_violation/.test(output);
        }),
      );
    });
  });

  describe('pasted JSON', () => {
    const openAiError =
      '{"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds","message":"Your card has insufficient funds."}}';

    it('reads a whole error object: decline_code over code, the message as evidence', () => {
      const recognitions = recognizeDeclineMessages(openAiError);
      assert.deepEqual(recognitions.map((recognition) => recognition.messageId), ['insufficient-funds']);
      assert.equal(recognitions[0]?.declineCode, 'insufficient_funds');
      assert.equal(recognitions[0]?.matched, 'insufficient funds');
    });

    it('reads JSON embedded in surrounding text, pretty-printed', () => {
      const text = `Console said:\n${JSON.stringify(JSON.parse(openAiError), null, 2)}\nthen nothing happened`;
      assert.equal(first(text).messageId, 'insufficient-funds');
      assert.equal(first(text).declineCode, 'insufficient_funds');
    });

    it('reads truncated JSON and skips a value cut off mid-word', () => {
      const truncated = '{"error": {"code": "card_declined", "decline_code": "do_not_honor", "message": "Your card was dec';
      assert.deepEqual(ids(truncated), ['do-not-honor']);
      const cutInValue = '{"error": {"code": "card_declined", "decline_code": "insuff';
      const recognitions = recognizeDeclineMessages(cutInValue);
      assert.deepEqual(recognitions.map((recognition) => recognition.messageId), ['card-declined']);
      assert.equal(recognitions[0]?.declineCode, 'card_declined');
    });

    it('puts the specific code before the generic message it came with', () => {
      const text = '{"error":{"code":"card_declined","decline_code":"do_not_honor","message":"Your card was declined."}}';
      const recognitions = recognizeDeclineMessages(text);
      assert.deepEqual(recognitions.map((recognition) => recognition.messageId), ['do-not-honor', 'card-declined']);
      assert.equal(recognitions[0]?.declineCode, 'do_not_honor');
    });

    it('reports advice_code on the recognitions without reading it as a decline code', () => {
      const recognitions = recognizeDeclineMessages('{"decline_code":"do_not_honor","advice_code":"try_again_later"}');
      assert.deepEqual(recognitions.map((recognition) => recognition.messageId), ['do-not-honor']);
      assert.equal(recognitions[0]?.adviceCode, 'try_again_later');
      for (const advice of ADVICE_CODES) {
        assert.equal(first(`{"code":"card_declined","advice_code":"${advice}"}`).adviceCode, advice);
      }
    });

    it('reads key=value logs, Python reprs, camelCase keys and bare codes', () => {
      assert.equal(first('charge failed: decline_code=do_not_honor').declineCode, 'do_not_honor');
      assert.equal(first("{'code': 'card_declined', 'decline_code': 'incorrect_zip'}").messageId, 'incorrect-zip');
      assert.equal(first('{declineCode: "card_velocity_exceeded"}').messageId, 'card-velocity-exceeded');
      assert.equal(first('the bank answered do_not_honor, twice').messageId, 'do-not-honor');
    });

    it('reads the message of JSON with \\u escapes', () => {
      const escaped = JSON.stringify({ error: { message: '您的银行卡余额不足。' } }).replace(/[\u4e00-\u9fff]/g, (char) =>
        `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      assert.equal(first(escaped).messageId, 'insufficient-funds');
    });

    it("reads OpenAI's API region error", () => {
      const text =
        '403 {"error":{"code":"unsupported_country_region_territory","message":"Country, region, or territory not supported","param":null,"type":"request_forbidden"}}';
      const recognition = first(text);
      assert.equal(recognition.messageId, 'region-not-supported');
      assert.equal(recognition.declineCode, 'unsupported_country_region_territory');
      assert.equal(topCause(recognition), 'region-unsupported');
    });

    it('takes an unknown decline_code as a decline, and no value as nothing', () => {
      const recognition = first('{"decline_code":"some_new_reason"}');
      assert.equal(recognition.messageId, 'card-declined');
      assert.equal(recognition.declineCode, 'some_new_reason');
      assert.deepEqual(ids('{"code": null, "decline_code": null, "advice_code": null}'), []);
      assert.deepEqual(ids('{"code": "card_declined", "decline_code": null}'), ['card-declined']);
      assert.deepEqual(ids('{"error":{"code":"invalid_api_key","message":"Incorrect API key provided."}}'), []);
    });

    it('reads the card checks of a pasted PaymentMethod', () => {
      const checks = '"checks": {"address_line1_check": "pass", "address_postal_code_check": "fail", "cvc_check": "pass"}';
      assert.deepEqual(ids(checks), ['incorrect-zip']);
    });
  });

  describe('tolerance', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['YOUR CARD WAS DECLINED.', 'card-declined'],
      ['Error: Your card was declined. Please try again', 'card-declined'],
      ['  your   card\n\twas\u00a0declined  ', 'card-declined'],
      ['Yourcardwasdeclined.', 'card-declined'],
      ['Your card has been declined', 'card-declined'],
      ['Your credit card was declined. Try paying with a debit card instead.', 'card-declined'],
      ['ＹＯＵＲ　ＣＡＲＤ　ＷＡＳ　ＤＥＣＬＩＮＥＤ！', 'card-declined'],
      ['Card declined', 'card-declined'],
      ['提示：您的银行卡被拒绝，请联系发卡行', 'card-declined'],
      ['提示: 您的 银行卡 被拒绝了 。', 'card-declined'],
      ['你的卡已被拒绝。', 'card-declined'],
      ['您的金融卡已被拒絕。', 'card-declined'],
      ['您的信用卡被拒絕了。請嘗試用簽帳卡支付。', 'card-declined'],
      ['Your card’s security code is incorrect.', 'incorrect-cvc'],
      ["YOUR CARD'S SECURITY CODE IS INCORRECT", 'incorrect-cvc'],
      ['安全码错误，请重新输入', 'incorrect-cvc'],
      ['CVV 码不正确', 'incorrect-cvc'],
      ['卡号无效', 'invalid-number'],
      ['Your card number is incomplete.', 'invalid-number'],
      ["Your card's expiration year is in the past.", 'invalid-expiry-date'],
      ['有效期错误', 'invalid-expiry-date'],
      ['您的银行卡余额不足！', 'insufficient-funds'],
      ['餘額不足', 'insufficient-funds'],
      ['Region not supported', 'region-not-supported'],
      ['REGION NOT SUPPORTED！', 'region-not-supported'],
      ['Card not supported in your region', 'region-not-supported'],
      ['不支持的国家或地区', 'region-not-supported'],
      ['地區不支持', 'region-not-supported'],
      ['国家不支持', 'country-not-supported'],
      ['ChatGPT is not available in your country.', 'not-available-in-country'],
      ['This card is not supported', 'card-brand-not-supported'],
      ['您的银行卡不支持这种购买类型', 'card-not-supported'],
      ['Unusual activity has been detected from your device. Try again later.', 'unusual-activity'],
      ['系统检测到异常活动', 'unusual-activity'],
      ['Too many attempts, please try again later', 'too-many-attempts'],
      ['操作过于频繁', 'too-many-attempts'],
      ['This payment requires authentication.', 'authentication-required'],
      ['We are unable to authenticate your payment method.', 'unable-to-authenticate'],
      ['我们未能验证您的支付方式', 'unable-to-authenticate'],
      ['3D Secure 验证失败', 'three-d-secure-failed'],
      ['身份验证失败，请重试', 'three-d-secure-failed'],
      ['There was an error processing your card', 'processing-error'],
      ['邮编与发卡行记录不一致', 'incorrect-zip'],
      ['The zip code you supplied failed validation', 'incorrect-zip'],
      ['Your postal code is incomplete.', 'postal-code-invalid'],
      ['账单地址不匹配', 'incorrect-address'],
      ['Pre-paid cards / gift cards are not supported.', 'prepaid-not-supported'],
      ['不支持预付卡', 'prepaid-not-supported'],
      ['某些卡类型无法用于付款', 'card-type-not-supported'],
      ['Do Not Honor', 'do-not-honor'],
      ['Your card was declined for making repeated attempts too frequently or exceeding its amount limit.', 'card-velocity-exceeded'],
      ['付款未获批准 / Payment was not approved', 'payment-not-approved'],
    ];
    for (const [text, id] of cases) {
      it(`${JSON.stringify(text)} → ${id}`, () => {
        const recognition = first(text);
        assert.equal(recognition.messageId, id);
        assert.ok(text.includes(recognition.matched), `matched ${JSON.stringify(recognition.matched)} is not in the input`);
      });
    }

    it('quotes the input as typed, full-width and all', () => {
      assert.equal(first('错误：ＹＯＵＲ　ＣＡＲＤ　ＷＡＳ　ＤＥＣＬＩＮＥＤ').matched, 'ＣＡＲＤ　ＷＡＳ　ＤＥＣＬＩＮＥＤ');
      assert.equal(first('Your card’s security code is incorrect').matched, 'security code is incorrect');
    });

    it('finds both of the article\'s quoted messages, specific before ambiguous', () => {
      assert.deepEqual(ids('提示“卡片无效”、“国家不支持”'), ['country-not-supported', 'card-invalid']);
    });

    it('lists a message once, however often it appears', () => {
      const recognitions = recognizeDeclineMessages('Your card was declined. Your card was declined. card_declined 您的银行卡被拒绝了');
      assert.deepEqual(recognitions.map((recognition) => recognition.messageId), ['card-declined']);
    });

    it('puts specific messages before the generic one, then in the order they appear', () => {
      assert.deepEqual(ids('Your card was declined. Your card has insufficient funds. Your card has expired.'), [
        'insufficient-funds',
        'expired-card',
        'card-declined',
      ]);
    });
  });

  describe('unrecognized text', () => {
    for (const text of [
      '',
      '   ',
      'hello world',
      'Payment succeeded',
      '支付成功，感谢您的订阅',
      'Please double-check your card number, expiry and CVC.',
      '请检查卡号、有效期、CVC 是否正确。',
      'Rate limit reached for requests. Too many requests.',
      'discarded',
      '{"id":"pm_123","object":"payment_method","card":{"brand":"visa","checks":{"cvc_check":"pass"}}}',
    ]) {
      it(`${JSON.stringify(text)} → []`, () => {
        assert.deepEqual(recognizeDeclineMessages(text), []);
      });
    }

    it('returns [] for a non-string', () => {
      for (const value of [undefined, null, 42, {}, ['Your card was declined.']]) {
        assert.deepEqual(recognizeDeclineMessages(value as unknown as string), []);
        assert.equal(normalizeMessageText(value as unknown as string), '');
      }
    });
  });

  describe('normalizeMessageText', () => {
    it('makes full-width text half-width, lower case, quotes straight, whitespace single', () => {
      assert.equal(normalizeMessageText('  Your   CARD’s  “CVC”\n\tis  Wrong  '), 'your card\'s "cvc" is wrong');
      assert.equal(normalizeMessageText('ＡＢＣ，１２３：！'), 'abc,123:!');
    });

    it('drops spaces next to Chinese and zero-width characters', () => {
      assert.equal(normalizeMessageText('提示： 您的 银行卡\u200b 被拒绝'), '提示:您的银行卡被拒绝');
      assert.equal(normalizeMessageText('Error 您的卡'), 'error您的卡');
    });

    it('decodes JSON string escapes and folds Traditional characters', () => {
      assert.equal(normalizeMessageText('\\u60a8\\u7684'), '您的');
      assert.equal(normalizeMessageText('Card\\nDeclined\\"'), 'card declined"');
      assert.equal(normalizeMessageText('您的金融卡已被拒絕'), '您的金融卡已被拒绝');
    });
  });

  describe('robustness', () => {
    it('never throws on arbitrary strings (property)', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
          const recognitions = recognizeDeclineMessages(text);
          assert.ok(Array.isArray(recognitions));
          normalizeMessageText(text);
        }),
        { numRuns: 500 },
      );
    });

    it('never throws on JSON-like and escape-heavy input (property)', () => {
      const fragments = fc.constantFrom(
        '{', '}', '"', ':', '=', '\\', '\\u', '\\u60a8', '\\ud83d', '"decline_code"', '"code"', '"advice_code"', 'do_not_honor',
        'card_declined', 'fraudulent', 'Your card', ' was declined', '您的银行卡', '被拒绝', '，', '。', '\u3000', '\u200b', 'ｆ',
      );
      const text = fc.oneof(
        fc.array(fragments, { maxLength: 40 }).map((parts) => parts.join('')),
        fc.json(),
        fc.tuple(fc.string(), fc.json(), fc.string()).map((parts) => parts.join('')),
      );
      fc.assert(
        fc.property(text, (input) => {
          for (const recognition of recognizeDeclineMessages(input)) {
            assert.ok(DECLINE_MESSAGES.some((message) => message.id === recognition.messageId));
            assert.ok(recognition.declineCode === null || /^[a-z][a-z0-9_]*$/.test(recognition.declineCode));
          }
        }),
        { numRuns: 500 },
      );
    });

    // How fast is shown in declineMessagesTable.test.ts (bounded patterns, printed figures), not timed here.
    it('finds a message inside a very long paste', () => {
      const long = `${'x'.repeat(60_000)} Your card was declined ${'您的'.repeat(40_000)}`;
      assert.equal(first(long).messageId, 'card-declined');
    });

    it('reads only the first 100 000 characters', () => {
      assert.deepEqual(ids(`${'x '.repeat(50_000)}Your card was declined`), []);
      assert.deepEqual(ids(`${'x '.repeat(49_980)}Your card was declined`), ['card-declined']);
    });
  });
});
