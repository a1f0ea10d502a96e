import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CauseId } from '../../src/core/causeIds';
import type { ActionId } from '../../src/core/catalogue';
import { describesAttempt, diagnose, type Diagnosis } from '../../src/core/diagnose';
import type { Report } from '../../src/core/report';
import { reportArbitrary } from '../arbitraries';
import { validReport as report } from '../validReport';

const NOW = new Date('2025-11-27T04:00:00Z'); // 12:00 in Beijing

/** Earlier attempts, `minutesAgo` before NOW, on the card ending `last4`. */
function attempts(...entries: [minutesAgo: number, last4: string, message?: string, kind?: string][]): Report[] {
  return entries.map(([minutesAgo, last4, message, kind]) =>
    report({
      occurredAt: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
      errorMessage: message ?? 'Your card was declined.',
      card: { last4, brand: 'visa', ...(kind ? { kind } : {}) },
    }),
  );
}

function causes(diagnosis: Diagnosis): CauseId[] {
  return diagnosis.findings.map((finding) => finding.cause);
}

function actionsOf(diagnosis: Diagnosis): ActionId[] {
  return [...diagnosis.findings.flatMap((finding) => finding.actions), ...diagnosis.generalSteps];
}

interface Case {
  name: string;
  input: unknown;
  history?: Report[];
  top: CauseId | null;
  /** Actions the article gives for this case that the answer must include. */
  actions?: ActionId[];
  check?: (diagnosis: Diagnosis) => void;
}

const CN_UNIONPAY = { kind: 'debit', brand: 'unionpay', bin: '62148300', last4: '1234', issuerCountry: 'CN' };

