/**
 * The catalogue's contract as data, written so that mutation testing (`npm run test:mutation`)
 * finds a blanked word, an emptied list or a dropped entry: every table covers every id it is
 * keyed by, every text a person reads exists in English and in Chinese with the same
 * placeholders, and every cause, action and signal says where it comes from.
 */
import assert from 'node:assert/strict';
import {
  ACTION_IDS,
  ACTIONS,
  ADVICE_WORDS,
  BELIEF_AGAINST_CODE_WORDS,
  BRAND_NAMES,
  CARD_KIND_WORDS,
  CAUSE_PRECEDENCE,
  CAUSES,
  CROSS_BORDER_OFF_BY_DEFAULT,
  fillWords,
  GENERAL_STEPS,
  INFERRED_COUNTRY_DISCOUNT,
  INFERRED_COUNTRY_WORDS,
  LANGS,
  LIKELIHOOD_WORDS,
  PRODUCT_IN_SENTENCE,
  PRODUCT_NAMES,
  SIGNAL_IDS,
  SIGNAL_WORDS,
  SIGNALS,
  type Words,
} from '../../src/core/catalogue';
import { CAUSE_IDS } from '../../src/core/causeIds';
import { ADVICE_CODES } from '../../src/core/declineMessages';
import { CARD_BRANDS, CARD_KINDS, PRODUCTS } from '../../src/core/report';

const HAN = /\p{Script=Han}/u;
const LATIN_LETTER = /[a-z]/i;
const PLACEHOLDER = /\{\w{1,40}\}/g;

/** Brand names that Chinese text writes in Latin letters too. */
const LATIN_IN_CHINESE = new Set(['Visa', 'Mastercard', 'JCB', 'Discover']);

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[0]).sort();
}

/** Every text in both languages: present, in its own script, with the same placeholders. */
function assertBilingual(words: Words | undefined, where: string): void {
  assert.ok(words, `${where}: no words`);
  assert.equal(typeof words.en, 'string', `${where}: no English`);
  assert.equal(typeof words['zh-cn'], 'string', `${where}: no Chinese`);
  assert.ok(words.en.trim().length > 0, `${where}: English is empty`);
  assert.ok(words['zh-cn'].trim().length > 0, `${where}: Chinese is empty`);
  assert.ok(LATIN_LETTER.test(words.en), `${where}: English has no letters: ${words.en}`);
  assert.ok(!HAN.test(words.en), `${where}: English holds Chinese: ${words.en}`);
  if (!LATIN_IN_CHINESE.has(words['zh-cn'])) assert.ok(HAN.test(words['zh-cn']), `${where}: Chinese has no Chinese: ${words['zh-cn']}`);
  assert.deepEqual(placeholders(words['zh-cn']), placeholders(words.en), `${where}: the languages fill different placeholders`);
}

function assertSameKeys(table: object, ids: readonly string[], where: string): void {
  assert.deepEqual(Object.keys(table).sort(), [...ids].sort(), `${where}: keys differ from the ids`);
}

function assertSource(source: string | undefined, where: string): void {
  assert.equal(typeof source, 'string', `${where}: no source`);
  assert.ok(source!.trim().length >= 3, `${where}: empty source`);
}

