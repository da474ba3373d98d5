/**
 * What every handler and service receives: the register and the parts around it. Built once by
 * the composition root (the Electron shell, the browser host, the command line, or a test).
 */
import type { Db } from './db/register';
import type { FileStore } from './services/files';
import type { PrefsStore } from './services/prefs';
import type { Printing } from './services/printing';
import type { SecretBox } from './services/secrets';
import type { ScanServices } from './scan';

export interface CoreContext {
  db: Db;
  dataDir: string;
  /** Folder with fonts, icons and templates shipped with Loket. */
  resourcesDir: string;
  files: FileStore;
  prefs: PrefsStore;
  printing: Printing;
  /** Seals the web-panel passwords kept in the register (the key is never in the register). */
  secrets: SecretBox;
  /** Scanners, the scan folder, pages and OCR (issue 6); createCore always sets it. */
  scan?: ScanServices;
  now: () => Date;
}
