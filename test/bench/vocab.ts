/**
 * Words and names for the synthetic register: OPD, letter subjects and summaries as an Indonesian
 * city office writes them, so full-text search meets a realistic spread of common and rare words.
 */

/** A small fast PRNG (mulberry32), seeded, so the same parameters give the same register. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export const OPD_NAMES: ReadonlyArray<[string, string]> = [
  ['Dinas Pendidikan', 'Disdik'],
  ['Dinas Kesehatan', 'Dinkes'],
  ['Badan Perencanaan Pembangunan Daerah', 'Bappeda'],
  ['Badan Pengelolaan Keuangan dan Aset Daerah', 'BPKAD'],
  ['Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'BKPSDM'],
  ['Dinas Kependudukan dan Pencatatan Sipil', 'Disdukcapil'],
  ['Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'DPMPTSP'],
  ['Dinas Pekerjaan Umum dan Penataan Ruang', 'DPUPR'],
  ['Dinas Perhubungan', 'Dishub'],
  ['Dinas Lingkungan Hidup', 'DLH'],
  ['Dinas Sosial', 'Dinsos'],
  ['Dinas Tenaga Kerja', 'Disnaker'],
  ['Dinas Pariwisata dan Kebudayaan', 'Disparbud'],
  ['Dinas Perdagangan', 'Disdag'],
  ['Dinas Koperasi dan Usaha Mikro', 'Dinkop'],
  ['Dinas Pertanian dan Ketahanan Pangan', 'Dispertan'],
  ['Dinas Perumahan dan Kawasan Permukiman', 'Disperkim'],
  ['Dinas Pemuda dan Olahraga', 'Dispora'],
  ['Dinas Perpustakaan dan Kearsipan', 'Dispusip'],
  ['Satuan Polisi Pamong Praja', 'Satpol PP'],
  ['Badan Penanggulangan Bencana Daerah', 'BPBD'],
  ['Badan Pendapatan Daerah', 'Bapenda'],
  ['Inspektorat Daerah', 'Inspektorat'],
  ['Sekretariat Daerah', 'Setda'],
  ['Sekretariat DPRD', 'Setwan'],
  ['Rumah Sakit Umum Daerah', 'RSUD'],
  ['Kecamatan Pekalongan Barat', 'Kec. Pekbar'],
  ['Kecamatan Pekalongan Timur', 'Kec. Pektim'],
  ['Kecamatan Pekalongan Utara', 'Kec. Pekut'],
  ['Kecamatan Pekalongan Selatan', 'Kec. Pekse'],
  ['Kelurahan Podosugih', 'Kel. Podosugih'],
  ['Kelurahan Kraton Lor', 'Kel. Kraton Lor'],
  ['Kelurahan Panjang Wetan', 'Kel. Panjang Wetan'],
  ['Kelurahan Medono', 'Kel. Medono'],
  ['Kelurahan Bendan Kergon', 'Kel. Bendan'],
  ['Bagian Hukum Setda', 'Bag. Hukum'],
  ['Bagian Organisasi Setda', 'Bag. Organisasi'],
  ['Bagian Pengadaan Barang dan Jasa', 'Bag. PBJ'],
  ['Badan Kesatuan Bangsa dan Politik', 'Kesbangpol'],
  ['Dinas Pengendalian Penduduk dan Keluarga Berencana', 'DPPKB'],
];

/** Senders outside the OPD list (schools, vertical agencies, companies, citizens). */
export const OTHER_SENDERS: readonly string[] = [
  'SMP Negeri 1 Pekalongan',
  'SMP Negeri 7 Pekalongan',
  'SMA Negeri 2 Pekalongan',
  'SD Negeri Kergon 01',
  'Puskesmas Bendan',
  'Puskesmas Medono',
  'Badan Pusat Statistik Kota Pekalongan',
  'Kantor Kementerian Agama Kota Pekalongan',
  'Polres Pekalongan Kota',
  'Kodim 0710 Pekalongan',
  'Pengadilan Negeri Pekalongan',
  'Universitas Pekalongan',
  'PT Telkom Indonesia Witel Pekalongan',
  'Diskominfo Provinsi Jawa Tengah',
  'Badan Siber dan Sandi Negara',
  'Kementerian Komunikasi dan Digital',
  'Komisi Informasi Provinsi Jawa Tengah',
  'Ombudsman RI Perwakilan Jawa Tengah',
  'Radio Kota Batik',
  'Forum Anak Kota Pekalongan',
];

