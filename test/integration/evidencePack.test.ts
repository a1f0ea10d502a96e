import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../src/host/commandIds';
import { activateExtension, eventually, inWorkspace, isOpenInTab, readText, recordingMessages, resetWorkspace, writeText } from './helpers';

const CARD = '4111 1111 1111 1111';
/** Two attempts at UTC+08:00, one typed with a full card number and a CVC, and what the bank said. */
const JOURNAL = [
  '# Card failure journal',
  '',
  '<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:31:00+08:00","report":{"product":"chatgpt-web","errorMessage":"Your card was declined.","card":{"brand":"unionpay","kind":"debit","last4":"1234","issuerCountry":"CN"}}} -->',
  '',
  `<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T11:05:00+08:00","report":{"errorMessage":"declined, card ${CARD} cvc 123","notes":"sms code 482913","card":{"brand":"unionpay","last4":"1234","issuerCountry":"CN"}}} -->`,
  '',
  '<!-- card-doctor:bank-answer v1 {"answeredAt":"2025-11-28T09:15:00+08:00","channel":"phone","sawAuthorization":"yes","declinedBy":"bank","responseCode":"57","reference":"SR88213"} -->',
  '',
].join('\n');

/** Today at UTC+08:00, the last attempt's offset, which names the pack's folder. */
function packDate(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

describe('Write evidence pack in VS Code', function () {
  this.timeout(30_000);

  before(async () => {
    await activateExtension();
  });

  afterEach(resetWorkspace);

  it('writes the pack beside the letters, with no card number, CVC or one-time code in it, and opens about.md', async () => {
    await writeText(inWorkspace('card-failures', 'journal.md'), JOURNAL);
    const { result, warnings, errors } = await recordingMessages(async () => vscode.commands.executeCommand<vscode.Uri>(COMMAND_IDS.writeEvidencePack));
    const name = `evidence-${packDate()}`;
    assert.equal(result?.toString(), inWorkspace('card-failures', name).toString());
    assert.deepEqual(errors, []);
    // The supported-countries snapshot's age decides whether there is a warning; nothing else warns.
    assert.ok(warnings.every((warning) => warning.startsWith('The supported-countries list in this pack is ')), warnings.join('\n'));
    const files = (await vscode.workspace.fs.readDirectory(result!)).map(([file]) => file).sort();
    // No letter in the folder yet: both are written fresh from the last attempt.
    assert.deepEqual(files, ['about.md', 'appeal.md', 'bank-inquiry.md', 'bank-phone-script.md', 'diagnosis.md', 'screenshots-checklist.md', 'timeline.md']);
    for (const file of files) {
      const text = await readText(vscode.Uri.joinPath(result!, file));
      assert.doesNotMatch(text.replace(/[\s-]/g, ''), /4111111111111111/, `${file} holds the card number`);
      assert.doesNotMatch(text, /cvc 123|482913/i, `${file} holds the CVC or the one-time code`);
    }
    const timeline = await readText(vscode.Uri.joinPath(result!, 'timeline.md'));
    assert.match(timeline, /## What the bank said · 2025-11-28 09:15 UTC\+08:00 · by phone\n\n- Found the verification authorization: yes\n- Declined by: the bank\n- Response code: 57\n- Reference number: SR88213\n/);
    await eventually(() => isOpenInTab(vscode.Uri.joinPath(result!, 'about.md')), 'about.md to open');
  });

  it('never writes over an earlier pack: a second one takes the next name', async () => {
    await writeText(inWorkspace('card-failures', 'journal.md'), JOURNAL);
    const name = `evidence-${packDate()}`;
    await writeText(inWorkspace('card-failures', name, 'screenshot.txt'), 'mine');
    const { result } = await recordingMessages(async () => vscode.commands.executeCommand<vscode.Uri>(COMMAND_IDS.writeEvidencePack));
    assert.equal(result?.toString(), inWorkspace('card-failures', `${name}-2`).toString());
    assert.deepEqual(
      (await vscode.workspace.fs.readDirectory(inWorkspace('card-failures', name))).map(([file]) => file),
      ['screenshot.txt'],
    );
  });
});
