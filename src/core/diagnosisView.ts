/**
 * A diagnosis laid out for reading: every sentence already in the reader's language, in the
 * order a person reads it. The Markdown here and the CLI's coloured text are two renderings
 * of this one view, so they never disagree.
 */
import type { Lang } from './catalogue';
import type { Diagnosis, HistorySummary, IfRecorded, Likelihood } from './diagnose';
import {
  actionText,
  adviceText,
  causeSummary,
  causeTitle,
  cooldownText,
  declineMessageText,
  evidenceText,
  likelihoodText,
} from './explain';
import { labelsFor } from './language';
import { formatLocalTime, offsetOf } from './localTime';

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
  /**
   * What the journal holds for the last 24 hours, then whether this attempt is in it or what
   * recording it would change ("… would make it the 3rd in 24 hours and start a 24-hour wait").
   */
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
    codeOpen: ' (',
    codeClose: ')',
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
    history: ({ attempts24h: a, cards24h: c }: HistorySummary) =>
      a === 0
        ? 'No attempts in the journal in the last 24 hours.'
        : `Last 24 hours in the journal: ${a} attempt${a === 1 ? '' : 's'}${c === 0 ? '' : `, ${c} card${c === 1 ? '' : 's'}`}.`,
    recorded: 'This attempt is in the journal.',
    notRecorded: 'This attempt is not in the journal yet.',
    ifRecorded: ({ attempts24h: a, position }: IfRecorded & { position: number }, newCard: number | null, wait: Wait) =>
      `Recording this attempt would make it the ${ordinal(position)}${position === a ? '' : ` of ${a}`} in 24 hours` +
      (newCard === null ? '' : `, with a ${ordinal(newCard)} card`) +
      // A comma before "and" only after the card's clause, which already has one.
      (wait === null ? '' : `${newCard === null ? '' : ','} and ${wait === 'start' ? 'start a' : 'restart the'} 24-hour wait`) +
      '.',
    olderThanDay: 'This attempt was more than 24 hours ago: recording it adds it to the timeline but changes no count and no wait.',
    join: ' ',
    disclaimer: (asOf: string) =>
      `These are likely causes, not certainties: only the bank and the merchant know the real reason. Region rules as of ${asOf}. Nothing was sent anywhere; you decide what to send.`,
  },
  'zh-cn': {
    title: '绑卡失败诊断',
    attempt: '绑卡时间',
    message: '识别出的提示',
    code: '拒绝代码',
    codeOpen: '（',
    codeClose: '）',
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
      `卡组织返回的代码：${[decline ? `拒绝代码 ${decline}` : '', advice ? `建议代码 ${advice}` : ''].filter(Boolean).join('，')}`,
    history: ({ attempts24h: a, cards24h: c }: HistorySummary) =>
      a === 0 ? '失败日志中过去 24 小时没有记录。' : `失败日志中过去 24 小时：绑卡 ${a} 次${c === 0 ? '' : `，用了 ${c} 张卡`}。`,
    recorded: '这次绑卡已记入失败日志。',
    notRecorded: '这次绑卡还没有记入失败日志。',
    ifRecorded: ({ attempts24h: a, position }: IfRecorded & { position: number }, newCard: number | null, wait: Wait) =>
      `若记入失败日志，这将是 24 小时内${position === a ? '' : ` ${a} 次绑卡中`}的第 ${position} 次` +
      (position === a ? '绑卡' : '') +
      (newCard === null ? '' : `、用到的第 ${newCard} 张卡`) +
      (wait === 'start' ? '，并开始 24 小时的等待期' : wait === 'restart' ? '，等待期也将从这次起重新计算 24 小时' : '') +
      '。',
    olderThanDay: '这次绑卡发生在 24 小时以前：记入失败日志会补全时间线，但不改变次数，也不改变等待期。',
    join: '',
    disclaimer: (asOf: string) =>
      `以上只是可能的原因，并非定论：真正的原因只有银行和商户知道。支持地区信息截至 ${asOf}。本工具不会发送任何内容，是否发送由您决定。`,
  },
} as const;

/** What recording an attempt does to the wait: starts one, moves it later, or leaves it. */
type Wait = 'start' | 'restart' | null;

/** English ordinals: 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 23rd … 111th. */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The history line: the journal's counts, then the report's place in the journal or what recording it would change. */
function historyLine(diagnosis: Diagnosis, lang: Lang): string {
  const labels = labelsFor(LABELS, lang);
  const journal = labels.history(diagnosis.history);
  const next = diagnosis.ifRecorded;
  if (diagnosis.recorded) return journal + labels.join + labels.recorded;
  if (!next) return journal;
  if (next.position === null) return journal + labels.join + labels.olderThanDay;
  // The first in 24 hours changes nothing worth a sentence beyond that it is not recorded.
  if (next.attempts24h === 1) return journal + labels.join + labels.notRecorded;
  const { cooldown } = diagnosis;
  const wait: Wait = !next.cooldown ? null : !cooldown ? 'start' : Date.parse(next.cooldown.until) > Date.parse(cooldown.until) ? 'restart' : null;
  // A card is worth naming only when it is one more than the journal has seen and makes two or more.
  const newCard = next.cards24h > diagnosis.history.cards24h && next.cards24h >= 2 ? next.cards24h : null;
  return journal + labels.join + labels.ifRecorded({ ...next, position: next.position }, newCard, wait);
}

/** Lays out a diagnosis in one language. `now` is needed for the time left in a cooldown. */
export function viewDiagnosis(diagnosis: Diagnosis, lang: Lang, now: Date): DiagnosisView {
  const labels = labelsFor(LABELS, lang);
  const offset = offsetOf(diagnosis.occurredAt);
  const messages = diagnosis.recognizedMessages
    .map((id) => declineMessageText(id, lang))
    .filter((text): text is string => Boolean(text));
  const code = diagnosis.declineCode
    ? `${labels.codeOpen}${labels.code}${labels.colon}${diagnosis.declineCode}${labels.codeClose}`
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
    historyLine: historyLine(diagnosis, lang),
    labels: { evidence: labels.evidence, against: labels.against, actions: labels.actions, cooldown: labels.cooldown, colon: labels.colon },
    disclaimer: labels.disclaimer(diagnosis.supportedRegionsAsOf),
  };
}

/** The diagnosis as a Markdown document: what the CLI's `--format markdown` prints and the extension previews. */
export function diagnosisToMarkdown(view: DiagnosisView): string {
  const lines: string[] = [`# ${view.title}`, '', `- ${view.attemptLine}`];
  if (view.messageLine) lines.push(`- ${view.messageLine}`);
  lines.push(`- ${view.historyLine}`, '');
  // The colon goes outside the bold: CommonMark closes `**` only where it is right-flanking, which
  // `**请先等待：**文字` and `**Wait: **text` are not, so they would show their asterisks.
  if (view.cooldown) lines.push(`> **${view.labels.cooldown}**${view.labels.colon}${view.cooldown}`, '');
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
