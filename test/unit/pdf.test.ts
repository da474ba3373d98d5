/**
 * The printed documents of a letter (lembar disposisi, tanda terima), rendered from a real register
 * and read back with poppler (pdftotext, pdfinfo): content, one page on every paper, the paper
 * size, no text outside the page's margins, and the same bytes for the same letter.
 *
 * Set LOKET_PDF_OUT=/some/folder to keep the rendered PDFs for a look.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { openRegister, type Db } from '../../electron/core/db/register';
import { documentFileName, renderLetterDocument } from '../../electron/core/pdf/documents';
import { natureOptions } from '../../electron/core/pdf/disposition';
import { formMargins, PAPER_POINTS } from '../../electron/core/pdf/paper';
import { formatNip, officeTitle } from '../../electron/core/pdf/signature';
import { FileStore } from '../../electron/core/services/files';
import { registerLetter } from '../../electron/core/services/letters';
import { initializeOffice, listOfficials, saveInstruction, saveOffice, saveOfficial, getOffice } from '../../electron/core/services/office';
import { JsonPrefsStore } from '../../electron/core/services/prefs';
import { KeyFileSecretBox } from '../../electron/core/services/secrets';
import type { Printing } from '../../electron/core/services/printing';
import {
  LetterInputSchema,
  OfficeProfileSchema,
  OfficialInputSchema,
  OpdInputSchema,
  PAPER_SIZES,
  type DocumentKind,
  type LetterInput,
  type PaperSize,
} from '../../shared/api/schemas';

// ---------------------------------------------------------------------------------------------
// A small valid PNG (an emblem-like disc) made here, so the letterhead has a logo to place.

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGBA disc on a transparent ground, as emblems usually come. */
function emblemPng(size = 96): Buffer {
  const stride = size * 4 + 1;
  const raw = Buffer.alloc(stride * size);
  for (let y = 0; y < size; y++) {
    raw[y * stride] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const dx = x - size / 2 + 0.5;
      const dy = y - size / 2 + 0.5;
      const r = Math.sqrt(dx * dx + dy * dy) / (size / 2);
      const rgba = r > 1 ? [0, 0, 0, 0] : r > 0.85 ? [200, 150, 20, 255] : r > 0.45 ? [20, 90, 160, 255] : [230, 190, 40, 255];
      raw.set(rgba, y * stride + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Poppler.

function pdftotext(pdf: Buffer, layout: boolean): string {
  const args = layout ? ['-layout', '-enc', 'UTF-8', '-', '-'] : ['-enc', 'UTF-8', '-', '-'];
  return execFileSync('pdftotext', args, { input: pdf }).toString('utf8');
}

function pdfinfo(pdf: Buffer): { pages: number; pageSize: string; creationDate: string; title: string } {
  const out = execFileSync('pdfinfo', ['-isodates', '-'], { input: pdf }).toString('utf8');
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(out)?.[1]?.trim() ?? '';
  return { pages: Number(field('Pages')), pageSize: field('Page size'), creationDate: field('CreationDate'), title: field('Title') };
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box, from pdftotext -bbox. */
function words(pdf: Buffer): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
  const out: Word[] = [];
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    out.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5] ?? '' });
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * All the words run together in reading order. (pdftotext's plain output drops a hyphen at the end
 * of a line, taking it for hyphenation; the words of -bbox keep it.)
 */
const joinedWords = (pdf: Buffer) => words(pdf).map((w) => w.text).join('');

// ---------------------------------------------------------------------------------------------
// A register with an office, its officials and a letter.

const NOW = new Date('2026-12-24T06:00:00.000Z');
const LONG_NUMBER = '800.1.2.3/0123/DINKES-SEKRETARIAT/SUBBAG-UMUM-DAN-KEPEGAWAIAN/BIDANG-PELAYANAN/XII/2026-A1B2C3D4E5F6';
const LONG_SENDER =
  'Dinas Kependudukan dan Pencatatan Sipil serta Pemberdayaan Perempuan Perlindungan Anak dan Keluarga Berencana Kab Batang';
/** The longest subject the form accepts (500 characters). */
const LONG_SUBJECT = `Permohonan hosting dan subdomain untuk ${'aplikasi sistem informasi pelayanan kesehatan masyarakat terpadu '.repeat(8)}`.slice(0, 499) + '.';
const OUT = process.env.LOKET_PDF_OUT;

const dummyPrinting: Printing = {
  list: async () => ({ available: false, printers: [], message: 'uji' }),
  print: async () => ({ jobId: 'uji' }),
};

interface Fixture {
  ctx: CoreContext;
  db: Db;
  dataDir: string;
  adminId: number;
  letterId: number;
  longLetterId: number;
}

async function makeRegister(): Promise<Fixture> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-pdf-'));
  const db = await openRegister({ dataDir, now: () => NOW });
  const ctx: CoreContext = {
    db,
    dataDir,
    resourcesDir: path.resolve('resources'),
    files: new FileStore(db, path.join(dataDir, 'files'), () => NOW),
    prefs: new JsonPrefsStore(path.join(dataDir, 'prefs.json')),
    printing: dummyPrinting,
    secrets: new KeyFileSecretBox(dataDir),
    now: () => NOW,
  };
  const logo = ctx.files.put(emblemPng());
  const admin = initializeOffice(
    db,
    {
      office: OfficeProfileSchema.parse({
        government: 'Pemerintah Kota Pekalongan',
        agencyName: 'Dinas Komunikasi dan Informatika',
        address: 'Jl. Mataram No. 5 Pekalongan Barat',
        postcode: '51111',
        phone: '(0285) 421243',
        website: 'kominfo.pekalongankota.go.id',
        email: 'diskominfo@pekalongankota.go.id',
        city: 'Pekalongan',
        timeZone: 'Asia/Jakarta',
        logoSha256: logo.sha256,
        agendaFormat: '{urut:4}/{kode}/{tahun}',
      }),
      officials: [
        OfficialInputSchema.parse({
          position: 'kadis',
          title: 'Kepala Dinas Komunikasi dan Informatika',
          name: 'ARIF KARYADI, S.Sos., M.Si.',
          rank: 'Pembina Tingkat I (IV/b)',
          nip: '197110171999031007',
          acting: true,
        }),
        OfficialInputSchema.parse({
          position: 'kabid',
          title: 'Kepala Bidang Aplikasi dan Informatika',
          unit: 'Bidang Aptika',
          name: 'SITI RAHAYU, S.Kom',
          rank: 'Penata Tingkat I (III/d)',
          nip: '198001012005012002',
        }),
        OfficialInputSchema.parse({
          position: 'kabid',
          title: 'Kepala Bidang Infrastruktur dan Statistik',
          unit: 'Bidang INS',
          name: 'BUDI SANTOSO, S.Kom',
          nip: '198203032006041003',
        }),
        OfficialInputSchema.parse({
          position: 'kabid',
          title: 'Kepala Bidang Persandian Yang Sudah Dihapus',
          name: 'MANTAN PEJABAT',
          active: false,
        }),
      ],
      opd: [OpdInputSchema.parse({ name: 'Dinas Pendidikan', shortName: 'Disdik' })],
      admin: { username: 'admin', fullName: 'Rina Wulandari', password: 'rahasia-admin-1' },
    },
    NOW,
  );
  const base: LetterInput = {
    senderName: 'Dinas Pendidikan',
    letterNumber: '005/123/Disdik/XII/2026',
    letterDate: '2026-12-20',
    receivedAt: '2026-12-24T09:05',
    subject: 'Permohonan hosting aplikasi PPDB',
    summary: 'Mohon disediakan hosting dan subdomain ppdb.pekalongankota.go.id untuk penerimaan peserta didik baru.',
    nature: 'segera',
    classificationCode: '500.12',
    service: 'hosting',
  };
  const letterId = registerLetter(db, LetterInputSchema.parse(base), admin.id, NOW).id;
  const longLetterId = registerLetter(
    db,
    LetterInputSchema.parse({
      ...base,
      senderName: LONG_SENDER,
      letterNumber: LONG_NUMBER,
      nature: 'sangat_segera',
      subject: LONG_SUBJECT,
      summary: 'Isi ringkas yang panjang sekali. '.repeat(60).slice(0, 2000).trim(),
    }),
    admin.id,
    NOW,
  ).id;
  return { ctx, db, dataDir, adminId: admin.id, letterId, longLetterId };
}

