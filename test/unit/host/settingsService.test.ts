/**
 * SettingsService: the settings read once per folder and kept until a `cardDoctor.*` setting
 * changes (the form re-diagnoses on every keystroke), invalid values replaced by package.json's
 * default and warned about once with the setting's name, and package.json's defaults valid by
 * the rules settings.ts applies (they are the one place the defaults are written).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Notifier } from '../../../src/host/notifier';
import { LETTER_LANGUAGE_VALUES, letterLang, SETTING_KEYS, validateSetting, type SettingKey } from '../../../src/host/settings';
import { SettingsService } from '../../../src/host/settingsService';
import { fake, resetFake, tempWorkspace, type FakeLogOutputChannel } from '../../fakes/vscode/harness';

const DEFAULTS = {
  journalPath: 'card-failures/journal.md',
  outputFolder: 'card-failures',
  letterLanguage: 'auto',
  templatesFolder: '',
  accountEmail: '',
  name: '',
  appealSelfDiagnosis: false,
};

interface ManifestProperty {
  type: string;
  default: unknown;
  enum?: unknown[];
}

const manifestProperties = (
  JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, ManifestProperty> } } }
).contributes.configuration.properties;

function service(): SettingsService {
  const log = vscode.window.createOutputChannel('Card Doctor', { log: true });
  return new SettingsService(new Notifier(log));
}

describe('host SettingsService', () => {
  let settings: SettingsService;

  beforeEach(async () => {
    await resetFake();
    settings = service();
  });

  afterEach(() => settings.dispose());

  describe('package.json is the one place of the defaults', () => {
    it('declares exactly the settings the extension reads', () => {
      assert.deepEqual(Object.keys(manifestProperties).sort(), [
        'cardDoctor.accountEmail',
        'cardDoctor.appealSelfDiagnosis',
        'cardDoctor.journalPath',
        'cardDoctor.letterLanguage',
        'cardDoctor.name',
        'cardDoctor.outputFolder',
        'cardDoctor.templatesFolder',
      ]);
      assert.deepEqual(SETTING_KEYS.map((key) => `cardDoctor.${key}`).sort(), Object.keys(manifestProperties).sort());
    });

    it('gives each a default that the rules accept unchanged', () => {
      for (const key of SETTING_KEYS) {
        const property = manifestProperties[`cardDoctor.${key}`]!;
        assert.deepEqual(validateSetting(key, property.default), { ok: true, value: property.default }, key);
      }
    });

    it('offers the letter languages the rule accepts, and the rule refuses any other', () => {
      const offered = manifestProperties['cardDoctor.letterLanguage']!.enum;
      assert.deepEqual(offered, [...LETTER_LANGUAGE_VALUES]);
      for (const value of offered ?? []) assert.equal(validateSetting('letterLanguage', value).ok, true, String(value));
      assert.deepEqual(validateSetting('letterLanguage', 'fr'), { ok: false, message: 'must be auto, en, zh-cn or zh-tw' });
    });

    it('reads as those defaults when nothing is set', () => {
      assert.deepEqual(settings.get(undefined), DEFAULTS);
    });

    it('falls back to the manifest default for an invalid value', () => {
      fake.workspace.setSetting('cardDoctor.outputFolder', '/etc');
      fake.workspace.setSetting('cardDoctor.letterLanguage', 'fr');
      assert.deepEqual(settings.get(undefined), DEFAULTS);
    });
  });

  describe('the cache', () => {
    it('reads the configuration once, however often it is asked', () => {
      const first = settings.get(undefined);
      const reads = fake.workspace.configurationReads.length;
      assert.equal(reads, 1);
      for (let keystroke = 0; keystroke < 50; keystroke++) assert.equal(settings.get(undefined), first);
      assert.equal(fake.workspace.configurationReads.length, 1);
    });

    it('reads afresh after a cardDoctor setting changes, and says so', () => {
      let changes = 0;
      settings.onDidChange(() => changes++);
      assert.equal(settings.get(undefined).outputFolder, 'card-failures');
      fake.workspace.setSetting('cardDoctor.outputFolder', ' letters\\2025 ');
      assert.equal(changes, 1);
      assert.equal(settings.get(undefined).outputFolder, 'letters/2025');
      assert.equal(fake.workspace.configurationReads.length, 2);
    });

    it('keeps what it read when another extension’s setting changes', () => {
      settings.get(undefined);
      let changes = 0;
      settings.onDidChange(() => changes++);
      fake.workspace.setSetting('editor.fontSize', 20);
      settings.get(undefined);
      assert.equal(changes, 0);
      assert.equal(fake.workspace.configurationReads.length, 1);
    });

    it('keeps each folder’s own settings', async () => {
      const [first, second] = await tempWorkspace(2);
      fake.workspace.setSetting('cardDoctor.journalPath', 'notes/attempts.md', first);
      assert.equal(settings.get(first).journalPath, 'notes/attempts.md');
      assert.equal(settings.get(second).journalPath, 'card-failures/journal.md');
      assert.equal(settings.journalFile(first!).uri.path, `${first!.uri.path}/notes/attempts.md`);
      assert.equal(settings.journalFile(second!).uri.path, `${second!.uri.path}/card-failures/journal.md`);
      assert.equal(settings.journalFile(first!).setting, 'cardDoctor.journalPath');
      assert.equal(settings.journalFile(first!).folder.toString(), first!.uri.toString());
    });

    it('stops listening once disposed', () => {
      let changes = 0;
      settings.onDidChange(() => changes++);
      assert.equal(fake.workspace.configurationEmitter.listenerCount, 1);
      settings.dispose();
      assert.equal(fake.workspace.configurationEmitter.listenerCount, 0);
      fake.workspace.setSetting('cardDoctor.outputFolder', 'letters');
      assert.equal(changes, 0);
    });
  });

  describe('invalid values', () => {
    it('are warned about once, naming the setting, with Open Settings', async () => {
      fake.workspace.setSetting('cardDoctor.journalPath', '../outside.md');
      fake.window.answer = () => 'Open Settings';
      assert.equal(settings.get(undefined).journalPath, 'card-failures/journal.md');
      fake.workspace.setSetting('cardDoctor.name', 'Li Lei');
      assert.equal(settings.get(undefined).name, 'Li Lei');
      assert.deepEqual(
        fake.window.messages.map(({ severity, message, items }) => ({ severity, message, items })),
        [
          {
            severity: 'warning',
            message: 'The setting cardDoctor.journalPath is invalid: it must be a path inside the workspace folder. The default is used instead.',
            items: ['Open Settings'],
          },
        ],
      );
      await fake.window.messages[0]!.answered;
      assert.deepEqual(fake.commands.executed, [{ id: 'workbench.action.openSettings', args: ['cardDoctor.journalPath'] }]);
    });

    it('are warned about again for a different problem with the same setting', () => {
      fake.workspace.setSetting('cardDoctor.journalPath', 'journal.txt');
      settings.get(undefined);
      fake.workspace.setSetting('cardDoctor.journalPath', '');
      settings.get(undefined);
      assert.deepEqual(fake.window.texts('warning'), [
        'The setting cardDoctor.journalPath is invalid: it must end with .md. The default is used instead.',
        'The setting cardDoctor.journalPath is invalid: it must not be empty. The default is used instead.',
      ]);
    });

    it('are warned about in Chinese in a Chinese UI', () => {
      fake.env.language = 'zh-cn';
      fake.workspace.setSetting('cardDoctor.outputFolder', '../x');
      settings.get(undefined);
      assert.deepEqual(fake.window.texts('warning'), ['设置项 cardDoctor.outputFolder 无效：必须是工作区文件夹内的路径。已改用默认值。']);
      assert.deepEqual(fake.window.messages[0]!.items, ['打开设置']);
    });

    it('name each rule’s complaint', () => {
      const cases: [SettingKey, unknown, string][] = [
        ['journalPath', 'C:/journal.md', 'must be a path inside the workspace folder'],
        ['outputFolder', '   ', 'must not be empty'],
        ['accountEmail', 'not-an-address', 'must be an email address'],
        ['name', 'x'.repeat(121), 'must be at most 120 characters'],
      ];
      for (const [key, value, message] of cases) assert.deepEqual(validateSetting(key, value), { ok: false, message }, key);
    });

    it('of the wrong type are warned about in general words', () => {
      fake.workspace.setSetting('cardDoctor.templatesFolder', 42);
      assert.equal(settings.get(undefined).templatesFolder, '');
      assert.deepEqual(fake.window.texts('warning'), ['The setting cardDoctor.templatesFolder is invalid: it has an invalid value. The default is used instead.']);
    });
  });

  it('gives the letters the language set, or the UI’s for auto', () => {
    const cases: [string, string, string][] = [
      ['en', 'auto', 'en'],
      ['zh-cn', 'auto', 'zh-cn'],
      ['zh-tw', 'auto', 'zh-tw'],
      ['zh-hk', 'auto', 'zh-tw'],
      ['en', 'zh-tw', 'zh-tw'],
      ['en', 'zh-cn', 'zh-cn'],
      ['zh-cn', 'en', 'en'],
    ];
    for (const [ui, setting, expected] of cases) {
      fake.env.language = ui;
      fake.workspace.setSetting('cardDoctor.letterLanguage', setting);
      assert.equal(letterLang(settings.get(undefined)), expected, `${ui} UI, letterLanguage ${setting}`);
    }
  });

  it('logs nothing on the way', () => {
    settings.get(undefined);
    const log = fake.window.outputChannels[0] as FakeLogOutputChannel;
    assert.deepEqual(log.lines, []);
  });
});
