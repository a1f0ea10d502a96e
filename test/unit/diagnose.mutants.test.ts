/**
 * One report per rule of diagnose.ts, with the evidence the rule must give written out in full
 * (signal, report field, weight, parameters): mutation testing (`npm run test:mutation`) showed
 * that a rule could be switched off, or its field or parameters blanked, without a test noticing.
 * The field and the parameters are what the explanation quotes back to the person.
 */
import assert from 'node:assert/strict';
import type { CauseId } from '../../src/core/causeIds';
import { diagnose, type Diagnosis } from '../../src/core/diagnose';
import { validReport as report } from '../validReport';

const NOW = new Date('2025-11-27T04:00:00Z');
/** The supported-regions snapshot every region finding names, written out rather than read from the module. */
const AS_OF = '2026-01-24';

function run(input: unknown, history: unknown[] = []): Diagnosis {
  return diagnose(report(input), history.map(report), NOW);
}

/** A finding's evidence as `signal field weight params`, in the order the rules added it. */
function evidence(diagnosis: Diagnosis, cause: CauseId): string[] {
  const finding = diagnosis.findings.find((item) => item.cause === cause);
  return (finding?.evidence ?? []).map((item) => `${item.signal} ${item.field} ${item.weight} ${JSON.stringify(item.params)}`);
}

function causes(diagnosis: Diagnosis): string[] {
  return diagnosis.findings.map((finding) => `${finding.cause} ${finding.score} ${finding.likelihood}`);
}

describe('diagnose (mutants): billing', () => {
  it('an address the person says does not match is strong evidence, from billing.matchesIssuer', () => {
    const diagnosis = run({ billing: { matchesIssuer: 'no' } });
    assert.deepEqual(causes(diagnosis), ['billing-mismatch 3 high']);
    assert.deepEqual(evidence(diagnosis, 'billing-mismatch'), ['billing-does-not-match billing.matchesIssuer 3 {}']);
    assert.deepEqual(diagnosis.generalSteps, []);
  });

  it('a postal code impossible in the billing country names both', () => {
    const diagnosis = run({ billing: { country: 'US', postalCode: 'ABCDE' } });
    assert.deepEqual(evidence(diagnosis, 'billing-mismatch'), ['postal-code-invalid billing.postalCode 2 {"postalCode":"ABCDE","country":"US"}']);
  });

  it('a postal code that fits the billing country is no evidence', () => {
    assert.deepEqual(evidence(run({ billing: { country: 'US', postalCode: '94105' } }), 'billing-mismatch'), []);
  });

  it('a billing country other than the stated issuer’s is a hint naming both', () => {
    const diagnosis = run({ billing: { country: 'DE' }, card: { issuerCountry: 'FR' } });
    assert.deepEqual(evidence(diagnosis, 'billing-mismatch'), ['billing-country-differs billing.country 1 {"billing":"DE","issuer":"FR"}']);
  });
});