export const APPS: readonly string[] = [
  'SIMPEG', 'e-Kinerja', 'SIPD', 'e-Office', 'SIAKAD', 'SIMRS', 'e-Retribusi', 'SIPAKAR', 'e-PPID', 'LPSE', 'JDIH',
  'SIMDA', 'e-Musrenbang', 'SIGAP', 'Si Cantik', 'e-Arsip', 'SIKS-NG', 'e-Lapor', 'SIPERDA', 'Open Data', 'SatuData',
  'e-Perizinan', 'SIMBG', 'Dapodik', 'PPDB', 'e-Surat', 'e-Presensi', 'SIMAK BMN', 'e-Budgeting', 'Sistem Antrean',
];

export const HOSTING_SUBJECTS: readonly string[] = [
  'Permohonan hosting aplikasi {app}',
  'Permohonan layanan hosting dan subdomain untuk {app}',
  'Permohonan penempatan server aplikasi {app}',
  'Permohonan pemindahan hosting {app} ke pusat data',
  'Permohonan penambahan kapasitas hosting {app}',
];

export const SUBDOMAIN_SUBJECTS: readonly string[] = [
  'Permohonan subdomain {sub}.pekalongankota.go.id',
  'Permohonan pembuatan subdomain untuk aplikasi {app}',
  'Permohonan perubahan alamat subdomain {sub}',
  'Permohonan sertifikat SSL subdomain {sub}',
];

export const WEBSITE_SUBJECTS: readonly string[] = [
  'Permohonan pembuatan situs web {opd}',
  'Permohonan pengembangan laman resmi {opd}',
  'Permohonan pembaruan tampilan situs web {opd}',
  'Permohonan pelatihan admin situs web {opd}',
];

export const OTHER_SUBJECTS: readonly string[] = [
  'Undangan rapat koordinasi {topic}',
  'Undangan sosialisasi {topic}',
  'Pemberitahuan jadwal {topic}',
  'Permohonan data {topic}',
  'Permohonan narasumber kegiatan {topic}',
  'Laporan pelaksanaan {topic}',
  'Penyampaian dokumen {topic}',
  'Permohonan dukungan jaringan internet untuk {topic}',
  'Permohonan peliputan kegiatan {topic}',
  'Permohonan publikasi {topic} di media sosial',
  'Surat edaran tentang {topic}',
  'Nota dinas perihal {topic}',
  'Permohonan zoom meeting {topic}',
  'Permohonan peminjaman ruang rapat untuk {topic}',
  'Permohonan informasi publik {topic}',
];

export const TOPICS: readonly string[] = [
  'Musrenbang tingkat kota', 'penyusunan RKPD', 'statistik sektoral', 'Satu Data Indonesia', 'keamanan informasi',
  'sistem pemerintahan berbasis elektronik', 'indeks SPBE', 'peringatan Hari Jadi Kota', 'Pilkada serentak',
  'penanganan stunting', 'vaksinasi', 'pajak daerah', 'retribusi pasar', 'car free day', 'Festival Batik',
  'pengelolaan pengaduan masyarakat', 'SP4N-LAPOR', 'keterbukaan informasi publik', 'PPID pembantu', 'persandian',
  'tanda tangan elektronik', 'sertifikat elektronik BSrE', 'jaringan intra pemerintah', 'command center', 'CCTV kota',
  'wifi publik', 'literasi digital', 'smart city', 'evaluasi kinerja', 'anggaran perubahan', 'barang milik daerah',
  'pengadaan perangkat', 'audit TIK', 'pemeliharaan server', 'pemadaman listrik', 'libur nasional', 'apel pagi',
  'Hari Kesaktian Pancasila', 'Hari Kemerdekaan', 'bulan Ramadan', 'Idul Fitri', 'banjir rob', 'siaga bencana',
];

export const SUMMARY_WORDS: readonly string[] = (
  'dengan hormat bersama ini kami sampaikan bahwa dalam rangka pelaksanaan kegiatan mohon kiranya bapak ibu berkenan ' +
  'untuk memberikan dukungan fasilitasi koordinasi data informasi aplikasi server jaringan domain alamat ip pengguna ' +
  'operator admin pelatihan tahun anggaran sesuai ketentuan peraturan wali kota nomor tentang standar pelayanan ' +
  'publik keamanan sistem elektronik terlampir dokumen kebutuhan spesifikasi teknis kapasitas penyimpanan basis ' +
  'lampiran atas perhatian dan kerja samanya diucapkan terima kasih segera mungkin paling lambat tanggal bulan ' +
  'kantor dinas bidang seksi kepala sekretaris pelaksana teknis kegiatan program prioritas daerah'
).split(' ');

export const PAUSE_NOTES: readonly string[] = [
  'Menunggu berkas aplikasi dari OPD.',
  'Menunggu konfirmasi nama subdomain dari OPD.',
  'Menunggu surat pengantar yang ditandatangani kepala OPD.',
];
