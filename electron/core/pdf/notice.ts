/**
 * The surat pemberitahuan: the official letter (naskah dinas, surat biasa) telling the OPD that its
 * request is returned for correction, with the reason the Kabid wrote at the decision. Letterhead;
 * place and date at the right; Nomor / Sifat / Lampiran / Hal; "Yth. Kepala …, di Tempat"; the body,
 * justified, with the reason indented; the Kadis's signature at the right.
 *
 * 12 pt on letter margins. The type shrinks a little (to 11 pt) only when that keeps the letter on
 * one page; a very long reason instead runs on to a second page at full size, paragraphs split
 * between lines, and the pages are numbered.
 */
import { FONT } from './fonts';
import { dottedLine, drawLabelRows, drawText, drawTextLines, GREY, labelColumnWidth, lineHeight, textHeight, textWidth, type Doc, type LabelRow, type TextStyle } from './layout';
import { drawLetterhead, type LetterheadData } from './letterhead';
import type { PageFrame } from './paper';
import { drawSignature, type Signer } from './signature';

export interface ReturnNoticeData {
  letterhead: LetterheadData;
  /** "Pekalongan, 23 November 2026": the date of the return decision. */
  placeDate: string;
  /** The return decision (ISO instant): the document's date. */
  decidedAt: string;
  /** "Pengembalian Permohonan Hosting". */
  subjectLine: string;
  /** "Kepala Dinas Pendidikan". */
  addressee: string;
  letterNumber: string;
  /** "20 November 2026". */
  letterDate: string;
  subject: string;
  /** "23 November 2026". */
  receivedDate: string;
  agendaNumber: string;
  /** The office's name as the body writes it ("Dinas Komunikasi dan Informatika"). */
  agencyName: string;
  reason: string;
  signer: Signer;
}

/** "Yth. Kepala {sender}", without doubling "Kepala" when the sender is already written so. */
export function addresseeOf(senderName: string): string {
  const name = senderName.trim();
  return /^kepala\s/i.test(name) ? name : `Kepala ${name}`;
}

/** The paragraphs of the body around the reason. */
export function noticeParagraphs(d: Pick<ReturnNoticeData, 'letterNumber' | 'letterDate' | 'subject' | 'receivedDate' | 'agendaNumber' | 'agencyName'>): {
  opening: string;
  closing: string;
  farewell: string;
} {
  const subject = d.subject.trim().replace(/[.\s]+$/, '');
  return {
    opening:
      `Menindaklanjuti surat Saudara nomor ${d.letterNumber} tanggal ${d.letterDate} perihal ${subject}, ` +
      `yang kami terima pada tanggal ${d.receivedDate} dengan nomor agenda ${d.agendaNumber}, bersama ini kami beritahukan ` +
      'bahwa permohonan tersebut belum dapat kami laksanakan dengan alasan sebagai berikut:',
    closing:
      'Sehubungan dengan hal tersebut, surat permohonan kami kembalikan untuk dikaji ulang dan diperbaiki, ' +
      `dan selanjutnya dapat diajukan kembali kepada ${d.agencyName}.`,
    farewell: 'Demikian pemberitahuan ini kami sampaikan. Atas perhatian dan kerja sama Saudara, kami ucapkan terima kasih.',
  };
}

/** A block of the letter: drawn whole, or (a paragraph) split between two pages. */
interface Piece {
  /** Space above it, dropped at the top of a page. */
  gap: number;
  height: number;
  draw(y: number): void;
  /** The part that fits in `room` and the rest; null when it cannot be split there. */
  split?(room: number): [Piece, Piece] | null;
}

/** The least lines of a paragraph left alone at the foot or the head of a page. */
const MIN_LINES = 2;

