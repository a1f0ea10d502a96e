import * as vscode from 'vscode';
import { COMMAND_IDS, DIAGNOSIS_PANEL_TYPE, FORM_VIEW_ID, type CommandName } from './commandIds';
import { registerLanguageModelTool } from './languageModelTool/registration';
import { Notifier } from './notifier';
import type { Services } from './services';
import { exists, uriInFolder } from './workspaceTarget';

/** What `activate` hands back, for the extension's own tests: the diagnosis tab and the cooldown, and what it keeps per workspace. */
export interface CardDoctorApi {
  readonly session: Services['session'];
  readonly workspaceState: vscode.Memento;
  /** Which entry is running: Node's (dist/extension.js) or the browser's (dist/web/extension.js). */
  readonly host: 'node' | 'web';
}

/**
 * The activation both entries share (extension.ts for Node, webExtension.ts for the browser):
 * wires the commands and the sidebar view to services built on first use by `create`, and
 * loads them right after activation, off its critical path, in a workspace that holds a journal
 * (for the cooldown in the status bar). `what` names the loading in the log when it fails;
 * `host` says which entry this is.
 */
export function activateServices(context: vscode.ExtensionContext, create: () => Services, what: string, host: CardDoctorApi['host']): CardDoctorApi {
  let failures: Notifier | undefined;
  const reportLoadFailure = (error: unknown): void => {
    // The services own the log channel; when they cannot load, this is the only one.
    if (!failures) {
      const log = vscode.window.createOutputChannel('Card Doctor', { log: true });
      context.subscriptions.push(log);
      failures = new Notifier(log);
    }
    failures.report(what, loadFailureMessage(error), error);
  };
  const services = lazyServices(create, reportLoadFailure);
  // Set once the services were asked for, built or not: from then on, opening a Markdown file or
  // changing the folders needs no stat to decide whether to load them (and a failed load is not
  // reported again for every file opened; the commands still say why they cannot run).
  let asked = false;
  const load = (): Services | undefined => {
    asked = true;
    return services();
  };

  for (const name of Object.keys(COMMAND_IDS) as CommandName[]) {
    context.subscriptions.push(vscode.commands.registerCommand(COMMAND_IDS[name], (argument?: unknown) => load()?.run(name, argument)));
  }
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider(FORM_VIEW_ID, {
      resolveWebviewView: (view) => load()?.formView.resolveWebviewView(view),
    }),
    // The diagnosis tab comes back after a reload, re-diagnosed from the report kept in workspaceState.
    vscode.window.registerWebviewPanelSerializer(DIAGNOSIS_PANEL_TYPE, {
      deserializeWebviewPanel: async (panel) => {
        const services = load();
        if (services) await services.restoreDiagnosisPanel(panel);
        else panel.dispose();
      },
    }),
  );
  // The language-model tool, on a host that has the API; its work is the services', loaded on first call.
  context.subscriptions.push(...registerLanguageModelTool(() => load()?.languageModelTool));
  // package.json activates on `workspaceContains` for the default journal path (early, so the
  // cooldown shows during start-up) and on `onStartupFinished` for any other: this shell is small,
  // and the services load only where a journal is, now or once the setting or folders change.
  const loadIfJournal = (): void => {
    if (asked) return;
    journalInWorkspace().then(
      (found) => {
        if (found && !asked) load();
      },
      (error: unknown) => console.warn('Card Doctor: looking for the journal failed', error),
    );
  };
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('cardDoctor.journalPath')) loadIfJournal();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(loadIfJournal),
    // The journal's Problems, lenses and outline come with the services: a journal made after
    // start-up (by the CLI, or by hand) brings them when it is opened.
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (document.languageId === 'markdown') loadIfJournal();
    }),
  );
  setTimeout(loadIfJournal, 0);
  return {
    get session() {
      const services = load();
      if (!services) throw new Error('Card Doctor: the services did not load (see the Card Doctor log)');
      return services.session;
    },
    workspaceState: context.workspaceState,
    host,
  };
}

/**
 * Gives the services, building them with `create` on the first call. A failure is kept: every
 * call then gives undefined and hands the error to `reportFailure`, so each command the person
 * tries says why nothing happens instead of failing silently.
 */
export function lazyServices(create: () => Services, reportFailure: (error: unknown) => void): () => Services | undefined {
  let services: Services | undefined;
  let failure: { error: unknown } | undefined;
  return () => {
    if (!services && !failure) {
      try {
        services = create();
      } catch (error) {
        failure = { error };
      }
    }
    if (failure) reportFailure(failure.error);
    return services;
  };
}

/**
 * What the person reads when the services cannot load: the cause, and what may fix it. Only the
 * cause's first line: Node appends the require stack to a missing module's message, and the log has it all.
 */
export function loadFailureMessage(error: unknown): string {
  const cause = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0] ?? '';
  return vscode.l10n.t('Card Doctor could not load its commands: {0}. Reload the window; if it happens again, reinstall the extension.', cause);
}

/**
 * Whether a workspace folder holds a journal at its `cardDoctor.journalPath` (the default or a
 * custom one). One stat per folder; the services validate the setting properly, this only
 * decides when they load, so a path that leaves the folder is not even looked at.
 */
export async function journalInWorkspace(): Promise<boolean> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const journalPath = vscode.workspace.getConfiguration('cardDoctor', folder.uri).get<string>('journalPath');
    if (!journalPath || isAbsolutePath(journalPath) || journalPath.split(/[\\/]/).includes('..')) continue;
    if (await exists(uriInFolder(folder, journalPath))) return true;
  }
  return false;
}

/** `/x`, `\x`, `C:…` (Windows, with either slash): what Node's path.isAbsolute says on either system, without Node. */
function isAbsolutePath(value: string): boolean {
  return value.startsWith('/') || value.startsWith('\\') || /^[a-z]:/i.test(value);
}
