/**
 * Schemas of the scanning calls (issue 6): scanners, the scan folder (inbox), pages, and OCR.
 * Everything a user sees is in Bahasa Indonesia.
 */
import { z } from 'zod';
import { AttachmentSchema, Sha256Schema } from './schemas';

// --- Scanners -------------------------------------------------------------------------------

export const SCAN_MODES = ['Color', 'Gray', 'Lineart'] as const;
export const ScanModeSchema = z.enum(SCAN_MODES, { error: 'Pilih mode warna: Warna, Abu-abu, atau Hitam-putih.' });
export type ScanMode = z.infer<typeof ScanModeSchema>;
export const SCAN_MODE_LABELS: Record<ScanMode, string> = { Color: 'Warna', Gray: 'Abu-abu', Lineart: 'Hitam-putih' };

/** Flatbed: the glass; ADF: the document feeder (one side); ADF Duplex: the feeder, both sides. */
export const SCAN_SOURCES = ['Flatbed', 'ADF', 'ADF Duplex'] as const;
export const ScanSourceSchema = z.enum(SCAN_SOURCES, { error: 'Pilih sumber kertas: kaca atau pengumpan.' });
export type ScanSource = z.infer<typeof ScanSourceSchema>;
export const SCAN_SOURCE_LABELS: Record<ScanSource, string> = {
  Flatbed: 'Kaca pemindai (flatbed)',
  ADF: 'Pengumpan dokumen (ADF), satu sisi',
  'ADF Duplex': 'Pengumpan dokumen (ADF), bolak-balik',
};

/** A device name as the driver reports it (SANE "backend:bus;id", WIA device id). */
export const ScanDeviceIdSchema = z
  .string()
  .trim()
  .min(1, { error: 'Pilih pemindai.' })
  .max(300)
  .refine((v) => !v.startsWith('-') && !/[\0\r\n]/.test(v), { error: 'Nama pemindai tidak sah.' });

export const ScannerDeviceSchema = z.object({
  id: z.string(),
  vendor: z.string(),
  model: z.string(),
  type: z.string(),
  /** What the clerk sees, e.g. "Canon DR-C225 (pemindai lembar)". */
  label: z.string(),
});
export type ScannerDevice = z.infer<typeof ScannerDeviceSchema>;

export const ScannerListSchema = z.object({
  /** False when no scanning program is installed on the computer running Loket. */
  available: z.boolean(),
  driver: z.enum(['sane', 'wia', 'none']),
  devices: z.array(ScannerDeviceSchema),
  message: z.string().nullable(),
});
export type ScannerList = z.infer<typeof ScannerListSchema>;

export const DeviceOptionsSchema = z.object({
  sources: z.array(ScanSourceSchema),
  modes: z.array(ScanModeSchema),
  resolutions: z.array(z.number().int()),
  defaultResolution: z.number().int(),
});
export type DeviceOptions = z.infer<typeof DeviceOptionsSchema>;

export const ScanRequestSchema = z.object({
  device: ScanDeviceIdSchema,
  resolution: z
    .number({ error: 'Pilih resolusi.' })
    .int()
    .min(75, { error: 'Resolusi paling kecil 75 dpi.' })
    .max(1200, { error: 'Resolusi paling besar 1200 dpi.' })
    .default(200),
  mode: ScanModeSchema.default('Gray'),
  source: ScanSourceSchema.default('Flatbed'),
  /** From the feeder: stop after this many pages (null: every page in the feeder). The glass always gives one. */
  maxPages: z
    .number({ error: 'Jumlah halaman harus berupa angka.' })
    .int({ error: 'Jumlah halaman harus bilangan bulat.' })
    .min(1, { error: 'Jumlah halaman paling sedikit 1.' })
    .max(500, { error: 'Jumlah halaman paling banyak 500.' })
    .nullable()
    .default(null),
  /** Name of the resulting PDF (without a folder). */
  name: z.string().trim().max(200).default(''),
});
export type ScanRequest = z.output<typeof ScanRequestSchema>;

/** Why a scan failed, so the screen can show the right help next to the message. */
export const SCAN_PROBLEMS = ['no_scanner', 'busy', 'jammed', 'feeder_empty', 'cover_open', 'invalid', 'cancelled', 'failed'] as const;
export const ScanProblemSchema = z.enum(SCAN_PROBLEMS);
export type ScanProblem = z.infer<typeof ScanProblemSchema>;

export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export const JobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof JobStateSchema>;

export const JobIdSchema = z.object({ jobId: z.string().regex(/^[a-z]+-[0-9a-f]{16}$/, { error: 'Kode pekerjaan tidak sah.' }) });

export const ScanJobSchema = z.object({
  jobId: z.string(),
  state: JobStateSchema,
  pagesScanned: z.number().int(),
  /** A line for the clerk: "Memindai halaman 3…", the error, or the result. */
  message: z.string(),
  problem: ScanProblemSchema.nullable(),
  /** The PDF (ready for letters.register attachments or letters.addAttachment) once done. */
  result: z.object({ attachment: AttachmentSchema, pages: z.number().int() }).nullable(),
});
export type ScanJob = z.infer<typeof ScanJobSchema>;

// --- Scan folder (inbox) ---------------------------------------------------------------------

