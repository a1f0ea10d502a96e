/** The extension loads in a real VS Code: found by its id, activated, and told the UI language. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

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

  it('reports the UI language', () => {
    console.log(`    vscode.env.language = ${vscode.env.language}, VS Code ${vscode.version}, ${vscode.env.appName}`);
    assert.match(vscode.env.language, /^[a-z]{2}(-[a-z]{2})?$/i);
  });

  it('opened the fixture folder', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'one workspace folder');
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
