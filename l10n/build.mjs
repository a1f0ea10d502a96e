// `npm run l10n` (also the first step of `npm run build`): the one string pipeline's generated files.
//
// - l10n/bundle.l10n.json: every string the host, the webview and the CLI pass to `l10n.t`, in
//   English, extracted by @vscode/l10n-dev (the translators' source list; tests check that every
//   one has a translation).
// - l10n/bundle.l10n.zh-tw.json and package.nls.zh-tw.json: Traditional Chinese (Taiwan), converted
//   from the Simplified files, which stay the authored source.
// - media/walkthrough/*.zh-tw.md: the walkthrough's pages, converted from the *.zh-cn.md ones (VS Code
//   localizes a step's media path through package.nls like any manifest string).
// - l10n/zh-tw-table.json: what core needs to say its own words in Traditional Chinese at run time
//   without opencc (src/core/language.ts): a character map for the characters of the project's
//   Simplified text that change, and the phrases whose conversion differs from character by
//   character (发卡行 -> 發卡行, where the character map alone would be right but opencc's phrase
//   dictionary is not, or 后台 -> 後臺 where the phrase matters).
//
// Conversion: the reviewed phrases of l10n/zh-tw-overrides.json first (owned by the Traditional
// Chinese reviewer), then opencc-js `cn -> twp` (Taiwan standard characters and Taiwan phrases) over
// the rest. Never edit the generated files: change the Simplified text or the overrides and run
// this again; test/unit/l10nGenerated.test.ts fails when a committed file differs from what this
// script writes.
//
// `node l10n/build.mjs --check` writes nothing and exits 1 when a generated file is out of date.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getL10nJson } from '@vscode/l10n-dev';
import * as OpenCC from 'opencc-js';
import ts from 'typescript';
import { tsImport } from 'tsx/esm/api';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The folders whose `l10n.t` calls are extracted. */
const L10N_SOURCES = ['src/host', 'src/webview', 'src/cli'];
/**
 * Core modules whose Chinese literals are never shown: the redaction's labels (patterns read, not
 * said) and the language module's own comments. Every other module of src/core is read, so a new
 * module that says something in Chinese is in the table without anyone listing it.
 */
const NOT_SHOWN = new Set(['redact.ts', 'language.ts']);
/**
 * Every core module's Simplified Chinese string literals, which core converts at run time (say,
 * labelsFor), and which property's literals: the decline catalogue also holds the recognizer's
 * patterns and normalisation tables, which are never shown, so only its `zhCn` texts count.
 */
const TABLE_SOURCES = Object.fromEntries(
  readdirSync(join(ROOT, 'src/core'))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !NOT_SHOWN.has(name))
    .sort()
    .map((name) => [`src/core/${name}`, name === 'declineMessages.ts' ? 'zhCn' : null]),
);
const TEMPLATE_DIR = 'templates';
/** The walkthrough's pages: `<step>.md` in English, `<step>.zh-cn.md` authored, `<step>.zh-tw.md` generated. */
const WALKTHROUGH_DIR = 'media/walkthrough';
const SIMPLIFIED_PAGE = /^media\/walkthrough\/[a-z-]{1,40}\.zh-cn\.md$/;
/** A manifest value naming the Simplified JSON Schema of report files: the Traditional manifest names the Traditional one (schemas/build.ts writes both). */
const SIMPLIFIED_SCHEMA = /^\.\/schemas\/[a-z-]{1,40}\.schema\.zh-cn\.json$/;

const read = (file) => readFileSync(join(ROOT, file), 'utf8');
const readJson = (file) => JSON.parse(read(file));
/** JSON as the repository writes it: two spaces, a final newline, keys in the order given. */
const jsonText = (value) => `${JSON.stringify(value, null, 2)}\n`;

