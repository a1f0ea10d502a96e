/**
 * The rules of issue 11, one literal scenario each: the weights that used to rank a hint above
 * a documented cause, the bank's code against the person's belief, ties, and context (the app
 * store, earlier journal entries, an inferred issuing country, the bank's advice).
 */
import assert from 'node:assert/strict';
import { CAUSE_PRECEDENCE, SIGNALS, SIGNAL_IDS, SIGNAL_WORDS } from '../../src/core/catalogue';
import type { CauseId } from '../../src/core/causeIds';
import { diagnose, type Diagnosis, type Finding } from '../../src/core/diagnose';
import { viewDiagnosis } from '../../src/core/diagnosisView';
import { evidenceText } from '../../src/core/explain';
import { countryOfBankName, inferIssuerCountry } from '../../src/core/issuerInference';
import { storePurchaseMention } from '../../src/core/purchaseContext';
import { validReport as report } from '../validReport';

const NOW = new Date('2025-11-27T04:00:00Z');

function run(input: unknown, history: unknown[] = []): Diagnosis {
  return diagnose(report(input), history.map(report), NOW);
}

/** Findings as `cause score likelihood`, the shape the expectations are written in. */
function ranked(diagnosis: Diagnosis): string[] {
  return diagnosis.findings.map((finding) => `${finding.cause} ${finding.score} ${finding.likelihood}`);
}

function finding(diagnosis: Diagnosis, cause: CauseId): Finding | undefined {
  return diagnosis.findings.find((item) => item.cause === cause);
}

function signals(item: Finding | undefined): string[] {
  return (item?.evidence ?? []).map((evidence) => `${evidence.signal} ${evidence.weight}`);
}

function hoursAgo(hours: number): string {
  return new Date(NOW.getTime() - hours * 3600_000).toISOString();
}

describe('diagnose rules: a documented cause outranks hints', () => {
  it('a prepaid card with a plain decline and a fine balance: the card type first, high', () => {
    const diagnosis = run({ errorMessage: 'Your card was declined.', card: { kind: 'prepaid', issuerCountry: 'GB' }, bank: { balanceSufficient: 'yes' } });
    assert.deepEqual(ranked(diagnosis), ['card-type-restricted 3 high', 'international-payments-disabled 1 low']);
    assert.deepEqual(signals(finding(diagnosis, 'card-type-restricted')), ['card-kind-unsupported 3']);
  });

  it('a gift card counts as much as a prepaid one; a virtual card one step less', () => {
    assert.deepEqual(ranked(run({ card: { kind: 'gift', issuerCountry: 'US' } })), ['card-type-restricted 3 high']);
    assert.deepEqual(ranked(run({ card: { kind: 'virtual', issuerCountry: 'US' } })), ['card-type-restricted 2 medium']);
  });

  it('an ordinary UK credit card with a plain decline is not "medium": no cross-border hint for a UK issuer', () => {
    const diagnosis = run({ errorMessage: 'Your card was declined.', card: { kind: 'credit', issuerCountry: 'GB' } });
    assert.deepEqual(ranked(diagnosis), ['international-payments-disabled 1 low']);
    assert.deepEqual(signals(diagnosis.findings[0]), ['decline-message 1']);
    assert.ok(diagnosis.generalSteps.length > 0, 'no cause stands out, so the general steps are given');
  });

  it('the cross-border hint stays for a mainland card: unknown on a credit card 1, a debit card 2 (FAQ 4)', () => {
    assert.deepEqual(signals(finding(run({ card: { kind: 'credit', issuerCountry: 'CN' } }), 'international-payments-disabled')), ['international-unknown 1']);
    assert.deepEqual(signals(finding(run({ card: { kind: 'debit', issuerCountry: 'CN' } }), 'international-payments-disabled')), ['domestic-debit-card 2']);
    assert.equal(finding(run({ card: { kind: 'debit', issuerCountry: 'GB' } }), 'international-payments-disabled'), undefined);
  });

  it('"balance fine, still declined" is not credited when the card type explains the decline', () => {
    const virtual = run({ errorMessage: 'Your card was declined.', card: { kind: 'virtual', issuerCountry: 'CN' }, bank: { balanceSufficient: 'yes' } });
    assert.deepEqual(signals(finding(virtual, 'international-payments-disabled')), ['decline-message 1', 'international-unknown 1']);
  });

  it('"balance fine, still declined" is not credited when the decline names a specific reason', () => {
    const cvc = run({ errorMessage: 'Your card was declined. Your card’s security code is incorrect.', card: { kind: 'credit', issuerCountry: 'JP' }, bank: { balanceSufficient: 'yes' } });
    assert.ok(!signals(finding(cvc, 'international-payments-disabled')).includes('balance-fine-still-declined 1'));
    assert.equal(cvc.findings[0]?.cause, 'card-details-invalid');
  });

  it('is credited for an unexplained decline on a standard card', () => {
    const plain = run({ errorMessage: 'Your card was declined.', card: { kind: 'credit', issuerCountry: 'JP' }, bank: { balanceSufficient: 'yes' } });
    assert.deepEqual(ranked(plain), ['international-payments-disabled 2 medium']);
    assert.deepEqual(signals(plain.findings[0]), ['decline-message 1', 'balance-fine-still-declined 1']);
  });
});

