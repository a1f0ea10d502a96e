/**
 * Every output the extension and the CLI make from one report, in process, for the leak tests:
 * the CLI's `diagnose` (text, json, markdown), `journal add` (what it prints and the file) and
 * `journal list` (text, json), the validated report, the journal file `appendJournalEntry`
 * writes, the diagnosis and its views in both languages, both letters in both languages, the
 * host's remembered draft and its diagnosis message, and the webview's draft and saved state.
 *
 * The CLI's commands run in this process with standard output and error captured: `main.ts`
 * starts itself on import, so its commands are called directly, as `main` calls them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lang } from '../src/core/catalogue';
import { countryOptions } from '../src/core/countries';
import { diagnose } from '../src/core/diagnose';
import { viewDiagnosis } from '../src/core/diagnosisView';
import { LETTER_KINDS } from '../src/core/letterKinds';
import { formatFieldErrors, parseReport, type Report } from '../src/core/report';
import { LetterSecretError } from '../src/core/templateErrors';
import { diagnoseDraft, redactDraft } from '../src/host/sidebar/formDiagnosis';
import type { ReportDraft } from '../src/protocol/messages';
import { formToReportDraft, savedStateOf, type FormFields, type FormFieldId } from '../src/webview/formReport';
import { installBuiltinTemplatesModule } from './templateLoader';

installBuiltinTemplatesModule();
// Loaded after the stand-in for the build's virtual module is in place.
const { renderLetterText } = require('../src/core/letterRendering') as typeof import('../src/core/letterRendering');
const { runDiagnose } = require('../src/cli/diagnoseCommand') as typeof import('../src/cli/diagnoseCommand');
const { runJournal } = require('../src/cli/journalCommand') as typeof import('../src/cli/journalCommand');
const { InputError } = require('../src/cli/cliError') as typeof import('../src/cli/cliError');
const { appendJournalEntry } = require('../src/node/journalFile') as typeof import('../src/node/journalFile');

export const NOW_ISO = '2025-11-27T12:00:00+08:00';
export const NOW = new Date(NOW_ISO);
// Traditional Chinese is Simplified converted; its letters' own leak check is in test/unit/traditional.test.ts.
export const LANGS: readonly ('en' | 'zh-cn')[] = ['en', 'zh-cn'];

/** A report as a person writes it in `report.json` or types it in the form: every value a string. */
export interface RawReport {
  occurredAt?: string;
  product?: string;
  errorMessage?: string;
  card?: Record<string, string>;
  billing?: Record<string, string>;
  bank?: Record<string, string>;
  connection?: Record<string, string>;
  notes?: string;
}

/** The report's free-text fields, where pasted text goes. */
export const FREE_TEXT_FIELDS = ['errorMessage', 'notes', 'card.issuerName', 'billing.postalCode'] as const;
export type FreeTextField = (typeof FREE_TEXT_FIELDS)[number];

/** A plain report with `text` in each of `fields`: only the secret and these fields vary between inputs. */
export function reportWith(fields: readonly FreeTextField[], text: string): RawReport {
  const report: RawReport = {
    occurredAt: '2025-11-27T10:31:00+08:00',
    product: 'chatgpt-web',
    errorMessage: 'Your card was declined.',
    card: { brand: 'unionpay', kind: 'debit', issuerCountry: 'CN', last4: '0000' },
    billing: { country: 'US' },
  };
  for (const field of fields) {
    if (field === 'errorMessage' || field === 'notes') report[field] = text;
    else if (field === 'card.issuerName') report.card = { ...report.card, issuerName: text };
    else report.billing = { ...report.billing, postalCode: text };
  }
  return report;
}

/** Named outputs, in the order they were made. */
export type Outputs = [name: string, text: string][];

/** A scratch folder for one test file's journals and reports; `remove` deletes it. */
export function scratch(): { dir: () => string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'card-doctor-leaks-'));
  let count = 0;
  return {
    dir: () => mkdtempSync(join(root, `${count++}-`)),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * Runs a CLI command's function with standard output and error captured. An `InputError` (exit 2
 * or 3) is output too: what the person would read on stderr. Any other error fails the test: a
 * command that crashed made none of its output, and its message holding no digits would let every
 * leak check pass without looking at anything.
 */
