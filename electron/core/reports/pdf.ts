/**
 * A report as a PDF: the letterhead, the title and the period on the first page, the notes, then
 * each section with its charts (vector) and its table. A table longer than a page continues on
 * the next with its header row repeated; later pages carry a small running title. The Kadis's
 * signature block closes the report, and every page is numbered "Halaman n dari m" in the footer.
 */
import type { PaperSize } from '../../../shared/api/schemas';
import type { Report, ReportColumn, ReportCell, ReportTable } from '../../../shared/api/report-schemas';
import { formatInstantDateId, formatInstantDateTimeId } from '../../../shared/domain/dates';
import type { CoreContext } from '../context';
import { findOfficial, getOffice } from '../services/office';
import { FONT } from '../pdf/fonts';
import { createPdf, type PdfHandle } from '../pdf/pdfdoc';
import { drawText, GREY, hLine, lineHeight, textHeight, vLine, type Doc, type TextStyle } from '../pdf/layout';
import { drawLetterhead, letterheadData, type LetterheadData } from '../pdf/letterhead';
import { cm, pageFrame, type PageFrame } from '../pdf/paper';
import { drawFooter } from '../pdf/sheet';
import { drawSignature, signerFor, type Signer } from '../pdf/signature';
import { drawChart } from './charts';
import { formatCell } from './format';

export interface RenderedFile {
  data: Buffer;
  fileName: string;
  pages: number;
}

/** The page of a report: A4 or F4, portrait or landscape, with report margins. */
export function reportFrame(paper: PaperSize, orientation: Report['orientation']): PageFrame {
  const margins = orientation === 'landscape' ? { top: cm(1.4), bottom: cm(1.5), left: cm(1.6), right: cm(1.4) } : { top: cm(1.5), bottom: cm(1.6), left: cm(2), right: cm(1.5) };
  return pageFrame(paper, margins, orientation);
}

/** A pdfkit document as pdf/pdfdoc.ts makes every document, in the frame's orientation. */
export function createReportPdf(resourcesDir: string, frame: PageFrame, meta: { title: string; subject: string; author: string; createdAt: Date }): PdfHandle {
  return createPdf(resourcesDir, frame.paper, meta, frame.width > frame.height ? 'landscape' : 'portrait');
}

/** The cursor over the pages of one report: where the next block goes, and a new page when it does not fit. */
export class Flow {
  y: number;
  constructor(
    readonly doc: Doc,
    readonly frame: PageFrame,
    private readonly runningTitle: string,
  ) {
    this.y = frame.y;
  }

  get bottom(): number {
    return this.frame.y + this.frame.contentHeight;
  }

  get room(): number {
    return this.bottom - this.y;
  }

  newPage(): void {
    this.doc.addPage({ size: [this.frame.width, this.frame.height], margin: 0 });
    this.y = this.frame.y;
    const style: TextStyle = { font: FONT.italic, size: 7.5, color: GREY };
    const h = drawText(this.doc, this.runningTitle, this.frame.x, this.y, this.frame.contentWidth, style, lineHeight(this.doc, style));
    hLine(this.doc, this.frame.x, this.frame.x + this.frame.contentWidth, this.y + h + 2, 0.4, GREY);
    this.y += h + 8;
  }

  /** Makes room for `height`, starting a new page when needed (never for a block taller than a page). */
  ensure(height: number): void {
    if (height > this.room && this.y > this.frame.y + 30) this.newPage();
  }
}

const CELL_PAD_X = 2.5;
const CELL_PAD_Y = 1.8;
const MAX_LINES = 8;
const HEADER_FILL = '#E7E6E6';

function alignOf(type: ReportColumn['type']): TextStyle['align'] {
  if (type === 'number' || type === 'percent' || type === 'minutes') return 'right';
  if (type === 'date' || type === 'datetime') return 'center';
  return 'left';
}

function columnWidths(columns: ReportColumn[], width: number): number[] {
  const total = columns.reduce((s, c) => s + c.width, 0);
  return columns.map((c) => (c.width / total) * width);
}

interface TableMetrics {
  widths: number[];
  xs: number[];
  body: TextStyle;
  bold: TextStyle;
  lh: number;
  headerHeight: number;
  cellTexts(row: ReportCell[], totals?: boolean): string[];
  rowHeight(texts: string[], style: TextStyle): number;
  /** The header and the first rows (up to three): what must start on the same page. */
  lead: number;
}

