/**
 * The lembar disposisi (city format after Permendagri 54/2009): letterhead, title, the letter's
 * particulars, Sifat checkboxes, Perihal, "Diteruskan kepada Sdr." | "Dengan hormat harap", and a
 * Catatan box beside the disposing official's signature. Always one page: the whole sheet is laid
 * out at a type scale, measured, and drawn at the largest scale that fits.
 *
 * Before any disposition the sheet is a blank form to fill in by hand. Once the letter's request
 * has dispositions, the sheet prints the chain: the first level (the Kadis) in the form's own boxes
 * with the real choices ticked, its note and date, and one compact box per following level
 * (Kabid → Kasi/petugas …). When the page is short, the compact levels (then the first too) list
 * only the chosen instructions, the type shrinks, and long notes are cut with "…".
 */
import { LETTER_NATURES, NATURE_LABELS, type LetterNature } from '../../../shared/api/schemas';
import { FONT } from './fonts';
import {
  breakBefore,
  detailStyle,
  drawCheckFlow,
  drawCheckList,
  drawFittedText,
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
  /** The Kabid the letter can be sent on to, as checkbox options (their titles). */
  forwardTo: Array<{ officialId: number; title: string }>;
  /** The office's "Dengan hormat harap" instructions. */
  instructions: string[];
  /** The dispositions made so far, first (Kadis) level first; empty for a blank form. */
  chain: ChainLevel[];
  /** The disposing official: the first level's disposer, or the Kadis with a blank date. */
  signer: Signer;
}

export interface ChainRecipient {
  /** The linked official's name, else the user's full name. */
  name: string;
  /** The official linked to the recipient's account, to tick the matching "Diteruskan kepada" option. */
  officialId: number | null;
  /** "Senin, 23 November 2026 pukul 09.07 WIB" once read. */
  readAt: string | null;
}

/** One level of the chain: who disposed to whom, with which instructions and note, and when. */
export interface ChainLevel {
  fromName: string;
  /** The official's title ("Plt. Kepala Dinas …") or the SOP's role label. */
  fromTitle: string;
  /** The SOP's label of the recipients' role ("Kabid INS"). */
  toLabel: string;
  recipients: ChainRecipient[];
  /** The chosen instructions. */
  instructions: string[];
  note: string;
  /** "Senin, 23 November 2026 pukul 09.05 WIB". */
  at: string;
}

/** How much of the instruction lists to print. */
interface Variant {
  /** The first level lists only the chosen recipients and instructions. */
  firstChosenOnly: boolean;
  /** The following levels list only the chosen instructions. */
  restChosenOnly: boolean;
}

const FULL: Variant = { firstChosenOnly: false, restChosenOnly: false };

/** The office's instructions with the chosen ones ticked (and chosen ones since retired, appended). */
export function instructionItems(all: readonly string[], chosen: readonly string[], chosenOnly: boolean): CheckItem[] {
  const picked = new Set(chosen);
  const items: CheckItem[] = all.map((label) => ({ label, checked: picked.has(label) }));
  for (const label of chosen) if (!all.includes(label)) items.push({ label, checked: true });
  return chosenOnly ? items.filter((i) => i.checked) : items;
}

const readLine = (r: ChainRecipient): string | null => (r.readAt ? `Dibaca: ${r.readAt}` : null);

/**
 * "Diteruskan kepada Sdr." of the first level: each Kabid option, ticked with the recipient's name
 * when the recipient's account is linked to that official; other recipients added by name and role.
 */
export function forwardItems(options: DispositionData['forwardTo'], level: ChainLevel, chosenOnly: boolean): CheckItem[] {
  const placed = new Set<ChainRecipient>();
  const items: CheckItem[] = options.map((o) => {
    const matched = level.recipients.filter((r) => r.officialId === o.officialId);
    for (const r of matched) placed.add(r);
    const details = matched.map(readLine).filter((l): l is string => l !== null);
    return {
      label: matched.length > 0 ? `${o.title} (${matched.map((r) => r.name).join(', ')})` : o.title,
      checked: matched.length > 0,
      ...(details.length > 0 ? { detail: details.join('\n') } : {}),
    };
  });
  for (const r of level.recipients) {
    if (placed.has(r)) continue;
    const detail = readLine(r);
    items.push({ label: `${r.name} (${level.toLabel})`, checked: true, ...(detail ? { detail } : {}) });
  }
  return chosenOnly ? items.filter((i) => i.checked) : items;
}