describe('diagnose (mutants): region', () => {
  it('a connection from an unsupported country is strong, from connection.accessCountry', () => {
    const diagnosis = run({ connection: { accessCountry: 'CN' } });
    assert.deepEqual(evidence(diagnosis, 'region-unsupported'), [`access-country-unsupported connection.accessCountry 3 {"country":"CN","asOf":"${AS_OF}"}`]);
  });

  it('an unsupported billing country counts only when it is not the issuer’s, already counted', () => {
    assert.deepEqual(evidence(run({ billing: { country: 'RU' }, card: { issuerCountry: 'US' } }), 'region-unsupported'), [
      `billing-country-unsupported billing.country 2 {"country":"RU","asOf":"${AS_OF}"}`,
      `issuer-country-supported card.issuerCountry -1 {"country":"US","asOf":"${AS_OF}"}`,
    ]);
    assert.deepEqual(evidence(run({ billing: { country: 'RU' }, card: { issuerCountry: 'RU' } }), 'region-unsupported'), [
      `issuer-country-unsupported card.issuerCountry 3 {"country":"RU","asOf":"${AS_OF}"}`,
    ]);
  });

  it('a supported billing country is no region evidence', () => {
    assert.deepEqual(evidence(run({ billing: { country: 'GB' }, card: { issuerCountry: 'US' }, bank: { internationalOnline: 'no' } }), 'region-unsupported'), []);
  });

  it('a stated UnionPay brand is a hint from card.brand', () => {
    assert.deepEqual(evidence(run({ card: { brand: 'unionpay' } }), 'region-unsupported'), ['brand-unionpay card.brand 1 {}']);
  });

  it('an issuing country inferred from the digits counts one step less and says where it came from', () => {
    const diagnosis = run({ card: { bin: '622588', kind: 'credit' } });
    assert.deepEqual(diagnosis.context.issuer, { country: 'CN', source: 'bin', detail: '622588' });
    assert.deepEqual(evidence(diagnosis, 'region-unsupported'), [
      `issuer-country-unsupported card.bin 2 {"country":"CN","asOf":"${AS_OF}","inferredFrom":"bin","inferredDetail":"622588"}`,
      'brand-unionpay card.bin 1 {}',
    ]);
  });
});

describe('diagnose (mutants): the card itself', () => {
  it('an expired card is strong evidence of wrong details, naming the expiry', () => {
    const diagnosis = run({ card: { expiry: '2024-01' } });
    assert.deepEqual(causes(diagnosis), ['card-details-invalid 3 high']);
    assert.deepEqual(evidence(diagnosis, 'card-details-invalid'), ['card-expired card.expiry 3 {"expiry":"2024-01"}']);
  });

  it('a brand the first digits contradict names both brands', () => {
    assert.deepEqual(evidence(run({ card: { brand: 'mastercard', bin: '424242' } }), 'card-details-invalid'), [
      'brand-contradicts-prefix card.brand 2 {"stated":"mastercard","detected":"visa"}',
    ]);
  });

  it('a brand the digits agree with, or an unknown brand, is no evidence', () => {
    assert.deepEqual(evidence(run({ card: { brand: 'visa', bin: '424242' } }), 'card-details-invalid'), []);
    assert.deepEqual(evidence(run({ card: { brand: 'unknown', bin: '424242' } }), 'card-details-invalid'), []);
  });
});

describe('diagnose (mutants): network, funds and cross-border payments', () => {
  it('a VPN, a recent switch and a location unlike the issuer’s add up', () => {
    const diagnosis = run({ connection: { vpn: 'yes', switchedRecently: 'yes', accessCountry: 'JP' }, card: { issuerCountry: 'US' } });
    assert.deepEqual(evidence(diagnosis, 'network-anomaly'), [
      'vpn-on connection.vpn 2 {}',
      'switched-recently connection.switchedRecently 2 {}',
      'access-differs-from-issuer connection.accessCountry 1 {"access":"JP","issuer":"US"}',
    ]);
    assert.deepEqual(causes(diagnosis), ['network-anomaly 5 high']);
  });

  it('a balance the person found short is strong, from bank.balanceSufficient', () => {
    assert.deepEqual(evidence(run({ bank: { balanceSufficient: 'no' } }), 'insufficient-funds'), ['balance-insufficient bank.balanceSufficient 3 {}']);
  });

  it('international payments the person says are off are strong', () => {
    assert.deepEqual(evidence(run({ bank: { internationalOnline: 'no' } }), 'international-payments-disabled'), ['international-off bank.internationalOnline 3 {}']);
  });

  it('a mainland debit card with the switch unknown gets the FAQ’s debit-card rule', () => {
    assert.deepEqual(evidence(run({ card: { issuerCountry: 'CN', kind: 'debit' } }), 'international-payments-disabled'), ['domestic-debit-card card.kind 2 {"country":"CN"}']);
  });
});

