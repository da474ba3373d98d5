/**
 * zod schemas of issue 5: reports (one generic table-and-chart model for the screen, the PDF and
 * the .xlsx), the quarterly performance evaluation, the Excel/CSV import of a legacy agenda book
 * and of the OPD list, complaints (pengaduan) with the office's complaint contacts, and the
 * standar pelayanan per service. Messages are in Bahasa Indonesia.
 */
import { z } from 'zod';
import { opt, req } from './text';
import { IsoDateSchema, LocalDateTimeSchema, PaperSchema, ServiceSchema, SERVICES } from './schemas';
import { HostingStatusSchema } from './hosting-schemas';
import { validateNumberFormat } from '../domain/numbering';
import type { Role } from './roles';

const YearSchema = z.number({ error: 'Tahun wajib diisi.' }).int().min(2000, { error: 'Tahun tidak sah.' }).max(2999, { error: 'Tahun tidak sah.' });

// ---------------------------------------------------------------------------------------------
// Reports: parameters and the generic model
// ---------------------------------------------------------------------------------------------

export const REPORT_KINDS = ['agenda', 'hosted_systems', 'subdomain_annual', 'hosting_usage', 'requests', 'complaints', 'evaluation'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_LABELS: Record<ReportKind, string> = {
  agenda: 'Buku Agenda Surat Masuk',
  hosted_systems: 'Daftar Sistem Informasi/Aplikasi yang Dihosting',
  subdomain_annual: 'Laporan Tahunan Subdomain',
  hosting_usage: 'Laporan Penggunaan dan Pemeliharaan Hosting',
  requests: 'Rekapitulasi Permohonan Layanan',
  complaints: 'Laporan Pengaduan',
  evaluation: 'Evaluasi Kinerja Pelayanan',
};

const ALL_ROLES: readonly Role[] = ['front_desk', 'kadis', 'kabid', 'technical', 'security', 'admin'];

/** Who may read each report: the agenda book only those who see every letter. */
export const REPORT_ROLES: Record<ReportKind, readonly Role[]> = {
  agenda: ['front_desk', 'kadis', 'admin'],
  hosted_systems: ALL_ROLES,
  subdomain_annual: ALL_ROLES,
  hosting_usage: ALL_ROLES,
  requests: ['front_desk', 'kadis', 'kabid', 'admin'],
  complaints: ['front_desk', 'kadis', 'kabid', 'admin'],
  evaluation: ['kadis', 'kabid', 'admin'],
};

const PeriodFields = {
  from: IsoDateSchema('Tanggal awal'),
  to: IsoDateSchema('Tanggal akhir'),
};

const periodOk = (p: { from: string; to: string }) => p.from <= p.to;
const PERIOD_ERROR = { error: 'Tanggal akhir tidak boleh sebelum tanggal awal.', path: ['to'] };

export const QuarterSchema = z.number({ error: 'Pilih triwulan.' }).int().min(1, { error: 'Triwulan 1 sampai 4.' }).max(4, { error: 'Triwulan 1 sampai 4.' });

export const ReportParamsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agenda'), ...PeriodFields }).refine(periodOk, PERIOD_ERROR),
  z.object({
    kind: z.literal('hosted_systems'),
    status: HostingStatusSchema.nullable().default(null),
    opdId: z.number().int().positive().nullable().default(null),
  }),
  z.object({ kind: z.literal('subdomain_annual'), year: YearSchema }),
  z.object({ kind: z.literal('hosting_usage'), ...PeriodFields }).refine(periodOk, PERIOD_ERROR),
  z.object({ kind: z.literal('requests'), ...PeriodFields }).refine(periodOk, PERIOD_ERROR),
  z.object({ kind: z.literal('complaints'), ...PeriodFields }).refine(periodOk, PERIOD_ERROR),
  z.object({ kind: z.literal('evaluation'), year: YearSchema, quarter: QuarterSchema }),
]);
export type ReportParams = z.output<typeof ReportParamsSchema>;
export type ReportParamsInput = z.input<typeof ReportParamsSchema>;

/**
 * How a column's values are written: text; number; date ("YYYY-MM-DD", an Excel date in the
 * .xlsx); datetime (ISO instant, shown in the office's zone); percent (a fraction 0–1); minutes
 * (working minutes, shown as "1 jam 20 mnt", a number of minutes in the .xlsx).
 */
