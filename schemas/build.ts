// `npm run schemas` (a step of `npm run build`, after `npm run l10n`): the JSON Schema of report
// files, generated from the zod report schema (src/core/report.ts) with zod's own toJSONSchema.
//
// - schemas/card-report.schema.json, .zh-cn.json, .zh-tw.json: one schema per language, the same
//   rules with the descriptions, country names and error messages in that language. VS Code shows
//   the `description` of one schema, so each language gets its own file; the manifest's
//   jsonValidation names it through package.nls (`%jsonValidation.cardReport.url%`), which VS Code
//   localizes like any manifest string. English descriptions are zod's `description`, Simplified
//   ones a metadata key beside it (ZH_CN_DESCRIPTION), Traditional ones converted from those by
//   core's toTraditional with the table `npm run l10n` generates (l10n/zh-tw-table.json).
// - src/core/reportJsonSchema.json: the English schema again, where host code may import it (src/
//   code imports nothing from outside src/): the language-model tool's input schema, also copied
//   into package.json's languageModelTools (a manifest cannot point at a file).
//
// Draft-07: what VS Code's JSON language service supports fully, and every validator reads.
// The schema describes a report as the tools write it (codes upper case, the BIN as digits, the
// expiry as 2028-06). The tools also read looser input (cn, `6214 8300`, 06/28) and tidy it; an
// editor marks such a value with a warning that says the form it expects.
//
// `tsx schemas/build.ts --check` writes nothing and exits 1 when a generated file is out of date;
// test/unit/reportSchema.test.ts fails the same way.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod/mini';
import type { Lang } from '../src/core/catalogue';
import { countryName, ISO_COUNTRY_CODES } from '../src/core/countries';
import { localizeFieldMessage } from '../src/core/fieldMessages';
import { toTraditional, useTraditionalTable, type TraditionalTable } from '../src/core/language';
import { REPORT_SCHEMA_WORDS, reportSchema, ZH_CN_DESCRIPTION } from '../src/core/report';

const ROOT = resolve(__dirname, '..');

/** Each language's schema file, relative to the repository (and the installed extension). */
export const SCHEMA_FILES: Readonly<Record<Lang, string>> = {
  en: 'schemas/card-report.schema.json',
  'zh-cn': 'schemas/card-report.schema.zh-cn.json',
  'zh-tw': 'schemas/card-report.schema.zh-tw.json',
};

/**
 * The English schema where src/ code can import it, for the language-model tool's input: without
 * what only an editor reads (country names, error messages, the `$schema` property), which would
 * cost ~30 KB of the bundle and tell a model nothing it needs.
 */
export const CORE_SCHEMA_FILE = 'src/core/reportJsonSchema.json';

/** Keywords only an editor reads. */
const EDITOR_ONLY = new Set(['enumDescriptions', 'errorMessage', 'patternErrorMessage']);

/** A schema without {@link EDITOR_ONLY} keywords; the names of `properties` are fields, kept (the report has an errorMessage). */
function withoutEditorKeywords(schema: Json): Json {
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !EDITOR_ONLY.has(key))
      .map(([key, inner]) => [
        key,
        key === 'properties' ? Object.fromEntries(Object.entries(inner as Record<string, Json>).map(([name, property]) => [name, withoutEditorKeywords(property)])) : inner,
      ]),
  );
}

/** The English schema for tools: {@link CORE_SCHEMA_FILE}. */
export function toolJsonSchema(): Json {
  const schema = withoutEditorKeywords(reportJsonSchema('en'));
  const { $schema: _reference, ...properties } = schema.properties as Json;
  return { ...schema, properties };
}

type Json = Record<string, unknown>;
type ZodNode = z.core.$ZodType;

/** Text in the schema's language: English and Simplified are authored, Traditional converted. */
function inLang(en: string, zhCn: string, lang: Lang): string {
  return lang === 'en' ? en : lang === 'zh-cn' ? zhCn : toTraditional(zhCn);
}

/** What zod says when this field's value is refused (a string's pattern or refinement first, else its type's message). */
function refusalMessage(schema: ZodNode): string | undefined {
  const def = schema._zod.def as { checks?: z.core.$ZodCheck[]; error?: (issue: unknown) => unknown };
  const said = (error: ((issue: unknown) => unknown) | undefined) => {
    const message = error?.({});
    return typeof message === 'string' ? message : undefined;
  };
  const checks = (def.checks ?? []).map((check) => check._zod.def as { check: string; error?: (issue: unknown) => unknown });
  for (const kind of ['string_format', 'custom']) {
    for (const check of checks) if (check.check === kind && said(check.error)) return said(check.error);
  }
  return said(def.error);
}

