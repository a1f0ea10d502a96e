/**
 * A thin in-memory stand-in for the `vscode` module, for unit tests of src/host. It has the
 * same names as the parts of the API the host uses, behaving as VS Code does where the host
 * depends on it (events fire synchronously, settings fall back to package.json's defaults,
 * l10n.t reads the extension's own bundles). test/fakes/registerVscode.cjs makes
 * `require('vscode')` give this module; tests drive and inspect it through `./harness`.
 */
import { CancellationTokenSource, Disposable, EventEmitter } from './events';
import { FileSystemError, FileType } from './fs';
import { makeT } from './l10n';
import { makeLm } from './lm';
import { state } from './state';
import { Uri } from './uri';
import { makeWindow, setFolderSource } from './window';
import { makeWorkspace } from './workspace';

export { CancellationTokenSource, Disposable, EventEmitter, FileSystemError, FileType, Uri };
export { InputBoxValidationSeverity, QuickInputButtons, QuickPickItemKind, StatusBarAlignment, ThemeColor, ThemeIcon, ViewColumn } from './window';
export { ConfigurationTarget, Position, Range, WorkspaceEdit } from './workspace';
export { CodeAction, CodeActionKind, CodeLens, Diagnostic, DiagnosticSeverity, DocumentSymbol, FoldingRange, FoldingRangeKind, Hover, languages, SymbolKind } from './languages';
export { CancellationError, LanguageModelPromptTsxPart, LanguageModelTextPart, LanguageModelToolResult } from './lm';

export enum UIKind {
  Desktop = 1,
  Web = 2,
}

export enum ExtensionMode {
  Production = 1,
  Development = 2,
  Test = 3,
}

export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}

export enum LogLevel {
  Off = 0,
  Trace = 1,
  Debug = 2,
  Info = 3,
  Warning = 4,
  Error = 5,
}

export class MarkdownString {
  isTrusted = false;
  supportThemeIcons = false;
  constructor(public value = '') {}
  appendMarkdown(value: string): this {
    this.value += value;
    return this;
  }
  appendText(value: string): this {
    this.value += value;
    return this;
  }
}

export const workspace = makeWorkspace(state.workspace);
setFolderSource(() => state.workspace.folders ?? []);

export const window = makeWindow(state.window, (target) => {
  if (target instanceof Uri) return state.workspace.openTextDocument(target);
  return Promise.resolve(target as { uri: Uri });
});

export const commands = {
  registerCommand(id: string, handler: (...args: unknown[]) => unknown): Disposable {
    if (state.commands.registered.has(id)) throw new Error(`fake vscode: command '${id}' already exists`);
    state.commands.registered.set(id, handler);
    return new Disposable(() => state.commands.registered.delete(id));
  },
  /** Runs a registered command; any other (VS Code's own) is recorded and answers undefined. */
  async executeCommand(id: string, ...args: unknown[]): Promise<unknown> {
    state.commands.executed.push({ id, args });
    const handler = state.commands.registered.get(id);
    return handler ? handler(...args) : state.commands.builtIn(id, args);
  },
  async getCommands(): Promise<string[]> {
    return [...state.commands.registered.keys()];
  },
};

export const env = {
  get language() {
    return state.env.language;
  },
  appName: 'Visual Studio Code (fake)',
  appRoot: '/fake/vscode',
  uriScheme: 'vscode',
  machineId: 'fake-machine',
  sessionId: 'fake-session',
  get uiKind() {
    return state.env.uiKind;
  },
  get remoteName() {
    return state.env.remoteName;
  },
  clipboard: {
    readText: () => Promise.resolve(state.env.clipboard),
    writeText: (text: string) => {
      state.env.clipboard = text;
      return Promise.resolve();
    },
  },
  openExternal(uri: Uri): Promise<boolean> {
    state.env.opened.push(uri.toString());
    return Promise.resolve(true);
  },
};

export const l10n = {
  t: makeT(() => state.env.language),
  get bundle() {
    return undefined;
  },
  uri: undefined,
};

export const extensions = {
  getExtension: () => undefined,
  all: [],
};

export const lm = makeLm(state.lm);

export const version = '1.100.0';