function tableMetrics(doc: Doc, t: ReportTable, x0: number, width: number, timeZone: string, size: number): TableMetrics {
  const widths = columnWidths(t.columns, width);
  const xs = widths.reduce<number[]>((acc, w, i) => [...acc, (acc[i] ?? x0) + w], [x0]);
  const body: TextStyle = { font: FONT.regular, size };
  const bold: TextStyle = { font: FONT.bold, size };
  const lh = lineHeight(doc, body);
  const headerHeight = Math.max(...t.columns.map((c, i) => textHeight(doc, c.label, (widths[i] ?? 10) - 2 * CELL_PAD_X, bold))) + 2 * CELL_PAD_Y;
  /** A totals row leaves its empty cells blank rather than "–". */
  const cellTexts = (row: ReportCell[], totals = false) => t.columns.map((c, i) => (totals && (row[i] ?? null) === null ? '' : formatCell(row[i] ?? null, c.type, timeZone)));
  const rowHeight = (texts: string[], style: TextStyle) =>
    Math.min(MAX_LINES * lh, Math.max(lh, ...texts.map((s, i) => (s === '' ? lh : textHeight(doc, s, (widths[i] ?? 10) - 2 * CELL_PAD_X, style))))) + 2 * CELL_PAD_Y;
  const firstRows = t.rows.slice(0, 3).reduce((h, r) => h + rowHeight(cellTexts(r), body), 0);
  return { widths, xs, body, bold, lh, headerHeight, cellTexts, rowHeight, lead: headerHeight + (t.rows.length > 0 ? firstRows : lh + 2 * CELL_PAD_Y) };
}

function drawTable(flow: Flow, t: ReportTable, timeZone: string, size: number): void {
  const { doc, frame } = flow;
  const x0 = frame.x;
  const { widths, xs, body, bold, headerHeight, cellTexts, rowHeight, lead } = tableMetrics(doc, t, x0, frame.contentWidth, timeZone, size);
  let segmentTop = flow.y;

  const closeSegment = () => {
    for (const x of xs) vLine(doc, x, segmentTop, flow.y, 0.4);
  };
  const drawHeader = () => {
    segmentTop = flow.y;
    doc.save().rect(x0, flow.y, frame.contentWidth, headerHeight).fill(HEADER_FILL).restore();
    t.columns.forEach((c, i) => {
      drawText(doc, c.label, (xs[i] ?? x0) + CELL_PAD_X, flow.y + CELL_PAD_Y, (widths[i] ?? 10) - 2 * CELL_PAD_X, { ...bold, align: 'center' }, headerHeight);
    });
    hLine(doc, x0, x0 + frame.contentWidth, flow.y, 0.6);
    flow.y += headerHeight;
    hLine(doc, x0, x0 + frame.contentWidth, flow.y, 0.6);
  };
  const drawRow = (texts: string[], style: TextStyle) => {
    const h = rowHeight(texts, style);
    if (flow.y + h > flow.bottom) {
      closeSegment();
      flow.newPage();
      drawHeader();
    }
    texts.forEach((s, i) => {
      const column = t.columns[i];
      if (!column || s === '') return;
      drawText(doc, s, (xs[i] ?? x0) + CELL_PAD_X, flow.y + CELL_PAD_Y, (widths[i] ?? 10) - 2 * CELL_PAD_X, { ...style, align: alignOf(column.type) }, h - 2 * CELL_PAD_Y);
    });
    flow.y += h;
    hLine(doc, x0, x0 + frame.contentWidth, flow.y, 0.4);
  };

  // The header with at least its first rows (up to three) on the same page.
  flow.ensure(lead);
  drawHeader();
  if (t.rows.length === 0) {
    const style: TextStyle = { font: FONT.italic, size, color: GREY, align: 'center' };
    const h = lineHeight(doc, style) + 2 * CELL_PAD_Y;
    drawText(doc, t.emptyText || 'Tidak ada data.', x0, flow.y + CELL_PAD_Y, frame.contentWidth, style);
    flow.y += h;
    hLine(doc, x0, x0 + frame.contentWidth, flow.y, 0.4);
    vLine(doc, x0, segmentTop, flow.y, 0.4);
    vLine(doc, x0 + frame.contentWidth, segmentTop, flow.y, 0.4);
    return;
  }
  for (const row of t.rows) drawRow(cellTexts(row), body);
  if (t.totals) {
    hLine(doc, x0, x0 + frame.contentWidth, flow.y, 0.8);
    drawRow(cellTexts(t.totals, true), bold);
  }
  closeSegment();
}

export interface ReportPrintContext {
  letterhead: LetterheadData;
  timeZone: string;
  city: string;
  agencyName: string;
  signer: Signer;
}

export function reportPrintContext(ctx: CoreContext, report: Report): ReportPrintContext {
  const office = getOffice(ctx.db);
  return {
    letterhead: letterheadData(ctx, office),
    timeZone: office.timeZone,
    city: office.city,
    agencyName: office.agencyName,
    signer: signerFor(findOfficial(ctx.db, 'kadis'), 'kadis', [`${office.city}, ${formatInstantDateId(report.generatedAt, office.timeZone)}`]),
  };
}

