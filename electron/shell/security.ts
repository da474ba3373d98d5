/**
 * The window's security rules (Electron checklist): only Loket's own app:// pages, no navigation
 * away, no new windows, no permissions, and IPC only from Loket's own frame.
 */
import type { App, Session, WebContents } from 'electron';

export const APP_ORIGIN = 'app://loket';

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'app:' && parsed.host === 'loket';
  } catch {
    return false;
  }
}

export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenSession(session: Session): void {
  // Only desktop notifications (new dispositions, late steps), and only for Loket's own pages.
  session.setPermissionRequestHandler((contents, permission, callback) => callback(permission === 'notifications' && isAppUrl(contents.getURL())));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permission === 'notifications' && isAppUrl(requestingOrigin));
  // No remote content: only app:, blob: and data: may load; a download (Simpan PDF) is a blob: URL.
  session.webRequest.onBeforeRequest((details, callback) => {
    const ok = /^(app|blob|data|devtools|chrome-extension):/.test(details.url);
    callback({ cancel: !ok });
  });
}

export function hardenApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
