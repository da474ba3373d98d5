/**
 * Paper sizes and margins in PDF points (1/72 inch). F4 (folio) is 215 × 330 mm, the half folio
 * 165 × 215 mm in portrait. Margins are configurable per document; the defaults follow the usual
 * Indonesian letter rules (top 2 cm, bottom 2.5 cm, left 3 cm, right 2 cm).
 */
import type { PaperSize } from '../../../shared/api/schemas';

export const PT_PER_MM = 72 / 25.4;
export const mm = (value: number): number => value * PT_PER_MM;
export const cm = (value: number): number => value * 10 * PT_PER_MM;

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** [width, height] in points, portrait, to a hundredth of a point (as printers report them). */
export const PAPER_POINTS: Record<PaperSize, readonly [number, number]> = {
  A4: [595.28, 841.89],
  F4: [round2(mm(215)), round2(mm(330))],
  HALF_FOLIO: [round2(mm(165)), round2(mm(215))],
};

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Letters (surat dinas, berita acara, pemberitahuan). */
export const LETTER_MARGINS: Margins = { top: cm(2), bottom: cm(2.5), left: cm(3), right: cm(2) };

/**
 * Margins of a letter on a paper: the letter rules on A4 and F4; the half folio, about three
 * quarters of their size, keeps the same proportions at three quarters of the margins.
 */
export function letterMargins(paper: PaperSize): Margins {
  if (paper !== 'HALF_FOLIO') return LETTER_MARGINS;
  return { top: cm(1.5), bottom: cm(1.9), left: cm(2.25), right: cm(1.5) };
}

/** Forms (lembar disposisi, tanda terima): narrower, so the form has room on the small papers. */
export function formMargins(paper: PaperSize): Margins {
  if (paper === 'HALF_FOLIO') return { top: cm(1), bottom: cm(1.2), left: cm(1.3), right: cm(1) };
  return { top: cm(1.5), bottom: cm(1.5), left: cm(2), right: cm(1.5) };
}

export interface PageFrame {
  paper: PaperSize;
  width: number;
  height: number;
  margins: Margins;
  /** The content box inside the margins. */
  x: number;
  y: number;
  contentWidth: number;
  contentHeight: number;
}

export type Orientation = 'portrait' | 'landscape';

/** Width and height in points of the paper, turned for landscape. */
export function paperPoints(paper: PaperSize, orientation: Orientation = 'portrait'): [number, number] {
  const [w, h] = PAPER_POINTS[paper];
  return orientation === 'landscape' ? [h, w] : [w, h];
}

export function pageFrame(paper: PaperSize, margins: Margins, orientation: Orientation = 'portrait'): PageFrame {
  const [width, height] = paperPoints(paper, orientation);
  return {
    paper,
    width,
    height,
    margins,
    x: margins.left,
    y: margins.top,
    contentWidth: width - margins.left - margins.right,
    contentHeight: height - margins.top - margins.bottom,
  };
}

/**
 * Type sizes are designed for A4 and F4; the half folio is about three quarters as wide, so its
 * type and spacing start smaller.
 */
export function paperUnit(paper: PaperSize): number {
  return paper === 'HALF_FOLIO' ? 0.8 : 1;
}
