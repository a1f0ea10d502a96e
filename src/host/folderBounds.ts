import * as vscode from 'vscode';
import { isChinese } from '../core/language';
import { FileTooLargeError, OutsideFolderError, SymbolicLinkError } from '../node/fileErrors';
import { uiLang } from './language';

/**
 * A file the extension reads or writes: named by a setting, inside a workspace folder it must not
 * leave. A folder can hold symbolic links committed by someone else, so "inside" is decided by
 * where the path really leads, not by its text (settings.ts checks the text).
 */
export interface FolderFile {
  /** The workspace folder. */
  readonly folder: vscode.Uri;
  /** The file, or for letters the folder they go into. */
  readonly uri: vscode.Uri;
  /** The setting that names it (`cardDoctor.journalPath`…), for the message and its button. */
  readonly setting: string;
}

/** Why a file was refused. */
export type RefusalReason =
  /** It leads outside the workspace folder. */
  | 'outside'
  /** It goes through a link whose target cannot be checked (folders only workspace.fs reaches). */
  | 'link';

/** What the refusal stopped, for the message's second sentence. */
export type RefusedAction = 'write' | 'open' | 'read' | 'template';

/**
 * A file refused because of where it leads: nothing was written (or read). Its message is
 * localized and complete; commands show it as a warning with "Open Settings" for `setting`.
 */
export class RefusedPathError extends Error {
  constructor(
    readonly file: FolderFile,
    readonly reason: RefusalReason,
    readonly action: RefusedAction,
  ) {
    super(refusalMessage(file, reason, action));
    this.name = 'RefusedPathError';
  }

  /** The setting that names the file, for "Open Settings". */
  get setting(): string {
    return this.file.setting;
  }
}

/** The localized sentences of a refusal: where it leads, what was not done, which setting to check. */
export function refusalMessage(file: FolderFile, reason: RefusalReason, action: RefusedAction): string {
  const name = vscode.workspace.asRelativePath(file.uri, false);
  const where =
    reason === 'outside'
      ? vscode.l10n.t('{0} leads outside the workspace folder through a symbolic link.', name)
      : vscode.l10n.t('{0} goes through a symbolic link, and in this folder Card Doctor cannot check where it leads.', name);
  const what =
    action === 'write'
      ? vscode.l10n.t('Nothing was written.')
      : action === 'open'
        ? vscode.l10n.t('So it was not opened.')
        : action === 'read'
        ? vscode.l10n.t('So it was not read: the cooldown and the wizard leave it out.')
        : vscode.l10n.t('So the template was not used and no letter was written.');
  return joinSentences(where, what, vscode.l10n.t('Check the setting {0}.', file.setting));
}

/** Sentences as each language writes them one after another: a space in English, nothing in Chinese (either script). */
export function joinSentences(...sentences: string[]): string {
  return sentences.join(isChinese(uiLang()) ? '' : ' ');
}

/**
 * The refusal a Node reader's or writer's error means for `file`, or the error as it was. (The
 * Node side resolves real paths and refuses; this gives its refusals the extension's words.)
 */
export function asRefusal(error: unknown, file: FolderFile, action: RefusedAction): unknown {
  if (error instanceof OutsideFolderError || error instanceof SymbolicLinkError) return new RefusedPathError(file, 'outside', action);
  return error;
}

/** Whether a Node error is a size refusal (kept apart: it has its own message). */
export function isTooLarge(error: unknown): error is FileTooLargeError {
  return error instanceof FileTooLargeError;
}

/**
 * For folders only `workspace.fs` reaches (remote, virtual), where a link's target cannot be
 * resolved: refuses (`RefusedPathError` with reason `link`) if any name from the folder down to
 * `file.uri` is a symbolic link. Names that do not exist yet end the walk: they will be created
 * as plain folders and files.
 */
export async function refuseLinksThroughWorkspaceFs(file: FolderFile, action: RefusedAction): Promise<void> {
  const base = withoutTrailingSlashes(file.folder.path);
  const rest = file.uri.path.startsWith(`${base}/`) ? file.uri.path.slice(base.length + 1) : undefined;
  const names = rest?.split('/').filter(Boolean);
  // The settings forbid `..` and absolute paths, so a file outside the folder's Uri is a bug here.
  // A `..` left in a Uri's path (Uri.from does not normalize) would climb out past the prefix
  // check above: the walk would stat, and the caller write, outside the folder.
  if (names === undefined || names.includes('..')) throw new RefusedPathError(file, 'outside', action);
  let current = file.folder;
  for (const name of names) {
    current = vscode.Uri.joinPath(current, name);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(current);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return;
      throw error;
    }
    if (stat.type & vscode.FileType.SymbolicLink) throw new RefusedPathError(file, 'link', action);
  }
}

/** `path` without trailing `/`s; a loop, because `/\/+$/` retries from every slash of a long run. */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f) end--;
  return path.slice(0, end);
}
