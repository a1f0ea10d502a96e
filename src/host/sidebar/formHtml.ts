import * as vscode from 'vscode';
import type { Lang } from '../../core/catalogue';
import { htmlLang } from '../../core/language';
import { escapeHtml } from '../html';

/**
 * A fresh nonce per page: 128 bits from the platform's cryptographic source (Web Crypto, in Node
 * and in a web worker extension host alike), base64 (CSP allows it as is).
 */
export function createNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy of the form's page: nothing by default; the one bundled script by its nonce; styles,
 * fonts and images only from the extension's own files. No inline script, style or handler, and
 * no network at all.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
  ].join('; ');
}

/** The folder of the page's script: it alone, not the rest of dist/ (the extension's own bundles). */
const SCRIPT_FOLDER = ['dist', 'webview'] as const;

/**
 * The folders the page may load from, and nothing else: the stylesheet with the icons it uses
 * (media/), and the script's own folder. VS Code matches these as folder prefixes, so a single
 * file cannot be given.
 */
export function formResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, ...SCRIPT_FOLDER)];
}

/**
 * The page: an empty `<main>` the script fills once the host has answered `ready` with `init`
 * (it then sets `data-ready="true"`), the stylesheet and the script. Everything a person reads
 * comes in `init`, so the page itself holds no words but its title.
 */
export function formHtml(webview: vscode.Webview, extensionUri: vscode.Uri, lang: Lang, title: string, nonce: string = createNonce()): string {
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'form.css'));
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...SCRIPT_FOLDER, 'webview.js'));
  return `<!DOCTYPE html>
<html lang="${htmlLang(lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(webview.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(style.toString())}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main id="app" data-ready="false" aria-busy="true"></main>
<script nonce="${nonce}" src="${escapeHtml(script.toString())}"></script>
</body>
</html>`;
}
