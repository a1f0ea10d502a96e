import { parseReport, type Report } from '../src/core/report';

/** A report through the schema, as every caller gets one; a fixture the schema refuses is a broken test. */
export function validReport(input: unknown): Report {
  const parsed = parseReport(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.report;
}
