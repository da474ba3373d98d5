/**
 * Is this PDF file the document the Kadis approved? A file is accepted only when its SHA-256 equals
 * the stored PDF of an approved version. Otherwise the PDF's Keywords (the payload the QR code
 * carries: LOKET|type|number|vN|contentHash, written by pdf/registered.ts) tell which document the
 * file claims to be — kept in the file's info dictionary, outside the compressed page streams, so it
 * survives a change elsewhere in the file — and the answer says what is wrong with it: a version
 * not yet approved, or a file that is NOT the approved one.
 *
 * Used by `documents.verify` (the screen) and `loket verify-doc <file.pdf>`.
 */
import crypto from 'node:crypto';
import { DOCUMENT_TYPE_LABELS, type DocumentType, type VerifyDocumentResult } from '../../../shared/api/document-schemas';
import { formatInstantDateTimeId } from '../../../shared/domain/dates';
import type { Db } from '../db/register';
import { parseQrPayload, type QrPayload } from '../pdf/qr';
import { approvedPdfFor } from './documents';
import type { FileStore } from './files';
import type { SecretBox } from './secrets';

interface VersionMatch {
  document_id: number;
  type: DocumentType;
  number: string;
  version: number;
  content_hash: string;
  locked: number;
  pdf_sha256: string | null;
  approved_at: string | null;
  approved_by_name: string | null;
}

const SELECT = `
  SELECT v.document_id, d.type, d.number, v.version, v.content_hash, v.locked, v.pdf_sha256, v.approved_at,
         COALESCE(o.name, u.full_name) AS approved_by_name
    FROM document_versions v JOIN documents d ON d.id = v.document_id
    LEFT JOIN users u ON u.id = v.approved_by LEFT JOIN officials o ON o.id = u.official_id`;

/** The bytes of the PDF literal string starting at `open` (a "("), escapes undone; null when unterminated. */
function literalAt(text: string, open: number): string | null {
  let depth = 0;
  let out = '';
  for (let i = open; i < text.length && i < open + 20_000; i++) {
    const c = text[i] ?? '';
    if (c === '\\') {
      const next = text[i + 1] ?? '';
      const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4));
      if (octal) {
        out += String.fromCharCode(parseInt(octal[0], 8) & 0xff);
        i += octal[0].length;
      } else {
        out += ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[next] ?? (next === '\n' || next === '\r' ? '' : next);
        i += 1;
      }
      continue;
    }
    if (c === '(') {
      depth++;
      if (depth === 1) continue;
    } else if (c === ')') {
      depth--;
      if (depth === 0) return out;
    }
    out += c;
  }
  return null;
}

/** The bytes of the PDF hex string starting at `open` (a "<"). */
function hexAt(text: string, open: number): string | null {
  const close = text.indexOf('>', open);
  if (close < 0 || close - open > 40_000) return null;
  const hex = text.slice(open + 1, close).replace(/\s+/g, '');
  if (!/^[0-9A-Fa-f]*$/.test(hex)) return null;
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1');
}

/** A PDF text string's bytes as text: UTF-16BE after a byte-order mark, else PDFDocEncoding (≈ Latin-1). */
function decodeTextString(bytes: string): string {
  if (bytes.charCodeAt(0) !== 0xfe || bytes.charCodeAt(1) !== 0xff) return bytes;
  let out = '';
  for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
  return out;
}

/** The string value at `at` (after a key), direct or through an indirect object. */
function stringValue(text: string, at: number): string | null {
  const rest = text.slice(at, at + 40);
  const direct = /^\s*([(<])/.exec(rest);
  if (direct?.[1]) {
    const open = at + rest.indexOf(direct[1]);
    return direct[1] === '(' ? literalAt(text, open) : hexAt(text, open);
  }
  const ref = /^\s*(\d+)\s+(\d+)\s+R/.exec(rest);
  if (!ref) return null;
  const obj = new RegExp(`(?:^|[\\r\\n\\s])${ref[1]}\\s+${ref[2]}\\s+obj\\s*([(<])`).exec(text);
  if (!obj?.[1]) return null;
  const open = (obj.index ?? 0) + obj[0].length - 1;
  return obj[1] === '(' ? literalAt(text, open) : hexAt(text, open);
}

/** The Loket payload a PDF claims (its Keywords), or null. */
export function claimedPayload(pdf: Buffer): QrPayload | null {
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/\/Keywords/g)) {
    const bytes = stringValue(text, (m.index ?? 0) + m[0].length);
    const parsed = bytes === null ? null : parseQrPayload(decodeTextString(bytes));
    if (parsed) return parsed;
  }
  return null;
}

/** Whether the info dictionary marks the file as a draft (LoketStatus konsep). */
function claimsDraft(pdf: Buffer): boolean {
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/\/LoketStatus/g)) {
    const bytes = stringValue(text, (m.index ?? 0) + m[0].length);
    if (bytes !== null && decodeTextString(bytes) === 'konsep') return true;
  }
  return false;
}

function describe(m: Pick<VersionMatch, 'type' | 'number' | 'version'>): string {
  return `${DOCUMENT_TYPE_LABELS[m.type]} Nomor ${m.number} versi ${m.version}`;
}

function officeTimeZone(db: Db): string {
  const row = db.prepare('SELECT time_zone FROM office WHERE id = 1').get() as { time_zone: string } | undefined;
  return row?.time_zone ?? 'Asia/Jakarta';
}

