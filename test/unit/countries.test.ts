import assert from 'node:assert/strict';
import {
  ISO_COUNTRY_CODES,
  countryName,
  countryOptions,
  isCountryCode,
  rankedCountryOptions,
  type CountryNameLanguage,
} from '../../src/core/countries';
import {
  SUPPORTED_REGIONS,
  isSupportedRegion,
  supportedRegionsAsOf,
} from '../../src/core/supportedRegions';

const LANGUAGES: readonly CountryNameLanguage[] = ['en', 'zh-cn'];

/** ISO 3166-1 alpha-2 (249 codes) plus XK, written out here rather than read from the module. */
const EXPECTED_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

describe('countries', () => {
  it('lists the 249 ISO 3166-1 alpha-2 codes plus XK, upper case, each once', () => {
    assert.equal(EXPECTED_CODES.length, 250);
    assert.deepEqual(ISO_COUNTRY_CODES, EXPECTED_CODES);
  });

  it('accepts upper-case ISO codes only', () => {
    for (const code of ['US', 'CN', 'TW', 'HK', 'XK']) {
      assert.equal(isCountryCode(code), true, code);
    }
    // ZZ is "unknown region" to ICU; EU and UK are reserved, not countries.
    for (const code of ['ZZ', 'cn', 'CHN', 'EU', 'UK', '', 'U']) {
      assert.equal(isCountryCode(code), false, code);
    }
  });

  it('names countries in Chinese and English', () => {
    assert.equal(countryName('CN', 'zh-cn'), '中国');
    assert.equal(countryName('US', 'en'), 'United States');
  });

  it('has a real name for every code in both languages, so Intl covers them all', () => {
    for (const lang of LANGUAGES) {
      for (const code of ISO_COUNTRY_CODES) {
        const name = countryName(code, lang);
        assert.notEqual(name, code, `${code} in ${lang}`);
        assert.ok(name.length > 0, `${code} in ${lang}`);
      }
    }
  });

  it('falls back to the code for anything that is not a country code', () => {
    assert.equal(countryName('ZZ', 'en'), 'ZZ');
    assert.equal(countryName('CHN', 'zh-cn'), 'CHN');
    assert.equal(countryName('cn', 'en'), 'cn');
  });

  it('offers every code once, sorted by name in each language', () => {
    for (const lang of LANGUAGES) {
      assert.deepEqual(countryOptions(lang).map((o) => o.code).sort(), EXPECTED_CODES, `codes in ${lang}`);
    }
    // The ends of each list, written out: accents and case folded in English, pinyin in Chinese.
    const names = (lang: CountryNameLanguage) => countryOptions(lang).map((o) => o.name);
    assert.deepEqual(names('en').slice(0, 6), ['Afghanistan', 'Åland Islands', 'Albania', 'Algeria', 'American Samoa', 'Andorra']);
    assert.deepEqual(names('en').slice(-6), ['Vietnam', 'Wallis & Futuna', 'Western Sahara', 'Yemen', 'Zambia', 'Zimbabwe']);
    assert.deepEqual(names('zh-cn').slice(0, 6), ['阿尔巴尼亚', '阿尔及利亚', '阿富汗', '阿根廷', '阿拉伯联合酋长国', '阿鲁巴']);
    assert.deepEqual(names('zh-cn').slice(-6), ['泽西岛', '乍得', '直布罗陀', '智利', '中非共和国', '中国']);
  });

  it('sorts Chinese names by pinyin', () => {
    const names = countryOptions('zh-cn').map((o) => o.name);
    // 阿 (a) comes before 德 (de), which comes before 中 (zhong).
    assert.ok(names.indexOf('阿根廷') < names.indexOf('德国'));
    assert.ok(names.indexOf('德国') < names.indexOf('中国'));
  });
});

describe('rankedCountryOptions', () => {
  it('starts with the inferred country, then the likely ones, in Chinese', () => {
    const { likely, others } = rankedCountryOptions('zh-cn', 'CN');
    assert.deepEqual(
      likely.map((o) => o.name),
      ['中国', '香港', '澳门', '台湾', '美国', '新加坡', '日本', '英国'],
    );
    assert.equal(others[0]!.name, '阿尔巴尼亚');
    assert.ok(!others.some((o) => o.code === 'CN'));
  });

  it('puts an inferred country outside the short list first, each code once', () => {
    for (const lang of LANGUAGES) {
      const { likely, others } = rankedCountryOptions(lang, 'DE');
      assert.deepEqual(likely.map((o) => o.code), ['DE', 'CN', 'HK', 'MO', 'TW', 'US', 'SG', 'JP', 'GB']);
      const all = [...likely, ...others].map((o) => o.code);
      assert.deepEqual([...all].sort(), EXPECTED_CODES, lang);
    }
  });

  it('never opens a UnionPay card’s list at Afghanistan', () => {
    const { likely } = rankedCountryOptions('en', 'CN');
    assert.equal(likely[0]!.name, 'China');
    assert.notEqual(likely[0]!.name, 'Afghanistan');
  });

  it('ignores a first code that is not a country', () => {
    assert.deepEqual(rankedCountryOptions('en', 'ZZ').likely.map((o) => o.code), ['CN', 'HK', 'MO', 'TW', 'US', 'SG', 'JP', 'GB']);
    assert.deepEqual(rankedCountryOptions('en').likely[0], { code: 'CN', name: 'China' });
  });

  it('sorts the rest by pinyin in Chinese and alphabetically in English', () => {
    const zh = rankedCountryOptions('zh-cn', 'CN').others.map((o) => o.name);
    assert.ok(zh.indexOf('阿根廷') < zh.indexOf('德国'));
    assert.ok(zh.indexOf('德国') < zh.indexOf('赞比亚'));
    const en = rankedCountryOptions('en', 'CN').others.map((o) => o.name);
    assert.equal(en[0], 'Afghanistan');
    assert.ok(en.indexOf('Germany') < en.indexOf('Zambia'));
  });
});

describe('supportedRegions', () => {
  it('holds only valid ISO codes', () => {
    for (const code of SUPPORTED_REGIONS.countries) {
      assert.equal(isCountryCode(code), true, code);
    }
  });

  it('holds the 196 countries and territories of the snapshot', () => {
    assert.equal(SUPPORTED_REGIONS.countries.size, 196);
  });

  it('leaves out mainland China, Hong Kong, Macao and sanctioned countries', () => {
    for (const code of ['CN', 'HK', 'MO', 'RU', 'IR', 'KP', 'CU', 'SY', 'BY', 'VE']) {
      assert.equal(isSupportedRegion(code), false, code);
    }
  });

  it('includes the United States, United Kingdom, Japan, Singapore, Taiwan and Germany', () => {
    for (const code of ['US', 'GB', 'JP', 'SG', 'TW', 'DE']) {
      assert.equal(isSupportedRegion(code), true, code);
    }
  });

  it('expects normalised upper-case codes', () => {
    assert.equal(isSupportedRegion('us'), false);
  });

  it('says when and where the snapshot was taken', () => {
    assert.equal(SUPPORTED_REGIONS.asOf, '2026-01-24');
    assert.equal(supportedRegionsAsOf(), '2026-01-24');
    assert.equal(SUPPORTED_REGIONS.source, 'https://platform.openai.com/docs/supported-countries');
    assert.match(SUPPORTED_REGIONS.note, /^Countries from a stored copy of the platform page fetched 2026-01-24 /);
  });
});
