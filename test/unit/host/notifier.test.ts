/**
 * Notifier: what the person is told, and what each button does. Unexpected failures go to the
 * log in full and reach the person as one line with "Show Log"; "Open Settings" opens the
 * setting named; a warning meant once per window is shown once.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Notifier } from '../../../src/host/notifier';
import { fake, resetFake, type FakeLogOutputChannel } from '../../fakes/vscode/harness';

describe('host Notifier', () => {
  let log: FakeLogOutputChannel;
  let notifier: Notifier;

  beforeEach(async () => {
    await resetFake();
    log = vscode.window.createOutputChannel('Card Doctor', { log: true }) as unknown as FakeLogOutputChannel;
    notifier = new Notifier(log as unknown as vscode.LogOutputChannel);
  });

  const shown = () => fake.window.messages.map(({ severity, message, items, modal, detail }) => ({ severity, message, items, modal, detail }));

  it('reports an unexpected failure in one line with Show Log, and the stack in the log', async () => {
    const error = new Error('disk on fire');
    fake.window.answer = () => 'Show Log';
    notifier.unexpected('cardDoctor.recordAttempt', error);
    assert.deepEqual(shown(), [
      { severity: 'error', message: 'Card Doctor: cardDoctor.recordAttempt failed: disk on fire', items: ['Show Log'], modal: false, detail: undefined },
    ]);
    assert.deepEqual(log.at('error'), [`cardDoctor.recordAttempt: ${error.stack}`]);
    assert.equal(log.shown, 0);
    await fake.window.messages[0]!.answered;
    assert.equal(log.shown, 1, 'Show Log opens the log');
  });

  it('leaves the log closed when the failure message is dismissed, and reports a thrown string too', async () => {
    notifier.unexpected('restoring the diagnosis tab', 'no panel');
    await fake.window.messages[0]!.answered;
    assert.deepEqual(fake.window.texts('error'), ['Card Doctor: restoring the diagnosis tab failed: no panel']);
    assert.deepEqual(log.at('error'), ['restoring the diagnosis tab: no panel']);
    assert.equal(log.shown, 0);
  });

  it('says it in Chinese in a Chinese UI', () => {
    fake.env.language = 'zh-cn';
    notifier.unexpected('cardDoctor.diagnose', new Error('x'));
    assert.deepEqual(shown(), [{ severity: 'error', message: '绑卡医生：cardDoctor.diagnose 执行失败：x', items: ['显示日志'], modal: false, detail: undefined }]);
  });

  it('reports a failure worded by the caller', () => {
    notifier.report('loading dist/services.js', 'Could not load.', new Error('missing'));
    assert.deepEqual(fake.window.texts('error'), ['Could not load.']);
    assert.equal(log.at('error').length, 1);
    assert.match(log.at('error')[0]!, /^loading dist\/services\.js: Error: missing\n/);
  });

  it('opens the setting named when Open Settings is pressed', async () => {
    fake.window.answer = () => 'Open Settings';
    notifier.withOpenSettings('The journal leads outside the folder.', 'cardDoctor.journalPath');
    assert.deepEqual(shown(), [{ severity: 'warning', message: 'The journal leads outside the folder.', items: ['Open Settings'], modal: false, detail: undefined }]);
    await fake.window.messages[0]!.answered;
    assert.deepEqual(fake.commands.executed, [{ id: 'workbench.action.openSettings', args: ['cardDoctor.journalPath'] }]);
  });

  it('runs nothing when the warning is dismissed', async () => {
    notifier.withOpenSettings('Something is off.', 'cardDoctor.outputFolder');
    await fake.window.messages[0]!.answered;
    assert.deepEqual(fake.commands.executed, []);
  });

  it('shows a warning meant once per window once per key', () => {
    notifier.once('a', 'First.', 'cardDoctor.journalPath');
    notifier.once('a', 'First again.', 'cardDoctor.journalPath');
    notifier.once('b', 'Second.', 'cardDoctor.outputFolder');
    assert.deepEqual(fake.window.texts('warning'), ['First.', 'Second.']);
  });

  it('offers one command, run only when its button is pressed', async () => {
    fake.window.answer = ({ message }) => (message === 'Pressed.' ? 'Open Journal' : undefined);
    notifier.offer('Pressed.', 'Open Journal', 'cardDoctor.openJournal');
    notifier.offer('Dismissed.', 'Open Journal', 'cardDoctor.openJournal');
    await Promise.all(fake.window.messages.map((call) => call.answered));
    assert.deepEqual(fake.window.texts('information'), ['Pressed.', 'Dismissed.']);
    assert.deepEqual(fake.commands.executed, [{ id: 'cardDoctor.openJournal', args: [] }]);
  });

  it('asks in a modal warning with its detail, and gives the answer', async () => {
    fake.window.answer = () => 'Record Again';
    const answer = await notifier.ask('Record it again?', 'A copy counts twice.', 'Record Again');
    assert.equal(answer, 'Record Again');
    assert.deepEqual(shown(), [{ severity: 'warning', message: 'Record it again?', items: ['Record Again'], modal: true, detail: 'A copy counts twice.' }]);
  });

  it('shows plain messages and a passing status bar word', async () => {
    notifier.error('The report is not valid.');
    assert.equal(await notifier.info('Done.', 'OK'), undefined);
    assert.equal(await notifier.warn('Careful.'), undefined);
    notifier.status('Diagnosis ready.', 10_000);
    assert.deepEqual(
      shown().map(({ severity, message, items }) => [severity, message, items]),
      [
        ['error', 'The report is not valid.', []],
        ['information', 'Done.', ['OK']],
        ['warning', 'Careful.', []],
      ],
    );
    assert.deepEqual(fake.window.statusBarMessages, [{ text: 'Diagnosis ready.', timeout: 10_000 }]);
  });
});