function docOf(m: VersionMatch): NonNullable<VerifyDocumentResult['document']> {
  return {
    type: m.type,
    typeLabel: DOCUMENT_TYPE_LABELS[m.type],
    number: m.number,
    version: m.version,
    approvedBy: m.locked === 1 ? m.approved_by_name : null,
    approvedAt: m.locked === 1 ? m.approved_at : null,
  };
}

/** "(ukuran sama, 1 bita berbeda)" against the approved file, when it can be read here. */
function difference(approved: Buffer | null, pdf: Buffer): string {
  if (!approved) return '';
  if (approved.length !== pdf.length) return ` (ukuran berkas ${pdf.length} bita, yang disahkan ${approved.length} bita)`;
  let differing = 0;
  for (let i = 0; i < pdf.length; i++) if (pdf[i] !== approved[i]) differing++;
  return ` (ukuran sama, ${differing} bita berbeda)`;
}

/**
 * Checks a PDF file against the register. `files` and `secrets` are only used to say how a changed
 * file differs from the approved one (the access document's approved PDF is kept sealed); without
 * them the answer is the same, with less detail.
 */
export function verifyDocumentFile(db: Db, files: FileStore | null, pdf: Buffer, secrets: SecretBox | null = null): VerifyDocumentResult {
  if (pdf.length < 5 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
    return { status: 'unknown', document: null, message: 'Berkas ini bukan PDF.' };
  }
  const tz = officeTimeZone(db);
  const when = (iso: string | null) => (iso ? formatInstantDateTimeId(iso, tz) : '');
  const sha = crypto.createHash('sha256').update(pdf).digest('hex');

  const exact = db.prepare(`${SELECT} WHERE v.pdf_sha256 = ? AND v.locked = 1 ORDER BY v.document_id, v.version LIMIT 1`).get(sha) as VersionMatch | undefined;
  if (exact) {
    const newer = db.prepare('SELECT MAX(version) AS v, MAX(locked * version) AS approved FROM document_versions WHERE document_id = ?').get(exact.document_id) as {
      v: number;
      approved: number;
    };
    let note = '';
    if (newer.approved > exact.version) note = ` Catatan: sudah ada versi ${newer.approved} yang disahkan kemudian; gunakan versi itu.`;
    else if (newer.v > exact.version) note = ` Catatan: sudah ada versi ${newer.v} yang lebih baru, belum disahkan.`;
    return {
      status: 'approved',
      document: docOf(exact),
      message: `Berkas ini SAMA dengan ${describe(exact)} yang disahkan oleh ${exact.approved_by_name ?? 'Kepala Dinas'} pada ${when(exact.approved_at)}.${note}`,
    };
  }

  const claim = claimedPayload(pdf);
  if (!claim) {
    return {
      status: 'unknown',
      document: null,
      message: 'Berkas ini tidak dikenal: bukan dokumen yang diterbitkan Loket di register ini, atau keterangan dokumennya telah dihapus dari berkas.',
    };
  }
  const claimed = `${DOCUMENT_TYPE_LABELS[claim.type]} Nomor ${claim.number} versi ${claim.version}`;
  const match = db.prepare(`${SELECT} WHERE d.type = ? AND d.number = ? AND v.version = ?`).get(claim.type, claim.number, claim.version) as VersionMatch | undefined;
  if (!match) {
    return { status: 'unknown', document: null, message: `Berkas ini mengaku sebagai ${claimed}, tetapi dokumen itu tidak ada di register ini.` };
  }
  if (match.content_hash !== claim.contentHash) {
    return {
      status: 'modified',
      document: docOf(match),
      message: `Berkas ini TIDAK sama dengan dokumen yang tercatat: kode isi pada berkas tidak cocok dengan ${describe(match)}. Jangan gunakan berkas ini.`,
    };
  }
  if (match.locked === 1) {
    if (claimsDraft(pdf)) {
      return {
        status: 'not_approved',
        document: docOf(match),
        message: `Berkas ini adalah konsep ${describe(match)} yang dicetak sebelum disahkan. Versi ini sudah disahkan oleh ${match.approved_by_name ?? 'Kepala Dinas'} pada ${when(match.approved_at)}; gunakan berkas yang disahkan.`,
      };
    }
    return {
      status: 'modified',
      document: docOf(match),
      message:
        `Berkas ini TIDAK sama dengan dokumen yang disahkan: ${describe(match)}, disahkan oleh ${match.approved_by_name ?? 'Kepala Dinas'} pada ${when(match.approved_at)}` +
        `${difference(approvedPdfFor(db, files, secrets, match.document_id, match.version), pdf)}. Isinya telah diubah atau berkasnya rusak; jangan gunakan berkas ini dan minta salinan resmi.`,
    };
  }
  const approvedLater = db.prepare('SELECT MAX(version) AS v FROM document_versions WHERE document_id = ? AND locked = 1').get(match.document_id) as { v: number | null };
  return {
    status: 'not_approved',
    document: docOf(match),
    message:
      `Berkas ini adalah ${describe(match)} yang BELUM disahkan Kepala Dinas (konsep); bukan dokumen resmi.` +
      (approvedLater.v !== null ? ` Versi yang disahkan: versi ${approvedLater.v}.` : ''),
  };
}
