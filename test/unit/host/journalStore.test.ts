/**
 * The journal store: appends entries (to the file, or as an edit to a journal open with unsaved
 * changes), never writes half an entry or through a link out of the folder, reads damaged
 * entries as problems naming the line and the field, and refuses what it would not read.
 */
import assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DatedReport } from '../../../src/core/journal';
import type { Report } from '../../../src/core/report';
import { RefusedPathError, type FolderFile } from '../../../src/host/folderBounds';
import { JournalBusyError, JournalStore, JOURNAL_READ_LIMIT_BYTES } from '../../../src/host/journalStore';
import { fake, readInFolder, resetFake, tempWorkspace, writeInFolder, type FakeLogOutputChannel, type WorkspaceFolder } from '../../fakes/vscode/harness';
import { validReport } from '../../validReport';

const NOW = new Date('2025-11-27T04:00:00Z');
const HEADER =
  '# Card failure journal\n\nWritten by Card Binding Doctor: one section per failed attempt to add a card, oldest first. Card numbers appear masked, last 4 digits only. ' +
  'Write your own notes anywhere, between entries or inside them, but leave each `<!-- card-doctor:entry … -->` line as it is: it holds the entry’s details for reading back, and Markdown previews hide it.\n';
const REPORT = validReport({ occurredAt: '2025-11-27T10:31:00+08:00', errorMessage: 'Your card was declined.', card: { brand: 'visa', last4: '4242' } }) as DatedReport;
const ENTRY =
  '\n## 2025-11-27 10:31 UTC+08:00\n\n- Error: “Your card was declined.”\n- Card: Visa •••• 4242\n- Possible causes: nothing specific stands out yet\n\n' +
  '<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:31:00+08:00","report":{"errorMessage":"Your card was declined.","card":{"brand":"visa","last4":"4242"}}} -->\n';
const SECOND = validReport({ occurredAt: '2025-11-27T11:02:00+08:00', card: { last4: '1111' } }) as DatedReport;
const SECOND_LINE = '<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T11:02:00+08:00","report":{"card":{"last4":"1111"}}} -->\n';

interface Setup {
  store: JournalStore;
  log: FakeLogOutputChannel;
  warnings: [string, string, string][];
  folder: WorkspaceFolder;
  file: FolderFile;
}

function storeFor(folder: WorkspaceFolder, relativePath = 'card-failures/journal.md', workerFile?: string): Setup {
  const log = vscode.window.createOutputChannel('Card Doctor', { log: true }) as unknown as FakeLogOutputChannel;
  const warnings: [string, string, string][] = [];
  const store = new JournalStore(log as unknown as vscode.LogOutputChannel, { warn: (key, message, setting) => warnings.push([key, message, setting]), ...(workerFile ? { workerFile } : {}) });
  const file: FolderFile = { folder: folder.uri as never, uri: vscode.Uri.joinPath(folder.uri as never, ...relativePath.split('/')), setting: 'cardDoctor.journalPath' };
  return { store, log, warnings, folder, file };
}

async function local(relativePath?: string, workerFile?: string): Promise<Setup> {
  const [folder] = await tempWorkspace();
  return storeFor(folder!, relativePath, workerFile);
}

const VIRTUAL = vscode.Uri.from({ scheme: 'vscode-vfs', authority: 'github', path: '/owner/repo' });

