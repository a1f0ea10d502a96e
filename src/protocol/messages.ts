/**
 * The messages between the sidebar form (webview) and the extension host: one zod union per
 * direction, the types from `z.infer`. Both ends parse what they receive with these schemas, so a
 * message is either exactly one of the shapes below or it is dropped.
 *
 * The conversation: the webview says `ready` first; the host answers `init` with everything the
 * form shows (strings, choices, countries, known messages, a draft, the last attempt). Each edit is
 * an event (`formDidChange`) the host answers with `diagnosisDidUpdate`, echoing its `revision`
 * so a late answer to an older edit is ignored. The buttons are requests with a `requestId`,
 * answered by one `didComplete` echoing it.
 *
 * Reports travel as drafts: the form's values, shaped like a report but every value a bounded
 * string, because half-typed values ("12" in the last 4) must reach the host to be diagnosed and
 * marked. The host validates the draft with the core `parseReport` before anything is done with it.
 */
import * as z from 'zod/mini';
import type { Lang } from '../core/catalogue';
import type { DiagnosisView } from '../core/diagnosisView';
import { CARD_BRANDS, CARD_KINDS, PRODUCTS, TRI_STATES } from '../core/reportChoices';

/** The longest single-line value a draft may carry (a pasted card number with spaces fits easily). */
export const MAX_LINE = 200;
/** The longest multi-line value (the error as shown, notes): room for a pasted processor JSON. */
export const MAX_MULTILINE = 20_000;
/** The longest sentence or label the host sends. Long enough for any catalogue text. */
const MAX_TEXT = 4_000;
/** The most items in any list (countries: 250). */
const MAX_ITEMS = 400;

const line = z.string().check(z.maxLength(MAX_LINE));
const multiline = z.string().check(z.maxLength(MAX_MULTILINE));
const text = z.string().check(z.maxLength(MAX_TEXT));
const list = <T extends z.core.SomeType>(item: T) => z.readonly(z.array(item).check(z.maxLength(MAX_ITEMS)));

/** A request's id, echoed by its `didComplete`. */
const requestId = z.int().check(z.nonnegative());

/**
 * An ISO 8601 time with an offset (src/core/typedTime.ts's pattern): `z.iso` would bring its
 * whole namespace (dates, durations and their patterns) into the webview.
 */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** The UI languages; the same ids as the core's `Lang`. */
export const UI_LANGS = ['en', 'zh-cn', 'zh-tw'] as const satisfies readonly Lang[];

/**
 * A report as the form holds it: the report's nesting and field names, every value a string of
 * bounded length, nothing else. Not yet validated: `parseReport` turns it into a `Report`.
 */
export const reportDraftSchema = z.strictObject({
  occurredAt: z.optional(line),
  product: z.optional(line),
  errorMessage: z.optional(multiline),
  card: z.optional(
    z.strictObject({
      kind: z.optional(line),
      brand: z.optional(line),
      bin: z.optional(line),
      last4: z.optional(line),
      issuerName: z.optional(line),
      issuerCountry: z.optional(line),
      expiry: z.optional(line),
      dualCurrency: z.optional(line),
    }),
  ),
  billing: z.optional(
    z.strictObject({
      country: z.optional(line),
      postalCode: z.optional(line),
      matchesIssuer: z.optional(line),
    }),
  ),
  bank: z.optional(
    z.strictObject({
      internationalOnline: z.optional(line),
      balanceSufficient: z.optional(line),
    }),
  ),
  connection: z.optional(
    z.strictObject({
      vpn: z.optional(line),
      switchedRecently: z.optional(line),
      accessCountry: z.optional(line),
    }),
  ),
  notes: z.optional(multiline),
});

/** A report as the form holds it; see {@link reportDraftSchema}. */
export type ReportDraft = z.infer<typeof reportDraftSchema>;

/** Every report field the form edits, by its dotted path: the keys of field errors and form fields. */
export const REPORT_FIELD_PATHS = [
  'occurredAt',
  'product',
  'errorMessage',
  'card.kind',
  'card.brand',
  'card.bin',
  'card.last4',
  'card.issuerName',
  'card.issuerCountry',
  'card.expiry',
  'billing.country',
  'billing.postalCode',
  'billing.matchesIssuer',
  'bank.internationalOnline',
  'bank.balanceSufficient',
  'connection.vpn',
  'connection.switchedRecently',
  'connection.accessCountry',
  'notes',
] as const;

/** One report field's dotted path. */
export type ReportFieldPath = (typeof REPORT_FIELD_PATHS)[number];

/**
 * The keys of the strings the form shows, all built by the host with `vscode.l10n.t`. The init
 * message must carry every one of them (the record is exhaustive), so a missing string is a
 * protocol error rather than a blank label.
 */
