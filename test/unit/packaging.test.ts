/**
 * The .vsix holds every file the installed extension reads at run time. The browser and
 * extension-host suites run the repository itself (extensionDevelopmentPath), where every file
 * exists, so a file left out by .vscodeignore would first fail on a person's machine: the
 * Traditional Chinese table, say, whose absence silently turns a zh-tw UI Simplified.
 *
 * Matched with minimatch, the matcher vsce itself uses for .vscodeignore (a file is packaged when
 * any `!` line names it, whatever the order); running vsce here would take a minute.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minimatch } from 'minimatch';

const ROOT = join(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;

const allowed = readFileSync(join(ROOT, '.vscodeignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.startsWith('!'))
  .map((line) => line.slice(1));
const packaged = (file: string) => allowed.some((pattern) => minimatch(file, pattern, { dot: true }));

/** Every string value of the manifest, walked as VS Code's nls replacement walks it. */
function manifestStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(manifestStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(manifestStrings);
  return [];
}

describe('packaging', () => {
  const manifest = readJson('package.json');
  const nlsFiles = ['package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json'];

  it('packages every file the manifest names, in every language', () => {
    const contributes = manifestStrings(manifest.contributes);
    const localized = contributes.flatMap((value) => {
      const key = /^%([\w.-]+)%$/.exec(value)?.[1];
      return key === undefined ? [value] : nlsFiles.map((file) => String(readJson(file)[key]));
    });
    const files = [String(manifest.main).replace(/^\.\//, ''), String(manifest.icon), ...nlsFiles, ...localized.filter((value) => /^media\/[\w./-]+$/.test(value))];
    assert.ok(files.includes('media/walkthrough/diagnose.zh-tw.md'), 'the walkthrough pages are among the files checked');
    for (const file of files) {
      // dist/ is the build's output, absent from a clone before `npm run build`.
      if (!file.startsWith('dist/')) assert.ok(existsSync(join(ROOT, file)), `${file} is named but missing`);
      assert.ok(packaged(file), `${file} is not packaged (.vscodeignore)`);
    }
  });

  it('packages every media file the host names in its code', () => {
    // Uri.joinPath(extensionUri, 'media', 'form.css') and the like, read from src/host itself.
    const sources = ['src/host/diagnosisPanel.ts', 'src/host/sidebar/formHtml.ts'].map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n');
    const files = [...sources.matchAll(/'media', '([\w.-]{1,80})'/g)].map((match) => `media/${match[1]}`);
    assert.deepEqual([...new Set(files)].sort(), ['media/cardDoctor.svg', 'media/diagnosis.css', 'media/form.css']);
    // And what those stylesheets load (the form's codicons).
    const styled = files
      .filter((file) => file.endsWith('.css'))
      .flatMap((file) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/url\('([\w./-]{1,120})'\)/g)].map((match) => `media/${match[1]}`));
    assert.ok(styled.includes('media/codicons/save.svg'), "the form's icons are among the files checked");
    for (const file of [...files, ...styled]) {
      assert.ok(existsSync(join(ROOT, file)), `${file} is named but missing`);
      assert.ok(packaged(file), `${file} is not packaged (.vscodeignore)`);
    }
  });

  it('packages the translations and the Traditional Chinese table the host reads at run time', () => {
    for (const file of ['l10n/bundle.l10n.zh-cn.json', 'l10n/bundle.l10n.zh-tw.json', 'l10n/zh-tw-table.json']) {
      assert.ok(existsSync(join(ROOT, file)), file);
      assert.ok(packaged(file), `${file} is not packaged (.vscodeignore)`);
    }
  });

  it('packages the bundles the extension loads, not the CLI', () => {
    for (const file of ['dist/extension.js', 'dist/services.js', 'dist/letterRendering.js', 'dist/templateCompiler.js', 'dist/journalWorker.js', 'dist/chunk-ABC123.js', 'dist/webview/webview.js']) {
      assert.ok(packaged(file), `${file} is not packaged (.vscodeignore)`);
    }
    assert.equal(packaged('dist/cli.js'), false);
  });

  it('leaves sources and notes for developers out', () => {
    for (const file of ['media/icon.svg', 'l10n/zh-cn-glossary.md', 'l10n/zh-tw-overrides.json', 'l10n/build.mjs', 'src/host/extension.ts', 'dist/extension.js.map', 'CONTRIBUTING.md']) {
      assert.equal(packaged(file), false, `${file} would be packaged`);
    }
  });
});
