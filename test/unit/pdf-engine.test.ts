/**
 * The documents that print what the SOP engine recorded: the disposition chain on the lembar
 * disposisi, the surat pemberitahuan of a returned request, and the planned completion on the tanda
 * terima. Requests are driven through real SOPs by their users, and the PDFs read back with poppler.
 *
 * Set LOKET_PDF_OUT=/some/folder to keep the rendered PDFs for a look.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { LetterInputSchema, PAPER_SIZES, UserInputSchema, type DocumentKind, type LetterInput, type PaperSize, type User } from '../../shared/api/schemas';
import { forwardItems, instructionItems, type ChainLevel } from '../../electron/core/pdf/disposition';
import { renderLetterDocument } from '../../electron/core/pdf/documents';
import { addresseeOf } from '../../electron/core/pdf/notice';
import { formMargins, letterMargins, PAPER_POINTS } from '../../electron/core/pdf/paper';
import { formatDayDateTimeId } from '../../electron/core/pdf/records';
import { registerLetter } from '../../electron/core/services/letters';
import { listOfficials, listUsers, saveInstruction, saveUser } from '../../electron/core/services/office';
import { actOnStep, getRequestView, markDispositionsRead, requestIdForLetter, withdrawDisposition, type StepActionInput } from '../../electron/core/services/requests';
import { planSchedule } from '../../electron/core/services/schedule';
import { getTemplate, latestTemplateId, setServiceSop, type SopService } from '../../electron/core/services/sop';
import { createTestOffice, type TestOffice } from './helpers/core';

// ---------------------------------------------------------------------------------------------
// Poppler.

function pdftotext(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
}

function pageCount(pdf: Buffer): number {
  const out = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
  return Number(/^Pages:\s*(\d+)/m.exec(out)?.[1] ?? '0');
}

interface Word {
  text: string;
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

function words(pdf: Buffer): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
  const out: Word[] = [];
  html.split('<page ').slice(1).forEach((page, i) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      out.push({ page: i + 1, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5] ?? '' });
    }
  });
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, '');
/** Every word run together in reading order, to find text that wraps. */
const joined = (pdf: Buffer) => words(pdf).map((w) => w.text).join('');

/** No word outside the page's margins; in the bottom margin, only `footer` words. */
function expectInside(pdf: Buffer, paper: PaperSize, margins: { top: number; bottom: number; left: number; right: number }, footer: RegExp): void {
  const [width, height] = PAPER_POINTS[paper];
  for (const w of words(pdf)) {
    expect(w.xMin, w.text).toBeGreaterThanOrEqual(margins.left - 1);
    expect(w.xMax, w.text).toBeLessThanOrEqual(width - margins.right + 1);
    expect(w.yMin, w.text).toBeGreaterThanOrEqual(margins.top - 1);
    expect(w.yMax, w.text).toBeLessThanOrEqual(height - 2);
    if (w.yMin > height - margins.bottom) expect(w.text, `${w.text} in the bottom margin`).toMatch(footer);
  }
}

const OUT = process.env.LOKET_PDF_OUT;

async function render(o: TestOffice, kind: DocumentKind, letterId: number, paper: PaperSize, variant: string) {
  const doc = await renderLetterDocument(o.core, kind, letterId, paper);
  if (OUT) {
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, `${kind}-${variant}-${paper}.pdf`), doc.data);
  }
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Offices and requests, as in sop-engine.test.ts.

const letter: LetterInput = {
  senderName: 'Dinas Pendidikan',
  letterNumber: '005/77/Disdik/2026',
  letterDate: '2026-11-20',
  subject: 'Permohonan hosting dan subdomain ppdb',
  nature: 'segera',
  classificationCode: '500.12',
  service: 'hosting',
};

/** Monday 23 November 2026, 09.00 WIB. */
const MONDAY_0900 = '2026-11-23T02:00:00.000Z';
const at = (hhmm: string, day = '2026-11-23') => new Date(`${day}T${hhmm}:00+07:00`);

async function office(sop: string, service: SopService = 'hosting') {
  const o = await createTestOffice({ now: MONDAY_0900 });
  setServiceSop(o.core.db, service, sop);
  const users = Object.fromEntries(listUsers(o.core.db).map((u) => [u.role, u])) as Record<User['role'], User>;
  return { ...o, users };
}

