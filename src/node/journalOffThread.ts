/**
 * Parsing a large journal on a worker thread. The extension host runs every extension on one
 * thread: a journal committed to a repository can hold hundreds of thousands of machine lines,
 * and parsing them (linear as it is) takes seconds, during which the palette, the commands and
 * other extensions would wait. Small journals, the usual case, are parsed in place: starting a
 * worker costs more than they do.
 */
import { Worker } from 'node:worker_threads';
import { parseJournalBytes, type ParsedJournal } from '../core/journal';

/**
 * Journals up to this size are parsed on the calling thread: 128 KB, about 180 entries, parsed
 * in well under 100 ms even when every line is built to be slow.
 */
export const IN_PLACE_PARSE_BYTES = 128 * 1024;

/** A worker that has not answered by then is stopped: nothing this size takes that long honestly. */
export const WORKER_TIMEOUT_MS = 60_000;

/**
 * `parseJournalBytes(bytes)`, on a worker thread started from `workerFile` (the bundle of
 * journalWorker.ts) when the journal is larger than {@link IN_PLACE_PARSE_BYTES}. Rejects if the
 * worker fails or does not answer within {@link WORKER_TIMEOUT_MS}.
 */
export function parseJournalOffThread(bytes: Uint8Array, workerFile: string, options: { inPlaceBytes?: number; timeoutMs?: number } = {}): Promise<ParsedJournal> {
  if (bytes.length <= (options.inPlaceBytes ?? IN_PLACE_PARSE_BYTES)) return Promise.resolve(parseJournalBytes(bytes));
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: bytes });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(new Error(`parsing the journal took longer than ${(options.timeoutMs ?? WORKER_TIMEOUT_MS) / 1000} s; stopped`))),
      options.timeoutMs ?? WORKER_TIMEOUT_MS,
    );
    worker.once('message', (journal: ParsedJournal) => settle(() => resolve(journal)));
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the journal worker exited (code ${code}) without an answer`))));
  });
}
