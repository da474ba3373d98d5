/**
 * The one API contract of Loket. Every call the renderer can make is named here with who may make
 * it and zod schemas for its input and output. The Electron main process (over IPC) and the HTTP
 * host (POST /api/<name>) both validate against this and run the same handlers.
 */
import { z } from 'zod';
import type { Access } from './roles';
import {
  AttachmentSchema,
  ClassificationCodeSchema,
  DocumentKindSchema,
  InstructionOutSchema,
  InstructionSchema,
  LetterInputSchema,
  LetterSchema,
  LetterSearchSchema,
  LetterSummarySchema,
  NewPasswordSchema,
  OfficeProfileSchema,
  OfficialInputSchema,
  OfficialSchema,
  OpdInputSchema,
  OpdSchema,
  PaperSchema,
  PdfFileSchema,
  PrefsSchema,
  Sha256Schema,
  UserInputSchema,
  UserSchema,
  UsernameSchema,
} from './schemas';
import {
  AuditViewSchema,
  CalendarDaySchema,
  ClosureSchema,
  DashboardSchema,
  QueueItemSchema,
  RequestViewSchema,
  SOP_SERVICE_KEYS,
  StepActionSchema,
  TemplateRowSchema,
  WeekSchema,
} from './engine-schemas';
import {
  HOSTING_EDIT_ROLES,
  HostedSystemInputSchema,
  HostedSystemSchema,
  HostedSystemSummarySchema,
  HostingForRequestSchema,
  HostingListFilterSchema,
  HostingSettingsInputSchema,
  HostingSettingsSchema,
  MaintenanceInputSchema,
  PASSWORD_REVEAL_ROLES,
  PASSWORD_SET_ROLES,
  SecurityEvaluationInputSchema,
  SecurityEvaluationSchema,
  SetPasswordInputSchema,
  SetPasswordOutputSchema,
  SetStatusInputSchema,
} from './hosting-schemas';
import { DeskPairedSchema, DeskPairInputSchema, DeskSchema, HostAddressSchema, HostProbeSchema, LanSettingsSchema, LanStatusSchema, PairInputSchema, PairOutputSchema, PairingCodeSchema } from './lan-schemas';
import {
  AddAttachmentInputSchema,
  ComposeInputSchema,
  ComposeOutputSchema,
  DeviceOptionsSchema,
  InboxItemIdSchema,
  InboxItemSchema,
  InboxListInputSchema,
  JobIdSchema,
  OcrJobSchema,
  ScanDeviceIdSchema,
  ScanFolderSettingsInputSchema,
  ScanFolderStateSchema,
  ScanJobSchema,
  ScannerListSchema,
  ScanRequestSchema,
  ThumbnailsOutputSchema,
} from './scan-schemas';
import {
  CreateDocumentInputSchema,
  DocumentTypeSettingSchema,
  DocumentTypesSaveSchema,
  DocumentViewSchema,
  DocumentsForRequestSchema,
  UpdateDocumentInputSchema,
  VerifyDocumentResultSchema,
} from './document-schemas';
import {
  ComplaintInputSchema,
  ComplaintListFilterSchema,
  ComplaintSchema,
  ComplaintSettingsSchema,
  ComplaintSummarySchema,
  EvaluationInputSchema,
  EvaluationSchema,
  ImportCommitSchema,
  ImportFileSchema,
  ImportMappingSchema,
  ImportOptionsSchema,
  ImportPreviewSchema,
  ImportStartSchema,
  ImportStatusSchema,
  ReportDataInputSchema,
  ReportPdfInputSchema,
  ReportSchema,
  ServiceStandardInputSchema,
  ServiceStandardSchema,
  StandardServiceSchema,
  XlsxFileSchema,
} from './report-schemas';
import { ListXlsxInputSchema } from './list-schemas';

export interface CallSpec<I extends z.ZodType, O extends z.ZodType> {
  access: Access;
  summary: string;
  input: I;
  output: O;
}

const call = <I extends z.ZodType, O extends z.ZodType>(spec: CallSpec<I, O>): CallSpec<I, O> => spec;

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });
const Id = z.object({ id: z.number().int().positive() });

const FRONT_DESK = ['front_desk', 'admin'] as const;
/** The printer and copies of a call that prints through the operating system. */
const PrintTo = {
  printer: z.string().trim().min(1, { error: 'Pilih printer.' }).max(200),
  copies: z.number().int().min(1, { error: 'Paling sedikit 1 salinan.' }).max(20, { error: 'Paling banyak 20 salinan.' }),
};


export const SessionSchema = z.object({ token: z.string(), user: UserSchema });

