import * as vscode from 'vscode';

/**
 * The folder a command writes into. No folder open: offer to open one (letters may also open
 * as an untitled document instead). Several: ask which. `undefined` means the person declined.
 */
export async function chooseWorkspaceFolder(options: { allowUntitled: boolean }): Promise<vscode.WorkspaceFolder | 'untitled' | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0];
  if (folders.length > 1) {
    return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which folder should hold the journal and letters?') });
  }
  const openFolder = vscode.l10n.t('Open Folder…');
  const untitled = vscode.l10n.t('Open as Untitled');
  const choices = options.allowUntitled ? [openFolder, untitled] : [openFolder];
  const choice = await vscode.window.showWarningMessage(
    options.allowUntitled
      ? vscode.l10n.t('No folder is open. Open a folder to save the letter, or open it as an untitled document.')
      : vscode.l10n.t('No folder is open. Open a folder to keep the failure journal in it.'),
    ...choices,
  );
  if (choice === untitled) return 'untitled';
  if (choice === openFolder) void vscode.commands.executeCommand('vscode.openFolder');
  return undefined;
}

/** The folder to read history from without asking: the active editor's, else the first. */
export function readingFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}

/** A workspace-relative path as a Uri inside the folder. */
export function uriInFolder(folder: vscode.WorkspaceFolder, relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/').filter(Boolean));
}

/** Whether a file exists, through workspace.fs (so remote and virtual folders work too). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return false;
    throw error;
  }
}

/** The document for a Uri if it is open in the editor (possibly with unsaved edits). */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
}
