import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Disposable, EventEmitter } from './events';
import { FakeFileSystem } from './fs';
import { Uri } from './uri';

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number | Position, startCharacter: number | Position, endLine?: number, endCharacter?: number) {
    if (startLine instanceof Position && startCharacter instanceof Position) {
      this.start = startLine;
      this.end = startCharacter;
    } else {
      this.start = new Position(startLine as number, startCharacter as number);
      this.end = new Position(endLine ?? (startLine as number), endCharacter ?? (startCharacter as number));
    }
  }
}

/** vscode.WorkspaceEdit: the edits it holds, applied to the fake's open documents by applyEdit. */
export class WorkspaceEdit {
  readonly edits: { uri: Uri; range: Range | Position; text: string }[] = [];
  insert(uri: Uri, position: Position, text: string): void {
    this.edits.push({ uri, range: position, text });
  }
  replace(uri: Uri, range: Range, text: string): void {
    this.edits.push({ uri, range, text });
  }
  delete(uri: Uri, range: Range): void {
    this.edits.push({ uri, range, text: '' });
  }
  get size(): number {
    return this.edits.length;
  }
}

export enum ConfigurationTarget {
  Global = 1,
  Workspace = 2,
  WorkspaceFolder = 3,
}

export interface WorkspaceFolder {
  readonly uri: Uri;
  readonly name: string;
  readonly index: number;
}

/** An open text document: text in memory, possibly unsaved. */
export class FakeTextDocument {
  isDirty = false;
  isClosed = false;
  version = 1;
  readonly isUntitled: boolean;

  constructor(
    readonly uri: Uri,
    private text: string,
    readonly languageId: string = 'markdown',
  ) {
    this.isUntitled = uri.scheme === 'untitled';
  }

  getText(): string {
    return this.text;
  }

  get lineCount(): number {
    return this.text.split('\n').length;
  }

  lineAt(line: number): { text: string; range: Range } {
    const text = this.text.split('\n')[line] ?? '';
    return { text, range: new Range(line, 0, line, text.length) };
  }

  positionAt(offset: number): Position {
    const before = this.text.slice(0, offset).split('\n');
    return new Position(before.length - 1, before[before.length - 1]!.length);
  }

  offsetAt(position: Position): number {
    const lines = this.text.split('\n');
    let offset = 0;
    for (let line = 0; line < position.line && line < lines.length; line++) offset += lines[line]!.length + 1;
    return offset + position.character;
  }

  /** Replaces the text as an edit would: the document becomes dirty. */
  setText(text: string): void {
    this.text = text;
    this.version += 1;
    this.isDirty = true;
  }

  save(): Promise<boolean> {
    this.isDirty = false;
    return Promise.resolve(true);
  }
}

/** The manifest's `contributes.configuration` defaults: what VS Code answers for a setting nobody set. */
function manifestDefaults(): Map<string, unknown> {
  const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
    contributes?: { configuration?: { properties?: Record<string, { default?: unknown }> } };
  };
  const defaults = new Map<string, unknown>();
  for (const [key, property] of Object.entries(manifest.contributes?.configuration?.properties ?? {})) defaults.set(key, property.default);
  return defaults;
}

export interface ConfigurationChange {
  affectsConfiguration(section: string, scope?: Uri | WorkspaceFolder): boolean;
}

