/**
 * "Write evidence pack": the CLI's pack (the same core function) written from the folder's journal
 * and the bank's answers in it as a new folder in the letters' folder, never over an earlier pack
 * and never out of the workspace folder; then revealed, with what to attach and, when the
 * supported-countries snapshot is old, a warning.
 */
import assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { writeEvidencePack, type EvidencePackServices } from '../../../src/host/evidencePackCommand';
import type { HostPort } from '../../../src/host/hostPort';
import { LetterWriter } from '../../../src/host/letterWriter';
import { nodePort } from '../../../src/host/nodePort';
import { readSettings } from '../../../src/host/settings';
import { createServices } from '../../../src/host/services';
import { uriInFolder } from '../../../src/host/workspaceTarget';
import { disposeAll, extensionContext, fake, readInFolder, resetFake, tempWorkspace, writeInFolder, type FakeLogOutputChannel } from '../../fakes/vscode/harness';
import { useSourceExtension } from './sourceExtension';

const ENTRY =
  '<!-- card-doctor:entry v1 {"occurredAt":"2026-03-01T10:31:00+08:00","report":{"product":"chatgpt-web","errorMessage":"Your card was declined.","notes":"typed 4111 1111 1111 1111 cvc 123","card":{"brand":"visa","kind":"credit","last4":"4242","issuerCountry":"US"}}} -->';
const ANSWER =
  '<!-- card-doctor:bank-answer v1 {"answeredAt":"2026-03-01T15:00:00+08:00","channel":"phone","sawAuthorization":"no","declinedBy":"merchant","reference":"SR88213"} -->';
const JOURNAL = `# Card failure journal\n\n${ENTRY}\n\n${ANSWER}\n`;
const FILES = ['about.md', 'appeal.md', 'bank-inquiry.md', 'bank-phone-script.md', 'diagnosis.md', 'screenshots-checklist.md', 'timeline.md'];
/** 36 days after the supported-countries snapshot (2026-01-24). */
const FRESH = new Date('2026-03-01T09:00:00Z');
/** 312 days after it: more than 180. */
const STALE = new Date('2026-12-02T01:00:00Z');

const extensionPath = useSourceExtension('card-doctor-pack-');
after(() => resetFake());

const messages = () => fake.window.messages.map(({ severity, message, items }) => ({ severity, message, items }));

/** The Node extension host's port: the pack goes through src/node/newFolder.ts. */
const NODE_PORT: HostPort = nodePort;
/** A port without Node files, as in the browser: even a file: folder is written through workspace.fs. */
const WORKSPACE_FS_ONLY: HostPort = { ...nodePort, localFiles: undefined };

function direct(now: Date, port?: HostPort): EvidencePackServices & { log: FakeLogOutputChannel } {
  const log = vscode.window.createOutputChannel('Card Doctor', { log: true }) as unknown as FakeLogOutputChannel;
  return {
    settings: { get: (folder) => readSettings(folder?.uri).settings },
    journal: { journalFile: (folder) => ({ folder: folder.uri, uri: uriInFolder(folder, 'card-failures/journal.md'), setting: 'cardDoctor.journalPath' }) },
    notifier: {
      info: (message: string, ...items: string[]) => vscode.window.showInformationMessage(message, ...items),
      warn: (message: string, ...items: string[]) => vscode.window.showWarningMessage(message, ...items),
      offer: (message: string, action: string) => void vscode.window.showInformationMessage(message, action),
    },
    letters: new LetterWriter({ ...extensionContext(), extensionPath: extensionPath() } as unknown as vscode.ExtensionContext, log as never, port ?? nodePort),
    log,
    clock: () => now,
    ...(port ? { port } : {}),
  };
}

