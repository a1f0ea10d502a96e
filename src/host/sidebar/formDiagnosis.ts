import type { Lang } from '../../core/catalogue';
import { diagnose } from '../../core/diagnose';
import { viewDiagnosis } from '../../core/diagnosisView';
import { localizeFieldMessage } from '../../core/fieldMessages';
import { cleanFreeText, parseReport, type FieldError, type Report } from '../../core/report';
import { MAX_MULTILINE, REPORT_FIELD_PATHS, type DiagnosisDidUpdateMessage, type FieldErrorMessage, type ReportDraft } from '../../protocol/messages';

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
