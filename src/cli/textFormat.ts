import type { DiagnosisView } from '../core/diagnosisView';

/** ANSI styles, used only when writing to a terminal that wants colour. */
export interface Styles {
  bold(text: string): string;
  dim(text: string): string;
  likelihood(level: 'high' | 'medium' | 'low', text: string): string;
  warn(text: string): string;
}

const plain: Styles = { bold: (t) => t, dim: (t) => t, likelihood: (_l, t) => t, warn: (t) => t };

const ansi: Styles = {
  bold: (t) => `\u001b[1m${t}\u001b[22m`,
  dim: (t) => `\u001b[2m${t}\u001b[22m`,
  likelihood: (level, t) => `\u001b[${level === 'high' ? 31 : level === 'medium' ? 33 : 36}m${t}\u001b[39m`,
  warn: (t) => `\u001b[33m${t}\u001b[39m`,
};

/** Colour when the stream is a terminal, unless NO_COLOR asks otherwise (https://no-color.org). */
export function stylesFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): Styles {
  if (env.NO_COLOR) return plain;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return ansi;
  return stream.isTTY ? ansi : plain;
}

/** The diagnosis as readable terminal text. */
export function diagnosisToText(view: DiagnosisView, styles: Styles): string {
  const lines: string[] = [styles.bold(view.title), view.attemptLine];
  if (view.messageLine) lines.push(view.messageLine);
  lines.push(view.historyLine, '');
  if (view.cooldown) lines.push(styles.warn(`${view.labels.cooldown}${view.labels.colon}${view.cooldown}`), '');
  if (view.findings.length > 0) {
    lines.push(styles.bold(view.findingsHeading), '');
    view.findings.forEach((finding, index) => {
      lines.push(`${index + 1}. ${styles.bold(finding.title)}  ${styles.likelihood(finding.likelihood, `[${finding.likelihoodText}]`)}`);
      lines.push(`   ${finding.summary}`);
      lines.push(`   ${view.labels.evidence}${view.labels.colon.trim()}`, ...finding.evidenceFor.map((item) => `     - ${item}`));
      if (finding.evidenceAgainst.length > 0) {
        lines.push(`   ${view.labels.against}${view.labels.colon.trim()}`, ...finding.evidenceAgainst.map((item) => `     - ${item}`));
      }
      lines.push(`   ${view.labels.actions}${view.labels.colon.trim()}`, ...finding.actions.map((item, step) => `     ${step + 1}) ${item}`), '');
    });
  }
  if (view.noFindings) lines.push(view.noFindings, '');
  if (view.generalStepsHeading) {
    lines.push(styles.bold(view.generalStepsHeading), ...view.generalSteps.map((item, step) => `  ${step + 1}) ${item}`), '');
  }
  lines.push(styles.dim(view.disclaimer));
  return lines.join('\n') + '\n';
}
