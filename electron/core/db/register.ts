/**
 * Opening the register: the SQLite file in the data folder, with WAL, foreign keys, a busy timeout
 * for other desks' processes, and the numbered migrations run in one transaction after a backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export class RegisterTooNewError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(
      `Register ini dibuat oleh Loket versi yang lebih baru (skema ${found}; aplikasi ini hanya mengenal sampai skema ${known}). ` +
        'Perbarui Loket terlebih dahulu. Register tidak diubah.',
    );
    this.name = 'RegisterTooNewError';
  }
}

export interface OpenRegisterOptions {
  /** The data folder; the register is `loket.sqlite` inside it. */
  dataDir: string;
  /** better-sqlite3 compiled for another runtime (Electron), see scripts/native-electron.mjs. */
  nativeBinding?: string;
  /** Migrations to apply; tests pass their own list. */
  migrations?: readonly Migration[];
  now?: () => Date;
}

export const REGISTER_FILE = 'loket.sqlite';

export function registerPath(dataDir: string): string {
  return path.join(dataDir, REGISTER_FILE);
}

function currentVersion(db: Db): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

function timestampForFile(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Opens (creating if needed) and migrates the register. */
export async function openRegister(options: OpenRegisterOptions): Promise<Db> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const now = options.now ?? (() => new Date());
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = registerPath(options.dataDir);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 15000');

    const found = currentVersion(db);
    if (found > latest) throw new RegisterTooNewError(found, latest);
    const pending = migrations.filter((m) => m.version > found).sort((a, b) => a.version - b.version);
    if (pending.length === 0) return db;

    if (found > 0) {
      const backupDir = path.join(options.dataDir, 'backups');
      fs.mkdirSync(backupDir, { recursive: true });
      await db.backup(path.join(backupDir, `sebelum-migrasi-v${found}-ke-v${latest}-${timestampForFile(now())}.sqlite`));
    }

    const apply = db.transaction(() => {
      // Another process may have migrated while we waited for the lock.
      const again = currentVersion(db);
      for (const m of pending) {
        if (m.version <= again) continue;
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          m.version,
          m.name,
          now().toISOString(),
        );
      }
    });
    apply.immediate();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export { LATEST_SCHEMA_VERSION };
