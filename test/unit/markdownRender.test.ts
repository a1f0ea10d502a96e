/**
 * Every Markdown this project writes, rendered by a real CommonMark parser (markdown-it, as VS
 * Code's preview uses): no `**` or `__` may be left in the text a person reads. CommonMark closes
 * bold only on a right-flanking delimiter, so `**请先等待：**文字` (full-width punctuation inside,
 * a letter right after) stays literal; a test that looks at the source cannot see that.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { Lang } from '../../src/core/catalogue';
import { diagnose } from '../../src/core/diagnose';
import { diagnosisToMarkdown, viewDiagnosis } from '../../src/core/diagnosisView';
import { formatJournalEntry, journalHeader, type DatedReport } from '../../src/core/journal';
import { LETTER_KINDS, letterTemplateName } from '../../src/core/letterKinds';
import { buildLetterData, builtinLetterTemplates, createLetterRuntime, renderLetter } from '../../src/core/letters';
import { parseReport, type Report } from '../../src/core/report';
import { runCli } from '../cliInProcess';
import { compileBuiltinTemplateSpecs } from '../templateLoader';

const LANGS: readonly Lang[] = ['en', 'zh-cn'];
const markdown = new MarkdownIt({ html: true });

/** The text of the rendered HTML: tags and HTML comments dropped, the few entities markdown-it writes decoded. */
function renderedText(source: string): string {
  return markdown
    .render(source)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^<>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The lines of the rendered text that still hold `**` or `__`, for a readable failure. */
function strayMarks(source: string): string[] {
  return renderedText(source)
    .split('\n')
    .filter((line) => line.includes('**') || line.includes('__'));
}

function report(input: unknown): Report {
  const parsed = parseReport(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.report;
}

const NOW = new Date('2025-11-27T12:00:00+08:00');
const unionpay = {
  occurredAt: '2025-11-27T10:31:00+08:00',
  product: 'chatgpt-web',
  errorMessage: 'Your card was declined. 您的银行卡被拒绝。',
  card: { kind: 'debit', brand: 'unionpay', bin: '62148300', last4: '4242', issuerName: '招商银行', issuerCountry: 'CN', expiry: '2028-06' },
  billing: { country: 'CN', postalCode: '518000', matchesIssuer: 'yes' },
  bank: { internationalOnline: 'unknown', balanceSufficient: 'yes' },
  connection: { vpn: 'yes', switchedRecently: 'yes', accessCountry: 'US' },
  notes: 'Tried twice from the web page; the second time after switching the VPN node.',
};
const journal: Report[] = [
  report({ occurredAt: '2025-11-27T09:58:00+08:00', product: 'chatgpt-web', errorMessage: 'Your card was declined.', card: { brand: 'unionpay', last4: '4242' } }),
  report({
    occurredAt: '2025-11-27T10:12:00+08:00',
    product: 'chatgpt-web',
    errorMessage: '{"error": {"code": "card_declined", "decline_code": "do_not_honor"}}',
    card: { kind: 'credit', brand: 'visa', last4: '1881', issuerCountry: 'CN' },
  }),
];

/** Reports that reach every part of the diagnosis: findings with evidence against, a wait, general steps, the app store, recorded and not. */
const DIAGNOSES: { name: string; report: Report; history: Report[] }[] = [
  { name: 'a mainland UnionPay debit card with a journal that calls for a wait', report: report(unionpay), history: journal },
  { name: 'the same attempt once recorded', report: report(unionpay), history: [...journal, report(unionpay)] },
  { name: 'an empty draft', report: report({}), history: [] },
  { name: 'a virtual card refused as invalid', report: report({ occurredAt: '2025-11-27T11:00:00+08:00', errorMessage: '卡片无效', card: { kind: 'virtual', brand: 'mastercard', last4: '0005' } }), history: journal },
  {
    name: 'an in-app purchase from an unsupported region',
    report: report({ occurredAt: '2025-11-27T11:30:00+08:00', product: 'chatgpt-app', errorMessage: 'Payment failed', connection: { accessCountry: 'CN' }, billing: { country: 'CN' } }),
    history: [],
  },
  {
    name: 'the bank’s code against the person’s belief, with advice and network codes',
    report: report({
      occurredAt: '2025-11-27T11:45:00+08:00',
      errorMessage: '{"decline_code": "insufficient_funds", "advice_code": "try_again_later", "network_decline_code": "51"}',
      bank: { balanceSufficient: 'yes' },
      card: { brand: 'visa', last4: '4242', issuerCountry: 'US' },
    }),
    history: journal,
  },
  { name: 'a card with brand and country but no last 4', report: report({ occurredAt: '2025-11-27T11:50:00+08:00', card: { brand: 'unionpay', issuerCountry: 'CN' } }), history: [] },
];

describe('Markdown outputs render with no literal ** or __ left', () => {
  // Without this, a check that never finds anything would pass every test below.
  it('the check itself sees bold that CommonMark leaves literal, and not bold it renders', () => {
    assert.deepEqual(strayMarks('**请先等待：**文字\n\n__x：__y'), ['**请先等待：**文字', '__x：__y']);
    assert.deepEqual(strayMarks('**请先等待**：文字 and **Wait:** text'), []);
  });

  for (const lang of LANGS) {
    for (const { name, report: input, history } of DIAGNOSES) {
      it(`diagnosis (${lang}): ${name}`, () => {
        const source = diagnosisToMarkdown(viewDiagnosis(diagnose(input, history, NOW), lang, NOW));
        assert.deepEqual(strayMarks(source), []);
      });
    }
  }

  it('the diagnosis of a journal that calls for a wait shows the wait in bold, rendered (en and zh-cn)', () => {
    for (const lang of LANGS) {
      const html = markdown.render(diagnosisToMarkdown(viewDiagnosis(diagnose(report(unionpay), journal, NOW), lang, NOW)));
      assert.match(html, lang === 'en' ? /<strong>Wait before trying again<\/strong>/ : /<strong>请先等待<\/strong>/);
    }
  });

  const runtime = createLetterRuntime();
  const templates = builtinLetterTemplates(runtime, compileBuiltinTemplateSpecs());
  for (const lang of LANGS) {
    for (const kind of LETTER_KINDS) {
      for (const [name, input, history] of [
        ['a journal of three attempts on two cards', report(unionpay), [...journal, report(unionpay)]],
        ['almost nothing known', report({ errorMessage: 'Your card was declined.' }), []],
      ] as const) {
        it(`letter ${kind} (${lang}): ${name}`, () => {
          const letter = renderLetter(templates.get(letterTemplateName(kind, lang))!, buildLetterData(kind, lang, input, history, NOW, { name: '王小明' }));
          assert.deepEqual(strayMarks(letter), []);
        });
      }
    }
  }

  const FIXTURES = join(__dirname, '..', 'fixtures', 'letters');
  for (const file of readdirSync(FIXTURES).filter((name) => name.endsWith('.json')).sort()) {
    it(`letters of the fixture ${file}, both kinds, both languages`, () => {
      const fixture = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { now: string; sender: object; report: unknown; journal: unknown[] };
      for (const lang of LANGS) {
        for (const kind of LETTER_KINDS) {
          const data = buildLetterData(kind, lang, report(fixture.report), fixture.journal.map(report), new Date(fixture.now), fixture.sender);
          assert.deepEqual(strayMarks(renderLetter(templates.get(letterTemplateName(kind, lang))!, data)), [], `${kind} ${lang}`);
        }
      }
    });
  }

  for (const lang of LANGS) {
    it(`journal (${lang}): header and entries`, () => {
      const entries = [...journal, report(unionpay)].map((entry) => formatJournalEntry(entry as DatedReport, lang));
      assert.deepEqual(strayMarks(journalHeader(lang) + entries.join('')), []);
    });
  }

  describe('the CLI', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'card-doctor-md-'));
      writeFileSync(join(dir, 'report.json'), JSON.stringify(unionpay));
      writeFileSync(join(dir, 'journal.md'), journalHeader('en') + journal.map((entry) => formatJournalEntry(entry as DatedReport, 'en')).join(''));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    for (const lang of LANGS) {
      it(`diagnose --format markdown (${lang})`, async () => {
        const result = await runCli(['diagnose', join(dir, 'report.json'), '--journal', join(dir, 'journal.md'), '--now', NOW.toISOString(), '--lang', lang, '--format', 'markdown']);
        assert.equal(result.code, 0, result.stderr);
        assert.deepEqual(strayMarks(result.stdout), []);
      });

      for (const kind of LETTER_KINDS) {
        it(`render ${kind} (${lang})`, async () => {
          const result = await runCli(['render', kind, join(dir, 'report.json'), '--journal', join(dir, 'journal.md'), '--now', NOW.toISOString(), '--lang', lang]);
          assert.equal(result.code, 0, result.stderr);
          assert.deepEqual(strayMarks(result.stdout), []);
        });
      }

      it(`journal add writes an entry that renders clean (${lang})`, async () => {
        const file = join(dir, `added-${lang}.md`);
        const result = await runCli(['journal', 'add', join(dir, 'report.json'), '--journal', file, '--lang', lang]);
        assert.equal(result.code, 0, result.stderr);
        assert.deepEqual(strayMarks(readFileSync(file, 'utf8')), []);
      });
    }
  });
});
