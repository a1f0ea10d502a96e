import type { Lang } from '../../core/catalogue';
import { diagnose } from '../../core/diagnose';
import { viewDiagnosis } from '../../core/diagnosisView';
import { localizeFieldMessage } from '../../core/fieldMessages';
import { inferCardDefaults } from '../../core/issuerInference';
import { cleanFreeText, parseReport, type FieldError, type Report } from '../../core/report';
import {
  MAX_MULTILINE,
  REPORT_FIELD_PATHS,
  type DiagnosisDidUpdateMessage,
  type FieldErrorMessage,
  type FieldSuggestion,
  type ReportDraft,
} from '../../protocol/messages';

const FORM_PATHS: ReadonlySet<string> = new Set(REPORT_FIELD_PATHS);

/** A copy of the draft without the fields at `paths` (dotted), and without groups left empty. */
function withoutFields(draft: ReportDraft, paths: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = structuredClone(draft);
  for (const path of paths) {
    const [group, key] = path.split('.') as [string, string | undefined];
    if (key === undefined) {
      delete copy[group];
      continue;
    }
    const section = copy[group];
    if (section && typeof section === 'object') {
      delete (section as Record<string, unknown>)[key];
      if (Object.keys(section).length === 0) delete copy[group];
    }
  }
  return copy;
}

/**
 * The draft as a report to diagnose, and the problems of its fields. A half-typed field must not
 * blank the diagnosis, so the fields the schema rejects are left out of the report diagnosed and
 * reported instead.
 */
export function reportOfDraft(draft: ReportDraft): { report: Report; errors: FieldError[] } {
  const parsed = parseReport(draft);
  if (parsed.ok) return { report: parsed.report, errors: [] };
  const rest = parseReport(withoutFields(draft, parsed.errors.map((error) => error.path)));
  return { report: rest.ok ? rest.report : {}, errors: parsed.errors };
}

/** The schema's problems in the UI language, each on its form field (or on the whole report). */
export function localizeFieldErrors(errors: readonly FieldError[], lang: Lang): FieldErrorMessage[] {
  return errors.map((error) => ({
    path: FORM_PATHS.has(error.path) ? (error.path as FieldErrorMessage['path']) : '(report)',
    message: localizeFieldMessage(error.message, lang),
  }));
}

/**
 * What can be inferred for the card fields the person left blank, to offer beside them, by the
 * wizard's own inference (`inferCardDefaults`): the brand from the first digits as typed (two are
 * enough: `62` is UnionPay), and the likely issuing country from the first digits, the bank's
 * name or the brand. Nothing is offered for a field already answered, and nothing here is ever
 * written into the report: the person accepts a suggestion or not.
 */
export function cardSuggestions(draft: ReportDraft, report: Report): FieldSuggestion[] {
  const card = report.card ?? {};
  // The digits as typed, half-typed too (the schema drops a BIN of fewer than 6 digits).
  const typedBin = (draft.card?.bin ?? '').slice(0, 40);
  const digits = /^[\d\s-]*$/.test(typedBin) ? typedBin.replace(/\D/g, '').slice(0, 8) : '';
  const defaults = inferCardDefaults({ bin: digits, brand: card.brand, issuerName: card.issuerName });
  const suggestions: FieldSuggestion[] = [];
  if ((card.brand === undefined || card.brand === 'unknown') && defaults.brand && defaults.brand.value !== 'other') {
    suggestions.push({ path: 'card.brand', value: defaults.brand.value, basis: 'bin', detail: digits.slice(0, 6) });
  }
  const country = defaults.issuerCountry;
  if (card.issuerCountry === undefined && country) {
    const brand = card.brand && card.brand !== 'unknown' ? card.brand : (defaults.brand?.value ?? '');
    const detail = country.basis === 'bin' ? digits.slice(0, 6) : country.basis === 'bank-name' ? (card.issuerName ?? '') : brand;
    suggestions.push({ path: 'card.issuerCountry', value: country.value, basis: country.basis, detail });
  }
  return suggestions;
}

/** The answer to one `formDidChange`: the draft diagnosed against the journal, in the UI language. */
export function diagnoseDraft(
  draft: ReportDraft,
  revision: number,
  history: readonly Report[],
  lang: Lang,
  now: Date,
): DiagnosisDidUpdateMessage {
  const { report, errors } = reportOfDraft(draft);
  const diagnosis = diagnose(report, history, now);
  const view = viewDiagnosis(diagnosis, lang, now);
  return {
    type: 'diagnosisDidUpdate',
    revision,
    view,
    cooldown: diagnosis.cooldown && view.cooldown ? { until: diagnosis.cooldown.until, text: view.cooldown } : null,
    fieldErrors: localizeFieldErrors(errors, lang),
    suggestions: cardSuggestions(draft, report),
  };
}

/**
 * The draft with every value cleaned and masked as the report schema cleans free text (controls
 * dropped, then card numbers, CVCs and one-time codes masked): what the host keeps between views.
 * Every value, the digit fields too, because a half-typed BIN or expiry is kept as typed and a
 * card number pasted there is a card number all the same.
 */
export function redactDraft(draft: ReportDraft): ReportDraft {
  const redact = (value: unknown): unknown =>
    typeof value === 'string'
      ? cleanFreeText(value, MAX_MULTILINE, true)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redact(inner)]))
        : value;
  return redact(draft) as ReportDraft;
}
