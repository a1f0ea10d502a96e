import type * as vscode from 'vscode';
import { redactSecrets } from '../core/redact';

/** The channel's methods that take text; each string (and an Error's stack) is masked before it is written. */
const WRITERS = new Set<PropertyKey>(['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'replace']);

/** A value as the log would print it, with any card number, CVC or one-time code masked. */
function masked(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value instanceof Error) return redactSecrets(value.stack ?? `${value.name}: ${value.message}`);
  return value;
}

/**
 * The extension's log, with every line it writes masked in one place: paths, file names, error
 * messages and stacks can carry what a person typed (a folder named by a card number, a message
 * quoting a field), and the log is a file on disk that people paste into bug reports. Everything
 * else (show, dispose, the log level and its event) is the channel's own.
 */
export function redactingLog(channel: vscode.LogOutputChannel): vscode.LogOutputChannel {
  return new Proxy(channel, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (!WRITERS.has(property) || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, args.map(masked));
    },
  });
}
