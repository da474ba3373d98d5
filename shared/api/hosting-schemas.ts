/**
 * zod schemas of the hosted-system register (issue 4): settings (parent domains, IP pools,
 * servers), hosted systems with their addresses, contacts, status history, maintenance log and
 * security evaluations, and the web-panel password calls. Messages are in Bahasa Indonesia.
 */
import { z } from 'zod';
import { IdSchema as Id, opt, req } from './text';
import type { Role } from './roles';
import { IsoDateSchema, Sha256Schema } from './schemas';
import { normalizeDomain, validateParentDomain, validateSubdomainLabel } from '../domain/dns';
import { parseAddress, parseCidr } from '../domain/ip';

export const HOSTING_STATUSES = ['aktif', 'ditangguhkan', 'dihentikan'] as const;
export type HostingStatus = (typeof HOSTING_STATUSES)[number];
export const HostingStatusSchema = z.enum(HOSTING_STATUSES, { error: 'Pilih status: aktif, ditangguhkan, atau dihentikan.' });
export const HOSTING_STATUS_LABELS: Record<HostingStatus, string> = {
  aktif: 'Aktif',
  ditangguhkan: 'Ditangguhkan',
  dihentikan: 'Dihentikan',
};

/** Who may see a stored web-panel password (each time with an audit entry). */
export const PASSWORD_REVEAL_ROLES = ['technical', 'kabid', 'kadis', 'admin'] as const satisfies readonly Role[];
/** Who may set or generate a web-panel password. */
export const PASSWORD_SET_ROLES = ['technical', 'admin'] as const satisfies readonly Role[];
/** Who may register or change a hosted system. */
export const HOSTING_EDIT_ROLES = ['technical', 'kabid', 'admin'] as const satisfies readonly Role[];

/** A starting checklist for the security evaluation of an application before it is hosted. */
export const DEFAULT_SECURITY_CHECKLIST: readonly string[] = [
  'Tidak ditemukan celah injeksi SQL',
  'Tidak ditemukan celah cross-site scripting (XSS)',
  'Halaman admin dilindungi login dengan kata sandi yang kuat',
  'Unggah berkas dibatasi jenis dan ukurannya',
  'Tidak ada berkas rahasia yang terbuka (.env, cadangan basis data, .git)',
  'Tidak ditemukan web shell atau kode tersembunyi (backdoor)',
  'Versi bahasa pemrograman, framework, dan pustaka masih didukung',
  'Laman memakai HTTPS',
  'Pesan galat tidak menampilkan detail teknis',
];

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

