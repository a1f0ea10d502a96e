/**
 * Facts about a card that well-kept libraries know better than we would by hand: the brand
 * from the number prefix (`credit-card-type`, which tracks the networks' published ranges,
 * UnionPay and JCB included) and postal-code formats (`postcode-validator`, per country).
 */
import creditCardType from 'credit-card-type';
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import type { CardBrand } from './report';

const LIBRARY_BRANDS: Readonly<Record<string, CardBrand>> = {
  visa: 'visa',
  mastercard: 'mastercard',
  'american-express': 'amex',
  unionpay: 'unionpay',
  jcb: 'jcb',
  discover: 'discover',
};

/**
 * Lookups already made. The library scans every network's ranges (~30 µs), and the form asks
 * again on every keystroke with the same few prefixes; bounded so it cannot grow without end.
 */
const brandCache = new Map<string, CardBrand | undefined>();
const BRAND_CACHE_LIMIT = 256;

/**
 * The brand the first digits belong to, or `undefined` when they match no known range. The
 * library orders matches most specific first, so with 6-8 digits the first match is the answer.
 */
export function brandFromPrefix(bin: string): CardBrand | undefined {
  if (brandCache.has(bin)) return brandCache.get(bin);
  const [best] = creditCardType(bin);
  const brand = best ? (LIBRARY_BRANDS[best.type] ?? 'other') : undefined;
  if (brandCache.size >= BRAND_CACHE_LIMIT) brandCache.clear();
  brandCache.set(bin, brand);
  return brand;
}

/**
 * Whether a postal code has the shape used in the billing country. `undefined` when the
 * library has no rule for that country (Hong Kong has no postal codes, for instance), so no
 * conclusion is drawn.
 */
export function postalCodeFitsCountry(postalCode: string, country: string): boolean | undefined {
  if (!postcodeValidatorExistsForCountry(country)) return undefined;
  try {
    return postcodeValidator(postalCode, country);
  } catch {
    return undefined;
  }
}

/**
 * Whether a card with this `YYYY-MM` expiry has expired at `now`. A card is valid through the
 * last day of its expiry month; the month is compared in UTC, and a card expiring this month
 * counts as valid, so the answer errs towards not accusing the person of a typo.
 */
export function isExpired(expiry: string, now: Date): boolean {
  const [year, month] = expiry.split('-').map(Number);
  if (!year || !month) return false;
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  return year * 12 + (month - 1) < current;
}
