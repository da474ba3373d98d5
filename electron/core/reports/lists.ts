/**
 * "Ekspor Excel" on the desk's lists (lists.xlsx): the agenda book, the hosted systems, the
 * complaints, my queue and the OPD list, each with the filters the clerk set and as the caller
 * sees it (a Kabid only the letters disposed to him), read through the same services the lists
 * call and written by the report writer (reports/xlsx.ts): a title row, the filters, a bold frozen
 * header with an autofilter, dates as Excel dates. A sheet "Keterangan" says which filters were
 * applied, who made the file and when. More than LIST_EXPORT_LIMIT rows are refused.
 */
import { ApiError } from '../../../shared/api/errors';
import { REQUEST_STATE_LABELS, TIMING_STATUS_LABELS } from '../../../shared/api/engine-schemas';
import { HOSTING_STATUS_LABELS } from '../../../shared/api/hosting-schemas';
import { LIST_EXPORT_LIMIT, type ListKind, type ListXlsxInput } from '../../../shared/api/list-schemas';
import { COMPLAINT_CHANNEL_LABELS, COMPLAINT_STATUS_LABELS, type ReportCell, type ReportColumn } from '../../../shared/api/report-schemas';
import { ROLE_LABELS } from '../../../shared/api/roles';
import { LETTER_STATUS_LABELS, NATURE_LABELS, SERVICE_LABELS, type User } from '../../../shared/api/schemas';
import { formatInstantDateTimeId, localIsoDate } from '../../../shared/domain/dates';
import { QUEUE_FILTER_LABELS, filterQueue } from '../../../shared/domain/queue-filter';
import type { Db } from '../db/register';
import { listComplaints } from '../services/complaints';
import { listHostedSystems } from '../services/hosting';
import { searchLetters } from '../services/letters';
import { getOpd, getOffice, listOpd } from '../services/office';
import { myQueue, seesAllLetters } from '../services/requests';
import { fileBase, formatNumberId } from './format';
import { renderReportXlsx, type XlsxOutput } from './xlsx';

export interface ListExportOptions {
  /** More rows than this are refused (LIST_EXPORT_LIMIT). */
  limit?: number;
  /** How many rows one read of a paged list (agenda, complaints) asks for. */
  pageSize?: number;
}

interface Limits {
  limit: number;
  pageSize: number;
}

/** One list as a table: its columns, rows, and the words of the file. */
interface ListTable {
  title: string;
  /** The sheet's name. */
  sheet: string;
  /** "surat", "sistem", … for "Jumlah: 12 surat." */
  noun: string;
  fileName: string;
  /** "Kata kunci: ppdb", "Sifat: Segera", … */
  filters: string[];
  /** Who sees only part of the list, and which part. */
  visibility: string | null;
  columns: ReportColumn[];
  rows: ReportCell[][];
  emptyText: string;
}

const col = (key: string, label: string, type: ReportColumn['type'] = 'text'): ReportColumn => ({ key, label, type, width: 1 });
const NO = col('no', 'No.', 'number');

function tooMany(limit: number): ApiError {
  return new ApiError(
    'TOO_LARGE',
    `Daftar ini berisi lebih dari ${formatNumberId(limit)} baris, terlalu banyak untuk satu berkas Excel. ` +
      'Persempit saringannya (misalnya tahun atau status), atau untuk seluruh buku agenda pakai Laporan → Buku Agenda per periode.',
  );
}

/** A list read at once (at most a few thousand rows), refused when it has more than `limit`. */
function capped<T>(items: T[], limit: number): T[] {
  if (items.length > limit) throw tooMany(limit);
  return items;
}

/** Reads a paged list page by page until a short page; refuses when it passes `limit` rows. */
function allPages<T>({ limit, pageSize }: Limits, read: (offset: number, size: number) => { items: T[]; total: number; exact: boolean }): T[] {
  const out: T[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = read(offset, pageSize);
    if (page.exact && page.total > limit) throw tooMany(limit);
    out.push(...page.items);
    if (out.length > limit) throw tooMany(limit);
    if (page.items.length < pageSize) return out;
  }
}

const keyword = (q: string): string[] => (q.trim() === '' ? [] : [`Kata kunci: “${q.trim()}”`]);
const named = <T extends string>(label: string, value: T | null, labels: Record<T, string>): string[] => (value === null ? [] : [`${label}: ${labels[value]}`]);

function partOnly(user: User, what: string): string | null {
  if (seesAllLetters(user.role)) return null;
  return `Hanya ${what} yang dapat dilihat ${user.fullName} (${ROLE_LABELS[user.role]}): yang didisposisikan kepadanya atau yang langkahnya menjadi tugas perannya.`;
}

type Input<K extends ListKind> = Extract<ListXlsxInput, { list: K }>;