describe('diagnose rules: card_not_supported on a standard card (processor: ask the issuer)', () => {
  it('a credit card refused with "does not support this type of purchase": the bank-side restriction, a hint, with both-language words', () => {
    const diagnosis = run({ errorMessage: 'Your card does not support this type of purchase.', card: { kind: 'credit' } });
    assert.deepEqual(ranked(diagnosis), ['international-payments-disabled 1 low']);
    assert.deepEqual(signals(diagnosis.findings[0]), ['card-not-supported-standard-card 1']);
    const [evidence] = diagnosis.findings[0]!.evidence;
    assert.equal(
      evidenceText(evidence!, 'en'),
      'The processor said the card does not support this type of purchase, and it is a standard credit card: the processor’s advice is to ask the issuing bank whether the card may be used for such purchases.',
    );
    assert.ok(evidenceText(evidence!, 'zh-cn').startsWith('支付处理方提示这张卡不支持此类消费，而它是一张标准'));
  });

  it('not for a card of unknown kind or a virtual one: there the card type is the reading', () => {
    assert.deepEqual(ranked(run({ errorMessage: 'Your card does not support this type of purchase.' })), ['card-type-restricted 1 low']);
    const virtual = run({ errorMessage: 'Your card does not support this type of purchase.', card: { kind: 'virtual' } });
    assert.equal(virtual.findings[0]?.cause, 'card-type-restricted');
    assert.equal(finding(virtual, 'international-payments-disabled'), undefined);
  });
});

describe('diagnose rules: the processor’s limit codes are about money first (domain.md; Stripe’s decline codes)', () => {
  it('withdrawal_count_limit_exceeded: insufficient funds first, retries a weak hint', () => {
    const diagnosis = run({ errorMessage: 'withdrawal_count_limit_exceeded: The customer has exceeded the balance or credit limit available on their card.' });
    assert.deepEqual(ranked(diagnosis), ['insufficient-funds 2 medium', 'retry-velocity 1 low']);
  });

  it('card_velocity_exceeded likewise', () => {
    assert.deepEqual(ranked(run({ errorMessage: '{"decline_code":"card_velocity_exceeded"}' })), ['insufficient-funds 2 medium', 'retry-velocity 1 low']);
  });
});

