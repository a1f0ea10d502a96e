/**
 * Where a card was probably issued, when the person left the issuing country blank: from first
 * digits that belong to one mainland bank's domestic UnionPay range, or from a well-known bank
 * name. Nothing is looked up online; both tables are small, dated and sourced below.
 *
 * An inferred country is weaker evidence than a stated one (`diagnose` lowers every rule that
 * uses it by one step) and is always shown as inferred, with what it was inferred from.
 */

import { brandFromPrefix } from './cardFacts';
import type { CardBrand } from './report';

/** How an issuing country was inferred. */
export type InferenceBasis = 'bin' | 'bank-name';

/** An issuing country the person did not state, and what it was inferred from. */
export interface InferredIssuer {
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
  readonly basis: InferenceBasis;
  /** The six digits or the bank, as shown to the person (never more than six digits). */
  readonly detail: string;
}

/**
 * Six-digit UnionPay BINs of mainland-China banks' domestic cards, as of 2026-12-01: taken from
 * the public repository hexindai/bcbc ("China UnionPay bank card BIN checker"), `data/bin.csv`
 * at commit 0abf86a2f8903587826165c691742bcfb36769e2; the China Merchants Bank rows agree with
 * sirencode/BankBin `banks/ZhaoShangBank.java`. Only the six large state-owned banks and China
 * Merchants Bank are kept, and only 62xxxx ranges: a 62 prefix alone is not enough, since
 * UnionPay cards are also issued in Hong Kong, Macao, Singapore and elsewhere.
 */
export const MAINLAND_UNIONPAY_BINS: Readonly<Record<string, readonly string[]>> = {
  ICBC: ['620058', '621225', '621226', '621227', '621288', '621558', '621559', '621670', '622200', '622202', '622203', '622208'],
  ABC: ['620059', '621282', '621336', '621619', '621671', '622821', '622822', '622823', '622824', '622825', '622826', '622827',
    '622828', '622841', '622843', '622844', '622845', '622846', '622847', '622848', '622849', '623052'],
  BOC: ['620061', '621283', '621330', '621331', '621332', '621568', '621569', '621620', '621660', '621661', '621662', '621663',
    '621666', '621667', '621668', '621669', '621725', '621756', '621757', '621758', '621759', '621785', '621786', '621787',
    '621788', '621789', '621790'],
  CCB: ['620060', '621081', '621284', '621467', '621598', '621621', '621673', '621700', '622166', '622168', '622280', '622675',
    '622676', '622677', '622700'],
  COMM: ['621069', '622251', '622252', '622253', '622258', '622259', '622260', '622261', '622262', '622285', '622656'],
  CMB: ['621286', '621483', '621485', '621486', '622575', '622576', '622577', '622578', '622579', '622580', '622581', '622582',
    '622588', '622598', '622609'],
  PSBC: ['620062', '621095', '621096', '621098', '621285', '621599', '621674', '621797', '621798', '621799', '622150', '622151',
    '622181', '622182', '622187', '622188', '622189'],
};

/** The date the tables in this file were last checked against their sources. */
export const ISSUER_TABLES_AS_OF = '2026-12-01';

const BIN_TO_BANK: ReadonlyMap<string, string> = new Map(
  Object.entries(MAINLAND_UNIONPAY_BINS).flatMap(([bank, bins]) => bins.map((bin) => [bin, bank] as const)),
);

/**
 * Bank names to the country of issue, tried in order; the first that matches wins. Names are
 * matched after {@link normalizeBankName}, so Traditional and Simplified script, full-width
 * letters and case all read alike. Subsidiaries outside the mainland come first: "Bank of
 * China (Hong Kong)" contains "Bank of China", "ICBC (Asia)" contains "ICBC". A name that
 * only says "HSBC" or "Standard Chartered" is left alone: those banks issue in many places.
 * Sources: each bank's own English and Chinese legal names.
 */
