/** The extension loads in a real VS Code: found by its id, activated, and told the UI language. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { journalInWorkspace, loadFailureMessage, servicesLoader } from '../../src/host/extension';
import { Notifier } from '../../src/host/notifier';
import { inWorkspace, readText, resetWorkspace, writeText } from './helpers';

const EXTENSION_ID = 'card-binding-doctor.card-binding-doctor';

describe('activation', () => {
  it('finds the extension by its id', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among ${vscode.extensions.all.length} extensions`);
    assert.equal(extension.packageJSON.publisher, 'card-binding-doctor');
  });

  it('activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('runs with the English UI this run asks for', () => {
    console.log(`    vscode.env.language = ${vscode.env.language}, VS Code ${vscode.version}, ${vscode.env.appName}`);
    // Untagged tests run only in the launcher's English run (the Chinese one is tagged @zh-cn).
    assert.equal(vscode.env.language, 'en');
  });

  it('opened the fixture folder', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'one workspace folder');
    // A temporary copy of test/fixtures/workspace/, known by its README.
    assert.match(await readText(inWorkspace('README.md')), /^# Fixture workspace\n\nTests open a temporary copy of this folder/);
  });
});

describe('activation: loading the services', () => {
  it('reports a services bundle that fails to load on every use, and gives no services', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const missing = path.join(extension.extensionPath, 'dist', 'no-such-services.js');
    const reported: unknown[] = [];
    // The context is never reached: the require fails first.
    const load = servicesLoader(missing, {} as vscode.ExtensionContext, (error) => reported.push(error));

    assert.equal(load(), undefined);
    assert.equal(reported.length, 1);
    assert.equal((reported[0] as NodeJS.ErrnoException).code, 'MODULE_NOT_FOUND');
    assert.ok((reported[0] as Error).message.includes('no-such-services.js'), (reported[0] as Error).message);
    // A second command: reported again (the person tried something), not required again.
    assert.equal(load(), undefined);
    assert.equal(reported.length, 2);
    assert.equal(reported[1], reported[0]);
  });

  it('shows the load failure with Show Log and logs its stack', async () => {
    const error = new Error("Cannot find module '/ext/dist/services.js'");
    const logged: unknown[][] = [];
    const log = { error: (...args: unknown[]) => logged.push(args), show: () => undefined } as unknown as vscode.LogOutputChannel;
    const shown: { message: string; items: unknown[] }[] = [];
    const window = vscode.window as { showErrorMessage: typeof vscode.window.showErrorMessage };
    const { showErrorMessage } = window;
    window.showErrorMessage = ((message: string, ...items: unknown[]) => {
      shown.push({ message, items });
      return Promise.resolve(undefined);
    }) as typeof vscode.window.showErrorMessage;
    try {
      new Notifier(log).report('loading dist/services.js', loadFailureMessage(error), error);
    } finally {
      window.showErrorMessage = showErrorMessage;
    }
    assert.deepEqual(shown, [
      {
        message:
          "Card Doctor could not load its commands: Cannot find module '/ext/dist/services.js'. Reload the window; if it happens again, reinstall the extension.",
        items: ['Show Log'],
      },
    ]);
    assert.deepEqual(logged, [['loading dist/services.js:', error.stack]]);
  });
});

describe('activation: finding the journal at any journalPath', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('cardDoctor').update('journalPath', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(inWorkspace('notes'), { recursive: true }).then(undefined, () => undefined);
    await resetWorkspace();
  });

  it('finds the journal at the default path', async () => {
    assert.equal(await journalInWorkspace(), false);
    await writeText(inWorkspace('card-failures', 'journal.md'), '# Card failure journal\n');
    assert.equal(await journalInWorkspace(), true);
  });

  it('finds the journal at a custom cardDoctor.journalPath, and not at the default one then', async () => {
    await writeText(inWorkspace('card-failures', 'journal.md'), '# Card failure journal\n');
    await vscode.workspace.getConfiguration('cardDoctor').update('journalPath', 'notes/cards.md', vscode.ConfigurationTarget.Workspace);
    assert.equal(await journalInWorkspace(), false);
    await writeText(inWorkspace('notes', 'cards.md'), '# Card failure journal\n');
    assert.equal(await journalInWorkspace(), true);
  });

  it('does not follow a journalPath with ".." in it', async () => {
    await writeText(inWorkspace('notes', 'cards.md'), '# Card failure journal\n');
    await vscode.workspace.getConfiguration('cardDoctor').update('journalPath', 'card-failures/../notes/cards.md', vscode.ConfigurationTarget.Workspace);
    assert.equal(await journalInWorkspace(), false);
  });
});

// The runs these tags select are made by test/vscode/runIntegration.mjs.
describe('activation in restricted mode @restricted', () => {
  it('opens the folder untrusted and still activates', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});

describe('activation with a Chinese UI @zh-cn', () => {
  it('reports zh-cn as the UI language', () => {
    assert.equal(vscode.env.language, 'zh-cn');
  });
});