function register(o: TestOffice, input: Partial<LetterInput> = {}): { letterId: number; requestId: number | null } {
  o.setClock(MONDAY_0900);
  const l = registerLetter(o.core.db, LetterInputSchema.parse({ ...letter, receivedAt: null, ...input }), o.userIds.front_desk, o.core.now());
  return { letterId: l.id, requestId: requestIdForLetter(o.core.db, l.id) };
}

function act(o: TestOffice, user: User, requestId: number, when: Date, action: Omit<StepActionInput, 'requestId' | 'revision' | 'stepId'>) {
  const view = getRequestView(o.core.db, requestId, user, when);
  actOnStep(o.core.db, { requestId, revision: view.revision, stepId: view.currentStep?.id ?? '', ...action }, user, when);
  return getRequestView(o.core.db, requestId, user, when);
}

/** Links a user account to an official, as the administrator does in Pengaturan. */
function link(o: TestOffice, user: User, officialName: string): void {
  const official = listOfficials(o.core.db).find((x) => x.name === officialName);
  if (!official) throw new Error(`no official ${officialName}`);
  saveUser(o.core.db, UserInputSchema.parse({ id: user.id, username: user.username, fullName: user.fullName, role: user.role, officialId: official.id }), o.core.now());
}

function required(id: number | null): number {
  if (id === null) throw new Error('no request started');
  return id;
}

async function apiError(fn: () => Promise<unknown>): Promise<ApiError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

const DISPOSITION_FOOTER = /^(Dicetak|dari|Loket|—|No\.|agenda|\d+\/500\.12\/2026|Halaman|\d|1)$/;

// ---------------------------------------------------------------------------------------------

describe('the pieces of the chain', () => {
  const level: ChainLevel = {
    fromName: 'ARIF KARYADI, S.Sos',
    fromTitle: 'Plt. Kepala Dinas Komunikasi dan Informatika',
    toLabel: 'Kabid INS',
    recipients: [
      { name: 'BUDI SANTOSO, S.Kom', officialId: 2, readAt: 'Senin, 23 November 2026 pukul 09.07 WIB' },
      { name: 'Pengguna kabid', officialId: null, readAt: null },
    ],
    instructions: ['Proses lebih lanjut', 'Instruksi lama yang sudah dinonaktifkan'],
    note: '',
    at: 'Senin, 23 November 2026 pukul 09.05 WIB',
  };

  it('ticks exactly the chosen instructions, keeping a retired one', () => {
    const items = instructionItems(['Tanggapan dan saran', 'Proses lebih lanjut', 'Arsipkan'], level.instructions, false);
    expect(items.map((i) => [i.label, i.checked])).toEqual([
      ['Tanggapan dan saran', false],
      ['Proses lebih lanjut', true],
      ['Arsipkan', false],
      ['Instruksi lama yang sudah dinonaktifkan', true],
    ]);
    expect(instructionItems(['Tanggapan dan saran', 'Proses lebih lanjut'], level.instructions, true).map((i) => i.label)).toEqual([
      'Proses lebih lanjut',
      'Instruksi lama yang sudah dinonaktifkan',
    ]);
  });

  it('ticks the Kabid option of a linked recipient and adds the others by name and role', () => {
    const options = [
      { officialId: 2, title: 'Kepala Bidang Infrastruktur dan Statistik' },
      { officialId: 3, title: 'Kepala Bidang Aplikasi dan Informatika' },
    ];
    expect(forwardItems(options, level, false)).toEqual([
      { label: 'Kepala Bidang Infrastruktur dan Statistik (BUDI SANTOSO, S.Kom)', checked: true, detail: 'Dibaca: Senin, 23 November 2026 pukul 09.07 WIB' },
      { label: 'Kepala Bidang Aplikasi dan Informatika', checked: false },
      { label: 'Pengguna kabid (Kabid INS)', checked: true },
    ]);
    expect(forwardItems(options, level, true).map((i) => i.label)).toEqual(['Kepala Bidang Infrastruktur dan Statistik (BUDI SANTOSO, S.Kom)', 'Pengguna kabid (Kabid INS)']);
  });

  it('addresses the head of the sender once', () => {
    expect(addresseeOf('Dinas Pendidikan')).toBe('Kepala Dinas Pendidikan');
    expect(addresseeOf('Kepala Badan Perencanaan Pembangunan Daerah')).toBe('Kepala Badan Perencanaan Pembangunan Daerah');
    expect(addresseeOf('kepala sekolah SMPN 1')).toBe('kepala sekolah SMPN 1');
  });
});