function virtual(): Setup {
  fake.workspace.setFolders([VIRTUAL as never]);
  return storeFor(fake.workspace.folders![0]!);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => assert.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

describe('host journalStore', () => {
  beforeEach(() => resetFake());
  after(() => resetFake());

  describe('append (a local folder)', () => {
    it('creates the journal with its header and appends the entry, and says so', async () => {
      const { store, log, folder, file } = await local();
      const changed: string[] = [];
      store.onDidChange((uri) => changed.push(uri.toString()));
      await store.append(file, REPORT, 'en', NOW);
      assert.equal(await readInFolder(folder, 'card-failures/journal.md'), HEADER + ENTRY);
      assert.deepEqual(changed, [file.uri.toString()]);
      assert.deepEqual(log.at('info'), [`journal: added the attempt of 2025-11-27T10:31:00+08:00 to ${file.uri.toString()}`]);
    });

    it('appends after what is there, starting a new line when the file does not end with one', async () => {
      const { store, folder, file } = await local();
      await writeInFolder(folder, 'card-failures/journal.md', '# My journal\nmy own note');
      await store.append(file, SECOND, 'en', NOW);
      const text = await readInFolder(folder, 'card-failures/journal.md');
      assert.ok(text!.startsWith('# My journal\nmy own note\n\n## 2025-11-27 11:02 UTC+08:00\n'), text);
      assert.ok(text!.endsWith(`\n\n${SECOND_LINE}`), text);
    });

    it('keeps two entries apart by one blank line, and reads both back, oldest first', async () => {
      const { store, file } = await local();
      await store.append(file, REPORT, 'en', NOW);
      await store.append(file, SECOND, 'en', NOW);
      const history = await store.history(file);
      assert.deepEqual(history, [
        { errorMessage: 'Your card was declined.', card: { brand: 'visa', last4: '4242' }, occurredAt: '2025-11-27T10:31:00+08:00' },
        { card: { last4: '1111' }, occurredAt: '2025-11-27T11:02:00+08:00' },
      ]);
    });

    it('refuses a report built by hand with a card number, naming the field, and writes nothing at all', async () => {
      const { store, folder, file } = await local();
      await writeInFolder(folder, 'card-failures/journal.md', HEADER);
      const handMade = { occurredAt: '2025-11-27T10:31:00+08:00', notes: 'card 4000 0566 5566 5556' } as Report as DatedReport;
      const error = await rejection(store.append(file, handMade, 'en', NOW));
      assert.equal((error as Error).message, 'the journal entry would hold a card number, CVC or one-time code (in notes); nothing was written');
      assert.equal(await readInFolder(folder, 'card-failures/journal.md'), HEADER);
    });

    it('refuses a journal that is a symbolic link out of the folder, leaving its target alone', async () => {
      const [folder, outside] = await tempWorkspace(2);
      const target = path.join(outside!.uri.fsPath, 'notes.md');
      await fsp.writeFile(target, 'not a journal\n');
      await fsp.mkdir(path.join(folder!.uri.fsPath, 'card-failures'));
      await fsp.symlink(target, path.join(folder!.uri.fsPath, 'card-failures', 'journal.md'));
      const { store, file } = storeFor(folder!);
      let fired = 0;
      store.onDidChange(() => fired++);
      const error = await rejection(store.append(file, REPORT, 'en', NOW));
      assert.ok(error instanceof RefusedPathError);
      assert.equal(error.reason, 'outside');
      assert.equal(error.action, 'write');
      assert.equal(error.message, 'card-failures/journal.md leads outside the workspace folder through a symbolic link. Nothing was written. Check the setting cardDoctor.journalPath.');
      assert.equal(await fsp.readFile(target, 'utf8'), 'not a journal\n');
      assert.equal(fired, 0);
    });

    it('refuses a journal folder that links out of the workspace, creating nothing there', async () => {
      const [folder, outside] = await tempWorkspace(2);
      await fsp.symlink(outside!.uri.fsPath, path.join(folder!.uri.fsPath, 'card-failures'));
      const { store, file } = storeFor(folder!);
      const error = await rejection(store.append(file, REPORT, 'en', NOW));
      assert.ok(error instanceof RefusedPathError);
      assert.deepEqual(await fsp.readdir(outside!.uri.fsPath), []);
    });
  });

  describe('append to a journal open with unsaved edits', () => {
    it('adds the entry to the document as an edit, left unsaved, and leaves the file alone', async () => {
      const { store, folder, file } = await local();
      await writeInFolder(folder, 'card-failures/journal.md', HEADER);
      const document = fake.workspace.openDocument(file.uri as never, `${HEADER}\nmy unsaved note`, { dirty: true });
      await store.append(file, REPORT, 'en', NOW);
      assert.equal(document.getText(), `${HEADER}\nmy unsaved note\n${ENTRY}`);
      assert.equal(document.isDirty, true);
      assert.equal(await readInFolder(folder, 'card-failures/journal.md'), HEADER);
    });

    it('reads the unsaved text, not the file', async () => {
      const { store, folder, file } = await local();
      await writeInFolder(folder, 'card-failures/journal.md', HEADER);
      fake.workspace.openDocument(file.uri as never, HEADER + ENTRY, { dirty: true });
      assert.deepEqual(await store.history(file), [{ errorMessage: 'Your card was declined.', card: { brand: 'visa', last4: '4242' }, occurredAt: '2025-11-27T10:31:00+08:00' }]);
    });

    it('reads the file when the open document has no unsaved edits (VS Code may keep a stale copy)', async () => {
      const { store, folder, file } = await local();
      await writeInFolder(folder, 'card-failures/journal.md', HEADER);
      fake.workspace.openDocument(file.uri as never, HEADER + ENTRY, { dirty: false });
      assert.deepEqual(await store.history(file), []);
    });

    it('throws JournalBusyError when the editor refuses the edit', async () => {
      const { store, file } = await local();
      const document = fake.workspace.openDocument(file.uri as never, HEADER, { dirty: true });
      fake.workspace.acceptEdits = false;
      const error = await rejection(store.append(file, REPORT, 'en', NOW));
      assert.ok(error instanceof JournalBusyError);
      assert.equal(document.getText(), HEADER);
    });

    it('refuses an unsaved journal whose file links out of the folder', async () => {
      const [folder, outside] = await tempWorkspace(2);
      const target = path.join(outside!.uri.fsPath, 'notes.md');
      await fsp.writeFile(target, HEADER);
      await fsp.mkdir(path.join(folder!.uri.fsPath, 'card-failures'));
      await fsp.symlink(target, path.join(folder!.uri.fsPath, 'card-failures', 'journal.md'));
      const { store, file, warnings } = storeFor(folder!);
      const document = fake.workspace.openDocument(file.uri as never, HEADER + ENTRY, { dirty: true });
      assert.ok((await rejection(store.append(file, SECOND, 'en', NOW))) instanceof RefusedPathError);
      assert.equal(document.getText(), HEADER + ENTRY);
      // Read as empty, and the person told (once per journal and reason, by the caller).
      assert.deepEqual(await store.history(file), []);
      assert.deepEqual(
        warnings.map(([key, , setting]) => [key, setting]),
        [[`outside:${file.uri.toString()}`, 'cardDoctor.journalPath']],
      );
    });
  });

  describe('read', () => {
    it('reads a missing journal as empty, warning of nothing', async () => {
      const { store, file, warnings, log } = await local();
      assert.deepEqual(await store.read(file), { entries: [], problems: [] });
      assert.deepEqual(warnings, []);
      assert.deepEqual(log.lines, []);
    });

    it('skips damaged entries, logging each with its line and the field at fault', async () => {
      const { store, folder, file, log } = await local();
      await writeInFolder(
        folder,
        'card-failures/journal.md',
        `${HEADER}${ENTRY}\n<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:40:00+08:00","report":{"card":{"last4":"12345"}}} -->\n<!-- card-doctor:entry v1 {broken -->\n`,
      );
      const journal = await store.read(file);
      assert.deepEqual(
        journal.entries.map((entry) => [entry.line, entry.occurredAt]),
        [[11, '2025-11-27T10:31:00+08:00']],
      );
      assert.deepEqual(log.at('warn'), [
        `${file.uri.fsPath}:13: damaged journal entry: card.last4: expected 4 digits; skipped`,
        `${file.uri.fsPath}:14: damaged journal entry: not valid JSON; skipped`,
      ]);
    });

    it('reads a journal that is a link out of the folder as empty, and warns once with its setting', async () => {
      const [folder, outside] = await tempWorkspace(2);
      const target = path.join(outside!.uri.fsPath, 'journal.md');
      await fsp.writeFile(target, HEADER + ENTRY);
      await fsp.mkdir(path.join(folder!.uri.fsPath, 'card-failures'));
      await fsp.symlink(target, path.join(folder!.uri.fsPath, 'card-failures', 'journal.md'));
      const { store, file, warnings, log } = storeFor(folder!);
      assert.deepEqual(await store.read(file), { entries: [], problems: [] });
      const message =
        'card-failures/journal.md leads outside the workspace folder through a symbolic link. So it was not read: the cooldown and the wizard leave it out. Check the setting cardDoctor.journalPath.';
      assert.deepEqual(warnings, [[`outside:${file.uri.toString()}`, message, 'cardDoctor.journalPath']]);
      assert.deepEqual(log.at('warn'), [`journal: not read: ${message}`]);
    });

    it('follows a link that stays inside the folder', async () => {
      const { store, folder, file } = await local();
      await writeInFolder(folder, 'elsewhere/journal.md', HEADER + ENTRY);
      await fsp.symlink(path.join(folder.uri.fsPath, 'elsewhere'), path.join(folder.uri.fsPath, 'card-failures'));
      assert.equal((await store.history(file)).length, 1);
    });

    it('does not read unsaved text over 32 MB, and says so', async () => {
      const { store, file, warnings } = await local();
      fake.workspace.openDocument(file.uri as never, 'x'.repeat(JOURNAL_READ_LIMIT_BYTES + 1), { dirty: true });
      assert.deepEqual(await store.read(file), { entries: [], problems: [] });
      assert.deepEqual(warnings, [
        [
          `too-large:${file.uri.toString()}`,
          'card-failures/journal.md is larger than 32 MB, so Card Doctor did not read it: the cooldown and the wizard leave it out. Move older entries into another file to make it smaller.',
          'cardDoctor.journalPath',
        ],
      ]);
    });

    it('parses in place, saying why in the log, when the worker bundle is missing from the package', async () => {
      const { store, folder, file, log } = await local(undefined, path.join(path.sep, 'nonexistent', 'dist', 'journalWorker.js'));
      // Over 128 KB: small journals never start a worker.
      await writeInFolder(folder, 'card-failures/journal.md', `${HEADER}${'my own note\n'.repeat(12_000)}${ENTRY}`);
      assert.equal((await store.history(file)).length, 1);
      assert.equal(log.at('error').length, 1);
      assert.ok(log.at('error')[0]!.startsWith(`journal: the worker ${path.join(path.sep, 'nonexistent', 'dist', 'journalWorker.js')} could not start (`), log.at('error')[0]);
      assert.ok(log.at('error')[0]!.endsWith('); parsing in place'), log.at('error')[0]);
    });
  });

  describe('create', () => {
    it('creates the journal with its header, in the language asked, and leaves an existing one alone', async () => {
      const { store, folder, file } = await local();
      await store.create(file, 'en');
      assert.equal(await readInFolder(folder, 'card-failures/journal.md'), HEADER);
      await writeInFolder(folder, 'card-failures/journal.md', 'mine\n');
      await store.create(file, 'en');
      assert.equal(await readInFolder(folder, 'card-failures/journal.md'), 'mine\n');
    });

    it('words a refusal to open the journal as such', async () => {
      const [folder, outside] = await tempWorkspace(2);
      await fsp.symlink(outside!.uri.fsPath, path.join(folder!.uri.fsPath, 'card-failures'));
      const error = await rejection(storeFor(folder!).store.create(storeFor(folder!).file, 'en', 'open'));
      assert.ok(error instanceof RefusedPathError);
      assert.equal(error.message, 'card-failures/journal.md leads outside the workspace folder through a symbolic link. So it was not opened. Check the setting cardDoctor.journalPath.');
    });
  });

  describe('a virtual folder (workspace.fs only)', () => {
    it('creates the journal and appends by writing a temporary file renamed over it', async () => {
      const { store, file } = virtual();
      await store.append(file, REPORT, 'en', NOW);
      await store.append(file, SECOND, 'en', NOW);
      const text = fake.workspace.fs.memoryText(file.uri as never)!;
      assert.ok(text.startsWith(HEADER + ENTRY), text);
      assert.ok(text.endsWith(`\n\n${SECOND_LINE}`), text);
      const renames = fake.workspace.fs.calls.filter((call) => call.op === 'rename').map((call) => call.uri);
      assert.equal(renames.length, 2);
      for (const uri of renames) assert.match(uri, /^vscode-vfs:\/\/github\/owner\/repo\/card-failures\/journal\.md\.[0-9a-z]{1,20}\.tmp$/);
      assert.deepEqual((await fake.workspace.fs.readDirectory(vscode.Uri.joinPath(VIRTUAL, 'card-failures') as never)).map(([name]) => name), ['journal.md']);
    });

    it('leaves the old journal whole, and no temporary file, when the rename fails', async () => {
      const { store, file } = virtual();
      fake.workspace.fs.putMemoryFile(file.uri as never, HEADER + ENTRY);
      const original = fake.workspace.fs.rename.bind(fake.workspace.fs);
      fake.workspace.fs.rename = () => Promise.reject(vscode.FileSystemError.Unavailable('gone'));
      try {
        await rejection(store.append(file, SECOND, 'en', NOW));
      } finally {
        fake.workspace.fs.rename = original;
      }
      assert.equal(fake.workspace.fs.memoryText(file.uri as never), HEADER + ENTRY);
      assert.deepEqual((await fake.workspace.fs.readDirectory(vscode.Uri.joinPath(VIRTUAL, 'card-failures') as never)).map(([name]) => name), ['journal.md']);
    });

    it('refuses a journal that is a link, writing nothing', async () => {
      const { store, file } = virtual();
      fake.workspace.fs.putMemoryLink(file.uri as never, vscode.FileType.File, HEADER);
      const error = await rejection(store.append(file, REPORT, 'en', NOW));
      assert.ok(error instanceof RefusedPathError);
      assert.equal(error.reason, 'link');
      assert.deepEqual(
        fake.workspace.fs.calls.filter((call) => call.op === 'writeFile' || call.op === 'rename'),
        [],
      );
    });

    it('reads the journal, a missing one as empty, and refuses one over 32 MB unread', async () => {
      const { store, file, warnings } = virtual();
      assert.deepEqual(await store.history(file), []);
      fake.workspace.fs.putMemoryFile(file.uri as never, HEADER + ENTRY);
      assert.equal((await store.history(file)).length, 1);
      fake.workspace.fs.putMemoryFile(file.uri as never, new Uint8Array(JOURNAL_READ_LIMIT_BYTES + 1));
      fake.workspace.fs.calls.length = 0;
      assert.deepEqual(await store.history(file), []);
      assert.deepEqual(
        fake.workspace.fs.calls.filter((call) => call.op === 'readFile'),
        [],
      );
      assert.deepEqual(
        warnings.map(([key]) => key),
        ['too-large:vscode-vfs://github/owner/repo/card-failures/journal.md'],
      );
    });

    it('creates the journal with its header unless it exists', async () => {
      const { store, file } = virtual();
      await store.create(file, 'en');
      assert.equal(fake.workspace.fs.memoryText(file.uri as never), HEADER);
      fake.workspace.fs.putMemoryFile(file.uri as never, 'mine\n');
      await store.create(file, 'en');
      assert.equal(fake.workspace.fs.memoryText(file.uri as never), 'mine\n');
    });
  });
});
