/**
 * A report (or a list on the desk) as an .xlsx workbook (exceljs): one sheet per table, each with a title row, the period,
 * a bold header row that stays frozen and carries an autofilter, column widths from the content,
 * dates as real Excel dates (office-local wall clock), numbers as numbers, percentages as
 * fractions formatted "0.0%", and working minutes as a number of minutes. When the report has
 * notes (how the figures were computed), a first sheet "Keterangan" holds them.
 */
import ExcelJS from 'exceljs';
import { XLSX_MIME, type Report, type ReportCell, type ReportColumn, type ReportTable } from '../../../shared/api/report-schemas';
import { utcToLocalDateTime } from '../../../shared/domain/dates';
import { formatCell } from './format';

/** What the writer needs of a report; a list on the desk (reports/lists.ts) is written the same way. */
export type XlsxBook = Pick<Report, 'title' | 'subtitle' | 'notes' | 'generatedAt' | 'fileBase' | 'sections'>;

export interface XlsxOutput {
  data: Buffer;
  fileName: string;
  mime: typeof XLSX_MIME;
  sheets: number;
}

/** Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Lembar';
  let name = clean;
  for (let i = 2; taken.has(name.toLowerCase()); i += 1) name = `${clean.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** A calendar date "YYYY-MM-DD" (or a local wall clock) as the Date exceljs writes as that Excel date. */
function excelDate(localIso: string): Date {
  return new Date(`${localIso.length === 10 ? `${localIso}T00:00` : localIso.slice(0, 16)}:00.000Z`);
}

function cellValue(value: ReportCell, column: ReportColumn, timeZone: string): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  switch (column.type) {
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? excelDate(value.slice(0, 10)) : value;
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? excelDate(utcToLocalDateTime(value, timeZone)) : value;
    default:
      return value;
  }
}

const NUM_FORMATS: Record<ReportColumn['type'], string | undefined> = {
  text: undefined,
  number: '#,##0.##',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  percent: '0.0%',
  minutes: '#,##0.#',
};

function headerLabel(column: ReportColumn): string {
  return column.type === 'minutes' && !/menit/i.test(column.label) ? `${column.label} (menit kerja)` : column.label;
}

function addTableSheet(book: ExcelJS.Workbook, report: XlsxBook, t: ReportTable, name: string, timeZone: string, agency: string): void {
  const headerRow = 4;
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }] });
  const n = t.columns.length;
  sheet.getCell(1, 1).value = `${t.title}`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = `${report.title} — ${report.subtitle}`;
  sheet.getCell(3, 1).value = agency;
  sheet.getCell(3, 1).font = { italic: true, color: { argb: 'FF666666' } };

  const header = sheet.getRow(headerRow);
  t.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = headerLabel(c);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });

  const widths = t.columns.map((c) => Math.max(8, Math.min(40, headerLabel(c).length + 2)));
  const writeRow = (values: ReportCell[], rowNumber: number, bold: boolean) => {
    const row = sheet.getRow(rowNumber);
    t.columns.forEach((c, i) => {
      const v = values[i] ?? null;
      const cell = row.getCell(i + 1);
      cell.value = cellValue(v, c, timeZone);
      const fmt = NUM_FORMATS[c.type];
      if (fmt) cell.numFmt = fmt;
      if (bold) cell.font = { bold: true };
      if (c.type === 'text') cell.alignment = { vertical: 'top', wrapText: true };
      else cell.alignment = { vertical: 'top' };
      const shown = formatCell(v, c.type, timeZone);
      const longest = Math.max(...shown.split('\n').map((l) => l.length));
      widths[i] = Math.max(widths[i] ?? 8, Math.min(c.type === 'text' ? 60 : 22, longest + 2));
    });
  };
  t.rows.forEach((r, i) => writeRow(r, headerRow + 1 + i, false));
  let last = headerRow + t.rows.length;
  if (t.totals) {
    last += 1;
    writeRow(t.totals, last, true);
  }
  if (t.rows.length === 0 && t.emptyText) {
    sheet.getCell(headerRow + 1, 1).value = t.emptyText;
    sheet.getCell(headerRow + 1, 1).font = { italic: true };
  }
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, headerRow + t.rows.length), column: n } };
}

export async function renderReportXlsx(report: XlsxBook, timeZone: string, agency: string): Promise<XlsxOutput> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Loket';
  book.created = new Date(report.generatedAt);
  book.modified = new Date(report.generatedAt);
  book.title = `${report.title} — ${report.subtitle}`;
  const taken = new Set<string>();
  if (report.notes.length > 0) {
    const info = book.addWorksheet(sheetName('Keterangan', taken));
    info.getCell(1, 1).value = report.title;
    info.getCell(1, 1).font = { bold: true, size: 14 };
    info.getCell(2, 1).value = report.subtitle;
    info.getCell(3, 1).value = agency;
    report.notes.forEach((note, i) => {
      const cell = info.getCell(5 + i, 1);
      cell.value = note;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    info.getColumn(1).width = 120;
  }
  for (const s of report.sections) {
    if (!s.table) continue;
    addTableSheet(book, report, s.table, sheetName(s.table.name, taken), timeZone, agency);
  }
  if (book.worksheets.length === 0) book.addWorksheet('Laporan').getCell(1, 1).value = report.title;
  const data = Buffer.from(await book.xlsx.writeBuffer());
  return { data, fileName: `${report.fileBase}.xlsx`, mime: XLSX_MIME, sheets: book.worksheets.length };
}