describe('diagnose (mutants): a purchase in the app', () => {
  it('the store charges the card: the web checkout’s card, region and bank rules are set aside', () => {
    const diagnosis = run({
      product: 'chatgpt-app',
      connection: { accessCountry: 'CN' },
      billing: { country: 'RU' },
      card: { issuerCountry: 'CN', kind: 'prepaid' },
      bank: { internationalOnline: 'no' },
    });
    assert.equal(diagnosis.context.path, 'app-store');
    assert.deepEqual(evidence(diagnosis, 'app-store-billing'), [
      'product-mobile-app product 3 {}',
      `store-region-unsupported connection.accessCountry 1 {"country":"CN","asOf":"${AS_OF}"}`,
      'web-checkout-rules-set-aside product 0 {}',
    ]);
    assert.deepEqual(evidence(diagnosis, 'region-unsupported'), [`access-country-unsupported connection.accessCountry 3 {"country":"CN","asOf":"${AS_OF}"}`]);
    assert.deepEqual(evidence(diagnosis, 'card-type-restricted'), []);
    assert.deepEqual(evidence(diagnosis, 'international-payments-disabled'), []);
    assert.deepEqual(evidence(diagnosis, 'billing-mismatch'), []);
  });

  it('the store named in the notes of an unspecified product counts as an in-app purchase', () => {
    const diagnosis = run({ product: 'other', notes: 'bought in the App Store' });
    assert.equal(diagnosis.context.path, 'app-store');
    assert.deepEqual(evidence(diagnosis, 'app-store-billing'), ['store-purchase-mentioned notes 3 {"matched":"App Store"}', 'web-checkout-rules-set-aside product 0 {}']);
  });

  it('a report made on the web or the API platform stays a web checkout whatever the notes say', () => {
    assert.equal(run({ product: 'chatgpt-web', notes: 'bought in the App Store' }).context.path, 'web-checkout');
    assert.equal(run({ product: 'api-platform', notes: 'bought in the App Store' }).context.path, 'web-checkout');
    assert.deepEqual(run({ product: 'api-platform', notes: 'bought in the App Store' }).findings, []);
  });
});

describe('diagnose (mutants): the processor’s words', () => {
  it('passes the card network’s codes through as typed', () => {
    const diagnosis = run({ errorMessage: '{"decline_code": "do_not_honor", "network_decline_code": "05", "network_advice_code": "03"}' });
    assert.equal(diagnosis.context.networkDeclineCode, '05');
    assert.equal(diagnosis.context.networkAdviceCode, '03');
    assert.deepEqual(diagnosis.recognizedMessages, ['do-not-honor']);
  });

  it('with no network codes, says null rather than leaving them out', () => {
    const diagnosis = run({ errorMessage: 'Your card was declined.' });
    assert.equal(diagnosis.context.networkDeclineCode, null);
    assert.equal(diagnosis.context.networkAdviceCode, null);
  });

  it('the bank’s confirm_card_data advice is a hint of wrong details, shown as advice', () => {
    const diagnosis = run({ errorMessage: '{"decline_code": "generic_decline", "advice_code": "confirm_card_data"}' });
    assert.equal(diagnosis.context.adviceCode, 'confirm_card_data');
    assert.deepEqual(evidence(diagnosis, 'card-details-invalid'), ['advice-confirm-card-data errorMessage 1 {}']);
  });

  it('the bank’s insufficient_funds outweighs the person’s belief that the balance is fine by one step only', () => {
    const diagnosis = run({ errorMessage: '{"decline_code": "insufficient_funds"}', bank: { balanceSufficient: 'yes' } });
    assert.equal(diagnosis.declineCode, 'insufficient_funds');
    assert.deepEqual(causes(diagnosis), ['insufficient-funds 2 medium']);
  });
});

