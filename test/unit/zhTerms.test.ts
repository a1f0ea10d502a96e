/**
 * Every Simplified Chinese string a person reads uses the glossary's words (l10n/zh-cn-glossary.md,
 * issue 10): no 刷卡 for card testing (it means paying by card), no gaming 冷却 for the 24-hour
 * wait, no cheque 不予承兑 for a decline, one word for the mobile app and one for a letter, no
 * noun 尝试, and one even likelihood scale. The strings are gathered from where they live (the
 * l10n bundle, package.nls, the core's word tables, every `'zh-cn'` literal of src, the
 * templates) and from what the core and the CLI actually write for a few reports, so a sentence
 * built by code is read too. The list below is the part of the glossary a test can hold.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACTIONS,
  ADVICE_WORDS,
  BELIEF_AGAINST_CODE_WORDS,
  BRAND_NAMES,
  CARD_KIND_WORDS,
  CAUSES,
  INFERRED_COUNTRY_WORDS,
  LIKELIHOOD_WORDS,
  PRODUCT_IN_SENTENCE,
  PRODUCT_NAMES,
  SIGNAL_WORDS,
  type Words,
} from '../../src/core/catalogue';
import { countryOptions } from '../../src/core/countries';
import { DECLINE_MESSAGES } from '../../src/core/declineMessages';
import { cooldownText } from '../../src/core/explain';
import { localizeFieldMessage, TRANSLATED_FIELD_MESSAGES } from '../../src/core/fieldMessages';
import { readJson, ROOT } from '../l10nFiles';
import { cliOutputs, coreOutputs, NOW, scratch, type Outputs, type RawReport } from '../leakOutputs';
import { TEMPLATES_DIR } from '../templateLoader';
import { validReport } from '../validReport';

/** Each avoided term, with the glossary's word for it (for the failure message). */
const AVOIDED: readonly [term: string, use: string][] = [
  ['刷卡', '测卡 (card testing); 刷卡 means paying by card'],
  ['冷却', '等待期 / 先等 24 小时'],
  ['不予承兑', '拒绝交易 / 交易被拒'],
  ['手机客户端', '手机 App'],
  ['信函', '信件 (申诉信, 银行咨询信)'],
  ['问询函', '银行咨询信'],
  ['这次尝试', '这次绑卡'],
  ['此次尝试', '这次绑卡'],
  ['本次尝试', '这次绑卡'],
  ['上次尝试', '上次的记录'],
  ['失败的尝试', '绑卡失败'],
  ['尝试记录', '记录 / 失败日志'],
  ['尝试时间', '绑卡时间'],
  ['国际在线支付', '境外线上支付'],
  ['后 4 位', '后四位'],
  ['可能性高', '可能性较高'],
];

const zh = (words: Words) => words['zh-cn'];

/** The core's word tables, in Chinese. */
function tableStrings(): string[] {
  return [
    ...Object.values(ACTIONS).map((action) => zh(action.words)),
    ...Object.values(CAUSES).flatMap((cause) => [zh(cause.title), zh(cause.summary)]),
    ...Object.values(SIGNAL_WORDS).map(zh),
    ...Object.values(ADVICE_WORDS).map(zh),
    zh(BELIEF_AGAINST_CODE_WORDS),
    ...Object.values(INFERRED_COUNTRY_WORDS).map(zh),
    ...Object.values(PRODUCT_NAMES).map(zh),
    ...Object.values(PRODUCT_IN_SENTENCE).map(zh),
    ...Object.values(CARD_KIND_WORDS).map(zh),
    ...Object.values(BRAND_NAMES).map(zh),
    ...Object.values(LIKELIHOOD_WORDS).map(zh),
    ...DECLINE_MESSAGES.map((message) => message.zhCn),
    ...TRANSLATED_FIELD_MESSAGES.map((message) => localizeFieldMessage(message, 'zh-cn')),
    ...countryOptions('zh-cn').map((country) => country.name),
    cooldownText({ until: '2025-11-28T02:31:00.000Z', reason: 'card-changed' }, 480, NOW, 'zh-cn'),
    cooldownText({ until: '2025-11-28T02:31:00.000Z', reason: 'repeated-attempts' }, 480, NOW, 'zh-cn'),
  ];
}

