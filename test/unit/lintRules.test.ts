/**
 * `npm run lint` must fail on what it is there to catch. The fixtures in test/fixtures/lint/src
 * are linted with the repository's own eslint.config.mjs from test/fixtures/lint as the working
 * directory, so the config sees them as src/host/..., src/core/... and applies the layering of
 * that layer; their small tsconfig.json gives the type-aware rules their types in a few seconds.
 * (The main run ignores test/fixtures/lint: these files break the rules on purpose.)
 */
import assert from 'node:assert/strict';
import { relative, resolve } from 'node:path';
import { ESLint } from 'eslint';

const REPO = resolve(__dirname, '../..');
const FIXTURES = resolve(REPO, 'test/fixtures/lint');

describe('lint rules (eslint.config.mjs)', function () {
  // Loading the fixture program with the vscode and node typings takes ~3 s on an idle machine.
  this.timeout(60_000);

  let findings: Map<string, string[]>;

  before(async () => {
    const eslint = new ESLint({ cwd: FIXTURES, overrideConfigFile: resolve(REPO, 'eslint.config.mjs') });
    const results = await eslint.lintFiles(['src']);
    findings = new Map(
      results.map((result) => [
        relative(FIXTURES, result.filePath).split('\\').join('/'),
        result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? message.message}`),
      ]),
    );
  });

  it('lints every fixture', () => {
    assert.deepEqual([...findings.keys()].sort(), [
      'src/cli/importsVscode.ts',
      'src/core/clean.ts',
      'src/core/importsHost.ts',
      'src/core/importsNodeFs.ts',
      'src/core/importsVscode.ts',
      'src/host/clean.ts',
      'src/host/floatingPromise.ts',
      'src/host/misusedPromise.ts',
      'src/host/sidebar/importsWebview.ts',
      'src/webview/importsNodePath.ts',
    ]);
  });

  it('reports a dropped Thenable in host code', () => {
    assert.deepEqual(findings.get('src/host/floatingPromise.ts'), ['5:3 @typescript-eslint/no-floating-promises']);
  });

  it('reports an async callback where a void one is expected', () => {
    assert.deepEqual(findings.get('src/host/misusedPromise.ts'), ['5:14 @typescript-eslint/no-misused-promises']);
  });

  it('passes host code whose promises are awaited or handled', () => {
    assert.deepEqual(findings.get('src/host/clean.ts'), []);
  });

  it('reports vscode imported in src/core and in src/cli', () => {
    assert.deepEqual(findings.get('src/core/importsVscode.ts'), ['2:1 no-restricted-imports']);
    assert.deepEqual(findings.get('src/cli/importsVscode.ts'), ['2:1 no-restricted-imports']);
  });

  it('reports a Node built-in imported in src/core and in src/webview', () => {
    assert.deepEqual(findings.get('src/core/importsNodeFs.ts'), ['2:1 no-restricted-imports']);
    assert.deepEqual(findings.get('src/webview/importsNodePath.ts'), ['2:1 no-restricted-imports']);
  });

  it('reports src/core importing src/host, statically and through an import type', () => {
    assert.deepEqual(findings.get('src/core/importsHost.ts'), ['2:1 no-restricted-imports', '4:33 layering/dynamic-imports']);
  });

  it('reports src/host importing src/webview from a subfolder', () => {
    assert.deepEqual(findings.get('src/host/sidebar/importsWebview.ts'), ['2:1 no-restricted-imports']);
  });

  it('passes core code importing itself and an allowed package', () => {
    assert.deepEqual(findings.get('src/core/clean.ts'), []);
  });
});
