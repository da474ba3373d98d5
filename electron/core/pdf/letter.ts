/**
 * The skeleton of an official letter (naskah dinas, surat biasa) that the surat pemberitahuan and
 * the surat pengantar share: letterhead; place and date at the right; Nomor / Sifat / Lampiran /
 * Hal; "Yth. Kepala …, di Tempat"; the body, justified and aligned with the values of the block
 * above (paragraphs, indented passages, numbered lists); the farewell kept with the signature at
 * the right.
 *
 * 12 pt on letter margins. The type shrinks a little (to 11 pt) only when that keeps the letter on
 * one page; a long body instead runs on to further pages at full size, paragraphs split between
 * lines, and the pages are numbered (flow.ts).
 */
import { FONT } from './fonts';
import { block, drawFlow, paragraph, type Piece } from './flow';
import { dottedLine, drawLabelRows, drawText, labelColumnWidth, lineHeight, textHeight, textWidth, type Doc, type LabelRow, type TextStyle } from './layout';
import { drawLetterhead, type LetterheadData } from './letterhead';
import type { PageFrame } from './paper';
import { drawSignature, type Signer } from './signature';

export type BodyItem =
  /** A paragraph aligned with the values of the Nomor/Hal block. */
  | { kind: 'paragraph'; text: string }
  /** A passage indented further (a quoted reason). */
  | { kind: 'indented'; text: string }
  /** A numbered list ("1.", "2.", …) with hanging indents. */
  | { kind: 'list'; items: string[] };

export interface LetterData {
  letterhead: LetterheadData;
  /** "Pekalongan, 23 November 2026". */
  placeDate: string;
  /** The letter's number; null prints a dotted line to write it by hand. */
  number: string | null;
  /** "Biasa". */
  nature: string;
  /** "–" or "1 (satu) berkas". */
  attachment: string;
  /** Hal. */
  subjectLine: string;
  /** "Kepala Dinas Pendidikan" (after "Yth."). */
  addressee: string;
  body: BodyItem[];
  /** The closing sentence, kept on the page of the signature. */
  farewell: string;
  signer: Signer;
}

/** The sizes tried, as fractions of 12 pt: 12, 11.5 and 11 pt. */
export const LETTER_SCALES = [1, 11.5 / 12, 11 / 12] as const;

/** The letter's pieces at type size `size` (12 pt on A4 and F4), then `tail` (e.g. the verification stamp). */
export function letterPieces(doc: Doc, d: LetterData, frame: PageFrame, size: number, unit: number, tail: readonly Piece[] = []): Piece[] {
  const x = frame.x;
  const W = frame.contentWidth;
  const k = size / 12;
  const text: TextStyle = { font: FONT.regular, size, lineGap: size * 0.15 };
  const body: TextStyle = { ...text, align: 'justify' };
  const lh = lineHeight(doc, text);
  const paragraphGap = lh * 0.6;
  const out: Piece[] = [];

  out.push(block(0, drawLetterhead(doc, d.letterhead, x, 0, W, unit, true), (y) => drawLetterhead(doc, d.letterhead, x, y, W, unit)));

  const dateStyle: TextStyle = { ...text, align: 'right' };
  out.push(block(14 * k, textHeight(doc, d.placeDate, W, dateStyle), (y) => drawText(doc, d.placeDate, x, y, W, dateStyle)));

  // Nomor, Sifat, Lampiran, Hal.
  const labels = ['Nomor', 'Sifat', 'Lampiran', 'Hal'];
  const labelWidth = labelColumnWidth(doc, labels, text);
  const colonW = textWidth(doc, ': ', text);
  const blockW = Math.min(W, Math.max(W * 0.62, labelWidth + colonW + 200 * k));
  const numberRow: LabelRow =
    d.number === null
      ? {
          label: 'Nomor',
          value: '',
          draw: (vx, vy, vw, dry) => {
            if (!dry) dottedLine(doc, vx, vx + Math.min(vw, 170 * k), vy + size * 0.95);
            return lh;
          },
        }
      : { label: 'Nomor', value: d.number };
  const rows: LabelRow[] = [numberRow, { label: 'Sifat', value: d.nature }, { label: 'Lampiran', value: d.attachment }, { label: 'Hal', value: d.subjectLine }];
  const rowOpts = { label: text, value: text, labelWidth, rowGap: 0 };
  out.push(block(14 * k, drawLabelRows(doc, rows, x, 0, blockW, rowOpts, true), (y) => drawLabelRows(doc, rows, x, y, blockW, rowOpts)));

  const toW = Math.min(W, W * 0.62);
  const to = `Yth. ${d.addressee}\ndi Tempat`;
  out.push(block(18 * k, textHeight(doc, to, toW, text), (y) => drawText(doc, to, x, y, toW, text)));

  // The body is aligned with the values of the block above, indented passages further.
  const bodyX = x + labelWidth + colonW;
  const bodyW = W - (bodyX - x);
  const indentX = bodyX + 21 * k;
  const indentW = W - (indentX - x);
  d.body.forEach((item, i) => {
    const gap = i === 0 ? 18 * k : paragraphGap;
    if (item.kind === 'paragraph') out.push(paragraph(doc, item.text, bodyX, bodyW, body, gap));
    else if (item.kind === 'indented') out.push(paragraph(doc, item.text, indentX, indentW, body, gap));
    else out.push(...listPieces(doc, item.items, bodyX, bodyW, text, gap, lh * 0.2));
  });

  // The farewell stays with the signature.
  // About 8 cm at the right: a long title wraps into a compact block, as signatures are set.
  const signX = x + W * 0.5;
  const signW = W * 0.5;
  const sigStyle = { text, space: 62 * k };
  const farewellH = textHeight(doc, d.farewell, bodyW, body);
  const signGap = 20 * k;
  const signH = drawSignature(doc, d.signer, signX, 0, signW, sigStyle, true);
  out.push(
    block(paragraphGap, farewellH + signGap + signH, (y) => {
      drawText(doc, d.farewell, bodyX, y, bodyW, body);
      drawSignature(doc, d.signer, signX, y + farewellH + signGap, signW, sigStyle);
    }),
  );
  out.push(...tail);
  return out;
}

/** A numbered list: each item a block with its number hanging at the left. */
export function listPieces(doc: Doc, items: readonly string[], x: number, width: number, style: TextStyle, firstGap: number, itemGap: number): Piece[] {
  const numberW = Math.max(...items.map((_t, i) => textWidth(doc, `${i + 1}.`, style)), 0) + style.size * 0.5;
  const textX = x + numberW;
  const textW = Math.max(20, width - numberW);
  const itemStyle: TextStyle = { ...style, align: 'justify' };
  return items.map((item, i) => {
    const h = textHeight(doc, item, textW, itemStyle);
    return block(i === 0 ? firstGap : itemGap, h, (y) => {
      drawText(doc, `${i + 1}.`, x, y, numberW, style);
      drawText(doc, item, textX, y, textW, itemStyle);
    });
  });
}

/** Draws the letter from the document's first page, adding pages when needed. Returns the page count. */
export function drawLetter(doc: Doc, d: LetterData, frame: PageFrame, unit: number, tail: readonly Piece[] = []): number {
  return drawFlow(doc, (k) => letterPieces(doc, d, frame, 12 * k * unit, unit, tail), frame, unit, LETTER_SCALES);
}
