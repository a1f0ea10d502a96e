/**
 * The fake `vscode` module the host's unit tests run against: where it stands in for VS Code's
 * behaviour (l10n formatting and bundles, settings defaults, event order, Uris), it must behave
 * as VS Code does, or the host's tests would pass against a world that does not exist.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fake, resetFake, tempWorkspace, type FakeQuickPick } from '../../fakes/vscode/harness';

describe('fake vscode', () => {
  beforeEach(() => resetFake());

  it('is what require("vscode") gives under the unit suite', () => {
    assert.equal(typeof vscode.l10n.t, 'function');
    assert.equal(vscode.ViewColumn.Beside, -2);
    assert.equal(vscode.StatusBarAlignment.Left, 1);
  });

  it('formats l10n.t with positional and named arguments, leaving unknown placeholders', () => {
    assert.equal(vscode.l10n.t('Wrote {0} to {1}.', 'a', 2), 'Wrote a to 2.');
    assert.equal(vscode.l10n.t('Hello {name}, {missing}', { name: 'Li' }), 'Hello Li, {missing}');
    assert.equal(vscode.l10n.t({ message: 'Only {0}', args: ['x'], comment: 'c' }), 'Only x');
  });

  it('translates from the extension bundle of the display language', () => {
    fake.env.language = 'zh-cn';
    assert.equal(vscode.l10n.t('Show Log'), '显示日志');
    assert.equal(vscode.l10n.t('Wait {0}', '5 小时'), '等待 5 小时');
    fake.env.language = 'en';
    assert.equal(vscode.l10n.t('Show Log'), 'Show Log');
  });

  it('answers unset settings with the defaults of package.json and fires a change for a set one', () => {
    assert.equal(vscode.workspace.getConfiguration('cardDoctor').get('journalPath'), 'card-failures/journal.md');
    const seen: boolean[] = [];
    vscode.workspace.onDidChangeConfiguration((event) => seen.push(event.affectsConfiguration('cardDoctor.journalPath'), event.affectsConfiguration('cardDoctor.name')));
    fake.workspace.setSetting('cardDoctor.journalPath', 'notes/j.md');
    assert.equal(vscode.workspace.getConfiguration('cardDoctor').get('journalPath'), 'notes/j.md');
    assert.deepEqual(seen, [true, false]);
  });

  it('joins Uris and makes them relative to their workspace folder', async () => {
    const [folder] = await tempWorkspace();
    const uri = vscode.Uri.joinPath(folder!.uri, 'card-failures', 'journal.md');
    assert.equal(uri.path, `${folder!.uri.path}/card-failures/journal.md`);
    assert.equal(vscode.workspace.asRelativePath(uri), 'card-failures/journal.md');
    assert.equal(vscode.Uri.parse(uri.toString()).toString(), uri.toString());
  });

  it('reports a missing file as FileNotFound and reads back what was written', async () => {
    const [folder] = await tempWorkspace();
    const uri = vscode.Uri.joinPath(folder!.uri, 'a', 'b.md');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(uri)), (error: unknown) => error instanceof vscode.FileSystemError && error.code === 'FileNotFound');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('hi'));
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), 'hi');
  });

  it('answers a message from the test script and records it', async () => {
    fake.window.answer = ({ items }) => items[1];
    const choice = await vscode.window.showWarningMessage('Pick one', 'A', 'B');
    assert.equal(choice, 'B');
    assert.deepEqual(
      fake.window.messages.map(({ severity, message, items, modal }) => ({ severity, message, items, modal })),
      [{ severity: 'warning', message: 'Pick one', items: ['A', 'B'], modal: false }],
    );
  });

  it('lets a test pick only what the typed text leaves shown, as VS Code filters', () => {
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem>() as unknown as FakeQuickPick<vscode.QuickPickItem>;
    pick.items = [{ label: 'Visa' }, { label: 'Mastercard', description: 'credit card' }, { label: 'Other', alwaysShow: true }];
    pick.type('credit');
    assert.deepEqual(pick.labels, ['Visa', 'Mastercard', 'Other'], 'what the host made');
    assert.deepEqual(pick.shownLabels, ['Other']);
    assert.throws(() => pick.pick('Mastercard'), /no item "Mastercard" shown among \["Other"\]/);
    pick.matchOnDescription = true;
    assert.deepEqual(pick.shownLabels, ['Mastercard', 'Other']);
    pick.type('VIS');
    assert.deepEqual(pick.shownLabels, ['Visa', 'Other']);
  });

  it('plays a quick-input script and dismisses inputs once it runs out', async () => {
    fake.window.quickInputScript = [(input) => (input as FakeQuickPick).pick('Two')];
    const first = vscode.window.createQuickPick();
    first.items = [{ label: 'One' }, { label: 'Two' }];
    const accepted = new Promise<string | undefined>((resolve) => first.onDidAccept(() => resolve(first.activeItems[0]?.label)));
    first.show();
    assert.equal(await accepted, 'Two');
    const second = vscode.window.createInputBox();
    const hidden = new Promise<void>((resolve) => second.onDidHide(() => resolve()));
    second.show();
    await hidden;
    assert.equal(fake.window.quickInputs.length, 2);
  });
});