export const SubdomainLabelSchema = z
  .string({ error: 'Nama subdomain wajib diisi.' })
  .trim()
  .toLowerCase()
  .superRefine((value, ctx) => {
    const problem = validateSubdomainLabel(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const ParentDomainSchema = z
  .string({ error: 'Domain induk wajib diisi.' })
  .transform(normalizeDomain)
  .superRefine((value, ctx) => {
    const problem = validateParentDomain(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const IpAddressSchema = z
  .string({ error: 'Alamat IP wajib diisi.' })
  .superRefine((value, ctx) => {
    const parsed = parseAddress(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
  })
  .transform((value) => {
    const parsed = parseAddress(value);
    return parsed.ok ? parsed.value.address : value;
  });

export const CidrSchema = z
  .string({ error: 'Blok alamat (CIDR) wajib diisi.' })
  .superRefine((value, ctx) => {
    const parsed = parseCidr(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
  })
  .transform((value) => {
    const parsed = parseCidr(value);
    return parsed.ok ? parsed.value.text : value;
  });

export const ParentDomainInputSchema = z.object({
  id: Id.optional(),
  domain: ParentDomainSchema,
  active: z.boolean().default(true),
});

export const IpPoolInputSchema = z.object({
  id: Id.optional(),
  label: req('Nama kumpulan alamat', 120),
  cidr: CidrSchema,
  /** Addresses in the pool never given to a system (the gateway, the servers themselves). */
  reserved: z.array(IpAddressSchema).max(256, { error: 'Paling banyak 256 alamat dicadangkan per kumpulan.' }).default([]),
  active: z.boolean().default(true),
});

export const ServerInputSchema = z.object({
  id: Id.optional(),
  name: req('Nama server', 120),
  notes: opt('Catatan server', 1000),
  active: z.boolean().default(true),
});

export const HostingSettingsInputSchema = z.object({
  parentDomains: z.array(ParentDomainInputSchema).max(50, { error: 'Paling banyak 50 domain induk.' }),
  pools: z.array(IpPoolInputSchema).max(200, { error: 'Paling banyak 200 kumpulan alamat IP.' }),
  servers: z.array(ServerInputSchema).max(500, { error: 'Paling banyak 500 server.' }),
});
export type HostingSettingsInput = z.output<typeof HostingSettingsInputSchema>;

export const HostingSettingsSchema = z.object({
  parentDomains: z.array(z.object({ id: z.number().int(), domain: z.string(), active: z.boolean(), systems: z.number().int() })),
  pools: z.array(
    z.object({
      id: z.number().int(),
      label: z.string(),
      cidr: z.string(),
      version: z.union([z.literal(4), z.literal(6)]),
      reserved: z.array(z.string()),
      active: z.boolean(),
      /** Addresses given to systems. */
      used: z.number().int(),
      /** Usable addresses in the block, as a decimal string (an IPv6 /64 does not fit a number). */
      capacity: z.string(),
      firstUsable: z.string(),
      lastUsable: z.string(),
    }),
  ),
  servers: z.array(z.object({ id: z.number().int(), name: z.string(), notes: z.string(), active: z.boolean(), systems: z.number().int() })),
});
export type HostingSettings = z.infer<typeof HostingSettingsSchema>;

// ---------------------------------------------------------------------------------------------
// Hosted systems
// ---------------------------------------------------------------------------------------------

export const ContactInputSchema = z
  .object({
    name: opt('Nama kontak', 120),
    phone: opt('Nomor telepon', 40).refine((v) => v === '' || /^\+?[0-9 ()-]{6,40}$/.test(v), {
      error: 'Nomor telepon hanya boleh angka, spasi, tanda kurung, tanda hubung, dan + di depan.',
    }),
    email: opt('Pos-el', 120).refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { error: 'Alamat pos-el tidak sah.' }),
  })
  .default({ name: '', phone: '', email: '' });

export const ContactSchema = z.object({ name: z.string(), phone: z.string(), email: z.string() });
export type Contact = z.infer<typeof ContactSchema>;

export const HostedSystemInputSchema = z.object({
  /** Set to change an existing system; absent to register a new one. */
  id: Id.optional(),
  /**
   * The request whose current step provisions this system (A6, B10–12, C6, D4–5): the user must be
   * the actor of that step, and the system is linked to the request and its letter.
   */
  requestId: Id.nullable().default(null),
  /** A letter to link when there is no request (e.g. a letter of service "lainnya"). */
  letterId: Id.nullable().default(null),
  /** The OPD that owns the system; with a request, empty means the OPD of its letter. */
  opdId: Id.nullable().default(null),
  applicationName: req('Nama aplikasi', 200),
  subdomain: SubdomainLabelSchema,
  parentDomain: ParentDomainSchema,
  addresses: z
    .array(IpAddressSchema)
    .min(1, { error: 'Isi paling sedikit satu alamat IP.' })
    .max(16, { error: 'Paling banyak 16 alamat IP per sistem.' }),
  serverId: Id.nullable().default(null),
  stack: opt('Teknologi (stack)', 120),
  database: opt('Basis data', 120),
  panelUrl: opt('Alamat web panel', 300).refine((v) => v === '' || /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(v), {
    error: 'Alamat web panel harus diawali http:// atau https://, misalnya https://panel.pekalongankota.go.id:2083.',
  }),
  panelUsername: opt('Nama pengguna web panel', 80).refine((v) => !/\s/.test(v), { error: 'Nama pengguna web panel tidak boleh memuat spasi.' }),
  technicalContact: ContactInputSchema,
  administrativeContact: ContactInputSchema,
  notes: opt('Catatan', 2000),
});
export type HostedSystemInput = z.output<typeof HostedSystemInputSchema>;
export type HostedSystemInputRaw = z.input<typeof HostedSystemInputSchema>;

export const HostedSystemSummarySchema = z.object({
  id: z.number().int(),
  opdId: z.number().int(),
  opdName: z.string(),
  applicationName: z.string(),
  subdomain: z.string(),
  parentDomain: z.string(),
  fqdn: z.string(),
  addresses: z.array(z.string()),
  serverName: z.string().nullable(),
  status: HostingStatusSchema,
  /** The latest security evaluation: passed, failed, or none yet. */
  securityPassed: z.boolean().nullable(),
  updatedAt: z.string(),
});
export type HostedSystemSummary = z.infer<typeof HostedSystemSummarySchema>;

export const ChecklistItemSchema = z.object({
  item: req('Butir pemeriksaan', 200),
  passed: z.boolean({ error: 'Tandai butir ini lulus atau gagal.' }),
  note: opt('Catatan butir', 500),
});

export const SecurityEvaluationSchema = z.object({
  id: z.number().int(),
  hostedSystemId: z.number().int().nullable(),
  requestId: z.number().int().nullable(),
  checklist: z.array(z.object({ item: z.string(), passed: z.boolean(), note: z.string() })),
  passed: z.boolean(),
  findings: z.string(),
  reportSha256: z.string().nullable(),
  reportName: z.string().nullable(),
  evaluatedBy: z.string(),
  evaluatedAt: z.string(),
});
export type SecurityEvaluation = z.infer<typeof SecurityEvaluationSchema>;

export const HostedSystemSchema = HostedSystemSummarySchema.extend({
  addressDetails: z.array(z.object({ address: z.string(), version: z.union([z.literal(4), z.literal(6)]), poolId: z.number().int(), poolLabel: z.string() })),
  serverId: z.number().int().nullable(),
  stack: z.string(),
  database: z.string(),
  panelUrl: z.string(),
  panelUsername: z.string(),
  /** Whether a web-panel password is stored; the password itself only through hosting.revealPassword. */
  password: z.object({ set: z.boolean(), setAt: z.string().nullable(), setBy: z.string().nullable() }),
  technicalContact: ContactSchema,
  administrativeContact: ContactSchema,
  notes: z.string(),
  requestId: z.number().int().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  statusHistory: z.array(z.object({ status: HostingStatusSchema, reason: z.string(), at: z.string(), by: z.string() })),
  maintenance: z.array(
    z.object({ id: z.number().int(), date: z.string(), description: z.string(), performedBy: z.string(), recordedBy: z.string(), recordedAt: z.string() }),
  ),
  securityEvaluations: z.array(SecurityEvaluationSchema),
  links: z.array(
    z.object({
      requestId: z.number().int().nullable(),
      letterId: z.number().int(),
      agendaNumber: z.string(),
      letterNumber: z.string(),
      subject: z.string(),
      stepId: z.string().nullable(),
      linkedAt: z.string(),
    }),
  ),
});
export type HostedSystem = z.infer<typeof HostedSystemSchema>;

export const HostingListFilterSchema = z.object({
  q: z.string().trim().max(200, { error: 'Kata kunci paling panjang 200 karakter.' }).default(''),
  opdId: Id.nullable().default(null),
  status: HostingStatusSchema.nullable().default(null),
});
export type HostingListFilter = z.output<typeof HostingListFilterSchema>;

export const SetStatusInputSchema = z.object({
  id: Id,
  status: HostingStatusSchema,
  reason: req('Alasan perubahan status', 1000),
});

export const MaintenanceInputSchema = z.object({
  id: Id,
  date: IsoDateSchema('Tanggal pemeliharaan'),
  description: req('Uraian pemeliharaan', 2000),
  /** Who did the work (staff or a vendor); empty means the user recording it. */
  performedBy: opt('Pelaksana', 120),
});
export type MaintenanceInput = z.output<typeof MaintenanceInputSchema>;

export const SecurityEvaluationInputSchema = z
  .object({
    /** The system evaluated; may be empty at D step 3, before the system is registered at step 4. */
    hostedSystemId: Id.nullable().default(null),
    /** The request whose current step is the security evaluation (D step 3). */
    requestId: Id.nullable().default(null),
    checklist: z
      .array(ChecklistItemSchema)
      .min(1, { error: 'Isi paling sedikit satu butir pemeriksaan.' })
      .max(50, { error: 'Paling banyak 50 butir pemeriksaan.' }),
    passed: z.boolean({ error: 'Tentukan hasil evaluasi: lulus atau tidak lulus.' }),
    findings: opt('Temuan', 5000),
    /** A report already uploaded (attachments), or… */
    reportSha256: Sha256Schema.nullable().default(null),
    /** …a report uploaded with this call (PDF, JPG or PNG as base64). */
    reportUpload: z
      .object({ name: req('Nama berkas laporan', 200), dataBase64: z.string().min(1, { error: 'Berkas laporan kosong.' }) })
      .nullable()
      .default(null),
    reportName: opt('Nama berkas laporan', 200),
  })
  .superRefine((value, ctx) => {
    if (value.hostedSystemId === null && value.requestId === null) {
      ctx.addIssue({ code: 'custom', path: ['hostedSystemId'], message: 'Pilih sistem yang dievaluasi atau permohonannya.' });
    }
    if (value.passed && value.checklist.some((c) => !c.passed)) {
      ctx.addIssue({ code: 'custom', path: ['passed'], message: 'Evaluasi tidak dapat dinyatakan lulus selama ada butir yang gagal.' });
    }
    if (!value.passed && value.findings.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['findings'], message: 'Tulis temuan yang membuat evaluasi tidak lulus.' });
    }
    if (value.reportSha256 !== null && value.reportUpload !== null) {
      ctx.addIssue({ code: 'custom', path: ['reportUpload'], message: 'Pilih salah satu: laporan yang sudah diunggah atau unggah baru.' });
    }
  });
export type SecurityEvaluationInput = z.output<typeof SecurityEvaluationInputSchema>;

export const PanelPasswordSchema = z
  .string({ error: 'Kata sandi wajib diisi.' })
  .min(12, { error: 'Kata sandi web panel paling sedikit 12 karakter.' })
  .max(128, { error: 'Kata sandi web panel paling panjang 128 karakter.' })
  .refine((v) => !/[\s]/.test(v), { error: 'Kata sandi web panel tidak boleh memuat spasi atau baris baru.' });

export const SetPasswordInputSchema = z
  .object({
    id: Id,
    /** true: Loket generates a 16-character password and returns it once. */
    generate: z.boolean().default(false),
    /** The password to store (when not generating). */
    password: PanelPasswordSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.generate && value.password !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'Pilih salah satu: buat kata sandi otomatis atau tulis sendiri.' });
    }
    if (!value.generate && value.password === undefined) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'Tulis kata sandi web panel, atau pilih buat otomatis.' });
    }
  });

export const SetPasswordOutputSchema = z.object({
  ok: z.literal(true),
  /** Only when Loket generated it: shown once, to be printed on the access document. */
  generatedPassword: z.string().nullable(),
  setAt: z.string(),
});

export const HostingForRequestSchema = z.object({
  systems: z.array(HostedSystemSummarySchema),
  evaluations: z.array(SecurityEvaluationSchema),
  /** What the current step records, and whether the viewer may record it now. */
  step: z
    .object({
      id: z.string(),
      number: z.string(),
      records: z.array(z.string()),
      canRecordHosting: z.boolean(),
      canRecordSecurity: z.boolean(),
      blockedReason: z.string().nullable(),
    })
    .nullable(),
});
export type HostingForRequest = z.infer<typeof HostingForRequestSchema>;
