import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Lang } from '../core/catalogue';
import { createUnderFreeName } from '../core/freeName';
import { offsetOf } from '../core/explain';
import { isoAtOffset } from '../core/localTime';
import { letterTemplateFile, type LetterKind } from '../core/letterKinds';
import type { OwnTemplate } from '../core/letterRendering';
import type { Report } from '../core/report';
import { writeNewFile } from '../node/newFile';
import { FileTooLargeError, readFileBounded } from '../node/realPath';
import { asRefusal, refuseLinksThroughWorkspaceFs, type FolderFile } from './folderBounds';
import type { Settings } from './settings';
import { exists, uriInFolder } from './workspaceTarget';

type LetterRendering = typeof import('../core/letterRendering');
type TemplateCompiler = typeof import('../core/templateCompiler');

const RESTRICTED_NOTICE_KEY = 'cardDoctor.restrictedTemplatesNoticeShown';

/**
 * The largest template file read: 64 KB (a letter template is a few KB). Checked from the file's
 * size before reading it; the compiler checks the text again.
 */
export const TEMPLATE_READ_LIMIT_BYTES = 64 * 1024;

/** A template file over {@link TEMPLATE_READ_LIMIT_BYTES}: not read, and no letter written. */
export class TemplateTooLargeError extends Error {
  readonly setting = 'cardDoctor.templatesFolder';

  constructor(readonly file: vscode.Uri) {
    super(
      vscode.l10n.t(
        'Your template {0} is larger than {1} KB, so it was not used and no letter was written.',
        vscode.workspace.asRelativePath(file, false),
        TEMPLATE_READ_LIMIT_BYTES / 1024,
      ),
    );
    this.name = 'TemplateTooLargeError';
  }
}

/**
 * Renders letters and writes them next to the journal, never over an existing file. The
 * built-in templates are precompiled into the bundle; a person's own templates are compiled
 * with the full Handlebars compiler (`dist/templateCompiler.js`, loaded only then), and only in
 * a trusted workspace: a template is code that runs on the person's data.
 */
export class LetterWriter {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The letter's Markdown, in `lang`, for the report and the journal's history. */
  async render(
    kind: LetterKind,
    lang: Lang,
    report: Report,
    history: readonly Report[],
    settings: Settings,
    folder: vscode.WorkspaceFolder | undefined,
    now: Date,
  ): Promise<string> {
    const own = await this.ownTemplate(kind, lang, settings, folder);
    return this.load<LetterRendering>('letterRendering.js').renderLetterText(
      kind,
      lang,
      report,
      history,
      now,
      { ...(settings.name ? { name: settings.name } : {}), ...(settings.accountEmail ? { email: settings.accountEmail } : {}) },
      own,
    );
  }

  /**
   * Writes a new letter into the output folder, as `<kind>-<date>.md`, or `-2`, `-3`… when that
   * exists: a letter the person already edited is never overwritten.
   */
  async write(folder: vscode.WorkspaceFolder, settings: Settings, kind: LetterKind, report: Report, text: string, now: Date): Promise<vscode.Uri> {
    const directory: FolderFile = { folder: folder.uri, uri: uriInFolder(folder, settings.outputFolder), setting: 'cardDoctor.outputFolder' };
    const base = `${kind}-${localDate(report.occurredAt ?? now.toISOString())}`;
    const written = directory.uri.scheme === 'file' ? await this.writeLocal(directory, base, text) : await this.writeThroughWorkspaceFs(directory, base, text);
    this.log.info(`letters: wrote ${written.toString()}${path.posix.basename(written.path) !== `${base}.md` ? ` (${base}.md existed)` : ''}`);
    return written;
  }

  /**
   * Locally each name is created exclusively, so even a letter another window saves this very
   * moment is not replaced; the folder's real path must stay in the workspace folder.
   */
  private async writeLocal(directory: FolderFile, base: string, text: string): Promise<vscode.Uri> {
    try {
      return vscode.Uri.file(await writeNewFile(path.join(directory.uri.fsPath, `${base}.md`), text, { within: directory.folder.fsPath }));
    } catch (error) {
      throw asRefusal(error, directory, 'write');
    }
  }

