/**
 * What `card-doctor mcp` does for an assistant: the three tools, each a function from the
 * arguments a client sent to a tool result. The server (mcpServer.ts) only registers them.
 *
 * A client is a program driven by a model, so nothing it sends is trusted: every string of the
 * arguments (keys too) is redacted before anything else looks at it, the report is validated by
 * the one report schema (parseReport), every path stays inside the folder the server was started
 * in, and every result is checked for a card number, CVC or one-time code again on its way out.
 * The tools never submit anything: they diagnose, list, and write a letter for the person to send.
 */
import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import { LANGS, type Lang } from '../core/catalogue';
import { diagnose } from '../core/diagnose';
import { diagnosisToMarkdown, viewDiagnosis } from '../core/diagnosisView';
import { NoFreeNameError } from '../core/freeName';
import { cardText, DEFAULT_JOURNAL_PATH, entryTitle, inlineText, journalReports, type ParsedJournal } from '../core/journal';
import { LETTER_KINDS, readerLang, type LetterKind } from '../core/letterKinds';
import { renderLetterIn } from '../core/letters';
import { letterAsPlainText } from '../core/plainText';
import { containsSecret, redactSecrets } from '../core/redact';
import { formatFieldErrors, parseReport, type FieldError, type Report } from '../core/report';
import { REPORT_JSON_SCHEMA } from '../core/reportJsonSchema';
import { writeNewFile } from '../node/newFile';
import { isInside, OutsideFolderError } from '../node/realPath';
import { InputError } from './cliError';
import { readJournalOption } from './journalInput';
import { useLanguage } from './language';
import { LETTER_FORMATS, parseNow } from './options';
import { chooseLetterTemplate } from './templateFiles';

/** How the server was started. */
export interface McpOptions {
  /** The folder the server runs in: every journal read and letter written must really be inside it. */
  folder: string;
  /** The language when a call names none: the server's `--lang`, else the terminal's locale. */
  lang: Lang;
  /** `--allow-write`: render_letter may write its letter to a new file in the folder. Off by default. */
  allowWrite: boolean;
}

/** A tool's result as the MCP SDK takes it (CallToolResult). */
export interface ToolResult {
  [key: string]: unknown;
  content: { type: 'text'; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** A path argument: long enough for any real path, short enough to refuse junk before touching the disk. */
const PATH_LIMIT = 1024;

/**
 * The report argument: any value reaches the tool, which validates it with parseReport so that a
 * bad field is named the way the CLI names it (`card.last4: expected 4 digits`), never echoing the
 * value. What clients are shown is core's REPORT_JSON_SCHEMA, generated from the zod schema in
 * core/report.ts (the one source) and shown by the language-model tool too, through zod's
 * override hook for a schema's JSON Schema.
 */
function reportArgument() {
  const argument = z.custom<unknown>((value) => value !== undefined, 'expected a report');
  argument._zod.toJSONSchema = () => REPORT_ARGUMENT_SCHEMA;
  return argument;
}

// The SDK writes the tool's schema in draft 7 as the file is; a nested `$schema` would be noise.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const { $schema, ...REPORT_ARGUMENT_SCHEMA } = REPORT_JSON_SCHEMA;

const langArgument = z.optional(z.enum(LANGS));
const pathArgument = z.optional(z.string().check(z.maxLength(PATH_LIMIT)));
const nowArgument = z.optional(z.string().check(z.maxLength(64)));

/** The tools' input shapes, as registered with the SDK (which turns them into JSON Schema). */
export const TOOL_INPUTS = {
  diagnose: {
    report: reportArgument(),
    lang: langArgument,
    journal: pathArgument,
    now: nowArgument,
  },
  list_journal: {
    journal: pathArgument,
    lang: langArgument,
  },
  render_letter: {
    kind: z.enum(LETTER_KINDS),
    report: reportArgument(),
    lang: langArgument,
    format: z.optional(z.enum(LETTER_FORMATS)),
    journal: pathArgument,
    now: nowArgument,
    selfDiagnosis: z.optional(z.boolean()),
    out: pathArgument,
  },
} as const;

interface DiagnoseArgs {
  report: unknown;
  lang?: Lang;
  journal?: string;
  now?: string;
}

interface ListJournalArgs {
  journal?: string;
  lang?: Lang;
}

interface RenderLetterArgs {
  kind: LetterKind;
  report: unknown;
  lang?: Lang;
  format?: (typeof LETTER_FORMATS)[number];
  journal?: string;
  now?: string;
  selfDiagnosis?: boolean;
  out?: string;
}

/** A call refused for its input: the problems, one a line, each naming its argument or field. */
class Refusal extends Error {
  constructor(
    readonly problems: readonly string[],
    readonly fieldErrors: readonly FieldError[] = [],
  ) {
    super(problems.join('\n'));
  }
}

/**
 * `value` with every string masked by the redactor, object keys included (an unknown field's
 * name is repeated in its error). Values from JSON, so no cycles; the SDK caps their count.
 */
export function redactDeep(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redactSecrets(key), redactDeep(item)]));
  }
  return value;
}

