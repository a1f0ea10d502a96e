/**
 * The journal as a document, over the fake vscode: an open journal (at the folder's
 * cardDoctor.journalPath) gets its Problems, lenses, hover, folds, outline and quick fix; any
 * other Markdown file gets nothing; closing the journal clears its Problems. Expected values
 * are written out.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { bankAnswerToWrite } from '../../../src/core/bankAnswer';
import { encodeEntryLine, formatJournalEntry, journalHeader, type DatedReport } from '../../../src/core/journal';
import { JournalDocuments } from '../../../src/host/journalDocument/journalDocuments';
import { Notifier } from '../../../src/host/notifier';
import { SettingsService } from '../../../src/host/settingsService';
import { fake, resetFake, tempWorkspace, type FakeTextDocument } from '../../fakes/vscode/harness';
import { languageState } from '../../fakes/vscode/languages';

const REPORT: DatedReport = {
  occurredAt: '2025-11-27T10:31:00+08:00',
  product: 'chatgpt-web',
  errorMessage: 'Your card was declined.',
  card: { brand: 'unionpay', kind: 'debit', last4: '4242', issuerCountry: 'CN' },
};

/** Line 5 (0-based 4) heading, 11 (10) machine line, 12 (11) a card number, 13 (12) a damaged machine line. */
const JOURNAL = `${journalHeader('en')}${formatJournalEntry(REPORT, 'en')}paid with 4242 4242 4242 4242 today\n<!-- card-doctor:entry v1 {"occurredAt": 1} -->\n`;

