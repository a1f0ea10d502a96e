import { resolve } from 'node:path';
import * as l10n from '@vscode/l10n';
import { BANK_CHANNELS, bankAnswerTitle, bankAnswerToWrite, DECLINED_BY, parseBankAnswer, SAW_AUTHORIZATION } from '../core/bankAnswer';
import type { Lang } from '../core/catalogue';
import {
  cardText,
  DEFAULT_JOURNAL_PATH,
  entryTitle,
  fieldsHoldingSecrets,
  findRecordedAttempt,
  inlineText,
  type JournalEntry,
} from '../core/journal';
import { localIsoTime } from '../core/localTime';
import { parseReport } from '../core/report';
import { InputError } from './cliError';
import { appendJournalEntry, appendJournalText } from '../node/journalFile';
import { readJournalOption, readJournalWithAnswers, withJournalErrors } from './journalInput';
import { parseChoice, parseCommandArgs, parseNow } from './options';
import { chooseLanguage } from './language';
import { readReport } from './readInput';

export const JOURNAL_HELP = `Usage:
  card-doctor journal add <report.json | -> [--journal FILE] [--now ISO] [--lang en|zh-cn|zh-tw] [--force]
  card-doctor journal list [--journal FILE] [--format json|text] [--lang en|zh-cn|zh-tw]
  card-doctor journal answer --channel phone|app-chat|branch|letter [--saw yes|no|unknown]
      [--declined-by bank|merchant|unknown] [--code CODE] [--reference REF] [--advice TEXT]
      [--note TEXT] [--at ISO] [--journal FILE] [--now ISO] [--lang en|zh-cn|zh-tw]

Keeps the failure journal: one Markdown file, one section per failed attempt, oldest first.
You may write your own notes anywhere in it; leave the <!-- card-doctor:entry … --> lines as they are.

add    validates the report and appends one entry (the file, its folder and a header are
       created when missing). The attempt's time is the report's occurredAt, else --now, else
       the clock. Nothing is written when the report is invalid, or when the journal already
       holds the same attempt: the same instant (in any offset), no card fact (last 4, first
       digits, brand) that differs, and the same error message (case, width and spacing aside).
       That is refused with exit code 3 and the time and line of the entry it repeats, unless
       --force.
list   prints the entries, oldest first, from a journal of at most 64 MB, then (text only)
       what the bank said. A damaged entry (one whose machine line is over 64 KB is damaged
       too) is reported on stderr with its line number and skipped; a copy of an entry is
       reported and counted once; a marker inside a fenced code block (\`\`\` or ~~~) is not an
       entry. The file is never changed.
answer records what the bank said after you phoned or chatted with it: how you reached it
       (--channel), whether it found the verification authorization (--saw), who declined
       (--declined-by: the bank, the merchant's side, or unknown; default unknown), the
       response code it gave (--code), its reference number for your inquiry (--reference),
       what it advises (--advice) and your own note (--note), at --at (default: --now, else the
       clock). Appended to the journal as a section of its own with a
       <!-- card-doctor:bank-answer … --> line; card-doctor pack lists it in timeline.md. A
       card number, CVC or one-time code in any field is refused (exit 2), with the field named.

The report (a file, or - for standard input) may be at most 1 MB.

Options:
  --journal FILE       the journal (default: ${DEFAULT_JOURNAL_PATH}, which must then really be
                       inside the current folder, not reached through a symbolic link out of it;
                       the journal file itself is never written through a symbolic link)
  --now ISO            the current time (default: the clock)
  --lang LANG          language of the entry and of the text: en, zh-cn or zh-tw (Traditional)
                       (default: from LANG)
  --force              add: record the attempt even when the journal already holds it
  --format json|text   list output: json is an array of the reports with occurredAt and line
                       (default: text)
  -h, --help           show this help

Exit codes: 0 success; 2 invalid input: every bad field listed, a report over 1 MB or not
valid JSON (only the line and column are shown), an impossible --now, a --journal that is a
folder, over 64 MB, a symbolic link, or cannot be used; 3 add refused: the journal already holds
the attempt (see add); 1 unexpected error.
`;

const FORMATS = ['text', 'json'] as const;

/** `card-doctor journal add|list …`. */
export async function runJournal(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action === 'add') return addEntry(rest);
  if (action === 'list') return listEntries(rest);
  if (action === 'answer') return addBankAnswer(rest);
  throw new InputError([action ? `journal: unknown action '${action}' (expected add, list or answer)` : 'journal: expected add, list or answer']);
}

