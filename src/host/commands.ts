import * as vscode from 'vscode';
import type { Diagnosis } from '../core/diagnose';
import { formatLocalTime, offsetOf } from '../core/localTime';
import { findRecordedAttempt } from '../core/journal';
import { ownCopyText, type LetterKind } from '../core/letterKinds';
import type { Report } from '../core/report';
import { COMMAND_IDS, type CommandName } from './commandIds';
import type { CooldownStatus } from './cooldownStatus';
import { recordBankAnswer } from './bankAnswerCommand';
import { copyLetterAsText } from './copyLetter';
import type { DiagnosisPanel } from './diagnosisPanel';
import type { DiagnosisPresenter } from './diagnosisPresenter';
import { writeEvidencePack } from './evidencePackCommand';
import type { JournalRepository } from './journalRepository';
import { JournalBusyError } from './journalStore';
import type { LetterWriter } from './letterWriter';
import type { Notifier } from './notifier';
import type { ReportSource } from './reportSource';
import { letterLang, letterLangFor } from './settings';
import type { SettingsService } from './settingsService';
import { chooseWorkspaceFolder } from './workspaceTarget';

/** A command: takes an optional report object, returns what it made (or undefined when nothing was made). */
export type CommandHandler = (argument?: unknown) => Promise<unknown>;

/** The services the commands are built from (services.ts builds them once per window). */
export interface CommandServices {
  settings: Pick<SettingsService, 'get'>;
  journal: Pick<JournalRepository, 'history' | 'readFresh' | 'append' | 'createForEditing' | 'journalFile' | 'appendText'>;
  reports: Pick<ReportSource, 'reportFor' | 'ask' | 'validated' | 'dated' | 'remember'>;
  diagnoses: Pick<DiagnosisPresenter, 'show' | 'showLast'>;
  letters: Pick<LetterWriter, 'render' | 'write' | 'renderOwnCopy' | 'writeOwnCopy'>;
  panel: Pick<DiagnosisPanel, 'companionColumn' | 'isOpen'>;
  cooldown: Pick<CooldownStatus, 'showFrom'>;
  notifier: Pick<Notifier, 'info' | 'warn' | 'ask' | 'status' | 'offer'>;
  /** The folder to read history from without asking. */
  readingFolder: () => vscode.WorkspaceFolder | undefined;
  clock: () => Date;
}

type Needs<K extends keyof CommandServices> = Pick<CommandServices, K>;

/** Each command as a factory over only the services it uses, registered in one loop by `createServices`. */
export const COMMAND_FACTORIES = {
  diagnose: (services: Needs<'journal' | 'reports' | 'diagnoses' | 'notifier' | 'readingFolder'>) => (argument?: unknown) => diagnoseCommand(services, argument),
  generateAppeal: (services: LetterServices) => (argument?: unknown) => generateLetter(services, 'appeal', argument),
  generateBankInquiry: (services: LetterServices) => (argument?: unknown) => generateLetter(services, 'bank-inquiry', argument),
  recordAttempt: (services: Needs<'settings' | 'journal' | 'reports' | 'cooldown' | 'notifier' | 'clock'>) => (argument?: unknown) => recordAttempt(services, argument),
  openJournal: (services: Needs<'settings' | 'journal' | 'panel'>) => () => openJournal(services),
  showLastDiagnosis: (services: Needs<'diagnoses' | 'notifier'>) => () => showLastDiagnosis(services),
  copyLetterAsText: (services: Needs<'notifier'>) => (argument?: unknown) => copyLetterAsText(services, argument),
  writeEvidencePack: (services: Needs<'settings' | 'journal' | 'notifier' | 'letters' | 'clock'>) => () => writeEvidencePack(services),
  recordBankAnswer: (services: Needs<'settings' | 'journal' | 'notifier' | 'clock'>) => () => recordBankAnswer(services),
} as const satisfies Readonly<Record<CommandName, (services: CommandServices) => CommandHandler>>;

type LetterServices = Needs<'settings' | 'journal' | 'reports' | 'letters' | 'panel' | 'notifier' | 'readingFolder' | 'clock'>;

async function diagnoseCommand(
  { journal, reports, diagnoses, notifier, readingFolder }: Needs<'journal' | 'reports' | 'diagnoses' | 'notifier' | 'readingFolder'>,
  argument: unknown,
): Promise<Diagnosis | undefined> {
  // Not awaited before the wizard: its first question must not wait for the journal.
  const history = journal.history(readingFolder());
  // The wizard's answer comes dated and kept; a report passed in is dated now if it gave no time
  // (so diagnosing, showing it again and recording it speak of one instant) and kept here.
  const given = argument !== undefined ? reports.validated(argument) : await reports.ask(history);
  if (!given) return undefined;
  const report = reports.dated(given);
  if (argument !== undefined) await reports.remember(report);
  const diagnosis = diagnoses.show(report, await history, { reveal: true, preserveFocus: false });
  // The next steps are in the diagnosis tab's title bar; a passing word is enough here.
  notifier.status(vscode.l10n.t('Diagnosis ready. The causes are likely, not certain.'), 10_000);
  return diagnosis;
}

async function showLastDiagnosis({ diagnoses, notifier }: Needs<'diagnoses' | 'notifier'>): Promise<Diagnosis | undefined> {
  const diagnosis = await diagnoses.showLast({ reveal: true, preserveFocus: false });
  if (diagnosis) return diagnosis;
  notifier.offer(vscode.l10n.t('There is no diagnosis in this workspace yet.'), vscode.l10n.t('Diagnose…'), COMMAND_IDS.diagnose);
  return undefined;
}

