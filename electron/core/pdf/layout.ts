/**
 * Small layout helpers over pdfkit that every document shares. They all work in two passes: with
 * `dry` set they only measure and return the height they would use, so a document can try a type
 * scale, see whether everything fits on one page, and shrink before anything is drawn.
 *
 * Text never leaves its box: every draw call passes pdfkit a height, so pdfkit cuts (with "…")
 * instead of running into the next cell or starting a new page.
 */
import { FONT, type FontName } from './fonts';

export type Doc = PDFKit.PDFDocument;

export interface TextStyle {
  font: FontName;
  size: number;
  color?: string;
  align?: 'left' | 'center' | 'right' | 'justify';
  underline?: boolean;
  /** Extra space between lines, in points. */
  lineGap?: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const INK = '#000000';
export const GREY = '#666666';

/** Rounding slack so a measured height always holds its last line. */
const SLACK = 0.5;

function apply(doc: Doc, style: TextStyle): void {
  doc.font(style.font).fontSize(style.size).fillColor(style.color ?? INK);
}

function textOptions(style: TextStyle, width: number, height: number, ellipsis: boolean): PDFKit.Mixins.TextOptions {
  return {
    width,
    height,
    align: style.align ?? 'left',
    lineGap: style.lineGap ?? 0,
    underline: style.underline ?? false,
    ellipsis: ellipsis ? '…' : undefined,
  };
}

/** Height of `text` wrapped to `width`. */
export function textHeight(doc: Doc, text: string, width: number, style: TextStyle): number {
  if (text === '') return lineHeight(doc, style);
  apply(doc, style);
  return doc.heightOfString(text, { width, lineGap: style.lineGap ?? 0 });
}

/** Width of `text` on one line. */
export function textWidth(doc: Doc, text: string, style: TextStyle): number {
  apply(doc, style);
  return doc.widthOfString(text);
}

/** Height of one line of the style. */
export function lineHeight(doc: Doc, style: TextStyle): number {
  apply(doc, style);
  return doc.currentLineHeight(true) + (style.lineGap ?? 0);
}

/**
 * Draws wrapped text and returns its height. With `maxHeight`, lines that do not fit are cut and
 * the last one ends in "…".
 */
export function drawText(doc: Doc, text: string, x: number, y: number, width: number, style: TextStyle, maxHeight = Infinity, dry = false): number {
  const natural = textHeight(doc, text, width, style);
  const height = Math.min(natural, maxHeight);
  if (!dry && text !== '') {
    apply(doc, style);
    doc.text(text, x, y, textOptions(style, width, height + SLACK, natural > maxHeight));
  }
  return height;
}

/**
 * Draws only the first `lines` lines of wrapped text, without "…": the part of a paragraph that
 * fits at the foot of a page (its lines are justified as in the whole paragraph). Returns the height.
 */
export function drawTextLines(doc: Doc, text: string, x: number, y: number, width: number, style: TextStyle, lines: number): number {
  const height = Math.min(textHeight(doc, text, width, style), lines * lineHeight(doc, style));
  apply(doc, style);
  doc.text(text, x, y, textOptions(style, width, height + SLACK, false));
  return height;
}

export interface Fitted {
  style: TextStyle;
  height: number;
  /** False when even the smallest size did not hold all the text (it is cut with "…"). */
  complete: boolean;
}

/** The largest size from `style.size` down to `minSize` (in half points) at which the text fits. */
export function fitText(doc: Doc, text: string, width: number, maxHeight: number, style: TextStyle, minSize: number): Fitted {
  let size = style.size;
  for (;;) {
    const trial = { ...style, size };
    const h = textHeight(doc, text, width, trial);
    if (h <= maxHeight + 0.01) return { style: trial, height: h, complete: true };
    if (size <= minSize) return { style: trial, height: Math.min(h, maxHeight), complete: false };
    size = Math.max(minSize, Math.round((size - 0.5) * 2) / 2);
  }
}

/**
 * Text in a box of at most `maxHeight`: shrunk down to `minSize`, then cut with "…" — it never
 * overflows. Returns the height used.
 */
export function drawFittedText(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  maxHeight: number,
  style: TextStyle,
  minSize: number,
  dry = false,
): number {
  const fitted = fitText(doc, text, width, maxHeight, style, minSize);
  return drawText(doc, text, x, y, width, fitted.style, fitted.complete ? Infinity : maxHeight, dry);
}

export function strokeRect(doc: Doc, box: Box, lineWidth = 0.75): void {
  doc.save().lineWidth(lineWidth).strokeColor(INK).rect(box.x, box.y, box.w, box.h).stroke().restore();
}

export function hLine(doc: Doc, x1: number, x2: number, y: number, lineWidth = 0.75, color = INK): void {
  doc.save().lineWidth(lineWidth).strokeColor(color).moveTo(x1, y).lineTo(x2, y).stroke().restore();
}

export function vLine(doc: Doc, x: number, y1: number, y2: number, lineWidth = 0.75): void {
  doc.save().lineWidth(lineWidth).strokeColor(INK).moveTo(x, y1).lineTo(x, y2).stroke().restore();
}

/** A dotted line to write on by hand, on the baseline `y`. */
export function dottedLine(doc: Doc, x1: number, x2: number, y: number): void {
  if (x2 - x1 < 2) return;
  doc.save().lineWidth(0.6).strokeColor(GREY).dash(0.6, { space: 2 }).moveTo(x1, y).lineTo(x2, y).stroke().undash().restore();
}

/**
 * A checkbox drawn as a square (not a ☐ glyph, which fonts may lack); when checked, with a cross
 * (☒) or a tick.
 */
export function checkbox(doc: Doc, x: number, y: number, size: number, checked: boolean, mark: 'cross' | 'tick' = 'cross'): void {
  doc.save().lineWidth(Math.max(0.5, size / 12)).strokeColor(INK).rect(x, y, size, size).stroke();
  if (checked) {
    const i = size * 0.2;
    doc.lineWidth(Math.max(0.8, size / 8)).lineCap('round');
    if (mark === 'cross') {
      doc.moveTo(x + i, y + i).lineTo(x + size - i, y + size - i).stroke();
      doc.moveTo(x + size - i, y + i).lineTo(x + i, y + size - i).stroke();
    } else {
      doc.moveTo(x + i, y + size * 0.55).lineTo(x + size * 0.42, y + size - i).lineTo(x + size - i * 0.6, y + i * 0.6).stroke();
    }
  }
  doc.restore();
}

export interface CheckItem {
  /** Empty: a blank option with a dotted line to write on. */
  label: string;
  checked: boolean;
  /** Smaller lines under the label, e.g. "Dibaca: …" (lists only; flows ignore it). */
  detail?: string;
}

/** The style of a check item's detail lines. */
export function detailStyle(style: TextStyle): TextStyle {
  return { ...style, font: FONT.italic, size: style.size * 0.85, lineGap: 0 };
}

/** Side of a checkbox for a text style: about the height of a capital letter, a bit more. */
export function boxSize(style: TextStyle): number {
  return style.size * 0.8;
}

/** Space between a checkbox and its label. */
const checkGap = (style: TextStyle): number => style.size * 0.45;

/**
 * One checkbox with its label wrapped beside it (a hanging indent). Returns the height.
 */
export function drawCheckItem(doc: Doc, item: CheckItem, x: number, y: number, width: number, style: TextStyle, dry = false): number {
  const side = boxSize(style);
  const gap = checkGap(style);
  const labelX = x + side + gap;
  const labelW = Math.max(10, width - side - gap);
  let h = item.label === '' ? lineHeight(doc, style) : drawText(doc, item.label, labelX, y, labelW, style, Infinity, dry);
  if (item.detail) h += drawText(doc, item.detail, labelX, y + h, labelW, detailStyle(style), Infinity, dry);
  if (!dry) {
    // The box sits on the first line, centred on the capital height.
    const capTop = y + style.size * 0.13;
    checkbox(doc, x, capTop + (style.size * 0.72 - side) / 2, side, item.checked);
    if (item.label === '') dottedLine(doc, labelX, x + width, y + style.size * 0.9);
  }
  return h;
}

/** Checkboxes stacked one under another. */
export function drawCheckList(doc: Doc, items: readonly CheckItem[], x: number, y: number, width: number, style: TextStyle, gap: number, dry = false): number {
  let h = 0;
  items.forEach((item, i) => {
    if (i > 0) h += gap;
    h += drawCheckItem(doc, item, x, y + h, width, style, dry);
  });
  return h;
}

/** Checkboxes side by side, wrapping to the next line when the row is full. */
export function drawCheckFlow(doc: Doc, items: readonly CheckItem[], x: number, y: number, width: number, style: TextStyle, dry = false): number {
  const side = boxSize(style);
  const gap = checkGap(style);
  const spacing = style.size * 0.9;
  const lh = lineHeight(doc, style);
  let cx = x;
  let cy = y;
  for (const item of items) {
    const itemW = side + gap + Math.min(textWidth(doc, item.label, style), width - side - gap);
    if (cx > x && cx + itemW > x + width + 0.01) {
      cx = x;
      cy += lh + style.size * 0.15;
    }
    const h = drawCheckItem(doc, { label: item.label, checked: item.checked }, cx, cy, Math.min(itemW + 0.5, x + width - cx), style, dry);
    if (h > lh) {
      // A label too long for one line took its own wrapped block.
      cy += h - lh;
    }
    cx += itemW + spacing;
  }
  return cy + lh - y;
}

export interface LabelRow {
  label: string;
  value: string;
  /** Style of the value; the rows' `value` style when absent. */
  style?: TextStyle;
  /** Lines drawn instead of text, e.g. the Sifat checkboxes. */
  draw?: (x: number, y: number, width: number, dry: boolean) => number;
  /** Largest height of the value before it is shrunk and then cut. */
  maxHeight?: number;
  minSize?: number;
  /** When the value does not fit on one line, break it before this part ("pukul 09.05 WIB"). */
  breakBefore?: string;
}

/**
 * `text` with a line break before `part` ("pukul 09.05 WIB") when it does not fit `width` on one
 * line, so a date and its time wrap between them rather than anywhere.
 */
export function breakBefore(doc: Doc, text: string, part: string, width: number, style: TextStyle): string {
  if (!text.includes(` ${part}`) || textWidth(doc, text, style) <= width) return text;
  return text.replace(` ${part}`, `\n${part}`);
}

/** Draws (or measures) the value of a row in its column; returns the height. */
function drawRowValue(doc: Doc, row: LabelRow, x: number, y: number, width: number, style: TextStyle, dry: boolean): number {
  if (row.draw) return row.draw(x, y, width, dry);
  const value = row.breakBefore ? breakBefore(doc, row.value, row.breakBefore, width, style) : row.value;
  if (row.maxHeight !== undefined) return drawFittedText(doc, value, x, y, width, row.maxHeight, style, row.minSize ?? style.size, dry);
  return drawText(doc, value, x, y, width, style, Infinity, dry);
}

/** The style a row's value is drawn at: shrunk to its `maxHeight` when it has one. */
function rowValueStyle(doc: Doc, row: LabelRow, style: TextStyle, width: number): TextStyle {
  if (row.draw || row.maxHeight === undefined) return style;
  return fitText(doc, row.value, width, row.maxHeight, style, row.minSize ?? style.size).style;
}

/**
 * Offsets that put the first baselines of a label and its value on one line when their sizes
 * differ: [label shift, value shift].
 */
function baselineShift(label: TextStyle, value: TextStyle): [number, number] {
  const ascent = 0.905; // Liberation Sans ascender / em
  const d = (value.size - label.size) * ascent;
  return d >= 0 ? [d, 0] : [0, -d];
}

export interface LabelRowsOptions {
  label: TextStyle;
  value: TextStyle;
  /** Width of the label column; measured from the labels when absent. */
  labelWidth?: number;
  rowGap: number;
}

/** The width the widest label needs. */
export function labelColumnWidth(doc: Doc, labels: readonly string[], style: TextStyle): number {
  return Math.max(...labels.map((l) => textWidth(doc, l, style))) + style.size * 0.4;
}

/**
 * "Label : value" rows, the value wrapped in its column. Returns the height.
 */
export function drawLabelRows(doc: Doc, rows: readonly LabelRow[], x: number, y: number, width: number, opts: LabelRowsOptions, dry = false): number {
  const labelW = opts.labelWidth ?? labelColumnWidth(doc, rows.map((r) => r.label), opts.label);
  const colonW = textWidth(doc, ': ', opts.label);
  const valueX = x + labelW + colonW;
  const valueW = Math.max(20, width - labelW - colonW);
  let h = 0;
  rows.forEach((row, i) => {
    if (i > 0) h += opts.rowGap;
    const top = y + h;
    const style = row.style ?? opts.value;
    const [labelShift, valueShift] = row.draw ? [0, 0] : baselineShift(opts.label, rowValueStyle(doc, row, style, valueW));
    const valueH = drawRowValue(doc, row, valueX, top + valueShift, valueW, style, dry) + valueShift;
    const labelH = drawText(doc, row.label, x, top + labelShift, labelW, opts.label, Infinity, dry) + labelShift;
    if (!dry) drawText(doc, ':', x + labelW, top + labelShift, colonW, opts.label);
    h += Math.max(valueH, labelH);
  });
  return h;
}

export const BOLD = FONT.bold;
export const REGULAR = FONT.regular;
export const ITALIC = FONT.italic;

export interface GridOptions {
  label: TextStyle;
  value: TextStyle;
  labelWidth: number;
  /** Inner padding of every cell. */
  pad: number;
  lineWidth?: number;
}

/**
 * A bordered two-column table, label | value, one row per field (receipts, the hosting access
 * document, the parties of a berita acara). Returns the height.
 */
export function drawGridRows(doc: Doc, rows: readonly LabelRow[], x: number, y: number, width: number, opts: GridOptions, dry = false): number {
  const { pad } = opts;
  const valueX = x + opts.labelWidth;
  const valueW = width - opts.labelWidth;
  let h = 0;
  const lines: number[] = [];
  for (const row of rows) {
    const top = y + h + pad;
    const style = row.style ?? opts.value;
    const innerW = valueW - 2 * pad;
    const [labelShift, valueShift] = row.draw ? [0, 0] : baselineShift(opts.label, rowValueStyle(doc, row, style, innerW));
    const valueH = drawRowValue(doc, row, valueX + pad, top + valueShift, innerW, style, dry) + valueShift;
    const labelH = drawText(doc, row.label, x + pad, top + labelShift, opts.labelWidth - 2 * pad, opts.label, Infinity, dry) + labelShift;
    h += Math.max(valueH, labelH) + 2 * pad;
    lines.push(y + h);
  }
  if (!dry) {
    const lw = opts.lineWidth ?? 0.75;
    strokeRect(doc, { x, y, w: width, h }, lw);
    for (const ly of lines.slice(0, -1)) hLine(doc, x, x + width, ly, lw * 0.7);
    vLine(doc, valueX, y, y + h, lw * 0.7);
  }
  return h;
}
