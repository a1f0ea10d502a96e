import { Disposable, EventEmitter, NEVER_CANCELLED } from './events';
import { Uri } from './uri';

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

export enum ViewColumn {
  Active = -1,
  Beside = -2,
  One = 1,
  Two = 2,
  Three = 3,
  Four = 4,
  Five = 5,
  Six = 6,
  Seven = 7,
  Eight = 8,
  Nine = 9,
}

export enum QuickPickItemKind {
  Separator = -1,
  Default = 0,
}

export enum InputBoxValidationSeverity {
  Info = 1,
  Warning = 2,
  Error = 3,
}

export class ThemeIcon {
  static readonly File = new ThemeIcon('file');
  static readonly Folder = new ThemeIcon('folder');
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export const QuickInputButtons = { Back: { iconPath: new ThemeIcon('arrow-left'), tooltip: 'Back' } };

export type MessageSeverity = 'information' | 'warning' | 'error';

/** One show*Message call: what was shown and what the test's script answered. */
export interface MessageCall {
  severity: MessageSeverity;
  message: string;
  /** The buttons' titles (items given as objects are listed by their title). */
  items: string[];
  modal: boolean;
  detail: string | undefined;
  /** Settles with the answer; await it to let the host's `.then` on the same call run first. */
  answered: Promise<unknown>;
}

/** Answers a message: the title of a button to press, or undefined to dismiss it. */
export type MessageAnswer = (call: Omit<MessageCall, 'answered'>) => string | undefined;

/** vscode.LogOutputChannel, every line kept by level. */
export class FakeLogOutputChannel {
  readonly lines: { level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'append'; text: string }[] = [];
  shown = 0;
  disposed = false;
  readonly logLevel = 2;
  private readonly levelEmitter = new EventEmitter<number>();
  readonly onDidChangeLogLevel = this.levelEmitter.event;

  constructor(readonly name: string) {}

  private add(level: FakeLogOutputChannel['lines'][number]['level'], message: unknown, args: unknown[]): void {
    const text = [message, ...args].map((part) => (part instanceof Error ? (part.stack ?? part.message) : String(part))).join(' ');
    this.lines.push({ level, text });
  }
  trace(message: string, ...args: unknown[]): void {
    this.add('trace', message, args);
  }
  debug(message: string, ...args: unknown[]): void {
    this.add('debug', message, args);
  }
  info(message: string, ...args: unknown[]): void {
    this.add('info', message, args);
  }
  warn(message: string, ...args: unknown[]): void {
    this.add('warn', message, args);
  }
  error(message: string | Error, ...args: unknown[]): void {
    this.add('error', message, args);
  }
  append(value: string): void {
    this.add('append', value, []);
  }
  appendLine(value: string): void {
    this.add('append', value, []);
  }
  replace(value: string): void {
    this.lines.length = 0;
    this.add('append', value, []);
  }
  clear(): void {
    this.lines.length = 0;
  }
  show(): void {
    this.shown += 1;
  }
  hide(): void {}
  dispose(): void {
    this.disposed = true;
  }
  /** The lines of one level, for assertions. */
  at(level: FakeLogOutputChannel['lines'][number]['level']): string[] {
    return this.lines.filter((line) => line.level === level).map((line) => line.text);
  }
}

/** vscode.StatusBarItem with its fields in the open. */
export class FakeStatusBarItem {
  text = '';
  tooltip: string | undefined = undefined;
  name: string | undefined = undefined;
  command: unknown = undefined;
  color: unknown = undefined;
  backgroundColor: unknown = undefined;
  accessibilityInformation: { label: string; role?: string } | undefined = undefined;
  visible = false;
  disposed = false;

  constructor(
    readonly id: string,
    readonly alignment: StatusBarAlignment,
    readonly priority: number | undefined,
  ) {}

  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  dispose(): void {
    this.visible = false;
    this.disposed = true;
  }
}

/** vscode.Webview: records what the host posts; `receive` plays a message from the page. */
export class FakeWebview {
  html = '';
  options: Record<string, unknown> = {};
  readonly cspSource = 'https://fake.vscode-cdn.net';
  /** Every message the host posted, in order. */
  readonly posted: unknown[] = [];
  /** What postMessage answers: false plays a webview that is gone. */
  delivers = true;
  private readonly received = new EventEmitter<unknown>();
  readonly onDidReceiveMessage = this.received.event;

