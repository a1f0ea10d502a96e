/**
 * The diagnosis tab: one tab, created or revealed as asked, refreshed by each diagnosis, with
 * scripts and command links off and nothing loaded but media/; a column beside it for letters.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnose } from '../../../src/core/diagnose';
import { viewDiagnosis, type DiagnosisView } from '../../../src/core/diagnosisView';
import { DiagnosisPanel } from '../../../src/host/diagnosisPanel';
import { fake, REPO_ROOT, resetFake } from '../../fakes/vscode/harness';
import { validReport } from '../../validReport';

const NOW = new Date('2025-11-27T04:00:00Z');
const EXTENSION = vscode.Uri.file(REPO_ROOT);

function view(errorMessage: string): DiagnosisView {
  return viewDiagnosis(diagnose(validReport({ occurredAt: '2025-11-27T03:59:00Z', errorMessage }), [], NOW), 'en', NOW);
}

const SHOW = { reveal: true, preserveFocus: false };
const REFRESH = { reveal: false, preserveFocus: true };

describe('host diagnosisPanel', () => {
  let panel: DiagnosisPanel;

  beforeEach(async () => {
    await resetFake();
    panel = new DiagnosisPanel(EXTENSION);
  });
  afterEach(() => panel.dispose());

  it('opens no tab for a refresh while none is open', () => {
    panel.show(view('Your card was declined.'), 'en', REFRESH);
    assert.equal(panel.isOpen, false);
    assert.equal(panel.text, '');
    assert.deepEqual(fake.window.panels, []);
    assert.equal(panel.companionColumn(), undefined);
  });

  it('creates the tab in the first column of an empty editor area, locked down, with the page', () => {
    panel.show(view('Your card was declined.'), 'en', SHOW);
    assert.equal(fake.window.panels.length, 1);
    const created = fake.window.panels[0]!;
    assert.equal(created.viewType, 'cardDoctor.diagnosis');
    assert.equal(created.title, 'Card Doctor: Diagnosis');
    assert.equal(created.viewColumn, vscode.ViewColumn.One);
    assert.equal(created.preserveFocus, false);
    assert.deepEqual(created.options, { enableFindWidget: true });
    const options = created.webview.options as { enableScripts: boolean; enableCommandUris: boolean; localResourceRoots: vscode.Uri[] };
    assert.equal(options.enableScripts, false);
    assert.equal(options.enableCommandUris, false);
    assert.deepEqual(
      options.localResourceRoots.map((uri) => uri.fsPath),
      [path.join(REPO_ROOT, 'media')],
    );
    assert.equal((created.iconPath as vscode.Uri).fsPath, path.join(REPO_ROOT, 'media', 'cardDoctor.svg'));
    assert.equal(panel.isOpen, true);
    assert.equal(created.webview.html, panel.text);
    assert.ok(
      panel.text.includes(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src https://fake.vscode-cdn.net">`),
      panel.text.slice(0, 400),
    );
    assert.ok(panel.text.includes(`<link rel="stylesheet" href="https://file+.vscode-resource.vscode-cdn.net${vscode.Uri.joinPath(EXTENSION, 'media', 'diagnosis.css').path}">`));
    assert.ok(panel.text.includes('<p class="hint">Generate the appeal or the bank inquiry, or record this attempt in the journal, with the buttons at the top right of this tab.</p>'));
    assert.equal(panel.companionColumn(), vscode.ViewColumn.Two);
  });

  it('opens beside the editor the person is working in', () => {
    fake.window.tabGroups = { all: [{ tabs: [{ label: 'notes.md' }], viewColumn: vscode.ViewColumn.One }] };
    panel.show(view('Your card was declined.'), 'en', { reveal: true, preserveFocus: true });
    const created = fake.window.panels[0]!;
    // Beside the active editor (the fake resolves Beside to column Two).
    assert.equal(created.viewColumn, vscode.ViewColumn.Two);
    assert.equal(created.preserveFocus, true);
    assert.equal(panel.companionColumn(), vscode.ViewColumn.One);
  });

  it('refreshes the one tab without bringing it forward, and reveals it when asked', () => {
    panel.show(view('Your card was declined.'), 'en', SHOW);
    const first = panel.text;
    panel.show(view('Your card has insufficient funds.'), 'en', REFRESH);
    const created = fake.window.panels[0]!;
    assert.equal(fake.window.panels.length, 1);
    assert.deepEqual(created.reveals, []);
    assert.notEqual(panel.text, first);
    assert.equal(created.webview.html, panel.text);
    panel.show(view('Your card was declined.'), 'en', { reveal: true, preserveFocus: true });
    assert.deepEqual(created.reveals, [{ viewColumn: undefined, preserveFocus: true }]);
    assert.equal(panel.text, first);
  });

  it('speaks the UI language in its title and page', () => {
    fake.env.language = 'zh-cn';
    const chinese = viewDiagnosis(diagnose(validReport({ occurredAt: '2025-11-27T03:59:00Z' }), [], NOW), 'zh-cn', NOW);
    panel.show(chinese, 'zh-cn', SHOW);
    assert.equal(fake.window.panels[0]!.title, '绑卡医生：诊断结果');
    assert.ok(panel.text.includes('<html lang="zh-CN">'));
    assert.ok(panel.text.includes('<p class="hint">可用此标签页右上角的按钮生成申诉信或银行咨询信，或把这次绑卡记入失败日志。</p>'));
  });

  it('forgets the tab the person closed: the next refresh opens nothing, the next show a new tab', () => {
    panel.show(view('Your card was declined.'), 'en', SHOW);
    fake.window.panels[0]!.dispose();
    assert.equal(panel.isOpen, false);
    assert.equal(panel.text, '');
    panel.show(view('Your card was declined.'), 'en', REFRESH);
    assert.equal(fake.window.panels.length, 1);
    panel.show(view('Your card was declined.'), 'en', SHOW);
    assert.equal(fake.window.panels.length, 2);
    assert.equal(panel.isOpen, true);
  });

  it('adopts a tab VS Code restored, closing the one it had, and renders into it', () => {
    panel.show(view('Your card was declined.'), 'en', SHOW);
    const old = fake.window.panels[0]!;
    const restored = vscode.window.createWebviewPanel('cardDoctor.diagnosis', 'old title', vscode.ViewColumn.Three);
    panel.adopt(restored);
    // The old tab's close, fired by the adoption itself, must not make it forget the new one.
    assert.equal(old.disposed, true);
    assert.equal(panel.isOpen, true);
    assert.equal(restored.title, 'Card Doctor: Diagnosis');
    assert.equal((restored.webview.options as { enableScripts: boolean }).enableScripts, false);
    assert.equal(panel.companionColumn(), vscode.ViewColumn.One);
    panel.show(view('Your card was declined.'), 'en', REFRESH);
    assert.equal(restored.webview.html, panel.text);
    assert.notEqual(panel.text, '');
  });

  it('adopting the tab it already has keeps it open', () => {
    panel.show(view('Your card was declined.'), 'en', SHOW);
    const created = fake.window.panels[0]!;
    panel.adopt(created as unknown as vscode.WebviewPanel);
    assert.equal(created.disposed, false);
    assert.equal(panel.isOpen, true);
    created.dispose();
    assert.equal(panel.isOpen, false);
  });

  it('closes its tab when disposed', () => {
    panel.show(view('Your card was declined.'), 'en', SHOW);
    panel.dispose();
    assert.equal(fake.window.panels[0]!.disposed, true);
    assert.equal(panel.isOpen, false);
  });
});
