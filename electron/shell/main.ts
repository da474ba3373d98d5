/**
 * The Electron main process: the thin shell around Loket's core. It opens the register in userData
 * (or --data / LOKET_DATA), serves the renderer from app://loket with a strict CSP, binds the API
 * contract to one IPC channel, and hardens the window. Everything else lives in electron/core.
 * With klien.json in the data folder (paired from the setup screen or `loket pair`) it is a desk
 * of another host instead: no register, every call forwarded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol } from 'electron';
import { CHANGE_CHANNEL, IPC_CHANNEL, type CallMeta } from '../../shared/api/bridge';
import type { ChangeEvent } from '../../shared/api/effects';
import { createCore, dispatch, handlers } from '../core';
import type { CoreContext } from '../core/context';
import { argValue } from '../core/paths';
import { createElectronPrefs } from './prefs';
import { SafeStorageSecretBox } from './secrets';
import { scheduleAutomaticBackups } from '../core/services/backup';
import { hardenApp, hardenSession, isAppUrl } from './security';
import { rendererHandler, START_URL, windowOptions } from './window';
import { ChangeHub } from '../core/api/events';
import { deskPairing, openRemoteDesk, startLan, type RemoteDesk } from '../host/desk';
import type { LanListener } from '../host/lan';
import { readKlien } from '../host/remote';

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

/** The built renderer on app://loket, with the CSP on every answer (window.ts). */
const serveRenderer = rendererHandler(rendererDir);

let core: CoreContext | null = null;
let remote: RemoteDesk | null = null;
let lan: LanListener | null = null;

function idempotencyKeyOf(meta: unknown): string | null {
  const key = typeof meta === 'object' && meta !== null ? (meta as CallMeta).idempotencyKey : undefined;
  return typeof key === 'string' ? key : null;
}

async function start(): Promise<void> {
  hardenApp(app);
  const dataDir = path.resolve(argValue(process.argv, 'data') ?? process.env.LOKET_DATA ?? app.getPath('userData'));
  // Several desks (issue 8): changes from any desk reach this window.
  let sendChange: (event: ChangeEvent) => void = () => undefined;
  // A desk client (klien.json in the data folder, made by `loket pair`): no local register at all.
  let klien: ReturnType<typeof readKlien> = null;
  try {
    klien = readKlien(dataDir);
  } catch (error) {
    dialog.showErrorBox('Loket tidak dapat membaca pasangan meja ini', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  if (klien) {
    const desk = openRemoteDesk(klien, dataDir, { prefs: await createElectronPrefs(), log: (m) => console.error(m) });
    remote = desk;
    protocol.handle('app', serveRenderer);
    ipcMain.handle(IPC_CHANNEL, (event, name: unknown, input: unknown, token: unknown, meta: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(frameUrl)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Panggilan ditolak: bukan dari jendela Loket.' } };
      return desk.dispatcher.call({
        name: String(name),
        input,
        token: typeof token === 'string' ? token : null,
        deskId: null,
        remoteAddress: null,
        idempotencyKey: idempotencyKeyOf(meta),
      });
    });
    desk.dispatcher.watch((change) => sendChange(change));
    await openWindow((send) => (sendChange = send));
    return;
  }
  try {
    core = await createCore({
      dataDir,
      resourcesDir,
      nativeBinding: nativeBinding(),
      prefs: await createElectronPrefs(),
      secrets: new SafeStorageSecretBox(),
      watchScanFolder: true,
      // Paired from the setup screen: start again as the desk (klien.json is read at start).
      desk: deskPairing(dataDir, 'relaunch', () => {
        void lan?.close();
        core?.db.close();
        app.relaunch();
        app.exit(0);
      }),
    });
  } catch (error) {
    dialog.showErrorBox('Loket tidak dapat membuka register', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  const ready = core;
  scheduleAutomaticBackups(ready.db, dataDir, ready.now, (m) => console.log(m));
  protocol.handle('app', serveRenderer);
  const hub = new ChangeHub();
  hub.subscribe((change) => sendChange(change));
  ipcMain.handle(IPC_CHANNEL, (event, name: unknown, input: unknown, token: unknown, meta: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Panggilan ditolak: bukan dari jendela Loket.' } };
    return dispatch(ready, handlers, String(name), input, typeof token === 'string' ? token : null, {
      log: (m) => console.error(m),
      idempotencyKey: idempotencyKeyOf(meta),
      onChange: (change) => hub.publish(change),
    });
  });
  // The register host's LAN listener, when switched on in Pengaturan (issue 8).
  lan = await startLan(ready, handlers, hub, { argv: process.argv, log: (m) => console.log(m) });
  await openWindow((send) => (sendChange = send));
}

/** The one Loket window; `onReady` gets the function that forwards change events to it. */
async function openWindow(onReady: (send: (event: ChangeEvent) => void) => void): Promise<void> {

  const win = new BrowserWindow(
    windowOptions({ preload: path.join(__dirname, 'preload.cjs'), icon: path.join(resourcesDir, 'icons', 'loket.png'), devTools: !app.isPackaged }),
  );
  hardenSession(win.webContents.session);
  onReady((change) => {
    if (!win.isDestroyed()) win.webContents.send(CHANGE_CHANNEL, change);
  });
  win.removeMenu();
  win.once('ready-to-show', () => win.show());
  await win.loadURL(START_URL);
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
  app.on('will-quit', () => {
    void core?.scan?.close();
    void lan?.close();
    remote?.close();
    core?.db.close();
  });
}
