import * as vscode from 'vscode';
import {
  BANK_ANSWER_LIMITS,
  bankAnswerTitle,
  bankAnswerToWrite,
  parseBankAnswer,
  type BankAnswer,
  type BankChannel,
} from '../core/bankAnswer';
import { localIsoTime, offsetOf } from '../core/localTime';
import { containsSecret } from '../core/redact';
import { formatTypedTime, parseTypedTime, TYPED_TIME_MAX_LENGTH } from '../core/typedTime';
import { COMMAND_IDS } from './commandIds';
import type { JournalRepository } from './journalRepository';
import { JournalBusyError } from './journalStore';
import type { Notifier } from './notifier';
import { letterLang } from './settings';
import type { SettingsService } from './settingsService';
import { MultiStepInput, type PickItem, type Step } from './wizard/multiStepInput';
import { chooseWorkspaceFolder } from './workspaceTarget';

/** What the command needs. */
export interface BankAnswerServices {
  settings: Pick<SettingsService, 'get'>;
  journal: Pick<JournalRepository, 'journalFile' | 'appendText'>;
  notifier: Pick<Notifier, 'warn' | 'offer'>;
  /** Where what was written is noted (the commands' services have no log of their own). */
  log?: Pick<vscode.LogOutputChannel, 'info'>;
  clock: () => Date;
}

/** The answer as the questions fill it in. */
interface AnswerState {
  answeredAt: string;
  /** The time as typed, to show again after Back. */
  typedTime: string;
  channel?: BankChannel;
  sawAuthorization?: BankAnswer['sawAuthorization'];
  declinedBy?: BankAnswer['declinedBy'];
  responseCode: string;
  reference: string;
  advice: string;
  note: string;
}

const TOTAL_STEPS = 8;

/**
 * `cardDoctor.recordBankAnswer`: after phoning or chatting with the bank, eight short questions
 * (when, how, whether it found the verification authorization, who declined, the response code,
 * its reference number, its advice, a note; the last four may stay empty), then the answer is
 * appended to the folder's failure journal as its own section (core/bankAnswer.ts), which the
 * evidence pack lists. A card number, CVC or one-time code is refused as it is typed. Returns the
 * journal's Uri, or undefined when the person cancelled.
 */
export async function recordBankAnswer(services: BankAnswerServices): Promise<vscode.Uri | undefined> {
  const { settings, journal, notifier, log, clock } = services;
  const target = await chooseWorkspaceFolder({ allowUntitled: false });
  if (!target || target === 'untitled') return undefined;
  const now = clock();
  const nowIso = localIsoTime(now);
  const state: AnswerState = { answeredAt: nowIso, typedTime: formatTypedTime(nowIso), responseCode: '', reference: '', advice: '', note: '' };
  if (!(await MultiStepInput.run(askTime(now, offsetOf(nowIso)), state))) return undefined;
  const result = parseBankAnswer({
    answeredAt: state.answeredAt,
    channel: state.channel,
    sawAuthorization: state.sawAuthorization,
    declinedBy: state.declinedBy,
    ...(state.responseCode.trim() ? { responseCode: state.responseCode } : {}),
    ...(state.reference.trim() ? { reference: state.reference } : {}),
    ...(state.advice.trim() ? { advice: state.advice } : {}),
    ...(state.note.trim() ? { note: state.note } : {}),
  });
  // Every field was checked as it was typed; a refusal here is a bug, reported as unexpected.
  if (!result.ok) throw new Error(`the bank answer was refused: ${result.errors.map((error) => `${error.path}: ${error.message}`).join('; ')}`);
  const lang = letterLang(settings.get(target));
  const file = journal.journalFile(target);
  try {
    await journal.appendText(target, bankAnswerToWrite(result.answer, lang), lang);
  } catch (error) {
    if (!(error instanceof JournalBusyError)) throw error;
    void notifier.warn(vscode.l10n.t('The journal is open with unsaved changes and could not be updated. Save or close it, then record the answer again.'));
    return undefined;
  }
  log?.info(`journal: added the bank answer of ${result.answer.answeredAt} to ${file.uri.toString()}`);
  notifier.offer(
    vscode.l10n.t('Recorded “{0}” in {1}. The evidence pack lists it in its timeline.', bankAnswerTitle(result.answer, lang), vscode.workspace.asRelativePath(file.uri)),
    vscode.l10n.t('Open Journal'),
    COMMAND_IDS.openJournal,
  );
  return file.uri;
}

function title(): string {
  return vscode.l10n.t('Record what the bank said');
}

