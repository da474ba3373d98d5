/**
 * The single entry for every API call, whichever way it arrives (Electron IPC or HTTP): find the
 * call in the contract, resolve the session, check the role, validate the input, run the handler,
 * check the output, and turn every failure into a typed error with an Indonesian message.
 */
import { z } from 'zod';
import { ApiError, DEFAULT_MESSAGES, type ApiResult } from '../../../shared/api/errors';
import { contract, isCallName, type CallInputParsed, type CallName, type CallOutput } from '../../../shared/api/contract';
import { roleAllowed } from '../../../shared/api/roles';
import type { User } from '../../../shared/api/schemas';
import type { CoreContext } from '../context';
import { resolveSession } from '../services/auth';
import { RegisterTooNewError } from '../db/register';

export interface Caller {
  user: User | null;
  token: string | null;
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
    let user: User | null = null;
    if (token) {
      try {
        user = resolveSession(ctx.db, token, ctx.now());
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
    const value = await handler(ctx, parsed.data as CallInputParsed<CallName>, { user, token });
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      options.log?.(`Keluaran ${name} tidak sesuai kontrak: ${checked.error.message}`);
      throw new ApiError('INTERNAL', DEFAULT_MESSAGES.INTERNAL);
    }
    return { ok: true, value: checked.data };
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
