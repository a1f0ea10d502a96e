// Mutation testing of the rules the diagnosis rests on: which causes a report yields and in what
// order (diagnose, catalogue), which decline wordings are recognised (declineMessages), and what
// gets masked (redact). `npm run test:mutation`; figures in README and /work/notes/mutation.md.
// Too slow for CI on a 2-core runner, so it runs on demand.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'mocha',
  mutate: ['src/core/diagnose.ts', 'src/core/catalogue.ts', 'src/core/declineMessages.ts', 'src/core/redact.ts'],
  mochaOptions: {
    // .mocharc.json supplies `require: tsx/cjs` and the timeout; only the spec list is narrowed
    // to the suites that exercise these four modules, so the dry run stays short and a failing
    // test elsewhere in the tree cannot block the run. Stryker installs its own mocha reporter.
    config: '.mocharc.json',
    // test/mutation/freshRecognizer.ts empties the recognizer's cache of recent texts before each
    // test: the modules stay loaded between mutants, so a result cached under one mutant would
    // otherwise decide the next mutant's fate.
    require: ['tsx/cjs', './test/mutation/freshRecognizer.ts'],
    spec: [
      'test/unit/diagnose*.test.ts',
      'test/unit/catalogue*.test.ts',
      // declineMessages.test.ts, …Prefilter, …Table and …mutants (the recognizer's rules that
      // mutation testing found unpinned).
      'test/unit/declineMessages*.test.ts',
      'test/unit/redact*.test.ts',
      'test/unit/cases.test.ts',
    ],
  },
  // Each mutant runs only the tests that reached it in the dry run.
  coverageAnalysis: 'perTest',
  // Static mutants (module-level tables: the recognizer's pattern table, the catalogue, the
  // redaction patterns) each need a fresh module load and the whole spec: over 1 800 of them would
  // take hours on two cores. They are skipped unless STRYKER_STATIC=1 (then count them too).
  ignoreStatic: process.env.STRYKER_STATIC !== '1',
  // The machine has two cores shared with other work.
  concurrency: 2,
  // A mutant that turns a scanning loop endless is a timeout (counted as killed); keep the wait
  // short, since each one also costs a test-runner restart.
  timeoutMS: 5000,
  ignorePatterns: ['dist', 'out', '.vscode-test', 'test-output', 'test/.scratch', '*.vsix', 'test/e2e', 'test/integration', 'test/bench'],
  tempDirName: 'test-output/stryker-tmp',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'test-output/mutation/mutation.json' },
  htmlReporter: { fileName: 'test-output/mutation/index.html' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 85, break: null },
};
