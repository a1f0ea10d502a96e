/**
 * Where a command's report comes from: the argument (validated, refused field by field), the
 * latest diagnosis (kept across reloads), or the wizard, prefilled from the journal's latest
 * entry without waiting for the journal before its first question.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Report } from '../../../src/core/report';
import { LastReportStore, LAST_REPORT_KEY } from '../../../src/host/diagnosisPanelState';
import { Notifier } from '../../../src/host/notifier';
import { ReportSource, type Wizard } from '../../../src/host/reportSource';
import { fake, FakeMemento, resetFake } from '../../fakes/vscode/harness';
import { validReport } from '../../validReport';

const NOW = new Date('2025-11-27T04:00:00Z');
const JOURNAL_ENTRY = validReport({ occurredAt: '2025-11-26T09:00:00+08:00', errorMessage: 'Your card was declined.', card: { brand: 'visa', last4: '4242' } });
const WIZARD_ANSWER = validReport({ errorMessage: 'Your card does not support this type of purchase.' });

interface Setup {
  source: ReportSource;
  state: FakeMemento;
  /** What the wizard was given each time it ran. */
  wizardCalls: { latest: Report | undefined; lang: string; now: Date }[];
  /** The folders whose history was asked for. */
  historyCalls: (vscode.WorkspaceFolder | undefined)[];
}

function setup(options: { stored?: unknown; answer?: Report | undefined; history?: Promise<Report[]> } = {}): Setup {
  const state = new FakeMemento(options.stored === undefined ? {} : { [LAST_REPORT_KEY]: options.stored });
  const wizardCalls: Setup['wizardCalls'] = [];
  const historyCalls: Setup['historyCalls'] = [];
  const wizard: Wizard = async (latest, lang, now) => {
    wizardCalls.push({ latest: await latest, lang, now });
    return 'answer' in options ? options.answer : WIZARD_ANSWER;
  };
  const journal = {
    history: (folder: vscode.WorkspaceFolder | undefined) => {
      historyCalls.push(folder);
      return options.history ?? Promise.resolve([JOURNAL_ENTRY]);
    },
  };
  const log = vscode.window.createOutputChannel('Card Doctor', { log: true });
  const source = new ReportSource(new LastReportStore(state, (message) => log.warn(message)), journal, new Notifier(log), () => NOW, wizard);
  return { source, state, wizardCalls, historyCalls };
}

describe('host ReportSource', () => {
  beforeEach(() => resetFake());

  it('takes a valid argument as it is, asking nothing', async () => {
    const { source, wizardCalls } = setup();
    const report = await source.reportFor({ errorMessage: 'Declined', card: { last4: '1234' } }, undefined);
    assert.deepEqual(report, { errorMessage: 'Declined', card: { last4: '1234' } });
    assert.deepEqual(wizardCalls, []);
  });

  it('refuses an invalid argument field by field, in the UI language', async () => {
    fake.env.language = 'zh-cn';
    const { source, wizardCalls } = setup();
    assert.equal(await source.reportFor({ card: { last4: 'abcd' } }, undefined), undefined);
    assert.deepEqual(fake.window.texts('error'), ['报告内容无效，未执行任何操作。card.last4: 应为 4 位数字']);
    assert.deepEqual(wizardCalls, []);
  });

  it('works on the last diagnosis when a menu passes a Uri, or nothing', async () => {
    const kept = validReport({ errorMessage: 'kept', occurredAt: '2025-11-27T10:31:00+08:00' });
    const { source, wizardCalls } = setup({ stored: kept });
    assert.deepEqual(await source.reportFor(vscode.Uri.file('/anything'), undefined), kept);
    assert.deepEqual(await source.reportFor(undefined, undefined), kept);
    assert.deepEqual(wizardCalls, []);
  });

  it('runs the wizard prefilled from the journal’s latest entry when there is no diagnosis, and keeps its answer dated', async () => {
    const { source, state, wizardCalls } = setup();
    const folder = { uri: vscode.Uri.file('/w'), name: 'w', index: 0 };
    const report = await source.reportFor(undefined, folder);
    assert.deepEqual(wizardCalls, [{ latest: JOURNAL_ENTRY, lang: 'en', now: NOW }]);
    const expected = { ...WIZARD_ANSWER, occurredAt: report!.occurredAt };
    assert.deepEqual(report, expected);
    assert.equal(Date.parse(report!.occurredAt!), NOW.getTime());
    assert.deepEqual(state.get(LAST_REPORT_KEY), expected);
    assert.deepEqual(source.last, expected);
  });

  it('does not hold the wizard for a journal still being read', async () => {
    let finishReading: (reports: Report[]) => void = () => undefined;
    const reading = new Promise<Report[]>((resolve) => (finishReading = resolve));
    const started: string[] = [];
    const state = new FakeMemento();
    const log = vscode.window.createOutputChannel('Card Doctor', { log: true });
    const source = new ReportSource(new LastReportStore(state, () => undefined), { history: () => reading }, new Notifier(log), () => NOW, async (latest) => {
      started.push('wizard');
      assert.deepEqual(await latest, JOURNAL_ENTRY);
      return WIZARD_ANSWER;
    });
    const asked = source.ask(reading);
    await Promise.resolve();
    assert.deepEqual(started, ['wizard'], 'the wizard started before the journal was read');
    finishReading([JOURNAL_ENTRY]);
    assert.ok(await asked);
  });

  it('gives undefined and keeps nothing when the person cancels the wizard', async () => {
    const { source, state } = setup({ answer: undefined });
    assert.equal(await source.reportFor(undefined, undefined), undefined);
    assert.equal(state.get(LAST_REPORT_KEY), undefined);
    assert.equal(source.last, undefined);
  });

  it('keeps a report’s own time and gives one without a time the present, in the machine’s offset', () => {
    const { source } = setup();
    assert.equal(source.dated(JOURNAL_ENTRY).occurredAt, '2025-11-26T09:00:00+08:00');
    assert.equal(Date.parse(source.dated(WIZARD_ANSWER).occurredAt), NOW.getTime());
  });

  it('remembers a report masked for the next window, whoever built it', async () => {
    const { source, state } = setup();
    const built = { errorMessage: 'card 4242 4242 4242 4242 declined' } as Report;
    await source.remember(built);
    assert.deepEqual(state.get(LAST_REPORT_KEY), { errorMessage: 'card •••• 4242 declined' });
    assert.equal(source.last, built, 'this window keeps the report it was given');
  });
});
