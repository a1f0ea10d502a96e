/**
 * A folder can hold symbolic links someone committed: the extension writes and reads only what
 * really is inside the workspace folder. Real links on the real disk, through the commands.
 */
import * as assert from 'node:assert/strict';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { encodeEntryLine, parseJournal } from '../../src/core/journal';
import { COMMAND_IDS } from '../../src/host/commandIds';
import { RefusedPathError, type FolderFile } from '../../src/host/folderBounds';
import { JournalStore } from '../../src/host/journalStore';
import { activateExtension, eventually, EXTENSION_ID, inWorkspace, isOpenInTab, readText, sampleReport, workspaceFolder } from './helpers';

const GITCONFIG = '[user]\n\tname = Someone\n\temail = someone@example.com\n';

describe('writes stay in the workspace folder', function () {
  this.timeout(30_000);
  /** A folder outside the workspace, standing for the person's home. */
  let outside: string;
  let folder: string;

  before(async () => {
    await activateExtension();
    folder = workspaceFolder().uri.fsPath;
  });

  beforeEach(() => {
    outside = realpathSync(mkdtempSync(join(tmpdir(), 'card-doctor-outside-')));
    writeFileSync(join(outside, 'gitconfig'), GITCONFIG);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Links first, by Node, so nothing that cleans up can follow one out of the folder.
    for (const name of ['card-failures', 'notes']) {
      const path = join(folder, name);
      try {
        if (lstatSync(path).isSymbolicLink()) rmSync(path);
        else rmSync(path, { recursive: true, force: true });
      } catch {
        // Not there: nothing to remove.
      }
    }
    rmSync(outside, { recursive: true, force: true });
  });

  function linkJournalToOutside(): void {
    mkdirSync(join(folder, 'card-failures'));
    symlinkSync(join(outside, 'gitconfig'), join(folder, 'card-failures', 'journal.md'));
  }

  it('refuses to record an attempt in a journal linked to a file outside, leaving that file’s bytes as they were', async () => {
    linkJournalToOutside();
    const result = await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport());
    assert.equal(result, undefined);
    assert.equal(readFileSync(join(outside, 'gitconfig'), 'utf8'), GITCONFIG);
    assert.deepEqual(readdirSync(outside), ['gitconfig']);
  });

  it('refuses to write a letter into an output folder linked outside, writing nothing there', async () => {
    symlinkSync(outside, join(folder, 'card-failures'));
    const result = await vscode.commands.executeCommand(COMMAND_IDS.generateAppeal, sampleReport());
    assert.equal(result, undefined);
    assert.deepEqual(readdirSync(outside), ['gitconfig']);
  });

  it('refuses to open a journal linked outside in an editor', async () => {
    linkJournalToOutside();
    const result = await vscode.commands.executeCommand(COMMAND_IDS.openJournal);
    assert.equal(result, undefined);
    assert.equal(isOpenInTab(inWorkspace('card-failures', 'journal.md')), false);
    assert.equal(readFileSync(join(outside, 'gitconfig'), 'utf8'), GITCONFIG);
  });

  it('adds nothing to an editor with unsaved edits on a journal linked outside (a save would write through the link)', async () => {
    linkJournalToOutside();
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    try {
      const document = await vscode.workspace.openTextDocument(inWorkspace('card-failures', 'journal.md'));
      const editor = await vscode.window.showTextDocument(document);
      // An editor on a document VS Code kept from an earlier test can be reloading from the disk
      // (the link was just made): it refuses an edit made against the old version, changing nothing.
      await eventually(async () => editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# my edit\n')), 'the editor to take the edit');
      assert.equal(document.isDirty, true);
      // (What the editor shows can be VS Code's cached text of this path from an earlier test.)
      const before = document.getText();
      assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport()), undefined);
      assert.equal(document.getText(), before);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
    assert.equal(readFileSync(join(outside, 'gitconfig'), 'utf8'), GITCONFIG);
  });

  it('records and writes letters through a link that stays inside the folder', async () => {
    mkdirSync(join(folder, 'notes'));
    symlinkSync(join(folder, 'notes'), join(folder, 'card-failures'));
    const journal = (await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport())) as vscode.Uri;
    assert.equal(journal.toString(), inWorkspace('card-failures', 'journal.md').toString());
    const entries = parseJournal(readFileSync(join(folder, 'notes', 'journal.md'), 'utf8')).entries;
    assert.deepEqual(entries.map((entry) => entry.occurredAt), ['2025-11-27T10:31:00+08:00']);
    const letter = (await vscode.commands.executeCommand(COMMAND_IDS.generateAppeal, sampleReport())) as vscode.Uri;
    assert.equal(letter.toString(), inWorkspace('card-failures', 'appeal-2025-11-27.md').toString());
    assert.match(await readText(letter), /OpenAI/);
    assert.deepEqual(readdirSync(join(folder, 'notes')).sort(), ['appeal-2025-11-27.md', 'journal.md']);
  });

  it('@restricted refuses a journal linked outside in Restricted Mode too', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this run needs Restricted Mode');
    linkJournalToOutside();
    assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport()), undefined);
    assert.equal(readFileSync(join(outside, 'gitconfig'), 'utf8'), GITCONFIG);
  });

  it('@zh-cn says why in Chinese', () => {
    const file = { folder: workspaceFolder().uri, uri: inWorkspace('card-failures', 'journal.md'), setting: 'cardDoctor.journalPath' };
    assert.equal(
      new RefusedPathError(file, 'outside', 'write').message,
      'card-failures/journal.md 经由符号链接指向工作区文件夹之外。未写入任何内容。请检查设置 cardDoctor.journalPath。',
    );
    assert.equal(
      new RefusedPathError(file, 'outside', 'open').message,
      'card-failures/journal.md 经由符号链接指向工作区文件夹之外。因此没有打开它。请检查设置 cardDoctor.journalPath。',
    );
  });

  describe('reading the journal', () => {
    let log: vscode.LogOutputChannel;
    let store: JournalStore;
    const warnings: string[] = [];
    const journal = (): FolderFile => ({ folder: workspaceFolder().uri, uri: inWorkspace('card-failures', 'journal.md'), setting: 'cardDoctor.journalPath' });

    before(() => {
      log = vscode.window.createOutputChannel('Card Binding Doctor (journal reading test)', { log: true });
      const workerFile = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'journalWorker.js');
      store = new JournalStore(log, { workerFile, warn: (key) => warnings.push(key) });
    });

    beforeEach(() => {
      warnings.length = 0;
    });

    after(() => {
      store.dispose();
      log.dispose();
    });

    it('reads a journal linked outside as empty, and says why', async () => {
      writeFileSync(join(outside, 'journal.md'), `# J\n\n${encodeEntryLine({ occurredAt: '2025-11-27T10:31:00+08:00' })}\n`);
      mkdirSync(join(folder, 'card-failures'));
      symlinkSync(join(outside, 'journal.md'), join(folder, 'card-failures', 'journal.md'));
      assert.deepEqual(await store.read(journal()), { entries: [], problems: [] });
      assert.deepEqual(warnings, [`outside:${journal().uri.toString()}`]);
    });

    it('does not read a journal over 32 MB, counts it as empty, and says why', async () => {
      mkdirSync(join(folder, 'card-failures'));
      const path = join(folder, 'card-failures', 'journal.md');
      writeFileSync(path, `# J\n\n${encodeEntryLine({ occurredAt: '2025-11-27T10:31:00+08:00' })}\n`);
      // One byte over the limit, the rest a hole: no time spent writing 32 MB.
      truncateSync(path, 32 * 1024 * 1024 + 1);
      assert.deepEqual(await store.read(journal()), { entries: [], problems: [] });
      assert.deepEqual(warnings, [`too-large:${journal().uri.toString()}`]);
    });

    it('reads a large journal whole, on the worker thread', async () => {
      mkdirSync(join(folder, 'card-failures'));
      const lines = ['# J', ''];
      for (let index = 0; index < 3000; index++) {
        lines.push(encodeEntryLine({ occurredAt: new Date(Date.parse('2025-11-20T00:00:00Z') + index * 60_000).toISOString(), errorMessage: 'Your card was declined.' }));
      }
      writeFileSync(join(folder, 'card-failures', 'journal.md'), lines.join('\n') + '\n');
      assert.ok(lines.join('\n').length > 128 * 1024, 'larger than what is parsed in place');
      const { entries, problems } = await store.read(journal());
      assert.deepEqual(problems, []);
      assert.equal(entries.length, 3000);
      assert.deepEqual([entries[0]!.line, entries[0]!.occurredAt, entries[2999]!.line], [3, '2025-11-20T00:00:00.000Z', 3002]);
      assert.deepEqual(warnings, []);
    });
  });
});
