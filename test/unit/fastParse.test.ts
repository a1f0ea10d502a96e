import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { compileFastParser } from '../../src/core/fastParse';
import { parseReport, reportSchema } from '../../src/core/report';
import { reportArbitrary } from '../arbitraries';

/** A deep copy as JSON would give it, so each parser gets input nobody else holds. */
function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Every field of a report by its path, plus keys the schema does not know. */
const PATHS = [
  'occurredAt', 'product', 'errorMessage', 'notes', 'card', 'billing', 'bank', 'connection',
  'card.kind', 'card.brand', 'card.bin', 'card.last4', 'card.issuerName', 'card.issuerCountry', 'card.expiry', 'card.dualCurrency',
  'billing.country', 'billing.postalCode', 'billing.matchesIssuer',
  'bank.internationalOnline', 'bank.balanceSufficient',
  'connection.vpn', 'connection.switchedRecently', 'connection.accessCountry',
  'extra', 'card.extra', 'billing.zip',
] as const;

/** Values that are valid somewhere, dirty somewhere (cleaning changes them), or wrong everywhere. */
const messyValue = fc.oneof(
  fc.constantFrom(
    ' cn ', 'us', 'CN', 'XX', '6214 8300', '4242', '42 42', '4242 4242 4242 4242', 'card 4242424242424242',
    '  padded  ', 'a\r\nb', 'bidi \u202e text', 'tab\there', '', '2025-11-27T10:31:00+08:00', '2025-11-27T10:31:00',
    '2028-06', ' 2028-06 ', '2028-13', '06/28', '6/2028', '13/28', '2028年6月', 'debit', 'visa', 'yes', 'maybe', 'chatgpt-web', 'CVC 123', '验证码 654321',
    'x'.repeat(5000), null, 0, 1, true, [], {}, ['yes'], { kind: 'debit' },
  ),
  fc.string({ maxLength: 20 }),
  fc.anything({ maxDepth: 2 }),
);

/** A valid report with a few fields replaced, removed or added. */
const messyReport = fc
  .tuple(
    reportArbitrary,
    fc.array(fc.record({ path: fc.constantFrom(...PATHS), value: messyValue, remove: fc.boolean() }), { maxLength: 4 }),
  )
  .map(([report, edits]) => {
    const input = copy(report) as Record<string, unknown>;
    for (const { path, value, remove } of edits) {
      const [first, second] = path.split('.') as [string, string | undefined];
      let target = input;
      let key = first;
      if (second !== undefined) {
        const parent = input[first];
        if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) continue;
        target = parent as Record<string, unknown>;
        key = second;
      }
      if (remove) delete target[key];
      else target[key] = value;
    }
    return input;
  });

