import * as vscode from 'vscode';
import { isEmailAddress } from '../core/emailAddress';
import { containsSecret } from '../core/redact';
import type { Settings } from './settings';
import { MultiStepInput, type Step } from './wizard/multiStepInput';

/** globalState: the person chose "Don't Ask Again" about their name and email. */
export const SENDER_DONT_ASK_KEY = 'cardDoctor.senderDetails.dontAsk';

/** The name's limit, as the `cardDoctor.name` setting's rule has it. */
const NAME_LIMIT = 120;
/** An address longer than this is no address (RFC 5321's path limit). */
const EMAIL_LIMIT = 254;

type Answers = { name: string; email: string };

/**
 * The person's name and account email for the letters, asked once. A letter written while
 * `cardDoctor.name` or `cardDoctor.accountEmail` is empty keeps a visible placeholder; afterwards
 * (never before: the letter is not held up by a question) the person is offered to type them,
 * once per window, unless they chose "Don't Ask Again" (kept in globalState). What they type is
 * validated (an email address's shape), never guessed from git or the system, and saved to their
 * user settings only if they choose so; otherwise it fills this window's letters only.
 */
export class SenderDetails {
  private asked = false;
  private typed: Partial<Answers> = {};

  constructor(
    private readonly globalState: vscode.Memento,
    private readonly log?: Pick<vscode.LogOutputChannel, 'info' | 'warn'>,
  ) {}

  /** `settings` with what the person typed for this window filling an empty name or email. */
  fill(settings: Settings): Settings {
    return {
      ...settings,
      name: settings.name || this.typed.name || '',
      accountEmail: settings.accountEmail || this.typed.email || '',
    };
  }

  /**
   * Offers, after a letter was written from `settings` with a name or an email missing, to fill
   * them in. Resolves when the person is done (or at once when there is nothing to ask); callers
   * do not wait for it.
   */
  async offer(settings: Settings): Promise<void> {
    const filled = this.fill(settings);
    if ((filled.name && filled.accountEmail) || this.asked || this.globalState.get<boolean>(SENDER_DONT_ASK_KEY)) return;
    this.asked = true;
    const enter = vscode.l10n.t('Enter Name and Email…');
    const never = vscode.l10n.t("Don't Ask Again");
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('The letter leaves your name and account email as placeholders to fill in. Enter them once for your next letters?'),
      enter,
      never,
    );
    if (choice === never) {
      await this.globalState.update(SENDER_DONT_ASK_KEY, true);
      return;
    }
    if (choice !== enter) return;
    const answers: Answers = { name: filled.name, email: filled.accountEmail };
    if (!(await MultiStepInput.run(askName, answers))) return;
    const name = answers.name.trim();
    const email = answers.email.trim();
    if (!name && !email) return;
    const save = vscode.l10n.t('Save to User Settings');
    const windowOnly = vscode.l10n.t('Only in This Window');
    const where = await vscode.window.showInformationMessage(
      vscode.l10n.t('Save your name and email in your user settings, for letters in every folder?'),
      save,
      windowOnly,
    );
    if (where === save) {
      const configuration = vscode.workspace.getConfiguration('cardDoctor');
      if (name) await configuration.update('name', name, vscode.ConfigurationTarget.Global);
      if (email) await configuration.update('accountEmail', email, vscode.ConfigurationTarget.Global);
      this.log?.info('letters: saved the name and email to the user settings');
      void vscode.window.showInformationMessage(vscode.l10n.t('Saved. Your next letters carry your name and email; this letter keeps its placeholders.'));
    } else if (where === windowOnly) {
      this.typed = { ...(name ? { name } : {}), ...(email ? { email } : {}) };
      void vscode.window.showInformationMessage(vscode.l10n.t('Your next letters in this window carry your name and email; this letter keeps its placeholders.'));
    }
  }
}

const askName: Step<Answers> = async (input, answers) => {
  answers.name = await input.input({
    title: vscode.l10n.t('Your name and email for letters'),
    step: 1,
    totalSteps: 2,
    value: answers.name,
    prompt: vscode.l10n.t('Your name, as your bank and the merchant know it. Leave empty to keep the placeholder.'),
    validate: validateName,
  });
  return askEmail;
};

const askEmail: Step<Answers> = async (input, answers) => {
  answers.email = await input.input({
    title: vscode.l10n.t('Your name and email for letters'),
    step: 2,
    totalSteps: 2,
    value: answers.email,
    prompt: vscode.l10n.t('The email address of your OpenAI account, which support looks you up by. Leave empty to keep the placeholder.'),
    validate: validateEmail,
  });
  return undefined;
};

/** A name: at most the setting's limit, and nothing that looks like a card number or a code. */
export function validateName(value: string): { message: string; error: boolean } {
  if (value.trim().length > NAME_LIMIT) return { message: vscode.l10n.t('At most {0} characters.', NAME_LIMIT), error: true };
  if (containsSecret(value)) {
    return { message: vscode.l10n.t('This looks like a card number, a security code (CVC) or a one-time code. Card Doctor never keeps those: take it out.'), error: true };
  }
  return { message: '', error: false };
}

/** An email address's shape (core's one check), or nothing. */
export function validateEmail(value: string): { message: string; error: boolean } {
  const trimmed = value.trim();
  if (trimmed === '' || (trimmed.length <= EMAIL_LIMIT && isEmailAddress(trimmed))) return { message: '', error: false };
  return { message: vscode.l10n.t('Type an email address, such as name@example.com, or leave it empty.'), error: true };
}