describe('diagnose rules: the bank’s code against the person’s belief', () => {
  it('insufficient_funds and "my balance is fine": medium, not "no cause stands out"', () => {
    const diagnosis = run({ errorMessage: '{"error":{"code":"card_declined","decline_code":"insufficient_funds"}}', bank: { balanceSufficient: 'yes' } });
    assert.deepEqual(ranked(diagnosis), ['insufficient-funds 2 medium']);
    assert.deepEqual(signals(diagnosis.findings[0]), ['decline-message 3', 'balance-sufficient -1']);
    assert.deepEqual(diagnosis.generalSteps, []);
  });

  it('incorrect_zip and "the address matches": medium', () => {
    const diagnosis = run({ errorMessage: 'The zip code you supplied failed validation.', billing: { matchesIssuer: 'yes' } });
    assert.deepEqual(ranked(diagnosis), ['billing-mismatch 2 medium']);
    assert.deepEqual(signals(diagnosis.findings[0]), ['decline-message 3', 'billing-matches -1']);
  });

  it('says why the belief counted only one step, in both languages', () => {
    const diagnosis = run({ errorMessage: 'Your card has insufficient funds.', bank: { balanceSufficient: 'yes' } });
    const against = diagnosis.findings[0]!.evidence.find((item) => item.weight < 0)!;
    assert.equal(evidenceText(against, 'en'), 'You said the balance is sufficient. The bank’s own code says otherwise, so this lowers the likelihood one step only.');
    assert.equal(evidenceText(against, 'zh-cn'), '您表示余额充足。但银行返回的代码与此相反，因此只将可能性降低一级。');
  });

  it('without a code of the bank’s, the belief counts in full', () => {
    const diagnosis = run({ errorMessage: 'Your card was declined.', card: { issuerCountry: 'GB' }, billing: { matchesIssuer: 'yes', country: 'US', postalCode: '100000' } });
    assert.deepEqual(signals(finding(diagnosis, 'billing-mismatch')), ['postal-code-invalid 2', 'billing-country-differs 1', 'billing-matches -2']);
  });
});

describe('diagnose rules: ties follow the precedence list, never list order', () => {
  it('the precedence list, with a reason for each', () => {
    assert.deepEqual(
      CAUSE_PRECEDENCE.map((entry) => entry.cause),
      [
        'app-store-billing',
        'region-unsupported',
        'card-details-invalid',
        'card-type-restricted',
        'authentication-failed',
        'billing-mismatch',
        'insufficient-funds',
        'international-payments-disabled',
        'network-anomaly',
        'retry-velocity',
      ],
    );
    for (const entry of CAUSE_PRECEDENCE) assert.ok(entry.reason.length > 20, entry.cause);
  });

  it('an unsupported region before a risky network at the same score', () => {
    const diagnosis = run({ card: { issuerCountry: 'RU' }, connection: { vpn: 'yes', accessCountry: 'DE' } });
    assert.deepEqual(ranked(diagnosis), ['region-unsupported 3 high', 'network-anomaly 3 high']);
  });

  it('"卡片无效" alone: the details before the card type', () => {
    assert.deepEqual(ranked(run({ errorMessage: '卡片无效' })), ['card-details-invalid 1 low', 'card-type-restricted 1 low']);
  });
});

