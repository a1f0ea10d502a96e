/**
 * Turns a diagnosis (ids and parameters) into words in the reader's language. The CLI, the
 * letters and the extension all speak through these functions, so a cause is described the
 * same way everywhere.
 */
import type { CauseId } from './causeIds';
import {
  ACTIONS,
  ADVICE_WORDS,
  BELIEF_AGAINST_CODE_WORDS,
  BRAND_NAMES,
  CARD_KIND_WORDS,
  CAUSES,
  INFERRED_COUNTRY_WORDS,
  LIKELIHOOD_WORDS,
  SIGNAL_WORDS,
  fillWords,
  type ActionId,
  type Lang,
} from './catalogue';
import { countryName } from './countries';
import { pick, say, sayMaybe } from './language';
import { DECLINE_MESSAGES } from './declineMessages';
import type { Cooldown, Evidence, Likelihood } from './diagnose';
import { durationText, formatLocalTime } from './localTime';

/** Parameters that hold a country code, shown as the country's name. */
const COUNTRY_PARAMS = new Set(['country', 'billing', 'issuer', 'access']);

export function causeTitle(cause: CauseId, lang: Lang): string {
  return say(CAUSES[cause].title, lang);
}

export function causeSummary(cause: CauseId, lang: Lang): string {
  return say(CAUSES[cause].summary, lang);
}

export function actionText(action: ActionId, lang: Lang): string {
  return say(ACTIONS[action].words, lang);
}

export function likelihoodText(likelihood: Likelihood, lang: Lang): string {
  return say(LIKELIHOOD_WORDS[likelihood], lang);
}

/** A brand id as a person says it ("UnionPay" / "银联"). */
export function brandText(brand: string, lang: Lang): string {
  return sayMaybe(BRAND_NAMES[brand], lang) ?? brand;
}

/** The canonical text of a recognized message in the reader's language, if it is in the catalogue. */
export function declineMessageText(messageId: string, lang: Lang): string | undefined {
  const message = DECLINE_MESSAGES.find((entry) => entry.id === messageId);
  if (!message) return undefined;
  return say({ en: message.en, 'zh-cn': message.zhCn }, lang);
}

/** One sentence saying what a piece of evidence is, e.g. "The card was issued in China, …". */
export function evidenceText(evidence: Evidence, lang: Lang): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(evidence.params)) {
    params[key] = COUNTRY_PARAMS.has(key) && typeof value === 'string' ? countryName(value, lang) : value;
  }
  // An inferred issuing country says so, and from what, wherever the issuer is named.
  const inferredFrom = evidence.params.inferredFrom;
  if (inferredFrom === 'bin' || inferredFrom === 'bank-name') {
    const issuerKey = 'issuer' in params ? 'issuer' : 'country';
    params[issuerKey] = fillWords(say(INFERRED_COUNTRY_WORDS[inferredFrom], lang), {
      country: String(params[issuerKey]),
      detail: String(evidence.params.inferredDetail ?? ''),
    });
  }
  if (evidence.signal === 'decline-message' || evidence.signal === 'earlier-message-same-card') {
    const code = String(evidence.params.declineCode ?? '');
    params.code = code ? fillWords(pick(' (decline code {code})', '（拒绝代码 {code}）', lang), { code }) : '';
  }
  if (evidence.signal === 'brand-contradicts-prefix') {
    params.stated = brandText(String(evidence.params.stated), lang);
    params.detected = brandText(String(evidence.params.detected), lang);
  }
  if (typeof evidence.params.kind === 'string') {
    params.kind = sayMaybe(CARD_KIND_WORDS[evidence.params.kind], lang) ?? evidence.params.kind;
  }
  const sentence = fillWords(say(SIGNAL_WORDS[evidence.signal], lang), params);
  return evidence.params.againstBankCode ? sentence + say(BELIEF_AGAINST_CODE_WORDS, lang) : sentence;
}

/** The bank's advice code as a clause ("the bank advises not to try this card again"), or the code itself when unknown. */
export function adviceText(adviceCode: string, lang: Lang): string {
  return sayMaybe(ADVICE_WORDS[adviceCode], lang) ?? adviceCode;
}


const COOLDOWN_WORDS = {
  cardChanged: {
    en: 'More than one card was tried in the last 24 hours; the article advises waiting 24 hours. Wait until {until} ({left} from now) before trying again or trying another card.',
    'zh-cn': '过去 24 小时内用过不止一张卡；文章建议先等 24 小时。请等到 {until}（还有 {left}）再重试或换卡。',
  },
  attempts: {
    en: 'Several attempts were made in the last 24 hours; the article advises waiting 24 hours. Wait until {until} ({left} from now) before trying again or trying another card.',
    'zh-cn': '过去 24 小时内已多次绑卡；文章建议先等 24 小时。请等到 {until}（还有 {left}）再重试或换卡。',
  },
} as const;

/** Why to wait and until when, in the attempt's own offset. */
export function cooldownText(cooldown: Cooldown, offsetMinutes: number, now: Date, lang: Lang): string {
  const until = formatLocalTime(cooldown.until, offsetMinutes);
  const left = durationText(Date.parse(cooldown.until) - now.getTime(), lang);
  return fillWords(say(COOLDOWN_WORDS[cooldown.reason === 'card-changed' ? 'cardChanged' : 'attempts'], lang), { until, left });
}
