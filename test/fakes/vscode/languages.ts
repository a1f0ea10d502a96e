/**
 * `vscode.languages` and the classes its providers return, for unit tests of language features
 * (src/host/journalDocument). Providers are kept as registered, with their selector; a test asks
 * for what VS Code would show through {@link languageState}'s `provide*` helpers, which call
 * every provider whose selector's language matches the document, as the real `vscode.execute*Provider`
 * commands do. Diagnostics are kept per collection and read back with `getDiagnostics`.
 */
import { Disposable } from './events';
import type { Uri } from './uri';
import type { Position, Range, WorkspaceEdit } from './workspace';

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export class Diagnostic {
  source?: string;
  code?: string | number;
  constructor(
    public range: Range,
    public message: string,
    public severity: DiagnosticSeverity = DiagnosticSeverity.Error,
  ) {}
}

export class CodeLens {
  constructor(
    public range: Range,
    public command?: { title: string; command: string; arguments?: unknown[] },
  ) {}
}

export class Hover {
  readonly contents: unknown[];
  constructor(
    contents: unknown,
    public range?: Range,
  ) {
    this.contents = Array.isArray(contents) ? contents : [contents];
  }
}

export enum FoldingRangeKind {
  Comment = 1,
  Imports = 2,
  Region = 3,
}

export class FoldingRange {
  constructor(
    public start: number,
    public end: number,
    public kind?: FoldingRangeKind,
  ) {}
}

export enum SymbolKind {
  File = 0,
  String = 14,
  Object = 18,
  Event = 23,
}

export class DocumentSymbol {
  children: DocumentSymbol[] = [];
  constructor(
    public name: string,
    public detail: string,
    public kind: SymbolKind,
    public range: Range,
    public selectionRange: Range,
  ) {}
}

export class CodeActionKind {
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = new CodeActionKind('quickfix');
  private constructor(readonly value: string) {}
}

export class CodeAction {
  edit?: WorkspaceEdit;
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  constructor(
    public title: string,
    public kind?: CodeActionKind,
  ) {}
}

type Selector = { language?: string } | string;
interface Document {
  uri: Uri;
  languageId: string;
}
type Registered<P> = { selector: Selector; provider: P; metadata?: unknown };

/** A DiagnosticCollection kept in memory. */
export class FakeDiagnosticCollection {
  readonly entries = new Map<string, { uri: Uri; diagnostics: Diagnostic[] }>();
  disposed = false;
  constructor(
    readonly name: string,
    private readonly onDispose: (collection: FakeDiagnosticCollection) => void,
  ) {}
  set(uri: Uri, diagnostics: readonly Diagnostic[] | undefined): void {
    if (diagnostics === undefined) this.entries.delete(uri.toString());
    else this.entries.set(uri.toString(), { uri, diagnostics: [...diagnostics] });
  }
  get(uri: Uri): readonly Diagnostic[] | undefined {
    return this.entries.get(uri.toString())?.diagnostics;
  }
  delete(uri: Uri): void {
    this.entries.delete(uri.toString());
  }
  clear(): void {
    this.entries.clear();
  }
  dispose(): void {
    this.disposed = true;
    this.entries.clear();
    this.onDispose(this);
  }
}

const none = { token: { isCancellationRequested: false, onCancellationRequested: () => new Disposable(() => undefined) } };

/** What `languages` holds: registered providers and live diagnostic collections. */
export class LanguageState {
  readonly codeLens: Registered<{ provideCodeLenses(document: Document, token: unknown): unknown }>[] = [];
  readonly hover: Registered<{ provideHover(document: Document, position: Position, token: unknown): unknown }>[] = [];
  readonly folding: Registered<{ provideFoldingRanges(document: Document, context: unknown, token: unknown): unknown }>[] = [];
  readonly symbols: Registered<{ provideDocumentSymbols(document: Document, token: unknown): unknown }>[] = [];
  readonly codeActions: Registered<{ provideCodeActions(document: Document, range: Range, context: unknown, token: unknown): unknown }>[] = [];
  readonly collections: FakeDiagnosticCollection[] = [];

