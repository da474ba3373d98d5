/**
 * The reports the SOPs ask the office to keep, built from the register as one model (title,
 * period, notes, sections with tables and charts) that the screen shows, reports/pdf.ts prints and
 * reports/xlsx.ts writes:
 * - buku agenda surat masuk for a period;
 * - daftar sistem informasi/aplikasi yang dihosting (Pontianak: "membuat daftar …");
 * - laporan tahunan subdomain: new, changed and stopped in the year, per OPD (Pontianak);
 * - penggunaan dan pemeliharaan hosting (Tarakan: "laporan penggunaan hosting", "pemeliharaan hosting");
 * - permohonan per status, per layanan and per OPD;
 * - pengaduan per saluran, per status, by the officer or forwarded, with the time to resolution;
 * - the quarterly evaluation (services/evaluation.ts) as tables and charts.
 */
import { ApiError } from '../../../shared/api/errors';
import { ROLE_LABELS } from '../../../shared/api/roles';
import type { User } from '../../../shared/api/schemas';
import { NATURE_LABELS, SERVICE_LABELS, SERVICES, type LetterNature, type ServiceKind } from '../../../shared/api/schemas';
import { REQUEST_STATE_LABELS, REQUEST_STATES } from '../../../shared/api/engine-schemas';
import { HOSTING_STATUS_LABELS, HOSTING_STATUSES, type HostingStatus } from '../../../shared/api/hosting-schemas';
import {
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_STATUSES,
  REPORT_LABELS,
  REPORT_ROLES,
  type Chart,
  type Evaluation,
  type Report,
  type ReportCell,
  type ReportColumn,
  type ReportKind,
  type ReportParams,
  type ReportSection,
  type ReportTable,
} from '../../../shared/api/report-schemas';
import { formatDateId, formatInstantDateId, localIsoDate } from '../../../shared/domain/dates';
import { median, percentile } from '../../../shared/domain/stats';
import type { Db } from '../db/register';
import { getCalendar } from '../services/calendar';
import { complaintsBetween } from '../services/complaints';
import { closedRequestTimes, evaluateQuarter } from '../services/evaluation';
import { getHostingSettings } from '../services/hosting';
import { getOffice } from '../services/office';
import { fileBase, formatNumberId, periodInstants, periodText } from './format';

