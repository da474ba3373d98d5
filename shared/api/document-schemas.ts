/**
 * zod schemas of the document register (issue 4): the numbered documents Loket issues for a
 * request — laporan pembuatan domain dan hosting, dokumen hak akses hosting, Berita Acara Serah
 * Terima, surat pengantar and surat pemberitahuan — their type settings (label, number format,
 * classification code, unit), versions, pengesahan by the Kadis, and verification of a PDF file.
 * Messages are in Bahasa Indonesia.
 */
import { z } from 'zod';
import { IdSchema as Id, opt, req } from './text';
import type { Role } from './roles';
import { IsoDateSchema, NipSchema, NumberFormatSchema } from './schemas';

export const DOCUMENT_TYPES = ['laporan_hosting', 'hak_akses_hosting', 'bast', 'surat_pengantar', 'surat_pemberitahuan'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES, { error: 'Pilih jenis dokumen.' });

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  laporan_hosting: 'Laporan pembuatan domain dan hosting',
  hak_akses_hosting: 'Dokumen hak akses hosting',
  bast: 'Berita Acara Serah Terima',
  surat_pengantar: 'Surat pengantar',
  surat_pemberitahuan: 'Surat pemberitahuan',
};

/**
 * The SOP step record (`records` of a step) that stands for each document: the actor of such a step
 * may create the document. The surat pemberitahuan goes with the decision that returns a request.
 */
export const DOCUMENT_STEP_RECORDS: Record<DocumentType, 'document_report' | 'document_hosting_access' | 'document_bast' | 'document_cover_letter' | null> = {
  laporan_hosting: 'document_report',
  hak_akses_hosting: 'document_hosting_access',
  bast: 'document_bast',
  surat_pengantar: 'document_cover_letter',
  surat_pemberitahuan: null,
};

/** Who may create and change any document of a request, whatever its SOP says. */
export const DOCUMENT_MANAGER_ROLES = ['kadis', 'kabid', 'admin'] as const satisfies readonly Role[];
/** Who approves (mengesahkan) a document version. */
export const DOCUMENT_APPROVER_ROLES = ['kadis'] as const satisfies readonly Role[];
/**
 * Who may open the PDF of a dokumen hak akses hosting (it prints the initial password): the roles
 * that may reveal the password, and the front desk for an approved version (it sends the document).
 */
export const ACCESS_DOCUMENT_READER_ROLES = ['technical', 'kabid', 'kadis', 'admin'] as const satisfies readonly Role[];

export const DEFAULT_NUMBER_FORMAT = '{kode}/{urut:3}/{unit}/{tahun}';

export interface DocumentTypeDefaults {
  key: DocumentType;
  label: string;
  numberFormat: string;
  code: string;
  unit: string;
}

export const DEFAULT_DOCUMENT_TYPES: readonly DocumentTypeDefaults[] = DOCUMENT_TYPES.map((key) => ({
  key,
  label: DOCUMENT_TYPE_LABELS[key],
  numberFormat: DEFAULT_NUMBER_FORMAT,
  code: '500.12',
  unit: 'Diskominfo',
}));

// ---------------------------------------------------------------------------------------------
// Type settings
// ---------------------------------------------------------------------------------------------

export const DocumentTypeSettingInputSchema = z.object({
  key: DocumentTypeSchema,
  label: req('Nama jenis dokumen', 120),
  numberFormat: NumberFormatSchema.refine((v) => !v.includes('|'), { error: 'Format nomor tidak boleh memuat tanda |.' }),
  code: req('Kode klasifikasi', 40).refine((v) => !/[|{}]/.test(v), { error: 'Kode klasifikasi tidak boleh memuat tanda |, { atau }.' }),
  unit: opt('Kode unit', 60).refine((v) => !/[|{}]/.test(v), { error: 'Kode unit tidak boleh memuat tanda |, { atau }.' }),
});
export type DocumentTypeSettingInput = z.output<typeof DocumentTypeSettingInputSchema>;

export const DocumentTypesSaveSchema = z.object({
  types: z
    .array(DocumentTypeSettingInputSchema)
    .min(1, { error: 'Kirim paling sedikit satu jenis dokumen.' })
    .max(DOCUMENT_TYPES.length, { error: 'Terlalu banyak jenis dokumen.' })
    .refine((list) => new Set(list.map((t) => t.key)).size === list.length, { error: 'Satu jenis dokumen tertulis dua kali.' }),
});

