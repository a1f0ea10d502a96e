/**
 * Country codes and their names in the extension's two languages. The card form, the schema and
 * the region check all speak ISO 3166-1 alpha-2, because that is what issuers, BIN tables and the
 * payment processor report; names are looked up from the runtime's CLDR data rather than shipped,
 * so they follow the conventions a Chinese or English reader expects without a translation table.
 */

/** The languages country names are shown in; the ids match VS Code's `vscode.env.language`. */
export type CountryNameLanguage = 'en' | 'zh-cn' | 'zh-tw';

/** One entry of the searchable country list. */
export interface CountryOption {
  /** ISO 3166-1 alpha-2 code, upper case. */
  readonly code: string;
  /** The country's name in the requested language. */
  readonly name: string;
}

/**
 * Every officially assigned ISO 3166-1 alpha-2 code (249), upper case, plus `XK` (Kosovo).
 * A literal list, not derived from `Intl`, because ICU also names reserved and withdrawn codes
 * (`EU`, `UK`, `SU`, `AC`…) that no card is issued under.
 */
export const ISO_COUNTRY_CODES: readonly string[] = Object.freeze([
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW',
  'AX', 'AZ',
  'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ',
  'BR', 'BS', 'BT', 'BV', 'BW', 'BY', 'BZ',
  'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU',
  'CV', 'CW', 'CX', 'CY', 'CZ',
  'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ',
  'EC', 'EE', 'EG', 'EH', 'ER', 'ES', 'ET',
  'FI', 'FJ', 'FK', 'FM', 'FO', 'FR',
  'GA', 'GB', 'GD', 'GE', 'GF', 'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR',
  'GS', 'GT', 'GU', 'GW', 'GY',
  'HK', 'HM', 'HN', 'HR', 'HT', 'HU',
  'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT',
  'JE', 'JM', 'JO', 'JP',
  'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ',
  'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY',
  'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MO', 'MP', 'MQ',
  'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ',
  'NA', 'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ',
  'OM',
  'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY',
  'QA',
  'RE', 'RO', 'RS', 'RU', 'RW',
  'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO',
  'SR', 'SS', 'ST', 'SV', 'SX', 'SY', 'SZ',
  'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV',
  'TW', 'TZ',
  'UA', 'UG', 'UM', 'US', 'UY', 'UZ',
  'VA', 'VC', 'VE', 'VG', 'VI', 'VN', 'VU',
  'WF', 'WS',
  // Kosovo: user-assigned, not ISO 3166-1, but card networks and processors use it for
  // Kosovo-issued cards and addresses, so the form must be able to record it.
  'XK',
  'YE', 'YT',
  'ZA', 'ZM', 'ZW',
]);

const COUNTRY_CODE_SET: ReadonlySet<string> = new Set(ISO_COUNTRY_CODES);

/**
 * Whether `code` is one of {@link ISO_COUNTRY_CODES}. Case-sensitive on purpose: the schema
 * upper-cases input first, so a lower-case code here means a caller skipped normalisation.
 */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODE_SET.has(code);
}

// VS Code names the language 'zh-cn'; ICU wants a BCP 47 tag.
// Traditional Chinese as Taiwan writes it (台灣, 澳門): ICU's own names, not a conversion of the Simplified ones.
const INTL_LOCALE: Readonly<Record<CountryNameLanguage, string>> = { en: 'en', 'zh-cn': 'zh-CN', 'zh-tw': 'zh-Hant-TW' };

// Built on first use, once per language: constructing these loads ICU data (~20 ms), which the
// extension must not pay at activation; lookups afterwards are cheap. A runtime without ICU
// region data (a small-icu Node, say) gets undefined and shows codes.
const regionNames = new Map<CountryNameLanguage, Intl.DisplayNames | undefined>();
const nameCollators = new Map<CountryNameLanguage, Intl.Collator>();

function regionNamesFor(lang: CountryNameLanguage): Intl.DisplayNames | undefined {
  if (!regionNames.has(lang)) {
    let names: Intl.DisplayNames | undefined;
    try {
      // Chinese in ICU's short style: 香港 and 澳门/澳門, as Hong Kong, Macau, Taiwan and mainland
      // readers write and type them, not 中国香港特别行政区 (a typed 香港 must find HK). English
      // keeps the long style, whose short one abbreviates (US, UK).
      names = new Intl.DisplayNames([INTL_LOCALE[lang]], { type: 'region', fallback: 'code', ...(lang === 'en' ? {} : { style: 'short' as const }) });
    } catch {
      names = undefined;
    }
    regionNames.set(lang, names);
  }
  return regionNames.get(lang);
}

// The zh-CN collation orders by pinyin, which is how a mainland reader scans a long list; zh-Hant-TW
// orders by stroke count, as Taiwan's lists do.
function collatorFor(lang: CountryNameLanguage): Intl.Collator {
  let collator = nameCollators.get(lang);
  if (!collator) {
    collator = new Intl.Collator(INTL_LOCALE[lang]);
    nameCollators.set(lang, collator);
  }
  return collator;
}

/**
 * The name of country `code` in `lang` (`countryName('CN', 'zh-cn')` is `中国`). Returns the code
 * itself for anything that is not in {@link ISO_COUNTRY_CODES}, or when the runtime has no name
 * for it, so a caller always has something printable.
 */
export function countryName(code: string, lang: CountryNameLanguage): string {
  if (!isCountryCode(code)) {
    return code;
  }
  try {
    return regionNamesFor(lang)?.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Every code of {@link ISO_COUNTRY_CODES} with its name in `lang`, sorted by name in that
 * language's collation (pinyin for `zh-cn`), for the form's searchable country picker.
 * A fresh array each call, so callers may filter or mutate it.
 */
export function countryOptions(lang: CountryNameLanguage): CountryOption[] {
  const collator = collatorFor(lang);
  return ISO_COUNTRY_CODES.map((code) => ({ code, name: countryName(code, lang) })).sort(
    (a, b) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/**
 * The countries offered first, in this order, after an inferred one: mainland China, Hong Kong,
 * Macao and Taiwan, where the people this extension is for live and bank (the domain page's
 * "who uses the extension"); then the United States, Singapore, Japan and the United Kingdom,
 * the usual issuers of virtual and foreign cards and the usual VPN exit countries. A short list
 * on purpose: it saves scrolling, it is not a claim about any one person.
 */
export const LIKELY_COUNTRIES: readonly string[] = Object.freeze(['CN', 'HK', 'MO', 'TW', 'US', 'SG', 'JP', 'GB']);

/** The country picker's list: the likely countries first, then all the others by name. */
export interface RankedCountryOptions {
  /** `first` (when it is a country code) and then {@link LIKELY_COUNTRIES}, each once, in that order. */
  readonly likely: CountryOption[];
  /** Every other code, sorted by name in the language's collation (pinyin for `zh-cn`). */
  readonly others: CountryOption[];
}

/**
 * {@link countryOptions} split for a picker that should open on the likely answer: `first`
 * (an inferred or earlier answer) heads the likely group, so a UnionPay card's list starts
 * with China rather than Afghanistan (阿富汗, first by pinyin too). Every code appears once.
 */
export function rankedCountryOptions(lang: CountryNameLanguage, first?: string): RankedCountryOptions {
  const leading = first && isCountryCode(first) ? [first] : [];
  const likelyCodes = [...new Set([...leading, ...LIKELY_COUNTRIES])];
  const likelySet = new Set(likelyCodes);
  return {
    likely: likelyCodes.map((code) => ({ code, name: countryName(code, lang) })),
    others: countryOptions(lang).filter((option) => !likelySet.has(option.code)),
  };
}
