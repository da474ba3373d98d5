/**
 * Hostile requests at the HTTP host (the browser desk and, later, LAN desks): bodies that are not
 * JSON, the wrong content type, a body over the limit, a body that trickles in, broken request
 * targets, path tricks at the static files, and random raw bytes. The host must answer each with
 * `{ok: false, error}` in Indonesian (or a plain 4xx for the static side), keep its CSP header,
 * write nothing, and keep serving other requests.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../electron/core/api/handlers';
import { login } from '../../electron/core/services/auth';
import { createHttpHost } from '../../electron/host/http';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';
import { createTestOffice, tempDir, type TestOffice } from './helpers/core';
import { isIndonesianMessage, registerDigest } from './helpers/fuzz';

let office: TestOffice;
let server: http.Server;
let port = 0;
let token = '';
let staticDir = '';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request with full control of the bytes (fetch would fix them up). */
function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string; trickleMs?: number }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    if (body && options.trickleMs) {
      let i = 0;
      const step = Math.max(1, Math.ceil(body.length / 10));
      const timer = setInterval(() => {
        req.write(body.subarray(i, i + step));
        i += step;
        if (i >= body.length) {
          clearInterval(timer);
          req.end();
        }
      }, options.trickleMs / 10);
    } else req.end(body);
  });
}

/** Raw bytes on a socket: whatever the host answers (or an empty string when it just closes). */
function raw(bytes: Buffer | string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let out = '';
    socket.on('data', (c) => (out += c.toString('latin1')));
    socket.on('error', () => resolve(out));
    socket.on('close', () => resolve(out));
    socket.setTimeout(3000, () => socket.destroy());
    socket.end(bytes);
  });
}

function expectRefusal(answer: Answer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  const json = JSON.parse(answer.body) as { ok: boolean; error: { code: string; message: string } };
  expect(json.ok).toBe(false);
  expect(json.error.code).toBe(code);
  expect(isIndonesianMessage(json.error.message)).toBe(true);
}

async function stillServing(): Promise<void> {
  const answer = await request({ path: '/api/setup.status', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  expect(answer.status).toBe(200);
}

beforeAll(async () => {
  office = await createTestOffice();
  token = login(office.core.db, 'frontdesk', 'kata-sandi-1', office.core.now()).token;
  staticDir = tempDir('loket-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Loket</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  server = createHttpHost({ core: office.core, handlers, staticDir });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  office.core.db.close();
});

describe('the HTTP host under hostile requests', () => {
  it('refuses a body that is not JSON, or not declared as JSON, in Indonesian and without writing', async () => {
    const before = registerDigest(office.core.db);
    const json = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
    expectRefusal(await request({ path: '/api/letters.register', headers: json, body: '{"senderName": "x",' }), 400, 'INVALID_INPUT');
    expectRefusal(await request({ path: '/api/letters.register', headers: json, body: '\u0000\u0001\u0002' }), 400, 'INVALID_INPUT');
    expectRefusal(await request({ path: '/api/letters.register', headers: json, body: '[' .repeat(100_000) }), 400, 'INVALID_INPUT');
    expectRefusal(await request({ path: '/api/letters.register', headers: json, body: Buffer.from([0xff, 0xfe, 0x7b, 0x7d]) }), 400, 'INVALID_INPUT');
    expectRefusal(await request({ path: '/api/letters.register', headers: { ...json, 'Content-Type': 'text/plain' }, body: '{}' }), 415, 'INVALID_INPUT');
    expectRefusal(await request({ path: '/api/letters.register', headers: { ...json, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' }), 415, 'INVALID_INPUT');
    expectRefusal(await request({ path: '/api/letters.register', headers: { Authorization: `Bearer ${token}` }, body: '{}' }), 415, 'INVALID_INPUT');
    expectRefusal(await request({ method: 'GET', path: '/api/letters.search' }), 405, 'UNKNOWN_CALL');
    expectRefusal(await request({ method: 'PUT', path: '/api/letters.search', headers: json, body: '{}' }), 405, 'UNKNOWN_CALL');
    expectRefusal(await request({ path: '/api/tidak.ada', headers: json, body: '{}' }), 404, 'UNKNOWN_CALL');
    expectRefusal(await request({ path: '/api/__proto__', headers: json, body: '{}' }), 404, 'UNKNOWN_CALL');
    // The path is normalised first: this is users.list, refused to the front desk like any direct call.
    expectRefusal(await request({ path: '/api/letters.search/../users.list', headers: json, body: '{}' }), 403, 'FORBIDDEN');
    expectRefusal(await request({ path: '/api/letters.register', headers: json, body: '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}' }), 400, 'INVALID_INPUT');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(registerDigest(office.core.db)).toBe(before);
    await stillServing();
  });

  it('refuses a body over the limit with 413 and stays up', async () => {
    const before = registerDigest(office.core.db);
    const big = Buffer.alloc(37 * 1024 * 1024, 0x61);
    const answer = await request({ path: '/api/attachments.upload', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: big }).catch(
      (error: unknown) => ({ status: -1, headers: {}, body: String(error) }),
    );
    expectRefusal(answer, 413, 'TOO_LARGE');
    expect(registerDigest(office.core.db)).toBe(before);
    await stillServing();
  }, 30_000);

  it('serves other desks while one body trickles in, then answers the slow one', async () => {
    const slow = request({
      path: '/api/letters.search',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ q: 'hosting', limit: 5 }),
      trickleMs: 1500,
    });
    const started = Date.now();
    await stillServing();
    expect(Date.now() - started).toBeLessThan(1000);
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect((JSON.parse(answer.body) as { ok: boolean }).ok).toBe(true);
  });

  it('answers broken request lines and targets without falling over', async () => {
    for (const line of [
      'GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET //../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n',
      'POST /api/letters.search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999999999999\r\n\r\n{}',
      'POST /api/letters.search HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n',
      'GET /%00 HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n',
      '\u0000\u0001\u0002\r\n\r\n',
      `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    ]) {
      await raw(line);
      await stillServing();
    }
  });

  it('keeps path tricks inside the built renderer, with the CSP on every answer', async () => {
    for (const p of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/assets/../../../etc/passwd', '/%00', '/index.html%00.js', '/C:%5CWindows%5Cwin.ini', '/nope/deep/route']) {
      const answer = await request({ method: 'GET', path: p });
      expect(answer.body).not.toContain('root:');
      expect([200, 400, 404]).toContain(answer.status);
      expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('survives random bytes on the socket and random JSON at every call name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        await raw(Buffer.from(bytes));
      }),
      { numRuns: 30, seed: 11 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('letters.register', 'letters.search', 'requests.act', 'attachments.upload', 'auth.login', 'users.save'), fc.jsonValue(), async (name, value) => {
        const answer = await request({ path: `/api/${name}`, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(value) ?? 'null' });
        const json = JSON.parse(answer.body) as { ok: boolean; error?: { code: string; message: string } };
        if (!json.ok) {
          expect(json.error?.code).not.toBe('INTERNAL');
          expect(isIndonesianMessage(json.error?.message)).toBe(true);
        }
      }),
      { numRuns: 40, seed: 12 },
    );
    await stillServing();
  });
});
