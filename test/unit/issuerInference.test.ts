import assert from 'node:assert/strict';
import { inferCardDefaults } from '../../src/core/issuerInference';

describe('inferCardDefaults', () => {
  it('infers UnionPay and China from a mainland bank’s first digits', () => {
    assert.deepEqual(inferCardDefaults({ bin: '621483' }), {
      brand: { value: 'unionpay', basis: 'bin' },
      issuerCountry: { value: 'CN', basis: 'bin' },
    });
    assert.deepEqual(inferCardDefaults({ bin: '62148300' }), {
      brand: { value: 'unionpay', basis: 'bin' },
      issuerCountry: { value: 'CN', basis: 'bin' },
    });
  });

  it('infers UnionPay from 62 alone, and China from the brand only, the weakest basis', () => {
    assert.deepEqual(inferCardDefaults({ bin: '62' }), {
      brand: { value: 'unionpay', basis: 'bin' },
      issuerCountry: { value: 'CN', basis: 'brand' },
    });
    // 625000 is UnionPay but in no mainland bank's range in the table.
    assert.deepEqual(inferCardDefaults({ bin: '625000' }), {
      brand: { value: 'unionpay', basis: 'bin' },
      issuerCountry: { value: 'CN', basis: 'brand' },
    });
  });

  it('infers China from a stated UnionPay brand alone', () => {
    assert.deepEqual(inferCardDefaults({ brand: 'unionpay' }), { brand: undefined, issuerCountry: { value: 'CN', basis: 'brand' } });
  });

  it('infers the country from the bank’s name, in Chinese or English', () => {
    assert.deepEqual(inferCardDefaults({ issuerName: '招商银行' }), { brand: undefined, issuerCountry: { value: 'CN', basis: 'bank-name' } });
    assert.deepEqual(inferCardDefaults({ issuerName: 'Bank of China (Hong Kong)', brand: 'unionpay' }), {
      brand: undefined,
      issuerCountry: { value: 'HK', basis: 'bank-name' },
    });
  });

  it('lets the digits speak before the bank’s name, and the name before the brand', () => {
    assert.deepEqual(inferCardDefaults({ bin: '621483', issuerName: 'HSBC HK' }).issuerCountry, { value: 'CN', basis: 'bin' });
    assert.deepEqual(inferCardDefaults({ bin: '625000', issuerName: '中國信託' }).issuerCountry, { value: 'TW', basis: 'bank-name' });
  });

  it('infers a brand but no country for global brands', () => {
    assert.deepEqual(inferCardDefaults({ bin: '55555555' }), { brand: { value: 'mastercard', basis: 'bin' }, issuerCountry: undefined });
    assert.deepEqual(inferCardDefaults({ bin: '424242' }), { brand: { value: 'visa', basis: 'bin' }, issuerCountry: undefined });
  });

  it('follows a stated brand for the country, not the digits’ brand', () => {
    assert.deepEqual(inferCardDefaults({ bin: '424242', brand: 'unionpay' }), {
      brand: { value: 'visa', basis: 'bin' },
      issuerCountry: { value: 'CN', basis: 'brand' },
    });
  });

  it('infers nothing from one digit, no digits or nothing at all', () => {
    assert.deepEqual(inferCardDefaults({ bin: '6' }), { brand: undefined, issuerCountry: undefined });
    assert.deepEqual(inferCardDefaults({}), { brand: undefined, issuerCountry: undefined });
    assert.deepEqual(inferCardDefaults(undefined), {});
    assert.deepEqual(inferCardDefaults({ brand: 'unknown', issuerName: 'Some Credit Union' }), { brand: undefined, issuerCountry: undefined });
  });

  it('reads digits typed with spaces and only the first eight', () => {
    assert.deepEqual(inferCardDefaults({ bin: '6214 83' }).issuerCountry, { value: 'CN', basis: 'bin' });
    assert.deepEqual(inferCardDefaults({ bin: '5'.repeat(100_000) }).brand, { value: 'mastercard', basis: 'bin' });
  });
});
