import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describesAttempt } from '../core/diagnose';
import { LETTER_KINDS, letterTemplateFile, readerLang, type LetterKind } from '../core/letterKinds';
import { buildLetterData, renderLetterIn, type LetterSender } from '../core/letters';
import { cleanFreeText, formatFieldErrors, parseReport, type Report } from '../core/report';
import { LetterSecretError, LetterTemplateError } from '../core/templateErrors';
import { NoFreeNameError } from '../core/freeName';
import { InputError } from './cliError';
import { readJournalOption } from './journalInput';
import { writeNewFile } from '../node/newFile';
import { LETTER_FORMATS, parseChoice, parseCommandArgs, parseNow } from './options';
import { chooseLanguage, useLanguage } from './language';
import { readJsonInput } from './readInput';
import { chooseLetterTemplate } from './templateFiles';
import { isEmailAddress } from '../core/emailAddress';
import { letterAsPlainText } from '../core/plainText';
import { containsSecret } from '../core/redact';

export const RENDER_HELP = `Usage: card-doctor render appeal|bank-inquiry <report.json | -> [options]

Writes a letter about a failed attempt, in Markdown (or, with --format text, as plain text):
  appeal        to the merchant's support (Billing & Payments)
  bank-inquiry  to the bank that issued the card

Options:
  --journal FILE     the failure journal (at most 64 MB): its attempts are the letter's timeline
                     and count (the bank inquiry's, those with the report's last 4). The report
                     is one of them only if the journal holds it: record it first with
                     card-doctor journal add. Without --journal, the report alone
  --lang LANG        language of the letter: en, zh-cn or zh-tw (Traditional) (default: the
                     reader's: the appeal in English, the bank inquiry in the issuing country's
                     language (zh-cn for mainland China; zh-tw for Taiwan, Hong Kong and Macau;
                     English elsewhere), or from LANG when the country is not known)
  --format FORMAT    markdown, or text: plain text to paste into a support chat or a bank's web
                     form (no #, ** or - [ ]; headings on a line of their own, checkboxes as ☐,
                     quotes in “ ”, in 「 」 in Traditional Chinese, links as "text (url)")
                     (default: markdown)
  --out FILE         write the letter to FILE; if FILE exists, to FILE-2, FILE-3… (never overwritten;
                     a folder is refused) (default: print it)
  --templates DIR    use your own templates from DIR (appeal.en.hbs, appeal.zh-cn.hbs,
                     appeal.zh-tw.hbs, and bank-inquiry.* the same); a missing one falls back to
                     the built-in (for zh-tw: the Simplified one, converted). A template may be at most 64 KB with 1,000 tags, nest blocks
                     at most 16 deep, and not use {{log}}, partials or decorators; its loops
                     may repeat 100,000 times in all
  --name NAME        your name as it goes under the letter
  --email EMAIL      the email address of your OpenAI account
  --amount AMOUNT    the amount and currency of the charge, such as "20 USD"
  --self-diagnosis   appeal: add your own checks, the possible causes the diagnosis found and
                     your network facts (VPN, switching networks), as the extension's setting
                     cardDoctor.appealSelfDiagnosis does. Off by default: support needs the timeline
                     and the exact errors, and guesses such as an unsupported region invite a
                     one-line reply. The bank inquiry never has them
  --now ISO          the moment the letter is written (default: the clock)
  -h, --help         show this help

The report (a file, or - for standard input) may be at most 1 MB.
Unknown values appear as visible placeholders, such as [your account email], to fill in.
No letter that holds what looks like a card number, a security code (CVC) or a one-time code is
ever printed or written.

Exit codes: 0 success; 2 invalid input, no file written: every bad field listed, a report over
1 MB or not valid JSON (only the line and column are shown), an impossible --now, a --journal
over 64 MB, a --journal or --out that is a folder, a template of yours that breaks a rule above or puts such a secret
in the letter; 1 unexpected error (a built-in template included).
`;

