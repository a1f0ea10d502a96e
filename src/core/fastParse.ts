/**
 * A fast path through a zod schema for input that is already valid, compiled from the schema
 * itself so the schema stays the single source of the shape.
 *
 * Why: reading a journal re-validates every stored report, and most of zod's cost there is its
 * general machinery (a result object and an issues array per field, a second pass for unknown
 * keys, an output copy of every object), not the checks. Input that passes here gives exactly
 * what zod would give; anything else, and every error message, still comes from zod.
 *
 * What it understands: strict objects, `z.optional` fields, enums, and strings whose checks are
 * overwrites, regexes, refinements and the ISO date and time formats. A schema that uses anything
 * else (a check on an object, `z.exactOptional`, a symbol key, another format) compiles to
 * `undefined`, and callers then use zod for everything.
 *
 * It reads zod's schema internals (`_zod.traits`, `_zod.def`, `_zod.values`), zod's documented
 * way for libraries to walk a schema. The tests check it against `safeParse` on random input,
 * valid and not.
 */
import type * as z from 'zod/mini';

/** What a compiled step returns for input zod would reject (or that this fast path will not judge). */
const REJECT: unique symbol = Symbol('reject');

type Step = (value: unknown) => unknown;

/**
 * Returns the parsed value, or `undefined` when the input is invalid or not plain enough to judge
 * here; the caller then asks zod, which also names what is wrong.
 *
 * The result is copy-on-write: an object whose fields all come out unchanged is returned as it
 * was given, not copied. Use it only on what `JSON.parse` just returned: nobody else holds it, and
 * it has no getters, whose value could change after it was checked.
 */
export type FastParser<T> = (input: unknown) => T | undefined;

/**
 * Kinds are told by zod's traits (the classes a schema or check was made by), not by names in its
 * definition, which other classes share: `z.exactOptional` is an "optional" too, and
 * `z.stringFormat('date', …)` a "date" format with a check of its own.
 */
const ISO_FORMATS = ['$ZodISODateTime', '$ZodISODate', '$ZodISOTime'];

/** The parts of zod's definitions this reads. */
interface Definition {
  type: string;
  shape?: Record<PropertyKey, z.core.$ZodType>;
  catchall?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  checks?: z.core.$ZodCheck[];
  coerce?: boolean;
  pattern?: RegExp;
  when?: unknown;
  tx?: (value: unknown) => unknown;
  fn?: (value: unknown) => unknown;
}

/** Compiles `schema`, a strict object, or gives `undefined` when it uses what this does not know. */
export function compileFastParser<T>(schema: z.core.$ZodType<T>): FastParser<T> | undefined {
  if (!is(schema, '$ZodObject')) return undefined;
  const step = compile(schema);
  if (!step) return undefined;
  return (input) => {
    const output = step(input);
    return output === REJECT ? undefined : (output as T);
  };
}

function definitionOf(schema: z.core.$ZodType | z.core.$ZodCheck): Definition {
  return schema._zod.def as unknown as Definition;
}

/** Checks carry traits as schemas do; zod's types declare them on schemas only. */
function is(schema: z.core.$ZodType | z.core.$ZodCheck, trait: string): boolean {
  return (schema._zod as { traits?: Set<string> }).traits?.has(trait) === true;
}

function compile(schema: z.core.$ZodType): Step | undefined {
  if (is(schema, '$ZodString')) return compileString(schema);
  // Only strings' checks are compiled; a check on anything else (an object's refine) declines.
  if (definitionOf(schema).checks?.length) return undefined;
  if (is(schema, '$ZodObject')) return compileObject(definitionOf(schema));
  if (is(schema, '$ZodEnum')) return compileEnum(schema);
  return undefined;
}

interface Field {
  key: string;
  optional: boolean;
  step: Step;
}

/** A strict object: no unknown keys, every field parsed, copied only if a field changed. */
function compileObject(definition: Definition): Step | undefined {
  const { shape, catchall } = definition;
  if (!shape || !catchall || !is(catchall, '$ZodNever')) return undefined;
  const fields: Field[] = [];
  for (const key of Reflect.ownKeys(shape)) {
    if (typeof key !== 'string' || key === '__proto__') return undefined;
    const field = shape[key]!;
    // z.optional only: z.exactOptional refuses a present undefined, which this does not model.
    const optional = is(field, '$ZodOptional');
    if (optional && (is(field, '$ZodExactOptional') || definitionOf(field).checks?.length)) return undefined;
    const inner = optional ? definitionOf(field).innerType : field;
    const step = inner && compile(inner);
    if (!step) return undefined;
    fields.push({ key, optional, step });
  }
  const keys = new Set(fields.map((field) => field.key));
  return (input) => {
    // Plain objects only: zod's output is one, so anything else is left to zod to copy.
    if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype) return REJECT;
    const record = input as Record<string, unknown>;
    for (const key in record) if (!keys.has(key)) return REJECT;
    let output: Record<string, unknown> | undefined;
    for (const { key, optional, step } of fields) {
      if (!(key in record)) {
        if (optional) continue;
        return REJECT;
      }
      const value = record[key];
      // zod keeps a present `undefined` in an optional field as it is.
      if (value === undefined && optional) continue;
      const parsed = step(value);
      if (parsed === REJECT) return REJECT;
      if (parsed !== value) (output ??= { ...record })[key] = parsed;
    }
    return output ?? record;
  };
}

function compileEnum(schema: z.core.$ZodType): Step | undefined {
  const values = schema._zod.values;
  if (!(values instanceof Set)) return undefined;
  return (input) => (values.has(input as never) ? input : REJECT);
}

/** A string, then its checks in order, as zod runs them: overwrites replace it, the rest must pass. */
function compileString(schema: z.core.$ZodType): Step | undefined {
  const definition = definitionOf(schema);
  if (definition.coerce) return undefined;
  const steps: ((value: string) => string | typeof REJECT)[] = [];
  // A format schema (z.iso.datetime()) is its own first check; only the ISO ones are just a pattern.
  if (is(schema, '$ZodCheck')) {
    if (!ISO_FORMATS.some((trait) => is(schema, trait)) || !(definition.pattern instanceof RegExp)) return undefined;
    steps.push(matching(definition.pattern));
  }
  for (const check of definition.checks ?? []) {
    const checkDefinition = definitionOf(check);
    if (checkDefinition.when !== undefined) return undefined;
    if (is(check, '$ZodCheckOverwrite') && checkDefinition.tx) {
      const tx = checkDefinition.tx;
      steps.push((value) => {
        const next = tx(value);
        return typeof next === 'string' ? next : REJECT;
      });
    } else if (is(check, '$ZodCheckRegex') && checkDefinition.pattern instanceof RegExp) {
      steps.push(matching(checkDefinition.pattern));
    } else if (is(check, '$ZodCustom') && checkDefinition.fn) {
      const fn = checkDefinition.fn;
      // A promise (an async refinement) is not judged here.
      steps.push((value) => {
        const verdict = fn(value);
        return verdict && !(verdict instanceof Promise) ? value : REJECT;
      });
    } else {
      return undefined;
    }
  }
  return (input) => {
    if (typeof input !== 'string') return REJECT;
    let value: string | typeof REJECT = input;
    for (const step of steps) {
      value = step(value);
      if (value === REJECT) return REJECT;
    }
    return value;
  };
}

/** As zod's regex and ISO checks test: from the start of the string, whatever a global flag left. */
function matching(pattern: RegExp): (value: string) => string | typeof REJECT {
  return (value) => {
    pattern.lastIndex = 0;
    return pattern.test(value) ? value : REJECT;
  };
}
