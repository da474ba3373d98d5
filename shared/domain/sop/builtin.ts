/**
 * The built-in SOP templates: the four seed SOPs in /shared/sop (Pekalongan hosting and domain,
 * Tarakan, Pontianak) and the complaint procedure of the Pekalongan standar pelayanan, as data.
 *
 * Wording follows the SOP texts (step activities, kelengkapan, output, mutu baku waktu); obvious
 * typing errors of the source are corrected ("Domian" → "Domain", "Progammer" → "Programmer").
 * Where the text does not say something outright and the template had to choose, the choice is
 * written in the template's `notes`, so an office comparing with its paper SOP can see it.
 *
 * Step ids are stable (a running request refers to them): never renumber them; add new ids.
 */
import type { TimeStandard } from '../timing';
import type { SopRole, SopTemplate } from './model';

const none: TimeStandard = { kind: 'none' };
const minutes = (value: number): TimeStandard => ({ kind: 'minutes', value });
const hours = (value: number): TimeStandard => ({ kind: 'hours', value });
const days = (value: number): TimeStandard => ({ kind: 'days', value });
const hoursRange = (min: number, max: number): TimeStandard => ({ kind: 'range', min, max, unit: 'hours' });

/** The requesting agency: an outside party whose actions the front desk records. */
const OPD: SopRole = { key: 'opd', label: 'OPD Pemohon', systemRole: 'front_desk', external: true };

const COMPLAINT_CHANNELS =
  'Pengaduan layanan: langsung kepada Dinas Kominfo, atau tak langsung melalui telepon, e-mail, website, Twitter dan Instagram, ' +
  'kepada Pejabat Pengaduan yang ditunjuk (lihat templat "Pengelolaan Pengaduan").';

// ---------------------------------------------------------------------------------------------
// A. Pekalongan, Pelayanan Hosting
// ---------------------------------------------------------------------------------------------

const SURAT_HOSTING = 'Surat permohonan pengajuan layanan hosting';
const DISPOSISI_HOSTING = 'Disposisi untuk memenuhi permohonan layanan hosting';

