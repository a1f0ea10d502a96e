import assert from 'node:assert/strict';
import {
  answerApplies,
  answerCard,
  answerCountry,
  answerMessage,
  appliesScreen,
  cardItems,
  cardScreen,
  cardText,
  countryScreen,
  messageItems,
  messageScreen,
  parseCardText,
  plannedScreens,
  readTime,
  startInterview,
  timeScreen,
  type InterviewItem,
} from '../../src/core/interview';
import { CARD_BRANDS, CARD_KINDS, PRODUCTS, type Report } from '../../src/core/report';
import { simulateInterview } from '../bench/interview';

// 2026-12-01 22:40 in Beijing.
const NOW = new Date('2026-12-01T14:40:00Z');
const BEIJING = 480;

/** The article's common case: a mainland UnionPay debit card, "Your card was declined", no VPN. */
const COMMON: Report = {
  occurredAt: '2026-12-01T22:10:00+08:00',
  product: 'chatgpt-web',
  errorMessage: 'Your card was declined.',
  card: { kind: 'debit', brand: 'unionpay', bin: '621483', last4: '4242', issuerName: '招商银行', issuerCountry: 'CN' },
  connection: { vpn: 'no', switchedRecently: 'no' },
  billing: { matchesIssuer: 'unknown' },
  bank: { internationalOnline: 'unknown', balanceSufficient: 'yes' },
};

describe('interview: the common case', () => {
  for (const lang of ['en', 'zh-cn'] as const) {
    it(`takes four screens and gives the whole report (${lang})`, () => {
      const run = simulateInterview(COMMON, lang, NOW, BEIJING);
      assert.deepEqual(run.screens.map((screen) => screen.screen), ['message', 'card', 'applies', 'time']);
      // Enter; 16 characters typed and Enter; 7 × ↓ (the list opens with no row highlighted), Space, Enter; "22:10" and Enter.
      assert.deepEqual(run.screens.map((screen) => screen.keys), [1, 17, 9, 6]);
      assert.equal(run.keys, 33);
      assert.deepEqual(run.notAsked, []);
      assert.deepEqual(run.report, COMMON);
    });
  }

  it('shows the inferred brand and country on the card before anything is chosen', () => {
    const items = cardItems(startInterview(), '621483 4242 招商银行', 'en');
    assert.equal(items[0]!.label, 'Debit card');
    assert.equal(items[0]!.detail, 'China (inferred from the first digits) · UnionPay · 招商银行 · 621483…4242');
    assert.equal(items[1]!.detail, undefined);
    const zh = cardItems(startInterview(), '621483 4242 招商银行', 'zh-cn');
    assert.equal(zh[0]!.label, '借记卡（储蓄卡）');
    assert.equal(zh[0]!.detail, '中国（根据卡号前几位推断） · 银联 · 招商银行 · 621483…4242');
  });

  it('infers from the bank’s name or the brand when the digits say nothing', () => {
    assert.equal(cardItems(startInterview(), '招商银行', 'en')[0]!.detail, 'China (inferred from the bank’s name) · 招商银行');
    assert.equal(cardItems(startInterview(), '625000 银联', 'en')[0]!.detail, 'China (inferred from the card brand; not certain) · UnionPay · 625000…');
    assert.equal(cardItems(startInterview(), '55555555 4444', 'en')[0]!.detail, 'issuing country: asked next · Mastercard · 55555555…4444');
  });
});

