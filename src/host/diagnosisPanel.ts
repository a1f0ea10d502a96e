import * as vscode from 'vscode';
import type { Lang } from '../core/catalogue';
import type { DiagnosisView } from '../core/diagnosisView';
import { DIAGNOSIS_PANEL_TYPE } from './commandIds';
import { diagnosisHtml } from './diagnosisPanelHtml';

/** How a diagnosis is put on screen. */
export interface ShowOptions {
  /** Bring the tab to the front (and create it if closed); false only refreshes an open tab. */
  reveal: boolean;
  /** Leave the keyboard where it is. */
  preserveFocus: boolean;
}

/**
 * The diagnosis in an editor tab of its own (`cardDoctor.diagnosis`), beside what the person is
 * working on. One tab, refreshed by each diagnosis. Its title bar carries the next steps
 * (package.json `menus.editor/title`), so they stay as long as the diagnosis does; letters open
 * in another column, so they never cover it. The page is static HTML: no script runs in it.
 */
export class DiagnosisPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private html = '';

  constructor(private readonly extensionUri: vscode.Uri) {}

  dispose(): void {
    this.panel?.dispose();
    this.forget();
  }

  /** Whether the tab is open (visible or behind another tab). */
  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** The page last rendered: for tests, the same HTML the tab shows. */
  get text(): string {
    return this.html;
  }

  /**
   * A column for a letter or the journal that leaves the diagnosis in view: the first one, or
   * the second when the diagnosis is in the first; undefined when the tab is closed.
   */
  companionColumn(): vscode.ViewColumn | undefined {
    if (!this.panel) return undefined;
    return this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  }

  /** Renders the view into the tab, creating or revealing it as asked. */
  show(view: DiagnosisView, lang: Lang, options: ShowOptions): void {
    if (!this.panel) {
      if (!options.reveal) return;
      this.adopt(
        vscode.window.createWebviewPanel(DIAGNOSIS_PANEL_TYPE, vscode.l10n.t('Card Doctor: Diagnosis'), { viewColumn: newTabColumn(), preserveFocus: options.preserveFocus }, {
          enableFindWidget: true,
        }),
      );
    } else if (options.reveal) {
      this.panel.reveal(undefined, options.preserveFocus);
    }
    this.render(view, lang);
  }

  /** Takes over a tab: one just created, or one VS Code restored after a reload. */
  adopt(panel: vscode.WebviewPanel): void {
    if (this.panel && this.panel !== panel) this.panel.dispose();
    this.forget();
    this.panel = panel;
    panel.title = vscode.l10n.t('Card Doctor: Diagnosis');
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'cardDoctor.svg');
    panel.webview.options = { enableScripts: false, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')] };
    this.panelDisposables.push(
      panel.onDidDispose(() => {
        if (this.panel === panel) this.forget();
      }),
    );
  }

  private render(view: DiagnosisView, lang: Lang): void {
    const webview = this.panel!.webview;
    this.html = diagnosisHtml(view, {
      lang,
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'diagnosis.css')).toString(),
      actionsHint: vscode.l10n.t('Generate the appeal or the bank inquiry, or record this attempt in the journal, with the buttons at the top right of this tab.'),
    });
    webview.html = this.html;
  }

  private forget(): void {
    for (const disposable of this.panelDisposables.splice(0)) disposable.dispose();
    this.panel = undefined;
    this.html = '';
  }
}

/**
 * Beside the active editor; in the only group when it is empty, so a first diagnosis uses the
 * whole editor area rather than leaving an empty column beside it.
 */
function newTabColumn(): vscode.ViewColumn {
  const groups = vscode.window.tabGroups.all;
  return groups.length === 1 && groups[0]!.tabs.length === 0 ? vscode.ViewColumn.One : vscode.ViewColumn.Beside;
}
