/**
 * Documents that flow down the page and on to the next: a list of pieces (blocks drawn whole, and
 * paragraphs that may split between lines), laid out from the top of the first page. A piece that
 * does not fit starts a new page; a paragraph is split so that at least two lines stay on each
 * side. When there is more than one page, every page is numbered "Halaman i dari n".
 *
 * Letters (surat pemberitahuan, surat pengantar), reports, the hosting access document and the
 * berita acara are all built this way (letter.ts and the document modules).
 */
import { FONT } from './fonts';
import { drawText, drawTextLines, GREY, lineHeight, textHeight, type Doc, type TextStyle } from './layout';
import type { PageFrame } from './paper';

/** A block of a document: drawn whole, or (a paragraph) split between two pages. */
export interface Piece {
  /** Space above it, dropped at the top of a page. */
  gap: number;
  height: number;
  draw(y: number): void;
  /** The part that fits in `room` and the rest; null when it cannot be split there. */
  split?(room: number): [Piece, Piece] | null;
  /** Drawn at the bottom of the content box (the verification stamp), not where the flow has got to. */
  anchorBottom?: boolean;
}

/** The least lines of a paragraph left alone at the foot or the head of a page. */
const MIN_LINES = 2;

/** A paragraph of wrapped text that may split between pages. */
export function paragraph(doc: Doc, text: string, x: number, width: number, style: TextStyle, gap: number): Piece {
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

/** A block drawn whole. */
export function block(gap: number, height: number, draw: (y: number) => void): Piece {
  return { gap, height, draw };
}

/** The height of the pieces laid out one after another on an endless page. */
export const totalHeight = (list: readonly Piece[]): number => list.reduce((h, p, i) => h + (i === 0 ? 0 : p.gap) + p.height, 0);

/** Lays out the pieces from the document's current (first) page, adding pages as needed. Returns the page count. */
export function paginate(doc: Doc, list: readonly Piece[], frame: PageFrame, unit: number): number {
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
  const place = (piece: Piece, at: number) => {
    if (piece.anchorBottom) {
      piece.draw(bottom - piece.height);
      y = bottom;
    } else {
      piece.draw(at);
      y = at + piece.height;
    }
    top = false;
  };
  for (let piece = queue.shift(); piece; piece = queue.shift()) {
    const gap = top ? 0 : piece.gap;
    if (y + gap + piece.height <= bottom + 0.01 || (top && !piece.split)) {
      // It fits (or, a block taller than a page, is drawn on its own page as well as it goes).
      place(piece, y + gap);
      continue;
    }
    const parts = piece.split?.(bottom - y - gap) ?? null;
    if (parts) {
      parts[0].draw(y + gap);
      queue.unshift(parts[1]);
    } else {
      if (top) {
        place(piece, y);
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

/**
 * Draws a document built at type scale k: on one page at the first scale of `scales` at which it
 * fits, else over several pages at the first scale. Returns the page count.
 */
export function drawFlow(doc: Doc, build: (k: number) => Piece[], frame: PageFrame, unit: number, scales: readonly number[] = [1]): number {
  for (const k of scales) {
    const trial = build(k);
    if (totalHeight(trial) <= frame.contentHeight + 0.01) return paginate(doc, trial, frame, unit);
  }
  return paginate(doc, build(scales[0] ?? 1), frame, unit);
}
