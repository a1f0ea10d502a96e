/**
 * Issue 9, "Linear time, checked": every regular expression in src/ runs in linear time, and the
 * check can fail. `npm run lint` (eslint-plugin-regexp) sees only literals; most of the patterns
 * that meet untrusted text (redact.ts, declineMessages.ts) are built from strings with
 * `new RegExp`. So this test records every RegExp built while the pure modules load, scans every
 * literal in src/, and gives each to recheck, a ReDoS checker that answers safe, vulnerable or
 * unknown. Vulnerable fails; unknown fails too, unless ALLOWED_UNKNOWN says why that pattern is
 * linear.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import { ESLint } from 'eslint';
import { check, type Diagnostics } from 'recheck';
import ts from 'typescript';
import { installBuiltinTemplatesModule } from '../templateLoader';

const REPO = resolve(__dirname, '..', '..');
const SRC = join(REPO, 'src');
const FIXTURES = join(REPO, 'test', 'fixtures', 'regex');

/** A pattern and where it comes from (`src/core/redact.ts:37`). */
interface Pattern {
  readonly source: string;
  readonly flags: string;
  readonly where: string;
}

/**
 * Patterns recheck cannot decide in time (status unknown) that are linear all the same, and are
 * not given to it again. Each entry must say why; keep them few. Matched on the exact source and
 * flags, so a changed pattern must be argued again. The one argument accepted so far is "every
 * quantifier is bounded": then a match from one index reads a bounded number of characters, the
 * work from each index is bounded by the pattern alone, and the whole search is linear in the
 * text (the constant is what `npm run bench` shows, on the adversarial inputs). The test below
 * checks that claim on each entry.
 */
const ALLOWED_UNKNOWN: readonly { source: string; flags: string; why: string }[] = [];

// Modules that do something when loaded besides defining things: cli/main.ts runs the CLI.
// Their literals are still scanned, and a `new RegExp` in them fails the call-site test below.
const NOT_LOADED = new Set(['src/cli/main.ts']);
// Layers that need a host to load (vscode, a DOM): literal scan only, for the same reason.
const LOADED_LAYERS = ['core', 'protocol', 'node', 'cli'];

function sourceFilesUnder(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFilesUnder(path));
    else if (/\.(?:ts|cjs|mjs|js)$/.test(entry.name) && !/\.d\.c?ts$/.test(entry.name)) files.push(path);
  }
  return files.sort();
}

const repoPath = (path: string): string => relative(REPO, path).split('\\').join('/');

/** The file and line of one stack frame ("    at en (/repo/src/core/x.ts:100:10)"), without a regex of its own. */
function frameLocation(frame: string): { file: string; line: number } | undefined {
  let text = frame.trim();
  text = text.endsWith(')') ? text.slice(text.lastIndexOf('(') + 1, -1) : text.slice(text.indexOf(' ') + 1);
  if (text.startsWith('file://')) text = fileURLToPath(text);
  const columnColon = text.lastIndexOf(':');
  const lineColon = text.lastIndexOf(':', columnColon - 1);
  if (lineColon <= 0) return undefined;
  const line = Number(text.slice(lineColon + 1, columnColon));
  return Number.isInteger(line) ? { file: text.slice(0, lineColon), line } : undefined;
}

/**
 * Requires `files` afresh while globalThis.RegExp is wrapped, and returns every RegExp built
 * meanwhile by code in src/ or in the regex fixtures (through a library or not), with the line
 * that built it. Other test files may have loaded these modules already, so their cached
 * instances are set aside for the load and put back after: later tests see the modules they had.
 */