describe('diagnose rules: a purchase in the mobile app', () => {
  const mainlandDebit = { kind: 'debit', brand: 'unionpay', issuerCountry: 'CN' };

  it('takes the app-store path: web-checkout card rules are set aside and cannot outrank it', () => {
    const diagnosis = run({ product: 'chatgpt-app', errorMessage: 'Your card was declined.', card: mainlandDebit, bank: { balanceSufficient: 'yes' } });
    assert.equal(diagnosis.context.path, 'app-store');
    assert.deepEqual(ranked(diagnosis), ['app-store-billing 3 high', 'international-payments-disabled 1 low']);
    assert.deepEqual(signals(diagnosis.findings[0]), ['product-mobile-app 3', 'web-checkout-rules-set-aside 0']);
  });

  it('the same report on the web keeps the web-checkout rules', () => {
    const diagnosis = run({ product: 'chatgpt-web', errorMessage: 'Your card was declined.', card: mainlandDebit, bank: { balanceSufficient: 'yes' } });
    assert.equal(diagnosis.context.path, 'web-checkout');
    assert.deepEqual(ranked(diagnosis), ['region-unsupported 4 high', 'international-payments-disabled 4 high']);
  });

  it('the store region comes with the store’s billing', () => {
    const diagnosis = run({ product: 'chatgpt-app', connection: { accessCountry: 'CN' } });
    assert.deepEqual(ranked(diagnosis), ['app-store-billing 4 high', 'region-unsupported 3 high']);
    assert.deepEqual(signals(diagnosis.findings[0]), ['product-mobile-app 3', 'store-region-unsupported 1', 'web-checkout-rules-set-aside 0']);
  });

  it('shows what was set aside, in both languages', () => {
    const view = (lang: 'en' | 'zh-cn') => viewDiagnosis(run({ product: 'chatgpt-app' }), lang, NOW).findings[0]!.evidenceFor;
    assert.deepEqual(view('en'), [
      'The purchase was made in the ChatGPT mobile app, where Apple or Google charges the card.',
      'Because the store charges the card, the web checkout’s rules (issuing region, international payments, card kind) were not weighed.',
    ]);
    assert.deepEqual(view('zh-cn'), [
      '这次是在 ChatGPT 手机 App 里购买的，由 Apple 或 Google 向卡片扣款。',
      '由于扣款方是应用商店，网页付款的规则（发卡地区、境外线上支付、卡片类型）未计入判断。',
    ]);
  });

  it('an app-store purchase named in the notes takes the same path, unless the product says web', () => {
    const named = run({ product: 'other', errorMessage: '无法完成支付', notes: 'App Store 美区内购失败' });
    assert.deepEqual(ranked(named), ['app-store-billing 3 high', 'international-payments-disabled 1 low']);
    assert.deepEqual(named.findings[0]!.evidence[0]!.params, { matched: 'App Store' });
    assert.equal(run({ product: 'chatgpt-web', notes: 'App Store failed, so I tried the web' }).context.path, 'web-checkout');
  });

  it('recognizes the store in English and both Chinese scripts, but not Apple Pay', () => {
    assert.equal(storePurchaseMention('in-app purchase failed'), 'in-app purchase');
    assert.equal(storePurchaseMention(undefined, 'Google Play said the card was declined'), 'Google Play');
    assert.equal(storePurchaseMention('內購失敗'), '內購');
    assert.equal(storePurchaseMention('美区 Apple ID 无法付款'), 'Apple ID');
    assert.equal(storePurchaseMention('Apple Pay could not add the card'), undefined);
  });
});

describe('diagnose rules: earlier journal entries for the same card', () => {
  const today = { occurredAt: NOW.toISOString(), errorMessage: 'Your card was declined.', card: { last4: '4242', brand: 'visa', issuerCountry: 'US', kind: 'credit' } };
  const earlier = (hours: number, last4 = '4242') => ({ occurredAt: hoursAgo(hours), errorMessage: '3D Secure authentication failed.', card: { last4, brand: 'visa' } });

  it('an earlier 3-D Secure failure on the same card explains today’s plain decline', () => {
    const diagnosis = run(today, [earlier(3)]);
    assert.equal(diagnosis.findings[0]?.cause, 'authentication-failed');
    assert.deepEqual(signals(diagnosis.findings[0]), ['earlier-message-same-card 3']);
    assert.equal(diagnosis.findings[0]!.evidence[0]!.params.hours, 3);
    assert.equal(
      evidenceText(diagnosis.findings[0]!.evidence[0]!, 'en'),
      'An attempt with the same card 3 h earlier was refused with “3D Secure authentication failed”.',
    );
    assert.equal(evidenceText(diagnosis.findings[0]!.evidence[0]!, 'zh-cn'), '3 小时前用同一张卡绑卡也被拒，提示为“3D Secure authentication failed”。');
  });

  it('counts one step lower after a day, and not at all after a week', () => {
    assert.deepEqual(signals(finding(run(today, [earlier(72)]), 'authentication-failed')), ['earlier-message-same-card 2']);
    assert.equal(finding(run(today, [earlier(8 * 24)]), 'authentication-failed'), undefined);
  });

  it('another card’s messages are not evidence about this one', () => {
    assert.equal(finding(run(today, [earlier(3, '1111')]), 'authentication-failed'), undefined);
  });

  it('a message this attempt repeats is a repeat, not new evidence', () => {
    const repeat = { ...earlier(3), errorMessage: 'Your card was declined.' };
    // Both in the journal: the counts come from the journal alone.
    const diagnosis = run(today, [repeat, today]);
    assert.deepEqual(signals(finding(diagnosis, 'international-payments-disabled')), ['decline-message 1']);
    assert.deepEqual(signals(finding(diagnosis, 'retry-velocity')), ['attempts-24h 1', 'same-error-repeated 1']);
  });
});

