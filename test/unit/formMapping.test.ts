/**
 * The form-to-report mapping of the sidebar (`src/webview/formReport.ts`): what the person types
 * becomes a draft the core schema accepts, and a report comes back into the form as it was typed.
 * Also the host's half: a half-typed field is reported, not diagnosed.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countryOptions } from '../../src/core/countries';
import { parseReport } from '../../src/core/report';
import { cardSuggestions, diagnoseDraft, redactDraft, reportOfDraft } from '../../src/host/sidebar/formDiagnosis';
import { parseWebviewMessage } from '../../src/protocol/messages';
import {
  countryCodeOf,
  countryLabel,
  formToReportDraft,
  maskSecrets,
  occurredAtOf,
  readSavedState,
  reportDraftToForm,
  typedTimeNow,
  type FormClock,
  type FormFields,
} from '../../src/webview/formReport';
import { reportArbitrary } from '../arbitraries';

const ZH = countryOptions('zh-cn');
const EN = countryOptions('en');
const CARD = '4242 4242 4242 4242';
/** 1 December 2026, 18:40 in Beijing (UTC+8): the clock every typed time below is read against. */
const BEIJING: FormClock = { now: new Date('2026-12-01T10:40:00Z'), offsetMinutes: 480 };

describe('form mapping', () => {
  describe('countries', () => {
    const cases: [string, string, readonly { code: string; name: string }[], string][] = [
      ['a label from the list', '中国 (CN)', ZH, 'CN'],
      ['a label with a full-width space and lower-case code', '中国 ( cn )', ZH, 'CN'],
      ['a code', 'CN', ZH, 'CN'],
      ['a lower-case code', 'hk', ZH, 'HK'],
      ['a Chinese name', '香港', ZH, 'HK'],
      ['an English name in any case', 'united states', EN, 'US'],
      ['a name with spaces around it', '  日本 ', ZH, 'JP'],
    ];
    for (const [name, typed, list, code] of cases) {
      it(`maps ${name} to its code`, () => assert.equal(countryCodeOf(typed, list), code));
    }

    it('leaves what it cannot read as typed, for the schema to reject', () => {
      assert.equal(countryCodeOf(' Atlantis ', EN), 'Atlantis');
      assert.equal(countryCodeOf('ZZ', EN), 'ZZ');
      assert.equal(countryCodeOf('Atlantis (ZZ)', EN), 'Atlantis (ZZ)');
    });

    it('labels a code with its name in the list language', () => {
      assert.equal(countryLabel('CN', ZH), '中国 (CN)');
      assert.equal(countryLabel('US', EN), 'United States (US)');
      assert.equal(countryLabel('ZZ', EN), 'ZZ');
    });

    it('maps every label of the list back to its code', () => {
      // The label as the form shows it ("中国 (CN)", checked above), made here from the list's own
      // name and code: not by countryLabel, whose output a round trip through it would only echo.
      for (const list of [ZH, EN]) {
        assert.equal(list.length, 250);
        for (const { code, name } of list) assert.equal(countryCodeOf(`${name} (${code})`, list), code, `${name} (${code})`);
      }
    });
  });

  describe('the time as typed', () => {
    const typed: [string, string][] = [
      ['22:10', '2026-11-30T22:10:00+08:00'],
      ['09:05', '2026-12-01T09:05:00+08:00'],
      ['2026-12-01 22:10', '2026-12-01T22:10:00+08:00'],
      ['2026-12-01 22:10 +01:00', '2026-12-01T22:10:00+01:00'],
      ['2026-12-01 22:10 UTC+08:00', '2026-12-01T22:10:00+08:00'],
      ['2025-11-27T10:31:00Z', '2025-11-27T10:31:00+00:00'],
    ];
    for (const [text, iso] of typed) {
      it(`reads "${text}" at 18:40 in Beijing as ${iso}`, () => {
        assert.equal(occurredAtOf(text, BEIJING), iso);
        assert.equal(parseReport({ occurredAt: occurredAtOf(text, BEIJING) }).ok, true);
      });
    }

    it('leaves out an empty time, and sends what it cannot read as typed, for the schema to refuse', () => {
      assert.equal(occurredAtOf('', BEIJING), undefined);
      assert.equal(occurredAtOf('   ', BEIJING), undefined);
      assert.equal(occurredAtOf(undefined, BEIJING), undefined);
      // "2026" then "10" typed into the old date picker gave the year 202610; typed here, it is unreadable.
      assert.equal(occurredAtOf('202610', BEIJING), '202610');
      const result = parseReport({ occurredAt: occurredAtOf('2026-02-30 10:00', BEIJING) });
      assert.equal(result.ok, false);
      assert.equal(result.ok ? '' : result.errors[0]!.path, 'occurredAt');
    });

    it('fills a new form with now, in the person’s zone, as they would type it', () => {
      assert.equal(typedTimeNow(BEIJING), '2026-12-01 18:40');
      assert.equal(typedTimeNow({ now: new Date('2026-12-01T02:05:59Z'), offsetMinutes: -300 }), '2026-11-30 21:05');
      assert.equal(occurredAtOf(typedTimeNow(BEIJING), BEIJING), '2026-12-01T18:40:00+08:00');
    });

    it('joins the previous form’s separate offset to its time (a saved state from before)', () => {
      assert.equal(formToReportDraft({ occurredAt: '2025-11-27T10:31', occurredAtOffset: '+08:00' }, EN, BEIJING).occurredAt, '2025-11-27T10:31:00+08:00');
      const saved = readSavedState({ version: 1, fields: { occurredAt: '2025-11-27T10:31', occurredAtOffset: '-05:00', notes: 'x' }, touched: ['occurredAt'], masked: {} });
      assert.deepEqual(saved?.fields, { occurredAt: '2025-11-27T10:31 -05:00', notes: 'x' });
    });
  });

  describe('masking as typed', () => {
    it('masks a pasted card number, keeping the last 4, and says so', () => {
      assert.deepEqual(maskSecrets(CARD), { value: '•••• 4242', cardNumber: true, code: false });
      assert.deepEqual(maskSecrets(`卡号${CARD.replace(/ /g, '')}被拒`), { value: '卡号•••• 4242被拒', cardNumber: true, code: false });
    });

    it('masks a CVC or a one-time code and says it was a code', () => {
      assert.deepEqual(maskSecrets('CVC 123'), { value: 'CVC •••', cardNumber: false, code: true });
      assert.deepEqual(maskSecrets('123456是您的验证码'), { value: '••••••是您的验证码', cardNumber: false, code: true });
    });

    it('leaves a BIN, a last 4, a postal code and a date alone', () => {
      for (const value of ['622588', '4242', '94105', '2025-11-27', '42424242']) assert.deepEqual(maskSecrets(value), { value, cardNumber: false, code: false });
    });
  });

  describe('form to report', () => {
    const fields: FormFields = {
      occurredAt: '2025-11-27 10:31 +08:00',
      product: 'chatgpt-web',
      errorMessage: '  Your card was declined.\n',
      'card.kind': 'debit',
      'card.brand': 'unionpay',
      'card.bin': ' 622588 ',
      'card.last4': '4242',
      'card.issuerName': '招商银行',
      'card.issuerCountry': '中国 (CN)',
      'card.expiry': '06/27',
      'billing.country': 'cn',
      'billing.postalCode': '100000',
      'billing.matchesIssuer': 'yes',
      'bank.internationalOnline': 'no',
      'bank.balanceSufficient': 'yes',
      'connection.vpn': 'yes',
      'connection.switchedRecently': 'unknown',
      'connection.accessCountry': '香港',
      notes: 'tried twice',
    };

    it('maps every field, countries to codes, and the result passes the schema', () => {
      const draft = formToReportDraft(fields, ZH, BEIJING);
      assert.deepEqual(draft, {
        occurredAt: '2025-11-27T10:31:00+08:00',
        product: 'chatgpt-web',
        errorMessage: '  Your card was declined.\n',
        card: { kind: 'debit', brand: 'unionpay', bin: '622588', last4: '4242', issuerName: '招商银行', issuerCountry: 'CN', expiry: '06/27' },
        billing: { country: 'CN', postalCode: '100000', matchesIssuer: 'yes' },
        bank: { internationalOnline: 'no', balanceSufficient: 'yes' },
        connection: { vpn: 'yes', switchedRecently: 'unknown', accessCountry: 'HK' },
        notes: 'tried twice',
      });
      const parsed = parseReport(draft);
      assert.equal(parsed.ok, true, JSON.stringify(parsed));
      // The expiry as printed on the card is the schema's to read.
      assert.equal(parsed.ok ? parsed.report.card?.expiry : '', '2027-06');
    });

    it('drops empty and blank fields, and groups left with none', () => {
      assert.deepEqual(formToReportDraft({ occurredAt: '', 'card.bin': '   ', notes: ' \n ', 'billing.country': '', product: 'other' }, ZH), { product: 'other' });
      assert.deepEqual(formToReportDraft({}, ZH), {});
      assert.equal(parseReport(formToReportDraft({}, ZH)).ok, true);
    });

    it('masks a card number in any field before it leaves the form', () => {
      const draft = formToReportDraft({ 'card.bin': CARD, 'card.last4': CARD, errorMessage: `card ${CARD} declined`, notes: CARD, 'card.issuerName': CARD, 'billing.postalCode': CARD }, ZH);
      const text = JSON.stringify(draft);
      assert.doesNotMatch(text, /4242\s?4242\s?4242/);
      assert.equal(draft.card?.bin, '•••• 4242');
      assert.equal(draft.errorMessage, 'card •••• 4242 declined');
      // The masked BIN is no BIN: the schema says so, without echoing it.
      const parsed = parseReport(draft);
      assert.equal(parsed.ok, false);
      assert.deepEqual(parsed.ok ? [] : parsed.errors.map((error) => error.path).sort(), ['card.bin', 'card.last4']);
    });

    it('keeps half-typed values for the schema to name', () => {
      const draft = formToReportDraft({ 'card.last4': '42', 'card.issuerCountry': 'Chin' }, EN);
      const parsed = parseReport(draft);
      assert.deepEqual(parsed.ok ? [] : parsed.errors.map((error) => error.path).sort(), ['card.issuerCountry', 'card.last4']);
    });

    it('always makes a draft the protocol carries, whatever was typed', () => {
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...(Object.keys(fields) as (keyof FormFields)[])), fc.string({ maxLength: 300 })), (typed) => {
          const draft = formToReportDraft(typed, EN);
          assert.equal(parseWebviewMessage({ type: 'formDidChange', revision: 1, report: draft }).ok, true);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('report to form', () => {
    it('fills the form from a report the way it was typed, and back', () => {
      const form = reportDraftToForm(
        { occurredAt: '2025-11-27T10:31:00+08:00', card: { issuerCountry: 'CN', last4: '4242' }, connection: { accessCountry: 'HK' } },
        ZH,
      );
      assert.deepEqual(form, {
        occurredAt: '2025-11-27 10:31 UTC+08:00',
        'card.last4': '4242',
        'card.issuerCountry': '中国 (CN)',
        'connection.accessCountry': '香港 (HK)',
      });
    });

    it('gives back the same report for any valid report (the journal’s last attempt)', () => {
      fc.assert(
        fc.property(reportArbitrary, (input) => {
          const parsed = parseReport(input);
          assert.ok(parsed.ok);
          const { card, ...rest } = parsed.report;
          // The form does not ask whether the card is dual-currency.
          const { dualCurrency: _unused, ...cardFields } = card ?? {};
          const report = { ...rest, ...(Object.keys(cardFields).length > 0 ? { card: cardFields } : {}) };
          const again = parseReport(formToReportDraft(reportDraftToForm(report, ZH), ZH, BEIJING));
          assert.ok(again.ok);
          // `Z` comes back as `+00:00`: the same instant, in the form's one notation.
          const instant = (time: string | undefined) => (time === undefined ? undefined : Date.parse(time));
          const { occurredAt: time, ...others } = again.report;
          const { occurredAt: originalTime, ...originals } = report;
          assert.equal(instant(time), instant(originalTime));
          // An empty field is no answer: the form drops it.
          const answered = (value: unknown): unknown =>
            value && typeof value === 'object'
              ? Object.fromEntries(
                  Object.entries(value)
                    .map(([key, inner]) => [key, answered(inner)] as const)
                    .filter(([, inner]) => inner !== undefined && inner !== '' && !(typeof inner === 'object' && Object.keys(inner as object).length === 0)),
                )
              : value;
          assert.deepEqual(others, answered(originals));
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('the host’s half', () => {
    const now = new Date('2025-11-27T12:00:00Z');

    it('diagnoses the valid fields and reports the half-typed ones', () => {
      const draft = formToReportDraft({ 'card.kind': 'virtual', 'card.last4': '42', 'card.issuerCountry': 'Chin' }, EN);
      const { report, errors } = reportOfDraft(draft);
      assert.deepEqual(report, { card: { kind: 'virtual' } });
      assert.deepEqual(errors.map((error) => error.path).sort(), ['card.issuerCountry', 'card.last4']);
      const update = diagnoseDraft(draft, 7, [], 'en', now);
      assert.equal(update.revision, 7);
      // The diagnosis of the virtual card alone: the half-typed last 4 and country play no part.
      assert.equal(update.view.attemptLine, 'Attempt: 2025-11-27 12:00 UTC+00:00');
      assert.deepEqual(
        update.view.findings.map(({ title, likelihood, evidenceFor }) => ({ title, likelihood, evidenceFor })),
        [{ title: 'Card type refused', likelihood: 'medium', evidenceFor: ['The card is a virtual card; the article says such cards are often scored as low-trust.'] }],
      );
      assert.equal(update.view.historyLine, 'No attempts in the journal in the last 24 hours. This attempt is not in the journal yet.');
      assert.deepEqual(update.fieldErrors.map((error) => error.path).sort(), ['card.issuerCountry', 'card.last4']);
      assert.equal(update.cooldown, null);
    });

    it('speaks the UI language in field problems', () => {
      const update = diagnoseDraft({ card: { bin: '12' } }, 1, [], 'zh-cn', now);
      assert.deepEqual(update.fieldErrors, [{ path: 'card.bin', message: '应为 6 到 8 位数字' }]);
    });

    it('offers the brand from the first digits as typed, and the issuing country from the digits, the bank or the brand, for blank fields only', () => {
      const offered = (draft: Parameters<typeof cardSuggestions>[0]) => cardSuggestions(draft, reportOfDraft(draft).report);
      assert.deepEqual(offered({ card: { bin: '62' } }), [
        { path: 'card.brand', value: 'unionpay', basis: 'bin', detail: '62' },
        { path: 'card.issuerCountry', value: 'CN', basis: 'brand', detail: 'unionpay' },
      ]);
      assert.deepEqual(offered({ card: { bin: '6225 88' } }), [
        { path: 'card.brand', value: 'unionpay', basis: 'bin', detail: '622588' },
        { path: 'card.issuerCountry', value: 'CN', basis: 'bin', detail: '622588' },
      ]);
      assert.deepEqual(offered({ card: { brand: 'unionpay' } }), [{ path: 'card.issuerCountry', value: 'CN', basis: 'brand', detail: 'unionpay' }]);
      assert.deepEqual(offered({ card: { brand: 'unionpay', issuerName: '招商银行' } }), [
        { path: 'card.issuerCountry', value: 'CN', basis: 'bank-name', detail: '招商银行' },
      ]);
      assert.deepEqual(offered({ card: { issuerName: '中銀香港' } }), [{ path: 'card.issuerCountry', value: 'HK', basis: 'bank-name', detail: '中銀香港' }]);
      assert.deepEqual(offered({ card: { bin: '622588', brand: 'unionpay', issuerCountry: 'HK' } }), []);
      assert.deepEqual(offered({ card: { bin: '4', issuerName: 'Some Bank' } }), []);
      assert.deepEqual(offered({ card: { bin: '4242 4242 4242 4242' } }).map((suggestion) => suggestion.detail), ['424242']);
      // Sent with every diagnosis, and never written into the report diagnosed.
      const update = diagnoseDraft({ card: { bin: '622588' } }, 3, [], 'en', new Date('2026-12-01T10:40:00Z'));
      assert.deepEqual(update.suggestions.map((suggestion) => suggestion.path), ['card.brand', 'card.issuerCountry']);
      assert.deepEqual(reportOfDraft({ card: { bin: '622588' } }).report, { card: { bin: '622588' } });
    });

    it('keeps only a masked draft between views', () => {
      const kept = redactDraft({ notes: `card ${CARD}`, card: { bin: CARD } });
      assert.deepEqual(kept, { notes: 'card •••• 4242', card: { bin: '•••• 4242' } });
    });
  });
});
