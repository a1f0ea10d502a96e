/**
 * The webview protocol: every message of both directions is accepted in its exact shape and
 * rejected with a wrong type, a missing or bad request id, an extra field, or an oversized
 * string. The host's own answers (built by the pure half of the sidebar) parse as well.
 */
import assert from 'node:assert/strict';
import { countryOptions } from '../../src/core/countries';
import { DECLINE_MESSAGES } from '../../src/core/declineMessages';
import { CARD_BRANDS, CARD_KINDS, PRODUCTS, TRI_STATES } from '../../src/core/report';
import { diagnoseDraft } from '../../src/host/sidebar/formDiagnosis';
import {
  MAX_LINE,
  MAX_MULTILINE,
  UI_STRING_KEYS,
  parseHostMessage,
  parseWebviewMessage,
  type HostToWebviewMessage,
  type ReportDraft,
  type UiStrings,
} from '../../src/protocol/messages';

const NOW = new Date('2025-11-27T12:00:00Z');

const draft: ReportDraft = {
  occurredAt: '2025-11-27T10:31:00+08:00',
  product: 'chatgpt-web',
  errorMessage: 'Your card was declined.',
  card: { kind: 'debit', brand: 'unionpay', bin: '622588', last4: '12', issuerCountry: 'CN' },
  billing: { country: 'CN', matchesIssuer: 'no' },
  bank: { internationalOnline: 'unknown' },
  connection: { vpn: 'yes', accessCountry: 'HK' },
  notes: 'second try',
};

const strings = Object.fromEntries(UI_STRING_KEYS.map((key) => [key, `text of ${key}`])) as UiStrings;

const init: HostToWebviewMessage = {
  type: 'init',
  lang: 'zh-cn',
  strings,
  choices: {
    product: PRODUCTS.map((value) => ({ value, label: value })),
    kind: CARD_KINDS.map((value) => ({ value, label: value })),
    brand: CARD_BRANDS.map((value) => ({ value, label: value })),
    triState: TRI_STATES.map((value) => ({ value, label: value })),
  },
  countries: countryOptions('zh-cn'),
  declineMessages: DECLINE_MESSAGES.map((message) => ({ id: message.id, text: message.zhCn })),
  draft,
  lastAttempt: null,
};

/** A repeated attempt a few hours after two others with another card: the journal says wait. */
const history = [
  { occurredAt: '2025-11-27T08:00:00+08:00', card: { brand: 'visa' as const, last4: '1111' } },
  { occurredAt: '2025-11-27T09:00:00+08:00', card: { brand: 'visa' as const, last4: '2222' } },
];
const update = diagnoseDraft(draft, 3, history, 'zh-cn', NOW);

const long = (length: number) => 'x'.repeat(length);
const withPath = (value: Record<string, unknown>, path: string[], leaf: unknown): Record<string, unknown> => {
  const copy = structuredClone(value);
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path[path.length - 1]!] = leaf;
  return copy;
};

function accepts(parse: (data: unknown) => { ok: boolean }, cases: [string, unknown][]): void {
  for (const [name, message] of cases) {
    it(`accepts ${name}`, () => assert.equal(parse(message).ok, true, JSON.stringify(parse(message)).slice(0, 300)));
  }
}

function rejects(parse: (data: unknown) => { ok: boolean }, cases: [string, unknown][]): void {
  for (const [name, message] of cases) {
    it(`rejects ${name}`, () => assert.equal(parse(message).ok, false));
  }
}

