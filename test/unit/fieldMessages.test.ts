import assert from 'node:assert/strict';
import { localizeFieldMessage } from '../../src/core/fieldMessages';
import { parseReport } from '../../src/core/report';

const OBJECT = ['expected an object', '应为一个对象'];
const TIME = ['expected an ISO 8601 date and time with an offset, such as 2025-11-27T10:31:00+08:00', '应为带时区偏移的 ISO 8601 日期时间，如 2025-11-27T10:31:00+08:00'];
const EXPIRY = ['expected a month and year, such as 06/28 or 2028-06', '应为月份和年份，如 06/28 或 2028-06'];
const COUNTRY = ['expected an ISO 3166 two-letter country code, such as CN or US', '应为 ISO 3166 两字母国家/地区代码，如 CN 或 US'];

/**
 * One bad value for every kind of check the report schema makes, each in its own report, with
 * what the schema says about it in English and in Simplified Chinese, written out: [path, en, zh-cn].
 */
const BAD_REPORTS: readonly (readonly [unknown, readonly string[]])[] = [
  ['not an object', ['(report)', ...OBJECT]],
  [{ occurredAt: 42 }, ['occurredAt', ...TIME]],
  [{ occurredAt: '2026-12-01 22:10' }, ['occurredAt', ...TIME]],
  [{ occurredAt: '2025-02-30T10:00:00+08:00' }, ['occurredAt', 'not a real date: that month has no such day', '日期无效：该月没有这一天']],
  [{ product: 'chatgpt-desktop' }, ['product', 'expected one of chatgpt-web, chatgpt-app, api-platform, other', '应为以下之一：chatgpt-web, chatgpt-app, api-platform, other']],
  [{ errorMessage: 7 }, ['errorMessage', 'expected text', '应为文本']],
  [{ card: 'visa' }, ['card', ...OBJECT]],
  [{ card: { bin: '62' } }, ['card.bin', 'expected 6-8 digits', '应为 6 到 8 位数字']],
  [{ card: { last4: '12345' } }, ['card.last4', 'expected 4 digits', '应为 4 位数字']],
  [{ card: { expiry: 'next June' } }, ['card.expiry', ...EXPIRY]],
  [{ card: { expiry: '13/28' } }, ['card.expiry', ...EXPIRY]],
  [{ card: { issuerCountry: 'China' } }, ['card.issuerCountry', ...COUNTRY]],
  [{ card: { issuerCountry: 'XX' } }, ['card.issuerCountry', ...COUNTRY]],
  [{ card: { kind: 'platinum' } }, ['card.kind', 'expected one of credit, debit, virtual, prepaid, gift, unknown', '应为以下之一：credit, debit, virtual, prepaid, gift, unknown']],
  [{ billing: { matchesIssuer: 'maybe' } }, ['billing.matchesIssuer', 'expected one of yes, no, unknown', '应为以下之一：yes, no, unknown']],
  [{ connection: { accessCountry: 'ZZ' } }, ['connection.accessCountry', ...COUNTRY]],
  [{ surprise: true }, ['surprise', 'unknown field', '未知字段']],
];

describe('field messages', () => {
  it('every message the schema gives for bad input reads in Chinese, not English', () => {
    for (const [input, expected] of BAD_REPORTS) {
      const result = parseReport(input);
      assert.equal(result.ok, false, `accepted: ${JSON.stringify(input)}`);
      if (result.ok) continue;
      assert.deepEqual(
        result.errors.map((error) => [error.path, error.message, localizeFieldMessage(error.message, 'zh-cn')]),
        [expected],
        JSON.stringify(input),
      );
    }
  });

  it('the expiry message names both ways a card shows it, in each language', () => {
    const result = parseReport({ card: { expiry: 'next June' } });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.errors.map((error) => [error.path, error.message, localizeFieldMessage(error.message, 'zh-cn')]),
      [['card.expiry', 'expected a month and year, such as 06/28 or 2028-06', '应为月份和年份，如 06/28 或 2028-06']],
    );
  });

  it('English stays as the schema says it', () => {
    assert.equal(localizeFieldMessage('expected 4 digits', 'en'), 'expected 4 digits');
    assert.equal(localizeFieldMessage('expected 4 digits', 'zh-cn'), '应为 4 位数字');
  });
});