describe('diagnose rules: the issuing country inferred when left blank', () => {
  it('from a domestic UnionPay BIN: the region rule one step weaker, shown as inferred', () => {
    const diagnosis = run({ errorMessage: 'Your card was declined.', card: { bin: '622588', kind: 'credit' } });
    assert.deepEqual(diagnosis.context.issuer, { country: 'CN', source: 'bin', detail: '622588' });
    assert.deepEqual(signals(finding(diagnosis, 'region-unsupported')), ['issuer-country-unsupported 2', 'brand-unionpay 1']);
    const inferred = finding(diagnosis, 'region-unsupported')!.evidence[0]!;
    assert.equal(
      evidenceText(inferred, 'en'),
      'The card was issued in China (inferred from the first digits 622588), which is not on the supported-countries list (as of 2026-01-24).',
    );
    assert.equal(evidenceText(inferred, 'zh-cn'), '发卡地区中国（根据卡号前几位 622588 推断）不在支持地区列表中（截至 2026-01-24）。');
  });

  it('a stated country counts in full and wins over the digits', () => {
    assert.deepEqual(signals(finding(run({ card: { bin: '622588', issuerCountry: 'CN' } }), 'region-unsupported')), ['issuer-country-unsupported 3', 'brand-unionpay 1']);
    assert.deepEqual(run({ card: { bin: '622588', issuerCountry: 'SG' } }).context.issuer, { country: 'SG', source: 'stated' });
  });

  it('from a mainland bank’s name in either script, weaker than stated', () => {
    const diagnosis = run({ card: { issuerName: '招商銀行', kind: 'credit', brand: 'visa' } });
    assert.deepEqual(diagnosis.context.issuer, { country: 'CN', source: 'bank-name', detail: '招商銀行' });
    assert.deepEqual(signals(finding(diagnosis, 'region-unsupported')), ['issuer-country-unsupported 2']);
    assert.equal(
      evidenceText(finding(diagnosis, 'region-unsupported')!.evidence[0]!, 'zh-cn'),
      '发卡地区中国（根据发卡行“招商銀行”推断）不在支持地区列表中（截至 2026-01-24）。',
    );
  });

  it('reads the well-known banks in both scripts and in English, subsidiaries abroad first', () => {
    const cases: [string, string | undefined][] = [
      ['招商银行', 'CN'], ['China Merchants Bank', 'CN'], ['中国银行', 'CN'], ['中國銀行', 'CN'], ['Bank of China', 'CN'],
      ['工商银行', 'CN'], ['ICBC', 'CN'], ['中国建设银行', 'CN'], ['China Construction Bank', 'CN'], ['農業銀行', 'CN'],
      ['Agricultural Bank of China', 'CN'], ['交通銀行', 'CN'], ['Bank of Communications', 'CN'],
      ['Bank of China (Hong Kong)', 'HK'], ['中國銀行（香港）', 'HK'], ['HSBC HK', 'HK'], ['香港上海滙豐銀行', 'HK'], ['ICBC (Asia)', 'HK'],
      ['中國信託', 'TW'], ['CTBC Bank', 'TW'], ['中国银行澳门分行', 'MO'],
      ['HSBC', undefined], ['Standard Chartered', undefined], ['Chase', undefined],
    ];
    for (const [name, country] of cases) assert.equal(countryOfBankName(name), country, name);
  });

  it('infers nothing from digits outside the table or from an unknown name', () => {
    assert.equal(inferIssuerCountry({ bin: '625000' }), undefined);
    assert.equal(inferIssuerCountry({ bin: '424242' }), undefined);
    assert.equal(inferIssuerCountry({ issuerName: 'Some Credit Union' }), undefined);
  });
});

