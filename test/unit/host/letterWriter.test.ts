/**
 * Letters: rendered from the built-in or the person's own template (only in a trusted workspace,
 * only from inside the folder, only up to 64 KB), and written as new files into the output
 * folder, never over a letter the person may have edited and never out of the folder through a
 * symbolic link.
 */
import assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Report } from '../../../src/core/report';
import { RefusedPathError } from '../../../src/host/folderBounds';
import { LetterWriter, OwnTemplateRefusedError, ownTemplateRefusal, showOwnTemplateRefusal, TemplateTooLargeError } from '../../../src/host/letterWriter';
import { letterLang, letterLangFor, readSettings, type Settings } from '../../../src/host/settings';
import { extensionContext, fake, FakeMemento, readInFolder, resetFake, tempWorkspace, writeInFolder, type FakeLogOutputChannel } from '../../fakes/vscode/harness';
import { validReport } from '../../validReport';
import { useSourceExtension } from './sourceExtension';

const NOW = new Date('2025-11-27T04:00:00Z');
const REPORT: Report = validReport({ occurredAt: '2025-11-27T10:31:00+08:00', errorMessage: 'Your card was declined.', card: { brand: 'visa', last4: '4242' } });

const extensionPath = useSourceExtension('card-doctor-extension-');

after(() => resetFake());

interface Harness {
  writer: LetterWriter;
  log: FakeLogOutputChannel;
  state: FakeMemento;
}

function harness(): Harness {
  const state = new FakeMemento();
  const context = { ...extensionContext({ workspaceState: state }), extensionPath: extensionPath() };
  const log = vscode.window.createOutputChannel('Card Doctor', { log: true }) as unknown as FakeLogOutputChannel;
  return { writer: new LetterWriter(context as unknown as vscode.ExtensionContext, log as unknown as vscode.LogOutputChannel), log, state };
}

/** The settings as the extension reads them, with `overrides` set first. */
function settingsWith(overrides: Record<string, unknown> = {}): Settings {
  for (const [key, value] of Object.entries(overrides)) fake.workspace.setSetting(`cardDoctor.${key}`, value);
  return readSettings(undefined).settings;
}

