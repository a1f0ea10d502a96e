import * as vscode from 'vscode';
import type { Lang } from '../../core/catalogue';
import { hoverAt, journalOutline, outlineWords, type JournalOutline, type TextSpan } from '../../core/journalOutline';
import { COMMAND_IDS } from '../commandIds';
import { uiLang } from '../language';
import type { SettingsService } from '../settingsService';

/** The Problems panel's source for everything this file reports. */
export const JOURNAL_DIAGNOSTIC_SOURCE = 'Card Doctor';

/** Codes of the journal's diagnostics: the quick fix offers itself for `secret` only. */
export const JOURNAL_DIAGNOSTIC_CODES = { damaged: 'damaged-entry', secret: 'card-number-or-code', unchecked: 'not-checked' } as const;

/** How long typing must pause before an open journal is read again for the Problems panel. */
export const JOURNAL_DEBOUNCE_MS = 300;

/** Markdown: `cardDoctor.journalPath` must end in `.md`, so every journal is one. */
const SELECTOR: vscode.DocumentSelector = { language: 'markdown' };

export interface JournalDocumentOptions {
  /** The language of what is shown; the UI's by default. */
  lang?: () => Lang;
  debounceMs?: number;
}

/**
 * The journal as a document (issue 14): the Problems panel, CodeLens, hover, folding, outline
 * and quick fix on the journal file of each workspace folder, wherever `cardDoctor.journalPath`
 * points. Only documents that are open and are a folder's journal are read, once per version
 * (core/journalOutline.ts says what each gives and caps the work); a document that is not one
 * costs a path comparison. Nothing here writes a file or runs anything the workspace holds, so
 * it all works in an untrusted workspace.
 */
export class JournalDocuments implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('cardDoctor.journal');
  private readonly outlines = new Map<string, { version: number; lang: Lang; outline: JournalOutline }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly lang: () => Lang;
  private readonly debounceMs: number;
  private readonly refreshed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a journal's Problems were set again (for tests, which wait for the debounce with it). */
  readonly onDidRefresh = this.refreshed.event;

  constructor(
    private readonly settings: Pick<SettingsService, 'journalFile' | 'onDidChange'>,
    options: JournalDocumentOptions = {},
  ) {
    this.lang = options.lang ?? uiLang;
    this.debounceMs = options.debounceMs ?? JOURNAL_DEBOUNCE_MS;
    this.disposables.push(
      this.diagnostics,
      this.refreshed,
      vscode.languages.registerCodeLensProvider(SELECTOR, { provideCodeLenses: (document) => this.codeLenses(document) }),
      vscode.languages.registerHoverProvider(SELECTOR, { provideHover: (document, position) => this.hover(document, position) }),
      vscode.languages.registerFoldingRangeProvider(SELECTOR, { provideFoldingRanges: (document) => this.foldingRanges(document) }),
      vscode.languages.registerDocumentSymbolProvider(SELECTOR, { provideDocumentSymbols: (document) => this.symbols(document) }),
      vscode.languages.registerCodeActionsProvider(
        SELECTOR,
        { provideCodeActions: (document, range) => this.quickFixes(document, range) },
        { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
      ),
      vscode.workspace.onDidOpenTextDocument((document) => this.refresh(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.refreshSoon(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      // Another journal path or folder: documents become, or stop being, a journal.
      this.settings.onDidChange(() => this.refreshAll()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refreshAll()),
    );
    this.refreshAll();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.outlines.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** Whether `document` is the journal of the workspace folder it is in. */
  isJournal(document: vscode.TextDocument): boolean {
    if (document.languageId !== 'markdown') return false;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    return folder !== undefined && this.settings.journalFile(folder).uri.toString() === document.uri.toString();
  }

  /** The document's outline, read once per version and language; undefined for any other document. */
  outline(document: vscode.TextDocument): JournalOutline | undefined {
    if (!this.isJournal(document)) return undefined;
    const key = document.uri.toString();
    const lang = this.lang();
    const cached = this.outlines.get(key);
    if (cached && cached.version === document.version && cached.lang === lang) return cached.outline;
    const outline = journalOutline(document.getText(), lang);
    this.outlines.set(key, { version: document.version, lang, outline });
    return outline;
  }

  private refreshAll(): void {
    this.outlines.clear();
    this.diagnostics.clear();
    for (const document of vscode.workspace.textDocuments) this.refresh(document);
  }

  private refreshSoon(document: vscode.TextDocument): void {
    if (!this.isJournal(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) this.refresh(document);
      }, this.debounceMs),
    );
  }

  private refresh(document: vscode.TextDocument): void {
    const outline = this.outline(document);
    if (!outline) return;
    this.diagnostics.set(document.uri, diagnosticsOf(document, outline));
    this.refreshed.fire(document.uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.outlines.delete(key);
    this.diagnostics.delete(uri);
  }

  private codeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const outline = this.outline(document);
    if (!outline) return [];
    const words = outlineWords(this.lang());
    return outline.entries.flatMap(({ startLine, entry }) => {
      const range = new vscode.Range(startLine - 1, 0, startLine - 1, 0);
      // The entry's own report, as every command takes one (validated there): that attempt, not the last.
      const report = { ...entry.report, occurredAt: entry.occurredAt };
      return [
        new vscode.CodeLens(range, { title: words.diagnose, command: COMMAND_IDS.diagnose, arguments: [report] }),
        new vscode.CodeLens(range, { title: words.appeal, command: COMMAND_IDS.generateAppeal, arguments: [report] }),
        new vscode.CodeLens(range, { title: words.bankInquiry, command: COMMAND_IDS.generateBankInquiry, arguments: [report] }),
      ];
    });
  }

  private hover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const outline = this.outline(document);
    const decoded = outline && hoverAt(outline, position.line + 1, this.lang());
    if (!decoded) return undefined;
    // Labels are ours; the person's words go in as text, so nothing they typed renders as Markdown or a link.
    const markdown = new vscode.MarkdownString();
    markdown.appendMarkdown('**');
    markdown.appendText(decoded.title);
    markdown.appendMarkdown('**\n\n');
    for (const line of decoded.lines) {
      markdown.appendMarkdown('- ');
      markdown.appendText(line);
      markdown.appendMarkdown('\n');
    }
    return new vscode.Hover(markdown, document.lineAt(position.line).range);
  }

  private foldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    return (this.outline(document)?.folds ?? []).map(
      (fold) => new vscode.FoldingRange(fold.start - 1, fold.end - 1, fold.kind === 'comment' ? vscode.FoldingRangeKind.Comment : vscode.FoldingRangeKind.Region),
    );
  }

  private symbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const outline = this.outline(document);
    if (!outline) return [];
    const symbol = (startLine: number, machineLine: number, name: string, detail: string, kind: vscode.SymbolKind) => {
      const whole = new vscode.Range(startLine - 1, 0, machineLine - 1, document.lineAt(machineLine - 1).text.length);
      return { line: startLine, symbol: new vscode.DocumentSymbol(name, detail, kind, whole, document.lineAt(startLine - 1).range) };
    };
    return [
      ...outline.entries.map((entry) => symbol(entry.startLine, entry.machineLine, entry.name, entry.detail, vscode.SymbolKind.Event)),
      ...outline.answers.map((answer) => symbol(answer.startLine, answer.machineLine, answer.name, '', vscode.SymbolKind.Object)),
    ]
      .sort((a, b) => a.line - b.line)
      .map((item) => item.symbol);
  }

  private quickFixes(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    const outline = this.outline(document);
    if (!outline) return [];
    const title = outlineWords(this.lang()).mask;
    return outline.secrets
      .filter((secret) => touches(secret, range))
      .map((secret) => {
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, rangeOf(secret), secret.replacement);
        action.diagnostics = [secretDiagnostic(secret)];
        action.isPreferred = true;
        return action;
      });
  }
}