describe('lembar disposisi with the chain', () => {
  it('SOP C: prints the Kadis → Kabid disposition with its recipient, instructions, note, date and read date', async () => {
    const o = await office('tarakan-hosting-subdomain');
    const { users } = o;
    const requestId = required(register(o).requestId);
    const letterId = required(getRequestView(o.core.db, requestId, users.kadis, at('09:01')).letterId);

    // Before any disposition: the blank form, with a date to write by hand.
    const blank = pdftotext((await render(o, 'disposition_sheet', letterId, 'A4', 'c-blank')).data);
    expect(blank).not.toContain('Tanggal disposisi');
    expect(blank).toContain('Pekalongan,');

    act(o, users.front_desk, requestId, at('09:03'), { action: 'complete' });
    act(o, users.kadis, requestId, at('09:05'), {
      action: 'dispose',
      recipients: [users.kabid.id],
      instructions: ['Proses lebih lanjut', 'Koordinasi/konfirmasikan'],
      note: 'Segera dikaji bersama JFT.',
    });
    markDispositionsRead(o.core.db, requestId, users.kabid.id, at('09:07'));

    for (const paper of PAPER_SIZES) {
      const doc = await render(o, 'disposition_sheet', letterId, paper, 'c-kadis');
      expect(doc.pages, paper).toBe(1);
      const text = pdftotext(doc.data);
      const all = joined(doc.data);
      for (const expected of [
        'Diteruskan kepada Sdr.:',
        'Pengguna kabid (Kabid Aplikasi dan Informatika)',
        'Dengan hormat harap:',
        'Proses lebih lanjut',
        'Koordinasi/konfirmasikan',
        'Segera dikaji bersama JFT.',
        'Tanggal disposisi: Senin, 23 November 2026 pukul 09.05 WIB',
        'Dibaca: Senin, 23 November 2026 pukul 09.07 WIB',
        // The Kadis user is not linked to an official: the SOP's label of the role signs.
        'Pekalongan, 23 November 2026',
        'Kepala DKISP,',
        'Pengguna kadis',
      ]) {
        expect(all, `${paper}: ${expected}`).toContain(squash(expected));
      }
      expect(text, paper).not.toContain('Disposisi tingkat 2');
      expectInside(doc.data, paper, formMargins(paper), DISPOSITION_FOOTER);
    }
  });

  it('SOP A: prints Kadis → Kabid INS → Kasi Pusat Data, signed by the linked officials', async () => {
    const o = await office('pekalongan-hosting');
    const { users } = o;
    link(o, users.kadis, 'ARIF KARYADI, S.Sos');
    link(o, users.kabid, 'BUDI SANTOSO, S.Kom');
    const requestId = required(register(o).requestId);
    const letterId = required(getRequestView(o.core.db, requestId, users.kadis, at('09:01')).letterId);
    act(o, users.front_desk, requestId, at('09:03'), { action: 'complete' });
    act(o, users.kadis, requestId, at('09:05'), { action: 'dispose', recipients: [users.kabid.id], instructions: ['Untuk ditindaklanjuti'], note: 'Mohon diproses hari ini.' });
    markDispositionsRead(o.core.db, requestId, users.kabid.id, at('09:06'));
    act(o, users.kabid, requestId, at('09:08'), {
      action: 'dispose',
      recipients: [users.technical.id],
      instructions: ['Proses lebih lanjut', 'Siapkan jawaban'],
      note: 'Periksa kelengkapan lalu siapkan domain ppdb.',
    });
    markDispositionsRead(o.core.db, requestId, users.technical.id, at('09:12'));

    for (const paper of PAPER_SIZES) {
      const doc = await render(o, 'disposition_sheet', letterId, paper, 'a-two-levels');
      expect(doc.pages, paper).toBe(1);
      const all = joined(doc.data);
      for (const expected of [
        // Level 1: the Kabid option of the linked recipient, ticked, and the Kadis's own signature.
        'Kepala Bidang Infrastruktur dan Statistik (BUDI SANTOSO, S.Kom)',
        'Dibaca: Senin, 23 November 2026 pukul 09.06 WIB',
        'Untuk ditindaklanjuti',
        'Mohon diproses hari ini.',
        'Plt. Kepala Dinas Komunikasi dan Informatika,',
        'ARIF KARYADI, S.Sos',
        'NIP. 19711017 199903 1 007',
        // Level 2: a compact box.
        'Disposisi tingkat 2',
        'BUDI SANTOSO, S.Kom — Kepala Bidang Infrastruktur dan Statistik',
        'Senin, 23 November 2026 pukul 09.08 WIB',
        'Pengguna technical (Kasi Pusat Data)',
        'Dibaca: Senin, 23 November 2026 pukul 09.12 WIB',
        'Siapkan jawaban',
        'Periksa kelengkapan lalu siapkan domain ppdb.',
      ]) {
        expect(all, `${paper}: ${expected}`).toContain(squash(expected));
      }
      expectInside(doc.data, paper, formMargins(paper), DISPOSITION_FOOTER);
    }
  });

  it('SOP B: keeps a three-level chain with 2000-character notes and a long instruction list on one page', async () => {
    const o = await office('pekalongan-domain', 'website');
    const { users } = o;
    for (let i = 1; i <= 5; i++) saveInstruction(o.core.db, { label: `Instruksi tambahan nomor ${i} yang agak panjang untuk diuji`, active: true });
    const requestId = required(register(o, { service: 'website' }).requestId);
    const letterId = required(getRequestView(o.core.db, requestId, users.kadis, at('09:01')).letterId);
    const long = (who: string) => `${who}: ${'Catatan disposisi yang sangat panjang untuk menguji pemotongan teks pada lembar disposisi. '.repeat(30)}`.slice(0, 2000);
    act(o, users.front_desk, requestId, at('09:03'), { action: 'complete' });
    act(o, users.kadis, requestId, at('09:05'), { action: 'dispose', recipients: [users.kabid.id], instructions: ['Proses lebih lanjut'], note: long('Kadis') });
    markDispositionsRead(o.core.db, requestId, users.kabid.id, at('09:06'));
    act(o, users.kabid, requestId, at('09:10'), {
      action: 'dispose',
      recipients: [users.technical.id],
      instructions: ['Tanggapan dan saran', 'Instruksi tambahan nomor 5 yang agak panjang untuk diuji'],
      note: long('Kabid'),
    });
    markDispositionsRead(o.core.db, requestId, users.technical.id, at('09:20'));
    for (const hhmm of ['10:00', '11:00', '13:30']) act(o, users.technical, requestId, at(hhmm, '2026-11-24'), { action: 'complete' });
    act(o, users.kabid, requestId, at('14:00', '2026-11-24'), { action: 'dispose', recipients: [users.technical.id], instructions: ['Untuk diketahui'], note: long('Programmer') });

    for (const paper of PAPER_SIZES) {
      const doc = await render(o, 'disposition_sheet', letterId, paper, 'b-three-levels');
      expect(pageCount(doc.data), paper).toBe(1);
      const all = joined(doc.data);
      for (const expected of [
        'Disposisi tingkat 2',
        'Disposisi tingkat 3',
        'Pengguna technical (Petugas Teknis)',
        'Pengguna technical (Programmer yang ditunjuk)',
        'Dibaca: Senin, 23 November 2026 pukul 09.20 WIB',
        'Selasa, 24 November 2026 pukul 14.00 WIB',
        'Instruksi tambahan nomor 5 yang agak panjang untuk diuji',
        'Untuk diketahui',
        'Kadis: Catatan disposisi',
        'Programmer: Catatan disposisi',
      ]) {
        expect(all, `${paper}: ${expected}`).toContain(squash(expected));
      }
      // The three long notes are cut with "…", nothing else.
      expect(all.split('…').length - 1, paper).toBe(3);
      expectInside(doc.data, paper, formMargins(paper), DISPOSITION_FOOTER);
    }
  });
});

