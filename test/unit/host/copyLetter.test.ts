/**
 * "Copy Letter as Plain Text" over the fake vscode: what reaches the clipboard, what the person
 * is told, and what is refused (no letter open, a card number typed into the letter).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { copyLetterAsText, type CopyLetterServices } from '../../../src/host/copyLetter';
import { createServices } from '../../../src/host/services';
import { disposeAll, extensionContext, fake, resetFake, tempWorkspace } from '../../fakes/vscode/harness';

const LETTER = [
  '**To:** OpenAI Support — Billing & Payments',
  '',
  '## What happened',
  '',
  '> Your card was declined.',
  '',
  '## Attachments',
  '',
  '- [ ] Screenshots of the error, with the card number hidden',
  '',
  'Kind regards,',
  '',
  'Alex Chen',
  '',
].join('\n');

const PLAIN = [
  'To: OpenAI Support — Billing & Payments',
  '',
  'What happened',
  '',
  '“Your card was declined.”',
  '',
  'Attachments',
  '',
  '☐ Screenshots of the error, with the card number hidden',
  '',
  'Kind regards,',
  '',
  'Alex Chen',
  '',
].join('\n');

const services: CopyLetterServices = {
  notifier: {
    info: (message) => vscode.window.showInformationMessage(message),
    warn: (message) => vscode.window.showWarningMessage(message),
  },
};

const messages = () => fake.window.messages.map(({ severity, message }) => ({ severity, message }));

async function openLetter(content: string): Promise<vscode.Uri> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(document);
  return document.uri;
}

describe('host copyLetterAsText', () => {
  beforeEach(async () => {
    await resetFake();
    await vscode.env.clipboard.writeText('before');
  });
  after(() => resetFake());

  it('puts the active letter on the clipboard as plain text and says so', async () => {
    await openLetter(LETTER);
    assert.equal(await copyLetterAsText(services), PLAIN);
    assert.equal(await vscode.env.clipboard.readText(), PLAIN);
    assert.deepEqual(messages(), [
      {
        severity: 'information',
        message: 'Copied the letter as plain text. Paste it into the support chat or the bank’s web form, and read it once more before sending.',
      },
    ]);
  });

  it('copies the letter whose title bar was clicked (a Uri), not the active editor', async () => {
    const clicked = await openLetter(LETTER);
    await openLetter('# Another file\n');
    assert.equal(await copyLetterAsText(services, clicked), PLAIN);
    assert.equal(await vscode.env.clipboard.readText(), PLAIN);
  });

  it('says so in Simplified Chinese in a Chinese UI', async () => {
    fake.env.language = 'zh-cn';
    await openLetter('**收件方：** 招商银行客服中心\n');
    assert.equal(await copyLetterAsText(services), '收件方：招商银行客服中心\n');
    assert.deepEqual(messages(), [{ severity: 'information', message: '已将信件复制为纯文本。请粘贴到客服聊天窗口或银行的网页表单中，发送前再通读一遍。' }]);
  });

  it('refuses a letter into which a card number was typed, leaving the clipboard as it was', async () => {
    await openLetter(LETTER.replace('Alex Chen', 'Alex Chen, card 4111 1111 1111 1111'));
    assert.equal(await copyLetterAsText(services), undefined);
    assert.equal(await vscode.env.clipboard.readText(), 'before');
    assert.deepEqual(messages(), [
      {
        severity: 'warning',
        message:
          'Nothing was copied: the letter holds what looks like a card number, a security code (CVC) or a one-time code. Take it out (the last 4 digits are enough), then copy again.',
      },
    ]);
  });

  it('refuses a letter whose plain text joins digits into a card number', async () => {
    await openLetter('Reference 41111111[](11111111)\n');
    assert.equal(await copyLetterAsText(services), undefined);
    assert.equal(await vscode.env.clipboard.readText(), 'before');
  });

  it('asks for a letter when no editor is open', async () => {
    assert.equal(await copyLetterAsText(services), undefined);
    assert.equal(await vscode.env.clipboard.readText(), 'before');
    assert.deepEqual(messages(), [{ severity: 'warning', message: 'Open a letter first, then copy it as plain text.' }]);
  });

  it('refuses a file too long to be a letter', async () => {
    await openLetter('a'.repeat(1_000_001));
    assert.equal(await copyLetterAsText(services), undefined);
    assert.deepEqual(messages(), [{ severity: 'warning', message: 'This file is too long to be a letter, so it was not copied.' }]);
  });

  it('runs as the command cardDoctor.copyLetterAsText, built by createServices', async () => {
    await tempWorkspace();
    const context = extensionContext();
    try {
      const services = createServices(context as unknown as vscode.ExtensionContext, { clock: () => new Date('2025-11-27T04:00:00Z') });
      const clicked = await openLetter(LETTER);
      assert.equal(await services.run('copyLetterAsText', clicked), PLAIN);
      assert.equal(await vscode.env.clipboard.readText(), PLAIN);
    } finally {
      disposeAll(context.subscriptions);
    }
  });
});