async function workspaceFolder(): Promise<vscode.WorkspaceFolder> {
  const [folder] = await tempWorkspace();
  return folder as unknown as vscode.WorkspaceFolder;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => assert.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

describe('host letterWriter', () => {
  beforeEach(() => resetFake());

  describe('write', () => {
    it('writes <kind>-<date>.md into the output folder, dated in the attempt’s own offset', async () => {
      const folder = await workspaceFolder();
      const { writer, log } = harness();
      const written = await writer.write(folder, settingsWith(), 'appeal', REPORT, 'Dear support,\n', NOW);
      assert.equal(written.fsPath, path.join(folder.uri.fsPath, 'card-failures', 'appeal-2025-11-27.md'));
      assert.equal(await readInFolder(folder as never, 'card-failures/appeal-2025-11-27.md'), 'Dear support,\n');
      assert.deepEqual(log.at('info'), [`letters: wrote ${written.toString()}`]);
    });

    it('names the file by the local date of the attempt, not the UTC one', async () => {
      const folder = await workspaceFolder();
      const late = validReport({ occurredAt: '2025-11-27T23:30:00-05:00' });
      const written = await harness().writer.write(folder, settingsWith(), 'bank-inquiry', late, 'x', NOW);
      assert.equal(path.basename(written.fsPath), 'bank-inquiry-2025-11-27.md');
    });

    it('dates a report without a time by today on the machine’s clock, not in UTC', async () => {
      const timeZone = process.env.TZ;
      process.env.TZ = 'Asia/Shanghai';
      try {
        const folder = await workspaceFolder();
        // 04:00 on New Year's Day in Beijing is still 31 December in UTC.
        const written = await harness().writer.write(folder, settingsWith(), 'appeal', validReport({}), 'x', new Date('2025-12-31T20:00:00Z'));
        assert.equal(path.basename(written.fsPath), 'appeal-2026-01-01.md');
      } finally {
        if (timeZone === undefined) delete process.env.TZ;
        else process.env.TZ = timeZone;
      }
    });

    it('never overwrites a letter the person edited: the next one is -2, then -3', async () => {
      const folder = await workspaceFolder();
      await writeInFolder(folder as never, 'card-failures/appeal-2025-11-27.md', 'my edited letter\n');
      const { writer, log } = harness();
      const second = await writer.write(folder, settingsWith(), 'appeal', REPORT, 'new letter\n', NOW);
      const third = await writer.write(folder, settingsWith(), 'appeal', REPORT, 'newer letter\n', NOW);
      assert.equal(path.basename(second.fsPath), 'appeal-2025-11-27-2.md');
      assert.equal(path.basename(third.fsPath), 'appeal-2025-11-27-3.md');
      assert.equal(await readInFolder(folder as never, 'card-failures/appeal-2025-11-27.md'), 'my edited letter\n');
      assert.equal(await readInFolder(folder as never, 'card-failures/appeal-2025-11-27-2.md'), 'new letter\n');
      assert.deepEqual(log.at('info'), [
        `letters: wrote ${second.toString()} (appeal-2025-11-27.md existed)`,
        `letters: wrote ${third.toString()} (appeal-2025-11-27.md existed)`,
      ]);
    });

    it('writes into the output folder the setting names, creating it', async () => {
      const folder = await workspaceFolder();
      const written = await harness().writer.write(folder, settingsWith({ outputFolder: 'letters/2025' }), 'appeal', REPORT, 'x', NOW);
      assert.equal(written.fsPath, path.join(folder.uri.fsPath, 'letters', '2025', 'appeal-2025-11-27.md'));
    });

    it('refuses an output folder that is a symbolic link out of the workspace, writing nothing there', async () => {
      const [folder, outside] = await tempWorkspace(2);
      await fsp.symlink(outside!.uri.fsPath, path.join(folder!.uri.fsPath, 'card-failures'));
      const error = await rejection(harness().writer.write(folder as never, settingsWith(), 'appeal', REPORT, 'x', NOW));
      assert.ok(error instanceof RefusedPathError);
      assert.equal(error.reason, 'outside');
      assert.equal(error.action, 'write');
      assert.equal(error.setting, 'cardDoctor.outputFolder');
      assert.equal(error.message, 'card-failures leads outside the workspace folder through a symbolic link. Nothing was written. Check the setting cardDoctor.outputFolder.');
      assert.deepEqual(await fsp.readdir(outside!.uri.fsPath), []);
    });

    it('skips a letter’s name held by a link to a file outside, leaving that file alone', async () => {
      const [folder, outside] = await tempWorkspace(2);
      const secret = path.join(outside!.uri.fsPath, 'secret.txt');
      await fsp.writeFile(secret, 'secret\n');
      await fsp.mkdir(path.join(folder!.uri.fsPath, 'card-failures'));
      await fsp.symlink(secret, path.join(folder!.uri.fsPath, 'card-failures', 'appeal-2025-11-27.md'));
      const written = await harness().writer.write(folder as never, settingsWith(), 'appeal', REPORT, 'letter\n', NOW);
      assert.equal(path.basename(written.fsPath), 'appeal-2025-11-27-2.md');
      assert.equal(await fsp.readFile(secret, 'utf8'), 'secret\n');
    });

    it('writes a letter through a link that stays inside the folder, to where it leads', async () => {
      const [folder] = await tempWorkspace();
      await fsp.mkdir(path.join(folder!.uri.fsPath, 'real-letters'));
      await fsp.symlink(path.join(folder!.uri.fsPath, 'real-letters'), path.join(folder!.uri.fsPath, 'card-failures'));
      const written = await harness().writer.write(folder as never, settingsWith(), 'appeal', REPORT, 'letter\n', NOW);
      assert.equal(written.fsPath, path.join(folder!.uri.fsPath, 'card-failures', 'appeal-2025-11-27.md'));
      assert.equal(await readInFolder(folder!, 'real-letters/appeal-2025-11-27.md'), 'letter\n');
    });

    describe('in a virtual folder (workspace.fs only)', () => {
      const VIRTUAL = vscode.Uri.from({ scheme: 'vscode-vfs', authority: 'github', path: '/owner/repo' });

      function virtualFolder(): vscode.WorkspaceFolder {
        fake.workspace.setFolders([VIRTUAL as never]);
        return fake.workspace.folders![0] as unknown as vscode.WorkspaceFolder;
      }

      it('writes a new file, and -2 beside an existing one', async () => {
        const folder = virtualFolder();
        fake.workspace.fs.putMemoryFile(vscode.Uri.joinPath(VIRTUAL, 'card-failures', 'appeal-2025-11-27.md') as never, 'edited\n');
        const { writer, log } = harness();
        const written = await writer.write(folder, settingsWith(), 'appeal', REPORT, 'letter\n', NOW);
        assert.equal(written.toString(), 'vscode-vfs://github/owner/repo/card-failures/appeal-2025-11-27-2.md');
        assert.equal(fake.workspace.fs.memoryText(written as never), 'letter\n');
        assert.equal(fake.workspace.fs.memoryText(vscode.Uri.joinPath(VIRTUAL, 'card-failures', 'appeal-2025-11-27.md') as never), 'edited\n');
        assert.deepEqual(log.at('info'), ['letters: wrote vscode-vfs://github/owner/repo/card-failures/appeal-2025-11-27-2.md (appeal-2025-11-27.md existed)']);
      });

      it('refuses an output folder that is a link (its target cannot be checked), writing nothing', async () => {
        const folder = virtualFolder();
        fake.workspace.fs.putMemoryLink(vscode.Uri.joinPath(VIRTUAL, 'card-failures') as never, vscode.FileType.Directory);
        const error = await rejection(harness().writer.write(folder, settingsWith(), 'appeal', REPORT, 'x', NOW));
        assert.ok(error instanceof RefusedPathError);
        assert.equal(error.reason, 'link');
        assert.deepEqual(
          fake.workspace.fs.calls.filter((call) => call.op === 'writeFile' || call.op === 'createDirectory'),
          [],
        );
      });
    });
  });

  describe('render', () => {
    it('renders the built-in letter with the person’s name and email from the settings', async () => {
      const folder = await workspaceFolder();
      const text = await harness().writer.render('appeal', 'en', REPORT, [REPORT], settingsWith({ name: 'Li Lei', accountEmail: 'li@example.com' }), folder, NOW);
      assert.ok(text.startsWith('**To:** OpenAI Support — Billing & Payments\n'), text.slice(0, 80));
      assert.ok(text.includes('- Name: Li Lei\n- Account email: li@example.com\n'));
    });

    it('uses the person’s own template in a trusted workspace, and says so in the log', async () => {
      const folder = await workspaceFolder();
      await writeInFolder(folder as never, 'my-templates/appeal.en.hbs', 'Hello from {{valueOr sender.name "nobody"}}.\n');
      const { writer, log } = harness();
      const text = await writer.render('appeal', 'en', REPORT, [REPORT], settingsWith({ templatesFolder: 'my-templates', name: 'Li Lei' }), folder, NOW);
      assert.equal(text, 'Hello from Li Lei.\n');
      assert.deepEqual(log.at('info'), ['letters: using your template my-templates/appeal.en.hbs']);
    });

    it('falls back to the built-in template when the folder holds none for this letter', async () => {
      const folder = await workspaceFolder();
      await writeInFolder(folder as never, 'my-templates/appeal.en.hbs', 'Own appeal.\n');
      const { writer, log } = harness();
      const text = await writer.render('bank-inquiry', 'en', REPORT, [REPORT], settingsWith({ templatesFolder: 'my-templates' }), folder, NOW);
      assert.notEqual(text, 'Own appeal.\n');
      const file = vscode.Uri.joinPath(folder.uri, 'my-templates', 'bank-inquiry.en.hbs');
      assert.deepEqual(log.at('info'), [`letters: no ${file.toString()}; using the built-in template`]);
    });

    it('ignores the workspace’s templates in Restricted Mode, saying why once, with Manage Workspace Trust', async () => {
      const folder = await workspaceFolder();
      await writeInFolder(folder as never, 'my-templates/appeal.en.hbs', 'A template that runs on your data.\n');
      fake.workspace.isTrusted = false;
      fake.window.answer = (call) => (call.items.includes('Manage Workspace Trust') ? 'Manage Workspace Trust' : undefined);
      const { writer, state, log } = harness();
      const settings = settingsWith({ templatesFolder: 'my-templates' });
      const first = await writer.render('appeal', 'en', REPORT, [REPORT], settings, folder, NOW);
      const second = await writer.render('appeal', 'en', REPORT, [REPORT], settings, folder, NOW);
      assert.ok(first.startsWith('**To:** OpenAI Support — Billing & Payments\n'));
      assert.equal(second, first);
      assert.deepEqual(fake.window.texts(), [
        'This workspace is in Restricted Mode, so your own letter templates are ignored and the built-in ones are used. Trust the workspace to use yours.',
        'The letter leaves your name and account email as placeholders to fill in. Enter them once for your next letters?',
      ]);
      assert.deepEqual(state.updates, [{ key: 'cardDoctor.restrictedTemplatesNoticeShown', value: true }]);
      await fake.window.messages[0]!.answered;
      assert.deepEqual(fake.commands.executed, [{ id: 'workbench.trust.manage', args: [] }]);
      assert.deepEqual(log.at('info'), []);
    });

    it('uses no template without a folder, even with the setting', async () => {
      const text = await harness().writer.render('appeal', 'en', REPORT, [REPORT], settingsWith({ templatesFolder: 'my-templates' }), undefined, NOW);
      assert.ok(text.startsWith('**To:** OpenAI Support — Billing & Payments\n'));
    });

    it('refuses a template that is a symbolic link to a file outside the folder, reading nothing from it', async () => {
      const [folder, outside] = await tempWorkspace(2);
      const secret = path.join(outside!.uri.fsPath, 'id_rsa');
      await fsp.writeFile(secret, 'PRIVATE KEY\n');
      await fsp.mkdir(path.join(folder!.uri.fsPath, 'my-templates'));
      await fsp.symlink(secret, path.join(folder!.uri.fsPath, 'my-templates', 'appeal.en.hbs'));
      const error = await rejection(harness().writer.render('appeal', 'en', REPORT, [REPORT], settingsWith({ templatesFolder: 'my-templates' }), folder as never, NOW));
      assert.ok(error instanceof RefusedPathError);
      assert.equal(error.action, 'template');
      assert.equal(
        error.message,
        'my-templates/appeal.en.hbs leads outside the workspace folder through a symbolic link. So the template was not used and no letter was written. Check the setting cardDoctor.templatesFolder.',
      );
    });

    it('refuses a template over 64 KB before reading it', async () => {
      const folder = await workspaceFolder();
      await writeInFolder(folder as never, 'my-templates/appeal.en.hbs', 'x'.repeat(64 * 1024 + 1));
      const error = await rejection(harness().writer.render('appeal', 'en', REPORT, [REPORT], settingsWith({ templatesFolder: 'my-templates' }), folder, NOW));
      assert.ok(error instanceof TemplateTooLargeError);
      assert.equal(error.setting, 'cardDoctor.templatesFolder');
      assert.equal(error.message, 'Your template my-templates/appeal.en.hbs is larger than 64 KB, so it was not used and no letter was written.');
    });

    it('names the line of a template that does not parse', async () => {
      const folder = await workspaceFolder();
      await writeInFolder(folder as never, 'my-templates/appeal.en.hbs', 'Hello\n\n{{#if product}}\nno end\n');
      const error = await rejection(harness().writer.render('appeal', 'en', REPORT, [REPORT], settingsWith({ templatesFolder: 'my-templates' }), folder, NOW));
      assert.ok(error instanceof OwnTemplateRefusedError);
      assert.equal(error.file.fsPath, path.join(folder.uri.fsPath, 'my-templates', 'appeal.en.hbs'));
      assert.equal(error.line, 5);
      assert.equal(
        error.message,
        "Your template my-templates/appeal.en.hbs has a problem on line 5, so no letter was written: cannot parse the template:\n...if product}}no end\n---------------------^\nExpecting 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'",
      );
    });

    it('names a misspelt field, in the UI language', async () => {
      const folder = await workspaceFolder();
      await writeInFolder(folder as never, 'my-templates/appeal.en.hbs', 'Hello {{sender.nmae}}\n');
      const settings = settingsWith({ templatesFolder: 'my-templates' });
      const error = await rejection(harness().writer.render('appeal', 'en', REPORT, [REPORT], settings, folder, NOW));
      assert.ok(error instanceof OwnTemplateRefusedError);
      assert.equal(
        error.message,
        'Your template my-templates/appeal.en.hbs has a problem on line 1, so no letter was written: "nmae" is not defined (templates are strict: check the spelling against the data the letter gets)',
      );
      fake.env.language = 'zh-cn';
      const chinese = await rejection(harness().writer.render('appeal', 'en', REPORT, [REPORT], settings, folder, NOW));
      assert.equal((chinese as Error).message, '您的模板 my-templates/appeal.en.hbs 第 1 行有问题，因此没有写入信件：“nmae”未定义（模板采用严格模式：请对照信件所用的数据检查拼写）');
    });

    it('refuses a template that would put a card number into the letter', async () => {
      const folder = await workspaceFolder();
      await writeInFolder(folder as never, 'my-templates/appeal.en.hbs', 'My card is 4000 0566 5566 5556.\n');
      const error = await rejection(harness().writer.render('appeal', 'en', REPORT, [REPORT], settingsWith({ templatesFolder: 'my-templates' }), folder, NOW));
      assert.ok(error instanceof OwnTemplateRefusedError);
      assert.equal(error.line, undefined);
      assert.equal(
        error.message,
        'Your template my-templates/appeal.en.hbs would put what looks like a card number, a security code (CVC) or a one-time code into the letter, so no letter was written. Take that out of the template and try again.',
      );
    });
  });

  describe('each letter in its reader’s language, and the person’s own copy (issue 13)', () => {
    const MAINLAND = validReport({ ...REPORT, card: { brand: 'unionpay', last4: '4242', issuerCountry: 'CN' } });
    const HONG_KONG = validReport({ ...REPORT, card: { brand: 'visa', last4: '4242', issuerCountry: 'HK' } });
    const SINGAPORE = validReport({ ...REPORT, card: { brand: 'visa', last4: '4242', issuerCountry: 'SG' } });

    it('auto: the appeal in English and the bank inquiry in the issuing country’s language, from any UI', () => {
      fake.env.language = 'zh-cn';
      const settings = settingsWith();
      assert.equal(letterLangFor(settings, 'appeal', MAINLAND), 'en');
      assert.equal(letterLangFor(settings, 'bank-inquiry', MAINLAND), 'zh-cn');
      assert.equal(letterLangFor(settings, 'bank-inquiry', HONG_KONG), 'zh-tw');
      assert.equal(letterLangFor(settings, 'bank-inquiry', SINGAPORE), 'en');
      assert.equal(letterLangFor(settings, 'bank-inquiry', REPORT), 'zh-cn');
      fake.env.language = 'en';
      assert.equal(letterLangFor(settings, 'bank-inquiry', MAINLAND), 'zh-cn');
      assert.equal(letterLangFor(settings, 'bank-inquiry', REPORT), 'en');
    });

    it('a language in the setting: every letter in it, and the journal too', () => {
      fake.env.language = 'en';
      const settings = settingsWith({ letterLanguage: 'zh-cn' });
      assert.equal(letterLangFor(settings, 'appeal', SINGAPORE), 'zh-cn');
      assert.equal(letterLangFor(settings, 'bank-inquiry', SINGAPORE), 'zh-cn');
      assert.equal(letterLang(settings), 'zh-cn');
      assert.equal(letterLang(settingsWith({ letterLanguage: 'auto' })), 'en');
    });

    it('renders the person’s copy in their language when the English appeal was chosen for its reader', async () => {
      fake.env.language = 'zh-cn';
      const folder = await workspaceFolder();
      const copy = await harness().writer.renderOwnCopy('appeal', 'en', REPORT, [REPORT], settingsWith(), folder, NOW);
      assert.equal(copy?.lang, 'zh-cn');
      assert.ok(copy.text.startsWith('**收件方：** OpenAI 支持团队（Billing & Payments）\n'), copy.text.slice(0, 80));
    });

    it('renders no copy for an English UI, a letter not in English, or English set by the person', async () => {
      const folder = await workspaceFolder();
      const { writer } = harness();
      fake.env.language = 'en';
      assert.equal(await writer.renderOwnCopy('appeal', 'en', REPORT, [REPORT], settingsWith(), folder, NOW), undefined);
      fake.env.language = 'zh-cn';
      assert.equal(await writer.renderOwnCopy('bank-inquiry', 'zh-cn', MAINLAND, [MAINLAND], settingsWith(), folder, NOW), undefined);
      assert.equal(await writer.renderOwnCopy('appeal', 'en', REPORT, [REPORT], settingsWith({ letterLanguage: 'en' }), folder, NOW), undefined);
    });

    it('writes the copy beside the letter, named after it, with a first line saying which file to send', async () => {
      const folder = await workspaceFolder();
      const { writer, log } = harness();
      const letter = await writer.write(folder, settingsWith(), 'appeal', REPORT, 'Dear support,\n', NOW);
      const copy = await writer.writeOwnCopy(folder, settingsWith(), letter, { lang: 'zh-cn', text: '尊敬的 OpenAI 支持团队：\n' });
      assert.equal(copy.fsPath, path.join(folder.uri.fsPath, 'card-failures', 'appeal-2025-11-27.zh-cn.md'));
      assert.equal(
        await readInFolder(folder as never, 'card-failures/appeal-2025-11-27.zh-cn.md'),
        '> 这是供您阅读的中文副本，内容与英文信相同。请发送英文信 appeal-2025-11-27.md，不要发送这份副本。\n\n尊敬的 OpenAI 支持团队：\n',
      );
      assert.deepEqual(log.at('info'), [`letters: wrote ${letter.toString()}`, `letters: wrote your copy ${copy.toString()}`]);
    });

    it('never writes a copy over an existing file, and names the letter it copies', async () => {
      // A Traditional Chinese UI, with no issuing country known: its bank letter would be in Traditional too.
      fake.env.language = 'zh-tw';
      assert.equal(letterLangFor(settingsWith(), 'bank-inquiry', REPORT), 'zh-tw');
      const folder = await workspaceFolder();
      await writeInFolder(folder as never, 'card-failures/appeal-2025-11-27.md', 'my edited letter\n');
      await writeInFolder(folder as never, 'card-failures/appeal-2025-11-27-2.zh-cn.md', 'my edited copy\n');
      const { writer } = harness();
      const letter = await writer.write(folder, settingsWith(), 'appeal', REPORT, 'Dear support,\n', NOW);
      const copy = await writer.writeOwnCopy(folder, settingsWith(), letter, { lang: 'zh-tw', text: '尊敬的 OpenAI 支援團隊：\n' });
      assert.equal(path.basename(letter.fsPath), 'appeal-2025-11-27-2.md');
      assert.equal(path.basename(copy.fsPath), 'appeal-2025-11-27-2.zh-tw.md');
      const again = await writer.writeOwnCopy(folder, settingsWith(), letter, { lang: 'zh-cn', text: '尊敬的 OpenAI 支持团队：\n' });
      assert.equal(path.basename(again.fsPath), 'appeal-2025-11-27-2.zh-cn-2.md');
      assert.equal(await readInFolder(folder as never, 'card-failures/appeal-2025-11-27-2.zh-cn.md'), 'my edited copy\n');
      assert.equal(
        await readInFolder(folder as never, 'card-failures/appeal-2025-11-27-2.zh-tw.md'),
        '> 這是供您閱讀的中文副本，內容與英文信相同。請傳送英文信 appeal-2025-11-27-2.md，不要傳送這份副本。\n\n尊敬的 OpenAI 支援團隊：\n',
      );
    });

    it('dates a report without a time on the machine’s clock, so the letter’s times are in its offset', async () => {
      const timeZone = process.env.TZ;
      process.env.TZ = 'Asia/Shanghai';
      try {
        const folder = await workspaceFolder();
        const undated = validReport({ errorMessage: 'Your card was declined.', card: { brand: 'visa', last4: '4242' } });
        const text = await harness().writer.render('appeal', 'en', undated, [], settingsWith(), folder, new Date('2025-12-31T20:00:00Z'));
        assert.ok(text.includes('1 January 2026, 04:00 (UTC+08:00)'), text);
        assert.ok(!text.includes('UTC+00:00'), text);
      } finally {
        if (timeZone === undefined) delete process.env.TZ;
        else process.env.TZ = timeZone;
      }
    });
  });

  describe('the compiler’s and renderer’s reasons, in the UI language', () => {
    // The host matches the core's English reasons word for word to translate them: a reason
    // reworded in core would reach a Chinese UI in English. Each is written out in both languages.
    const ATTEMPTS = ['10:31', '10:41', '10:51', '11:01'].map((time) => validReport({ occurredAt: `2025-11-27T${time}:00+08:00`, card: { last4: '4242' } }));
    const CASES: [name: string, source: string, line: number | undefined, en: string, zhCn: string][] = [
      [
        'too many tags',
        '{{sender.name}}'.repeat(1001),
        1,
        'the template has more than 1000 tags ({{…}}); a letter template has about 60',
        '模板中的标签（{{…}}）超过 1000 个；信件模板一般只有 60 个左右',
      ],
      ['nested too deep', `${'{{#if product}}'.repeat(17)}${'{{/if}}'.repeat(17)}`, 1, 'blocks and subexpressions are nested more than 16 deep', '块和子表达式的嵌套超过 16 层'],
      ['a name of too many parts', '{{a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q}}', 1, 'a name has more than 16 parts', '某个名称超过 16 段'],
      [
        '{{log}}',
        '{{log "x"}}',
        1,
        '{{log}} is not allowed in a letter template: it would print to the terminal, not the letter',
        '信件模板中不能使用 {{log}}：它会把内容输出到终端，而不是写进信件',
      ],
      ['a partial', '{{> header}}', 1, 'partials ({{> name}}) are not supported in letter templates', '信件模板不支持局部模板（{{> name}}）'],
      ['a decorator', '{{#*inline "x"}}y{{/inline}}', 1, 'decorators ({{* name}}, {{#*inline}}) are not supported in letter templates', '信件模板不支持装饰器（{{* name}}、{{#*inline}}）'],
      ['an unknown helper', '{{frobnicate product}}', 1, 'unknown helper "frobnicate"', '未知的辅助函数“frobnicate”'],
      [
        'loops inside loops',
        `${'{{#each @root.attempts}}'.repeat(16)}x${'{{/each}}'.repeat(16)}`,
        undefined,
        "the template's loops repeat more than 100,000 times or write more than 16,000,000 characters; loops inside loops multiply",
        '模板中的循环重复超过 100,000 次，或写出超过 16,000,000 个字符；循环嵌套时次数会成倍增加',
      ],
    ];

    for (const [name, source, line, en, zhCn] of CASES) {
      it(`words ${name}`, async () => {
        const folder = await workspaceFolder();
        await writeInFolder(folder as never, 'my-templates/appeal.en.hbs', source);
        const settings = settingsWith({ templatesFolder: 'my-templates' });
        const render = () => harness().writer.render('appeal', 'en', ATTEMPTS[3]!, ATTEMPTS, settings, folder, NOW);
        const english = await rejection(render());
        assert.ok(english instanceof OwnTemplateRefusedError);
        assert.equal(english.line, line);
        const where = line === undefined ? 'cannot be used' : `has a problem on line ${line}`;
        assert.equal(english.message, `Your template my-templates/appeal.en.hbs ${where}, so no letter was written: ${en}`);
        fake.env.language = 'zh-cn';
        const chinese = (await rejection(render())) as Error;
        const whereZh = line === undefined ? '无法使用' : `第 ${line} 行有问题`;
        assert.equal(chinese.message, `您的模板 my-templates/appeal.en.hbs ${whereZh}，因此没有写入信件：${zhCn}`);
      });
    }
  });

  describe('render in a virtual folder (workspace.fs only)', () => {
    const VIRTUAL = vscode.Uri.from({ scheme: 'vscode-vfs', authority: 'github', path: '/owner/repo' });
    const TEMPLATE = vscode.Uri.joinPath(VIRTUAL, 'my-templates', 'appeal.en.hbs');

    function virtualFolder(): vscode.WorkspaceFolder {
      fake.workspace.setFolders([VIRTUAL as never]);
      return fake.workspace.folders![0] as unknown as vscode.WorkspaceFolder;
    }

    it('reads the person’s template through workspace.fs', async () => {
      const folder = virtualFolder();
      fake.workspace.fs.putMemoryFile(TEMPLATE as never, 'Remote template.\n');
      assert.equal(await harness().writer.render('appeal', 'en', REPORT, [REPORT], settingsWith({ templatesFolder: 'my-templates' }), folder, NOW), 'Remote template.\n');
    });

    it('uses the built-in template when there is none', async () => {
      const folder = virtualFolder();
      const text = await harness().writer.render('appeal', 'en', REPORT, [REPORT], settingsWith({ templatesFolder: 'my-templates' }), folder, NOW);
      assert.ok(text.startsWith('**To:** OpenAI Support — Billing & Payments\n'));
    });

    it('refuses a template over 64 KB without reading it', async () => {
      const folder = virtualFolder();
      fake.workspace.fs.putMemoryFile(TEMPLATE as never, 'x'.repeat(64 * 1024 + 1));
      const error = await rejection(harness().writer.render('appeal', 'en', REPORT, [REPORT], settingsWith({ templatesFolder: 'my-templates' }), folder, NOW));
      assert.ok(error instanceof TemplateTooLargeError);
      assert.deepEqual(
        fake.workspace.fs.calls.filter((call) => call.op === 'readFile'),
        [],
      );
    });

    it('refuses a template that is a link, reading nothing', async () => {
      const folder = virtualFolder();
      fake.workspace.fs.putMemoryLink(TEMPLATE as never, vscode.FileType.File, 'linked text');
      const error = await rejection(harness().writer.render('appeal', 'en', REPORT, [REPORT], settingsWith({ templatesFolder: 'my-templates' }), folder, NOW));
      assert.ok(error instanceof RefusedPathError);
      assert.equal(error.reason, 'link');
      assert.equal(error.action, 'template');
      assert.deepEqual(
        fake.workspace.fs.calls.filter((call) => call.op === 'readFile'),
        [],
      );
    });
  });

  describe('ownTemplateRefusal and its warning', () => {
    const FILE = vscode.Uri.file('/ws/my-templates/appeal.en.hbs');

    it('is no refusal for anything but the compiler’s and the renderer’s errors', () => {
      assert.equal(ownTemplateRefusal('a string', FILE), undefined);
      assert.equal(ownTemplateRefusal(new TypeError('x is undefined'), FILE), undefined);
    });

    it('masks a CVC the parser quotes from the template', () => {
      const error = Object.assign(new Error('parse'), { name: 'LetterTemplateError', line: 3, reason: 'cannot parse the template:\nmy cvv is 737 {{#if' });
      const refusal = ownTemplateRefusal(error, FILE);
      assert.ok(refusal);
      assert.equal(refusal.line, 3);
      assert.equal(refusal.message, 'Your template /ws/my-templates/appeal.en.hbs has a problem on line 3, so no letter was written: cannot parse the template:\nmy cvv is ••• {{#if');
    });

    it('keeps a reason it does not know as the core gave it, without a line when there is none', () => {
      const error = Object.assign(new Error('x'), { name: 'LetterTemplateError', reason: 'something new' });
      assert.equal(ownTemplateRefusal(error, FILE)?.message, 'Your template /ws/my-templates/appeal.en.hbs cannot be used, so no letter was written: something new');
    });

    it('opens the template at the line when the person presses Open Template', async () => {
      fake.window.answer = () => 'Open Template';
      fake.workspace.openDocument(FILE as never, 'a\nb\nc\n');
      showOwnTemplateRefusal(new OwnTemplateRefusedError(FILE, 3, 'Your template has a problem on line 3'));
      await fake.window.messages[0]!.answered;
      // showTextDocument opens the document first (a resolved promise here): one turn of the loop.
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(fake.window.texts('warning'), ['Your template has a problem on line 3']);
      assert.equal(fake.window.shownDocuments.length, 1);
      assert.equal(fake.window.shownDocuments[0]!.uri, 'file:///ws/my-templates/appeal.en.hbs');
      const selection = (fake.window.shownDocuments[0]!.options as { selection?: vscode.Range }).selection;
      assert.deepEqual([selection?.start.line, selection?.start.character], [2, 0]);
    });
  });
});