describe('the most crowded sheet', () => {
  it('fits a long letter, three levels, several recipients each and long notes on one page of every paper', async () => {
    const o = await office('pekalongan-domain', 'website');
    const { users } = o;
    const extra = (role: User['role'], name: string) =>
      saveUser(o.core.db, UserInputSchema.parse({ username: name.toLowerCase().replace(/\W+/g, ''), fullName: name, role, password: 'kata-sandi-1' }), o.core.now());
    const kabid2 = extra('kabid', 'Dra. Sri Wahyuningsih Kusumawardhani, M.T.I.');
    const techs = [extra('technical', 'Muhammad Rizky Pratama Adiwijaya, S.Kom'), extra('technical', 'Anindya Kartika Sari Puspitaningrum, S.T.')];
    const requestId = required(
      register(o, {
        service: 'website',
        senderName: 'Dinas Kependudukan dan Pencatatan Sipil serta Pemberdayaan Perempuan Perlindungan Anak dan Keluarga Berencana Kab Batang',
        letterNumber: '800.1.2.3/0123/DINKES-SEKRETARIAT/SUBBAG-UMUM-DAN-KEPEGAWAIAN/BIDANG-PELAYANAN/XII/2026-A1B2C3D4E5F6',
        subject: `Permohonan pembuatan situs web ${'aplikasi sistem informasi pelayanan kesehatan masyarakat terpadu '.repeat(8)}`.slice(0, 500),
        summary: 'Isi ringkas yang panjang sekali. '.repeat(60).slice(0, 2000).trim(),
        nature: 'sangat_segera',
      }).requestId,
    );
    const letterId = required(getRequestView(o.core.db, requestId, users.kadis, at('09:01')).letterId);
    const long = (who: string) => `${who}: ${'Catatan disposisi yang sangat panjang untuk menguji pemotongan teks. '.repeat(40)}`.slice(0, 2000);
    const allTechs = [users.technical.id, ...techs.map((t) => t.id)];
    act(o, users.front_desk, requestId, at('09:03'), { action: 'complete' });
    act(o, users.kadis, requestId, at('09:05'), {
      action: 'dispose',
      recipients: [users.kabid.id, kabid2.id],
      instructions: ['Tanggapan dan saran', 'Proses lebih lanjut', 'Koordinasi/konfirmasikan', 'Untuk ditindaklanjuti'],
      note: long('Kadis'),
    });
    markDispositionsRead(o.core.db, requestId, users.kabid.id, at('09:06'));
    markDispositionsRead(o.core.db, requestId, kabid2.id, at('09:07'));
    act(o, users.kabid, requestId, at('09:10'), { action: 'dispose', recipients: allTechs, instructions: ['Proses lebih lanjut', 'Siapkan jawaban'], note: long('Kabid') });
    for (const id of allTechs) markDispositionsRead(o.core.db, requestId, id, at('09:20'));
    for (const hhmm of ['10:00', '11:00', '13:30']) act(o, users.technical, requestId, at(hhmm, '2026-11-24'), { action: 'complete' });
    act(o, users.kabid, requestId, at('14:00', '2026-11-24'), { action: 'dispose', recipients: allTechs, instructions: ['Untuk diketahui', 'Arsipkan'], note: long('Programmer') });

    for (const paper of PAPER_SIZES) {
      const doc = await render(o, 'disposition_sheet', letterId, paper, 'crowded-chain');
      expect(pageCount(doc.data), paper).toBe(1);
      const all = joined(doc.data);
      for (const expected of ['Disposisi tingkat 3', 'Anindya Kartika Sari Puspitaningrum, S.T. (Programmer yang ditunjuk)', 'Dra. Sri Wahyuningsih Kusumawardhani, M.T.I. (Kepala Bidang APPS)']) {
        expect(all, `${paper}: ${expected}`).toContain(squash(expected));
      }
      expectInside(doc.data, paper, formMargins(paper), DISPOSITION_FOOTER);
    }
  });
});