  asWebviewUri(uri: Uri): Uri {
    return Uri.from({ scheme: 'https', authority: 'file+.vscode-resource.vscode-cdn.net', path: uri.path });
  }

  postMessage(message: unknown): Promise<boolean> {
    this.posted.push(message);
    return Promise.resolve(this.delivers);
  }

  /** Sends `message` from the page to the host, as the webview's `postMessage` would. */
  receive(message: unknown): void {
    this.received.fire(message);
  }

  /** How many host listeners are subscribed (0 once the host let go). */
  get listenerCount(): number {
    return this.received.listenerCount;
  }
}

/** vscode.WebviewPanel. `close()` plays the person closing the tab. */
export class FakeWebviewPanel {
  readonly webview = new FakeWebview();
  visible = true;
  active = true;
  disposed = false;
  iconPath: unknown;
  readonly reveals: { viewColumn: ViewColumn | undefined; preserveFocus: boolean | undefined }[] = [];
  private readonly disposeEmitter = new EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  private readonly viewStateEmitter = new EventEmitter<{ webviewPanel: FakeWebviewPanel }>();
  readonly onDidChangeViewState = this.viewStateEmitter.event;

  constructor(
    readonly viewType: string,
    public title: string,
    public viewColumn: ViewColumn | undefined,
    readonly options: Record<string, unknown>,
    readonly preserveFocus: boolean | undefined,
  ) {}

  reveal(viewColumn?: ViewColumn, preserveFocus?: boolean): void {
    this.reveals.push({ viewColumn, preserveFocus });
    if (viewColumn !== undefined && viewColumn > 0) this.viewColumn = viewColumn;
    this.visible = true;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.visible = false;
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }

  /** The person moved or hid the tab. */
  changeViewState(state: { viewColumn?: ViewColumn; visible?: boolean; active?: boolean }): void {
    if (state.viewColumn !== undefined) this.viewColumn = state.viewColumn;
    if (state.visible !== undefined) this.visible = state.visible;
    if (state.active !== undefined) this.active = state.active;
    this.viewStateEmitter.fire({ webviewPanel: this });
  }
}

/** vscode.WebviewView (a sidebar view). `close()` plays VS Code disposing it when hidden. */
export class FakeWebviewView {
  readonly webview = new FakeWebview();
  visible = true;
  title: string | undefined;
  description: string | undefined;
  badge: unknown;
  private readonly disposeEmitter = new EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  private readonly visibilityEmitter = new EventEmitter<void>();
  readonly onDidChangeVisibility = this.visibilityEmitter.event;

  constructor(readonly viewType: string) {}

  show(): void {
    this.visible = true;
    this.visibilityEmitter.fire();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.visibilityEmitter.fire();
  }

  close(): void {
    this.visible = false;
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }
}

/** A step of a quick-input script: what the person does on the next quick pick or input box shown. */
export type QuickInputStep = (input: FakeQuickPick | FakeInputBox) => void;

/** Fields and events common to vscode.QuickPick and vscode.InputBox, with ways to act on them. */
abstract class FakeQuickInput {
  title: string | undefined;
  step: number | undefined;
  totalSteps: number | undefined;
  placeholder: string | undefined;
  ignoreFocusOut = false;
  enabled = true;
  busy = false;
  buttons: readonly unknown[] = [];
  visible = false;
  disposed = false;
  protected valueText = '';
  private readonly acceptEmitter = new EventEmitter<void>();
  readonly onDidAccept = this.acceptEmitter.event;
  private readonly hideEmitter = new EventEmitter<void>();
  readonly onDidHide = this.hideEmitter.event;
  private readonly buttonEmitter = new EventEmitter<unknown>();
  readonly onDidTriggerButton = this.buttonEmitter.event;
  private readonly valueEmitter = new EventEmitter<string>();
  readonly onDidChangeValue = this.valueEmitter.event;

