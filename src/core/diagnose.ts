/**
 * The diagnosis: pure and deterministic. `diagnose(report, history, now)` weighs what the
 * report and the journal say against the catalogue of causes and returns ids and parameters;
 * turning them into words is the reader's job (`explain.ts`).
 *
 * Scoring: every signal adds its weight from the catalogue's `SIGNALS` table (1 a hint, 2 a
 * clear sign, 3 strong) to one cause, or subtracts when it speaks against it; the table says
 * why each weight is what it is and where it comes from. Three rules sit on top:
 * - the processor's specific decline code is the bank's word: the person's contrary belief
 *   ("my balance is fine") lowers that cause by one step at most;
 * - an issuing country inferred from the card's digits or the bank's name counts one step less
 *   than a stated one, and is shown as inferred;
 * - equal scores are ordered by `CAUSE_PRECEDENCE` (the cause that blocks everything else first).
 * Context changes which rules apply: a purchase inside the mobile app is charged by the app
 * store, so the web checkout's card rules are set aside; earlier journal entries for the same
 * card bring what the processor said then, weighted by age. Nothing is ever certain: the best
 * a finding gets is "high" likelihood, with its evidence listed.
 */
import { CAUSE_IDS, type CauseId } from './causeIds';
import {
  CAUSES,
  CAUSE_PRECEDENCE,
  CROSS_BORDER_OFF_BY_DEFAULT,
  GENERAL_STEPS,
  INFERRED_COUNTRY_DISCOUNT,
  SIGNALS,
  type ActionId,
  type SignalId,
} from './catalogue';
import { brandFromPrefix, isExpired, postalCodeFitsCountry } from './cardFacts';
import { recognizeDeclineMessages, type DeclineRecognition } from './declineMessages';
import { inferIssuerCountry, type InferenceBasis } from './issuerInference';
import { findRecordedAttempt } from './journal';
import { storePurchaseMention } from './purchaseContext';
import type { Report } from './report';
import { SUPPORTED_REGIONS, isSupportedRegion } from './supportedRegions';

export type Likelihood = 'high' | 'medium' | 'low';

