/**
 * The verification stamp every registered document carries at the bottom left of its last page: a
 * QR code with `LOKET|{type}|{number}|v{version}|{contentHash}` and, beside it, the line
 * "Nomor … · versi … · {first 16 hex of the content hash}" with the approval (or "KONSEP" for a
 * version not yet approved). The same payload goes into the PDF's Keywords, where
 * services/verify-doc.ts reads which document a file claims to be even when a byte elsewhere has
 * changed.
 *
 * The QR code is drawn as vector squares from the `qrcode` package's module matrix (error
 * correction M): sharp at any printer resolution, and the same bytes every time.
 */
import QRCode from 'qrcode';
import { DOCUMENT_TYPES, type DocumentType } from '../../../shared/api/document-schemas';
import { FONT } from './fonts';
import type { Piece } from './flow';
import { drawText, GREY, INK, textHeight, type Doc, type TextStyle } from './layout';
import type { PageFrame } from './paper';

export const QR_PREFIX = 'LOKET';

export interface QrPayload {
  type: DocumentType;
  number: string;
  version: number;
  contentHash: string;
}

/** `LOKET|bast|500.12/001/Diskominfo/2026|v2|<64 hex>`. */
export function buildQrPayload(p: QrPayload): string {
  if (p.number.includes('|')) throw new RangeError('Nomor dokumen tidak boleh memuat tanda |.');
  if (!/^[0-9a-f]{64}$/.test(p.contentHash)) throw new RangeError('Hash isi dokumen harus 64 digit heksadesimal.');
  if (!Number.isInteger(p.version) || p.version < 1) throw new RangeError('Versi dokumen harus bilangan bulat positif.');
  return [QR_PREFIX, p.type, p.number, `v${p.version}`, p.contentHash].join('|');
}

/** The payload's parts, or null when the text is not a Loket payload. */
export function parseQrPayload(text: string): QrPayload | null {
  const parts = text.trim().split('|');
  if (parts.length !== 5) return null;
  const [prefix, type, number, version, hash] = parts as [string, string, string, string, string];
  if (prefix !== QR_PREFIX) return null;
  if (!(DOCUMENT_TYPES as readonly string[]).includes(type)) return null;
  const v = /^v([1-9]\d{0,5})$/.exec(version);
  if (!v || number === '' || !/^[0-9a-f]{64}$/.test(hash)) return null;
  return { type: type as DocumentType, number, version: Number(v[1]), contentHash: hash };
}

/** "Nomor 500.12/001/Diskominfo/2026 · versi 1 · 3f2a9c1b0d4e5f67". */
export function stampLine(p: Pick<QrPayload, 'number' | 'version' | 'contentHash'>): string {
  return `Nomor ${p.number} · versi ${p.version} · ${p.contentHash.slice(0, 16)}`;
}

/** The dark modules of the QR code of `text`, row by row. */
export function qrMatrix(text: string): { size: number; dark: (row: number, col: number) => boolean } {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size } = code.modules;
  return { size, dark: (row, col) => code.modules.get(row, col) === 1 };
}

/** Draws the QR code of `text` as a square of `side` points (quiet zone included) at (x, y). */
export function drawQr(doc: Doc, text: string, x: number, y: number, side: number): void {
  const { size, dark } = qrMatrix(text);
  const quiet = 2;
  const cell = side / (size + 2 * quiet);
  doc.save().fillColor(INK);
  for (let row = 0; row < size; row++) {
    // Runs of dark modules on a row as one rectangle: fewer path operations, no hairline gaps.
    let col = 0;
    while (col < size) {
      if (!dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && dark(row, col)) col++;
      doc.rect(x + (quiet + start) * cell, y + (quiet + row) * cell, (col - start) * cell, cell);
    }
  }
  doc.fill();
  doc.restore();
}

export interface Stamp {
  payload: QrPayload;
  /** "Disahkan oleh ARIF KARYADI, S.Sos pada 23 November 2026 pukul 10.15 WIB."; null for a version not yet approved. */
  approval: string | null;
}

export const DRAFT_NOTE = 'KONSEP — belum disahkan Kepala Dinas; bukan dokumen resmi.';
export const VERIFY_NOTE = 'Keaslian berkas PDF ini dapat diperiksa di Loket (Periksa Dokumen, atau loket verify-doc).';

/** The stamp's size on a paper (design unit 1 = A4/F4). */
const QR_SIDE = 64;