  constructor(private readonly onShow: (input: FakeQuickPick | FakeInputBox) => void) {}

  get value(): string {
    return this.valueText;
  }
  set value(value: string) {
    this.valueText = value;
  }

  show(): void {
    this.visible = true;
    this.onShow(this as unknown as FakeQuickPick | FakeInputBox);
  }
  hide(): void {
    if (!this.visible) return;
    this.visible = false;
    this.hideEmitter.fire();
  }
  dispose(): void {
    this.hide();
    this.disposed = true;
  }

  /** The person types `value` (replacing what was there). */
  type(value: string): void {
    this.valueText = value;
    this.valueEmitter.fire(value);
  }
  /** The person presses Enter. */
  accept(): void {
    this.acceptEmitter.fire();
  }
  /** The person presses the Back button. */
  back(): void {
    this.buttonEmitter.fire(QuickInputButtons.Back);
  }
}

export class FakeQuickPick<T extends { label: string; kind?: QuickPickItemKind } = { label: string; kind?: QuickPickItemKind }> extends FakeQuickInput {
  readonly kind = 'quickPick' as const;
  items: readonly T[] = [];
  activeItems: readonly T[] = [];
  selectedItems: readonly T[] = [];
  canSelectMany = false;
  matchOnDescription = false;
  matchOnDetail = false;
  keepScrollPosition = false;
  sortByLabel = true;

  /** The labels of the items the host made (separators left out), whatever is typed. */
  get labels(): string[] {
    return this.items.filter((item) => item.kind !== QuickPickItemKind.Separator).map((item) => item.label);
  }

  /**
   * The labels of the items the person can see and choose: once something is typed, only items
   * that contain it (in the label, or the description with matchOnDescription) or are alwaysShow.
   * VS Code's fuzzy match is looser; containing the text is the strict side, so a test cannot
   * pick an item the person could not see.
   */
  get shownLabels(): string[] {
    return this.visibleItems().map((item) => item.label);
  }

  private visibleItems(): T[] {
    const typed = this.value.trim().toLowerCase();
    return this.items.filter((item) => {
      if (item.kind === QuickPickItemKind.Separator) return false;
      if (!typed || (item as { alwaysShow?: boolean }).alwaysShow) return true;
      const description = this.matchOnDescription ? ((item as { description?: string }).description ?? '') : '';
      return item.label.toLowerCase().includes(typed) || description.toLowerCase().includes(typed);
    });
  }

  /** The person highlights the item labelled `label` and presses Enter. Throws when it is not shown. */
  pick(label: string): void {
    const item = this.visibleItems().find((candidate) => candidate.label === label);
    if (!item) throw new Error(`fake quick pick "${this.title ?? ''}": no item "${label}" shown among ${JSON.stringify(this.shownLabels)}`);
    this.activeItems = [item];
    this.accept();
  }

  /** The person ticks exactly the items labelled `labels` and presses Enter. */
  pickMany(labels: readonly string[]): void {
    const shown = this.shownLabels;
    const missing = labels.filter((label) => !shown.includes(label));
    if (missing.length > 0) throw new Error(`fake quick pick "${this.title ?? ''}": no items ${JSON.stringify(missing)} shown among ${JSON.stringify(shown)}`);
    this.selectedItems = this.visibleItems().filter((item) => labels.includes(item.label));
    this.accept();
  }
}

export class FakeInputBox extends FakeQuickInput {
  readonly kind = 'inputBox' as const;
  prompt: string | undefined;
  password = false;
  valueSelection: readonly [number, number] | undefined;
  validationMessage: string | { message: string; severity: InputBoxValidationSeverity } | undefined;

