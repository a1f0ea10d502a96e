import * as vscode from 'vscode';
import type { Lang } from '../core/catalogue';
import { fieldsHoldingSecrets, journalEntryToWrite, journalHeader, journalReports, parseJournalBytes, type DatedReport, type ParsedJournal } from '../core/journal';
import type { Report } from '../core/report';
import { FileTooLargeError } from '../node/fileErrors';
import { currentPort } from './currentPort';
import type { HostPort, LocalFiles } from './hostPort';
import { asRefusal, isTooLarge, joinSentences, RefusedPathError, refuseLinksThroughWorkspaceFs, type FolderFile } from './folderBounds';
import { JournalTooLargeError } from './journalText';
import { exists, openDocument } from './workspaceTarget';

/** The journal is open with unsaved edits and the edit could not be applied: nothing was written. */
export class JournalBusyError extends Error {}

/**
 * The largest journal the extension reads: 32 MB, more than four times a journal of 10,000
 * entries (about 7 MB). A larger one is not read at all (a warning says so once) and counts as
 * empty: reading only part of it would give a cooldown from the wrong attempts.
 */
export const JOURNAL_READ_LIMIT_BYTES = 32 * 1024 * 1024;

/** How the store tells the person about a journal it would not read; shown once per journal and reason. */
export type ReadWarning = (key: string, message: string, setting: string) => void;

export interface JournalStoreOptions {
  /** dist/journalWorker.js: large journals are parsed there, off the extension host's thread. */
  workerFile?: string;
  warn?: ReadWarning;
  /** Node's or the browser's (the bundle's own by default); tests give the browser's to a Node run. */
  port?: HostPort;
}

/**
 * The failure journal in the workspace. A journal open with unsaved edits is the one that
 * counts: reading takes its text, and an entry goes into it as an edit, left unsaved like the
 * person's own. Otherwise the file is read and written; an editor showing it reloads by itself.
 * (A document VS Code still caches after its editor closed is not trusted: it can be stale.)
 *
 * The journal must stay in its workspace folder: a journal (or folder) that is a symbolic link
 * leading outside is neither written nor read (`RefusedPathError`). A local journal is appended
 * to in place, as the CLI does (`src/node/journalFile.ts`), at its real path; in a remote or
 * virtual folder, where only `workspace.fs` reaches and a link's target cannot be resolved, a
 * link anywhere on the way is refused, and the old bytes are written with the entry to a
 * temporary file renamed over the journal. In the browser (no Node: {@link HostPort.localFiles} is
 * undefined) every folder takes that workspace.fs path.
 *
 * Reading never holds the extension host long: a journal over {@link JOURNAL_READ_LIMIT_BYTES} is
 * not read, and a large one is parsed on a worker thread where the host has them (Node).
 */
