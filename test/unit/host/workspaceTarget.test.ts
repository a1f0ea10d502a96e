/**
 * Which folder a command works in: the only one, the one the person picks among several, or none
 * (offering to open one, or an untitled letter); the folder history is read from without asking;
 * and the file helpers every host module goes through.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { chooseWorkspaceFolder, exists, openDocument, readingFolder, uriInFolder } from '../../../src/host/workspaceTarget';
import { fake, resetFake, tempWorkspace, writeInFolder } from '../../fakes/vscode/harness';

describe('host workspaceTarget', () => {
  beforeEach(() => resetFake());

  describe('chooseWorkspaceFolder', () => {
    it('takes the only folder without asking', async () => {
      const [only] = await tempWorkspace();
      assert.equal(await chooseWorkspaceFolder({ allowUntitled: false }), only);
      assert.deepEqual(fake.window.folderPickCalls, []);
    });

    it('asks which of several, and gives undefined when the person dismisses the question', async () => {
      const [, second] = await tempWorkspace(2);
      fake.window.folderPick = 1;
      assert.equal(await chooseWorkspaceFolder({ allowUntitled: true }), second);
      assert.deepEqual(fake.window.folderPickCalls, [{ placeHolder: 'Which folder should hold the journal and letters?' }]);
      fake.window.folderPick = undefined;
      assert.equal(await chooseWorkspaceFolder({ allowUntitled: true }), undefined);
    });

    it('offers to open a folder or an untitled letter when none is open', async () => {
      fake.window.answer = () => 'Open as Untitled';
      assert.equal(await chooseWorkspaceFolder({ allowUntitled: true }), 'untitled');
      assert.deepEqual(
        fake.window.messages.map(({ severity, message, items }) => ({ severity, message, items })),
        [
          {
            severity: 'warning',
            message: 'No folder is open. Open a folder to save the letter, or open it as an untitled document.',
            items: ['Open Folder…', 'Open as Untitled'],
          },
        ],
      );
      assert.deepEqual(fake.commands.executed, []);
    });

    it('asks in Chinese in a Chinese UI', async () => {
      fake.env.language = 'zh-cn';
      assert.equal(await chooseWorkspaceFolder({ allowUntitled: false }), undefined);
      assert.deepEqual(fake.window.texts('warning'), ['尚未打开文件夹。请打开一个文件夹来保存失败日志。']);
    });
  });

  describe('readingFolder', () => {
    it('is the active editor’s folder, else the first, else none', async () => {
      assert.equal(readingFolder(), undefined);
      const [first, second] = await tempWorkspace(2);
      assert.equal(readingFolder(), first);
      fake.window.activeTextEditor = { document: { uri: vscode.Uri.joinPath(second!.uri, 'notes.md') as never } };
      assert.equal(readingFolder(), second);
      fake.window.activeTextEditor = { document: { uri: vscode.Uri.file('/elsewhere/notes.md') as never } };
      assert.equal(readingFolder(), first);
    });
  });

  describe('file helpers', () => {
    it('puts a relative path inside the folder, however its slashes are written', async () => {
      const [folder] = await tempWorkspace();
      assert.equal(uriInFolder(folder!, 'card-failures//journal.md/').path, `${folder!.uri.path}/card-failures/journal.md`);
    });

    it('tells whether a file exists, and passes on any other failure', async () => {
      const [folder] = await tempWorkspace();
      const uri = await writeInFolder(folder!, 'a.md', 'x');
      assert.equal(await exists(uri), true);
      assert.equal(await exists(vscode.Uri.joinPath(folder!.uri, 'b.md')), false);
      fake.workspace.fs.failures.set(uri.toString(), vscode.FileSystemError.NoPermissions(uri));
      await assert.rejects(exists(uri), (error: unknown) => error instanceof vscode.FileSystemError && error.code === 'NoPermissions');
    });

    it('finds the open document of a Uri', async () => {
      const [folder] = await tempWorkspace();
      const uri = vscode.Uri.joinPath(folder!.uri, 'j.md');
      assert.equal(openDocument(uri), undefined);
      const document = fake.workspace.openDocument(uri as never, 'text', { dirty: true });
      assert.equal(openDocument(vscode.Uri.parse(uri.toString())), document);
    });
  });
});
