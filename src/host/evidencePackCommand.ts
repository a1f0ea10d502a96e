import * as vscode from 'vscode';
import { parseBankAnswers } from '../core/bankAnswer';
import { evidencePack, packPhoneScriptLang, snapshotAgeDays, SNAPSHOT_WARNING_DAYS, type PackFile } from '../core/evidencePack';
import { createUnderFreeName } from '../core/freeName';
import { parseJournal } from '../core/journal';
import { COMMAND_IDS } from './commandIds';
import { currentPort } from './currentPort';
import { asRefusal, refuseLinksThroughWorkspaceFs, type FolderFile } from './folderBounds';
import type { HostPort, LocalFiles } from './hostPort';
import type { JournalRepository } from './journalRepository';
import { JournalTooLargeError, readJournalText } from './journalText';
import { ensureTraditionalTable } from './language';
import type { Notifier } from './notifier';
import { letterLang } from './settings';
import type { SettingsService } from './settingsService';
import { chooseWorkspaceFolder, exists, uriInFolder } from './workspaceTarget';

/** What the command needs. */
export interface EvidencePackServices {
  settings: Pick<SettingsService, 'get'>;
  journal: Pick<JournalRepository, 'journalFile'>;
  notifier: Pick<Notifier, 'info' | 'warn' | 'offer'>;
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
 * symbolic link. Then shows the folder and says what to attach, and warns when the
 * supported-countries snapshot is old. Returns the folder written.
 */
export async function writeEvidencePack(services: EvidencePackServices): Promise<vscode.Uri | undefined> {
  const { settings, journal, notifier, log, clock } = services;
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
  const pack = evidencePack({ entries, bankAnswers: answers, now, lang });
  const directory: FolderFile = { folder: target.uri, uri: uriInFolder(target, folderSettings.outputFolder), setting: 'cardDoctor.outputFolder' };
  const written = await writePackFolder(directory, pack.folderName, pack.files, port.localFiles);
  log?.info(`evidence pack: wrote ${written.toString()} (${pack.files.length} files, ${answers.length} bank answers)`);

  // Shown where the person attaches it from; the about file says what the pack is and how old its facts are.
  await vscode.commands.executeCommand('revealInExplorer', written).then(undefined, () => undefined);
  await vscode.window.showTextDocument(vscode.Uri.joinPath(written, 'about.md'), { preview: false });
  void notifier.info(
    vscode.l10n.t(
      'Wrote the evidence pack to {0}. Attach timeline.md and diagnosis.md to your appeal, add the screenshots screenshots-checklist.md lists (with the parts it names hidden), and keep bank-phone-script.md at hand when you call your bank.',
      vscode.workspace.asRelativePath(written, false),
    ),
  );
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
  if (directory.uri.scheme === 'file' && local) {
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