async function addEntry(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, {
    journal: { type: 'string' },
    now: { type: 'string' },
    lang: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new InputError(['expected one report: a JSON file, or - for standard input']);
  const now = parseNow(values.now);
  const lang = chooseLanguage(values.lang, process.env);
  const path = resolve(values.journal ?? DEFAULT_JOURNAL_PATH);
  const validated = await readReport(positionals[0]!);
  const unsafe = fieldsHoldingSecrets(validated);
  if (unsafe.length > 0) {
    throw new InputError(unsafe.map((field) => `${field}: holds what looks like a card number, CVC or one-time code; remove it`));
  }

  const report = { ...validated, occurredAt: validated.occurredAt ?? isoWithOffset(values.now, now) };
  // The default journal is found, not typed: it must really be inside the current folder (a
  // cloned repository's card-failures/ could be a link to anywhere).
  const within = values.journal === undefined ? process.cwd() : undefined;
  if (!values.force) {
    // Read before appending: a second process could add the same attempt in between, which the
    // journal's reader then reports as a copy and counts once, so the race costs nothing.
    const journal = await readJournalOption(path, false, within);
    const same = journal.entries.find((entry) => findRecordedAttempt(report, [entry.report]) !== undefined);
    if (same) {
      const title = entryTitle({ ...same.report, occurredAt: same.occurredAt }, lang);
      throw new InputError(
        [
          l10n.t(
            'the journal already holds this attempt: the entry of {0} ({1}, line {2}); nothing was written. Add it again with --force.',
            title,
            path,
            same.line,
          ),
        ],
        3,
      );
    }
  }
  await withJournalErrors(path, () => appendJournalEntry(path, report, lang, now, { within }));
  const title = entryTitle(report, lang);
  process.stdout.write(`${l10n.t('Added the attempt of {0} to {1}', title, path)}\n`);
}

/** The flags of `journal answer`, by the answer's field they fill. */
const ANSWER_FLAGS = { code: 'responseCode', reference: 'reference', advice: 'advice', note: 'note' } as const;

async function addBankAnswer(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, {
    journal: { type: 'string' },
    now: { type: 'string' },
    lang: { type: 'string' },
    at: { type: 'string' },
    channel: { type: 'string' },
    saw: { type: 'string' },
    'declined-by': { type: 'string' },
    code: { type: 'string' },
    reference: { type: 'string' },
    advice: { type: 'string' },
    note: { type: 'string' },
  });
  const problems: string[] = [];
  if (positionals.length > 0) problems.push(`unexpected argument '${positionals[0]}': journal answer takes only options`);
  if (values.channel === undefined) problems.push(`--channel: expected how you reached the bank: ${BANK_CHANNELS.join(', ')}`);
  if (problems.length > 0) throw new InputError(problems);
  const now = parseNow(values.now);
  const lang = chooseLanguage(values.lang, process.env);
  const input: Record<string, unknown> = {
    answeredAt: values.at ?? isoWithOffset(values.now, now),
    channel: values.channel,
    sawAuthorization: parseChoice('--saw', values.saw, SAW_AUTHORIZATION, 'unknown'),
    declinedBy: parseChoice('--declined-by', values['declined-by'], DECLINED_BY, 'unknown'),
  };
  for (const [flag, field] of Object.entries(ANSWER_FLAGS)) {
    const value = values[flag as keyof typeof ANSWER_FLAGS];
    if (value !== undefined) input[field] = value;
  }
  const result = parseBankAnswer(input);
  if (!result.ok) throw new InputError(result.errors.map((error) => `${answerFlag(error.path)}: ${error.message}`));
  const path = resolve(values.journal ?? DEFAULT_JOURNAL_PATH);
  const within = values.journal === undefined ? process.cwd() : undefined;
  const text = bankAnswerToWrite(result.answer, lang);
  await withJournalErrors(path, () => appendJournalText(path, text, lang, { within }));
  process.stdout.write(`${l10n.t('Added “{0}” to {1}', bankAnswerTitle(result.answer, lang), path)}\n`);
}

/** The flag a field of the answer came from, so a refusal names what the person typed. */
function answerFlag(field: string): string {
  if (field === 'answeredAt') return '--at';
  if (field === 'channel') return '--channel';
  const flag = Object.entries(ANSWER_FLAGS).find(([, name]) => name === field)?.[0];
  return flag ? `--${flag}` : field;
}

async function listEntries(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, {
    journal: { type: 'string' },
    format: { type: 'string' },
    lang: { type: 'string' },
  });
  if (positionals.length > 0) throw new InputError(['journal list takes no arguments besides its options']);
  const lang = chooseLanguage(values.lang, process.env);
  const format = parseChoice('--format', values.format, FORMATS, 'text');
  const path = resolve(values.journal ?? DEFAULT_JOURNAL_PATH);
  const { journal, answers: readAnswers } = await readJournalWithAnswers(path, false, values.journal === undefined ? process.cwd() : undefined);

  for (const problem of journal.problems) process.stderr.write(`warning: ${path}:${problem.line}: ${problem.message}\n`);
  if (format === 'json') {
    const list = journal.entries.map((entry) => ({ occurredAt: entry.occurredAt, ...entry.report, line: entry.line }));
    process.stdout.write(JSON.stringify(list, null, 2) + '\n');
    return;
  }
  // What the bank said, after the attempts: its own machine lines, which the entry reader skips.
  const answers = readAnswers();
  for (const problem of answers.problems) process.stderr.write(`warning: ${path}:${problem.line}: ${problem.message}\n`);
  const lines = [
    ...journal.entries.map((entry) => entryLine(entry, lang)),
    ...answers.answers.map(({ answer, line }) => `${bankAnswerTitle(answer, lang)}  ${l10n.t('(line {0})', line)}`),
  ];
  if (journal.entries.length === 0) lines.unshift(l10n.t('No entries in {0}', path));
  process.stdout.write(lines.join('\n') + '\n');
}

/** One readable line: time and product, card, error, and where the entry is. */
function entryLine(entry: JournalEntry, lang: Lang): string {
  const report = { ...entry.report, occurredAt: entry.occurredAt };
  const error = report.errorMessage ? l10n.t('“{0}”', shorten(inlineText(report.errorMessage), 80)) : undefined;
  const where = l10n.t('(line {0})', entry.line);
  return [entryTitle(report, lang), cardText(report, lang), error, where].filter(Boolean).join('  ');
}

function shorten(text: string, limit: number): string {
  return text.length <= limit ? text : text.slice(0, limit - 1).trimEnd() + '…';
}

/**
 * The attempt's time when the report gives none: `--now` as typed when it carries an offset,
 * else the instant in this machine's offset, so the entry shows the person's local time.
 */
function isoWithOffset(typed: string | undefined, now: Date): string {
  return typed !== undefined && parseReport({ occurredAt: typed }).ok ? typed : localIsoTime(now);
}