/** The schema in one language, as an object. */
export function reportJsonSchema(lang: Lang): Json {
  const generated = z.toJSONSchema(reportSchema, {
    target: 'draft-07',
    io: 'input',
    override(ctx) {
      const json = ctx.jsonSchema as Json;
      const zhCn = json[ZH_CN_DESCRIPTION];
      delete json[ZH_CN_DESCRIPTION];
      if (typeof json.description === 'string' && typeof zhCn === 'string') json.description = inLang(json.description, zhCn, lang);
      if (json.type !== 'string') return;
      if (Array.isArray(json.enum) && json.enum.length === ISO_COUNTRY_CODES.length && json.enum.every((code, index) => code === ISO_COUNTRY_CODES[index])) {
        // The country fields (report.ts lists the codes as metadata): VS Code shows each code's name beside it.
        json.enum = [...ISO_COUNTRY_CODES];
        json.enumDescriptions = ISO_COUNTRY_CODES.map((code) => countryName(code, lang));
      }
      const message = refusalMessage(ctx.zodSchema as ZodNode);
      if (message === undefined) return;
      // VS Code's own messages for a pattern or a long enum would print the regex or 250 codes.
      if (json.pattern !== undefined) json.patternErrorMessage = localizeFieldMessage(message, lang);
      else json.errorMessage = localizeFieldMessage(message, lang);
    },
  }) as Json;
  const { $schema, description, properties, ...rest } = generated;
  return {
    $schema,
    title: inLang(REPORT_SCHEMA_WORDS.title.en, REPORT_SCHEMA_WORDS.title['zh-cn'], lang),
    description,
    ...rest,
    properties: {
      // A file of any name can opt in with "$schema"; parseReport drops it before validating.
      $schema: { type: 'string', description: inLang(REPORT_SCHEMA_WORDS.schemaReference.en, REPORT_SCHEMA_WORDS.schemaReference['zh-cn'], lang) },
      ...(properties as Json),
    },
  };
}

/** JSON as the repository writes it: two spaces, a final newline. */
const jsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The language-model tool whose input names a report (LMTOOL's contribution). */
const REPORT_TOOL = 'card-doctor_diagnose';

/**
 * package.json with the language-model tool's `report` input set to the tools' schema (without its
 * root `$schema`): a manifest cannot point at a file, so it holds a copy, kept here in step with
 * the schema. Undefined when the manifest has no such tool. JSON.stringify with two spaces is the
 * manifest's own format, so nothing else in it changes.
 */
function manifestWithToolSchema(): string | undefined {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes?: { languageModelTools?: { name?: string; inputSchema?: { properties?: Json } }[] } };
  const properties = manifest.contributes?.languageModelTools?.find((tool) => tool.name === REPORT_TOOL)?.inputSchema?.properties;
  if (!properties || !('report' in properties)) return undefined;
  const { $schema: _reference, ...report } = toolJsonSchema();
  properties.report = report;
  return jsonText(manifest);
}

/** Every generated file and its text. Installs the Traditional table from l10n/ first. */
export function generatedFiles(): Record<string, string> {
  useTraditionalTable(JSON.parse(readFileSync(join(ROOT, 'l10n/zh-tw-table.json'), 'utf8')) as TraditionalTable);
  const files: Record<string, string> = {};
  for (const [lang, file] of Object.entries(SCHEMA_FILES) as [Lang, string][]) files[file] = jsonText(reportJsonSchema(lang));
  files[CORE_SCHEMA_FILE] = jsonText(toolJsonSchema());
  const manifest = manifestWithToolSchema();
  if (manifest !== undefined) files['package.json'] = manifest;
  return files;
}

/** The generated files whose committed text differs from what this script writes. */
export function staleFiles(files = generatedFiles()): string[] {
  return Object.entries(files)
    .filter(([file, text]) => {
      try {
        return readFileSync(join(ROOT, file), 'utf8') !== text;
      } catch {
        return true;
      }
    })
    .map(([file]) => file);
}

function main(): void {
  const check = process.argv.includes('--check');
  const files = generatedFiles();
  const stale = staleFiles(files);
  if (!check) for (const file of stale) writeFileSync(join(ROOT, file), files[file]!);
  const sizes = Object.values(SCHEMA_FILES).map((file) => `${Buffer.byteLength(files[file]!)} bytes`);
  console.log(
    `schemas: ${Object.keys(SCHEMA_FILES).join(', ')} (${sizes.join(', ')}); ` +
      (stale.length === 0 ? 'everything up to date' : `${check ? 'out of date' : 'wrote'}: ${stale.join(', ')}`),
  );
  if (check && stale.length > 0) process.exitCode = 1;
}

if (require.main === module) main();