  reset(): void {
    for (const list of [this.codeLens, this.hover, this.folding, this.symbols, this.codeActions]) list.length = 0;
    this.collections.length = 0;
  }

  /** Every live collection's diagnostics for `uri`, as `languages.getDiagnostics(uri)` gives them. */
  diagnosticsOf(uri: Uri): Diagnostic[] {
    return this.collections.flatMap((collection) => [...(collection.get(uri) ?? [])]);
  }

  async provideCodeLenses(document: Document): Promise<CodeLens[]> {
    return this.collect(this.codeLens, document, (provider) => provider.provideCodeLenses(document, none.token)) as Promise<CodeLens[]>;
  }

  async provideHovers(document: Document, position: Position): Promise<Hover[]> {
    return this.collect(this.hover, document, (provider) => provider.provideHover(document, position, none.token)) as Promise<Hover[]>;
  }

  async provideFoldingRanges(document: Document): Promise<FoldingRange[]> {
    return this.collect(this.folding, document, (provider) => provider.provideFoldingRanges(document, {}, none.token)) as Promise<FoldingRange[]>;
  }

  async provideDocumentSymbols(document: Document): Promise<DocumentSymbol[]> {
    return this.collect(this.symbols, document, (provider) => provider.provideDocumentSymbols(document, none.token)) as Promise<DocumentSymbol[]>;
  }

  async provideCodeActions(document: Document, range: Range): Promise<CodeAction[]> {
    const context = { diagnostics: this.diagnosticsOf(document.uri), only: undefined, triggerKind: 1 };
    return this.collect(this.codeActions, document, (provider) => provider.provideCodeActions(document, range, context, none.token)) as Promise<CodeAction[]>;
  }

  private async collect<P>(list: Registered<P>[], document: Document, call: (provider: P) => unknown): Promise<unknown[]> {
    const results: unknown[] = [];
    for (const { selector, provider } of list) {
      if (!matches(selector, document)) continue;
      const result = await call(provider);
      if (Array.isArray(result)) results.push(...result);
      else if (result) results.push(result);
    }
    return results;
  }
}

function matches(selector: Selector, document: Document): boolean {
  if (typeof selector === 'string') return selector === '*' || selector === document.languageId;
  return selector.language === undefined || selector.language === document.languageId;
}

export const languageState = new LanguageState();

function register<P>(list: Registered<P>[], selector: Selector, provider: P, metadata?: unknown): Disposable {
  const entry = { selector, provider, metadata };
  list.push(entry);
  return new Disposable(() => {
    const index = list.indexOf(entry);
    if (index >= 0) list.splice(index, 1);
  });
}

export const languages = {
  createDiagnosticCollection(name = ''): FakeDiagnosticCollection {
    const collection = new FakeDiagnosticCollection(name, (disposed) => {
      const index = languageState.collections.indexOf(disposed);
      if (index >= 0) languageState.collections.splice(index, 1);
    });
    languageState.collections.push(collection);
    return collection;
  },
  getDiagnostics(uri: Uri): Diagnostic[] {
    return languageState.diagnosticsOf(uri);
  },
  registerCodeLensProvider: (selector: Selector, provider: LanguageState['codeLens'][number]['provider']) => register(languageState.codeLens, selector, provider),
  registerHoverProvider: (selector: Selector, provider: LanguageState['hover'][number]['provider']) => register(languageState.hover, selector, provider),
  registerFoldingRangeProvider: (selector: Selector, provider: LanguageState['folding'][number]['provider']) => register(languageState.folding, selector, provider),
  registerDocumentSymbolProvider: (selector: Selector, provider: LanguageState['symbols'][number]['provider']) => register(languageState.symbols, selector, provider),
  registerCodeActionsProvider: (selector: Selector, provider: LanguageState['codeActions'][number]['provider'], metadata?: unknown) =>
    register(languageState.codeActions, selector, provider, metadata),
};
