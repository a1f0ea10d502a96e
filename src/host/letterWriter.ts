import * as vscode from 'vscode';
import type { Lang } from '../core/catalogue';
import { createUnderFreeName } from '../core/freeName';
import { isoAtOffset, localIsoTime, offsetOf } from '../core/localTime';
import { letterTemplateFile, ownCopyFileName, ownCopyText, type LetterKind } from '../core/letterKinds';
import type { OwnTemplate } from '../core/letterRendering';
import { redactSecrets } from '../core/redact';
import type { Report } from '../core/report';
import { TEMPLATE_NESTING_LIMIT, TEMPLATE_RENDER_LIMITS, TEMPLATE_SIZE_LIMIT, TEMPLATE_TAG_LIMIT } from '../core/templateErrors';
import { FileTooLargeError } from '../node/fileErrors';
import { currentPort } from './currentPort';
import type { HostPort, LocalFiles } from './hostPort';
import { asRefusal, refuseLinksThroughWorkspaceFs, type FolderFile } from './folderBounds';
import { SenderDetails } from './senderDetails';
import { ownCopyLangFor, type Settings } from './settings';
import { exists, uriInFolder } from './workspaceTarget';

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
 * A person's own template that the compiler or the renderer refused (a mistake, a limit, or a
 * letter that would hold a card number, a CVC or a one-time code). Their template's doing, not a
 * failure of the extension: shown as a warning naming the file, with the line when known.
 */
export class OwnTemplateRefusedError extends Error {
  constructor(
    readonly file: vscode.Uri,
    readonly line: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'OwnTemplateRefusedError';
  }
}

/**
 * The refusal to show for `error` from compiling or rendering the person's template `file`;
 * undefined for any other error. Recognised by name and fields, not by class: the compiler and
 * the renderer are loaded from bundles of their own (dist/templateCompiler.js,
 * dist/letterRendering.js), and a name holds however the build divides the code between them.
 */
export function ownTemplateRefusal(error: unknown, file: vscode.Uri): OwnTemplateRefusedError | undefined {
  if (!(error instanceof Error)) return undefined;
  const name = vscode.workspace.asRelativePath(file, false);
  if (error.name === 'LetterSecretError') {
    return new OwnTemplateRefusedError(
      file,
      undefined,
      vscode.l10n.t(
        'Your template {0} would put what looks like a card number, a security code (CVC) or a one-time code into the letter, so no letter was written. Take that out of the template and try again.',
        name,
      ),
    );
  }
  if (error.name !== 'LetterTemplateError') return undefined;
  const { line, reason } = error as Error & { line?: unknown; reason?: unknown };
  // The parser's excerpt quotes the template, which may hold a CVC or a code: the warning and the
  // log get it masked, as everything else the extension shows or writes.
  const why = redactSecrets(typeof reason === 'string' ? localizeTemplateReason(reason) : error.message);
  return typeof line === 'number'
    ? new OwnTemplateRefusedError(
        file,
        line,
        vscode.l10n.t('Your template {0} has a problem on line {1}, so no letter was written: {2}', name, line, why),
      )
    : new OwnTemplateRefusedError(file, undefined, vscode.l10n.t('Your template {0} cannot be used, so no letter was written: {1}', name, why));
}

const PARSE_ERROR = 'cannot parse the template:\n';
const UNDEFINED_NAME = /^"([^"]{1,200})" is not defined \(templates are strict: check the spelling against the data the letter gets\)$/;
const UNKNOWN_HELPER = /^unknown helper "([^"\s]{1,200})"$/;

/**
 * The core's reason in the UI language. The core words its reasons in English only (the CLI
 * prints them); the known ones are translated here, and anything else (a parser excerpt, a
 * helper's own error) stays as the core gave it.
 */