describe('host evidence pack command', () => {
  let folder: vscode.WorkspaceFolder;
  beforeEach(async () => {
    await resetFake();
    [folder] = (await tempWorkspace()) as [vscode.WorkspaceFolder];
  });

  it('is registered: writes the pack into card-failures/, reveals it, opens about.md and says what to attach', async () => {
    await writeInFolder(folder as never, 'card-failures/journal.md', JOURNAL);
    const context = { ...extensionContext(), extensionPath: extensionPath() };
    const services = createServices(context as unknown as vscode.ExtensionContext, { clock: () => FRESH });
    try {
      const written = (await services.run('writeEvidencePack')) as vscode.Uri;
      const packFolder = path.join(folder.uri.fsPath, 'card-failures', 'evidence-2026-03-01');
      assert.equal(written.fsPath, packFolder);
      assert.deepEqual((await fsp.readdir(packFolder)).sort(), FILES);
      const timeline = (await readInFolder(folder as never, 'card-failures/evidence-2026-03-01/timeline.md'))!;
      assert.ok(
        timeline.endsWith(
          '## What the bank said · 2026-03-01 15:00 UTC+08:00 · by phone\n\n- Found the verification authorization: no\n- Declined by: the merchant’s side (merchant or its payment processor)\n- Reference number: SR88213\n',
        ),
        timeline,
      );
      for (const name of FILES) {
        const text = (await readInFolder(folder as never, `card-failures/evidence-2026-03-01/${name}`))!;
        assert.ok(!/4111|cvc 123/i.test(text), `${name} holds the card number or the CVC`);
      }
      assert.deepEqual(
        fake.commands.executed.filter((call) => call.id === 'revealInExplorer').map((call) => (call.args[0] as vscode.Uri).fsPath),
        [packFolder],
      );
      assert.deepEqual(
        fake.window.shownDocuments.map((shown) => shown.uri),
        [vscode.Uri.file(path.join(packFolder, 'about.md')).toString()],
      );
      assert.deepEqual(messages(), [
        // The fresh letters are the letter writer's, placeholders and question alike.
        {
          severity: 'information',
          message: 'The letter leaves your name and account email as placeholders to fill in. Enter them once for your next letters?',
          items: ['Enter Name and Email…', "Don't Ask Again"],
        },
        {
          severity: 'information',
          message:
            'Wrote the evidence pack to card-failures/evidence-2026-03-01. Attach timeline.md and diagnosis.md to your appeal, add the screenshots screenshots-checklist.md lists (with the parts it names hidden), and keep bank-phone-script.md at hand when you call your bank.',
          items: [],
        },
      ]);
    } finally {
      disposeAll(context.subscriptions);
    }
  });

  it('never writes over an earlier pack: the next is -2, the first left with the screenshot added to it', async () => {
    await writeInFolder(folder as never, 'card-failures/journal.md', JOURNAL);
    await writeInFolder(folder as never, 'card-failures/evidence-2026-03-01/shot.png', 'mine');
    for (const port of [WORKSPACE_FS_ONLY, NODE_PORT]) {
      const services = direct(FRESH, port);
      const written = await writeEvidencePack(services);
      assert.equal(path.basename(written!.fsPath), port === NODE_PORT ? 'evidence-2026-03-01-3' : 'evidence-2026-03-01-2');
    }
    assert.deepEqual(await fsp.readdir(path.join(folder.uri.fsPath, 'card-failures', 'evidence-2026-03-01')), ['shot.png']);
    assert.deepEqual((await fsp.readdir(path.join(folder.uri.fsPath, 'card-failures', 'evidence-2026-03-01-3'))).sort(), FILES);
  });

  it('goes where cardDoctor.outputFolder says, in the language of the letters setting', async () => {
    await writeInFolder(folder as never, 'card-failures/journal.md', JOURNAL);
    fake.workspace.setSetting('cardDoctor.outputFolder', 'packs/bank');
    fake.workspace.setSetting('cardDoctor.letterLanguage', 'zh-cn');
    const written = await writeEvidencePack(direct(FRESH, NODE_PORT));
    assert.equal(written!.fsPath, path.join(folder.uri.fsPath, 'packs', 'bank', 'evidence-2026-03-01'));
    assert.ok((await readInFolder(folder as never, 'packs/bank/evidence-2026-03-01/timeline.md'))!.startsWith('# 绑卡失败时间线\n'));
  });

  it('warns when the supported-countries snapshot is more than 180 days old', async () => {
    await writeInFolder(folder as never, 'card-failures/journal.md', JOURNAL);
    await writeEvidencePack(direct(STALE, NODE_PORT));
    assert.deepEqual(
      messages().filter((call) => call.severity === 'warning'),
      [
        {
          severity: 'warning',
          message: 'The supported-countries list in this pack is 312 days old (more than 180). Check the current list before relying on what the pack says about a region.',
          items: [],
        },
      ],
    );
  });

  it('writes nothing for a journal without an attempt, and offers to record one', async () => {
    await writeInFolder(folder as never, 'card-failures/journal.md', `# Card failure journal\n\n${ANSWER}\n`);
    assert.equal(await writeEvidencePack(direct(FRESH, NODE_PORT)), undefined);
    assert.deepEqual(messages(), [
      {
        severity: 'information',
        message: 'The failure journal holds no attempt yet, so there is nothing to pack. Record the failed attempt first.',
        items: ['Record Attempt…'],
      },
    ]);
    assert.deepEqual(await fsp.readdir(path.join(folder.uri.fsPath, 'card-failures')), ['journal.md']);
  });

  it('refuses a letters folder that is a link out of the workspace folder, writing nothing there', async () => {
    await writeInFolder(folder as never, 'card-failures/journal.md', JOURNAL);
    const outside = await fsp.mkdtemp(path.join(os.tmpdir(), 'card-doctor-outside-'));
    try {
      await fsp.symlink(outside, path.join(folder.uri.fsPath, 'packs'));
      fake.workspace.setSetting('cardDoctor.outputFolder', 'packs');
      for (const port of [WORKSPACE_FS_ONLY, NODE_PORT]) {
        await assert.rejects(writeEvidencePack(direct(FRESH, port)), { name: 'RefusedPathError' });
      }
      assert.deepEqual(await fsp.readdir(outside), []);
    } finally {
      await fsp.rm(outside, { recursive: true, force: true });
    }
  });

  it('writes through workspace.fs in a virtual folder', async () => {
    const VIRTUAL = vscode.Uri.from({ scheme: 'vscode-vfs', authority: 'github', path: '/owner/repo' });
    fake.workspace.setFolders([VIRTUAL as never]);
    fake.workspace.fs.putMemoryFile(vscode.Uri.joinPath(VIRTUAL, 'card-failures', 'journal.md') as never, JOURNAL);
    fake.workspace.fs.putMemoryFile(vscode.Uri.joinPath(VIRTUAL, 'card-failures', 'evidence-2026-03-01', 'about.md') as never, 'mine');
    const written = await writeEvidencePack(direct(FRESH, NODE_PORT));
    assert.equal(written!.toString(), 'vscode-vfs://github/owner/repo/card-failures/evidence-2026-03-01-2');
    assert.ok(fake.workspace.fs.memoryText(vscode.Uri.joinPath(written!, 'timeline.md') as never)!.includes('- Reference number: SR88213\n'));
    assert.equal(fake.workspace.fs.memoryText(vscode.Uri.joinPath(VIRTUAL, 'card-failures', 'evidence-2026-03-01', 'about.md') as never), 'mine');
  });

  describe('the letters', () => {
    const LEFT_OUT_SECRET =
      'bank-inquiry-2026-03-01.md holds what looks like a full card number, a CVC or a one-time code, so it was left out of the evidence pack (not copied, not masked). Take that out of the letter, then write the pack again.';

    it('copies the person’s newest letters as edited, leaves out one with a card number (warning), and renders the missing kind fresh: both ways', async () => {
      await writeInFolder(folder as never, 'card-failures/journal.md', JOURNAL);
      await writeInFolder(folder as never, 'card-failures/appeal-2026-02-28.md', '# Appeal\n\nolder\n');
      await writeInFolder(folder as never, 'card-failures/appeal-2026-03-01.md', '# Appeal\n\nAs I edited it.\n');
      await writeInFolder(folder as never, 'card-failures/appeal-2026-03-01.zh-cn.md', '# 申诉副本\n');
      await writeInFolder(folder as never, 'card-failures/bank-inquiry-2026-03-01.md', 'card 4111 1111 1111 1111, CVC 123\n');
      for (const [port, name] of [
        [NODE_PORT, 'evidence-2026-03-01'],
        [WORKSPACE_FS_ONLY, 'evidence-2026-03-01-2'],
      ] as const) {
        fake.window.messages.length = 0;
        const written = await writeEvidencePack(direct(FRESH, port));
        assert.equal(path.basename(written!.fsPath), name);
        assert.deepEqual((await fsp.readdir(written!.fsPath)).sort(), [
          'about.md',
          'appeal-2026-03-01.md',
          'appeal-2026-03-01.zh-cn.md',
          'bank-inquiry.md',
          'bank-phone-script.md',
          'diagnosis.md',
          'screenshots-checklist.md',
          'timeline.md',
        ]);
        const read = (file: string) => readInFolder(folder as never, `card-failures/${name}/${file}`);
        assert.equal(await read('appeal-2026-03-01.md'), '# Appeal\n\nAs I edited it.\n');
        assert.equal(await read('appeal-2026-03-01.zh-cn.md'), '# 申诉副本\n');
        // The letter writer's built-in bank inquiry for the US card: in English.
        assert.ok((await read('bank-inquiry.md'))!.includes('4242'));
        assert.ok(!/4111|CVC 123/.test((await read('bank-inquiry.md'))!));
        assert.ok(
          (await read('about.md'))!.includes(
            [
              '## Letters',
              '',
              '- appeal-2026-03-01.md: your own letter, as you edited it.',
              '- appeal-2026-03-01.zh-cn.md: your own copy of a letter in your language, as you edited it; send the letter it names, not this copy.',
              '- bank-inquiry.md: written fresh by Card Binding Doctor from the last attempt, as the letters’ folder held no bank inquiry that could be copied. Read it and fill in what it leaves to you before you send it.',
              `- Left out: ${LEFT_OUT_SECRET.replace(', so it was left out of the evidence pack (not copied, not masked)', ', so it was not copied')}`,
              '',
            ].join('\n'),
          ),
        );
        assert.deepEqual(
          messages().filter((call) => call.severity === 'warning'),
          [{ severity: 'warning', message: LEFT_OUT_SECRET, items: [] }],
        );
      }
    });

    it('a letter linking out of the workspace folder is left out (Node); through workspace.fs any link is', async () => {
      await writeInFolder(folder as never, 'card-failures/journal.md', JOURNAL);
      const outside = await fsp.mkdtemp(path.join(os.tmpdir(), 'card-doctor-letter-'));
      try {
        await fsp.writeFile(path.join(outside, 'appeal.md'), '# not in the workspace\n');
        await fsp.symlink(path.join(outside, 'appeal.md'), path.join(folder.uri.fsPath, 'card-failures', 'appeal-2026-03-01.md'));
        await writeEvidencePack(direct(FRESH, NODE_PORT));
        await writeEvidencePack(direct(FRESH, WORKSPACE_FS_ONLY));
        assert.deepEqual(
          messages().filter((call) => call.severity === 'warning').map((call) => call.message),
          [
            'appeal-2026-03-01.md leads outside the workspace folder through a symbolic link, so it was left out of the evidence pack.',
            'appeal-2026-03-01.md is a symbolic link, and in this folder Card Doctor cannot check where it leads, so it was left out of the evidence pack.',
          ],
        );
        for (const name of ['evidence-2026-03-01', 'evidence-2026-03-01-2']) {
          const appeal = (await readInFolder(folder as never, `card-failures/${name}/appeal.md`))!;
          assert.ok(!appeal.includes('not in the workspace'));
          assert.ok((await readInFolder(folder as never, `card-failures/${name}/about.md`))!.includes('- appeal.md: written fresh by Card Binding Doctor'));
        }
      } finally {
        await fsp.rm(outside, { recursive: true, force: true });
      }
    });

    it('a letter over 1 MB is not read, either way', async () => {
      await writeInFolder(folder as never, 'card-failures/journal.md', JOURNAL);
      await writeInFolder(folder as never, 'card-failures/appeal-2026-03-01.md', 'a'.repeat(1_000_001));
      await writeEvidencePack(direct(FRESH, NODE_PORT));
      await writeEvidencePack(direct(FRESH, WORKSPACE_FS_ONLY));
      const warning = 'appeal-2026-03-01.md is larger than 1 MB, so it was left out of the evidence pack.';
      assert.deepEqual(
        messages().filter((call) => call.severity === 'warning').map((call) => call.message),
        [warning, warning],
      );
      assert.equal(
        fake.workspace.fs.calls.filter((call) => call.op === 'readFile' && call.uri.endsWith('/appeal-2026-03-01.md')).length,
        0,
      );
    });

    it('in a virtual folder: the letters through workspace.fs, a linked one left out, the fresh one in the setting’s language', async () => {
      const VIRTUAL = vscode.Uri.from({ scheme: 'vscode-vfs', authority: 'github', path: '/owner/repo' });
      fake.workspace.setFolders([VIRTUAL as never]);
      fake.workspace.setSetting('cardDoctor.letterLanguage', 'zh-cn');
      fake.workspace.fs.putMemoryFile(vscode.Uri.joinPath(VIRTUAL, 'card-failures', 'journal.md') as never, JOURNAL);
      fake.workspace.fs.putMemoryFile(vscode.Uri.joinPath(VIRTUAL, 'card-failures', 'bank-inquiry-2026-03-01.md') as never, '# 我改过的咨询信\n');
      fake.workspace.fs.putMemoryLink(vscode.Uri.joinPath(VIRTUAL, 'card-failures', 'appeal-2026-03-01.md') as never);
      const written = await writeEvidencePack(direct(FRESH, NODE_PORT));
      const text = (file: string) => fake.workspace.fs.memoryText(vscode.Uri.joinPath(written!, file) as never);
      assert.equal(text('bank-inquiry-2026-03-01.md'), '# 我改过的咨询信\n');
      assert.equal(text('appeal-2026-03-01.md'), undefined);
      // letterLanguage zh-cn: the fresh appeal is in Simplified Chinese, as Generate Appeal would write it.
      assert.ok(/[\u4e00-\u9fff]/.test(text('appeal.md')!));
      assert.ok(text('about.md')!.includes('- 未放入：appeal-2026-03-01.md 是符号链接，在这个文件夹中绑卡医生无法确认它指向哪里，因此没有读取。\n'));
    });
  });
});
