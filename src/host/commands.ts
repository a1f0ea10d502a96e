import * as vscode from 'vscode';
import { diagnose, type Diagnosis } from '../core/diagnose';
import type { LetterKind } from '../core/letterKinds';
import { COMMAND_IDS, type CommandName } from './commandIds';
import { JournalBusyError } from './journalStore';
import { uiLang } from './language';
import type { Session } from './session';
import { letterLang } from './settings';
import { chooseWorkspaceFolder } from './workspaceTarget';

/** A command: takes an optional report object, returns what it made (or undefined when nothing was made). */
export type CommandHandler = (argument?: unknown) => Promise<unknown>;

/** Each command as a factory over the session, registered in one loop by `activate`. */
export const COMMAND_FACTORIES: Readonly<Record<CommandName, (session: Session) => CommandHandler>> = {
  diagnose: (session) => (argument) => diagnoseCommand(session, argument),
  generateAppeal: (session) => (argument) => generateLetter(session, 'appeal', argument),
  generateBankInquiry: (session) => (argument) => generateLetter(session, 'bank-inquiry', argument),
  recordAttempt: (session) => (argument) => recordAttempt(session, argument),
  openJournal: (session) => () => openJournal(session),
};

async function diagnoseCommand(session: Session, argument: unknown): Promise<Diagnosis | undefined> {
  const folder = session.readingFolder();
  // Not awaited before the wizard: its first question must not wait for the journal.
  const history = session.history(folder);
  const report = argument !== undefined ? session.validated(argument) : await session.askForReport(history);
  if (!report) return undefined;
  const now = session.clock();
  const diagnosis = diagnose(report, await history, now);
  session.remember(report);
  session.showCooldownOf(diagnosis);
  await session.documents.show(diagnosis, uiLang(), now);
  offerNextSteps(report);
  return diagnosis;
}

/** The buttons under a diagnosis. Not awaited: the command returns its diagnosis at once. */
function offerNextSteps(report: unknown): void {
  const appeal = vscode.l10n.t('Generate Appeal');
  const inquiry = vscode.l10n.t('Generate Bank Inquiry');
  const record = vscode.l10n.t('Record in Journal');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Diagnosis ready. The causes are likely, not certain.'), appeal, inquiry, record)
    .then((choice) => {
      const command =
        choice === appeal ? COMMAND_IDS.generateAppeal : choice === inquiry ? COMMAND_IDS.generateBankInquiry : choice === record ? COMMAND_IDS.recordAttempt : undefined;
      if (command) void vscode.commands.executeCommand(command, report);
    });
}

async function generateLetter(session: Session, kind: LetterKind, argument: unknown): Promise<vscode.Uri | undefined> {
  const target = await chooseWorkspaceFolder({ allowUntitled: true });
  if (!target) return undefined;
  const folder = target === 'untitled' ? undefined : target;
  const report = await session.reportFor(argument, folder ?? session.readingFolder(), { ask: true });
  if (!report) return undefined;
  const settings = session.settings(folder);
  const now = session.clock();
  const history = await session.history(folder);
  const text = await session.letters.render(kind, letterLang(settings), report, history, settings, folder, now);
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document);
    return document.uri;
  }
  const uri = await session.letters.write(folder, settings, kind, report, text, now);
  await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, preview: false });
  await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  const name = vscode.workspace.asRelativePath(uri);
  void vscode.window.showInformationMessage(
    kind === 'appeal'
      ? vscode.l10n.t('Wrote the appeal to {0}. Check it, then send it yourself from the Help Center (Billing & Payments).', name)
      : vscode.l10n.t('Wrote the bank inquiry to {0}. Check it, then send it to your bank yourself.', name),
  );
  return uri;
}

async function recordAttempt(session: Session, argument: unknown): Promise<vscode.Uri | undefined> {
  const target = await chooseWorkspaceFolder({ allowUntitled: false });
  if (!target || target === 'untitled') return undefined;
  const report = await session.reportFor(argument, target, { ask: true });
  if (!report) return undefined;
  const settings = session.settings(target);
  const journal = session.journalFile(target);
  const uri = journal.uri;
  try {
    await session.journal.append(journal, session.dated(report), letterLang(settings), session.clock());
  } catch (error) {
    if (!(error instanceof JournalBusyError)) throw error;
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The journal is open with unsaved changes and could not be updated. Save or close it, then record the attempt again.'),
    );
    return undefined;
  }
  await session.refreshCooldown(target);
  const open = vscode.l10n.t('Open Journal');
  void vscode.window.showInformationMessage(vscode.l10n.t('Recorded the attempt in {0}.', vscode.workspace.asRelativePath(uri)), open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand(COMMAND_IDS.openJournal);
  });
  return uri;
}

async function openJournal(session: Session): Promise<vscode.Uri | undefined> {
  const target = await chooseWorkspaceFolder({ allowUntitled: false });
  if (!target || target === 'untitled') return undefined;
  const journal = session.journalFile(target);
  // Created (or found) only where it stays in the folder: an editor on a linked ~/.gitconfig
  // would be one save away from writing it.
  await session.journal.create(journal, letterLang(session.settings(target)), 'open');
  const uri = journal.uri;
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}
