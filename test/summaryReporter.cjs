// Mocha's spec output, then the plain "N passed, N failed" line that CI reads.
'use strict';
const Mocha = require('mocha');
const { Spec } = Mocha.reporters;

class SummaryReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats ?? this.stats;
      const line = `${passes} passed, ${failures} failed` + (pending ? `, ${pending} skipped` : '');
      process.stdout.write(`\n${line}\n`);
      if (process.env.CARD_DOCTOR_SUMMARY_FILE) {
        require('node:fs').appendFileSync(process.env.CARD_DOCTOR_SUMMARY_FILE, JSON.stringify({ passes, failures, pending }) + '\n');
      }
    });
  }
}
module.exports = SummaryReporter;