// One case per cause (domain table), per method (§2), per pitfall (§4) and per FAQ answer (§5).
const CASES: Case[] = [
  // Causes
  { name: 'cause region-unsupported: a mainland UnionPay card, "国家不支持"', input: { errorMessage: '国家不支持', card: CN_UNIONPAY }, top: 'region-unsupported',
    check: (d) => assert.equal(d.findings[0]?.likelihood, 'high') },
  { name: 'cause billing-mismatch: address differs, zip failed validation', input: { errorMessage: 'The zip code you supplied failed validation.', billing: { country: 'US', postalCode: '94105', matchesIssuer: 'no' }, card: { issuerCountry: 'US' } }, top: 'billing-mismatch' },
  { name: 'cause card-details-invalid: an expired card', input: { errorMessage: 'Your card has expired.', card: { expiry: '2024-01', issuerCountry: 'US' } }, top: 'card-details-invalid' },
  { name: 'cause international-payments-disabled: switched off at the bank', input: { errorMessage: 'Your card was declined.', card: { issuerCountry: 'JP', kind: 'credit' }, bank: { internationalOnline: 'no', balanceSufficient: 'yes' } }, top: 'international-payments-disabled' },
  { name: 'cause card-type-restricted: a prepaid card', input: { errorMessage: 'Your card does not support this type of purchase.', card: { kind: 'prepaid', issuerCountry: 'US' } }, top: 'card-type-restricted' },
  { name: 'cause network-anomaly: VPN on, node switched', input: { card: { issuerCountry: 'SG' }, connection: { vpn: 'yes', switchedRecently: 'yes', accessCountry: 'JP' } }, top: 'network-anomaly' },
  { name: 'cause retry-velocity: many attempts in a day', input: { occurredAt: NOW.toISOString(), card: { last4: '4242', brand: 'visa' } }, history: attempts([30, '4242'], [60, '4242'], [90, '4242'], [120, '4242']), top: 'retry-velocity' },
  { name: 'cause authentication-failed: 3-D Secure not completed', input: { errorMessage: 'We are unable to authenticate your payment method. Please choose a different payment method and try again.' }, top: 'authentication-failed' },
  { name: 'cause insufficient-funds', input: { errorMessage: 'Your card has insufficient funds.', bank: { balanceSufficient: 'no' } }, top: 'insufficient-funds' },
  { name: 'cause app-store-billing: bought in the mobile app', input: { product: 'chatgpt-app', errorMessage: 'Your card was declined.' }, top: 'app-store-billing' },

  // Methods (§2)
  { name: 'method 1: billing country and postal code do not fit the issuer', input: { card: { issuerCountry: 'US' }, billing: { country: 'US', postalCode: '100000' } }, top: 'billing-mismatch',
    actions: ['match-billing-address'], check: (d) => assert.ok(d.findings[0]?.evidence.some((e) => e.signal === 'postal-code-invalid')) },
  { name: 'method 1: a stated brand the number prefix contradicts', input: { card: { brand: 'visa', bin: '62148300', issuerCountry: 'SG' } }, top: 'card-details-invalid',
    actions: ['verify-card-details'], check: (d) => assert.deepEqual(d.findings[0]?.evidence[0]?.params, { stated: 'visa', detected: 'unionpay' }) },
  { name: 'method 2: international online payments off', input: { card: { issuerCountry: 'JP' }, bank: { internationalOnline: 'no' } }, top: 'international-payments-disabled',
    actions: ['enable-international-payments', 'small-foreign-test-payment', 'clear-cache-or-other-device'] },
  { name: 'method 3: a gift card', input: { card: { kind: 'gift', issuerCountry: 'US' }, errorMessage: 'Your card was declined.' }, top: 'card-type-restricted', actions: ['use-standard-card'] },
  { name: 'method 4: switching nodes while binding', input: { connection: { vpn: 'yes', switchedRecently: 'yes' } }, top: 'network-anomaly', actions: ['keep-stable-network', 'wait-after-login'] },
  { name: 'method 5: appeal, then stop retrying', input: { occurredAt: NOW.toISOString(), card: { last4: '4242', brand: 'visa' } }, history: attempts([20, '4242'], [40, '4242']), top: 'retry-velocity',
    actions: ['appeal-to-support', 'stop-retrying'] },
  { name: 'method 6: nothing known yet, so keep a journal and follow the general steps', input: {}, top: null,
    actions: ['keep-failure-journal', 'appeal-to-support', 'verify-card-details', 'enable-international-payments'] },

  // Pitfalls (§4)
  // The journal holds the attempt on the second card: counts come from the journal alone.
  { name: 'pitfall 1: changing card and retrying at once looks like card testing', input: { occurredAt: NOW.toISOString(), errorMessage: 'Your card was declined.', card: { last4: '5555', brand: 'visa' } },
    history: attempts([10, '4242'], [0, '5555']), top: 'retry-velocity',
    actions: ['wait-24h'], check: (d) => {
      assert.equal(d.recorded, true);
      assert.equal(d.ifRecorded, null);
      assert.equal(d.cooldown?.reason, 'card-changed');
      assert.equal(d.cooldown?.until, new Date(NOW.getTime() + 24 * 3600_000).toISOString());
      assert.equal(d.findings[0]?.likelihood, 'high');
    } },
  { name: 'pitfall 2: a balance is not enough', input: { errorMessage: 'Your card was declined.', card: { kind: 'credit', issuerCountry: 'JP' }, bank: { balanceSufficient: 'yes' } }, top: 'international-payments-disabled',
    check: (d) => assert.ok(!causes(d).includes('insufficient-funds')) },
  { name: 'pitfall 3: a VPN does not get around region rules', input: { card: { issuerCountry: 'CN', brand: 'visa' }, connection: { vpn: 'yes', accessCountry: 'US' } }, top: 'region-unsupported',
    actions: ['no-region-workaround', 'check-supported-countries'] },
  { name: 'pitfall 4: a prepaid card fails because of its type', input: { card: { kind: 'prepaid', issuerCountry: 'US' }, errorMessage: '卡片无效' }, top: 'card-type-restricted', actions: ['use-standard-card'] },

  // FAQ (§5)
  { name: 'FAQ 1: a valid credit card refused: international payments or billing', input: { errorMessage: 'Your card was declined.', card: { kind: 'credit', issuerCountry: 'JP' }, bank: { balanceSufficient: 'yes' } }, top: 'international-payments-disabled',
    // A Japanese card is not one whose cross-border payments are usually off, so two hints: possible, not likely.
    check: (d) => assert.equal(d.findings[0]?.likelihood, 'medium') },
  { name: 'FAQ 2: a virtual card keeps being "invalid"', input: { occurredAt: NOW.toISOString(), errorMessage: '卡片无效', card: { kind: 'virtual', last4: '4444', brand: 'visa', issuerCountry: 'US' } },
    history: attempts([60, '4444', '卡片无效', 'virtual'], [120, '4444', '卡片无效', 'virtual']), top: 'card-type-restricted', actions: ['use-standard-card', 'small-foreign-test-payment'],
    check: (d) => assert.ok(d.findings[0]?.evidence.some((e) => e.signal === 'virtual-card-invalid-repeated')) },
  { name: 'FAQ 3: repeated failures mark the account high-risk: wait 24 hours', input: { occurredAt: NOW.toISOString(), card: { last4: '4242', brand: 'visa' } },
    history: attempts([10, '4242'], [20, '4242'], [30, '4242'], [40, '4242'], [50, '4242']), top: 'retry-velocity', actions: ['wait-24h', 'keep-failure-journal'],
    check: (d) => {
      assert.equal(d.cooldown?.reason, 'repeated-attempts');
      // Five in the journal; the report, not recorded, would be the sixth.
      assert.equal(d.history.attempts24h, 5);
      assert.deepEqual(d.ifRecorded, { attempts24h: 6, cards24h: 1, position: 6, cooldown: { until: '2025-11-28T04:00:00.000Z', reason: 'repeated-attempts' } });
    } },
  { name: 'FAQ 4: a domestic debit card has no international online payments', input: { errorMessage: 'Your card was declined.', card: { kind: 'debit', issuerCountry: 'CN', brand: 'mastercard' }, bank: { balanceSufficient: 'yes' } }, top: 'international-payments-disabled',
    actions: ['enable-international-payments', 'consider-dual-currency-card'],
    check: (d) => {
      assert.ok(d.findings[0]?.evidence.some((e) => e.signal === 'domestic-debit-card'));
      const region = d.findings.find((f) => f.cause === 'region-unsupported');
      assert.equal(region?.likelihood, 'high', 'a mainland-issued card should also raise the region rule');
    } },
];