const pekalonganHosting: SopTemplate = {
  key: 'pekalongan-hosting',
  name: 'Pelayanan Hosting',
  source:
    'SOP Pelayanan Hosting, Dinas Komunikasi dan Informatika Kota Pekalongan, tanggal efektif 11 April 2022; ' +
    'standar pelayanan SK 060/040/III Tahun 2022',
  subject: 'request',
  serviceStandard: days(2),
  roles: [
    OPD,
    { key: 'sekretaris_tu', label: 'Sekretaris/TU', systemRole: 'front_desk' },
    { key: 'kadis', label: 'Kepala Dinas', systemRole: 'kadis' },
    { key: 'kabid_ins', label: 'Kabid INS', systemRole: 'kabid' },
    { key: 'kasi_pusat_data', label: 'Kasi Pusat Data', systemRole: 'technical' },
  ],
  start: 'a1',
  steps: [
    {
      id: 'a1',
      number: '1',
      kind: 'task',
      title: 'Mengirim surat permohonan hosting ke Diskominfo Kota Pekalongan',
      actor: 'opd',
      inputs: [SURAT_HOSTING],
      standard: none,
      output: SURAT_HOSTING,
      next: 'a2',
    },
    {
      id: 'a2',
      number: '2',
      kind: 'task',
      title: 'Menerima surat permohonan dan diserahkan kepada kepala dinas',
      actor: 'sekretaris_tu',
      inputs: [SURAT_HOSTING],
      standard: minutes(5),
      output: SURAT_HOSTING,
      next: 'a3',
    },
    {
      id: 'a3',
      number: '3',
      kind: 'disposition',
      title: 'Disposisi ke Kabid INS',
      actor: 'kadis',
      to: 'kabid_ins',
      inputs: [SURAT_HOSTING],
      standard: minutes(5),
      output: DISPOSISI_HOSTING,
      next: 'a4',
    },
    {
      id: 'a4',
      number: '4',
      kind: 'disposition',
      title: 'Disposisi ke Kasi Pusat Data',
      actor: 'kabid_ins',
      to: 'kasi_pusat_data',
      inputs: [SURAT_HOSTING, DISPOSISI_HOSTING],
      standard: minutes(5),
      output: 'Surat permohonan dan disposisi',
      next: 'a5',
    },
    {
      id: 'a5',
      number: '5',
      kind: 'task',
      title: 'Memverifikasi dan mengecek kelengkapan dokumen permohonan hosting',
      actor: 'kasi_pusat_data',
      inputs: ['Surat permohonan dan disposisi'],
      standard: minutes(10),
      output: 'Dokumen permohonan',
      next: 'a6',
    },
    {
      id: 'a6',
      number: '6',
      kind: 'task',
      title: 'Membuatkan domain, menyiapkan server untuk hosting dan melaporkan kepada kepala bidang',
      actor: 'kasi_pusat_data',
      inputs: ['Dokumen permohonan'],
      standard: hours(2),
      output: 'Laporan pembuatan domain dan hosting',
      records: ['hosting_record', 'document_report'],
      next: 'a7',
    },
    {
      id: 'a7',
      number: '7',
      kind: 'task',
      title: 'Melaporkan dan meminta pengesahan data dokumen hosting kepada kepala dinas',
      actor: 'kabid_ins',
      inputs: ['Laporan pembuatan domain dan hosting'],
      standard: hours(1),
      output: 'Dokumen hosting',
      next: 'a8',
    },
    {
      id: 'a8',
      number: '8',
      kind: 'task',
      title: 'Mengesahkan dokumen hosting yang sudah dibuat',
      actor: 'kadis',
      inputs: ['Dokumen hosting'],
      standard: minutes(30),
      output: 'Dokumen hosting',
      records: ['document_hosting_access'],
      next: 'a9',
    },
    {
      id: 'a9',
      number: '9',
      kind: 'task',
      title: 'Mengirimkan dokumen hosting (dokumen hak akses atas hosting) kepada OPD pemohon',
      actor: 'sekretaris_tu',
      inputs: ['Dokumen hosting'],
      standard: minutes(5),
      output: 'Dokumen hosting',
      next: 'a10',
    },
    {
      id: 'a10',
      number: '10',
      kind: 'task',
      title: 'Menerima dokumen hosting (hak akses hosting) dan bisa mengakses',
      actor: 'opd',
      inputs: ['Dokumen hosting'],
      standard: minutes(5),
      output: 'Dokumen hosting',
      next: 'a_end',
    },
    { id: 'a_end', kind: 'end', title: 'Selesai', outcome: 'selesai' },
  ],
  notes: [
    'Persyaratan: adanya surat/informasi pemberitahuan permohonan hosting. Waktu penyelesaian 2 hari kerja; tidak dipungut biaya; produk pelayanan: Pelayanan Hosting.',
    'Langkah 9: SOP menulis pelaksananya "Dinas Kominfo" (kolom pelaksana hilang pada naskah). Sekretaris/TU sebagai pengirim dokumen adalah tafsiran; ubah di editor bila kantor menetapkan lain.',
    'Langkah 5: SOP tidak memberi cabang "dokumen tidak lengkap". Bila dokumen permohonan belum lengkap, petugas menghubungi OPD pemohon; kantor dapat menambahkan titik jeda atau keputusan di editor.',
    'Urutan mengikuti tabel SOP (10 langkah). Prosedur pada standar pelayanan (9 butir) menggabungkan penerimaan surat dan disposisi Kepala Dinas menjadi satu butir dan menyebut pelaksana langkah 5–6 "petugas teknis".',
    'Bagian Peringatan serta Pencatatan dan Pendataan pada SOP tidak diisi.',
    COMPLAINT_CHANNELS,
  ],
};

// ---------------------------------------------------------------------------------------------
// B. Pekalongan, Pelayanan Domain (web site + subdomain)
// ---------------------------------------------------------------------------------------------

const SURAT_WEB = 'Surat informasi permohonan pembuatan Web (Domain/Sub Domain)';

