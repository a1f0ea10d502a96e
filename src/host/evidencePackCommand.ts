import * as vscode from 'vscode';
import { parseBankAnswers } from '../core/bankAnswer';
import {
  evidencePack,
  freshLetterInput,
  lettersToPack,
  lettersToRender,
  packPhoneScriptLang,
  PACK_LETTER_LIMIT_BYTES,
  snapshotAgeDays,
  SNAPSHOT_WARNING_DAYS,
  type FoundLetter,
  type FreshLetter,
  type LeftOutLetter,
  type PackFile,
  type PackLettersInput,
} from '../core/evidencePack';
import { createUnderFreeName } from '../core/freeName';
import { parseJournal, type JournalEntry } from '../core/journal';
import { FileTooLargeError, OutsideFolderError, SymbolicLinkError } from '../node/fileErrors';
import { COMMAND_IDS } from './commandIds';
import { currentPort } from './currentPort';
import { asRefusal, refuseLinksThroughWorkspaceFs, type FolderFile } from './folderBounds';
import type { HostPort, LocalFiles } from './hostPort';
import type { JournalRepository } from './journalRepository';
import type { LetterWriter } from './letterWriter';
import { JournalTooLargeError, readJournalText } from './journalText';
import { ensureTraditionalTable } from './language';
import type { Notifier } from './notifier';
import { letterLang, letterLangFor, type Settings } from './settings';
import type { SettingsService } from './settingsService';
import { chooseWorkspaceFolder, exists, uriInFolder } from './workspaceTarget';

/** What the command needs. */
export interface EvidencePackServices {
  settings: Pick<SettingsService, 'get'>;
  journal: Pick<JournalRepository, 'journalFile'>;
  notifier: Pick<Notifier, 'info' | 'warn' | 'offer'>;
  /** Renders the built-in letter for a kind the letters' folder has none of, as "Generate Appeal" does. */
  letters: Pick<LetterWriter, 'render'>;
  /** Where what was written is noted (the commands' services have no log of their own). */
  log?: Pick<vscode.LogOutputChannel, 'info'>;
  clock: () => Date;
  /** Node's or the browser's (the bundle's own by default). */
  port?: HostPort;
}

/**
 * `cardDoctor.writeEvidencePack`: the evidence pack the CLI's `card-doctor pack` writes (the same
 * core function, {@link evidencePack}), from the folder's journal and the bank's answers in it,
 * as a new folder in the letters' folder (`cardDoctor.outputFolder`): never over an earlier pack
 * (the person may have added screenshots to it), never out of the workspace folder through a
 * symbolic link. With the letters: the person's newest appeal and bank inquiry from that folder
 * (and their copies), each read inside the workspace folder and at most
 * {@link PACK_LETTER_LIMIT_BYTES}, one holding a secret left out and named in the message; for a
 * kind with none, the letter rendered fresh by the letter writer. Then shows the folder and says
 * what to attach, and warns when the supported-countries snapshot is old. Returns the folder written.
 */