describe('diagnose (mutants): what speaks against a cause', () => {
  it('no VPN, or no recent switch, takes one point off what the network otherwise shows', () => {
    assert.deepEqual(evidence(run({ connection: { vpn: 'no', switchedRecently: 'yes' } }), 'network-anomaly'), [
      'switched-recently connection.switchedRecently 2 {}',
      'vpn-off connection.vpn -1 {}',
    ]);
    assert.deepEqual(evidence(run({ connection: { vpn: 'yes', switchedRecently: 'no' } }), 'network-anomaly'), ['vpn-on connection.vpn 2 {}', 'not-switched connection.switchedRecently -1 {}']);
  });

  it('a standard debit card takes one point off a "prepaid not accepted" message', () => {
    const diagnosis = run({ errorMessage: 'Prepaid cards are not accepted.', card: { kind: 'debit' } });
    assert.deepEqual(causes(diagnosis), ['card-type-restricted 2 medium']);
    assert.equal(evidence(diagnosis, 'card-type-restricted')[1], 'card-kind-standard card.kind -1 {"kind":"debit"}');
  });
});

describe('diagnose (mutants): "balance fine, still declined" (article §1.2, FAQ 1)', () => {
  it('a plain decline with a fine balance hints at cross-border payments', () => {
    const diagnosis = run({ errorMessage: 'Your card was declined.', bank: { balanceSufficient: 'yes' }, card: { kind: 'credit', issuerCountry: 'US' } });
    assert.deepEqual(causes(diagnosis), ['international-payments-disabled 2 medium']);
    assert.equal(evidence(diagnosis, 'international-payments-disabled')[1], 'balance-fine-still-declined bank.balanceSufficient 1 {}');
  });

  it('not when the card is expired, which explains the decline', () => {
    const diagnosis = run({ errorMessage: 'Your card was declined.', bank: { balanceSufficient: 'yes' }, card: { expiry: '2024-01' } });
    assert.deepEqual(causes(diagnosis), ['card-details-invalid 3 high', 'international-payments-disabled 1 low']);
  });

  it('not without any decline message', () => {
    assert.deepEqual(run({ bank: { balanceSufficient: 'yes' } }).findings, []);
  });

  it('a mainland credit card with the switch unknown is only a hint, the debit rule being for debit cards', () => {
    assert.deepEqual(evidence(run({ card: { issuerCountry: 'CN', kind: 'credit' } }), 'international-payments-disabled'), ['international-unknown bank.internationalOnline 1 {"country":"CN"}']);
  });
});