function recordRegExpsBuiltWhileLoading(files: readonly string[]): Pattern[] {
  const recorded: Pattern[] = [];
  const ownCode = (file: string) => file.startsWith(SRC + '/') || file.startsWith(FIXTURES + '/');
  const cache = require.cache;
  const setAside = new Map<string, NodeJS.Module>();
  for (const [key, module] of Object.entries(cache)) {
    if (module && ownCode(key)) {
      setAside.set(key, module);
      delete cache[key];
    }
  }
  const Original = globalThis.RegExp;
  const stackLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 100;
  const record = (made: RegExp) => {
    const frames = (new Error().stack ?? '').split('\n').slice(1);
    const site = frames.map(frameLocation).find((location) => location !== undefined && ownCode(location.file));
    if (site) recorded.push({ source: made.source, flags: made.flags, where: `${repoPath(site.file)}:${site.line}` });
  };
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args, newTarget) {
      const made = Reflect.construct(target, args, newTarget) as RegExp;
      record(made);
      return made;
    },
    apply(target, thisArg, args) {
      const made = Reflect.apply(target, thisArg, args) as RegExp;
      record(made);
      return made;
    },
  });
  try {
    for (const file of files) require(file);
  } finally {
    globalThis.RegExp = Original;
    Error.stackTraceLimit = stackLimit;
    for (const key of Object.keys(cache)) if (ownCode(key)) delete cache[key];
    for (const [key, module] of setAside) cache[key] = module;
  }
  return recorded;
}