export const COLUMN_TYPES = ['text', 'number', 'date', 'datetime', 'percent', 'minutes'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const ReportColumnSchema = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(COLUMN_TYPES),
  /** Relative width on paper (the .xlsx widths are measured from the content). */
  width: z.number().positive(),
});
export type ReportColumn = z.infer<typeof ReportColumnSchema>;

export const ReportCellSchema = z.union([z.string(), z.number(), z.null()]);
export type ReportCell = z.infer<typeof ReportCellSchema>;

export const ReportTableSchema = z.object({
  /** A short name; the .xlsx sheet is named after it. */
  name: z.string(),
  title: z.string(),
  columns: z.array(ReportColumnSchema),
  rows: z.array(z.array(ReportCellSchema)),
  /** A totals row printed in bold under the rows. */
  totals: z.array(ReportCellSchema).nullable(),
  /** Shown instead of an empty table. */
  emptyText: z.string(),
});
export type ReportTable = z.infer<typeof ReportTableSchema>;

export const ChartSchema = z.object({
  kind: z.enum(['bar', 'line']),
  title: z.string(),
  /** How values read: percent (fraction 0–1), count, or working minutes. */
  unit: z.enum(['percent', 'count', 'minutes']),
  categories: z.array(z.string()),
  series: z.array(z.object({ label: z.string(), values: z.array(z.number().nullable()) })),
});
export type Chart = z.infer<typeof ChartSchema>;

export const ReportSectionSchema = z.object({
  title: z.string(),
  description: z.string(),
  charts: z.array(ChartSchema),
  table: ReportTableSchema.nullable(),
});
export type ReportSection = z.infer<typeof ReportSectionSchema>;

export const ReportSchema = z.object({
  kind: z.enum(REPORT_KINDS),
  title: z.string(),
  /** "Periode 1 Januari 2026 s.d. 31 Maret 2026", "Tahun 2026", "Keadaan per 24 Desember 2026". */
  subtitle: z.string(),
  /** Printed under the title: how the figures were computed. */
  notes: z.array(z.string()),
  orientation: z.enum(['portrait', 'landscape']),
  generatedAt: z.string(),
  /** Base name of the files: "buku-agenda-2026-01-01-sd-2026-03-31". */
  fileBase: z.string(),
  sections: z.array(ReportSectionSchema),
});
export type Report = z.infer<typeof ReportSchema>;

