import * as vscode from 'vscode';
import type { Lang } from '../../core/catalogue';
import { diagnose } from '../../core/diagnose';
import { diagnosisToMarkdown, viewDiagnosis } from '../../core/diagnosisView';
import { localizeFieldMessage } from '../../core/fieldMessages';
import { formatJournalEntry, type DatedReport } from '../../core/journal';
import { pick } from '../../core/language';
import { ownCopyFileName, type LetterKind } from '../../core/letterKinds';
import { localIsoTime } from '../../core/localTime';
import { containsSecret, redactSecrets } from '../../core/redact';
import { parseReport, type FieldError, type Report } from '../../core/report';
import type { CommandName } from '../commandIds';
import type { JournalRepository } from '../journalRepository';
import { uiLang } from '../language';
import { letterLang, letterLangFor, ownCopyLangFor } from '../settings';
import type { SettingsService } from '../settingsService';

/** What the tool can do: diagnose (read-only, the default), or, once the person confirms, write. */
export const TOOL_ACTIONS = ['diagnose', 'record', 'appeal', 'bankInquiry'] as const;
export type ToolAction = (typeof TOOL_ACTIONS)[number];

/** The command each writing action runs: the tool writes nothing through code of its own. */
const WRITING_COMMANDS: Readonly<Record<Exclude<ToolAction, 'diagnose'>, CommandName>> = {
  record: 'recordAttempt',
  appeal: 'generateAppeal',
  bankInquiry: 'generateBankInquiry',
};

const LETTER_KIND: Readonly<Record<'appeal' | 'bankInquiry', LetterKind>> = { appeal: 'appeal', bankInquiry: 'bank-inquiry' };

/**
 * How much of a model's input is looked at: the report is at most a few KB of text three levels
 * deep; anything far beyond that is refused whole before any work (and before redaction, whose
 * cost grows with the text).
 */
export const TOOL_INPUT_LIMITS = { depth: 6, values: 500, characters: 64_000 } as const;

const TOO_LARGE = 'too large';
const ENVELOPE_KEYS: readonly string[] = ['action', 'report'];

/** A request the tool can act on: its action and the report, validated, cleaned and redacted. */
export interface ToolRequest {
  action: ToolAction;
  report: Report;
}

export type ToolInput = { ok: true; request: ToolRequest } | { ok: false; errors: FieldError[] };

/**
 * A copy of `value` with every string and key redacted (card numbers, CVCs, one-time codes), or
 * undefined when it is larger than {@link TOOL_INPUT_LIMITS}. Keys too: an unknown field is named
 * in the error the model reads back, and a model may put anything in a key.
 */
function redactValue(value: unknown, depth: number, budget: { values: number; characters: number }): { value: unknown } | undefined {
  if (--budget.values < 0 || depth > TOOL_INPUT_LIMITS.depth) return undefined;
  if (typeof value === 'string') {
    budget.characters -= value.length;
    return budget.characters < 0 ? undefined : { value: redactSecrets(value) };
  }
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const redacted = redactValue(item, depth + 1, budget);
      if (!redacted) return undefined;
      items.push(redacted.value);
    }
    return { value: items };
  }
  if (value !== null && typeof value === 'object') {
    const entries: [string, unknown][] = [];
    for (const [key, item] of Object.entries(value)) {
      budget.characters -= key.length;
      const redacted = budget.characters < 0 ? undefined : redactValue(item, depth + 1, budget);
      if (!redacted) return undefined;
      entries.push([redactSecrets(key), redacted.value]);
    }
    // fromEntries defines own properties: a `__proto__` key stays a key and sets no prototype.
    return { value: Object.fromEntries(entries) };
  }
  return { value };
}

/**
 * The model's input as a request: `{ action?, report }`, redacted before anything else looks at
 * it, the report validated by the schema every other entry point uses. Every bad field is named
 * by its path from the input's root (`report.card.bin`, `action`); no message repeats a value.
 */
export function readToolInput(input: unknown): ToolInput {
  const redacted = redactValue(input, 0, { values: TOOL_INPUT_LIMITS.values, characters: TOOL_INPUT_LIMITS.characters });
  if (!redacted) return { ok: false, errors: [{ path: '(input)', message: TOO_LARGE }] };
  const envelope = redacted.value;
  if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope)) {
    return { ok: false, errors: [{ path: '(input)', message: 'expected an object' }] };
  }
  const fields = envelope as Record<string, unknown>;
  const errors: FieldError[] = Object.keys(fields)
    .filter((key) => !ENVELOPE_KEYS.includes(key))
    .map((key) => ({ path: key, message: 'unknown field' }));
  const action = fields.action ?? 'diagnose';
  if (!TOOL_ACTIONS.includes(action as ToolAction)) errors.push({ path: 'action', message: `expected one of ${TOOL_ACTIONS.join(', ')}` });
  const parsed = parseReport(fields.report);
  if (!parsed.ok) {
    errors.push(...parsed.errors.map((error) => ({ ...error, path: error.path === '(report)' ? 'report' : `report.${error.path}` })));
  }
  if (errors.length > 0 || !parsed.ok) return { ok: false, errors };
  return { ok: true, request: { action: action as ToolAction, report: parsed.report } };
}

