/**
 * The name and email for letters, asked once: after a letter had to leave them as placeholders,
 * offered once per window (never again after "Don't Ask Again", kept in globalState), typed into
 * validated input boxes (never guessed), saved to the user settings or kept for this window only.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Report } from '../../../src/core/report';
import { LetterWriter } from '../../../src/host/letterWriter';
import { SENDER_DONT_ASK_KEY, SenderDetails, validateEmail, validateName } from '../../../src/host/senderDetails';
import { readSettings, type Settings } from '../../../src/host/settings';
import { extensionContext, fake, FakeMemento, resetFake, tempWorkspace, type FakeInputBox, type QuickInputStep } from '../../fakes/vscode/harness';
import { validReport } from '../../validReport';
import { useSourceExtension } from './sourceExtension';

const OFFER = 'The letter leaves your name and account email as placeholders to fill in. Enter them once for your next letters?';
const SAVE = 'Save your name and email in your user settings, for letters in every folder?';
const NOW = new Date('2025-11-27T04:00:00Z');
const REPORT: Report = validReport({ occurredAt: '2025-11-27T10:31:00+08:00', errorMessage: 'Your card was declined.', card: { brand: 'visa', last4: '4242' } });

const extensionPath = useSourceExtension('card-doctor-sender-');
after(() => resetFake());

const settings = (): Settings => readSettings(undefined).settings;
const enter = (value: string): QuickInputStep => (input) => (input as FakeInputBox).enter(value);
/** Presses the button titled `button` on the message `message`, dismissing every other. */
const answers = (pairs: Record<string, string>) => (call: { message: string }) => pairs[call.message];

/** Waits (on the event loop, not a timer) until `condition` holds; fails after 5 s. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('host sender details (name and email asked once)', () => {
  beforeEach(async () => {
    await resetFake();
    await tempWorkspace();
  });

  it('saves what was typed to the user settings, trimmed, when the person chooses so', async () => {
    fake.window.answer = answers({ [OFFER]: 'Enter Name and Email…', [SAVE]: 'Save to User Settings' });
    fake.window.quickInputScript = [enter('  Li Lei '), enter('li@example.com')];
    const state = new FakeMemento();
    await new SenderDetails(state).offer(settings());
    assert.deepEqual(fake.workspace.configurationUpdates, [
      { key: 'cardDoctor.name', value: 'Li Lei', target: vscode.ConfigurationTarget.Global },
      { key: 'cardDoctor.accountEmail', value: 'li@example.com', target: vscode.ConfigurationTarget.Global },
    ]);
    assert.deepEqual(fake.window.texts(), [OFFER, SAVE, 'Saved. Your next letters carry your name and email; this letter keeps its placeholders.']);
    assert.deepEqual(
      fake.window.quickInputs.map((input) => [input.step, input.totalSteps]),
      [
        [1, 2],
        [2, 2],
      ],
    );
    assert.deepEqual(state.updates, []);
  });

  it('keeps what was typed for this window only: the next letter carries it, the settings are untouched', async () => {
    fake.window.answer = answers({ [OFFER]: 'Enter Name and Email…', [SAVE]: 'Only in This Window' });
    fake.window.quickInputScript = [enter('Li Lei'), enter('li@example.com')];
    const context = { ...extensionContext(), extensionPath: extensionPath() };
    const log = vscode.window.createOutputChannel('Card Doctor', { log: true });
    const writer = new LetterWriter(context as unknown as vscode.ExtensionContext, log);
    const first = await writer.render('appeal', 'en', REPORT, [REPORT], settings(), undefined, NOW);
    assert.ok(!first.includes('Li Lei'));
    await until(() => fake.window.texts().length === 3, 'the confirmation');
    const second = await writer.render('appeal', 'en', REPORT, [REPORT], settings(), undefined, NOW);
    assert.ok(second.includes('Li Lei') && second.includes('li@example.com'), second);
    assert.deepEqual(fake.workspace.configurationUpdates, []);
    assert.deepEqual(fake.window.texts(), [OFFER, SAVE, 'Your next letters in this window carry your name and email; this letter keeps its placeholders.']);
  });

  it('asks once per window, never after "Don’t Ask Again", and not when both are set', async () => {
    const state = new FakeMemento();
    const details = new SenderDetails(state);
    await details.offer(settings());
    await details.offer(settings());
    assert.deepEqual(fake.window.texts(), [OFFER], 'dismissed: not asked again in this window');

    fake.window.answer = answers({ [OFFER]: "Don't Ask Again" });
    await new SenderDetails(state).offer(settings());
    assert.deepEqual(state.updates, [{ key: SENDER_DONT_ASK_KEY, value: true }]);
    await new SenderDetails(state).offer(settings());
    assert.equal(fake.window.texts().length, 2, 'a new window remembers the choice');

    await new SenderDetails(new FakeMemento()).offer({ ...settings(), name: 'Li Lei', accountEmail: 'li@example.com' });
    assert.equal(fake.window.texts().length, 2);
  });

  it('Esc in the questions, or two empty answers, saves nothing', async () => {
    fake.window.answer = answers({ [OFFER]: 'Enter Name and Email…' });
    fake.window.quickInputScript = [enter('Li Lei')];
    await new SenderDetails(new FakeMemento()).offer(settings());
    fake.window.quickInputScript = [enter(''), enter('')];
    await new SenderDetails(new FakeMemento()).offer(settings());
    assert.deepEqual(fake.window.texts(), [OFFER, OFFER]);
    assert.deepEqual(fake.workspace.configurationUpdates, []);
  });

  it('validates: an email address’s shape or nothing, a name without a card number and within 120 characters', () => {
    assert.deepEqual(validateEmail(' li@example.com '), { message: '', error: false });
    assert.deepEqual(validateEmail(''), { message: '', error: false });
    assert.deepEqual(validateEmail('li@localhost'), { message: 'Type an email address, such as name@example.com, or leave it empty.', error: true });
    assert.equal(validateEmail(`${'a'.repeat(250)}@example.com`).error, true);
    assert.deepEqual(validateName('李雷'), { message: '', error: false });
    assert.deepEqual(validateName('x'.repeat(121)), { message: 'At most 120 characters.', error: true });
    assert.equal(validateName('Li 4111 1111 1111 1111').error, true);
  });
});
