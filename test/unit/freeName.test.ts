import assert from 'node:assert/strict';
import { NoFreeNameError, createUnderFreeName, numberedName } from '../../src/core/freeName';

describe('free names', () => {
  it('numbers a name before its extension, whatever folder it is in', () => {
    assert.equal(numberedName('appeal-2025-11-27.md', 1), 'appeal-2025-11-27.md');
    assert.equal(numberedName('appeal-2025-11-27.md', 2), 'appeal-2025-11-27-2.md');
    assert.equal(numberedName('/tmp/x.y/letter.md', 3), '/tmp/x.y/letter-3.md');
    assert.equal(numberedName('C:\\letters\\appeal.md', 2), 'C:\\letters\\appeal-2.md');
    assert.equal(numberedName('/tmp/x.y/letter', 2), '/tmp/x.y/letter-2');
    assert.equal(numberedName('/tmp/.notes', 2), '/tmp/.notes-2');
  });

  it('takes the first name the create step accepts', async () => {
    const taken = new Set(['a.md', 'a-2.md']);
    const tried: string[] = [];
    const created = await createUnderFreeName('a.md', async (name) => {
      tried.push(name);
      return taken.has(name) ? undefined : `created ${name}`;
    });
    assert.equal(created, 'created a-3.md');
    assert.deepEqual(tried, ['a.md', 'a-2.md', 'a-3.md']);
  });

  it('gives up after the limit, naming the file asked for', async () => {
    let tries = 0;
    await assert.rejects(
      createUnderFreeName('a.md', async () => {
        tries++;
        return undefined;
      }),
      (error: unknown) => error instanceof NoFreeNameError && error.taken === 'a.md' && /a\.md and 999 numbered names/.test(error.message),
    );
    // The name asked for, then -2 to -1000.
    assert.equal(tries, 1000);
  });

  it('lets a failure other than "taken" through at once', async () => {
    await assert.rejects(createUnderFreeName('a.md', async () => Promise.reject(new Error('disk full'))), /disk full/);
  });
});