const pekalonganDomain: SopTemplate = {
  key: 'pekalongan-domain',
  name: 'Pelayanan Domain',
  source:
    'Standar Pelayanan Domain (pembuatan Web, Domain/Sub Domain), Dinas Komunikasi dan Informatika Kota Pekalongan; ' +
    'naskah tanpa nomor dan tanggal',
  subject: 'request',
  serviceStandard: days(7),
  roles: [
    OPD,
    { key: 'sekretaris_tu', label: 'Sekretaris/TU', systemRole: 'front_desk' },
    { key: 'kadis', label: 'Kepala Dinas', systemRole: 'kadis' },
    { key: 'kabid_apps', label: 'Kepala Bidang APPS', systemRole: 'kabid' },
    { key: 'petugas_teknis', label: 'Petugas Teknis', systemRole: 'technical' },
    { key: 'programmer', label: 'Programmer yang ditunjuk', systemRole: 'technical' },
    { key: 'petugas_hosting', label: 'Petugas teknis hosting', systemRole: 'technical' },
  ],
  start: 'b1',
  steps: [
    {
      id: 'b1',
      number: '1',
      kind: 'task',
      title: 'OPD selaku pengguna mengajukan permohonan pembuatan Web (Domain/Sub Domain) ke Diskominfo Kota Pekalongan',
      actor: 'opd',
      inputs: [SURAT_WEB],
      standard: none,
      output: 'Surat permohonan pembuatan Web (Domain/Sub Domain)',
      next: 'b2a',
    },
    {
      id: 'b2a',
      number: '2a',
      kind: 'task',
      title: 'Dinas Kominfo menerima surat permohonan pembuatan Web (Domain/Sub Domain)',
      actor: 'sekretaris_tu',
      inputs: ['Surat permohonan pembuatan Web (Domain/Sub Domain)'],
      standard: none,
      output: 'Surat permohonan pembuatan Web (Domain/Sub Domain)',
      next: 'b2b',
    },
    {
      id: 'b2b',
      number: '2b',
      kind: 'disposition',
      title: 'Dinas Kominfo memberikan disposisi surat permohonan pembuatan Web (Domain/Sub Domain) kepada Bidang APPS',
      actor: 'kadis',
      to: 'kabid_apps',
      inputs: ['Surat permohonan pembuatan Web (Domain/Sub Domain)'],
      standard: none,
      output: 'Disposisi',
      next: 'b3',
    },
    {
      id: 'b3',
      number: '3',
      kind: 'disposition',
      title: 'Bidang APPS menerima dan menindaklanjuti disposisi surat permohonan pembuatan Web (Domain/Sub Domain) ke petugas teknis',
      actor: 'kabid_apps',
      to: 'petugas_teknis',
      inputs: ['Surat permohonan pembuatan Web (Domain/Sub Domain)', 'Disposisi'],
      standard: none,
      output: 'Surat permohonan dan disposisi',
      next: 'b4',
    },
    {
      id: 'b4',
      number: '4',
      kind: 'task',
      title: 'Petugas Teknis melakukan analisa kebutuhan',
      actor: 'petugas_teknis',
      inputs: ['Surat permohonan dan disposisi'],
      standard: none,
      output: 'Analisa kebutuhan',
      next: 'b5',
    },
    {
      id: 'b5',
      number: '5',
      kind: 'task',
      title: 'Petugas Teknis melakukan perancangan desain Web',
      actor: 'petugas_teknis',
      inputs: ['Analisa kebutuhan'],
      standard: none,
      output: 'Desain Web',
      next: 'b6',
    },
    {
      id: 'b6',
      number: '6',
      kind: 'task',
      title: 'Petugas Teknis melakukan presentasi desain Web',
      actor: 'petugas_teknis',
      inputs: ['Desain Web'],
      standard: none,
      output: 'Presentasi desain Web',
      next: 'b7',
    },
    {
      id: 'b7',
      number: '7',
      kind: 'disposition',
      title: 'Dinas Kominfo melalui Kepala Bidang APPS melakukan penunjukan programmer',
      actor: 'kabid_apps',
      to: 'programmer',
      inputs: ['Desain Web'],
      standard: none,
      output: 'Penunjukan programmer',
      next: 'b8',
    },
    {
      id: 'b8',
      number: '8',
      kind: 'task',
      title: 'Programmer yang ditunjuk melakukan coding desain Web',
      actor: 'programmer',
      inputs: ['Desain Web'],
      standard: none,
      output: 'Web (server lokal)',
      next: 'b9',
    },
    {
      id: 'b9',
      number: '9',
      kind: 'task',
      title: 'Programmer yang ditunjuk melakukan presentasi Web (server lokal)',
      actor: 'programmer',
      inputs: ['Web (server lokal)'],
      standard: none,
      output: 'Web yang sudah jadi',
      next: 'b10',
    },
    {
      id: 'b10',
      number: '10',
      kind: 'task',
      title: 'Petugas teknis hosting melakukan upload Web yang sudah jadi pada hosting',
      actor: 'petugas_hosting',
      inputs: ['Web yang sudah jadi'],
      standard: none,
      output: 'Web yang sudah dihostingkan',
      records: ['hosting_record'],
      next: 'b11',
    },
    {
      id: 'b11',
      number: '11',
      kind: 'task',
      title: 'Petugas Teknis melakukan pemberian nama sub domain terhadap Web yang sudah dihostingkan',
      actor: 'petugas_teknis',
      inputs: ['Web yang sudah dihostingkan'],
      standard: none,
      output: 'Nama sub domain',
      records: ['hosting_record'],
      next: 'b12',
    },
    {
      id: 'b12',
      number: '12',
      kind: 'task',
      title: 'Petugas Teknis melakukan uji coba terhadap Web yang sudah dihostingkan',
      actor: 'petugas_teknis',
      inputs: ['Web yang sudah dihostingkan', 'Nama sub domain'],
      standard: none,
      output: 'Hasil uji coba',
      records: ['hosting_record'],
      next: 'b13',
    },
    {
      id: 'b13',
      number: '13',
      kind: 'task',
      title: 'Petugas Teknis memberikan pelatihan Admin pengelolaan Website subdomain',
      actor: 'petugas_teknis',
      inputs: ['Web yang sudah dihostingkan'],
      standard: none,
      output: 'Pelatihan Admin',
      next: 'b14',
    },
    {
      id: 'b14',
      number: '14',
      kind: 'task',
      title: 'Petugas Teknis menyusun Berita Acara Serah Terima pengelolaan Web',
      actor: 'petugas_teknis',
      inputs: [],
      standard: none,
      output: 'Berita Acara Serah Terima',
      records: ['document_bast'],
      next: 'b15',
    },
    {
      id: 'b15',
      number: '15',
      kind: 'task',
      title:
        'Petugas Teknis menyusun dokumentasi laporan dan melaporkan kepada Kepala Dinas melalui Kepala Bidang dan berkaitan dengan penyusunan Desain Web',
      actor: 'petugas_teknis',
      inputs: ['Berita Acara Serah Terima'],
      standard: none,
      output: 'Dokumentasi laporan',
      records: ['document_report'],
      next: 'b16',
    },
    {
      id: 'b16',
      number: '16',
      kind: 'task',
      title:
        'Kepala Dinas mengirimkan surat kaitan dengan penyusunan Web sudah selesai maka dilakukan penyerahan kepada OPD Pengguna sekaligus penandatanganan Berita Acara Serah Terima',
      actor: 'kadis',
      inputs: ['Dokumentasi laporan', 'Berita Acara Serah Terima'],
      standard: none,
      output: 'Surat penyerahan dan Berita Acara Serah Terima yang ditandatangani',
      records: ['document_cover_letter', 'document_bast'],
      next: 'b_end',
    },
    { id: 'b_end', kind: 'end', title: 'Selesai', outcome: 'selesai' },
  ],
  notes: [
    'Waktu pelayanan: naskah menyebut "5 (lima) hari kerja" dan juga "Durasi Penyelesaian: 7 hari kerja". Templat memakai 7 hari kerja; kantor perlu memastikan mana yang berlaku.',
    'Jam pelayanan: Senin–Kamis 08.00–15.45 WIB (istirahat 12.00–13.00 WIB), Jumat 08.00–11.00 WIB.',
    'Standar pelayanan ini tidak memberi waktu per langkah: setiap langkah tanpa standar waktu; kantor dapat mengisinya di editor.',
    'Standar pelayanan ini tidak memberi kelengkapan dan output per langkah: yang tertulis di templat diturunkan dari bunyi langkahnya.',
    'Langkah 2 ("Dinas Kominfo menerima surat permohonan … dan memberikan disposisi") dipecah menjadi 2a, penerimaan surat oleh Sekretaris/TU, dan 2b, disposisi Kepala Dinas kepada Bidang APPS, sebagaimana tabel SOP Pelayanan Hosting kantor yang sama (langkah 2 dan 3).',
    'Langkah 7: penunjukan programmer oleh Kepala Bidang APPS dicatat sebagai disposisi kepada programmer yang ditunjuk.',
    'Persyaratan: adanya surat informasi permohonan pembuatan Web (Domain/Sub Domain). Biaya: gratis. Produk pelayanan: Layanan Sub Domain. Jumlah pelaksana: 1 (satu) orang.',
    'Pengawasan internal: Kepala Bidang Aplikasi dan Persandian. Evaluasi kinerja dilaksanakan setiap tiga bulan sekali oleh pimpinan.',
    COMPLAINT_CHANNELS,
  ],
};

