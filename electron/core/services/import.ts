/**
 * Importing a legacy agenda book or the OPD list from .xlsx or .csv.
 *
 * 1. `previewImport`: reads the first rows, finds the header row and maps the columns by their
 *    names ("No. Agenda", "Tanggal Terima", "Pengirim", "Nomor Surat", "Tanggal Surat", "Perihal",
 *    "Sifat", …); the caller may change the mapping. The first 20 data rows come back read with it,
 *    each with its problems.
 * 2. `startImport`: a job in the background reads and checks every row, yielding to the event
 *    loop between chunks; `importStatus` polls its progress (0–100). Every bad row is named with
 *    its reason, "Baris 1.234: Tanggal surat tidak sah (31/02/2025)." (the row as the spreadsheet
 *    numbers it).
 * 3. `commitImport`: only a job without a single bad row is written, all of it in one transaction;
 *    a job with bad rows is refused whole, and nothing is written.
 *
 * Legacy agenda numbers are kept as given. Each row's year is the year of its Tanggal Terima and
 * its sequence number is read from the number with the legacy format (`agendaFormat`, by default
 * the office's own; a plain number reads too); two rows, or a row and a letter already in the book,
 * may not share a year and sequence number. After the import the year's counter is raised to the
 * highest imported number (never lowered), so the next registered letter continues after it.
 * Imported letters are history: status 'selesai', no SOP request, marked with their import batch.
 */
import crypto from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import type { User } from '../../../shared/api/schemas';
import { LETTER_NATURES, NATURE_LABELS, SERVICE_LABELS, SERVICES, type LetterNature, type ServiceKind } from '../../../shared/api/schemas';
import {
  AGENDA_IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  MAX_IMPORT_BYTES,
  OPD_IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type ImportCommit,
  type ImportField,
  type ImportKind,
  type ImportMapping,
  type ImportOptions,
  type ImportPreview,
  type ImportState,
  type ImportStatus,
} from '../../../shared/api/report-schemas';
import { isValidIsoDate, localDateTimeToUtc, localIsoDate, MONTHS_ID } from '../../../shared/domain/dates';
import type { Db } from '../db/register';
import { readTabular, yieldToEventLoop, type PlainValue, type SheetRow } from '../reports/tabular';
import { formatNumberId } from '../reports/format';
import { appendAudit } from './audit';
import { getOffice, opdNameKey } from './office';

// ---------------------------------------------------------------------------------------------
// Column names
// ---------------------------------------------------------------------------------------------

const normalizeHeader = (h: string) =>
  h
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** Header names (normalized: lower case, letters and digits only) for each field, best first. */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  agendaNumber: ['noagenda', 'nomoragenda', 'noagendasurat', 'nomoragendasurat', 'agenda', 'noagd', 'nomorurutagenda'],
  receivedDate: ['tanggalterima', 'tglterima', 'tanggalditerima', 'tglditerima', 'diterimatanggal', 'diterimatgl', 'tanggalmasuk', 'tglmasuk', 'diterima'],
  senderName: ['pengirim', 'asalsurat', 'suratdari', 'dari', 'instansipengirim', 'namapengirim', 'asal'],
  letterNumber: ['nomorsurat', 'nosurat', 'nosrt', 'nomor'],
  letterDate: ['tanggalsurat', 'tglsurat', 'tanggal', 'tgl'],
  subject: ['perihal', 'hal', 'pokoksurat', 'perihalsurat'],
  nature: ['sifat', 'sifatsurat'],
  classificationCode: ['kodeklasifikasi', 'kode', 'klasifikasi', 'indeks', 'kodearsip'],
  summary: ['isiringkas', 'ringkasan', 'isisurat', 'keterangan', 'isi'],
  service: ['layanan', 'jenislayanan'],
  name: ['namaopd', 'opd', 'namaperangkatdaerah', 'perangkatdaerah', 'namainstansi', 'instansi', 'nama', 'namaskpd', 'skpd'],
  shortName: ['singkatan', 'akronim', 'namasingkat', 'singkatanopd'],
  address: ['alamat', 'alamatopd', 'alamatkantor'],
};