describe('interview: screens', () => {
  it('offers where the error was seen first, with Enter on the web, then the known messages', () => {
    const items = messageItems(startInterview(), 'Your card was declined.', 'en');
    assert.deepEqual(items.slice(0, 4).map((item) => item.label), [
      'On ChatGPT on the web',
      'In the ChatGPT mobile app (iOS / Android)',
      'On the API platform (platform.openai.com)',
      'Somewhere else',
    ]);
    assert.equal(items[0]!.description, '“Your card was declined.”');
    assert.equal(items[4]!.group, 'Known messages');
    // An earlier answer comes first.
    const again = messageItems(startInterview({ product: 'api-platform' }), '', 'zh-cn');
    assert.equal(again[0]!.label, '在 API 平台（platform.openai.com）');
    assert.equal(again[0]!.description, '未填写错误提示');
  });

  it('takes a known message with the first product offered', () => {
    const state = answerMessage(startInterview({ product: 'chatgpt-app' }), 'decl', { kind: 'known', text: 'Your card was declined.' });
    assert.deepEqual(state.draft, { product: 'chatgpt-app', errorMessage: 'Your card was declined.' });
    assert.deepEqual(answerMessage(state, '  ', { kind: 'product', product: 'chatgpt-web' }).draft, { product: 'chatgpt-web' });
  });

  it('shows no internal ids and one "Not sure" on any screen', () => {
    const state = startInterview();
    // 'unknown' and 'other' are also English words (a known message says "an unknown reason").
    const ids = new Set<string>([...PRODUCTS, ...CARD_KINDS, ...CARD_BRANDS].filter((id) => id !== 'unknown' && id !== 'other'));
    const screens: InterviewItem<unknown>[][] = [
      // The known messages are the processor's own sentences ("…credit card information…").
      messageItems(state, 'x', 'en').slice(0, 4),
      cardItems(state, '621483 4242', 'en'),
      countryScreen(state, 'issuer-country', 'en').items,
      countryScreen(state, 'exit-country', 'en').items,
      appliesScreen(state, 'en').items,
    ];
    for (const items of screens) {
      for (const item of items) {
        // The old wizard's "credit credit": an id as the description, or an id such as chatgpt-web in the text.
        assert.ok(!ids.has(item.description ?? ''), `${item.label}: ${item.description}`);
        assert.ok(!ids.has(item.label.toLowerCase()), item.label);
        assert.ok(!/chatgpt-|api-platform|bank-name|-country/.test(`${item.label} ${item.description ?? ''}`), item.label);
      }
      assert.ok(items.filter((item) => /^(?:Not sure|Skip)/.test(item.label)).length <= 1, items[0]!.label);
    }
  });

  it('opens the country list on the likely answer, China first for a UnionPay card, never Afghanistan', () => {
    const afterCard = answerCard(startInterview(), '625000', { kind: 'choose-country' });
    const zh = countryScreen(afterCard, 'issuer-country', 'zh-cn');
    assert.deepEqual(zh.items.slice(0, 9).map((item) => item.label), ['中国', '香港', '澳门', '台湾', '美国', '新加坡', '日本', '英国', '不确定']);
    assert.equal(zh.items[0]!.group, '常见');
    assert.equal(zh.items[9]!.group, '全部国家/地区');
    assert.equal(zh.active, 'CN');
    const exit = countryScreen(startInterview(), 'exit-country', 'en');
    assert.equal(exit.title, 'Which country was your VPN or proxy exit in?');
    assert.equal(exit.placeholder, 'The country websites saw you in (the exit node), not where you are');
    assert.equal(exit.active, 'US');
  });

  it('asks for the issuing country only when nothing gave it, or the person says it is wrong', () => {
    const inferred = answerCard(startInterview(), '621483 4242', { kind: 'kind', cardKind: 'debit' });
    assert.deepEqual(plannedScreens(inferred), ['message', 'card', 'applies', 'time']);
    assert.equal(inferred.draft.card?.issuerCountry, 'CN');
    const unknown = answerCard(startInterview(), '55555555 4444', { kind: 'kind', cardKind: 'virtual' });
    assert.deepEqual(plannedScreens(unknown), ['message', 'card', 'issuer-country', 'applies', 'time']);
    const wrong = answerCard(startInterview(), '621483 4242', { kind: 'choose-country' });
    assert.deepEqual(plannedScreens(wrong), ['message', 'card', 'issuer-country', 'applies', 'time']);
    const chosen = answerCountry(wrong, 'issuer-country', 'HK');
    assert.equal(chosen.draft.card?.issuerCountry, 'HK');
    // Back to the card screen and Enter again: the chosen country stays.
    const again = answerCard(chosen, cardScreen(chosen, 'en').value, { kind: 'kind', cardKind: 'debit' });
    assert.equal(again.draft.card?.issuerCountry, 'HK');
    assert.deepEqual(plannedScreens(again), ['message', 'card', 'applies', 'time']);
  });

  it('asks for the VPN’s exit country only with a VPN on, and forgets it when the VPN is off', () => {
    const withVpn = answerApplies(startInterview(), ['vpn']);
    assert.deepEqual(plannedScreens(withVpn), ['message', 'card', 'applies', 'exit-country', 'time']);
    const exit = answerCountry(withVpn, 'exit-country', 'HK');
    assert.equal(exit.draft.connection?.accessCountry, 'HK');
    assert.deepEqual(answerApplies(exit, []).draft.connection, { vpn: 'no', switchedRecently: 'no' });
  });

  it('maps the ticks to the report, a pair left unticked or ticked on both sides meaning not sure', () => {
    const state = answerApplies(startInterview(), ['switched', 'billing-differs', 'international-on', 'international-off', 'balance-short']);
    assert.deepEqual(state.draft, {
      connection: { vpn: 'no', switchedRecently: 'yes' },
      billing: { matchesIssuer: 'no' },
      bank: { internationalOnline: 'unknown', balanceSufficient: 'no' },
    });
    // Back to the screen: the answers are ticked again.
    assert.deepEqual(appliesScreen(state, 'en').ticked, ['switched', 'billing-differs', 'balance-short']);
  });

  it('opens the card screen with the earlier answers, which read back to the same card', () => {
    const state = startInterview({ card: { bin: '62148300', last4: '4242', issuerName: 'China Merchants Bank', expiry: '2028-06', brand: 'unionpay', kind: 'credit' } });
    assert.equal(cardScreen(state, 'en').value, '62148300 4242 China Merchants Bank 06/28');
    assert.equal(cardItems(state, cardScreen(state, 'en').value, 'en')[0]!.label, 'Credit card');
    assert.equal(cardText({ card: { brand: 'visa', last4: '1234' } }), '1234 Visa');
  });

  it('opens the time screen on now, in the app’s display form, and says how a typed time is read', () => {
    assert.equal(timeScreen(startInterview(), 'en', NOW, BEIJING).value, '2026-12-01 22:40 UTC+08:00');
    assert.deepEqual(readTime('22:10', 'en', NOW, BEIJING), { ok: true, iso: '2026-12-01T22:10:00+08:00', message: 'Read as 2026-12-01 22:10 UTC+08:00' });
    assert.deepEqual(readTime('2026-12-01 22:10', 'zh-cn', NOW, BEIJING), { ok: true, iso: '2026-12-01T22:10:00+08:00', message: '将记录为 2026-12-01 22:10 UTC+08:00' });
    assert.equal(readTime('22:61', 'en', NOW, BEIJING).ok, false);
  });

  it('opens on the error as given before', () => {
    assert.equal(messageScreen(startInterview({ errorMessage: '卡片无效' }), 'zh-cn').value, '卡片无效');
  });
});