/** The stamp as the last piece of a flow: anchored to the bottom of the last page, at the left. */
export function stampPiece(doc: Doc, stamp: Stamp, frame: PageFrame, unit: number): Piece {
  const side = QR_SIDE * unit;
  const gapX = 8 * unit;
  const textX = frame.x + side + gapX;
  const textW = frame.contentWidth - side - gapX;
  const strong: TextStyle = { font: FONT.bold, size: 7.5 * unit, color: INK };
  const small: TextStyle = { font: FONT.regular, size: 7 * unit, color: GREY };
  const lines: Array<[string, TextStyle]> = [
    [stampLine(stamp.payload), strong],
    [stamp.approval ?? DRAFT_NOTE, stamp.approval ? small : { ...strong, font: FONT.boldItalic }],
    [VERIFY_NOTE, small],
  ];
  const textH = lines.reduce((h, [t, s]) => h + textHeight(doc, t, textW, s), 0);
  const height = Math.max(side, textH);
  const payload = buildQrPayload(stamp.payload);
  return {
    gap: 12 * unit,
    height,
    anchorBottom: true,
    draw: (y) => {
      drawQr(doc, payload, frame.x, y + height - side, side);
      let ty = y + height - side + (side - textH) / 2;
      for (const [t, s] of lines) ty += drawText(doc, t, textX, ty, textW, s);
    },
  };
}

/**
 * The letters of "KONSEP" as SVG paths, each in a box of its own width × `h` (y down), stroked:
 * drawn as lines, not as text, so the mark is not read into the document's words (copying,
 * search, pdftotext).
 */
function draftLetters(h: number): Array<{ width: number; path: string }> {
  const letter = (ratio: number, draw: (p: (x: number, y: number) => string) => string) => {
    const w = h * ratio;
    return { width: w, path: draw((x, y) => `${(x * w).toFixed(2)} ${(y * h).toFixed(2)}`) };
  };
  return [
    letter(0.6, (p) => `M ${p(0, 0)} L ${p(0, 1)} M ${p(1, 0)} L ${p(0, 0.62)} M ${p(0.32, 0.4)} L ${p(1, 1)}`),
    letter(0.85, (p) => `M ${p(0.5, 0)} C ${p(1.05, 0)} ${p(1.05, 1)} ${p(0.5, 1)} C ${p(-0.05, 1)} ${p(-0.05, 0)} ${p(0.5, 0)} Z`),
    letter(0.66, (p) => `M ${p(0, 1)} L ${p(0, 0)} L ${p(1, 1)} L ${p(1, 0)}`),
    letter(0.62, (p) =>
      `M ${p(0.95, 0.16)} C ${p(0.78, -0.04)} ${p(0.06, -0.04)} ${p(0.06, 0.26)} C ${p(0.06, 0.52)} ${p(0.94, 0.44)} ${p(0.94, 0.73)} C ${p(0.94, 1.05)} ${p(0.18, 1.04)} ${p(0.04, 0.83)}`,
    ),
    letter(0.55, (p) => `M ${p(1, 0)} L ${p(0, 0)} L ${p(0, 1)} L ${p(1, 1)} M ${p(0, 0.5)} L ${p(0.82, 0.5)}`),
    letter(0.6, (p) => `M ${p(0, 1)} L ${p(0, 0)} L ${p(0.6, 0)} C ${p(1.05, 0)} ${p(1.05, 0.52)} ${p(0.6, 0.52)} L ${p(0, 0.52)}`),
  ];
}

/** A light "KONSEP" across every page of a version not yet approved. */
export function drawDraftMark(doc: Doc, frame: PageFrame): void {
  const range = doc.bufferedPageRange();
  const h = frame.width * 0.15;
  const space = h * 0.22;
  const letters = draftLetters(h);
  const total = letters.reduce((sum, l) => sum + l.width, 0) + (letters.length - 1) * space;
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.save();
    doc.rotate(-35, { origin: [frame.width / 2, frame.height / 2] });
    doc.translate(frame.width / 2 - total / 2, frame.height / 2 - h / 2);
    doc.lineWidth(h * 0.13).lineCap('round').lineJoin('round').strokeColor('#000000').strokeOpacity(0.08);
    let x = 0;
    for (const l of letters) {
      doc.save();
      doc.translate(x, 0);
      doc.path(l.path).stroke();
      doc.restore();
      x += l.width + space;
    }
    doc.restore();
  }
}
