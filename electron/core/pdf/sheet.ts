/**
 * What one-page forms share: choosing the type scale that fits the page, and the small grey
 * footer in the bottom margin.
 */
import { FONT } from './fonts';
import { drawFittedText, GREY, lineHeight, type Doc } from './layout';
import type { PageFrame } from './paper';

/** Scales tried, largest first, as fractions of the paper's design size. */
const STEPS = [1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5];

/**
 * The largest scale at which `measure` (the height of the whole form at scale k) fits `available`,
 * and the room left over. At the smallest scale the form is drawn anyway: its text boxes cut
 * rather than overflow, so it still stays on the page.
 */
export function fitScale(measure: (k: number) => number, available: number, unit: number): { scale: number; spare: number } {
  let last = { scale: unit, spare: 0 };
  for (const step of STEPS) {
    const k = unit * step;
    const h = measure(k);
    last = { scale: k, spare: Math.max(0, available - h) };
    if (h <= available) return last;
  }
  return last;
}

/** "Dicetak dari Loket — …" at the left and "Halaman 1 dari 1" at the right, in the bottom margin. */
export function drawFooter(doc: Doc, frame: PageFrame, text: string, k: number, page = 1, pages = 1): void {
  const style = { font: FONT.regular, size: Math.max(6, 7 * k), color: GREY };
  const lh = lineHeight(doc, style);
  const y = frame.height - frame.margins.bottom + Math.max(2, (frame.margins.bottom - lh) * 0.45);
  const pageText = `Halaman ${page} dari ${pages}`;
  const right = frame.contentWidth * 0.25;
  drawFittedText(doc, text, frame.x, y, frame.contentWidth - right, lh, style, 5);
  drawFittedText(doc, pageText, frame.x + frame.contentWidth - right, y, right, lh, { ...style, align: 'right' }, 5);
}