export const contract = {
  'setup.status': call({
    access: 'public',
    summary: 'Apakah kantor sudah disiapkan; nama kantor untuk layar masuk.',
    input: Empty,
    output: z.object({
      setUp: z.boolean(),
      agencyName: z.string().nullable(),
      government: z.string().nullable(),
      logoSha256: z.string().nullable(),
    }),
  }),
  'setup.uploadLogo': call({
    access: 'public',
    summary: 'Unggah logo kantor saat penyiapan awal (hanya sebelum kantor disiapkan).',
    input: z.object({ name: z.string().max(200), dataBase64: z.string() }),
    output: AttachmentSchema,
  }),
  'setup.initialize': call({
    access: 'public',
    summary: 'Penyiapan awal: profil kantor, pejabat, daftar OPD, dan administrator pertama. Hanya sekali.',
    input: z.object({
      office: OfficeProfileSchema,
      officials: z.array(OfficialInputSchema).min(1, { error: 'Isi data Kepala Dinas.' }).max(50),
      opd: z.array(OpdInputSchema).max(2000).default([]),
      admin: z.object({
        username: UsernameSchema,
        fullName: z.string().trim().min(1, { error: 'Nama lengkap wajib diisi.' }).max(120),
        password: NewPasswordSchema,
      }),
    }),
    output: SessionSchema,
  }),

  'auth.login': call({
    access: 'public',
    summary: 'Masuk dengan nama pengguna dan kata sandi; mengembalikan token sesi.',
    input: z.object({
      username: z.string().trim().min(1, { error: 'Nama pengguna wajib diisi.' }).max(40),
      password: z.string().min(1, { error: 'Kata sandi wajib diisi.' }).max(200),
    }),
    output: SessionSchema,
  }),
  'auth.logout': call({ access: 'user', summary: 'Keluar; token sesi tidak berlaku lagi.', input: Empty, output: Ok }),
  'auth.me': call({ access: 'user', summary: 'Pengguna yang sedang masuk.', input: Empty, output: UserSchema }),
  'auth.changePassword': call({
    access: 'user',
    summary: 'Ganti kata sandi sendiri.',
    input: z.object({ currentPassword: z.string().min(1, { error: 'Isi kata sandi sekarang.' }).max(200), newPassword: NewPasswordSchema }),
    output: Ok,
  }),

  'office.get': call({ access: 'user', summary: 'Profil kantor (kop surat).', input: Empty, output: OfficeProfileSchema }),
  'office.update': call({ access: ['admin'], summary: 'Ubah profil kantor.', input: OfficeProfileSchema, output: OfficeProfileSchema }),
  'officials.list': call({ access: 'user', summary: 'Daftar pejabat penanda tangan.', input: Empty, output: z.array(OfficialSchema) }),
  'officials.save': call({ access: ['admin'], summary: 'Tambah atau ubah pejabat.', input: OfficialInputSchema, output: OfficialSchema }),
  'opd.list': call({
    access: 'user',
    summary: 'Cari di daftar OPD.',
    input: z.object({ q: z.string().max(200).default(''), includeInactive: z.boolean().default(false) }),
    output: z.array(OpdSchema),
  }),
  'opd.save': call({ access: ['admin', 'front_desk'], summary: 'Tambah atau ubah OPD.', input: OpdInputSchema, output: OpdSchema }),
  'users.list': call({ access: ['admin'], summary: 'Daftar pengguna.', input: Empty, output: z.array(UserSchema) }),
  'users.save': call({ access: ['admin'], summary: 'Tambah atau ubah pengguna (dan kata sandinya).', input: UserInputSchema, output: UserSchema }),
  'codes.list': call({
    access: 'user',
    summary: 'Daftar kode klasifikasi.',
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.array(ClassificationCodeSchema),
  }),
  'codes.save': call({ access: ['admin'], summary: 'Tambah atau ubah kode klasifikasi.', input: ClassificationCodeSchema, output: ClassificationCodeSchema }),
  'instructions.list': call({
    access: 'user',
    summary: 'Daftar instruksi disposisi ("Dengan hormat harap").',
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.array(InstructionOutSchema),
  }),
  'instructions.save': call({ access: ['admin'], summary: 'Tambah atau ubah instruksi disposisi.', input: InstructionSchema, output: InstructionOutSchema }),

  'attachments.upload': call({
    access: FRONT_DESK,
    summary: 'Unggah pindaian (PDF, JPG, PNG; paling besar 25 MB) sebagai base64; disimpan menurut hash isinya.',
    input: z.object({ name: z.string().trim().min(1).max(200), dataBase64: z.string().min(1, { error: 'Berkas kosong.' }) }),
    output: AttachmentSchema,
  }),
  'attachments.get': call({
    access: 'user',
    summary: 'Ambil isi berkas pindaian atau logo.',
    input: z.object({ sha256: Sha256Schema }),
    output: z.object({ mime: z.string(), size: z.number().int(), dataBase64: z.string() }),
  }),

  'letters.register': call({
    access: FRONT_DESK,
    summary: 'Catat surat masuk di buku agenda; Loket memberi nomor agenda.',
    input: LetterInputSchema,
    output: LetterSchema,
  }),
  'letters.search': call({
    access: 'user',
    summary:
      'Cari di buku agenda (teks lengkap) dengan saringan tahun, sifat, layanan, status. Jumlah dihitung tepat sampai 10.000 surat; ' +
      'di atas itu totalExact = false dan total adalah batas bawah ("lebih dari …").',
    input: LetterSearchSchema,
    output: z.object({ items: z.array(LetterSummarySchema), total: z.number().int(), totalExact: z.boolean() }),
  }),
  'letters.years': call({ access: 'user', summary: 'Tahun-tahun yang ada di buku agenda.', input: Empty, output: z.array(z.number().int()) }),
  'letters.get': call({ access: 'user', summary: 'Satu surat dengan pindaiannya.', input: Id, output: LetterSchema }),

  'documents.render': call({
    access: 'user',
    summary: 'Buat PDF lembar disposisi atau tanda terima sebuah surat.',
    input: z.object({ kind: DocumentKindSchema, letterId: z.number().int().positive(), paper: PaperSchema }),
    output: PdfFileSchema,
  }),

  'print.printers': call({
    access: 'user',
    summary: 'Printer yang terpasang di komputer yang menjalankan Loket.',
    input: Empty,
    output: z.object({
      available: z.boolean(),
      printers: z.array(z.object({ name: z.string(), isDefault: z.boolean() })),
      message: z.string().nullable(),
    }),
  }),
  'print.document': call({
    access: 'user',
    summary: 'Cetak lembar disposisi atau tanda terima lewat sistem operasi (CUPS / Windows).',
    input: z.object({
      kind: DocumentKindSchema,
      letterId: z.number().int().positive(),
      paper: PaperSchema,
      printer: z.string().trim().min(1, { error: 'Pilih printer.' }).max(200),
      copies: z.number().int().min(1, { error: 'Paling sedikit 1 salinan.' }).max(20, { error: 'Paling banyak 20 salinan.' }),
    }),
    output: z.object({ jobId: z.string(), printer: z.string() }),
  }),

  'requests.forLetter': call({
    access: 'user',
    summary: 'Permohonan (jalannya SOP) sebuah surat: linimasa, disposisi, tindakan yang boleh dilakukan; menandai disposisi terbaca.',
    input: z.object({ letterId: z.number().int().positive() }),
    output: RequestViewSchema.nullable(),
  }),
  'requests.act': call({
    access: ['front_desk', 'kadis', 'kabid', 'technical', 'security'],
    summary: 'Kerjakan langkah yang sedang berjalan: selesai, putuskan, disposisikan, jeda, atau lanjutkan.',
    input: StepActionSchema,
    output: RequestViewSchema,
  }),
  'dispositions.withdraw': call({
    access: ['kadis', 'kabid', 'technical'],
    summary: 'Tarik kembali disposisi yang belum dibaca penerimanya.',
    input: z.object({ dispositionId: z.number().int().positive() }),
    output: RequestViewSchema,
  }),
  'queue.mine': call({ access: 'user', summary: 'Antrian saya: langkah yang menunggu saya, tenggat terdekat dahulu.', input: Empty, output: z.array(QueueItemSchema) }),
  'dashboard.get': call({ access: 'user', summary: 'Hitungan dasbor: surat baru, disposisi belum dibaca, belum ditindaklanjuti, tenggat hari ini, terlambat.', input: Empty, output: DashboardSchema }),
  'audit.forLetter': call({
    access: 'user',
    summary: 'Log audit sebuah surat dan permohonannya.',
    input: z.object({ letterId: z.number().int().positive() }),
    output: z.array(AuditViewSchema),
  }),

  'sop.list': call({
    access: 'user',
    summary: 'Daftar SOP (semua versi) dan SOP yang melayani tiap layanan.',
    input: Empty,
    output: z.object({
      templates: z.array(TemplateRowSchema),
      services: z.array(z.object({ service: z.enum(SOP_SERVICE_KEYS), templateKey: z.string().nullable() })),
    }),
  }),
  'sop.get': call({
    access: 'user',
    summary: 'Isi lengkap satu versi SOP.',
    input: z.object({ id: z.number().int().positive() }),
    output: z.object({ row: TemplateRowSchema, template: z.unknown() }),
  }),
  'sop.save': call({
    access: ['admin'],
    summary: 'Simpan SOP hasil salinan/ubahan sebagai versi baru (divalidasi dahulu).',
    input: z.object({ template: z.unknown() }),
    output: TemplateRowSchema,
  }),
  'sop.setService': call({
    access: ['admin'],
    summary: 'Pilih SOP yang melayani sebuah layanan.',
    input: z.object({ service: z.enum(SOP_SERVICE_KEYS), templateKey: z.string().max(80).nullable() }),
    output: Ok,
  }),
  'sop.schedule': call({
    access: 'user',
    summary: 'Perkiraan tenggat tiap langkah sebuah SOP bila surat diterima pada waktu tertentu.',
    input: z.object({ templateKey: z.string().min(1).max(80), receivedAt: z.string().datetime({ error: 'Waktu diterima tidak sah.' }) }),
    output: z.object({
      steps: z.array(z.object({ stepId: z.string(), number: z.string(), title: z.string(), standard: z.string(), start: z.string(), due: z.string().nullable() })),
      estimatedCompletion: z.string().nullable(),
    }),
  }),

  'calendar.get': call({
    access: 'user',
    summary: 'Kalender kerja kantor: jam kerja per hari, hari libur setahun, penutupan.',
    input: z.object({ year: z.number().int().min(2000).max(2999) }),
    output: z.object({
      timeZone: z.string(),
      week: WeekSchema,
      days: z.array(CalendarDaySchema),
      closures: z.array(ClosureSchema.extend({ id: z.number().int() })),
    }),
  }),
  'calendar.saveWeek': call({ access: ['admin'], summary: 'Ubah jam kerja per hari (jeda istirahat = celah antar rentang).', input: z.object({ week: WeekSchema }), output: Ok }),
  'calendar.saveDay': call({ access: ['admin'], summary: 'Tambah atau ubah hari libur / cuti bersama / penutupan sehari.', input: CalendarDaySchema, output: Ok }),
  'calendar.deleteDay': call({ access: ['admin'], summary: 'Hapus hari libur.', input: z.object({ date: z.string() }), output: Ok }),
  'calendar.seedYear': call({
    access: ['admin'],
    summary: 'Isi hari libur nasional setahun dari pustaka hari libur (periksa terhadap SKB resmi).',
    input: z.object({ year: z.number().int().min(2000).max(2999) }),
    output: z.object({ added: z.number().int() }),
  }),
  'calendar.saveClosure': call({ access: ['admin'], summary: 'Tambah penutupan sebagian hari.', input: ClosureSchema, output: z.object({ id: z.number().int() }) }),
  'calendar.deleteClosure': call({ access: ['admin'], summary: 'Hapus penutupan.', input: z.object({ id: z.number().int().positive() }), output: Ok }),

  'prefs.get': call({ access: 'user', summary: 'Preferensi meja ini (kertas, printer, kunci layar).', input: Empty, output: PrefsSchema }),
  'prefs.set': call({ access: 'user', summary: 'Ubah preferensi meja ini.', input: PrefsSchema.partial(), output: PrefsSchema }),

  // --- Register sistem yang di-hosting (issue 4): shared/api/hosting-schemas.ts, electron/core/services/hosting.ts ---
  'hosting.settings.get': call({
    access: 'user',
    summary: 'Pengaturan hosting: domain induk, kumpulan alamat IP (dengan pemakaian), dan server.',
    input: Empty,
    output: HostingSettingsSchema,
  }),
  'hosting.settings.save': call({
    access: ['admin'],
    summary: 'Simpan daftar domain induk, kumpulan alamat IP, dan server (baris tanpa id ditambah, yang tidak dikirim dihapus bila belum dipakai).',
    input: HostingSettingsInputSchema,
    output: HostingSettingsSchema,
  }),
  'hosting.list': call({
    access: 'user',
    summary: 'Cari di register sistem yang di-hosting (nama aplikasi, subdomain, OPD, alamat IP), dengan saringan OPD dan status.',
    input: HostingListFilterSchema,
    output: z.array(HostedSystemSummarySchema),
  }),
  'hosting.get': call({
    access: 'user',
    summary: 'Satu sistem yang di-hosting: data teknis, kontak, riwayat status, pemeliharaan, evaluasi keamanan, surat asal. Tanpa kata sandi.',
    input: Id,
    output: HostedSystemSchema,
  }),
  'hosting.save': call({
    access: HOSTING_EDIT_ROLES,
    summary: 'Daftarkan atau ubah sistem yang di-hosting; dengan requestId hanya oleh pelaksana langkah penyediaan yang sedang berjalan.',
    input: HostedSystemInputSchema,
    output: HostedSystemSchema,
  }),
  'hosting.setStatus': call({
    access: ['kabid', 'kadis', 'admin'],
    summary: 'Ubah status sistem (aktif, ditangguhkan, dihentikan) dengan alasan; tercatat di riwayat status.',
    input: SetStatusInputSchema,
    output: HostedSystemSchema,
  }),
  'hosting.addMaintenance': call({
    access: ['technical', 'admin'],
    summary: 'Catat pemeliharaan sistem (tanggal, uraian, pelaksana).',
    input: MaintenanceInputSchema,
    output: HostedSystemSchema,
  }),
  'hosting.securityEvaluation.save': call({
    access: ['security'],
    summary: 'Catat evaluasi keamanan aplikasi (daftar periksa, lulus/tidak, temuan, laporan); dengan requestId pada langkah evaluasi keamanan.',
    input: SecurityEvaluationInputSchema,
    output: SecurityEvaluationSchema,
  }),
  'hosting.securityEvaluation.report': call({
    access: 'user',
    summary: 'Ambil berkas laporan sebuah evaluasi keamanan.',
    input: z.object({ evaluationId: z.number().int().positive() }),
    output: z.object({ name: z.string(), mime: z.string(), size: z.number().int(), dataBase64: z.string() }),
  }),
  'hosting.suggestIp': call({
    access: HOSTING_EDIT_ROLES,
    summary: 'Alamat bebas berikutnya di sebuah kumpulan alamat IP.',
    input: z.object({ poolId: z.number().int().positive({ error: 'Pilih kumpulan alamat IP.' }) }),
    output: z.object({ poolId: z.number().int(), cidr: z.string(), address: z.string().nullable(), message: z.string().nullable() }),
  }),
  'hosting.setPassword': call({
    access: PASSWORD_SET_ROLES,
    summary: 'Simpan kata sandi web panel (terenkripsi), atau buat otomatis: kata sandi buatan dikembalikan sekali ini saja.',
    input: SetPasswordInputSchema,
    output: SetPasswordOutputSchema,
  }),
  'hosting.revealPassword': call({
    access: PASSWORD_REVEAL_ROLES,
    summary: 'Buka kata sandi web panel yang tersimpan; setiap pembukaan tercatat di log audit.',
    input: Id,
    output: z.object({ password: z.string() }),
  }),
  'hosting.forRequest': call({
    access: 'user',
    summary: 'Sistem yang di-hosting dan evaluasi keamanan sebuah permohonan, dan apakah langkah sekarang dapat mencatatnya.',
    input: z.object({ requestId: z.number().int().positive() }),
    output: HostingForRequestSchema,
  }),
  // --- akhir register sistem yang di-hosting ---
  // --- Beberapa meja di LAN (issue 8): shared/api/lan-schemas.ts, electron/core/services/lan.ts ---
  'lan.status': call({
    access: 'user',
    summary: 'Keadaan host LAN komputer ini: aktif atau tidak, alamat untuk meja lain, sidik jari sertifikat, jumlah meja berpasangan.',
    input: Empty,
    output: LanStatusSchema,
  }),
  'lan.settings.get': call({ access: ['admin'], summary: 'Pengaturan host LAN dan batas diam sesi.', input: Empty, output: LanSettingsSchema }),
  'lan.settings.save': call({
    access: ['admin'],
    summary: 'Nyalakan/matikan host LAN (HTTPS), alamat dan port yang didengarkan, batas diam sesi.',
    input: LanSettingsSchema,
    output: LanSettingsSchema,
  }),
  'lan.pairing.create': call({
    access: ['admin'],
    summary: 'Buat kode pemasangan sekali pakai (8 karakter, berlaku 10 menit) untuk memasangkan satu meja.',
    input: Empty,
    output: PairingCodeSchema,
  }),
  'lan.pair': call({
    access: 'public',
    summary: 'Dipanggil meja baru lewat HTTPS: tukar kode pemasangan dengan identitas dan rahasia meja.',
    input: PairInputSchema,
    output: PairOutputSchema,
  }),
  'lan.desks.list': call({ access: ['admin'], summary: 'Meja-meja yang pernah dipasangkan dengan host ini.', input: Empty, output: z.array(DeskSchema) }),
  'lan.desks.revoke': call({
    access: ['admin'],
    summary: 'Cabut pasangan sebuah meja: permintaannya ditolak dan sesi-sesinya berakhir.',
    input: z.object({ id: z.string().min(1).max(40) }),
    output: DeskSchema,
  }),
  'desk.probe': call({
    access: 'public',
    summary: 'Di Loket yang belum disiapkan: hubungi host Loket di jaringan kantor dan baca nama kantor serta sidik jari sertifikatnya, untuk dicocokkan dengan layar host.',
    input: z.object({ hostUrl: HostAddressSchema }),
    output: HostProbeSchema,
  }),
  'desk.pair': call({
    access: 'public',
    summary: 'Di Loket yang belum disiapkan: jadikan komputer ini meja dari host itu dengan kode pemasangan; sertifikat host disematkan, lalu Loket dimulai ulang sebagai meja.',
    input: DeskPairInputSchema,
    output: DeskPairedSchema,
  }),
  // --- akhir beberapa meja di LAN ---
  // --- Pindaian di meja depan (issue 6): shared/api/scan-schemas.ts, electron/core/scan/ ---
  'scan.devices': call({
    access: FRONT_DESK,
    summary: 'Pemindai yang terpasang di komputer yang menjalankan Loket (SANE di Linux, WIA di Windows).',
    input: Empty,
    output: ScannerListSchema,
  }),
  'scan.deviceOptions': call({
    access: FRONT_DESK,
    summary: 'Pilihan sebuah pemindai: sumber kertas (kaca, pengumpan, bolak-balik), mode warna, resolusi.',
    input: z.object({ device: ScanDeviceIdSchema }),
    output: DeviceOptionsSchema,
  }),
  'scan.start': call({
    access: FRONT_DESK,
    summary: 'Mulai memindai; semua halaman menjadi satu PDF. Pantau dengan scan.status.',
    input: ScanRequestSchema,
    output: z.object({ jobId: z.string() }),
  }),
  'scan.status': call({
    access: FRONT_DESK,
    summary: 'Kemajuan pemindaian (halaman terpindai, pesan, masalah seperti kertas macet) dan PDF hasilnya.',
    input: JobIdSchema,
    output: ScanJobSchema,
  }),
  'scan.cancel': call({ access: FRONT_DESK, summary: 'Batalkan pemindaian yang sedang berjalan.', input: JobIdSchema, output: ScanJobSchema }),
  'scan.folder.get': call({
    access: FRONT_DESK,
    summary: 'Pengaturan dan keadaan folder pindaian (apakah dipantau, berkas yang ditolak).',
    input: Empty,
    output: ScanFolderStateSchema,
  }),
  'scan.folder.save': call({
    access: ['admin'],
    summary: 'Atur folder pindaian (lokasi di komputer yang menjalankan Loket, pemantauan berkala untuk folder jaringan, pindahkan ke "diproses") dan mulai memantaunya.',
    input: ScanFolderSettingsInputSchema,
    output: ScanFolderStateSchema,
  }),
  'scan.inbox.list': call({
    access: FRONT_DESK,
    summary: 'Kotak masuk pindaian: berkas yang tiba di folder pindaian, terbaru dahulu.',
    input: InboxListInputSchema,
    output: z.array(InboxItemSchema),
  }),
  'scan.inbox.attach': call({
    access: FRONT_DESK,
    summary: 'Lampirkan berkas kotak masuk pada surat yang sudah ada (letterId), atau ambil rujukannya untuk surat baru (letterId null → lampiran letters.register).',
    input: InboxItemIdSchema.extend({ letterId: z.number().int().positive().nullable().default(null) }),
    output: z.object({ attachment: z.object({ sha256: z.string(), name: z.string() }), item: InboxItemSchema }),
  }),
  'scan.inbox.dismiss': call({
    access: FRONT_DESK,
    summary: 'Abaikan berkas kotak masuk (berkasnya tetap tersimpan dan di folder).',
    input: InboxItemIdSchema,
    output: InboxItemSchema,
  }),
  'letters.addAttachment': call({
    access: FRONT_DESK,
    summary: 'Tambahkan berkas pindaian pada surat yang sudah tercatat; tercatat di log audit.',
    input: AddAttachmentInputSchema,
    output: LetterSchema,
  }),
  'pages.thumbnails': call({
    access: FRONT_DESK,
    summary: 'Gambar kecil tiap halaman sebuah berkas pindaian (PDF lewat pdftoppm; gambar apa adanya).',
    input: z.object({ sha256: Sha256Schema }),
    output: ThumbnailsOutputSchema,
  }),
  'pages.compose': call({
    access: FRONT_DESK,
    summary: 'Susun halaman dari beberapa berkas (urutan, putar, buang) menjadi satu PDF baru; beberapa gambar menjadi satu PDF.',
    input: ComposeInputSchema,
    output: ComposeOutputSchema,
  }),
  'ocr.start': call({
    access: FRONT_DESK,
    summary: 'Mulai membaca teks halaman pertama sebuah pindaian (luring, bahasa Indonesia). Pantau dengan ocr.status.',
    input: z.object({ sha256: Sha256Schema }),
    output: z.object({ jobId: z.string() }),
  }),
  'ocr.status': call({
    access: FRONT_DESK,
    summary: 'Kemajuan pembacaan teks (0–100) dan saran isian: nomor surat, tanggal surat, pengirim, perihal.',
    input: JobIdSchema,
    output: OcrJobSchema,
  }),
  // --- akhir pindaian ---
  // --- Register dokumen dan pengesahan (issue 4): shared/api/document-schemas.ts, electron/core/services/documents.ts ---
  'documents.types.get': call({
    access: 'user',
    summary: 'Jenis dokumen bernomor: nama, format nomor, kode klasifikasi, kode unit, dan nomor berikutnya tahun ini.',
    input: Empty,
    output: z.array(DocumentTypeSettingSchema),
  }),
  'documents.types.save': call({
    access: ['admin'],
    summary: 'Ubah nama, format nomor ({kode}/{urut:3}/{unit}/{tahun} …), kode klasifikasi, dan kode unit jenis dokumen.',
    input: DocumentTypesSaveSchema,
    output: z.array(DocumentTypeSettingSchema),
  }),
  'documents.forRequest': call({
    access: 'user',
    summary: 'Dokumen bernomor sebuah permohonan dengan versi dan status pengesahannya, jenis yang boleh dibuat penonton, dan apakah ia boleh mengesahkan.',
    input: z.object({ requestId: z.number().int().positive() }),
    output: DocumentsForRequestSchema,
  }),
  'documents.create': call({
    access: ['front_desk', 'kadis', 'kabid', 'technical', 'security', 'admin'],
    summary:
      'Buat dokumen bernomor (laporan, hak akses hosting, BAST, surat pengantar, surat pemberitahuan) sebuah permohonan; nomornya diterbitkan saat itu. Oleh pelaksana langkah SOP yang mencatat dokumen itu, atau Kepala Dinas/Kepala Bidang/administrator.',
    input: CreateDocumentInputSchema,
    output: DocumentViewSchema,
  }),
  'documents.update': call({
    access: ['front_desk', 'kadis', 'kabid', 'technical', 'security', 'admin'],
    summary: 'Ubah dokumen: selalu menjadi versi baru dengan nomor yang sama, belum disahkan (juga bila versi sebelumnya sudah disahkan).',
    input: UpdateDocumentInputSchema,
    output: DocumentViewSchema,
  }),
  'documents.renderVersion': call({
    access: 'user',
    summary: 'PDF sebuah versi dokumen (versi terakhir bila tidak disebut): versi yang disahkan selalu berkas yang disimpan saat pengesahan; yang belum, bertanda KONSEP.',
    input: z.object({ documentId: z.number().int().positive(), version: z.number().int().positive().optional() }),
    output: PdfFileSchema.extend({ paper: PaperSchema }),
  }),
  'documents.printVersion': call({
    access: 'user',
    summary: 'Cetak sebuah versi dokumen lewat sistem operasi (CUPS / Windows) pada kertas versinya.',
    input: z.object({
      documentId: z.number().int().positive(),
      version: z.number().int().positive().optional(),
      printer: z.string().trim().min(1, { error: 'Pilih printer.' }).max(200),
      copies: z.number().int().min(1, { error: 'Paling sedikit 1 salinan.' }).max(20, { error: 'Paling banyak 20 salinan.' }),
    }),
    output: z.object({ jobId: z.string(), printer: z.string() }),
  }),
  'documents.approve': call({
    access: ['kadis'],
    summary: 'Sahkan versi terakhir dokumen: PDF-nya disimpan beserta SHA-256-nya dan versi dikunci.',
    input: z.object({ documentId: z.number().int().positive(), version: z.number().int().positive() }),
    output: DocumentViewSchema,
  }),
  'documents.verify': call({
    access: 'user',
    summary: 'Periksa berkas PDF: sama dengan versi yang disahkan, belum disahkan, diubah, atau tidak dikenal.',
    input: z.object({
      dataBase64: z.string().min(1, { error: 'Berkas kosong.' }).max(36_000_000, { error: 'Berkas terlalu besar (paling besar 25 MB).' }),
    }),
    output: VerifyDocumentResultSchema,
  }),
  // --- akhir register dokumen ---
  // --- Laporan, evaluasi kinerja, impor Excel, pengaduan, standar pelayanan (issue 5): shared/api/report-schemas.ts ---
  'reports.data': call({
    access: 'user',
    summary:
      'Data laporan untuk layar (judul, periode, catatan, bagian dengan tabel dan grafik): buku agenda, daftar sistem yang dihosting, laporan tahunan subdomain, penggunaan dan pemeliharaan hosting, rekap permohonan, pengaduan, evaluasi kinerja.',
    input: ReportDataInputSchema,
    output: ReportSchema,
  }),
  'reports.pdf': call({
    access: 'user',
    summary: 'Laporan sebagai PDF: kop surat, judul, periode, tabel dengan baris judul berulang di tiap halaman, grafik vektor, nomor halaman, tanda tangan Kepala Dinas.',
    input: ReportPdfInputSchema,
    output: PdfFileSchema,
  }),
  'reports.xlsx': call({
    access: 'user',
    summary: 'Laporan sebagai .xlsx: satu lembar per tabel dengan baris judul, kepala kolom tebal yang dibekukan dan disaring, tanggal sebagai tanggal Excel, angka sebagai angka.',
    input: ReportDataInputSchema,
    output: XlsxFileSchema,
  }),
  'evaluation.get': call({
    access: ['kadis', 'kabid', 'admin'],
    summary: 'Evaluasi kinerja satu triwulan: waktu kerja tiap langkah SOP terhadap mutu baku (median, P90, persentase tepat waktu), per petugas, per OPD, tren empat triwulan.',
    input: EvaluationInputSchema,
    output: EvaluationSchema,
  }),
  'import.preview': call({
    access: ['front_desk', 'admin'],
    summary: 'Pratinjau impor buku agenda lama atau daftar OPD (.xlsx/.csv): kolom, pemetaan otomatis dari nama kolom, 20 baris pertama dengan masalahnya.',
    input: ImportFileSchema.extend({
      mapping: ImportMappingSchema.nullable().default(null),
      options: ImportOptionsSchema.default({ agendaFormat: null, defaultClassificationCode: '000', defaultService: 'lainnya' }),
    }),
    output: ImportPreviewSchema,
  }),
  'import.start': call({
    access: ['front_desk', 'admin'],
    summary: 'Mulai membaca dan memeriksa seluruh berkas impor di latar belakang; pantau dengan import.status.',
    input: ImportStartSchema,
    output: ImportStatusSchema,
  }),
  'import.status': call({
    access: ['front_desk', 'admin'],
    summary: 'Kemajuan impor (persen) dan setiap baris yang salah beserta alasannya.',
    input: z.object({ jobId: z.string().min(1).max(60) }),
    output: ImportStatusSchema,
  }),
  'import.commit': call({
    access: ['front_desk', 'admin'],
    summary: 'Simpan impor yang semua barisnya benar, seluruhnya dalam satu transaksi; impor dengan baris salah ditolak utuh.',
    input: z.object({ jobId: z.string().min(1).max(60) }),
    output: ImportCommitSchema,
  }),
  'complaints.register': call({
    access: FRONT_DESK,
    summary: 'Catat pengaduan (langsung, telepon, e-mail, website, Twitter/X, Instagram); Loket memberi nomor pengaduan dan menjalankannya menurut SOP pengaduan.',
    input: ComplaintInputSchema,
    output: ComplaintSchema,
  }),
  'complaints.list': call({
    access: 'user',
    summary: 'Cari pengaduan (nomor, pengadu, pokok) dengan saringan tahun, saluran, dan status.',
    input: ComplaintListFilterSchema,
    output: z.object({ items: z.array(ComplaintSummarySchema), total: z.number().int() }),
  }),
  'complaints.get': call({ access: 'user', summary: 'Satu pengaduan.', input: Id, output: ComplaintSchema }),
  'complaints.receipt': call({
    access: 'user',
    summary: 'PDF Tanda Terima Pengaduan dengan saluran pengaduan kantor dan Pejabat Pengaduan.',
    input: z.object({ id: z.number().int().positive(), paper: PaperSchema.default('A4') }),
    output: PdfFileSchema,
  }),
  'complaints.printReceipt': call({
    access: 'user',
    summary: 'Cetak Tanda Terima Pengaduan lewat sistem operasi (CUPS / Windows).',
    input: z.object({ id: z.number().int().positive(), paper: PaperSchema.default('A4'), ...PrintTo }),
    output: z.object({ jobId: z.string(), printer: z.string() }),
  }),
  'complaints.settings.get': call({
    access: 'user',
    summary: 'Kontak pengaduan kantor (telepon, e-mail, website, Twitter/X, Instagram, Pejabat Pengaduan) dan format nomor pengaduan, dengan baris cetaknya.',
    input: Empty,
    output: ComplaintSettingsSchema.extend({ lines: z.array(z.string()) }),
  }),
  'complaints.settings.save': call({
    access: ['admin'],
    summary: 'Ubah kontak pengaduan kantor dan format nomor pengaduan.',
    input: ComplaintSettingsSchema,
    output: ComplaintSettingsSchema.extend({ lines: z.array(z.string()) }),
  }),
  'requests.forComplaint': call({
    access: 'user',
    summary: 'Jalannya SOP sebuah pengaduan: linimasa, disposisi ke Pejabat Pengaduan, tindakan yang boleh dilakukan (lewat requests.act); menandai disposisi terbaca.',
    input: z.object({ complaintId: z.number().int().positive() }),
    output: RequestViewSchema.nullable(),
  }),
  'audit.forComplaint': call({
    access: 'user',
    summary: 'Log audit sebuah pengaduan dan permohonannya.',
    input: z.object({ complaintId: z.number().int().positive() }),
    output: z.array(AuditViewSchema),
  }),
  'standards.list': call({
    access: 'user',
    summary: 'Standar pelayanan tiap layanan: persyaratan, prosedur dari SOP, waktu, biaya, produk, jam pelayanan, saluran pengaduan.',
    input: Empty,
    output: z.array(ServiceStandardSchema),
  }),
  'standards.save': call({
    access: ['admin'],
    summary: 'Ubah persyaratan, biaya, dan produk standar pelayanan sebuah layanan.',
    input: ServiceStandardInputSchema,
    output: ServiceStandardSchema,
  }),
  'standards.pdf': call({
    access: 'user',
    summary: 'Standar pelayanan sebuah layanan sebagai PDF untuk dicetak bagi pengunjung.',
    input: z.object({ service: StandardServiceSchema, paper: PaperSchema.default('A4') }),
    output: PdfFileSchema,
  }),
  'standards.print': call({
    access: 'user',
    summary: 'Cetak standar pelayanan sebuah layanan lewat sistem operasi (CUPS / Windows) untuk pengunjung.',
    input: z.object({ service: StandardServiceSchema, paper: PaperSchema.default('A4'), ...PrintTo }),
    output: z.object({ jobId: z.string(), printer: z.string() }),
  }),
  'reports.print': call({
    access: 'user',
    summary: 'Cetak laporan lewat sistem operasi (CUPS / Windows), di printer meja yang memintanya.',
    input: ReportPdfInputSchema.extend(PrintTo),
    output: z.object({ jobId: z.string(), printer: z.string() }),
  }),
  // --- akhir laporan, evaluasi, impor, pengaduan, standar pelayanan ---
  // --- Ekspor Excel daftar di meja: shared/api/list-schemas.ts ---
  'lists.xlsx': call({
    access: 'user',
    summary:
      'Sebuah daftar di meja sebagai .xlsx dengan saringan yang sedang dipakai (buku agenda, sistem yang dihosting, pengaduan, antrian saya, daftar OPD): ' +
      'tepat baris yang ditampilkan daftar itu bagi pengguna ini; saringannya tertulis di berkas. Lebih dari 50.000 baris ditolak (pakai Laporan → Buku Agenda per periode).',
    input: ListXlsxInputSchema,
    output: XlsxFileSchema,
  }),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallInputParsed<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

export const CALL_NAMES = Object.keys(contract) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
