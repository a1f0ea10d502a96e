import assert from 'node:assert/strict';
import { localizeFieldMessage } from '../../src/core/fieldMessages';
import { parseReport } from '../../src/core/report';

/** One bad value for every kind of check the report schema makes, each in its own report. */
const BAD_REPORTS: readonly unknown[] = [
  'not an object',
  { occurredAt: 42 },
  { occurredAt: '2026-12-01 22:10' },
  { occurredAt: '2025-02-30T10:00:00+08:00' },
  { product: 'chatgpt-desktop' },
  { errorMessage: 7 },
  { card: 'visa' },
  { card: { bin: '62' } },
  { card: { last4: '12345' } },
  { card: { expiry: 'next June' } },
  { card: { expiry: '13/28' } },
  { card: { issuerCountry: 'China' } },
  { card: { issuerCountry: 'XX' } },
  { card: { kind: 'platinum' } },
  { billing: { matchesIssuer: 'maybe' } },
  { connection: { accessCountry: 'ZZ' } },
  { surprise: true },
];

const HAN = /\p{Script=Han}/u;

describe('field messages', () => {
  it('every message the schema gives for bad input reads in Chinese, not English', () => {
    const untranslated = new Set<string>();
    let seen = 0;
    for (const input of BAD_REPORTS) {
      const result = parseReport(input);
      assert.equal(result.ok, false, `accepted: ${JSON.stringify(input)}`);
      if (result.ok) continue;
      for (const error of result.errors) {
        seen += 1;
        if (!HAN.test(localizeFieldMessage(error.message, 'zh-cn'))) untranslated.add(error.message);
      }
    }
    assert.ok(seen >= BAD_REPORTS.length);
    assert.deepEqual([...untranslated], []);
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