/** What the tool reads and how it runs the commands; services.ts builds it. */
export interface DiagnoseToolServices {
  journal: Pick<JournalRepository, 'readFresh' | 'journalFile'>;
  settings: Pick<SettingsService, 'get'>;
  readingFolder: () => vscode.WorkspaceFolder | undefined;
  clock: () => Date;
  log: Pick<vscode.LogOutputChannel, 'info' | 'warn'>;
  /** Runs one of the extension's commands as the palette would (through the services' error handling). */
  runCommand: (name: CommandName, argument: unknown) => Thenable<unknown>;
}

/**
 * The language-model tool `card-doctor_diagnose`: the diagnosis of a report, with the journal's
 * history, as localized and redacted text for a model to relay; with the person's confirmation
 * (asked by VS Code from {@link prepareInvocation}), the attempt recorded or a letter written by
 * the extension's own commands.
 */
export class DiagnoseTool implements vscode.LanguageModelTool<unknown> {
  constructor(private readonly services: DiagnoseToolServices) {}

  prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<unknown>): vscode.PreparedToolInvocation {
    const input = readToolInput(options.input);
    // Nothing is written for a bad input or a diagnosis: no question to ask.
    if (!input.ok || input.request.action === 'diagnose') {
      return { invocationMessage: vscode.l10n.t('Diagnosing the failed card attempt') };
    }
    const { action, report } = input.request;
    return {
      invocationMessage: action === 'record' ? vscode.l10n.t('Recording the attempt in the failure journal') : vscode.l10n.t('Writing the letter'),
      confirmationMessages:
        action === 'record'
          ? { title: vscode.l10n.t('Record this attempt in the failure journal?'), message: this.recordConfirmation(report) }
          : {
              title: action === 'appeal' ? vscode.l10n.t('Write the appeal to support?') : vscode.l10n.t('Write the bank inquiry?'),
              message: this.letterConfirmation(LETTER_KIND[action], report),
            },
    };
  }

  async invoke(options: vscode.LanguageModelToolInvocationOptions<unknown>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const input = readToolInput(options.input);
    if (!input.ok) return this.result(this.refusal(input.errors));
    const { action, report } = input.request;
    this.services.log.info(`language-model tool: ${action}`);
    if (action === 'diagnose') return this.result(await this.diagnosis(report));
    if (token.isCancellationRequested) return this.result(vscode.l10n.t('Cancelled: nothing was written.'));
    const written = await this.services.runCommand(WRITING_COMMANDS[action], report);
    return this.result(written instanceof vscode.Uri ? writtenText(action, written) : vscode.l10n.t('Nothing was written: the person cancelled, or Card Doctor refused and its notification says why.'));
  }

  /** The diagnosis as Markdown in the UI language, each cause's id beside its title. */
  private async diagnosis(report: Report): Promise<string> {
    const now = this.services.clock();
    const lang = uiLang();
    // Read now, past the cache the commands share: a tool call is rare, and an assistant often
    // records an attempt and diagnoses the next moment, before the file watcher has told the cache
    // (in a web worker host that can take seconds).
    const folder = this.services.readingFolder();
    const history = folder ? await this.services.journal.readFresh(folder) : [];
    const diagnosis = diagnose(report, history, now);
    const view = viewDiagnosis(diagnosis, lang, now);
    const findings = view.findings.map((finding, index) => ({ ...finding, title: `${finding.title}${withId(diagnosis.findings[index]?.cause, lang)}` }));
    const lead = vscode.l10n.t(
      'Card Doctor diagnosed the failed attempt. The causes below are likely, not certain: tell the person so, with the evidence for each. Cause ids are in code spans. Never ask the person for the full card number, the security code (CVC) or a one-time code.',
    );
    return `${lead}\n\n${diagnosisToMarkdown({ ...view, findings })}`;
  }

  /** Every bad field, by its path, in the UI language, and what the model should do about it. */
  private refusal(errors: readonly FieldError[]): string {
    const lang = uiLang();
    const details = errors.map((error) => `${error.path}: ${fieldMessage(error.message, lang)}`).join('; ');
    return `${vscode.l10n.t('The report is not valid, so nothing was done. {0}', details)}\n\n${vscode.l10n.t(
      'Correct or leave out these fields and call the tool again. Every field is optional; never ask for the full card number, the CVC or a one-time code.',
    )}`;
  }

  /** What recording writes, where: the entry itself, as the journal will hold it. */
  private recordConfirmation(report: Report): vscode.MarkdownString {
    const message = new vscode.MarkdownString();
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder = folders[0];
    if (!folder) return message.appendText(vscode.l10n.t('No folder is open, so nothing can be recorded yet: Card Doctor will offer to open one.'));
    if (folders.length > 1) {
      message.appendText(vscode.l10n.t('Card Doctor will ask which folder, then append this entry to that folder\'s failure journal (the setting cardDoctor.journalPath):'));
    } else {
      const journal = vscode.workspace.asRelativePath(this.services.journal.journalFile(folder).uri, false);
      message.appendText(vscode.l10n.t('Card Doctor will append this entry to {0} in the folder {1}:', journal, folder.name));
    }
    const now = this.services.clock();
    const dated: DatedReport = { ...report, occurredAt: report.occurredAt ?? localIsoTime(now) };
    message.appendMarkdown(`\n\n${fenced(safeText(formatJournalEntry(dated, letterLang(this.services.settings.get(folder)), now), this.services.log).trim())}\n\n`);
    if (!report.occurredAt) message.appendText(vscode.l10n.t('The report gives no time: the entry is dated when you continue.') + ' ');
    return message.appendText(vscode.l10n.t('Nothing is sent anywhere.'));
  }

  /** What a letter writes, where: the file's name in the output folder, and the person's copy beside it. */
  private letterConfirmation(kind: LetterKind, report: Report): vscode.MarkdownString {
    const message = new vscode.MarkdownString();
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder = folders[0];
    const what = kind === 'appeal' ? vscode.l10n.t('the appeal to support') : vscode.l10n.t('the bank inquiry');
    if (!folder) {
      return message.appendText(vscode.l10n.t('No folder is open: Card Doctor will offer to open one, or to open {0} as an untitled document, unsaved.', what));
    }
    const settings = this.services.settings.get(folder);
    const name = `${kind}-${(report.occurredAt ?? localIsoTime(this.services.clock())).slice(0, 10)}.md`;
    // The folder's segments as uriInFolder joins them (`card-failures/`, `./card-failures` alike).
    const file = [...settings.outputFolder.split('/').filter((segment) => segment && segment !== '.'), name].join('/');
    message.appendText(
      folders.length > 1
        ? vscode.l10n.t('Card Doctor will ask which folder, then write {0} as a new file {1} in it ({2} if that name is taken) and open it.', what, file, '-2, -3…')
        : vscode.l10n.t('Card Doctor will write {0} as a new file {1} in the folder {2} ({3} if that name is taken) and open it.', what, file, folder.name, '-2, -3…'),
    );
    // The letter's language and the person's copy, decided as the command decides them.
    const copyLang = ownCopyLangFor(settings, letterLangFor(settings, kind, report));
    if (copyLang) {
      message.appendText(' ' + vscode.l10n.t('Your own copy in your language goes beside it as {0}.', ownCopyFileName(name, copyLang)));
    }
    if (!vscode.workspace.isTrusted && settings.templatesFolder) {
      message.appendText(' ' + vscode.l10n.t('This workspace is in Restricted Mode, so the built-in template is used, not yours.'));
    }
    return message.appendText(' ' + vscode.l10n.t('Nothing is sent: you check the letter and send it yourself.'));
  }

  private result(text: string): vscode.LanguageModelToolResult {
    return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(safeText(text, this.services.log))]);
  }
}

