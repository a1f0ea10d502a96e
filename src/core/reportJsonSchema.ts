/**
 * The JSON Schema (draft-07, English) of a report, generated from the zod report schema by
 * schemas/build.ts (`npm run build`; a unit test fails when this copy is stale), for anything that
 * hands a report's shape to another program: the language-model tool's input schema. A committed
 * JSON file rather than `z.toJSONSchema` at run time, which would bundle zod's converter.
 *
 * Editors get the fuller schemas/card-report.schema*.json (country names, error messages, one file
 * per language); this one leaves those out. Validate with `parseReport`, not with this schema:
 * the schema describes a report as the tools write it, and `parseReport` also reads looser input
 * (`cn`, `6214 8300`, `06/28`) and masks card numbers in free text.
 */
import schema from './reportJsonSchema.json';

/** The report's JSON Schema, English, draft-07: one object, shared; do not modify it. */
export const REPORT_JSON_SCHEMA: Readonly<Record<string, unknown>> = schema;
