/**
 * node:assert/strict for the browser build of the extension-host tests (a web worker has no
 * Node): the functions the tests use, with strict semantics (Object.is, deep equality over
 * prototypes, own keys, arrays, typed arrays, dates, maps, sets and regular expressions). Test
 * code only; buildTests.mjs maps node:assert and node:assert/strict here for the web worker run.
 */

export class AssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

function show(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : value instanceof RegExp ? String(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

function failWith(message: string | Error | undefined, fallback: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) failWith(message, `expected a truthy value, got ${show(value)}`);
}

export function fail(message?: string | Error): never {
  return failWith(message, 'failed');
}

export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) failWith(message, `expected ${show(expected)}, got ${show(actual)}`);
}

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) failWith(message, `expected anything but ${show(expected)}`);
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!isDeepEqual(actual, expected, [])) failWith(message, `expected deeply equal values:\n  actual:   ${show(actual)}\n  expected: ${show(expected)}`);
}

export const strictEqual = equal;
export const deepStrictEqual = deepEqual;
export const notStrictEqual = notEqual;

export function match(text: string, pattern: RegExp, message?: string | Error): void {
  if (typeof text !== 'string' || !pattern.test(text)) failWith(message, `expected ${show(text)} to match ${String(pattern)}`);
}

export function doesNotMatch(text: string, pattern: RegExp, message?: string | Error): void {
  if (typeof text !== 'string' || pattern.test(text)) failWith(message, `expected ${show(text)} not to match ${String(pattern)}`);
}

type ErrorCheck = RegExp | (new (...args: never[]) => unknown) | ((error: unknown) => boolean) | Record<string, unknown>;

function checkError(error: unknown, expected: ErrorCheck | undefined, message?: string | Error): void {
  if (expected === undefined) return;
  if (expected instanceof RegExp) {
    if (!expected.test(error instanceof Error ? error.message : String(error))) failWith(message, `the error ${show(String(error))} does not match ${String(expected)}`);
    return;
  }
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && error instanceof (expected as new () => unknown)) return;
    if (Error.isPrototypeOf(expected) || expected === Error) failWith(message, `the error is not a ${expected.name}: ${show(String(error))}`);
    if ((expected as (error: unknown) => boolean)(error) !== true) failWith(message, `the error did not pass the check: ${show(String(error))}`);
    return;
  }
  for (const [key, value] of Object.entries(expected)) {
    const actual = (error as Record<string, unknown> | null)?.[key];
    const same = value instanceof RegExp && typeof actual === 'string' ? value.test(actual) : isDeepEqual(actual, value, []);
    if (!same) failWith(message, `the error's ${key} is ${show(actual)}, expected ${show(value)}`);
  }
}

export function throws(block: () => unknown, expected?: ErrorCheck | string, message?: string | Error): void {
  // As Node's: a string in the second place is the message, not a check.
  if (typeof expected === 'string') return throws(block, undefined, expected);
  try {
    block();
  } catch (error) {
    checkError(error, expected, message);
    return;
  }
  failWith(message, 'expected the function to throw');
}

export async function rejects(block: Promise<unknown> | (() => Promise<unknown>), expected?: ErrorCheck | string, message?: string | Error): Promise<void> {
  if (typeof expected === 'string') return rejects(block, undefined, expected);
  try {
    await (typeof block === 'function' ? block() : block);
  } catch (error) {
    checkError(error, expected, message);
    return;
  }
  failWith(message, 'expected a rejection');
}

function isDeepEqual(a: unknown, b: unknown, seen: [unknown, unknown][]): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.some(([x, y]) => x === a && y === b)) return true;
  const inner: [unknown, unknown][] = [...seen, [a, b]];
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (ArrayBuffer.isView(a)) {
    const x = a as unknown as ArrayLike<unknown>;
    const y = b as unknown as ArrayLike<unknown>;
    return x.length === y.length && Array.from(x).every((value, index) => Object.is(value, y[index]));
  }
  if (a instanceof Map) {
    const other = b as Map<unknown, unknown>;
    return a.size === other.size && [...a].every(([key, value]) => other.has(key) && isDeepEqual(value, other.get(key), inner));
  }
  if (a instanceof Set) {
    const other = b as Set<unknown>;
    return a.size === other.size && [...a].every((value) => other.has(value));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && isDeepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], inner));
}

/** The default import (`import assert from 'node:assert/strict'`): callable as `ok`, with every function on it. */
const assert = Object.assign((value: unknown, message?: string | Error): void => ok(value, message), {
  AssertionError,
  ok,
  fail,
  equal,
  notEqual,
  deepEqual,
  strictEqual,
  deepStrictEqual,
  notStrictEqual,
  match,
  doesNotMatch,
  throws,
  rejects,
});
export default assert;