export async function writeEvidencePack(services: EvidencePackServices): Promise<vscode.Uri | undefined> {
  const { settings, journal, notifier, letters, log, clock } = services;
  const port = services.port ?? currentPort;
  const target = await chooseWorkspaceFolder({ allowUntitled: false });
  if (!target || target === 'untitled') return undefined;
  const folderSettings = settings.get(target);
  const journalFile = journal.journalFile(target);
  let text: string;
  try {
    text = (await readJournalText(journalFile, port)) ?? '';
  } catch (error) {
    if (!(error instanceof JournalTooLargeError)) throw error;
    void notifier.warn(error.message);
    return undefined;
  }
  const { entries } = parseJournal(text);
  if (entries.length === 0) {
    notifier.offer(
      vscode.l10n.t('The failure journal holds no attempt yet, so there is nothing to pack. Record the failed attempt first.'),
      vscode.l10n.t('Record Attempt…'),
      COMMAND_IDS.recordAttempt,
    );
    return undefined;
  }
  const answers = parseBankAnswers(text).answers.map((recorded) => recorded.answer);
  const lang = letterLang(folderSettings);
  // The phone script is in the bank's language: Traditional for a Hong Kong card even under another UI.
  if (packPhoneScriptLang(entries, lang) === 'zh-tw') ensureTraditionalTable();
  const now = clock();
  const directory: FolderFile = { folder: target.uri, uri: uriInFolder(target, folderSettings.outputFolder), setting: 'cardDoctor.outputFolder' };
  const local = directory.uri.scheme === 'file' ? port.localFiles : undefined;
  const own = await readOwnLetters(directory, local);
  const fresh = await renderFreshLetters(lettersToRender(own), entries, letters, folderSettings, target, now);
  const packLetters: PackLettersInput = { own, fresh };
  const pack = evidencePack({ entries, bankAnswers: answers, now, lang, letters: packLetters });
  const written = await writePackFolder(directory, pack.folderName, pack.files, local);
  log?.info(
    `evidence pack: wrote ${written.toString()} (${pack.files.length} files, ${answers.length} bank answers, ` +
      `fresh letters: ${fresh.map((letter) => letter.kind).join(', ') || 'none'}, left out: ${pack.leftOut.map((left) => `${left.file} (${left.reason})`).join(', ') || 'none'})`,
  );

  // Shown where the person attaches it from; the about file says what the pack is and how old its facts are.
  await vscode.commands.executeCommand('revealInExplorer', written).then(undefined, () => undefined);
  await vscode.window.showTextDocument(vscode.Uri.joinPath(written, 'about.md'), { preview: false });
  void notifier.info(
    vscode.l10n.t(
      'Wrote the evidence pack to {0}. Attach timeline.md and diagnosis.md to your appeal, add the screenshots screenshots-checklist.md lists (with the parts it names hidden), and keep bank-phone-script.md at hand when you call your bank.',
      vscode.workspace.asRelativePath(written, false),
    ),
  );
  for (const left of pack.leftOut) void notifier.warn(leftOutMessage(left));
  const age = snapshotAgeDays(now);
  if (age > SNAPSHOT_WARNING_DAYS) {
    void notifier.warn(
      vscode.l10n.t(
        'The supported-countries list in this pack is {0} days old (more than {1}). Check the current list before relying on what the pack says about a region.',
        age,
        SNAPSHOT_WARNING_DAYS,
      ),
    );
  }
  return written;
}

/**
 * Creates `directory/name` (or `name-2`, `name-3`… when taken) and writes each file into it.
 * Locally through Node, as the CLI does: real paths checked against the workspace folder, every
 * name created exclusively. Elsewhere through workspace.fs, which cannot tell where a link leads,
 * so none may be on the way.
 */
async function writePackFolder(directory: FolderFile, name: string, files: readonly PackFile[], local: LocalFiles | undefined): Promise<vscode.Uri> {
  if (local) {
    try {
      return vscode.Uri.file(await local.writeNewFolder(local.join(directory.uri.fsPath, name), files, { within: directory.folder.fsPath }));
    } catch (error) {
      throw asRefusal(error, directory, 'write');
    }
  }
  await refuseLinksThroughWorkspaceFs(directory, 'write');
  await vscode.workspace.fs.createDirectory(directory.uri);
  const folder = await createUnderFreeName(name, async (free) => {
    const candidate = vscode.Uri.joinPath(directory.uri, free);
    if (await exists(candidate)) return undefined;
    await vscode.workspace.fs.createDirectory(candidate);
    return candidate;
  });
  const encoder = new TextEncoder();
  for (const file of files) {
    const uri = vscode.Uri.joinPath(folder, file.path);
    // Only a pack written this very moment by another window could be here: left as it is.
    if (await exists(uri)) throw new Error(`${uri.toString()} appeared while the pack was being written; it was left as it is`);
    await vscode.workspace.fs.writeFile(uri, encoder.encode(file.text));
  }
  return folder;
}

