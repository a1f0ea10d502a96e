/**
 * The host's two funnels of text to the person and to disk mask what a person typed: the log
 * channel (redactingLog) and the notifications (Notifier). A path or an error message can carry a
 * card number (a folder named by it, a message quoting a field), and the log is a file people
 * paste into bug reports.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { redactSecrets } from '../../../src/core/redact';
import { Notifier } from '../../../src/host/notifier';
import { redactingLog } from '../../../src/host/redactingLog';
import { fake, resetFake, type FakeLogOutputChannel } from '../../fakes/vscode/harness';

const PATH = '/home/a/4532015112830366/packs/evidence-2025-11-28';
const MASKED_PATH = '/home/a/•••• 0366/packs/evidence-2025-11-28';

describe('host redactingLog and Notifier masking', () => {
  let channel: FakeLogOutputChannel;
  let log: vscode.LogOutputChannel;

  beforeEach(async () => {
    await resetFake();
    channel = vscode.window.createOutputChannel('Card Doctor', { log: true }) as unknown as FakeLogOutputChannel;
    log = redactingLog(channel as unknown as vscode.LogOutputChannel);
  });

  it('masks every string a log level or append writes, arguments included', () => {
    log.info(`evidence pack: wrote ${PATH}`);
    log.warn('refused', 'card 4532 0151 1283 0366', 'CVC 482');
    log.trace('CVC 482');
    log.debug('CVC 482');
    log.appendLine(PATH);
    assert.deepEqual(channel.lines, [
      { level: 'info', text: `evidence pack: wrote ${MASKED_PATH}` },
      { level: 'warn', text: 'refused card •••• 0366 CVC •••' },
      { level: 'trace', text: 'CVC •••' },
      { level: 'debug', text: 'CVC •••' },
      { level: 'append', text: MASKED_PATH },
    ]);
  });

  it('masks an Error’s message and stack, and leaves numbers and other values as they are', () => {
    const error = new Error(`EACCES: ${PATH}`);
    log.error('writing the pack:', error, 3);
    const [line] = channel.at('error');
    assert.ok(line!.startsWith(`writing the pack: Error: EACCES: ${MASKED_PATH}\n    at `), line);
    assert.ok(line!.endsWith(' 3'), line);
    assert.ok(!line!.includes('4532015112830366'), line);
  });

  it('passes everything else through to the channel', () => {
    log.show();
    assert.equal(channel.shown, 1);
    assert.equal(log.name, 'Card Doctor');
    assert.equal(log.logLevel, channel.logLevel);
    log.dispose();
    assert.equal(channel.disposed, true);
  });

  it('Notifier masks every message it shows, the modal detail and the status bar too', async () => {
    const notifier = new Notifier(log, redactSecrets);
    void notifier.info(`Wrote the evidence pack to ${PATH}.`);
    void notifier.warn('card 4532 0151 1283 0366');
    void notifier.ask('Replace CVC 482?', `in ${PATH}`, 'Replace');
    notifier.error('CVC 482');
    notifier.report('writing', `failed in ${PATH}`, new Error(`in ${PATH}`));
    assert.deepEqual(
      fake.window.messages.map(({ severity, message, detail }) => ({ severity, message, detail })),
      [
        { severity: 'information', message: `Wrote the evidence pack to ${MASKED_PATH}.`, detail: undefined },
        { severity: 'warning', message: 'card •••• 0366', detail: undefined },
        { severity: 'warning', message: 'Replace CVC •••?', detail: `in ${MASKED_PATH}` },
        { severity: 'error', message: 'CVC •••', detail: undefined },
        { severity: 'error', message: `failed in ${MASKED_PATH}`, detail: undefined },
      ],
    );
    assert.ok(!channel.lines.some((line) => line.text.includes('4532015112830366')), JSON.stringify(channel.lines));
    await Promise.all(fake.window.messages.map((message) => message.answered));
  });
});