describe('a withdrawn disposition', () => {
  it('is left off the sheet', async () => {
    const o = await office('tarakan-hosting-subdomain');
    const { users } = o;
    const requestId = required(register(o).requestId);
    const letterId = required(getRequestView(o.core.db, requestId, users.kadis, at('09:01')).letterId);
    act(o, users.front_desk, requestId, at('09:02'), { action: 'complete' });
    const view = act(o, users.kadis, requestId, at('09:04'), { action: 'dispose', recipients: [users.kabid.id], note: 'Catatan yang ditarik.' });
    withdrawDisposition(o.core.db, view.dispositions[0]?.id as number, users.kadis, at('09:05'));
    const text = pdftotext((await render(o, 'disposition_sheet', letterId, 'A4', 'c-withdrawn')).data);
    expect(text).not.toContain('Catatan yang ditarik.');
    expect(text).not.toContain('Tanggal disposisi');

    act(o, users.kadis, requestId, at('09:06'), { action: 'dispose', recipients: [users.kabid.id], instructions: ['Arsipkan'], note: 'Catatan yang berlaku.' });
    const again = joined((await render(o, 'disposition_sheet', letterId, 'A4', 'c-redisposed')).data);
    expect(again).toContain(squash('Catatan yang berlaku.'));
    expect(again).toContain(squash('Tanggal disposisi: Senin, 23 November 2026 pukul 09.06 WIB'));
    expect(again).not.toContain(squash('Catatan yang ditarik.'));
  });
});

