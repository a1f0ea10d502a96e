import assert from 'node:assert/strict';
import { formatFieldErrors, parseReport } from '../../src/core/report';

/** What parseReport reads of a raw notes field before any work: 4 × its 2,000-character limit. */
const RAW_NOTES_CAP = 8000;

function errorsOf(input: unknown): string[] {
  const result = parseReport(input);
  assert.equal(result.ok, false, 'expected the report to be rejected');
  return result.ok ? [] : formatFieldErrors(result.errors).split('\n');
}

describe('report schema', () => {
  describe('accepts', () => {
    const accepted: [string, unknown][] = [
      ['an empty report (every field optional)', {}],
      ['a full report', {
        occurredAt: '2025-11-27T10:31:00+08:00', product: 'chatgpt-web', errorMessage: 'Your card was declined.',
        card: { kind: 'credit', brand: 'visa', bin: '424242', last4: '4242', issuerName: 'Bank', issuerCountry: 'US', expiry: '2027-12', dualCurrency: 'no' },
        billing: { country: 'US', postalCode: '94105', matchesIssuer: 'yes' },
        bank: { internationalOnline: 'yes', balanceSufficient: 'yes' },
        connection: { vpn: 'no', switchedRecently: 'no', accessCountry: 'US' }, notes: 'n',
      }],
      ['a UTC time', { occurredAt: '2025-11-27T02:31:00Z' }],
      ['an 8-digit BIN', { card: { bin: '62148300' } }],
      ['each product', { product: 'api-platform' }],
      ['29 February in a leap year', { occurredAt: '2024-02-29T10:00:00+08:00' }],
      ['29 February 2000', { occurredAt: '2000-02-29T23:59:59.999-05:00' }],
      ['31 December', { occurredAt: '2025-12-31T10:00:00Z' }],
    ];
    for (const [name, input] of accepted) {
      it(name, () => assert.equal(parseReport(input).ok, true));
    }
  });

  describe('rejects, naming every bad field by its path', () => {
    const rejected: [string, unknown, string[]][] = [
      ['a 5-digit BIN', { card: { bin: '12345' } }, ['card.bin: expected 6-8 digits']],
      ['a 9-digit BIN', { card: { bin: '123456789' } }, ['card.bin: expected 6-8 digits']],
      ['letters in last4', { card: { last4: '42a2' } }, ['card.last4: expected 4 digits']],
      ['a time without offset', { occurredAt: '2025-11-27T10:31:00' }, ['occurredAt: expected an ISO 8601 date and time with an offset, such as 2025-11-27T10:31:00+08:00']],
      ['a day February 2025 does not have', { occurredAt: '2025-02-30T10:00:00+08:00' }, ['occurredAt: not a real date: that month has no such day']],
      ['29 February in a common year', { occurredAt: '2025-02-29T10:00:00+08:00' }, ['occurredAt: not a real date: that month has no such day']],
      ['29 February 1900 (not a leap year)', { occurredAt: '1900-02-29T10:00:00Z' }, ['occurredAt: not a real date: that month has no such day']],
      ['31 April', { occurredAt: '2025-04-31T10:00:00Z' }, ['occurredAt: not a real date: that month has no such day']],
      ['a month 13', { occurredAt: '2025-13-01T10:00:00Z' }, ['occurredAt: expected an ISO 8601 date and time with an offset, such as 2025-11-27T10:31:00+08:00']],
      ['hour 24', { occurredAt: '2025-11-27T24:00:00+08:00' }, ['occurredAt: expected an ISO 8601 date and time with an offset, such as 2025-11-27T10:31:00+08:00']],
      ['an unknown product', { product: 'dall-e' }, ['product: expected one of chatgpt-web, chatgpt-app, api-platform, other']],
      ['an unknown country', { billing: { country: 'ZZ' } }, ['billing.country: expected an ISO 3166 two-letter country code, such as CN or US']],
      ['a three-letter country', { connection: { accessCountry: 'CHN' } }, ['connection.accessCountry: expected an ISO 3166 two-letter country code, such as CN or US']],
      ['a month 13 expiry', { card: { expiry: '2027-13' } }, ['card.expiry: expected a month and year, such as 06/28 or 2028-06']],
      ['a month 13 expiry written month first', { card: { expiry: '13/27' } }, ['card.expiry: expected a month and year, such as 06/28 or 2028-06']],
      ['a month 0 expiry', { card: { expiry: '00/28' } }, ['card.expiry: expected a month and year, such as 06/28 or 2028-06']],
      ['an expiry with a day', { card: { expiry: '2028-06-30' } }, ['card.expiry: expected a month and year, such as 06/28 or 2028-06']],
      ['an expiry with a three-digit year', { card: { expiry: '06/028' } }, ['card.expiry: expected a month and year, such as 06/28 or 2028-06']],
      ['an expiry in words', { card: { expiry: 'June 2028' } }, ['card.expiry: expected a month and year, such as 06/28 or 2028-06']],
      ['a wrong tri-state', { bank: { balanceSufficient: 'maybe' } }, ['bank.balanceSufficient: expected one of yes, no, unknown']],
      ['an unknown field', { card: { number: '4242424242424242' } }, ['card.number: unknown field']],
      ['a card that is not an object', { card: 'visa' }, ['card: expected an object']],
      ['a report that is not an object', [1, 2], ['(report): expected an object']],
      ['a number where text belongs', { errorMessage: 42 }, ['errorMessage: expected text']],
      ['several bad fields at once', { card: { bin: 'x', last4: '1' }, billing: { country: 'XX' } }, [
        'card.bin: expected 6-8 digits', 'card.last4: expected 4 digits',
        'billing.country: expected an ISO 3166 two-letter country code, such as CN or US',
      ]],
    ];
    for (const [name, input, expected] of rejected) {
      it(name, () => assert.deepEqual(errorsOf(input).sort(), [...expected].sort()));
    }
  });

  describe('reads a card expiry as people write it, and stores YYYY-MM', () => {
    const expiries: [string, string][] = [
      ['06/28', '2028-06'],
      ['6/28', '2028-06'],
      ['06-28', '2028-06'],
      ['06 / 28', '2028-06'],
      ['06/2028', '2028-06'],
      ['12.29', '2029-12'],
      ['2028-06', '2028-06'],
      ['2028/6', '2028-06'],
      [' 2028-06 ', '2028-06'],
      ['2028年6月', '2028-06'],
      ['０６／２８', '2028-06'],
    ];
    for (const [typed, stored] of expiries) {
      it(`"${typed}" → ${stored}`, () => {
        const result = parseReport({ card: { expiry: typed } });
        assert.ok(result.ok, result.ok ? '' : formatFieldErrors(result.errors));
        assert.equal(result.report.card?.expiry, stored);
      });
    }
  });

  it('never echoes a rejected value (it may be a card number)', () => {
    const errors = errorsOf({ card: { bin: '4242424242424242', last4: '4242424242424242' } });
    for (const line of errors) assert.doesNotMatch(line, /4242424242424242/);
  });

  describe('cleans free text', () => {
    it('trims, strips control characters and bidi overrides, normalizes line endings', () => {
      const result = parseReport({ errorMessage: '  \u0007Your card\u202e was declined.\r\nAgain\u0000  ' });
      assert.ok(result.ok);
      assert.equal(result.report.errorMessage, 'Your card was declined.\nAgain');
    });
    it('keeps single-line fields on one line', () => {
      const result = parseReport({ card: { issuerName: 'China\nMerchants\tBank' } });
      assert.ok(result.ok);
      assert.equal(result.report.card?.issuerName, 'China Merchants Bank');
    });
    it('caps length with an ellipsis', () => {
      const result = parseReport({ notes: 'x'.repeat(2500) });
      assert.ok(result.ok);
      assert.equal(result.report.notes, `${'x'.repeat(1999)}…`);
    });
    it('masks a card number in every free-text field at validation time', () => {
      const number = '4242 4242 4242 4242';
      const result = parseReport({
        errorMessage: `declined for ${number}`, notes: `卡号${number}`,
        card: { issuerName: `Bank ${number}` }, billing: { postalCode: '4242424242424242' },
      });
      assert.ok(result.ok);
      assert.deepEqual(result.report, {
        errorMessage: 'declined for •••• 4242',
        card: { issuerName: 'Bank •••• 4242' },
        billing: { postalCode: '•••• 4242' },
        notes: '卡号•••• 4242',
      });
    });
    it('folds a BIN and last 4 typed in full-width or other-script digits to ASCII', () => {
      const result = parseReport({ card: { bin: '６２１４ ８３００', last4: '٤٢٤٢' } });
      assert.ok(result.ok);
      assert.equal(result.report.card?.bin, '62148300');
      assert.equal(result.report.card?.last4, '4242');
      const devanagari = parseReport({ card: { bin: '४२४२४२', last4: '४२\u200b४२' } });
      assert.ok(devanagari.ok);
      assert.equal(devanagari.report.card?.bin, '424242');
      assert.equal(devanagari.report.card?.last4, '4242');
    });
    it('masks numbers in other scripts and through invisible characters', () => {
      const result = parseReport({
        errorMessage: 'declined ٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢',
        notes: 'card 4242\u200b4242\u200b4242\u200b4242, 安全码（背面三位）：１２３',
        card: { issuerName: 'Bank ४२४२ ४२४२ ४२४२ ४२४२' },
      });
      assert.ok(result.ok);
      assert.equal(result.report.errorMessage, 'declined •••• 4242');
      assert.equal(result.report.notes, 'card •••• 4242, 安全码（背面三位）：•••');
      assert.equal(result.report.card?.issuerName, 'Bank •••• 4242');
    });
    it('caps raw input before any work, dropping a number the cap cuts through', () => {
      // The filler is control characters, stripped after the raw cap: without the drop, the
      // first 15 digits of the card would reach the report, too few to fail Luhn as a card.
      const notes = 'x' + '\u0000'.repeat(RAW_NOTES_CAP - 1 - 18) + '4242 4242 4242 4242 end';
      const result = parseReport({ notes });
      assert.ok(result.ok);
      assert.equal(result.report.notes, 'x');
    });
    it('drops a number the raw cap cuts through in a URL or in JSON too', () => {
      const filler = (tail: string) => 'x' + '\u0000'.repeat(RAW_NOTES_CAP - 1 - tail.length);
      for (const [tail, rest] of [['4242+4242+4242+42', '42&x'], ['4242%204242%204242%2042', '42'], ['4242\\n4242\\n4242\\n', '4242"']]) {
        const result = parseReport({ notes: filler(tail!) + tail + rest });
        assert.ok(result.ok);
        assert.equal(result.report.notes, 'x', tail);
      }
    });
    it('drops a number the raw cap cuts through whatever separator the masking joins groups with', () => {
      const filler = (tail: string) => 'x' + '\u0000'.repeat(RAW_NOTES_CAP - 1 - tail.length);
      // Markdown table cells, quoted lines, code spans, CSV quotes, full-width commas, an ellipsis.
      for (const [tail, rest] of [
        ['4242 | 4242 | 4242 | 42', '42 |'],
        ['4242\n> 4242\n> 4242\n> 42', '42'],
        ['`4242` `4242` `4242` `42', '42`'],
        ['"4242","4242","4242","42', '42"'],
        ['4242，4242，4242，42', '42'],
        ['4242…4242…4242…42', '42'],
      ]) {
        const result = parseReport({ notes: filler(tail!) + tail + rest });
        assert.ok(result.ok);
        assert.equal(result.report.notes, 'x', tail);
      }
    });
    it('takes a 10 MB paste down to the field\'s limit', () => {
      const result = parseReport({ errorMessage: '卡号 4242 4242 4242 4242 '.repeat(500_000) });
      assert.ok(result.ok);
      const text = result.report.errorMessage ?? '';
      assert.ok(text.length <= 4000 && text.length > 3990, String(text.length));
      assert.ok(text.endsWith('…'));
      assert.ok(result.report.errorMessage?.startsWith('卡号 •••• 4242 卡号 •••• 4242'));
      assert.doesNotMatch(result.report.errorMessage ?? '', /4242 4242/);
    });
    it('normalizes country case and digit spacing', () => {
      const result = parseReport({ card: { issuerCountry: ' cn ', bin: '6214 8300', last4: ' 4242 ' } });
      assert.ok(result.ok);
      assert.equal(result.report.card?.issuerCountry, 'CN');
      assert.equal(result.report.card?.bin, '62148300');
      assert.equal(result.report.card?.last4, '4242');
    });
  });
});