export function fieldsOf(kind: ImportKind): readonly ImportField[] {
  return kind === 'agenda' ? AGENDA_IMPORT_FIELDS : OPD_IMPORT_FIELDS;
}

function cellText(value: PlainValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
}

/** Field → column from the header names: exact names first, then names that start with a known one. */
export function autoMapping(kind: ImportKind, headers: readonly string[]): ImportMapping {
  const normalized = headers.map((h) => normalizeHeader(h));
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  const fields = fieldsOf(kind);
  for (const pass of ['exact', 'prefix'] as const) {
    for (const field of fields) {
      if (mapping[field] !== undefined && mapping[field] !== null) continue;
      for (const synonym of SYNONYMS[field]) {
        const index = normalized.findIndex((h, i) => !used.has(i) && h !== '' && (pass === 'exact' ? h === synonym : h.startsWith(synonym)));
        if (index >= 0) {
          mapping[field] = index;
          used.add(index);
          break;
        }
      }
    }
  }
  for (const field of fields) if (mapping[field] === undefined) mapping[field] = null;
  return mapping;
}

/** The header row: among the first ten rows, the one whose names match the most fields. */
function findHeader(kind: ImportKind, rows: readonly SheetRow[]): { index: number; headers: string[] } {
  let best = { index: 0, score: -1 };
  rows.slice(0, 10).forEach((r, index) => {
    const mapping = autoMapping(
      kind,
      r.cells.map((c) => cellText(c)),
    );
    const score = Object.values(mapping).filter((v) => v !== null).length;
    if (score > best.score) best = { index, score };
  });
  const row = rows[best.index];
  return { index: best.index, headers: row ? row.cells.map((c) => cellText(c)) : [] };
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

const MONTHS: Record<string, number> = Object.fromEntries([
  ...MONTHS_ID.map((m, i) => [m.toLowerCase(), i + 1] as const),
  ...['jan', 'feb', 'mar', 'apr', 'mei', 'jun', 'jul', 'agu', 'sep', 'okt', 'nov', 'des'].map((m, i) => [m, i + 1] as const),
  ['agt', 8],
  ['ags', 8],
  ['agust', 8],
  ['sept', 9],
  ['pebruari', 2],
  ['nopember', 11],
]);

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A cell as a date (and a time, when it has one); null when empty; { bad } when it is not a date. */
export function parseDateCell(value: PlainValue | undefined): { date: string; time: string | null } | { bad: string } | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    // exceljs gives a date cell as the UTC instant of its wall clock.
    const date = value.toISOString().slice(0, 10);
    const time = value.toISOString().slice(11, 16);
    return { date, time: time === '00:00' ? null : time };
  }
  if (typeof value === 'number') {
    // An Excel serial date (1900 system) that was not formatted as a date.
    if (value > 20_000 && value < 80_000) {
      const ms = Math.round((value - 25_569) * 86_400_000);
      const d = new Date(ms);
      const time = d.toISOString().slice(11, 16);
      return { date: d.toISOString().slice(0, 10), time: time === '00:00' ? null : time };
    }
    return { bad: String(value) };
  }
  const text = String(value).trim();
  let y = 0;
  let m = 0;
  let d = 0;
  let time: string | null = null;
  const timePart = /(?:[T ]\s*|\s+pukul\s+)(\d{1,2})[:.](\d{2})(?::\d{2})?$/i.exec(text);
  const datePart = timePart ? text.slice(0, timePart.index).trim() : text;
  if (timePart) {
    const hh = Number(timePart[1]);
    const mm = Number(timePart[2]);
    if (hh > 23 || mm > 59) return { bad: text };
    time = `${pad2(hh)}:${pad2(mm)}`;
  }
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(datePart);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(datePart))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{4})$/.exec(datePart))) {
    const month = MONTHS[(match[2] ?? '').toLowerCase()];
    if (month === undefined) return { bad: text };
    [d, m, y] = [Number(match[1]), month, Number(match[3])];
  } else return { bad: text };
  const iso = `${y}-${pad2(m)}-${pad2(d)}`;
  if (!isValidIsoDate(iso)) return { bad: text };
  return { date: iso, time };
}

