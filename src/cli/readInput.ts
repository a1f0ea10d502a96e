import { readFile } from 'node:fs/promises';
import { formatFieldErrors, parseReport, type Report } from '../core/report';
import { InputError } from './cliError';

/** Reads a JSON document from a file, or from standard input when the path is `-`. */
export async function readJsonInput(path: string, label: string): Promise<unknown> {
  let text: string;
  try {
    text = path === '-' ? await readStdin() : await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError([`${label}: cannot read ${path === '-' ? 'standard input' : path}${code ? ` (${code})` : ''}`]);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // The parser's message names a position but never quotes the content, which may hold a card number.
    const detail = error instanceof SyntaxError ? error.message.replace(/"[^"]*"/g, '…') : 'invalid JSON';
    throw new InputError([`${label}: not valid JSON (${detail})`]);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads and validates a report; every bad field is reported as bad input (exit 2). */
export async function readReport(path: string): Promise<Report> {
  const parsed = parseReport(await readJsonInput(path, 'report'));
  if (!parsed.ok) throw new InputError(formatFieldErrors(parsed.errors).split('\n'));
  return parsed.report;
}