/**
 * The person's newest letters in the letters' folder ({@link lettersToPack}). Locally through
 * Node, each at its real path, which must stay inside the workspace folder; elsewhere through
 * workspace.fs, where a link's target cannot be checked, so a letter that is a link is not read.
 * A missing folder holds no letter.
 */
async function readOwnLetters(directory: FolderFile, local: LocalFiles | undefined): Promise<FoundLetter[]> {
  if (!local) await refuseLinksThroughWorkspaceFs(directory, 'read');
  let listing: [string, vscode.FileType][];
  try {
    listing = await vscode.workspace.fs.readDirectory(directory.uri);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return [];
    throw error;
  }
  const types = new Map(listing);
  const found: FoundLetter[] = [];
  for (const file of lettersToPack(listing.filter(([, type]) => (type & vscode.FileType.Directory) === 0).map(([name]) => name))) {
    const uri = vscode.Uri.joinPath(directory.uri, file);
    let bytes: Uint8Array | undefined;
    try {
      if (local) {
        bytes = await local.readFileBounded(uri.fsPath, { within: directory.folder.fsPath, maxBytes: PACK_LETTER_LIMIT_BYTES });
      } else if (((types.get(file) ?? 0) & vscode.FileType.SymbolicLink) !== 0) {
        found.push({ file, unread: 'link' });
        continue;
      } else if ((await vscode.workspace.fs.stat(uri)).size > PACK_LETTER_LIMIT_BYTES) {
        found.push({ file, unread: 'too-large' });
        continue;
      } else {
        bytes = await vscode.workspace.fs.readFile(uri);
      }
    } catch (error) {
      if (error instanceof FileTooLargeError) found.push({ file, unread: 'too-large' });
      else if (error instanceof OutsideFolderError || error instanceof SymbolicLinkError) found.push({ file, unread: 'outside' });
      // Removed since the folder was listed: nothing of it to copy.
      else if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
      continue;
    }
    if (bytes) found.push({ file, text: new TextDecoder().decode(bytes) });
  }
  return found;
}

/** The built-in letters for `kinds`, from the last attempt, each in the language the letter writer would choose. */
async function renderFreshLetters(
  kinds: readonly FreshLetter['kind'][],
  entries: readonly JournalEntry[],
  letters: Pick<LetterWriter, 'render'>,
  settings: Settings,
  folder: vscode.WorkspaceFolder,
  now: Date,
): Promise<FreshLetter[]> {
  const { report, history } = freshLetterInput(entries);
  const fresh: FreshLetter[] = [];
  for (const kind of kinds) {
    const lang = letterLangFor(settings, kind, report);
    if (lang === 'zh-tw') ensureTraditionalTable();
    fresh.push({ kind, text: await letters.render(kind, lang, report, history, settings, folder, now) });
  }
  return fresh;
}

/** Why a letter of the person's is not in the pack, naming the file. */
function leftOutMessage(left: LeftOutLetter): string {
  switch (left.reason) {
    case 'secret':
      return vscode.l10n.t(
        '{0} holds what looks like a full card number, a CVC or a one-time code, so it was left out of the evidence pack (not copied, not masked). Take that out of the letter, then write the pack again.',
        left.file,
      );
    case 'too-large':
      return vscode.l10n.t('{0} is larger than {1} MB, so it was left out of the evidence pack.', left.file, PACK_LETTER_LIMIT_BYTES / 1_000_000);
    case 'outside':
      return vscode.l10n.t('{0} leads outside the workspace folder through a symbolic link, so it was left out of the evidence pack.', left.file);
    case 'link':
      return vscode.l10n.t('{0} is a symbolic link, and in this folder Card Doctor cannot check where it leads, so it was left out of the evidence pack.', left.file);
  }
}