describe('interview: the card line', () => {
  it('reads digits, expiry, brand, kind and the bank in any order', () => {
    assert.deepEqual(parseCardText('621483 4242 招商银行 06/28'), { fullNumber: false, bin: '621483', last4: '4242', expiry: '2028-06', issuerName: '招商银行' });
    assert.deepEqual(parseCardText('招商银行银联借记卡，尾号 4242'), { fullNumber: false, brand: 'unionpay', kind: 'debit', last4: '4242', issuerName: '招商银行 尾号' });
    assert.deepEqual(parseCardText('Visa credit 2027-01 HSBC HK'), { fullNumber: false, brand: 'visa', kind: 'credit', expiry: '2027-01', issuerName: 'HSBC HK' });
    assert.deepEqual(parseCardText('621483******4242'), { fullNumber: false, bin: '621483', last4: '4242' });
    assert.deepEqual(parseCardText('６２１４８３ ４２４２'), { fullNumber: false, bin: '621483', last4: '4242' });
  });

  it('keeps no digits of a whole card number, however it is grouped', () => {
    for (const text of ['6214830000004242', '6214 8300 0000 4242', '621483 000000 4242 招商银行', '62148300 00004242']) {
      const card = parseCardText(text);
      assert.equal(card.fullNumber, true, text);
      assert.equal(card.bin, undefined, text);
      assert.equal(card.last4, undefined, text);
    }
    const items = cardItems(startInterview(), '6214 8300 0000 4242', 'en');
    assert.deepEqual(items.map((item) => item.value), [{ kind: 'refused' }]);
    assert.equal(items[0]!.label, '$(warning) That looks like a whole card number. Type only the first 6-8 digits and the last 4.');
    assert.equal(answerCard(startInterview(), '6214 8300 0000 4242', { kind: 'refused' }).draft.card, undefined);
  });

  it('reads nothing from a line longer than 200 characters', () => {
    assert.deepEqual(parseCardText(`621483 ${'x'.repeat(300)}`), { fullNumber: false });
  });
});