function agendaTable(db: Db, f: Input<'agenda'>, user: User, limits: Limits): ListTable {
  const letters = allPages(limits, (offset, size) => {
    const r = searchLetters(db, { q: f.q, year: f.year, nature: f.nature, service: f.service, status: f.status, limit: size, offset }, user);
    return { items: r.items, total: r.total, exact: r.totalExact };
  });
  return {
    title: 'Buku Agenda Surat Masuk',
    sheet: 'Buku Agenda',
    noun: 'surat',
    fileName: 'buku-agenda-daftar',
    filters: [
      ...keyword(f.q),
      ...(f.year === null ? [] : [`Tahun: ${f.year}`]),
      ...named('Sifat', f.nature, NATURE_LABELS),
      ...named('Layanan', f.service, SERVICE_LABELS),
      ...named('Status', f.status, LETTER_STATUS_LABELS),
    ],
    visibility: partOnly(user, 'surat'),
    columns: [
      NO,
      col('agendaNumber', 'No. Agenda'),
      col('receivedAt', 'Diterima', 'datetime'),
      col('senderName', 'Pengirim'),
      col('letterNumber', 'Nomor Surat'),
      col('letterDate', 'Tanggal Surat', 'date'),
      col('subject', 'Perihal'),
      col('nature', 'Sifat'),
      col('service', 'Layanan'),
      col('status', 'Status'),
      col('attachments', 'Pindaian', 'number'),
    ],
    rows: letters.map((l, i) => [
      i + 1,
      l.agendaNumber,
      l.receivedAt,
      l.senderName,
      l.letterNumber,
      l.letterDate,
      l.subject,
      NATURE_LABELS[l.nature],
      SERVICE_LABELS[l.service],
      LETTER_STATUS_LABELS[l.status],
      l.attachmentCount,
    ]),
    emptyText: 'Tidak ada surat yang cocok dengan saringan ini.',
  };
}

function hostingTable(db: Db, f: Input<'hosting'>, limit: number): ListTable {
  const systems = capped(listHostedSystems(db, { q: f.q, opdId: f.opdId, status: f.status }), limit);
  return {
    title: 'Daftar Sistem yang Dihosting',
    sheet: 'Sistem Hosting',
    noun: 'sistem',
    fileName: 'sistem-hosting',
    filters: [...keyword(f.q), ...(f.opdId === null ? [] : [`OPD: ${getOpd(db, f.opdId).name}`]), ...named('Status', f.status, HOSTING_STATUS_LABELS)],
    visibility: null,
    columns: [
      NO,
      col('fqdn', 'Subdomain'),
      col('application', 'Aplikasi'),
      col('opd', 'OPD'),
      col('addresses', 'Alamat IP'),
      col('server', 'Server'),
      col('status', 'Status'),
      col('security', 'Evaluasi Keamanan'),
      col('updatedAt', 'Diperbarui', 'datetime'),
    ],
    rows: systems.map((s, i) => [
      i + 1,
      s.fqdn,
      s.applicationName,
      s.opdName,
      s.addresses.join(', '),
      s.serverName ?? '',
      HOSTING_STATUS_LABELS[s.status],
      s.securityPassed === null ? 'Belum dievaluasi' : s.securityPassed ? 'Lulus' : 'Tidak lulus',
      s.updatedAt,
    ]),
    emptyText: 'Tidak ada sistem yang cocok dengan saringan ini.',
  };
}

function complaintsTable(db: Db, f: Input<'complaints'>, user: User, limits: Limits): ListTable {
  const complaints = allPages(limits, (offset, size) => {
    const r = listComplaints(db, { q: f.q, year: f.year, channel: f.channel, status: f.status, limit: size, offset }, user);
    return { items: r.items, total: r.total, exact: true };
  });
  return {
    title: 'Daftar Pengaduan',
    sheet: 'Pengaduan',
    noun: 'pengaduan',
    fileName: 'pengaduan',
    filters: [
      ...keyword(f.q),
      ...(f.year === null ? [] : [`Tahun: ${f.year}`]),
      ...named('Saluran', f.channel, COMPLAINT_CHANNEL_LABELS),
      ...named('Status', f.status, COMPLAINT_STATUS_LABELS),
    ],
    visibility: partOnly(user, 'pengaduan'),
    columns: [
      NO,
      col('number', 'Nomor'),
      col('receivedAt', 'Diterima', 'datetime'),
      col('channel', 'Saluran'),
      col('complainant', 'Pengadu'),
      col('contact', 'Kontak Pengadu'),
      col('opd', 'OPD'),
      col('subject', 'Pokok Pengaduan'),
      col('status', 'Status'),
      col('escalated', 'Diteruskan ke Pejabat Pengaduan'),
      col('resolvedAt', 'Selesai', 'datetime'),
    ],
    rows: complaints.map((c, i) => [
      i + 1,
      c.number,
      c.receivedAt,
      COMPLAINT_CHANNEL_LABELS[c.channel],
      c.complainantName,
      c.complainantContact,
      c.opdName ?? '',
      c.subject,
      COMPLAINT_STATUS_LABELS[c.status],
      c.escalated ? 'Ya' : 'Tidak',
      c.resolvedAt,
    ]),
    emptyText: 'Tidak ada pengaduan yang cocok dengan saringan ini.',
  };
}

