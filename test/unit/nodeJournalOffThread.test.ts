/**
 * A large journal is parsed on a worker thread, with the result of parsing it in place, while the
 * calling thread stays free.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { encodeEntryLine, parseJournalBytes } from '../../src/core/journal';
import { parseJournalOffThread } from '../../src/node/journalOffThread';

const ROOT = resolve(__dirname, '../..');

/** `count` entries a minute apart, one of them damaged, with a line of the person's between each. */
function journalBytes(count: number): Uint8Array {
  const lines = ['# Card failure journal', ''];
  for (let index = 0; index < count; index++) {
    const occurredAt = new Date(Date.parse('2025-11-27T02:00:00Z') + index * 60_000).toISOString();
    lines.push(`A note of mine, number ${index}.`);
    lines.push(index === 3 ? '<!-- card-doctor:entry v1 {"occurredAt": -->' : encodeEntryLine({ occurredAt, errorMessage: 'Your card was declined.', card: { brand: 'visa', last4: '4242' } }));
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

describe('parseJournalOffThread', function () {
  this.timeout(60_000);
  let dir: string;
  let workerFile: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'card-doctor-worker-'));
    // The worker as esbuild.mjs bundles it for dist/.
    workerFile = join(dir, 'journalWorker.js');
    await esbuild.build({ entryPoints: [join(ROOT, 'src/node/journalWorker.ts')], outfile: workerFile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives what parsing in place gives, line numbers and problems included', async () => {
    const bytes = journalBytes(50);
    const journal = await parseJournalOffThread(bytes, workerFile, { inPlaceBytes: 0 });
    assert.equal(journal.entries.length, 49);
    assert.deepEqual(journal.problems, [{ line: 10, message: 'damaged journal entry: not valid JSON; skipped' }]);
    assert.deepEqual(journal.entries.slice(0, 2).map((entry) => [entry.line, entry.occurredAt]), [
      [4, '2025-11-27T02:00:00.000Z'],
      [6, '2025-11-27T02:01:00.000Z'],
    ]);
    assert.deepEqual(journal, parseJournalBytes(bytes));
  });

  it('leaves the calling thread free while it parses', async () => {
    const bytes = journalBytes(20_000);
    let ticks = 0;
    const interval = setInterval(() => ticks++, 5);
    try {
      const journal = await parseJournalOffThread(bytes, workerFile);
      assert.equal(journal.entries.length, 19_999);
    } finally {
      clearInterval(interval);
    }
    // Parsed in place, the thread would be held throughout and the interval could not fire once.
    assert.ok(ticks >= 2, `the interval fired ${ticks} times while the journal was parsed`);
  });

  it('parses a small journal in place, needing no worker', async () => {
    const journal = await parseJournalOffThread(journalBytes(5), join(dir, 'no-such-worker.js'));
    assert.equal(journal.entries.length, 4);
  });

  it('rejects when the worker fails', async () => {
    const broken = join(dir, 'broken.js');
    await writeFile(broken, 'throw new Error("broken worker");\n');
    await assert.rejects(parseJournalOffThread(journalBytes(5), broken, { inPlaceBytes: 0 }), /broken worker/);
  });

  it('rejects with MODULE_NOT_FOUND when the worker file is missing (the host then parses in place)', async () => {
    const error = await parseJournalOffThread(journalBytes(5), join(dir, 'no-such-worker.js'), { inPlaceBytes: 0 }).catch((caught: unknown) => caught);
    assert.equal((error as { code?: unknown }).code, 'MODULE_NOT_FOUND');
  });

  it('stops a worker that does not answer in time', async () => {
    const stuck = join(dir, 'stuck.js');
    await writeFile(stuck, 'setInterval(() => undefined, 1000);\n');
    await assert.rejects(parseJournalOffThread(journalBytes(5), stuck, { inPlaceBytes: 0, timeoutMs: 200 }), /longer than 0.2 s/);
  });
});
