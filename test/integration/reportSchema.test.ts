/**
 * Report files in the editor: VS Code's built-in JSON language features read the extension's
 * contributes.jsonValidation (the schema of the display language, named through package.nls,
 * loaded from the extension's folder, offline) and mark a bad value of a `*.card-report.json` at
 * the value itself, with the schema's own message.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { inWorkspace, writeText } from './helpers';

/** Line by line, so each bad value's position is plain to read: `bin` on line 4, `issuerCountry` on line 5. */
const BAD_REPORT = [
  '{',
  '  "product": "chatgpt-web",',
  '  "card": {',
  '    "bin": "12ab",',
  '    "issuerCountry": "XX",',
  '    "last4": "4242"',
  '  }',
  '}',
  '',
].join('\n');

interface Seen {
  line: number;
  start: number;
  end: number;
  severity: vscode.DiagnosticSeverity;
  message: string;
}

const seen = (diagnostic: vscode.Diagnostic): Seen => ({
  line: diagnostic.range.start.line,
  start: diagnostic.range.start.character,
  end: diagnostic.range.end.character,
  severity: diagnostic.severity,
  message: diagnostic.message,
});

/**
 * The diagnostics of `uri` once there are `count` of them: listens to onDidChangeDiagnostics
 * before the document opens, so the language server's answer cannot slip by; fails after
 * `timeoutMs` with what there was.
 */
function diagnosticsOnceOpened(uri: vscode.Uri, count: number, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const current = () => vscode.languages.getDiagnostics(uri);
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      listener.dispose();
      outcome();
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = current();
      if (diagnostics.length >= count) finish(() => resolve(diagnostics));
    });
    const timer = setTimeout(
      () => finish(() => reject(new Error(`${uri.path}: expected ${count} diagnostics, had ${JSON.stringify(current().map(seen))}`))),
      timeoutMs,
    );
    vscode.workspace.openTextDocument(uri).then(
      (document) => vscode.window.showTextDocument(document),
      (error: unknown) => finish(() => reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

async function badReportDiagnostics(name: string): Promise<Seen[]> {
  const uri = inWorkspace(name);
  await writeText(uri, BAD_REPORT);
  try {
    const diagnostics = await diagnosticsOnceOpened(uri, 2);
    return diagnostics.map(seen).sort((a, b) => a.line - b.line);
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  }
}

/** The country codes VS Code completes inside `"issuerCountry": ""`, with the name it shows beside each. */
async function completedCountries(name: string): Promise<Map<string, string>> {
  const uri = inWorkspace(name);
  await writeText(uri, '{\n  "card": {\n    "issuerCountry": ""\n  }\n}\n');
  try {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // Line 3, just inside the empty string's quotes.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(2, 22));
    const text = (value: string | vscode.MarkdownString | undefined) => (typeof value === 'string' ? value : (value?.value ?? ''));
    return new Map(list.items.map((item) => [typeof item.label === 'string' ? item.label : item.label.label, text(item.documentation)]));
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  }
}

describe('report files (*.card-report.json) in the editor', function () {
  // The JSON language server starts on the first JSON file, in a shared 2-core machine.
  this.timeout(60_000);

  it('marks a bad field at its value, with the schema’s English message', async () => {
    assert.deepEqual(await badReportDiagnostics('bad.card-report.json'), [
      { line: 3, start: 11, end: 17, severity: vscode.DiagnosticSeverity.Warning, message: 'expected 6-8 digits' },
      {
        line: 4,
        start: 21,
        end: 25,
        severity: vscode.DiagnosticSeverity.Warning,
        message: 'expected an ISO 3166 two-letter country code, such as CN or US',
      },
    ]);
  });

  it('@zh-cn reads the Simplified Chinese schema under a Chinese UI', async () => {
    assert.deepEqual(await badReportDiagnostics('bad-zh.card-report.json'), [
      { line: 3, start: 11, end: 17, severity: vscode.DiagnosticSeverity.Warning, message: '应为 6 到 8 位数字' },
      { line: 4, start: 21, end: 25, severity: vscode.DiagnosticSeverity.Warning, message: '应为 ISO 3166 两字母国家/地区代码，如 CN 或 US' },
    ]);
  });

  // After a diagnostics test in each run: by then the JSON language server is up and has the schema.
  it('completes a country field with the 250 codes, each with its name', async () => {
    const countries = await completedCountries('country.card-report.json');
    assert.equal(countries.size, 250);
    assert.equal(countries.get('"CN"'), 'China');
    assert.equal(countries.get('"US"'), 'United States');
  });

  it('@zh-cn completes a country field with Chinese names under a Chinese UI', async () => {
    const countries = await completedCountries('country-zh.card-report.json');
    assert.equal(countries.size, 250);
    assert.equal(countries.get('"CN"'), '中国');
    assert.equal(countries.get('"US"'), '美国');
  });
});
