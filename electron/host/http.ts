/**
 * The HTTP host: the same handlers as the Electron app, bound to `POST /api/<call>` with JSON in and
 * out, plus the built renderer as static files, so a browser on this computer runs the same desk.
 * Binds 127.0.0.1 unless told otherwise.
 *
 * Several desks (issue 8) use the same request listener in two more ways:
 * - the LAN listener (electron/host/lan.ts) wraps it in an HTTPS server with `lan: true`: every
 *   call except `setup.status` and `lan.pair` needs a paired desk's `X-Loket-Desk` credential, and
 *   the calls that run at the desk (printing, preferences) and the static files are not served;
 * - a desk client (`serve --remote`) passes its own `call` (electron/host/remote.ts) that forwards
 *   to the host over pinned HTTPS, so the desk's browser talks to it exactly as to a host.
 * `GET /api/events` streams the register's change events (Server-Sent Events; the token in the
 * Authorization header or `?token=`, since EventSource cannot set headers).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { ApiErrorBody, ApiResult, ErrorCode } from '../../shared/api/errors';
import { DESK_HEADER, IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_PATTERN, isDeskLocalCall, isLanOpenCall, type ChangeEvent } from '../../shared/api/effects';
import type { CoreContext } from '../core/context';
import { dispatch, type Handlers } from '../core/api/dispatch';
import type { ChangeHub } from '../core/api/events';
import { resolveSession } from '../core/services/auth';
import { verifyDeskCredential } from '../core/services/lan';
import { ApiError } from '../../shared/api/errors';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';

/** Base64 of a 25 MiB scan plus JSON around it. */
const MAX_BODY_BYTES = 36 * 1024 * 1024;
/** A comment line on every open event stream this often, so idle connections stay open and dead ones are noticed. */
const EVENT_PING_MS = 25_000;

export const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNSUPPORTED_FILE: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  DESK_REFUSED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_CALL: 404,
  CONFLICT: 409,
  ALREADY_SET_UP: 409,
  NOT_SET_UP: 409,
  TOO_LARGE: 413,
  TOO_MANY_ATTEMPTS: 429,
  PRINT_FAILED: 502,
  HOST_UNTRUSTED: 502,
  HOST_UNREACHABLE: 503,
  INTERNAL: 500,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** One API call as it arrived. */
export interface CallRequest {
  name: string;
  input: unknown;
  token: string | null;
  /** The paired desk (LAN listener only). */
  deskId: string | null;
  remoteAddress: string | null;
  idempotencyKey: string | null;
}

export type CallFn = (request: CallRequest) => Promise<ApiResult<unknown>>;

/** Where the change events come from: this register's hub, or the host (for a desk client). */
export interface EventFeed {
  open(token: string | null, deskId: string | null, listener: (event: ChangeEvent) => void, onEnd: () => void): Promise<{ close: () => void } | ApiErrorBody>;
}

export interface HttpHostOptions {
  /** The register this host serves (with `handlers`); or give `call` (a desk client's proxy). */
  core?: CoreContext;
  handlers?: Handlers;
  call?: CallFn;
  /** The register's change hub (with `core`), or another feed of change events. */
  events?: ChangeHub | EventFeed;
  /** The built renderer (dist/renderer); null: no static files. */
  staticDir: string | null;
  log?: (message: string) => void;
  /** The LAN listener: paired desks only (see above). */
  lan?: boolean;
  /** Tests of a host killed mid-save only (LOKET_TEST_HOLD_*_MS). */
  holdBeforeCommitMs?: number;
  holdBeforeReplyMs?: number;
}

