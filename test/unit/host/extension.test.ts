/**
 * The activation shell: the commands and views registered at once, the services loaded from
 * their own bundle only when needed (a journal at any `cardDoctor.journalPath`, now or after a
 * setting or folder change), and a bundle that cannot load reported with "Show Log" on every try.
 */
import assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LAST_REPORT_KEY } from '../../../src/host/diagnosisPanelState';
import { activateWith, journalInWorkspace, loadFailureMessage, servicesLoader, type CardDoctorApi } from '../../../src/host/extension';
import { disposeAll, extensionContext, fake, FakeMemento, resetFake, resolveView, tempWorkspace, writeInFolder, type FakeWebviewPanel } from '../../fakes/vscode/harness';
import { validReport } from '../../validReport';

const COMMANDS = [
  'cardDoctor.diagnose',
  'cardDoctor.generateAppeal',
  'cardDoctor.generateBankInquiry',
  'cardDoctor.recordAttempt',
  'cardDoctor.openJournal',
  'cardDoctor.showLastDiagnosis',
  'cardDoctor.copyLetterAsText',
  'cardDoctor.writeEvidencePack',
  'cardDoctor.recordBankAnswer',
];

/** A services "bundle" that is the sources (the shared dist/ holds whatever was last built). */
let bundleFolder: string;
let bundle: string;

before(async () => {
  bundleFolder = await fsp.mkdtemp(path.join(os.tmpdir(), 'card-doctor-bundle-'));
  bundle = path.join(bundleFolder, 'services.js');
  await fsp.writeFile(bundle, `module.exports = require(${JSON.stringify(path.resolve(__dirname, '../../../src/host/services.ts'))});\n`);
});

after(async () => {
  await resetFake();
  await fsp.rm(bundleFolder, { recursive: true, force: true });
});

/** Waits (on the event loop, not a timer) until `condition` holds; fails after 5 s. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Whether the services were built: they make the Card Doctor log and the cooldown item. */
const servicesLoaded = () => fake.window.statusBarItems.length > 0;

