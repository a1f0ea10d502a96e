/**
 * A field's name is input too: a card number typed as a key must not come back in the message
 * that names the field, wherever it is shown (parseReport's errors, the CLI's stderr).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport } from '../../src/core/report';
import { runCli } from '../cliInProcess';

describe('report field names in messages', () => {
  it('masks a card number used as a field name, at the top and inside an object', () => {
    assert.deepEqual(parseReport({ '4532015112830366': 1, card: { '4532-0151-1283-0366': 'x', last4: '4242' } }), {
      ok: false,
      errors: [
        { path: 'card.•••• 0366', message: 'unknown field' },
        { path: '•••• 0366', message: 'unknown field' },
      ],
    });
  });

  it('keeps ordinary names as they are and cuts a very long one', () => {
    assert.deepEqual(parseReport({ colour: 'red', card: { bin: '12ab' } }), {
      ok: false,
      errors: [
        { path: 'card.bin', message: 'expected 6-8 digits' },
        { path: 'colour', message: 'unknown field' },
      ],
    });
    const result = parseReport({ ['k'.repeat(10_000)]: 1 });
    assert.deepEqual(result, { ok: false, errors: [{ path: `${'k'.repeat(63)}…`, message: 'unknown field' }] });
  });

  it('card-doctor prints no card number on stderr for a field so named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-doctor-names-'));
    try {
      const file = join(dir, 'report.json');
      writeFileSync(file, '{"4532015112830366": 1, "card": {"\\u0034\\u0035\\u0033\\u0032015112830366": 2}}');
      const { code, stdout, stderr } = await runCli(['diagnose', file]);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.equal(stderr, 'error: card.•••• 0366: unknown field\nerror: •••• 0366: unknown field\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
