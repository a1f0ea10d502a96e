/**
 * The setting `cardDoctor.appealSelfDiagnosis` reaches the appeal the host writes: off (the
 * default), the appeal has no self-diagnosis; on, it carries the person's checks and the possible
 * causes (issue 13).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LetterWriter } from '../../../src/host/letterWriter';
import { readSettings, type Settings } from '../../../src/host/settings';
import { extensionContext, fake, FakeMemento, resetFake, tempWorkspace } from '../../fakes/vscode/harness';
import { validReport } from '../../validReport';
import { useSourceExtension } from './sourceExtension';

const NOW = new Date('2025-11-27T04:00:00Z');
const REPORT = validReport({
  occurredAt: '2025-11-27T10:31:00+08:00',
  errorMessage: 'Your card was declined.',
  card: { brand: 'unionpay', kind: 'debit', last4: '4242', issuerCountry: 'CN' },
  connection: { vpn: 'no', switchedRecently: 'no' },
});

const extensionPath = useSourceExtension('card-doctor-self-diagnosis-');

after(() => resetFake());

function writer(): LetterWriter {
  const context = { ...extensionContext({ workspaceState: new FakeMemento() }), extensionPath: extensionPath() };
  const log = vscode.window.createOutputChannel('Card Doctor', { log: true });
  return new LetterWriter(context as unknown as vscode.ExtensionContext, log);
}

function settingsWith(overrides: Record<string, unknown> = {}): Settings {
  for (const [key, value] of Object.entries(overrides)) fake.workspace.setSetting(`cardDoctor.${key}`, value);
  return readSettings(undefined).settings;
}

describe('host: cardDoctor.appealSelfDiagnosis', () => {
  beforeEach(() => resetFake());

  it('off by default: the appeal has no self-diagnosis and no VPN line', async () => {
    const [folder] = await tempWorkspace();
    const settings = settingsWith();
    assert.equal(settings.appealSelfDiagnosis, false);
    const text = await writer().render('appeal', 'en', REPORT, [REPORT], settings, folder as unknown as vscode.WorkspaceFolder, NOW);
    assert.ok(!text.includes('## My own checks'), text);
    assert.ok(!text.includes('VPN'), text);
    assert.ok(text.includes('\n## What I will do next\n'), text);
  });

  it('on: the appeal carries the person’s checks and the possible causes', async () => {
    const [folder] = await tempWorkspace();
    const text = await writer().render('appeal', 'en', REPORT, [REPORT], settingsWith({ appealSelfDiagnosis: true }), folder as unknown as vscode.WorkspaceFolder, NOW);
    assert.ok(text.includes('\n## My own checks\n'), text);
    assert.ok(text.includes('\n- I was not using a VPN.\n'), text);
    assert.ok(text.includes('\n- **Region not supported** (likely): The country where my card was issued, or where I am, may not be on the supported list.\n'), text);
  });

  it('a value that is not true or false is refused with a message, and the default used', () => {
    fake.workspace.setSetting('cardDoctor.appealSelfDiagnosis', 'yes');
    const { settings, problems } = readSettings(undefined);
    assert.equal(settings.appealSelfDiagnosis, false);
    assert.deepEqual(problems, [{ key: 'cardDoctor.appealSelfDiagnosis', message: 'must be true or false' }]);
  });
});