describe('host extension (activation)', () => {
  let context: ReturnType<typeof extensionContext>;

  beforeEach(async () => {
    await resetFake();
    context = extensionContext();
  });

  afterEach(() => disposeAll(context.subscriptions));

  const activate = (file = bundle): CardDoctorApi => activateWith(context as unknown as vscode.ExtensionContext, file);

  it('registers every command and both views at once, loading nothing', () => {
    activate();
    assert.deepEqual([...fake.commands.registered.keys()], COMMANDS);
    assert.deepEqual([...fake.window.viewProviders.keys()], ['cardDoctor.form']);
    assert.deepEqual([...fake.window.panelSerializers.keys()], ['cardDoctor.diagnosis']);
    assert.equal(servicesLoaded(), false);
  });

  it('loads the services on the first command and runs it', async () => {
    await tempWorkspace();
    activate();
    assert.equal(await vscode.commands.executeCommand('cardDoctor.showLastDiagnosis'), undefined);
    assert.equal(servicesLoaded(), true);
    assert.deepEqual(fake.window.texts(), ['There is no diagnosis in this workspace yet.']);
  });

  it('loads them right away in a workspace that holds a journal at a custom path', async () => {
    const [folder] = await tempWorkspace();
    fake.workspace.setSetting('cardDoctor.journalPath', 'notes/attempts.md', folder);
    await writeInFolder(folder!, 'notes/attempts.md', '# Card failure journal\n');
    activate();
    await until(servicesLoaded, 'the services to load');
  });

  it('loads them once the journal path is set to a journal that exists', async () => {
    const [folder] = await tempWorkspace();
    await writeInFolder(folder!, 'notes/attempts.md', '# Card failure journal\n');
    activate();
    // Nothing at the default path: no reason to load them.
    assert.equal(await journalInWorkspace(), false);
    assert.equal(servicesLoaded(), false);
    fake.workspace.setSetting('cardDoctor.journalPath', 'notes/attempts.md');
    await until(servicesLoaded, 'the services to load after the setting changed');
  });

  it('loads them once a folder with a journal is added', async () => {
    activate();
    const [folder] = await tempWorkspace();
    assert.equal(servicesLoaded(), false);
    await writeInFolder(folder!, 'card-failures/journal.md', '# Card failure journal\n');
    fake.workspace.setFolders([folder!.uri as never]);
    await until(servicesLoaded, 'the services to load after the folders changed');
  });

  it('resolves the sidebar form through the services', async () => {
    await tempWorkspace();
    activate();
    const view = await resolveView('cardDoctor.form');
    assert.match(view.webview.html, /^<!DOCTYPE html>/i);
    assert.equal(view.webview.options.enableScripts, true);
  });

  it('re-diagnoses a restored diagnosis tab from the kept report, or closes it when there is none', async () => {
    await tempWorkspace();
    const serializerOf = () => fake.window.panelSerializers.get('cardDoctor.diagnosis')!;
    activate();
    const empty = vscode.window.createWebviewPanel('cardDoctor.diagnosis', 'Card Doctor: Diagnosis', vscode.ViewColumn.One) as unknown as FakeWebviewPanel;
    await serializerOf().deserializeWebviewPanel(empty, undefined);
    assert.equal(empty.disposed, true);

    disposeAll(context.subscriptions);
    await resetFake();
    await tempWorkspace();
    context = extensionContext({ workspaceState: new FakeMemento({ [LAST_REPORT_KEY]: validReport({ errorMessage: 'Your card was declined.', occurredAt: '2025-11-27T10:31:00+08:00' }) }) });
    const api = activate();
    const kept = vscode.window.createWebviewPanel('cardDoctor.diagnosis', 'Card Doctor: Diagnosis', vscode.ViewColumn.One) as unknown as FakeWebviewPanel;
    await serializerOf().deserializeWebviewPanel(kept, undefined);
    assert.equal(kept.disposed, false);
    assert.match(kept.webview.html, /<h1>Card failure diagnosis<\/h1>/);
    assert.equal(api.session.panel.isOpen, true);
  });

  describe('a services bundle that cannot load', () => {
    it('is reported with Show Log on each command tried, and the tab VS Code restores is closed', async () => {
      const missing = path.join(bundleFolder, 'missing.js');
      const api = activate(missing);
      fake.window.answer = () => 'Show Log';
      assert.equal(await vscode.commands.executeCommand('cardDoctor.diagnose'), undefined);
      assert.equal(await vscode.commands.executeCommand('cardDoctor.recordAttempt'), undefined);
      // One line for the person: Node's "Require stack" after the first line goes to the log only.
      const expected = {
        severity: 'error',
        message: `Card Doctor could not load its commands: Cannot find module '${missing}'. Reload the window; if it happens again, reinstall the extension.`,
        items: ['Show Log'],
      };
      assert.deepEqual(
        fake.window.messages.map(({ severity, message, items }) => ({ severity, message, items })),
        [expected, expected],
      );
      const log = fake.window.outputChannels[0]!;
      assert.equal(log.at('error').length, 2);
      assert.ok(log.at('error')[0]!.startsWith(`loading dist/services.js: Error: Cannot find module '${missing}'\nRequire stack:\n`), log.at('error')[0]);
      await Promise.all(fake.window.messages.map((call) => call.answered));
      assert.equal(log.shown, 2, 'Show Log opens the log from either message');
      assert.equal(fake.window.outputChannels.length, 1, 'one log for every failure');
      assert.throws(() => api.session, /the services did not load \(see the Card Doctor log\)/);
      const restored = vscode.window.createWebviewPanel('cardDoctor.diagnosis', 'x', vscode.ViewColumn.One) as unknown as FakeWebviewPanel;
      await fake.window.panelSerializers.get('cardDoctor.diagnosis')!.deserializeWebviewPanel(restored, undefined);
      assert.equal(restored.disposed, true);
    });

    it('is required once: the loader keeps the failure', () => {
      const failures: unknown[] = [];
      const load = servicesLoader(path.join(bundleFolder, 'missing.js'), context as unknown as vscode.ExtensionContext, (error) => failures.push(error));
      assert.equal(load(), undefined);
      assert.equal(load(), undefined);
      assert.equal(failures.length, 2);
      assert.equal(failures[0], failures[1], 'the same error, not a second require');
    });

    it('is worded in Chinese in a Chinese UI', () => {
      fake.env.language = 'zh-cn';
      assert.equal(loadFailureMessage(new Error('boom')), '绑卡医生的命令加载失败：boom。请重新加载窗口；如果问题仍然存在，请重新安装此扩展。');
    });
  });

  describe('journalInWorkspace', () => {
    it('is false with no folder open', async () => {
      assert.equal(await journalInWorkspace(), false);
    });

    it('finds the journal at the default path in any folder', async () => {
      const [, second] = await tempWorkspace(2);
      assert.equal(await journalInWorkspace(), false);
      await writeInFolder(second!, 'card-failures/journal.md', '');
      assert.equal(await journalInWorkspace(), true);
    });

    it('never looks outside the folder', async () => {
      const [folder] = await tempWorkspace();
      await writeInFolder(folder!, 'journal.md', '');
      fake.workspace.setSetting('cardDoctor.journalPath', '../ws0/journal.md');
      assert.equal(await journalInWorkspace(), false);
      fake.workspace.setSetting('cardDoctor.journalPath', path.join(folder!.uri.fsPath, 'journal.md'));
      assert.equal(await journalInWorkspace(), false);
      fake.workspace.setSetting('cardDoctor.journalPath', 'journal.md');
      assert.equal(await journalInWorkspace(), true);
    });
  });
});