function natureOf(text: string): LetterNature | null {
  const key = normalizeHeader(text);
  if (key === '') return 'biasa';
  for (const n of LETTER_NATURES) if (normalizeHeader(NATURE_LABELS[n]) === key || n.replace('_', '') === key) return n;
  if (key === 'penting' || key === 'kilat') return 'segera';
  return null;
}

function serviceOf(text: string, fallback: ServiceKind): ServiceKind | null {
  const key = normalizeHeader(text);
  if (key === '') return fallback;
  for (const s of SERVICES) if (normalizeHeader(SERVICE_LABELS[s]) === key || s === key) return s;
  if (key === 'website' || key === 'situsweb' || key === 'web') return 'website';
  if (key === 'domain') return 'subdomain';
  return null;
}

/** A regular expression that reads the sequence number (and the year) from an agenda number in `format`. */
export function agendaNumberPattern(format: string): RegExp {
  let source = '';
  let last = 0;
  for (const m of format.matchAll(/\{([a-z_]+)(?::\d{1,2})?\}/g)) {
    source += format.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    switch (m[1]) {
      case 'urut':
        source += '(?<urut>\\d+)';
        break;
      case 'tahun':
        source += '(?<tahun>\\d{4})';
        break;
      case 'bulan':
        source += '\\d{1,2}';
        break;
      case 'bulan_romawi':
        source += '[IVXivx]+';
        break;
      default:
        source += '.*?';
    }
    last = (m.index ?? 0) + m[0].length;
  }
  source += format.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${source}$`);
}

export function readAgendaSeq(number: string, pattern: RegExp): { seq: number; year: number | null } | null {
  const text = number.trim();
  if (/^\d+$/.test(text)) return { seq: Number(text), year: null };
  const m = pattern.exec(text);
  const urut = m?.groups?.urut;
  if (!urut) return null;
  return { seq: Number(urut), year: m?.groups?.tahun ? Number(m.groups.tahun) : null };
}

// ---------------------------------------------------------------------------------------------
// Checking rows
// ---------------------------------------------------------------------------------------------

export interface AgendaRecord {
  row: number;
  agendaNumber: string;
  year: number;
  seq: number;
  receivedAt: string;
  senderName: string;
  letterNumber: string;
  letterDate: string;
  subject: string;
  nature: LetterNature;
  classificationCode: string;
  summary: string;
  service: ServiceKind;
}

export interface OpdRecord {
  row: number;
  name: string;
  key: string;
  shortName: string;
  address: string;
}

interface Checker<R> {
  check(row: SheetRow): { record: R | null; problems: string[]; display: Record<string, string> };
}

function limitProblem(label: string, value: string, max: number): string | null {
  return value.length > max ? `${label} lebih dari ${max} karakter` : null;
}

/** The register keeps agenda sequence numbers from 1 to 9,999,999 (migration 8). */
export const MAX_AGENDA_SEQ = 9_999_999;

function agendaChecker(db: Db, mapping: ImportMapping, options: ImportOptions, timeZone: string, now: Date): Checker<AgendaRecord> & { seen: Map<string, number> } {
  const format = options.agendaFormat ?? getOffice(db).agendaFormat;
  const pattern = agendaNumberPattern(format);
  const codes = new Map((db.prepare('SELECT code FROM classification_codes').all() as Array<{ code: string }>).map((c) => [c.code.toLowerCase(), c.code]));
  const existing = db.prepare('SELECT 1 FROM letters WHERE year = ? AND seq = ?');
  const today = localIsoDate(now, timeZone);
  const seen = new Map<string, number>();
  const get = (row: SheetRow, field: ImportField): PlainValue => {
    const index = mapping[field];
    return index === null || index === undefined ? null : (row.cells[index] ?? null);
  };
  return {
    seen,
    check(row) {
      const problems: string[] = [];
      const display: Record<string, string> = {};
      const text = (field: ImportField) => {
        const v = get(row, field);
        const t = v instanceof Date ? v.toISOString().slice(0, 10) : cellText(v);
        display[field] = t;
        return t;
      };
      const agendaNumber = text('agendaNumber');
      const senderName = text('senderName');
      const letterNumber = text('letterNumber');
      const subject = text('subject');
      const summary = text('summary');
      const natureText = text('nature');
      const codeText = text('classificationCode');
      const serviceText = text('service');
      const date = (field: 'receivedDate' | 'letterDate', label: string) => {
        const parsed = parseDateCell(get(row, field));
        if (parsed === null) {
          problems.push(`${label} kosong`);
          display[field] = '';
          return null;
        }
        if ('bad' in parsed) {
          problems.push(`${label} tidak sah (${parsed.bad})`);
          display[field] = parsed.bad;
          return null;
        }
        display[field] = `${parsed.date.slice(8, 10)}/${parsed.date.slice(5, 7)}/${parsed.date.slice(0, 4)}${parsed.time ? ` ${parsed.time}` : ''}`;
        return parsed;
      };
      if (!agendaNumber) problems.push('No. agenda kosong');
      const received = date('receivedDate', 'Tanggal terima');
      if (!senderName) problems.push('Pengirim kosong');
      if (!letterNumber) problems.push('Nomor surat kosong');
      const letterDate = date('letterDate', 'Tanggal surat');
      if (!subject) problems.push('Perihal kosong');
      for (const p of [
        limitProblem('No. agenda', agendaNumber, 100),
        limitProblem('Pengirim', senderName, 200),
        limitProblem('Nomor surat', letterNumber, 100),
        limitProblem('Perihal', subject, 500),
        limitProblem('Isi ringkas', summary, 2000),
      ]) {
        if (p) problems.push(p);
      }
      const nature = natureOf(natureText);
      if (nature === null) problems.push(`Sifat surat tidak dikenal (${natureText}); pakai Biasa, Segera, Sangat Segera, atau Rahasia`);
      const service = serviceOf(serviceText, options.defaultService);
      if (service === null) problems.push(`Layanan tidak dikenal (${serviceText})`);
      const codeKey = (codeText || options.defaultClassificationCode).toLowerCase();
      const code = codes.get(codeKey);
      if (!code) problems.push(codeText ? `Kode klasifikasi ${codeText} tidak ada di daftar kode klasifikasi` : `Kode klasifikasi bawaan ${options.defaultClassificationCode} tidak ada di daftar`);
      if (received && received.date > today) problems.push(`Tanggal terima di masa depan (${display.receivedDate})`);
      if (received && letterDate && letterDate.date > received.date) problems.push(`Tanggal surat (${display.letterDate}) sesudah tanggal terima (${display.receivedDate})`);

      let seq: number | null = null;
      let year: number | null = null;
      if (agendaNumber) {
        const read = readAgendaSeq(agendaNumber, pattern);
        if (!read || read.seq < 1) problems.push(`Nomor urut tidak terbaca dari no. agenda ${agendaNumber} (format ${format})`);
        else if (read.seq > MAX_AGENDA_SEQ) problems.push(`Nomor urut ${formatNumberId(read.seq)} terlalu besar (paling besar ${formatNumberId(MAX_AGENDA_SEQ)})`);
        else {
          seq = read.seq;
          if (received) {
            year = Number(received.date.slice(0, 4));
            if (read.year !== null && read.year !== year) problems.push(`Tahun pada no. agenda (${read.year}) tidak sama dengan tahun tanggal terima (${year})`);
          }
        }
      }
      if (seq !== null && year !== null && problems.length === 0) {
        const key = `${year}#${seq}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) problems.push(`Nomor urut ${seq} tahun ${year} sudah dipakai baris ${formatNumberId(earlier)}`);
        else if (existing.get(year, seq)) problems.push(`Nomor urut ${seq} tahun ${year} sudah ada di buku agenda`);
        else seen.set(key, row.row);
      }
      if (problems.length > 0 || !received || !letterDate || seq === null || year === null || !nature || !service || !code) return { record: null, problems, display };
      return {
        problems,
        display,
        record: {
          row: row.row,
          agendaNumber,
          year,
          seq,
          receivedAt: localDateTimeToUtc(`${received.date}T${received.time ?? '00:00'}`, timeZone),
          senderName,
          letterNumber,
          letterDate: letterDate.date,
          subject,
          nature,
          classificationCode: code,
          summary,
          service,
        },
      };
    },
  };
}