function localizeTemplateReason(reason: string): string {
  if (reason.startsWith(PARSE_ERROR)) return `${vscode.l10n.t('cannot parse the template:')}\n${reason.slice(PARSE_ERROR.length)}`;
  const undefinedName = UNDEFINED_NAME.exec(reason);
  if (undefinedName) return vscode.l10n.t('"{0}" is not defined (templates are strict: check the spelling against the data the letter gets)', undefinedName[1]!);
  const unknownHelper = UNKNOWN_HELPER.exec(reason);
  if (unknownHelper) return vscode.l10n.t('unknown helper "{0}"', unknownHelper[1]!);
  switch (reason) {
    case `the template is larger than ${TEMPLATE_SIZE_LIMIT / 1024} KB; a letter template is a few KB`:
      return vscode.l10n.t('the template is larger than {0} KB; a letter template is a few KB', TEMPLATE_SIZE_LIMIT / 1024);
    case `the template has more than ${TEMPLATE_TAG_LIMIT} tags ({{…}}); a letter template has about 60`:
      return vscode.l10n.t('the template has more than {0} tags ({{…}}); a letter template has about 60', TEMPLATE_TAG_LIMIT);
    case `blocks and subexpressions are nested more than ${TEMPLATE_NESTING_LIMIT} deep`:
      return vscode.l10n.t('blocks and subexpressions are nested more than {0} deep', TEMPLATE_NESTING_LIMIT);
    case `a name has more than ${TEMPLATE_NESTING_LIMIT} parts`:
      return vscode.l10n.t('a name has more than {0} parts', TEMPLATE_NESTING_LIMIT);
    case '{{log}} is not allowed in a letter template: it would print to the terminal, not the letter':
      return vscode.l10n.t('{{log}} is not allowed in a letter template: it would print to the terminal, not the letter');
    case 'partials ({{> name}}) are not supported in letter templates':
      return vscode.l10n.t('partials ({{> name}}) are not supported in letter templates');
    case 'decorators ({{* name}}, {{#*inline}}) are not supported in letter templates':
      return vscode.l10n.t('decorators ({{* name}}, {{#*inline}}) are not supported in letter templates');
    case `the template's loops repeat more than ${TEMPLATE_RENDER_LIMITS.repetitions.toLocaleString('en')} times or write more than ${(TEMPLATE_RENDER_LIMITS.characters / 1e6).toLocaleString('en')} million characters; loops inside loops multiply`:
      return vscode.l10n.t(
        "the template's loops repeat more than {0} times or write more than {1} characters; loops inside loops multiply",
        TEMPLATE_RENDER_LIMITS.repetitions.toLocaleString('en'),
        TEMPLATE_RENDER_LIMITS.characters.toLocaleString('en'),
      );
    default:
      return reason;
  }
}

/** The warning for a refused template, with "Open Template" going to the file (and the line). */
export function showOwnTemplateRefusal(error: OwnTemplateRefusedError): void {
  const open = vscode.l10n.t('Open Template');
  void vscode.window.showWarningMessage(error.message, open).then((choice) => {
    if (choice !== open) return;
    const at = error.line === undefined ? undefined : new vscode.Position(error.line - 1, 0);
    void vscode.window.showTextDocument(error.file, at ? { selection: new vscode.Range(at, at) } : {});
  });
}

/**
 * Renders letters and writes them next to the journal, never over an existing file. The
 * built-in templates are precompiled into the bundle; a person's own templates are compiled
 * with the full Handlebars compiler (`dist/templateCompiler.js`, loaded only then), and only in
 * a trusted workspace: a template is code that runs on the person's data.
 */
