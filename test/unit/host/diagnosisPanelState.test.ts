/**
 * The last diagnosed report in workspaceState: read back as untrusted (an invalid one is dropped,
 * with the fields named in the log) and stored only after the schema masked it.
 */
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { LAST_REPORT_KEY, LastReportStore } from '../../../src/host/diagnosisPanelState';

/** A workspaceState that records its updates, and can be told to refuse them. */
class RecordingMemento implements vscode.Memento {
  readonly values = new Map<string, unknown>();
  readonly updates: [string, unknown][] = [];
  failUpdates = false;

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : fallback;
  }

  update(key: string, value: unknown): Thenable<void> {
    this.updates.push([key, value]);
    if (this.failUpdates) return Promise.reject(new Error('disk full'));
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
    return Promise.resolve();
  }
}

describe('host diagnosisPanelState: LastReportStore', () => {
  it('keeps its report under cardDoctor.lastDiagnosedReport', () => {
    assert.equal(LAST_REPORT_KEY, 'cardDoctor.lastDiagnosedReport');
  });

  it('gives nothing, and warns of nothing, when nothing is stored', () => {
    const warnings: string[] = [];
    const store = new LastReportStore(new RecordingMemento(), (message) => warnings.push(message));
    assert.equal(store.get(), undefined);
    assert.deepEqual(warnings, []);
  });

  it('stores a report with a pasted card number masked, keeping its last 4', async () => {
    const state = new RecordingMemento();
    const store = new LastReportStore(state, () => assert.fail('no warning expected'));
    await store.set({ errorMessage: 'Card 4000 0566 5566 5556 was declined', card: { last4: '5556' } });
    assert.deepEqual(state.updates, [[LAST_REPORT_KEY, { errorMessage: 'Card •••• 5556 was declined', card: { last4: '5556' } }]]);
    assert.deepEqual(store.get(), { errorMessage: 'Card •••• 5556 was declined', card: { last4: '5556' } });
  });

  it('masks a CVC in the notes before storing', async () => {
    const state = new RecordingMemento();
    await new LastReportStore(state, () => undefined).set({ notes: 'my cvv is 737' });
    assert.deepEqual(state.values.get(LAST_REPORT_KEY), { notes: 'my cvv is •••' });
  });

  it('masks a card number someone wrote straight into workspaceState when reading it back', () => {
    const state = new RecordingMemento();
    state.values.set(LAST_REPORT_KEY, { errorMessage: 'Card 4000 0566 5566 5556 was declined' });
    assert.deepEqual(new LastReportStore(state, () => undefined).get(), { errorMessage: 'Card •••• 5556 was declined' });
  });

  it('drops an invalid stored report, naming its fields in the warning, and clears the key', async () => {
    const state = new RecordingMemento();
    state.values.set(LAST_REPORT_KEY, { occurredAt: 'yesterday', card: { last4: '12345' } });
    const warnings: string[] = [];
    const store = new LastReportStore(state, (message) => warnings.push(message));
    assert.equal(store.get(), undefined);
    assert.deepEqual(warnings, ['last diagnosis: the stored report is not valid and was dropped (occurredAt, card.last4)']);
    assert.deepEqual(state.updates, [[LAST_REPORT_KEY, undefined]]);
    assert.equal(state.values.has(LAST_REPORT_KEY), false);
    // Dropped once: the next read finds nothing and says nothing.
    assert.equal(store.get(), undefined);
    assert.equal(warnings.length, 1);
  });

  it('drops a stored value that is not a report at all', () => {
    const state = new RecordingMemento();
    state.values.set(LAST_REPORT_KEY, 'not a report');
    const warnings: string[] = [];
    assert.equal(new LastReportStore(state, (message) => warnings.push(message)).get(), undefined);
    assert.deepEqual(warnings, ['last diagnosis: the stored report is not valid and was dropped ((report))']);
  });

  it('warns when the invalid report cannot be cleared', async () => {
    const state = new RecordingMemento();
    state.values.set(LAST_REPORT_KEY, { card: { last4: 'abcd' } });
    state.failUpdates = true;
    const warned = new Promise<string[]>((resolve) => {
      const warnings: string[] = [];
      new LastReportStore(state, (message) => {
        warnings.push(message);
        if (warnings.length === 2) resolve(warnings);
      }).get();
    });
    assert.deepEqual(await warned, [
      'last diagnosis: the stored report is not valid and was dropped (card.last4)',
      'last diagnosis: could not drop the stored report (Error: disk full)',
    ]);
  });

  it('stores nothing (clears the key) when given a report the schema refuses', async () => {
    const state = new RecordingMemento();
    state.values.set(LAST_REPORT_KEY, { notes: 'older' });
    await new LastReportStore(state, () => undefined).set({ card: { last4: '12' } } as never);
    assert.deepEqual(state.updates, [[LAST_REPORT_KEY, undefined]]);
    assert.equal(state.values.has(LAST_REPORT_KEY), false);
  });
});
