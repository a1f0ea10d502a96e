/**
 * A diagnosis laid out for reading: every sentence already in the reader's language, in the
 * order a person reads it. The Markdown here and the CLI's coloured text are two renderings
 * of this one view, so they never disagree.
 */
import type { Lang } from './catalogue';
import type { Diagnosis, Likelihood } from './diagnose';
import {
  actionText,
  adviceText,
  causeSummary,
  causeTitle,
  cooldownText,
  declineMessageText,
  evidenceText,
  formatLocalTime,
  likelihoodText,
  offsetOf,
} from './explain';

export interface FindingView {
  title: string;
  likelihood: Likelihood;
  likelihoodText: string;
  summary: string;
  evidenceFor: readonly string[];
  evidenceAgainst: readonly string[];
  actions: readonly string[];
}

export interface DiagnosisView {
  title: string;
  attemptLine: string;
  messageLine: string | null;
  cooldown: string | null;
  findingsHeading: string;
  findings: readonly FindingView[];
  noFindings: string | null;
  generalStepsHeading: string | null;
  generalSteps: readonly string[];
  historyLine: string;
  labels: { evidence: string; against: string; actions: string; cooldown: string; colon: string };
  disclaimer: string;
}

const LABELS = {
  en: {
    title: 'Card failure diagnosis',
    attempt: 'Attempt',
    message: 'Recognized message',
    code: 'decline code',
    findings: 'Possible causes, most likely first',
    none: 'Nothing in the report points to a specific cause yet. Add what you know (card, billing, bank, connection) for a sharper answer.',
    general: 'General next steps from the article',
    evidence: 'Why',
    against: 'Against',
    actions: 'What to do',
    cooldown: 'Wait before trying again',
    colon: ': ',
    separator: '; ',
    networkCodes: (decline: string | null, advice: string | null) =>
      `card network codes: ${[decline ? `decline ${decline}` : '', advice ? `advice ${advice}` : ''].filter(Boolean).join(', ')}`,
    history: (a: number, c: number) => `Last 24 hours: ${a} attempt${a === 1 ? '' : 's'}, ${c} card${c === 1 ? '' : 's'}.`,
    disclaimer: (asOf: string) =>
      `These are likely causes, not certainties: only the bank and the merchant know the real reason. Region rules as of ${asOf}. Nothing was sent anywhere; you decide what to send.`,
  },
  'zh-cn': {
    title: '绑卡失败诊断',
    attempt: '尝试时间',
    message: '识别出的提示',
    code: '拒绝代码',
    findings: '可能的原因（按可能性排序）',
    none: '报告中的信息尚不足以指向具体原因。补充卡片、账单、银行和网络信息可得到更准确的结果。',
    general: '文章给出的通用步骤',
    evidence: '依据',
    against: '反面依据',
    actions: '建议做法',
    cooldown: '请先等待',
    colon: '：',
    separator: '；',
    networkCodes: (decline: string | null, advice: string | null) =>
      `卡组织代码：${[decline ? `拒绝 ${decline}` : '', advice ? `建议 ${advice}` : ''].filter(Boolean).join('，')}`,
    history: (a: number, c: number) => `过去 24 小时：尝试 ${a} 次，使用 ${c} 张卡。`,
    disclaimer: (asOf: string) =>
      `以上只是可能的原因，并非定论：真正的原因只有银行和商户知道。支持地区信息截至 ${asOf}。本工具不会发送任何内容，是否发送由您决定。`,
  },
} as const;

