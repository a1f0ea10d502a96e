/**
 * Red team (issue 13 round): a full card number never reaches any output, "in a path" too. A
 * person who named a folder after the card (or a repository that did) must not see the number
 * printed back by the new commands: `card-doctor pack` prints the folder it wrote.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cliInProcess';

const ENTRY = '<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:31:00+08:00","report":{"errorMessage":"Your card was declined.","card":{"last4":"0366"}}} -->';

describe('red team: a card number in a path', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'card-doctor-redteam-path-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('card-doctor pack prints the folder it wrote without the number', async () => {
    const folder = join(dir, '4532015112830366');
    mkdirSync(folder);
    const journal = join(folder, 'journal.md');
    writeFileSync(journal, `# Journal\n\n${ENTRY}\n`);
    const result = await runCli(['pack', '--journal', journal, '--out', join(folder, 'packs'), '--now', '2025-11-28T00:00:00Z', '--lang', 'en']);
    assert.equal(result.code, 0);
    assert.equal(result.stdout.includes('4532015112830366'), false, result.stdout);
    assert.equal(result.stderr.includes('4532015112830366'), false, result.stderr);
  });
});
