/**
 * `tsx test/bench/bench.ts adversarial`: how the functions that meet pasted or hand-edited text
 * fare on inputs made to trip backtracking patterns (issue 9). Figures, not pass/fail: each next
 * to a plain scan of the same text, so the ratio says whether the time grows with the pattern's
 * backtracking or only with the text.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ADVERSARIAL_INPUTS, ADVERSARIAL_SIZE, JOURNAL_LINE_BYTES, type AdversarialResult, type AdversarialTask } from './adversarialInputs';

/** A call still running after this long is stopped and printed as "> 10 s": the bench must end. */
const STOP_AFTER_MS = 10_000;
const TARGET_MS = 50;

/**
 * Runs `task` over inputs `0…count-1` in a worker, one result per input; an input whose call
 * outlives STOP_AFTER_MS gets `undefined`, and a new worker goes on from the next one.
 */
async function timeTask(task: AdversarialTask, count: number): Promise<(AdversarialResult | undefined)[]> {
  const results: (AdversarialResult | undefined)[] = [];
  const workerFile = join(__dirname, 'adversarialWorker.ts');
  // Workers do not inherit tsx's hooks; the worker registers them before loading the TypeScript.
  const bootstrap = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(workerFile)});`;
  while (results.length < count) {
    await new Promise<void>((done, fail) => {
      const worker = new Worker(bootstrap, { eval: true, workerData: { task, from: results.length } });
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate().then(outcome);
      };
      // The clock for an input starts when the previous one's result arrives, so it also covers
      // building the input (a few ms) and, for the first, starting the worker (well under a second).
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          results.push(undefined);
          settle(done);
        }, STOP_AFTER_MS);
      };
      arm();
      worker.on('message', (result: AdversarialResult) => {
        results.push(result);
        if (results.length >= count) settle(done);
        else arm();
      });
      worker.on('error', (error) => settle(() => fail(error)));
      worker.on('exit', (code) => settle(() => fail(new Error(`the ${task} worker stopped early (exit ${code})`))));
    });
  }
  return results;
}

/** How the time grew from the half-size input: about 2 is linear, about 4 quadratic. */
function growth(result: AdversarialResult): string {
  return `÷½ ${(result.ms / Math.max(result.halfMs, 0.001)).toFixed(1)}`;
}

function figure(result: AdversarialResult | undefined, targetMs: number): string {
  if (!result) return `> ${STOP_AFTER_MS / 1000} s (stopped)`;
  const mark = result.ms < targetMs ? '' : ' !';
  return `${result.ms.toFixed(1)} ms (${(result.ms / Math.max(result.scanMs, 0.001)).toFixed(0)}×, ${growth(result)})${mark}`;
}

/** Prints a table of the three text functions, then the journal reads. */
export async function benchAdversarial(): Promise<void> {
  const tasks: AdversarialTask[] = ['redactSecrets', 'recognizeDeclineMessages', 'cleanFreeText'];
  const columns: (AdversarialResult | undefined)[][] = [];
  for (const task of tasks) columns.push(await timeTask(task, ADVERSARIAL_INPUTS.length));
  console.log(
    `adversarial inputs, ${ADVERSARIAL_SIZE / 1024} KB each: median ms per call, and × a charCodeAt scan of the same text ` +
      `(target < ${TARGET_MS} ms; "!" marks a miss; cleanFreeText as parseReport cleans an error message); ` +
      `÷½: the time over the time for half the text, about 2 when linear, 4 when quadratic. ` +
      // On a shared machine the absolute figures scale with its load; the ratios much less.
      `Load average ${loadavg()[0]!.toFixed(1)}.`,
  );
  const width = Math.max(...ADVERSARIAL_INPUTS.map((input) => input.name.length)) + 2;
  const cell = 36;
  console.log('  ' + 'input'.padEnd(width) + tasks.map((task) => task.padEnd(cell)).join(''));
  for (const [index, input] of ADVERSARIAL_INPUTS.entries()) {
    console.log('  ' + input.name.padEnd(width) + columns.map((column) => figure(column[index], TARGET_MS).padEnd(cell)).join(''));
  }
  const scans = columns[0]!.filter((result) => result !== undefined).map((result) => result.scanMs);
  if (scans.length > 0) console.log(`  (the charCodeAt scan itself: ${Math.min(...scans).toFixed(2)}–${Math.max(...scans).toFixed(2)} ms)`);

  const journal = await timeTask('parseJournalBytes', JOURNAL_LINE_BYTES.length);
  const lines = JOURNAL_LINE_BYTES.map((bytes, index) => {
    const result = journal[index];
    const size = `${bytes / (1024 * 1024)} MB`;
    if (!result) return `${size} line: > ${STOP_AFTER_MS / 1000} s (stopped)`;
    return `${size} line: ${result.ms.toFixed(1)} ms (${(result.ms / Math.max(result.scanMs, 0.001)).toFixed(1)}× bytes.indexOf(0), ${result.scanMs.toFixed(2)} ms; ${growth(result)})`;
  });
  console.log(`parseJournalBytes, a journal with one hand-edited machine line (target: well under a second for 1 MB) — ${lines.join('; ')}`);
}