const NAME_LIMIT = 120;
const EMAIL_LIMIT = 254;
// Domain labels exclude the dot that separates them, so no two parts can match the same text.
const AMOUNT_FIRST = /^(\d{1,9}(?:[.,]\d{1,2})?)\s*([A-Z]{3})$/i;
const CURRENCY_FIRST = /^([A-Z]{3})\s*(\d{1,9}(?:[.,]\d{1,2})?)$/i;

/**
 * `card-doctor render`. Every problem with the input (the letter kind, each flag, each report
 * field, the journal file) is collected and reported together, and nothing is written unless the
 * letter rendered.
 */
export async function runRender(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, {
    journal: { type: 'string' },
    lang: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    templates: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    amount: { type: 'string' },
    'self-diagnosis': { type: 'boolean' },
    now: { type: 'string' },
  });
  const problems: string[] = [];
  const attempt = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };

  const [kindArg, reportPath, ...extra] = positionals;
  let kind: LetterKind | undefined;
  if (kindArg === undefined || !(LETTER_KINDS as readonly string[]).includes(kindArg)) {
    problems.push(`letter: expected ${LETTER_KINDS.join(' or ')}`);
  } else {
    kind = kindArg as LetterKind;
  }
  if (reportPath === undefined) problems.push('report: expected a JSON file, or - for standard input');
  if (extra.length > 0) problems.push(`unexpected argument: ${extra[0]}`);
  const lang = attempt(() => chooseLanguage(values.lang, process.env));
  const now = attempt(() => parseNow(values.now));
  const format = attempt(() => parseChoice('--format', values.format, LETTER_FORMATS, 'markdown'));
  const sender: LetterSender = {
    name: attempt(() => parseName(values.name)),
    email: attempt(() => parseEmail(values.email)),
    amount: attempt(() => parseAmount(values.amount)),
    includeSelfDiagnosis: values['self-diagnosis'] === true,
  };

  let report: Report | undefined;
  if (reportPath !== undefined) {
    const input = await readJsonInput(reportPath, 'report').catch((error: unknown) => {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
      return undefined;
    });
    if (input !== undefined) {
      const parsed = parseReport(input);
      if (parsed.ok) report = parsed.report;
      else problems.push(...formatFieldErrors(parsed.errors).split('\n'));
    }
  }
  const history = values.journal === undefined ? [] : await readHistory(values.journal, problems);
  if (values.out !== undefined) problems.push(...(await outProblems(values.out, kind)));
  // `lang` is the person's (this command's own messages); the letter is in its reader's.
  const letterLang = kind && lang && report && values.lang === undefined ? readerLang(kind, report.card?.issuerCountry, lang) : lang;
  if (letterLang === 'zh-tw' && lang !== 'zh-tw') {
    // Loads core's Traditional table for the letter, then puts the messages back in `lang`.
    useLanguage('zh-tw');
    useLanguage(lang!);
  }
  const chosen =
    kind && letterLang
      ? await chooseLetterTemplate(kind, letterLang, values.templates).catch((error: unknown) => {
          if (!(error instanceof InputError)) throw error;
          problems.push(...error.problems);
          return undefined;
        })
      : undefined;

  if (problems.length > 0 || !kind || !letterLang || !now || !format || !report || !chosen) throw new InputError(problems);

  const { fellBackToBuiltin } = chosen;
  if (fellBackToBuiltin) {
    process.stderr.write(`note: ${values.templates} has no ${letterTemplateFile(kind, letterLang)}; using the built-in template\n`);
  }
  const data = buildLetterData(kind, letterLang, report, history, now, sender);
  if (history.length > 0 && !data.attempts.some((attempt) => attempt.current) && describesAttempt(report)) {
    process.stderr.write(
      `note: the journal does not hold this attempt, so the letter lists and counts only the journal's ${data.attemptCount} ` +
        `attempt${data.attemptCount === 1 ? '' : 's'}; record it first with card-doctor journal add\n`,
    );
  }
  let markdown: string;
  try {
    markdown = renderLetterIn(chosen, kind, letterLang, report, history, now, sender);
  } catch (error) {
    // A person's own template with a mistake, or one that writes a secret into the letter, is bad
    // input; a built-in one failing is a bug (exit 1).
    const own = values.templates !== undefined && !fellBackToBuiltin;
    if (own && error instanceof LetterTemplateError) throw new InputError([`--templates: ${error.message}`]);
    if (own && error instanceof LetterSecretError) {
      throw new InputError([
        `--templates: ${error.file}: the letter it made holds what looks like a card number, a security code (CVC) ` +
          'or a one-time code; nothing was written. Take it out of the template.',
      ]);
    }
    throw error;
  }
  const letter = format === 'text' ? letterAsPlainText(markdown, letterLang) : markdown;
  // Checked again: taking out the marks of "41111111[](11111111)" joins what they kept apart.
  if (letter !== markdown && containsSecret(letter)) {
    throw new InputError([
      '--format text: the plain text holds what looks like a card number, a security code (CVC) or a one-time code; nothing was written',
    ]);
  }

  if (values.out === undefined) {
    process.stdout.write(letter);
    return;
  }
  const written = await writeOut(values.out, letter);
  process.stderr.write(written === values.out ? `wrote ${written}\n` : `wrote ${written} (${values.out} existed)\n`);
}