export class JournalStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after the extension wrote to a journal. */
  readonly onDidChange = this.changed.event;

  private readonly local: LocalFiles | undefined;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly options: JournalStoreOptions = {},
  ) {
    this.local = (options.port ?? currentPort).localFiles;
  }

  /** The Node files for a journal in a local folder; undefined where workspace.fs must do (remote, virtual, the browser). */
  private localFor(uri: vscode.Uri): LocalFiles | undefined {
    return uri.scheme === 'file' ? this.local : undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }

  /**
   * The parsed journal; a missing file is an empty journal, and so is one refused (it leads outside
   * the folder, or is too large: the person is told once). Damaged entries are logged with their line numbers.
   */
  async read(file: FolderFile): Promise<ParsedJournal> {
    let journal: ParsedJournal;
    try {
      journal = await this.readParsed(file);
    } catch (error) {
      const refusal = asRefusal(error, file, 'read');
      if (refusal instanceof RefusedPathError) {
        this.refuseRead(file, refusal.reason, refusal.message);
        return { entries: [], problems: [] };
      }
      if (isTooLarge(error)) {
        this.refuseRead(file, 'too-large', this.tooLargeMessage(file));
        return { entries: [], problems: [] };
      }
      throw error;
    }
    for (const problem of journal.problems) this.log.warn(`${file.uri.fsPath || file.uri.toString()}:${problem.line}: ${problem.message}`);
    return journal;
  }

  /** The journal's attempts as reports, oldest first. */
  async history(file: FolderFile): Promise<Report[]> {
    return journalReports(await this.read(file));
  }

  /**
   * Appends one entry; creates the file (with its folder and header) when there is none. Throws
   * `RefusedPathError`, writing nothing, for a journal that leads outside its folder.
   */
  async append(file: FolderFile, report: DatedReport, lang: Lang, now: Date): Promise<void> {
    // The schema already redacted every field; this is the last guard before a file. A report
    // that fails it was built by hand somewhere: the log names the field, to find where.
    const leaking = fieldsHoldingSecrets(report);
    if (leaking.length > 0) throw new Error(`the journal entry would hold a card number, CVC or one-time code (in ${leaking.join(', ')}); nothing was written`);
    await this.appendText(file, journalEntryToWrite(report, lang, now), lang);
    this.log.info(`journal: added the attempt of ${report.occurredAt} to ${file.uri.toString()}`);
  }

  /**
   * Appends `text` (an entry or a bank answer, already checked and formatted by core) at the
   * journal's end; creates the file (with its folder and header) when there is none. Into the open
   * editor when it has unsaved edits (left unsaved); locally through the CLI's appender; elsewhere
   * through workspace.fs. Throws `RefusedPathError`, writing nothing, for a journal that leads
   * outside its folder, and `JournalBusyError` when the open editor refuses the edit.
   */
  async appendText(file: FolderFile, text: string, lang: Lang): Promise<void> {
    const { uri } = file;
    const document = openDocument(uri);
    const local = this.localFor(uri);
    if (document?.isDirty) {
      // An entry left unsaved in an editor on a linked file would be saved through the link.
      await this.refuseOutside(file, 'write');
      await this.appendToDocument(document, text);
    }
    // A local file gets the CLI's appender: one O_APPEND write, safe beside a CLI appending at the
    // same moment, and as quick on a long journal as on a short one.
    else if (local) await local.appendJournalText(uri.fsPath, text, lang, { within: file.folder.fsPath }).catch((error: unknown) => Promise.reject(asRefusal(error, file, 'write')));
    else {
      await refuseLinksThroughWorkspaceFs(file, 'write');
      await this.appendToFile(file, text, lang);
    }
    this.changed.fire(uri);
  }

  /**
   * Creates the journal with its header (in `lang`) unless it exists; refuses like `append`,
   * the refusal worded for `action` (opening it in an editor says so).
   */
  async create(file: FolderFile, lang: Lang, action: 'write' | 'open' = 'write'): Promise<void> {
    const { uri } = file;
    const local = this.localFor(uri);
    if (local) {
      await local.createJournal(uri.fsPath, lang, { within: file.folder.fsPath }).catch((error: unknown) => Promise.reject(asRefusal(error, file, action)));
      return;
    }
    await refuseLinksThroughWorkspaceFs(file, action);
    if (await exists(uri)) return;
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(journalHeader(lang)));
  }

  private async readParsed(file: FolderFile): Promise<ParsedJournal> {
    const { uri } = file;
    const document = openDocument(uri);
    if (document?.isDirty) {
      await this.refuseOutside(file, 'read');
      const text = document.getText();
      // A UTF-16 length over the limit is at least as many UTF-8 bytes.
      if (text.length > JOURNAL_READ_LIMIT_BYTES) throw new FileTooLargeError(uri.toString(), text.length, JOURNAL_READ_LIMIT_BYTES);
      return this.parse(new TextEncoder().encode(text));
    }
    const local = this.localFor(uri);
    const bytes = local ? await local.readJournalBytes(uri.fsPath, { within: file.folder.fsPath, maxBytes: JOURNAL_READ_LIMIT_BYTES }) : await this.readThroughWorkspaceFs(file);
    // The file's bytes as they are: only its machine lines need decoding.
    return bytes ? this.parse(bytes) : { entries: [], problems: [] };
  }

  /** Throws `RefusedPathError` if the journal leads outside its folder (the Node readers and writers check this themselves). */
  private async refuseOutside(file: FolderFile, action: 'read' | 'write'): Promise<void> {
    const local = this.localFor(file.uri);
    if (!local) return refuseLinksThroughWorkspaceFs(file, action);
    try {
      await local.realPathInside(file.folder.fsPath, file.uri.fsPath);
    } catch (error) {
      throw asRefusal(error, file, action);
    }
  }

  private async readThroughWorkspaceFs(file: FolderFile): Promise<Uint8Array | undefined> {
    await refuseLinksThroughWorkspaceFs(file, 'read');
    try {
      const { size } = await vscode.workspace.fs.stat(file.uri);
      if (size > JOURNAL_READ_LIMIT_BYTES) throw new FileTooLargeError(file.uri.toString(), size, JOURNAL_READ_LIMIT_BYTES);
      return await vscode.workspace.fs.readFile(file.uri);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      throw error;
    }
  }

  private async parse(bytes: Uint8Array): Promise<ParsedJournal> {
    const { workerFile } = this.options;
    // Without a worker bundle (the browser; the extension's own tests build the store alone) the parse is in place.
    if (!workerFile) return parseJournalBytes(bytes);
    try {
      return await (this.options.port ?? currentPort).parseJournal(bytes, workerFile);
    } catch (error) {
      // A worker that cannot even start is a packaging fault (the bundle missing from the
      // package): the journal is still read, in place, and the log says why.
      if ((error as { code?: unknown } | null)?.code !== 'MODULE_NOT_FOUND') throw error;
      this.log.error(`journal: the worker ${workerFile} could not start (${String(error)}); parsing in place`);
      return parseJournalBytes(bytes);
    }
  }

  private refuseRead(file: FolderFile, reason: string, message: string): void {
    this.log.warn(`journal: not read: ${message}`);
    this.options.warn?.(`${reason}:${file.uri.toString()}`, message, file.setting);
  }

  private tooLargeMessage(file: FolderFile): string {
    return joinSentences(
      vscode.l10n.t('{0} is larger than {1} MB, so Card Doctor did not read it: the cooldown and the wizard leave it out.', vscode.workspace.asRelativePath(file.uri, false), JOURNAL_READ_LIMIT_BYTES / (1024 * 1024)),
      vscode.l10n.t('Move older entries into another file to make it smaller.'),
    );
  }

  private async appendToDocument(document: vscode.TextDocument, entry: string): Promise<void> {
    const text = document.getText();
    const end = document.positionAt(text.length);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, end, (text.length === 0 || text.endsWith('\n') ? '' : '\n') + entry);
    // Not saved: the person's own unsaved edits stay theirs to save or discard.
    if (!(await vscode.workspace.applyEdit(edit))) throw new JournalBusyError('the open journal did not accept the edit');
  }

  /**
   * workspace.fs cannot append: the journal is read whole and written back with the entry. So a
   * journal over {@link JOURNAL_READ_LIMIT_BYTES}, which no read takes either, is refused before
   * any of it is read ({@link JournalTooLargeError}): a 64 MB journal.md in a repository opened
   * in the browser would otherwise be held in memory twice and rewritten.
   */
  private async appendToFile(file: FolderFile, entry: string, lang: Lang): Promise<void> {
    const { uri } = file;
    const encoder = new TextEncoder();
    let old: Uint8Array;
    if (await exists(uri)) {
      if ((await vscode.workspace.fs.stat(uri)).size > JOURNAL_READ_LIMIT_BYTES) throw new JournalTooLargeError(file);
      old = await vscode.workspace.fs.readFile(uri);
    } else {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      old = encoder.encode(journalHeader(lang));
    }
    const needsNewline = old.length > 0 && old[old.length - 1] !== 0x0a;
    const addition = encoder.encode((needsNewline ? '\n' : '') + entry);
    const bytes = new Uint8Array(old.length + addition.length);
    bytes.set(old, 0);
    bytes.set(addition, old.length);
    // A rename replaces the journal in one step: an interrupted write leaves the old file whole.
    const temporary = uri.with({ path: `${uri.path}.${Date.now().toString(36)}.tmp` });
    await vscode.workspace.fs.writeFile(temporary, bytes);
    try {
      await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
    } catch (error) {
      await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
      throw error;
    }
  }
}