// ---------------------------------------------------------------------------------------------
// C. Tarakan, Layanan Hosting dan Sub Domain
// ---------------------------------------------------------------------------------------------

const tarakanHostingSubdomain: SopTemplate = {
  key: 'tarakan-hosting-subdomain',
  name: 'Layanan Hosting dan Sub Domain',
  source:
    'SOP Layanan Hosting dan Sub Domain, Dinas Komunikasi Informatika Statistik dan Persandian Kota Tarakan, ' +
    'Nomor SOP 000.8.3.3.3/23/SOP/DKISP/2024 (dibuat 03 Januari 2022, direvisi 10 Juli 2024, disahkan 02 Agustus 2024)',
  subject: 'request',
  serviceStandard: none,
  roles: [
    OPD,
    { key: 'kasubbag_umum', label: 'Kasubbag Umum dan Kepegawaian', systemRole: 'front_desk' },
    { key: 'kadis', label: 'Kepala DKISP', systemRole: 'kadis' },
    { key: 'kabid_aptika', label: 'Kabid Aplikasi dan Informatika', systemRole: 'kabid' },
    { key: 'bidang_aptika', label: 'Bidang Aplikasi dan Informatika (JFT)', systemRole: 'technical' },
  ],
  start: 'c1',
  steps: [
    {
      id: 'c1',
      number: '1',
      kind: 'task',
      title: 'Surat permohonan hosting dari OPD',
      actor: 'opd',
      inputs: ['Surat permohonan OPD'],
      standard: minutes(2),
      output: 'Surat',
      next: 'c2',
    },
    {
      id: 'c2',
      number: '2',
      kind: 'task',
      title: 'Scanning surat, mengagendakan surat, melengkapi lembar disposisi',
      actor: 'kasubbag_umum',
      inputs: ['Surat', 'Buku agenda', 'Lembar disposisi'],
      standard: minutes(3),
      output: 'Dokumen elektronik, Surat dengan Lembar disposisi',
      next: 'c3',
    },
    {
      id: 'c3',
      number: '3',
      kind: 'disposition',
      title: 'Disposisi Kepala DKISP ke Bidang Aplikasi Informatika',
      actor: 'kadis',
      to: 'kabid_aptika',
      inputs: ['Surat', 'Lembar disposisi'],
      standard: minutes(2),
      output: 'Surat permohonan terdisposisi',
      next: 'c4',
    },
    {
      id: 'c4',
      number: '4',
      kind: 'task',
      title: 'Kabid Aplikasi Informatika melakukan pengkajian bersama JFT',
      actor: 'kabid_aptika',
      inputs: ['Surat permohonan terdisposisi', 'Data server, ip, bandwidth, domain'],
      standard: minutes(5),
      output: 'Data untuk tindak lanjut',
      next: 'c5',
    },
    {
      id: 'c5',
      number: '5',
      kind: 'decision',
      title: 'Permintaan hosting dan subdomain disetujui/dapat dilaksanakan atau tidak',
      question: 'Permintaan hosting dan subdomain disetujui/dapat dilaksanakan?',
      actor: 'kabid_aptika',
      inputs: ['Data untuk tindak lanjut'],
      standard: minutes(30),
      output: 'Laporan untuk ditindak lanjuti, Surat Pemberitahuan',
      branches: [
        { key: 'ya', label: 'Ya', next: 'c6' },
        { key: 'tidak', label: 'Tidak', next: 'c_returned', returnsToOpd: true },
      ],
    },
    {
      id: 'c6',
      number: '6',
      kind: 'task',
      title: 'Pembuatan dan konfigurasi server',
      actor: 'bidang_aptika',
      inputs: ['Data dan konfigurasi Hosting', 'Laporan untuk ditindak lanjuti'],
      standard: days(2),
      output: 'Server Hosting dan Sub Domain',
      records: ['hosting_record'],
      next: 'c7',
    },
    {
      id: 'c7',
      number: '7',
      kind: 'task',
      title: 'Mengirim data dan laporan penggunaan hosting',
      actor: 'bidang_aptika',
      inputs: ['Laporan dan Dokumentasi'],
      standard: minutes(2),
      output: 'Laporan dan Dokumentasi',
      next: 'c8',
    },
    {
      id: 'c8',
      number: '8',
      kind: 'task',
      title: 'Melaporkan pelaksanaan pembuatan dan penggunaan hosting dan sub domain',
      actor: 'bidang_aptika',
      inputs: ['Laporan'],
      standard: minutes(2),
      output: 'Laporan dan Dokumentasi',
      records: ['document_report'],
      next: 'c_end',
    },
    { id: 'c_end', kind: 'end', title: 'Pekerjaan Selesai', outcome: 'selesai' },
    {
      id: 'c_returned',
      kind: 'end',
      title: 'Surat permohonan dikembalikan kepada PD untuk dikaji ulang dan diperbaiki',
      outcome: 'dikembalikan',
    },
  ],
  notes: [
    'Peringatan: jika terjadi keterlambatan pada satu titik proses (Pelaksana) akan menyebabkan keterlambatan pada titik proses berikutnya.',
    'Pencatatan dan pendataan: 1. Data konfigurasi hosting. 2. Data IP dan Sub Domain. 3. Data dan laporan hasil penggunaan hosting. 4. Pemeliharaan hosting.',
    'Langkah 5, jawaban "Tidak": surat permohonan dikembalikan kepada PD dengan Surat Pemberitahuan, untuk dikaji ulang, diperbaiki dan dikirim kembali sebagai permohonan baru. Pada bagan alir jalur "Tidak" melewati kolom Kadis; Surat Pemberitahuan ditandatangani Kepala Dinas (tafsiran).',
    'Langkah 6–8: pelaksananya ditulis "Bidang Aplikasi dan Informatika"; yang mengerjakan adalah JFT/petugas teknis bidang itu (langkah 4 menyebut pengkajian bersama JFT), maka dipetakan ke peran petugas teknis.',
    'SOP tidak memberi waktu penyelesaian layanan secara keseluruhan; jumlah mutu baku waktu per langkah adalah 2 hari kerja dan 46 menit.',
    'Baris 8–10 di akhir tabel naskah adalah panah bagan alir (jalur "Tidak" dan "Pekerjaan Selesai"), bukan langkah tersendiri.',
  ],
};