/** Draws the whole report into `doc` (its first page already open). */
export function drawReport(doc: Doc, report: Report, frame: PageFrame, p: ReportPrintContext): void {
  const landscape = report.orientation === 'landscape';
  const flow = new Flow(doc, frame, `${report.title} — ${report.subtitle}`);
  const W = frame.contentWidth;
  flow.y += drawLetterhead(doc, p.letterhead, frame.x, flow.y, W, landscape ? 0.85 : 0.9);
  flow.y += 10;
  flow.y += drawText(doc, report.title.toLocaleUpperCase('id-ID'), frame.x, flow.y, W, { font: FONT.bold, size: 12.5, align: 'center' });
  flow.y += 2;
  flow.y += drawText(doc, report.subtitle, frame.x, flow.y, W, { font: FONT.regular, size: 10, align: 'center' });
  flow.y += 8;
  const noteStyle: TextStyle = { font: FONT.regular, size: 8, lineGap: 0.5 };
  for (const note of report.notes) {
    flow.ensure(textHeight(doc, note, W, noteStyle));
    flow.y += drawText(doc, note, frame.x, flow.y, W, noteStyle) + 1.5;
  }
  flow.y += 4;

  const tableSize = landscape ? 7.5 : 8;
  const chartH = landscape ? 175 : 190;
  const perRow = W > 650 ? 2 : 1;
  const chartGap = 16;
  const chartW = (W - (perRow - 1) * chartGap) / perRow;
  for (const s of report.sections) {
    const heading: TextStyle = { font: FONT.bold, size: 10 };
    const headH = lineHeight(doc, heading) + 3;
    const descStyle: TextStyle = { font: FONT.regular, size: 8 };
    const descH = s.description ? textHeight(doc, s.description, W, descStyle) + 3 : 0;
    // A heading never stays alone at the foot of a page: it keeps its first chart or the start of its table.
    const next = s.charts.length > 0 ? chartH : s.table ? tableMetrics(doc, s.table, frame.x, W, p.timeZone, tableSize).lead : 0;
    flow.ensure(6 + headH + descH + next);
    flow.y += 6;
    flow.y += drawText(doc, s.title, frame.x, flow.y, W, heading) + 3;
    if (s.description) flow.y += drawText(doc, s.description, frame.x, flow.y, W, descStyle) + 3;
    for (let i = 0; i < s.charts.length; i += perRow) {
      flow.ensure(chartH + 6);
      const row = s.charts.slice(i, i + perRow);
      // A chart alone in its row takes more room, for its category labels.
      const w = row.length === 1 ? Math.min(W, Math.max(chartW, 560)) : chartW;
      row.forEach((chart, j) => drawChart(doc, chart, { x: frame.x + j * (w + chartGap), y: flow.y, w, h: chartH }));
      flow.y += chartH + 10;
    }
    if (s.table) drawTable(flow, s.table, p.timeZone, tableSize);
    flow.y += 4;
  }

  // The Kadis signs at the right.
  const signStyle = { text: { font: FONT.regular, size: 10 } as TextStyle, space: 48 };
  const half = Math.min(W / 2, 280);
  const signH = drawSignature(doc, p.signer, frame.x + W - half, flow.y, half, signStyle, true);
  flow.ensure(signH + 16);
  flow.y += 14;
  drawSignature(doc, p.signer, frame.x + W - half, flow.y, half, signStyle);
  flow.y += signH;

  numberPages(doc, frame, `Dicetak dari Loket pada ${formatInstantDateTimeId(report.generatedAt, p.timeZone)} — ${report.title}, ${report.subtitle}`);
}

/** The footer on every buffered page: `text` at the left, "Halaman n dari m" at the right. */
export function numberPages(doc: Doc, frame: PageFrame, text: string): void {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(range.start + i);
    drawFooter(doc, frame, text, 1, i + 1, range.count);
  }
}

export async function renderReportPdf(ctx: CoreContext, report: Report, paper: PaperSize): Promise<RenderedFile> {
  const frame = reportFrame(paper, report.orientation);
  const p = reportPrintContext(ctx, report);
  const pdf = createReportPdf(ctx.resourcesDir, frame, { title: `${report.title} — ${report.subtitle}`, subject: report.title, author: p.agencyName, createdAt: new Date(report.generatedAt) });
  drawReport(pdf.doc, report, frame, p);
  const { data, pages } = await pdf.finish();
  return { data, pages, fileName: `${report.fileBase}.pdf` };
}