function askTime(now: Date, offset: number): Step<AnswerState> {
  return async (input, state) => {
    const typed = await input.input({
      title: title(),
      step: 1,
      totalSteps: TOTAL_STEPS,
      value: state.typedTime,
      prompt: vscode.l10n.t('When did the bank answer? Date and time, such as 2026-12-02 09:15 (your clock’s offset unless you type one).'),
      validate: (value) => {
        if (value.length > TYPED_TIME_MAX_LENGTH || !parseTypedTime(value, now, offset).ok) {
          return { message: vscode.l10n.t('Type a date and time, such as 2026-12-02 09:15.'), error: true };
        }
        return { message: '', error: false };
      },
    });
    const parsed = parseTypedTime(typed, now, offset);
    if (parsed.ok) state.answeredAt = parsed.iso;
    state.typedTime = typed;
    return askChannel;
  };
}

async function pickOne<T extends string>(input: MultiStepInput, step: number, placeholder: string, items: readonly PickItem<T>[], current: T | undefined): Promise<T> {
  const { value } = await input.pick({
    title: title(),
    step,
    totalSteps: TOTAL_STEPS,
    placeholder,
    itemsFor: () => items,
    static: true,
    isActive: (item) => item.value === current,
  });
  return value;
}

const askChannel: Step<AnswerState> = async (input, state) => {
  state.channel = await pickOne<BankChannel>(
    input,
    2,
    vscode.l10n.t('How did you reach the bank?'),
    [
      { label: vscode.l10n.t('Phone'), value: 'phone' },
      { label: vscode.l10n.t('Chat in the bank’s app'), value: 'app-chat' },
      { label: vscode.l10n.t('At a branch'), value: 'branch' },
      { label: vscode.l10n.t('Letter or email'), value: 'letter' },
    ],
    state.channel,
  );
  return askSaw;
};

const askSaw: Step<AnswerState> = async (input, state) => {
  state.sawAuthorization = await pickOne<BankAnswer['sawAuthorization']>(
    input,
    3,
    vscode.l10n.t('Did the bank find the verification authorization (0 or about 1 dollar, or a small hold) from the merchant?'),
    [
      { label: vscode.l10n.t('Yes, it found it'), value: 'yes' },
      { label: vscode.l10n.t('No, it found nothing'), value: 'no' },
      { label: vscode.l10n.t('It did not say'), value: 'unknown' },
    ],
    state.sawAuthorization,
  );
  return askDeclinedBy;
};

const askDeclinedBy: Step<AnswerState> = async (input, state) => {
  state.declinedBy = await pickOne<BankAnswer['declinedBy']>(
    input,
    4,
    vscode.l10n.t('Who declined the card, as the bank tells it?'),
    [
      { label: vscode.l10n.t('The bank declined it'), value: 'bank' },
      { label: vscode.l10n.t('The merchant’s side (the merchant or its payment processor)'), value: 'merchant', detail: vscode.l10n.t('The bank approved it, or never received it') },
      { label: vscode.l10n.t('The bank could not say'), value: 'unknown' },
    ],
    state.declinedBy,
  );
  return askText('responseCode', 5, askText('reference', 6, askText('advice', 7, askText('note', 8, undefined))));
};

type TextField = 'responseCode' | 'reference' | 'advice' | 'note';

function textPrompt(field: TextField): string {
  switch (field) {
    case 'responseCode':
      return vscode.l10n.t('The response code the bank gave for the decline, if any (such as 05 or 51). Leave empty if none.');
    case 'reference':
      return vscode.l10n.t('The bank’s reference number for your call or chat, if it gave one. Leave empty if none.');
    case 'advice':
      return vscode.l10n.t('What the bank advises you to do, in a sentence or two. Leave empty if nothing.');
    case 'note':
      return vscode.l10n.t('Your own note (the agent’s name, what to do next). Leave empty if nothing.');
  }
}

function askText(field: TextField, step: number, next: Step<AnswerState> | undefined): Step<AnswerState> {
  return async (input, state) => {
    state[field] = await input.input({
      title: title(),
      step,
      totalSteps: TOTAL_STEPS,
      value: state[field],
      prompt: textPrompt(field),
      validate: (value) => validateText(value, BANK_ANSWER_LIMITS[field]),
    });
    return next;
  };
}

/** Refuses, as it is typed, what the journal must never hold, and what is too long to keep whole. */
export function validateText(value: string, limit: number): { message: string; error: boolean } {
  if (value.length > limit) return { message: vscode.l10n.t('At most {0} characters.', limit), error: true };
  if (containsSecret(value)) {
    return {
      message: vscode.l10n.t('This looks like a card number, a security code (CVC) or a one-time code. Card Doctor never keeps those: take it out.'),
      error: true,
    };
  }
  return { message: '', error: false };
}