export const UI_STRING_KEYS = [
  'formLabel',
  'sectionAttempt',
  'sectionCard',
  'sectionBilling',
  'sectionBank',
  'sectionConnection',
  'sectionNotes',
  'occurredAt',
  'occurredAtHint',
  'occurredAtReading',
  'occurredAtUnreadable',
  'now',
  'product',
  'errorMessage',
  'errorMessagePlaceholder',
  'knownMessage',
  'knownMessageNone',
  'cardKind',
  'cardBrand',
  'bin',
  'binHint',
  'last4',
  'issuerName',
  'issuerCountry',
  'countryPlaceholder',
  'expiry',
  'expiryHint',
  'billingCountry',
  'postalCode',
  'matchesIssuer',
  'internationalOnline',
  'balanceSufficient',
  'vpn',
  'switchedRecently',
  'accessCountry',
  'notes',
  'notesHint',
  'notAnswered',
  'maskedNote',
  'maskedCodeNote',
  'saveJournal',
  'generateAppeal',
  'generateBankInquiry',
  'loadLastAttempt',
  'noLastAttempt',
  'clear',
  'working',
  'diagnosisLabel',
  'cooldownLeft',
  'actionsLabel',
  'inferredTag',
  'inferredFromDigits',
  'inferredFromBank',
  'inferredFromBrand',
  'acceptInferred',
] as const;

/** The key of one UI string. */
export type UiStringKey = (typeof UI_STRING_KEYS)[number];

// A strict object of exactly these keys, as an enum-keyed record would be, without bundling zod's record schema in the webview.
const uiStringsSchema = z.strictObject(Object.fromEntries(UI_STRING_KEYS.map((key) => [key, text])) as Record<UiStringKey, typeof text>);

/** The form's strings in the UI language, by key. */
export type UiStrings = z.infer<typeof uiStringsSchema>;

function choiceList<const T extends readonly [string, ...string[]]>(values: T) {
  return z.readonly(z.array(z.strictObject({ value: z.enum(values), label: text })).check(z.maxLength(values.length)));
}

/** The options of the form's selects, each value a report value and its label in the UI language. */
const choicesSchema = z.strictObject({
  product: choiceList(PRODUCTS),
  kind: choiceList(CARD_KINDS),
  brand: choiceList(CARD_BRANDS),
  triState: choiceList(TRI_STATES),
});

/** The options of the form's selects; see {@link choicesSchema}. */
export type Choices = z.infer<typeof choicesSchema>;

const countrySchema = z.strictObject({ code: z.string().check(z.regex(/^[A-Z]{2}$/)), name: text });

const declineMessageSchema = z.strictObject({ id: line, text });

const findingViewSchema = z.strictObject({
  title: text,
  likelihood: z.enum(['high', 'medium', 'low']),
  likelihoodText: text,
  summary: text,
  evidenceFor: list(text),
  evidenceAgainst: list(text),
  actions: list(text),
});

/** The core's `DiagnosisView`: a diagnosis with every sentence already in the UI language. */
export const diagnosisViewSchema = z.strictObject({
  title: text,
  attemptLine: text,
  messageLine: z.nullable(text),
  cooldown: z.nullable(text),
  findingsHeading: text,
  findings: list(findingViewSchema),
  noFindings: z.nullable(text),
  generalStepsHeading: z.nullable(text),
  generalSteps: list(text),
  historyLine: text,
  labels: z.strictObject({ evidence: text, against: text, actions: text, cooldown: text, colon: text }),
  disclaimer: text,
});

/** The form's copy of the core's `DiagnosisView`. The two are kept equal by the check below. */
export type DiagnosisViewMessage = z.infer<typeof diagnosisViewSchema>;

// Compile-time: the core's view must be sendable as it is, and what arrives must be a core view.
const sendable = (view: DiagnosisView): DiagnosisViewMessage => view;
const received = (view: DiagnosisViewMessage): DiagnosisView => view;
void sendable;
void received;

/** The fields the host may suggest a value for, inferred from the others. */
export const SUGGESTIBLE_PATHS = ['card.brand', 'card.issuerCountry'] as const;

/**
 * A value the host inferred for a field the person left blank: shown beside the field as
 * inferred, with what it was inferred from, and written into the field only when the person
 * accepts it. `value` is a report value (a brand id, a country code); `detail` is what it was
 * inferred from as the person typed it (the first six digits, the bank's name, the brand's name).
 */
const suggestionSchema = z.strictObject({
  path: z.enum(SUGGESTIBLE_PATHS),
  value: line,
  basis: z.enum(['bin', 'bank-name', 'brand']),
  detail: line,
});

/** One inferred value offered for a blank field; see {@link suggestionSchema}. */
export type FieldSuggestion = z.infer<typeof suggestionSchema>;

/** One field's problem, its message already in the UI language. */
const fieldErrorSchema = z.strictObject({ path: z.enum([...REPORT_FIELD_PATHS, '(report)']), message: text });

/** A field's problem as the form shows it. */
export type FieldErrorMessage = z.infer<typeof fieldErrorSchema>;

