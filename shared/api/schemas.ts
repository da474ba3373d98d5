/**
 * zod schemas of the data that crosses the API. Messages are in Bahasa Indonesia: they are shown
 * next to the field that was wrong.
 */
import { z } from 'zod';
import { opt, req } from './text';
import { ROLES } from './roles';
import { isValidIsoDate, isValidLocalDateTime } from '../domain/dates';
import { validateNumberFormat } from '../domain/numbering';

export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export const TimeZoneSchema = z.enum(TIME_ZONES, { error: 'Pilih zona waktu WIB, WITA, atau WIT.' });
export type TimeZoneId = z.infer<typeof TimeZoneSchema>;
export const TIME_ZONE_LABELS: Record<TimeZoneId, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Kode berkas tidak sah.' });

export const IsoDateSchema = (label: string) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .refine(isValidIsoDate, { error: `${label} harus berupa tanggal yang sah (HH-BB-TTTT).` });

export const LocalDateTimeSchema = (label: string) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .refine(isValidLocalDateTime, { error: `${label} harus berupa tanggal dan jam yang sah.` });

export const NumberFormatSchema = z
  .string()
  .trim()
  .min(1, { error: 'Format nomor wajib diisi.' })
  .max(100, { error: 'Format nomor paling panjang 100 karakter.' })
  .superRefine((value, ctx) => {
    const problem = validateNumberFormat(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const OfficeProfileSchema = z.object({
  government: req('Nama pemerintah daerah', 120),
  agencyName: req('Nama dinas', 160),
  address: req('Alamat', 300),
  postcode: opt('Kode pos', 10),
  phone: opt('Telepon', 80),
  website: opt('Laman', 120),
  email: z
    .string()
    .trim()
    .max(120, { error: 'Pos-el paling panjang 120 karakter.' })
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { error: 'Alamat pos-el tidak sah.' })
    .default(''),
  city: req('Kota penulisan surat', 80),
  timeZone: TimeZoneSchema,
  logoSha256: Sha256Schema.nullable().default(null),
  agendaFormat: NumberFormatSchema.default('{urut}/{kode}/{tahun}'),
});
export type OfficeProfile = z.infer<typeof OfficeProfileSchema>;
export type OfficeProfileInput = z.input<typeof OfficeProfileSchema>;

export const OFFICIAL_POSITIONS = ['kadis', 'kabid'] as const;
export const OFFICIAL_POSITION_LABELS: Record<(typeof OFFICIAL_POSITIONS)[number], string> = {
  kadis: 'Kepala Dinas',
  kabid: 'Kepala Bidang',
};

export const NipSchema = z
  .string()
  .transform((v) => v.replace(/\s+/g, ''))
  .refine((v) => v === '' || /^\d{18}$/.test(v), { error: 'NIP harus 18 angka.' });

export const OfficialInputSchema = z.object({
  id: z.number().int().positive().optional(),
  position: z.enum(OFFICIAL_POSITIONS, { error: 'Pilih jabatan: Kepala Dinas atau Kepala Bidang.' }),
  title: req('Nama jabatan', 200),
  unit: opt('Bidang', 160),
  name: req('Nama pejabat', 120),
  rank: opt('Pangkat/golongan', 80),
  nip: NipSchema.default(''),
  acting: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type OfficialInput = z.input<typeof OfficialInputSchema>;
export const OfficialSchema = z.object({
  id: z.number().int(),
  position: z.enum(OFFICIAL_POSITIONS),
  title: z.string(),
  unit: z.string(),
  name: z.string(),
  rank: z.string(),
  nip: z.string(),
  acting: z.boolean(),
  active: z.boolean(),
});
export type Official = z.infer<typeof OfficialSchema>;

export const OpdInputSchema = z.object({
  id: z.number().int().positive().optional(),
  name: req('Nama OPD', 200),
  shortName: opt('Singkatan', 40),
  address: opt('Alamat OPD', 300),
  active: z.boolean().default(true),
});
export type OpdInput = z.input<typeof OpdInputSchema>;
export const OpdSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string(),
  address: z.string(),
  active: z.boolean(),
});
export type Opd = z.infer<typeof OpdSchema>;

export const RoleSchema = z.enum(ROLES, { error: 'Pilih peran pengguna.' });

export const UsernameSchema = z
  .string({ error: 'Nama pengguna wajib diisi.' })
  .trim()
  .toLowerCase()
  .min(3, { error: 'Nama pengguna paling sedikit 3 karakter.' })
  .max(40, { error: 'Nama pengguna paling panjang 40 karakter.' })
  .regex(/^[a-z0-9._-]+$/, { error: 'Nama pengguna hanya boleh huruf kecil, angka, titik, garis bawah, dan tanda hubung.' });

export const NewPasswordSchema = z
  .string({ error: 'Kata sandi wajib diisi.' })
  .min(8, { error: 'Kata sandi paling sedikit 8 karakter.' })
  .max(200, { error: 'Kata sandi paling panjang 200 karakter.' });

export const UserInputSchema = z.object({
  id: z.number().int().positive().optional(),
  username: UsernameSchema,
  fullName: req('Nama lengkap', 120),
  role: RoleSchema,
  officialId: z.number().int().positive().nullable().default(null),
  active: z.boolean().default(true),
  /** Required for a new user; for an existing one, set only to change it. */
  password: NewPasswordSchema.optional(),
});
export type UserInput = z.input<typeof UserInputSchema>;
export const UserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role: RoleSchema,
  officialId: z.number().int().nullable(),
  active: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const LETTER_NATURES = ['biasa', 'segera', 'sangat_segera', 'rahasia'] as const;
export const NatureSchema = z.enum(LETTER_NATURES, { error: 'Pilih sifat surat.' });
export type LetterNature = z.infer<typeof NatureSchema>;
export const NATURE_LABELS: Record<LetterNature, string> = {
  biasa: 'Biasa',
  segera: 'Segera',
  sangat_segera: 'Sangat Segera',
  rahasia: 'Rahasia',
};

export const SERVICES = ['hosting', 'subdomain', 'website', 'lainnya'] as const;
export const ServiceSchema = z.enum(SERVICES, { error: 'Pilih layanan yang diminta.' });
export type ServiceKind = z.infer<typeof ServiceSchema>;
export const SERVICE_LABELS: Record<ServiceKind, string> = {
  hosting: 'Hosting',
  subdomain: 'Subdomain',
  website: 'Pembuatan situs web',
  lainnya: 'Lainnya',
};

export const LETTER_STATUSES = ['baru', 'didisposisi', 'diproses', 'selesai', 'dikembalikan', 'dibatalkan'] as const;
export const LetterStatusSchema = z.enum(LETTER_STATUSES);
export type LetterStatus = z.infer<typeof LetterStatusSchema>;
export const LETTER_STATUS_LABELS: Record<LetterStatus, string> = {
  baru: 'Baru',
  didisposisi: 'Didisposisi',
  diproses: 'Diproses',
  selesai: 'Selesai',
  dikembalikan: 'Dikembalikan',
  dibatalkan: 'Dibatalkan',
};

export const ClassificationCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, { error: 'Kode klasifikasi wajib diisi.' })
    .max(40, { error: 'Kode klasifikasi paling panjang 40 karakter.' })
    .regex(/^[0-9A-Za-z.\-/]+$/, { error: 'Kode klasifikasi hanya boleh angka, huruf, titik, garis miring, dan tanda hubung.' }),
  description: req('Keterangan kode', 200),
  active: z.boolean().default(true),
});
export type ClassificationCode = z.infer<typeof ClassificationCodeSchema>;

