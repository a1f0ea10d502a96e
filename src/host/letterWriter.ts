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
import type { Settings } from './settings';
import { exists, uriInFolder } from './workspaceTarget';

type LetterRendering = typeof import('../core/letterRendering');
type TemplateCompiler = typeof import('../core/templateCompiler');

const RESTRICTED_NOTICE_KEY = 'cardDoctor.restrictedTemplatesNoticeShown';

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
    const directory = uriInFolder(folder, settings.outputFolder);
    const base = `${kind}-${localDate(report.occurredAt ?? now.toISOString())}`;
    const written = directory.scheme === 'file' ? await this.writeLocal(directory, base, text) : await this.writeThroughWorkspaceFs(directory, base, text);
    this.log.info(`letters: wrote ${written.toString()}${path.posix.basename(written.path) !== `${base}.md` ? ` (${base}.md existed)` : ''}`);
    return written;
  }

  /** Locally each name is created exclusively, so even a letter another window saves this very moment is not replaced. */
  private async writeLocal(directory: vscode.Uri, base: string, text: string): Promise<vscode.Uri> {
    return vscode.Uri.file(await writeNewFile(path.join(directory.fsPath, `${base}.md`), text));
  }

  /** Remote and virtual folders: workspace.fs can only check whether a name is free, then write. */
  private async writeThroughWorkspaceFs(directory: vscode.Uri, base: string, text: string): Promise<vscode.Uri> {
    await vscode.workspace.fs.createDirectory(directory);
    return createUnderFreeName(`${base}.md`, async (name) => {
      const candidate = vscode.Uri.joinPath(directory, name);
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
    if (!(await exists(file))) {
      this.log.info(`letters: no ${file.toString()}; using the built-in template`);
      return undefined;
    }
    const source = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const name = vscode.workspace.asRelativePath(file);
    this.log.info(`letters: using your template ${name}`);
    return { spec: this.load<TemplateCompiler>('templateCompiler.js').compileLetterTemplate(source, name), file: name };
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
