import * as vscode from 'vscode';
import type { Lang } from '../core/catalogue';
import type { Diagnosis } from '../core/diagnose';
import { diagnosisToMarkdown, viewDiagnosis } from '../core/diagnosisView';

const SCHEME = 'card-doctor';

/**
 * The diagnosis as a read-only Markdown document (`card-doctor:/diagnosis.md`), shown in the
 * Markdown preview. One document, replaced by each new diagnosis, so previews don't pile up.
 */
export class DiagnosisDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private content = '';
  private readonly registration: vscode.Disposable;
  readonly uri = vscode.Uri.from({ scheme: SCHEME, path: '/diagnosis.md' });

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(SCHEME, this);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }

  provideTextDocumentContent(): string {
    return this.content;
  }

  /** Renders the diagnosis in `lang` and opens (or refreshes) its preview. */
  async show(diagnosis: Diagnosis, lang: Lang, now: Date): Promise<void> {
    this.content = diagnosisToMarkdown(viewDiagnosis(diagnosis, lang, now));
    this.changed.fire(this.uri);
    await vscode.commands.executeCommand('markdown.showPreview', this.uri);
  }

  /** The Markdown last shown, for tests and for copying. */
  get text(): string {
    return this.content;
  }
}
