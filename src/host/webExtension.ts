import type * as vscode from 'vscode';
import { activateServices, type CardDoctorApi } from './activation';
import { createServices } from './services';

export type { CardDoctorApi } from './activation';

/**
 * The browser entry (VS Code for the Web, any web worker extension host): dist/web/extension.js.
 * A web worker's `require` cannot load a sibling file, so the services are bundled into this
 * file rather than loaded from dist/services.js; they are still built on first use (or right
 * after activation where a journal is), as on Node. Built with the browser's port
 * (currentPort.web.ts): every file through `vscode.workspace.fs`.
 */
export function activate(context: vscode.ExtensionContext): CardDoctorApi {
  return activateServices(context, () => createServices(context), 'starting the services', 'web');
}

export function deactivate(): void {}