function sourceFiles(dir) {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? sourceFiles(path) : /\.ts$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

/** The converter: reviewed phrases kept as the reviewer wrote them, opencc over everything between them. */
export function traditionalConverter(overrides) {
  const opencc = OpenCC.Converter({ from: 'cn', to: 'twp' });
  const phrases = Object.entries(overrides.phrases ?? {}).sort(([a], [b]) => b.length - a.length);
  for (const [simplified, traditional] of phrases) {
    if (typeof traditional !== 'string' || simplified === '') throw new Error(`l10n/zh-tw-overrides.json: bad phrase ${JSON.stringify(simplified)}`);
  }
  /** The text cut into the reviewed phrases (with their Traditional form) and the stretches between them. */
  const segments = (text) => {
    const out = [];
    let pending = '';
    for (let index = 0; index < text.length; ) {
      const found = phrases.find(([simplified]) => text.startsWith(simplified, index));
      if (found) {
        if (pending) out.push({ text: pending });
        out.push({ text: found[0], reviewed: found[1] });
        pending = '';
        index += found[0].length;
      } else {
        pending += text[index];
        index++;
      }
    }
    if (pending) out.push({ text: pending });
    return out;
  };
  const convert = (text) => segments(text).map((segment) => segment.reviewed ?? opencc(segment.text)).join('');
  return Object.assign(convert, { segments, opencc });
}

/** The text of every string and template literal of a TypeScript file (comments and regexes left out). */
function stringLiterals(file, property) {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const texts = [];
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const parent = node.parent;
      if (!property || (ts.isPropertyAssignment(parent) && parent.name.getText(source) === property)) texts.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return texts;
}

/** Maximal runs of non-ASCII, non-space characters: where conversion can change anything. */
const runsOf = (text) => text.match(/[^\u0000-\u007f\s]+/g) ?? [];

/** The Simplified texts core converts at run time: its string literals and the Simplified letter templates. */
export function tableCorpus() {
  const texts = new Set();
  for (const [file, property] of Object.entries(TABLE_SOURCES)) for (const text of stringLiterals(file, property)) if (runsOf(text).length > 0) texts.add(text);
  for (const name of readdirSync(join(ROOT, TEMPLATE_DIR)).filter((file) => file.endsWith('.zh-cn.hbs')).sort()) {
    // Line by line, expressions too: their quoted placeholders (【金额及币种…】) are shown. The
    // rendered letter is converted as a whole, so these are the texts it is made of.
    for (const text of read(join(TEMPLATE_DIR, name)).split('\n')) if (runsOf(text).length > 0) texts.add(text);
  }
  return [...texts].sort();
}

/**
 * The smallest table under which core's converter gives, for every text of the corpus, exactly
 * what the full converter gives: the changed characters, then phrases where that is not enough
 * (the differing span with one character either side), then a whole run or text for any that
 * still differ. `toTraditional` is core's own run-time function, so the check is the real thing.
 */
export async function buildTable(convert, corpus, overrides) {
  const language = await tsImport(pathToFileURL(join(ROOT, 'src/core/language.ts')).href, import.meta.url);
  const chars = new Map();
  for (const text of corpus) {
    for (const char of text) {
      if (char.length !== 1 || char.charCodeAt(0) < 0x80 || chars.has(char)) continue;
      chars.set(char, convert(char));
    }
  }
  const changed = [...chars].filter(([from, to]) => to !== from && to.length === 1).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const phrases = new Map();
  // The reviewed phrases that occur, as they are: a run that differs only through them needs no more.
  for (const [simplified, traditional] of Object.entries(overrides.phrases ?? {})) {
    if (simplified.length >= 2 && corpus.some((text) => text.includes(simplified))) phrases.set(simplified, traditional);
  }
  const charwise = (text) => [...text].map((char) => (chars.get(char)?.length === 1 ? chars.get(char) : char)).join('');
  for (const text of corpus) {
    // Between the reviewed phrases, opencc's own phrases: each differing span with a character of context.
    for (const run of runsOf(text).flatMap((whole) => convert.segments(whole).filter((segment) => !segment.reviewed).map((segment) => segment.text))) {
      const target = convert.opencc(run);
      const plain = charwise(run);
      if (plain === target) continue;
      if (plain.length !== target.length || run.length !== target.length) {
        phrases.set(run, target);
        continue;
      }
      for (let index = 0; index < run.length; index++) {
        if (plain[index] === target[index]) continue;
        let end = index;
        while (end + 1 < run.length && plain[end + 1] !== target[end + 1]) end++;
        const start = Math.max(0, index - 1);
        const stop = Math.min(run.length, end + 2);
        phrases.set(run.slice(start, stop), target.slice(start, stop));
        index = end;
      }
    }
  }
  const tableOf = () => ({
    from: changed.map(([from]) => from).join(''),
    to: changed.map(([, to]) => to).join(''),
    phrases: Object.fromEntries([...phrases].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  });
  for (let round = 0; round < 8; round++) {
    language.useTraditionalTable(tableOf());
    const wrong = corpus.filter((text) => language.toTraditional(text) !== convert(text));
    if (wrong.length === 0) return tableOf();
    for (const text of wrong) {
      const runs = runsOf(text).filter((run) => language.toTraditional(run) !== convert(run));
      if (runs.length > 0) for (const run of runs) phrases.set(run, convert(run));
      else if (text.length <= 64) phrases.set(text, convert(text));
      else throw new Error(`cannot make a table that converts ${JSON.stringify(text.slice(0, 40))}… as opencc does`);
    }
  }
  throw new Error('the Traditional Chinese table did not settle in 8 rounds');
}

/** Every generated file, by path from the repository's root, with the text it should hold. */
export async function generatedFiles() {
  const overrides = readJson('l10n/zh-tw-overrides.json');
  const convert = traditionalConverter(overrides);
  const sources = L10N_SOURCES.flatMap(sourceFiles).map((file) => ({ extension: '.ts', contents: read(file) }));
  const english = await getL10nJson(sources);
  const sortedEnglish = Object.fromEntries(Object.keys(english).sort().map((key) => [key, english[key]]));
  // A manifest value may be a path to a Simplified page (the walkthrough's media): the Traditional
  // manifest points at the converted page, written beside it.
  const convertValue = (value) =>
    SIMPLIFIED_PAGE.test(value)
      ? value.replace(/\.zh-cn\.md$/, '.zh-tw.md')
      : SIMPLIFIED_SCHEMA.test(value)
        ? value.replace(/\.zh-cn\.json$/, '.zh-tw.json')
        : convert(value);
  const convertValues = (object) => Object.fromEntries(Object.entries(object).map(([key, value]) => [key, convertValue(value)]));
  const pages = Object.fromEntries(
    readdirSync(join(ROOT, WALKTHROUGH_DIR))
      .filter((name) => name.endsWith('.zh-cn.md'))
      .sort()
      .map((name) => [`${WALKTHROUGH_DIR}/${name.replace(/\.zh-cn\.md$/, '.zh-tw.md')}`, convert(read(`${WALKTHROUGH_DIR}/${name}`))]),
  );
  return {
    'l10n/bundle.l10n.json': jsonText(sortedEnglish),
    'l10n/bundle.l10n.zh-tw.json': jsonText(convertValues(readJson('l10n/bundle.l10n.zh-cn.json'))),
    'package.nls.zh-tw.json': jsonText(convertValues(readJson('package.nls.zh-cn.json'))),
    ...pages,
    'l10n/zh-tw-table.json': `${JSON.stringify(await buildTable(convert, tableCorpus(), overrides))}\n`,
  };
}

async function main() {
  const check = process.argv.includes('--check');
  const files = await generatedFiles();
  const stale = [];
  for (const [path, text] of Object.entries(files)) {
    let current = null;
    try {
      current = read(path);
    } catch {
      // missing: written below
    }
    if (current === text) continue;
    stale.push(path);
    if (!check) writeFileSync(join(ROOT, path), text);
  }
  const table = JSON.parse(files['l10n/zh-tw-table.json']);
  const strings = Object.keys(JSON.parse(files['l10n/bundle.l10n.json'])).length;
  console.log(
    `l10n: ${strings} strings; zh-tw table ${table.from.length} characters and ${Object.keys(table.phrases).length} phrases, ` +
      `${Buffer.byteLength(files['l10n/zh-tw-table.json'])} bytes; ` +
      (stale.length === 0 ? 'everything up to date' : `${check ? 'out of date' : 'wrote'}: ${stale.map((path) => relative(ROOT, join(ROOT, path))).join(', ')}`),
  );
  if (check && stale.length > 0) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
