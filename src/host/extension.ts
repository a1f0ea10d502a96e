import type * as vscode from 'vscode';

/** Until the extension host lands, activation only proves the bundle loads. */
export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