export class WorkspaceState {
  readonly fs = new FakeFileSystem();
  folders: WorkspaceFolder[] | undefined = undefined;
  isTrusted = true;
  name: string | undefined = undefined;
  /** Settings a test set: full key (`cardDoctor.journalPath`) to value, globally or per folder Uri string. */
  private readonly settings = new Map<string, unknown>();
  private readonly folderSettings = new Map<string, Map<string, unknown>>();
  readonly defaults = manifestDefaults();
  /** Every getConfiguration call, so a test can count reads. */
  readonly configurationReads: { section: string | undefined; scope: string | undefined }[] = [];
  readonly configurationUpdates: { key: string; value: unknown; target: unknown }[] = [];
  readonly documents: FakeTextDocument[] = [];
  /** What applyEdit answers; false plays an edit VS Code refused. */
  acceptEdits = true;
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly watchers: FakeFileSystemWatcher[] = [];
  readonly configurationEmitter = new EventEmitter<ConfigurationChange>();
  readonly foldersEmitter = new EventEmitter<{ added: WorkspaceFolder[]; removed: WorkspaceFolder[] }>();
  readonly changeDocumentEmitter = new EventEmitter<{ document: FakeTextDocument; contentChanges: unknown[]; reason: undefined }>();
  readonly closeDocumentEmitter = new EventEmitter<FakeTextDocument>();
  readonly openDocumentEmitter = new EventEmitter<FakeTextDocument>();
  readonly saveDocumentEmitter = new EventEmitter<FakeTextDocument>();
  readonly trustEmitter = new EventEmitter<void>();
  private untitledCount = 0;

  reset(): void {
    this.fs.reset();
    this.folders = undefined;
    this.isTrusted = true;
    this.name = undefined;
    this.settings.clear();
    this.folderSettings.clear();
    this.configurationReads.length = 0;
    this.configurationUpdates.length = 0;
    this.documents.length = 0;
    this.acceptEdits = true;
    this.appliedEdits.length = 0;
    this.watchers.length = 0;
    this.untitledCount = 0;
    for (const emitter of [this.configurationEmitter, this.foldersEmitter, this.changeDocumentEmitter, this.closeDocumentEmitter, this.openDocumentEmitter, this.saveDocumentEmitter, this.trustEmitter]) {
      emitter.clearListeners();
    }
  }

  /** Opens the workspace on these folders (file Uris or paths), named after their last segment. */
  setFolders(folders: readonly (Uri | string)[] | undefined): WorkspaceFolder[] | undefined {
    const before = this.folders ?? [];
    this.folders = folders?.map((folder, index) => {
      const uri = typeof folder === 'string' ? Uri.file(folder) : folder;
      return { uri, name: path.posix.basename(uri.path), index };
    });
    this.foldersEmitter.fire({ added: this.folders ?? [], removed: before });
    return this.folders;
  }

  /**
   * Sets `key` (full name, e.g. `cardDoctor.journalPath`) globally or for one folder, and fires
   * onDidChangeConfiguration as VS Code does after a settings edit. `undefined` removes it.
   */
  setSetting(key: string, value: unknown, folder?: WorkspaceFolder | Uri): void {
    const store = folder ? this.folderStore(folder) : this.settings;
    if (value === undefined) store.delete(key);
    else store.set(key, value);
    this.configurationEmitter.fire(changeOf([key], folder));
  }

  private folderStore(folder: WorkspaceFolder | Uri): Map<string, unknown> {
    const id = ('uri' in folder ? folder.uri : folder).toString();
    let store = this.folderSettings.get(id);
    if (!store) {
      store = new Map();
      this.folderSettings.set(id, store);
    }
    return store;
  }

  private lookup(full: string, scope: Uri | undefined): { value: unknown; set: boolean } {
    if (scope) {
      const folder = this.folderOf(scope);
      const store = folder && this.folderSettings.get(folder.uri.toString());
      if (store?.has(full)) return { value: store.get(full), set: true };
    }
    if (this.settings.has(full)) return { value: this.settings.get(full), set: true };
    return { value: this.defaults.get(full), set: false };
  }

  getConfiguration(section?: string, scope?: Uri | WorkspaceFolder | null) {
    const scopeUri = scope ? ('uri' in scope ? scope.uri : scope) : undefined;
    this.configurationReads.push({ section, scope: scopeUri?.toString() });
    const full = (key: string) => (section ? `${section}.${key}` : key);
    return {
      get: <T>(key: string, fallback?: T): T | undefined => {
        const found = this.lookup(full(key), scopeUri);
        return (found.value === undefined ? fallback : found.value) as T | undefined;
      },
      has: (key: string): boolean => this.lookup(full(key), scopeUri).value !== undefined,
      inspect: (key: string) => {
        const found = this.lookup(full(key), scopeUri);
        return { key: full(key), defaultValue: this.defaults.get(full(key)), globalValue: found.set ? found.value : undefined };
      },
      update: (key: string, value: unknown, target?: unknown): Promise<void> => {
        this.configurationUpdates.push({ key: full(key), value, target });
        this.setSetting(full(key), value);
        return Promise.resolve();
      },
    };
  }