function opdChecker(mapping: ImportMapping): Checker<OpdRecord> {
  const seen = new Map<string, number>();
  return {
    check(row) {
      const problems: string[] = [];
      const display: Record<string, string> = {};
      const text = (field: ImportField) => {
        const index = mapping[field];
        const t = index === null || index === undefined ? '' : cellText(row.cells[index]);
        display[field] = t;
        return t;
      };
      const name = text('name').replace(/\s+/g, ' ');
      const shortName = text('shortName');
      const address = text('address');
      if (!name) problems.push('Nama OPD kosong');
      for (const p of [limitProblem('Nama OPD', name, 200), limitProblem('Singkatan', shortName, 40), limitProblem('Alamat', address, 300)]) if (p) problems.push(p);
      const key = opdNameKey(name);
      if (name && problems.length === 0) {
        const earlier = seen.get(key);
        if (earlier !== undefined) problems.push(`OPD ${name} sudah ada di baris ${formatNumberId(earlier)}`);
        else seen.set(key, row.row);
      }
      if (problems.length > 0) return { record: null, problems, display };
      return { record: { row: row.row, name, key, shortName, address }, problems, display };
    },
  };
}

export function rowMessage(row: number, problems: readonly string[]): string {
  return `Baris ${formatNumberId(row)}: ${problems.join('; ')}.`;
}

