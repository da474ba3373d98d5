/**
 * The renderer's one way to talk to Loket: in the Electron window through the preload bridge
 * (`window.loket.api`), in a browser through the HTTP host (`POST /api/<call>`). Both answer with
 * an ApiResult; failures become ApiCallError with an Indonesian message and per-field messages.
 *
 * When a call of a logged-in user is refused because the session is gone (idle lock, expired),
 * the call waits: the app shows the lock overlay, and once the same user has typed the password
 * again the call is retried, so nothing on screen is lost.
 *
 * At a desk client whose register host is away (issue 8), a call answered HOST_UNREACHABLE waits
 * and is retried with backoff while a banner says so (lib/connection.ts). A save carries an
 * idempotency key, the same on every retry, so the host makes it once; when it was confirmed only
 * after the host came back, or could not be made at all, the banner says that too.
 */
import { contract, type CallInput, type CallName, type CallOutput } from '../../shared/api/contract';
import type { CallMeta, LoketBridge } from '../../shared/api/bridge';
import { IDEMPOTENCY_HEADER, usesIdempotencyKey } from '../../shared/api/effects';
import { reportHostAway, reportHostBack, reportNotice } from './lib/connection';
import { DEFAULT_MESSAGES, ERROR_CODES, type ApiErrorBody, type ApiResult, type ErrorCode } from '../../shared/api/errors';

declare global {
  interface Window {
    loket?: LoketBridge;
  }
}

export const OFFLINE_MESSAGE = 'Tidak dapat menghubungi Loket. Periksa apakah Loket masih berjalan.';
export const SAVED_AFTER_OUTAGE = 'Tersimpan (dikonfirmasi setelah host kembali).';
export const NOT_SAVED = 'Belum tersimpan: register di komputer host tidak dapat dihubungi. Isian Anda masih ada; coba simpan lagi.';

export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiCallError';
    this.code = body.code;
    this.fields = body.fields ?? {};
  }
}

/** Any thrown value → an ApiCallError, so screens can always show a message. */
export function asApiError(error: unknown): ApiCallError {
  if (error instanceof ApiCallError) return error;
  return new ApiCallError({ code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL });
}

const TOKEN_KEY = 'loket.sesi';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

let token: string | null = storage()?.getItem(TOKEN_KEY) ?? null;
const tokenListeners = new Set<() => void>();

export function getToken(): string | null {
  return token;
}

/** Called after every change of the token (login, logout, lock); returns the unsubscribe. */
export function onTokenChange(listener: () => void): () => void {
  tokenListeners.add(listener);
  return () => {
    tokenListeners.delete(listener);
  };
}

export function setToken(next: string | null): void {
  const changed = next !== token;
  token = next;
  if (changed) for (const l of tokenListeners) l();
  const store = storage();
  if (!store) return;
  if (next === null) store.removeItem(TOKEN_KEY);
  else store.setItem(TOKEN_KEY, next);
}

export function isElectron(): boolean {
  return typeof window !== 'undefined' && window.loket?.platform === 'electron';
}

/* ---------- session loss ---------- */

type AuthLostHandler = (error: ApiCallError) => void;
interface Waiter {
  resolve: () => void;
  reject: (error: ApiCallError) => void;
}

let authLostHandler: AuthLostHandler | null = null;
let waiters: Waiter[] = [];

/** Registered by the logged-in shell: called when a call needs the user to log in again. */
export function onAuthLost(handler: AuthLostHandler): () => void {
  authLostHandler = handler;
  return () => {
    if (authLostHandler === handler) authLostHandler = null;
  };
}

/** The user logged in again (new token set): retry the waiting calls. */
export function authRestored(): void {
  const pending = waiters;
  waiters = [];
  for (const w of pending) w.resolve();
}

/** The user logged out instead: the waiting calls fail with this error. */
export function authAbandoned(error: ApiCallError): void {
  const pending = waiters;
  waiters = [];
  for (const w of pending) w.reject(error);
}

function waitForLogin(error: ApiCallError): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    waiters.push({ resolve, reject });
    authLostHandler?.(error);
  });
}

