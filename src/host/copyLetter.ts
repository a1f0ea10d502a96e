import * as vscode from 'vscode';
import { letterAsPlainText, PLAIN_TEXT_LIMIT } from '../core/plainText';
import { containsSecret } from '../core/redact';
import type { Notifier } from './notifier';

/** What "Copy Letter as Plain Text" needs: only a way to speak to the person. */
export interface CopyLetterServices {
  notifier: Pick<Notifier, 'info' | 'warn'>;
}

/**
 * "Copy Letter as Plain Text": the letter in the active editor (or the one whose title bar was
 * clicked, which VS Code passes as a Uri) without Markdown, on the clipboard, ready to paste into
 * the support chat or the bank's web form. The text as it is now, unsaved edits included: that is
 * what the person has read. Gives the text copied, or undefined when nothing was copied.
 *
 * The person may have typed into the letter after it was written, so it is checked for a card
 * number, a security code or a one-time code first, and refused if it holds one: the clipboard is
 * read by other programs, and a chat keeps what is pasted into it.
 */
export async function copyLetterAsText({ notifier }: CopyLetterServices, argument?: unknown): Promise<string | undefined> {
  const document = argument instanceof vscode.Uri ? await vscode.workspace.openTextDocument(argument) : vscode.window.activeTextEditor?.document;
  if (!document) {
    void notifier.warn(vscode.l10n.t('Open a letter first, then copy it as plain text.'));
    return undefined;
  }
  const markdown = document.getText();
  if (markdown.length > PLAIN_TEXT_LIMIT) {
    void notifier.warn(vscode.l10n.t('This file is too long to be a letter, so it was not copied.'));
    return undefined;
  }
  const text = letterAsPlainText(markdown);
  // The plain text too: taking the marks out can join digits they kept apart.
  if (containsSecret(markdown) || containsSecret(text)) {
    void notifier.warn(
      vscode.l10n.t(
        'Nothing was copied: the letter holds what looks like a card number, a security code (CVC) or a one-time code. Take it out (the last 4 digits are enough), then copy again.',
      ),
    );
    return undefined;
  }
  await vscode.env.clipboard.writeText(text);
  void notifier.info(vscode.l10n.t('Copied the letter as plain text. Paste it into the support chat or the bank’s web form, and read it once more before sending.'));
  return text;
}
