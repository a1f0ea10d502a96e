import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CardDoctorApi } from '../../src/host/extension';

export const EXTENSION_ID = 'card-binding-doctor.card-binding-doctor';

export async function activateExtension(): Promise<CardDoctorApi> {
  const extension = vscode.extensions.getExtension<CardDoctorApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  return extension.activate();
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return folder;
}

export function inWorkspace(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...segments);
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** Closes every editor without saving and removes what a test wrote, so tests don't see each other's files. */
export async function resetWorkspace(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  for (const name of ['card-failures', 'my-templates']) {
    await vscode.workspace.fs.delete(inWorkspace(name), { recursive: true }).then(undefined, () => undefined);
  }
  await vscode.workspace.getConfiguration('cardDoctor').update('templatesFolder', undefined, vscode.ConfigurationTarget.Workspace);
}

/** A report as the wizard or the form would give it. */
export function sampleReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    occurredAt: '2025-11-27T10:31:00+08:00',
    product: 'chatgpt-web',
    errorMessage: 'Your card was declined. 4242 4242 4242 4242',
    card: { kind: 'debit', brand: 'unionpay', last4: '1234', issuerName: '招商银行', issuerCountry: 'CN' },
    billing: { country: 'CN', matchesIssuer: 'yes' },
    bank: { internationalOnline: 'unknown', balanceSufficient: 'yes' },
    connection: { vpn: 'yes', switchedRecently: 'no', accessCountry: 'US' },
    ...overrides,
  };
}

/** Polls until `check` holds; for what VS Code does after a command has returned (editors opening). */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** Whether an editor tab shows the file. */
export function isOpenInTab(uri: vscode.Uri): boolean {
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()),
  );
}

/** What the extension showed in notifications while `run` ran, by kind; nothing is really shown. */
export interface ShownMessages {
  warnings: string[];
  errors: string[];
}

/**
 * Runs `run` with the window's warning and error notifications recorded instead of shown. The
 * test files live in the extension's folder, so they get the same `vscode` API object as the
 * extension's own bundles: replacing its functions here is what the extension calls.
 */
export async function recordingMessages<T>(run: () => Promise<T>): Promise<{ result: T } & ShownMessages> {
  const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
  const { showWarningMessage, showErrorMessage } = window;
  const shown: ShownMessages = { warnings: [], errors: [] };
  window.showWarningMessage = ((message: string) => {
    shown.warnings.push(message);
    return Promise.resolve(undefined);
  }) as typeof vscode.window.showWarningMessage;
  window.showErrorMessage = ((message: string) => {
    shown.errors.push(message);
    return Promise.resolve(undefined);
  }) as typeof vscode.window.showErrorMessage;
  try {
    return { result: await run(), ...shown };
  } finally {
    window.showWarningMessage = showWarningMessage;
    window.showErrorMessage = showErrorMessage;
  }
}

/** A warning the extension asked, with what it offered. */
export interface AskedWarning {
  message: string;
  modal: boolean;
  detail: string | undefined;
  choices: string[];
}

/**
 * Runs `run` answering every warning the extension shows with `answer` (undefined: the person
 * cancelled), and records what was asked. Nothing is really shown.
 */
export async function answeringWarnings<T>(answer: string | undefined, run: () => Promise<T>): Promise<{ result: T; asked: AskedWarning[] }> {
  const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
  const { showWarningMessage } = window;
  const asked: AskedWarning[] = [];
  window.showWarningMessage = ((message: string, ...rest: unknown[]) => {
    const options = typeof rest[0] === 'object' && rest[0] !== null && !('title' in rest[0]) ? (rest.shift() as vscode.MessageOptions) : {};
    const choices = rest.filter((item): item is string => typeof item === 'string');
    asked.push({ message, modal: options.modal === true, detail: options.detail, choices });
    return Promise.resolve(answer !== undefined && choices.includes(answer) ? answer : undefined);
  }) as typeof vscode.window.showWarningMessage;
  try {
    return { result: await run(), asked };
  } finally {
    window.showWarningMessage = showWarningMessage;
  }
}

/** The editor tabs that show the diagnosis panel. */
export function diagnosisTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) =>
    group.tabs.filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('cardDoctor.diagnosis')),
  );
}

/** The file events under a folder, with a way to know that those of earlier writes have come in. */
export interface WatchedFiles {
  /** `create|change|delete <name>` for each event under the folder, marker files left out. */
  readonly events: string[];
  /**
   * Writes a marker file and resolves once its creation is reported: the watcher reports events
   * in the order the disk saw them, so every write made before the marker has been reported too.
   * What a test waits on instead of a fixed sleep when it must show that nothing was written.
   */
  settled(timeoutMs?: number): Promise<void>;
  dispose(): void;
}

const MARKER_PREFIX = '.card-doctor-test-marker-';

export function watchFiles(folder: vscode.Uri): WatchedFiles {
  const events: string[] = [];
  const waiting = new Map<string, () => void>();
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**'));
  const record = (kind: string) => (uri: vscode.Uri) => {
    const name = uri.path.slice(folder.path.length + 1);
    // VS Code 1.139 also reports a `create` of the watched folder itself (no name under it) when a
    // file in it changes: not a write to any file, so not an event these tests count.
    if (name === '') return;
    if (!name.startsWith(MARKER_PREFIX)) events.push(`${kind} ${name}`);
    else if (kind === 'create') waiting.get(name)?.();
  };
  const subscriptions = [watcher.onDidCreate(record('create')), watcher.onDidChange(record('change')), watcher.onDidDelete(record('delete'))];
  let markers = 0;
  return {
    events,
    async settled(timeoutMs = 10_000) {
      const name = `${MARKER_PREFIX}${++markers}`;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const reported = new Promise<void>((resolve) => waiting.set(name, resolve));
      const late = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`the watcher did not report ${name} within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), new Uint8Array());
        await Promise.race([reported, late]);
      } finally {
        clearTimeout(timer);
        waiting.delete(name);
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, name)).then(undefined, () => undefined);
      }
    },
    dispose() {
      for (const subscription of subscriptions) subscription.dispose();
      watcher.dispose();
    },
  };
}
