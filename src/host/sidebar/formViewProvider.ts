import * as vscode from 'vscode';
import { parseReport, type Report } from '../../core/report';
import {
  hostToWebviewSchema,
  parseWebviewMessage,
  type HostToWebviewMessage,
  type ReportDraft,
  type WebviewRequest,
  type WebviewToHostMessage,
} from '../../protocol/messages';
import { COMMAND_IDS, FORM_VIEW_ID } from '../commandIds';
import { uiLang } from '../language';
import { diagnoseDraft, redactDraft } from './formDiagnosis';
import { formHtml, formResourceRoots } from './formHtml';
import { staticInit } from './formStrings';
import { JournalHistoryCache } from './journalHistoryCache';

/** What the form needs from the rest of the host: the log, the folder to read the journal of, the time. */
export interface FormHost {
  readonly log: vscode.LogOutputChannel;
  readingFolder(): vscode.WorkspaceFolder | undefined;
  readonly clock: () => Date;
}

/** The commands behind the form's buttons: the palette's own, given the form's report. */
const REQUEST_COMMANDS = {
  saveJournal: COMMAND_IDS.recordAttempt,
  generateAppeal: COMMAND_IDS.generateAppeal,
  generateBankInquiry: COMMAND_IDS.generateBankInquiry,
  openJournal: COMMAND_IDS.openJournal,
} as const satisfies Record<WebviewRequest['type'], string>;

/**
 * The sidebar form (`cardDoctor.form`): a webview view that collects a failed attempt, diagnoses
 * it as the person types, and runs the same commands as the palette with its report.
 *
 * Everything the webview sends is untrusted: each message is parsed with the protocol and a bad
 * one is logged and dropped; the report inside is validated again with the core schema before
 * anything is done with it. The view is not kept alive while hidden: the webview keeps its draft
 * with `setState`, and the host keeps the last draft it saw for a view created anew.
 */
export class FormViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  /** The view's id in package.json `contributes.views`. */
  static readonly viewType = FORM_VIEW_ID;

  private readonly connections = new Set<FormConnection>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The last draft any view sent, redacted: the `init` draft of the next view. */
  private draft: ReportDraft | null = null;

  constructor(
    private readonly extensionUri: vscode.Uri,
    readonly session: FormHost,
    /** Shared with the status bar's cooldown, so a change to the journal is read once. */
    private readonly history: JournalHistoryCache,
  ) {
    this.disposables.push(
      this.history.onDidChange(() => {
        for (const connection of this.connections) void connection.journalChanged();
      }),
    );
  }

  dispose(): void {
    for (const connection of this.connections) connection.dispose();
    this.connections.clear();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  /** The draft a new view starts from, if an earlier one sent any. */
  get lastDraft(): ReportDraft | null {
    return this.draft;
  }

  /** Keeps a view's draft for the next view, masked: it outlives the webview that sent it. */
  rememberDraft(draft: ReportDraft): void {
    this.draft = redactDraft(draft);
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    const webview = view.webview;
    webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: formResourceRoots(this.extensionUri) };
    webview.html = formHtml(webview, this.extensionUri, uiLang(), vscode.l10n.t('The failed attempt'));
    const connection = new FormConnection(webview, this, this.history);
    this.connections.add(connection);
    view.onDidDispose(() => {
      this.connections.delete(connection);
      connection.dispose();
    });
  }
}

