/**
 * The Electron shell's security, with a test double of the `electron` module (the binary is not
 * on the test machine): the main process is started for real over a temporary data folder and
 * every call it makes to Electron is recorded. Checked:
 * - the window: context isolation, sandbox, no Node integration, web security, no webview;
 * - the only page loaded is app://loket/index.html (never file://);
 * - the app:// handler sends the CSP on every answer: files, the app's routes, 404, bad paths;
 * - navigation away and new windows are refused, permissions denied, remote requests cancelled;
 * - IPC is answered only for Loket's own frame; the preload exposes only the contract;
 * - the HTTP host sends the same CSP on every route (files, fallback, 404, API answers, errors).
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES } from '../../shared/api/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';
import { IPC_CHANNEL } from '../../shared/api/bridge';
import { tempDir } from './helpers/core';

const electron = vi.hoisted(() => {
  const calls = {
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    windows: [] as Array<{ options: Record<string, unknown>; loaded: string[] }>,
    permissionRequest: null as null | ((contents: unknown, permission: string, callback: (ok: boolean) => void) => void),
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    beforeRequest: null as null | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
    exposed: {} as Record<string, unknown>,
  };
  return { calls };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { calls } = electron;
  const app = Object.assign(new Emitter(), {
    commandLine: { appendSwitch: () => undefined },
    isPackaged: false,
    getAppPath: () => process.cwd(),
    getPath: () => process.env.LOKET_DATA ?? '',
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    quit: () => undefined,
    exit: () => undefined,
  });
  const session = {
    setPermissionRequestHandler: (h: typeof calls.permissionRequest) => (calls.permissionRequest = h),
    setPermissionCheckHandler: (h: typeof calls.permissionCheck) => (calls.permissionCheck = h),
    webRequest: { onBeforeRequest: (h: typeof calls.beforeRequest) => (calls.beforeRequest = h) },
  };
  class BrowserWindow extends Emitter {
    static all: BrowserWindow[] = [];
    readonly record: { options: Record<string, unknown>; loaded: string[] };
    readonly webContents = { session, send: () => undefined };
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, loaded: [] };
      calls.windows.push(this.record);
      BrowserWindow.all.push(this);
    }
    static getAllWindows() {
      return BrowserWindow.all;
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
    }
    async loadFile(file: string) {
      this.record.loaded.push(`file://${file}`);
    }
    removeMenu() {}
    isDestroyed() {
      return false;
    }
    show() {}
  }
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: (title: string, message: string) => console.error(title, message) },
    ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => calls.ipcHandlers.set(channel, fn) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => calls.schemes.push(...schemes),
      handle: (scheme: string, fn: (request: Request) => Response) => calls.protocolHandlers.set(scheme, fn),
    },
    safeStorage: { isEncryptionAvailable: () => true, encryptString: (s: string) => Buffer.from(s), decryptString: (b: Buffer) => b.toString() },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (calls.exposed[key] = value) },
    ipcRenderer: { invoke: async () => ({ ok: true }), on: () => undefined, removeListener: () => undefined },
  };
});

// electron-store needs a real Electron; the window's preferences are not what is tested here.
vi.mock('../../electron/shell/prefs', () => {
  let prefs = { paper: 'A4', printer: null, copies: 1, idleLockMinutes: 15 };
  return { createElectronPrefs: async () => ({ get: () => prefs, set: (v: object) => (prefs = { ...prefs, ...v }) }) };
});

const { calls } = electron;
let dataDir = '';

beforeAll(async () => {
  dataDir = tempDir('loket-electron-');
  process.env.LOKET_DATA = dataDir;
  await import('../../electron/shell/main');
  for (let i = 0; i < 200 && calls.windows[0]?.loaded.length !== 1; i++) await new Promise((r) => setTimeout(r, 25));
}, 60_000);

describe('the Electron main process', () => {
  it('opens one window with isolation, the sandbox and no Node, on app://loket only', () => {
    expect(calls.windows).toHaveLength(1);
    const prefs = calls.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(calls.windows[0]?.loaded).toEqual(['app://loket/index.html']);
    expect(calls.windows.flatMap((w) => w.loaded).some((u) => u.startsWith('file:'))).toBe(false);
    expect(calls.schemes).toContainEqual(expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }));
  });

  it('answers IPC only for Loket\'s own frame', async () => {
    const handler = calls.ipcHandlers.get(IPC_CHANNEL);
    expect(handler).toBeDefined();
    for (const url of ['https://evil.example/', 'file:///home/user/index.html', 'app://other/index.html', '', 'data:text/html,<script>1</script>']) {
      const answer = (await handler?.({ senderFrame: { url } }, 'setup.status', {}, null)) as { ok: boolean; error?: { code: string } };
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const answer = (await handler?.({ senderFrame: null }, 'setup.status', {}, null)) as { ok: boolean };
    expect(answer.ok).toBe(false);
    const ok = (await handler?.({ senderFrame: { url: 'app://loket/index.html#/agenda' } }, 'setup.status', {}, null)) as { ok: boolean };
    expect(ok.ok).toBe(true);
  });

  it('hardens the session: every permission but notifications for Loket denied, only app:, blob: and data: may load', () => {
    const granted: Record<string, boolean> = {};
    const loket = { getURL: () => 'app://loket/index.html#/dasbor' };
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb']) {
      calls.permissionRequest?.(loket, permission, (ok) => (granted[permission] = ok));
    }
    expect(Object.entries(granted).filter(([, ok]) => ok).map(([p]) => p)).toEqual(['notifications']);
    let elsewhere: boolean | null = null;
    calls.permissionRequest?.({ getURL: () => 'https://example.com/' }, 'notifications', (ok) => (elsewhere = ok));
    expect(elsewhere).toBe(false);
    expect(calls.permissionCheck?.({}, 'media', 'app://loket', {})).toBe(false);
    expect(calls.permissionCheck?.({}, 'notifications', 'app://loket', {})).toBe(true);
    expect(calls.permissionCheck?.({}, 'notifications', 'https://example.com', {})).toBe(false);
    const cancelled = (url: string) => {
      let result: boolean | null = null;
      calls.beforeRequest?.({ url }, (r) => (result = r.cancel));
      return result;
    };
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:4780/api/letters.search', 'file:///etc/passwd', 'ws://evil/', 'ftp://x/']) expect(cancelled(url), url).toBe(true);
    for (const url of ['app://loket/index.html', 'blob:app://loket/1234', 'data:image/png;base64,AAAA']) expect(cancelled(url), url).toBe(false);
  });

  it('refuses navigation away and every new window, in any web contents the app creates', async () => {
    const { app } = (await import('electron')) as unknown as { app: EventEmitter };
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    app.emit('web-contents-created', {}, contents);
    const open = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: { url: string }) => { action: string };
    for (const url of ['https://example.com/', 'app://loket/index.html', 'file:///etc/passwd', 'javascript:alert(1)']) expect(open({ url })).toEqual({ action: 'deny' });
    for (const [event, url, blocked] of [
      ['will-navigate', 'https://example.com/', true],
      ['will-navigate', 'file:///C:/Windows/win.ini', true],
      ['will-navigate', 'javascript:alert(1)', true],
      ['will-navigate', 'data:text/html,<h1>x</h1>', true],
      ['will-navigate', 'app://loket.evil.example/', true],
      ['will-redirect', 'http://127.0.0.1/', true],
      ['will-navigate', 'app://loket/index.html#/surat/1', false],
    ] as const) {
      const e = { preventDefault: vi.fn() };
      contents.emit(event, e, url);
      expect(e.preventDefault.mock.calls.length > 0, `${event} ${url}`).toBe(blocked);
    }
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});

describe('the app:// handler', () => {
  let rendererDir = '';
  let handle: (request: Request) => Response;
  beforeAll(async () => {
    rendererDir = tempDir('loket-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Loket</title>');
    fs.mkdirSync(path.join(rendererDir, 'assets'));
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    const { rendererHandler } = await import('../../electron/shell/window');
    handle = rendererHandler(rendererDir);
  });

  it('is the handler the main process registers for app:', async () => {
    const registered = calls.protocolHandlers.get('app');
    expect(registered).toBeDefined();
    const answer = await registered?.(new Request('app://loket/tidak/ada'));
    expect(answer?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('sends the CSP with every answer, and never a file outside the renderer', async () => {
    // A path that climbs out is either normalised back inside (the app's page) or refused.
    const cases: Array<[string, number[], RegExp | null]> = [
      ['app://loket/index.html', [200], /<title>Loket/],
      ['app://loket/', [200], /<title>Loket/],
      ['app://loket/assets/app.js', [200], /console\.log/],
      ['app://loket/surat/123/disposisi', [200], /<title>Loket/],
      ['app://loket/%2e%2e/%2e%2e/%2e%2e/etc/passwd', [200, 404], null],
      ['app://loket/..%2f..%2f..%2fetc%2fpasswd', [404], null],
      ['app://loket/assets/..%5c..%5c..%5cwin.ini', [200, 404], null],
      ['app://loket/a%00b', [404], null],
      ['app://loket/%E0%A4%A', [400], null],
      ['app://lain/index.html', [404], null],
    ];
    for (const [url, statuses, body] of cases) {
      const answer = handle(new Request(url));
      expect(statuses, url).toContain(answer.status);
      expect(answer.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers.get('x-content-type-options'), url).toBe('nosniff');
      const text = await answer.text();
      if (body) expect(text).toMatch(body);
      expect(text).not.toContain('root:');
    }
  });

  it('forbids inline scripts, eval, plugins from elsewhere, framing and remote connections', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  });
});

describe('the preload', () => {
  it('puts one object on the page: one method per contract call, frozen, no Electron or Node', async () => {
    await import('../../electron/shell/preload');
    expect(Object.keys(calls.exposed)).toEqual(['loket']);
    const bridge = calls.exposed.loket as { api: Record<string, unknown> } & Record<string, unknown>;
    expect(Object.keys(bridge.api).sort()).toEqual([...CALL_NAMES].sort());
    expect(Object.isFrozen(bridge.api)).toBe(true);
    for (const forbidden of ['ipcRenderer', 'require', 'process', 'electron', 'invoke', 'send']) {
      expect(bridge[forbidden]).toBeUndefined();
      expect(bridge.api[forbidden]).toBeUndefined();
    }
    for (const value of Object.values(bridge.api)) expect(typeof value).toBe('function');
    const source = fs.readFileSync('electron/shell/preload.ts', 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.filter((m) => !m?.startsWith('../../shared/'))).toEqual(['electron']);
  });
});

describe('the HTTP host', () => {
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    const { createTestOffice } = await import('./helpers/core');
    const { createHttpHost } = await import('../../electron/host/http');
    const { handlers } = await import('../../electron/core/api/handlers');
    const office = await createTestOffice();
    const staticDir = tempDir('loket-static-');
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Loket</title>');
    server = createHttpHost({ core: office.core, handlers, staticDir });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the CSP on every route: files, the app\'s routes, 404, API answers and errors', async () => {
    const requests: Array<[string, RequestInit]> = [
      ['/', {}],
      ['/index.html', {}],
      ['/surat/123', {}],
      ['/%E0%A4%A', {}],
      ['/%2e%2e/%2e%2e/etc/passwd', {}],
      ['/index.html', { method: 'DELETE' }],
      ['/api/setup.status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }],
      ['/api/letters.search', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }],
      ['/api/letters.search', { method: 'GET' }],
      ['/api/tidak-ada/lagi', { method: 'POST' }],
      ['/api/events', { method: 'POST' }],
    ];
    for (const [p, init] of requests) {
      const res = await fetch(`${base}${p}`, init);
      expect(res.headers.get('content-security-policy'), `${init.method ?? 'GET'} ${p}`).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      await res.arrayBuffer();
    }
  });
});
