// `npm run lint`. For now one concern only: every regular expression literal in src/ and test/
// must be linear (issue 9). Patterns built at run time with `new RegExp(string)` are invisible
// here; test/unit/regexSafety.test.ts checks those while the modules load.
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

export default [
  {
    // test/fixtures/regex holds catastrophic patterns on purpose; regexSafety.test.ts lints them.
    ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/regex/**'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'src/**/*.{js,cjs,mjs}', 'test/**/*.{js,cjs,mjs}'],
    languageOptions: { parser: tseslint.parser },
    // The typescript-eslint plugin is registered, with none of its rules on yet, so that the
    // `eslint-disable` comments already in the tests name a rule that exists.
    plugins: { regexp, '@typescript-eslint': tseslint.plugin },
    // Until those rules are on, the tests' existing disable comments for them suppress nothing.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      ...regexp.configs['flat/recommended'].rules,
      // 'potential' also reports what backtracks only for some inputs: the inputs here are
      // untrusted (a pasted decline message, a hand-edited journal), so any such path counts.
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      // A pattern without ^ or the sticky flag is tried at every index; a quantifier that can run
      // to the end of the input from each of them makes the whole search quadratic. ignorePartial
      // off: a literal whose source is spliced into a bigger pattern is checked as well.
      'regexp/no-super-linear-move': ['error', { report: 'potential', ignorePartial: false }],
    },
  },
];
