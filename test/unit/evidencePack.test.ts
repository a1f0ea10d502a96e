/**
 * The evidence pack (issue 13): every file written out in English and Simplified Chinese, the
 * supported-countries warning on either side of 180 days, and that nothing secret reaches a file,
 * whether the journal was read back (where parsing masks it) or its entries were built by hand.
 */
import assert from 'node:assert/strict';
import {
  evidencePackFiles,
  evidencePackFolderName,
  snapshotAgeDays,
  TIMELINE_LIMIT,
  type PackFile,
} from '../../src/core/evidencePack';
import { formatJournalEntry, journalHeader, parseJournal, type DatedReport, type JournalEntry } from '../../src/core/journal';
import { containsSecret } from '../../src/core/redact';
import { parseReport } from '../../src/core/report';

const NOW = new Date('2026-12-01T23:00:00Z');

function dated(input: unknown): DatedReport {
  const parsed = parseReport(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.report as DatedReport;
}

const FIRST = dated({
  occurredAt: '2025-11-27T10:31:00+08:00',
  product: 'chatgpt-web',
  errorMessage: 'Your card was declined.',
  card: { brand: 'unionpay', kind: 'debit', last4: '4242', issuerName: '招商银行', issuerCountry: 'CN' },
});
const SECOND = dated({
  occurredAt: '2025-11-27T11:05:00+08:00',
  product: 'api-platform',
  errorMessage: '卡片无效',
  card: { brand: 'visa', kind: 'virtual', last4: '1881', issuerCountry: 'US' },
  notes: 'second card',
});

/** The two attempts as the journal file holds them, read back. */
function twoEntries(): JournalEntry[] {
  return parseJournal(journalHeader('en') + formatJournalEntry(FIRST, 'en') + formatJournalEntry(SECOND, 'en')).entries;
}

function fileOf(files: readonly PackFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  assert.ok(file, `no ${path} in the pack`);
  return file.text;
}

describe('evidence pack: the files, in English', () => {
  const files = evidencePackFiles({ entries: twoEntries(), now: NOW, lang: 'en' });

  it('has the five files in order', () => {
    assert.deepEqual(
      files.map((file) => file.path),
      ['timeline.md', 'diagnosis.md', 'about.md', 'screenshots-checklist.md', 'bank-phone-script.md'],
    );
  });

  it('timeline.md: time with offset, product, the error as shown, brand/kind/last 4 and nothing else of the card', () => {
    assert.equal(
      fileOf(files, 'timeline.md'),
      [
        '# Timeline of failed attempts',
        '',
        '2 failed attempts to add a card, oldest first, from the failure journal. Cards are shown by brand, kind and last 4 digits only.',
        '',
        '## 1. 2025-11-27 10:31 UTC+08:00 · ChatGPT (web)',
        '',
        '- Error as shown: “Your card was declined.”',
        '- Card: UnionPay debit •••• 4242',
        '',
        '## 2. 2025-11-27 11:05 UTC+08:00 · API platform',
        '',
        '- Error as shown: “卡片无效”',
        '- Card: Visa virtual •••• 1881',
        '',
      ].join('\n'),
    );
  });

  it('diagnosis.md: likelihoods, what was set aside, and no cause as certain', () => {
    assert.equal(
      fileOf(files, 'diagnosis.md'),
      [
        '# Last diagnosis',
        '',
        '- Attempt: 2025-11-27 11:05 UTC+08:00 (the last of 2 in the journal)',
        '- Recognized message: Card invalid',
        '',
        '> These are likely causes, not certainties: only the bank and the merchant know the real reason. Region rules as of 2026-01-24. Nothing was sent anywhere; you decide what to send.',
        '',
        '## Possible causes, most likely first',
        '',
        '### 1. Card type refused — likely',
        '',
        'Virtual, prepaid and gift cards are often refused or scored as low-trust.',
        '',
        'Why:',
        '',
        '- The card is a virtual card; the article says such cards are often scored as low-trust.',
        '- The error “卡片无效” was recognized.',
        '',
        '## Less likely, or with evidence against',
        '',
        '- Card details wrong or expired (less likely): only weak evidence points to it.',
        '',
      ].join('\n'),
    );
  });

  it('about.md: the rules’ sources, the snapshot’s date, and a warning once it is over 180 days old', () => {
    assert.equal(
      fileOf(files, 'about.md'),
      [
        '# About this pack',
        '',
        '- Written by Card Binding Doctor on 2026-12-01 (UTC).',
        '- The journal holds 2 attempts, from 2025-11-27 10:31 UTC+08:00 to 2025-11-27 11:05 UTC+08:00.',
        '- Diagnosis rules: from the article on failed card binding (2025-11) and the card processor’s decline-code reference (2026).',
        '- Supported countries and regions: a snapshot of 2026-01-24 of https://platform.openai.com/docs/supported-countries.',
        '',
        '> Warning: the supported-countries snapshot is 311 days old (more than 180). Check the current list at https://platform.openai.com/docs/supported-countries before relying on anything it says about a region.',
        '',
        'The causes in diagnosis.md are likely causes, not certainties: only the bank and the merchant know the real reason.',
        '',
        'No file in this pack holds a full card number, a CVC or a one-time code: the pack was checked for them before it was written.',
        '',
      ].join('\n'),
    );
  });

  it('screenshots-checklist.md: the error page, the card list, the bank’s record, each with what to hide', () => {
    assert.equal(
      fileOf(files, 'screenshots-checklist.md'),
      [
        '# Screenshots to add',
        '',
        'Take each screenshot below and cover the parts listed before you attach it. Never attach a full card number, a CVC, a one-time code or an account balance.',
        '',
        '- [ ] The error page: the payment form with the error message exactly as shown, and the time if it is visible.',
        '  Hide: the card number except the last 4 digits, the CVC, and the expiry date.',
        '- [ ] The card list in your account (the payment methods page), if the card appears there.',
        '  Hide: everything of each card except its brand and last 4 digits.',
        '- [ ] The bank app’s transaction list, or the bank’s SMS, showing the attempt (a verification of 0 or about 1 dollar, or a small temporary hold).',
        '  Hide: one-time codes, balances and available credit, the full card number, and your other transactions.',
        '',
      ].join('\n'),
    );
  });

  it('bank-phone-script.md is in the bank’s language: English for the last attempt’s US card', () => {
    assert.ok(fileOf(files, 'bank-phone-script.md').startsWith('# Phone script for your bank\n'));
  });

  it('leaves out the issuer’s name and country and the person’s notes', () => {
    const all = files.map((file) => file.text).join('\n');
    for (const absent of ['招商银行', 'second card', 'China', 'United States']) assert.ok(!all.includes(absent), absent);
  });
});

describe('evidence pack: the files, in Simplified Chinese', () => {
  const files = evidencePackFiles({ entries: twoEntries(), now: NOW, lang: 'zh-cn' });

  it('timeline.md', () => {
    assert.equal(
      fileOf(files, 'timeline.md'),
      [
        '# 绑卡失败时间线',
        '',
        '摘自失败日志：共 2 次绑卡失败，按时间先后排列。卡片只显示卡组织、类型和卡号后四位。',
        '',
        '## 1. 2025-11-27 10:31 UTC+08:00 · ChatGPT 网页版',
        '',
        '- 页面提示原文：“Your card was declined.”',
        '- 卡片：银联借记卡 •••• 4242',
        '',
        '## 2. 2025-11-27 11:05 UTC+08:00 · API 平台',
        '',
        '- 页面提示原文：“卡片无效”',
        '- 卡片：Visa 虚拟卡 •••• 1881',
        '',
      ].join('\n'),
    );
  });

  it('diagnosis.md', () => {
    assert.equal(
      fileOf(files, 'diagnosis.md'),
      [
        '# 最近一次诊断',
        '',
        '- 绑卡时间：2025-11-27 11:05 UTC+08:00（失败日志中 2 次绑卡的最后一次）',
        '- 识别出的提示：卡片无效',
        '',
        '> 以上只是可能的原因，并非定论：真正的原因只有银行和商户知道。支持地区信息截至 2026-01-24。本工具不会发送任何内容，是否发送由您决定。',
        '',
        '## 可能的原因（按可能性排序）',
        '',
        '### 1. 卡片类型受限 — 可能性较高',
        '',
        '虚拟卡、预付卡和礼品卡常被拒绝，或被风控系统视为可信度低的卡。',
        '',
        '依据：',
        '',
        '- 这是一张虚拟卡；文章指出，这类卡常被风控系统视为可信度低的卡。',
        '- 识别出错误提示“卡片无效”。',
        '',
        '## 可能性较低或有反面依据的原因',
        '',
        '- 卡片信息有误或已过期（可能性较低）：只有较弱的依据指向它。',
        '',
      ].join('\n'),
    );
  });

  it('about.md', () => {
    assert.equal(
      fileOf(files, 'about.md'),
      [
        '# 关于本证据包',
        '',
        '- 由绑卡医生（Card Binding Doctor）于 2026-12-01（UTC）生成。',
        '- 失败日志中有 2 次绑卡，从 2025-11-27 10:31 UTC+08:00 到 2025-11-27 11:05 UTC+08:00。',
        '- 诊断规则依据：关于绑卡失败的文章（2025-11）和支付处理商的拒绝代码说明（2026）。',
        '- 支持的国家和地区：https://platform.openai.com/docs/supported-countries 截至 2026-01-24 的快照。',
        '',
        '> 注意：支持地区快照已有 311 天（超过 180 天）。涉及地区的判断，请先到 https://platform.openai.com/docs/supported-countries 核对最新列表。',
        '',
        'diagnosis.md 中列出的只是可能的原因，并非定论：真正的原因只有银行和商户知道。',
        '',
        '本证据包中的文件都不含完整卡号、CVC 或验证码：写入前已逐一检查。',
        '',
      ].join('\n'),
    );
  });

  it('bank-phone-script.md stays in the bank’s language (the US card’s: English); a mainland card’s is Chinese in an English pack', () => {
    assert.ok(fileOf(files, 'bank-phone-script.md').startsWith('# Phone script for your bank\n'));
    const mainland = parseJournal(formatJournalEntry(FIRST, 'en')).entries;
    const script = fileOf(evidencePackFiles({ entries: mainland, now: NOW, lang: 'en' }), 'bank-phone-script.md');
    assert.ok(script.includes('> 您好，我是贵行银联卡（尾号 4242）的持卡人。'));
  });

  it('screenshots-checklist.md', () => {
    assert.equal(
      fileOf(files, 'screenshots-checklist.md'),
      [
        '# 需要补充的截图',
        '',
        '请逐一截取下列画面，并在附上之前遮住所列内容。切勿附上完整卡号、CVC、验证码或账户余额。',
        '',
        '- [ ] 出错页面：显示错误提示原文的付款表单，能看到时间的话一并截入。',
        '  需遮住：卡号（后四位除外）、CVC 和有效期。',
        '- [ ] 账户中的卡片列表（付款方式页面），如果这张卡出现在其中。',
        '  需遮住：每张卡除卡组织和后四位以外的全部信息。',
        '- [ ] 银行 App 的交易记录或银行短信中的这次绑卡（0 或约 1 美元的验证交易，或一笔小额临时预授权）。',
        '  需遮住：验证码、余额和可用额度、完整卡号，以及其他交易。',
        '',
      ].join('\n'),
    );
  });
});

describe('evidence pack: dates and limits', () => {
  it('no warning while the snapshot is 180 days old, one at 181', () => {
    // The snapshot is of 2026-01-24: 180 days later is 2026-07-23.
    assert.equal(snapshotAgeDays(new Date('2026-07-23T12:00:00Z')), 180);
    assert.equal(snapshotAgeDays(new Date('2026-07-24T12:00:00Z')), 181);
    const about = (now: string) => fileOf(evidencePackFiles({ entries: twoEntries(), now: new Date(now), lang: 'en' }), 'about.md');
    assert.ok(!about('2026-07-23T12:00:00Z').includes('Warning'));
    assert.ok(about('2026-07-24T12:00:00Z').includes('> Warning: the supported-countries snapshot is 181 days old (more than 180).'));
  });

  it('the folder name is the date of now at the offset given', () => {
    assert.equal(evidencePackFolderName(new Date('2026-12-01T23:00:00Z'), 0), 'evidence-2026-12-01');
    assert.equal(evidencePackFolderName(new Date('2026-12-01T23:00:00Z'), 8 * 60), 'evidence-2026-12-02');
    assert.equal(evidencePackFolderName(new Date('2026-12-01T02:00:00Z'), -5 * 60), 'evidence-2026-11-30');
  });

  it('an empty journal makes no pack', () => {
    assert.throws(() => evidencePackFiles({ entries: [], now: NOW, lang: 'en' }), /no attempt/);
  });

  it(`lists the last ${TIMELINE_LIMIT} attempts and says how many earlier ones it leaves out`, () => {
    const entries: JournalEntry[] = [];
    for (let index = 0; index < TIMELINE_LIMIT + 3; index++) {
      const occurredAt = new Date(Date.parse('2025-01-01T00:00:00Z') + index * 3_600_000).toISOString();
      entries.push({ line: index + 1, occurredAt, report: dated({ occurredAt, errorMessage: 'Your card was declined.' }) });
    }
    const timeline = fileOf(evidencePackFiles({ entries, now: NOW, lang: 'en' }), 'timeline.md');
    assert.ok(timeline.includes('203 failed attempts'));
    assert.ok(timeline.includes('\n3 earlier attempts are in the journal but not listed here.\n'));
    assert.ok(!timeline.includes('## 3. '));
    assert.ok(timeline.includes('## 4. 2025-01-01 03:00 UTC+00:00'));
    assert.ok(timeline.includes('## 203. 2025-01-09 10:00 UTC+00:00'));
  });
});

describe('evidence pack: nothing secret in any file', () => {
  const CARD = '4111 1111 1111 1111';
  const digitsOnly = (text: string) => text.replace(/\D/g, '');

  it('a card number in a journal’s error and notes reaches no file (journal read back)', () => {
    const journal =
      '<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:31:00+08:00","report":' +
      `{"errorMessage":"declined for card ${CARD}","notes":"the number is ${CARD.replace(/ /g, '')}","card":{"last4":"1111"}}} -->\n`;
    for (const lang of ['en', 'zh-cn'] as const) {
      const files = evidencePackFiles({ entries: parseJournal(journal).entries, now: NOW, lang });
      for (const file of files) {
        assert.ok(!digitsOnly(file.text).includes('4111111111111111'), `${lang} ${file.path}`);
        assert.ok(!containsSecret(file.text), `${lang} ${file.path}`);
      }
    }
  });

  it('a card number in an entry built by hand (never parsed) is masked in the timeline', () => {
    const report = { occurredAt: '2025-11-27T10:31:00+08:00', errorMessage: `declined ${CARD} cvc 123`, notes: CARD } as DatedReport;
    const files = evidencePackFiles({ entries: [{ line: 1, occurredAt: report.occurredAt, report }], now: NOW, lang: 'en' });
    for (const file of files) assert.ok(!digitsOnly(file.text).includes('4111111111111111'), file.path);
    assert.ok(fileOf(files, 'timeline.md').includes('- Error as shown: “declined •••• ••• cvc •••”'));
  });

  it('an extra file holding a card number stops the whole pack', () => {
    assert.throws(
      () => evidencePackFiles({ entries: twoEntries(), now: NOW, lang: 'en', extraFiles: [{ path: 'notes.md', text: `card ${CARD}` }] }),
      /notes\.md would hold a card number, CVC or one-time code; the pack was not written/,
    );
  });
});

describe('evidence pack: one time offset', () => {
  it('writes every attempt in the last attempt’s offset, so the timeline reads in order', () => {
    const tokyo = dated({ occurredAt: '2025-11-27T11:00:00+09:00', product: 'chatgpt-web', errorMessage: 'Your card was declined.' });
    const beijing = dated({ occurredAt: '2025-11-27T10:30:00+08:00', product: 'chatgpt-web', errorMessage: 'Your card was declined.' });
    const entries = parseJournal(journalHeader('en') + formatJournalEntry(tokyo, 'en') + formatJournalEntry(beijing, 'en')).entries;
    const timeline = evidencePackFiles({ entries, now: NOW, lang: 'en' }).find((file) => file.path === 'timeline.md')!.text;
    const headings = timeline.split('\n').filter((line) => line.startsWith('## '));
    assert.deepEqual(
      headings.map((line) => /\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC[+-]\d{2}:\d{2}/.exec(line)?.[0]),
      ['2025-11-27 10:00 UTC+08:00', '2025-11-27 10:30 UTC+08:00'],
    );
  });
});