function paragraph(doc: Doc, text: string, x: number, width: number, style: TextStyle, gap: number): Piece {
  const height = textHeight(doc, text, width, style);
  return {
    gap,
    height,
    draw: (y) => {
      drawText(doc, text, x, y, width, style);
    },
    split: (room) => {
      const lh = lineHeight(doc, style);
      const total = Math.round(height / lh);
      const fit = Math.min(Math.floor((room + 0.01) / lh), total - MIN_LINES);
      if (fit < MIN_LINES) return null;
      // The words of the first `fit` lines: the longest prefix that wraps to no more lines.
      const starts: number[] = [];
      for (let i = 1; i < text.length; i++) if (/\s/.test(text[i - 1] ?? '') && !/\s/.test(text[i] ?? '')) starts.push(i);
      let lo = 0;
      let hi = starts.length - 1;
      let cut = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const at = starts[mid] ?? 0;
        if (textHeight(doc, text.slice(0, at).trimEnd(), width, style) <= fit * lh + 0.01) {
          cut = at;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      if (cut <= 0) return null;
      const head: Piece = {
        gap,
        height: fit * lh,
        draw: (y) => {
          drawTextLines(doc, text, x, y, width, style, fit);
        },
      };
      return [head, paragraph(doc, text.slice(cut), x, width, style, 0)];
    },
  };
}

function block(gap: number, height: number, draw: (y: number) => void): Piece {
  return { gap, height, draw };
}

/** The letter's blocks at type size `size` (12 pt on A4 and F4). */
function pieces(doc: Doc, d: ReturnNoticeData, frame: PageFrame, size: number, unit: number): Piece[] {
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

  // Nomor, Sifat, Lampiran, Hal. The number stays a dotted line for now: the office's outgoing-letter
  // register (surat keluar, with its numbering format and counter) comes with a later issue, and until
  // then the secretariat writes the number from its book by hand.
  const labels = ['Nomor', 'Sifat', 'Lampiran', 'Hal'];
  const labelWidth = labelColumnWidth(doc, labels, text);
  const colonW = textWidth(doc, ': ', text);
  const blockW = Math.min(W, Math.max(W * 0.62, labelWidth + colonW + 200 * k));
  const rows: LabelRow[] = [
    {
      label: 'Nomor',
      value: '',
      draw: (vx, vy, vw, dry) => {
        if (!dry) dottedLine(doc, vx, vx + Math.min(vw, 170 * k), vy + size * 0.95);
        return lh;
      },
    },
    { label: 'Sifat', value: 'Biasa' },
    { label: 'Lampiran', value: '–' },
    { label: 'Hal', value: d.subjectLine },
  ];
  const rowOpts = { label: text, value: text, labelWidth, rowGap: 0 };
  out.push(block(14 * k, drawLabelRows(doc, rows, x, 0, blockW, rowOpts, true), (y) => drawLabelRows(doc, rows, x, y, blockW, rowOpts)));

  const toW = Math.min(W, W * 0.62);
  const to = `Yth. ${d.addressee}\ndi Tempat`;
  out.push(block(18 * k, textHeight(doc, to, toW, text), (y) => drawText(doc, to, x, y, toW, text)));

  // The body is aligned with the values of the block above, the reason indented further.
  const bodyX = x + labelWidth + colonW;
  const bodyW = W - (bodyX - x);
  const reasonX = bodyX + 21 * k;
  const reasonW = W - (reasonX - x);
  const p = noticeParagraphs(d);
  out.push(paragraph(doc, p.opening, bodyX, bodyW, body, 18 * k));
  out.push(paragraph(doc, d.reason || '–', reasonX, reasonW, body, paragraphGap));
  out.push(paragraph(doc, p.closing, bodyX, bodyW, body, paragraphGap));

  // The farewell stays with the signature.
  // About 8 cm at the right: a long title wraps into a compact block, as signatures are set.
  const signX = x + W * 0.5;
  const signW = W * 0.5;
  const sigStyle = { text, space: 62 * k };
  const farewellH = textHeight(doc, p.farewell, bodyW, body);
  const signGap = 20 * k;
  const signH = drawSignature(doc, d.signer, signX, 0, signW, sigStyle, true);
  out.push(
    block(paragraphGap, farewellH + signGap + signH, (y) => {
      drawText(doc, p.farewell, bodyX, y, bodyW, body);
      drawSignature(doc, d.signer, signX, y + farewellH + signGap, signW, sigStyle);
    }),
  );
  return out;
}

const totalHeight = (list: readonly Piece[]): number => list.reduce((h, p, i) => h + (i === 0 ? 0 : p.gap) + p.height, 0);

/** Draws the letter from the document's first page, adding a page when needed. Returns the page count. */
export function drawReturnNotice(doc: Doc, d: ReturnNoticeData, frame: PageFrame, unit: number): number {
  // One page at 12 pt, or at 11.5 or 11 pt if that is what it takes; otherwise two pages at 12 pt.
  let list: Piece[] | null = null;
  for (const size of [12, 11.5, 11]) {
    const trial = pieces(doc, d, frame, size * unit, unit);
    if (totalHeight(trial) <= frame.contentHeight + 0.01) {
      list = trial;
      break;
    }
  }
  list ??= pieces(doc, d, frame, 12 * unit, unit);

  const bottom = frame.y + frame.contentHeight;
  let pages = 1;
  let y = frame.y;
  let top = true;
  const queue = [...list];
  const newPage = () => {
    doc.addPage();
    pages += 1;
    y = frame.y;
    top = true;
  };
  for (let piece = queue.shift(); piece; piece = queue.shift()) {
    const gap = top ? 0 : piece.gap;
    if (y + gap + piece.height <= bottom + 0.01 || (top && !piece.split)) {
      // It fits (or, a block taller than a page, is drawn on its own page as well as it goes).
      piece.draw(y + gap);
      y += gap + piece.height;
      top = false;
      continue;
    }
    const parts = piece.split?.(bottom - y - gap) ?? null;
    if (parts) {
      parts[0].draw(y + gap);
      queue.unshift(parts[1]);
    } else {
      if (top) {
        piece.draw(y);
        y += piece.height;
        top = false;
        continue;
      }
      queue.unshift(piece);
    }
    newPage();
  }

  if (pages > 1) {
    const style: TextStyle = { font: FONT.regular, size: 9 * unit, color: GREY, align: 'center' };
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      const margin = frame.margins.bottom;
      drawText(doc, `Halaman ${i + 1} dari ${range.count}`, frame.x, frame.height - margin + (margin - lineHeight(doc, style)) * 0.45, frame.contentWidth, style);
    }
  }
  return pages;
}
