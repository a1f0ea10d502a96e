/**
 * The extension-host test entry: VS Code loads this file as `extensionTestsPath` and awaits
 * `run()`; a rejection makes it exit with code 1. The same file serves @vscode/test-electron on a
 * desktop VS Code and code-server in Chromium (test/vscode/runIntegration.mjs launches either).
 *
 * The launcher passes, as environment variables of the extension host:
 * - CARD_DOCTOR_TEST_GREP / CARD_DOCTOR_TEST_INVERT: which tests this run takes (tags such as
 *   `@restricted` in a title select the restricted-mode run);
 * - CARD_DOCTOR_TEST_RESULT_FILE: where the counts are written as JSON, because the exit code alone
 *   cannot tell "3 failed" from "the suite never loaded".
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

const { Spec } = Mocha.reporters;

class ResultReporter extends Spec {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats ?? { passes: 0, failures: 1, pending: 0 };
      const counts = { passes, failures, pending };
      // Also in the log, for a run whose launcher could not read the file.
      console.log(`card-doctor-test-result ${JSON.stringify(counts)}`);
      const resultFile = process.env.CARD_DOCTOR_TEST_RESULT_FILE;
      if (resultFile) writeFileSync(resultFile, JSON.stringify(counts) + '\n');
    });
  }
}

function compiledTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return compiledTests(path);
    return entry.name.endsWith('.test.js') ? [path] : [];
  }).sort();
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: ResultReporter, forbidOnly: true });
  const grep = process.env.CARD_DOCTOR_TEST_GREP;
  if (grep) {
    mocha.grep(new RegExp(grep));
    if (process.env.CARD_DOCTOR_TEST_INVERT === '1') mocha.invert();
  }
  for (const file of compiledTests(__dirname)) mocha.addFile(file);
  // The launcher shows the workbench's own log lines only from here on (or all of them if the
  // suite never gets here).
  console.log('card-doctor-tests-start');
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
    } catch (error) {
      reject(error);
    }
  });
}
