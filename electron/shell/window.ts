/**
 * The Loket window and the pages it loads, as plain values the tests can check (main.ts uses
 * them): the window's web preferences (context isolation, sandbox, no Node, web security), the one
 * start page on app://loket (never file://), and the app:// handler that serves the built renderer
 * with the CSP on every answer, a 404 and a refused path included.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';
import { APP_ORIGIN } from './security';

/** The page the window opens. */
export const START_URL = `${APP_ORIGIN}/index.html`;

export function windowOptions(options: { preload: string; icon: string; devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    title: 'Loket',
    show: false,
    icon: options.icon,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Chromium's PDF viewer, for the scans and document previews shown in frames from blob: URLs.
      plugins: true,
      devTools: options.devTools,
    },
  };
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

function headers(type: string): Record<string, string> {
  return { 'Content-Type': type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
}

/** The app:// handler: files of the built renderer, index.html for the app's own routes. */
export function rendererHandler(rendererDir: string): (request: Request) => Response {
  const root = path.resolve(rendererDir);
  return (request) => {
    let rel: string;
    try {
      const url = new URL(request.url);
      if (url.host !== 'loket') return new Response('Tidak ditemukan', { status: 404, headers: headers('text/plain; charset=utf-8') });
      rel = decodeURIComponent(url.pathname);
    } catch {
      return new Response('Alamat tidak sah', { status: 400, headers: headers('text/plain; charset=utf-8') });
    }
    let file = path.resolve(root, `.${rel}`);
    if (rel.includes('\0') || (file !== root && !file.startsWith(root + path.sep))) return new Response('Tidak ditemukan', { status: 404, headers: headers('text/plain; charset=utf-8') });
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    if (!fs.existsSync(file)) return new Response('Tampilan Loket belum dibangun.', { status: 503, headers: headers('text/plain; charset=utf-8') });
    return new Response(fs.readFileSync(file), { headers: headers(MIME[path.extname(file)] ?? 'application/octet-stream') });
  };
}
