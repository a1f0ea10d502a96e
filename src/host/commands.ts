import * as vscode from 'vscode';
import type { Diagnosis } from '../core/diagnose';
import { formatLocalTime, offsetOf } from '../core/localTime';
import { findRecordedAttempt } from '../core/journal';
import type { LetterKind } from '../core/letterKinds';
import type { Report } from '../core/report';
import { COMMAND_IDS, type CommandName } from './commandIds';
import { JournalBusyError } from './journalStore';
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
  showLastDiagnosis: (session) => () => showLastDiagnosis(session),
};

async function diagnoseCommand(session: Session, argument: unknown): Promise<Diagnosis | undefined> {
  const folder = session.readingFolder();
  // Not awaited before the wizard: its first question must not wait for the journal.
  const history = session.history(folder);
  // The wizard's answer comes dated and kept; a report passed in is dated now if it gave no time
  // (so diagnosing, showing it again and recording it speak of one instant) and kept here.
  const given = argument !== undefined ? session.validated(argument) : await session.askForReport(history);
  if (!given) return undefined;
  const report = session.dated(given);
  if (argument !== undefined) await session.remember(report);
  const diagnosis = await session.showDiagnosis(report, await history, { reveal: true, preserveFocus: false });
  // The next steps are in the diagnosis tab's title bar; a passing word is enough here.
  vscode.window.setStatusBarMessage(vscode.l10n.t('Diagnosis ready. The causes are likely, not certain.'), 10_000);
  return diagnosis;
}

async function showLastDiagnosis(session: Session): Promise<Diagnosis | undefined> {
  const diagnosis = await session.showLastDiagnosis({ reveal: true, preserveFocus: false });
  if (diagnosis) return diagnosis;
  const diagnoseNow = vscode.l10n.t('Diagnose…');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('There is no diagnosis in this workspace yet.'), diagnoseNow)
    .then((choice) => {
      if (choice === diagnoseNow) void vscode.commands.executeCommand(COMMAND_IDS.diagnose);
    });
  return undefined;
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
  // Beside the diagnosis, never over it; the diagnosis keeps the focus, because its title-bar
  // actions show only while it is the active editor (the letter is one click away).
  const viewColumn = session.panel.companionColumn() ?? vscode.ViewColumn.One;
  const shown = { viewColumn, preview: false, preserveFocus: session.panel.isOpen };
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document, shown);
    return document.uri;
  }
  const uri = await session.letters.write(folder, settings, kind, report, text, now);
  await vscode.window.showTextDocument(uri, shown);
  // The preview would open in the column beside the letter: where the diagnosis is, when it is open.
  if (!session.panel.isOpen) await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
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
  const dated = session.dated(report);
  const journal = session.journalFile(target);
  // Read afresh, not from the cache the form shares: it may not yet know of a journal just
  // deleted or appended to by the CLI, and a question about a copy that is not there misleads.
  const recorded = findRecordedAttempt(dated, await session.journal.history(journal));
  if (recorded && !(await confirmRecordingAgain(recorded))) return undefined;
  const settings = session.settings(target);
  const uri = journal.uri;
  try {
    await session.journal.append(journal, dated, letterLang(settings), session.clock());
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

/**
 * Asks before an attempt the journal already holds goes in again: a copy counts one attempt as
 * two, and the diagnosis and the letters would then speak of attempts that never happened.
 */
async function confirmRecordingAgain(recorded: Report): Promise<boolean> {
  const time = recorded.occurredAt ? formatLocalTime(recorded.occurredAt, offsetOf(recorded.occurredAt)) : '';
  const last4 = recorded.card?.last4;
  const message = last4
    ? vscode.l10n.t('The journal already holds this attempt ({0}, card •••• {1}). Record it again?', time, last4)
    : vscode.l10n.t('The journal already holds this attempt ({0}). Record it again?', time);
  const again = vscode.l10n.t('Record Again');
  const choice = await vscode.window.showWarningMessage(
    message,
    { modal: true, detail: vscode.l10n.t('Record it again only if the card really failed twice at that moment: a copy would make one attempt look like two.') },
    again,
  );
  return choice === again;
}

async function openJournal(session: Session): Promise<vscode.Uri | undefined> {
  const target = await chooseWorkspaceFolder({ allowUntitled: false });
  if (!target || target === 'untitled') return undefined;
  const journal = session.journalFile(target);
  // Created (or found) only where it stays in the folder: an editor on a linked ~/.gitconfig
  // would be one save away from writing it.
  await session.journal.create(journal, letterLang(session.settings(target)), 'open');
  const uri = journal.uri;
  await vscode.window.showTextDocument(uri, { preview: false, viewColumn: session.panel.companionColumn() });
  return uri;
}
