/**
 * The HTTP host: the same handlers as the Electron app, bound to `POST /api/<call>` with JSON in and
 * out, plus the built renderer as static files, so a browser on this computer (and later a second
 * desk on the LAN) runs the same desk. Binds 127.0.0.1 unless told otherwise.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { ApiErrorBody, ApiResult, ErrorCode } from '../../shared/api/errors';
import type { CoreContext } from '../core/context';
import { dispatch, type Handlers } from '../core/api/dispatch';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';

/** Base64 of a 25 MiB scan plus JSON around it. */
const MAX_BODY_BYTES = 36 * 1024 * 1024;

const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNSUPPORTED_FILE: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_CALL: 404,
  CONFLICT: 409,
  ALREADY_SET_UP: 409,
  NOT_SET_UP: 409,
  TOO_LARGE: 413,
  PRINT_FAILED: 502,
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

export interface HttpHostOptions {
  core: CoreContext;
  handlers: Handlers;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  log?: (message: string) => void;
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

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too-large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handleApi(options: HttpHostOptions, name: string, req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendJson(res, 405, errorResult({ code: 'UNKNOWN_CALL', message: 'Gunakan POST untuk memanggil API.' }));
    return;
  }
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) {
    sendJson(res, 415, errorResult({ code: 'INVALID_INPUT', message: 'Kirim data sebagai JSON (Content-Type: application/json).' }));
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
  const auth = req.headers.authorization ?? '';
  const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() || null : null;
  const result = await dispatch(options.core, options.handlers, name, input, token, { log: options.log });
  sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
}

function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse): void {
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
  return http.createServer((req, res) => {
    securityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const api = /^\/api\/([A-Za-z0-9.]+)$/.exec(url.pathname);
    if (api?.[1]) {
      handleApi(options, api[1], req, res).catch((error: unknown) => {
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
    serveStatic(options.staticDir, url.pathname, res);
  });
}
