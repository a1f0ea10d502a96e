/** vscode.Disposable: runs its callback once. */
export class Disposable {
  private callOnDispose: (() => unknown) | undefined;

  constructor(callOnDispose: () => unknown) {
    this.callOnDispose = callOnDispose;
  }

  static from(...disposables: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => {
      for (const disposable of disposables) disposable.dispose();
    });
  }

  dispose(): void {
    const call = this.callOnDispose;
    this.callOnDispose = undefined;
    call?.();
  }
}

export type Event<T> = (listener: (event: T) => unknown, thisArgs?: unknown, disposables?: Disposable[]) => Disposable;

/** vscode.EventEmitter: listeners called synchronously in subscription order, as VS Code does. */
export class EventEmitter<T> {
  private listeners: ((event: T) => unknown)[] = [];
  private disposed = false;

  readonly event: Event<T> = (listener, thisArgs, disposables) => {
    const bound = thisArgs === undefined ? listener : listener.bind(thisArgs);
    if (!this.disposed) this.listeners.push(bound);
    const subscription = new Disposable(() => {
      this.listeners = this.listeners.filter((candidate) => candidate !== bound);
    });
    disposables?.push(subscription);
    return subscription;
  };

  fire(event: T): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  /** How many listeners are subscribed: a test can check that disposing unsubscribed them. */
  get listenerCount(): number {
    return this.listeners.length;
  }

  /** Drops every listener (between tests) and keeps the emitter usable. */
  clearListeners(): void {
    this.listeners = [];
  }

  dispose(): void {
    this.disposed = true;
    this.listeners = [];
  }
}

/** A cancellation token that is never cancelled. */
export const NEVER_CANCELLED = {
  isCancellationRequested: false,
  onCancellationRequested: new EventEmitter<void>().event,
};

export class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  readonly token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };

  cancel(): void {
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