async function render(f: Fixture, kind: DocumentKind, letterId: number, paper: PaperSize, variant?: string) {
  const doc = await renderLetterDocument(f.ctx, kind, letterId, paper);
  if (OUT) {
    fs.mkdirSync(OUT, { recursive: true });
    const name = variant ?? (letterId === f.letterId ? 'normal' : 'long');
    fs.writeFileSync(path.join(OUT, `${kind}-${name}-${paper}.pdf`), doc.data);
  }
  return doc;
}

const EXPECTED_SIZE: Record<PaperSize, string> = {
  A4: '595.28 x 841.89 pts (A4)',
  F4: '609.45 x 935.43 pts',
  HALF_FOLIO: '467.72 x 609.45 pts',
};

let f: Fixture;
beforeAll(async () => {
  f = await makeRegister();
});
afterAll(() => {
  f.db.close();
  fs.rmSync(f.dataDir, { recursive: true, force: true });
});

describe('signature pieces', () => {
  it('writes the NIP in its 8-6-1-3 groups', () => {
    expect(formatNip('197110171999031007')).toBe('19711017 199903 1 007');
    expect(formatNip('19711017 199903 1 007')).toBe('19711017 199903 1 007');
    expect(formatNip('')).toBe('');
  });
  it('prefixes Plt. for an acting official, once', () => {
    expect(officeTitle({ title: 'Kepala Dinas Kominfo', acting: true })).toBe('Plt. Kepala Dinas Kominfo');
    expect(officeTitle({ title: 'Plt. Kepala Dinas Kominfo', acting: true })).toBe('Plt. Kepala Dinas Kominfo');
    expect(officeTitle({ title: 'Kepala Dinas Kominfo', acting: false })).toBe('Kepala Dinas Kominfo');
  });
  it('ticks exactly the letter’s nature among the four Sifat boxes', () => {
    const options = natureOptions('rahasia');
    expect(options.map((o) => o.label)).toEqual(['Sangat Segera', 'Segera', 'Biasa', 'Rahasia']);
    expect(options.filter((o) => o.checked).map((o) => o.label)).toEqual(['Rahasia']);
  });
  it('makes file names without slashes', () => {
    expect(documentFileName('lembar-disposisi', '0001/500.12/2026')).toBe('lembar-disposisi-0001-500.12-2026.pdf');
    expect(documentFileName('tanda-terima', '12 / XII / 2026')).toBe('tanda-terima-12-XII-2026.pdf');
  });
});