const BANK_NAME_RULES: readonly { country: string; pattern: RegExp }[] = [
  // A place named in the bank's name: "HSBC HK", "中銀香港", "Bank of China (Macau)".
  { country: 'HK', pattern: /香港|hong ?kong|(?:^|[^a-z])hk(?![a-z])|恒生|hang ?seng|工银亚洲|建行亚洲|icbc ?\(?asia|ccb ?\(?asia|citic bank international|中信银行国际/ },
  { country: 'MO', pattern: /澳门|macau|macao|大西洋银行|banco nacional ultramarino/ },
  { country: 'TW', pattern: /台湾|taiwan|中国信托|ctbc|国泰世华|cathay united|玉山银行|e\.? ?sun bank|台新|taishin/ },
  {
    country: 'CN',
    pattern: new RegExp(
      [
        '招商银行', 'china merchants bank',
        '中国银行', 'bank of china',
        '工商银行', 'industrial and commercial bank', '(?:^|[^a-z])icbc(?![a-z])',
        '建设银行', 'china construction bank',
        '农业银行', 'agricultural bank of china',
        '交通银行', 'bank of communications', 'bocom',
        '邮政储蓄', '邮储银行', 'postal savings bank',
        '中信银行', 'china citic bank',
        '浦发银行', '浦东发展银行', 'pudong development bank',
        '民生银行', 'minsheng bank',
        '兴业银行', '平安银行', 'ping ?an bank',
        '光大银行', 'everbright bank', '广发银行', 'guangfa bank', '华夏银行', 'hua ?xia bank',
      ].join('|'),
    ),
  },
];

// The Traditional characters the names above use, folded to Simplified.
const TRADITIONAL = '銀國設農業滙匯豐託灣門儲發亞東廣華興臺郵際恆蓄資建';
const SIMPLIFIED = '银国设农业汇汇丰托湾门储发亚东广华兴台邮际恒蓄资建';
const TO_SIMPLIFIED: ReadonlyMap<string, string> = new Map([...TRADITIONAL].map((char, index) => [char, SIMPLIFIED[index] ?? char]));

/** The report caps an issuer name at 120 characters; nothing longer is read. */
const MAX_NAME_LENGTH = 120;

/** A bank name as matched: NFKC, lower case, Simplified script, single spaces, no full-width brackets. */
export function normalizeBankName(name: string): string {
  let out = '';
  for (const char of name.slice(0, MAX_NAME_LENGTH).normalize('NFKC').toLowerCase()) out += TO_SIMPLIFIED.get(char) ?? char;
  return out.replace(/\s+/g, ' ').trim();
}

/** The mainland bank a six-digit prefix belongs to, per {@link MAINLAND_UNIONPAY_BINS}. */
export function mainlandBankOfBin(bin: string): string | undefined {
  return BIN_TO_BANK.get(bin.slice(0, 6));
}

/** The country a bank name points to, or `undefined` when the name is unknown or ambiguous. */
export function countryOfBankName(name: string): string | undefined {
  const normalized = normalizeBankName(name);
  if (!normalized) return undefined;
  return BANK_NAME_RULES.find((rule) => rule.pattern.test(normalized))?.country;
}

/**
 * The issuing country inferred from the card's first digits, else from the bank's name.
 * The digits win when both speak: they are the issuer's own numbering, the name is typed.
 */
export function inferIssuerCountry(card: { bin?: string; issuerName?: string } | undefined): InferredIssuer | undefined {
  if (!card) return undefined;
  if (card.bin && mainlandBankOfBin(card.bin)) return { country: 'CN', basis: 'bin', detail: card.bin.slice(0, 6) };
  if (card.issuerName) {
    const country = countryOfBankName(card.issuerName);
    if (country) return { country, basis: 'bank-name', detail: card.issuerName.slice(0, MAX_NAME_LENGTH) };
  }
  return undefined;
}

/**
 * What a default was inferred from, strongest first: the card's first digits, the bank's name,
 * the brand alone. A brand is the weakest: UnionPay cards are mostly mainland-issued, but Hong
 * Kong, Macao, Taiwan and other places issue them too.
 */
export type CardDefaultBasis = InferenceBasis | 'brand';

/** One inferred default and what it rests on, to be shown as inferred and confirmed by the person. */
export interface InferredDefault<T> {
  readonly value: T;
  readonly basis: CardDefaultBasis;
}

/** The defaults {@link inferCardDefaults} can fill in. */
export interface CardDefaults {
  /** The brand the first digits belong to; basis is always `bin`. */
  readonly brand?: InferredDefault<CardBrand>;
  /** The likely issuing country (ISO 3166-1 alpha-2), not a certain one. */
  readonly issuerCountry?: InferredDefault<string>;
}

/**
 * Brands that point to one issuing country on their own. Only UnionPay: most UnionPay cards
 * are issued in mainland China (the article's example). JCB is left out: it is issued widely
 * outside Japan, so guessing Japan would mislead more often than help.
 */
const BRAND_COUNTRY: Readonly<Partial<Record<CardBrand, string>>> = { unionpay: 'CN' };

/** Fewer digits than this name no brand reliably: a lone `6` is Discover, UnionPay and more. */
const MIN_BRAND_DIGITS = 2;

/** At most this many digits are looked at: the report keeps 6-8, and a brand needs no more. */
const MAX_BRAND_DIGITS = 8;

/**
 * The defaults the wizard and the form offer for a card from what the person has typed so far:
 * the brand from the first digits (two or more), and the likely issuing country from the first
 * digits (a mainland bank's range, {@link MAINLAND_UNIONPAY_BINS}), else the bank's name, else
 * the brand (the stated one, else the one from the digits). Only ASCII digits are read from
 * `bin`, at most eight; a stated brand is not overridden here, only the country follows it.
 * Example: `{ bin: '625000' }` → brand unionpay by `bin`, country CN by `brand`;
 * `{ bin: '621483' }` → country CN by `bin`; `{ issuerName: '招商银行' }` → CN by `bank-name`.
 */
export function inferCardDefaults(card: { bin?: string; brand?: CardBrand; issuerName?: string } | undefined): CardDefaults {
  if (!card) return {};
  const digits = (card.bin ?? '').slice(0, MAX_BRAND_DIGITS * 4).replace(/\D/g, '').slice(0, MAX_BRAND_DIGITS);
  const detected = digits.length >= MIN_BRAND_DIGITS ? brandFromPrefix(digits) : undefined;
  const brand: InferredDefault<CardBrand> | undefined = detected ? { value: detected, basis: 'bin' } : undefined;
  const issuer = inferIssuerCountry({ bin: digits.length >= 6 ? digits : undefined, issuerName: card.issuerName });
  if (issuer) return { brand, issuerCountry: { value: issuer.country, basis: issuer.basis } };
  const brandCountry = BRAND_COUNTRY[card.brand && card.brand !== 'unknown' ? card.brand : (detected ?? 'unknown')];
  return { brand, issuerCountry: brandCountry ? { value: brandCountry, basis: 'brand' } : undefined };
}