  /** The person types `value` and presses Enter. */
  enter(value: string): void {
    this.type(value);
    this.accept();
  }
}

/** A text editor shown by showTextDocument. */
export interface ShownDocument {
  uri: string;
  options: { viewColumn?: ViewColumn; preview?: boolean; preserveFocus?: boolean } | undefined;
}

export class WindowState {
  readonly messages: MessageCall[] = [];
  /** Answers each message; the default dismisses every one. */
  answer: MessageAnswer = () => undefined;
  readonly statusBarItems: FakeStatusBarItem[] = [];
  readonly statusBarMessages: { text: string; timeout: number | undefined }[] = [];
  readonly outputChannels: FakeLogOutputChannel[] = [];
  readonly panels: FakeWebviewPanel[] = [];
  readonly viewProviders = new Map<string, { resolveWebviewView(view: unknown, context: unknown, token: unknown): unknown }>();
  readonly panelSerializers = new Map<string, { deserializeWebviewPanel(panel: unknown, state: unknown): Thenable<void> }>();
  readonly shownDocuments: ShownDocument[] = [];
  /** Every quick pick and input box shown, in order. */
  readonly quickInputs: (FakeQuickPick | FakeInputBox)[] = [];
  /** What the person does on each quick input shown, in order; once it runs out, inputs are dismissed. */
  quickInputScript: QuickInputStep[] = [];
  /** Failures thrown by a script step (a label that was not there), kept so a test can show them. */
  readonly scriptErrors: unknown[] = [];
  /** What showWorkspaceFolderPick answers: the index of a folder, or undefined to dismiss. */
  folderPick: number | undefined = undefined;
  readonly folderPickCalls: unknown[] = [];
  activeTextEditor: { document: { uri: Uri } } | undefined = undefined;
  /** The editor groups: what the diagnosis tab checks to pick a column. */
  tabGroups: { all: { tabs: unknown[]; viewColumn: ViewColumn }[] } = { all: [{ tabs: [], viewColumn: ViewColumn.One }] };

  reset(): void {
    this.messages.length = 0;
    this.answer = () => undefined;
    this.statusBarItems.length = 0;
    this.statusBarMessages.length = 0;
    this.outputChannels.length = 0;
    this.panels.length = 0;
    this.viewProviders.clear();
    this.panelSerializers.clear();
    this.shownDocuments.length = 0;
    this.quickInputs.length = 0;
    this.quickInputScript = [];
    this.scriptErrors.length = 0;
    this.folderPick = undefined;
    this.folderPickCalls.length = 0;
    this.activeTextEditor = undefined;
    this.tabGroups = { all: [{ tabs: [], viewColumn: ViewColumn.One }] };
  }

  /** The messages shown of one severity, their text only. */
  texts(severity?: MessageSeverity): string[] {
    return this.messages.filter((call) => severity === undefined || call.severity === severity).map((call) => call.message);
  }