async function generateLetter(
  { settings, journal, reports, letters, panel, notifier, readingFolder, clock }: LetterServices,
  kind: LetterKind,
  argument: unknown,
): Promise<vscode.Uri | undefined> {
  const target = await chooseWorkspaceFolder({ allowUntitled: true });
  if (!target) return undefined;
  const folder = target === 'untitled' ? undefined : target;
  const report = await reports.reportFor(argument, folder ?? readingFolder());
  if (!report) return undefined;
  const folderSettings = settings.get(folder);
  const now = clock();
  const history = await journal.history(folder);
  // Each letter in its reader's language; an English one comes with the person's copy in theirs.
  const lang = letterLangFor(folderSettings, kind, report);
  const text = await letters.render(kind, lang, report, history, folderSettings, folder, now);
  const copy = await letters.renderOwnCopy(kind, lang, report, history, folderSettings, folder, now);
  // Beside the diagnosis, never over it; the diagnosis keeps the focus, because its title-bar
  // actions show only while it is the active editor (the letter is one click away).
  const viewColumn = panel.companionColumn() ?? vscode.ViewColumn.One;
  const shown = { viewColumn, preview: false, preserveFocus: panel.isOpen };
  // The person's copy beside the letter, without taking the focus from it.
  const besideLetter = { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true };
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document, shown);
    if (copy) {
      const content = ownCopyText(copy.text, copy.lang, document.uri.path.split('/').pop() ?? '');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content }), besideLetter);
    }
    return document.uri;
  }
  const uri = await letters.write(folder, folderSettings, kind, report, text, now);
  await vscode.window.showTextDocument(uri, shown);
  if (copy) await vscode.window.showTextDocument(await letters.writeOwnCopy(folder, folderSettings, uri, copy), besideLetter);
  // The preview would open in the column beside the letter: where the diagnosis is, when it is
  // open, or the person's copy, which is what they read.
  if (!panel.isOpen && !copy) await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  const name = vscode.workspace.asRelativePath(uri);
  void notifier.info(
    kind === 'appeal'
      ? vscode.l10n.t('Wrote the appeal to {0}. Check it, then send it yourself from the Help Center (Billing & Payments).', name)
      : vscode.l10n.t('Wrote the bank inquiry to {0}. Check it, then send it to your bank yourself.', name),
  );
  return uri;
}

async function recordAttempt(
  { settings, journal, reports, cooldown, notifier, clock }: Needs<'settings' | 'journal' | 'reports' | 'cooldown' | 'notifier' | 'clock'>,
  argument: unknown,
): Promise<vscode.Uri | undefined> {
  const target = await chooseWorkspaceFolder({ allowUntitled: false });
  if (!target || target === 'untitled') return undefined;
  const report = await reports.reportFor(argument, target);
  if (!report) return undefined;
  const dated = reports.dated(report);
  // Read afresh, not from the cache the form shares: it may not yet know of a journal just
  // deleted or appended to by the CLI, and a question about a copy that is not there misleads.
  const recorded = findRecordedAttempt(dated, await journal.readFresh(target));
  if (recorded && !(await confirmRecordingAgain(notifier, recorded))) return undefined;
  const uri = journal.journalFile(target).uri;
  try {
    await journal.append(target, dated, letterLang(settings.get(target)), clock());
  } catch (error) {
    if (!(error instanceof JournalBusyError)) throw error;
    void notifier.warn(
      vscode.l10n.t('The journal is open with unsaved changes and could not be updated. Save or close it, then record the attempt again.'),
    );
    return undefined;
  }
  cooldown.showFrom(await journal.history(target));
  notifier.offer(vscode.l10n.t('Recorded the attempt in {0}.', vscode.workspace.asRelativePath(uri)), vscode.l10n.t('Open Journal'), COMMAND_IDS.openJournal);
  return uri;
}

/**
 * Asks before an attempt the journal already holds goes in again: a copy counts one attempt as
 * two, and the diagnosis and the letters would then speak of attempts that never happened.
 */
async function confirmRecordingAgain(notifier: Pick<Notifier, 'ask'>, recorded: Report): Promise<boolean> {
  const time = recorded.occurredAt ? formatLocalTime(recorded.occurredAt, offsetOf(recorded.occurredAt)) : '';
  const last4 = recorded.card?.last4;
  const message = last4
    ? vscode.l10n.t('The journal already holds this attempt ({0}, card •••• {1}). Record it again?', time, last4)
    : vscode.l10n.t('The journal already holds this attempt ({0}). Record it again?', time);
  const again = vscode.l10n.t('Record Again');
  const choice = await notifier.ask(
    message,
    vscode.l10n.t('Record it again only if the card really failed twice at that moment: a copy would make one attempt look like two.'),
    again,
  );
  return choice === again;
}

async function openJournal({ settings, journal, panel }: Needs<'settings' | 'journal' | 'panel'>): Promise<vscode.Uri | undefined> {
  const target = await chooseWorkspaceFolder({ allowUntitled: false });
  if (!target || target === 'untitled') return undefined;
  // Created (or found) only where it stays in the folder: an editor on a linked ~/.gitconfig
  // would be one save away from writing it.
  await journal.createForEditing(target, letterLang(settings.get(target)));
  const uri = journal.journalFile(target).uri;
  await vscode.window.showTextDocument(uri, { preview: false, viewColumn: panel.companionColumn() });
  return uri;
}