/** Why a cause was raised or weakened: which signal, from which field, how much. */
export interface Evidence {
  signal: SignalId;
  /** The report field (`card.issuerCountry`), `errorMessage`, `product`, or `history`. */
  field: string;
  /** Positive supports the cause, negative speaks against it; 0 only for a note on context. */
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

/** What the journal holds for the 24 hours before `now`. The report diagnosed counts only as the journal entry it may already be. */
export interface HistorySummary {
  attempts24h: number;
  /** Cards told apart by brand and last 4; an attempt whose card gives no last 4 adds none. */
  cards24h: number;
  /** How often the most repeated error appeared in the last 24 hours. */
  sameError24h: number;
}

/** What recording the report in the journal would change, for a report the journal does not hold yet. */
export interface IfRecorded {
  /** The journal's attempts in the last 24 hours with this one added (the same as now when it is older). */
  attempts24h: number;
  cards24h: number;
  /**
   * Its place among those attempts, oldest first (1 is the first); equal to `attempts24h` when it
   * would be the latest. Null when it happened 24 hours or more before `now`, so no count changes.
   */
  position: number | null;
  /** The wait the journal would then call for; null when none. */
  cooldown: Cooldown | null;
}

/** Where the issuing country used by the rules came from. */
export interface IssuerCountry {
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** `stated` by the person, or inferred from the card's first digits or the bank's name. */
  source: 'stated' | InferenceBasis;
  /** What it was inferred from (six digits at most, or the bank's name); absent when stated. */
  detail?: string;
}

/** The circumstances the rules were chosen for. */
export interface DiagnosisContext {
  /** `app-store` for a purchase inside the mobile app (the store charges the card), else `web-checkout`. */
  path: 'web-checkout' | 'app-store';
  issuer: IssuerCountry | null;
  /** The bank's advice code (`do_not_try_again`, `try_again_later`, `confirm_card_data`): advice, never a cause. */
  adviceCode: string | null;
  /** The card network's own codes, passed through as typed and never interpreted. */
  networkDeclineCode: string | null;
  networkAdviceCode: string | null;
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
  /** The wait the journal's attempts call for (never the unrecorded report's), or null. */
  cooldown: Cooldown | null;
  /** The journal's last 24 hours (see {@link HistorySummary}). */
  history: HistorySummary;
  /** Whether the journal already holds this attempt (`findRecordedAttempt`). */
  recorded: boolean;
  /**
   * What recording this attempt would mean; null when it is already recorded, or when the report
   * is no attempt at all (see {@link describesAttempt}: an empty draft is not one).
   */
  ifRecorded: IfRecorded | null;
  /** The article's general next steps when no cause stands out (no high or medium finding). */
  generalSteps: readonly ActionId[];
  /** The date of the supported-countries snapshot used for region rules. */
  supportedRegionsAsOf: string;
  context: DiagnosisContext;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Earlier messages on the same card: full weight within a day, one step lower within a week, then nothing. */
const EARLIER_FULL_MS = DAY_MS;
const EARLIER_REDUCED_MS = 7 * DAY_MS;

/**
 * Messages that give no specific reason. When the most specific recognized message is one of
 * these, the decline is unexplained, which is when "balance fine, still declined" means
 * something (article §1.2, FAQ 1), and when no code of the bank's can outweigh a belief.
 */
const UNEXPLAINED_MESSAGES = new Set([
  'card-declined',
  'payment-not-approved',
  'generic-decline',
  'call-issuer',
  'do-not-honor',
  'transaction-not-allowed',
  'not-permitted',
  'service-not-allowed',
  'payment-failed-unspecified',
]);

/** Card kinds whose own rules (§1.3, merchant help) explain a refusal better than the bank does. */
const RESTRICTED_KINDS = new Set(['virtual', 'prepaid', 'gift']);
/** Kinds the merchant's help names as unsupported; a virtual card is only low-trust (FAQ 2). */
const UNSUPPORTED_KINDS = new Set(['prepaid', 'gift']);

/** Brands the processor accepts for the merchant everywhere (its card-brand list); UnionPay is the exception the article names. */
const WIDELY_ACCEPTED_BRANDS = new Set(['visa', 'mastercard', 'amex', 'discover', 'jcb']);

/** The merchant bills from the United States, so any other issuing country makes the payment cross-border. */
const MERCHANT_COUNTRY = 'US';

/** The additive fields of the recognizer's contract (`notes/recognizer-contract.md`), read whether present or not. */
interface RecognitionExtras {
  confidence?: 'specific' | 'broad' | 'generic';
  networkDeclineCode?: string | null;
  networkAdviceCode?: string | null;
}

type Recognition = DeclineRecognition & RecognitionExtras;

interface Attempt {
  time: number;
  cardKey: string | undefined;
  card: CardIdentity;
  errorKey: string | undefined;
  virtual: boolean;
  typeRefused: boolean;
  recognitions: readonly Recognition[];
}

/** What tells two journal entries' cards apart without the full number. */
interface CardIdentity {
  last4?: string;
  bin?: string;
  brand?: string;
}

type AddEvidence = (cause: CauseId, signal: SignalId, field: string, weight: number, params?: Evidence['params']) => void;

/** The facts every rule reads, worked out once. */
interface Facts {
  report: Report;
  now: Date;
  /** The purchase was made in an app store: the product says so, or the person's words name the store. */
  inApp: boolean;
  storeMention: string | undefined;
  issuer: IssuerCountry | null;
  recognitions: readonly Recognition[];
  declineCode: string | null;
  /** The most specific recognized message gives no reason (or nothing was recognized). */
  unexplained: boolean;
}

/**
 * Whether a report describes an attempt at all: it has an error message, or a fact about the card
 * (last 4, first digits, a known brand or kind, the bank, the issuing country, the expiry). The
 * rest of a form (product, connection, billing, bank answers) is filled in before anything has
 * happened, so a report with only those is a draft, and recording it would count a card that
 * never met the payment page.
 */
export function describesAttempt(report: Report): boolean {
  // The schema trims free text, so blank text is already empty here.
  if (report.errorMessage) return true;
  const card = report.card;
  if (!card) return false;
  return Boolean(
    card.last4 || card.bin || card.issuerName || card.issuerCountry || card.expiry ||
      (card.brand && card.brand !== 'unknown') || (card.kind && card.kind !== 'unknown'),
  );
}

/**
 * Diagnoses one failed attempt. `history` is the journal (earlier attempts, in any order). The
 * counts, the retry evidence and the wait come from the journal alone: the report is one of its
 * attempts only when the journal holds it (`findRecordedAttempt`), and otherwise `ifRecorded`
 * says what recording it would change. `now` anchors every time window, so the same input always
 * gives the same answer.
 */
export function diagnose(report: Report, history: readonly Report[], now: Date): Diagnosis {
  const occurredAt = report.occurredAt ?? now.toISOString();
  const recognitions: readonly Recognition[] = report.errorMessage ? recognizeDeclineMessages(report.errorMessage) : [];
  const declineCode = recognitions.find((recognition) => recognition.declineCode)?.declineCode ?? null;
  const first = recognitions[0];
  const storeMention = storeMentionOf(report);
  const facts: Facts = {
    report,
    now,
    inApp: report.product === 'chatgpt-app' || storeMention !== undefined,
    storeMention,
    issuer: issuerCountryOf(report),
    recognitions,
    declineCode,
    unexplained: first === undefined || UNEXPLAINED_MESSAGES.has(first.messageId),
  };

  const evidence = new Map<CauseId, Evidence[]>();
  const bankWord = new Map<CauseId, number>();
  const add: AddEvidence = (cause, signal, field, weight, params = {}) => {
    if (weight === 0 && SIGNALS[signal].kind !== 'context') return;
    const list = evidence.get(cause) ?? [];
    list.push({ signal, field, weight, params });
    evidence.set(cause, list);
  };

  addMessageEvidence(report, recognitions, add, bankWord);
  addRegionEvidence(facts, add);
  addBillingEvidence(facts, add);
  addCardDetailEvidence(report, now, add);
  addInternationalEvidence(facts, add);
  addCardTypeEvidence(facts, add);
  addNetworkEvidence(facts, add);
  addFundsEvidence(report, add);
  addAppStoreEvidence(facts, add);

  const attempts = recentAttempts(history, now);
  const summary = summarize(attempts);
  const cooldown = cooldownFor(attempts, summary, now);
  const recorded = isRecorded(report, occurredAt, history);
  addHistoryEvidence(attempts, summary, add);
  addEarlierMessageEvidence(report, occurredAt, recognitions, history, add);
  addAdviceEvidence(first?.adviceCode ?? null, evidence, add);

  const findings = rankFindings(evidence, bankWord);
  const standsOut = findings.some((finding) => finding.likelihood !== 'low');
  return {
    occurredAt,
    findings,
    declineCode,
    recognizedMessages: recognitions.map((recognition) => recognition.messageId),
    cooldown,
    history: summary,
    recorded,
    ifRecorded: recorded || !describesAttempt(report) ? null : ifRecordedOf(toAttempt(report, Date.parse(occurredAt), recognitions), attempts, now),
    generalSteps: standsOut ? [] : GENERAL_STEPS,
    supportedRegionsAsOf: SUPPORTED_REGIONS.asOf,
    context: {
      path: facts.inApp ? 'app-store' : 'web-checkout',
      issuer: facts.issuer,
      adviceCode: first?.adviceCode ?? null,
      networkDeclineCode: first?.networkDeclineCode ?? null,
      networkAdviceCode: first?.networkAdviceCode ?? null,
    },
  };
}

/** The catalogue's weight of a signal. */
function weightOf(signal: SignalId): number {
  return SIGNALS[signal].weight;
}

/**
 * The store wording in the error or the notes, when the product leaves room for a store purchase:
 * a report that says "web" or "API platform" was made there, whatever the notes mention.
 */
function storeMentionOf(report: Report): string | undefined {
  if (report.product === 'chatgpt-web' || report.product === 'api-platform') return undefined;
  return storePurchaseMention(report.errorMessage, report.notes);
}

/** The stated issuing country, else one inferred from the digits or the bank's name. */
function issuerCountryOf(report: Report): IssuerCountry | null {
  const stated = report.card?.issuerCountry;
  if (stated) return { country: stated, source: 'stated' };
  const inferred = inferIssuerCountry(report.card);
  return inferred ? { country: inferred.country, source: inferred.basis, detail: inferred.detail } : null;
}

/** A rule's weight when it rests on the issuing country: one step towards zero when the country is inferred. */
function issuerWeight(issuer: IssuerCountry, signal: SignalId): number {
  const weight = weightOf(signal);
  if (issuer.source === 'stated') return weight;
  return weight > 0 ? Math.max(0, weight - INFERRED_COUNTRY_DISCOUNT) : Math.min(0, weight + INFERRED_COUNTRY_DISCOUNT);
}

/** The report field the issuing country was read or inferred from. */
function issuerField(issuer: IssuerCountry): string {
  return issuer.source === 'stated' ? 'card.issuerCountry' : issuer.source === 'bin' ? 'card.bin' : 'card.issuerName';
}

/** The params that show an inferred country as inferred. */
function inferredParams(issuer: IssuerCountry): Record<string, string> {
  return issuer.source === 'stated' ? {} : { inferredFrom: issuer.source, inferredDetail: issuer.detail ?? '' };
}

/**
 * Each recognized message carries the causes the processor's documentation ties it to. A
 * specific code (not a generic decline, not a paraphrase) is the bank's word for its causes.
 * A paraphrase ("my card was rejected") counts one step less than the processor's own words,
 * and the recognizer's fallback ("payment failed", nothing more) counts for nothing: it is
 * shown, but says no more than that the payment failed.
 */
function addMessageEvidence(report: Report, recognitions: readonly Recognition[], add: AddEvidence, bankWord: Map<CauseId, number>): void {
  const brand = effectiveBrand(report);
  for (const recognition of recognitions) {
    const confidence = recognition.confidence ?? 'specific';
    if (confidence === 'generic') continue;
    const specific = confidence === 'specific' && recognition.declineCode !== null && !UNEXPLAINED_MESSAGES.has(recognition.messageId);
    for (const { cause, weight: listed } of recognition.causes) {
      // Domain table: card_not_supported points at region only with a foreign issuer, which addRegionEvidence weighs.
      if (cause === 'region-unsupported' && recognition.declineCode === 'card_not_supported') continue;
      // "Your card is not supported" hints at region because of UnionPay, the article's example; a brand taken everywhere removes that reading.
      if (cause === 'region-unsupported' && recognition.messageId === 'card-brand-not-supported' && brand !== undefined && WIDELY_ACCEPTED_BRANDS.has(brand)) continue;
      const weight = confidence === 'broad' ? Math.max(1, listed - 1) : listed;
      add(cause, 'decline-message', 'errorMessage', weight, {
        messageId: recognition.messageId,
        matched: recognition.matched,
        declineCode: recognition.declineCode ?? '',
      });
      if (specific && weight >= 2) bankWord.set(cause, Math.max(bankWord.get(cause) ?? 0, weight));
    }
  }
}

/** Article §1.1 and method 1: the card must come from, and the person be in, a supported region. */
function addRegionEvidence(facts: Facts, add: AddEvidence): void {
  const { report, issuer, inApp } = facts;
  const asOf = SUPPORTED_REGIONS.asOf;
  // In the app the store charges the card: where the card was issued is the store's question.
  if (issuer && !inApp) {
    const field = issuerField(issuer);
    const params = { country: issuer.country, asOf, ...inferredParams(issuer) };
    if (isSupportedRegion(issuer.country)) add('region-unsupported', 'issuer-country-supported', field, issuerWeight(issuer, 'issuer-country-supported'), params);
    else add('region-unsupported', 'issuer-country-unsupported', field, issuerWeight(issuer, 'issuer-country-unsupported'), params);
  }
  const access = report.connection?.accessCountry;
  if (access && !isSupportedRegion(access)) {
    add('region-unsupported', 'access-country-unsupported', 'connection.accessCountry', weightOf('access-country-unsupported'), { country: access, asOf });
  }
  const billing = report.billing?.country;
  if (!inApp && billing && billing !== issuer?.country && !isSupportedRegion(billing)) {
    add('region-unsupported', 'billing-country-unsupported', 'billing.country', weightOf('billing-country-unsupported'), { country: billing, asOf });
  }
  if (inApp) return;
  // §1.1's example: a mainland UnionPay card. Only a hint, and none when the issuer is known to be supported.
  if (effectiveBrand(report) === 'unionpay' && !(issuer && isSupportedRegion(issuer.country))) {
    add('region-unsupported', 'brand-unionpay', report.card?.brand ? 'card.brand' : 'card.bin', weightOf('brand-unionpay'));
  }
  // Domain table: `card_not_supported` points at region only together with a foreign issuer.
  if (facts.declineCode === 'card_not_supported' && issuer && issuer.country !== MERCHANT_COUNTRY) {
    add('region-unsupported', 'card-not-supported-foreign-issuer', issuerField(issuer), issuerWeight(issuer, 'card-not-supported-foreign-issuer'), {
      country: issuer.country,
      ...inferredParams(issuer),
    });
  }
}

/** Article §1.1 and method 1: address and postal code exactly as the issuer has them. */
function addBillingEvidence(facts: Facts, add: AddEvidence): void {
  const { report, issuer } = facts;
  const billing = report.billing;
  if (!billing) return;
  if (billing.matchesIssuer === 'no') add('billing-mismatch', 'billing-does-not-match', 'billing.matchesIssuer', weightOf('billing-does-not-match'));
  if (billing.matchesIssuer === 'yes') add('billing-mismatch', 'billing-matches', 'billing.matchesIssuer', weightOf('billing-matches'));
  if (billing.postalCode && billing.country && postalCodeFitsCountry(billing.postalCode, billing.country) === false) {
    add('billing-mismatch', 'postal-code-invalid', 'billing.postalCode', weightOf('postal-code-invalid'), { postalCode: billing.postalCode, country: billing.country });
  }
  if (!facts.inApp && billing.country && issuer && billing.country !== issuer.country) {
    add('billing-mismatch', 'billing-country-differs', 'billing.country', issuerWeight(issuer, 'billing-country-differs'), {
      billing: billing.country,
      issuer: issuer.country,
      ...inferredParams(issuer),
    });
  }
}

/** Method 1: number, expiry and CVC as printed; an expired card; a brand the number contradicts. */
function addCardDetailEvidence(report: Report, now: Date, add: AddEvidence): void {
  const card = report.card;
  if (!card) return;
  if (card.expiry && isExpired(card.expiry, now)) add('card-details-invalid', 'card-expired', 'card.expiry', weightOf('card-expired'), { expiry: card.expiry });
  const detected = card.bin ? brandFromPrefix(card.bin) : undefined;
  if (detected && card.brand && card.brand !== 'unknown' && card.brand !== detected) {
    add('card-details-invalid', 'brand-contradicts-prefix', 'card.brand', weightOf('brand-contradicts-prefix'), { stated: card.brand, detected });
  }
}

/** Article §1.2, method 2, FAQ 1 and 4: cross-border online payments switched off at the bank. */
function addInternationalEvidence(facts: Facts, add: AddEvidence): void {
  const { report, issuer } = facts;
  const international = report.bank?.internationalOnline;
  // The store, not the bank's cross-border switch, stands between the person and the merchant.
  if (facts.inApp) return;
  if (international === 'no') add('international-payments-disabled', 'international-off', 'bank.internationalOnline', weightOf('international-off'));
  else if (international === 'yes') add('international-payments-disabled', 'international-on', 'bank.internationalOnline', weightOf('international-on'));
  const offByDefault = issuer !== null && issuer.country in CROSS_BORDER_OFF_BY_DEFAULT;
  const kind = report.card?.kind;
  if (offByDefault && international !== 'yes' && international !== 'no') {
    const params = { country: issuer.country, ...inferredParams(issuer) };
    // The FAQ's debit-card rule is the more specific form of the same fact; one of the two counts.
    if (kind === 'debit') add('international-payments-disabled', 'domestic-debit-card', 'card.kind', issuerWeight(issuer, 'domestic-debit-card'), params);
    else add('international-payments-disabled', 'international-unknown', 'bank.internationalOnline', issuerWeight(issuer, 'international-unknown'), params);
  }
  // Processor: card_not_supported's next step is to ask the issuer whether the card may make this kind of purchase.
  // On a standard card the card-type reading is cancelled by the kind (addCardTypeEvidence), leaving the bank's restriction.
  if (facts.declineCode === 'card_not_supported' && (kind === 'credit' || kind === 'debit')) {
    add('international-payments-disabled', 'card-not-supported-standard-card', 'errorMessage', weightOf('card-not-supported-standard-card'), { kind });
  }
  // §1.2's example is a card that should work: a kind the merchant restricts or an expired card explains the refusal instead.
  const explainedByCard = (kind !== undefined && RESTRICTED_KINDS.has(kind)) || Boolean(report.card?.expiry && isExpired(report.card.expiry, facts.now));
  if (report.bank?.balanceSufficient === 'yes' && facts.recognitions.length > 0 && facts.unexplained && international !== 'yes' && !explainedByCard) {
    add('international-payments-disabled', 'balance-fine-still-declined', 'bank.balanceSufficient', weightOf('balance-fine-still-declined'));
  }
}

/** Article §1.3, method 3, FAQ 2; the merchant's help: prepaid and gift cards are not supported. */
function addCardTypeEvidence(facts: Facts, add: AddEvidence): void {
  if (facts.inApp) return;
  const kind = facts.report.card?.kind;
  if (!kind) return;
  if (UNSUPPORTED_KINDS.has(kind)) add('card-type-restricted', 'card-kind-unsupported', 'card.kind', weightOf('card-kind-unsupported'), { kind });
  else if (kind === 'virtual') add('card-type-restricted', 'card-kind-restricted', 'card.kind', weightOf('card-kind-restricted'), { kind });
  else if (kind === 'credit' || kind === 'debit') add('card-type-restricted', 'card-kind-standard', 'card.kind', weightOf('card-kind-standard'), { kind });
}

/** Article §1.4 and method 4: VPNs, node switching, a location unlike the card's. */
function addNetworkEvidence(facts: Facts, add: AddEvidence): void {
  const connection = facts.report.connection;
  if (!connection) return;
  if (connection.vpn === 'yes') add('network-anomaly', 'vpn-on', 'connection.vpn', weightOf('vpn-on'));
  if (connection.vpn === 'no') add('network-anomaly', 'vpn-off', 'connection.vpn', weightOf('vpn-off'));
  if (connection.switchedRecently === 'yes') add('network-anomaly', 'switched-recently', 'connection.switchedRecently', weightOf('switched-recently'));
  if (connection.switchedRecently === 'no') add('network-anomaly', 'not-switched', 'connection.switchedRecently', weightOf('not-switched'));
  const issuer = facts.issuer;
  if (connection.accessCountry && issuer && connection.accessCountry !== issuer.country) {
    add('network-anomaly', 'access-differs-from-issuer', 'connection.accessCountry', issuerWeight(issuer, 'access-differs-from-issuer'), {
      access: connection.accessCountry,
      issuer: issuer.country,
      ...inferredParams(issuer),
    });
  }
}

/** Processor `insufficient_funds`; §4 pitfall 2 says a balance is not the only condition. */
function addFundsEvidence(report: Report, add: AddEvidence): void {
  const balance = report.bank?.balanceSufficient;
  if (balance === 'no') add('insufficient-funds', 'balance-insufficient', 'bank.balanceSufficient', weightOf('balance-insufficient'));
  if (balance === 'yes') add('insufficient-funds', 'balance-sufficient', 'bank.balanceSufficient', weightOf('balance-sufficient'));
}

/** A purchase inside the mobile app: the store charges the card, in the store account's region. */
function addAppStoreEvidence(facts: Facts, add: AddEvidence): void {
  if (!facts.inApp) return;
  if (facts.report.product === 'chatgpt-app') add('app-store-billing', 'product-mobile-app', 'product', weightOf('product-mobile-app'));
  else if (facts.storeMention) {
    const field = storePurchaseMention(facts.report.errorMessage) ? 'errorMessage' : 'notes';
    add('app-store-billing', 'store-purchase-mentioned', field, weightOf('store-purchase-mentioned'), { matched: facts.storeMention });
  }
  const access = facts.report.connection?.accessCountry;
  const billing = facts.report.billing?.country;
  const outside = [access, billing].find((country): country is string => Boolean(country) && !isSupportedRegion(country!));
  if (outside) {
    add('app-store-billing', 'store-region-unsupported', outside === access ? 'connection.accessCountry' : 'billing.country', weightOf('store-region-unsupported'), {
      country: outside,
      asOf: SUPPORTED_REGIONS.asOf,
    });
  }
  add('app-store-billing', 'web-checkout-rules-set-aside', 'product', weightOf('web-checkout-rules-set-aside'));
}

/** §4 pitfall 1 and FAQ 3: repeated attempts and card changes within a day look like card testing. */
function addHistoryEvidence(attempts: readonly Attempt[], summary: HistorySummary, add: AddEvidence): void {
  const { attempts24h, cards24h, sameError24h } = summary;
  if (attempts24h >= 2) add('retry-velocity', 'attempts-24h', 'history', attempts24h >= 5 ? 3 : attempts24h >= 3 ? 2 : 1, { count: attempts24h });
  if (cards24h >= 2) add('retry-velocity', 'cards-24h', 'history', weightOf('cards-24h'), { count: cards24h });
  if (sameError24h >= 2) add('retry-velocity', 'same-error-repeated', 'history', weightOf('same-error-repeated'), { count: sameError24h });
  // Domain table: repeated "卡片无效" on a virtual card points at the card type.
  const refusedVirtual = attempts.filter((attempt) => attempt.virtual && attempt.typeRefused).length;
  if (refusedVirtual >= 2) add('card-type-restricted', 'virtual-card-invalid-repeated', 'history', weightOf('virtual-card-invalid-repeated'), { count: refusedVirtual });
}

/**
 * What the processor said about the same card in earlier attempts still holds today (an earlier
 * 3-D Secure failure explains today's plain decline): full weight within 24 hours of this
 * attempt, one step lower within 7 days, nothing older. A message this attempt also shows is a
 * repeat, counted by the history rules, not again here.
 */
function addEarlierMessageEvidence(
  report: Report,
  occurredAt: string,
  recognitions: readonly Recognition[],
  history: readonly Report[],
  add: AddEvidence,
): void {
  const current = Date.parse(occurredAt);
  const identity = cardIdentity(report);
  if (Number.isNaN(current) || !identity) return;
  const shownNow = new Set(recognitions.map((recognition) => recognition.messageId));
  const newest = new Map<string, { age: number; recognition: Recognition }>();
  for (const entry of history) {
    const attempt = journaledAttempt(entry);
    if (!attempt) continue;
    const age = current - attempt.time;
    if (age <= 0 || age > EARLIER_REDUCED_MS || !sameCard(identity, attempt.card)) continue;
    for (const recognition of attempt.recognitions) {
      if (shownNow.has(recognition.messageId)) continue;
      const known = newest.get(recognition.messageId);
      if (!known || age < known.age) newest.set(recognition.messageId, { age, recognition });
    }
  }
  const ordered = [...newest.values()].sort((a, b) => a.age - b.age || a.recognition.messageId.localeCompare(b.recognition.messageId));
  for (const { age, recognition } of ordered) {
    const step = age <= EARLIER_FULL_MS ? 0 : 1;
    for (const { cause, weight } of recognition.causes) {
      add(cause, 'earlier-message-same-card', 'history', Math.max(0, weight - step), {
        messageId: recognition.messageId,
        matched: recognition.matched,
        declineCode: recognition.declineCode ?? '',
        hours: Math.round(age / HOUR_MS),
      });
    }
  }
}

/**
 * The bank's advice code says what to do, not why: it is shown as advice. It counts as evidence
 * only where the processor's guidance ties it to a cause already in view: "do not try again" and
 * "try again later" support retry-velocity when the journal already shows repeated attempts, and
 * `confirm_card_data` is a hint of wrong details (recognizer contract: weight 1, never more).
 */
function addAdviceEvidence(adviceCode: string | null, evidence: ReadonlyMap<CauseId, Evidence[]>, add: AddEvidence): void {
  if (adviceCode === 'confirm_card_data') add('card-details-invalid', 'advice-confirm-card-data', 'errorMessage', weightOf('advice-confirm-card-data'));
  const repeated = (evidence.get('retry-velocity') ?? []).some((item) => item.field === 'history' && item.weight > 0);
  if (!repeated) return;
  if (adviceCode === 'do_not_try_again') add('retry-velocity', 'advice-do-not-try-again', 'errorMessage', weightOf('advice-do-not-try-again'));
  if (adviceCode === 'try_again_later') add('retry-velocity', 'advice-try-again-later', 'errorMessage', weightOf('advice-try-again-later'));
}

function effectiveBrand(report: Report): string | undefined {
  const stated = report.card?.brand;
  if (stated && stated !== 'unknown') return stated;
  return report.card?.bin ? brandFromPrefix(report.card.bin) : undefined;
}

/** The card's identifying facts, or undefined when there is nothing to tell it by. */
function cardIdentity(report: Report): CardIdentity | undefined {
  const card = report.card;
  if (!card?.last4 && !card?.bin) return undefined;
  const brand = effectiveBrand(report);
  return {
    ...(card.last4 ? { last4: card.last4 } : {}),
    ...(card.bin ? { bin: card.bin.slice(0, 6) } : {}),
    ...(brand && brand !== 'other' ? { brand } : {}),
  };
}

/** Same card: a shared last 4 or first 6 digits, and nothing known on both sides that differs. */
function sameCard(a: CardIdentity, b: CardIdentity): boolean {
  const keys = ['last4', 'bin', 'brand'] as const;
  if (keys.some((key) => a[key] !== undefined && b[key] !== undefined && a[key] !== b[key])) return false;
  return (a.last4 !== undefined && a.last4 === b.last4) || (a.bin !== undefined && a.bin === b.bin);
}

/**
 * What an attempt contributes to the history, computed once per journal entry: the form
 * re-diagnoses on every keystroke against the same history objects, and parsing each entry's
 * time and recognizing its message again every time would dominate the cost. Reports are
 * immutable once validated, so the cache can never be stale.
 */
const attemptCache = new WeakMap<Report, Attempt | null>();

function toAttempt(report: Report, time: number, recognitions?: readonly Recognition[]): Attempt {
  const card = report.card;
  const recognized = recognitions ?? (report.errorMessage ? recognizeDeclineMessages(report.errorMessage) : []);
  const brand = effectiveBrand(report) ?? 'unknown';
  return {
    time,
    cardKey: card?.last4 ? `${brand}:${card.last4}` : undefined,
    card: cardIdentity(report) ?? {},
    errorKey: recognized[0]?.messageId ?? (report.errorMessage ? report.errorMessage.toLowerCase() : undefined),
    virtual: card?.kind === 'virtual',
    typeRefused: recognized.some((recognition) => recognition.causes.some((entry) => entry.cause === 'card-type-restricted')),
    recognitions: recognized,
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

/**
 * `findRecordedAttempt`, asked only about the entries at the report's instant: the form
 * re-diagnoses on every keystroke, and the cached times make the rest of the journal free.
 */
function isRecorded(report: Report, occurredAt: string, history: readonly Report[]): boolean {
  const time = Date.parse(occurredAt);
  return findRecordedAttempt(report, history.filter((entry) => journaledAttempt(entry)?.time === time)) !== undefined;
}

/** The journal's attempts of the 24 hours before `now`. */
function recentAttempts(history: readonly Report[], now: Date): Attempt[] {
  const since = now.getTime() - DAY_MS;
  const attempts: Attempt[] = [];
  for (const entry of history) {
    const attempt = journaledAttempt(entry);
    if (attempt && attempt.time > since) attempts.push(attempt);
  }
  return attempts;
}

/** The journal's last 24 hours with `attempt` added, as `recentAttempts` would count them after recording it. */
function ifRecordedOf(attempt: Attempt, attempts: readonly Attempt[], now: Date): IfRecorded {
  if (!(attempt.time > now.getTime() - DAY_MS)) {
    const summary = summarize(attempts);
    return { attempts24h: summary.attempts24h, cards24h: summary.cards24h, position: null, cooldown: cooldownFor(attempts, summary, now) };
  }
  const after = [...attempts, attempt];
  const summary = summarize(after);
  // Recorded now, it would be read back after the entries at the same instant.
  const position = attempts.filter((other) => other.time <= attempt.time).length + 1;
  return { attempts24h: summary.attempts24h, cards24h: summary.cards24h, position, cooldown: cooldownFor(after, summary, now) };
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

/**
 * The person's contrary beliefs against a cause the bank's own code names count one step in
 * all: the code is what the bank said, the belief is what the person thinks they see.
 */
function weighBeliefs(list: readonly Evidence[], bankWord: number | undefined): Evidence[] {
  if (!bankWord) return [...list];
  let budget = 1;
  return list.map((item) => {
    if (item.weight >= 0 || SIGNALS[item.signal].kind !== 'belief') return item;
    const weight = budget > 0 ? -Math.min(-item.weight, budget) : 0;
    budget += weight;
    return { ...item, weight, params: { ...item.params, againstBankCode: 1 } };
  });
}

const PRECEDENCE: ReadonlyMap<CauseId, number> = new Map(CAUSE_PRECEDENCE.map((entry, index) => [entry.cause, index]));

/** Causes with a positive score, most likely first; equal scores follow `CAUSE_PRECEDENCE`. */
function rankFindings(evidence: ReadonlyMap<CauseId, Evidence[]>, bankWord: ReadonlyMap<CauseId, number>): Finding[] {
  const findings: Finding[] = [];
  for (const cause of CAUSE_IDS) {
    const raw = evidence.get(cause);
    if (!raw || !raw.some((item) => item.weight > 0)) continue;
    const list = weighBeliefs(raw, bankWord.get(cause));
    const score = list.reduce((sum, item) => sum + item.weight, 0);
    if (score <= 0) continue;
    const ordered = [...list].sort((a, b) => b.weight - a.weight);
    findings.push({ cause, likelihood: likelihoodOf(score), score, evidence: ordered, actions: CAUSES[cause].actions });
  }
  const order = (cause: CauseId) => PRECEDENCE.get(cause) ?? CAUSE_PRECEDENCE.length;
  return findings.sort((a, b) => b.score - a.score || order(a.cause) - order(b.cause));
}
