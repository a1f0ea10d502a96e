/**
 * A dated snapshot of where OpenAI supports access to ChatGPT and its API. The extension cannot
 * ask OpenAI at run time (it sends nothing anywhere), so it carries the list and says how old it
 * is: a finding of `region-unsupported` quotes {@link supportedRegionsAsOf} so the person knows
 * to check the live page before acting on it.
 *
 * How the list was obtained (2026-11-27, from stored public copies; the live page was not
 * reachable from where this was written):
 * - The one complete copy found is of https://platform.openai.com/docs/supported-countries.md,
 *   fetched 2026-01-24 (the fetch date is in the copy's front matter) and kept in the public
 *   repository quantmind-br/library-docs as `openai/105-docs-supported-countries.md`. Its 188
 *   entries are {@link LISTED_2026_01_24}, one per line with the page's own wording. They match
 *   the countries in zed-industries/zed `crates/open_ai/src/supported_countries.rs`, an
 *   independent copy that also lists dependent territories.
 * - OpenAI's help centre has since merged the ChatGPT and API lists into one article,
 *   https://help.openai.com/en/articles/7947663-chatgpt-and-openai-api-supported-countries-and-territories,
 *   and the later copies of it (and of article 5347006, plus a Chinese mirror on w3cschool.cn
 *   marked updated 2026-11-10) add dependent territories. Only their first part, up to the
 *   letter F, could be read; the territories seen there are {@link TERRITORIES_SEEN_LATER}.
 *   Territories later in the alphabet (Puerto Rico, Guam, the Virgin Islands…) may be supported
 *   now but are left out, so "not on the list" for a territory is weak evidence.
 * So the list is complete as of 2026-01-24 for countries, and partial for territories after it.
 */

/** Every entry of the 2026-01-24 copy of the platform page, in the page's order and wording. */
const LISTED_2026_01_24: readonly string[] = [
  'AL', // Albania
  'DZ', // Algeria
  'AF', // Afghanistan
  'AD', // Andorra
  'AO', // Angola
  'AG', // Antigua and Barbuda
  'AR', // Argentina
  'AM', // Armenia
  'AU', // Australia
  'AT', // Austria
  'AZ', // Azerbaijan
  'BS', // Bahamas
  'BH', // Bahrain
  'BD', // Bangladesh
  'BB', // Barbados
  'BE', // Belgium
  'BZ', // Belize
  'BJ', // Benin
  'BT', // Bhutan
  'BO', // Bolivia
  'BA', // Bosnia and Herzegovina
  'BW', // Botswana
  'BR', // Brazil
  'BN', // Brunei
  'BG', // Bulgaria
  'BF', // Burkina Faso
  'BI', // Burundi
  'CV', // Cabo Verde
  'KH', // Cambodia
  'CM', // Cameroon
  'CA', // Canada
  'CF', // Central African Republic
  'TD', // Chad
  'CL', // Chile
  'CO', // Colombia
  'KM', // Comoros
  'CG', // Congo (Brazzaville)
  'CD', // Congo (DRC)
  'CR', // Costa Rica
  'CI', // Côte d'Ivoire
  'HR', // Croatia
  'CY', // Cyprus
  'CZ', // Czechia (Czech Republic)
  'DK', // Denmark
  'DJ', // Djibouti
  'DM', // Dominica
  'DO', // Dominican Republic
  'EC', // Ecuador
  'EG', // Egypt
  'SV', // El Salvador
  'GQ', // Equatorial Guinea
  'ER', // Eritrea
  'EE', // Estonia
  'SZ', // Eswatini (Swaziland)
  'ET', // Ethiopia
  'FJ', // Fiji
  'FI', // Finland
  'FR', // France
  'GA', // Gabon
  'GM', // Gambia
  'GE', // Georgia
  'DE', // Germany
  'GH', // Ghana
  'GR', // Greece
  'GD', // Grenada
  'GT', // Guatemala
  'GN', // Guinea
  'GW', // Guinea-Bissau
  'GY', // Guyana
  'HT', // Haiti
  'VA', // Holy See (Vatican City)
  'HN', // Honduras
  'HU', // Hungary
  'IS', // Iceland
  'IN', // India
  'ID', // Indonesia
  'IQ', // Iraq
  'IE', // Ireland
  'IL', // Israel
  'IT', // Italy
  'JM', // Jamaica
  'JP', // Japan
  'JO', // Jordan
  'KZ', // Kazakhstan
  'KE', // Kenya
  'KI', // Kiribati
  'KW', // Kuwait
  'KG', // Kyrgyzstan
  'LA', // Laos
  'LV', // Latvia
  'LB', // Lebanon
  'LS', // Lesotho
  'LR', // Liberia
  'LY', // Libya
  'LI', // Liechtenstein
  'LT', // Lithuania
  'LU', // Luxembourg
  'MG', // Madagascar
  'MW', // Malawi
  'MY', // Malaysia
  'MV', // Maldives
  'ML', // Mali
  'MT', // Malta
  'MH', // Marshall Islands
  'MR', // Mauritania
  'MU', // Mauritius
  'MX', // Mexico
  'FM', // Micronesia
  'MD', // Moldova
  'MC', // Monaco
  'MN', // Mongolia
  'ME', // Montenegro
  'MA', // Morocco
  'MZ', // Mozambique
  'MM', // Myanmar
  'NA', // Namibia
  'NR', // Nauru
  'NP', // Nepal
  'NL', // Netherlands
  'NZ', // New Zealand
  'NI', // Nicaragua
  'NE', // Niger
  'NG', // Nigeria
  'MK', // North Macedonia
  'NO', // Norway
  'OM', // Oman
  'PK', // Pakistan
  'PW', // Palau
  'PS', // Palestine
  'PA', // Panama
  'PG', // Papua New Guinea
  'PY', // Paraguay
  'PE', // Peru
  'PH', // Philippines
  'PL', // Poland
  'PT', // Portugal
  'QA', // Qatar
  'RO', // Romania
  'RW', // Rwanda
  'KN', // Saint Kitts and Nevis
  'LC', // Saint Lucia
  'VC', // Saint Vincent and the Grenadines
  'WS', // Samoa
  'SM', // San Marino
  'ST', // Sao Tome and Principe
  'SA', // Saudi Arabia
  'SN', // Senegal
  'RS', // Serbia
  'SC', // Seychelles
  'SL', // Sierra Leone
  'SG', // Singapore
  'SK', // Slovakia
  'SI', // Slovenia
  'SB', // Solomon Islands
  'SO', // Somalia
  'ZA', // South Africa
  'KR', // South Korea
  'SS', // South Sudan
  'ES', // Spain
  'LK', // Sri Lanka
  'SR', // Suriname
  'SE', // Sweden
  'CH', // Switzerland
  'SD', // Sudan
  'TW', // Taiwan
  'TJ', // Tajikistan
  'TZ', // Tanzania
  'TH', // Thailand
  'TL', // Timor-Leste (East Timor)
  'TG', // Togo
  'TO', // Tonga
  'TT', // Trinidad and Tobago
  'TN', // Tunisia
  'TR', // Turkey
  'TM', // Turkmenistan
  'TV', // Tuvalu
  'UG', // Uganda
  'UA', // Ukraine (with certain exceptions): occupied regions are excluded, which a country
  //    code cannot express, so UA counts as supported.
  'AE', // United Arab Emirates
  'GB', // United Kingdom
  'US', // United States of America
  'UY', // Uruguay
  'UZ', // Uzbekistan
  'VU', // Vanuatu
  'VN', // Vietnam
  'YE', // Yemen
  'ZM', // Zambia
  'ZW', // Zimbabwe
];