export const INBOX_STATUSES = ['new', 'attached', 'dismissed'] as const;
export const InboxStatusSchema = z.enum(INBOX_STATUSES);
export type InboxStatus = z.infer<typeof InboxStatusSchema>;
export const INBOX_STATUS_LABELS: Record<InboxStatus, string> = { new: 'Baru', attached: 'Sudah dilampirkan', dismissed: 'Diabaikan' };

export const ScanFolderSettingsInputSchema = z.object({
  /** Absolute folder on the computer that runs Loket (for the browser desk: the host machine); null: off. */
  folder: z
    .string()
    .trim()
    .max(1000, { error: 'Lokasi folder terlalu panjang.' })
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v)),
  /** Poll instead of file-system events: needed for network shares (SMB/NFS). */
  polling: z.boolean().default(false),
  pollIntervalMs: z.number().int().min(500, { error: 'Selang periksa paling cepat 500 ms.' }).max(60_000).default(2000),
  /** How long a file's size must stay the same before it is read. */
  stableMs: z.number().int().min(200, { error: 'Waktu tunggu paling sedikit 200 ms.' }).max(60_000).default(2000),
  /** keep: leave the file where it is (default); move: move it to the subfolder "diproses" after import. */
  afterImport: z.enum(['keep', 'move'], { error: 'Pilih: biarkan berkas atau pindahkan ke "diproses".' }).default('keep'),
});
export const ScanFolderSettingsSchema = z.object({
  folder: z.string().nullable(),
  polling: z.boolean(),
  pollIntervalMs: z.number().int(),
  stableMs: z.number().int(),
  afterImport: z.enum(['keep', 'move']),
});
export type ScanFolderSettings = z.output<typeof ScanFolderSettingsSchema>;

export const ScanFolderStateSchema = z.object({
  settings: ScanFolderSettingsSchema,
  watching: z.boolean(),
  /** Why the folder is not watched, or the last problem with a file. */
  message: z.string().nullable(),
  rejected: z.array(z.object({ path: z.string(), reason: z.string(), at: z.string() })),
});

export const InboxItemSchema = z.object({
  id: z.number().int(),
  sha256: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  /** When the file was last modified in the folder (ISO). */
  modifiedAt: z.string(),
  arrivedAt: z.string(),
  status: InboxStatusSchema,
  letterId: z.number().int().nullable(),
  agendaNumber: z.string().nullable(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const InboxListInputSchema = z.object({
  status: InboxStatusSchema.nullable().default('new'),
  limit: z.number().int().min(1).max(500).default(100),
});

export const InboxItemIdSchema = z.object({ id: z.number().int().positive() });

export const AddAttachmentInputSchema = z.object({
  letterId: z.number().int().positive(),
  sha256: Sha256Schema,
  name: z.string().trim().min(1, { error: 'Nama berkas wajib diisi.' }).max(200, { error: 'Nama berkas paling panjang 200 karakter.' }),
});

// --- Pages ------------------------------------------------------------------------------------

export const ROTATIONS = [0, 90, 180, 270] as const;
export const PageOpSchema = z.object({
  /** A PDF or image in the file store. */
  sha256: Sha256Schema,
  /** 1-based page of that file (images have one page). */
  page: z.number().int().min(1).max(2000).default(1),
  /** Clockwise, added to the page's own rotation. */
  rotate: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)], { error: 'Putaran harus 0, 90, 180, atau 270 derajat.' }).default(0),
});
export type PageOp = z.output<typeof PageOpSchema>;

export const ComposeInputSchema = z.object({
  name: z.string().trim().min(1, { error: 'Nama berkas wajib diisi.' }).max(200),
  /** Pages in the wanted order; a page left out is dropped. */
  pages: z.array(PageOpSchema).min(1, { error: 'Pilih paling sedikit satu halaman.' }).max(500, { error: 'Paling banyak 500 halaman.' }),
});

export const ComposeOutputSchema = z.object({ attachment: AttachmentSchema, pages: z.number().int() });

export const ThumbnailsOutputSchema = z.object({
  mime: z.string(),
  pages: z.number().int(),
  thumbnails: z.array(
    z.object({
      page: z.number().int(),
      /** PNG (or the image itself for a JPG/PNG file); null when it cannot be drawn here. */
      mime: z.string().nullable(),
      dataBase64: z.string().nullable(),
    }),
  ),
  message: z.string().nullable(),
});

// --- OCR --------------------------------------------------------------------------------------

export const LetterSuggestionsSchema = z.object({
  letterNumber: z.string().nullable(),
  letterDate: z.string().nullable(),
  senderName: z.string().nullable(),
  /** An OPD in the list whose name matches the letterhead. */
  opdId: z.number().int().nullable(),
  subject: z.string().nullable(),
});
export type LetterSuggestions = z.infer<typeof LetterSuggestionsSchema>;

export const OcrJobSchema = z.object({
  jobId: z.string(),
  sha256: z.string(),
  state: JobStateSchema,
  /** 0–100. */
  progress: z.number().int().min(0).max(100),
  message: z.string(),
  result: z.object({ text: z.string(), suggestions: LetterSuggestionsSchema }).nullable(),
});
export type OcrJob = z.infer<typeof OcrJobSchema>;
