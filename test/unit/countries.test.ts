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

describe('countries', () => {
  it('lists the 249 ISO 3166-1 alpha-2 codes plus XK, upper case, each once', () => {
    assert.equal(ISO_COUNTRY_CODES.length, 250);
    assert.equal(new Set(ISO_COUNTRY_CODES).size, ISO_COUNTRY_CODES.length);
    for (const code of ISO_COUNTRY_CODES) {
      assert.match(code, /^[A-Z]{2}$/);
    }
    assert.ok(ISO_COUNTRY_CODES.includes('XK'));
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
      const options = countryOptions(lang);
      assert.deepEqual(
        options.map((o) => o.code).sort(),
        [...ISO_COUNTRY_CODES].sort(),
        `codes in ${lang}`,
      );
      const collator = new Intl.Collator(lang === 'zh-cn' ? 'zh-CN' : 'en');
      for (let i = 1; i < options.length; i++) {
        const prev = options[i - 1]!;
        const cur = options[i]!;
        assert.ok(collator.compare(prev.name, cur.name) <= 0, `${prev.name} before ${cur.name}`);
      }
    }
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
      ['中国', '中国香港特别行政区', '中国澳门特别行政区', '台湾', '美国', '新加坡', '日本', '英国'],
    );
    assert.equal(others[0]!.name, '阿尔巴尼亚');
    assert.ok(!others.some((o) => o.code === 'CN'));
  });

  it('puts an inferred country outside the short list first, each code once', () => {
    for (const lang of LANGUAGES) {
      const { likely, others } = rankedCountryOptions(lang, 'DE');
      assert.deepEqual(likely.map((o) => o.code), ['DE', 'CN', 'HK', 'MO', 'TW', 'US', 'SG', 'JP', 'GB']);
      const all = [...likely, ...others].map((o) => o.code);
      assert.deepEqual([...all].sort(), [...ISO_COUNTRY_CODES].sort(), lang);
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

  it('has a plausible size', () => {
    const size = SUPPORTED_REGIONS.countries.size;
    assert.ok(size >= 150 && size <= 249, `size ${size}`);
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
    assert.match(SUPPORTED_REGIONS.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(!Number.isNaN(Date.parse(SUPPORTED_REGIONS.asOf)));
    assert.equal(supportedRegionsAsOf(), SUPPORTED_REGIONS.asOf);
    assert.match(SUPPORTED_REGIONS.source, /^https:\/\/platform\.openai\.com\//);
    assert.ok(SUPPORTED_REGIONS.note.length > 0);
  });
});