describe('catalogue: the data every explanation is made of', () => {
  it('speaks English, Simplified Chinese and Traditional Chinese (derived from Simplified)', () => {
    assert.deepEqual([...LANGS], ['en', 'zh-cn', 'zh-tw']);
  });

  it('has one action entry per action id, each with its source and words', () => {
    assert.ok(ACTION_IDS.length >= 10, `only ${ACTION_IDS.length} actions`);
    assert.equal(new Set(ACTION_IDS).size, ACTION_IDS.length, 'an action id is listed twice');
    assertSameKeys(ACTIONS, ACTION_IDS, 'ACTIONS');
    for (const id of ACTION_IDS) {
      const action = ACTIONS[id];
      assert.equal(action.id, id);
      assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)+$/);
      assertSource(action.source, id);
      assertBilingual(action.words, `action ${id}`);
    }
  });

  it('has one cause entry per cause id, each with a source, a title, a summary and at least one known action', () => {
    assertSameKeys(CAUSES, CAUSE_IDS, 'CAUSES');
    for (const id of CAUSE_IDS) {
      const cause = CAUSES[id];
      assert.equal(cause.id, id);
      assertSource(cause.source, id);
      assertBilingual(cause.title, `title of ${id}`);
      assertBilingual(cause.summary, `summary of ${id}`);
      assert.ok(cause.actions.length >= 1, `${id} has no action`);
      assert.equal(new Set(cause.actions).size, cause.actions.length, `${id} lists an action twice`);
      for (const action of cause.actions) assert.ok((ACTION_IDS as readonly string[]).includes(action), `${id}: unknown action "${action}"`);
    }
  });

  it('gives the article’s general next steps as known actions, each once', () => {
    assert.ok(GENERAL_STEPS.length >= 3, `only ${GENERAL_STEPS.length} general steps`);
    assert.equal(new Set(GENERAL_STEPS).size, GENERAL_STEPS.length);
    for (const action of GENERAL_STEPS) assert.ok((ACTION_IDS as readonly string[]).includes(action), `unknown general step "${action}"`);
    // The article's own first steps: check the card's details and the billing address.
    assert.ok(GENERAL_STEPS.includes('verify-card-details'));
    assert.ok(GENERAL_STEPS.includes('match-billing-address'));
  });

  it('weighs every signal for a known cause, with a kind, a source and a reason', () => {
    const kinds = ['message', 'fact', 'statement', 'belief', 'history', 'context', 'advice'];
    assert.equal(new Set(SIGNAL_IDS).size, SIGNAL_IDS.length, 'a signal id is listed twice');
    assertSameKeys(SIGNALS, SIGNAL_IDS, 'SIGNALS');
    for (const id of SIGNAL_IDS) {
      const signal = SIGNALS[id];
      assert.ok(signal.cause === null || (CAUSE_IDS as readonly string[]).includes(signal.cause), `${id}: unknown cause "${signal.cause}"`);
      assert.ok(kinds.includes(signal.kind), `${id}: unknown kind "${signal.kind}"`);
      assert.ok(Number.isInteger(signal.weight) && signal.weight >= -3 && signal.weight <= 3, `${id}: weight ${signal.weight}`);
      assertSource(signal.source, id);
      assert.ok(signal.reason.trim().length >= 10, `${id}: no reason for its weight`);
    }
  });

  it('says every signal in both languages', () => {
    assertSameKeys(SIGNAL_WORDS, SIGNAL_IDS, 'SIGNAL_WORDS');
    for (const id of SIGNAL_IDS) assertBilingual(SIGNAL_WORDS[id], `signal ${id}`);
  });

  it('a recognized message and an earlier one about the same card carry the cause of the message, not a fixed one', () => {
    assert.equal(SIGNALS['decline-message'].cause, null);
    assert.equal(SIGNALS['earlier-message-same-card'].cause, null);
    assert.equal(SIGNALS['decline-message'].kind, 'message');
  });

  it('beliefs only ever speak against a cause', () => {
    const beliefs = SIGNAL_IDS.filter((id) => SIGNALS[id].kind === 'belief');
    assert.deepEqual(beliefs.sort(), ['balance-sufficient', 'billing-matches', 'international-on']);
    for (const id of beliefs) assert.ok(SIGNALS[id].weight < 0, `${id} speaks for its cause`);
  });

  it('orders every cause exactly once for ties, each with its reason, an in-app purchase first', () => {
    assert.deepEqual(CAUSE_PRECEDENCE.map((entry) => entry.cause).sort(), [...CAUSE_IDS].sort());
    assert.equal(CAUSE_PRECEDENCE[0]!.cause, 'app-store-billing');
    assert.equal(CAUSE_PRECEDENCE[1]!.cause, 'region-unsupported');
    assert.equal(CAUSE_PRECEDENCE.at(-1)!.cause, 'retry-velocity');
    for (const entry of CAUSE_PRECEDENCE) assert.ok(entry.reason.trim().length >= 10, `${entry.cause}: no reason`);
  });

  it('knows mainland China as the country whose cards often ship without cross-border payments', () => {
    assert.deepEqual(Object.keys(CROSS_BORDER_OFF_BY_DEFAULT), ['CN']);
    assertSource(CROSS_BORDER_OFF_BY_DEFAULT.CN!.source, 'CN');
    assert.equal(INFERRED_COUNTRY_DISCOUNT, 1);
  });

  it('words every advice code, product, card kind, brand and likelihood in both languages', () => {
    assertSameKeys(ADVICE_WORDS, ADVICE_CODES, 'ADVICE_WORDS');
    for (const code of ADVICE_CODES) assertBilingual(ADVICE_WORDS[code], `advice ${code}`);
    assertSameKeys(PRODUCT_NAMES, PRODUCTS, 'PRODUCT_NAMES');
    assertSameKeys(PRODUCT_IN_SENTENCE, PRODUCTS, 'PRODUCT_IN_SENTENCE');
    for (const product of PRODUCTS) {
      assertBilingual(PRODUCT_NAMES[product], `product name ${product}`);
      assertBilingual(PRODUCT_IN_SENTENCE[product], `product in a sentence ${product}`);
    }
    assertSameKeys(CARD_KIND_WORDS, CARD_KINDS, 'CARD_KIND_WORDS');
    for (const kind of CARD_KINDS) assertBilingual(CARD_KIND_WORDS[kind], `card kind ${kind}`);
    assertSameKeys(BRAND_NAMES, CARD_BRANDS, 'BRAND_NAMES');
    for (const brand of CARD_BRANDS) assertBilingual(BRAND_NAMES[brand], `brand ${brand}`);
    assertSameKeys(LIKELIHOOD_WORDS, ['high', 'medium', 'low'], 'LIKELIHOOD_WORDS');
    for (const level of ['high', 'medium', 'low'] as const) assertBilingual(LIKELIHOOD_WORDS[level], `likelihood ${level}`);
    // The scale every finding is worded on, written out: three even steps, never certainty.
    assert.deepEqual(LIKELIHOOD_WORDS, {
      high: { en: 'likely', 'zh-cn': '可能性较高' },
      medium: { en: 'possible', 'zh-cn': '可能性中等' },
      low: { en: 'less likely', 'zh-cn': '可能性较低' },
    });
  });

  it('marks an inferred country with what it was inferred from, and says why a belief counts less', () => {
    assertSameKeys(INFERRED_COUNTRY_WORDS, ['bin', 'bank-name'], 'INFERRED_COUNTRY_WORDS');
    for (const from of ['bin', 'bank-name'] as const) {
      assertBilingual(INFERRED_COUNTRY_WORDS[from], `inferred from ${from}`);
      assert.deepEqual(placeholders(INFERRED_COUNTRY_WORDS[from].en), ['{country}', '{detail}']);
    }
    assertBilingual(BELIEF_AGAINST_CODE_WORDS, 'belief against a code');
  });
});

describe('catalogue: fillWords', () => {
  it('fills every placeholder, numbers included, and leaves the rest of the text alone', () => {
    assert.equal(fillWords('{count} attempts with {cards_2} cards in {country}.', { count: 3, cards_2: 0, country: 'China' }), '3 attempts with 0 cards in China.');
    assert.equal(fillWords('发卡地区{country}（截至 {asOf}）', { country: '中国', asOf: '2026-11-01' }), '发卡地区中国（截至 2026-11-01）');
  });

  it('keeps a placeholder with no parameter visible instead of dropping it', () => {
    assert.equal(fillWords('The card was issued in {country} ({detail}).', { country: 'Japan' }), 'The card was issued in Japan ({detail}).');
  });

  it('reads only braces around a name as a placeholder', () => {
    assert.equal(fillWords('{} {a b} {x} {{x}}', { x: 'X' }), '{} {a b} X {X}');
  });

  it('leaves text without placeholders unchanged', () => {
    assert.equal(fillWords('No VPN was in use.', { country: 'Japan' }), 'No VPN was in use.');
  });
});