/** The last check of a result: any string still holding a secret is masked (nothing should). */
function checked(result: ToolResult): ToolResult {
  const mask = (value: unknown): unknown => {
    if (typeof value === 'string') return containsSecret(value) ? redactSecrets(value) : value;
    if (Array.isArray(value)) return value.map(mask);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [mask(key), mask(item)]));
    return value;
  };
  return mask(result) as ToolResult;
}

/**
 * Runs a tool: the arguments redacted first, the result checked last, and a refusal or a failure
 * turned into an error result (never a crashed server).
 */
async function runTool<T>(args: T, work: (args: T) => Promise<ToolResult>): Promise<ToolResult> {
  let result: ToolResult;
  try {
    result = await work(redactDeep(args) as T);
  } catch (error) {
    if (error instanceof Refusal) {
      result = {
        content: [{ type: 'text', text: error.problems.join('\n') }],
        structuredContent: { problems: [...error.problems], ...(error.fieldErrors.length > 0 ? { fieldErrors: [...error.fieldErrors] } : {}) },
        isError: true,
      };
    } else {
      result = { content: [{ type: 'text', text: `unexpected error: ${error instanceof Error ? error.message : String(error)}` }], isError: true };
    }
  }
  return checked(result);
}

/**
 * CLI helpers report their option (`--now: …`, `--journal: …`); here the same thing is an
 * argument of the tool, named without the dashes.
 */
function asArgumentProblems(error: unknown): never {
  if (error instanceof InputError) throw new Refusal(error.problems.map((problem) => problem.replace(/^--/, '')));
  throw error;
}

function validReport(input: unknown): Report {
  const parsed = parseReport(input);
  if (parsed.ok) return parsed.report;
  throw new Refusal(
    ['The report is invalid; nothing was done. Correct these fields:', ...formatFieldErrors(parsed.errors).split('\n')],
    parsed.errors,
  );
}

function moment(now: string | undefined): Date {
  try {
    return parseNow(now);
  } catch (error) {
    return asArgumentProblems(error);
  }
}

/** A path a client named, resolved against the folder; it must not leave it (checked again, symbolic links resolved, when used). */
function inFolder(options: McpOptions, path: string, argument: string): string {
  const absolute = resolve(options.folder, path);
  if (!isInside(options.folder, absolute)) throw new Refusal([`${argument}: ${path} is outside the server's folder (${options.folder})`]);
  return absolute;
}

/** The journal at `path` (default: card-failures/journal.md), read with the CLI's caps, refused when it leads out of the folder. */
async function readJournal(options: McpOptions, path: string | undefined, mustExist: boolean): Promise<{ path: string; journal: ParsedJournal }> {
  const absolute = inFolder(options, path ?? DEFAULT_JOURNAL_PATH, 'journal');
  try {
    return { path: absolute, journal: await readJournalOption(absolute, mustExist, options.folder) };
  } catch (error) {
    return asArgumentProblems(error);
  }
}

/** The journal's problems, as the CLI prints them on stderr. */
function journalWarnings(path: string, journal: ParsedJournal): string[] {
  return journal.problems.map((problem) => `warning: ${path}:${problem.line}: ${problem.message}`);
}

/** `diagnose`: the report against the known causes, localized and redacted, most likely first. */
export function diagnoseTool(options: McpOptions): (args: DiagnoseArgs) => Promise<ToolResult> {
  return (args) =>
    runTool(args, async (input) => {
      const report = validReport(input.report);
      const now = moment(input.now);
      const read = input.journal === undefined ? undefined : await readJournal(options, input.journal, false);
      const lang = input.lang ?? options.lang;
      useLanguage(lang);
      const diagnosis = diagnose(report, read ? journalReports(read.journal) : [], now);
      const view = viewDiagnosis(diagnosis, lang, now);
      const causes = diagnosis.findings.map((finding, index) => {
        const shown = view.findings[index]!;
        return {
          id: finding.cause,
          title: shown.title,
          likelihood: finding.likelihood,
          likelihoodText: shown.likelihoodText,
          summary: shown.summary,
          evidenceFor: shown.evidenceFor,
          evidenceAgainst: shown.evidenceAgainst,
          nextSteps: shown.actions,
        };
      });
      const idsLine = causes.length > 0 ? `Cause ids (most likely first): ${causes.map((cause) => `${cause.id} (${cause.likelihood})`).join(', ')}` : 'Cause ids: none';
      const warnings = read ? journalWarnings(read.path, read.journal) : [];
      return {
        content: [{ type: 'text', text: [diagnosisToMarkdown(view), idsLine, ...warnings].join('\n') }],
        structuredContent: {
          lang,
          occurredAt: diagnosis.occurredAt,
          declineCode: diagnosis.declineCode,
          causes,
          generalSteps: view.generalSteps,
          cooldown: diagnosis.cooldown ? { until: diagnosis.cooldown.until, text: view.cooldown } : null,
          history: view.historyLine,
          disclaimer: view.disclaimer,
          warnings,
        },
      };
    });
}

