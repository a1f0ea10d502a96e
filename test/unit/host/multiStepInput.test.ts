/**
 * The multi-step QuickInput under the wizard: step counter and Back button, separators above
 * groups, the highlight, items following the typing (or only filtered, for static lists), items
 * that cannot be taken, ticked items, inline validation that blocks Enter only on an error,
 * Back, Esc, and a step's own failure.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MultiStepInput, type PickItem, type Step } from '../../../src/host/wizard/multiStepInput';
import { fake, resetFake, type FakeInputBox, type FakeQuickPick, type QuickInputStep } from '../../fakes/vscode/harness';

const pick = (act: (input: FakeQuickPick) => void): QuickInputStep => (input) => act(input as FakeQuickPick);
const box = (act: (input: FakeInputBox) => void): QuickInputStep => (input) => act(input as FakeInputBox);

const FRUITS: PickItem<string>[] = [
  { label: 'Apple', value: 'apple', group: 'Fruit' },
  { label: 'Pear', value: 'pear', description: 'green' },
  { label: 'Leek', value: 'leek', group: 'Vegetables' },
];

interface Answers {
  log: string[];
  values: unknown[];
}

describe('host multiStepInput', () => {
  beforeEach(() => resetFake());
  after(() => resetFake());

  it('shows a pick with its title, counter, placeholder, a separator above each group and the highlight asked for', async () => {
    let seen: FakeQuickPick | undefined;
    fake.window.quickInputScript = [
      pick((input) => {
        seen = input;
        input.accept();
      }),
    ];
    const answers: Answers = { log: [], values: [] };
    const finished = await MultiStepInput.run<Answers>(async (input, state) => {
      state.values.push(
        await input.pick({ title: 'Food', step: 1, totalSteps: 3, placeholder: 'Pick one', value: 'p', itemsFor: () => FRUITS, static: true, isActive: (item) => item.value === 'pear', matchOnDescription: true }),
      );
      return undefined;
    }, answers);
    assert.equal(finished, true);
    assert.deepEqual(answers.values, [{ value: 'pear', typed: 'p' }]);
    const input = seen!;
    assert.deepEqual([input.title, input.step, input.totalSteps, input.placeholder, input.ignoreFocusOut, input.matchOnDescription], ['Food', 1, 3, 'Pick one', true, true]);
    assert.deepEqual(input.buttons, []);
    assert.deepEqual(
      input.items.map((item) => [item.label, item.kind ?? vscode.QuickPickItemKind.Default]),
      [
        ['Fruit', vscode.QuickPickItemKind.Separator],
        ['Apple', vscode.QuickPickItemKind.Default],
        ['Pear', vscode.QuickPickItemKind.Default],
        ['Vegetables', vscode.QuickPickItemKind.Separator],
        ['Leek', vscode.QuickPickItemKind.Default],
      ],
    );
    assert.equal(input.disposed, true);
  });

  it('remakes the items as the person types, highlighting the first when none is asked for', async () => {
    const typedSoFar: string[] = [];
    let labels: string[] = [];
    let active: string[] = [];
    fake.window.quickInputScript = [
      pick((input) => {
        input.type('ki');
        input.type('kiwi');
        labels = input.labels;
        active = input.activeItems.map((item) => item.label);
        input.accept();
      }),
    ];
    const answers: Answers = { log: [], values: [] };
    await MultiStepInput.run<Answers>(async (input, state) => {
      const itemsFor = (typed: string): PickItem<string>[] => {
        typedSoFar.push(typed);
        return [{ label: `Add “${typed}”`, value: typed }, ...FRUITS];
      };
      state.values.push(await input.pick({ title: 'Food', step: 1, totalSteps: 1, itemsFor }));
      return undefined;
    }, answers);
    assert.deepEqual(typedSoFar, ['', 'ki', 'kiwi']);
    assert.deepEqual(labels, ['Add “kiwi”', 'Apple', 'Pear', 'Leek']);
    assert.deepEqual(active, ['Add “kiwi”']);
    assert.deepEqual(answers.values, [{ value: 'kiwi', typed: 'kiwi' }]);
  });

  it('only filters a static list as the person types: the items are made once', async () => {
    let calls = 0;
    fake.window.quickInputScript = [
      pick((input) => {
        input.type('Le');
        input.pick('Leek');
      }),
    ];
    const answers: Answers = { log: [], values: [] };
    await MultiStepInput.run<Answers>(async (input, state) => {
      state.values.push(
        await input.pick({
          title: 'Food',
          step: 1,
          totalSteps: 1,
          static: true,
          itemsFor: () => {
            calls++;
            return FRUITS;
          },
        }),
      );
      return undefined;
    }, answers);
    assert.equal(calls, 1);
    assert.deepEqual(answers.values, [{ value: 'leek', typed: 'Le' }]);
  });

  it('does nothing on Enter over an item it refuses', async () => {
    let stillOpen: boolean | undefined;
    fake.window.quickInputScript = [
      pick((input) => {
        input.pick('Leek');
        stillOpen = input.visible;
        input.pick('Pear');
      }),
    ];
    const answers: Answers = { log: [], values: [] };
    await MultiStepInput.run<Answers>(async (input, state) => {
      state.values.push(await input.pick({ title: 'Food', step: 1, totalSteps: 1, itemsFor: () => FRUITS, refuses: (value) => value === 'leek' }));
      return undefined;
    }, answers);
    assert.equal(stillOpen, true);
    assert.deepEqual(answers.values, [{ value: 'pear', typed: '' }]);
  });

  it('opens a multi-select with the given items ticked and gives the ticked values', async () => {
    let ticked: string[] = [];
    let many: boolean | undefined;
    fake.window.quickInputScript = [
      pick((input) => {
        ticked = input.selectedItems.map((item) => item.label);
        many = input.canSelectMany;
        input.pickMany(['Apple', 'Leek']);
      }),
    ];
    const answers: Answers = { log: [], values: [] };
    await MultiStepInput.run<Answers>(async (input, state) => {
      state.values.push(await input.pickMany({ title: 'Food', step: 1, totalSteps: 1, items: FRUITS, ticked: ['pear'] }));
      return undefined;
    }, answers);
    assert.equal(many, true);
    assert.deepEqual(ticked, ['Pear']);
    assert.deepEqual(answers.values, [['apple', 'leek']]);
  });

  it('shows the validation inline, as information or as an error that blocks Enter', async () => {
    const messages: unknown[] = [];
    let stillOpen: boolean | undefined;
    fake.window.quickInputScript = [
      box((input) => {
        messages.push(input.validationMessage, input.prompt, input.value);
        input.enter('abc');
        messages.push(input.validationMessage);
        stillOpen = input.visible;
        input.enter('42');
      }),
    ];
    const answers: Answers = { log: [], values: [] };
    await MultiStepInput.run<Answers>(async (input, state) => {
      state.values.push(
        await input.input({
          title: 'Age',
          step: 1,
          totalSteps: 1,
          value: '7',
          prompt: 'Type a number',
          validate: (text) => (/^\d{1,3}$/.test(text) ? { message: `Read as ${text}`, error: false } : { message: 'Not a number', error: true }),
        }),
      );
      return undefined;
    }, answers);
    assert.deepEqual(messages, [
      { message: 'Read as 7', severity: vscode.InputBoxValidationSeverity.Info },
      'Type a number',
      '7',
      { message: 'Not a number', severity: vscode.InputBoxValidationSeverity.Error },
    ]);
    assert.equal(stillOpen, true);
    assert.deepEqual(answers.values, ['42']);
  });

  /** Two steps: a pick, then an input box, each noting that it ran. */
  function twoSteps(): Step<Answers> {
    const second: Step<Answers> = async (input, state) => {
      state.log.push('second');
      state.values.push(await input.input({ title: 'Second', step: 2, totalSteps: 2, value: '', prompt: 'p', validate: () => ({ message: '', error: false }) }));
      return undefined;
    };
    return async (input, state) => {
      state.log.push('first');
      state.values.push(await input.pick({ title: 'First', step: 1, totalSteps: 2, itemsFor: () => FRUITS }));
      return second;
    };
  }

  it('Back re-runs the previous step with the state as it is; only a later step has a Back button', async () => {
    const buttons: number[] = [];
    fake.window.quickInputScript = [
      pick((input) => {
        buttons.push(input.buttons.length);
        input.pick('Apple');
      }),
      box((input) => {
        buttons.push(input.buttons.length);
        input.back();
      }),
      pick((input) => {
        buttons.push(input.buttons.length);
        input.pick('Pear');
      }),
      box((input) => input.enter('done')),
    ];
    const answers: Answers = { log: [], values: [] };
    assert.equal(await MultiStepInput.run(twoSteps(), answers), true);
    assert.deepEqual(answers.log, ['first', 'second', 'first', 'second']);
    assert.deepEqual(answers.values, [{ value: 'apple', typed: '' }, { value: 'pear', typed: '' }, 'done']);
    assert.deepEqual(buttons, [0, 1, 0]);
    assert.deepEqual(fake.window.quickInputs[0]!.buttons, []);
    assert.deepEqual(fake.window.quickInputs[1]!.buttons, [vscode.QuickInputButtons.Back]);
  });

  it('marks the open screen busy and disabled while the next step works', async () => {
    let state: [boolean, boolean] | undefined;
    fake.window.quickInputScript = [pick((input) => input.pick('Apple'))];
    const answers: Answers = { log: [], values: [] };
    await MultiStepInput.run<Answers>(async (input, answers) => {
      answers.values.push(await input.pick({ title: 'First', step: 1, totalSteps: 2, itemsFor: () => FRUITS }));
      return async () => {
        const first = fake.window.quickInputs[0]!;
        state = [first.busy, first.enabled];
        return undefined;
      };
    }, answers);
    assert.deepEqual(state, [true, false]);
    assert.equal(fake.window.quickInputs[0]!.disposed, true);
  });

  it('Esc on any screen ends the run with false and closes it', async () => {
    fake.window.quickInputScript = [pick((input) => input.pick('Apple')), box((input) => input.hide())];
    const answers: Answers = { log: [], values: [] };
    assert.equal(await MultiStepInput.run(twoSteps(), answers), false);
    assert.deepEqual(answers.log, ['first', 'second']);
    assert.deepEqual(
      fake.window.quickInputs.map((input) => input.disposed),
      [true, true],
    );
  });

  it('passes on a step’s own failure and closes the screen', async () => {
    fake.window.quickInputScript = [pick((input) => input.pick('Apple'))];
    const answers: Answers = { log: [], values: [] };
    const failing: Step<Answers> = async (input, state) => {
      state.values.push(await input.pick({ title: 'First', step: 1, totalSteps: 2, itemsFor: () => FRUITS }));
      return () => Promise.reject(new Error('the step broke'));
    };
    await assert.rejects(MultiStepInput.run(failing, answers), /^Error: the step broke$/);
    assert.equal(fake.window.quickInputs[0]!.disposed, true);
  });
});