/** One webview's conversation with the host, from its `ready` until it is disposed. */
class FormConnection implements vscode.Disposable {
  private ready = false;
  private latest: { revision: number; draft: ReportDraft } | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly webview: vscode.Webview,
    private readonly provider: FormViewProvider,
    private readonly history: JournalHistoryCache,
  ) {
    this.subscription = webview.onDidReceiveMessage((data: unknown) => void this.receive(data));
  }

  private get session(): FormHost {
    return this.provider.session;
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private async receive(data: unknown): Promise<void> {
    const parsed = parseWebviewMessage(data);
    if (!parsed.ok) {
      this.session.log.warn(`form view: dropped a malformed message from the webview (${parsed.problems.join('; ')})`);
      return;
    }
    const message = parsed.message;
    if (message.type !== 'ready' && !this.ready) {
      this.session.log.warn(`form view: dropped a ${message.type} message sent before ready`);
      return;
    }
    try {
      await this.handle(message);
    } catch (error) {
      this.session.log.error(`form view: ${message.type} failed:`, error instanceof Error ? (error.stack ?? error.message) : String(error));
      if ('requestId' in message) this.post({ type: 'didComplete', requestId: message.requestId, ok: false, message: vscode.l10n.t('Something went wrong; see the log.') });
    }
  }

  private async handle(message: WebviewToHostMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        // The form is drawn at once: a journal not read yet follows as a change when it is.
        const known = this.history.peek(this.session.readingFolder());
        this.post({ type: 'init', ...staticInit(uiLang()), draft: this.provider.lastDraft, lastAttempt: known ? (known[known.length - 1] ?? null) : null });
        if (!known) {
          const lastAttempt = await this.lastAttempt();
          if (lastAttempt) this.post({ type: 'journalDidChange', lastAttempt });
        }
        return;
      }
      case 'formDidChange':
        this.latest = { revision: message.revision, draft: message.report };
        this.provider.rememberDraft(message.report);
        await this.diagnose();
        return;
      default:
        await this.request(message);
    }
  }

  /** The journal changed: a new last attempt, and perhaps a cooldown, for the draft on screen. */
  async journalChanged(): Promise<void> {
    if (!this.ready) return;
    try {
      this.post({ type: 'journalDidChange', lastAttempt: await this.lastAttempt() });
      await this.diagnose();
    } catch (error) {
      this.session.log.warn('form view: could not refresh after a journal change:', String(error));
    }
  }

  private async diagnose(): Promise<void> {
    const latest = this.latest;
    if (!latest) return;
    const history = await this.history.history(this.session.readingFolder());
    // A newer edit arrived while the journal was read: its own answer will follow.
    if (latest !== this.latest) return;
    this.post(diagnoseDraft(latest.draft, latest.revision, history, uiLang(), this.session.clock()));
  }

  private async lastAttempt(): Promise<Report | null> {
    const history = await this.history.history(this.session.readingFolder());
    return history[history.length - 1] ?? null;
  }

  /** Runs a button's command with the validated report and answers with what it made. */
  private async request(message: WebviewRequest): Promise<void> {
    const reply = (result: { ok: true; uri?: string; message?: string } | { ok: false; message?: string }) =>
      this.post({ type: 'didComplete', requestId: message.requestId, ...result });
    let argument: Report | undefined;
    if (message.type !== 'openJournal') {
      const parsed = parseReport(message.report);
      if (!parsed.ok) {
        reply({ ok: false, message: vscode.l10n.t('Some fields need attention, so nothing was done.') });
        return;
      }
      argument = parsed.report;
    }
    const command = REQUEST_COMMANDS[message.type];
    const result = argument ? await vscode.commands.executeCommand<unknown>(command, argument) : await vscode.commands.executeCommand<unknown>(command);
    if (!(result instanceof vscode.Uri)) {
      // Cancelled, or the command already told the person why.
      reply({ ok: false });
      return;
    }
    const name = vscode.workspace.asRelativePath(result);
    const done =
      message.type === 'saveJournal'
        ? vscode.l10n.t('Recorded the attempt in {0}.', name)
        : message.type === 'generateAppeal'
          ? vscode.l10n.t('Wrote the appeal to {0}. Check it, then send it yourself from the Help Center (Billing & Payments).', name)
          : message.type === 'generateBankInquiry'
            ? vscode.l10n.t('Wrote the bank inquiry to {0}. Check it, then send it to your bank yourself.', name)
            : vscode.l10n.t('Opened {0}.', name);
    reply({ ok: true, uri: result.toString(), message: done });
  }

  private post(message: HostToWebviewMessage): void {
    // The webview parses what it gets with the same schema and drops what fails; check here
    // too, so a message the webview would drop is a line in the log rather than a silent form.
    const checked = hostToWebviewSchema.safeParse(message);
    if (!checked.success) {
      this.session.log.error(`form view: not sending an invalid ${message.type} message:`, checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`).join('; '));
      return;
    }
    void this.webview.postMessage(message);
  }
}
