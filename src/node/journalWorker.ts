/**
 * The worker side of {@link parseJournalOffThread} (bundled on its own as dist/journalWorker.js):
 * parses the bytes it is given and posts the journal back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseJournalBytes } from '../core/journal';

parentPort?.postMessage(parseJournalBytes(workerData as Uint8Array));