/** Every regex literal in `files`, and every place that calls `RegExp(…)` or `new RegExp(…)`. */
function scanSources(files: readonly string[]): { literals: Pattern[]; constructorCalls: string[] } {
  const literals: Pattern[] = [];
  const constructorCalls: string[] = [];
  for (const file of files) {
    const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const lineOf = (node: ts.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sourceFile);
        const end = text.lastIndexOf('/');
        literals.push({ source: text.slice(1, end), flags: text.slice(end + 1), where: `${repoPath(file)}:${lineOf(node)}` });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && namesRegExp(node.expression)) {
        constructorCalls.push(`${repoPath(file)}:${lineOf(node)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { literals, constructorCalls };
}

function namesRegExp(expression: ts.Expression): boolean {
  if (ts.isIdentifier(expression)) return expression.text === 'RegExp';
  return ts.isPropertyAccessExpression(expression) && expression.name.text === 'RegExp';
}

/**
 * The native checker that the recheck package ships for this platform when there is one (it is
 * several times faster), else its pure JavaScript build; never the Java one, which needs a JVM.
 */
function recheckBackend(): 'native' | 'pure' {
  const os = ({ darwin: 'macos', linux: 'linux', win32: 'windows' } as Record<string, string>)[process.platform];
  try {
    require.resolve(`recheck-${os}-${process.arch}/package.json`);
    return 'native';
  } catch {
    return 'pure';
  }
}

// Only step counts decide, not the wall clock (incubation and attack timeouts off), so a verdict
// is the same on a busy machine; fuzzing starts from recheck's fixed seed. The overall timeout
// stays, so a pattern too complex to analyse ends as unknown instead of hanging the suite.
const CHECK_PARAMETERS = { timeout: 60_000, incubationTimeout: null, attackTimeout: null } as const;

const keyOf = (pattern: { source: string; flags: string }) => `/${pattern.source}/${pattern.flags}`;
const allowed = new Set(ALLOWED_UNKNOWN.map(keyOf));

/** The quantifiers of a pattern with no upper bound (`*`, `+`, `{n,}`), as written. */
function unboundedQuantifiers(pattern: { source: string; flags: string }): string[] {
  const found: string[] = [];
  visitRegExpAST(new RegExpParser().parseLiteral(keyOf(pattern)), {
    onQuantifierEnter(node) {
      if (node.max === Infinity) found.push(node.raw);
    },
  });
  return found;
}

// Verdicts already reached, kept between runs on one machine (a fresh clone, as in CI, checks
// everything). Sound because a verdict depends only on the pattern, the parameters and the
// checker: no wall clock decides one and the seed is fixed. Unknown is never kept, since that
// one is the overall timeout's.
const CACHE_FILE = join(REPO, 'node_modules', '.cache', 'card-doctor-regex-safety.json');
const CHECKER_ID = (backend: string) =>
  `recheck ${(JSON.parse(readFileSync(require.resolve('recheck/package.json'), 'utf8')) as { version: string }).version} ${backend} ${JSON.stringify(CHECK_PARAMETERS)}`;

function readCache(checker: string): Map<string, Diagnostics> {
  try {
    const cached = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as { checker: string; verdicts: [string, Diagnostics][] };
    return new Map(cached.checker === checker ? cached.verdicts : []);
  } catch {
    return new Map();
  }
}

/** recheck's verdict on each distinct pattern not allow-listed, two at a time (the machines have two cores). */
async function checkPatterns(patterns: readonly Pattern[], { cache }: { cache: boolean }): Promise<Map<string, Diagnostics>> {
  const backend = recheckBackend();
  const checker = CHECKER_ID(backend);
  const known = cache ? readCache(checker) : new Map<string, Diagnostics>();
  const previous = process.env.RECHECK_BACKEND;
  process.env.RECHECK_BACKEND = backend;
  const distinct = [...new Map(patterns.map((pattern) => [keyOf(pattern), pattern])).values()].filter((pattern) => !allowed.has(keyOf(pattern)));
  const verdicts = new Map<string, Diagnostics>();
  let next = 0;
  const worker = async () => {
    while (next < distinct.length) {
      const pattern = distinct[next++]!;
      const key = keyOf(pattern);
      verdicts.set(key, known.get(key) ?? (await check(pattern.source, pattern.flags, CHECK_PARAMETERS)));
    }
  };
  try {
    await Promise.all([worker(), worker()]);
  } finally {
    if (previous === undefined) delete process.env.RECHECK_BACKEND;
    else process.env.RECHECK_BACKEND = previous;
  }
  if (cache) {
    // Only this run's patterns: a changed pattern's old verdict is dropped, not kept forever.
    const decided = [...verdicts].filter(([, verdict]) => verdict.status !== 'unknown');
    mkdirSync(join(CACHE_FILE, '..'), { recursive: true });
    writeFileSync(CACHE_FILE, JSON.stringify({ checker, verdicts: decided }));
  }
  return verdicts;
}

/** The patterns that fail: vulnerable, or unknown without an allow-list entry, one line each. */
function unsafe(patterns: readonly Pattern[], verdicts: ReadonlyMap<string, Diagnostics>): string[] {
  const lines: string[] = [];
  for (const pattern of patterns) {
    if (allowed.has(keyOf(pattern))) continue;
    const verdict = verdicts.get(keyOf(pattern))!;
    if (verdict.status === 'safe') continue;
    const detail =
      verdict.status === 'vulnerable'
        ? `${verdict.complexity.summary}; attack ${verdict.attack.pattern.slice(0, 80)}`
        : `unknown (${verdict.error.kind}${'message' in verdict.error ? `: ${verdict.error.message}` : ''})`;
    lines.push(`${pattern.where}  ${keyOf(pattern)}  ${detail}`);
  }
  return lines;
}

describe(`regular expressions are linear (recheck, ${recheckBackend()} backend)`, function () {
  this.timeout(20 * 60_000);

  describe('the check can fail', () => {
    it('records the patterns a module builds from strings while it loads, with the line that builds each', () => {
      const recorded = recordRegExpsBuiltWhileLoading([join(FIXTURES, 'catastrophic.ts')]);
      assert.deepEqual(recorded, [
        { source: '^(a+)+$', flags: '', where: 'test/fixtures/regex/catastrophic.ts:6' },
        { source: '\\s*\\n?\\s*x', flags: '', where: 'test/fixtures/regex/catastrophic.ts:9' },
      ]);
    });

    it('finds regex literals and RegExp constructor calls in source text', () => {
      const scanned = scanSources([join(FIXTURES, 'literals.ts'), join(FIXTURES, 'catastrophic.ts')]);
      assert.deepEqual(scanned, {
        literals: [
          { source: '^(a+)+$', flags: '', where: 'test/fixtures/regex/literals.ts:6' },
          { source: '\\s*\\n?\\s*x', flags: '', where: 'test/fixtures/regex/literals.ts:9' },
        ],
        constructorCalls: ['test/fixtures/regex/catastrophic.ts:6', 'test/fixtures/regex/catastrophic.ts:9'],
      });
    });

    it('recheck flags nested quantifiers as exponential and adjacent whitespace runs as polynomial', async () => {
      const patterns = recordRegExpsBuiltWhileLoading([join(FIXTURES, 'catastrophic.ts')]);
      const verdicts = await checkPatterns(patterns, { cache: false });
      const nested = verdicts.get('/^(a+)+$/')!;
      const adjacent = verdicts.get('/\\s*\\n?\\s*x/')!;
      assert.equal(nested.status, 'vulnerable');
      assert.equal(nested.status === 'vulnerable' && nested.complexity.type, 'exponential');
      assert.equal(adjacent.status, 'vulnerable');
      assert.equal(adjacent.status === 'vulnerable' && adjacent.complexity.type, 'polynomial');
      assert.deepEqual(
        unsafe(patterns, verdicts).map((line) => line.slice(0, line.indexOf(' '))),
        ['test/fixtures/regex/catastrophic.ts:6', 'test/fixtures/regex/catastrophic.ts:9'],
      );
    });

    it('the allow-list argument tells bounded quantifiers from unbounded ones', () => {
      assert.deepEqual(unboundedQuantifiers({ source: '^(a+)+$', flags: '' }), ['(a+)+', 'a+']);
      assert.deepEqual(unboundedQuantifiers({ source: '\\s*\\n?\\s*x', flags: '' }), ['\\s*', '\\s*']);
      assert.deepEqual(unboundedQuantifiers({ source: '(?:[a-z]{1,12} ){0,3}\\d{2,}', flags: 'g' }), ['\\d{2,}']);
      assert.deepEqual(unboundedQuantifiers({ source: '(?<![0-9])[0-9]{3,4}[^.!?]{0,40}', flags: 'gi' }), []);
    });

    it('npm run lint flags the same two patterns as literals', async () => {
      const eslint = new ESLint({ cwd: REPO, ignore: false });
      const [result] = await eslint.lintFiles([join(FIXTURES, 'literals.ts')]);
      const found = result!.messages
        .filter((message) => message.ruleId === 'regexp/no-super-linear-backtracking' || message.ruleId === 'regexp/no-super-linear-move')
        .map((message) => `${message.line} ${message.ruleId}`);
      assert.deepEqual([...new Set(found)].sort(), [
        '6 regexp/no-super-linear-backtracking',
        '9 regexp/no-super-linear-backtracking',
        '9 regexp/no-super-linear-move',
      ]);
    });
  });

  describe('src/', () => {
    const files = sourceFilesUnder(SRC);
    const loaded = files.filter((file) => LOADED_LAYERS.includes(repoPath(file).split('/')[1]!) && !NOT_LOADED.has(repoPath(file)));
    let built: Pattern[] = [];
    let scanned: ReturnType<typeof scanSources> = { literals: [], constructorCalls: [] };
    let verdicts = new Map<string, Diagnostics>();

    before(async () => {
      // letters.ts needs the bundle-only module of compiled templates; the tests' stand-in
      // compiles them, outside the recording (Handlebars builds patterns of its own).
      installBuiltinTemplatesModule();
      built = recordRegExpsBuiltWhileLoading(loaded);
      scanned = scanSources(files);
      verdicts = await checkPatterns([...built, ...scanned.literals], { cache: true });
    });

    it('every RegExp constructor call in src/ runs while its module loads, so the recording sees it', () => {
      const seen = new Set(built.map((pattern) => pattern.where));
      const unseen = scanned.constructorCalls.filter((site) => !seen.has(site));
      assert.deepEqual(unseen, [], 'RegExps built later than load (move them to module level, or check them another way):\n' + unseen.join('\n'));
    });

    it('every RegExp built while src/ loads is linear', () => {
      assert.ok(built.length > 0, 'recorded no RegExp at all: the recording is broken');
      const found = unsafe(built, verdicts);
      assert.deepEqual(found, [], `${found.length} run-time-built pattern(s) not shown linear:\n${found.join('\n')}`);
    });

    it('every regex literal in src/ is linear', () => {
      assert.ok(scanned.literals.length > 0, 'found no regex literal at all: the scan is broken');
      const found = unsafe(scanned.literals, verdicts);
      assert.deepEqual(found, [], `${found.length} literal(s) not shown linear:\n${found.join('\n')}`);
    });

    it('every allow-list entry names a pattern still in src/, whose quantifiers are all bounded', () => {
      const present = new Set([...built, ...scanned.literals].map(keyOf));
      const problems = ALLOWED_UNKNOWN.flatMap((entry) => {
        const unbounded = unboundedQuantifiers(entry);
        return [
          ...(present.has(keyOf(entry)) ? [] : [`${keyOf(entry)}: no longer in src/; remove the entry`]),
          ...(unbounded.length === 0 ? [] : [`${keyOf(entry)}: unbounded ${unbounded.join(' ')}, so "bounded" is not an argument`]),
        ];
      });
      assert.deepEqual(problems, []);
    });
  });
});