describe('diagnose rules: the bank’s advice is advice, not a cause', () => {
  it('do_not_try_again on a first attempt raises no cause and is shown as advice', () => {
    const diagnosis = run({ errorMessage: '{"decline_code":"generic_decline","advice_code":"do_not_try_again"}' });
    assert.equal(diagnosis.context.adviceCode, 'do_not_try_again');
    assert.equal(finding(diagnosis, 'retry-velocity'), undefined);
    assert.match(viewDiagnosis(diagnosis, 'en', NOW).messageLine ?? '', /; the bank advises not to try this card again$/);
    assert.match(viewDiagnosis(diagnosis, 'zh-cn', NOW).messageLine ?? '', /；银行建议不要再用这张卡重试$/);
  });

  it('after repeated attempts it supports retry-velocity', () => {
    const current = { occurredAt: NOW.toISOString(), errorMessage: '{"decline_code":"generic_decline","advice_code":"do_not_try_again"}', card: { last4: '4242', brand: 'visa' } };
    const history = [{ occurredAt: hoursAgo(1), errorMessage: 'Your card was declined.', card: { last4: '4242', brand: 'visa' } }, current];
    assert.deepEqual(signals(finding(run(current, history), 'retry-velocity')), ['attempts-24h 1', 'advice-do-not-try-again 1']);
    // Not yet recorded, the attempt is no repeat: the journal holds one.
    assert.equal(finding(run(current, history.slice(0, 1)), 'retry-velocity'), undefined);
  });

  it('confirm_card_data is a hint of wrong details, never more', () => {
    const diagnosis = run({ errorMessage: '{"decline_code":"generic_decline","advice_code":"confirm_card_data"}' });
    assert.deepEqual(signals(finding(diagnosis, 'card-details-invalid')), ['advice-confirm-card-data 1']);
  });
});

describe('diagnose rules: the catalogue', () => {
  it('every signal has a source, a reason and words in both languages', () => {
    for (const signal of SIGNAL_IDS) {
      assert.ok(SIGNALS[signal].source.length > 0 && SIGNALS[signal].reason.length > 0, signal);
      assert.ok(SIGNAL_WORDS[signal].en.length > 0 && SIGNAL_WORDS[signal]['zh-cn'].length > 0, signal);
    }
  });

  it('the weights the issue is about', () => {
    const weights = Object.fromEntries(
      (['card-kind-unsupported', 'card-kind-restricted', 'international-unknown', 'domestic-debit-card', 'balance-fine-still-declined', 'balance-sufficient', 'billing-matches'] as const).map(
        (signal) => [signal, SIGNALS[signal].weight],
      ),
    );
    assert.deepEqual(weights, {
      'card-kind-unsupported': 3,
      'card-kind-restricted': 2,
      'international-unknown': 1,
      'domestic-debit-card': 2,
      'balance-fine-still-declined': 1,
      'balance-sufficient': -2,
      'billing-matches': -2,
    });
  });
});
