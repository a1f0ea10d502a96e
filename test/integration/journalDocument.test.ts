/**
 * The journal as a document in a real VS Code (issue 14): on a crafted journal at the default
 * cardDoctor.journalPath, VS Code's own provider commands and the Problems panel give what the
 * extension promises — lenses for that attempt, a hover decoding the machine line, the outline,
 * folds hiding the machine line, a damaged entry and a typed card number as problems, and a quick
 * fix that masks the number in place. Markdown's own providers answer too: results are filtered
 * to the extension's, which are written out whole.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { formatJournalEntry, journalHeader, type DatedReport } from '../../src/core/journal';
import { activateExtension, inWorkspace, resetWorkspace, writeText } from './helpers';

const REPORT: DatedReport = {
  occurredAt: '2025-11-27T10:31:00+08:00',
  product: 'chatgpt-web',
  errorMessage: 'Your card was declined.',
  card: { brand: 'unionpay', kind: 'debit', last4: '4242', issuerCountry: 'CN' },
};

/** 0-based lines: 4 the heading, 9 blank, 10 the machine line, 11 a typed card number, 12 a damaged machine line. */
const JOURNAL = `${journalHeader('en')}${formatJournalEntry(REPORT, 'en')}paid with 4242 4242 4242 4242 today\n<!-- card-doctor:entry v1 {"occurredAt": 1} -->\n`;

const SOURCE = 'Card Doctor';

/**
 * Whether the diagnostics are this test's journal's: an earlier test's journal at the same path
 * may still be open in the extension host (closing its editor does not close the document), and
 * its diagnostics stay until the new text is read.
 */
const ofThisJournal = (found: vscode.Diagnostic[]) => found.some((diagnostic) => diagnostic.code === 'damaged-entry' && diagnostic.range.start.line === 12);

