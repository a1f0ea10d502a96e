/**
 * JournalRepository: each folder's journal at its `cardDoctor.journalPath`, read once per change
 * through the shared cache, read afresh where a stale copy would mislead, and re-read from the
 * new path as soon as the setting changes (the settings cache is emptied first).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { JournalRepository } from '../../../src/host/journalRepository';
import { JournalStore } from '../../../src/host/journalStore';
import { Notifier } from '../../../src/host/notifier';
import { SettingsService } from '../../../src/host/settingsService';
import { fake, readInFolder, resetFake, tempWorkspace, writeInFolder } from '../../fakes/vscode/harness';
import { validReport } from '../../validReport';

const NOW = new Date('2025-11-27T04:00:00Z');
const FIRST = validReport({ occurredAt: '2025-11-27T10:31:00+08:00', errorMessage: 'Your card was declined.', card: { brand: 'visa', last4: '4242' } });
const SECOND = validReport({ occurredAt: '2025-11-27T11:30:00+08:00', errorMessage: 'Your card was declined.', card: { brand: 'mastercard', last4: '5555' } });

describe('host JournalRepository', () => {
  let disposables: vscode.Disposable[];
  let journal: JournalRepository;
  let folder: vscode.WorkspaceFolder;

  beforeEach(async () => {
    await resetFake();
    [folder] = (await tempWorkspace()) as [vscode.WorkspaceFolder];
    const log = vscode.window.createOutputChannel('Card Doctor', { log: true });
    const notifier = new Notifier(log);
    // In the order createServices builds them: the settings listen to configuration changes first.
    const settings = new SettingsService(notifier);
    const store = new JournalStore(log);
    journal = new JournalRepository(store, settings);
    disposables = [journal, store, settings];
  });

  afterEach(() => {
    for (const disposable of disposables) disposable.dispose();
  });

  it('reads a folder’s journal once, until it changes', async () => {
    await journal.append(folder, { ...FIRST, occurredAt: FIRST.occurredAt! }, 'en', NOW);
    const first = journal.history(folder);
    assert.equal(journal.history(folder), first, 'the same read, not a second one');
    assert.deepEqual(await first, [FIRST]);
    assert.deepEqual(journal.peek(folder), [FIRST]);
  });

  it('does not re-read the settings for each read of the cache (the form reads it on every keystroke)', async () => {
    for (let keystroke = 0; keystroke < 20; keystroke++) await journal.history(folder);
    assert.deepEqual(fake.workspace.configurationReads, [{ section: 'cardDoctor', scope: folder.uri.toString() }]);
  });

  it('has nothing without a folder, and nothing to peek at before a read', async () => {
    assert.deepEqual(await journal.history(undefined), []);
    assert.equal(journal.peek(folder), undefined);
  });

  it('reads again after an entry is appended, and says the journal changed', async () => {
    let changes = 0;
    journal.onDidChange(() => changes++);
    await journal.append(folder, { ...FIRST, occurredAt: FIRST.occurredAt! }, 'en', NOW);
    assert.deepEqual(await journal.history(folder), [FIRST]);
    await journal.append(folder, { ...SECOND, occurredAt: SECOND.occurredAt! }, 'en', NOW);
    assert.equal(changes, 1, 'a change of a journal that was read');
    assert.deepEqual(await journal.history(folder), [FIRST, SECOND]);
  });

  it('reads past the cache when asked to, for a journal changed behind its back', async () => {
    await journal.append(folder, { ...FIRST, occurredAt: FIRST.occurredAt! }, 'en', NOW);
    assert.deepEqual(await journal.history(folder), [FIRST]);
    await writeInFolder(folder, 'card-failures/journal.md', '# Card failure journal\n');
    assert.deepEqual(await journal.history(folder), [FIRST], 'the cache has not heard of the change');
    assert.deepEqual(await journal.readFresh(folder), []);
  });

  it('reads the journal the setting names as soon as it changes', async () => {
    await journal.append(folder, { ...FIRST, occurredAt: FIRST.occurredAt! }, 'en', NOW);
    assert.deepEqual(await journal.history(folder), [FIRST]);
    fake.workspace.setSetting('cardDoctor.journalPath', 'notes/attempts.md');
    assert.deepEqual(await journal.history(folder), []);
    assert.equal(journal.journalFile(folder).uri.path, `${folder.uri.path}/notes/attempts.md`);
  });

  it('tells the views when the journal path changes, once the new path is in effect', async () => {
    await writeInFolder(folder, 'notes/attempts.md', '# Card failure journal\n');
    const seen: string[] = [];
    journal.onDidChange(() => seen.push(journal.journalFile(folder).uri.path.slice(folder.uri.path.length)));
    fake.workspace.setSetting('cardDoctor.journalPath', 'notes/attempts.md');
    assert.deepEqual(seen, ['/notes/attempts.md']);
  });

  it('creates the journal for editing with its header in the language asked, once', async () => {
    await journal.createForEditing(folder, 'zh-cn');
    const created = await readInFolder(folder, 'card-failures/journal.md');
    assert.match(created!, /^# 绑卡失败记录\n/);
    await journal.createForEditing(folder, 'en');
    assert.equal(await readInFolder(folder, 'card-failures/journal.md'), created);
  });
});