function queueTable(db: Db, f: Input<'queue'>, user: User, now: Date, timeZone: string, limit: number): ListTable {
  const items = capped(filterQueue(myQueue(db, user, now), f.filter, timeZone, now), limit);
  return {
    title: `Antrian Saya — ${user.fullName}`,
    sheet: 'Antrian Saya',
    noun: 'langkah',
    fileName: `antrian-${user.username}`,
    filters: f.filter === 'semua' ? [] : [`Antrian: ${QUEUE_FILTER_LABELS[f.filter]}`],
    visibility: `Langkah SOP yang menunggu ${user.fullName} (${ROLE_LABELS[user.role]}), yang terlambat di atas, lalu menurut tenggat.`,
    columns: [
      NO,
      col('agendaNumber', 'No. Agenda / Nomor Pengaduan'),
      col('kind', 'Jenis'),
      col('senderName', 'Pengirim / Pengadu'),
      col('subject', 'Perihal'),
      col('step', 'Langkah'),
      col('sop', 'SOP'),
      col('dueAt', 'Tenggat', 'datetime'),
      col('standard', 'Baku Waktu'),
      col('timing', 'Ketepatan Waktu'),
      col('state', 'Keadaan Permohonan'),
      col('unread', 'Disposisi'),
    ],
    rows: items.map((q, i) => [
      i + 1,
      q.agendaNumber,
      q.complaintId !== null ? 'Pengaduan' : 'Surat',
      q.senderName,
      q.subject,
      `${q.step.number} ${q.step.title}`,
      q.templateName,
      q.timing.dueAt,
      q.step.standard,
      TIMING_STATUS_LABELS[q.timing.status],
      REQUEST_STATE_LABELS[q.state],
      q.unreadDisposition ? 'Belum dibaca' : '',
    ]),
    emptyText: 'Tidak ada langkah yang menunggu.',
  };
}

function opdTable(db: Db, f: Input<'opd'>, limit: number): ListTable {
  const opds = capped(listOpd(db, f.q, f.includeInactive), limit);
  return {
    title: 'Daftar OPD',
    sheet: 'Daftar OPD',
    noun: 'OPD',
    fileName: 'daftar-opd',
    filters: [...keyword(f.q), f.includeInactive ? 'Termasuk OPD nonaktif' : 'Hanya OPD aktif'],
    visibility: null,
    columns: [NO, col('name', 'Nama OPD'), col('shortName', 'Singkatan'), col('address', 'Alamat'), col('status', 'Status')],
    rows: opds.map((o, i) => [i + 1, o.name, o.shortName, o.address, o.active ? 'Aktif' : 'Nonaktif']),
    emptyText: 'Tidak ada OPD yang cocok dengan saringan ini.',
  };
}

/**
 * The list `input` names, as the caller `user` sees it, as an .xlsx. Read in one read transaction,
 * so a list read page by page is one state of the register even while other desks register letters.
 */
export async function renderListXlsx(db: Db, input: ListXlsxInput, user: User, now: Date, options: ListExportOptions = {}): Promise<XlsxOutput> {
  const limits: Limits = { limit: options.limit ?? LIST_EXPORT_LIMIT, pageSize: options.pageSize ?? 5_000 };
  const { limit } = limits;
  const office = getOffice(db);
  const tz = office.timeZone;
  const t = db.transaction((): ListTable => {
    switch (input.list) {
      case 'agenda':
        return agendaTable(db, input, user, limits);
      case 'hosting':
        return hostingTable(db, input, limit);
      case 'complaints':
        return complaintsTable(db, input, user, limits);
      case 'queue':
        return queueTable(db, input, user, now, tz, limit);
      case 'opd':
        return opdTable(db, input, limit);
    }
  })();
  const at = formatInstantDateTimeId(now, tz);
  const filters = t.filters.length > 0 ? t.filters.join('; ') : 'tanpa saringan';
  return renderReportXlsx(
    {
      title: t.title,
      subtitle: `Keadaan per ${at} · ${filters}`,
      notes: [
        `Saringan: ${filters}.`,
        ...(t.visibility ? [t.visibility] : []),
        `Jumlah: ${formatNumberId(t.rows.length)} ${t.noun}.`,
        `Diekspor oleh ${user.fullName} (${ROLE_LABELS[user.role]}) pada ${at}.`,
      ],
      generatedAt: now.toISOString(),
      fileBase: fileBase(t.fileName, localIsoDate(now, tz)),
      sections: [{ title: t.title, description: '', charts: [], table: { name: t.sheet, title: t.title, columns: t.columns, rows: t.rows, totals: null, emptyText: t.emptyText } }],
    },
    tz,
    office.agencyName,
  );
}