export const DocumentTypeSettingSchema = z.object({
  key: DocumentTypeSchema,
  label: z.string(),
  numberFormat: z.string(),
  code: z.string(),
  unit: z.string(),
  /** The number the next document of this type would get this year, for the settings screen. */
  nextNumber: z.string(),
  /** Documents issued this year. */
  issuedThisYear: z.number().int(),
});
export type DocumentTypeSetting = z.infer<typeof DocumentTypeSettingSchema>;

// ---------------------------------------------------------------------------------------------
// Fields of each document (what the user writes; the rest comes from the register)
// ---------------------------------------------------------------------------------------------

/** A4 or F4. The half folio is for the small forms; these documents refuse it. */
export const DocumentPaperSchema = z.enum(['A4', 'F4'], {
  error: (issue) =>
    issue.input === 'HALF_FOLIO' ? 'Dokumen ini dicetak pada kertas A4 atau F4; setengah folio tidak didukung.' : 'Pilih ukuran kertas A4 atau F4.',
});
export type DocumentPaper = 'A4' | 'F4';

/** A person named in a berita acara: the OPD's representative or a witness. */
export const PartyInputSchema = z.object({
  name: req('Nama', 120),
  nip: NipSchema.default(''),
  rank: opt('Pangkat/golongan', 80),
  position: req('Jabatan', 200),
  /** The agency (instansi); for the OPD's representative empty means the OPD of the letter. */
  agency: opt('Instansi', 200),
});
export type PartyInput = z.output<typeof PartyInputSchema>;

export const BastItemSchema = z.object({ label: req('Nama barang/hak', 80), value: req('Keterangan', 300) });

const common = {
  /** The hosted system the document is about; empty means the one linked to the request. */
  hostedSystemId: Id.nullable().default(null),
  /** The date printed on the document; empty means today. */
  date: IsoDateSchema('Tanggal dokumen').nullable().default(null),
};

export const ReportFieldsSchema = z.object({
  type: z.literal('laporan_hosting'),
  ...common,
  /** The Kabid the report goes to; empty: the Kabid the letter was disposed to, else the first active one. */
  kabidOfficialId: Id.nullable().default(null),
  /** The "Mengetahui" block at the left: none, the Kabid, or the Kadis. */
  acknowledgedBy: z.enum(['none', 'kabid', 'kadis'], { error: 'Pilih siapa yang mengetahui laporan.' }).default('none'),
  notes: opt('Keterangan', 2000),
});

export const AccessFieldsSchema = z.object({
  type: z.literal('hak_akses_hosting'),
  ...common,
  notes: opt('Catatan', 1000),
});

export const DEFAULT_BAST_SUBJECT = 'PENGELOLAAN HOSTING DAN SUBDOMAIN';

export const BastFieldsSchema = z.object({
  type: z.literal('bast'),
  ...common,
  subjectLine: req('Pokok berita acara', 200).default(DEFAULT_BAST_SUBJECT),
  /** Where the handover takes place; empty: "{nama dinas} {kota}". */
  place: opt('Tempat', 200),
  /** PIHAK PERTAMA: the Kadis (default) or the officer who made the document. */
  firstParty: z.enum(['kadis', 'officer'], { error: 'Pilih PIHAK PERTAMA: Kepala Dinas atau petugas.' }).default('kadis'),
  /** PIHAK KEDUA: the OPD's representative. */
  secondParty: PartyInputSchema,
  /** What is handed over; empty: subdomain, IP address, web panel, application from the register. */
  items: z.array(BastItemSchema).max(20, { error: 'Paling banyak 20 butir serah terima.' }).default([]),
  /** The clauses; empty: the standard clauses (DEFAULT_BAST_CLAUSES). */
  clauses: z.array(req('Ketentuan', 1000)).max(20, { error: 'Paling banyak 20 ketentuan.' }).default([]),
  copies: z.number().int().min(1, { error: 'Paling sedikit rangkap 1.' }).max(10, { error: 'Paling banyak rangkap 10.' }).default(2),
  witnesses: z.array(PartyInputSchema).max(4, { error: 'Paling banyak 4 saksi.' }).default([]),
});

export const DEFAULT_COVER_SUBJECT = 'Penyampaian Hak Akses Hosting';

export const CoverFieldsSchema = z.object({
  type: z.literal('surat_pengantar'),
  ...common,
  subjectLine: req('Hal', 200).default(DEFAULT_COVER_SUBJECT),
  /** The enclosed documents; empty: the request's access document and berita acara with their numbers. */
  enclosures: z.array(req('Lampiran', 300)).max(10, { error: 'Paling banyak 10 lampiran.' }).default([]),
});

