/**
 * Scans and images kept in the data folder by content hash (files/ab/abcdef…), so the same scan is
 * stored once and a file cannot be changed behind the register's back.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
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

/**
 * Whether a file of a sniffed type is whole: a scan cut off while it was copied or uploaded (a PDF
 * without its end marker, a PNG without its header or end chunk, a JPEG without its end marker)
 * is refused, so the register never keeps half a letter. Returns the problem in Indonesian, or null.
 */
export function truncatedFileProblem(data: Uint8Array, mime: AcceptedMime): string | null {
  const tail = Buffer.from(data.subarray(Math.max(0, data.length - 2048))).toString('latin1');
  if (mime === 'application/pdf') {
    return tail.includes('%%EOF') ? null : 'Berkas PDF terpotong atau rusak (akhir berkas tidak ada). Pindai atau unggah ulang.';
  }
  if (mime === 'image/png') {
    const header = Buffer.from(data.subarray(12, 16)).toString('latin1');
    return header === 'IHDR' && tail.includes('IEND') ? null : 'Berkas PNG terpotong atau rusak. Pindai atau unggah ulang.';
  }
  return tail.includes('\xff\xd9') ? null : 'Berkas JPG terpotong atau rusak (akhir gambar tidak ada). Pindai atau unggah ulang.';
}

/** The most pixels a stored PNG may have (an A4 page scanned at 600 dpi is about 35 million). */
export const MAX_PNG_PIXELS = 60_000_000;

/**
 * Whether a PNG decodes: a valid header, image data that inflates to exactly the size the header
 * says, a valid filter on every row. pdfkit decodes a PNG with transparency in a zlib callback
 * where an error cannot be caught and ends the process, so an image that would fail there (a logo,
 * a scan put into a PDF) is refused before it is stored or drawn. Returns the problem, or null.
 */
export function pngProblem(data: Uint8Array): string | null {
  const bad = 'Berkas PNG rusak dan tidak dapat ditampilkan. Pindai atau unggah ulang.';
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 8 + 25 + 12) return bad;
  let pos = 8;
  let header: { width: number; height: number; bits: number; colorType: number; interlace: number } | null = null;
  const idat: Buffer[] = [];
  let ended = false;
  while (pos + 8 <= buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const body = pos + 8;
    if (length > buf.length - body - 4) return bad;
    if (type === 'IHDR') {
      if (length !== 13 || header) return bad;
      header = { width: buf.readUInt32BE(body), height: buf.readUInt32BE(body + 4), bits: buf[body + 8] ?? 0, colorType: buf[body + 9] ?? 0, interlace: buf[body + 12] ?? 0 };
      if (buf[body + 10] !== 0 || buf[body + 11] !== 0) return bad;
    } else if (!header) return bad;
    else if (type === 'IDAT') idat.push(buf.subarray(body, body + length));
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    pos = body + length + 4;
  }
  if (!header || !ended || idat.length === 0) return bad;
  const channels: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
  const allowedBits: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
  const c = channels[header.colorType];
  if (c === undefined || !allowedBits[header.colorType]?.includes(header.bits) || header.interlace > 1) return bad;
  if (header.width === 0 || header.height === 0) return bad;
  if (header.width * header.height > MAX_PNG_PIXELS) return `Gambar PNG terlalu besar (${header.width} × ${header.height} piksel).`;
  const rowBytes = Math.ceil((header.width * c * header.bits) / 8);
  // Adam7 interlacing: seven passes, each its own rows with their own filter bytes.
  const passes =
    header.interlace === 1
      ? [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]].map(([x0, y0, dx, dy]) => ({
          w: Math.ceil((header.width - (x0 ?? 0)) / (dx ?? 1)),
          h: Math.ceil((header.height - (y0 ?? 0)) / (dy ?? 1)),
        }))
      : [{ w: header.width, h: header.height }];
  let expected = 0;
  for (const p of passes) if (p.w > 0 && p.h > 0) expected += p.h * (1 + Math.ceil((p.w * c * header.bits) / 8));
  let pixels: Buffer;
  try {
    pixels = zlib.inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
  } catch {
    return bad;
  }
  if (pixels.length !== expected) return bad;
  let at = 0;
  for (const p of passes) {
    if (p.w <= 0 || p.h <= 0) continue;
    const bytes = header.interlace === 1 ? Math.ceil((p.w * c * header.bits) / 8) : rowBytes;
    for (let row = 0; row < p.h; row++) {
      if ((pixels[at] ?? 255) > 4) return bad;
      at += 1 + bytes;
    }
  }
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
    const cut = truncatedFileProblem(data, mime) ?? (mime === 'image/png' ? pngProblem(data) : null);
    if (cut) throw new ApiError('UNSUPPORTED_FILE', cut);
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
