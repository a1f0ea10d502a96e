/**
 * "Record the bank's answer": eight questions, then the answer appended to the folder's journal
 * as its own section (what the evidence pack lists); a card number, CVC or one-time code refused
 * as it is typed; Esc writes nothing.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseBankAnswers } from '../../../src/core/bankAnswer';
import { recordBankAnswer, validateText, type BankAnswerServices } from '../../../src/host/bankAnswerCommand';
import { JournalStore } from '../../../src/host/journalStore';
import { readSettings } from '../../../src/host/settings';
import { uriInFolder } from '../../../src/host/workspaceTarget';
import { fake, readInFolder, resetFake, tempWorkspace, writeInFolder, type FakeInputBox, type FakeLogOutputChannel, type FakeQuickPick, type QuickInputStep } from '../../fakes/vscode/harness';

const NOW = new Date('2026-12-02T01:15:00Z');
const ENTRY = '<!-- card-doctor:entry v1 {"occurredAt":"2026-12-01T22:31:00+08:00","report":{"errorMessage":"Your card was declined."}} -->';

after(() => resetFake());

const messages = () => fake.window.messages.map(({ severity, message, items }) => ({ severity, message, items }));

const journalFile = (folder: vscode.WorkspaceFolder) => ({ folder: folder.uri, uri: uriInFolder(folder, 'card-failures/journal.md'), setting: 'cardDoctor.journalPath' });

function services(): BankAnswerServices & { log: FakeLogOutputChannel } {
  const log = vscode.window.createOutputChannel('Card Doctor', { log: true }) as unknown as FakeLogOutputChannel;
  return {
    settings: { get: (folder) => readSettings(folder?.uri).settings },
    journal: {
      journalFile,
      // The store's own append (O_APPEND on Node, the open editor, workspace.fs elsewhere), as the services give it.
      appendText: (folder, text, lang) => new JournalStore(log as unknown as vscode.LogOutputChannel).appendText(journalFile(folder), text, lang),
    },
    notifier: {
      warn: (message: string, ...items: string[]) => vscode.window.showWarningMessage(message, ...items),
      offer: (message: string, action: string) => void vscode.window.showInformationMessage(message, action),
    },
    log,
    clock: () => NOW,
  };
}

const enter = (value: string): QuickInputStep => (input) => (input as FakeInputBox).enter(value);
const pick = (label: string): QuickInputStep => (input) => (input as FakeQuickPick).pick(label);

describe('host record the bank’s answer', () => {
  let folder: vscode.WorkspaceFolder;
  beforeEach(async () => {
    await resetFake();
    [folder] = (await tempWorkspace()) as [vscode.WorkspaceFolder];
  });

  it('asks eight questions and appends the answer to the journal', async () => {
    await writeInFolder(folder as never, 'card-failures/journal.md', `# Card failure journal\n\n${ENTRY}\n`);
    fake.window.quickInputScript = [
      enter('2026-12-02 09:15 +08:00'),
      pick('Chat in the bank’s app'),
      pick('Yes, it found it'),
      pick('The merchant’s side (the merchant or its payment processor)'),
      enter('59'),
      enter('SR88213'),
      enter('Ask the merchant.'),
      enter(''),
    ];
    const written = await recordBankAnswer(services());
    assert.equal(written?.fsPath, uriInFolder(folder, 'card-failures/journal.md').fsPath);
    assert.deepEqual(fake.window.scriptErrors, []);
    assert.deepEqual(
      fake.window.quickInputs.map((input) => [input.step, input.totalSteps, input.title]),
      [1, 2, 3, 4, 5, 6, 7, 8].map((step) => [step, 8, 'Record what the bank said']),
    );
    const text = (await readInFolder(folder as never, 'card-failures/journal.md'))!;
    assert.ok(
      text.endsWith(
        [
          ENTRY,
          '',
          '## What the bank said · 2026-12-02 09:15 UTC+08:00 · in the app’s chat',
          '',
          '- Found the verification authorization: yes',
          '- Declined by: the merchant’s side (merchant or its payment processor)',
          '- Response code: 59',
          '- Reference number: SR88213',
          '- The bank advises: “Ask the merchant.”',
          '',
          '<!-- card-doctor:bank-answer v1 {"answeredAt":"2026-12-02T09:15:00+08:00","channel":"app-chat","sawAuthorization":"yes","declinedBy":"merchant","responseCode":"59","reference":"SR88213","advice":"Ask the merchant."} -->',
          '',
        ].join('\n'),
      ),
      text,
    );
    assert.equal(parseBankAnswers(text).answers.length, 1);
    assert.deepEqual(messages(), [
      {
        severity: 'information',
        message: 'Recorded “What the bank said · 2026-12-02 09:15 UTC+08:00 · in the app’s chat” in card-failures/journal.md. The evidence pack lists it in its timeline.',
        items: ['Open Journal'],
      },
    ]);
  });

  it('refuses a time it cannot read and a card number as they are typed, and Esc then writes nothing', async () => {
    const refusals: unknown[] = [];
    fake.window.quickInputScript = [
      (input) => {
        (input as FakeInputBox).enter('yesterday-ish');
        refusals.push((input as FakeInputBox).validationMessage);
        (input as FakeInputBox).enter('2026-12-02 09:15');
      },
      pick('Phone'),
      pick('It did not say'),
      pick('The bank could not say'),
      enter('05'),
      (input) => {
        (input as FakeInputBox).enter('4111 1111 1111 1111');
        refusals.push((input as FakeInputBox).validationMessage);
        input.hide();
      },
    ];
    assert.equal(await recordBankAnswer(services()), undefined);
    assert.deepEqual(fake.window.scriptErrors, []);
    assert.deepEqual(refusals, [
      { message: 'Type a date and time, such as 2026-12-02 09:15.', severity: vscode.InputBoxValidationSeverity.Error },
      { message: 'This looks like a card number, a security code (CVC) or a one-time code. Card Doctor never keeps those: take it out.', severity: vscode.InputBoxValidationSeverity.Error },
    ]);
    assert.equal(await readInFolder(folder as never, 'card-failures/journal.md'), undefined);
    assert.deepEqual(messages(), []);
  });

  it('validateText: a limit, a CVC, and text that is fine', () => {
    assert.deepEqual(validateText('x'.repeat(41), 40), { message: 'At most 40 characters.', error: true });
    assert.equal(validateText('CVC 123', 40).error, true);
    assert.deepEqual(validateText('SR88213', 40), { message: '', error: false });
  });

  it('appends through workspace.fs in a virtual folder, creating the journal with its header', async () => {
    const VIRTUAL = vscode.Uri.from({ scheme: 'vscode-vfs', authority: 'github', path: '/owner/repo' });
    fake.workspace.setFolders([VIRTUAL as never]);
    fake.workspace.setSetting('cardDoctor.letterLanguage', 'zh-cn');
    fake.window.quickInputScript = [enter('2026-12-02 09:15'), pick('Phone'), pick('No, it found nothing'), pick('The bank declined it'), enter(''), enter(''), enter(''), enter('')];
    await recordBankAnswer(services());
    const text = fake.workspace.fs.memoryText(vscode.Uri.joinPath(VIRTUAL, 'card-failures', 'journal.md') as never)!;
    assert.ok(text.startsWith('# 绑卡失败记录\n'));
    assert.ok(text.includes('\n## 银行的答复 · 2026-12-02 09:15 UTC'), text);
    assert.ok(text.includes('- 是否查到这笔验证性预授权：没有查到\n- 拒绝方：银行\n'), text);
  });

  it('refuses a virtual folder’s journal over the read limit before reading it, writing nothing', async () => {
    const VIRTUAL = vscode.Uri.from({ scheme: 'vscode-vfs', authority: 'github', path: '/owner/repo' });
    fake.workspace.setFolders([VIRTUAL as never]);
    const journal = vscode.Uri.joinPath(VIRTUAL, 'card-failures', 'journal.md');
    fake.workspace.fs.putMemoryFile(journal as never, 'x'.repeat(32 * 1024 * 1024 + 1));
    fake.window.quickInputScript = [enter('2026-12-02 09:15'), pick('Phone'), pick('No, it found nothing'), pick('The bank declined it'), enter(''), enter(''), enter(''), enter('')];
    await assert.rejects(recordBankAnswer(services()), { name: 'JournalTooLargeError', message: 'card-failures/journal.md is larger than 32 MB, so Card Doctor did not read it and nothing was written.' });
    assert.deepEqual(
      fake.workspace.fs.calls.filter((call) => call.op === 'readFile' || call.op === 'writeFile' || call.op === 'rename'),
      [],
    );
  });
});
