import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Diagnosis } from '../../src/core/diagnose';
import { parseJournal } from '../../src/core/journal';
import { COMMAND_IDS } from '../../src/host/commandIds';
import type { CardDoctorApi } from '../../src/host/extension';
import {
  EXTENSION_ID,
  activateExtension,
  eventually,
  inWorkspace,
  isOpenInTab,
  readText,
  recordingMessages,
  resetWorkspace,
  sampleReport,
  watchFiles,
  writeText,
} from './helpers';

describe('Card Binding Doctor in VS Code', function () {
  this.timeout(30_000);
  let api: CardDoctorApi;

  before(async () => {
    api = await activateExtension();
  });

  afterEach(resetWorkspace);

  it('activates and hands back its session', () => {
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.ok(api.session);
  });

  it('registers every command package.json contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed: string[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    for (const id of contributed) assert.ok(registered.has(id), `${id} is contributed but not registered`);
    assert.deepEqual([...contributed].sort(), Object.values(COMMAND_IDS).sort());
  });

  it('diagnoses a report given as the argument and shows it in the diagnosis tab', async () => {
    const diagnosis = (await vscode.commands.executeCommand(COMMAND_IDS.diagnose, sampleReport())) as Diagnosis;
    assert.ok(diagnosis.findings.length > 0);
    assert.ok(diagnosis.findings.some((finding) => finding.cause === 'region-unsupported'));
    assert.match(api.session.panel.text, /<h1>Card failure diagnosis<\/h1>/);
    assert.doesNotMatch(api.session.panel.text.replace(/\s/g, ''), /4242424242424242/);
  });

  it('reports an invalid report argument and does nothing', async () => {
    const result = await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, { card: { bin: '12' } });
    assert.equal(result, undefined);
    await assert.rejects(async () => {
      await vscode.workspace.fs.stat(inWorkspace('card-failures'));
    });
  });

  it('writes the appeal into the output folder and opens it', async () => {
    const uri = (await vscode.commands.executeCommand(COMMAND_IDS.generateAppeal, sampleReport())) as vscode.Uri;
    assert.equal(uri.toString(), inWorkspace('card-failures', 'appeal-2025-11-27.md').toString());
    const text = await readText(uri);
    assert.match(text, /OpenAI/);
    // The card by its last 4 only, masked as the template writes it.
    assert.match(text, /^- Card number: •••• 1234 \(I only share the last 4 digits\)$/m);
    assert.doesNotMatch(text.replace(/\s/g, ''), /4242424242424242/);
    await eventually(() => isOpenInTab(uri), 'the appeal to open in an editor');
  });

  it('writes the bank inquiry too, in its reader’s language (Simplified for a mainland bank, in an English UI), addressed to the issuing bank about the card by its last 4', async () => {
    const uri = (await vscode.commands.executeCommand(COMMAND_IDS.generateBankInquiry, sampleReport())) as vscode.Uri;
    assert.equal(uri.toString(), inWorkspace('card-failures', 'bank-inquiry-2025-11-27.md').toString());
    const text = await readText(uri);
    assert.match(text, /^\*\*收件方：\*\* 招商银行客服中心$/m);
    assert.match(text, /^\*\*主题：\*\* 关于尾号 1234 的卡片在商户 OpenAI 绑卡验证被拒的咨询$/m);
    assert.doesNotMatch(text.replace(/\s/g, ''), /4242424242424242/);
  });

  it('never overwrites a letter, even one the person edited', async () => {
    const first = (await vscode.commands.executeCommand(COMMAND_IDS.generateAppeal, sampleReport())) as vscode.Uri;
    await writeText(first, 'my own edits\n');
    const second = (await vscode.commands.executeCommand(COMMAND_IDS.generateAppeal, sampleReport())) as vscode.Uri;
    const third = (await vscode.commands.executeCommand(COMMAND_IDS.generateAppeal, sampleReport())) as vscode.Uri;
    assert.match(second.path, /appeal-2025-11-27-2\.md$/);
    assert.match(third.path, /appeal-2025-11-27-3\.md$/);
    assert.equal(await readText(first), 'my own edits\n');
  });

  it('records attempts in the journal, creating it with a header', async () => {
    const uri = (await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport())) as vscode.Uri;
    await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport({ occurredAt: '2025-11-27T11:00:00+08:00' }));
    assert.equal(uri.toString(), inWorkspace('card-failures', 'journal.md').toString());
    const text = await readText(uri);
    assert.match(text, /^# /);
    const journal = parseJournal(text);
    assert.deepEqual(journal.problems, []);
    assert.deepEqual(journal.entries.map((entry) => entry.occurredAt), ['2025-11-27T10:31:00+08:00', '2025-11-27T11:00:00+08:00']);
    assert.doesNotMatch(text.replace(/\s/g, ''), /4242424242424242/);
  });

  it('loses no entry when the CLI appends to the same journal at the same moment', async () => {
    const journal = inWorkspace('card-failures', 'journal.md');
    await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport());
    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
    const minute = (n: number) => `2025-11-27T11:${String(n).padStart(2, '0')}:00+08:00`;
    const runCli = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const child = execFile(process.execPath, [cli, 'journal', 'add', '-', '--journal', journal.fsPath], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }, (error) => (error ? reject(error) : resolve()));
        child.stdin!.end(JSON.stringify(sampleReport({ occurredAt: minute(n) })));
      });
    await Promise.all([
      ...Array.from({ length: 8 }, (_, n) => runCli(n)),
      ...Array.from({ length: 8 }, (_, n) => vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport({ occurredAt: minute(30 + n) }))),
    ]);
    const { entries, problems } = parseJournal(await readText(journal));
    assert.deepEqual(problems, []);
    assert.equal(entries.length, 17);
    assert.equal(new Set(entries.map((entry) => entry.occurredAt)).size, 17);
  });

  it('adds to a journal open with unsaved edits without saving or losing them', async () => {
    // code-server saves edits after a delay by default; a person who turned that off keeps
    // unsaved edits, and those are what must not be saved under them.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off');
    const uri = (await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport())) as vscode.Uri;
    const onDisk = await readText(uri);
    const files = watchFiles(inWorkspace('card-failures'));
    const saves: string[] = [];
    const saving = vscode.workspace.onWillSaveTextDocument((event) => saves.push(event.document.uri.toString()));
    try {
      // Events of the first recording's write are behind us: from here on, any is the test's.
      await files.settled();
      files.events.length = 0;
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'A note I have not saved yet.\n'));
      assert.equal(document.isDirty, true);

      await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport({ occurredAt: '2025-11-27T12:00:00+08:00' }));

      assert.equal(document.isDirty, true, 'the person’s unsaved edit must stay theirs to save');
      assert.match(document.getText(), /A note I have not saved yet\./);
      assert.equal(parseJournal(document.getText()).entries.length, 2);
      // Instead of waiting a fixed time for a late write: every file event before the marker's is reported.
      await files.settled();
      assert.deepEqual(saves, [], 'the document was never saved');
      assert.deepEqual(files.events, [], 'no file in the output folder changed on disk');
      assert.equal(document.isDirty, true);
      assert.equal(await readText(uri), onDisk, 'nothing was written under the open document');
    } finally {
      saving.dispose();
      files.dispose();
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('opens the journal, creating it when missing', async () => {
    const uri = (await vscode.commands.executeCommand(COMMAND_IDS.openJournal)) as vscode.Uri;
    assert.match(await readText(uri), /^# /);
    await eventually(() => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString(), 'the journal to be the active editor');
  });

  it('shows the cooldown in the status bar after repeated attempts', async () => {
    const now = Date.now();
    const iso = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport({ occurredAt: iso(30) }));
    await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport({ occurredAt: iso(10), card: { last4: '9999', brand: 'visa' } }));
    await eventually(() => api.session.cooldown.state.visible, 'the cooldown to show');
    const { text, label, tooltip } = api.session.cooldown.state;
    assert.match(text, /^\$\(watch\) Wait 23h (49|50)m$/);
    assert.match(label, /^Card Doctor: wait 23h (49|50)m before trying to add a card again$/);
    // The diagnosis' own sentence, its time in the diagnosis' format (the attempts were written in UTC).
    assert.match(tooltip, /^More than one card was tried in the last 24 hours.* \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\+00:00 .*\nClick to open the journal\.$/s);
  });

  it('clears the cooldown from the status bar the moment it ends', async () => {
    // The journal of the previous test was deleted: its cooldown goes with it.
    await eventually(() => !api.session.cooldown.state.visible, 'the cooldown to clear with its journal');
    // Two attempts whose 24-hour wait ends four seconds from now.
    const end = Date.now() + 4000;
    const iso = (msBeforeEnd: number) => new Date(end - 24 * 3600_000 - msBeforeEnd).toISOString();
    await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport({ occurredAt: iso(2000) }));
    await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport({ occurredAt: iso(0) }));
    await eventually(() => api.session.cooldown.state.text === '$(watch) Wait 0h 1m', 'the cooldown of these attempts to show');
    assert.equal(api.session.cooldown.state.visible, true);
    await eventually(() => !api.session.cooldown.state.visible, 'the cooldown to clear when it ends', 10_000);
    const late = Date.now() - end;
    assert.ok(late >= 0, 'cleared only once the wait was over');
    // It is timed to the end (not to the next minute's refresh): allow for a busy machine only.
    assert.ok(late < 2000, `cleared ${late} ms after the end`);
  });

  async function appealWithOwnTemplates(): Promise<string> {
    await writeText(inWorkspace('my-templates', 'appeal.en.hbs'), 'MY OWN TEMPLATE for {{card.description}}\n');
    await writeText(inWorkspace('my-templates', 'appeal.zh-cn.hbs'), 'MY OWN TEMPLATE for {{card.description}}\n');
    await vscode.workspace.getConfiguration('cardDoctor').update('templatesFolder', 'my-templates', vscode.ConfigurationTarget.Workspace);
    const uri = (await vscode.commands.executeCommand(COMMAND_IDS.generateAppeal, sampleReport())) as vscode.Uri;
    return readText(uri);
  }

  it('uses the person’s own templates in a trusted workspace', async () => {
    assert.equal(vscode.workspace.isTrusted, true, 'this run needs a trusted workspace');
    assert.match(await appealWithOwnTemplates(), /^MY OWN TEMPLATE for /);
  });

  /** The appeal from one template of the person's own (in `my-templates/`), with what the extension showed. */
  async function appealWithOwnTemplate(file: string, template: string) {
    await writeText(inWorkspace('my-templates', file), template);
    await vscode.workspace.getConfiguration('cardDoctor').update('templatesFolder', 'my-templates', vscode.ConfigurationTarget.Workspace);
    return recordingMessages(async () => vscode.commands.executeCommand(COMMAND_IDS.generateAppeal, sampleReport()));
  }

  /** The appeals in the output folder (none, and no folder, when nothing was written). */
  function lettersWritten(): string[] {
    const folder = inWorkspace('card-failures').fsPath;
    return existsSync(folder) ? readdirSync(folder).filter((name) => name.startsWith('appeal-')) : [];
  }

  it('warns, naming the file and the line, when the person’s own template has a mistake, and writes no letter', async () => {
    const shown = await appealWithOwnTemplate('appeal.en.hbs', 'Dear team,\n\nMy card: {{card.nmae}}\n');
    assert.equal(shown.result, undefined);
    assert.deepEqual(shown.errors, [], 'not an unexpected error');
    assert.deepEqual(shown.warnings, [
      'Your template my-templates/appeal.en.hbs has a problem on line 3, so no letter was written: "nmae" is not defined (templates are strict: check the spelling against the data the letter gets)',
    ]);
    assert.deepEqual(lettersWritten(), []);
  });

  it('masks a code the parser quotes from the person’s own template in the warning', async () => {
    const shown = await appealWithOwnTemplate('appeal.en.hbs', 'Dear team,\nCVC 123 {{#if x}}\n');
    assert.deepEqual(shown.errors, []);
    assert.deepEqual(shown.warnings, [
      'Your template my-templates/appeal.en.hbs has a problem on line 3, so no letter was written: cannot parse the template:\n' +
        "...,CVC ••• {{#if x}}\n---------------------^\nExpecting 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'",
    ]);
    assert.deepEqual(lettersWritten(), []);
  });

  it('warns, naming the file, when the person’s own template is refused before rendering', async () => {
    const shown = await appealWithOwnTemplate('appeal.en.hbs', 'Dear team,\n{{> signature}}\n');
    assert.deepEqual(shown.errors, []);
    assert.deepEqual(shown.warnings, [
      'Your template my-templates/appeal.en.hbs has a problem on line 2, so no letter was written: partials ({{> name}}) are not supported in letter templates',
    ]);
    assert.deepEqual(lettersWritten(), []);
  });

  it('warns, naming the file, when the person’s own template would put a card number in the letter, and writes none', async () => {
    const shown = await appealWithOwnTemplate('appeal.en.hbs', 'Dear team,\n\nMy card is 4242 4242 4242 4242, last digits {{card.last4}}.\n');
    assert.equal(shown.result, undefined);
    assert.deepEqual(shown.errors, []);
    assert.deepEqual(shown.warnings, [
      'Your template my-templates/appeal.en.hbs would put what looks like a card number, a security code (CVC) or a one-time code into the letter, so no letter was written. Take that out of the template and try again.',
    ]);
    assert.deepEqual(lettersWritten(), []);
  });

  it('@zh-cn says in Chinese why the person’s own template was refused', async () => {
    const mistake = await appealWithOwnTemplate('appeal.zh-cn.hbs', '您好：\n\n{{#if card}}\n我的卡\n');
    assert.deepEqual(mistake.errors, []);
    assert.equal(mistake.warnings.length, 1);
    assert.match(mistake.warnings[0]!, /^您的模板 my-templates\/appeal\.zh-cn\.hbs 第 5 行有问题，因此没有写入信件：无法解析模板：\n/);
    const logged = await appealWithOwnTemplate('appeal.zh-cn.hbs', '您好：\n{{log card}}\n');
    assert.deepEqual(logged.warnings, [
      '您的模板 my-templates/appeal.zh-cn.hbs 第 2 行有问题，因此没有写入信件：信件模板中不能使用 {{log}}：它会把内容输出到终端，而不是写进信件',
    ]);
    const secret = await appealWithOwnTemplate('appeal.zh-cn.hbs', '您好：\n\n我的卡号是 4242 4242 4242 4242。\n');
    assert.deepEqual(secret.errors, []);
    assert.deepEqual(secret.warnings, [
      '您的模板 my-templates/appeal.zh-cn.hbs 会在信件中写入疑似卡号、安全码（CVC）或一次性验证码的内容，因此没有写入信件。请从模板中删去这部分内容后重试。',
    ]);
    assert.deepEqual(lettersWritten(), []);
  });

  // Runs only in the launcher's restricted-mode pass (an untrusted folder).
  it('@restricted ignores the person’s own templates in Restricted Mode, and still writes the letter', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this run needs Restricted Mode');
    const text = await appealWithOwnTemplates();
    assert.doesNotMatch(text, /MY OWN TEMPLATE/);
    assert.match(text, /OpenAI/);
  });
});