export const InstructionSchema = z.object({
  id: z.number().int().positive().optional(),
  label: req('Isi instruksi', 120),
  active: z.boolean().default(true),
});
export type InstructionInput = z.input<typeof InstructionSchema>;
export const InstructionOutSchema = z.object({ id: z.number().int(), label: z.string(), active: z.boolean() });
export type Instruction = z.infer<typeof InstructionOutSchema>;

export const ACCEPTED_SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const ScanMimeSchema = z.enum(ACCEPTED_SCAN_TYPES, { error: 'Pindaian harus berupa PDF, JPG, atau PNG.' });
/** 25 MiB of file, as base64. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export const AttachmentRefSchema = z.object({
  sha256: Sha256Schema,
  name: req('Nama berkas', 200),
});

export const AttachmentSchema = z.object({
  sha256: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const LetterInputSchema = z.object({
  opdId: z.number().int().positive().nullable().default(null),
  senderName: req('Pengirim surat', 200),
  /** Set when the sender is new and the clerk wants it in the OPD list. */
  saveSenderAsOpd: z.boolean().default(false),
  letterNumber: req('Nomor surat', 100),
  letterDate: IsoDateSchema('Tanggal surat'),
  /** Office-local date and time "YYYY-MM-DDTHH:mm"; empty means now. */
  receivedAt: LocalDateTimeSchema('Tanggal diterima').nullable().default(null),
  subject: req('Perihal', 500),
  summary: opt('Isi ringkas', 2000),
  nature: NatureSchema,
  classificationCode: req('Kode klasifikasi', 40),
  service: ServiceSchema,
  attachments: z.array(AttachmentRefSchema).max(20, { error: 'Paling banyak 20 berkas pindaian per surat.' }).default([]),
});
export type LetterInput = z.input<typeof LetterInputSchema>;

