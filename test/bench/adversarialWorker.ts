/**
 * Times one function over the adversarial inputs, from `workerData.from` on, posting one result
 * per input. It runs on a worker thread so that the bench can stop a call that never ends (a
 * catastrophic pattern) by terminating the thread, and still go on to the next input.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { recognizeDeclineMessages } from '../../src/core/declineMessages';
import { ENTRY_MARKER, parseJournalBytes } from '../../src/core/journal';
import { redactSecrets } from '../../src/core/redact';
import { cleanFreeText, TEXT_LIMITS } from '../../src/core/report';
import { ADVERSARIAL_INPUTS, ADVERSARIAL_SIZE, JOURNAL_LINE_BYTES, journalWithLongLine, type AdversarialResult, type AdversarialTask } from './adversarialInputs';

/** The floor for a text: one pass reading every character, the least any scan must do. */
function charCodeScan(text: string): number {
  let sum = 0;
  for (let index = 0; index < text.length; index++) sum = (sum + text.charCodeAt(index)) | 0;
  return sum;
}

/**
 * Medians of `work`, `floor` and `half` (the work on the half-size input), in turns, up to 7
 * rounds or about a second.
 */
function medians(work: () => unknown, floor: () => unknown, half: () => unknown): Omit<AdversarialResult, 'index'> {
  const times: number[] = [];
  const floors: number[] = [];
  const halves: number[] = [];
  const timed = (list: number[], run: () => unknown) => {
    const start = performance.now();
    run();
    list.push(performance.now() - start);
  };
  const began = performance.now();
  for (let round = 0; round < 7 && (round < 3 || performance.now() - began < 1000); round++) {
    timed(times, work);
    timed(floors, floor);
    timed(halves, half);
  }
  const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  return { ms: median(times), scanMs: median(floors), halfMs: median(halves) };
}

function run(task: AdversarialTask, from: number): void {
  if (task === 'parseJournalBytes') {
    for (let index = from; index < JOURNAL_LINE_BYTES.length; index++) {
      const bytes = journalWithLongLine(ENTRY_MARKER, JOURNAL_LINE_BYTES[index]!);
      const half = journalWithLongLine(ENTRY_MARKER, JOURNAL_LINE_BYTES[index]! / 2);
      const result = medians(() => parseJournalBytes(bytes), () => bytes.indexOf(0), () => parseJournalBytes(half));
      parentPort!.postMessage({ index, ...result } satisfies AdversarialResult);
    }
    return;
  }
  const functions: Record<Exclude<AdversarialTask, 'parseJournalBytes'>, (text: string) => unknown> = {
    redactSecrets,
    recognizeDeclineMessages,
    // As parseReport cleans an error message: capped, controls stripped, secrets masked.
    cleanFreeText: (text) => cleanFreeText(text, TEXT_LIMITS.errorMessage, true),
  };
  const timed = functions[task];
  for (let index = from; index < ADVERSARIAL_INPUTS.length; index++) {
    const text = ADVERSARIAL_INPUTS[index]!.make(ADVERSARIAL_SIZE);
    const half = ADVERSARIAL_INPUTS[index]!.make(ADVERSARIAL_SIZE / 2);
    parentPort!.postMessage({ index, ...medians(() => timed(text), () => charCodeScan(text), () => timed(half)) } satisfies AdversarialResult);
  }
}

const data = workerData as { task: AdversarialTask; from: number };
run(data.task, data.from);