/** Territories seen at the start of the later, merged help-centre list; see the module comment. */
const TERRITORIES_SEEN_LATER: readonly string[] = [
  'AX', // Aland Islands
  'AW', // Aruba
  'BM', // Bermuda
  'KY', // Cayman Islands
  'FO', // Faroe Islands
  'GF', // French Guiana
  'PF', // French Polynesia
  'TF', // French Southern Territories
];

/** The shape of {@link SUPPORTED_REGIONS}: a list of codes and where it came from. */
export interface SupportedRegionsSnapshot {
  /** ISO date of the copy the list was taken from. */
  readonly asOf: string;
  /** The page the list reproduces. */
  readonly source: string;
  /** How the copy was obtained and what it may be missing, in English for logs and reports. */
  readonly note: string;
  /** ISO 3166-1 alpha-2 codes, upper case. */
  readonly countries: ReadonlySet<string>;
}

/**
 * OpenAI's supported countries and territories as of {@link SupportedRegionsSnapshot.asOf}.
 * Mainland China, Hong Kong, Macao, Russia, Iran, North Korea, Cuba, Syria, Belarus and
 * Venezuela are not on it; Taiwan is.
 */
export const SUPPORTED_REGIONS: SupportedRegionsSnapshot = Object.freeze({
  asOf: '2026-01-24',
  source: 'https://platform.openai.com/docs/supported-countries',
  note:
    'Countries from a stored copy of the platform page fetched 2026-01-24 (public repository ' +
    'quantmind-br/library-docs, openai/105-docs-supported-countries.md). Added: AX, AW, BM, KY, ' +
    'FO, GF, PF, TF, seen in a later partial copy of the merged help-centre list ' +
    '(help.openai.com article 7947663); territories after F in that list could not be read and ' +
    'are missing. Ukraine is supported with exceptions (occupied regions).',
  countries: new Set([...LISTED_2026_01_24, ...TERRITORIES_SEEN_LATER]),
});

/**
 * Whether `code` (ISO 3166-1 alpha-2, upper case) is on {@link SUPPORTED_REGIONS}. Lower-case
 * input is not recognised: the schema normalises codes before they get here.
 */
export function isSupportedRegion(code: string): boolean {
  return SUPPORTED_REGIONS.countries.has(code);
}

/** The ISO date of the snapshot, for messages like "per OpenAI's list as of …". */
export function supportedRegionsAsOf(): string {
  return SUPPORTED_REGIONS.asOf;
}
