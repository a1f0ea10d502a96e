/**
 * Folder bounds: the refusal of a file that leads out of its workspace folder, in the person's
 * words, and the walk that refuses any symbolic link on the way in folders only workspace.fs
 * reaches (remote, virtual), where a link's target cannot be resolved.
 */
import assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { asRefusal, isTooLarge, joinSentences, RefusedPathError, refusalMessage, refuseLinksThroughWorkspaceFs, type FolderFile } from '../../../src/host/folderBounds';
import { uriInFolder } from '../../../src/host/workspaceTarget';
import { FileTooLargeError, OutsideFolderError, SymbolicLinkError } from '../../../src/node/realPath';
import { fake, resetFake, tempWorkspace } from '../../fakes/vscode/harness';

const VIRTUAL = vscode.Uri.from({ scheme: 'vscode-vfs', authority: 'github', path: '/owner/repo' });

function virtualFolder(): vscode.WorkspaceFolder {
  fake.workspace.setFolders([VIRTUAL as never]);
  return fake.workspace.folders![0] as unknown as vscode.WorkspaceFolder;
}

function journalIn(folder: vscode.WorkspaceFolder, relativePath = 'card-failures/journal.md'): FolderFile {
  return { folder: folder.uri, uri: uriInFolder(folder, relativePath), setting: 'cardDoctor.journalPath' };
}