// ---------------------------------------------------------------------------------------------
// D. Pontianak, Permohonan Hosting
// ---------------------------------------------------------------------------------------------

const SURAT_SUBDOMAIN = 'Surat Permohonan Sub Domain dari OPD (memuat nama sub domain)';
const WEB_PANEL = 'Web Panel Login (Sub domain, Username dan password)';

const pontianakHosting: SopTemplate = {
  key: 'pontianak-hosting',
  name: 'Permohonan Hosting',
  source:
    'SOP Permohonan Hosting, Dinas Komunikasi dan Informatika Kota Pontianak, Bidang Tata Kelola Pemerintahan Berbasis Elektronik dan Telematika, ' +
    'Seksi Pengembangan Kebijakan dan Aplikasi Informatika (Nomor SOP / TKPBET.DKI / 2020, tanggal pembuatan 3 Februari 2020, tanggal efektif 2020)',
  subject: 'request',
  serviceStandard: none,
  roles: [
    OPD,
    { key: 'kadis', label: 'Kepala Dinas', systemRole: 'kadis' },
    { key: 'kabid_tkpbet', label: 'Kabid TKPBET', systemRole: 'kabid' },
    { key: 'seksi_pkai', label: 'Seksi PK&AI (Pengembangan Kebijakan dan Aplikasi Informatika)', systemRole: 'technical' },
    { key: 'seksi_pksi', label: 'Seksi PKSI (Keamanan dan Persandian)', systemRole: 'security' },
    { key: 'seksi_sptik', label: 'Seksi SPTIK', systemRole: 'technical' },
  ],
  start: 'd0',
  steps: [
    {
      id: 'd0',
      number: '0',
      kind: 'disposition',
      title: 'Kepala Dinas mendisposisikan surat permohonan kepada Kabid TKPBET',
      actor: 'kadis',
      to: 'kabid_tkpbet',
      inputs: [SURAT_SUBDOMAIN],
      standard: none,
      output: 'Disposisi Kepala Dinas',
      next: 'd1',
    },
    {
      id: 'd1',
      number: '1',
      kind: 'disposition',
      title:
        'Menerima dan menelaah disposisi Surat dari Kepala Dinas dan mendisposisikan kepada Kepala Seksi Pengembangan Kebijakan dan Aplikasi Informatika',
      actor: 'kabid_tkpbet',
      to: 'seksi_pkai',
      inputs: [SURAT_SUBDOMAIN],
      standard: minutes(15),
      output: 'Surat telah didisposisikan',
      next: 'd2',
    },
    {
      id: 'd2',
      number: '2',
      kind: 'task',
      title:
        'Menerima dan menelaah surat permohonan dilanjutkan dengan melakukan koordinasi dengan Seksi Keamanan dan Persandian, konfirmasi pada OPD Pemohon yang memohon hosting. ' +
        'Meminta file aplikasi yang akan dihosting kepada pemohon untuk dilakukan verifikasi dan evaluasi keamanan sistem informasi',
      actor: 'seksi_pkai',
      inputs: [SURAT_SUBDOMAIN, 'File aplikasi yang akan dihosting', 'Komputer'],
      standard: minutes(15),
      output: 'Surat telah diterima dan dikoordinasikan',
      pause: { reason: 'Menunggu file aplikasi dari OPD pemohon' },
      next: 'd3',
    },
    {
      id: 'd3',
      number: '3',
      kind: 'task',
      title: 'Melakukan verifikasi dan evaluasi keamanan sistem informasi terhadap file aplikasi yang akan dihosting',
      actor: 'seksi_pksi',
      inputs: ['File aplikasi yang akan dihosting', 'Komputer, dll'],
      standard: hoursRange(12, 24),
      output: 'Pelaksanaan kegiatan telah dilaksanakan',
      pause: { reason: 'Menunggu perbaikan file aplikasi dari OPD pemohon' },
      records: ['security_evaluation'],
      next: 'd4',
    },
    {
      id: 'd4',
      number: '4',
      kind: 'task',
      title:
        'Menerima file aplikasi yang telah diverifikasi untuk selanjutnya dilakukan proses hosting dan uploading serta membuat IP address, ' +
        'Web Panel Login (Sub domain, Username dan password) dan disampaikan ke Seksi PK&AI',
      actor: 'seksi_sptik',
      inputs: ['File aplikasi yang akan dihosting', 'IP address', WEB_PANEL, 'Komputer, dll'],
      standard: hoursRange(8, 24),
      output: 'Pelaksanaan kegiatan telah dilaksanakan',
      records: ['hosting_record'],
      next: 'd5',
    },
    {
      id: 'd5',
      number: '5',
      kind: 'task',
      title: 'Melakukan penambahan/pembuatan nama sub domain. Kemudian menginformasikan kepada OPD yang memohon',
      actor: 'seksi_pkai',
      inputs: ['IP address', WEB_PANEL, 'Komputer, dll'],
      standard: minutes(15),
      output: 'Pelaksanaan kegiatan selesai dilaksanakan',
      records: ['hosting_record'],
      next: 'd6',
    },
    {
      id: 'd6',
      number: '6',
      kind: 'task',
      title: 'Menerima nama sub domain dan web panel login',
      actor: 'opd',
      inputs: ['IP address', WEB_PANEL, 'Komputer, dll'],
      standard: minutes(15),
      output: 'Pelaksanaan kegiatan selesai dilaksanakan',
      next: 'd_end',
    },
    { id: 'd_end', kind: 'end', title: 'Selesai', outcome: 'selesai' },
  ],
  notes: [
    'Langkah 0 tidak ada di tabel SOP: tabel dimulai dari Kabid TKPBET yang menerima disposisi surat dari Kepala Dinas (langkah 1), maka disposisi Kepala Dinas ditambahkan sebagai langkah 0 tanpa standar waktu.',
    'Pelaksana tiap langkah disimpulkan dari urutan kolom tabel (tanda pada kolom pelaksana hilang pada naskah): 1 Kabid TKPBET, 2 Seksi PK&AI, 3 Seksi PKSI, 4 Seksi SPTIK, 5 Seksi PK&AI, 6 OPD Pemohon.',
    'Langkah 2: permohonan dapat dijeda sambil menunggu file aplikasi dari OPD pemohon; jam standar waktu berhenti selama jeda.',
    'Langkah 3: SOP tidak memberi cabang bila evaluasi keamanan tidak lolos. Bila file aplikasi belum aman, petugas keamanan menjeda permohonan dan meminta OPD pemohon memperbaiki filenya, lalu melanjutkan evaluasi.',
    'Pencatatan dan pendataan: 1. Membuat daftar sistem informasi / aplikasi yang dihosting. 2. Membuat laporan tahunan subdomain.',
    'Peringatan (dari SOP): bila adanya kerusakan pada perangkat / peralatan di Ruang Rapat Pontive Center agar segera diperbaiki guna mendukung kelancaran kegiatan-kegiatan yang akan dilaksanakan.',
    'SOP tidak memberi waktu penyelesaian layanan secara keseluruhan; jumlah mutu baku waktu per langkah adalah 21–49 jam.',
  ],
};

