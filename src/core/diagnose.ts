/**
 * The diagnosis: pure and deterministic. `diagnose(report, history, now)` weighs what the
 * report and the journal say against the catalogue of causes and returns ids and parameters;
 * turning them into words is the reader's job (`explain.ts`).
 *
 * Scoring: every signal adds a weight to one cause (1 a hint, 2 a clear sign, 3 strong), or
 * subtracts when it speaks against the cause. Several weak signals that agree therefore add up
 * to a stronger finding, and a contrary answer weakens it. Nothing is ever certain: the best a
 * finding gets is "high" likelihood, with its evidence listed.
 */
import { CAUSE_IDS, type CauseId } from './causeIds';
import { CAUSES, GENERAL_STEPS, type ActionId, type SignalId } from './catalogue';
import { brandFromPrefix, isExpired, postalCodeFitsCountry } from './cardFacts';
import { recognizeDeclineMessages, type DeclineRecognition } from './declineMessages';
import type { Report } from './report';
import { SUPPORTED_REGIONS, isSupportedRegion } from './supportedRegions';

export type Likelihood = 'high' | 'medium' | 'low';

/** Why a cause was raised or weakened: which signal, from which field, how much. */
export interface Evidence {
  signal: SignalId;
  /** The report field (`card.issuerCountry`), `errorMessage`, or `history`. */
  field: string;
  /** Positive supports the cause, negative speaks against it. */
  weight: number;
  /** Raw values for the words: country codes, counts, the matched message. */
  params: Readonly<Record<string, string | number>>;
}

export interface Finding {
  cause: CauseId;
  likelihood: Likelihood;
  score: number;
  evidence: readonly Evidence[];
  actions: readonly ActionId[];
}

export interface Cooldown {
  /** ISO 8601 (UTC): the earliest time the article's advice allows another attempt. */
  until: string;
  reason: 'repeated-attempts' | 'card-changed';
}

export interface HistorySummary {
  attempts24h: number;
  cards24h: number;
  /** How often the most repeated error appeared in the last 24 hours. */
  sameError24h: number;
}

