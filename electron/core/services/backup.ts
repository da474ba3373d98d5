/**
 * Backups of the whole office record: the register (through SQLite's online backup API, safe
 * while desks are working) and the scan files it refers to. A backup is a folder
 *   backups/<name>/loket.sqlite, files/…, manifest.json
 * Scan files are named by their content hash and never change, so they are hard-linked into the
 * backup when the backup is on the same disk (no extra space) and copied otherwise.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/register';
import { LATEST_SCHEMA_VERSION, REGISTER_FILE, registerPath } from '../db/register';

export const BACKUP_DIR = 'backups';
export const MANIFEST = 'manifest.json';
/** Automatic backups kept; older automatic ones are removed. Manual ones are never removed. */
export const KEEP_AUTOMATIC = 14;
/** An automatic backup is made when the newest one is older than this. */
export const AUTOMATIC_INTERVAL_HOURS = 24;

export interface BackupManifest {
  format: 'loket-cadangan-1';
  createdAt: string;
  kind: 'otomatis' | 'manual' | 'sebelum-pemulihan';
  schemaVersion: number;
  registerSha256: string;
  letters: number;
  files: number;
  fileBytes: number;
}

export interface BackupInfo extends BackupManifest {
  name: string;
  path: string;
}

/** The file's SHA-256, read in pieces: a ten-year register is larger than one Buffer may be (2 GiB). */
function sha256File(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(4 * 1024 * 1024);
    for (let n = fs.readSync(fd, chunk, 0, chunk.length, null); n > 0; n = fs.readSync(fd, chunk, 0, chunk.length, null)) hash.update(chunk.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** As sha256File, streamed: the host keeps answering while a large register is hashed. */
async function sha256FileAsync(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
}

function linkOrCopy(source: string, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (fs.existsSync(target)) return;
  try {
    fs.linkSync(source, target);
  } catch {
    fs.copyFileSync(source, target);
  }
}

/** Every scan file the register refers to, as paths relative to files/. */
function referencedFiles(db: Db): string[] {
  const rows = db.prepare('SELECT sha256 FROM attachments ORDER BY sha256').all() as Array<{ sha256: string }>;
  return rows.map((r) => path.join(r.sha256.slice(0, 2), r.sha256));
}

/** Makes a backup of the open register and its files into `targetDir` (a new folder). */
export async function writeBackup(db: Db, dataDir: string, targetDir: string, kind: BackupManifest['kind'], now: Date): Promise<BackupInfo> {
  if (fs.existsSync(targetDir) && fs.readdirSync(targetDir).length > 0) {
    throw new Error(`Folder cadangan ${targetDir} sudah berisi berkas. Pilih folder baru.`);
  }
  fs.mkdirSync(targetDir, { recursive: true });
  const partial = path.join(targetDir, `${REGISTER_FILE}.sebagian`);
  await db.backup(partial);
  fs.renameSync(partial, path.join(targetDir, REGISTER_FILE));
  // The file list is read from the copy, so it matches the register in the backup exactly.
  const copy = new Database(path.join(targetDir, REGISTER_FILE), { readonly: true });
  let files: string[];
  let letters: number;
  let schemaVersion: number;
  try {
    files = referencedFiles(copy);
    letters = (copy.prepare('SELECT COUNT(*) AS n FROM letters').get() as { n: number }).n;
    schemaVersion = (copy.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v;
  } finally {
    copy.close();
  }
  let fileBytes = 0;
  const missing: string[] = [];
  for (const rel of files) {
    const source = path.join(dataDir, 'files', rel);
    if (!fs.existsSync(source)) {
      missing.push(rel);
      continue;
    }
    linkOrCopy(source, path.join(targetDir, 'files', rel));
    fileBytes += fs.statSync(source).size;
  }
  const manifest: BackupManifest = {
    format: 'loket-cadangan-1',
    createdAt: now.toISOString(),
    kind,
    schemaVersion,
    registerSha256: await sha256FileAsync(path.join(targetDir, REGISTER_FILE)),
    letters,
    files: files.length - missing.length,
    fileBytes,
  };
  fs.writeFileSync(path.join(targetDir, MANIFEST), JSON.stringify({ ...manifest, missingFiles: missing }, null, 2));
  return { ...manifest, name: path.basename(targetDir), path: targetDir };
}

export function backupsRoot(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

export function readManifest(dir: string): BackupManifest | null {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as Partial<BackupManifest>;
    return raw.format === 'loket-cadangan-1' ? (raw as BackupManifest) : null;
  } catch {
    return null;
  }
}

export function listBackups(dataDir: string): BackupInfo[] {
  const root = backupsRoot(dataDir);
  if (!fs.existsSync(root)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(root)) {
    const dir = path.join(root, name);
    const manifest = fs.statSync(dir).isDirectory() ? readManifest(dir) : null;
    if (manifest) out.push({ ...manifest, name, path: dir });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/** A backup into backups/ under the data folder, with rotation of the automatic ones. */
export async function backupNow(db: Db, dataDir: string, kind: BackupManifest['kind'], now: Date): Promise<BackupInfo> {
  const name = `loket-${stamp(now)}-${kind}`;
  const info = await writeBackup(db, dataDir, path.join(backupsRoot(dataDir), name), kind, now);
  if (kind === 'otomatis') {
    for (const old of listBackups(dataDir).filter((b) => b.kind === 'otomatis').slice(KEEP_AUTOMATIC)) {
      fs.rmSync(old.path, { recursive: true, force: true });
    }
  }
  return info;
}

/** Makes the automatic backup when the newest one is older than the interval; returns it or null. */
export async function automaticBackupIfDue(db: Db, dataDir: string, now: Date): Promise<BackupInfo | null> {
  const newest = listBackups(dataDir).find((b) => b.kind === 'otomatis');
  if (newest && now.getTime() - Date.parse(newest.createdAt) < AUTOMATIC_INTERVAL_HOURS * 3_600_000) return null;
  return backupNow(db, dataDir, 'otomatis', now);
}

/** Checks a backup folder before it is restored; returns the problems in Indonesian. */
export function checkBackup(dir: string): { manifest: BackupManifest | null; problems: string[] } {
  const manifest = readManifest(dir);
  if (!manifest) return { manifest: null, problems: [`${dir} bukan folder cadangan Loket (manifest.json tidak ada atau rusak).`] };
  const problems: string[] = [];
  const file = path.join(dir, REGISTER_FILE);
  if (!fs.existsSync(file)) return { manifest, problems: ['Berkas register (loket.sqlite) tidak ada di cadangan.'] };
  if (sha256File(file) !== manifest.registerSha256) problems.push('Berkas register di cadangan telah berubah sejak dicadangkan.');
  if (manifest.schemaVersion > LATEST_SCHEMA_VERSION) {
    problems.push(`Cadangan dibuat oleh Loket versi lebih baru (skema ${manifest.schemaVersion}). Perbarui Loket dahulu.`);
  }
  const db = new Database(file, { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`Pemeriksaan keutuhan register cadangan gagal: ${String(integrity)}`);
    for (const rel of referencedFiles(db)) {
      if (!fs.existsSync(path.join(dir, 'files', rel))) problems.push(`Berkas pindaian ${path.basename(rel).slice(0, 12)}… tidak ada di cadangan.`);
    }
  } finally {
    db.close();
  }
  return { manifest, problems };
}

/**
 * Restores a backup into the data folder. Loket must be closed on this computer (the register
 * file is replaced). The register being replaced is kept first as a "sebelum-pemulihan" backup.
 */
export async function restoreBackup(dir: string, dataDir: string, now: Date): Promise<{ restored: BackupManifest; previous: BackupInfo | null }> {
  const { manifest, problems } = checkBackup(dir);
  if (!manifest || problems.length > 0) throw new Error(`Cadangan tidak dapat dipulihkan:\n- ${problems.join('\n- ')}`);
  const target = registerPath(dataDir);
  let previous: BackupInfo | null = null;
  if (fs.existsSync(target)) {
    const current = new Database(target);
    try {
      previous = await backupNow(current, dataDir, 'sebelum-pemulihan', now);
    } finally {
      current.close();
    }
  }
  fs.mkdirSync(dataDir, { recursive: true });
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  const incoming = `${target}.pemulihan`;
  fs.copyFileSync(path.join(dir, REGISTER_FILE), incoming);
  fs.renameSync(incoming, target);
  const source = new Database(target, { readonly: true });
  try {
    for (const rel of referencedFiles(source)) {
      const to = path.join(dataDir, 'files', rel);
      // A file already there is kept only if its content is what its name (its hash) says.
      if (fs.existsSync(to) && sha256File(to) === path.basename(rel)) continue;
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(path.join(dir, 'files', rel), to);
    }
  } finally {
    source.close();
  }
  return { restored: manifest, previous };
}

/** Checks at start and every hour whether the daily automatic backup is due. Returns a stop function. */
export function scheduleAutomaticBackups(db: Db, dataDir: string, now: () => Date, log: (message: string) => void): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    automaticBackupIfDue(db, dataDir, now())
      .then((info) => {
        if (info) log(`Cadangan otomatis dibuat: ${info.path}`);
      })
      .catch((error: unknown) => log(`Cadangan otomatis gagal: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
