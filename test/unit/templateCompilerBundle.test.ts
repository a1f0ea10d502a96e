/**
 * The template compiler as the extension and the CLI load it: bundled by esbuild with the build's
 * Handlebars plugin, which leaves out the `source-map` package and Handlebars' Node entry (its AST
 * printer and its `require.extensions` hooks). Bundled here, in memory, from the sources, so the
 * test never runs a stale dist/. A person's template must compile and render exactly as with the
 * package as published, and its mistakes must still be reported with their line.
 */
import assert from 'node:assert/strict';
import Module from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { buildLetterData, createLetterRuntime, letterTemplateFromSpec, renderLetter, type LetterData } from '../../src/core/letters';
import { compileLetterTemplate } from '../../src/core/templateCompiler';
import { LetterTemplateError } from '../../src/core/templateErrors';
import { validReport as report } from '../validReport';

const ROOT = resolve(__dirname, '..', '..');
const TEMPLATES_DIR = join(ROOT, 'templates');
// A variable, so that TypeScript does not look for the build script's types.
const PLUGINS_MODULE = join(ROOT, 'templates', 'builtinTemplatesPlugin.mjs');

type TemplateCompiler = typeof import('../../src/core/templateCompiler');

/** src/core/templateCompiler.ts bundled as esbuild.mjs bundles it, and its code. */
async function bundleCompiler(): Promise<{ code: string; compiler: TemplateCompiler }> {
  const { handlebarsCompilerOnlyPlugin } = (await import(PLUGINS_MODULE)) as { handlebarsCompilerOnlyPlugin: () => esbuild.Plugin };
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['src/core/templateCompiler.ts'],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: join(ROOT, 'dist', 'templateCompiler.test-bundle.js'),
    logLevel: 'silent',
    plugins: [handlebarsCompilerOnlyPlugin()],
  });
  const code = result.outputFiles[0]!.text;
  const bundled = new Module(join(ROOT, 'dist', 'templateCompiler.test-bundle.js'));
  (bundled as unknown as { _compile(code: string, file: string): void })._compile(code, bundled.id);
  return { code, compiler: bundled.exports as TemplateCompiler };
}

const NOW = new Date('2025-11-27T12:00:00+08:00');

function letterData(): LetterData {
  const current = report({
    occurredAt: '2025-11-27T10:31:00+08:00',
    product: 'chatgpt-web',
    errorMessage: 'Your card was declined.',
    card: { kind: 'debit', brand: 'unionpay', last4: '1234' },
  });
  return buildLetterData('appeal', 'en', current, [current], NOW, { name: 'Li Lei' });
}

describe('the bundled template compiler (without source-map)', function () {
  let bundle: { code: string; compiler: TemplateCompiler };
  const runtime = createLetterRuntime();

  before(async function () {
    bundle = await bundleCompiler();
  });

  it('carries neither the source-map package nor the require hooks of Handlebars’ Node entry', function () {
    // Names that only those carry: source-map's classes, lib/index.js's hook and printer.
    for (const name of ['SourceMapGenerator', 'SourceMapConsumer', 'require.extensions', 'PrintVisitor']) {
      assert.ok(!bundle.code.includes(name), `the bundle holds ${name}`);
    }
  });

  it('compiles and renders a person’s template, helpers and blocks included', function () {
    const source = [
      'To: support',
      '{{#if sender.name}}From {{sender.name}}{{/if}}',
      'Attempts: {{attemptCount}}, last {{dateTime lastAttemptAt}}',
      '{{#each attempts}}- {{@index}}{{/each}}',
      'Notes: {{valueOr notes "none"}}',
    ].join('\n');
    const spec = bundle.compiler.compileLetterTemplate(source, 'mine.hbs');
    const text = renderLetter(letterTemplateFromSpec(runtime, spec, 'mine.hbs'), letterData());
    assert.equal(text, ['To: support', 'From Li Lei', 'Attempts: 1, last 27 November 2025, 10:31 (UTC+08:00)', '- 0', 'Notes: none'].join('\n'));
  });

  it('renders every built-in letter exactly as the published package’s compiler does', function () {
    const files = readdirSync(TEMPLATES_DIR).filter((file) => file.endsWith('.hbs'));
    assert.ok(files.length >= 4, `only ${files.length} templates`);
    for (const file of files) {
      const source = readFileSync(join(TEMPLATES_DIR, file), 'utf8');
      const data = letterData();
      const viaBundle = renderLetter(letterTemplateFromSpec(runtime, bundle.compiler.compileLetterTemplate(source, file), file), data);
      const viaPackage = renderLetter(letterTemplateFromSpec(runtime, compileLetterTemplate(source, file), file), data);
      assert.equal(viaBundle, viaPackage, file);
      assert.ok(viaBundle.length > 500, `${file} rendered only ${viaBundle.length} characters`);
    }
  });

  it('still reports a mistake with its file and line', function () {
    assert.throws(
      () => bundle.compiler.compileLetterTemplate('line one\n{{#if notes}}\nunclosed', 'mine.hbs'),
      (error: unknown) => {
        assert.ok(error instanceof Error && error.name === 'LetterTemplateError', String(error));
        assert.equal((error as LetterTemplateError).file, 'mine.hbs');
        assert.equal((error as LetterTemplateError).line, 3);
        return true;
      },
    );
  });
});