/** The journal's diagnostics from this extension once they are there: waits on VS Code's own event, not a clock. */
async function ourDiagnostics(uri: vscode.Uri, until: (diagnostics: vscode.Diagnostic[]) => boolean = ofThisJournal): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
  if (until(current())) return current();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no diagnostics as expected for ${uri.toString()}: ${JSON.stringify(current().map((d) => d.message))}`));
    }, 20_000);
    const subscription = vscode.languages.onDidChangeDiagnostics(() => {
      if (!until(current())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(current());
    });
  });
}

async function openJournal(): Promise<vscode.TextDocument> {
  const uri = inWorkspace('card-failures', 'journal.md');
  await writeText(uri, JOURNAL);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

/** MarkdownString.appendText escapes Markdown and writes spaces as &nbsp;: the text a person reads. */
function shownText(markdown: string): string {
  return markdown.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
}

const lines = (diagnostics: vscode.Diagnostic[]) =>
  diagnostics.map((diagnostic) => ({
    range: [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character],
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
  }));

describe('the journal as a document', function () {
  this.timeout(60_000);

  before(activateExtension);
  afterEach(resetWorkspace);

  it('puts the damaged entry and the typed card number in the Problems panel, each at its place', async () => {
    const document = await openJournal();
    assert.deepEqual(lines(await ourDiagnostics(document.uri)), [
      {
        range: [11, 10, 11, 24],
        severity: vscode.DiagnosticSeverity.Warning,
        code: 'card-number-or-code',
        message: 'This text holds a full card number. Mask it: the journal goes into letters and to support, and must never hold one.',
      },
      { range: [12, 0, 12, 47], severity: vscode.DiagnosticSeverity.Error, code: 'damaged-entry', message: 'damaged journal entry: occurredAt is missing; skipped' },
    ]);
  });

  it('shows Diagnose · Appeal · Bank inquiry above the entry, each for that attempt', async () => {
    const document = await openJournal();
    await ourDiagnostics(document.uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const ours = lenses.filter((lens) => lens.command?.command.startsWith('cardDoctor.'));
    assert.deepEqual(
      ours.map((lens) => ({ line: lens.range.start.line, title: lens.command?.title, command: lens.command?.command, arguments: lens.command?.arguments })),
      [
        { line: 4, title: 'Diagnose', command: 'cardDoctor.diagnose', arguments: [REPORT] },
        { line: 4, title: 'Appeal', command: 'cardDoctor.generateAppeal', arguments: [REPORT] },
        { line: 4, title: 'Bank inquiry', command: 'cardDoctor.generateBankInquiry', arguments: [REPORT] },
      ],
    );
  });

  it('decodes the machine line in a hover, in words', async () => {
    const document = await openJournal();
    await ourDiagnostics(document.uri);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(10, 5));
    const texts = hovers.flatMap((hover) => hover.contents.map((content) => shownText(typeof content === 'string' ? content : content.value)));
    const ours = texts.filter((text) => text.includes('UTC+08:00'));
    assert.deepEqual(ours, [
      '**2025-11-27 10:31 UTC+08:00 · ChatGPT (web)**\n\n' +
        '- Error: “Your card was declined.”\n' +
        '- Card: UnionPay debit •••• 4242 · China\n' +
        '- Possible causes: Region not supported (likely); International online payments blocked (likely)\n',
    ]);
  });

  it('lists the attempt in the outline by time and card, and folds the machine line away', async () => {
    const document = await openJournal();
    await ourDiagnostics(document.uri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const ours = symbols.filter((symbol) => symbol.kind === vscode.SymbolKind.Event);
    assert.deepEqual(
      ours.map((symbol) => ({ name: symbol.name, detail: symbol.detail, from: symbol.range.start.line, to: symbol.range.end.line, at: symbol.selectionRange.start.line })),
      [{ name: '2025-11-27 10:31 UTC+08:00 · UnionPay debit •••• 4242', detail: 'ChatGPT (web)', from: 4, to: 10, at: 4 }],
    );
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    const comments = folds.filter((fold) => fold.kind === vscode.FoldingRangeKind.Comment).map((fold) => [fold.start, fold.end]);
    assert.deepEqual(comments, [[9, 10]]);
    // The entry folds from its heading (Markdown folds the same section; one range per start line is kept).
    assert.ok(
      folds.some((fold) => fold.start === 4 && fold.end >= 10),
      JSON.stringify(folds),
    );
  });

  it('masks the card number in place with the preferred quick fix, and the warning goes', async () => {
    const document = await openJournal();
    await ourDiagnostics(document.uri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(11, 12, 11, 12));
    const ours = actions.filter((action) => action.title === 'Mask it (keep the last 4 digits of a card)');
    assert.equal(ours.length, 1);
    assert.equal(ours[0]!.isPreferred, true);
    assert.equal(ours[0]!.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(await vscode.workspace.applyEdit(ours[0]!.edit!));
    assert.equal(document.lineAt(11).text, 'paid with •••• 4242 today');
    const after = await ourDiagnostics(document.uri, (found) => !found.some((diagnostic) => diagnostic.code === 'card-number-or-code'));
    assert.deepEqual(
      after.map((diagnostic) => diagnostic.code),
      ['damaged-entry'],
    );
  });

  it('gives nothing to another Markdown file', async () => {
    const uri = inWorkspace('card-failures', 'notes.md');
    await writeText(uri, JOURNAL);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.deepEqual(
      lenses.filter((lens) => lens.command?.command.startsWith('cardDoctor.')),
      [],
    );
    assert.deepEqual(
      vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE),
      [],
    );
  });

  it('speaks the UI language: problems, lenses and the hover in Simplified Chinese @zh-cn', async () => {
    assert.equal(vscode.env.language, 'zh-cn', 'this run needs a Chinese UI');
    const document = await openJournal();
    assert.deepEqual(
      (await ourDiagnostics(document.uri)).map((diagnostic) => diagnostic.message),
      ['这段文字看起来包含完整的卡号。请遮盖：失败日志的内容会写进信件并交给客服，其中不应出现这些信息。', '这条记录已损坏：缺少 occurredAt（绑卡时间），已跳过'],
    );
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    assert.deepEqual(
      lenses.filter((lens) => lens.command?.command.startsWith('cardDoctor.')).map((lens) => lens.command?.title),
      ['诊断', '申诉信', '银行咨询信'],
    );
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(10, 5));
    const texts = hovers.flatMap((hover) => hover.contents.map((content) => shownText(typeof content === 'string' ? content : content.value)));
    assert.deepEqual(
      texts.filter((text) => text.includes('UTC+08:00')),
      [
        '**2025-11-27 10:31 UTC+08:00 · ChatGPT 网页版**\n\n' +
          '- 错误：“Your card was declined.”\n' +
          '- 卡片：银联借记卡 •••• 4242 · 中国\n' +
          '- 可能原因：地区不受支持（可能性较高）；未开通境外线上支付（可能性较高）\n',
      ],
    );
  });

  it('works in Restricted Mode too @restricted', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this run needs Restricted Mode');
    const document = await openJournal();
    assert.deepEqual(
      (await ourDiagnostics(document.uri)).map((diagnostic) => diagnostic.code),
      ['card-number-or-code', 'damaged-entry'],
    );
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    assert.deepEqual(
      lenses.filter((lens) => lens.command?.command.startsWith('cardDoctor.')).map((lens) => lens.command?.title),
      ['Diagnose', 'Appeal', 'Bank inquiry'],
    );
  });
});
