/**
 * The journal cache: each journal read once and kept until it changes — an entry the extension
 * appended, the file changed, created or deleted on disk (the folder too), its open document
 * edited or closed — and whoever showed it told when it did, or when the journal path changed.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DatedReport } from '../../../src/core/journal';
import type { FolderFile } from '../../../src/host/folderBounds';
import type { JournalFiles } from '../../../src/host/journalRepository';
import { JournalStore } from '../../../src/host/journalStore';
import { JournalHistoryCache } from '../../../src/host/sidebar/journalHistoryCache';
import { fake, resetFake, tempWorkspace, writeInFolder } from '../../fakes/vscode/harness';
import { validReport } from '../../validReport';

const NOW = new Date('2025-11-27T04:00:00Z');
const FIRST = validReport({ occurredAt: '2025-11-27T10:31:00+08:00', card: { last4: '4242' } }) as DatedReport;
const SECOND = validReport({ occurredAt: '2025-11-27T11:02:00+08:00', card: { last4: '1111' } }) as DatedReport;
const JOURNAL = `# Journal\n\n<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:31:00+08:00","report":{"card":{"last4":"4242"}}} -->\n`;

interface Setup {
  cache: JournalHistoryCache;
  store: JournalStore;
  folder: vscode.WorkspaceFolder;
  file: FolderFile;
  /** The journals read, in order. */
  reads: string[];
  /** How many times the cache said a journal changed. */
  changes: { count: number };
}

async function setup(): Promise<Setup> {
  const [folder] = await tempWorkspace();
  const log = vscode.window.createOutputChannel('Card Doctor', { log: true }) as unknown as vscode.LogOutputChannel;
  const store = new JournalStore(log);
  const reads: string[] = [];
  const history = store.history.bind(store);
  store.history = (file) => {
    reads.push(vscode.workspace.asRelativePath(file.uri, false));
    return history(file);
  };
  const journalFile = (inFolder: vscode.WorkspaceFolder): FolderFile => {
    const relative = vscode.workspace.getConfiguration('cardDoctor', inFolder.uri).get<string>('journalPath', 'card-failures/journal.md');
    return { folder: inFolder.uri, uri: vscode.Uri.joinPath(inFolder.uri, ...relative.split('/')), setting: 'cardDoctor.journalPath' };
  };
  const files: JournalFiles = { journal: store, journalFile };
  const cache = new JournalHistoryCache(files);
  const changes = { count: 0 };
  cache.onDidChange(() => changes.count++);
  return { cache, store, folder: folder!, file: journalFile(folder!), reads, changes };
}