/** The schema's message in the UI language; the size refusal is the tool's own. */
function fieldMessage(message: string, lang: Lang): string {
  if (message === TOO_LARGE) {
    return vscode.l10n.t(
      'the input is larger than a report can be (at most {0} values, {1} characters of text, {2} levels deep), so none of it was read',
      TOOL_INPUT_LIMITS.values,
      TOOL_INPUT_LIMITS.characters,
      TOOL_INPUT_LIMITS.depth,
    );
  }
  return localizeFieldMessage(message, lang);
}

/** The cause's id after its title: in parentheses in English; in Chinese after a space, as Latin text beside Chinese is written (no full-width parenthesis right before the heading's dash). */
function withId(cause: string | undefined, lang: Lang): string {
  return cause ? `${pick(' (', ' ', lang)}\`${cause}\`${pick(')', '', lang)}` : '';
}

/** What the model reads after a command wrote: the same sentence the person's notification says. */
function writtenText(action: Exclude<ToolAction, 'diagnose'>, uri: vscode.Uri): string {
  const name = vscode.workspace.asRelativePath(uri);
  switch (action) {
    case 'record':
      return vscode.l10n.t('Recorded the attempt in {0}.', name);
    case 'appeal':
      return vscode.l10n.t('Wrote the appeal to {0}. Check it, then send it yourself from the Help Center (Billing & Payments).', name);
    case 'bankInquiry':
      return vscode.l10n.t('Wrote the bank inquiry to {0}. Check it, then send it to your bank yourself.', name);
  }
}

/**
 * The last guard before text leaves for a model: the input was redacted and the report cleaned,
 * so this should never find anything; if it does, the text goes out masked and the log says so.
 */
function safeText(text: string, log: Pick<vscode.LogOutputChannel, 'warn'>): string {
  if (!containsSecret(text)) return text;
  log.warn('language-model tool: its output held what looks like a card number, CVC or one-time code; masked before returning it');
  return redactSecrets(text);
}

/** `text` in a Markdown code fence longer than any run of backticks inside it, so nothing in it can close the fence. */
function fenced(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}markdown\n${text}\n${fence}`;
}
