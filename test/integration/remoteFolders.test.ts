/**
 * Journals and letters in a folder that only `workspace.fs` reaches (remote or virtual), where the
 * extension cannot use Node's file API: an in-memory file system stands in for one.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ENTRY_MARKER, parseJournal } from '../../src/core/journal';
import { parseReport, type Report } from '../../src/core/report';
import { RefusedPathError, type FolderFile } from '../../src/host/folderBounds';
import { JournalStore } from '../../src/host/journalStore';
import { LetterWriter } from '../../src/host/letterWriter';
import { readSettings } from '../../src/host/settings';
import { readText, sampleReport, writeText } from './helpers';

const SCHEME = 'card-doctor-test-memory';

/** Just enough of a file system: files in a map, folders only as made by createDirectory. */
class MemoryFileSystem implements vscode.FileSystemProvider {
  readonly files = new Map<string, Uint8Array>();
  readonly folders = new Set<string>(['/']);
  /** Paths that are symbolic links (to a file or folder listed above): stat says so, as VS Code's own providers do. */
  readonly links = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const link = this.links.has(uri.path) ? vscode.FileType.SymbolicLink : 0;
    const file = this.files.get(uri.path);
    if (file) return { type: vscode.FileType.File | link, ctime: 0, mtime: Date.now(), size: file.length };
    if (this.folders.has(uri.path)) return { type: vscode.FileType.Directory | link, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
    return [...this.files.keys()].filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/')).map((path) => [path.slice(prefix.length), vscode.FileType.File]);
  }

  createDirectory(uri: vscode.Uri): void {
    this.folders.add(uri.path);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
    const exists = this.files.has(uri.path);
    if (exists && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    if (!exists && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    this.files.set(uri.path, content);
  }

  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
  }

  rename(from: vscode.Uri, to: vscode.Uri, options: { overwrite: boolean }): void {
    const file = this.readFile(from);
    if (this.files.has(to.path) && !options.overwrite) throw vscode.FileSystemError.FileExists(to);
    this.files.set(to.path, file);
    this.files.delete(from.path);
  }
}

function report(overrides: Record<string, unknown> = {}): Report & { occurredAt: string } {
  const parsed = parseReport(sampleReport(overrides));
  assert.ok(parsed.ok);
  return parsed.report as Report & { occurredAt: string };
}

describe('a folder only workspace.fs reaches', function () {
  this.timeout(20_000);
  const memory = new MemoryFileSystem();
  const root = vscode.Uri.from({ scheme: SCHEME, path: '/workspace' });
  const folder: vscode.WorkspaceFolder = { uri: root, name: 'workspace', index: 0 };
  let registration: vscode.Disposable;
  let log: vscode.LogOutputChannel;
  let store: JournalStore;
  const warnings: string[] = [];
  const journalAt = (...segments: string[]): FolderFile => ({ folder: root, uri: vscode.Uri.joinPath(root, ...segments), setting: 'cardDoctor.journalPath' });
  const filesUnder = (path: string) => [...memory.files.keys()].filter((file) => file.startsWith(path));

  before(() => {
    registration = vscode.workspace.registerFileSystemProvider(SCHEME, memory);
    log = vscode.window.createOutputChannel('Card Binding Doctor (remote folder test)', { log: true });
    store = new JournalStore(log, { warn: (key) => warnings.push(key) });
  });

  after(() => {
    store.dispose();
    log.dispose();
    registration.dispose();
  });

  it('creates the journal, then appends without touching the person’s own text', async () => {
    const file = journalAt('card-failures', 'journal.md');
    const journal = file.uri;
    await store.append(file, report(), 'en', new Date('2025-11-27T03:00:00Z'));
    const created = await readText(journal);
    assert.match(created, /^# Card failure journal\n/);
    // The person writes a note with no final newline; the next entry must start on a line of its own.
    const edited = `${created}\nMy own note: the bank said to wait a day.`;
    await writeText(journal, edited);
    await store.append(file, report({ occurredAt: '2025-11-28T10:31:00+08:00' }), 'en', new Date('2025-11-28T03:00:00Z'));
    const after = await readText(journal);
    assert.ok(after.startsWith(`${edited}\n`), 'the earlier bytes are kept as they were');
    const parsed = parseJournal(after);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.entries.map((entry) => entry.occurredAt), ['2025-11-27T10:31:00+08:00', '2025-11-28T10:31:00+08:00']);
    assert.equal((await store.read(file)).entries.length, 2);
    assert.equal(after.split('\n').filter((line) => line.startsWith(ENTRY_MARKER)).length, 2);
    assert.deepEqual([...memory.files.keys()].filter((path) => path.endsWith('.tmp')), [], 'no temporary file is left behind');
  });

  it('writes a letter under the next free name, never over one the person edited', async () => {
    const writer = new LetterWriter({} as vscode.ExtensionContext, log);
    const { settings } = readSettings(undefined);
    const first = await writer.write(folder, settings, 'appeal', report(), 'first letter\n', new Date());
    await writeText(first, 'first letter, edited by hand\n');
    const second = await writer.write(folder, settings, 'appeal', report(), 'second letter\n', new Date());
    assert.equal(first.path, '/workspace/card-failures/appeal-2025-11-27.md');
    assert.equal(second.path, '/workspace/card-failures/appeal-2025-11-27-2.md');
    assert.equal(await readText(first), 'first letter, edited by hand\n');
    assert.equal(await readText(second), 'second letter\n');
  });

  describe('symbolic links, whose target workspace.fs cannot tell', () => {
    before(() => {
      memory.folders.add('/workspace/linked');
      memory.links.add('/workspace/linked');
      memory.files.set('/workspace/linked-journal.md', new TextEncoder().encode('# Not a journal\n'));
      memory.links.add('/workspace/linked-journal.md');
    });

    it('refuses to append to a journal in a linked folder, writing nothing', async () => {
      const error = await store.append(journalAt('linked', 'journal.md'), report(), 'en', new Date()).catch((caught: unknown) => caught);
      assert.ok(error instanceof RefusedPathError, String(error));
      assert.equal(error.reason, 'link');
      assert.equal(error.setting, 'cardDoctor.journalPath');
      assert.deepEqual(filesUnder('/workspace/linked/'), []);
    });

    it('refuses to append to a journal that is itself a link, leaving it as it was', async () => {
      await assert.rejects(store.append(journalAt('linked-journal.md'), report(), 'en', new Date()), RefusedPathError);
      assert.equal(new TextDecoder().decode(memory.files.get('/workspace/linked-journal.md')), '# Not a journal\n');
      assert.deepEqual(filesUnder('/workspace/linked-journal.md.'), [], 'no temporary file either');
    });

    it('reads a linked journal as empty, and says why once', async () => {
      warnings.length = 0;
      assert.deepEqual(await store.read(journalAt('linked-journal.md')), { entries: [], problems: [] });
      assert.deepEqual(warnings, [`link:${SCHEME}:/workspace/linked-journal.md`]);
    });

    it('refuses to write a letter into a linked output folder', async () => {
      const writer = new LetterWriter({} as vscode.ExtensionContext, log);
      const { settings } = readSettings(undefined);
      await assert.rejects(writer.write(folder, { ...settings, outputFolder: 'linked/letters' }, 'appeal', report(), 'letter\n', new Date()), RefusedPathError);
      assert.deepEqual(filesUnder('/workspace/linked/'), []);
    });
  });
});