/* ---------- transport ---------- */

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function readResult<T>(body: unknown): ApiResult<T> {
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    const b = body as { ok: unknown; value?: unknown; error?: unknown; replayed?: unknown };
    if (b.ok === true) return b.replayed === true ? { ok: true, value: b.value as T, replayed: true } : { ok: true, value: b.value as T };
    const e = b.error as { code?: unknown; message?: unknown; fields?: unknown } | undefined;
    if (e && isErrorCode(e.code)) {
      return {
        ok: false,
        error: {
          code: e.code,
          message: typeof e.message === 'string' ? e.message : DEFAULT_MESSAGES[e.code],
          fields: typeof e.fields === 'object' && e.fields !== null ? (e.fields as Record<string, string>) : undefined,
        },
      };
    }
  }
  return { ok: false, error: { code: 'INTERNAL', message: 'Jawaban Loket tidak dapat dibaca. Coba lagi.' } };
}

/** A fresh idempotency key for one save (kept across its retries). */
function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function send<N extends CallName>(name: N, input: CallInput<N>, used: string | null, key?: string): Promise<ApiResult<CallOutput<N>>> {
  const bridge = typeof window !== 'undefined' ? window.loket : undefined;
  if (bridge?.platform === 'electron') {
    try {
      const fn = bridge.api[name];
      const meta: CallMeta | undefined = key ? { idempotencyKey: key } : undefined;
      return readResult<CallOutput<N>>(await (meta ? fn(input, used, meta) : fn(input, used)));
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: OFFLINE_MESSAGE } };
    }
  }
  let response: Response;
  try {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (used) headers.Authorization = `Bearer ${used}`;
    if (key) headers[IDEMPOTENCY_HEADER] = key;
    response = await fetch(`/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: OFFLINE_MESSAGE } };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: response.status >= 500 ? OFFLINE_MESSAGE : 'Jawaban Loket tidak dapat dibaca. Coba lagi.' } };
  }
  return readResult<CallOutput<N>>(body);
}

export interface CallOptions {
  /** Default true: when the session is gone, wait for the user to log in again and retry. */
  retryAfterLogin?: boolean;
  /** How long to keep retrying while the register host is away (default: 2 min for a save, 30 s for a read). */
  hostAwayMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Makes one API call; resolves with its value or throws ApiCallError. */
export async function call<N extends CallName>(name: N, input: CallInput<N>, options: CallOptions = {}): Promise<CallOutput<N>> {
  const retry = options.retryAfterLogin ?? true;
  const key = usesIdempotencyKey(name) ? newKey() : undefined;
  const awayUntil = Date.now() + (options.hostAwayMs ?? (key ? 120_000 : 30_000));
  let interrupted = false;
  let wait = 1_000;
  for (;;) {
    const used = token;
    const result = await send(name, input, used, key);
    if (result.ok) {
      reportHostBack();
      if (interrupted && key) reportNotice(result.replayed ? SAVED_AFTER_OUTAGE : 'Tersimpan setelah host kembali.', 'success');
      else if (result.replayed) reportNotice(SAVED_AFTER_OUTAGE, 'success');
      return result.value;
    }
    if (result.error.code === 'HOST_UNREACHABLE') {
      // The desk's host is away: wait and try again with the same key (never a local copy).
      interrupted = true;
      reportHostAway();
      if (Date.now() + wait > awayUntil) {
        if (key) reportNotice(NOT_SAVED, 'error');
        throw new ApiCallError({ code: 'HOST_UNREACHABLE', message: key ? NOT_SAVED : result.error.message });
      }
      await sleep(wait);
      wait = Math.min(wait * 2, 10_000);
      continue;
    }
    reportHostBack();
    const error = new ApiCallError(result.error);
    const sessionGone = error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED';
    if (!retry || !sessionGone || contract[name].access === 'public' || authLostHandler === null) throw error;
    // The token was replaced while this call ran: simply try again with the new one.
    if (token !== null && token !== used) continue;
    await waitForLogin(error);
  }
}
