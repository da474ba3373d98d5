/**
 * Reading a spreadsheet for an import: the first sheet of an .xlsx (exceljs's streaming reader, so
 * a large book is read piece by piece and the process stays responsive) or a .csv (UTF-8 or
 * Windows-1252, separated by comma, semicolon or tab, quotes as in RFC 4180), as rows of plain
 * values numbered as the spreadsheet numbers them. Reading yields to the event loop between
 * chunks and reports how far it got.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ApiError } from '../../../shared/api/errors';

export type PlainValue = string | number | Date | boolean | null;

export interface SheetRow {
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  cells: PlainValue[];
}

export interface ReadOptions {
  /** Stop after this many rows (the preview). */
  limit?: number;
  /** Called with 0–1 as the file is read. */
  onProgress?: (fraction: number) => void;
}

export interface ReadResult {
  format: 'xlsx' | 'csv';
  sheetName: string | null;
  rows: SheetRow[];
}

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function plain(value: ExcelJS.CellValue | undefined): PlainValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return plain(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return String(value);
}

function isZip(data: Buffer): boolean {
  return data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

async function readXlsx(data: Buffer, options: ReadOptions): Promise<ReadResult> {
  const chunk = 64 * 1024;
  let pulled = 0;
  const source = Readable.from(
    (function* chunks() {
      for (let i = 0; i < data.length; i += chunk) {
        pulled = Math.min(data.length, i + chunk);
        yield data.subarray(i, i + chunk);
      }
    })(),
  );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  const rows: SheetRow[] = [];
  let sheetName: string | null = null;
  let count = 0;
  try {
    for await (const sheet of reader) {
      if (sheetName !== null) break; // the first sheet only
      sheetName = (sheet as unknown as { name?: string }).name ?? 'Sheet1';
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[] | undefined;
        const cells: PlainValue[] = [];
        if (Array.isArray(values)) for (let i = 1; i < values.length; i += 1) cells.push(plain(values[i]));
        rows.push({ row: row.number, cells });
        count += 1;
        if (options.limit !== undefined && rows.length >= options.limit) break;
        if (count % 500 === 0) {
          options.onProgress?.(pulled / data.length);
          await yieldToEventLoop();
        }
      }
      if (options.limit !== undefined && rows.length >= options.limit) break;
    }
  } catch (error) {
    throw new ApiError('UNSUPPORTED_FILE', `Berkas .xlsx tidak dapat dibaca${error instanceof Error ? ` (${error.message})` : ''}. Simpan ulang dari Excel sebagai "Buku Kerja Excel (.xlsx)".`);
  }
  options.onProgress?.(1);
  return { format: 'xlsx', sheetName, rows };
}

/** UTF-8 (with or without BOM); text that is not valid UTF-8 is read as Windows-1252 (Excel's "CSV" on Windows). */
export function decodeText(data: Buffer): string {
  const bytes = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The separator of the first line: the one of ; , tab that occurs most outside quotes. */
export function detectDelimiter(text: string): string {
  const firstLine: string[] = [];
  let quoted = false;
  for (const ch of text.slice(0, 10_000)) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\n' || ch === '\r')) break;
    if (!quoted) firstLine.push(ch);
  }
  const counts = [';', ',', '\t'].map((d) => ({ d, n: firstLine.filter((c) => c === d).length }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0] && counts[0].n > 0 ? counts[0].d : ',';
}

async function readCsv(data: Buffer, options: ReadOptions): Promise<ReadResult> {
  const text = decodeText(data);
  const delimiter = detectDelimiter(text);
  const rows: SheetRow[] = [];
  let field = '';
  let cells: PlainValue[] = [];
  let quoted = false;
  let rowNumber = 1;
  let fieldStarted = false;
  const endField = () => {
    cells.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ row: rowNumber, cells });
    cells = [];
    rowNumber += 1;
  };
  const n = text.length;
  for (let i = 0; i < n; i += 1) {
    if ((i & 0xffff) === 0 && i > 0) {
      options.onProgress?.(i / n);
      await yieldToEventLoop();
    }
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += ch; // a line break inside quotes stays in the field: Excel shows the record as one row
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) endField();
    else if (ch === '\r') {
      if (text[i + 1] === '\n') i += 1;
      endRow();
    } else if (ch === '\n') endRow();
    else {
      field += ch;
      fieldStarted = true;
    }
    if (options.limit !== undefined && rows.length >= options.limit) break;
  }
  if (quoted) throw new ApiError('UNSUPPORTED_FILE', `Berkas CSV tidak lengkap: tanda kutip pada baris ${rowNumber} tidak ditutup.`);
  if (field !== '' || cells.length > 0) endRow();
  options.onProgress?.(1);
  return { format: 'csv', sheetName: null, rows: options.limit !== undefined ? rows.slice(0, options.limit) : rows };
}

/** Reads .xlsx or .csv by the file's content and name. */
export async function readTabular(data: Buffer, fileName: string, options: ReadOptions = {}): Promise<ReadResult> {
  if (isZip(data)) return readXlsx(data, options);
  if (/\.xlsx$/i.test(fileName)) throw new ApiError('UNSUPPORTED_FILE', 'Berkas ini bukan .xlsx yang sah. Simpan ulang dari Excel sebagai "Buku Kerja Excel (.xlsx)".');
  if (data.subarray(0, 8).includes(0)) throw new ApiError('UNSUPPORTED_FILE', 'Berkas ini bukan CSV atau .xlsx. Untuk .xls lama, simpan ulang dari Excel sebagai .xlsx.');
  return readCsv(data, options);
}
