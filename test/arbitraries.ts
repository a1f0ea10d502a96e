/**
 * Random valid reports, shared by the property tests and the benchmark so both exercise the
 * same space of inputs.
 */
import fc from 'fast-check';
import { CARD_BRANDS, CARD_KINDS, PRODUCTS, TRI_STATES } from '../src/core/report';

const COUNTRIES = ['CN', 'US', 'HK', 'SG', 'JP', 'GB', 'DE', 'RU', 'TW', 'MO', 'CA', 'AU'] as const;
const MESSAGES = [
  'Your card was declined.',
  'Your card has insufficient funds.',
  '您的银行卡被拒绝。',
  '卡片无效',
  '国家不支持',
  'Your card does not support this type of purchase.',
  '{"error":{"code":"card_declined","decline_code":"do_not_honor","message":"Your card was declined."}}',
  'The zip code you supplied failed validation.',
  'Something else entirely',
] as const;

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((chars) => chars.join(''));

/** An ISO time within a week before 2025-11-27T12:00Z, in one of a few offsets. */
export const isoTimeArbitrary = fc
  .tuple(fc.integer({ min: 0, max: 7 * 24 * 60 }), fc.constantFrom('+08:00', 'Z', '-05:00'))
  .map(([minutesBefore, offset]) => {
    const utc = Date.parse('2025-11-27T12:00:00Z') - minutesBefore * 60_000;
    const shift = offset === '+08:00' ? 480 : offset === '-05:00' ? -300 : 0;
    return new Date(utc + shift * 60_000).toISOString().slice(0, 19) + offset;
  });

export const reportArbitrary = fc.record(
  {
    occurredAt: isoTimeArbitrary,
    product: fc.constantFrom(...PRODUCTS),
    errorMessage: fc.constantFrom(...MESSAGES),
    card: fc.record(
      {
        kind: fc.constantFrom(...CARD_KINDS),
        brand: fc.constantFrom(...CARD_BRANDS),
        bin: digits(6, 8),
        last4: digits(4, 4),
        issuerCountry: fc.constantFrom(...COUNTRIES),
        expiry: fc.tuple(fc.integer({ min: 2020, max: 2032 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
        dualCurrency: fc.constantFrom(...TRI_STATES),
      },
      { requiredKeys: [] },
    ),
    billing: fc.record(
      { country: fc.constantFrom(...COUNTRIES), postalCode: fc.constantFrom('100000', '94105', 'SW1A 1AA', 'abc'), matchesIssuer: fc.constantFrom(...TRI_STATES) },
      { requiredKeys: [] },
    ),
    bank: fc.record({ internationalOnline: fc.constantFrom(...TRI_STATES), balanceSufficient: fc.constantFrom(...TRI_STATES) }, { requiredKeys: [] }),
    connection: fc.record(
      { vpn: fc.constantFrom(...TRI_STATES), switchedRecently: fc.constantFrom(...TRI_STATES), accessCountry: fc.constantFrom(...COUNTRIES) },
      { requiredKeys: [] },
    ),
    notes: optional(fc.string({ maxLength: 40 })),
  },
  { requiredKeys: [] },
);
