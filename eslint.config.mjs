// `npm run lint`, the first suite of `npm test`. Three concerns:
// - every regular expression literal in src/ and test/ is linear (issue 9). Patterns built at run
//   time with `new RegExp(string)` are invisible here; test/unit/regexSafety.test.ts checks those
//   while the modules load;
// - no promise is dropped: a rejection nobody awaits or handles disappears (issue 12), so the
//   type-aware no-floating-promises and no-misused-promises run over every TypeScript file;
// - the dependency direction of STYLE.md (issue 12; this replaced test/unit/layering.test.ts).
// test/unit/lintRules.test.ts shows each of these failing on a small fixture.
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

/** Which layers each layer of src/ may import from: core is pure, nothing imports host. */
const ALLOWED_LAYERS = {
  core: ['core'],
  protocol: ['protocol', 'core'],
  webview: ['webview', 'protocol', 'core'],
  // Node file I/O that must be safe against other writers, shared by the CLI and the host.
  node: ['node', 'core'],
  cli: ['cli', 'node', 'core'],
  host: ['host', 'protocol', 'core', 'node'],
};
const LAYERS = Object.keys(ALLOWED_LAYERS);

/** The layers whose code runs in no particular host (core, protocol) or in a browser (webview). */
const PURE_LAYERS = ['core', 'protocol', 'webview'];
/** Packages the pure layers may use: data libraries with no I/O (a subpath such as zod/v4 too). */
const PURE_PACKAGES = ['zod', 'credit-card-type', 'postcode-validator', 'handlebars'];
/** Bundler-provided modules the pure layers may use. */
const PURE_VIRTUAL_MODULES = ['virtual:builtin-templates'];

/** Deepest folder nesting under a layer that gets its own relative-path rules (src/host/sidebar/x.ts is 2). */
const MAX_DEPTH = 4;

/**
 * The `no-restricted-imports` patterns for a file `depth` folders below src/<layer>/ (a file
 * directly in src/host/ has depth 1). A relative specifier leaves the layer after exactly `depth`
 * "../" segments; the next segment names the layer it lands in, and one more "../" leaves src/.
 * Every pattern is anchored and has one bounded repetition, so it stays linear.
 */
function layerPatterns(layer, depth) {
  const allowed = ALLOWED_LAYERS[layer];
  const forbidden = LAYERS.filter((other) => !allowed.includes(other));
  const up = '\\.\\./'.repeat(depth);
  const patterns = [
    {
      regex: `^(?:\\./)?${up}(?:${forbidden.join('|')})(?:/|$)`,
      message: `src/${layer} may import only from ${allowed.map((name) => `src/${name}`).join(', ')}.`,
    },
    { regex: `^(?:\\./)?${up}\\.\\.(?:/|$)`, message: `src/${layer} must not import from outside src/.` },
  ];
  if (layer !== 'host') {
    patterns.push({ regex: '^vscode(?:/|$)', message: 'Only src/host may import vscode.' });
  }
  if (PURE_LAYERS.includes(layer)) {
    const packages = PURE_PACKAGES.map((name) => `${name}(?:/|$)`).concat(PURE_VIRTUAL_MODULES.map((name) => `${name}$`));
    patterns.push({
      // Any bare specifier (not starting with ".") other than the pure packages: node:*, fs, path...
      // vscode has its own message above.
      regex: `^(?!\\.|vscode(?:/|$)|${packages.join('|')})`,
      message: `src/${layer} must stay pure: no Node built-in, no I/O package. Allowed: ${PURE_PACKAGES.concat(PURE_VIRTUAL_MODULES).join(', ')}.`,
    });
  }
  return patterns;
}

/**
 * `no-restricted-imports` sees import and export declarations and `import x = require('x')`.
 * This applies the same patterns to `import('x')`, `require('x')` and `typeof import('x')`, so
 * the layering cannot be dodged by a lazy load. Specifiers computed at run time are not literals and are not checked.
 */
const dynamicImportsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Applies the no-restricted-imports patterns to import(), require() and import types.' },
    schema: [{ type: 'object', properties: { patterns: { type: 'array' } }, additionalProperties: false }],
  },
  create(context) {
    const patterns = (context.options[0]?.patterns ?? []).map(({ regex, message }) => ({ matcher: new RegExp(regex), message }));
    const check = (node, source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const hit = patterns.find(({ matcher }) => matcher.test(source.value));
      if (hit) context.report({ node, message: `'${source.value}' is restricted from being used by a pattern. ${hit.message}` });
    };
    return {
      ImportExpression: (node) => check(node, node.source),
      'CallExpression[callee.type="Identifier"][callee.name="require"]': (node) => check(node, node.arguments[0]),
      TSImportType: (node) => check(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
    };
  },
};

/** One config block per layer and folder depth, each with the complete set of patterns for it. */
const layeringConfigs = LAYERS.flatMap((layer) =>
  Array.from({ length: MAX_DEPTH }, (_, index) => {
    const depth = index + 1;
    const patterns = layerPatterns(layer, depth);
    return {
      // The same file kinds as the block that registers the plugins below.
      files: [`src/${layer}/${'*/'.repeat(depth - 1)}*.{ts,js,cjs,mjs}`],
      rules: {
        'no-restricted-imports': ['error', { patterns }],
        'layering/dynamic-imports': ['error', { patterns }],
      },
    };
  }),
);

export default [
  {
    // test/fixtures/regex holds catastrophic patterns on purpose; regexSafety.test.ts lints them.
    ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'test-output/**', 'test/.scratch/**', 'test/fixtures/regex/**', 'test/fixtures/lint/**'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'src/**/*.{js,cjs,mjs}', 'test/**/*.{js,cjs,mjs}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { regexp, '@typescript-eslint': tseslint.plugin, layering: { rules: { 'dynamic-imports': dynamicImportsRule } } },
    // Other typescript-eslint rules are still off, so disable comments that name them (the tests
    // have a few for no-require-imports) suppress nothing; they are not reported as unused.
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
  {
    // Type-aware: each file is checked in the program of its nearest tsconfig.json (src/core and
    // src/webview have their own; the root one includes the rest of src/ and test/).
    files: ['src/**/*.ts', 'test/**/*.ts'],
    // Fixtures are linted on their own by tests (test/fixtures/regex by regexSafety.test.ts, which
    // needs no types and should not wait for the whole program to load).
    ignores: ['test/fixtures/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // VS Code's API returns Thenables (showErrorMessage, executeCommand...), not Promises: a
      // dropped one loses its rejection just the same.
      '@typescript-eslint/no-floating-promises': ['error', { checkThenables: true }],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  ...layeringConfigs,
];
