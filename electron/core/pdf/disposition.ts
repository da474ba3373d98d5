/**
 * The lembar disposisi (city format after Permendagri 54/2009): letterhead, title, the letter's
 * particulars, Sifat checkboxes, Perihal, "Diteruskan kepada Sdr." | "Dengan hormat harap", and a
 * Catatan box beside the disposing official's signature. Always one page: the whole sheet is laid
 * out at a type scale, measured, and drawn at the largest scale that fits.
 */
import { LETTER_NATURES, NATURE_LABELS, type LetterNature } from '../../../shared/api/schemas';
import { FONT } from './fonts';
import {
  drawCheckFlow,
  drawCheckList,
  drawLabelRows,
  drawText,
  dottedLine,
  hLine,
  labelColumnWidth,
  lineHeight,
  strokeRect,
  vLine,
  type CheckItem,
  type Doc,
  type LabelRow,
  type TextStyle,
} from './layout';
import { drawLetterhead, drawTitle, type LetterheadData } from './letterhead';
import type { PageFrame } from './paper';
import { drawSignature, type Signer } from './signature';
import { drawFooter, fitScale } from './sheet';

export interface DispositionData {
  letterhead: LetterheadData;
  agendaNumber: string;
  senderName: string;
  letterNumber: string;
  /** "24 Desember 2026". */
  letterDate: string;
  /** "24 Desember 2026 pukul 09.05 WIB". */
  receivedAt: string;
  nature: LetterNature;
  subject: string;
  summary: string;
  /** Titles of the Kabid the letter can be sent on to, as checkbox options. */
  forwardTo: string[];
  /** The "Dengan hormat harap" instructions. */
  instructions: string[];
  signer: Signer;
}

/** Sifat checkboxes in the order of the printed form, the letter's nature ticked. */
export function natureOptions(nature: LetterNature): CheckItem[] {
  const order: LetterNature[] = ['sangat_segera', 'segera', 'biasa', 'rahasia'];
  return order.filter((n) => LETTER_NATURES.includes(n)).map((n) => ({ label: NATURE_LABELS[n], checked: n === nature }));
}

/** Lines to write further recipients or instructions on by hand. */
const BLANK: CheckItem = { label: '', checked: false };

/**
 * Lays out (or with `dry`, measures) the sheet at scale `k`; `extra` is added to the Catatan row.
 * Returns the height used from the top of the frame.
 */
