/**
 * Pieces (flow.ts) the registered documents share: the letterhead, a centred title with its number,
 * a bordered label | value table, a boxed notice, and signature blocks side by side.
 */
import { FONT } from './fonts';
import { block, type Piece } from './flow';
import { drawGridRows, drawText, labelColumnWidth, lineHeight, strokeRect, textHeight, type Doc, type LabelRow, type TextStyle } from './layout';
import { drawLetterhead, type LetterheadData } from './letterhead';
import type { PageFrame } from './paper';
import { drawSignature, type Signer } from './signature';

/** The body text of the registered documents at scale k: 11.5 pt on A4 and F4. */
export function bodyStyle(k: number, unit: number): TextStyle {
  const size = 11.5 * k * unit;
  return { font: FONT.regular, size, lineGap: size * 0.15 };
}

export function letterheadPiece(doc: Doc, data: LetterheadData, frame: PageFrame, unit: number): Piece {
  const { x, contentWidth: W } = frame;
  return block(0, drawLetterhead(doc, data, x, 0, W, unit, true), (y) => drawLetterhead(doc, data, x, y, W, unit));
}

/**
 * Centred title lines (the first bold and underlined, the next bold) and "Nomor: …" under them.
 */
export function titlePiece(doc: Doc, lines: readonly string[], number: string, frame: PageFrame, k: number, unit: number, gap: number): Piece {
  const { x, contentWidth: W } = frame;
  const first: TextStyle = { font: FONT.bold, size: 13 * k * unit, align: 'center', underline: true };
  const next: TextStyle = { font: FONT.bold, size: 12 * k * unit, align: 'center' };
  const num: TextStyle = { font: FONT.regular, size: 11.5 * k * unit, align: 'center' };
  const numberText = `Nomor: ${number}`;
  const parts: Array<[string, TextStyle, number]> = lines.map((t, i) => [t, i === 0 ? first : next, i === 0 ? 0 : 2 * k * unit]);
  parts.push([numberText, num, 3 * k * unit]);
  const height = parts.reduce((h, [t, s, g]) => h + g + textHeight(doc, t, W, s), 0);
  return block(gap, height, (y) => {
    let at = y;
    for (const [t, s, g] of parts) at += g + drawText(doc, t, x, at + g, W, s);
  });
}

/** A bordered label | value table across the content width (or from `indent`). */
export function gridPiece(doc: Doc, rows: readonly LabelRow[], frame: PageFrame, style: TextStyle, gap: number, indent = 0): Piece {
  const x = frame.x + indent;
  const W = frame.contentWidth - indent;
  const pad = style.size * 0.4;
  const label: TextStyle = { ...style, lineGap: 0 };
  const value: TextStyle = { ...style, lineGap: 0 };
  const labelWidth = Math.min(W * 0.4, labelColumnWidth(doc, rows.map((r) => r.label), label) + 2 * pad);
  const opts = { label, value, labelWidth, pad };
  return block(gap, drawGridRows(doc, rows, x, 0, W, opts, true), (y) => drawGridRows(doc, rows, x, y, W, opts));
}

/** Text in a ruled box (the change-password instruction). */
export function boxedPiece(doc: Doc, lines: ReadonlyArray<[string, TextStyle]>, frame: PageFrame, gap: number): Piece {
  const { x, contentWidth: W } = frame;
  const pad = (lines[0]?.[1].size ?? 11) * 0.6;
  const innerW = W - 2 * pad;
  const height = lines.reduce((h, [t, s]) => h + textHeight(doc, t, innerW, s), 0) + 2 * pad;
  return block(gap, height, (y) => {
    let at = y + pad;
    for (const [t, s] of lines) at += drawText(doc, t, x + pad, at, innerW, s);
    strokeRect(doc, { x, y, w: W, h: height }, 1.2);
  });
}

/** The height of a signature block's heading lines (place and date, office) in `width`. */
function headingHeight(doc: Doc, s: Signer, width: number, style: TextStyle): number {
  const centred: TextStyle = { ...style, align: 'center' };
  return s.heading.reduce((h, line) => h + (typeof line === 'string' ? textHeight(doc, line, width, centred) : lineHeight(doc, centred)), 0);
}

/**
 * Two signature blocks side by side, each centred in half the width; either may be absent (the
 * other keeps its half). Their first lines line up, and the block with the shorter heading gets
 * more room to sign, so the names line up too.
 */
export function signaturePairPiece(doc: Doc, left: Signer | null, right: Signer | null, frame: PageFrame, style: TextStyle, space: number, gap: number): Piece {
  const { x, contentWidth: W } = frame;
  const half = W / 2;
  const text: TextStyle = { ...style, lineGap: 0 };
  const headL = left ? headingHeight(doc, left, half, text) : 0;
  const headR = right ? headingHeight(doc, right, half, text) : 0;
  const head = Math.max(headL, headR);
  const sigL = { text, space: space + head - headL };
  const sigR = { text, space: space + head - headR };
  const hl = left ? drawSignature(doc, left, x, 0, half, sigL, true) : 0;
  const hr = right ? drawSignature(doc, right, x + half, 0, half, sigR, true) : 0;
  return block(gap, Math.max(hl, hr), (y) => {
    if (left) drawSignature(doc, left, x, y, half, sigL);
    if (right) drawSignature(doc, right, x + half, y, half, sigR);
  });
}