describe('host JournalDocuments (the journal as a document)', () => {
  let features: JournalDocuments | undefined;
  let settings: SettingsService | undefined;
  let journal: FakeTextDocument;
  let language: 'en' | 'zh-cn';

  beforeEach(async () => {
    await resetFake();
    languageState.reset();
    const [folder] = await tempWorkspace();
    language = 'en';
    settings = new SettingsService(new Notifier(vscode.window.createOutputChannel('test', { log: true })));
    journal = fake.workspace.openDocument(vscode.Uri.joinPath(folder!.uri, 'card-failures/journal.md') as never, JOURNAL);
    features = new JournalDocuments(settings, { lang: () => language, debounceMs: 0 });
  });

  afterEach(() => {
    features?.dispose();
    settings?.dispose();
  });

  const diagnostics = () =>
    vscode.languages.getDiagnostics(journal.uri as never).map((diagnostic) => ({
      line: diagnostic.range.start.line,
      from: diagnostic.range.start.character,
      to: diagnostic.range.end.character,
      severity: diagnostic.severity,
      code: diagnostic.code,
      message: diagnostic.message,
    }));

  it('puts a damaged entry and a card number in the Problems panel of a journal already open', () => {
    assert.deepEqual(diagnostics(), [
      {
        line: 11,
        from: 10,
        to: 24,
        severity: vscode.DiagnosticSeverity.Warning,
        code: 'card-number-or-code',
        message: 'This text holds a full card number. Mask it: the journal goes into letters and to support, and must never hold one.',
      },
      { line: 12, from: 0, to: 47, severity: vscode.DiagnosticSeverity.Error, code: 'damaged-entry', message: 'damaged journal entry: occurredAt is missing; skipped' },
    ]);
  });

  it('gives each entry Diagnose · Appeal · Bank inquiry above its heading, for that attempt', async () => {
    const lenses = await languageState.provideCodeLenses(journal);
    assert.deepEqual(
      lenses.map((lens) => ({ line: lens.range.start.line, title: lens.command?.title, command: lens.command?.command, arguments: lens.command?.arguments })),
      [
        { line: 4, title: 'Diagnose', command: 'cardDoctor.diagnose', arguments: [REPORT] },
        { line: 4, title: 'Appeal', command: 'cardDoctor.generateAppeal', arguments: [REPORT] },
        { line: 4, title: 'Bank inquiry', command: 'cardDoctor.generateBankInquiry', arguments: [REPORT] },
      ],
    );
  });

  it('decodes the machine line in a hover, in the UI language, the person’s words as text', async () => {
    language = 'zh-cn';
    const [hover] = await languageState.provideHovers(journal, new vscode.Position(10, 3) as never);
    assert.equal(
      (hover!.contents[0] as vscode.MarkdownString).value,
      '**2025-11-27 10:31 UTC+08:00 · ChatGPT 网页版**\n\n' +
        '- 错误：“Your card was declined.”\n' +
        '- 卡片：银联借记卡 •••• 4242 · 中国\n' +
        '- 可能原因：地区不受支持（可能性较高）；未开通境外线上支付（可能性较高）\n',
    );
    assert.deepEqual(await languageState.provideHovers(journal, new vscode.Position(9, 0) as never), []);
  });

  it('folds the entry and its machine line, and lists the attempt in the outline by time and card', async () => {
    const folds = await languageState.provideFoldingRanges(journal);
    assert.deepEqual(
      folds.map((fold) => [fold.start, fold.end, fold.kind]),
      [
        [4, 10, vscode.FoldingRangeKind.Region],
        [9, 10, vscode.FoldingRangeKind.Comment],
      ],
    );
    const symbols = await languageState.provideDocumentSymbols(journal);
    assert.deepEqual(
      symbols.map((symbol) => ({ name: symbol.name, detail: symbol.detail, kind: symbol.kind, from: symbol.range.start.line, to: symbol.range.end.line, at: symbol.selectionRange.start.line })),
      [{ name: '2025-11-27 10:31 UTC+08:00 · UnionPay debit •••• 4242', detail: 'ChatGPT (web)', kind: vscode.SymbolKind.Event, from: 4, to: 10, at: 4 }],
    );
  });

  it('offers a preferred quick fix that masks the number in place, keeping its last 4; the warning then goes', async () => {
    const actions = await languageState.provideCodeActions(journal, new vscode.Range(11, 12, 11, 12) as never);
    assert.equal(actions.length, 1);
    const [action] = actions;
    assert.equal(action!.title, 'Mask it (keep the last 4 digits of a card)');
    assert.equal(action!.kind, vscode.CodeActionKind.QuickFix);
    assert.equal(action!.isPreferred, true);
    assert.equal(action!.diagnostics?.[0]?.code, 'card-number-or-code');
    // The Problems panel follows once typing pauses (debounced; 0 ms here).
    const refreshed = new Promise((resolve) => features!.onDidRefresh(resolve));
    assert.equal(await vscode.workspace.applyEdit(action!.edit! as never), true);
    assert.equal(journal.getText().split('\n')[11], 'paid with •••• 4242 today');
    await refreshed;
    assert.deepEqual(
      diagnostics().map((diagnostic) => diagnostic.code),
      ['damaged-entry'],
    );
    assert.deepEqual(await languageState.provideCodeActions(journal, new vscode.Range(11, 12, 11, 12) as never), []);
  });

  it('offers nothing for a range away from the number', async () => {
    assert.deepEqual(await languageState.provideCodeActions(journal, new vscode.Range(3, 0, 3, 5) as never), []);
  });

  it('leaves any other Markdown file alone, and clears the journal’s Problems when it closes', async () => {
    const [folder] = fake.workspace.folders!;
    const other = fake.workspace.openDocument(vscode.Uri.joinPath(folder!.uri as never, 'notes.md') as never, JOURNAL);
    assert.deepEqual(vscode.languages.getDiagnostics(other.uri as never), []);
    assert.deepEqual(await languageState.provideCodeLenses(other), []);
    assert.deepEqual(await languageState.provideHovers(other, new vscode.Position(9, 0) as never), []);
    assert.deepEqual(await languageState.provideFoldingRanges(other), []);
    assert.deepEqual(await languageState.provideDocumentSymbols(other), []);
    assert.deepEqual(await languageState.provideCodeActions(other, new vscode.Range(11, 12, 11, 12) as never), []);
    fake.workspace.closeDocument(journal);
    assert.deepEqual(diagnostics(), []);
  });

  it('follows cardDoctor.journalPath: another path makes another file the journal', async () => {
    const [folder] = fake.workspace.folders!;
    const notes = fake.workspace.openDocument(vscode.Uri.joinPath(folder!.uri as never, 'notes/j.md') as never, `# J\n${encodeEntryLine(REPORT)}\n`);
    await fake.workspace.setSetting('cardDoctor.journalPath', 'notes/j.md');
    assert.deepEqual(diagnostics(), []);
    assert.deepEqual(
      (await languageState.provideDocumentSymbols(notes)).map((symbol) => symbol.name),
      ['2025-11-27 10:31 UTC+08:00 · UnionPay debit •••• 4242'],
    );
  });

  it('lists a bank’s answer in the outline after the attempt, and decodes its machine line', async () => {
    const answer = bankAnswerToWrite({ answeredAt: '2025-11-28T15:00:00+08:00', channel: 'phone', sawAuthorization: 'no', declinedBy: 'unknown' }, 'en');
    fake.workspace.editDocument(journal, `${journalHeader('en')}${formatJournalEntry(REPORT, 'en')}${answer}`);
    const symbols = await languageState.provideDocumentSymbols(journal);
    assert.deepEqual(
      symbols.map((symbol) => [symbol.name, symbol.kind, symbol.range.start.line, symbol.range.end.line]),
      [
        ['2025-11-27 10:31 UTC+08:00 · UnionPay debit •••• 4242', vscode.SymbolKind.Event, 4, 10],
        ['What the bank said · 2025-11-28 15:00 UTC+08:00 · by phone', vscode.SymbolKind.Object, 12, 17],
      ],
    );
    const [hover] = await languageState.provideHovers(journal, new vscode.Position(17, 0) as never);
    assert.equal(
      (hover!.contents[0] as vscode.MarkdownString).value,
      '**What the bank said · 2025-11-28 15:00 UTC+08:00 · by phone**\n\n- Found the verification authorization: no\n- Declined by: the bank could not say\n',
    );
  });

  it('registers nothing once disposed', () => {
    features!.dispose();
    features = undefined;
    assert.deepEqual(
      [languageState.codeLens, languageState.hover, languageState.folding, languageState.symbols, languageState.codeActions, languageState.collections].map((list) => list.length),
      [0, 0, 0, 0, 0, 0],
    );
  });
});