describe('diagnose: the article, case by case', () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      const diagnosis = diagnose(report(testCase.input), testCase.history ?? [], NOW);
      if (testCase.top === null) assert.equal(diagnosis.findings.filter((f) => f.likelihood !== 'low').length, 0);
      else assert.equal(causes(diagnosis)[0], testCase.top, `findings: ${causes(diagnosis).join(', ')}`);
      for (const action of testCase.actions ?? []) assert.ok(actionsOf(diagnosis).includes(action), `missing action ${action}`);
      testCase.check?.(diagnosis);
    });
  }
});

describe('diagnose: how evidence combines', () => {
  it('several weak signals that agree make a finding stronger', () => {
    const weak = diagnose(report({ card: { issuerCountry: 'CN', kind: 'credit' } }), [], NOW);
    const agreeing = diagnose(report({ card: { issuerCountry: 'CN', kind: 'credit' }, bank: { balanceSufficient: 'yes' }, errorMessage: 'Your card was declined.' }), [], NOW);
    const find = (d: Diagnosis) => d.findings.find((f) => f.cause === 'international-payments-disabled');
    assert.equal(find(weak)?.likelihood, 'low');
    assert.equal(find(agreeing)?.likelihood, 'high');
  });

  it('a signal against a cause weakens it and is shown', () => {
    const base = { card: { issuerCountry: 'US' }, connection: { vpn: 'yes', switchedRecently: 'yes' } };
    const strong = diagnose(report(base), [], NOW).findings.find((f) => f.cause === 'network-anomaly');
    const weakened = diagnose(report({ ...base, connection: { vpn: 'yes', switchedRecently: 'no' } }), [], NOW).findings.find((f) => f.cause === 'network-anomaly');
    assert.ok(strong && weakened);
    assert.ok(weakened.score < strong.score);
    assert.ok(weakened.evidence.some((e) => e.signal === 'not-switched' && e.weight < 0));
  });

  it('a contrary answer can remove a cause entirely', () => {
    const diagnosis = diagnose(report({ card: { kind: 'credit', issuerCountry: 'US' }, bank: { internationalOnline: 'yes' } }), [], NOW);
    assert.ok(!causes(diagnosis).includes('international-payments-disabled'));
    assert.ok(!causes(diagnosis).includes('card-type-restricted'));
  });

  it('never claims certainty: likelihood follows the score and is at most "high"', () => {
    fc.assert(
      fc.property(reportArbitrary, (input) => {
        const diagnosis = diagnose(report(input), [], NOW);
        for (const finding of diagnosis.findings) {
          assert.ok(finding.score > 0);
          assert.equal(finding.likelihood, finding.score >= 3 ? 'high' : finding.score === 2 ? 'medium' : 'low');
          assert.ok(finding.evidence.some((e) => e.weight > 0));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('orders findings most likely first and is deterministic', () => {
    fc.assert(
      fc.property(reportArbitrary, fc.array(reportArbitrary, { maxLength: 6 }), (input, earlier) => {
        const first = diagnose(report(input), earlier.map(report), NOW);
        // Freshly parsed journal entries: diagnose keeps what it computed per entry object, so
        // the same objects again would be answered from that cache, not computed a second time.
        const second = diagnose(report(input), earlier.map(report), NOW);
        assert.deepEqual(first, second);
        for (let i = 1; i < first.findings.length; i++) assert.ok(first.findings[i - 1]!.score >= first.findings[i]!.score);
        assert.equal(first.generalSteps.length > 0, !first.findings.some((f) => f.likelihood !== 'low'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('diagnose: history', () => {
  it('counts the journal’s attempts and distinct cards of the last 24 hours only, and says what recording the report would add', () => {
    const history = attempts([60, '1111'], [120, '2222'], [25 * 60, '3333']);
    const diagnosis = diagnose(report({ occurredAt: NOW.toISOString(), card: { last4: '1111', brand: 'visa' } }), history, NOW);
    assert.deepEqual(diagnosis.history, { attempts24h: 2, cards24h: 2, sameError24h: 2 });
    assert.equal(diagnosis.recorded, false);
    // Two cards in the journal already call for a wait from the later one (an hour ago); recording moves it to now.
    assert.deepEqual(diagnosis.cooldown, { until: '2025-11-28T03:00:00.000Z', reason: 'card-changed' });
    assert.deepEqual(diagnosis.ifRecorded, { attempts24h: 3, cards24h: 2, position: 3, cooldown: { until: '2025-11-28T04:00:00.000Z', reason: 'card-changed' } });
  });

  it('counts the report once when the journal holds it, and then has nothing to add', () => {
    const history = attempts([0, '1111'], [60, '1111']);
    const diagnosis = diagnose(history[0]!, history, NOW);
    assert.equal(diagnosis.history.attempts24h, 2);
    assert.equal(diagnosis.recorded, true);
    assert.equal(diagnosis.ifRecorded, null);
  });

  it('an empty form on a journal of one attempt an hour ago: one attempt, no wait, nothing to record (issue 10)', () => {
    const diagnosis = diagnose(report({}), attempts([60, '4242']), NOW);
    assert.deepEqual(diagnosis.history, { attempts24h: 1, cards24h: 1, sameError24h: 1 });
    assert.equal(diagnosis.cooldown, null);
    assert.equal(diagnosis.recorded, false);
    assert.equal(diagnosis.ifRecorded, null);
    assert.ok(!causes(diagnosis).includes('retry-velocity'));
  });

  it('diagnosing an unrecorded attempt again keeps the journal’s wait: it never restarts at 24 hours', () => {
    const history = attempts([180, '4242'], [120, '4242']);
    const draft = report({ occurredAt: NOW.toISOString(), errorMessage: 'Your card was declined.', card: { last4: '4242', brand: 'visa' } });
    const first = diagnose(draft, history, NOW);
    const later = diagnose(draft, history, new Date(NOW.getTime() + 30 * 60_000));
    assert.deepEqual(first.cooldown, { until: '2025-11-28T02:00:00.000Z', reason: 'repeated-attempts' });
    assert.deepEqual(later.cooldown, first.cooldown);
    assert.deepEqual(first.ifRecorded?.cooldown, { until: '2025-11-28T04:00:00.000Z', reason: 'repeated-attempts' });
  });

  it('places an attempt between the journal’s entries by its time, and one older than 24 hours nowhere', () => {
    const history = attempts([30, '4242'], [180, '4242']);
    const between = diagnose(report({ occurredAt: new Date(NOW.getTime() - 60 * 60_000).toISOString(), card: { last4: '4242', brand: 'visa' } }), history, NOW);
    assert.equal(between.ifRecorded?.position, 2);
    assert.equal(between.ifRecorded?.attempts24h, 3);
    const old = diagnose(report({ occurredAt: new Date(NOW.getTime() - 25 * 3600_000).toISOString(), card: { last4: '4242', brand: 'visa' } }), history, NOW);
    assert.deepEqual(old.ifRecorded, { attempts24h: 2, cards24h: 1, position: null, cooldown: { until: '2025-11-28T03:30:00.000Z', reason: 'repeated-attempts' } });
  });

  it('a report is an attempt only with an error message or a card fact', () => {
    for (const draft of [{}, { product: 'chatgpt-web' }, { connection: { vpn: 'yes' } }, { bank: { balanceSufficient: 'yes' } }, { card: { brand: 'unknown', kind: 'unknown' } }, { notes: 'trying tomorrow' }, { errorMessage: '  \n ', card: { issuerName: ' ' } }]) {
      assert.equal(describesAttempt(report(draft)), false, JSON.stringify(draft));
      assert.equal(diagnose(report(draft), [], NOW).ifRecorded, null, JSON.stringify(draft));
    }
    for (const attempt of [{ errorMessage: '卡片无效' }, { card: { last4: '4242' } }, { card: { bin: '621483' } }, { card: { brand: 'unionpay' } }, { card: { kind: 'virtual' } }, { card: { issuerName: '招商银行' } }, { card: { issuerCountry: 'CN' } }, { card: { expiry: '2028-06' } }]) {
      assert.equal(describesAttempt(report(attempt)), true, JSON.stringify(attempt));
    }
    assert.deepEqual(diagnose(report({ errorMessage: '卡片无效' }), [], NOW).ifRecorded, { attempts24h: 1, cards24h: 0, position: 1, cooldown: null });
  });

  it('sets no cooldown for a single attempt, and none once 24 hours have passed', () => {
    assert.equal(diagnose(report({ occurredAt: NOW.toISOString() }), [], NOW).cooldown, null);
    const old = attempts([26 * 60, '1111'], [25 * 60, '1111']);
    const later = diagnose(report({ occurredAt: new Date(NOW.getTime() - 25 * 3600_000).toISOString() }), old, NOW);
    assert.equal(later.cooldown, null);
  });

  it('defaults the time of the attempt to now', () => {
    assert.equal(diagnose(report({}), [], NOW).occurredAt, NOW.toISOString());
  });
});

describe('diagnose: decline codes', () => {
  for (const code of ['fraudulent', 'lost_card', 'stolen_card', 'merchant_blacklist']) {
    it(`treats "${code}" as a generic decline and never repeats it`, () => {
      const diagnosis = diagnose(report({ errorMessage: JSON.stringify({ error: { code: 'card_declined', decline_code: code, message: 'Your card was declined.' } }) }), [], NOW);
      assert.equal(diagnosis.declineCode, 'generic_decline');
      assert.doesNotMatch(JSON.stringify({ ...diagnosis, history: undefined }).replace(/"matched":"[^"]*"/g, ''), /fraud|lost|stolen|blacklist/i);
    });
  }

  it('reports the decline code from pasted JSON', () => {
    const diagnosis = diagnose(report({ errorMessage: '{"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds"}}' }), [], NOW);
    assert.equal(diagnosis.declineCode, 'insufficient_funds');
    assert.equal(diagnosis.findings[0]?.cause, 'insufficient-funds');
  });

  it('says which snapshot of supported regions it used', () => {
    assert.equal(diagnose(report({}), [], NOW).supportedRegionsAsOf, '2026-01-24');
  });
});