describe('protocol', () => {
  describe('webview → host', () => {
    accepts(parseWebviewMessage, [
      ['ready', { type: 'ready' }],
      ['formDidChange with a full draft', { type: 'formDidChange', revision: 1, report: draft }],
      ['formDidChange with an empty draft', { type: 'formDidChange', revision: 0, report: {} }],
      ['formDidChange with half-typed values (the schema judges them, not the protocol)', { type: 'formDidChange', revision: 2, report: { card: { last4: '4', expiry: '20' }, billing: { country: '中' } } }],
      ['formDidChange with the longest single-line value', { type: 'formDidChange', revision: 1, report: { card: { issuerName: long(MAX_LINE) } } }],
      ['formDidChange with the longest multi-line value', { type: 'formDidChange', revision: 1, report: { errorMessage: long(MAX_MULTILINE) } }],
      ['saveJournal', { type: 'saveJournal', requestId: 1, report: draft }],
      ['generateAppeal', { type: 'generateAppeal', requestId: 2, report: draft }],
      ['generateBankInquiry', { type: 'generateBankInquiry', requestId: 3, report: {} }],
      ['openJournal', { type: 'openJournal', requestId: 0 }],
    ]);

    rejects(parseWebviewMessage, [
      ['nothing', undefined],
      ['null', null],
      ['a string', 'ready'],
      ['an array', [{ type: 'ready' }]],
      ['no type', { revision: 1, report: {} }],
      ['an unknown type', { type: 'deleteJournal', requestId: 1 }],
      ['a type in the wrong case', { type: 'Ready' }],
      ['ready with an extra field', { type: 'ready', version: 2 }],
      ['formDidChange without a revision', { type: 'formDidChange', report: {} }],
      ['formDidChange with a negative revision', { type: 'formDidChange', revision: -1, report: {} }],
      ['formDidChange with a fractional revision', { type: 'formDidChange', revision: 1.5, report: {} }],
      ['formDidChange with a string revision', { type: 'formDidChange', revision: '1', report: {} }],
      ['formDidChange without a report', { type: 'formDidChange', revision: 1 }],
      ['formDidChange with a report that is a string', { type: 'formDidChange', revision: 1, report: '{}' }],
      ['formDidChange with an unknown report field', { type: 'formDidChange', revision: 1, report: { card: { number: '4242424242424242' } } }],
      ['formDidChange with an unknown top-level report field', { type: 'formDidChange', revision: 1, report: { cvc: '123' } }],
      ['formDidChange with a number where text belongs', { type: 'formDidChange', revision: 1, report: { card: { last4: 4242 } } }],
      ['formDidChange with a boolean where text belongs', { type: 'formDidChange', revision: 1, report: { bank: { internationalOnline: true } } }],
      ['formDidChange with a card that is not an object', { type: 'formDidChange', revision: 1, report: { card: 'visa' } }],
      ['formDidChange with an oversized single-line value', { type: 'formDidChange', revision: 1, report: { card: { issuerName: long(MAX_LINE + 1) } } }],
      ['formDidChange with an oversized error message', { type: 'formDidChange', revision: 1, report: { errorMessage: long(MAX_MULTILINE + 1) } }],
      ['formDidChange with an oversized note', { type: 'formDidChange', revision: 1, report: { notes: long(MAX_MULTILINE + 1) } }],
      ['formDidChange with an extra field', { type: 'formDidChange', revision: 1, report: {}, requestId: 1 }],
      ['saveJournal without a request id', { type: 'saveJournal', report: draft }],
      ['saveJournal with a string request id', { type: 'saveJournal', requestId: 'a', report: draft }],
      ['saveJournal with a negative request id', { type: 'saveJournal', requestId: -1, report: draft }],
      ['saveJournal without a report', { type: 'saveJournal', requestId: 1 }],
      ['saveJournal with an extra field', { type: 'saveJournal', requestId: 1, report: draft, path: '/etc/passwd' }],
      ['generateAppeal without a request id', { type: 'generateAppeal', report: draft }],
      ['generateAppeal with an unknown report field', { type: 'generateAppeal', requestId: 1, report: { card: { cvc: '123' } } }],
      ['generateAppeal with an extra field', { type: 'generateAppeal', requestId: 1, report: draft, language: 'en' }],
      ['generateBankInquiry without a request id', { type: 'generateBankInquiry', report: {} }],
      ['generateBankInquiry with a null report', { type: 'generateBankInquiry', requestId: 1, report: null }],
      ['openJournal without a request id', { type: 'openJournal' }],
      ['openJournal with a request id that is not a safe integer', { type: 'openJournal', requestId: 2 ** 60 }],
      ['openJournal with a path to open', { type: 'openJournal', requestId: 1, uri: 'file:///etc/passwd' }],
      ['a host message sent the wrong way', { type: 'didComplete', requestId: 1, ok: true }],
    ]);

    it('says where a message is wrong without echoing what was sent', () => {
      const outcome = parseWebviewMessage({ type: 'formDidChange', revision: 1, report: { card: { number: '4242424242424242' } } });
      assert.equal(outcome.ok, false);
      if (outcome.ok) return;
      assert.deepEqual(outcome.problems, ['report.card: unrecognized_keys']);
      assert.doesNotMatch(outcome.problems.join(' '), /4242/);
    });
  });

  describe('host → webview', () => {
    const complete = { type: 'didComplete', requestId: 1 };
    accepts(parseHostMessage, [
      ['init', init],
      ['init without a draft or a last attempt', { ...init, draft: null, lastAttempt: null }],
      ['init with a last attempt', { ...init, lastAttempt: { occurredAt: '2025-11-27T10:31:00+08:00', card: { last4: '4242' } } }],
      ['init in English', { ...init, lang: 'en' }],
      ['diagnosisDidUpdate as the host builds it (with a cooldown and a field error)', update],
      ['diagnosisDidUpdate without a cooldown', { ...update, cooldown: null, fieldErrors: [] }],
      ['diagnosisDidUpdate with an inferred brand and country', { ...update, suggestions: [
        { path: 'card.brand', value: 'unionpay', basis: 'bin', detail: '62' },
        { path: 'card.issuerCountry', value: 'CN', basis: 'bank-name', detail: '招商银行' },
      ] }],
      ['didComplete with a uri', { ...complete, ok: true, uri: 'file:///w/card-failures/appeal-2025-11-27.md', message: 'Wrote it' }],
      ['didComplete with nothing but ok', { ...complete, ok: true }],
      ['didComplete that failed with a reason', { ...complete, ok: false, message: 'Some fields need attention' }],
      ['didComplete that was cancelled', { ...complete, ok: false }],
      ['journalDidChange', { type: 'journalDidChange', lastAttempt: draft }],
      ['journalDidChange to an empty journal', { type: 'journalDidChange', lastAttempt: null }],
    ]);

    const { maskedNote: _dropped, ...missingString } = strings;
    rejects(parseHostMessage, [
      ['nothing', undefined],
      ['an unknown type', { type: 'reload' }],
      ['init without strings', { ...init, strings: undefined }],
      ['init missing one string', { ...init, strings: missingString }],
      ['init with an unknown string', { ...init, strings: { ...strings, extra: 'x' } }],
      ['init with a string that is not text', { ...init, strings: { ...strings, clear: 1 } }],
      ['init with an oversized string', { ...init, strings: { ...strings, clear: long(4001) } }],
      ['init in an unknown language', { ...init, lang: 'fr' }],
      ['init with an unknown product choice', { ...init, choices: { ...init.choices, product: [{ value: 'dall-e', label: 'x' }] } }],
      ['init with a lower-case country code', { ...init, countries: [{ code: 'cn', name: '中国' }] }],
      ['init with too many countries', { ...init, countries: Array.from({ length: 401 }, () => ({ code: 'CN', name: '中国' })) }],
      ['init without a draft key', { ...init, draft: undefined }],
      ['init with an invalid draft', { ...init, draft: { card: { number: '4242424242424242' } } }],
      ['init with an extra field', { ...init, theme: 'dark' }],
      ['diagnosisDidUpdate without a revision', { ...update, revision: undefined }],
      ['diagnosisDidUpdate without a view', { ...update, view: undefined }],
      ['diagnosisDidUpdate with an unknown likelihood', withPath(update, ['view', 'findings'], [{ ...update.view.findings[0], likelihood: 'certain' }])],
      ['diagnosisDidUpdate with an extra view field', withPath(update, ['view', 'html'], '<b>x</b>')],
      ['diagnosisDidUpdate with a cooldown time without a zone', { ...update, cooldown: { until: '2025-11-28T09:00:00', text: 'wait' } }],
      ['diagnosisDidUpdate with an error on an unknown field', { ...update, fieldErrors: [{ path: 'card.number', message: 'x' }] }],
      ['diagnosisDidUpdate with an oversized evidence line', withPath(update, ['view', 'generalSteps'], [long(4001)])],
      ['diagnosisDidUpdate without suggestions', { ...update, suggestions: undefined }],
      ['diagnosisDidUpdate suggesting a field that is not inferred', { ...update, suggestions: [{ path: 'card.last4', value: '4242', basis: 'bin', detail: '62' }] }],
      ['diagnosisDidUpdate suggesting from an unknown basis', { ...update, suggestions: [{ path: 'card.brand', value: 'visa', basis: 'guess', detail: '4' }] }],
      ['diagnosisDidUpdate with more suggestions than fields', { ...update, suggestions: Array.from({ length: 3 }, () => ({ path: 'card.brand', value: 'visa', basis: 'bin', detail: '4' })) }],
      ['diagnosisDidUpdate with an oversized suggestion', { ...update, suggestions: [{ path: 'card.issuerCountry', value: 'CN', basis: 'bank-name', detail: long(201) }] }],
      ['didComplete without a request id', { type: 'didComplete', ok: true }],
      ['didComplete with a string request id', { ...complete, requestId: '1', ok: true }],
      ['didComplete without ok', { ...complete, uri: 'file:///x' }],
      ['didComplete with ok as a string', { ...complete, ok: 'true' }],
      ['didComplete that failed yet names a uri', { ...complete, ok: false, uri: 'file:///x' }],
      ['didComplete with an extra field', { ...complete, ok: true, command: 'rm' }],
      ['journalDidChange without a last attempt key', { type: 'journalDidChange' }],
      ['a webview message sent the wrong way', { type: 'ready' }],
    ]);
  });

  it('carries the host diagnosis in the UI language, with the cooldown and the half-typed field', () => {
    // Two other cards within 24 hours: the journal says wait, 24 hours from the later (01:00 UTC).
    assert.deepEqual(update.cooldown, {
      until: '2025-11-28T01:00:00.000Z',
      text: '过去 24 小时内用过不止一张卡；文章建议先等 24 小时。请等到 2025-11-28 09:00 UTC+08:00（还有 13 小时 0 分钟）再重试或换卡。',
    });
    assert.equal(update.view.title, '绑卡失败诊断');
    assert.deepEqual(update.fieldErrors, [{ path: 'card.last4', message: '应为 4 位数字' }]);
  });
});