export const XlsxFileSchema = z.object({
  fileName: z.string(),
  mime: z.literal('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
  dataBase64: z.string(),
  sheets: z.number().int(),
});
export type XlsxFile = z.infer<typeof XlsxFileSchema>;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' as const;

export const ReportPdfInputSchema = z.object({ report: ReportParamsSchema, paper: PaperSchema.default('A4') });
export const ReportDataInputSchema = z.object({ report: ReportParamsSchema });

// ---------------------------------------------------------------------------------------------
// Evaluasi kinerja (quarterly)
// ---------------------------------------------------------------------------------------------

const Num = z.number().nullable();

export const EvaluationStepSchema = z.object({
  templateKey: z.string(),
  templateName: z.string(),
  stepId: z.string(),
  stepNumber: z.string(),
  stepTitle: z.string(),
  actorLabel: z.string(),
  /** The standard as the latest version of the SOP writes it ("15 menit", "12–24 jam", "–"). */
  standard: z.string(),
  /** Step visits completed in the quarter. */
  count: z.number().int(),
  /** Working minutes: median and nearest-rank 90th percentile. */
  median: Num,
  p90: Num,
  /** Visits measured against a time standard, and how many of them were on time. */
  withStandard: z.number().int(),
  onTime: z.number().int(),
  onTimeShare: Num,
  /** Visits whose request was paused during the step. */
  paused: z.number().int(),
});

export const EvaluationOfficerSchema = z.object({
  userId: z.number().int().nullable(),
  name: z.string(),
  role: z.string(),
  count: z.number().int(),
  withStandard: z.number().int(),
  onTime: z.number().int(),
  onTimeShare: Num,
  /** Median of (working time ÷ standard) over the visits with a standard; 1 = exactly the standard. */
  medianRatio: Num,
});

export const EvaluationOpdSchema = z.object({
  opdId: z.number().int().nullable(),
  name: z.string(),
  /** Requests closed in the quarter. */
  requests: z.number().int(),
  /** Whole-service working minutes (pauses excluded). */
  median: Num,
  p90: Num,
  withStandard: z.number().int(),
  onTime: z.number().int(),
  onTimeShare: Num,
  paused: z.number().int(),
});

export const EvaluationTrendSchema = z.object({
  year: z.number().int(),
  quarter: z.number().int(),
  label: z.string(),
  steps: z.number().int(),
  withStandard: z.number().int(),
  onTime: z.number().int(),
  onTimeShare: Num,
  medianRatio: Num,
  requests: z.number().int(),
});

export const EvaluationSchema = z.object({
  year: z.number().int(),
  quarter: z.number().int(),
  /** "Triwulan IV Tahun 2026". */
  label: z.string(),
  from: z.string(),
  to: z.string(),
  /** The definitions used (median, percentile, on time, pauses), in Indonesian. */
  method: z.array(z.string()),
  /** Requests with step visits in the quarter that were paused waiting for the OPD. */
  pausedRequests: z.number().int(),
  /** "2 permohonan dijeda menunggu OPD; waktu jeda tidak dihitung." */
  pausedNote: z.string(),
  steps: z.array(EvaluationStepSchema),
  officers: z.array(EvaluationOfficerSchema),
  opds: z.array(EvaluationOpdSchema),
  /** The last four quarters, oldest first, ending with this one. */
  trend: z.array(EvaluationTrendSchema),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;
export type EvaluationStep = z.infer<typeof EvaluationStepSchema>;

export const EvaluationInputSchema = z.object({ year: YearSchema, quarter: QuarterSchema });

// ---------------------------------------------------------------------------------------------
// Pengaduan (complaints)
// ---------------------------------------------------------------------------------------------

export const COMPLAINT_CHANNELS = ['langsung', 'telepon', 'email', 'website', 'twitter', 'instagram'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const ComplaintChannelSchema = z.enum(COMPLAINT_CHANNELS, { error: 'Pilih saluran pengaduan.' });
export const COMPLAINT_CHANNEL_LABELS: Record<ComplaintChannel, string> = {
  langsung: 'Langsung (datang ke kantor)',
  telepon: 'Telepon',
  email: 'E-mail',
  website: 'Website',
  twitter: 'Twitter/X',
  instagram: 'Instagram',
};

/** Derived from the complaint's request: with the officer, forwarded to the Pejabat Pengaduan, or done. */
export const COMPLAINT_STATUSES = ['ditangani', 'diteruskan', 'selesai'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  ditangani: 'Ditangani petugas',
  diteruskan: 'Diteruskan ke Pejabat Pengaduan',
  selesai: 'Selesai',
};

export const ComplaintInputSchema = z.object({
  channel: ComplaintChannelSchema,
  complainantName: req('Nama pengadu', 120),
  /** Telephone, e-mail or account the answer goes to. */
  complainantContact: opt('Kontak pengadu', 200),
  opdId: z.number().int().positive().nullable().default(null),
  hostedSystemId: z.number().int().positive().nullable().default(null),
  relatedLetterId: z.number().int().positive().nullable().default(null),
  subject: req('Pokok pengaduan', 300),
  description: opt('Uraian pengaduan', 4000),
  /** Office-local "YYYY-MM-DDTHH:mm"; empty means now. */
  receivedAt: LocalDateTimeSchema('Waktu pengaduan diterima').nullable().default(null),
});
export type ComplaintInput = z.output<typeof ComplaintInputSchema>;
export type ComplaintInputRaw = z.input<typeof ComplaintInputSchema>;

export const ComplaintSummarySchema = z.object({
  id: z.number().int(),
  number: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  channel: ComplaintChannelSchema,
  complainantName: z.string(),
  complainantContact: z.string(),
  opdId: z.number().int().nullable(),
  opdName: z.string().nullable(),
  subject: z.string(),
  receivedAt: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  requestId: z.number().int().nullable(),
  /** Forwarded to the Pejabat Pengaduan (a live disposition on its request). */
  escalated: z.boolean(),
  resolvedAt: z.string().nullable(),
});
export type ComplaintSummary = z.infer<typeof ComplaintSummarySchema>;

export const ComplaintSchema = ComplaintSummarySchema.extend({
  description: z.string(),
  hostedSystem: z.object({ id: z.number().int(), fqdn: z.string(), applicationName: z.string() }).nullable(),
  relatedLetter: z.object({ id: z.number().int(), agendaNumber: z.string(), subject: z.string() }).nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Complaint = z.infer<typeof ComplaintSchema>;

export const ComplaintListFilterSchema = z.object({
  q: z.string().trim().max(200).default(''),
  year: YearSchema.nullable().default(null),
  channel: ComplaintChannelSchema.nullable().default(null),
  status: z.enum(COMPLAINT_STATUSES).nullable().default(null),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});
export type ComplaintListFilter = z.output<typeof ComplaintListFilterSchema>;

export const ComplaintSettingsSchema = z.object({
  phone: opt('Telepon pengaduan', 80),
  email: z
    .string()
    .trim()
    .max(120, { error: 'Pos-el paling panjang 120 karakter.' })
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { error: 'Alamat pos-el tidak sah.' })
    .default(''),
  website: opt('Laman pengaduan', 200),
  twitter: opt('Akun Twitter/X', 80),
  instagram: opt('Akun Instagram', 80),
  officerName: opt('Nama Pejabat Pengaduan', 120),
  officerPhone: opt('Telepon Pejabat Pengaduan', 80),
  numberFormat: z
    .string()
    .trim()
    .min(1, { error: 'Format nomor wajib diisi.' })
    .max(100, { error: 'Format nomor paling panjang 100 karakter.' })
    .superRefine((value, ctx) => {
      const problem = validateNumberFormat(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .default('ADU/{urut:3}/{tahun}'),
});
export type ComplaintSettings = z.output<typeof ComplaintSettingsSchema>;

// ---------------------------------------------------------------------------------------------
// Standar pelayanan
// ---------------------------------------------------------------------------------------------

export const StandardServiceSchema = ServiceSchema;
export const SERVICE_STANDARD_SERVICES = SERVICES;

export const ServiceStandardInputSchema = z.object({
  service: ServiceSchema,
  requirements: z.array(req('Persyaratan', 300)).max(30, { error: 'Paling banyak 30 persyaratan.' }).default([]),
  fee: opt('Biaya/tarif', 300),
  product: opt('Produk pelayanan', 300),
});
export type ServiceStandardInput = z.output<typeof ServiceStandardInputSchema>;

export const ServiceStandardSchema = z.object({
  service: ServiceSchema,
  serviceLabel: z.string(),
  requirements: z.array(z.string()),
  fee: z.string(),
  product: z.string(),
  /** The SOP that serves the service now (null: none chosen). */
  template: z.object({ key: z.string(), name: z.string(), source: z.string() }).nullable(),
  procedure: z.array(z.object({ number: z.string(), title: z.string(), actor: z.string(), standard: z.string() })),
  /** "2 hari kerja", or the sum of the steps' standards, or "–". */
  time: z.string(),
  timeBasis: z.enum(['sop', 'steps', 'none']),
  /** "Senin–Kamis 07.30–16.00 (istirahat 12.00–13.00)". */
  hours: z.array(z.string()),
  complaintContacts: z.array(z.string()),
});
export type ServiceStandard = z.infer<typeof ServiceStandardSchema>;

// ---------------------------------------------------------------------------------------------
// Import (legacy agenda book, OPD list)
// ---------------------------------------------------------------------------------------------

export const IMPORT_KINDS = ['agenda', 'opd'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const AGENDA_IMPORT_FIELDS = [
  'agendaNumber',
  'receivedDate',
  'senderName',
  'letterNumber',
  'letterDate',
  'subject',
  'nature',
  'classificationCode',
  'summary',
  'service',
] as const;
export const OPD_IMPORT_FIELDS = ['name', 'shortName', 'address'] as const;
export type AgendaImportField = (typeof AGENDA_IMPORT_FIELDS)[number];
export type OpdImportField = (typeof OPD_IMPORT_FIELDS)[number];
export type ImportField = AgendaImportField | OpdImportField;

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  agendaNumber: 'No. Agenda',
  receivedDate: 'Tanggal Terima',
  senderName: 'Pengirim',
  letterNumber: 'Nomor Surat',
  letterDate: 'Tanggal Surat',
  subject: 'Perihal',
  nature: 'Sifat',
  classificationCode: 'Kode Klasifikasi',
  summary: 'Isi Ringkas',
  service: 'Layanan',
  name: 'Nama OPD',
  shortName: 'Singkatan',
  address: 'Alamat',
};

export const REQUIRED_IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  agenda: ['agendaNumber', 'receivedDate', 'senderName', 'letterNumber', 'letterDate', 'subject'],
  opd: ['name'],
};

/**
 * 25 MB, like a scan: the file travels base64 in one call, and the browser host and the LAN take
 * at most 36 MiB per call (electron/host/http.ts). A 25 MB .xlsx holds several hundred thousand rows.
 */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

export const ImportFileSchema = z.object({
  kind: z.enum(IMPORT_KINDS, { error: 'Pilih jenis impor: buku agenda atau daftar OPD.' }),
  fileName: z
    .string()
    .trim()
    .min(1, { error: 'Nama berkas wajib diisi.' })
    .max(200)
    .refine((n) => /\.(xlsx|csv)$/i.test(n), { error: 'Berkas harus .xlsx atau .csv.' }),
  dataBase64: z.string().min(1, { error: 'Berkas kosong.' }),
});

/** Field → 0-based column index in the file, or null for "not in the file". */
export const ImportMappingSchema = z.record(z.string(), z.number().int().min(0).max(500).nullable());
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

export const ImportOptionsSchema = z.object({
  /** The legacy agenda number format, to read its sequence number; null: the office's format (a plain number also reads). */
  agendaFormat: z
    .string()
    .trim()
    .max(100)
    .superRefine((value, ctx) => {
      const problem = validateNumberFormat(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .nullable()
    .default(null),
  /** For rows without a classification code (or when the file has none). */
  defaultClassificationCode: z.string().trim().max(40).default('000'),
  defaultService: ServiceSchema.default('lainnya'),
});
export type ImportOptions = z.output<typeof ImportOptionsSchema>;

export const ImportPreviewSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  format: z.enum(['xlsx', 'csv']),
  sheetName: z.string().nullable(),
  /** The row (1-based, as the spreadsheet numbers it) that holds the column names. */
  headerRow: z.number().int(),
  columns: z.array(z.object({ index: z.number().int(), header: z.string() })),
  /** The mapping Loket found from the column names; the caller may change it. */
  mapping: ImportMappingSchema,
  fields: z.array(z.object({ field: z.string(), label: z.string(), required: z.boolean() })),
  /** Required fields no column was found for. */
  missing: z.array(z.string()),
  /** The first 20 data rows, read with the mapping. */
  rows: z.array(
    z.object({
      row: z.number().int(),
      values: z.record(z.string(), z.string()),
      problems: z.array(z.string()),
    }),
  ),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const IMPORT_STATES = ['membaca', 'memeriksa', 'siap', 'ditolak', 'gagal', 'disimpan'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];
export const IMPORT_STATE_LABELS: Record<ImportState, string> = {
  membaca: 'Membaca berkas',
  memeriksa: 'Memeriksa baris',
  siap: 'Siap disimpan',
  ditolak: 'Ditolak: ada baris yang salah',
  gagal: 'Gagal dibaca',
  disimpan: 'Sudah disimpan',
};

export const ImportStatusSchema = z.object({
  jobId: z.string(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  state: z.enum(IMPORT_STATES),
  /** 0–100. */
  progress: z.number(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errorCount: z.number().int(),
  /** Every bad row, "Baris 1.234: Tanggal surat tidak sah (31/02/2025)." */
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
  message: z.string().nullable(),
  /** Per year: rows, lowest and highest sequence number (agenda); new/updated OPD (OPD list). */
  years: z.array(z.object({ year: z.number().int(), count: z.number().int(), minSeq: z.number().int(), maxSeq: z.number().int() })),
  opdNew: z.number().int(),
  opdUpdated: z.number().int(),
});
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

export const ImportStartSchema = ImportFileSchema.extend({
  mapping: ImportMappingSchema.nullable().default(null),
  options: ImportOptionsSchema.default({ agendaFormat: null, defaultClassificationCode: '000', defaultService: 'lainnya' }),
});
export type ImportStartInput = z.output<typeof ImportStartSchema>;

export const ImportCommitSchema = z.object({
  batchId: z.number().int(),
  letters: z.number().int(),
  opdAdded: z.number().int(),
  opdUpdated: z.number().int(),
  /** The agenda counter of each imported year after the import: new letters continue after it. */
  counters: z.array(z.object({ year: z.number().int(), lastSeq: z.number().int() })),
});
export type ImportCommit = z.infer<typeof ImportCommitSchema>;
