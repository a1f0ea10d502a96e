import * as vscode from 'vscode';

/** Thrown inside a step when the person pressed Back. */
class BackSignal extends Error {}
/** Thrown inside a step when the person pressed Esc or the input closed. */
class CancelSignal extends Error {}

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
  /** Made from the typed text by `itemsForValue`: on accept, re-made from the text as it is then. */
  fromValue?: boolean;
}

interface StepBase {
  title: string;
  step: number;
  totalSteps: number;
  placeholder?: string;
}

export interface PickOptions<T> extends StepBase {
  items: readonly PickItem<T>[];
  active?: PickItem<T>;
  matchOnDescription?: boolean;
  /** Text typed into the filter, with the items to show for it (a free-text answer). */
  itemsForValue?: (value: string) => readonly PickItem<T>[];
  value?: string;
}

export interface InputOptions extends StepBase {
  value: string;
  prompt: string;
  /** A message shown inline while the value is invalid; undefined when it is fine. */
  validate: (value: string) => string | undefined;
}

export type Step<S> = (input: MultiStepInput, state: S) => Promise<Step<S> | undefined>;

/**
 * A multi-step QuickInput with a step counter and a Back button, after the quickinput-sample's
 * `MultiStepInput`. Each step returns the next; Back re-runs the previous step with the state
 * as it now is; Esc ends the whole run quietly (`run` resolves to false).
 */
export class MultiStepInput {
  private current?: vscode.QuickInput;
  private readonly steps: Step<unknown>[] = [];

  static async run<S>(start: Step<S>, state: S): Promise<boolean> {
    const input = new MultiStepInput();
    return input.stepThrough(start as Step<unknown>, state);
  }

  private async stepThrough(start: Step<unknown>, state: unknown): Promise<boolean> {
    let step: Step<unknown> | undefined = start;
    try {
      while (step) {
        this.steps.push(step);
        if (this.current) {
          this.current.enabled = false;
          this.current.busy = true;
        }
        try {
          step = await step(this, state);
        } catch (error) {
          if (!(error instanceof BackSignal)) throw error;
          this.steps.pop();
          step = this.steps.pop();
        }
      }
      return true;
    } catch (error) {
      if (error instanceof CancelSignal) return false;
      throw error;
    } finally {
      this.current?.dispose();
    }
  }

  async pick<T>(options: PickOptions<T>): Promise<T> {
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<T>((resolve, reject) => {
        const input = vscode.window.createQuickPick<PickItem<T>>();
        input.title = options.title;
        input.step = options.step;
        input.totalSteps = options.totalSteps;
        input.placeholder = options.placeholder;
        input.ignoreFocusOut = true;
        input.matchOnDescription = options.matchOnDescription ?? false;
        input.items = options.items;
        if (options.value) {
          input.value = options.value;
          if (options.itemsForValue) input.items = [...options.itemsForValue(options.value), ...options.items];
        }
        if (options.active) input.activeItems = [options.active];
        input.buttons = this.steps.length > 1 ? [vscode.QuickInputButtons.Back] : [];
        disposables.push(
          input.onDidTriggerButton((button) => {
            if (button === vscode.QuickInputButtons.Back) reject(new BackSignal());
          }),
          input.onDidAccept(() => {
            const [chosen] = input.selectedItems.length > 0 ? input.selectedItems : input.activeItems;
            if (!chosen) return;
            // Items follow the typing a moment behind; what was typed is the answer, not the item's copy of it.
            const fresh = chosen.fromValue ? options.itemsForValue?.(input.value)[0] : undefined;
            resolve((fresh ?? chosen).value);
          }),
          input.onDidHide(() => reject(new CancelSignal())),
        );
        if (options.itemsForValue) {
          const itemsForValue = options.itemsForValue;
          disposables.push(input.onDidChangeValue((value) => (input.items = [...itemsForValue(value), ...options.items])));
        }
        this.show(input);
      });
    } finally {
      disposables.forEach((disposable) => disposable.dispose());
    }
  }

  async input(options: InputOptions): Promise<string> {
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<string>((resolve, reject) => {
        const input = vscode.window.createInputBox();
        input.title = options.title;
        input.step = options.step;
        input.totalSteps = options.totalSteps;
        input.value = options.value;
        input.prompt = options.prompt;
        input.placeholder = options.placeholder;
        input.ignoreFocusOut = true;
        input.validationMessage = options.validate(options.value);
        input.buttons = this.steps.length > 1 ? [vscode.QuickInputButtons.Back] : [];
        disposables.push(
          input.onDidTriggerButton((button) => {
            if (button === vscode.QuickInputButtons.Back) reject(new BackSignal());
          }),
          input.onDidAccept(() => {
            const message = options.validate(input.value);
            input.validationMessage = message;
            if (!message) resolve(input.value);
          }),
          input.onDidChangeValue((value) => {
            input.validationMessage = options.validate(value);
          }),
          input.onDidHide(() => reject(new CancelSignal())),
        );
        this.show(input);
      });
    } finally {
      disposables.forEach((disposable) => disposable.dispose());
    }
  }

  private show(input: vscode.QuickInput): void {
    this.current?.dispose();
    this.current = input;
    input.show();
  }
}