/** Lays out a diagnosis in one language. `now` is needed for the time left in a cooldown. */
export function viewDiagnosis(diagnosis: Diagnosis, lang: Lang, now: Date): DiagnosisView {
  const labels = LABELS[lang];
  const offset = offsetOf(diagnosis.occurredAt);
  const messages = diagnosis.recognizedMessages
    .map((id) => declineMessageText(id, lang))
    .filter((text): text is string => Boolean(text));
  const code = diagnosis.declineCode
    ? lang === 'en' ? ` (${labels.code}: ${diagnosis.declineCode})` : `（${labels.code}：${diagnosis.declineCode}）`
    : '';
  // Advice and the network's codes travel with the message: they say what to do, not why.
  const { adviceCode, networkDeclineCode, networkAdviceCode } = diagnosis.context;
  const extras: string[] = [];
  if (adviceCode) extras.push(adviceText(adviceCode, lang));
  if (networkDeclineCode || networkAdviceCode) extras.push(labels.networkCodes(networkDeclineCode, networkAdviceCode));
  let messageLine: string | null = null;
  if (messages.length > 0 || diagnosis.declineCode || extras.length > 0) {
    messageLine = `${labels.message}${labels.colon}${messages.join(' / ') || '—'}${code}${extras.map((extra) => labels.separator + extra).join('')}`;
  }
  return {
    title: labels.title,
    attemptLine: `${labels.attempt}${labels.colon}${formatLocalTime(diagnosis.occurredAt, offset)}`,
    messageLine,
    cooldown: diagnosis.cooldown ? cooldownText(diagnosis.cooldown, offset, now, lang) : null,
    findingsHeading: labels.findings,
    findings: diagnosis.findings.map((finding) => ({
      title: causeTitle(finding.cause, lang),
      likelihood: finding.likelihood,
      likelihoodText: likelihoodText(finding.likelihood, lang),
      summary: causeSummary(finding.cause, lang),
      // Weight 0 is a note on context (what was set aside and why): it reads with the reasons.
      evidenceFor: finding.evidence.filter((item) => item.weight >= 0).map((item) => evidenceText(item, lang)),
      evidenceAgainst: finding.evidence.filter((item) => item.weight < 0).map((item) => evidenceText(item, lang)),
      actions: finding.actions.map((action) => actionText(action, lang)),
    })),
    noFindings: diagnosis.findings.length === 0 ? labels.none : null,
    generalStepsHeading: diagnosis.generalSteps.length > 0 ? labels.general : null,
    generalSteps: diagnosis.generalSteps.map((action) => actionText(action, lang)),
    historyLine: labels.history(diagnosis.history.attempts24h, diagnosis.history.cards24h),
    labels: { evidence: labels.evidence, against: labels.against, actions: labels.actions, cooldown: labels.cooldown, colon: labels.colon },
    disclaimer: labels.disclaimer(diagnosis.supportedRegionsAsOf),
  };
}

/** The diagnosis as a Markdown document: what the CLI's `--format markdown` prints and the extension previews. */
export function diagnosisToMarkdown(view: DiagnosisView): string {
  const lines: string[] = [`# ${view.title}`, '', `- ${view.attemptLine}`];
  if (view.messageLine) lines.push(`- ${view.messageLine}`);
  lines.push(`- ${view.historyLine}`, '');
  if (view.cooldown) lines.push(`> **${view.labels.cooldown}${view.labels.colon}**${view.cooldown}`, '');
  if (view.findings.length > 0) {
    lines.push(`## ${view.findingsHeading}`, '');
    view.findings.forEach((finding, index) => {
      lines.push(`### ${index + 1}. ${finding.title} — ${finding.likelihoodText}`, '', finding.summary, '');
      lines.push(`**${view.labels.evidence}${view.labels.colon.trim()}**`, '', ...finding.evidenceFor.map((item) => `- ${item}`), '');
      if (finding.evidenceAgainst.length > 0) {
        lines.push(`**${view.labels.against}${view.labels.colon.trim()}**`, '', ...finding.evidenceAgainst.map((item) => `- ${item}`), '');
      }
      lines.push(`**${view.labels.actions}${view.labels.colon.trim()}**`, '', ...finding.actions.map((item, step) => `${step + 1}. ${item}`), '');
    });
  }
  if (view.noFindings) lines.push(view.noFindings, '');
  if (view.generalStepsHeading) {
    lines.push(`## ${view.generalStepsHeading}`, '', ...view.generalSteps.map((item, step) => `${step + 1}. ${item}`), '');
  }
  lines.push('---', '', `_${view.disclaimer}_`, '');
  return lines.join('\n');
}