/** The files a person reads in Chinese: the l10n bundle, the manifest's words, the letter templates and the walkthrough. */
function fileStrings(): [name: string, text: string][] {
  const bundle: Record<string, string> = readJson('l10n/bundle.l10n.zh-cn.json');
  const manifest: Record<string, string> = readJson('package.nls.zh-cn.json');
  const templates = readdirSync(TEMPLATES_DIR).filter((name) => name.endsWith('.zh-cn.hbs'));
  return [
    ...Object.entries(bundle).map(([key, text]): [string, string] => [`l10n bundle "${key.slice(0, 50)}"`, text]),
    ...Object.entries(manifest).map(([key, text]): [string, string] => [`package.nls.zh-cn.json ${key}`, text]),
    ...templates.map((name): [string, string] => [`templates/${name}`, readFileSync(join(TEMPLATES_DIR, name), 'utf8')]),
    // The walkthrough's pages are bilingual: the Chinese half must hold the same words.
    ...readdirSync(join(ROOT, 'media/walkthrough')).map((name): [string, string] => [`media/walkthrough/${name}`, readFileSync(join(ROOT, 'media/walkthrough', name), 'utf8')]),
  ];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Every `'zh-cn': '…'` literal in src, for the tables a module keeps to itself (the interview's words). */
function literalStrings(): [name: string, text: string][] {
  return sourceFiles(join(ROOT, 'src')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/'zh-cn': '([^'\n]{1,2000})'/g)].map((match): [string, string] => [file.slice(ROOT.length + 1), match[1]!]),
  );
}

// Reports that reach most sentences: findings of every strength, a wait for a changed card, the
// app store, an inferred country, an empty draft. Their own text holds none of the avoided terms.
const UNIONPAY: RawReport = {
  occurredAt: '2025-11-27T10:31:00+08:00',
  product: 'chatgpt-web',
  errorMessage: '{"error": {"code": "card_declined", "decline_code": "do_not_honor"}}',
  card: { kind: 'debit', brand: 'unionpay', bin: '62148300', last4: '4242', issuerName: '招商银行' },
  billing: { country: 'CN', postalCode: '518000', matchesIssuer: 'no' },
  bank: { internationalOnline: 'unknown', balanceSufficient: 'yes' },
  connection: { vpn: 'yes', switchedRecently: 'yes', accessCountry: 'US' },
  notes: '第二次换了节点',
};
const HISTORY = [
  validReport({ occurredAt: '2025-11-27T09:58:00+08:00', product: 'chatgpt-web', errorMessage: 'Your card was declined.', card: { brand: 'unionpay', last4: '4242' } }),
  validReport({ occurredAt: '2025-11-27T10:12:00+08:00', product: 'chatgpt-app', errorMessage: '卡片无效', card: { kind: 'virtual', brand: 'visa', last4: '1881' } }),
];
const OTHERS: RawReport[] = [
  { occurredAt: '2025-11-27T11:00:00+08:00', errorMessage: '卡片无效', card: { kind: 'virtual', brand: 'mastercard', last4: '0005' } },
  { occurredAt: '2025-11-27T11:30:00+08:00', product: 'chatgpt-app', errorMessage: 'Payment failed', connection: { accessCountry: 'CN' } },
  { occurredAt: '2025-11-27T11:40:00+08:00', errorMessage: 'Your card has insufficient funds.', bank: { balanceSufficient: 'no' } },
  {},
];

/** What the core and the CLI write in Chinese for the reports above. */
async function writtenStrings(dir: () => string): Promise<Outputs> {
  const outputs: Outputs = [];
  for (const input of [UNIONPAY, ...OTHERS]) {
    outputs.push(...(await coreOutputs(input, dir(), HISTORY)).filter(([name]) => !/\ben\b/.test(name)));
    outputs.push(...(await cliOutputs(input, dir(), 'zh-cn')));
  }
  return outputs;
}

describe('Chinese terms (glossary)', () => {
  const folders = scratch();
  after(() => folders.remove());

  let texts: [name: string, text: string][] = [];
  before(async () => {
    texts = [
      ...tableStrings().map((text): [string, string] => ['core table', text]),
      ...fileStrings(),
      ...literalStrings(),
      ...(await writtenStrings(folders.dir)),
    ];
  });

  it('reads the strings it checks, the glossary’s words among them', () => {
    assert.ok(texts.length > 400, `only ${texts.length} strings`);
    const all = texts.map(([, text]) => text).join('\n');
    for (const word of ['测卡', '先等 24 小时', '等待期', '这次绑卡', '失败日志', '申诉信', '银行咨询信', '信件', '境外线上支付', '手机 App', '卡号后四位', '发卡行拒绝了这笔交易']) {
      assert.ok(all.includes(word), `no string says ${word}`);
    }
  });

  for (const [term, use] of AVOIDED) {
    it(`never says ${term} (use ${use})`, () => {
      const found = texts.filter(([, text]) => text.includes(term)).map(([name, text]) => `${name}: …${text.slice(Math.max(0, text.indexOf(term) - 20), text.indexOf(term) + 20)}…`);
      assert.deepEqual(found, []);
    });
  }

  it('states likelihood on one even, ordered scale', () => {
    assert.deepEqual(
      { high: LIKELIHOOD_WORDS.high['zh-cn'], medium: LIKELIHOOD_WORDS.medium['zh-cn'], low: LIKELIHOOD_WORDS.low['zh-cn'] },
      { high: '可能性较高', medium: '可能性中等', low: '可能性较低' },
    );
  });
});
