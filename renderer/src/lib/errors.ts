/** Field errors on the client, in the same shape the API sends (path → Indonesian message). */
import type { z } from 'zod';

const ENGLISH = /^(Invalid|Too |Expected|Unrecognized|Required)/;

export function zodFieldErrors(error: z.ZodError, prefix = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = prefix + (issue.path.map(String).join('.') || '_');
    if (fields[key]) continue;
    fields[key] = issue.message && !ENGLISH.test(issue.message) ? issue.message : 'Isian tidak sah.';
  }
  return fields;
}

/** The messages under one prefix, with the prefix removed ("office.city" → "city"). */
export function fieldsUnder(fields: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}
