/**
 * The sidebar keeps what was typed beyond the moment: the webview saves its state with
 * `setState` (`savedStateOf`, read back by `readSavedState`), sends a draft to the host
 * (`formToReportDraft`) and fills the form from a draft (`reportDraftToForm`), and the host remembers the last draft for the next view (`redactDraft`)
 * and answers it (`diagnoseDraft`). A secret typed into any field, the BIN, last 4, expiry, time
 * and country boxes included, reaches none of them, whichever way it got into the control.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countryOptions } from '../../src/core/countries';
import { diagnoseDraft, redactDraft } from '../../src/host/sidebar/formDiagnosis';
import { REPORT_FIELD_PATHS, type ReportDraft } from '../../src/protocol/messages';
import { FORM_FIELD_IDS, formToReportDraft, readSavedState, reportDraftToForm, savedStateOf, type FormFields } from '../../src/webview/formReport';
import { secretContextArbitrary, writtenCardArbitrary, writtenCodeArbitrary } from '../arbitraries';
import { LeakCheck, printLeakCount } from '../leakOracle';
import { LANGS, NOW, type Outputs } from '../leakOutputs';

const RUNS = Number(process.env.LEAK_RUNS ?? 300);
const COUNTRIES = countryOptions('en');

/** `text` in every control of the form, and in the previous form's offset field (still read from old saved states). */
function everyField(text: string): FormFields {
  return { ...(Object.fromEntries(FORM_FIELD_IDS.map((id) => [id, text])) as FormFields), occurredAtOffset: text };
}

/** `text` in every field of a draft, as a webview (or anything posing as one) could send it. */
function draftOf(text: string): ReportDraft {
  const draft: Record<string, unknown> = {};
  for (const path of REPORT_FIELD_PATHS) {
    const [group, key] = path.split('.') as [string, string | undefined];
    if (key === undefined) draft[group] = text;
    else draft[group] = { ...(draft[group] as object), [key]: text };
  }
  return draft as ReportDraft;
}

function outputsOf(text: string, lang: 'en' | 'zh-cn'): Outputs {
  const fields = everyField(text);
  const paths = [...REPORT_FIELD_PATHS];
  const draft = draftOf(text);
  return [
    ['webview saved state', JSON.stringify(savedStateOf(fields, paths, paths.map((path) => [path, 'cardNumber'])))],
    ['webview state read back', JSON.stringify(readSavedState({ version: 1, fields, touched: paths, masked: {} }))],
    ['webview draft', JSON.stringify(formToReportDraft(fields, COUNTRIES))],
    ['webview form from a draft', JSON.stringify(reportDraftToForm(draft, COUNTRIES))],
    ['host remembered draft', JSON.stringify(redactDraft(draft))],
    ['host diagnosisDidUpdate', JSON.stringify(diagnoseDraft(draft, 1, [], lang, NOW))],
  ];
}

describe('leaks: the sidebar form', function () {
  // Hundreds of reports through every output: far more than the suite's default per test.
  this.timeout(180_000);
  printLeakCount('sidebar');

  it('saves only the form’s own fields and paths', () => {
    const state = savedStateOf({ notes: 'hello', 'card.cvc': '123', occurredAtOffset: '+08:00' }, ['notes', 'card.cvc', 'notes'], [
      ['notes', 'code'],
      ['card.cvc', 'cardNumber'],
      ['card.bin', 'other'],
    ]);
    // The previous form's separate offset is no field any more: alone it is dropped, with a time it is joined to it.
    assert.deepEqual(state, { version: 1, fields: { notes: 'hello' }, touched: ['notes'], masked: { notes: 'code' } });
    assert.deepEqual(savedStateOf({ occurredAt: '2025-11-27T10:31', occurredAtOffset: '+08:00 4242 4242 4242 4242' }, [], []).fields, { occurredAt: '2025-11-27T10:31 +08:00 •••• 4242' });
    assert.equal(readSavedState({ version: 2, fields: {} }), undefined);
    assert.equal(readSavedState('state'), undefined);
  });

  it('masks a number split by control characters, as the schema sees it', () => {
    const split = '4242\u00014242\u00014242\u00014242';
    assert.deepEqual(savedStateOf({ 'card.bin': split, notes: split }, [], []).fields, { 'card.bin': '•••• 4242', notes: '•••• 4242' });
    assert.deepEqual(redactDraft({ card: { bin: split }, notes: `card ${split}` }), { card: { bin: '•••• 4242' }, notes: 'card •••• 4242' });
  });

  it(`keeps no card number typed into every field (${RUNS} forms)`, () => {
    fc.assert(
      fc.property(writtenCardArbitrary, fc.option(secretContextArbitrary, { nil: undefined }), fc.constantFrom(...LANGS), (written, context, lang) => {
        const text = context ? context(written.text) : written.text;
        const check = new LeakCheck();
        for (const [name, output] of outputsOf(text, lang)) check.card(name, output, written.digits);
        check.assertNone(text);
      }),
      { numRuns: RUNS },
    );
  });

  it(`keeps no CVC or one-time code typed into every field (${RUNS} forms, each against its twin)`, () => {
    fc.assert(
      fc.property(writtenCodeArbitrary, fc.constantFrom(...LANGS), (code, lang) => {
        const twins = outputsOf(code.twin, lang);
        const check = new LeakCheck();
        outputsOf(code.text, lang).forEach(([name, output], index) => check.code(name, output, twins[index]![1]));
        check.assertNone(code.text);
      }),
      { numRuns: RUNS },
    );
  });
});