const ROOT = join(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;

type Internals = { traits?: Set<string>; def: Record<string, unknown>; values?: unknown };
const internals = (schema: unknown) => (schema as { _zod: Internals })._zod;
const hasTrait = (schema: unknown, trait: string) => internals(schema).traits?.has(trait) === true;

/** A check as fastParse tells it: by its trait and the field of its definition it then reads. */
function checkKind(check: unknown): string {
  const def = internals(check).def;
  if (def.when !== undefined) return 'conditional';
  if (hasTrait(check, '$ZodCheckOverwrite') && typeof def.tx === 'function') return 'overwrite';
  if (hasTrait(check, '$ZodCheckRegex') && def.pattern instanceof RegExp) return 'regex';
  if (hasTrait(check, '$ZodCustom') && typeof def.fn === 'function') return 'refine';
  return `unknown check ${JSON.stringify(def.check)}`;
}

/**
 * The schema as fastParse sees it, read through the same internals (`_zod.traits`, `_zod.def`'s
 * shape, catchall, innerType, checks, coerce and `_zod.values`), written independently of it.
 */
function asFastParseSeesIt(schema: unknown): unknown {
  const zod = internals(schema);
  if (hasTrait(schema, '$ZodObject')) {
    const fields = Object.entries(zod.def.shape as Record<string, unknown>).map(([key, field]) => [key, asFastParseSeesIt(field)]);
    return { strict: hasTrait(zod.def.catchall, '$ZodNever'), ...Object.fromEntries(fields) };
  }
  if (hasTrait(schema, '$ZodOptional')) {
    const inner = asFastParseSeesIt(zod.def.innerType);
    return typeof inner === 'string' ? `optional ${inner}` : { optional: true, ...(inner as object) };
  }
  if (hasTrait(schema, '$ZodEnum')) return `enum ${zod.values instanceof Set ? [...zod.values].join('|') : 'without a set of values'}`;
  if (hasTrait(schema, '$ZodString')) {
    return `string${zod.def.coerce ? ' coerced' : ''}: ${((zod.def.checks as unknown[] | undefined) ?? []).map(checkKind).join(', ')}`;
  }
  return `unknown ${JSON.stringify(zod.def.type)}`;
}

/**
 * fastParse reads zod's internals, which a minor release may change. zod is pinned exactly, and
 * these fail on an upgrade that moves what fastParse reads: then check fastParse against the new
 * zod (and these expectations) before moving the pin.
 */
describe("zod's internals that the fast parse path reads", () => {
  it('are those of zod 4.6.7, pinned exactly in package.json and installed as locked', () => {
    assert.equal((readJson('package.json').dependencies as Record<string, string>).zod, '4.6.7');
    assert.equal((readJson('package-lock.json').packages as Record<string, { version: string }>)['node_modules/zod']!.version, '4.6.7');
    assert.equal(readJson('node_modules/zod/package.json').version, '4.6.7');
  });

  it('show the report schema as it is written in report.ts: strict objects, optional fields, enums with their values, and string checks', () => {
    const triState = 'optional enum yes|no|unknown';
    const country = 'optional string: overwrite, refine';
    assert.deepStrictEqual(asFastParseSeesIt(reportSchema), {
      strict: true,
      occurredAt: 'optional string: regex, refine',
      product: 'optional enum chatgpt-web|chatgpt-app|api-platform|other',
      errorMessage: 'optional string: overwrite',
      card: {
        optional: true,
        strict: true,
        kind: 'optional enum credit|debit|virtual|prepaid|gift|unknown',
        brand: 'optional enum visa|mastercard|amex|unionpay|jcb|discover|other|unknown',
        bin: 'optional string: overwrite, regex',
        last4: 'optional string: overwrite, regex',
        issuerName: 'optional string: overwrite',
        issuerCountry: country,
        expiry: 'optional string: overwrite, regex',
        dualCurrency: triState,
      },
      billing: { optional: true, strict: true, country, postalCode: 'optional string: overwrite', matchesIssuer: triState },
      bank: { optional: true, strict: true, internationalOnline: triState, balanceSufficient: triState },
      connection: { optional: true, strict: true, vpn: triState, switchedRecently: triState, accessCountry: country },
      notes: 'optional string: overwrite',
    });
  });

  it("keep the meaning fastParse gives them: a check's overwrite, pattern and refinement act as zod's own do", () => {
    /** The schema inside the optional field at `path`, through `def.shape` and `def.innerType`. */
    const field = (...path: string[]) =>
      path.reduce((schema, key) => internals((internals(schema).def.shape as Record<string, unknown>)[key]).def.innerType, reportSchema as unknown);
    const [overwrite, regex] = internals(field('card', 'last4')).def.checks as unknown[];
    assert.equal((internals(overwrite).def.tx as (value: string) => string)('4２ 4-2'), '4242');
    assert.equal((internals(regex).def.pattern as RegExp).test('4242'), true);
    assert.equal((internals(regex).def.pattern as RegExp).test('424'), false);
    const [upper, refine] = internals(field('card', 'issuerCountry')).def.checks as unknown[];
    assert.equal((internals(upper).def.tx as (value: string) => string)(' cn '), 'CN');
    assert.equal((internals(refine).def.fn as (value: string) => boolean)('CN'), true);
    assert.equal((internals(refine).def.fn as (value: string) => boolean)('XX'), false);
  });
});

describe('fast parse path', () => {
  it('compiles the report schema (so journal reads really take it)', () => {
    assert.ok(compileFastParser(reportSchema));
  });

  it('gives exactly what zod gives, or leaves the input to zod, for valid, dirty and wrong reports alike', () => {
    const fast = compileFastParser(reportSchema)!;
    let taken = 0;
    fc.assert(
      fc.property(fc.oneof(reportArbitrary, messyReport, fc.anything({ maxDepth: 3 })), (input) => {
        const report = fast(copy(input));
        if (report === undefined) return;
        taken++;
        assert.deepStrictEqual(parseReport(copy(input)), { ok: true, report });
      }),
      { numRuns: 3000 },
    );
    assert.ok(taken > 500, `the fast path answered only ${taken} of 3,000`);
  });

  it('accepts every clean report without zod, returning the very object it was given', () => {
    const fast = compileFastParser(reportSchema)!;
    fc.assert(
      fc.property(reportArbitrary, (input) => {
        const parsed = parseReport(input);
        assert.ok(parsed.ok);
        const stored = copy(parsed.report);
        assert.equal(fast(stored), stored);
      }),
      { numRuns: 500 },
    );
  });

  it('copies rather than changes what it cleans', () => {
    const input = { card: { issuerCountry: ' cn ', last4: '4242' }, notes: 'card 4242 4242 4242 4242 ' };
    const before = copy(input);
    assert.deepEqual(compileFastParser(reportSchema)!(input), { card: { issuerCountry: 'CN', last4: '4242' }, notes: 'card •••• 4242' });
    assert.deepEqual(input, before);
  });

  describe('on a schema of its own', () => {
    const schema = z.strictObject({
      name: z.string().check(z.overwrite((value) => value.trim()), z.regex(/^[a-z]+$/)),
      tag: z.optional(z.enum(['a', 'b'])),
      when: z.optional(z.iso.datetime({ offset: true })),
      even: z.optional(z.string().check(z.refine((value) => value.length % 2 === 0))),
    });
    const fast = compileFastParser(schema)!;

    it('runs overwrites, regexes, enums, formats and refinements as zod does', () => {
      assert.deepEqual(fast({ name: ' abc ', tag: 'a', when: '2025-11-27T10:31:00+08:00', even: 'xy' }), {
        name: 'abc', tag: 'a', when: '2025-11-27T10:31:00+08:00', even: 'xy',
      });
      for (const bad of [
        { name: 'ABC' }, { name: 'abc', tag: 'c' }, { name: 'abc', when: '2025-11-27T10:31:00' }, { name: 'abc', even: 'xyz' },
        { tag: 'a' }, { name: 'abc', other: 1 }, { name: 1 }, [{ name: 'abc' }], null, 'abc',
      ]) {
        assert.equal(fast(bad), undefined, JSON.stringify(bad));
        assert.equal(schema.safeParse(bad).success, false, JSON.stringify(bad));
      }
    });

    it('leaves an object without the usual prototype to zod, which copies it into a plain one', () => {
      const bare = Object.assign(Object.create(null) as object, { name: 'abc' });
      assert.equal(fast(bare), undefined);
      assert.equal(Object.getPrototypeOf(schema.parse(bare)), Object.prototype);
    });

    it('keeps a present undefined in an optional field, as zod does', () => {
      assert.deepStrictEqual(fast({ name: 'abc', tag: undefined }), schema.parse({ name: 'abc', tag: undefined }));
    });
  });

  it('declines schemas that use what it does not know, so zod alone judges them', () => {
    const unsupported = [
      z.strictObject({ count: z.number() }),
      z.object({ name: z.string() }),
      z.strictObject({ name: z.string().check(z.minLength(2)) }),
      z.strictObject({ mail: z.email() }),
      z.strictObject({ list: z.array(z.string()) }),
      z.strictObject({ nested: z.object({ name: z.string() }) }),
      z.strictObject({ name: z.string() }).check(z.refine(() => false)),
      z.strictObject({ tag: z.enum(['a', 'b']).check(z.refine(() => false)) }),
      z.strictObject({ name: z.optional(z.string()).check(z.refine(() => false)) }),
      z.strictObject({ name: z.exactOptional(z.string()) }),
      z.strictObject({ [Symbol('key')]: z.string() }),
      z.strictObject({ day: z.stringFormat('date', /^a$/) }),
      z.string(),
    ];
    for (const schema of unsupported) assert.equal(compileFastParser(schema as z.core.$ZodType), undefined);
  });
});