/** Whether the span and the range share a character, or the range is a cursor inside or at an end of the span. */
function touches(span: TextSpan, range: vscode.Range): boolean {
  const before = (line: number, column: number, otherLine: number, otherColumn: number) => line < otherLine || (line === otherLine && column <= otherColumn);
  return before(span.startLine - 1, span.startColumn, range.end.line, range.end.character) && before(range.start.line, range.start.character, span.endLine - 1, span.endColumn);
}

function rangeOf(span: TextSpan): vscode.Range {
  return new vscode.Range(span.startLine - 1, span.startColumn, span.endLine - 1, span.endColumn);
}

function secretDiagnostic(secret: JournalOutline['secrets'][number]): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(rangeOf(secret), secret.message, vscode.DiagnosticSeverity.Warning);
  diagnostic.source = JOURNAL_DIAGNOSTIC_SOURCE;
  diagnostic.code = JOURNAL_DIAGNOSTIC_CODES.secret;
  return diagnostic;
}

/** The Problems panel's entries for an outline: damaged lines (errors), secrets (warnings), what was not checked. */
function diagnosticsOf(document: vscode.TextDocument, outline: JournalOutline): vscode.Diagnostic[] {
  const problems = outline.problems.map((problem) => {
    const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Information;
    const diagnostic = new vscode.Diagnostic(document.lineAt(problem.line - 1).range, problem.message, severity);
    diagnostic.source = JOURNAL_DIAGNOSTIC_SOURCE;
    diagnostic.code = problem.severity === 'error' ? JOURNAL_DIAGNOSTIC_CODES.damaged : JOURNAL_DIAGNOSTIC_CODES.unchecked;
    return diagnostic;
  });
  return [...problems, ...outline.secrets.map(secretDiagnostic)].sort((a, b) => a.range.start.line - b.range.start.line);
}
