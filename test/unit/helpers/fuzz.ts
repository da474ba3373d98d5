/**
 * Hostile input for the fuzz tests: random JSON values of every kind, values built against a call's
 * own input keys (so they get past the first check and reach the handler), strings that try paths,
 * markup, SQL and FTS syntax, unicode oddities, huge and deeply nested values, prototype-pollution
 * keys. Every value goes through JSON text first, as it does on the wire (NaN and Infinity become
 * null there; `__proto__` stays an own key).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import type { Db } from '../../../electron/core/db/register';

export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '../../etc/passwd',
  '..\\..\\..\\Windows\\System32\\config\\SAM',
  'C:\\Windows\\System32\\drivers\\etc\\hosts',
  '/dev/zero',
  'file:///etc/passwd',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "'; DROP TABLE letters; --",
  '" OR 1=1 --',
  '"*',
  '*',
  'NEAR(a b)',
  'AND OR NOT',
  '^x',
  '{{urut}}',
  '{urut:999999999}',
  '%s%s%n',
  '\u202Efdp.exe',
  '\uD800',
  '\uDFFF\uD800',
  '\uFEFF\u200B\u200D',
  'e\u0301\u0301\u0301\u0301',
  'ǅ𝕷𝖔𝖐𝖊𝖙🙂',
  'İıŞş',
  '__proto__',
  'constructor',
  'toString',
  '1e309',
  '-0',
  'NaN',
  '2026-02-30',
  '2026-13-01T25:61',
  '9999-12-31T23:59',
  '0000-00-00',
  'Asia/Jakarta\n',
  'a'.repeat(100_000),
  '漢'.repeat(20_000),
];

export const NASTY_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '', ' ', 'id', 'ok'];

const numbers = fc.oneof(
  fc.integer(),
  fc.integer({ min: -5, max: 5 }),
  fc.double(),
  fc.constantFrom(-1, 0, -0, 1, 2 ** 31, 2 ** 53 + 1, -(2 ** 53) - 1, 1e308, -1e308, 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
);

const strings = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) }, fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

/** A JSON value, as text (objects written by hand so that "__proto__" is an ordinary key). */
export const hostileJson: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    strings.map((s) => JSON.stringify(s)),
    numbers.map((n) => JSON.stringify(n)),
    fc.boolean().map(String),
    fc.constant('null'),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...NASTY_KEYS), fc.string()), tie('value')), { maxLength: 4 })
      .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).value;

/** Deep nesting: an array or object thousands of levels deep, in a field or at the top. */
export const deepJson: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 500, max: 5000 }), fc.boolean())
  .map(([depth, array]) => (array ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));

/** The top-level keys a call's input schema names (through unions too). */
export function inputKeys(schema: z.ZodType): string[] {
  const keys = new Set<string>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { properties?: Record<string, unknown>; anyOf?: unknown[]; oneOf?: unknown[]; allOf?: unknown[] };
    for (const k of Object.keys(n.properties ?? {})) keys.add(k);
    for (const list of [n.anyOf, n.oneOf, n.allOf]) for (const item of list ?? []) visit(item);
  };
  try {
    visit(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
  } catch {
    // a schema JSON Schema cannot describe: random values only
  }
  return [...keys];
}

/** Input for one call: random JSON, an object with the call's keys holding hostile values, or deep nesting. */
export function hostileInput(keys: string[]): fc.Arbitrary<unknown> {
  const withKeys =
    keys.length === 0
      ? hostileJson
      : fc
          .array(fc.tuple(fc.constantFrom(...keys, ...NASTY_KEYS), fc.oneof({ weight: 5, arbitrary: hostileJson }, { weight: 1, arbitrary: deepJson })), {
            minLength: 1,
            maxLength: keys.length + 2,
          })
          .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
  return fc
    .oneof({ weight: 2, arbitrary: hostileJson }, { weight: 5, arbitrary: withKeys }, { weight: 1, arbitrary: deepJson })
    .map((text) => JSON.parse(text) as unknown);
}

/** Tables a failed call may still write by design. */
const WRITTEN_ON_FAILURE = new Set(['login_failures']);

/** A digest of every row of every table (FTS shadow tables included), for "nothing was written". */
export function registerDigest(db: Db): string {
  const hash = crypto.createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    if (WRITTEN_ON_FAILURE.has(table)) continue;
    hash.update(`\n#${table}\n`);
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate() as IterableIterator<unknown[]>) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('base64') : v)));
    }
  }
  return hash.digest('hex');
}

/** Every file under the data folder except the register itself, with its size. */
export function filesDigest(dataDir: string): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (!entry.name.startsWith('loket.sqlite')) out.push(`${path.relative(dataDir, p)}:${fs.statSync(p).size}`);
    }
  };
  walk(dataDir);
  return out.sort().join('\n');
}

/** English words that would give away an untranslated message (zod's or Node's defaults). */
const ENGLISH = /\b(invalid|expected|required|received|must|should|cannot|undefined|unexpected|failed|error|is not|too (big|small)|unrecognized)\b/i;

/**
 * Whether a message reads as Indonesian. A tool's own output quoted in parentheses after the
 * Indonesian sentence (a scanner's error, for the IT staff) is allowed.
 */