describe('surat pemberitahuan', () => {
  const REASON = '1. Nama subdomain yang dimohon belum disebutkan dalam surat.\n2. Penanggung jawab aplikasi belum ditunjuk.';

  async function returned(reason: string) {
    const o = await office('tarakan-hosting-subdomain');
    const { users } = o;
    const requestId = required(register(o).requestId);
    const letterId = required(getRequestView(o.core.db, requestId, users.kadis, at('09:01')).letterId);
    act(o, users.front_desk, requestId, at('09:02'), { action: 'complete' });
    act(o, users.kadis, requestId, at('09:04'), { action: 'dispose', recipients: [users.kabid.id] });
    act(o, users.kabid, requestId, at('09:09'), { action: 'complete' });
    // Running: no notice yet.
    const early = await apiError(() => renderLetterDocument(o.core, 'return_notice', letterId, 'A4'));
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toBe('Surat pemberitahuan hanya untuk permohonan yang dikembalikan.');
    act(o, users.kabid, requestId, at('10:25', '2026-11-24'), { action: 'decide', branch: 'tidak', note: reason });
    return { o, letterId };
  }

  it('is a one-page letter to the head of the OPD with the reason and the Kadis’s signature, on A4 and F4', async () => {
    const { o, letterId } = await returned(REASON);
    for (const paper of ['A4', 'F4'] as const) {
      const doc = await render(o, 'return_notice', letterId, paper, 'c-returned');
      expect(doc.fileName).toBe('surat-pemberitahuan-1-500.12-2026.pdf');
      expect(doc.pages, paper).toBe(1);
      expect(pageCount(doc.data), paper).toBe(1);
      const text = pdftotext(doc.data);
      const all = joined(doc.data);
      for (const expected of [
        'PEMERINTAH KOTA PEKALONGAN',
        'Pekalongan, 24 November 2026',
        'Nomor',
        'Sifat',
        'Biasa',
        'Lampiran',
        'Hal',
        'Pengembalian Permohonan Hosting',
        'Yth. Kepala Dinas Pendidikan',
        'di Tempat',
        'Menindaklanjuti surat Saudara nomor 005/77/Disdik/2026 tanggal 20 November 2026 perihal Permohonan hosting dan subdomain ppdb,',
        'yang kami terima pada tanggal 23 November 2026 dengan nomor agenda 1/500.12/2026',
        '1. Nama subdomain yang dimohon belum disebutkan dalam surat.',
        '2. Penanggung jawab aplikasi belum ditunjuk.',
        'diajukan kembali kepada Dinas Komunikasi dan Informatika.',
        'Atas perhatian dan kerja sama Saudara, kami ucapkan terima kasih.',
        'Plt. Kepala Dinas Komunikasi dan Informatika,',
        'ARIF KARYADI, S.Sos',
        'Pembina Tk.I',
        'NIP. 19711017 199903 1 007',
      ]) {
        expect(all, `${paper}: ${expected}`).toContain(squash(expected));
      }
      expect(text).not.toContain('Kepala Kepala');
      expect(text).not.toContain('Halaman');
      expect(text).not.toContain('Dicetak dari Loket');
      expectInside(doc.data, paper, letterMargins(paper), /^$/);
    }
    const half = await render(o, 'return_notice', letterId, 'HALF_FOLIO', 'c-returned');
    expect(half.pages).toBe(1);
    expectInside(half.data, 'HALF_FOLIO', letterMargins('HALF_FOLIO'), /^$/);
  });

  it('runs a 2000-character reason on to a second page, numbered, without losing a word', async () => {
    const reason = `Alasan pengembalian: ${'dokumen persyaratan belum lengkap, nama subdomain belum disebutkan, dan penanggung jawab belum ditunjuk; '.repeat(20)}`.slice(0, 1999) + '.';
    const { o, letterId } = await returned(reason);
    for (const paper of PAPER_SIZES) {
      const doc = await render(o, 'return_notice', letterId, paper, 'c-long-reason');
      const pages = pageCount(doc.data);
      expect(doc.pages, paper).toBe(pages);
      expect(pages, paper).toBeLessThanOrEqual(2);
      // The page numbers sit in the bottom margin, between the two halves of the reason.
      const bottom = PAPER_POINTS[paper][1] - letterMargins(paper).bottom;
      const all = words(doc.data)
        .filter((w) => w.yMin < bottom)
        .map((w) => w.text)
        .join('');
      expect(all, paper).toContain(squash(reason));
      expect(all, paper).toContain(squash('NIP. 19711017 199903 1 007'));
      if (pages === 2) {
        const numbers = joined(doc.data);
        expect(numbers).toContain(squash('Halaman 1 dari 2'));
        expect(numbers).toContain(squash('Halaman 2 dari 2'));
      }
      expectInside(doc.data, paper, letterMargins(paper), /^(Halaman|\d|dari)$/);
    }
  });

  it('is refused for a letter without a request', async () => {
    const o = await office('tarakan-hosting-subdomain');
    const { letterId, requestId } = register(o, { service: 'lainnya' });
    expect(requestId).toBeNull();
    expect((await apiError(() => renderLetterDocument(o.core, 'return_notice', letterId, 'A4'))).code).toBe('CONFLICT');
  });
});

