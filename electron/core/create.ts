/** Builds a CoreContext over a data folder: the composition shared by the app, the host and the CLI. */
import path from 'node:path';
import type { CoreContext, DeskPairing } from './context';
import { openRegister } from './db/register';
import { FileStore } from './services/files';
import { JsonPrefsStore, type PrefsStore } from './services/prefs';
import { systemPrinting, type Printing } from './services/printing';
import { KeyFileSecretBox, type SecretBox } from './services/secrets';
import { ensureBuiltinTemplates } from './services/sop';
import { createScanServices, type ScannerDriver } from './scan';

export interface CreateCoreOptions {
  dataDir: string;
  resourcesDir: string;
  nativeBinding?: string;
  prefs?: PrefsStore;
  printing?: Printing;
  /** Default: AES-256-GCM with the key file <dataDir>/kunci/loket.key (the Electron shell passes a safeStorage box). */
  secrets?: SecretBox;
  /** Scanner driver (default: SANE on Linux, WIA on Windows). */
  scanDriver?: ScannerDriver;
  /** Start watching the scan folder set in the register (the app and the browser host; not the CLI or tests). */
  watchScanFolder?: boolean;
  now?: () => Date;
  /** The pairing form of a Loket not yet set up (the app and the browser host). */
  desk?: DeskPairing;
}

export async function createCore(options: CreateCoreOptions): Promise<CoreContext> {
  const now = options.now ?? (() => new Date());
  const db = await openRegister({ dataDir: options.dataDir, nativeBinding: options.nativeBinding, now });
  ensureBuiltinTemplates(db, now());
  const core: CoreContext = {
    db,
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    files: new FileStore(db, path.join(options.dataDir, 'files'), now),
    prefs: options.prefs ?? new JsonPrefsStore(path.join(options.dataDir, 'meja-ini.json')),
    printing: options.printing ?? systemPrinting(),
    secrets: options.secrets ?? new KeyFileSecretBox(options.dataDir),
    now,
    ...(options.desk ? { desk: options.desk } : {}),
  };
  // Scanning (issue 6): lazy — the OCR worker starts on the first OCR job, the watcher only when asked.
  core.scan = createScanServices({ db, files: core.files, resourcesDir: options.resourcesDir, now, driver: options.scanDriver, log: (m) => console.error(m) });
  // Not awaited: listing a slow network share must not hold up opening Loket.
  if (options.watchScanFolder) void core.scan.inbox.start().catch((error: unknown) => console.error(`Folder pindaian: ${String(error)}`));
  return core;
}