// ---------------------------------------------------------------------------------------------
// Pengelolaan Pengaduan (complaints), from the Pekalongan standar pelayanan
// ---------------------------------------------------------------------------------------------

const pengaduan: SopTemplate = {
  key: 'pengaduan',
  name: 'Pengelolaan Pengaduan',
  source:
    'Pengelolaan Pengaduan pada standar pelayanan Dinas Komunikasi dan Informatika Kota Pekalongan ' +
    '(Pelayanan Hosting, SK 060/040/III Tahun 2022; Pelayanan Domain)',
  subject: 'complaint',
  serviceStandard: none,
  roles: [
    { key: 'pemohon', label: 'Pemohon (pengadu)', systemRole: 'front_desk', external: true },
    { key: 'petugas', label: 'Petugas', systemRole: 'technical' },
    { key: 'pejabat_pengaduan', label: 'Pejabat Pengaduan', systemRole: 'kabid' },
  ],
  start: 'e1',
  steps: [
    {
      id: 'e1',
      number: '1',
      kind: 'task',
      title:
        'Pemohon menyampaikan pemberitahuan (pengaduan) kepada Dinas Kominfo, langsung atau tak langsung melalui telepon, e-mail, website, Twitter atau Instagram',
      actor: 'pemohon',
      inputs: ['Pemberitahuan pemohon'],
      standard: none,
      output: 'Pengaduan tercatat',
      next: 'e2',
    },
    {
      id: 'e2',
      number: '2',
      kind: 'task',
      title: 'Petugas merespon atas pemberitahuan pemohon sampai mendapatkan solusi',
      actor: 'petugas',
      inputs: ['Pengaduan tercatat'],
      standard: none,
      output: 'Tanggapan kepada pemohon',
      next: 'e3a',
    },
    {
      id: 'e3a',
      number: '3a',
      kind: 'decision',
      title: 'Masalah terselesaikan oleh petugas?',
      question: 'Masalah terselesaikan oleh petugas?',
      actor: 'petugas',
      inputs: ['Tanggapan kepada pemohon'],
      standard: none,
      output: 'Solusi, atau pengaduan untuk diteruskan',
      branches: [
        { key: 'ya', label: 'Ya', next: 'e_end' },
        { key: 'tidak', label: 'Tidak', next: 'e3b' },
      ],
    },
    {
      id: 'e3b',
      number: '3b',
      kind: 'disposition',
      title: 'Apabila petugas tidak dapat menyelesaikan masalah, maka pengaduan diteruskan ke Pejabat Dinas Kominfo',
      actor: 'petugas',
      to: 'pejabat_pengaduan',
      inputs: ['Pengaduan tercatat', 'Tanggapan kepada pemohon'],
      standard: none,
      output: 'Pengaduan diteruskan',
      next: 'e4',
    },
    {
      id: 'e4',
      number: '4',
      kind: 'task',
      title: 'Pejabat Kominfo menyelesaikan permasalahan sampai tuntas dan mendapatkan solusi',
      actor: 'pejabat_pengaduan',
      inputs: ['Pengaduan diteruskan'],
      standard: none,
      output: 'Solusi',
      next: 'e_end',
    },
    { id: 'e_end', kind: 'end', title: 'Pengaduan selesai', outcome: 'selesai' },
  ],
  notes: [
    'Pengaduan tak langsung: telepon, e-mail, website, Twitter dan Instagram kantor; pengaduan langsung: pemohon datang ke Dinas Kominfo. Front desk mencatat pengaduan atas nama pemohon.',
    'Standar pelayanan tidak memberi waktu untuk penanganan pengaduan: setiap langkah tanpa standar waktu; kantor dapat mengisinya di editor.',
    'Butir 3 standar pelayanan dipecah menjadi keputusan (3a) dan penerusan pengaduan (3b).',
    'Pejabat Pengaduan dipetakan ke peran Kepala Bidang: standar pelayanan menyebut seorang Pejabat Pengaduan yang ditunjuk kantor. Ubah peran sistemnya di editor bila kantor menunjuk pejabat lain.',
  ],
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The five built-in templates, frozen: they are shared by every caller, so copy one
 * (`structuredClone`) before editing it.
 */
export const BUILTIN_TEMPLATES: readonly SopTemplate[] = deepFreeze([
  pekalonganHosting,
  pekalonganDomain,
  tarakanHostingSubdomain,
  pontianakHosting,
  pengaduan,
]);

/** The built-in template with this key, if any. */
export function builtinTemplate(key: string): SopTemplate | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.key === key);
}
