/**
 * Hostile input against every call of the API contract, through the dispatcher (property-based,
 * fast-check, fixed seeds so a failure repeats): random JSON of every kind, objects with the call's
 * own keys holding wrong types, huge and deeply nested values, path tricks, markup, SQL and FTS
 * syntax, unicode oddities, NaN/Infinity (null on the wire), negative ids, prototype-pollution
 * keys; with no session, a forged token, and the tokens of every role. What must hold:
 * - the dispatcher never throws and answers `{ok: false, error}` with a known code and an
 *   Indonesian message — never INTERNAL for bad input;
 * - a failed call writes nothing: every row of every table and every file in the data folder are
 *   as they were;
 * - nothing reaches Object.prototype.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { handlers } from '../../electron/core/api/handlers';
import { login, resolveSession } from '../../electron/core/services/auth';
import { registerLetter } from '../../electron/core/services/letters';
import { saveUser } from '../../electron/core/services/office';
import { createScanServices, NoScannerDriver } from '../../electron/core/scan';
import { CALL_NAMES, contract, type CallName } from '../../shared/api/contract';
import { ERROR_CODES, type ApiResult } from '../../shared/api/errors';
import { ROLES, roleAllowed, type Role } from '../../shared/api/roles';
import { LetterInputSchema, UserInputSchema } from '../../shared/api/schemas';
import { createTestOffice, type TestOffice } from './helpers/core';
import { filesDigest, hostileInput, inputKeys, isIndonesianMessage, registerDigest, schemaInput } from './helpers/fuzz';
import { makePng } from './helpers/png';

/** Calls that start work outside the register when they succeed (a scanner, OCR, an import job, a LAN listener, a watched folder). */
const OUTSIDE_WORK = new Set(['scan.start', 'ocr.start', 'import.start', 'import.commit', 'lan.settings.save', 'scan.folder.save', 'print.document']);
/** Runs per call: random hostile values, and values shaped by the call's schema (they reach the handler). */
const RUNS = Number(process.env.LOKET_FUZZ_RUNS ?? 10);
const SCHEMA_RUNS = Number(process.env.LOKET_FUZZ_SCHEMA_RUNS ?? 20);
const existing = { sha256: [] as string[] };
const PASSWORD = 'kata-sandi-1';

let office: TestOffice;
const tokens = new Map<Role, string>();
let digest = '';
let files = '';
/** With LOKET_FUZZ_REPORT=1: how far the hostile input got, per call (codes seen, time). */
const report = new Map<string, { codes: Record<string, number>; ms: number }>();

function usernameOf(role: Role): string {
  return role === 'admin' ? 'admin' : role.replace('_', '');
}

/** Every role keeps a working session (a fuzzed call may have ended one, or changed the user). */
function ensureTokens(): void {
  const db = office.core.db;
  for (const role of ROLES) {
    const token = tokens.get(role);
    if (token) {
      try {
        if (resolveSession(db, token, office.core.now()).role === role) continue;
      } catch {
        // ended or changed: log in again below
      }
    }
    try {
      tokens.set(role, login(db, usernameOf(role), role === 'admin' ? 'rahasia-admin-1' : PASSWORD, office.core.now()).token);
    } catch {
      const id = role === 'admin' ? office.adminId : office.userIds[role];
      saveUser(db, UserInputSchema.parse({ id, username: usernameOf(role), fullName: `Pengguna ${role}`, role, password: role === 'admin' ? 'rahasia-admin-1' : PASSWORD }), office.core.now());
      tokens.set(role, login(db, usernameOf(role), role === 'admin' ? 'rahasia-admin-1' : PASSWORD, office.core.now()).token);
    }
  }
  digest = registerDigest(db);
  files = filesDigest(office.dataDir);
}

beforeAll(async () => {
  office = await createTestOffice();
  // No scanner on the test machine to wait for (SANE lists devices for seconds); the rest is the real thing.
  const { db, files: store, resourcesDir, now } = office.core;
  office.core.scan = createScanServices({ db, files: store, resourcesDir, now, driver: new NoScannerDriver(), log: () => undefined });
  for (let i = 0; i < 3; i++) {
    registerLetter(
      office.core.db,
      LetterInputSchema.parse({
        senderName: 'Dinas Pendidikan',
        letterNumber: `005/${i}/Disdik/2026`,
        letterDate: '2026-11-20',
        subject: `Permohonan hosting aplikasi PPDB ${i}`,
        nature: 'biasa',
        classificationCode: '500.12',
        service: i === 2 ? 'lainnya' : 'hosting',
      }),
      office.userIds.front_desk,
      office.core.now(),
    );
  }
  existing.sha256.push(office.core.files.put(makePng(4, 4)).sha256);
  ensureTokens();
}, 60_000);