describe('tanda terima with the planned completion', () => {
  it('prints "Estimasi selesai" from the SOP, and leaves it out without one', async () => {
    const o = await office('tarakan-hosting-subdomain');
    const { letterId, requestId } = register(o);
    expect(requestId).not.toBeNull();
    const templateId = latestTemplateId(o.core.db, 'tarakan-hosting-subdomain') as number;
    const planned = planSchedule(o.core.db, getTemplate(o.core.db, templateId), MONDAY_0900).estimatedCompletion as string;
    const expected = formatDayDateTimeId(planned, 'Asia/Jakarta');
    expect(expected).toMatch(/^(Senin|Selasa|Rabu|Kamis|Jumat), \d{1,2} \S+ 2026 pukul \d{2}\.\d{2} WIB$/);

    for (const paper of PAPER_SIZES) {
      const doc = await render(o, 'receipt', letterId, paper, 'c-estimate');
      expect(doc.pages, paper).toBe(1);
      const all = joined(doc.data);
      expect(all, paper).toContain('Estimasiselesai');
      expect(all, paper).toContain(squash(expected));
      expect(all, paper).toContain(squash('Menurut SOP: Layanan Hosting dan Sub Domain'));
      expectInside(doc.data, paper, formMargins(paper), DISPOSITION_FOOTER);
    }

    const other = register(o, { service: 'lainnya' });
    const text = pdftotext((await render(o, 'receipt', other.letterId, 'A4', 'no-sop')).data);
    expect(text).not.toContain('Estimasi selesai');
    expect(text).toContain('TANDA TERIMA SURAT');
  });
});
