/**
 * The single entry for every API call, whichever way it arrives (Electron IPC, HTTP on this
 * computer, HTTPS from a paired desk): find the call in the contract, resolve the session, check
 * the role, validate the input, run the handler, check the output, and turn every failure into a
 * typed error with an Indonesian message.
 *
 * For several desks (issue 8) it also: runs the call on behalf of the desk it came from (sessions
 * are bound to their desk; audit rows name it); makes a save that carries an idempotency key
 * happen at most once (the handler and the stored answer commit in one transaction, and a retry
 * with the same key gets the stored answer, `replayed: true`); and publishes a change event after
 * every call that changed the register.
 */
import { z } from 'zod';
import { ApiError, DEFAULT_MESSAGES, type ApiResult } from '../../../shared/api/errors';
import { contract, isCallName, type CallInputParsed, type CallName, type CallOutput } from '../../../shared/api/contract';
import { changeEventFor, usesIdempotencyKey, type ChangeEvent } from '../../../shared/api/effects';
import { roleAllowed } from '../../../shared/api/roles';
import type { User } from '../../../shared/api/schemas';
import type { CoreContext } from '../context';
import { resolveSession } from '../services/auth';
import { auditScope } from '../services/audit';
import { findIdempotentResult, pruneIdempotencyKeys, storeIdempotentResult, type StoredResult } from '../services/lan';
import { RegisterTooNewError, type Db } from '../db/register';

export interface Caller {
  user: User | null;
  token: string | null;
  /** The paired desk the call came from over the LAN; null: this computer (app, local browser). */
  deskId: string | null;
  /** The network address of a LAN caller. */
  remoteAddress: string | null;
}

export type Handler<N extends CallName> = (
  ctx: CoreContext,
  input: CallInputParsed<N>,
  caller: Caller,
) => CallOutput<N> | Promise<CallOutput<N>>;

export type Handlers = { [N in CallName]: Handler<N> };

/** zod issues → field path → Indonesian message (the schemas carry their own messages). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (fields[key]) continue;
    fields[key] = indonesianIssue(issue);
  }
  return fields;
}

function indonesianIssue(issue: z.core.$ZodIssue): string {
  // Messages written in the schemas are already Indonesian; zod's own defaults are English.
  if (issue.message && !/^(Invalid|Too |Expected|Unrecognized|Required)/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Wajib diisi.' : 'Jenis isian tidak sesuai.';
    case 'too_small':
      return 'Isian terlalu pendek atau terlalu kecil.';
    case 'too_big':
      return 'Isian terlalu panjang atau terlalu besar.';
    case 'unrecognized_keys':
      return `Kolom tidak dikenal: ${issue.keys.join(', ')}.`;
    case 'invalid_value':
      return 'Pilihan tidak sah.';
    default:
      return 'Isian tidak sah.';
  }
}

export interface DispatchOptions {
  /** Print unexpected errors (never the input: it may hold passwords). */
  log?: (message: string) => void;
  /** The paired desk the call came from (the LAN listener checked its credential). */
  deskId?: string | null;
  remoteAddress?: string | null;
  /** A save's idempotency key (X-Loket-Idempotency): a retry with the same key is answered from the register. */
  idempotencyKey?: string | null;
  /** Called after a call that changed the register. */
  onChange?: (event: ChangeEvent) => void;
  /** Tests of a host killed mid-save only: keep a keyed save's transaction open this long before commit. */
  holdBeforeCommitMs?: number;
}

const totalChangesStatements = new WeakMap<Db, { get: () => unknown }>();

/** SQLite's count of rows changed on this connection: the register changed iff it moved. */
function totalChanges(db: Db): number {
  let statement = totalChangesStatements.get(db);
  if (!statement) {
    statement = db.prepare('SELECT total_changes()').pluck();
    totalChangesStatements.set(db, statement);
  }
  return Number(statement.get());
}

/** Thrown inside the keyed transaction to roll it back when the handler turned out to be asynchronous. */
class NeedsAsyncPath extends Error {}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function isAsyncFunction(fn: unknown): boolean {
  return typeof fn === 'function' && fn.constructor?.name === 'AsyncFunction';
}