export function assertReportAllowed(kind: ReportKind, user: User): void {
  const roles = REPORT_ROLES[kind];
  if (!roles.includes(user.role)) {
    throw new ApiError('FORBIDDEN', `${REPORT_LABELS[kind]} hanya dapat dibuka oleh ${roles.map((r) => ROLE_LABELS[r]).join(', ')}.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Small builders
// ---------------------------------------------------------------------------------------------

const col = (key: string, label: string, type: ReportColumn['type'], width: number): ReportColumn => ({ key, label, type, width });

function table(name: string, title: string, columns: ReportColumn[], rows: ReportCell[][], emptyText: string, totals: ReportCell[] | null = null): ReportTable {
  return { name, title, columns, rows, totals, emptyText };
}

function section(title: string, description: string, tableValue: ReportTable | null, charts: Chart[] = []): ReportSection {
  return { title, description, charts, table: tableValue };
}

function base(kind: ReportKind, subtitle: string, orientation: Report['orientation'], now: Date, fileParts: Array<string | number>): Omit<Report, 'notes' | 'sections'> {
  return { kind, title: REPORT_LABELS[kind], subtitle, orientation, generatedAt: now.toISOString(), fileBase: fileBase(...fileParts) };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}


// ---------------------------------------------------------------------------------------------
// Buku agenda surat masuk
// ---------------------------------------------------------------------------------------------

interface AgendaRow {
  agenda_number: string;
  received_at: string;
  sender_name: string;
  letter_number: string;
  letter_date: string;
  subject: string;
  nature: LetterNature;
  service: ServiceKind;
  status: string;
  classification_code: string;
}

function agendaReport(db: Db, from: string, to: string, timeZone: string, now: Date): Report {
  const { fromIso, toIso } = periodInstants(from, to, timeZone);
  const rows = db
    .prepare(
      `SELECT agenda_number, received_at, sender_name, letter_number, letter_date, subject, nature, service, status, classification_code
         FROM letters WHERE received_at >= ? AND received_at < ? ORDER BY received_at, year, seq`,
    )
    .all(fromIso, toIso) as AgendaRow[];
  const statusLabel: Record<string, string> = {
    baru: 'Baru',
    didisposisi: 'Didisposisi',
    diproses: 'Diproses',
    selesai: 'Selesai',
    dikembalikan: 'Dikembalikan',
    dibatalkan: 'Dibatalkan',
  };
  const columns = [
    col('no', 'No.', 'number', 0.45),
    col('agendaNumber', 'No. Agenda', 'text', 1.3),
    col('receivedDate', 'Tanggal Terima', 'date', 0.95),
    col('senderName', 'Pengirim', 'text', 2),
    col('letterNumber', 'Nomor Surat', 'text', 1.6),
    col('letterDate', 'Tanggal Surat', 'date', 0.95),
    col('subject', 'Perihal', 'text', 3),
    col('code', 'Kode', 'text', 0.7),
    col('nature', 'Sifat', 'text', 0.85),
    col('service', 'Layanan', 'text', 0.9),
    col('status', 'Status', 'text', 0.9),
  ];
  const cells = rows.map((r, i): ReportCell[] => [
    i + 1,
    r.agenda_number,
    localIsoDate(r.received_at, timeZone),
    r.sender_name,
    r.letter_number,
    r.letter_date,
    r.subject,
    r.classification_code,
    NATURE_LABELS[r.nature],
    SERVICE_LABELS[r.service],
    statusLabel[r.status] ?? r.status,
  ]);
  return {
    ...base('agenda', `Periode ${periodText(from, to)}`, 'landscape', now, ['buku-agenda', from, 'sd', to]),
    notes: [`Jumlah surat masuk: ${formatNumberId(rows.length)}.`],
    sections: [section('Surat masuk', '', table('Buku Agenda', 'Buku Agenda Surat Masuk', columns, cells, 'Tidak ada surat masuk pada periode ini.'))],
  };
}

// ---------------------------------------------------------------------------------------------
// Hosted systems
// ---------------------------------------------------------------------------------------------

interface SystemRow {
  id: number;
  application_name: string;
  subdomain: string;
  parent_domain: string;
  opd_name: string;
  opd_id: number;
  server_name: string | null;
  stack: string;
  database_engine: string;
  status: HostingStatus;
  created_at: string;
  tech_contact_name: string;
  tech_contact_phone: string;
  addresses: string | null;
}

function systemRows(db: Db): SystemRow[] {
  return db
    .prepare(
      `SELECT s.id, s.application_name, s.subdomain, s.parent_domain, o.name AS opd_name, s.opd_id, v.name AS server_name, s.stack, s.database_engine,
              s.status, s.created_at, s.tech_contact_name, s.tech_contact_phone,
              (SELECT group_concat(a.address, ', ') FROM (SELECT address FROM hosted_system_addresses WHERE hosted_system_id = s.id ORDER BY position) a) AS addresses
         FROM hosted_systems s JOIN opd o ON o.id = s.opd_id LEFT JOIN hosting_servers v ON v.id = s.server_id
        ORDER BY o.name, s.parent_domain, s.subdomain`,
    )
    .all() as SystemRow[];
}

function hostedSystemsReport(db: Db, status: HostingStatus | null, opdId: number | null, timeZone: string, now: Date): Report {
  const rows = systemRows(db).filter((s) => (status === null || s.status === status) && (opdId === null || s.opd_id === opdId));
  const filters: string[] = [];
  if (status) filters.push(`status ${HOSTING_STATUS_LABELS[status].toLowerCase()}`);
  if (opdId !== null) filters.push(rows[0]?.opd_name ?? (db.prepare('SELECT name FROM opd WHERE id = ?').get(opdId) as { name: string } | undefined)?.name ?? 'OPD');
  const columns = [
    col('no', 'No.', 'number', 0.45),
    col('application', 'Nama Sistem/Aplikasi', 'text', 2),
    col('opd', 'OPD', 'text', 2),
    col('fqdn', 'Subdomain', 'text', 2),
    col('addresses', 'Alamat IP', 'text', 1.4),
    col('server', 'Server', 'text', 1),
    col('stack', 'Teknologi', 'text', 1.2),
    col('database', 'Basis Data', 'text', 0.9),
    col('status', 'Status', 'text', 1.15),
    col('since', 'Terdaftar', 'date', 0.9),
    col('contact', 'Kontak Teknis', 'text', 1.5),
  ];
  const cells = rows.map((s, i): ReportCell[] => [
    i + 1,
    s.application_name,
    s.opd_name,
    `${s.subdomain}.${s.parent_domain}`,
    s.addresses ?? '',
    s.server_name ?? '',
    s.stack,
    s.database_engine,
    HOSTING_STATUS_LABELS[s.status],
    localIsoDate(s.created_at, timeZone),
    [s.tech_contact_name, s.tech_contact_phone].filter(Boolean).join(', '),
  ]);
  const byStatus = countBy(rows, (s) => s.status);
  const today = localIsoDate(now, timeZone);
  return {
    ...base('hosted_systems', `Keadaan per ${formatDateId(today)}${filters.length ? ` (${filters.join(', ')})` : ''}`, 'landscape', now, ['daftar-sistem-hosting', today]),
    notes: [
      `Jumlah sistem: ${formatNumberId(rows.length)} (${HOSTING_STATUSES.map((st) => `${HOSTING_STATUS_LABELS[st].toLowerCase()} ${byStatus.get(st) ?? 0}`).join(', ')}).`,
    ],
    sections: [section('Sistem yang dihosting', '', table('Sistem Hosting', 'Daftar Sistem Informasi/Aplikasi yang Dihosting', columns, cells, 'Belum ada sistem di register hosting.'))],
  };
}

// ---------------------------------------------------------------------------------------------
// Laporan tahunan subdomain
// ---------------------------------------------------------------------------------------------

/** Changes of a hosted system that change the subdomain service itself (not only contacts or notes). */
const TECHNICAL_CHANGES: Record<string, string> = {
  fqdn: 'subdomain',
  addresses: 'alamat IP',
  serverId: 'server',
  applicationName: 'nama aplikasi',
  opdId: 'OPD pemilik',
  stack: 'teknologi',
  database: 'basis data',
  panelUrl: 'alamat web panel',
};

type SubdomainEvent = 'baru' | 'diubah' | 'ditangguhkan' | 'dihentikan' | 'diaktifkan';
const EVENT_LABELS: Record<SubdomainEvent, string> = {
  baru: 'Baru',
  diubah: 'Diubah',
  ditangguhkan: 'Ditangguhkan',
  dihentikan: 'Dihentikan',
  diaktifkan: 'Diaktifkan kembali',
};

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(', ') || '–';
  if (value === null || value === undefined || value === '') return '–';
  return String(value);
}

function subdomainAnnualReport(db: Db, year: number, timeZone: string, now: Date): Report {
  const { fromIso, toIso } = periodInstants(`${year}-01-01`, `${year}-12-31`, timeZone);
  const systems = new Map(systemRows(db).map((s) => [s.id, s]));
  const events: Array<{ at: string; systemId: number; kind: SubdomainEvent; note: string }> = [];

  for (const s of systems.values()) {
    if (s.created_at >= fromIso && s.created_at < toIso) events.push({ at: s.created_at, systemId: s.id, kind: 'baru', note: 'Didaftarkan di register hosting.' });
  }
  const history = db
    .prepare('SELECT id, hosted_system_id, status, reason, at FROM hosted_system_status_history ORDER BY hosted_system_id, id')
    .all() as Array<{ id: number; hosted_system_id: number; status: HostingStatus; reason: string; at: string }>;
  const firstRow = new Map<number, number>();
  const statusAtYearEnd = new Map<number, HostingStatus>();
  for (const h of history) {
    if (!firstRow.has(h.hosted_system_id)) firstRow.set(h.hosted_system_id, h.id);
    if (h.at < toIso) statusAtYearEnd.set(h.hosted_system_id, h.status);
    if (firstRow.get(h.hosted_system_id) === h.id) continue; // the registration itself
    if (h.at < fromIso || h.at >= toIso) continue;
    const kind: SubdomainEvent = h.status === 'aktif' ? 'diaktifkan' : h.status;
    events.push({ at: h.at, systemId: h.hosted_system_id, kind, note: h.reason });
  }
  const audits = db
    .prepare(
      `SELECT entity_id, at, before, after FROM audit_log WHERE entity = 'hosted_system' AND action = 'sistem_hosting.diubah' AND at >= ? AND at < ? ORDER BY id`,
    )
    .all(fromIso, toIso) as Array<{ entity_id: string; at: string; before: string | null; after: string | null }>;
  for (const a of audits) {
    const before = (a.before ? JSON.parse(a.before) : {}) as Record<string, unknown>;
    const after = (a.after ? JSON.parse(a.after) : {}) as Record<string, unknown>;
    const changed = Object.keys(TECHNICAL_CHANGES).filter((k) => k in after);
    if (changed.length === 0) continue;
    const note = changed
      .map((k) => (k === 'fqdn' || k === 'addresses' ? `${TECHNICAL_CHANGES[k]}: ${describeValue(before[k])} → ${describeValue(after[k])}` : TECHNICAL_CHANGES[k]))
      .join('; ');
    events.push({ at: a.at, systemId: Number(a.entity_id), kind: 'diubah', note: `Diubah: ${note}.` });
  }
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.systemId - b.systemId));

  // Per OPD: events of the year and the systems active at its end.
  const perOpd = new Map<string, { baru: number; diubah: number; ditangguhkan: number; dihentikan: number; aktif: number }>();
  const row = (name: string) => {
    let r = perOpd.get(name);
    if (!r) {
      r = { baru: 0, diubah: 0, ditangguhkan: 0, dihentikan: 0, aktif: 0 };
      perOpd.set(name, r);
    }
    return r;
  };
  for (const e of events) {
    const s = systems.get(e.systemId);
    if (!s) continue;
    const r = row(s.opd_name);
    if (e.kind === 'diaktifkan') r.diubah += 1;
    else r[e.kind] += 1;
  }
  for (const s of systems.values()) {
    if (s.created_at >= toIso) continue;
    if ((statusAtYearEnd.get(s.id) ?? 'aktif') === 'aktif') row(s.opd_name).aktif += 1;
  }
  const opdRows = [...perOpd.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const totals = opdRows.reduce((t, [, r]) => ({ baru: t.baru + r.baru, diubah: t.diubah + r.diubah, ditangguhkan: t.ditangguhkan + r.ditangguhkan, dihentikan: t.dihentikan + r.dihentikan, aktif: t.aktif + r.aktif }), {
    baru: 0,
    diubah: 0,
    ditangguhkan: 0,
    dihentikan: 0,
    aktif: 0,
  });
  const summary = table(
    'Rekap per OPD',
    `Rekapitulasi subdomain per OPD tahun ${year}`,
    [
      col('no', 'No.', 'number', 0.4),
      col('opd', 'OPD', 'text', 3),
      col('new', 'Baru', 'number', 0.8),
      col('changed', 'Diubah', 'number', 0.8),
      col('suspended', 'Ditangguhkan', 'number', 1),
      col('stopped', 'Dihentikan', 'number', 0.9),
      col('active', 'Aktif akhir tahun', 'number', 1.1),
    ],
    opdRows.map(([name, r], i) => [i + 1, name, r.baru, r.diubah, r.ditangguhkan, r.dihentikan, r.aktif]),
    `Belum ada subdomain pada tahun ${year}.`,
    opdRows.length > 0 ? [null, 'Jumlah', totals.baru, totals.diubah, totals.ditangguhkan, totals.dihentikan, totals.aktif] : null,
  );
  const detail = table(
    'Rincian',
    `Rincian perubahan subdomain tahun ${year}`,
    [
      col('no', 'No.', 'number', 0.4),
      col('date', 'Tanggal', 'date', 0.9),
      col('fqdn', 'Subdomain', 'text', 2),
      col('application', 'Aplikasi', 'text', 1.6),
      col('opd', 'OPD', 'text', 1.8),
      col('event', 'Peristiwa', 'text', 1),
      col('note', 'Keterangan', 'text', 3),
    ],
    events.map((e, i): ReportCell[] => {
      const s = systems.get(e.systemId);
      return [i + 1, localIsoDate(e.at, timeZone), s ? `${s.subdomain}.${s.parent_domain}` : `#${e.systemId}`, s?.application_name ?? '', s?.opd_name ?? '', EVENT_LABELS[e.kind], e.note];
    }),
    `Tidak ada subdomain baru, diubah, atau dihentikan pada tahun ${year}.`,
  );
  const chart: Chart = {
    kind: 'bar',
    title: 'Subdomain baru, diubah, dan dihentikan per OPD',
    unit: 'count',
    categories: opdRows.map(([name]) => name),
    series: [
      { label: 'Baru', values: opdRows.map(([, r]) => r.baru) },
      { label: 'Diubah', values: opdRows.map(([, r]) => r.diubah) },
      { label: 'Dihentikan', values: opdRows.map(([, r]) => r.dihentikan) },
    ],
  };
  return {
    ...base('subdomain_annual', `Tahun ${year}`, 'landscape', now, ['laporan-tahunan-subdomain', year]),
    notes: [
      `Baru: didaftarkan pada tahun ${year}. Diubah: subdomain, alamat IP, server, aplikasi, OPD, teknologi atau web panel diubah, atau sistem diaktifkan kembali. Dihentikan/ditangguhkan: menurut riwayat status.`,
      `Jumlah: ${totals.baru} baru, ${totals.diubah} diubah, ${totals.ditangguhkan} ditangguhkan, ${totals.dihentikan} dihentikan; ${totals.aktif} aktif pada akhir tahun.`,
    ],
    sections: [section('Rekapitulasi per OPD', '', summary, opdRows.length > 0 ? [chart] : []), section('Rincian', '', detail)],
  };
}

