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
  /**
   * Making this computer a desk of another host (set by the Electron shell and the browser host;
   * absent in tests and the command line). Only offered while this register is not set up.
   */
  desk?: DeskPairing;
}

export interface DeskPairing {
  probe(hostUrl: string): Promise<{ hostUrl: string; agencyName: string | null; fingerprint: string }>;
  /** Pairs, writes klien.json, and arranges for this Loket to run as the desk right after answering. */
  pair(input: { hostUrl: string; code: string; deskName: string; fingerprint: string }): Promise<{
    hostUrl: string;
    agencyName: string | null;
    deskName: string;
    fingerprint: string;
    next: 'relaunch' | 'reload';
  }>;
}