  runScript(input: FakeQuickPick | FakeInputBox): void {
    this.quickInputs.push(input);
    const step = this.quickInputScript.shift();
    // After the host's show() returns and its listeners are in place, as a person would act.
    setImmediate(() => {
      if (input.disposed || !input.visible) return;
      try {
        if (step) step(input);
        else input.hide();
      } catch (error) {
        this.scriptErrors.push(error);
        input.hide();
      }
    });
  }
}

export function makeWindow(state: WindowState, textDocumentFor: (target: unknown) => Promise<{ uri: Uri }>) {
  const show =
    (severity: MessageSeverity) =>
    (message: string, ...rest: unknown[]): Promise<unknown> => {
      const options = typeof rest[0] === 'object' && rest[0] !== null && !('title' in rest[0]) ? (rest.shift() as { modal?: boolean; detail?: string }) : undefined;
      const items = rest as (string | { title: string })[];
      const titles = items.map((item) => (typeof item === 'string' ? item : item.title));
      const described = { severity, message, items: titles, modal: options?.modal ?? false, detail: options?.detail };
      const title = state.answer(described);
      const chosen = title === undefined ? undefined : items[titles.indexOf(title)];
      if (title !== undefined && chosen === undefined) throw new Error(`fake window: the answer "${title}" is not a button of "${message}" (${JSON.stringify(titles)})`);
      const answered = Promise.resolve(chosen);
      state.messages.push({ ...described, answered });
      return answered;
    };
  return {
    showInformationMessage: show('information'),
    showWarningMessage: show('warning'),
    showErrorMessage: show('error'),
    setStatusBarMessage(text: string, timeout?: number | Thenable<unknown>): Disposable {
      state.statusBarMessages.push({ text, timeout: typeof timeout === 'number' ? timeout : undefined });
      return new Disposable(() => undefined);
    },
    createStatusBarItem(idOrAlignment?: string | StatusBarAlignment, alignmentOrPriority?: StatusBarAlignment | number, priority?: number): FakeStatusBarItem {
      const item =
        typeof idOrAlignment === 'string'
          ? new FakeStatusBarItem(idOrAlignment, (alignmentOrPriority as StatusBarAlignment | undefined) ?? StatusBarAlignment.Left, priority)
          : new FakeStatusBarItem('', idOrAlignment ?? StatusBarAlignment.Left, alignmentOrPriority);
      state.statusBarItems.push(item);
      return item;
    },
    createOutputChannel(name: string): FakeLogOutputChannel {
      const channel = new FakeLogOutputChannel(name);
      state.outputChannels.push(channel);
      return channel;
    },
    createWebviewPanel(
      viewType: string,
      title: string,
      showOptions: ViewColumn | { viewColumn: ViewColumn; preserveFocus?: boolean },
      options: Record<string, unknown> = {},
    ): FakeWebviewPanel {
      const column = typeof showOptions === 'number' ? showOptions : showOptions.viewColumn;
      const preserveFocus = typeof showOptions === 'number' ? undefined : showOptions.preserveFocus;
      // VS Code resolves Beside to the column after the active one; with one empty group that is Two.
      const resolved = column === ViewColumn.Beside ? ViewColumn.Two : column === ViewColumn.Active ? ViewColumn.One : column;
      const panel = new FakeWebviewPanel(viewType, title, resolved, options, preserveFocus);
      state.panels.push(panel);
      return panel;
    },
    registerWebviewViewProvider(viewId: string, provider: { resolveWebviewView(view: unknown, context: unknown, token: unknown): unknown }): Disposable {
      state.viewProviders.set(viewId, provider);
      return new Disposable(() => state.viewProviders.delete(viewId));
    },
    registerWebviewPanelSerializer(viewType: string, serializer: { deserializeWebviewPanel(panel: unknown, state: unknown): Thenable<void> }): Disposable {
      state.panelSerializers.set(viewType, serializer);
      return new Disposable(() => state.panelSerializers.delete(viewType));
    },
    createQuickPick(): FakeQuickPick {
      return new FakeQuickPick((input) => state.runScript(input));
    },
    createInputBox(): FakeInputBox {
      return new FakeInputBox((input) => state.runScript(input));
    },
    async showTextDocument(target: unknown, options?: ShownDocument['options'] | ViewColumn): Promise<{ document: { uri: Uri }; viewColumn: ViewColumn | undefined }> {
      const document = await textDocumentFor(target);
      const shownOptions = typeof options === 'number' ? { viewColumn: options } : options;
      state.shownDocuments.push({ uri: document.uri.toString(), options: shownOptions });
      const editor = { document, viewColumn: shownOptions?.viewColumn };
      state.activeTextEditor = editor;
      return editor;
    },
    showWorkspaceFolderPick(options?: unknown): Promise<unknown> {
      state.folderPickCalls.push(options);
      return Promise.resolve(state.folderPick === undefined ? undefined : workspaceFoldersForPick()[state.folderPick]);
    },
    get activeTextEditor() {
      return state.activeTextEditor;
    },
    get visibleTextEditors() {
      return state.activeTextEditor ? [state.activeTextEditor] : [];
    },
    get tabGroups() {
      return state.tabGroups;
    },
    onDidChangeActiveTextEditor: new EventEmitter<unknown>().event,
    onDidChangeVisibleTextEditors: new EventEmitter<unknown>().event,
    state: { focused: true },
    token: NEVER_CANCELLED,
  };
}

/** Set by the workspace module: the folders showWorkspaceFolderPick chooses among. */
let workspaceFoldersForPick: () => readonly unknown[] = () => [];
export function setFolderSource(source: () => readonly unknown[]): void {
  workspaceFoldersForPick = source;
}
