import * as path from 'node:path';
import type * as vscode from 'vscode';
import { activateServices, lazyServices, type CardDoctorApi } from './activation';
import type { Services } from './services';

export { journalInWorkspace, loadFailureMessage, type CardDoctorApi } from './activation';

/**
 * The Node entry (desktop and remote extension hosts). Wires the commands and the sidebar view
 * to services that are built on first use, from a bundle of their own (`dist/services.js`): the
 * diagnosis engine, the schema and the catalogue are most of the code, and activation should
 * cost no more than a hello-world's. The browser entry is webExtension.ts.
 */
export function activate(context: vscode.ExtensionContext): CardDoctorApi {
  return activateWith(context, path.join(__dirname, 'services.js'));
}

/** `activate` with the services bundle at `bundle`: unit tests point it at the sources. */
export function activateWith(context: vscode.ExtensionContext, bundle: string): CardDoctorApi {
  return activateServices(context, () => createFrom(bundle, context), 'loading dist/services.js', 'node');
}

export function deactivate(): void {}

/**
 * Gives the services, requiring `bundle` and building them on the first call (see
 * activation.ts's `lazyServices`). Exported for test/integration/activation.test.ts, which points
 * it at a bundle that does not exist.
 */
export function servicesLoader(bundle: string, context: vscode.ExtensionContext, reportFailure: (error: unknown) => void): () => Services | undefined {
  return lazyServices(() => createFrom(bundle, context), reportFailure);
}

function createFrom(bundle: string, context: vscode.ExtensionContext): Services {
  return (require(bundle) as typeof import('./services')).createServices(context);
}
