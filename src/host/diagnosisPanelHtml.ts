import type { Lang } from '../core/catalogue';
import type { DiagnosisView, FindingView } from '../core/diagnosisView';
import { htmlLang } from '../core/language';
import { escapeHtml } from './html';

/** What the page needs besides the diagnosis: where its stylesheet is and what the CSP allows. */
export interface DiagnosisPage {
  lang: Lang;
  /** `webview.cspSource`: the only origin styles may come from. */
  cspSource: string;
  /** The panel's stylesheet as a webview URI (media/diagnosis.css). */
  styleUri: string;
  /** A line under the title saying where the next steps are (the panel's title bar). */
  actionsHint: string;
}

/**
 * The diagnosis as a static page: no script, no inline style, nothing loaded but the extension's
 * own stylesheet. Every string comes from the core's `DiagnosisView` and is escaped, because the
 * error message and the bank's name in it were typed or pasted by the person.
 */
export function diagnosisHtml(view: DiagnosisView, page: DiagnosisPage): string {
  const csp = `default-src 'none'; style-src ${page.cspSource}`;
  const facts = [view.attemptLine, view.messageLine, view.historyLine].filter((line): line is string => line !== null);
  const parts: string[] = [
    `<h1>${escapeHtml(view.title)}</h1>`,
    `<p class="hint">${escapeHtml(page.actionsHint)}</p>`,
    `<ul class="facts">${facts.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
  ];
  if (view.cooldown) {
    parts.push(
      `<aside class="cooldown" role="note"><strong>${escapeHtml(view.labels.cooldown)}</strong>${escapeHtml(view.labels.colon)}${escapeHtml(view.cooldown)}</aside>`,
    );
  }
  if (view.findings.length > 0) {
    parts.push(`<h2>${escapeHtml(view.findingsHeading)}</h2>`);
    view.findings.forEach((finding, index) => parts.push(findingHtml(finding, index, view.labels)));
  }
  if (view.noFindings) parts.push(`<p>${escapeHtml(view.noFindings)}</p>`);
  if (view.generalStepsHeading) {
    parts.push(`<h2>${escapeHtml(view.generalStepsHeading)}</h2>`, listHtml('ol', view.generalSteps));
  }
  parts.push(`<hr><p class="disclaimer">${escapeHtml(view.disclaimer)}</p>`);
  return [
    '<!DOCTYPE html>',
    `<html lang="${htmlLang(page.lang)}">`,
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<link rel="stylesheet" href="${escapeHtml(page.styleUri)}">`,
    `<title>${escapeHtml(view.title)}</title>`,
    '</head>',
    `<body><main>${parts.join('\n')}</main></body>`,
    '</html>',
  ].join('\n');
}

function findingHtml(finding: FindingView, index: number, labels: DiagnosisView['labels']): string {
  const heading = (text: string) => `<h4>${escapeHtml(text)}</h4>`;
  const sections = [
    `<h3><span class="number">${index + 1}.</span> ${escapeHtml(finding.title)} <span class="likelihood">${escapeHtml(finding.likelihoodText)}</span></h3>`,
    `<p>${escapeHtml(finding.summary)}</p>`,
  ];
  if (finding.evidenceFor.length > 0) sections.push(heading(labels.evidence), listHtml('ul', finding.evidenceFor));
  if (finding.evidenceAgainst.length > 0) sections.push(heading(labels.against), listHtml('ul', finding.evidenceAgainst));
  if (finding.actions.length > 0) sections.push(heading(labels.actions), listHtml('ol', finding.actions));
  return `<section class="finding finding-${finding.likelihood}">${sections.join('')}</section>`;
}

function listHtml(tag: 'ul' | 'ol', items: readonly string[]): string {
  return `<${tag}>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</${tag}>`;
}
