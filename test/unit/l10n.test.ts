/**
 * Everything a person sees is in English and Simplified Chinese: every `vscode.l10n.t` string in
 * src/host and src/webview has a Chinese translation with the same placeholders, every
 * `%key%` of package.json exists in both package.nls files, and the command ids match.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_IDS } from '../../src/host/commandIds';
import { l10nStrings, readJson, ROOT } from '../l10nFiles';

const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((match) => match[0]).sort();
const CJK = /[\u4e00-\u9fff]/;

describe('l10n', () => {
  const bundle: Record<string, string> = readJson('l10n/bundle.l10n.zh-cn.json');
  const { strings, dynamic } = l10nStrings();

  it('finds the strings the host shows', () => assert.ok(strings.size > 30));

  it('passes only literal strings to l10n.t', () => assert.deepEqual(dynamic, []));

  for (const text of strings) {
    it(`translates "${text.slice(0, 60)}"`, () => {
      const translation = bundle[text];
      assert.ok(translation, 'missing from l10n/bundle.l10n.zh-cn.json');
      assert.match(translation, CJK, 'the translation has no Chinese in it');
      assert.deepEqual(placeholders(translation), placeholders(text), 'placeholders differ');
    });
  }

  it('keeps no stale translations', () => {
    assert.deepEqual(Object.keys(bundle).filter((key) => !strings.has(key)), []);
  });

  it('names every package.json %key% in both package.nls files', () => {
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]!);
    const english = readJson('package.nls.json');
    const chinese = readJson('package.nls.zh-cn.json');
    assert.ok(keys.length > 10);
    for (const key of keys) {
      assert.ok(english[key], `package.nls.json lacks ${key}`);
      assert.ok(chinese[key] && CJK.test(chinese[key]), `package.nls.zh-cn.json lacks ${key}`);
    }
    assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
  });

  it('registers exactly the commands package.json contributes', () => {
    const manifest = readJson('package.json');
    const contributed = manifest.contributes.commands.map((command: { command: string }) => command.command).sort();
    assert.deepEqual(contributed, Object.values(COMMAND_IDS).sort());
  });
});