export interface Diagnosis {
  /** When the attempt happened: the report's time, or `now` when it gave none. */
  occurredAt: string;
  /** Most likely first. Empty when nothing in the report points anywhere. */
  findings: readonly Finding[];
  /** The processor's decline code, from pasted JSON or implied by a recognized message. */
  declineCode: string | null;
  /** Ids of the recognized messages, most specific first. */
  recognizedMessages: readonly string[];
  cooldown: Cooldown | null;
  history: HistorySummary;
  /** The article's general next steps when no cause stands out (no high or medium finding). */
  generalSteps: readonly ActionId[];
  /** The date of the supported-countries snapshot used for region rules. */
  supportedRegionsAsOf: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Decline codes that carry no specific reason. A generic decline with a sufficient balance is
 * the article's own example of international payments being off (§1.2, FAQ 1).
 */
const GENERIC_DECLINES = new Set(['generic_decline', 'do_not_honor', 'card_declined', 'transaction_not_allowed']);

/** The merchant bills from the United States, so any other issuing country makes the payment cross-border. */
const MERCHANT_COUNTRY = 'US';

/** The article's readers are in mainland China; its FAQ 4 is about cards issued there. */
const DOMESTIC_COUNTRY = 'CN';

interface Attempt {
  time: number;
  cardKey: string | undefined;
  errorKey: string | undefined;
  virtual: boolean;
  typeRefused: boolean;
}

/**
 * Diagnoses one failed attempt. `history` is the journal (earlier attempts, in any order); the
 * report itself counts as an attempt unless the journal already holds it (same time). `now`
 * anchors every time window, so the same input always gives the same answer.
 */
export function diagnose(report: Report, history: readonly Report[], now: Date): Diagnosis {
  const occurredAt = report.occurredAt ?? now.toISOString();
  const recognitions = report.errorMessage ? recognizeDeclineMessages(report.errorMessage) : [];
  const declineCode = recognitions.find((recognition) => recognition.declineCode)?.declineCode ?? null;

  const evidence = new Map<CauseId, Evidence[]>();
  const add = (cause: CauseId, signal: SignalId, field: string, weight: number, params: Evidence['params'] = {}) => {
    const list = evidence.get(cause) ?? [];
    list.push({ signal, field, weight, params });
    evidence.set(cause, list);
  };

  addMessageEvidence(recognitions, add);
  addRegionEvidence(report, declineCode, add);
  addBillingEvidence(report, add);
  addCardDetailEvidence(report, now, add);
  addInternationalEvidence(report, declineCode, recognitions, add);
  addCardTypeEvidence(report, add);
  addNetworkEvidence(report, add);
  addFundsEvidence(report, add);
  if (report.product === 'chatgpt-app') add('app-store-billing', 'product-mobile-app', 'product', 3);

  const attempts = recentAttempts(report, occurredAt, recognitions, history, now);
  const summary = summarize(attempts);
  addHistoryEvidence(attempts, summary, add);

  const findings = rankFindings(evidence);
  const standsOut = findings.some((finding) => finding.likelihood !== 'low');
  return {
    occurredAt,
    findings,
    declineCode,
    recognizedMessages: recognitions.map((recognition) => recognition.messageId),
    cooldown: cooldownFor(attempts, summary, now),
    history: summary,
    generalSteps: standsOut ? [] : GENERAL_STEPS,
    supportedRegionsAsOf: SUPPORTED_REGIONS.asOf,
  };
}

type AddEvidence = (cause: CauseId, signal: SignalId, field: string, weight: number, params?: Evidence['params']) => void;

/** Each recognized message carries the causes the processor's documentation ties it to. */
function addMessageEvidence(recognitions: readonly DeclineRecognition[], add: AddEvidence): void {
  for (const recognition of recognitions) {
    for (const { cause, weight } of recognition.causes) {
      add(cause, 'decline-message', 'errorMessage', weight, {
        messageId: recognition.messageId,
        matched: recognition.matched,
        declineCode: recognition.declineCode ?? '',
      });
    }
  }
}

/** Article §1.1 and method 1: the card must come from, and the person be in, a supported region. */
function addRegionEvidence(report: Report, declineCode: string | null, add: AddEvidence): void {
  const asOf = SUPPORTED_REGIONS.asOf;
  const issuer = report.card?.issuerCountry;
  if (issuer) {
    if (isSupportedRegion(issuer)) add('region-unsupported', 'issuer-country-supported', 'card.issuerCountry', -1, { country: issuer, asOf });
    else add('region-unsupported', 'issuer-country-unsupported', 'card.issuerCountry', 3, { country: issuer, asOf });
  }
  const access = report.connection?.accessCountry;
  if (access && !isSupportedRegion(access)) {
    add('region-unsupported', 'access-country-unsupported', 'connection.accessCountry', 3, { country: access, asOf });
  }
  const billing = report.billing?.country;
  if (billing && billing !== issuer && !isSupportedRegion(billing)) {
    add('region-unsupported', 'billing-country-unsupported', 'billing.country', 2, { country: billing, asOf });
  }
  // §1.1's example: a mainland UnionPay card. Only a hint, and none when the issuer is known to be supported.
  if (effectiveBrand(report) === 'unionpay' && !(issuer && isSupportedRegion(issuer))) {
    add('region-unsupported', 'brand-unionpay', report.card?.brand ? 'card.brand' : 'card.bin', 1);
  }
  // Domain table: `card_not_supported` points at region only together with a foreign issuer.
  if (declineCode === 'card_not_supported' && issuer && issuer !== MERCHANT_COUNTRY) {
    add('region-unsupported', 'card-not-supported-foreign-issuer', 'card.issuerCountry', 1, { country: issuer });
  }
}

/** Article §1.1 and method 1: address and postal code exactly as the issuer has them. */
function addBillingEvidence(report: Report, add: AddEvidence): void {
  const billing = report.billing;
  if (!billing) return;
  if (billing.matchesIssuer === 'no') add('billing-mismatch', 'billing-does-not-match', 'billing.matchesIssuer', 3);
  if (billing.matchesIssuer === 'yes') add('billing-mismatch', 'billing-matches', 'billing.matchesIssuer', -2);
  if (billing.postalCode && billing.country && postalCodeFitsCountry(billing.postalCode, billing.country) === false) {
    add('billing-mismatch', 'postal-code-invalid', 'billing.postalCode', 2, { postalCode: billing.postalCode, country: billing.country });
  }
  const issuer = report.card?.issuerCountry;
  if (billing.country && issuer && billing.country !== issuer) {
    add('billing-mismatch', 'billing-country-differs', 'billing.country', 1, { billing: billing.country, issuer });
  }
}

/** Method 1: number, expiry and CVC as printed; an expired card; a brand the number contradicts. */
function addCardDetailEvidence(report: Report, now: Date, add: AddEvidence): void {
  const card = report.card;
  if (!card) return;
  if (card.expiry && isExpired(card.expiry, now)) add('card-details-invalid', 'card-expired', 'card.expiry', 3, { expiry: card.expiry });
  const detected = card.bin ? brandFromPrefix(card.bin) : undefined;
  if (detected && card.brand && card.brand !== 'unknown' && card.brand !== detected) {
    add('card-details-invalid', 'brand-contradicts-prefix', 'card.brand', 2, { stated: card.brand, detected });
  }
}

/** Article §1.2, method 2, FAQ 1 and 4: cross-border online payments switched off at the bank. */
function addInternationalEvidence(
  report: Report,
  declineCode: string | null,
  recognitions: readonly DeclineRecognition[],
  add: AddEvidence,
): void {
  const international = report.bank?.internationalOnline;
  const issuer = report.card?.issuerCountry;
  if (international === 'no') add('international-payments-disabled', 'international-off', 'bank.internationalOnline', 3);
  else if (international === 'yes') add('international-payments-disabled', 'international-on', 'bank.internationalOnline', -2);
  else if (issuer && issuer !== MERCHANT_COUNTRY) {
    add('international-payments-disabled', 'international-unknown', 'bank.internationalOnline', 1, { country: issuer });
  }
  const genericDecline =
    (declineCode !== null && GENERIC_DECLINES.has(declineCode)) ||
    recognitions.some((recognition) => recognition.messageId === 'card-declined');
  if (report.bank?.balanceSufficient === 'yes' && genericDecline && international !== 'yes') {
    add('international-payments-disabled', 'balance-fine-still-declined', 'bank.balanceSufficient', 1);
  }
  if (report.card?.kind === 'debit' && issuer === DOMESTIC_COUNTRY && international !== 'yes') {
    add('international-payments-disabled', 'domestic-debit-card', 'card.kind', 1, { country: issuer });
  }
}

/** Article §1.3, method 3, FAQ 2: virtual, prepaid and gift cards are low-trust types. */
function addCardTypeEvidence(report: Report, add: AddEvidence): void {
  const kind = report.card?.kind;
  if (kind === 'virtual' || kind === 'prepaid' || kind === 'gift') add('card-type-restricted', 'card-kind-restricted', 'card.kind', 2, { kind });
  if (kind === 'credit' || kind === 'debit') add('card-type-restricted', 'card-kind-standard', 'card.kind', -1, { kind });
}

/** Article §1.4 and method 4: VPNs, node switching, a location unlike the card's. */
function addNetworkEvidence(report: Report, add: AddEvidence): void {
  const connection = report.connection;
  if (!connection) return;
  if (connection.vpn === 'yes') add('network-anomaly', 'vpn-on', 'connection.vpn', 2);
  if (connection.vpn === 'no') add('network-anomaly', 'vpn-off', 'connection.vpn', -1);
  if (connection.switchedRecently === 'yes') add('network-anomaly', 'switched-recently', 'connection.switchedRecently', 2);
  if (connection.switchedRecently === 'no') add('network-anomaly', 'not-switched', 'connection.switchedRecently', -1);
  const issuer = report.card?.issuerCountry;
  if (connection.accessCountry && issuer && connection.accessCountry !== issuer) {
    add('network-anomaly', 'access-differs-from-issuer', 'connection.accessCountry', 1, { access: connection.accessCountry, issuer });
  }
}

/** Processor `insufficient_funds`; §4 pitfall 2 says a balance is not the only condition. */
function addFundsEvidence(report: Report, add: AddEvidence): void {
  const balance = report.bank?.balanceSufficient;
  if (balance === 'no') add('insufficient-funds', 'balance-insufficient', 'bank.balanceSufficient', 3);
  if (balance === 'yes') add('insufficient-funds', 'balance-sufficient', 'bank.balanceSufficient', -2);
}

/** §4 pitfall 1 and FAQ 3: repeated attempts and card changes within a day look like card testing. */
function addHistoryEvidence(attempts: readonly Attempt[], summary: HistorySummary, add: AddEvidence): void {
  const { attempts24h, cards24h, sameError24h } = summary;
  if (attempts24h >= 2) add('retry-velocity', 'attempts-24h', 'history', attempts24h >= 5 ? 3 : attempts24h >= 3 ? 2 : 1, { count: attempts24h });
  if (cards24h >= 2) add('retry-velocity', 'cards-24h', 'history', 3, { count: cards24h });
  if (sameError24h >= 2) add('retry-velocity', 'same-error-repeated', 'history', 1, { count: sameError24h });
  // Domain table: repeated "卡片无效" on a virtual card points at the card type.
  const refusedVirtual = attempts.filter((attempt) => attempt.virtual && attempt.typeRefused).length;
  if (refusedVirtual >= 2) add('card-type-restricted', 'virtual-card-invalid-repeated', 'history', 1, { count: refusedVirtual });
}

function effectiveBrand(report: Report): string | undefined {
  const stated = report.card?.brand;
  if (stated && stated !== 'unknown') return stated;
  return report.card?.bin ? brandFromPrefix(report.card.bin) : undefined;
}

/**
 * What an attempt contributes to the history, computed once per journal entry: the form
 * re-diagnoses on every keystroke against the same history objects, and parsing each entry's
 * time and recognizing its message again every time would dominate the cost. Reports are
 * immutable once validated, so the cache can never be stale.
 */
const attemptCache = new WeakMap<Report, Attempt | null>();

function toAttempt(report: Report, time: number, recognitions?: readonly DeclineRecognition[]): Attempt {
  const card = report.card;
  const recognized = recognitions ?? (report.errorMessage ? recognizeDeclineMessages(report.errorMessage) : []);
  const brand = effectiveBrand(report) ?? 'unknown';
  return {
    time,
    cardKey: card?.last4 ? `${brand}:${card.last4}` : undefined,
    errorKey: recognized[0]?.messageId ?? (report.errorMessage ? report.errorMessage.toLowerCase() : undefined),
    virtual: card?.kind === 'virtual',
    typeRefused: recognized.some((recognition) => recognition.causes.some((entry) => entry.cause === 'card-type-restricted')),
  };
}

/** A journal entry as an attempt, or null when it has no usable time. */
function journaledAttempt(entry: Report): Attempt | null {
  const cached = attemptCache.get(entry);
  if (cached !== undefined) return cached;
  const time = entry.occurredAt ? Date.parse(entry.occurredAt) : Number.NaN;
  const attempt = Number.isNaN(time) ? null : toAttempt(entry, time);
  attemptCache.set(entry, attempt);
  return attempt;
}

/** The attempts of the 24 hours before `now`: the journal's, plus this one unless the journal holds it. */
function recentAttempts(
  report: Report,
  occurredAt: string,
  recognitions: readonly DeclineRecognition[],
  history: readonly Report[],
  now: Date,
): Attempt[] {
  const since = now.getTime() - DAY_MS;
  const current = Date.parse(occurredAt);
  const attempts: Attempt[] = [];
  let currentJournaled = false;
  for (const entry of history) {
    const attempt = journaledAttempt(entry);
    if (!attempt) continue;
    if (attempt.time === current) currentJournaled = true;
    if (attempt.time > since) attempts.push(attempt);
  }
  if (!currentJournaled && current > since) attempts.push(toAttempt(report, current, recognitions));
  return attempts;
}

function summarize(attempts: readonly Attempt[]): HistorySummary {
  const cards = new Set<string>();
  const errors = new Map<string, number>();
  for (const attempt of attempts) {
    if (attempt.cardKey) cards.add(attempt.cardKey);
    if (attempt.errorKey) errors.set(attempt.errorKey, (errors.get(attempt.errorKey) ?? 0) + 1);
  }
  return { attempts24h: attempts.length, cards24h: cards.size, sameError24h: Math.max(0, ...errors.values()) };
}

/**
 * The article's rule is one wait of 24 hours: after repeated failures (FAQ 3) and before another
 * card (§4 pitfall 1). Counting from the latest attempt covers both, since a card change is
 * itself an attempt, and it is the stricter reading.
 */
function cooldownFor(attempts: readonly Attempt[], summary: HistorySummary, now: Date): Cooldown | null {
  if (summary.attempts24h < 2 && summary.cards24h < 2) return null;
  const latest = Math.max(...attempts.map((attempt) => attempt.time));
  const until = latest + DAY_MS;
  if (until <= now.getTime()) return null;
  return { until: new Date(until).toISOString(), reason: summary.cards24h >= 2 ? 'card-changed' : 'repeated-attempts' };
}

function likelihoodOf(score: number): Likelihood {
  return score >= 3 ? 'high' : score === 2 ? 'medium' : 'low';
}

/** Causes with a positive score, most likely first; ties keep the catalogue's order. */
function rankFindings(evidence: ReadonlyMap<CauseId, Evidence[]>): Finding[] {
  const findings: Finding[] = [];
  for (const cause of CAUSE_IDS) {
    const list = evidence.get(cause);
    if (!list || !list.some((item) => item.weight > 0)) continue;
    const score = list.reduce((sum, item) => sum + item.weight, 0);
    if (score <= 0) continue;
    const ordered = [...list].sort((a, b) => b.weight - a.weight);
    findings.push({ cause, likelihood: likelihoodOf(score), score, evidence: ordered, actions: CAUSES[cause].actions });
  }
  const order = (cause: CauseId) => CAUSE_IDS.indexOf(cause);
  return findings.sort((a, b) => b.score - a.score || order(a.cause) - order(b.cause));
}
