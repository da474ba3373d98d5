/**
 * The Electron main process: the thin shell around Loket's core. It opens the register in userData
 * (or --data / LOKET_DATA), serves the renderer from app://loket with a strict CSP, binds the API
 * contract to one IPC channel, and hardens the window. Everything else lives in electron/core.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol } from 'electron';
import { IPC_CHANNEL } from '../../shared/api/bridge';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';
import { createCore, dispatch, handlers } from '../core';
import type { CoreContext } from '../core/context';
import { argValue } from '../core/paths';
import { createElectronPrefs } from './prefs';
import { SafeStorageSecretBox } from './secrets';
import { scheduleAutomaticBackups } from '../core/services/backup';
import { APP_ORIGIN, hardenApp, hardenSession, isAppUrl } from './security';

// Indonesian locale for Chromium's own controls (date inputs as dd/mm/yyyy, spelling, dialogs).
app.commandLine.appendSwitch('lang', 'id-ID');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

const root = app.isPackaged ? process.resourcesPath : path.resolve(__dirname, '..', '..');
const rendererDir = app.isPackaged ? path.join(app.getAppPath(), 'dist', 'renderer') : path.join(root, 'dist', 'renderer');
const resourcesDir = path.join(root, 'resources');

/** better-sqlite3 built for Electron's ABI (scripts/native-electron.mjs); npm's own build is for Node. */
function nativeBinding(): string | undefined {
  const candidates = [path.join(root, 'native', 'better_sqlite3.node'), path.join(root, '.native', 'electron', 'better_sqlite3.node')];
  return candidates.find((file) => fs.existsSync(file));
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

function serveRenderer(request: Request): Response {
  const url = new URL(request.url);
  const rel = decodeURIComponent(url.pathname);
  let file = path.resolve(rendererDir, `.${rel}`);
  if (!file.startsWith(rendererDir + path.sep)) return new Response('Tidak ditemukan', { status: 404 });
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rendererDir, 'index.html');
  return new Response(fs.readFileSync(file), {
    headers: {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

let core: CoreContext | null = null;

async function start(): Promise<void> {
  hardenApp(app);
  const dataDir = path.resolve(argValue(process.argv, 'data') ?? process.env.LOKET_DATA ?? app.getPath('userData'));
  try {
    core = await createCore({
      dataDir,
      resourcesDir,
      nativeBinding: nativeBinding(),
      prefs: await createElectronPrefs(),
      secrets: new SafeStorageSecretBox(),
    });
  } catch (error) {
    dialog.showErrorBox('Loket tidak dapat membuka register', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  const ready = core;
  scheduleAutomaticBackups(ready.db, dataDir, ready.now, (m) => console.log(m));
  protocol.handle('app', serveRenderer);
  ipcMain.handle(IPC_CHANNEL, (event, name: unknown, input: unknown, token: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Panggilan ditolak: bukan dari jendela Loket.' } };
    return dispatch(ready, handlers, String(name), input, typeof token === 'string' ? token : null, { log: (m) => console.error(m) });
  });

  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    title: 'Loket',
    show: false,
    icon: path.join(resourcesDir, 'icons', 'loket.png'),
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Chromium's PDF viewer, for the scans and document previews shown in frames from blob: URLs.
      plugins: true,
      devTools: !app.isPackaged,
    },
  });
  hardenSession(win.webContents.session);
  win.removeMenu();
  win.once('ready-to-show', () => win.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Loket gagal dimulai', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.db.close());
}
