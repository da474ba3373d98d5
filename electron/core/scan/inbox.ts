/**
 * The scan folder: where a network copier's "scan to folder" drops PDFs and images. Each new file
 * is imported once into the file store and listed in the inbox (scan_inbox), to be attached to a
 * new or an existing letter, or dismissed.
 *
 * Never lose a file: the source is never deleted; it is moved (to the subfolder "diproses") only
 * when the setting says so, and only after the import is committed.
 * Never import one twice: every handled file version is recorded by path + size + mtime
 * (scan_seen), and the inbox is unique by content hash — across restarts, and across desks that
 * watch the same share.
 * Only whole files: a file is read when its size has been stable for `stableMs` (chokidar's
 * awaitWriteFinish) AND its content is complete (the magic bytes are right, a PDF ends with
 * %%EOF, a PNG with IEND, a JPEG with its end marker) AND its size and mtime did not change while
 * it was read; otherwise it is tried again later.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { ApiError } from '../../../shared/api/errors';
import { MAX_UPLOAD_BYTES } from '../../../shared/api/schemas';
import type { InboxItem, InboxStatus, ScanFolderSettings } from '../../../shared/api/scan-schemas';
import type { Db } from '../db/register';
import { appendAudit } from '../services/audit';
import { sniffMime, type FileStore } from '../services/files';

export const PROCESSED_SUBFOLDER = 'diproses';
const ACCEPTED_EXTENSION = /\.(pdf|jpe?g|png)$/i;
/** Files written by copiers and editors while a transfer is still going on. */
const TEMPORARY_NAME = /(^\.|^~\$|\.(tmp|part|partial|crdownload|filepart)$)/i;

export const DEFAULT_SCAN_FOLDER_SETTINGS: ScanFolderSettings = { folder: null, polling: false, pollIntervalMs: 2000, stableMs: 2000, afterImport: 'keep' };

interface SettingsRow {
  folder: string | null;
  polling: number;
  poll_interval_ms: number;
  stable_ms: number;
  after_import: 'keep' | 'move';
}

export function getScanFolderSettings(db: Db): ScanFolderSettings {
  const row = db.prepare('SELECT folder, polling, poll_interval_ms, stable_ms, after_import FROM scan_settings WHERE id = 1').get() as SettingsRow | undefined;
  if (!row) return { ...DEFAULT_SCAN_FOLDER_SETTINGS };
  return { folder: row.folder, polling: row.polling === 1, pollIntervalMs: row.poll_interval_ms, stableMs: row.stable_ms, afterImport: row.after_import };
}

export function saveScanFolderSettings(db: Db, settings: ScanFolderSettings, userId: number | null, now: Date): ScanFolderSettings {
  if (settings.folder !== null && !path.isAbsolute(settings.folder)) {
    throw new ApiError('INVALID_INPUT', 'Tulis lokasi folder lengkap, misalnya /srv/pindaian atau \\\\server\\pindaian.', {
      folder: 'Lokasi folder harus lengkap (absolut).',
    });
  }
  const before = getScanFolderSettings(db);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO scan_settings (id, folder, polling, poll_interval_ms, stable_ms, after_import, updated_by, updated_at)
       VALUES (1, @folder, @polling, @pollIntervalMs, @stableMs, @afterImport, @userId, @at)
       ON CONFLICT (id) DO UPDATE SET folder = excluded.folder, polling = excluded.polling, poll_interval_ms = excluded.poll_interval_ms,
         stable_ms = excluded.stable_ms, after_import = excluded.after_import, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    ).run({ ...settings, polling: settings.polling ? 1 : 0, userId, at: now.toISOString() });
    appendAudit(db, { at: now.toISOString(), userId, action: 'folder_pindaian.diubah', entity: 'scan_settings', entityId: 1, before, after: settings });
  })();
  return getScanFolderSettings(db);
}

interface InboxRow {
  id: number;
  sha256: string;
  original_name: string;
  mime: string;
  size: number;
  mtime: string;
  arrived_at: string;
  status: InboxStatus;
  letter_id: number | null;
  agenda_number: string | null;
}

const toItem = (r: InboxRow): InboxItem => ({
  id: r.id,
  sha256: r.sha256,
  name: r.original_name,
  mime: r.mime,
  size: r.size,
  modifiedAt: r.mtime,
  arrivedAt: r.arrived_at,
  status: r.status,
  letterId: r.letter_id,
  agendaNumber: r.agenda_number,
});

