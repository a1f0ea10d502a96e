/**
 * The Node writers stay in their folder: real temporary folders with real symbolic links, as a
 * cloned repository could hold them.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJournal } from '../../src/core/journal';
import { parseReport } from '../../src/core/report';
import { appendJournalEntry, createJournal, readJournalBytes, readJournalFile } from '../../src/node/journalFile';
import { writeNewFile } from '../../src/node/newFile';
import { FileTooLargeError, OutsideFolderError, realPathInside, resolveRealPath, SymbolicLinkError } from '../../src/node/realPath';

const REPORT = (() => {
  const parsed = parseReport({ occurredAt: '2025-11-27T10:31:00+08:00', product: 'chatgpt-web', card: { brand: 'unionpay', last4: '4242' } });
  if (!parsed.ok) throw new Error('the sample report is invalid');
  return { ...parsed.report, occurredAt: '2025-11-27T10:31:00+08:00' };
})();

const GITCONFIG = '[user]\n\tname = Someone\n';

describe('writes stay in the workspace folder (real paths)', () => {
  /** The real path of a fresh temporary folder holding `workspace/` and `outside/`. */
  let root: string;
  let workspace: string;
  let outside: string;

  beforeEach(async () => {
    // Real path: on some systems the temporary folder is itself behind a link (/tmp on macOS).
    root = await realpath(await mkdtemp(join(tmpdir(), 'card-doctor-realpath-')));
    workspace = join(root, 'workspace');
    outside = join(root, 'outside');
    await mkdir(workspace);
    await mkdir(outside);
    await writeFile(join(outside, 'gitconfig'), GITCONFIG);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function outsideFiles(): Promise<string[]> {
    return (await readdir(outside)).sort();
  }

  describe('resolveRealPath', () => {
    it('resolves a missing file under a linked folder to the link’s target', async () => {
      await symlink(outside, join(workspace, 'card-failures'));
      assert.equal(await resolveRealPath(join(workspace, 'card-failures', 'new', 'journal.md')), join(outside, 'new', 'journal.md'));
    });

    it('applies `..` after following a link, as the kernel does', async () => {
      await mkdir(join(outside, 'deep'));
      await symlink(join(outside, 'deep'), join(workspace, 'link'));
      // Lexically workspace/link/../x is workspace/x; the kernel goes to outside/x. (Not
      // path.join, which would apply the `..` lexically before the call.)
      assert.equal(await resolveRealPath(`${workspace}/link/../x.md`), join(outside, 'x.md'));
    });

    it('follows a link to a file that does not exist yet to where it would be created', async () => {
      await symlink(join(outside, 'not-yet.md'), join(workspace, 'journal.md'));
      assert.equal(await resolveRealPath(join(workspace, 'journal.md')), join(outside, 'not-yet.md'));
    });

    it('normalizes `..` among names that do not exist yet', async () => {
      assert.equal(await resolveRealPath(`${workspace}/a/b/../../c.md`), join(workspace, 'c.md'));
    });
  });

  describe('realPathInside', () => {
    it('accepts a link that stays inside the folder and gives its real path', async () => {
      await mkdir(join(workspace, 'notes'));
      await symlink(join(workspace, 'notes'), join(workspace, 'card-failures'));
      assert.equal(await realPathInside(workspace, join(workspace, 'card-failures', 'journal.md')), join(workspace, 'notes', 'journal.md'));
    });

    it('refuses a `..` that climbs out through the names', async () => {
      await assert.rejects(realPathInside(workspace, `${workspace}/card-failures/../../outside/x.md`), OutsideFolderError);
    });

    it('refuses a `..` after a link inside that leads out of the folder', async () => {
      await mkdir(join(workspace, 'a'));
      await symlink(join(workspace, 'a'), join(workspace, 'to-a'));
      // workspace/to-a/.. is workspace itself; one more `..` is root.
      await assert.rejects(realPathInside(workspace, `${workspace}/to-a/../../outside/gitconfig`), OutsideFolderError);
      assert.equal(await realPathInside(workspace, `${workspace}/to-a/../notes.md`), join(workspace, 'notes.md'));
    });

    it('refuses a sibling folder whose name starts like the folder’s', async () => {
      await mkdir(`${workspace}-evil`);
      await assert.rejects(realPathInside(workspace, join(`${workspace}-evil`, 'x.md')), OutsideFolderError);
    });

    it('accepts a workspace folder opened through a link', async () => {
      await symlink(workspace, join(root, 'workspace-link'));
      assert.equal(await realPathInside(join(root, 'workspace-link'), join(root, 'workspace-link', 'card-failures', 'x.md')), join(workspace, 'card-failures', 'x.md'));
    });
  });

  describe('the journal', () => {
    it('refuses to append through a journal linked to a file outside, leaving that file as it was', async () => {
      await mkdir(join(workspace, 'card-failures'));
      await symlink(join(outside, 'gitconfig'), join(workspace, 'card-failures', 'journal.md'));
      const error = await appendJournalEntry(join(workspace, 'card-failures', 'journal.md'), REPORT, 'en', undefined, { within: workspace }).catch((caught: unknown) => caught);
      assert.ok(error instanceof OutsideFolderError);
      assert.equal(error.resolved, join(outside, 'gitconfig'));
      assert.equal(await readFile(join(outside, 'gitconfig'), 'utf8'), GITCONFIG);
    });

    it('refuses a journal folder linked outside, creating nothing there', async () => {
      await symlink(outside, join(workspace, 'card-failures'));
      await assert.rejects(appendJournalEntry(join(workspace, 'card-failures', 'journal.md'), REPORT, 'en', undefined, { within: workspace }), OutsideFolderError);
      assert.deepEqual(await outsideFiles(), ['gitconfig']);
    });

    it('refuses a missing journal under a linked parent, creating no folder outside', async () => {
      await symlink(outside, join(workspace, 'card-failures'));
      await assert.rejects(createJournal(join(workspace, 'card-failures', 'deeper', 'journal.md'), 'en', { within: workspace }), OutsideFolderError);
      assert.deepEqual(await outsideFiles(), ['gitconfig']);
    });

    it('refuses a link to a file outside that does not exist yet, creating nothing', async () => {
      await mkdir(join(workspace, 'card-failures'));
      await symlink(join(outside, 'new-file'), join(workspace, 'card-failures', 'journal.md'));
      await assert.rejects(appendJournalEntry(join(workspace, 'card-failures', 'journal.md'), REPORT, 'en', undefined, { within: workspace }), OutsideFolderError);
      assert.deepEqual(await outsideFiles(), ['gitconfig']);
    });

    it('appends through a link that stays inside the folder, into its target', async () => {
      await mkdir(join(workspace, 'notes'));
      await mkdir(join(workspace, 'card-failures'));
      await symlink(join(workspace, 'notes', 'journal.md'), join(workspace, 'card-failures', 'journal.md'));
      await appendJournalEntry(join(workspace, 'card-failures', 'journal.md'), REPORT, 'en', undefined, { within: workspace });
      assert.equal((await lstat(join(workspace, 'card-failures', 'journal.md'))).isSymbolicLink(), true, 'the link itself is left as it was');
      const entries = parseJournal(await readFile(join(workspace, 'notes', 'journal.md'), 'utf8')).entries;
      assert.deepEqual(entries.map((entry) => entry.occurredAt), ['2025-11-27T10:31:00+08:00']);
    });

    it('without a folder to stay in, still never appends through a link at the journal itself', async () => {
      await symlink(join(outside, 'gitconfig'), join(workspace, 'journal.md'));
      await assert.rejects(appendJournalEntry(join(workspace, 'journal.md'), REPORT, 'en'), SymbolicLinkError);
      assert.equal(await readFile(join(outside, 'gitconfig'), 'utf8'), GITCONFIG);
    });

    it('refuses to read a journal linked outside the folder', async () => {
      await symlink(join(outside, 'gitconfig'), join(workspace, 'journal.md'));
      await assert.rejects(readJournalFile(join(workspace, 'journal.md'), { within: workspace }), OutsideFolderError);
    });

    it('refuses a journal over the size limit before reading any of it', async () => {
      await writeFile(join(workspace, 'journal.md'), 'x'.repeat(2049));
      const error = await readJournalBytes(join(workspace, 'journal.md'), { within: workspace, maxBytes: 2048 }).catch((caught: unknown) => caught);
      assert.ok(error instanceof FileTooLargeError);
      assert.equal(error.size, 2049);
      assert.equal(error.limit, 2048);
      assert.equal((await readJournalBytes(join(workspace, 'journal.md'), { within: workspace, maxBytes: 2049 }))?.length, 2049);
    });

    it('reads a journal that does not exist as nothing', async () => {
      assert.equal(await readJournalBytes(join(workspace, 'card-failures', 'journal.md'), { within: workspace }), undefined);
    });
  });

  describe('letters', () => {
    it('refuses an output folder linked outside, writing nothing there', async () => {
      await symlink(outside, join(workspace, 'card-failures'));
      const error = await writeNewFile(join(workspace, 'card-failures', 'appeal-2025-11-27.md'), 'letter\n', { within: workspace }).catch((caught: unknown) => caught);
      assert.ok(error instanceof OutsideFolderError);
      assert.equal(error.resolved, outside);
      assert.deepEqual(await outsideFiles(), ['gitconfig']);
    });

    it('refuses a missing output folder under a linked parent', async () => {
      await symlink(outside, join(workspace, 'letters'));
      await assert.rejects(writeNewFile(join(workspace, 'letters', 'new', 'appeal.md'), 'letter\n', { within: workspace }), OutsideFolderError);
      assert.deepEqual(await outsideFiles(), ['gitconfig']);
    });

    it('takes the next name past a letter name held by a link, writing nothing through it', async () => {
      await mkdir(join(workspace, 'card-failures'));
      await symlink(join(outside, 'gitconfig'), join(workspace, 'card-failures', 'appeal.md'));
      await symlink(join(outside, 'dangling.md'), join(workspace, 'card-failures', 'appeal-2.md'));
      const written = await writeNewFile(join(workspace, 'card-failures', 'appeal.md'), 'letter\n', { within: workspace });
      assert.equal(written, join(workspace, 'card-failures', 'appeal-3.md'));
      assert.equal(await readFile(written, 'utf8'), 'letter\n');
      assert.equal(await readFile(join(outside, 'gitconfig'), 'utf8'), GITCONFIG);
      assert.equal(existsSync(join(outside, 'dangling.md')), false);
    });

    it('writes into a folder linked inside, and names the file as it was asked for', async () => {
      await mkdir(join(workspace, 'letters'));
      await symlink(join(workspace, 'letters'), join(workspace, 'card-failures'));
      const written = await writeNewFile(join(workspace, 'card-failures', 'appeal.md'), 'letter\n', { within: workspace });
      assert.equal(written, join(workspace, 'card-failures', 'appeal.md'));
      assert.equal(await readFile(join(workspace, 'letters', 'appeal.md'), 'utf8'), 'letter\n');
    });

    it('never overwrites an existing letter', async () => {
      await mkdir(join(workspace, 'card-failures'));
      await writeFile(join(workspace, 'card-failures', 'appeal.md'), 'my edits\n');
      const written = await writeNewFile(join(workspace, 'card-failures', 'appeal.md'), 'letter\n', { within: workspace });
      assert.equal(written, join(workspace, 'card-failures', 'appeal-2.md'));
      assert.equal(await readFile(join(workspace, 'card-failures', 'appeal.md'), 'utf8'), 'my edits\n');
    });
  });
});