  folderOf(uri: Uri): WorkspaceFolder | undefined {
    let best: WorkspaceFolder | undefined;
    for (const folder of this.folders ?? []) {
      if (folder.uri.scheme !== uri.scheme || folder.uri.authority !== uri.authority) continue;
      const base = folder.uri.path.replace(/\/$/, '');
      if ((uri.path === base || uri.path.startsWith(`${base}/`)) && (!best || base.length > best.uri.path.length)) best = folder;
    }
    return best;
  }

  asRelativePath(pathOrUri: string | Uri, includeWorkspaceFolder?: boolean): string {
    const uri = typeof pathOrUri === 'string' ? (pathOrUri.startsWith('/') ? Uri.file(pathOrUri) : undefined) : pathOrUri;
    if (!uri) return pathOrUri as string;
    const folder = this.folderOf(uri);
    if (!folder) return typeof pathOrUri === 'string' ? pathOrUri : uri.fsPath;
    const relative = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
    const withFolder = includeWorkspaceFolder ?? (this.folders?.length ?? 0) > 1;
    return withFolder && (this.folders?.length ?? 0) > 1 ? `${folder.name}/${relative}` : relative;
  }

  /** Opens a document the host will find in workspace.textDocuments (its text possibly unsaved). */
  openDocument(uri: Uri, text: string, options: { dirty?: boolean } = {}): FakeTextDocument {
    const document = new FakeTextDocument(uri, text);
    document.isDirty = options.dirty ?? false;
    this.documents.push(document);
    this.openDocumentEmitter.fire(document);
    return document;
  }

  /** Edits an open document and fires onDidChangeTextDocument. */
  editDocument(document: FakeTextDocument, text: string): void {
    document.setText(text);
    this.changeDocumentEmitter.fire({ document, contentChanges: [], reason: undefined });
  }

  /** Closes an open document and fires onDidCloseTextDocument. */
  closeDocument(document: FakeTextDocument): void {
    const index = this.documents.indexOf(document);
    if (index >= 0) this.documents.splice(index, 1);
    document.isClosed = true;
    this.closeDocumentEmitter.fire(document);
  }

  async openTextDocument(target: unknown): Promise<FakeTextDocument> {
    if (target instanceof Uri) {
      const open = this.documents.find((document) => document.uri.toString() === target.toString());
      if (open) return open;
      const text = new TextDecoder().decode(await this.fs.readFile(target));
      return this.openDocument(target, text);
    }
    if (typeof target === 'string') return this.openTextDocument(Uri.file(target));
    const options = (target ?? {}) as { language?: string; content?: string };
    this.untitledCount += 1;
    const document = new FakeTextDocument(Uri.from({ scheme: 'untitled', path: `Untitled-${this.untitledCount}` }), options.content ?? '', options.language ?? 'plaintext');
    this.documents.push(document);
    this.openDocumentEmitter.fire(document);
    return document;
  }

  async applyEdit(edit: WorkspaceEdit): Promise<boolean> {
    this.appliedEdits.push(edit);
    if (!this.acceptEdits) return false;
    for (const { uri, range, text } of edit.edits) {
      const document = this.documents.find((candidate) => candidate.uri.toString() === uri.toString()) ?? (await this.openTextDocument(uri));
      const start = document.offsetAt(range instanceof Range ? range.start : range);
      const end = document.offsetAt(range instanceof Range ? range.end : range);
      const old = document.getText();
      this.editDocument(document, old.slice(0, start) + text + old.slice(end));
    }
    return true;
  }

  /** Fires the watchers whose pattern matches, as a change on disk would. */
  fireFileEvent(kind: 'create' | 'change' | 'delete', uri: Uri): void {
    for (const watcher of this.watchers) watcher.fire(kind, uri);
  }
}