/** `--name`: cleaned as any free text (controls stripped, secrets masked); empty is a mistake. */
function parseName(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const name = cleanFreeText(value, NAME_LIMIT, false);
  if (name === '') throw new InputError(['--name: expected your name']);
  return name;
}

/** `--email`: a simple shape check; a value that redaction would change is refused, not masked. */
function parseEmail(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const email = cleanFreeText(value, EMAIL_LIMIT, false);
  if (email !== value.trim() || !isEmailAddress(email)) {
    throw new InputError(['--email: expected an email address, such as name@example.com']);
  }
  return email;
}

/** `--amount`: a number and a three-letter currency code in either order; written "20 USD". */
function parseAmount(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const amountFirst = AMOUNT_FIRST.exec(trimmed);
  const currencyFirst = CURRENCY_FIRST.exec(trimmed);
  if (amountFirst) return `${amountFirst[1]} ${amountFirst[2]!.toUpperCase()}`;
  if (currencyFirst) return `${currencyFirst[2]} ${currencyFirst[1]!.toUpperCase()}`;
  throw new InputError(['--amount: expected an amount and a currency code, such as "20 USD"']);
}

/**
 * The journal's attempts. A journal named on the command line must exist; an entry that cannot
 * be read is skipped with a note, as the journal is the person's own file and the rest of it is
 * still good.
 */
async function readHistory(path: string, problems: string[]): Promise<Report[]> {
  let journal;
  try {
    journal = await readJournalOption(path, true);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
    return [];
  }
  for (const problem of journal.problems) {
    process.stderr.write(`note: ${path}, line ${problem.line}: ${problem.message}\n`);
  }
  return journal.entries.map((entry) => ({ ...entry.report, occurredAt: entry.occurredAt }));
}

/**
 * `--out` names the letter's file. An existing folder would otherwise get a sibling (`DIR-2`)
 * that no one asked for, so it is refused, with a file name in it to use instead.
 */
async function outProblems(path: string, kind: LetterKind | undefined): Promise<string[]> {
  try {
    if ((await stat(path)).isDirectory()) {
      return [`--out: ${path} is a folder; name the letter's file, such as ${join(path, `${kind ?? 'appeal'}.md`)}`];
    }
  } catch {
    // Missing is the usual case; other failures are reported when the letter is written.
  }
  return [];
}

/** {@link writeNewFile}, its failures named as the `--out` option's. */
async function writeOut(path: string, text: string): Promise<string> {
  try {
    return await writeNewFile(path, text);
  } catch (error) {
    if (error instanceof NoFreeNameError) throw new InputError([`--out: ${error.message}`]);
    const { code, path: failed } = error as NodeJS.ErrnoException;
    if (code !== undefined) throw new InputError([`--out: cannot write ${failed ?? path} (${code})`]);
    throw error;
  }
}
