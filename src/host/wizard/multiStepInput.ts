import * as vscode from 'vscode';

/** Thrown inside a step when the person pressed Back. */
class BackSignal extends Error {}
/** Thrown inside a step when the person pressed Esc or the input closed. */
class CancelSignal extends Error {}

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
  /** A titled group starts above this item (a separator line with the title). */
  group?: string;
}

interface StepBase {
  title: string;
  step: number;
  totalSteps: number;
  placeholder?: string;
}

export interface PickOptions<T> extends StepBase {
  /**
   * The items for the text in the filter box, when the screen acts on what is typed; made again
   * on each change. Static items (a country list) are given as a function of nothing and
   * `static: true`, so typing only filters them and the highlight follows the filter.
   */
  itemsFor: (value: string) => readonly PickItem<T>[];
  static?: boolean;
  /** The text the filter box opens with. */
  value?: string;
  /** Which item is highlighted when the items change (Enter takes it); the first when none matches. */
  isActive?: (item: PickItem<T>) => boolean;
  matchOnDescription?: boolean;
  /** An item that cannot be taken (a refusal shown as an item): Enter on it does nothing. */
  refuses?: (value: T) => boolean;
}

export interface PickManyOptions<T> extends StepBase {
  items: readonly PickItem<T>[];
  /** The values ticked when the screen opens. */
  ticked: readonly T[];
}

export interface InputOptions extends StepBase {
  value: string;
  prompt: string;
  /** The inline message for a value: an error blocks Enter, information only says how it is read. */
  validate: (value: string) => { message: string; error: boolean };
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

  async pick<T>(options: PickOptions<T>): Promise<{ value: T; typed: string }> {
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<{ value: T; typed: string }>((resolve, reject) => {
        const input = vscode.window.createQuickPick<PickItem<T>>();
        this.describe(input, options);
        input.matchOnDescription = options.matchOnDescription ?? false;
        const refresh = (value: string) => {
          const items = options.itemsFor(value);
          input.items = withSeparators(items);
          const active = items.find((item) => options.isActive?.(item)) ?? items[0];
          if (active) input.activeItems = [active];
        };
        input.value = options.value ?? '';
        refresh(input.value);
        disposables.push(
          input.onDidTriggerButton((button) => {
            if (button === vscode.QuickInputButtons.Back) reject(new BackSignal());
          }),
          input.onDidAccept(() => {
            const [chosen] = input.activeItems;
            if (!chosen || options.refuses?.(chosen.value)) return;
            // The typed text is read as it is now: the items may follow the typing a moment behind.
            resolve({ value: chosen.value, typed: input.value });
          }),
          input.onDidHide(() => reject(new CancelSignal())),
        );
        // Re-made items would also move the highlight back to the default, away from what the filter shows.
        if (!options.static) disposables.push(input.onDidChangeValue(refresh));
        this.show(input);
      });
    } finally {
      disposables.forEach((disposable) => disposable.dispose());
    }
  }

  async pickMany<T>(options: PickManyOptions<T>): Promise<T[]> {
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<T[]>((resolve, reject) => {
        const input = vscode.window.createQuickPick<PickItem<T>>();
        this.describe(input, options);
        input.canSelectMany = true;
        input.items = withSeparators(options.items);
        input.selectedItems = options.items.filter((item) => options.ticked.includes(item.value));
        disposables.push(
          input.onDidTriggerButton((button) => {
            if (button === vscode.QuickInputButtons.Back) reject(new BackSignal());
          }),
          input.onDidAccept(() => resolve(input.selectedItems.map((item) => item.value))),
          input.onDidHide(() => reject(new CancelSignal())),
        );
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
        this.describe(input, options);
        input.value = options.value;
        input.prompt = options.prompt;
        const check = (value: string) => {
          const result = options.validate(value);
          input.validationMessage = {
            message: result.message,
            severity: result.error ? vscode.InputBoxValidationSeverity.Error : vscode.InputBoxValidationSeverity.Info,
          };
          return result;
        };
        check(options.value);
        disposables.push(
          input.onDidTriggerButton((button) => {
            if (button === vscode.QuickInputButtons.Back) reject(new BackSignal());
          }),
          input.onDidAccept(() => {
            if (!check(input.value).error) resolve(input.value);
          }),
          input.onDidChangeValue(check),
          input.onDidHide(() => reject(new CancelSignal())),
        );
        this.show(input);
      });
    } finally {
      disposables.forEach((disposable) => disposable.dispose());
    }
  }

  /** Title, step counter, placeholder and Back, the same on every screen. */
  private describe(input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox, options: StepBase): void {
    input.title = options.title;
    input.step = options.step;
    input.totalSteps = options.totalSteps;
    input.placeholder = options.placeholder;
    input.ignoreFocusOut = true;
    input.buttons = this.steps.length > 1 ? [vscode.QuickInputButtons.Back] : [];
  }

  private show(input: vscode.QuickInput): void {
    this.current?.dispose();
    this.current = input;
    input.show();
  }
}

/** The items with a separator line, titled with the group, above each item that starts a group. */
function withSeparators<T>(items: readonly PickItem<T>[]): PickItem<T>[] {
  const out: PickItem<T>[] = [];
  for (const item of items) {
    // A separator is not an answer; its value is never read (accept takes active, selectable items only).
    if (item.group) out.push({ label: item.group, kind: vscode.QuickPickItemKind.Separator, value: item.value });
    out.push(item);
  }
  return out;
}