const SELECT_INBOX = `SELECT i.id, i.sha256, i.original_name, a.mime, i.size, i.mtime, i.arrived_at, i.status, i.letter_id, l.agenda_number
  FROM scan_inbox i JOIN attachments a ON a.sha256 = i.sha256 LEFT JOIN letters l ON l.id = i.letter_id`;

export function listInbox(db: Db, status: InboxStatus | null, limit: number): InboxItem[] {
  const rows = db
    .prepare(`${SELECT_INBOX} WHERE (@status IS NULL OR i.status = @status) ORDER BY i.arrived_at DESC, i.id DESC LIMIT @limit`)
    .all({ status, limit }) as InboxRow[];
  return rows.map(toItem);
}

export function getInboxItem(db: Db, id: number): InboxItem {
  const row = db.prepare(`${SELECT_INBOX} WHERE i.id = ?`).get(id) as InboxRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', 'Berkas tidak ada di kotak masuk pindaian.');
  return toItem(row);
}

export function dismissInboxItem(db: Db, id: number, userId: number, now: Date): InboxItem {
  const item = getInboxItem(db, id);
  if (item.status === 'attached') throw new ApiError('CONFLICT', `Berkas ini sudah dilampirkan pada surat ${item.agendaNumber ?? ''}; tidak dapat diabaikan.`.replace(' ;', ';'));
  db.transaction(() => {
    db.prepare("UPDATE scan_inbox SET status = 'dismissed', status_by = ?, status_at = ? WHERE id = ?").run(userId, now.toISOString(), id);
    appendAudit(db, { at: now.toISOString(), userId, action: 'pindaian.diabaikan', entity: 'scan_inbox', entityId: id, after: { sha256: item.sha256, name: item.name } });
  })();
  return getInboxItem(db, id);
}

/** Whether the bytes are a whole PDF / PNG / JPEG (not one still being written). */
export function isCompleteFile(data: Buffer): { complete: boolean; mime: ReturnType<typeof sniffMime> } {
  const mime = sniffMime(data);
  if (mime === null) return { complete: false, mime };
  if (mime === 'application/pdf') {
    // The end-of-file marker near the end (some producers add a few bytes after it).
    const tail = data.subarray(Math.max(0, data.length - 1024)).toString('latin1');
    return { complete: tail.includes('%%EOF'), mime };
  }
  if (mime === 'image/png') {
    const iend = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
    return { complete: data.subarray(Math.max(0, data.length - 64)).includes(iend), mime };
  }
  // JPEG: the end-of-image marker, possibly followed by padding.
  const tail = data.subarray(Math.max(0, data.length - 64));
  for (let i = tail.length - 2; i >= 0; i--) {
    if (tail[i] === 0xff && tail[i + 1] === 0xd9) return { complete: true, mime };
  }
  return { complete: false, mime };
}

export interface ScanInboxOptions {
  db: Db;
  files: FileStore;
  now: () => Date;
  log?: (message: string) => void;
  /** How often an incomplete file is looked at again before it is reported. Default 30. */
  maxRetries?: number;
}

interface Rejection {
  path: string;
  reason: string;
  at: string;
}

/** Watches the configured scan folder and imports what arrives. */
export class ScanInbox {
  private watcher: FSWatcher | null = null;
  private settings: ScanFolderSettings = { ...DEFAULT_SCAN_FOLDER_SETTINGS };
  private queue: Promise<void> = Promise.resolve();
  private readonly queued = new Set<string>();
  private readonly retries = new Map<string, { count: number; timer: NodeJS.Timeout | null }>();
  private message: string | null = null;
  private running = false;
  private sweepTimer: NodeJS.Timeout | null = null;
  /** Size and mtime of each file at the last sweep: a sweep hands on only files that stood still since. */
  private readonly lastSweep = new Map<string, string>();

  constructor(private readonly opts: ScanInboxOptions) {}

  get watching(): boolean {
    return this.running;
  }

  state(): { settings: ScanFolderSettings; watching: boolean; message: string | null; rejected: Rejection[] } {
    const rejected = this.opts.db
      .prepare("SELECT path, reason, seen_at AS at FROM scan_seen WHERE outcome = 'rejected' ORDER BY seen_at DESC LIMIT 20")
      .all() as Rejection[];
    return { settings: getScanFolderSettings(this.opts.db), watching: this.running, message: this.message, rejected };
  }

  private attempted = false;