/** `list_journal`: the journal's attempts, oldest first, as `card-doctor journal list` reads them. */
export function listJournalTool(options: McpOptions): (args: ListJournalArgs) => Promise<ToolResult> {
  return (args) =>
    runTool(args, async (input) => {
      const { path, journal } = await readJournal(options, input.journal, false);
      const lang = input.lang ?? options.lang;
      useLanguage(lang);
      const entries = journal.entries.map((entry) => {
        const report = { ...entry.report, occurredAt: entry.occurredAt };
        return {
          line: entry.line,
          occurredAt: entry.occurredAt,
          title: entryTitle(report, lang),
          card: cardText(report, lang) ?? null,
          errorMessage: report.errorMessage ? inlineText(report.errorMessage) : null,
          report,
        };
      });
      const lines =
        entries.length === 0
          ? [l10n.t('No entries in {0}', path)]
          : entries.map((entry) => [entry.title, entry.card, entry.errorMessage && l10n.t('“{0}”', entry.errorMessage), l10n.t('(line {0})', entry.line)].filter(Boolean).join('  '));
      const warnings = journalWarnings(path, journal);
      return {
        content: [{ type: 'text', text: [...lines, ...warnings].join('\n') }],
        structuredContent: { journal: path, entries, warnings },
      };
    });
}

/**
 * `render_letter`: the appeal to support or the inquiry to the issuing bank, as
 * `card-doctor render` writes it, returned as text. Written to a file only with `out` on a server
 * started with `--allow-write`: a new file inside the folder, never over an existing one.
 */
export function renderLetterTool(options: McpOptions): (args: RenderLetterArgs) => Promise<ToolResult> {
  return (args) =>
    runTool(args, async (input) => {
      if (input.out !== undefined && !options.allowWrite) {
        throw new Refusal([
          'out: this server was started without --allow-write, so it writes no file; nothing was written. ' +
            'Call again without out to get the letter as text, or start the server with card-doctor mcp --allow-write.',
        ]);
      }
      const report = validReport(input.report);
      const now = moment(input.now);
      const format = input.format ?? 'markdown';
      const out = input.out === undefined ? undefined : inFolder(options, input.out, 'out');
      if (out !== undefined && (await stat(out).then((stats) => stats.isDirectory(), () => false))) {
        throw new Refusal([`out: ${input.out} is a folder; name the letter's file, such as ${input.out}/${input.kind}.md`]);
      }
      const history = input.journal === undefined ? [] : journalReports((await readJournal(options, input.journal, true)).journal);
      // Without a language the letter is in its reader's (as the CLI's render): the appeal
      // English, the bank inquiry the issuing country's.
      const letterLang = input.lang ?? readerLang(input.kind, report.card?.issuerCountry, options.lang);
      useLanguage(letterLang);
      const chosen = await chooseLetterTemplate(input.kind, letterLang, undefined);
      const markdown = renderLetterIn(chosen, input.kind, letterLang, report, history, now, { includeSelfDiagnosis: input.selfDiagnosis === true });
      const letter = format === 'text' ? letterAsPlainText(markdown, letterLang) : markdown;
      // Taking out the marks can join digits they kept apart, as the CLI's render checks too.
      if (letter !== markdown && containsSecret(letter)) {
        throw new Refusal(['format text: the plain text holds what looks like a card number, a security code (CVC) or a one-time code; nothing was returned']);
      }
      const written = out === undefined ? undefined : await writeLetter(options, out, letter);
      const content: ToolResult['content'] = [{ type: 'text', text: letter }];
      if (written !== undefined) content.push({ type: 'text', text: `wrote ${written}` });
      return {
        content,
        structuredContent: { kind: input.kind, lang: letterLang, format, letter, written: written ?? null },
      };
    });
}

/** Writes the letter as `card-doctor render --out` does (a new name when the file exists), but only inside the folder. */
async function writeLetter(options: McpOptions, path: string, letter: string): Promise<string> {
  try {
    return relative(options.folder, await writeNewFile(path, letter, { within: options.folder }));
  } catch (error) {
    if (error instanceof OutsideFolderError || error instanceof NoFreeNameError) throw new Refusal([`out: ${error.message}`]);
    const { code } = error as NodeJS.ErrnoException;
    if (code !== undefined) throw new Refusal([`out: cannot write ${relative(options.folder, path)} (${code})`]);
    throw error;
  }
}
