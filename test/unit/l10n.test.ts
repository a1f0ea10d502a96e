/**
 * Everything a person reads is in English, Simplified Chinese and Traditional Chinese: every
 * string the host, the webview and the CLI pass to `l10n.t` (as extracted by @vscode/l10n-dev
 * into l10n/bundle.l10n.json) has a Simplified and a Traditional translation with the same
 * placeholders, every `%key%` of package.json exists in all three package.nls files, and the
 * command ids match.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_IDS } from '../../src/host/commandIds';
import { l10nStrings, readJson, ROOT } from '../l10nFiles';

const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((match) => match[0]).sort();
const CJK = /[\u4e00-\u9fff]/;

describe('l10n', () => {
  const simplified: Record<string, string> = readJson('l10n/bundle.l10n.zh-cn.json');
  const traditional: Record<string, string> = readJson('l10n/bundle.l10n.zh-tw.json');
  const { strings, dynamic } = l10nStrings();

  it('finds the strings the host, the webview and the CLI show', () => {
    assert.ok(strings.size > 100, `only ${strings.size}`);
    // One from each: the host, the form's strings, the CLI.
    for (const text of ['There is no diagnosis in this workspace yet.', 'The failed attempt', 'No entries in {0}']) assert.ok(strings.has(text), text);
  });

  it('passes only literal strings to l10n.t', () => assert.deepEqual(dynamic, []));

  for (const text of strings) {
    it(`translates "${text.slice(0, 60)}"`, () => {
      for (const [file, bundle] of [['zh-cn', simplified], ['zh-tw', traditional]] as const) {
        const translation = bundle[text];
        assert.ok(translation, `missing from l10n/bundle.l10n.${file}.json`);
        // A string with no words (“{0}”: only quotes around a value) needs none in Chinese either.
        if (/[a-z]/i.test(text.replace(/\{\d+\}/g, ''))) assert.match(translation, CJK, `the ${file} translation has no Chinese in it`);
        assert.deepEqual(placeholders(translation), placeholders(text), `${file}: placeholders differ`);
      }
    });
  }

  it('keeps no stale translations', () => {
    assert.deepEqual(Object.keys(simplified).filter((key) => !strings.has(key)), []);
    assert.deepEqual(Object.keys(traditional).sort(), Object.keys(simplified).sort());
  });

  it('names every package.json %key% in all three package.nls files', () => {
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]!);
    const english = readJson('package.nls.json');
    assert.ok(keys.length > 10);
    for (const key of keys) assert.ok(english[key], `package.nls.json lacks ${key}`);
    for (const file of ['package.nls.zh-cn.json', 'package.nls.zh-tw.json']) {
      const chinese = readJson(file);
      for (const key of keys) {
        // A walkthrough step's page and the report files' schema are paths: the Chinese manifest
        // names the file of its own language, which holds Chinese.
        const lang = file.slice('package.nls.'.length, -'.json'.length);
        const isPage = /^media\/walkthrough\/[a-z-]+\.md$/.test(english[key]);
        const isSchema = /^\.\/schemas\/[a-z-]+\.schema\.json$/.test(english[key]);
        const page = isPage || isSchema ? chinese[key] : undefined;
        const text = page === undefined ? chinese[key] : readFileSync(join(ROOT, page), 'utf8');
        assert.ok(text && CJK.test(text), `${file} lacks ${key}`);
        if (isPage) assert.equal(page, english[key].replace(/\.md$/, `.${lang}.md`));
        if (isSchema) assert.equal(page, english[key].replace(/\.json$/, `.${lang}.json`));
      }
      assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort(), file);
    }
  });

  it('gives each language its own walkthrough pages: English without Chinese, Chinese without English sentences', () => {
    const english = readJson('package.nls.json');
    const pages = Object.keys(english).filter((key) => key.endsWith('.media'));
    assert.deepEqual(pages.sort(), ['walkthrough.diagnose.media', 'walkthrough.journal.media', 'walkthrough.letters.media', 'walkthrough.read.media']);
    for (const key of pages) {
      assert.equal(CJK.test(readFileSync(join(ROOT, english[key]), 'utf8')), false, english[key]);
      for (const file of ['package.nls.zh-cn.json', 'package.nls.zh-tw.json']) {
        const page = readFileSync(join(ROOT, readJson(file)[key]), 'utf8');
        // Latin is allowed for names and paths (Card Doctor, card-failures/, CVC), not for sentences.
        assert.equal(/(?<![A-Za-z])[A-Za-z]{1,30} [a-z]{1,30} [a-z]{1,30} [a-z]{1,30}/.test(page.replace(/`[^`\n]*`/g, '')), false, `${file} ${key}`);
      }
    }
  });

  it('offers every letter language the settings describe', () => {
    const setting = readJson('package.json').contributes.configuration.properties['cardDoctor.letterLanguage'];
    assert.deepEqual(setting.enum, ['auto', 'en', 'zh-cn', 'zh-tw']);
    assert.deepEqual(setting.enumDescriptions, setting.enum.map((value: string) => `%config.letterLanguage.${value}%`));
  });

  it('registers exactly the commands package.json contributes', () => {
    const manifest = readJson('package.json');
    const contributed = manifest.contributes.commands.map((command: { command: string }) => command.command).sort();
    assert.deepEqual(contributed, Object.values(COMMAND_IDS).sort());
  });
});