describe('lembar disposisi', () => {
  it('carries the letter, the nature boxes, the forwarding options and the Kadis’s signature', async () => {
    const doc = await render(f, 'disposition_sheet', f.letterId, 'A4');
    expect(doc.fileName).toBe('lembar-disposisi-0001-500.12-2026.pdf');
    expect(doc.pages).toBe(1);
    const text = pdftotext(doc.data, true);
    for (const expected of [
      'PEMERINTAH KOTA PEKALONGAN',
      'DINAS KOMUNIKASI DAN INFORMATIKA',
      'Kode Pos 51111',
      'diskominfo@pekalongankota.go.id',
      'LEMBAR DISPOSISI',
      'Dinas Pendidikan',
      '005/123/Disdik/XII/2026',
      '20 Desember 2026',
      '0001/500.12/2026',
      'Sangat Segera',
      'Rahasia',
      'Permohonan hosting aplikasi PPDB',
      'ppdb.pekalongankota.go.id',
      'Diteruskan kepada Sdr.:',
      'Kepala Bidang Aplikasi dan Informatika',
      'Kepala Bidang Infrastruktur dan Statistik',
      'Dengan hormat harap:',
      'Tanggapan dan saran',
      'Koordinasi/konfirmasikan',
      'Catatan:',
      'Pekalongan,',
      'Plt. Kepala Dinas Komunikasi dan Informatika,',
      'ARIF KARYADI, S.Sos., M.Si.',
      'Pembina Tingkat I (IV/b)',
      'NIP. 19711017 199903 1 007',
      'Dicetak dari Loket — No. agenda 0001/500.12/2026',
      'Halaman 1 dari 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Persandian Yang Sudah Dihapus');
    expect(joinedWords(doc.data)).toContain(squash('24 Desember 2026 pukul 09.05 WIB'));
    expect(pdfinfo(doc.data).pageSize).toBe(EXPECTED_SIZE.A4);
  });

  it('prints the same bytes for the same letter, dated by its receipt', async () => {
    const a = await renderLetterDocument(f.ctx, 'disposition_sheet', f.letterId, 'F4');
    const b = await renderLetterDocument(f.ctx, 'disposition_sheet', f.letterId, 'F4');
    expect(a.data.equals(b.data)).toBe(true);
    const info = pdfinfo(a.data);
    expect(info.creationDate).toMatch(/^2026-12-24T02:05:00/);
    expect(info.title).toBe('Lembar Disposisi 0001/500.12/2026');
  });

  it('leaves a blank signature for a vacant Kadis, and drops "Plt." for a definitive one', async () => {
    const kadis = listOfficials(f.db).find((o) => o.position === 'kadis');
    if (!kadis) throw new Error('no kadis');
    try {
      saveOfficial(f.db, { ...kadis, active: false });
      const vacant = pdftotext((await render(f, 'disposition_sheet', f.letterId, 'HALF_FOLIO', 'vacant')).data, true);
      expect(vacant).toContain('Kepala Dinas,');
      expect(vacant).toContain('NIP.');
      expect(vacant).not.toContain('ARIF KARYADI');

      saveOfficial(f.db, { ...kadis, acting: false, active: true });
      const definitive = pdftotext((await renderLetterDocument(f.ctx, 'disposition_sheet', f.letterId, 'A4')).data, true);
      expect(definitive).toContain('Kepala Dinas Komunikasi dan Informatika,');
      expect(definitive).not.toContain('Plt.');
    } finally {
      saveOfficial(f.db, kadis);
    }
  });

  it('stays on one page with many Kabid and instructions on half folio', async () => {
    const extra: number[] = [];
    for (let i = 1; i <= 4; i++) {
      extra.push(saveOfficial(f.db, OfficialInputSchema.parse({ position: 'kabid', title: `Kepala Bidang Tambahan Nomor ${i} Urusan Statistik dan Persandian`, name: `PEJABAT ${i}` })).id);
    }
    const ids: number[] = [];
    for (let i = 1; i <= 6; i++) ids.push(saveInstruction(f.db, { label: `Instruksi tambahan nomor ${i} yang agak panjang untuk diuji`, active: true }).id as number);
    try {
      for (const paper of PAPER_SIZES) {
        const doc = await render(f, 'disposition_sheet', f.longLetterId, paper, 'crowded');
        expect(pdfinfo(doc.data).pages, paper).toBe(1);
        const text = pdftotext(doc.data, false);
        expect(squash(text), paper).toContain(squash('Kepala Bidang Tambahan Nomor 4 Urusan Statistik dan Persandian'));
        expect(squash(text), paper).toContain(squash('NIP. 19711017 199903 1 007'));
      }
    } finally {
      for (const id of extra) {
        const o = listOfficials(f.db).find((x) => x.id === id);
        if (o) saveOfficial(f.db, { ...o, active: false });
      }
      for (const id of ids) f.db.prepare('UPDATE disposition_instructions SET active = 0 WHERE id = ?').run(id);
    }
  });

  it('prints without the logo when its file is gone', async () => {
    const office = getOffice(f.db);
    const file = path.join(f.dataDir, 'files', office.logoSha256!.slice(0, 2), office.logoSha256!);
    const moved = `${file}.bak`;
    fs.renameSync(file, moved);
    try {
      const doc = await renderLetterDocument(f.ctx, 'receipt', f.letterId, 'A4');
      expect(doc.pages).toBe(1);
      expect(pdftotext(doc.data, true)).toContain('TANDA TERIMA SURAT');
    } finally {
      fs.renameSync(moved, file);
    }
  });
});

describe('tanda terima', () => {
  it('tells the deliverer the agenda number, the letter and whom to ask', async () => {
    const doc = await render(f, 'receipt', f.letterId, 'HALF_FOLIO');
    expect(doc.fileName).toBe('tanda-terima-0001-500.12-2026.pdf');
    expect(doc.pages).toBe(1);
    const text = pdftotext(doc.data, true);
    for (const expected of [
      'TANDA TERIMA SURAT',
      'Nomor agenda',
      '0001/500.12/2026',
      '24 Desember 2026 pukul 09.05 WIB',
      'Dinas Pendidikan',
      '005/123/Disdik/XII/2026',
      '20 Desember 2026',
      'Permohonan hosting aplikasi PPDB',
      'Segera',
      'Hosting',
      'Simpan tanda terima ini. Sebutkan nomor agenda bila menanyakan permohonan Anda.',
      'Pekalongan, 24 Desember 2026',
      'Petugas penerima,',
      'Rina Wulandari',
      'Telepon (0285) 421243',
      'Laman kominfo.pekalongankota.go.id',
    ]) {
      expect(text).toContain(expected);
    }
    expect(pdfinfo(doc.data).pageSize).toBe(EXPECTED_SIZE.HALF_FOLIO);
  });
});

describe.each(PAPER_SIZES)('on %s', (paper) => {
  it.each(['disposition_sheet', 'receipt'] as const)('%s with a 100-character letter number and a 120-character sender fits one page', async (kind) => {
    expect(LONG_NUMBER).toHaveLength(100);
    expect(LONG_SENDER).toHaveLength(120);
    expect(LONG_SUBJECT).toHaveLength(500);
    const doc = await render(f, kind, f.longLetterId, paper);
    const info = pdfinfo(doc.data);
    expect(info.pages).toBe(1);
    expect(doc.pages).toBe(1);
    expect(info.pageSize).toBe(EXPECTED_SIZE[paper]);

    const text = joinedWords(doc.data);
    expect(text).toContain(squash(LONG_NUMBER));
    expect(text).toContain(squash(LONG_SENDER));
    expect(text).toContain(squash(LONG_SUBJECT));
    expect(text).toContain('0002/500.12/2026');
    expect(text).toContain(squash('24 Desember 2026'));
    // Only the 2000-character Isi ringkas of the disposition sheet is cut (once, with "…").
    expect(text.split('…').length - 1).toBe(kind === 'disposition_sheet' ? 1 : 0);

    expectInsideMargins(doc.data, paper, '0002/500.12/2026');
  });
});

/** No word outside the margins, and nothing but the footer in the bottom margin. */
function expectInsideMargins(pdf: Buffer, paper: PaperSize, agendaNumber: string): void {
  const [width, height] = PAPER_POINTS[paper];
  const m = formMargins(paper);
  const all = words(pdf);
  expect(all.length).toBeGreaterThan(50);
  for (const w of all) {
    expect(w.xMin, w.text).toBeGreaterThanOrEqual(m.left - 1);
    expect(w.xMax, w.text).toBeLessThanOrEqual(width - m.right + 1);
    expect(w.yMin, w.text).toBeGreaterThanOrEqual(m.top - 1);
    expect(w.yMax, w.text).toBeLessThanOrEqual(height - 2);
  }
  const inMargin = all.filter((w) => w.yMin > height - m.bottom);
  expect(inMargin.map((w) => w.text).join(' ')).toBe(`Dicetak dari Loket — No. agenda ${agendaNumber} Halaman 1 dari 1`);
}

describe('an office with very long names', () => {
  it.each(PAPER_SIZES)('keeps the letterhead on %s inside the page', async (paper) => {
    const office = getOffice(f.db);
    try {
      saveOffice(
        f.db,
        OfficeProfileSchema.parse({
          ...office,
          government: 'Pemerintah Kota Administrasi Pekalongan Raya Provinsi Jawa Tengah Bagian Utara Pesisir Pantai Laut Jawa Sebelah Barat',
          agencyName: 'Dinas Komunikasi, Informatika, Statistik dan Persandian serta Pengelolaan Data Elektronik, Layanan Pengadaan Secara Elektronik dan Hubungan Masyarakat',
          address: 'Kompleks Perkantoran Terpadu Pemerintah Kota, Gedung B Lantai 3, Jalan Jenderal Sudirman Nomor 125, Kelurahan Kraton Kidul, Kecamatan Pekalongan Barat',
          phone: '(0285) 421243, 421244, 421245 (faksimile)',
        }),
        NOW,
      );
      for (const kind of ['disposition_sheet', 'receipt'] as const) {
        const doc = await render(f, kind, f.longLetterId, paper, 'longoffice');
        expect(pdfinfo(doc.data).pages).toBe(1);
        expectInsideMargins(doc.data, paper, '0002/500.12/2026');
        expect(joinedWords(doc.data)).toContain(squash('DINAS KOMUNIKASI, INFORMATIKA, STATISTIK DAN PERSANDIAN'));
      }
    } finally {
      saveOffice(f.db, office, NOW);
    }
  });
});

describe('office without logo and contacts', () => {
  it('still prints a letterhead', async () => {
    const office = getOffice(f.db);
    try {
      saveOffice(f.db, { ...office, logoSha256: null, phone: '', website: '', email: '' }, NOW);
      const doc = await render(f, 'receipt', f.letterId, 'F4', 'nologo');
      expect(doc.pages).toBe(1);
      const text = pdftotext(doc.data, true);
      expect(text).toContain('PEMERINTAH KOTA PEKALONGAN');
      expect(text).not.toContain('Informasi lebih lanjut');
    } finally {
      saveOffice(f.db, office, NOW);
    }
  });
});