const isEmptyRow = (r: SheetRow) => r.cells.every((c) => cellText(c) === '');

// ---------------------------------------------------------------------------------------------
// Preview
// ---------------------------------------------------------------------------------------------

function decode(dataBase64: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(dataBase64)) throw new ApiError('UNSUPPORTED_FILE', 'Isi berkas rusak (bukan base64).');
  const data = Buffer.from(dataBase64, 'base64');
  if (data.length === 0) throw new ApiError('UNSUPPORTED_FILE', 'Berkas kosong.');
  if (data.length > MAX_IMPORT_BYTES) throw new ApiError('TOO_LARGE', `Berkas impor paling besar ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  return data;
}

function mergedMapping(kind: ImportKind, headers: string[], given: ImportMapping | null): ImportMapping {
  const auto = autoMapping(kind, headers);
  if (!given) return auto;
  const out: ImportMapping = { ...auto };
  for (const field of fieldsOf(kind)) if (field in given) out[field] = given[field] ?? null;
  return out;
}

function missingFields(kind: ImportKind, mapping: ImportMapping): ImportField[] {
  return REQUIRED_IMPORT_FIELDS[kind].filter((f) => mapping[f] === null || mapping[f] === undefined);
}

function missingMessage(missing: readonly ImportField[]): string {
  return `Kolom wajib tidak ditemukan: ${missing.map((f) => IMPORT_FIELD_LABELS[f]).join(', ')}. Pilih kolomnya pada pemetaan.`;
}

export interface ImportFileInput {
  kind: ImportKind;
  fileName: string;
  dataBase64: string;
}

export async function previewImport(db: Db, input: ImportFileInput & { mapping?: ImportMapping | null; options?: ImportOptions }, now: Date): Promise<ImportPreview> {
  const data = decode(input.dataBase64);
  const read = await readTabular(data, input.fileName, { limit: 40 });
  const header = findHeader(input.kind, read.rows);
  const mapping = mergedMapping(input.kind, header.headers, input.mapping ?? null);
  const options = input.options ?? { agendaFormat: null, defaultClassificationCode: '000', defaultService: 'lainnya' };
  const timeZone = getOffice(db).timeZone;
  const checker = input.kind === 'agenda' ? agendaChecker(db, mapping, options, timeZone, now) : opdChecker(mapping);
  const dataRows = read.rows.slice(header.index + 1).filter((r) => !isEmptyRow(r)).slice(0, 20);
  const missing = missingFields(input.kind, mapping);
  return {
    kind: input.kind,
    format: read.format,
    sheetName: read.sheetName,
    headerRow: read.rows[header.index]?.row ?? 1,
    columns: header.headers.map((h, index) => ({ index, header: h })),
    mapping,
    fields: fieldsOf(input.kind).map((f) => ({ field: f, label: IMPORT_FIELD_LABELS[f], required: REQUIRED_IMPORT_FIELDS[input.kind].includes(f) })),
    missing,
    rows: dataRows.map((r) => {
      const result = checker.check(r);
      return { row: r.row, values: result.display, problems: missing.length > 0 ? [missingMessage(missing)] : result.problems };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Jobs
// ---------------------------------------------------------------------------------------------

interface Job {
  id: string;
  userId: number;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  state: ImportState;
  progress: number;
  totalRows: number;
  errors: Array<{ row: number; message: string }>;
  errorCount: number;
  message: string | null;
  agenda: AgendaRecord[];
  opd: OpdRecord[];
  startedAt: number;
  done: Promise<void>;
}

/** Errors kept per job (the count is exact beyond it). */
export const MAX_REPORTED_ERRORS = 20_000;
const JOB_TTL_MS = 2 * 60 * 60 * 1000;
const jobsByDb = new WeakMap<Db, Map<string, Job>>();

function jobs(db: Db): Map<string, Job> {
  let map = jobsByDb.get(db);
  if (!map) {
    map = new Map();
    jobsByDb.set(db, map);
  }
  return map;
}

function getJob(db: Db, jobId: string, user: User): Job {
  const job = jobs(db).get(jobId);
  if (!job || (job.userId !== user.id && user.role !== 'admin')) throw new ApiError('NOT_FOUND', 'Impor tidak ditemukan atau sudah kedaluwarsa. Mulai ulang impor.');
  return job;
}

function yearsOf(records: readonly AgendaRecord[]): ImportStatus['years'] {
  const years = new Map<number, { count: number; minSeq: number; maxSeq: number }>();
  for (const r of records) {
    const y = years.get(r.year) ?? { count: 0, minSeq: r.seq, maxSeq: r.seq };
    y.count += 1;
    y.minSeq = Math.min(y.minSeq, r.seq);
    y.maxSeq = Math.max(y.maxSeq, r.seq);
    years.set(r.year, y);
  }
  return [...years.entries()].sort(([a], [b]) => a - b).map(([year, y]) => ({ year, ...y }));
}

function statusOf(db: Db, job: Job): ImportStatus {
  let opdNew = 0;
  let opdUpdated = 0;
  if (job.kind === 'opd' && job.opd.length > 0) {
    const exists = db.prepare('SELECT 1 FROM opd WHERE name_key = ?');
    for (const r of job.opd) {
      if (exists.get(r.key)) opdUpdated += 1;
      else opdNew += 1;
    }
  }
  return {
    jobId: job.id,
    kind: job.kind,
    fileName: job.fileName,
    state: job.state,
    progress: Math.round(job.progress * 10) / 10,
    totalRows: job.totalRows,
    validRows: job.kind === 'agenda' ? job.agenda.length : job.opd.length,
    errorCount: job.errorCount,
    errors: job.errors,
    message: job.message,
    years: yearsOf(job.agenda),
    opdNew,
    opdUpdated,
  };
}

async function runJob(db: Db, job: Job, data: Buffer, mapping: ImportMapping | null, options: ImportOptions, now: Date): Promise<void> {
  try {
    const read = await readTabular(data, job.fileName, { onProgress: (f) => (job.progress = Math.min(50, f * 50)) });
    job.state = 'memeriksa';
    job.progress = 50;
    const header = findHeader(job.kind, read.rows);
    const map = mergedMapping(job.kind, header.headers, mapping);
    const missing = missingFields(job.kind, map);
    if (missing.length > 0) {
      job.state = 'gagal';
      job.message = missingMessage(missing);
      job.progress = 100;
      return;
    }
    const rows = read.rows.slice(header.index + 1).filter((r) => !isEmptyRow(r));
    job.totalRows = rows.length;
    if (rows.length === 0) {
      job.state = 'gagal';
      job.message = 'Berkas tidak berisi baris data di bawah baris judul kolom.';
      job.progress = 100;
      return;
    }
    const timeZone = getOffice(db).timeZone;
    const agenda = job.kind === 'agenda' ? agendaChecker(db, map, options, timeZone, now) : null;
    const opd = job.kind === 'opd' ? opdChecker(map) : null;
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i] as SheetRow;
      const result = agenda ? agenda.check(row) : (opd as Checker<OpdRecord>).check(row);
      if (result.problems.length > 0) {
        job.errorCount += 1;
        if (job.errors.length < MAX_REPORTED_ERRORS) job.errors.push({ row: row.row, message: rowMessage(row.row, result.problems) });
      } else if (result.record) {
        if (agenda) job.agenda.push(result.record as AgendaRecord);
        else job.opd.push(result.record as OpdRecord);
      }
      if (i % 500 === 499) {
        job.progress = 50 + (50 * (i + 1)) / rows.length;
        await yieldToEventLoop();
      }
    }
    job.progress = 100;
    if (job.errorCount > 0) {
      job.state = 'ditolak';
      job.message =
        `${formatNumberId(job.errorCount)} dari ${formatNumberId(rows.length)} baris salah. Tidak ada yang disimpan; perbaiki baris-baris itu di berkas lalu impor ulang.` +
        (job.errorCount > job.errors.length ? ` Hanya ${formatNumberId(job.errors.length)} baris pertama yang ditampilkan.` : '');
    } else {
      job.state = 'siap';
      job.message = `${formatNumberId(rows.length)} baris benar dan siap disimpan.`;
    }
  } catch (error) {
    job.state = 'gagal';
    job.progress = 100;
    job.message = error instanceof ApiError ? error.message : 'Berkas tidak dapat dibaca.';
  }
}

/** Starts reading and checking the whole file in the background; poll `importStatus`. */
export function startImport(db: Db, input: ImportFileInput & { mapping: ImportMapping | null; options: ImportOptions }, user: User, now: Date): ImportStatus {
  const data = decode(input.dataBase64);
  const map = jobs(db);
  for (const [id, job] of map) if (Date.now() - job.startedAt > JOB_TTL_MS) map.delete(id);
  const job: Job = {
    id: crypto.randomUUID(),
    userId: user.id,
    kind: input.kind,
    fileName: input.fileName,
    sha256: crypto.createHash('sha256').update(data).digest('hex'),
    state: 'membaca',
    progress: 0,
    totalRows: 0,
    errors: [],
    errorCount: 0,
    message: null,
    agenda: [],
    opd: [],
    startedAt: Date.now(),
    done: Promise.resolve(),
  };
  job.done = runJob(db, job, data, input.mapping, input.options, now);
  map.set(job.id, job);
  return statusOf(db, job);
}

export function importStatus(db: Db, jobId: string, user: User): ImportStatus {
  return statusOf(db, getJob(db, jobId, user));
}

/** Resolves when the job has read and checked the whole file (tests and the command line). */
export async function waitForImport(db: Db, jobId: string, user: User): Promise<ImportStatus> {
  const job = getJob(db, jobId, user);
  await job.done;
  return statusOf(db, job);
}

/** Writes an import whose every row is correct, in one transaction; refuses anything else. */
export function commitImport(db: Db, jobId: string, user: User, now: Date): ImportCommit {
  const job = getJob(db, jobId, user);
  if (job.state === 'membaca' || job.state === 'memeriksa') throw new ApiError('CONFLICT', 'Berkas masih diperiksa. Tunggu sampai selesai.');
  if (job.state === 'disimpan') throw new ApiError('CONFLICT', 'Impor ini sudah disimpan.');
  if (job.state !== 'siap') {
    throw new ApiError('CONFLICT', job.message ?? 'Impor ditolak: ada baris yang salah. Tidak ada yang disimpan.');
  }
  const at = now.toISOString();
  const run = db.transaction((): ImportCommit => {
    const batchId = Number(
      db
        .prepare('INSERT INTO import_batches (kind, file_name, file_sha256, rows, imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(job.kind, job.fileName, job.sha256, job.kind === 'agenda' ? job.agenda.length : job.opd.length, user.id, at).lastInsertRowid,
    );
    if (job.kind === 'opd') {
      let added = 0;
      let updated = 0;
      const find = db.prepare('SELECT id FROM opd WHERE name_key = ?');
      const insert = db.prepare('INSERT INTO opd (name, name_key, short_name, address, active) VALUES (?, ?, ?, ?, 1)');
      const update = db.prepare(
        "UPDATE opd SET short_name = CASE WHEN ? <> '' THEN ? ELSE short_name END, address = CASE WHEN ? <> '' THEN ? ELSE address END WHERE id = ?",
      );
      for (const r of job.opd) {
        const existing = find.get(r.key) as { id: number } | undefined;
        if (existing) {
          update.run(r.shortName, r.shortName, r.address, r.address, existing.id);
          updated += 1;
        } else {
          insert.run(r.name, r.key, r.shortName, r.address);
          added += 1;
        }
      }
      appendAudit(db, { at, userId: user.id, action: 'opd.diimpor', entity: 'import_batch', entityId: batchId, after: { fileName: job.fileName, sha256: job.sha256, added, updated } });
      return { batchId, letters: 0, opdAdded: added, opdUpdated: updated, counters: [] };
    }

    // Someone may have registered letters since the check: the same numbers refuse the whole import.
    const clash = db.prepare('SELECT 1 FROM letters WHERE year = ? AND seq = ?');
    const clashes = job.agenda.filter((r) => clash.get(r.year, r.seq) !== undefined);
    if (clashes.length > 0) {
      throw new ApiError(
        'CONFLICT',
        `Impor dibatalkan, tidak ada yang disimpan: ${clashes
          .slice(0, 20)
          .map((r) => rowMessage(r.row, [`nomor urut ${r.seq} tahun ${r.year} baru saja dipakai surat lain`]))
          .join(' ')}`,
      );
    }
    const opdIds = new Map<string, number>();
    for (const o of db.prepare('SELECT id, name_key, short_name FROM opd').all() as Array<{ id: number; name_key: string; short_name: string }>) {
      opdIds.set(o.name_key, o.id);
      if (o.short_name) opdIds.set(opdNameKey(o.short_name), o.id);
    }
    const insert = db.prepare(
      `INSERT INTO letters (year, seq, agenda_number, opd_id, sender_name, letter_number, letter_date, received_at, subject, summary,
                            nature, classification_code, service, status, created_by, created_at, import_batch_id)
       VALUES (@year, @seq, @agendaNumber, @opdId, @senderName, @letterNumber, @letterDate, @receivedAt, @subject, @summary,
               @nature, @classificationCode, @service, 'selesai', @userId, @at, @batchId)`,
    );
    for (const r of job.agenda) {
      insert.run({ ...r, opdId: opdIds.get(opdNameKey(r.senderName)) ?? null, userId: user.id, at, batchId });
    }
    const raise = db.prepare('INSERT INTO agenda_counters (year, last_seq) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last_seq = MAX(last_seq, excluded.last_seq)');
    const years = yearsOf(job.agenda);
    for (const y of years) raise.run(y.year, y.maxSeq);
    const counters = years.map((y) => ({ year: y.year, lastSeq: (db.prepare('SELECT last_seq FROM agenda_counters WHERE year = ?').get(y.year) as { last_seq: number }).last_seq }));
    appendAudit(db, {
      at,
      userId: user.id,
      action: 'buku_agenda.diimpor',
      entity: 'import_batch',
      entityId: batchId,
      after: { fileName: job.fileName, sha256: job.sha256, letters: job.agenda.length, years, counters },
    });
    return { batchId, letters: job.agenda.length, opdAdded: 0, opdUpdated: 0, counters };
  });
  const result = run.immediate();
  job.state = 'disimpan';
  job.message = job.kind === 'agenda' ? `${formatNumberId(result.letters)} surat disimpan di buku agenda.` : `${result.opdAdded} OPD ditambah, ${result.opdUpdated} diperbarui.`;
  return result;
}