  /** Starts watching once per process if a folder is set and nobody started it yet (the inbox screen opening). */
  async ensureStarted(): Promise<void> {
    if (this.attempted || this.running) return;
    if (getScanFolderSettings(this.opts.db).folder === null) return;
    await this.start();
  }

  /** Starts watching the folder in the settings (stopping a previous watch). Resolves once the folder has been listed. */
  async start(): Promise<void> {
    this.attempted = true;
    await this.stop();
    this.settings = getScanFolderSettings(this.opts.db);
    const folder = this.settings.folder;
    if (folder === null) {
      this.message = 'Folder pindaian belum diatur.';
      return;
    }
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
      this.message = `Folder pindaian "${folder}" tidak ditemukan atau tidak dapat dibuka. Periksa lokasi dan sambungan jaringannya.`;
      return;
    }
    const processed = path.join(folder, PROCESSED_SUBFOLDER);
    const watcher = watch(folder, {
      persistent: true,
      ignoreInitial: false,
      depth: 0,
      usePolling: this.settings.polling,
      interval: this.settings.pollIntervalMs,
      binaryInterval: this.settings.pollIntervalMs,
      atomic: false,
      awaitWriteFinish: { stabilityThreshold: this.settings.stableMs, pollInterval: Math.min(100, this.settings.stableMs) },
      ignored: (p, stats) => {
        if (p === processed || p.startsWith(processed + path.sep)) return true;
        if (TEMPORARY_NAME.test(path.basename(p))) return true;
        return stats?.isFile() === true && !ACCEPTED_EXTENSION.test(p);
      },
    });
    this.watcher = watcher;
    watcher.on('add', (p) => this.enqueue(p));
    watcher.on('change', (p) => this.enqueue(p));
    watcher.on('error', (error) => {
      this.message = `Folder pindaian tidak dapat dipantau: ${error instanceof Error ? error.message : String(error)}`;
      this.opts.log?.(this.message);
    });
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    this.running = true;
    this.message = null;
    // File-system events can be missed (network shares, a busy machine): a slower sweep of the
    // folder hands on every file that was not handled yet and has not changed since the last sweep.
    const every = this.settings.polling ? Math.max(1000, this.settings.pollIntervalMs * 5) : 60_000;
    this.lastSweep.clear();
    this.sweepTimer = setInterval(() => void this.sweep(folder), every);
    this.sweepTimer.unref();
  }

  private async sweep(folder: string): Promise<void> {
    let names: string[];
    try {
      names = await fs.promises.readdir(folder);
    } catch (error) {
      this.message = `Folder pindaian tidak dapat dibaca: ${error instanceof Error ? error.message : String(error)}`;
      return;
    }
    for (const name of names) {
      if (!ACCEPTED_EXTENSION.test(name) || TEMPORARY_NAME.test(name)) continue;
      const file = path.join(folder, name);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (!stat?.isFile()) continue;
      const key = `${stat.size}:${Math.round(stat.mtimeMs)}`;
      const before = this.lastSweep.get(file);
      this.lastSweep.set(file, key);
      if (before === key && !this.seen(file, stat.size, Math.round(stat.mtimeMs))) this.enqueue(file);
    }
  }

  /** Stops watching; waits for an import in progress to finish. */
  async stop(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = null;
    this.running = false;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
    for (const r of this.retries.values()) if (r.timer) clearTimeout(r.timer);
    this.retries.clear();
    if (watcher) await watcher.close();
    await this.idle();
  }

  /** Resolves when every file handed to the importer so far has been handled. */
  async idle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.queue;
      await current;
    } while (current !== this.queue);
  }

  /** Looks at one file now (also used by the watcher). */
  enqueue(file: string): void {
    if (this.queued.has(file)) return;
    this.queued.add(file);
    this.queue = this.queue.then(async () => {
      this.queued.delete(file);
      try {
        await this.handle(file);
      } catch (error) {
        this.message = `Berkas "${path.basename(file)}" belum dapat dibaca: ${error instanceof Error ? error.message : String(error)}`;
        this.opts.log?.(this.message);
        this.retryLater(file);
      }
    });
  }

  private retryLater(file: string): void {
    if (!this.watcher) return;
    const entry = this.retries.get(file) ?? { count: 0, timer: null };
    if (entry.timer) clearTimeout(entry.timer);
    entry.count += 1;
    if (entry.count > (this.opts.maxRetries ?? 30)) {
      this.retries.delete(file);
      return;
    }
    entry.timer = setTimeout(() => {
      entry.timer = null;
      this.enqueue(file);
    }, this.settings.stableMs);
    this.retries.set(file, entry);
  }

  private seen(file: string, size: number, mtimeMs: number): boolean {
    return this.opts.db.prepare('SELECT 1 FROM scan_seen WHERE path = ? AND size = ? AND mtime_ms = ?').get(file, size, mtimeMs) !== undefined;
  }

  private record(file: string, size: number, mtimeMs: number, outcome: 'imported' | 'duplicate' | 'rejected', sha256: string | null, inboxId: number | null, reason: string | null): void {
    this.opts.db
      .prepare(
        `INSERT OR IGNORE INTO scan_seen (path, size, mtime_ms, sha256, inbox_id, outcome, reason, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(file, size, mtimeMs, sha256, inboxId, outcome, reason, this.opts.now().toISOString());
  }

  private async handle(file: string): Promise<void> {
    let before: fs.Stats;
    try {
      before = await fs.promises.stat(file);
    } catch {
      return; // gone (moved away by someone else)
    }
    if (!before.isFile()) return;
    const mtimeMs = Math.round(before.mtimeMs);
    if (this.seen(file, before.size, mtimeMs)) {
      this.retries.delete(file);
      return;
    }
    if (before.size === 0) return this.retryLater(file);
    if (before.size > MAX_UPLOAD_BYTES) {
      this.record(file, before.size, mtimeMs, 'rejected', null, null, `Lebih besar dari ${MAX_UPLOAD_BYTES / 1048576} MB.`);
      return;
    }
    const data = await fs.promises.readFile(file);
    const after = await fs.promises.stat(file);
    if (after.size !== before.size || Math.round(after.mtimeMs) !== mtimeMs || data.length !== before.size) return this.retryLater(file);
    const { complete, mime } = isCompleteFile(data);
    if (!complete) {
      const attempts = this.retries.get(file)?.count ?? 0;
      if (attempts >= (this.opts.maxRetries ?? 30)) {
        const reason = mime === null ? 'Bukan PDF, JPG, atau PNG yang sah.' : 'Berkas tidak lengkap (terpotong). Kirim ulang dari mesin pindai.';
        this.record(file, before.size, mtimeMs, 'rejected', null, null, reason);
        this.retries.delete(file);
        return;
      }
      return this.retryLater(file);
    }
    this.retries.delete(file);
    const sha256 = crypto.createHash('sha256').update(data).digest('hex');
    const db = this.opts.db;
    const existing = db.prepare('SELECT id FROM scan_inbox WHERE sha256 = ?').get(sha256) as { id: number } | undefined;
    if (existing) {
      this.record(file, before.size, mtimeMs, 'duplicate', sha256, existing.id, null);
      return;
    }
    try {
      this.opts.files.put(data);
    } catch (error) {
      this.record(file, before.size, mtimeMs, 'rejected', sha256, null, error instanceof Error ? error.message : String(error));
      return;
    }
    const now = this.opts.now().toISOString();
    const inboxId = db.transaction((): number | null => {
      const inserted = db
        .prepare(
          `INSERT INTO scan_inbox (sha256, original_name, source_path, size, mtime, arrived_at, status)
           VALUES (?, ?, ?, ?, ?, ?, 'new') ON CONFLICT (sha256) DO NOTHING`,
        )
        .run(sha256, path.basename(file), file, before.size, new Date(mtimeMs).toISOString(), now);
      const id = inserted.changes > 0 ? Number(inserted.lastInsertRowid) : ((db.prepare('SELECT id FROM scan_inbox WHERE sha256 = ?').get(sha256) as { id: number }).id);
      this.record(file, before.size, mtimeMs, inserted.changes > 0 ? 'imported' : 'duplicate', sha256, id, null);
      return id;
    }).immediate();
    if (inboxId !== null && this.settings.afterImport === 'move') this.moveToProcessed(file);
  }

  private moveToProcessed(file: string): void {
    const dir = path.join(path.dirname(file), PROCESSED_SUBFOLDER);
    try {
      fs.mkdirSync(dir, { recursive: true });
      const ext = path.extname(file);
      const base = path.basename(file, ext);
      let target = path.join(dir, path.basename(file));
      for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${base} (${n})${ext}`);
      fs.renameSync(file, target);
    } catch (error) {
      // The import is committed; the file simply stays where it is.
      this.message = `Berkas "${path.basename(file)}" sudah masuk, tetapi tidak dapat dipindahkan ke "${PROCESSED_SUBFOLDER}": ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