/** The refusal `promise` rejects with; fails the test when it resolves or rejects with something else. */
async function refusal(promise: Promise<unknown>): Promise<RefusedPathError> {
  const error = await promise.then(
    () => assert.fail('expected a refusal'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof RefusedPathError, `expected a RefusedPathError, got ${String(error)}`);
  return error;
}

describe('host folderBounds', () => {
  beforeEach(() => resetFake());
  after(() => resetFake());

  describe('the refusal’s words', () => {
    it('says where the file leads, what was not done and which setting to check, for each action (English)', async () => {
      const [folder] = await tempWorkspace();
      const file = journalIn(folder as unknown as vscode.WorkspaceFolder);
      assert.equal(
        refusalMessage(file, 'outside', 'write'),
        'card-failures/journal.md leads outside the workspace folder through a symbolic link. Nothing was written. Check the setting cardDoctor.journalPath.',
      );
      assert.equal(
        refusalMessage(file, 'outside', 'open'),
        'card-failures/journal.md leads outside the workspace folder through a symbolic link. So it was not opened. Check the setting cardDoctor.journalPath.',
      );
      assert.equal(
        refusalMessage(file, 'outside', 'read'),
        'card-failures/journal.md leads outside the workspace folder through a symbolic link. So it was not read: the cooldown and the wizard leave it out. Check the setting cardDoctor.journalPath.',
      );
      assert.equal(
        refusalMessage(file, 'link', 'template'),
        'card-failures/journal.md goes through a symbolic link, and in this folder Card Doctor cannot check where it leads. So the template was not used and no letter was written. Check the setting cardDoctor.journalPath.',
      );
    });

    it('speaks Chinese in a Chinese UI, the sentences joined with nothing between them', async () => {
      fake.env.language = 'zh-cn';
      const [folder] = await tempWorkspace();
      const file = journalIn(folder as unknown as vscode.WorkspaceFolder);
      assert.equal(refusalMessage(file, 'outside', 'write'), 'card-failures/journal.md 经由符号链接指向工作区文件夹之外。未写入任何内容。请检查设置 cardDoctor.journalPath。');
      assert.equal(
        refusalMessage(file, 'link', 'read'),
        'card-failures/journal.md 经过一个符号链接，而在此文件夹中绑卡医生无法确认它指向哪里。因此没有读取它：24 小时等待提醒和诊断向导都不会用到其中的记录。请检查设置 cardDoctor.journalPath。',
      );
      assert.equal(joinSentences('一。', '二。'), '一。二。');
    });

    it('joins Traditional Chinese sentences with nothing between them too', async () => {
      fake.env.language = 'zh-tw';
      const [folder] = await tempWorkspace();
      const message = refusalMessage(journalIn(folder as unknown as vscode.WorkspaceFolder), 'outside', 'write');
      assert.equal(message, 'card-failures/journal.md 經由符號連結指向工作區資料夾之外。未寫入任何內容。請檢查設定 cardDoctor.journalPath。');
      assert.equal(joinSentences('一。', '二。'), '一。二。');
    });

    it('joins English sentences with one space', () => {
      assert.equal(joinSentences('One.', 'Two.', 'Three.'), 'One. Two. Three.');
    });
  });

  describe('asRefusal', () => {
    it('turns the Node side’s outside-the-folder and link refusals into a RefusedPathError naming the setting', async () => {
      const [folder] = await tempWorkspace();
      const file = journalIn(folder as unknown as vscode.WorkspaceFolder);
      for (const error of [new OutsideFolderError('/ws/j.md', '/etc/passwd', '/ws'), new SymbolicLinkError('/ws/j.md')]) {
        const refused = asRefusal(error, file, 'write');
        assert.ok(refused instanceof RefusedPathError);
        assert.equal(refused.reason, 'outside');
        assert.equal(refused.action, 'write');
        assert.equal(refused.setting, 'cardDoctor.journalPath');
        assert.equal(refused.name, 'RefusedPathError');
        assert.equal(refused.message, 'card-failures/journal.md leads outside the workspace folder through a symbolic link. Nothing was written. Check the setting cardDoctor.journalPath.');
      }
    });

    it('gives any other error back as it was', async () => {
      const [folder] = await tempWorkspace();
      const other = Object.assign(new Error('EACCES'), { code: 'EACCES' });
      assert.equal(asRefusal(other, journalIn(folder as unknown as vscode.WorkspaceFolder), 'read'), other);
      assert.equal(asRefusal('text', journalIn(folder as unknown as vscode.WorkspaceFolder), 'read'), 'text');
    });

    it('tells a size refusal apart', () => {
      assert.equal(isTooLarge(new FileTooLargeError('/ws/j.md', 40, 32)), true);
      assert.equal(isTooLarge(new Error('too large')), false);
    });
  });

  describe('refuseLinksThroughWorkspaceFs (a virtual folder)', () => {
    it('lets a path of plain folders and files through', async () => {
      const folder = virtualFolder();
      const file = journalIn(folder);
      fake.workspace.fs.putMemoryFile(file.uri as never, '# journal\n');
      await refuseLinksThroughWorkspaceFs(file, 'write');
      assert.deepEqual(
        fake.workspace.fs.calls.map((call) => call.uri),
        ['vscode-vfs://github/owner/repo/card-failures', 'vscode-vfs://github/owner/repo/card-failures/journal.md'],
      );
    });

    it('refuses a journal that is a link', async () => {
      const folder = virtualFolder();
      const file = journalIn(folder);
      fake.workspace.fs.putMemoryLink(file.uri as never);
      const error = await refusal(refuseLinksThroughWorkspaceFs(file, 'write'));
      assert.equal(error.reason, 'link');
      assert.equal(error.action, 'write');
      assert.equal(
        error.message,
        'card-failures/journal.md goes through a symbolic link, and in this folder Card Doctor cannot check where it leads. Nothing was written. Check the setting cardDoctor.journalPath.',
      );
    });

    it('refuses a folder on the way that is a link, before looking further', async () => {
      const folder = virtualFolder();
      fake.workspace.fs.putMemoryLink(vscode.Uri.joinPath(folder.uri, 'card-failures') as never, vscode.FileType.Directory);
      const error = await refusal(refuseLinksThroughWorkspaceFs(journalIn(folder), 'read'));
      assert.equal(error.reason, 'link');
      assert.deepEqual(
        fake.workspace.fs.calls.map((call) => call.uri),
        ['vscode-vfs://github/owner/repo/card-failures'],
      );
    });

    it('stops at the first name that does not exist yet: it will be created as a plain folder', async () => {
      const folder = virtualFolder();
      await refuseLinksThroughWorkspaceFs(journalIn(folder, 'new/deeper/journal.md'), 'write');
      assert.deepEqual(
        fake.workspace.fs.calls.map((call) => call.uri),
        ['vscode-vfs://github/owner/repo/new'],
      );
    });

    it('refuses a file outside the folder’s Uri (`..` in the setting) as leading outside, reading nothing', async () => {
      const folder = virtualFolder();
      const error = await refusal(refuseLinksThroughWorkspaceFs(journalIn(folder, '../other/journal.md'), 'write'));
      assert.equal(error.reason, 'outside');
      assert.deepEqual(fake.workspace.fs.calls, []);
    });

    it('refuses a Uri whose path climbs out with `..` after the folder’s name, without looking outside', async () => {
      const folder = virtualFolder();
      // A plain folder beside the workspace: the walk must not reach it, let alone let a write through.
      await fake.workspace.fs.createDirectory(VIRTUAL.with({ path: '/owner/elsewhere' }) as never);
      fake.workspace.fs.calls.length = 0;
      const file: FolderFile = { folder: folder.uri, uri: VIRTUAL.with({ path: '/owner/repo/../elsewhere/journal.md' }), setting: 'cardDoctor.journalPath' };
      const error = await refusal(refuseLinksThroughWorkspaceFs(file, 'write'));
      assert.equal(error.reason, 'outside');
      assert.deepEqual(fake.workspace.fs.calls, []);
    });

    it('refuses a sibling folder whose name only starts with the folder’s', async () => {
      const folder = virtualFolder();
      const file: FolderFile = { folder: folder.uri, uri: VIRTUAL.with({ path: '/owner/repo-evil/journal.md' }), setting: 'cardDoctor.journalPath' };
      assert.equal((await refusal(refuseLinksThroughWorkspaceFs(file, 'write'))).reason, 'outside');
    });

    it('accepts a folder Uri written with trailing slashes', async () => {
      const folder = virtualFolder();
      const file: FolderFile = { folder: VIRTUAL.with({ path: '/owner/repo///' }), uri: uriInFolder(folder, 'journal.md'), setting: 'cardDoctor.journalPath' };
      await refuseLinksThroughWorkspaceFs(file, 'write');
      assert.deepEqual(
        fake.workspace.fs.calls.map((call) => call.uri),
        ['vscode-vfs://github/owner/repo/journal.md'],
      );
    });

    it('passes on a file-system failure other than a missing name', async () => {
      const folder = virtualFolder();
      const unavailable = vscode.FileSystemError.Unavailable('remote gone');
      fake.workspace.fs.failures.set('vscode-vfs://github/owner/repo/card-failures', unavailable);
      await assert.rejects(refuseLinksThroughWorkspaceFs(journalIn(folder), 'read'), (error) => error === unavailable);
    });
  });

  describe('refuseLinksThroughWorkspaceFs (links on a real disk, as workspace.fs reports them)', () => {
    it('refuses a folder that links out of the workspace', async () => {
      const [folder, outside] = await tempWorkspace(2);
      await fsp.symlink(outside!.uri.fsPath, path.join(folder!.uri.fsPath, 'card-failures'));
      const error = await refusal(refuseLinksThroughWorkspaceFs(journalIn(folder as unknown as vscode.WorkspaceFolder), 'write'));
      assert.equal(error.reason, 'link');
    });

    it('refuses even a link that stays inside: its target cannot be checked through workspace.fs', async () => {
      const [folder] = await tempWorkspace();
      await fsp.mkdir(path.join(folder!.uri.fsPath, 'real'));
      await fsp.symlink(path.join(folder!.uri.fsPath, 'real'), path.join(folder!.uri.fsPath, 'card-failures'));
      assert.equal((await refusal(refuseLinksThroughWorkspaceFs(journalIn(folder as unknown as vscode.WorkspaceFolder), 'open'))).action, 'open');
    });
  });
});
