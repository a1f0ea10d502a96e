// `npm run test:update-baselines`: runs only the browser tests that compare pictures with
// baselines, telling the comparison (test/e2e/baseline.ts) to write the pictures it takes as the
// new baselines. Set here rather than on the command line so the script works in any shell.
process.env.UPDATE_BASELINES = '1';

module.exports = {
  require: ['tsx/cjs'],
  extension: ['ts'],
  spec: ['test/e2e/looks.test.ts'],
  reporter: 'spec',
  timeout: 300000,
  'forbid-only': true,
};