describe('diagnose (mutants): the journal of the last 24 hours (§4 pitfall 1, FAQ 3)', () => {
  const visa4242 = { last4: '4242', brand: 'visa' };
  const declined = (occurredAt: string, card: object = visa4242) => ({ occurredAt, errorMessage: 'Your card was declined.', card });

  /** Diagnoses `current` against a journal that holds it as well as `earlier`: the counts come from the journal alone. */
  const recorded = (current: object, earlier: object[]) => run(current, [...earlier, current]);

  it('2 attempts count 1, 3 count 2, 5 count 3; a repeated error is a hint; the wait runs 24 hours from the latest', () => {
    const two = recorded({ occurredAt: '2025-11-27T03:00:00Z' }, [{ occurredAt: '2025-11-27T01:00:00Z' }]);
    assert.deepEqual(evidence(two, 'retry-velocity'), ['attempts-24h history 1 {"count":2}']);
    assert.deepEqual(two.cooldown, { until: '2025-11-28T03:00:00.000Z', reason: 'repeated-attempts' });

    const three = recorded(declined('2025-11-27T03:00:00Z'), [declined('2025-11-27T01:00:00Z'), declined('2025-11-26T10:00:00Z')]);
    assert.deepEqual(three.history, { attempts24h: 3, cards24h: 1, sameError24h: 3 });
    assert.deepEqual(evidence(three, 'retry-velocity'), ['attempts-24h history 2 {"count":3}', 'same-error-repeated history 1 {"count":3}']);

    const five = recorded({ occurredAt: '2025-11-27T03:00:00Z' }, ['02', '01', '00'].map((hour) => ({ occurredAt: `2025-11-27T${hour}:00:00Z` })).concat({ occurredAt: '2025-11-26T23:00:00Z' }));
    assert.deepEqual(evidence(five, 'retry-velocity'), ['attempts-24h history 3 {"count":5}']);
  });

  it('the report itself is no attempt until the journal holds it: one journal attempt is no repeat and calls for no wait', () => {
    const diagnosis = run(declined('2025-11-27T03:00:00Z'), [declined('2025-11-27T01:00:00Z')]);
    assert.deepEqual(diagnosis.history, { attempts24h: 1, cards24h: 1, sameError24h: 1 });
    assert.deepEqual(evidence(diagnosis, 'retry-velocity'), []);
    assert.equal(diagnosis.cooldown, null);
    assert.equal(diagnosis.recorded, false);
    assert.deepEqual(diagnosis.ifRecorded, { attempts24h: 2, cards24h: 1, position: 2, cooldown: { until: '2025-11-28T03:00:00.000Z', reason: 'repeated-attempts' } });
  });

  it('an attempt exactly 24 hours before now is outside the window, and so is a report of that time', () => {
    const diagnosis = recorded({ occurredAt: '2025-11-27T03:00:00Z' }, [{ occurredAt: '2025-11-26T04:00:00Z' }]);
    assert.deepEqual(diagnosis.history, { attempts24h: 1, cards24h: 0, sameError24h: 0 });
    assert.equal(diagnosis.cooldown, null);
    const old = run({ occurredAt: '2025-11-26T04:00:00Z', errorMessage: 'Your card was declined.' }, [{ occurredAt: '2025-11-27T03:00:00Z' }]);
    assert.deepEqual(old.ifRecorded, { attempts24h: 1, cards24h: 0, position: null, cooldown: null });
    const inside = run({ occurredAt: '2025-11-26T04:00:01Z', errorMessage: 'Your card was declined.' }, [{ occurredAt: '2025-11-27T03:00:00Z' }]);
    assert.deepEqual(inside.ifRecorded, { attempts24h: 2, cards24h: 0, position: 1, cooldown: { until: '2025-11-28T03:00:00.000Z', reason: 'repeated-attempts' } });
  });

  it('an attempt at the same instant as a journal entry it is not comes after it', () => {
    const diagnosis = run(declined('2025-11-27T03:00:00Z', { last4: '1111', brand: 'visa' }), [declined('2025-11-27T03:00:00Z'), declined('2025-11-27T03:30:00Z')]);
    assert.equal(diagnosis.recorded, false);
    assert.deepEqual(diagnosis.ifRecorded, { attempts24h: 3, cards24h: 2, position: 2, cooldown: { until: '2025-11-28T03:30:00.000Z', reason: 'card-changed' } });
  });

  it('a second card within the day is strong and sets the wait’s reason', () => {
    const diagnosis = recorded({ occurredAt: '2025-11-27T03:00:00Z', card: { last4: '1111', brand: 'visa' } }, [{ occurredAt: '2025-11-27T02:00:00Z', card: visa4242 }]);
    assert.deepEqual(evidence(diagnosis, 'retry-velocity'), ['cards-24h history 3 {"count":2}', 'attempts-24h history 1 {"count":2}']);
    assert.deepEqual(diagnosis.cooldown, { until: '2025-11-28T03:00:00.000Z', reason: 'card-changed' });
  });

  it('a virtual card called invalid twice points at the card type', () => {
    const virtualInvalid = (occurredAt: string) => ({ occurredAt, errorMessage: '卡片无效', card: { kind: 'virtual' } });
    const diagnosis = recorded(virtualInvalid('2025-11-27T03:00:00Z'), [virtualInvalid('2025-11-27T02:00:00Z')]);
    assert.deepEqual(evidence(diagnosis, 'card-type-restricted').at(-1), 'virtual-card-invalid-repeated history 1 {"count":2}');
  });

  it('the bank’s "do not try again" and "try again later" count only with repeated attempts', () => {
    const advice = (code: string) => `{"decline_code": "generic_decline", "advice_code": "${code}"}`;
    const earlier = [{ occurredAt: '2025-11-27T02:00:00Z' }];
    assert.deepEqual(evidence(recorded({ occurredAt: '2025-11-27T03:00:00Z', errorMessage: advice('do_not_try_again') }, earlier), 'retry-velocity'), [
      'attempts-24h history 1 {"count":2}',
      'advice-do-not-try-again errorMessage 1 {}',
    ]);
    assert.deepEqual(evidence(recorded({ occurredAt: '2025-11-27T03:00:00Z', errorMessage: advice('try_again_later') }, earlier), 'retry-velocity'), [
      'attempts-24h history 1 {"count":2}',
      'advice-try-again-later errorMessage 1 {}',
    ]);
    assert.deepEqual(evidence(run({ occurredAt: '2025-11-27T03:00:00Z', errorMessage: advice('try_again_later') }, earlier), 'retry-velocity'), []);
  });
});