export class LetterWriter {
  /** The person's name and email, asked once when a letter had to leave them as placeholders. */
  private readonly sender: SenderDetails;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    /** Node's or the browser's (the bundle's own by default). */
    private readonly port: HostPort = currentPort,
  ) {
    this.sender = new SenderDetails(context.globalState, log);
  }

  /** The Node files for a local folder; undefined where workspace.fs must do (remote, virtual, the browser). */
  private localFor(uri: vscode.Uri): LocalFiles | undefined {
    return uri.scheme === 'file' ? this.port.localFiles : undefined;
  }

  /**
   * The letter's Markdown, in `lang`, for the report and the journal's history. A report without
   * a time is dated now on the person's clock, so the letter's one offset is theirs, not UTC.
   */
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
    const dated = report.occurredAt ? report : { ...report, occurredAt: localIsoTime(now) };
    const sender = this.sender.fill(settings);
    let text: string;
    try {
      text = this.port.letterRendering(this.context.extensionPath).renderLetterText(
        kind,
        lang,
        dated,
        history,
        now,
        {
          ...(sender.name ? { name: sender.name } : {}),
          ...(sender.accountEmail ? { email: sender.accountEmail } : {}),
          includeSelfDiagnosis: settings.appealSelfDiagnosis,
        },
        own?.template,
      );
    } catch (error) {
      // From a built-in template the same errors are the extension's bug: reported as unexpected.
      throw (own && ownTemplateRefusal(error, own.uri)) ?? error;
    }
    // Not awaited: the letter is written and shown while the person decides, placeholders and all.
    this.sender.offer(settings).catch((error: unknown) => this.log.warn('letters: the name and email question failed', String(error)));
    return text;
  }

  /**
   * The person's own copy of a letter in `lang` (rendered the same way, in their language), or
   * undefined when they need none: only for an English letter chosen for its reader
   * (`letterLanguage` auto) when the UI is Chinese. Write it with {@link writeOwnCopy}.
   */
  async renderOwnCopy(
    kind: LetterKind,
    lang: Lang,
    report: Report,
    history: readonly Report[],
    settings: Settings,
    folder: vscode.WorkspaceFolder | undefined,
    now: Date,
  ): Promise<{ lang: Lang; text: string } | undefined> {
    const copyLang = ownCopyLangFor(settings, lang);
    if (!copyLang) return undefined;
    return { lang: copyLang, text: await this.render(kind, copyLang, report, history, settings, folder, now) };
  }

  /**
   * Writes the person's copy beside the letter `letter` wrote, named after it
   * (`appeal-2025-11-27.zh-cn.md`), under a first line saying it is for reading and which file to
   * send; like a letter, never over an existing file (`-2`, `-3`… instead).
   */
  async writeOwnCopy(folder: vscode.WorkspaceFolder, settings: Settings, letter: vscode.Uri, copy: { lang: Lang; text: string }): Promise<vscode.Uri> {
    const directory: FolderFile = { folder: folder.uri, uri: uriInFolder(folder, settings.outputFolder), setting: 'cardDoctor.outputFolder' };
    const letterName = baseName(letter.path);
    const name = ownCopyFileName(letterName, copy.lang);
    const text = ownCopyText(copy.text, copy.lang, letterName);
    const written = await this.writeNew(directory, name, text);
    this.log.info(`letters: wrote your copy ${written.toString()}${baseName(written.path) !== name ? ` (${name} existed)` : ''}`);
    return written;
  }

  /**
   * Writes a new letter into the output folder, as `<kind>-<date>.md`, or `-2`, `-3`… when that
   * exists: a letter the person already edited is never overwritten.
   */
  async write(folder: vscode.WorkspaceFolder, settings: Settings, kind: LetterKind, report: Report, text: string, now: Date): Promise<vscode.Uri> {
    const directory: FolderFile = { folder: folder.uri, uri: uriInFolder(folder, settings.outputFolder), setting: 'cardDoctor.outputFolder' };
    // A report without a time (one from the form may have none) is dated today on the person's
    // clock: in UTC, a letter written early in the morning east of Greenwich would be named yesterday.
    const base = `${kind}-${localDate(report.occurredAt ?? localIsoTime(now))}`;
    const written = await this.writeNew(directory, `${base}.md`, text);
    this.log.info(`letters: wrote ${written.toString()}${baseName(written.path) !== `${base}.md` ? ` (${base}.md existed)` : ''}`);
    return written;
  }

  /** `name` in `directory`, or the first free `-2`, `-3`… name: never over an existing file. */
  private writeNew(directory: FolderFile, name: string, text: string): Promise<vscode.Uri> {
    const local = this.localFor(directory.uri);
    return local ? this.writeLocal(local, directory, name, text) : this.writeThroughWorkspaceFs(directory, name, text);
  }

  /**
   * Locally each name is created exclusively, so even a letter another window saves this very
   * moment is not replaced; the folder's real path must stay in the workspace folder.
   */
  private async writeLocal(local: LocalFiles, directory: FolderFile, name: string, text: string): Promise<vscode.Uri> {
    try {
      return vscode.Uri.file(await local.writeNewFile(local.join(directory.uri.fsPath, name), text, { within: directory.folder.fsPath }));
    } catch (error) {
      throw asRefusal(error, directory, 'write');
    }
  }

  /**
   * Remote and virtual folders: workspace.fs can only check whether a name is free, then write,
   * and cannot tell where a link leads, so none may be on the way.
   */
  private async writeThroughWorkspaceFs(directory: FolderFile, name: string, text: string): Promise<vscode.Uri> {
    await refuseLinksThroughWorkspaceFs(directory, 'write');
    await vscode.workspace.fs.createDirectory(directory.uri);
    return createUnderFreeName(name, async (free) => {
      const candidate = vscode.Uri.joinPath(directory.uri, free);
      if (await exists(candidate)) return undefined;
      await vscode.workspace.fs.writeFile(candidate, new TextEncoder().encode(text));
      return candidate;
    });
  }

  /** The person's own template for this letter, if they set a folder, trust the workspace, and it holds one. */
  private async ownTemplate(
    kind: LetterKind,
    lang: Lang,
    settings: Settings,
    folder: vscode.WorkspaceFolder | undefined,
  ): Promise<{ template: OwnTemplate; uri: vscode.Uri } | undefined> {
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
    try {
      return { template: { spec: this.port.templateCompiler(this.context.extensionPath).compileLetterTemplate(source, name), file: name }, uri: file };
    } catch (error) {
      throw ownTemplateRefusal(error, file) ?? error;
    }
  }

  /**
   * A template's bytes, undefined if there is none. Refused like the journal when it leads outside
   * the workspace folder (a template is rendered into a letter: a linked ~/.ssh file would end
   * up in one), and refused over {@link TEMPLATE_READ_LIMIT_BYTES} before it is read.
   */
  private async readTemplate(template: FolderFile): Promise<Uint8Array | undefined> {
    const local = this.localFor(template.uri);
    if (local) {
      try {
        return await local.readFileBounded(template.uri.fsPath, { within: template.folder.fsPath, maxBytes: TEMPLATE_READ_LIMIT_BYTES });
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

  private explainRestrictedOnce(): void {
    if (this.context.workspaceState.get<boolean>(RESTRICTED_NOTICE_KEY)) return;
    this.context.workspaceState.update(RESTRICTED_NOTICE_KEY, true).then(undefined, (error: unknown) => this.log.warn('could not remember the Restricted Mode notice:', String(error)));
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

/** The last name of a Uri's path (always `/`-separated). */
function baseName(uriPath: string): string {
  return uriPath.slice(uriPath.lastIndexOf('/') + 1);
}

/** The attempt's date in its own offset, for file names: 2025-11-27. */
function localDate(iso: string): string {
  return isoAtOffset(new Date(iso), offsetOf(iso)).slice(0, 10);
}
