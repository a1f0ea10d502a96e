/**
 * Red team (issue 15 round): in the browser every folder is reached through workspace.fs, which
 * cannot append, so recording an attempt rewrites the journal whole. The read path refuses a
 * journal over 32 MB unread; the append path reads any size (a repository's 64 MB journal.md,
 * or a far larger one) into memory and writes it back. It should refuse the same journal, unread.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DatedReport } from '../../src/core/journal';
import type { FolderFile } from '../../src/host/folderBounds';
import { JournalStore, JOURNAL_READ_LIMIT_BYTES } from '../../src/host/journalStore';
import { fake, resetFake } from '../fakes/vscode/harness';
import { validReport } from '../validReport';

const VIRTUAL = vscode.Uri.from({ scheme: 'vscode-vfs', authority: 'github', path: '/owner/repo' });
const REPORT = validReport({ occurredAt: '2025-11-27T10:31:00+08:00', card: { last4: '4242' } }) as DatedReport;

describe('red team: recording into a virtual folder with a huge journal', () => {
  beforeEach(() => resetFake());

  it('refuses a journal over the 32 MB read limit without reading or rewriting it', async () => {
    assert.equal(JOURNAL_READ_LIMIT_BYTES, 32 * 1024 * 1024);
    fake.workspace.setFolders([VIRTUAL as never]);
    const folder = fake.workspace.folders![0]!;
    const log = vscode.window.createOutputChannel('Card Doctor', { log: true });
    const store = new JournalStore(log as unknown as vscode.LogOutputChannel, { warn: () => undefined });
    const file: FolderFile = { folder: folder.uri as never, uri: vscode.Uri.joinPath(folder.uri as never, 'card-failures', 'journal.md'), setting: 'cardDoctor.journalPath' };
    fake.workspace.fs.putMemoryFile(file.uri as never, new Uint8Array(2 * JOURNAL_READ_LIMIT_BYTES));
    fake.workspace.fs.calls.length = 0;
    const outcome = await store.append(file, REPORT, 'en', new Date('2025-11-27T03:00:00Z')).then(
      () => 'appended',
      () => 'refused',
    );
    assert.equal(outcome, 'refused');
    assert.deepEqual(
      fake.workspace.fs.calls.filter((call) => call.op === 'readFile' || call.op === 'writeFile' || call.op === 'rename').map((call) => call.op),
      [],
    );
  });
});