describe('diagnose (mutants): what the processor said earlier about the same card', () => {
  const funds = (occurredAt: string, card: object) => ({ occurredAt, errorMessage: 'Your card has insufficient funds.', card });
  const now = '2025-11-27T03:00:00Z';
  const earlierFunds = (hours: number) => `earlier-message-same-card history ${hours <= 24 ? 3 : 2} {"messageId":"insufficient-funds","matched":"insufficient funds","declineCode":"insufficient_funds","hours":${hours}}`;

  it('holds at full weight up to 24 hours, one step lower up to 7 days, then not at all', () => {
    const card = { last4: '4242' };
    assert.deepEqual(evidence(run({ occurredAt: now, card }, [funds('2025-11-27T00:00:00Z', card)]), 'insufficient-funds'), [earlierFunds(3)]);
    assert.deepEqual(evidence(run({ occurredAt: now, card }, [funds('2025-11-26T03:00:00Z', card)]), 'insufficient-funds'), [earlierFunds(24)]);
    assert.deepEqual(evidence(run({ occurredAt: now, card }, [funds('2025-11-24T03:00:00Z', card)]), 'insufficient-funds'), [earlierFunds(72)]);
    assert.deepEqual(evidence(run({ occurredAt: now, card }, [funds('2025-11-20T03:00:00Z', card)]), 'insufficient-funds'), [earlierFunds(168)]);
    assert.deepEqual(evidence(run({ occurredAt: now, card }, [funds('2025-11-19T03:00:00Z', card)]), 'insufficient-funds'), []);
  });

  it('the same card is a shared last 4 or first 6 digits with nothing known on both sides that differs', () => {
    assert.deepEqual(evidence(run({ occurredAt: now, card: { bin: '424242' } }, [funds('2025-11-27T00:00:00Z', { bin: '42424242' })]), 'insufficient-funds'), [earlierFunds(3)]);
    assert.deepEqual(evidence(run({ occurredAt: now, card: { last4: '4242' } }, [funds('2025-11-27T00:00:00Z', { last4: '1111' })]), 'insufficient-funds'), []);
    assert.deepEqual(evidence(run({ occurredAt: now, card: { last4: '4242', brand: 'visa' } }, [funds('2025-11-27T00:00:00Z', { last4: '4242', brand: 'mastercard' })]), 'insufficient-funds'), []);
    assert.deepEqual(evidence(run({ occurredAt: now, card: { bin: '424242', last4: '1111' } }, [funds('2025-11-27T00:00:00Z', { bin: '424242', last4: '4242' })]), 'insufficient-funds'), []);
  });

  it('of the same message only the newest counts; different messages each count', () => {
    const card = { last4: '4242' };
    const diagnosis = run({ occurredAt: now, card }, [
      funds('2025-11-27T00:00:00Z', card),
      funds('2025-11-25T00:00:00Z', card),
      { occurredAt: '2025-11-26T20:00:00Z', errorMessage: 'Your card’s security code is incorrect.', card },
    ]);
    assert.deepEqual(evidence(diagnosis, 'insufficient-funds'), [earlierFunds(3)]);
    assert.deepEqual(evidence(diagnosis, 'card-details-invalid'), [
      'earlier-message-same-card history 3 {"messageId":"incorrect-cvc","matched":"security code is incorrect","declineCode":"incorrect_cvc","hours":7}',
    ]);
  });
});
