/**
 * Runs the public case corpus (`test/cases/*.json`): real failures whose acceptable first
 * causes were fixed from the source before any diagnosis ran. Every scored case must put one of
 * them first; the accuracy line says how the corpus as a whole fares.
 *
 * `test/cases/unscorable/` holds cases no report can decide (the message says nothing about the
 * payment, or the cause rests on facts no report field can hold, or is none of the cause ids);
 * each says why in its rationale and in the corpus README. They are kept and still diagnosed,
 * reported on their own line, and never counted.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CAUSE_IDS, type CauseId } from '../../src/core/causeIds';
import { diagnose, type Diagnosis } from '../../src/core/diagnose';
import { parseReport, type Report } from '../../src/core/report';

const CASES_DIR = join(__dirname, '..', 'cases');
const UNSCORABLE_DIR = join(CASES_DIR, 'unscorable');
/** The issue's floor for the scored corpus. */
const MIN_SCORED_CASES = 60;

interface CorpusCase {
  file: string;
  id: string;
  report: unknown;
  history?: unknown[];
  now?: string;
  acceptableFirstCauses: CauseId[];
  rationale: string;
}

function toReport(input: unknown, where: string): Report {
  const parsed = parseReport(input);
  if (!parsed.ok) throw new Error(`${where}: ${JSON.stringify(parsed.errors)}`);
  return parsed.report;
}

function loadCases(dir: string): CorpusCase[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ ...(JSON.parse(readFileSync(join(dir, name), 'utf8')) as Omit<CorpusCase, 'file'>), file: name }));
}

function diagnoseCase(corpusCase: CorpusCase): Diagnosis {
  const report = toReport(corpusCase.report, `${corpusCase.id} report`);
  const history = (corpusCase.history ?? []).map((entry, index) => toReport(entry, `${corpusCase.id} history[${index}]`));
  const now = new Date(corpusCase.now ?? report.occurredAt ?? '2025-11-27T04:00:00Z');
  return diagnose(report, history, now);
}

function describeFindings(diagnosis: Diagnosis): string {
  return diagnosis.findings.map((finding) => `${finding.cause} ${finding.score}`).join(', ') || 'none';
}

const scored = loadCases(CASES_DIR);
const unscorable = loadCases(UNSCORABLE_DIR);
const outcomes: { id: string; first: CauseId | null; acceptable: boolean }[] = [];

describe('cases: the public corpus', () => {
  it(`keeps at least ${MIN_SCORED_CASES} scored cases, each file named by its id and naming only known cause ids`, () => {
    assert.ok(scored.length >= MIN_SCORED_CASES, `only ${scored.length} scored cases in ${CASES_DIR}`);
    for (const corpusCase of [...scored, ...unscorable]) {
      assert.equal(corpusCase.file, `${corpusCase.id}.json`);
      assert.ok(corpusCase.acceptableFirstCauses.length > 0, `${corpusCase.id}: no acceptable cause`);
      for (const cause of corpusCase.acceptableFirstCauses) assert.ok(CAUSE_IDS.includes(cause), `${corpusCase.id}: unknown cause ${cause}`);
    }
  });

  it('has no case both scored and set aside', () => {
    const scoredIds = new Set(scored.map((corpusCase) => corpusCase.id));
    assert.deepEqual(
      unscorable.filter((corpusCase) => scoredIds.has(corpusCase.id)).map((corpusCase) => corpusCase.id),
      [],
    );
  });

  for (const corpusCase of scored) {
    it(`${corpusCase.id}: first cause is one of ${corpusCase.acceptableFirstCauses.join(', ')}`, () => {
      const diagnosis = diagnoseCase(corpusCase);
      const first = diagnosis.findings[0]?.cause ?? null;
      const acceptable = first !== null && corpusCase.acceptableFirstCauses.includes(first);
      outcomes.push({ id: corpusCase.id, first, acceptable });
      assert.ok(acceptable, `first: ${first ?? 'none'}; all: ${describeFindings(diagnosis)}`);
    });
  }

  after(() => {
    const passed = outcomes.filter((outcome) => outcome.acceptable).length;
    const percent = outcomes.length === 0 ? 0 : Math.round((passed / outcomes.length) * 1000) / 10;
    console.log(`cases: ${outcomes.length}, first cause acceptable: ${passed} (${percent} %)`);
    const missed = outcomes.filter((outcome) => !outcome.acceptable).map((outcome) => `${outcome.id.slice(0, 3)}→${outcome.first ?? 'none'}`);
    if (missed.length > 0) console.log(`cases missed: ${missed.join(' ')}`);
  });
});

describe('cases: set aside as unscorable (reported, not counted)', () => {
  const seen: string[] = [];

  for (const corpusCase of unscorable) {
    it(`${corpusCase.id}: says why it is set aside, and its report is still valid`, () => {
      assert.match(corpusCase.rationale, /Unscorable \(K5\): \S/);
      const diagnosis = diagnoseCase(corpusCase);
      seen.push(`${corpusCase.id.slice(0, 3)}→${diagnosis.findings[0]?.cause ?? 'none'}`);
    });
  }

  after(() => {
    if (unscorable.length > 0) console.log(`unscorable (not counted): ${unscorable.length}: ${seen.join(' ')}`);
  });
});
