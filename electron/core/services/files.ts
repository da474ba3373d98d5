/**
 * Scans and images kept in the data folder by content hash (files/ab/abcdef…), so the same scan is
 * stored once and a file cannot be changed behind the register's back.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { ACCEPTED_SCAN_TYPES, MAX_UPLOAD_BYTES } from '../../../shared/api/schemas';
import type { Db } from '../db/register';

export type AcceptedMime = (typeof ACCEPTED_SCAN_TYPES)[number];

/** The file type from its first bytes; the name and the browser's claim are not trusted. */
export function sniffMime(data: Uint8Array): AcceptedMime | null {
  if (data.length >= 5 && data[0] === 0x25 && data[1] === 0x50 && data[2] === 0x44 && data[3] === 0x46 && data[4] === 0x2d) {
    return 'application/pdf';
  }
  if (data.length >= 8 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  return null;
}

export interface StoredFile {
  sha256: string;
  mime: AcceptedMime;
  size: number;
}

export class FileStore {
  constructor(
    private readonly db: Db,
    private readonly root: string,
    private readonly now: () => Date,
  ) {}

  private pathFor(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Stores the bytes (once) and records them in the register. */
  put(data: Buffer): StoredFile {
    if (data.length === 0) throw new ApiError('UNSUPPORTED_FILE', 'Berkas kosong. Pindai ulang surat tersebut.');
    if (data.length > MAX_UPLOAD_BYTES) {
      throw new ApiError('TOO_LARGE', `Berkas terlalu besar (${(data.length / 1048576).toFixed(1)} MB). Batasnya ${MAX_UPLOAD_BYTES / 1048576} MB.`);
    }
    const mime = sniffMime(data);
    if (!mime) throw new ApiError('UNSUPPORTED_FILE', 'Berkas bukan PDF, JPG, atau PNG yang sah.');
    const sha256 = crypto.createHash('sha256').update(data).digest('hex');
    const target = this.pathFor(sha256);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      const fd = fs.openSync(tmp, 'w');
      try {
        fs.writeSync(fd, data);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, target);
    }
    this.db
      .prepare('INSERT OR IGNORE INTO attachments (sha256, mime, size, created_at) VALUES (?, ?, ?, ?)')
      .run(sha256, mime, data.length, this.now().toISOString());
    return { sha256, mime, size: data.length };
  }

  has(sha256: string): boolean {
    return this.db.prepare('SELECT 1 FROM attachments WHERE sha256 = ?').get(sha256) !== undefined;
  }

  read(sha256: string): { data: Buffer; mime: string; size: number } {
    const row = this.db.prepare('SELECT mime, size FROM attachments WHERE sha256 = ?').get(sha256) as
      | { mime: string; size: number }
      | undefined;
    if (!row) throw new ApiError('NOT_FOUND', 'Berkas pindaian tidak ditemukan di register.');
    const file = this.pathFor(sha256);
    if (!fs.existsSync(file)) throw new ApiError('NOT_FOUND', 'Berkas pindaian hilang dari folder data. Pulihkan dari cadangan.');
    const data = fs.readFileSync(file);
    return { data, mime: row.mime, size: row.size };
  }
}