/** Messages the webview sends to the host. */
export const webviewToHostSchema = z.discriminatedUnion('type', [
  // webview → host: the form is loaded and listening; the host answers `init`.
  z.strictObject({ type: z.literal('ready') }),
  // webview → host: the person changed the form; the host answers `diagnosisDidUpdate` with the same revision.
  z.strictObject({ type: z.literal('formDidChange'), revision: z.int().check(z.nonnegative()), report: reportDraftSchema }),
  // webview → host: append the report to the failure journal (the `cardDoctor.recordAttempt` command).
  z.strictObject({ type: z.literal('saveJournal'), requestId, report: reportDraftSchema }),
  // webview → host: write the appeal to support (the `cardDoctor.generateAppeal` command).
  z.strictObject({ type: z.literal('generateAppeal'), requestId, report: reportDraftSchema }),
  // webview → host: write the inquiry to the bank (the `cardDoctor.generateBankInquiry` command).
  z.strictObject({ type: z.literal('generateBankInquiry'), requestId, report: reportDraftSchema }),
  // webview → host: open the failure journal (the `cardDoctor.openJournal` command).
  z.strictObject({ type: z.literal('openJournal'), requestId }),
]);

/** A message from the webview to the host. */
export type WebviewToHostMessage = z.infer<typeof webviewToHostSchema>;

/** The webview's requests: the messages that carry a `requestId` and are answered by `didComplete`. */
export type WebviewRequest = Extract<WebviewToHostMessage, { requestId: number }>;

/** Messages the host sends to the webview. */
export const hostToWebviewSchema = z.discriminatedUnion('type', [
  // host → webview: the answer to `ready`: everything the form shows, in the UI language.
  z.strictObject({
    type: z.literal('init'),
    lang: z.enum(UI_LANGS),
    strings: uiStringsSchema,
    choices: choicesSchema,
    countries: list(countrySchema),
    declineMessages: list(declineMessageSchema),
    /** The last draft the host saw from this view, for a view created anew. */
    draft: z.nullable(reportDraftSchema),
    /** The latest journal entry, for "Load last attempt"; null when the journal is empty. */
    lastAttempt: z.nullable(reportDraftSchema),
  }),
  // host → webview: the diagnosis of the draft of `revision`, and its fields' problems.
  z.strictObject({
    type: z.literal('diagnosisDidUpdate'),
    revision: z.int().check(z.nonnegative()),
    view: diagnosisViewSchema,
    /** When the journal says to wait: until when (ISO 8601), and why, for a live countdown. */
    cooldown: z.nullable(z.strictObject({ until: z.string().check(z.regex(ISO_WITH_OFFSET)), text })),
    fieldErrors: list(fieldErrorSchema),
    /** Values inferred for fields left blank, offered to the person, never stored unless accepted. */
    suggestions: z.readonly(z.array(suggestionSchema).check(z.maxLength(SUGGESTIBLE_PATHS.length))),
  }),
  // host → webview: the answer to a request, echoing its id.
  z.discriminatedUnion('ok', [
    z.strictObject({
      type: z.literal('didComplete'),
      requestId,
      ok: z.literal(true),
      /** What the command wrote or opened. */
      uri: z.optional(text),
      message: z.optional(text),
    }),
    z.strictObject({
      type: z.literal('didComplete'),
      requestId,
      ok: z.literal(false),
      /** Why nothing was done; absent when the person cancelled. */
      message: z.optional(text),
    }),
  ]),
  // host → webview: the journal changed; here is its latest entry now.
  z.strictObject({ type: z.literal('journalDidChange'), lastAttempt: z.nullable(reportDraftSchema) }),
]);

/** A message from the host to the webview. */
export type HostToWebviewMessage = z.infer<typeof hostToWebviewSchema>;

/** The host's `init` message. */
export type InitMessage = Extract<HostToWebviewMessage, { type: 'init' }>;

/** The host's `diagnosisDidUpdate` message. */
export type DiagnosisDidUpdateMessage = Extract<HostToWebviewMessage, { type: 'diagnosisDidUpdate' }>;

/** The host's `didComplete` message. */
export type DidCompleteMessage = Extract<HostToWebviewMessage, { type: 'didComplete' }>;

/** What a parse gives: the message, or why it is not one (issue codes and paths, never values). */
export type ParseOutcome<T> = { ok: true; message: T } | { ok: false; problems: string[] };

function outcome<T>(result: z.core.util.SafeParseResult<T>): ParseOutcome<T> {
  if (result.success) return { ok: true, message: result.data };
  // The values may be card numbers: say where and what kind of problem, never what was sent.
  return { ok: false, problems: result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(message)'}: ${issue.code}`) };
}

/** Parses a message from the webview: exactly one of {@link webviewToHostSchema}'s shapes, or the problems. */
export function parseWebviewMessage(data: unknown): ParseOutcome<WebviewToHostMessage> {
  return outcome(webviewToHostSchema.safeParse(data));
}

/** Parses a message from the host: exactly one of {@link hostToWebviewSchema}'s shapes, or the problems. */
export function parseHostMessage(data: unknown): ParseOutcome<HostToWebviewMessage> {
  return outcome(hostToWebviewSchema.safeParse(data));
}
