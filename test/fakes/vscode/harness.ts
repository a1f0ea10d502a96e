/**
 * How a test drives and inspects the fake `vscode` module: reset it, open a workspace on a
 * temporary folder, set settings, script the person's answers, build an ExtensionContext.
 *
 *   beforeEach(() => resetFake());
 *   const ws = await tempWorkspace();          // one folder, on a fresh temp dir
 *   fake.workspace.setSetting('cardDoctor.journalPath', 'notes/j.md');
 *   fake.window.answer = ({ items }) => items[0];   // press the first button of every message
 *   fake.window.quickInputScript = [(input) => (input as FakeQuickPick).pick('Visa')];
 */
import { promises as fsp, readFileSync, realpathSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EventEmitter } from './events';
import { resetState, state } from './state';
import { Uri } from './uri';
import type * as vscode from 'vscode';

export type { FakeInputBox, FakeLogOutputChannel, FakeQuickPick, FakeStatusBarItem, FakeWebview, FakeWebviewPanel, MessageCall, QuickInputStep } from './window';
import { FakeWebviewView } from './window';
export { FakeWebviewView };
export type { FakeTextDocument } from './workspace';
/** A workspace folder as the host sees it (tempWorkspace gives fake ones under this type). */
export type WorkspaceFolder = vscode.WorkspaceFolder;

/** The repository root: the extension's own folder (package.json, l10n/, media/). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The fake's state: window (messages, status bar, panels, quick inputs), workspace, commands, env. */
export const fake = state;

const temporaryFolders: string[] = [];

/** Forgets everything the last test did (and removes its temporary folders). */
export async function resetFake(): Promise<void> {
  resetState();
  await Promise.all(temporaryFolders.splice(0).map((folder) => fsp.rm(folder, { recursive: true, force: true })));
}

/**
 * Opens the workspace on `count` new temporary folders (named `ws0`, `ws1`… inside one temp
 * dir, real paths so links resolve as the host sees them) and gives them back. Removed by the next resetFake().
 */
export async function tempWorkspace(count = 1): Promise<vscode.WorkspaceFolder[]> {
  const root = realpathSync(await fsp.mkdtemp(path.join(os.tmpdir(), 'card-doctor-fake-')));
  temporaryFolders.push(root);
  const folders: string[] = [];
  for (let index = 0; index < count; index++) {
    const folder = path.join(root, `ws${index}`);
    await fsp.mkdir(folder);
    folders.push(folder);
  }
  return (state.workspace.setFolders(folders) ?? []) as unknown as vscode.WorkspaceFolder[];
}

/** A file's text inside a workspace folder, or undefined when it does not exist. */
export async function readInFolder(folder: vscode.WorkspaceFolder, relativePath: string): Promise<string | undefined> {
  return fsp.readFile(path.join(folder.uri.fsPath, relativePath), 'utf8').catch(() => undefined);
}

/** Writes a file inside a workspace folder (its folders too). */
export async function writeInFolder(folder: vscode.WorkspaceFolder, relativePath: string, text: string): Promise<vscode.Uri> {
  const file = path.join(folder.uri.fsPath, relativePath);
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, text);
  return Uri.file(file) as unknown as vscode.Uri;
}

/** vscode.Memento in memory. */
export class FakeMemento {
  private readonly values = new Map<string, unknown>();
  readonly updates: { key: string; value: unknown }[] = [];

  constructor(initial: Record<string, unknown> = {}) {
    for (const [key, value] of Object.entries(initial)) this.values.set(key, value);
  }

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (structuredClone(this.values.get(key)) as T) : fallback;
  }

  update(key: string, value: unknown): Promise<void> {
    this.updates.push({ key, value });
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, structuredClone(value));
    return Promise.resolve();
  }

  setKeysForSync(): void {}
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;

/** The parsed package.json, as `context.extension.packageJSON` gives it. */
export function packageJson(): Record<string, unknown> {
  return structuredClone(manifest);
}

/**
 * An ExtensionContext for the extension in this repository: its Uri is the repository root,
 * `extension.packageJSON` the real manifest, workspaceState and globalState in memory.
 * Cast it with `as unknown as vscode.ExtensionContext` where the host wants the real type.
 */
export function extensionContext(options: { workspaceState?: FakeMemento; storagePath?: string } = {}) {
  const extensionUri = Uri.file(REPO_ROOT);
  const storage = options.storagePath ?? path.join(os.tmpdir(), 'card-doctor-fake-storage');
  return {
    subscriptions: [] as { dispose(): unknown }[],
    workspaceState: options.workspaceState ?? new FakeMemento(),
    globalState: new FakeMemento(),
    secrets: { get: () => Promise.resolve(undefined), store: () => Promise.resolve(), delete: () => Promise.resolve(), onDidChange: new EventEmitter<unknown>().event },
    extensionUri,
    extensionPath: REPO_ROOT,
    extension: { id: 'card-binding-doctor.card-binding-doctor', extensionUri, extensionPath: REPO_ROOT, packageJSON: packageJson(), isActive: true, extensionKind: 1, exports: undefined },
    storageUri: Uri.file(storage),
    globalStorageUri: Uri.file(storage),
    logUri: Uri.file(storage),
    extensionMode: 3,
    asAbsolutePath: (relativePath: string) => path.join(REPO_ROOT, relativePath),
    environmentVariableCollection: {},
    languageModelAccessInformation: {},
  };
}

/** Disposes what `context.subscriptions` holds, last first, as VS Code does on deactivation. */
export function disposeAll(subscriptions: { dispose(): unknown }[]): void {
  for (const disposable of subscriptions.splice(0).reverse()) disposable.dispose();
}

/**
 * Shows the sidebar view `viewId` as VS Code would: a new webview view handed to the registered
 * provider's resolveWebviewView. Awaits the provider if it returns a promise.
 */
export async function resolveView(viewId: string): Promise<FakeWebviewView> {
  const provider = state.window.viewProviders.get(viewId);
  if (!provider) throw new Error(`fake vscode: no provider registered for the view ${viewId}`);
  const view = new FakeWebviewView(viewId);
  await provider.resolveWebviewView(view, { state: undefined }, { isCancellationRequested: false, onCancellationRequested: new EventEmitter<void>().event });
  return view;
}