function holdFor(ms: number): void {
  // A synchronous wait inside the open transaction (only for the kill test).
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export async function dispatch(
  ctx: CoreContext,
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  token: string | null,
  options: DispatchOptions = {},
): Promise<ApiResult<unknown>> {
  try {
    if (!isCallName(name)) throw new ApiError('UNKNOWN_CALL', `Perintah "${name.slice(0, 60)}" tidak dikenal.`);
    const spec = contract[name];
    const deskId = options.deskId ?? null;
    let user: User | null = null;
    if (token) {
      try {
        user = resolveSession(ctx.db, token, ctx.now(), deskId);
      } catch (error) {
        if (spec.access !== 'public') throw error;
      }
    }
    if (spec.access !== 'public' && user === null) throw new ApiError('UNAUTHENTICATED', DEFAULT_MESSAGES.UNAUTHENTICATED);
    if (!roleAllowed(spec.access, user?.role ?? null)) {
      throw new ApiError('FORBIDDEN', 'Peran Anda tidak berwenang melakukan tindakan ini.');
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      const first = Object.values(fields)[0];
      throw new ApiError('INVALID_INPUT', first ?? DEFAULT_MESSAGES.INVALID_INPUT, fields);
    }
    const handler = handlers[name] as Handler<CallName>;
    const caller: Caller = { user, token, deskId, remoteAddress: options.remoteAddress ?? null };
    const key = options.idempotencyKey && usesIdempotencyKey(name) ? options.idempotencyKey : null;
    const userId = user?.id ?? null;
    const replay = (stored: StoredResult): ApiResult<unknown> => {
      if (stored.call !== name || stored.deskId !== deskId || stored.userId !== userId) {
        throw new ApiError('CONFLICT', 'Kunci pengulangan ini sudah dipakai untuk permintaan lain. Data Anda belum disimpan.');
      }
      return { ok: true, value: stored.value, replayed: true };
    };
    const checkOutput = (value: unknown): unknown => {
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        options.log?.(`Keluaran ${name} tidak sesuai kontrak: ${checked.error.message}`);
        throw new ApiError('INTERNAL', DEFAULT_MESSAGES.INTERNAL);
      }
      return checked.data;
    };
    const run = () => auditScope.run({ deskId }, () => handler(ctx, parsed.data as CallInputParsed<CallName>, caller));
    if (key) pruneIdempotencyKeys(ctx.db, ctx.now());
    const before = totalChanges(ctx.db);
    let value: unknown;
    // Look up the key, make the change and store its answer in one transaction: a retry finds
    // the answer, or finds nothing because nothing was committed. Handlers that await (PDFs)
    // cannot run inside a better-sqlite3 transaction; they take the path below.
    const keyedTransaction = (keyValue: string) =>
      ctx.db
        .transaction((): { stored: StoredResult } | { value: unknown } => {
          const stored = findIdempotentResult(ctx.db, keyValue);
          if (stored) return { stored };
          const result = run();
          // A handler that returns a promise without being declared async cannot finish inside
          // this synchronous transaction: undo what it did so far and run it on the async path.
          if (isThenable(result)) {
            result.then(undefined, () => undefined);
            throw new NeedsAsyncPath();
          }
          const out = checkOutput(result);
          if (totalChanges(ctx.db) !== before) storeIdempotentResult(ctx.db, keyValue, name, deskId, userId, out, ctx.now());
          if (options.holdBeforeCommitMs) {
            options.log?.(`Uji: transaksi ${name} ditahan ${options.holdBeforeCommitMs} ms sebelum commit.`);
            holdFor(options.holdBeforeCommitMs);
          }
          return { value: out };
        })
        .immediate();
    let outcome: { stored: StoredResult } | { value: unknown } | null = null;
    if (key && !isAsyncFunction(handler)) {
      try {
        outcome = keyedTransaction(key);
      } catch (error) {
        if (!(error instanceof NeedsAsyncPath)) throw error;
      }
    }
    if (outcome) {
      if ('stored' in outcome) return replay(outcome.stored);
      value = outcome.value;
    } else {
      const stored = key ? findIdempotentResult(ctx.db, key) : null;
      if (stored) return replay(stored);
      value = checkOutput(await run());
      if (key && totalChanges(ctx.db) !== before) {
        try {
          storeIdempotentResult(ctx.db, key, name, deskId, userId, value, ctx.now());
        } catch (error) {
          options.log?.(`Kunci pengulangan ${name} tidak tersimpan: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    if (totalChanges(ctx.db) !== before && options.onChange) {
      try {
        options.onChange(changeEventFor(name, parsed.data, value));
      } catch (error) {
        options.log?.(`Kabar perubahan gagal dikirim: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    if (error instanceof RegisterTooNewError) return { ok: false, error: { code: 'INTERNAL', message: error.message } };
    const sqliteBusy = error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('SQLITE_BUSY');
    if (sqliteBusy) {
      return { ok: false, error: { code: 'CONFLICT', message: 'Register sedang dipakai meja lain. Coba lagi sebentar; data Anda belum disimpan.' } };
    }
    options.log?.(`Galat tak terduga pada ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };
  }
}