// ---------------------------------------------------------------------------------------------
// Hosting usage and maintenance
// ---------------------------------------------------------------------------------------------

function hostingUsageReport(db: Db, from: string, to: string, timeZone: string, now: Date): Report {
  const systems = systemRows(db);
  const { fromIso, toIso } = periodInstants(from, to, timeZone);
  const statusCount = (list: SystemRow[]) => HOSTING_STATUSES.map((s) => list.filter((x) => x.status === s).length);

  const byServer = new Map<string, SystemRow[]>();
  for (const s of systems) {
    const key = s.server_name ?? '(tanpa server)';
    byServer.set(key, [...(byServer.get(key) ?? []), s]);
  }
  const settings = getHostingSettings(db);
  for (const v of settings.servers) if (!byServer.has(v.name)) byServer.set(v.name, []);
  const serverRows = [...byServer.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const servers = table(
    'Per server',
    'Sistem per server',
    [col('no', 'No.', 'number', 0.4), col('server', 'Server', 'text', 2.5), col('aktif', 'Aktif', 'number', 0.9), col('ditangguhkan', 'Ditangguhkan', 'number', 1.1), col('dihentikan', 'Dihentikan', 'number', 1), col('total', 'Jumlah', 'number', 0.9)],
    serverRows.map(([name, list], i) => [i + 1, name, ...statusCount(list), list.length]),
    'Belum ada server atau sistem.',
    serverRows.length > 0 ? [null, 'Jumlah', ...statusCount(systems), systems.length] : null,
  );

  const pools = table(
    'Alamat IP',
    'Pemakaian kumpulan alamat IP',
    [col('no', 'No.', 'number', 0.4), col('label', 'Kumpulan', 'text', 2), col('cidr', 'Blok', 'text', 1.6), col('used', 'Terpakai', 'number', 0.9), col('capacity', 'Dapat dipakai', 'number', 1.2), col('share', 'Terpakai (%)', 'percent', 1)],
    settings.pools.map((p, i): ReportCell[] => {
      const capacity = Number(p.capacity);
      const usable = Number.isSafeInteger(capacity) ? capacity - p.reserved.length : null;
      // An IPv6 block's size does not fit a number: it stays the decimal text.
      return [i + 1, p.label, p.cidr, p.used, usable ?? p.capacity, usable && usable > 0 ? p.used / usable : null];
    }),
    'Belum ada kumpulan alamat IP di Pengaturan Hosting.',
  );

  const byOpd = new Map<string, SystemRow[]>();
  for (const s of systems) byOpd.set(s.opd_name, [...(byOpd.get(s.opd_name) ?? []), s]);
  const opdRows = [...byOpd.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const opds = table(
    'Per OPD',
    'Sistem per OPD',
    [col('no', 'No.', 'number', 0.4), col('opd', 'OPD', 'text', 3), col('aktif', 'Aktif', 'number', 0.9), col('ditangguhkan', 'Ditangguhkan', 'number', 1.1), col('dihentikan', 'Dihentikan', 'number', 1), col('total', 'Jumlah', 'number', 0.9)],
    opdRows.map(([name, list], i) => [i + 1, name, ...statusCount(list), list.length]),
    'Belum ada sistem di register hosting.',
    opdRows.length > 0 ? [null, 'Jumlah', ...statusCount(systems), systems.length] : null,
  );

  const maintenance = db
    .prepare(
      `SELECT m.date, m.description, m.performed_by, s.subdomain, s.parent_domain, s.application_name, o.name AS opd_name
         FROM hosted_system_maintenance m JOIN hosted_systems s ON s.id = m.hosted_system_id JOIN opd o ON o.id = s.opd_id
        WHERE m.date >= ? AND m.date <= ? ORDER BY m.date, m.id`,
    )
    .all(from, to) as Array<{ date: string; description: string; performed_by: string; subdomain: string; parent_domain: string; application_name: string; opd_name: string }>;
  const log = table(
    'Pemeliharaan',
    `Log pemeliharaan ${periodText(from, to)}`,
    [col('no', 'No.', 'number', 0.4), col('date', 'Tanggal', 'date', 0.9), col('fqdn', 'Sistem', 'text', 2), col('opd', 'OPD', 'text', 1.8), col('description', 'Uraian', 'text', 3.2), col('by', 'Pelaksana', 'text', 1.3)],
    maintenance.map((m, i) => [i + 1, m.date, `${m.subdomain}.${m.parent_domain}`, m.opd_name, m.description, m.performed_by]),
    'Tidak ada pemeliharaan tercatat pada periode ini.',
  );
  const newInPeriod = systems.filter((s) => s.created_at >= fromIso && s.created_at < toIso).length;
  const chart: Chart = {
    kind: 'bar',
    title: 'Sistem per server menurut status',
    unit: 'count',
    categories: serverRows.map(([name]) => name),
    series: HOSTING_STATUSES.map((st, i) => ({ label: HOSTING_STATUS_LABELS[st], values: serverRows.map(([, list]) => statusCount(list)[i] ?? 0) })),
  };
  return {
    ...base('hosting_usage', `Periode ${periodText(from, to)}`, 'portrait', now, ['penggunaan-pemeliharaan-hosting', from, 'sd', to]),
    notes: [
      `Penggunaan (server, alamat IP, OPD): keadaan per ${formatInstantDateId(now, timeZone)}. Pemeliharaan: yang dicatat dengan tanggal pada periode.`,
      `Sistem baru pada periode: ${newInPeriod}. Pemeliharaan pada periode: ${maintenance.length}.`,
    ],
    sections: [
      section('Penggunaan per server', '', servers, serverRows.length > 0 ? [chart] : []),
      section('Pemakaian alamat IP', '', pools),
      section('Penggunaan per OPD', '', opds),
      section('Pemeliharaan hosting', '', log),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Requests by status, service and OPD
// ---------------------------------------------------------------------------------------------

function requestsReport(db: Db, from: string, to: string, timeZone: string, now: Date): Report {
  const { fromIso, toIso } = periodInstants(from, to, timeZone);
  const rows = db
    .prepare(
      `SELECT l.id, l.service, COALESCE(o.name, l.sender_name) AS opd_name, r.id AS request_id, r.state
         FROM letters l LEFT JOIN opd o ON o.id = l.opd_id LEFT JOIN requests r ON r.letter_id = l.id
        WHERE l.received_at >= ? AND l.received_at < ?`,
    )
    .all(fromIso, toIso) as Array<{ id: number; service: ServiceKind; opd_name: string; request_id: number | null; state: string | null }>;
  const times = closedRequestTimes(
    db,
    rows.filter((r) => r.request_id !== null && (r.state === 'selesai' || r.state === 'dikembalikan')).map((r) => r.request_id as number),
  );
  const states = [...REQUEST_STATES, 'tanpa_sop'] as const;
  const stateLabel = (s: string) => (s === 'tanpa_sop' ? 'Tanpa SOP' : (REQUEST_STATE_LABELS[s as (typeof REQUEST_STATES)[number]] ?? s));
  const stateOf = (r: { state: string | null }) => r.state ?? 'tanpa_sop';
  const total = rows.length;
  const byState = countBy(rows, stateOf);

  const statusTable = table(
    'Per status',
    'Permohonan per status',
    [col('status', 'Status', 'text', 2.5), col('count', 'Jumlah', 'number', 1), col('share', 'Persentase', 'percent', 1)],
    states.map((s) => [stateLabel(s), byState.get(s) ?? 0, total > 0 ? (byState.get(s) ?? 0) / total : null]),
    'Tidak ada permohonan.',
    [`Jumlah`, total, total > 0 ? 1 : null],
  );

  const serviceRows = SERVICES.map((service) => {
    const list = rows.filter((r) => r.service === service);
    const done = list.filter((r) => r.state === 'selesai' && r.request_id !== null);
    const measured = done.map((r) => times.get(r.request_id as number)).filter((t) => t !== undefined);
    const judged = measured.filter((t) => t.onTime !== null);
    const minutes = measured.map((t) => t.minutes);
    return [
      SERVICE_LABELS[service],
      list.length,
      ...REQUEST_STATES.map((s) => list.filter((r) => r.state === s).length),
      list.filter((r) => r.state === null).length,
      median(minutes),
      percentile(minutes, 90),
      judged.length > 0 ? judged.filter((t) => t.onTime).length / judged.length : null,
    ] as ReportCell[];
  });
  const stateCols = REQUEST_STATES.map((s) => col(s, REQUEST_STATE_LABELS[s].replace(' (menunggu OPD)', '').replace(' ke OPD', ''), 'number', 0.9));
  const serviceTable = table(
    'Per layanan',
    'Permohonan per layanan',
    [
      col('service', 'Layanan', 'text', 1.8),
      col('count', 'Jumlah', 'number', 0.8),
      ...stateCols,
      col('none', 'Tanpa SOP', 'number', 0.8),
      col('median', 'Median waktu selesai', 'minutes', 1.1),
      col('p90', 'P90 waktu selesai', 'minutes', 1.1),
      col('onTime', 'Selesai tepat waktu', 'percent', 1),
    ],
    serviceRows,
    'Tidak ada permohonan.',
  );

  const byOpd = new Map<string, typeof rows>();
  for (const r of rows) byOpd.set(r.opd_name, [...(byOpd.get(r.opd_name) ?? []), r]);
  const opdRows = [...byOpd.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const opdTable = table(
    'Per OPD',
    'Permohonan per OPD',
    [col('no', 'No.', 'number', 0.4), col('opd', 'OPD / Pengirim', 'text', 3), col('count', 'Jumlah', 'number', 0.8), ...stateCols, col('none', 'Tanpa SOP', 'number', 0.8)],
    opdRows.map(([name, list], i) => [i + 1, name, list.length, ...REQUEST_STATES.map((s) => list.filter((r) => r.state === s).length), list.filter((r) => r.state === null).length]),
    'Tidak ada permohonan.',
    opdRows.length > 0 ? [null, 'Jumlah', total, ...REQUEST_STATES.map((s) => byState.get(s) ?? 0), byState.get('tanpa_sop') ?? 0] : null,
  );
  const chart: Chart = {
    kind: 'bar',
    title: 'Permohonan per layanan menurut status',
    unit: 'count',
    categories: SERVICES.map((s) => SERVICE_LABELS[s]),
    series: [...REQUEST_STATES, 'tanpa_sop' as const].map((s) => ({
      label: stateLabel(s).replace(' (menunggu OPD)', '').replace(' ke OPD', ''),
      values: SERVICES.map((service) => rows.filter((r) => r.service === service && stateOf(r) === s).length),
    })),
  };
  return {
    ...base('requests', `Periode ${periodText(from, to)}`, 'landscape', now, ['rekap-permohonan', from, 'sd', to]),
    notes: [
      `Surat permohonan yang diterima pada periode: ${formatNumberId(total)}. Status menurut keadaan permohonan saat laporan dibuat.`,
      'Waktu selesai: menit kerja dari surat diterima sampai permohonan selesai, tanpa waktu jeda menunggu OPD. Tepat waktu: menurut standar waktu pelayanan SOP (bila SOP memberinya).',
    ],
    sections: [
      section('Per status', '', statusTable),
      section('Per layanan', '', serviceTable, total > 0 ? [chart] : []),
      section('Per OPD', '', opdTable),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Complaints
// ---------------------------------------------------------------------------------------------

function complaintsReport(db: Db, from: string, to: string, timeZone: string, now: Date): Report {
  const { fromIso, toIso } = periodInstants(from, to, timeZone);
  const list = complaintsBetween(db, fromIso, toIso);
  const times = closedRequestTimes(
    db,
    list.filter((c) => c.status === 'selesai' && c.requestId !== null).map((c) => c.requestId as number),
    getCalendar(db),
  );
  const minutesOf = (c: (typeof list)[number]) => (c.requestId !== null ? (times.get(c.requestId)?.minutes ?? null) : null);

  const channelTable = table(
    'Per saluran',
    'Pengaduan per saluran',
    [col('channel', 'Saluran', 'text', 2.4), col('count', 'Jumlah', 'number', 0.9), col('done', 'Selesai', 'number', 0.9), col('forwarded', 'Diteruskan ke Pejabat Pengaduan', 'number', 1.6)],
    COMPLAINT_CHANNELS.map((ch) => {
      const of = list.filter((c) => c.channel === ch);
      return [COMPLAINT_CHANNEL_LABELS[ch], of.length, of.filter((c) => c.status === 'selesai').length, of.filter((c) => c.escalated).length];
    }),
    'Tidak ada pengaduan.',
    [`Jumlah`, list.length, list.filter((c) => c.status === 'selesai').length, list.filter((c) => c.escalated).length],
  );
  const statusTable = table(
    'Per status',
    'Pengaduan per status',
    [col('status', 'Status', 'text', 2.6), col('count', 'Jumlah', 'number', 1), col('share', 'Persentase', 'percent', 1)],
    COMPLAINT_STATUSES.map((s) => {
      const n = list.filter((c) => c.status === s).length;
      return [COMPLAINT_STATUS_LABELS[s], n, list.length > 0 ? n / list.length : null];
    }),
    'Tidak ada pengaduan.',
    ['Jumlah', list.length, list.length > 0 ? 1 : null],
  );
  const resolvedByStaff = list.filter((c) => c.status === 'selesai' && !c.escalated);
  const resolvedByOfficial = list.filter((c) => c.status === 'selesai' && c.escalated);
  const open = list.filter((c) => c.status !== 'selesai');
  const mins = (l: typeof list) => l.map(minutesOf).filter((m): m is number => m !== null);
  const resolutionTable = table(
    'Penyelesaian',
    'Penyelesaian pengaduan',
    [col('how', 'Penyelesaian', 'text', 2.8), col('count', 'Jumlah', 'number', 0.8), col('median', 'Median waktu penyelesaian', 'minutes', 1.3), col('p90', 'P90 waktu penyelesaian', 'minutes', 1.3)],
    [
      ['Diselesaikan oleh petugas', resolvedByStaff.length, median(mins(resolvedByStaff)), percentile(mins(resolvedByStaff), 90)],
      ['Diteruskan dan diselesaikan Pejabat Pengaduan', resolvedByOfficial.length, median(mins(resolvedByOfficial)), percentile(mins(resolvedByOfficial), 90)],
      ['Belum selesai', open.length, null, null],
    ],
    'Tidak ada pengaduan.',
    ['Semua yang selesai', resolvedByStaff.length + resolvedByOfficial.length, median(mins([...resolvedByStaff, ...resolvedByOfficial])), percentile(mins([...resolvedByStaff, ...resolvedByOfficial]), 90)],
  );
  const listTable = table(
    'Daftar pengaduan',
    'Daftar pengaduan',
    [
      col('no', 'No.', 'number', 0.4),
      col('number', 'No. Pengaduan', 'text', 1.2),
      col('received', 'Diterima', 'datetime', 1.1),
      col('channel', 'Saluran', 'text', 1),
      col('complainant', 'Pengadu', 'text', 1.5),
      col('opd', 'OPD', 'text', 1.4),
      col('subject', 'Pokok pengaduan', 'text', 2.6),
      col('status', 'Status', 'text', 1.3),
      col('resolved', 'Selesai', 'datetime', 1.1),
      col('minutes', 'Waktu penyelesaian', 'minutes', 1),
    ],
    list.map((c, i): ReportCell[] => [
      i + 1,
      c.number,
      c.receivedAt,
      COMPLAINT_CHANNEL_LABELS[c.channel].replace(' (datang ke kantor)', ''),
      c.complainantName,
      c.opdName ?? '',
      c.subject,
      COMPLAINT_STATUS_LABELS[c.status],
      c.resolvedAt,
      minutesOf(c),
    ]),
    'Tidak ada pengaduan pada periode ini.',
  );
  const chart: Chart = {
    kind: 'bar',
    title: 'Pengaduan per saluran',
    unit: 'count',
    categories: COMPLAINT_CHANNELS.map((ch) => COMPLAINT_CHANNEL_LABELS[ch].replace(' (datang ke kantor)', '')),
    series: [
      { label: 'Diselesaikan petugas', values: COMPLAINT_CHANNELS.map((ch) => resolvedByStaff.filter((c) => c.channel === ch).length) },
      { label: 'Diselesaikan Pejabat Pengaduan', values: COMPLAINT_CHANNELS.map((ch) => resolvedByOfficial.filter((c) => c.channel === ch).length) },
      { label: 'Belum selesai', values: COMPLAINT_CHANNELS.map((ch) => open.filter((c) => c.channel === ch).length) },
    ],
  };
  return {
    ...base('complaints', `Periode ${periodText(from, to)}`, 'landscape', now, ['laporan-pengaduan', from, 'sd', to]),
    notes: [
      `Pengaduan yang diterima pada periode: ${formatNumberId(list.length)}; diselesaikan petugas ${resolvedByStaff.length}, diteruskan ke Pejabat Pengaduan ${list.filter((c) => c.escalated).length}, belum selesai ${open.length}.`,
      'Waktu penyelesaian: menit kerja dari pengaduan diterima sampai selesai. Median: nilai tengah; P90: persentil ke-90 dengan metode peringkat terdekat.',
    ],
    sections: [
      section('Per saluran', '', channelTable, list.length > 0 ? [chart] : []),
      section('Per status', '', statusTable),
      section('Penyelesaian', '', resolutionTable),
      section('Daftar pengaduan', '', listTable),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

/** Charts of on-time share per step, one per SOP (at most four), and the trend. */
export function evaluationCharts(e: Evaluation): { steps: Chart[]; trend: Chart; officers: Chart | null } {
  const templates = [...new Set(e.steps.map((s) => s.templateName))];
  const steps = templates.slice(0, 4).map(
    (name): Chart => {
      const rows = e.steps.filter((s) => s.templateName === name && s.withStandard > 0);
      return {
        kind: 'bar',
        title: `Persentase tepat waktu per langkah — ${name}`,
        unit: 'percent',
        categories: rows.map((s) => `Langkah ${s.stepNumber}`),
        series: [{ label: 'Tepat waktu', values: rows.map((s) => s.onTimeShare) }],
      };
    },
  ).filter((c) => c.categories.length > 0);
  const trend: Chart = {
    kind: 'line',
    title: 'Tren empat triwulan: persentase langkah tepat waktu',
    unit: 'percent',
    categories: e.trend.map((t) => t.label),
    series: [{ label: 'Langkah tepat waktu', values: e.trend.map((t) => t.onTimeShare) }],
  };
  const judged = e.officers.filter((o) => o.withStandard > 0);
  const officers: Chart | null =
    judged.length > 0
      ? { kind: 'bar', title: 'Persentase tepat waktu per petugas', unit: 'percent', categories: judged.map((o) => o.name), series: [{ label: 'Tepat waktu', values: judged.map((o) => o.onTimeShare) }] }
      : null;
  return { steps, trend, officers };
}

export function evaluationReport(e: Evaluation, now: Date): Report {
  const charts = evaluationCharts(e);
  const stepTable = table(
    'Per langkah',
    'Waktu kerja per langkah SOP terhadap mutu baku',
    [
      col('sop', 'SOP', 'text', 1.6),
      col('number', 'No.', 'text', 0.45),
      col('step', 'Langkah', 'text', 3.2),
      col('actor', 'Pelaksana', 'text', 1.3),
      col('standard', 'Mutu baku', 'text', 0.9),
      col('count', 'Jumlah', 'number', 0.65),
      col('median', 'Median', 'minutes', 0.95),
      col('p90', 'P90', 'minutes', 0.95),
      col('onTime', 'Tepat waktu', 'number', 0.75),
      col('share', '% tepat waktu', 'percent', 0.8),
      col('paused', 'Dijeda', 'number', 0.6),
    ],
    e.steps.map((s) => [s.templateName, s.stepNumber, s.stepTitle, s.actorLabel, s.standard, s.count, s.median, s.p90, s.withStandard > 0 ? `${s.onTime} dari ${s.withStandard}` : '–', s.onTimeShare, s.paused]),
    'Tidak ada langkah yang selesai pada triwulan ini.',
  );
  // "12 dari 15" is text, not a number: the column is typed text for it.
  const onTimeCol = stepTable.columns[8];
  if (onTimeCol) onTimeCol.type = 'text';
  const officerTable = table(
    'Per petugas',
    'Kinerja per petugas',
    [
      col('name', 'Petugas', 'text', 2),
      col('role', 'Peran', 'text', 1.8),
      col('count', 'Langkah selesai', 'number', 0.9),
      col('withStandard', 'Dengan mutu baku', 'number', 0.9),
      col('onTime', 'Tepat waktu', 'number', 0.9),
      col('share', '% tepat waktu', 'percent', 0.9),
      col('ratio', 'Median rasio waktu', 'number', 1),
    ],
    e.officers.map((o) => [o.name, o.role, o.count, o.withStandard, o.onTime, o.onTimeShare, o.medianRatio]),
    'Tidak ada langkah yang selesai pada triwulan ini.',
  );
  const opdTable = table(
    'Per OPD',
    'Permohonan selesai per OPD',
    [
      col('opd', 'OPD', 'text', 2.6),
      col('requests', 'Permohonan', 'number', 0.9),
      col('median', 'Median waktu', 'minutes', 1),
      col('p90', 'P90 waktu', 'minutes', 1),
      col('withStandard', 'Dengan standar', 'number', 0.9),
      col('onTime', 'Tepat waktu', 'number', 0.8),
      col('share', '% tepat waktu', 'percent', 0.9),
      col('paused', 'Dijeda', 'number', 0.7),
    ],
    e.opds.map((o) => [o.name, o.requests, o.median, o.p90, o.withStandard, o.onTime, o.onTimeShare, o.paused]),
    'Tidak ada permohonan yang selesai pada triwulan ini.',
  );
  const trendTable = table(
    'Tren',
    'Tren empat triwulan',
    [
      col('quarter', 'Triwulan', 'text', 1.2),
      col('steps', 'Langkah selesai', 'number', 1),
      col('withStandard', 'Dengan mutu baku', 'number', 1),
      col('onTime', 'Tepat waktu', 'number', 0.9),
      col('share', '% tepat waktu', 'percent', 0.9),
      col('ratio', 'Median rasio waktu', 'number', 1),
      col('requests', 'Permohonan selesai', 'number', 1),
    ],
    e.trend.map((t) => [t.label, t.steps, t.withStandard, t.onTime, t.onTimeShare, t.medianRatio, t.requests]),
    '',
  );
  return {
    kind: 'evaluation',
    title: REPORT_LABELS.evaluation,
    subtitle: `${e.label} (${periodText(e.from, e.to)})`,
    orientation: 'landscape',
    generatedAt: now.toISOString(),
    fileBase: fileBase('evaluasi-kinerja', e.year, `tw${e.quarter}`),
    notes: [e.pausedNote, ...e.method],
    sections: [
      section('Ringkasan', 'Persentase langkah yang selesai tepat waktu pada empat triwulan terakhir.', null, [charts.trend, ...charts.steps]),
      section('Per langkah SOP', e.pausedNote, stepTable),
      section('Per petugas', '', officerTable, charts.officers ? [charts.officers] : []),
      section('Per OPD', '', opdTable),
      section('Tren empat triwulan', '', trendTable),
    ],
  };
}

// ---------------------------------------------------------------------------------------------

export function buildReport(db: Db, params: ReportParams, now: Date): Report {
  const timeZone = getOffice(db).timeZone;
  switch (params.kind) {
    case 'agenda':
      return agendaReport(db, params.from, params.to, timeZone, now);
    case 'hosted_systems':
      return hostedSystemsReport(db, params.status, params.opdId, timeZone, now);
    case 'subdomain_annual':
      return subdomainAnnualReport(db, params.year, timeZone, now);
    case 'hosting_usage':
      return hostingUsageReport(db, params.from, params.to, timeZone, now);
    case 'requests':
      return requestsReport(db, params.from, params.to, timeZone, now);
    case 'complaints':
      return complaintsReport(db, params.from, params.to, timeZone, now);
    case 'evaluation':
      return evaluationReport(evaluateQuarter(db, params.year, params.quarter), now);
  }
}