function securityHeaders(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

function sendJson(res: http.ServerResponse, status: number, body: ApiResult<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function errorResult(error: ApiErrorBody): ApiResult<unknown> {
  return { ok: false, error };
}

/**
 * The request body, up to MAX_BODY_BYTES. A larger body is read to its end and thrown away, so the
 * sender gets the 413 answer instead of a connection cut mid-upload; past four times the limit
 * the connection is cut after all.
 */
function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 4 * MAX_BODY_BYTES) {
        reject(new Error('too-large'));
        req.destroy();
        return;
      }
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new Error('too-large')) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function bearer(req: http.IncomingMessage, url: URL | null): string | null {
  const auth = header(req, 'authorization') ?? '';
  if (auth.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  return url?.searchParams.get('token')?.trim() || null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const DESK_REFUSED_BODY: ApiErrorBody = {
  code: 'DESK_REFUSED',
  message: 'Meja ini belum dipasangkan dengan host Loket, atau pasangannya sudah dicabut. Pasangkan ulang dengan kode dari host.',
};

/** The call function over this computer's register. */
export function coreCall(options: HttpHostOptions): CallFn {
  const { core, handlers } = options;
  if (!core || !handlers) throw new Error('createHttpHost: beri core dan handlers, atau call.');
  const hub = options.events && 'publish' in options.events ? options.events : null;
  return (r) =>
    dispatch(core, handlers, r.name, r.input, r.token, {
      log: options.log,
      deskId: r.deskId,
      remoteAddress: r.remoteAddress,
      idempotencyKey: r.idempotencyKey,
      onChange: hub ? (event) => hub.publish(event) : undefined,
      holdBeforeCommitMs: r.idempotencyKey ? options.holdBeforeCommitMs : undefined,
    });
}

/** The event feed over this computer's register: a valid session (from the same desk) may listen. */
export function hubFeed(core: CoreContext, hub: ChangeHub): EventFeed {
  return {
    open: async (token, deskId, listener, onEnd) => {
      const check = (): ApiErrorBody | null => {
        if (!token) return { code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' };
        try {
          resolveSession(core.db, token, core.now(), deskId);
          return null;
        } catch (error) {
          return error instanceof ApiError ? error.toBody() : { code: 'INTERNAL', message: 'Terjadi kesalahan di host Loket.' };
        }
      };
      const refused = check();
      if (refused) return refused;
      const unsubscribe = hub.subscribe(listener);
      // The session (and the desk) is checked again now and then; a stream outlives neither.
      const timer = setInterval(() => {
        if (check()) {
          close();
          onEnd();
        }
      }, 5 * 60_000);
      timer.unref();
      const close = () => {
        clearInterval(timer);
        unsubscribe();
      };
      return { close };
    },
  };
}

export function createRequestListener(options: HttpHostOptions): http.RequestListener {
  const call = options.call ?? coreCall(options);
  const feed: EventFeed | null = !options.events ? null : 'publish' in options.events ? (options.core ? hubFeed(options.core, options.events) : null) : options.events;

  /** The desk behind the request's credential, on the LAN listener; null elsewhere. */
  const deskOf = (req: http.IncomingMessage): string | null => {
    if (!options.lan || !options.core) return null;
    return verifyDeskCredential(options.core.db, header(req, DESK_HEADER), options.core.now(), req.socket.remoteAddress ?? null);
  };

  async function handleApi(name: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendJson(res, 405, errorResult({ code: 'UNKNOWN_CALL', message: 'Gunakan POST untuk memanggil API.' }));
      return;
    }
    const deskId = deskOf(req);
    if (options.lan) {
      if (deskId === null && !isLanOpenCall(name)) {
        req.resume();
        sendJson(res, 401, errorResult(DESK_REFUSED_BODY));
        return;
      }
      if (isDeskLocalCall(name)) {
        req.resume();
        sendJson(res, 404, errorResult({ code: 'UNKNOWN_CALL', message: 'Perintah ini dijalankan di meja masing-masing, bukan di host.' }));
        return;
      }
    }
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) {
      req.resume();
      sendJson(res, 415, errorResult({ code: 'INVALID_INPUT', message: 'Kirim data sebagai JSON (Content-Type: application/json).' }));
      return;
    }
    const key = header(req, IDEMPOTENCY_HEADER)?.trim() || null;
    if (key !== null && !IDEMPOTENCY_KEY_PATTERN.test(key)) {
      req.resume();
      sendJson(res, 400, errorResult({ code: 'INVALID_INPUT', message: 'Kunci pengulangan (X-Loket-Idempotency) tidak sah.' }));
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      sendJson(res, 413, errorResult({ code: 'TOO_LARGE', message: 'Kiriman terlalu besar. Batas berkas 25 MB.' }));
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(res, 400, errorResult({ code: 'INVALID_INPUT', message: 'Kiriman bukan JSON yang sah.' }));
      return;
    }
    const result = await call({ name, input, token: bearer(req, null), deskId, remoteAddress: req.socket.remoteAddress ?? null, idempotencyKey: key });
    if (options.holdBeforeReplyMs && key) {
      options.log?.(`Uji: jawaban ${name} ditahan ${options.holdBeforeReplyMs} ms sesudah commit.`);
      await sleep(options.holdBeforeReplyMs);
    }
    sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
  }

  async function handleEvents(url: URL, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      sendJson(res, 405, errorResult({ code: 'UNKNOWN_CALL', message: 'Gunakan GET untuk berlangganan perubahan.' }));
      return;
    }
    if (!feed) {
      sendJson(res, 404, errorResult({ code: 'UNKNOWN_CALL', message: 'Kabar perubahan tidak tersedia di sini.' }));
      return;
    }
    const deskId = deskOf(req);
    if (options.lan && deskId === null) {
      sendJson(res, 401, errorResult(DESK_REFUSED_BODY));
      return;
    }
    let ended = false;
    let ping: NodeJS.Timeout | null = null;
    const end = () => {
      if (ended) return;
      ended = true;
      if (ping) clearInterval(ping);
      res.end();
    };
    const opened = await feed.open(
      bearer(req, url),
      deskId,
      (event) => {
        if (!ended) res.write(`data: ${JSON.stringify(event)}\n\n`);
      },
      end,
    );
    if (!('close' in opened)) {
      sendJson(res, STATUS[opened.code], errorResult(opened));
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n: terhubung\n\n');
    ping = setInterval(() => res.write(': ping\n\n'), EVENT_PING_MS);
    const cleanup = () => {
      opened.close();
      end();
    };
    req.on('close', cleanup);
    res.on('error', cleanup);
  }

  return (req, res) => {
    securityHeaders(res);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      // An unparsable request target ("http://[") would otherwise throw here and end the host.
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Alamat permintaan tidak sah.');
      return;
    }
    if (url.pathname === '/api/events') {
      handleEvents(url, req, res).catch((error: unknown) => {
        options.log?.(`Galat kabar perubahan: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) sendJson(res, 500, errorResult({ code: 'INTERNAL', message: 'Terjadi kesalahan di host Loket.' }));
        else res.end();
      });
      return;
    }
    const api = /^\/api\/([A-Za-z0-9.]+)$/.exec(url.pathname);
    if (api?.[1]) {
      handleApi(api[1], req, res).catch((error: unknown) => {
        options.log?.(`Galat host: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) sendJson(res, 500, errorResult({ code: 'INTERNAL', message: 'Terjadi kesalahan di host Loket.' }));
      });
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      sendJson(res, 404, errorResult({ code: 'UNKNOWN_CALL', message: 'Perintah tidak dikenal.' }));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (options.lan || options.staticDir === null) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Ini alamat host register Loket untuk meja-meja yang berpasangan. Buka Loket di meja Anda sendiri.');
      return;
    }
    serveStatic(options.staticDir, url.pathname, res);
  };
}

export function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse): void {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const root = path.resolve(staticDir);
  let file = path.resolve(root, `.${rel}`);
  if (!file.startsWith(root + path.sep) && file !== root) {
    res.writeHead(404).end();
    return;
  }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Tampilan Loket belum dibangun. Jalankan: npm run build');
    return;
  }
  const ext = path.extname(file);
  res.writeHead(200, {
    'Content-Type': MIME[ext] ?? 'application/octet-stream',
    'Cache-Control': ext === '.html' ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  fs.createReadStream(file).pipe(res);
}

export function createHttpHost(options: HttpHostOptions): http.Server {
  return http.createServer(createRequestListener(options));
}
