/**
 * The generated string files are what `npm run l10n` (l10n/build.mjs) writes now: nobody edits
 * them by hand, and nobody forgets to regenerate them after changing a Simplified string, the
 * reviewed Traditional phrases (l10n/zh-tw-overrides.json) or a `l10n.t` call.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../l10nFiles';

interface Build {
  generatedFiles(): Promise<Record<string, string>>;
}

const GENERATED = [
  'l10n/bundle.l10n.json',
  'l10n/bundle.l10n.zh-tw.json',
  'l10n/zh-tw-table.json',
  'media/walkthrough/diagnose.zh-tw.md',
  'media/walkthrough/journal.zh-tw.md',
  'media/walkthrough/letters.zh-tw.md',
  'media/walkthrough/read.zh-tw.md',
  'package.nls.zh-tw.json',
];

describe('l10n: generated files', function () {
  // The extractor parses every source with tree-sitter and the table is checked against opencc: ~10 s.
  this.timeout(180_000);
  let files: Record<string, string>;

  before(async () => {
    const build = (await import(pathToFileURL(join(ROOT, 'l10n/build.mjs')).href)) as Build;
    files = await build.generatedFiles();
  });

  it('generates the bundles, the table and the walkthrough pages', () => {
    assert.deepEqual(Object.keys(files).sort(), GENERATED);
  });

  for (const file of GENERATED) {
    it(`${file} is current (run npm run l10n)`, () => {
      assert.ok(files[file] === readFileSync(join(ROOT, file), 'utf8'), `${file} differs from what npm run l10n writes now`);
    });
  }
});
