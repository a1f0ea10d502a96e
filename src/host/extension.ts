import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMAND_IDS, DIAGNOSIS_PANEL_TYPE, FORM_VIEW_ID, type CommandName } from './commandIds';
import type { Session } from './session';
import type { Services } from './services';

/** What `activate` hands back, for the extension's own tests: the session, and what it keeps per workspace. */
export interface CardDoctorApi {
  readonly session: Session;
  readonly workspaceState: vscode.Memento;
}

/**
 * Wires the commands and the sidebar view to services that are built on first use, from a
 * bundle of their own (`dist/services.js`): the diagnosis engine, the schema and the catalogue
 * are most of the code, and activation should cost no more than a hello-world's. The cooldown
 * in the status bar loads them right after activation, off its critical path.
 */
export function activate(context: vscode.ExtensionContext): CardDoctorApi {
  let services: Services | undefined;
  const load = (): Services => {
    services ??= (require(path.join(__dirname, 'services.js')) as typeof import('./services')).createServices(context);
    return services;
  };

  for (const name of Object.keys(COMMAND_IDS) as CommandName[]) {
    context.subscriptions.push(vscode.commands.registerCommand(COMMAND_IDS[name], (argument?: unknown) => load().run(name, argument)));
  }
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider(FORM_VIEW_ID, {
      resolveWebviewView: (view) => load().formView.resolveWebviewView(view),
    }),
    // The diagnosis tab comes back after a reload, re-diagnosed from the report kept in workspaceState.
    vscode.window.registerWebviewPanelSerializer(DIAGNOSIS_PANEL_TYPE, {
      deserializeWebviewPanel: (panel) => load().restoreDiagnosisPanel(panel),
    }),
  );
  setTimeout(load, 0);
  return {
    get session() {
      return load().session;
    },
    workspaceState: context.workspaceState,
  };
}

export function deactivate(): void {}