export const NoticeFieldsSchema = z.object({
  type: z.literal('surat_pemberitahuan'),
  date: IsoDateSchema('Tanggal dokumen').nullable().default(null),
  /** The reason; empty: the note of the Kabid's decision that returned the request. */
  reason: opt('Alasan pengembalian', 4000),
});

export const DocumentFieldsSchema = z.discriminatedUnion('type', [ReportFieldsSchema, AccessFieldsSchema, BastFieldsSchema, CoverFieldsSchema, NoticeFieldsSchema]);
export type DocumentFields = z.output<typeof DocumentFieldsSchema>;
export type DocumentFieldsInput = z.input<typeof DocumentFieldsSchema>;
export type ReportFields = z.output<typeof ReportFieldsSchema>;
export type AccessFields = z.output<typeof AccessFieldsSchema>;
export type BastFields = z.output<typeof BastFieldsSchema>;
export type CoverFields = z.output<typeof CoverFieldsSchema>;
export type NoticeFields = z.output<typeof NoticeFieldsSchema>;

const createExtra = { requestId: Id, paper: DocumentPaperSchema.default('A4') };
/** documents.create: the document's fields (by `type`), the request, and the paper. */
export const CreateDocumentInputSchema = z.discriminatedUnion('type', [
  ReportFieldsSchema.extend(createExtra),
  AccessFieldsSchema.extend(createExtra),
  BastFieldsSchema.extend(createExtra),
  CoverFieldsSchema.extend(createExtra),
  NoticeFieldsSchema.extend(createExtra),
]);
export type CreateDocumentInput = z.output<typeof CreateDocumentInputSchema>;

const updateExtra = { documentId: Id, paper: DocumentPaperSchema.optional() };
/** documents.update: all the fields again (a new version is made from them); paper absent keeps it. */
export const UpdateDocumentInputSchema = z.discriminatedUnion('type', [
  ReportFieldsSchema.extend(updateExtra),
  AccessFieldsSchema.extend(updateExtra),
  BastFieldsSchema.extend(updateExtra),
  CoverFieldsSchema.extend(updateExtra),
  NoticeFieldsSchema.extend(updateExtra),
]);
export type UpdateDocumentInput = z.output<typeof UpdateDocumentInputSchema>;

// ---------------------------------------------------------------------------------------------
// Documents, versions, verification
// ---------------------------------------------------------------------------------------------

export const DocumentVersionSchema = z.object({
  version: z.number().int(),
  /** SHA-256 of the canonical content JSON (what the QR code carries). */
  contentHash: z.string(),
  paper: DocumentPaperSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  /** Approved versions are locked: their PDF is the stored one. */
  locked: z.boolean(),
  /** SHA-256 of the approved PDF in the file store. */
  pdfSha256: z.string().nullable(),
});
export type DocumentVersion = z.infer<typeof DocumentVersionSchema>;

export const DocumentViewSchema = z.object({
  id: z.number().int(),
  type: DocumentTypeSchema,
  typeLabel: z.string(),
  number: z.string(),
  title: z.string(),
  requestId: z.number().int().nullable(),
  letterId: z.number().int(),
  hostedSystemId: z.number().int().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  latestVersion: z.number().int(),
  /** The newest approved version, if any. */
  approvedVersion: z.number().int().nullable(),
  /** The latest version waits for the Kadis's approval. */
  awaitingApproval: z.boolean(),
  /** The fields of the latest version, to edit them into a new one. */
  fields: DocumentFieldsSchema,
  /** Newest first. */
  versions: z.array(DocumentVersionSchema),
});
export type DocumentView = z.infer<typeof DocumentViewSchema>;

export const DocumentsForRequestSchema = z.object({
  documents: z.array(DocumentViewSchema),
  /** The document types the viewer may create or change for this request. */
  canCreate: z.array(DocumentTypeSchema),
  canApprove: z.boolean(),
});
export type DocumentsForRequest = z.infer<typeof DocumentsForRequestSchema>;

export const VERIFY_STATUSES = ['approved', 'not_approved', 'unknown', 'modified'] as const;
export type VerifyStatus = (typeof VERIFY_STATUSES)[number];

export const VerifyDocumentResultSchema = z.object({
  status: z.enum(VERIFY_STATUSES),
  document: z
    .object({
      type: DocumentTypeSchema,
      typeLabel: z.string(),
      number: z.string(),
      version: z.number().int(),
      approvedBy: z.string().nullable(),
      approvedAt: z.string().nullable(),
    })
    .nullable(),
  message: z.string(),
});
export type VerifyDocumentResult = z.infer<typeof VerifyDocumentResultSchema>;