function layout(doc: Doc, d: DispositionData, frame: PageFrame, k: number, extra: number, dry: boolean): number {
  const x = frame.x;
  const W = frame.contentWidth;
  const pad = 5 * k;
  const base: TextStyle = { font: FONT.regular, size: 10 * k };
  const small: TextStyle = { font: FONT.regular, size: 8.5 * k };
  const heading: TextStyle = { font: FONT.bold, size: 10 * k };
  const rowGap = 3 * k;
  const lh = lineHeight(doc, base);
  let y = frame.y;

  y += drawLetterhead(doc, d.letterhead, x, y, W, k, dry);
  y += 9 * k;
  y += drawTitle(doc, 'LEMBAR DISPOSISI', x, y, W, 13 * k, dry);
  y += 6 * k;

  const tableTop = y;
  const half = W / 2;
  const innerHalf = half - 2 * pad;
  const leftLabels = ['Surat dari', 'Nomor surat', 'Tanggal surat', 'Perihal', 'Isi ringkas'];
  const leftLabelW = labelColumnWidth(doc, leftLabels, base);
  const rightLabelW = labelColumnWidth(doc, ['Diterima tanggal', 'Nomor agenda', 'Sifat'], base);

  // Row 1: the letter | its receipt.
  const leftRows: LabelRow[] = [
    { label: 'Surat dari', value: d.senderName, maxHeight: 8 * lh, minSize: base.size * 0.8 },
    { label: 'Nomor surat', value: d.letterNumber, maxHeight: 6 * lh, minSize: base.size * 0.8 },
    { label: 'Tanggal surat', value: d.letterDate },
  ];
  const rightRows: LabelRow[] = [
    { label: 'Diterima tanggal', value: d.receivedAt, breakBefore: 'pukul' },
    { label: 'Nomor agenda', value: d.agendaNumber, style: { font: FONT.bold, size: 11 * k }, maxHeight: 3 * lh, minSize: base.size * 0.8 },
    {
      label: 'Sifat',
      value: '',
      draw: (vx, vy, vw, dr) => drawCheckFlow(doc, natureOptions(d.nature), vx, vy, vw, base, dr),
    },
  ];
  const rowsOpts = (labelWidth: number) => ({ label: base, value: base, labelWidth, rowGap });
  const measure1 = Math.max(
    drawLabelRows(doc, leftRows, x + pad, y + pad, innerHalf, rowsOpts(leftLabelW), true),
    drawLabelRows(doc, rightRows, x + half + pad, y + pad, innerHalf, rowsOpts(rightLabelW), true),
  );
  const row1H = measure1 + 2 * pad;
  if (!dry) {
    drawLabelRows(doc, leftRows, x + pad, y + pad, innerHalf, rowsOpts(leftLabelW));
    drawLabelRows(doc, rightRows, x + half + pad, y + pad, innerHalf, rowsOpts(rightLabelW));
    vLine(doc, x + half, y, y + row1H);
  }
  y += row1H;

  // Row 2: Perihal (and Isi ringkas).
  const subjectRows: LabelRow[] = [{ label: 'Perihal', value: d.subject, maxHeight: 6 * lh, minSize: base.size * 0.75 }];
  if (d.summary.trim() !== '') {
    subjectRows.push({
      label: 'Isi ringkas',
      value: d.summary.trim(),
      style: small,
      maxHeight: 4 * lineHeight(doc, small),
      minSize: small.size * 0.85,
    });
  }
  const row2H = drawLabelRows(doc, subjectRows, x + pad, y + pad, W - 2 * pad, rowsOpts(leftLabelW), true) + 2 * pad;
  if (!dry) {
    hLine(doc, x, x + W, y);
    drawLabelRows(doc, subjectRows, x + pad, y + pad, W - 2 * pad, rowsOpts(leftLabelW));
  }
  y += row2H;

  // Row 3: to whom | what to do.
  const forward: CheckItem[] = [...d.forwardTo.map((label) => ({ label, checked: false })), BLANK, BLANK];
  const instructions: CheckItem[] = [...d.instructions.map((label) => ({ label, checked: false })), BLANK];
  const itemGap = 2.5 * k;
  const column = (title: string, items: CheckItem[], cx: number, dr: boolean): number => {
    let h = drawText(doc, title, cx, y + pad, innerHalf, heading, Infinity, dr);
    h += 3 * k;
    h += drawCheckList(doc, items, cx, y + pad + h, innerHalf, base, itemGap, dr);
    return h;
  };
  const row3H =
    Math.max(column('Diteruskan kepada Sdr.:', forward, x + pad, true), column('Dengan hormat harap:', instructions, x + half + pad, true)) +
    2 * pad;
  if (!dry) {
    hLine(doc, x, x + W, y);
    column('Diteruskan kepada Sdr.:', forward, x + pad, false);
    column('Dengan hormat harap:', instructions, x + half + pad, false);
    vLine(doc, x + half, y, y + row3H);
  }
  y += row3H;

  // Row 4: Catatan | signature of the disposing official.
  const noteW = W * 0.55;
  const signW = W - noteW;
  const sigStyle = { text: base, space: 48 * k };
  const signH = drawSignature(doc, d.signer, x + noteW + pad, y + pad, signW - 2 * pad, sigStyle, true);
  const noteMin = lineHeight(doc, heading) + 4 * lh;
  const row4H = Math.max(signH, noteMin) + 2 * pad + extra;
  if (!dry) {
    hLine(doc, x, x + W, y);
    vLine(doc, x + noteW, y, y + row4H);
    drawText(doc, 'Catatan:', x + pad, y + pad, noteW - 2 * pad, heading);
    // Lines to write on, every 1.6 lines, up to the bottom of the box.
    const step = lh * 1.6;
    for (let ly = y + pad + lineHeight(doc, heading) + step; ly <= y + row4H - pad; ly += step) {
      dottedLine(doc, x + pad, x + noteW - pad, ly);
    }
    drawSignature(doc, d.signer, x + noteW + pad, y + row4H - pad - signH, signW - 2 * pad, sigStyle);
  }
  y += row4H;
  if (!dry) strokeRect(doc, { x, y: tableTop, w: W, h: y - tableTop });

  if (!dry) drawFooter(doc, frame, `Dicetak dari Loket — No. agenda ${d.agendaNumber}`, k);
  return y - frame.y;
}

/** Draws the sheet on the document's single page. */
export function drawDispositionSheet(doc: Doc, d: DispositionData, frame: PageFrame, unit: number): void {
  const { scale, spare } = fitScale((k) => layout(doc, d, frame, k, 0, true), frame.contentHeight, unit);
  // Spare room goes to the Catatan box, within reason; the rest stays blank under the form.
  layout(doc, d, frame, scale, Math.min(spare, 260 * scale), false);
}