/** Sifat checkboxes in the order of the printed form, the letter's nature ticked. */
export function natureOptions(nature: LetterNature): CheckItem[] {
  const order: LetterNature[] = ['sangat_segera', 'segera', 'biasa', 'rahasia'];
  return order.filter((n) => LETTER_NATURES.includes(n)).map((n) => ({ label: NATURE_LABELS[n], checked: n === nature }));
}

/** Lines to write further recipients or instructions on by hand. */
const BLANK: CheckItem = { label: '', checked: false };

/** A dash where a chosen-only list is empty. */
const NONE = '–';

/**
 * Lays out (or with `dry`, measures) the sheet at scale `k`; `extra` is added to the Catatan row.
 * Returns the height used from the top of the frame.
 */
function layout(doc: Doc, d: DispositionData, frame: PageFrame, k: number, extra: number, dry: boolean, v: Variant = FULL): number {
  const x = frame.x;
  const W = frame.contentWidth;
  const pad = 5 * k;
  const base: TextStyle = { font: FONT.regular, size: 10 * k };
  const small: TextStyle = { font: FONT.regular, size: 8.5 * k };
  const heading: TextStyle = { font: FONT.bold, size: 10 * k };
  const rowGap = 3 * k;
  const lh = lineHeight(doc, base);
  const first = d.chain[0];
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

  // Row 3: to whom | what to do — blank options, or the first level's choices ticked.
  const forward: CheckItem[] = first
    ? forwardItems(d.forwardTo, first, v.firstChosenOnly)
    : [...d.forwardTo.map((o) => ({ label: o.title, checked: false })), BLANK, BLANK];
  const instructions: CheckItem[] = first
    ? instructionItems(d.instructions, first.instructions, v.firstChosenOnly)
    : [...d.instructions.map((label) => ({ label, checked: false })), BLANK];
  const itemGap = 2.5 * k;
  const column = (title: string, items: CheckItem[], cx: number, dr: boolean): number => {
    let h = drawText(doc, title, cx, y + pad, innerHalf, heading, Infinity, dr);
    h += 3 * k;
    if (items.length === 0) h += drawText(doc, NONE, cx, y + pad + h, innerHalf, base, Infinity, dr);
    else h += drawCheckList(doc, items, cx, y + pad + h, innerHalf, base, itemGap, dr);
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
  const headingH = lineHeight(doc, heading);
  const dateStyle = detailStyle(base);
  const dateText = first ? `Tanggal disposisi: ${first.at}` : '';
  const note = first?.note ?? '';
  const noteTop = headingH + 2 * k;
  const noteH = note ? drawFittedText(doc, note, x + pad, y + pad + noteTop, noteW - 2 * pad, 8 * lh, base, base.size * 0.85, true) : 0;
  const dateH = first ? drawText(doc, dateText, x + pad, 0, noteW - 2 * pad, dateStyle, Infinity, true) : 0;
  const noteMin = first ? noteTop + (note ? noteH + 4 * k : 2 * lh) + dateH : headingH + 4 * lh;
  const row4H = Math.max(signH, noteMin) + 2 * pad + extra;
  if (!dry) {
    hLine(doc, x, x + W, y);
    vLine(doc, x + noteW, y, y + row4H);
    drawText(doc, 'Catatan:', x + pad, y + pad, noteW - 2 * pad, heading);
    let linesFrom = y + pad + headingH;
    if (note) {
      drawFittedText(doc, note, x + pad, y + pad + noteTop, noteW - 2 * pad, 8 * lh, base, base.size * 0.85);
      linesFrom = y + pad + noteTop + noteH;
    }
    const linesTo = y + row4H - pad - (first ? dateH + 2 * k : 0);
    // Lines to write on, every 1.6 lines, down to the bottom of the box (or to the date).
    const step = lh * 1.6;
    for (let ly = linesFrom + step; ly <= linesTo; ly += step) dottedLine(doc, x + pad, x + noteW - pad, ly);
    if (first) drawText(doc, dateText, x + pad, y + row4H - pad - dateH, noteW - 2 * pad, dateStyle);
    drawSignature(doc, d.signer, x + noteW + pad, y + row4H - pad - signH, signW - 2 * pad, sigStyle);
  }
  y += row4H;
  if (!dry) strokeRect(doc, { x, y: tableTop, w: W, h: y - tableTop });

  // The following levels, one compact box each.
  d.chain.slice(1).forEach((level, i) => {
    y += 5 * k;
    y += levelBox(doc, level, i + 2, x, y, W, k, v.restChosenOnly, d.instructions, dry);
  });

  if (!dry) drawFooter(doc, frame, `Dicetak dari Loket — No. agenda ${d.agendaNumber}`, k);
  return y - frame.y;
}

/**
 * A following level of the chain: "Disposisi tingkat n" with Dari, Tanggal, Diteruskan kepada
 * (with read dates) and Catatan at the left, the instructions at the right. Returns the height.
 */
function levelBox(
  doc: Doc,
  level: ChainLevel,
  n: number,
  x: number,
  y: number,
  W: number,
  k: number,
  chosenOnly: boolean,
  officeInstructions: readonly string[],
  dry: boolean,
): number {
  const pad = 4 * k;
  const base: TextStyle = { font: FONT.regular, size: 9.5 * k };
  const heading: TextStyle = { font: FONT.bold, size: 9.5 * k };
  const lh = lineHeight(doc, base);
  // The divider lines up with the one between Catatan and the signature above.
  const leftW = W * 0.55;
  const innerLeft = leftW - 2 * pad;
  const innerRight = W - leftW - 2 * pad;

  const recipients = (vx: number, vy: number, vw: number, dr: boolean): number => {
    if (level.recipients.length === 0) return drawText(doc, NONE, vx, vy, vw, base, Infinity, dr);
    let h = 0;
    level.recipients.forEach((r, i) => {
      if (i > 0) h += 1.5 * k;
      h += drawText(doc, `${r.name} (${level.toLabel})`, vx, vy + h, vw, base, 3 * lh, dr);
      const read = readLine(r);
      if (read) h += drawText(doc, breakBefore(doc, read, 'pukul', vw, detailStyle(base)), vx, vy + h, vw, detailStyle(base), Infinity, dr);
    });
    return h;
  };
  const rows: LabelRow[] = [
    { label: 'Dari', value: `${level.fromName} — ${level.fromTitle}`, maxHeight: 3 * lh, minSize: base.size * 0.8 },
    { label: 'Tanggal', value: level.at, breakBefore: 'pukul' },
    { label: 'Diteruskan kepada', value: '', draw: recipients },
    { label: 'Catatan', value: level.note || NONE, maxHeight: 4 * lh, minSize: base.size * 0.9 },
  ];
  const opts = { label: base, value: base, rowGap: 2 * k, labelWidth: labelColumnWidth(doc, rows.map((r) => r.label), base) };
  const left = (dr: boolean): number => {
    let h = drawText(doc, `Disposisi tingkat ${n}`, x + pad, y + pad, innerLeft, heading, Infinity, dr);
    h += 2.5 * k;
    return h + drawLabelRows(doc, rows, x + pad, y + pad + h, innerLeft, opts, dr);
  };
  const items = instructionItems(officeInstructions, level.instructions, chosenOnly);
  const right = (dr: boolean): number => {
    const rx = x + leftW + pad;
    let h = drawText(doc, 'Dengan hormat harap:', rx, y + pad, innerRight, heading, Infinity, dr);
    h += 2.5 * k;
    if (items.length === 0) return h + drawText(doc, NONE, rx, y + pad + h, innerRight, base, Infinity, dr);
    return h + drawCheckList(doc, items, rx, y + pad + h, innerRight, base, 1.8 * k, dr);
  };
  const boxH = Math.max(left(true), right(true)) + 2 * pad;
  if (!dry) {
    left(false);
    right(false);
    strokeRect(doc, { x, y, w: W, h: boxH });
    vLine(doc, x + leftW, y, y + boxH);
  }
  return boxH;
}

/** Draws the sheet on the document's single page. */
export function drawDispositionSheet(doc: Doc, d: DispositionData, frame: PageFrame, unit: number): void {
  const variants: Variant[] =
    d.chain.length === 0
      ? [FULL]
      : [FULL, { firstChosenOnly: false, restChosenOnly: true }, { firstChosenOnly: true, restChosenOnly: true }];
  // The first variant that fits at 90 % of the design size or more; else the one that fits largest.
  // (Below that the notes of a long chain would shrink past easy reading.)
  let best: { v: Variant; scale: number; spare: number; fits: boolean } | null = null;
  for (const v of variants) {
    const fit = fitScale((k) => layout(doc, d, frame, k, 0, true, v), frame.contentHeight, unit);
    const fits = layout(doc, d, frame, fit.scale, 0, true, v) <= frame.contentHeight;
    const candidate = { v, ...fit, fits };
    if (!best || (fits && (!best.fits || fit.scale > best.scale + 1e-9))) best = candidate;
    if (fits && fit.scale >= unit * 0.9 - 1e-9) break;
  }
  if (!best) return;
  // Spare room goes to the Catatan box, within reason; the rest stays blank under the form.
  layout(doc, d, frame, best.scale, Math.min(best.spare, 260 * best.scale), false, best.v);
}