afterAll(() => {
  office.core.db.close();
  if (process.env.LOKET_FUZZ_REPORT) for (const [name, r] of report) console.log(name.padEnd(36), r.ms.toFixed(0).padStart(6), 'ms', JSON.stringify(r.codes));
});

function who(name: CallName): fc.Arbitrary<string | null> {
  const access = contract[name].access;
  const allowed = ROLES.filter((r) => roleAllowed(access, r));
  const others = ROLES.filter((r) => !roleAllowed(access, r));
  return fc.noBias(fc.oneof(
    { weight: 6, arbitrary: allowed.length > 0 ? fc.constantFrom(...allowed).map((r) => tokens.get(r) ?? null) : fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom<string | null>(null, 'token-palsu', '', 'x'.repeat(5000), '../../etc/passwd', '\u0000') },
    { weight: 1, arbitrary: others.length > 0 ? fc.constantFrom(...others).map((r) => tokens.get(r) ?? null) : fc.constant(null) },
  ));
}

describe('every API call under hostile input', () => {
  for (const name of CALL_NAMES) {
    it(`${name}: a clear refusal, no crash, nothing written`, async () => {
      const keys = inputKeys(contract[name].input);
      const seed = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);
      let lastLog = '';
      const check = async (input: unknown, token: string | null) => {
        let result: ApiResult<unknown>;
        lastLog = '';
        const started = performance.now();
        try {
          const answer = dispatch(office.core, handlers, name, input, token, { log: (m) => (lastLog = m) });
          let timer: NodeJS.Timeout | undefined;
          const late = new Promise<never>((_resolve, reject) => {
            timer = setTimeout(() => reject(new Error(`${name} tidak menjawab dalam 15 detik untuk ${JSON.stringify(input).slice(0, 300)}`)), 15_000);
          });
          try {
            result = await Promise.race([answer, late]);
          } finally {
            clearTimeout(timer);
          }
        } catch (error) {
          throw new Error(`dispatch melempar galat: ${String(error)}`);
        }
        if (process.env.LOKET_FUZZ_DEBUG && !result.ok && result.error.code === 'UNAUTHENTICATED' && token && [...tokens.values()].includes(token)) console.log('UNAUTH with live token', name, result.error.message, JSON.stringify(input).slice(0, 80));
        const seen = report.get(name) ?? { codes: {}, ms: 0 };
        const code = result.ok ? 'ok' : result.error.code;
        seen.codes[code] = (seen.codes[code] ?? 0) + 1;
        seen.ms += performance.now() - started;
        report.set(name, seen);
        if (result.ok) {
          // Bad-looking input that was valid after all (an empty filter, a hostile but allowed name).
          if (OUTSIDE_WORK.has(name)) await new Promise((r) => setTimeout(r, 10));
          ensureTokens();
          return;
        }
        const { message } = result.error;
        expect(ERROR_CODES).toContain(code);
        expect(code, `${name} → INTERNAL: ${lastLog.slice(0, 1500)}`).not.toBe('INTERNAL');
        expect(isIndonesianMessage(message), `pesan bukan bahasa Indonesia: ${message}`).toBe(true);
        for (const m of Object.values(result.error.fields ?? {})) expect(isIndonesianMessage(m), `pesan kolom: ${m}`).toBe(true);
        if (registerDigest(office.core.db) !== digest) throw new Error(`${name} gagal (${code}) tetapi register berubah`);
        const nowFiles = filesDigest(office.dataDir);
        if (nowFiles !== files) {
          const before = new Set(files.split('\n'));
          const after = new Set(nowFiles.split('\n'));
          throw new Error(`${name} gagal (${code}) tetapi folder data berubah: +${[...after].filter((f) => !before.has(f)).join(', ')} −${[...before].filter((f) => !after.has(f)).join(', ')}`);
        }
      };
      await fc.assert(fc.asyncProperty(hostileInput(keys), who(name), check), { numRuns: RUNS, seed, endOnFailure: true });
      await fc.assert(fc.asyncProperty(schemaInput(contract[name].input, existing), who(name), check), { numRuns: SCHEMA_RUNS, seed: seed + 1, endOnFailure: true });
    }, 60_000);
  }

  it('unknown call names, hostile ones included, are refused the same way', async () => {
    for (const name of ['', 'constructor', '__proto__', 'toString', 'letters.search.', '../../etc/passwd', 'x'.repeat(10_000), 'hasOwnProperty']) {
      const result = await dispatch(office.core, handlers, name, {}, tokens.get('admin') ?? null);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('UNKNOWN_CALL');
        expect(result.error.message.length).toBeLessThan(200);
      }
    }
  });

  it('leaves Object.prototype alone', () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