describe('host journalHistoryCache', () => {
  let current: Setup | undefined;
  beforeEach(async () => {
    await resetFake();
    current = await setup();
  });
  afterEach(() => current?.cache.dispose());
  after(() => resetFake());

  it('gives no attempts without a folder, and reads nothing', async () => {
    const { cache, reads } = current!;
    assert.deepEqual(await cache.history(undefined), []);
    assert.deepEqual(cache.peek(undefined), []);
    assert.deepEqual(reads, []);
  });

  it('reads a journal once for any number of callers, and lets a render peek once it is read', async () => {
    const { cache, folder, reads } = current!;
    await writeInFolder(folder, 'card-failures/journal.md', JOURNAL);
    assert.equal(cache.peek(folder), undefined);
    const first = cache.history(folder);
    const second = cache.history(folder);
    assert.equal(first, second);
    assert.equal(cache.peek(folder), undefined);
    assert.deepEqual(await first, [{ card: { last4: '4242' }, occurredAt: '2025-11-27T10:31:00+08:00' }]);
    assert.deepEqual(cache.peek(folder), [{ card: { last4: '4242' }, occurredAt: '2025-11-27T10:31:00+08:00' }]);
    await cache.history(folder);
    assert.deepEqual(reads, ['card-failures/journal.md']);
  });

  it('reads again after the extension appended an entry, and says the journal changed', async () => {
    const { cache, store, folder, file, reads, changes } = current!;
    assert.deepEqual(await cache.history(folder), []);
    await store.append(file, FIRST, 'en', NOW);
    assert.equal(changes.count, 1);
    assert.equal(cache.peek(folder), undefined);
    assert.deepEqual(await cache.history(folder), [{ card: { last4: '4242' }, occurredAt: '2025-11-27T10:31:00+08:00' }]);
    await store.append(file, SECOND, 'en', NOW);
    assert.equal((await cache.history(folder)).length, 2);
    assert.deepEqual(reads, ['card-failures/journal.md', 'card-failures/journal.md', 'card-failures/journal.md']);
  });

  it('reads again after the file changed or was created on disk; a change to another file is nothing', async () => {
    const { cache, folder, file, reads, changes } = current!;
    await cache.history(folder);
    fake.workspace.fireFileEvent('change', vscode.Uri.joinPath(folder.uri, 'notes.md') as never);
    assert.equal(changes.count, 0);
    await cache.history(folder);
    assert.equal(reads.length, 1);
    await writeInFolder(folder, 'card-failures/journal.md', JOURNAL);
    fake.workspace.fireFileEvent('create', file.uri as never);
    assert.equal(changes.count, 1);
    assert.equal((await cache.history(folder)).length, 1);
    fake.workspace.fireFileEvent('change', file.uri as never);
    assert.equal(changes.count, 2);
    await cache.history(folder);
    assert.equal(reads.length, 3);
  });

  it('says nothing for a change to a journal it has not read', async () => {
    const { file, changes } = current!;
    fake.workspace.fireFileEvent('change', file.uri as never);
    assert.equal(changes.count, 0);
  });

  it('forgets a journal whose folder was deleted, and not for a sibling folder with a longer name', async () => {
    const { cache, folder, changes } = current!;
    await cache.history(folder);
    fake.workspace.fireFileEvent('delete', vscode.Uri.joinPath(folder.uri, 'card-failures-old') as never);
    assert.equal(changes.count, 0);
    fake.workspace.fireFileEvent('delete', vscode.Uri.joinPath(folder.uri, 'card-failures') as never);
    assert.equal(changes.count, 1);
    assert.equal(cache.peek(folder), undefined);
  });

  it('forgets a journal deleted itself', async () => {
    const { cache, folder, file, changes } = current!;
    await cache.history(folder);
    fake.workspace.fireFileEvent('delete', file.uri as never);
    assert.equal(changes.count, 1);
  });

  it('reads again when the journal’s open document is edited or closed (reading prefers unsaved text)', async () => {
    const { cache, folder, file, changes } = current!;
    await cache.history(folder);
    const document = fake.workspace.openDocument(file.uri as never, '# Journal\n', { dirty: true });
    fake.workspace.editDocument(document, JOURNAL);
    assert.equal(changes.count, 1);
    assert.equal((await cache.history(folder)).length, 1);
    fake.workspace.closeDocument(document);
    assert.equal(changes.count, 2);
    assert.deepEqual(await cache.history(folder), []);
  });

  it('tells whoever showed a journal when the journal path changes, and reads the new one', async () => {
    const { cache, folder, reads, changes } = current!;
    await cache.history(folder);
    fake.workspace.setSetting('cardDoctor.name', 'Li Lei');
    assert.equal(changes.count, 0);
    fake.workspace.setSetting('cardDoctor.journalPath', 'notes/journal.md');
    assert.equal(changes.count, 1);
    await cache.history(folder);
    assert.deepEqual(reads, ['card-failures/journal.md', 'notes/journal.md']);
  });

  it('does not keep a failed read: the next call tries again', async () => {
    const { cache, store, folder, reads } = current!;
    const history = store.history;
    let failures = 1;
    store.history = (file) => (failures-- > 0 ? Promise.reject(new Error('EIO')) : history(file));
    await assert.rejects(cache.history(folder), /EIO/);
    assert.equal(cache.peek(folder), undefined);
    assert.deepEqual(await cache.history(folder), []);
    assert.deepEqual(reads, ['card-failures/journal.md']);
  });

  it('stops listening once disposed', async () => {
    const { cache, folder, file, changes } = current!;
    await cache.history(folder);
    // The cache's own emitter is disposed too, so a subscription left behind would fire into
    // nothing: count the workspace's listeners instead.
    const { configurationEmitter, changeDocumentEmitter, closeDocumentEmitter } = fake.workspace;
    const listeners = () => [configurationEmitter.listenerCount, changeDocumentEmitter.listenerCount, closeDocumentEmitter.listenerCount];
    const before = listeners();
    cache.dispose();
    assert.deepEqual(
      listeners().map((count, index) => before[index]! - count),
      [1, 1, 1],
    );
    fake.workspace.fireFileEvent('change', file.uri as never);
    fake.workspace.setSetting('cardDoctor.journalPath', 'notes/journal.md');
    assert.equal(changes.count, 0);
    assert.deepEqual(
      fake.workspace.watchers.map((watcher) => watcher.disposed),
      [true, true],
    );
  });
});