export function isIndonesianMessage(message: unknown): boolean {
  if (typeof message !== 'string' || message.trim().length === 0) return false;
  return !ENGLISH.test(message.replace(/\([^()]*\)/g, ''));
}

// ---------------------------------------------------------------------------------------------
// Input shaped by the call's own schema, so it gets past validation and reaches the handler and
// the register, with hostile content where the schema allows it (and a hostile value now and then
// where it does not).

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
}

/** Known-good values for fields whose rule the JSON Schema cannot carry (dates, codes, hashes). */
function byName(name: string, existing: { sha256: string[] }): fc.Arbitrary<unknown> | null {
  if (/sha256$/i.test(name)) return fc.oneof(fc.constantFrom(...existing.sha256, 'a'.repeat(64)), fc.stringMatching(/^[0-9a-f]{64}$/));
  if (/^(letterDate|date|from|to)$/.test(name)) return fc.constantFrom('2026-11-20', '2026-01-01', '2025-12-31', '2026-02-29', '1900-01-01', '2999-12-31');
  if (/At$/.test(name)) return fc.constantFrom('2026-11-20T09:00', '2026-11-23T08:30', '2025-12-31T23:59', null);
  if (name === 'classificationCode') return fc.constantFrom('500.12', '000', '999.99');
  if (name === 'dataBase64') return fc.constantFrom('JVBERi0xLjQKJSVFT0YK', 'iVBORw0KGgo=', '////', '', 'bm90IGEgZmlsZQ==', '%%%');
  if (name === 'username') return fc.constantFrom('frontdesk', 'admin', 'pengguna.baru', 'Ad', '../x');
  if (name === 'stepId') return fc.constantFrom('a2', 'a3', 'a4', 'c5', 'x', '__proto__');
  if (name === 'timeZone') return fc.constantFrom('Asia/Jakarta', 'Asia/Makassar', 'Europe/Berlin');
  if (name === 'agendaFormat' || name === 'numberFormat') return fc.constantFrom('{urut}/{kode}/{tahun}', '{urut:3}/{tahun}', '{x}', '');
  return null;
}

function fromSchema(schema: JsonSchema, name: string, depth: number, existing: { sha256: string[] }): fc.Arbitrary<unknown> {
  const named = byName(name, existing);
  const hostile = hostileJson.map((t) => JSON.parse(t) as unknown);
  const pickUnion = schema.anyOf ?? schema.oneOf;
  let base: fc.Arbitrary<unknown>;
  if (named) base = named;
  else if (pickUnion && pickUnion.length > 0) base = fc.oneof(...pickUnion.map((s) => fromSchema(s, name, depth, existing)));
  else if (schema.const !== undefined) base = fc.constant(schema.const);
  else if (schema.enum) base = fc.constantFrom(...schema.enum);
  else {
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'string': {
        const max = schema.maxLength ?? 300;
        const min = schema.minLength ?? 0;
        const fit = (s: string) => (s.length > max ? s.slice(0, max) : s.length < min ? s.padEnd(min, 'x') : s);
        let matching: fc.Arbitrary<string> | null = null;
        try {
          if (schema.pattern) matching = fc.stringMatching(new RegExp(schema.pattern)).map(fit);
        } catch {
          matching = null;
        }
        base = matching
          ? fc.oneof(matching, fc.constantFrom(...NASTY_STRINGS).map(fit))
          : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS).map(fit) }, fc.string({ maxLength: Math.min(max, 40) }).map(fit));
        break;
      }
      case 'integer':
      case 'number': {
        const lo = Math.ceil(schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000));
        const hi = Math.floor(Math.max(lo, Math.min(schema.maximum ?? 1e6, 2 ** 31)));
        base = fc.oneof(fc.constantFrom(lo, hi, 1, 2, 3, 4, 5).filter((n) => n >= lo && n <= hi), fc.integer({ min: Math.max(lo, -(2 ** 31)), max: hi }));
        break;
      }
      case 'boolean':
        base = fc.boolean();
        break;
      case 'null':
        base = fc.constant(null);
        break;
      case 'array':
        base =
          depth > 4 || !schema.items
            ? fc.constant([])
            : fc.array(fromSchema(schema.items, name, depth + 1, existing), {
                minLength: schema.minItems ?? 0,
                maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
              });
        break;
      case 'object': {
        const props = Object.entries(schema.properties ?? {});
        if (depth > 4 || props.length === 0) {
          base = fc.constant({});
          break;
        }
        const required = new Set(schema.required ?? []);
        base = fc
          .tuple(...props.map(([key, s]) => fc.tuple(fc.constant(key), fromSchema(s, key, depth + 1, existing), fc.boolean())))
          .map((entries) => {
            const text = entries
              .filter(([key, , keep]) => keep || required.has(key))
              .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`)
              .join(',');
            return JSON.parse(`{${text}}`) as unknown;
          });
        break;
      }
      default:
        base = hostile;
    }
  }
  // Now and then a value the schema does not allow at all.
  return fc.oneof({ weight: 12, arbitrary: base }, { weight: 1, arbitrary: hostile });
}

/** Input built from the call's input schema, with hostile content where it fits. */
export function schemaInput(schema: z.ZodType, existing: { sha256: string[] }): fc.Arbitrary<unknown> {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return hostileJson.map((t) => JSON.parse(t) as unknown);
  }
  return fromSchema(json, '', 0, existing);
}

