import { open } from 'node:fs/promises';
import { formatFieldErrors, parseReport, type Report } from '../core/report';
import { InputError } from './cliError';

/**
 * The largest report read: 1 MB. A report is a few hundred bytes, and its free text is capped at
 * a few thousand characters; a larger input is a mistake (the wrong file) or an attack, and is
 * refused before it is read, let alone parsed.
 */
export const REPORT_SIZE_LIMIT = 1024 * 1024;

/** "1 MB": the limit as the messages and the help say it. */
export const REPORT_SIZE_TEXT = `${REPORT_SIZE_LIMIT / (1024 * 1024)} MB`;

/**
 * Reads a JSON document from a file, or from standard input when the path is `-`, refusing
 * anything over {@link REPORT_SIZE_LIMIT}: a file by its size before reading it, a pipe or
 * standard input as soon as more than the limit has arrived.
 */
export async function readJsonInput(path: string, label: string): Promise<unknown> {
  const where = path === '-' ? 'standard input' : path;
  let bytes: Buffer | undefined;
  try {
    bytes = path === '-' ? await readCapped(process.stdin, REPORT_SIZE_LIMIT) : await readFileCapped(path, REPORT_SIZE_LIMIT, label);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError([`${label}: cannot read ${where}${code ? ` (${code})` : ''}`]);
  }
  if (bytes === undefined) throw new InputError([`${label}: larger than ${REPORT_SIZE_TEXT} (${where})`]);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch {
    // Only where: the parser's message may quote the text around the mistake, and a report's
    // text may hold a card number.
    throw new InputError([`${label}: not valid JSON (${describeJsonErrorAt(text)})`]);
  }
}

/**
 * The bytes of `source` if they are at most `limit`; `undefined`, having stopped reading, as soon
 * as more arrive. Leaving the loop early ends the stream (for standard input: stops reading it).
 */
export async function readCapped(source: AsyncIterable<Uint8Array | string>, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += bytes.length;
    if (total > limit) return undefined;
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/**
 * A file's bytes if it holds at most `limit`; `undefined` otherwise. A regular file is judged by
 * its size before anything is read; a pipe or a device (`<(…)`, /dev/stdin) is read until it
 * passes the limit, never further.
 */
async function readFileCapped(path: string, limit: number, label: string): Promise<Buffer | undefined> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new InputError([`${label}: ${path} is a folder, not a file`]);
    if (stats.isFile() && stats.size > limit) {
      throw new InputError([`${label}: larger than ${REPORT_SIZE_TEXT} (${path} is ${stats.size.toLocaleString('en')} bytes)`]);
    }
    // One byte more than the limit tells a file that grew, or a pipe, from one that fits.
    const buffer = Buffer.alloc(limit + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled > limit ? undefined : buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/** Reads and validates a report; every bad field is reported as bad input (exit 2). */
export async function readReport(path: string): Promise<Report> {
  const parsed = parseReport(await readJsonInput(path, 'report'));
  if (!parsed.ok) throw new InputError(formatFieldErrors(parsed.errors).split('\n'));
  return parsed.report;
}

/**
 * "at line 3, column 14": where `text` stops being JSON, found by {@link jsonSyntaxErrorAt} rather
 * than read from the parser's message, whose wording varies between Node versions and may quote
 * the input. Lines end at LF, CRLF or CR; columns count UTF-16 units from 1, as editors do.
 */
export function describeJsonErrorAt(text: string): string {
  const at = jsonSyntaxErrorAt(text);
  if (at === undefined) return 'at an unknown place';
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < at; index++) {
    const char = text.charCodeAt(index);
    if (char === 0x0a || (char === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) {
      line++;
      lineStart = index + 1;
    }
  }
  const place = `at line ${line}, column ${at - lineStart + 1}`;
  return at >= text.length ? `it ends too soon, ${place}` : place;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:e[+-]?\d+)?/iy;
const LITERALS = ['true', 'false', 'null'] as const;
const ESCAPES = '"\\/bfnrtu';
const HEX = /^[0-9a-f]{4}$/i;

/**
 * The offset of the first character where `text` stops being JSON (RFC 8259), `text.length` if
 * it ends too soon, or `undefined` if it is JSON. One pass, no recursion: nesting is a stack of
 * brackets, so a million `[` cost a million entries, not a million calls.
 */
export function jsonSyntaxErrorAt(text: string): number | undefined {
  const open: string[] = [];
  type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close';
  let expect: Expect = 'value';
  let at = 0;
  for (;;) {
    while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at++;
    if (at >= text.length) return expect === 'comma-or-close' && open.length === 0 ? undefined : at;
    const char = text[at]!;
    if (expect === 'comma-or-close') {
      const top = open[open.length - 1];
      if (top === undefined) return at;
      if (char === ',') expect = top === '{' ? 'key' : 'value';
      else if ((char === '}' && top === '{') || (char === ']' && top === '[')) open.pop();
      else return at;
      at++;
      continue;
    }
    if (expect === 'colon') {
      if (char !== ':') return at;
      at++;
      expect = 'value';
      continue;
    }
    if ((expect === 'key-or-close' && char === '}') || (expect === 'value-or-close' && char === ']')) {
      open.pop();
      at++;
      expect = 'comma-or-close';
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (char !== '"') return at;
      const end = stringEnd(text, at);
      if (end < 0) return -end - 1;
      at = end;
      expect = 'colon';
      continue;
    }
    if (char === '{' || char === '[') {
      open.push(char);
      at++;
      expect = char === '{' ? 'key-or-close' : 'value-or-close';
      continue;
    }
    if (char === '"') {
      const end = stringEnd(text, at);
      if (end < 0) return -end - 1;
      at = end;
    } else {
      const literal = LITERALS.find((word) => text.startsWith(word, at));
      if (literal) {
        at += literal.length;
      } else {
        NUMBER.lastIndex = at;
        if (!NUMBER.test(text)) return at;
        at = NUMBER.lastIndex;
      }
    }
    expect = 'comma-or-close';
  }
}

/** The offset after the string that opens at `at`, or `-(offset + 1)` of the mistake in it. */
function stringEnd(text: string, at: number): number {
  for (let index = at + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x22) return index + 1;
    if (code < 0x20) return -index - 1;
    if (code === 0x5c) {
      const escape = text[index + 1];
      if (escape === undefined || !ESCAPES.includes(escape)) return -(index + 1) - 1;
      if (escape === 'u' && !HEX.test(text.slice(index + 2, index + 6))) return -(index + 2) - 1;
      index += escape === 'u' ? 5 : 1;
    }
  }
  return -text.length - 1;
}