/** Matches a watcher's glob the way the host's patterns need: `**`, `**\/*.md`, `**\/name`. */
function globMatches(glob: string, uri: Uri): boolean {
  if (glob === '**') return true;
  if (glob.startsWith('**/*.')) return uri.path.endsWith(glob.slice(4));
  if (glob.startsWith('**/')) return uri.path.endsWith(`/${glob.slice(3)}`);
  return uri.path.endsWith(glob);
}

export class FakeFileSystemWatcher {
  private readonly createEmitter = new EventEmitter<Uri>();
  private readonly changeEmitter = new EventEmitter<Uri>();
  private readonly deleteEmitter = new EventEmitter<Uri>();
  readonly onDidCreate = this.createEmitter.event;
  readonly onDidChange = this.changeEmitter.event;
  readonly onDidDelete = this.deleteEmitter.event;
  disposed = false;

  constructor(
    readonly glob: string,
    readonly ignoreCreateEvents = false,
    readonly ignoreChangeEvents = false,
    readonly ignoreDeleteEvents = false,
  ) {}

  fire(kind: 'create' | 'change' | 'delete', uri: Uri): void {
    if (this.disposed || !globMatches(this.glob, uri)) return;
    if (kind === 'create' && !this.ignoreCreateEvents) this.createEmitter.fire(uri);
    if (kind === 'change' && !this.ignoreChangeEvents) this.changeEmitter.fire(uri);
    if (kind === 'delete' && !this.ignoreDeleteEvents) this.deleteEmitter.fire(uri);
  }

  dispose(): void {
    this.disposed = true;
  }
}

function changeOf(keys: readonly string[], folder: WorkspaceFolder | Uri | undefined): ConfigurationChange {
  return {
    affectsConfiguration(section, scope) {
      const touches = keys.some((key) => key === section || key.startsWith(`${section}.`) || section.startsWith(`${key}.`));
      if (!touches) return false;
      if (!scope || !folder) return true;
      const scopeUri = 'uri' in scope ? scope.uri : scope;
      const folderUri = 'uri' in folder ? folder.uri : folder;
      return scopeUri.toString() === folderUri.toString() || scopeUri.path.startsWith(`${folderUri.path.replace(/\/$/, '')}/`);
    },
  };
}

export function makeWorkspace(state: WorkspaceState) {
  return {
    fs: state.fs,
    get workspaceFolders() {
      return state.folders;
    },
    get name() {
      return state.name;
    },
    get isTrusted() {
      return state.isTrusted;
    },
    get textDocuments() {
      return [...state.documents];
    },
    getWorkspaceFolder: (uri: Uri) => state.folderOf(uri),
    getConfiguration: (section?: string, scope?: Uri | WorkspaceFolder | null) => state.getConfiguration(section, scope),
    asRelativePath: (pathOrUri: string | Uri, includeWorkspaceFolder?: boolean) => state.asRelativePath(pathOrUri, includeWorkspaceFolder),
    openTextDocument: (target?: unknown) => state.openTextDocument(target),
    applyEdit: (edit: WorkspaceEdit) => state.applyEdit(edit),
    createFileSystemWatcher(glob: string, ignoreCreateEvents?: boolean, ignoreChangeEvents?: boolean, ignoreDeleteEvents?: boolean): FakeFileSystemWatcher {
      const watcher = new FakeFileSystemWatcher(glob, ignoreCreateEvents, ignoreChangeEvents, ignoreDeleteEvents);
      state.watchers.push(watcher);
      return watcher;
    },
    onDidChangeConfiguration: state.configurationEmitter.event,
    onDidChangeWorkspaceFolders: state.foldersEmitter.event,
    onDidChangeTextDocument: state.changeDocumentEmitter.event,
    onDidCloseTextDocument: state.closeDocumentEmitter.event,
    onDidOpenTextDocument: state.openDocumentEmitter.event,
    onDidSaveTextDocument: state.saveDocumentEmitter.event,
    onDidGrantWorkspaceTrust: state.trustEmitter.event,
    registerTextDocumentContentProvider: () => new Disposable(() => undefined),
  };
}