export const LetterSummarySchema = z.object({
  id: z.number().int(),
  agendaNumber: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  senderName: z.string(),
  letterNumber: z.string(),
  letterDate: z.string(),
  receivedAt: z.string(),
  subject: z.string(),
  nature: NatureSchema,
  service: ServiceSchema,
  status: LetterStatusSchema,
  attachmentCount: z.number().int(),
});
export type LetterSummary = z.infer<typeof LetterSummarySchema>;

export const LetterSchema = LetterSummarySchema.extend({
  opdId: z.number().int().nullable(),
  summary: z.string(),
  classificationCode: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  attachments: z.array(AttachmentSchema),
});
export type Letter = z.infer<typeof LetterSchema>;

export const LetterSearchSchema = z.object({
  q: z.string().trim().max(200, { error: 'Kata kunci paling panjang 200 karakter.' }).default(''),
  year: z.number().int().min(1900).max(2999).nullable().default(null),
  nature: NatureSchema.nullable().default(null),
  service: ServiceSchema.nullable().default(null),
  status: LetterStatusSchema.nullable().default(null),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});
export type LetterSearch = z.input<typeof LetterSearchSchema>;

export const PAPER_SIZES = ['A4', 'F4', 'HALF_FOLIO'] as const;
export const PaperSchema = z.enum(PAPER_SIZES, { error: 'Pilih ukuran kertas.' });
export type PaperSize = z.infer<typeof PaperSchema>;
export const PAPER_LABELS: Record<PaperSize, string> = {
  A4: 'A4 (210 × 297 mm)',
  F4: 'F4 / Folio (215 × 330 mm)',
  HALF_FOLIO: 'Setengah folio (165 × 215 mm)',
};

/** return_notice: the surat pemberitahuan of a request returned to the OPD. */
export const DOCUMENT_KINDS = ['disposition_sheet', 'receipt', 'return_notice'] as const;
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const PdfFileSchema = z.object({
  fileName: z.string(),
  mime: z.literal('application/pdf'),
  dataBase64: z.string(),
  pages: z.number().int(),
});
export type PdfFile = z.infer<typeof PdfFileSchema>;

export const PrefsSchema = z.object({
  paper: PaperSchema.default('A4'),
  printer: z.string().max(200).nullable().default(null),
  copies: z.number().int().min(1).max(20).default(1),
  idleLockMinutes: z.number().int().min(1).max(240).default(15),
});
export type Prefs = z.infer<typeof PrefsSchema>;