  /**
   * Remote and virtual folders: workspace.fs can only check whether a name is free, then write,
   * and cannot tell where a link leads, so none may be on the way.
   */
  private async writeThroughWorkspaceFs(directory: FolderFile, base: string, text: string): Promise<vscode.Uri> {
    await refuseLinksThroughWorkspaceFs(directory, 'write');
    await vscode.workspace.fs.createDirectory(directory.uri);
    return createUnderFreeName(`${base}.md`, async (name) => {
      const candidate = vscode.Uri.joinPath(directory.uri, name);
      if (await exists(candidate)) return undefined;
      await vscode.workspace.fs.writeFile(candidate, new TextEncoder().encode(text));
      return candidate;
    });
  }

  /** The person's own template for this letter, if they set a folder, trust the workspace, and it holds one. */
  private async ownTemplate(kind: LetterKind, lang: Lang, settings: Settings, folder: vscode.WorkspaceFolder | undefined): Promise<OwnTemplate | undefined> {
    if (!settings.templatesFolder || !folder) return undefined;
    if (!vscode.workspace.isTrusted) {
      this.explainRestrictedOnce();
      return undefined;
    }
    const file = uriInFolder(folder, `${settings.templatesFolder}/${letterTemplateFile(kind, lang)}`);
    const bytes = await this.readTemplate({ folder: folder.uri, uri: file, setting: 'cardDoctor.templatesFolder' });
    if (!bytes) {
      this.log.info(`letters: no ${file.toString()}; using the built-in template`);
      return undefined;
    }
    const source = new TextDecoder().decode(bytes);
    const name = vscode.workspace.asRelativePath(file);
    this.log.info(`letters: using your template ${name}`);
    return { spec: this.load<TemplateCompiler>('templateCompiler.js').compileLetterTemplate(source, name), file: name };
  }

  /**
   * A template's bytes, undefined if there is none. Refused like the journal when it leads outside
   * the workspace folder (a template is rendered into a letter: a linked ~/.ssh file would end
   * up in one), and refused over {@link TEMPLATE_READ_LIMIT_BYTES} before it is read.
   */
  private async readTemplate(template: FolderFile): Promise<Uint8Array | undefined> {
    if (template.uri.scheme === 'file') {
      try {
        return await readFileBounded(template.uri.fsPath, { within: template.folder.fsPath, maxBytes: TEMPLATE_READ_LIMIT_BYTES });
      } catch (error) {
        if (error instanceof FileTooLargeError) throw new TemplateTooLargeError(template.uri);
        throw asRefusal(error, template, 'template');
      }
    }
    await refuseLinksThroughWorkspaceFs(template, 'template');
    if (!(await exists(template.uri))) return undefined;
    if ((await vscode.workspace.fs.stat(template.uri)).size > TEMPLATE_READ_LIMIT_BYTES) throw new TemplateTooLargeError(template.uri);
    return vscode.workspace.fs.readFile(template.uri);
  }

  /** A bundle beside extension.js, loaded on first use so activation never pays for it. */
  private load<T>(bundle: string): T {
    return require(path.join(this.context.extensionPath, 'dist', bundle)) as T;
  }

  private explainRestrictedOnce(): void {
    if (this.context.workspaceState.get<boolean>(RESTRICTED_NOTICE_KEY)) return;
    void this.context.workspaceState.update(RESTRICTED_NOTICE_KEY, true);
    const manage = vscode.l10n.t('Manage Workspace Trust');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t('This workspace is in Restricted Mode, so your own letter templates are ignored and the built-in ones are used. Trust the workspace to use yours.'),
        manage,
      )
      .then((choice) => {
        if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
      });
  }
}

/** The attempt's date in its own offset, for file names: 2025-11-27. */
function localDate(iso: string): string {
  return isoAtOffset(new Date(iso), offsetOf(iso)).slice(0, 10);
}