export async function captured(run: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const stdout = process.stdout.write;
  const stderr = process.stderr.write;
  const colour = process.env.NO_COLOR;
  const sink = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = sink;
  process.stderr.write = sink;
  process.env.NO_COLOR = '1';
  try {
    await run();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    chunks.push(error.problems.join('\n'));
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
    if (colour === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = colour;
  }
  return chunks.join('');
}

function readIfThere(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/**
 * The message of a refusal a person would read: a guard that would not let a secret through. Any
 * other error is rethrown, failing the test: a crash makes no output to check.
 */
function refusalText(error: unknown, isRefusal: boolean): string {
  if (!isRefusal) throw error;
  return `error: ${(error as Error).message}`;
}

/** The journal's last guard: an entry that still holds a secret is not written. */
const JOURNAL_GUARD = 'the journal entry would hold a card number, CVC or one-time code; nothing was written';

/** The CLI's outputs for `input`: diagnose in three formats, journal add (stdout and file) and list. */
export async function cliOutputs(input: RawReport, dir: string, lang: Lang, journal?: string): Promise<Outputs> {
  const file = join(dir, 'report.json');
  writeFileSync(file, JSON.stringify(input));
  const outputs: Outputs = [];
  const history = journal ? ['--journal', journal] : [];
  for (const format of ['text', 'json', 'markdown']) {
    outputs.push([`cli diagnose --format ${format}`, await captured(() => runDiagnose([file, '--now', NOW_ISO, '--lang', lang, '--format', format, ...history]))]);
  }
  const path = journal ?? join(dir, 'journal.md');
  outputs.push(['cli journal add', await captured(() => runJournal(['add', file, '--journal', path, '--now', NOW_ISO, '--lang', lang]))]);
  outputs.push(['journal file (cli)', readIfThere(path)]);
  for (const format of ['text', 'json']) {
    outputs.push([`cli journal list --format ${format}`, await captured(() => runJournal(['list', '--journal', path, '--lang', lang, '--format', format]))]);
  }
  // The scratch folder's name is random: the same for every input, so an output and its twin compare.
  return outputs.map(([name, text]) => [name, text.split(dir).join('<dir>')]);
}

/**
 * What the core makes of `input` once validated: the report itself, the journal file, the
 * diagnosis and its views, both letters in both languages. When the schema rejects the input,
 * its field errors are the output.
 */
export async function coreOutputs(input: RawReport, dir: string, history: readonly Report[] = []): Promise<Outputs> {
  const parsed = parseReport(input);
  if (!parsed.ok) return [['report errors', formatFieldErrors(parsed.errors)]];
  const report = parsed.report;
  const outputs: Outputs = [['report', JSON.stringify(report)]];
  const journal = join(dir, 'direct.md');
  for (const lang of LANGS) {
    try {
      await appendJournalEntry(journal, { ...report, occurredAt: report.occurredAt ?? NOW_ISO }, lang, NOW);
    } catch (error) {
      outputs.push([`appendJournalEntry ${lang}`, refusalText(error, error instanceof Error && error.message === JOURNAL_GUARD)]);
    }
  }
  outputs.push(['journal file (appendJournalEntry)', readIfThere(journal)]);
  const diagnosis = diagnose(report, history, NOW);
  outputs.push(['diagnosis', JSON.stringify(diagnosis)]);
  for (const lang of LANGS) {
    outputs.push([`diagnosis view ${lang}`, JSON.stringify(viewDiagnosis(diagnosis, lang, NOW))]);
    for (const kind of LETTER_KINDS) {
      let letter: string;
      try {
        letter = renderLetterText(kind, lang, report, history, NOW, { name: 'Li Lei', email: 'li@example.com' });
      } catch (error) {
        letter = refusalText(error, error instanceof LetterSecretError);
      }
      outputs.push([`letter ${kind} ${lang}`, letter]);
    }
  }
  return outputs;
}

const COUNTRIES = countryOptions('en');

/** The form's fields as typed: every report value in its control, the time and offset apart. */
export function formFieldsOf(input: RawReport): FormFields {
  const fields: FormFields = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === 'string') fields[key as FormFieldId] = value;
    else if (value && typeof value === 'object') {
      for (const [inner, text] of Object.entries(value as Record<string, string>)) fields[`${key}.${inner}` as FormFieldId] = text;
    }
  }
  if (fields.occurredAt) {
    fields.occurredAtOffset = fields.occurredAt.slice(19);
    fields.occurredAt = fields.occurredAt.slice(0, 16);
  }
  return fields;
}

/**
 * The host's and the webview's outputs: the draft the host remembers for the next view and its
 * answer to the draft (from the draft as the webview might send it, unmasked: the host trusts no
 * webview), and the webview's draft and saved state for the same values typed into the form.
 */
export function sidebarOutputs(input: RawReport, lang: Lang, extraFields: FormFields = {}): Outputs {
  const draft = input as ReportDraft;
  const fields = { ...formFieldsOf(input), ...extraFields };
  const touched = Object.keys(fields);
  return [
    ['host remembered draft', JSON.stringify(redactDraft(draft))],
    ['host diagnosisDidUpdate', JSON.stringify(diagnoseDraft(draft, 1, [], lang, NOW))],
    ['webview draft', JSON.stringify(formToReportDraft(fields, COUNTRIES))],
    ['webview saved state', JSON.stringify(savedStateOf(fields, touched, touched.map((path) => [path, 'cardNumber'])))],
  ];
}
