/** Writes docs/API.md from the contract: every call, who may make it, and its input and output. */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { contract, CALL_NAMES } from '../shared/api/contract';
import { ERROR_CODES, DEFAULT_MESSAGES } from '../shared/api/errors';
import { ROLE_LABELS } from '../shared/api/roles';

function access(a: (typeof contract)[keyof typeof contract]['access']): string {
  if (a === 'public') return 'siapa saja (tanpa masuk)';
  if (a === 'user') return 'semua pengguna yang masuk';
  return a.map((r) => `${r} (${ROLE_LABELS[r]})`).join(', ');
}

function schema(s: z.ZodType, io: 'input' | 'output'): string {
  const json = z.toJSONSchema(s, { io, unrepresentable: 'any' });
  delete (json as { $schema?: string }).$schema;
  return '```json\n' + JSON.stringify(json, null, 2) + '\n```';
}

export function renderApiDoc(): string {
  const lines: string[] = [
    '# Loket API',
    '',
    'Generated from `shared/api/contract.ts` by `npm run docs:api`; do not edit by hand.',
    '',
    'Every call is `POST /api/<name>` on the HTTP host with a JSON body (the input) and',
    '`Authorization: Bearer <token>` from `auth.login`; in the Electron app the same call is',
    '`window.loket.api[<name>](input, token)`. Every answer is `{ "ok": true, "value": … }` or',
    '`{ "ok": false, "error": { "code", "message", "fields"? } }` with the message in Bahasa Indonesia.',
    '',
    '## Error codes',
    '',
    '| code | default message |',
    '| --- | --- |',
    ...ERROR_CODES.map((c) => `| ${c} | ${DEFAULT_MESSAGES[c]} |`),
    '',
    '## Calls',
    '',
    '| call | who | what |',
    '| --- | --- | --- |',
    ...CALL_NAMES.map((n) => `| [\`${n}\`](#${n.replaceAll('.', '').toLowerCase()}) | ${access(contract[n].access)} | ${contract[n].summary} |`),
    '',
  ];
  for (const name of CALL_NAMES) {
    const spec = contract[name];
    lines.push(`### ${name}`, '', spec.summary, '', `Who: ${access(spec.access)}`, '', 'Input:', '', schema(spec.input, 'input'), '', 'Output:', '', schema(spec.output, 'output'), '');
  }
  return lines.join('\n');
}

export const API_DOC_PATH = path.resolve('docs', 'API.md');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  fs.mkdirSync(path.dirname(API_DOC_PATH), { recursive: true });
  fs.writeFileSync(API_DOC_PATH, renderApiDoc());
  console.log(`Ditulis: ${path.relative(process.cwd(), API_DOC_PATH)}`);
}
