/**
 * The host's language: Traditional Chinese for a zh-tw (and zh-hk, zh-mo, zh-hant) display
 * language, with core's table loaded from l10n/ the first time, and the form's strings, the
 * diagnosis and the form's page all in it.
 */
import assert from 'node:assert/strict';
import { toTraditional } from '../../../src/core/language';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTraditionalTable, loadTraditionalTable, onTraditionalTableProblem, uiLang, usableLang } from '../../../src/host/language';
import { staticInit } from '../../../src/host/sidebar/formStrings';
import { fake, resetFake } from '../../fakes/vscode/harness';

describe('host language', () => {
  beforeEach(() => resetFake());

  it('answers zh-tw for a Traditional display language, with core able to convert', () => {
    fake.env.language = 'zh-tw';
    assert.equal(uiLang(), 'zh-tw');
    assert.equal(toTraditional('发卡行'), '發卡行');
    fake.env.language = 'zh-hk';
    assert.equal(uiLang(), 'zh-tw');
    fake.env.language = 'zh-cn';
    assert.equal(uiLang(), 'zh-cn');
    fake.env.language = 'en';
    assert.equal(uiLang(), 'en');
  });

  it('keeps Traditional once the table is loaded from l10n/', () => {
    assert.equal(ensureTraditionalTable(), true);
    assert.equal(usableLang('zh-tw'), 'zh-tw');
  });

  it('says why the table could not be read, naming each file tried, a missing one too', () => {
    const folder = mkdtempSync(join(tmpdir(), 'card-doctor-table-'));
    writeFileSync(join(folder, 'broken.json'), '{"from": "发"');
    const problem = loadTraditionalTable([join(folder, 'missing.json'), join(folder, 'broken.json')]);
    assert.match(problem ?? '', /^Traditional Chinese is shown in Simplified Chinese: its table could not be read \(/);
    assert.ok(problem?.includes(`${join(folder, 'missing.json')}: not found; ${join(folder, 'broken.json')}: `), problem);
    assert.equal(toTraditional('发卡行'), '發卡行', 'a failed load leaves the installed table alone');
  });

  it('installs a table it can read and reports nothing', () => {
    assert.equal(loadTraditionalTable([join(__dirname, '..', '..', '..', 'l10n', 'zh-tw-table.json')]), undefined);
    const heard: string[] = [];
    onTraditionalTableProblem((problem) => heard.push(problem));
    assert.equal(ensureTraditionalTable(), true);
    assert.deepEqual(heard, []);
  });

  it('gives the form its words, choices and decline messages in Traditional', () => {
    fake.env.language = 'zh-tw';
    const init = staticInit(uiLang());
    assert.equal(init.lang, 'zh-tw');
    assert.equal(init.strings.formLabel, '綁卡失敗詳情');
    assert.equal(init.choices.brand.find((choice) => choice.value === 'unionpay')?.label, '銀聯');
    assert.equal(init.countries.find((country) => country.code === 'TW')?.name, '台灣');
    assert.equal(init.declineMessages.find((message) => message.id === 'card-declined')?.text, '您的卡片被拒絕了。');
  });
});
