/** Builds a CoreContext over a data folder: the composition shared by the app, the host and the CLI. */
import path from 'node:path';
import type { CoreContext } from './context';
import { openRegister } from './db/register';
import { FileStore } from './services/files';
import { JsonPrefsStore, type PrefsStore } from './services/prefs';
import { systemPrinting, type Printing } from './services/printing';
import { KeyFileSecretBox, type SecretBox } from './services/secrets';
import { ensureBuiltinTemplates } from './services/sop';

export interface CreateCoreOptions {
  dataDir: string;
  resourcesDir: string;
  nativeBinding?: string;
  prefs?: PrefsStore;
  printing?: Printing;
  /** Default: AES-256-GCM with the key file <dataDir>/kunci/loket.key (the Electron shell passes a safeStorage box). */
  secrets?: SecretBox;
  now?: () => Date;
}

export async function createCore(options: CreateCoreOptions): Promise<CoreContext> {
  const now = options.now ?? (() => new Date());
  const db = await openRegister({ dataDir: options.dataDir, nativeBinding: options.nativeBinding, now });
  ensureBuiltinTemplates(db, now());
  return {
    db,
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    files: new FileStore(db, path.join(options.dataDir, 'files'), now),
    prefs: options.prefs ?? new JsonPrefsStore(path.join(options.dataDir, 'meja-ini.json')),
    printing: options.printing ?? systemPrinting(),
    secrets: options.secrets ?? new KeyFileSecretBox(options.dataDir),
    now,
  };
}

