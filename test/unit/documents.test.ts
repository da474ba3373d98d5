/**
 * The document register (issue 4): numbered documents of a request with versions, the Kadis's
 * approval, the QR/verification stamp, and `loket verify-doc`. Requests go through SOP A from the
 * letter to the access document and the berita acara; the PDFs are read back with poppler.
 *
 * Set LOKET_PDF_OUT=/some/folder to keep the rendered PDFs for a look.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/loket';
import { dispatch } from '../../electron/core/api/dispatch';
import { handlers } from '../../electron/core/api/handlers';
import { renderLetterDocument } from '../../electron/core/pdf/documents';
import { letterMargins, PAPER_POINTS } from '../../electron/core/pdf/paper';
import { buildQrPayload, parseQrPayload, qrMatrix, stampLine } from '../../electron/core/pdf/qr';
import { login } from '../../electron/core/services/auth';
import { verifyAudit } from '../../electron/core/services/audit';
import { saveComplaintSettings } from '../../electron/core/services/complaints';
import {
  approveDocument,
  contentHashOf,
  countPdfPages,
  createDocument,
  documentsForRequest,
  getDocument,
  listDocumentTypes,
  renderDocumentVersion,
  saveDocumentTypes,
  updateDocument,
} from '../../electron/core/services/documents';
import { createHostedSystem, saveHostingSettings, setPanelPassword } from '../../electron/core/services/hosting';
import { registerLetter } from '../../electron/core/services/letters';
import { listOpd, listUsers } from '../../electron/core/services/office';
import { actOnStep, getRequestView, requestIdForLetter, type StepActionInput } from '../../electron/core/services/requests';
import { setServiceSop } from '../../electron/core/services/sop';
import { verifyDocumentFile } from '../../electron/core/services/verify-doc';
import { DocumentContentSchema } from '../../electron/core/pdf/content';
import { ApiError, type ApiResult } from '../../shared/api/errors';
import {
  CreateDocumentInputSchema,
  DEFAULT_DOCUMENT_TYPES,
  UpdateDocumentInputSchema,
  type DocumentView,
} from '../../shared/api/document-schemas';
import { HostedSystemInputSchema, HostingSettingsInputSchema } from '../../shared/api/hosting-schemas';
import { ComplaintSettingsSchema } from '../../shared/api/report-schemas';
import { LetterInputSchema, type LetterInput, type User } from '../../shared/api/schemas';
import type { z } from 'zod';
import { createTestOffice, type TestOffice } from './helpers/core';
import { ChangeHub } from '../../electron/core/api/events';
import { createPairingCode } from '../../electron/core/services/lan';
import { JsonPrefsStore } from '../../electron/core/services/prefs';
import { TLS_DIR } from '../../electron/core/services/tls';
import { LanListener } from '../../electron/host/lan';
import { HostClient, pairWithHost, RemoteDispatcher } from '../../electron/host/remote';

// ---------------------------------------------------------------------------------------------
// Poppler.

function pdftotext(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
}

function pdfinfo(pdf: Buffer): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

function words(pdf: Buffer): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: (m[5] ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
  }));
}

const squash = (s: string) => s.replace(/\s+/g, '');
const joined = (pdf: Buffer) => words(pdf).map((w) => w.text).join('');

/** Every word inside the letter margins (the diagonal "KONSEP" of a draft is left out). */
function expectInside(pdf: Buffer, paper: 'A4' | 'F4'): void {
  const [width, height] = PAPER_POINTS[paper];
  const m = letterMargins(paper);
  for (const w of words(pdf)) {
    if (w.text === 'KONSEP') continue;
    expect(w.xMin, w.text).toBeGreaterThanOrEqual(m.left - 1);
    expect(w.xMax, w.text).toBeLessThanOrEqual(width - m.right + 1);
    expect(w.yMin, w.text).toBeGreaterThanOrEqual(m.top - 1);
    if (w.yMax > height - m.bottom + 1) expect(w.text, `${w.text} in the bottom margin`).toMatch(/^(Halaman|\d+|dari)$/);
  }
}

const OUT = process.env.LOKET_PDF_OUT;
function keep(name: string, pdf: Buffer): void {
  if (!OUT) return;
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, name), pdf);
}

// ---------------------------------------------------------------------------------------------
// An office with SOP A, a request at step 6, and its hosted system with a generated password.

/** Monday 23 November 2026, 09.00 WIB. */
const MONDAY_0900 = '2026-11-23T02:00:00.000Z';
const at = (hhmm: string, day = '2026-11-23') => new Date(`${day}T${hhmm}:00+07:00`);

const letter: LetterInput = {
  senderName: 'Dinas Pendidikan',
  letterNumber: '005/77/Disdik/2026',
  letterDate: '2026-11-20',
  subject: 'Permohonan hosting dan subdomain ppdb',
  nature: 'segera',
  classificationCode: '500.12',
  service: 'hosting',
};

interface Office extends TestOffice {
  users: Record<User['role'], User>;
  requestId: number;
  letterId: number;
  systemId: number;
  password: string;
}

function act(o: TestOffice, user: User, requestId: number, when: Date, action: Omit<StepActionInput, 'requestId' | 'revision' | 'stepId'>) {
  const view = getRequestView(o.core.db, requestId, user, when);
  actOnStep(o.core.db, { requestId, revision: view.revision, stepId: view.currentStep?.id ?? '', ...action }, user, when);
}

async function office(): Promise<Office> {
  const o = await createTestOffice({ now: MONDAY_0900 });
  const users = Object.fromEntries(listUsers(o.core.db).map((u) => [u.role, u])) as Record<User['role'], User>;
  setServiceSop(o.core.db, 'hosting', 'pekalongan-hosting');
  saveHostingSettings(
    o.core.db,
    HostingSettingsInputSchema.parse({
      parentDomains: [{ domain: 'pekalongankota.go.id' }],
      pools: [{ label: 'DMZ Pusat Data', cidr: '10.10.1.0/24', reserved: ['10.10.1.1'] }, { label: 'DMZ IPv6', cidr: '2001:db8:10::/64' }],
      servers: [{ name: 'srv-web-01' }],
    }),
    users.admin,
    at('08:00'),
  );
  const disdik = listOpd(o.core.db, '', true).find((x) => x.shortName === 'Disdik')?.id ?? null;
  const l = registerLetter(o.core.db, LetterInputSchema.parse({ ...letter, opdId: disdik }), o.userIds.front_desk, o.core.now());
  const requestId = requestIdForLetter(o.core.db, l.id);
  if (requestId === null) throw new Error('no request');
  act(o, users.front_desk, requestId, at('09:02'), { action: 'complete' });
  act(o, users.kadis, requestId, at('09:05'), { action: 'dispose', recipients: [users.kabid.id] });
  act(o, users.kabid, requestId, at('09:08'), { action: 'dispose', recipients: [users.technical.id] });
  act(o, users.technical, requestId, at('09:15'), { action: 'complete' });
  const system = createHostedSystem(
    o.core.db,
    HostedSystemInputSchema.parse({
      requestId,
      applicationName: 'PPDB Online',
      subdomain: 'ppdb',
      parentDomain: 'pekalongankota.go.id',
      addresses: ['10.10.1.5', '2001:db8:10::5'],
      serverId: null,
      stack: 'PHP 8.2 / Laravel',
      database: 'MySQL 8',
      panelUrl: 'https://panel.pekalongankota.go.id:2083',
      panelUsername: 'ppdb',
    }),
    users.technical,
    at('10:00'),
  );
  const { generatedPassword } = setPanelPassword(o.core.db, o.core.secrets, system.id, { generate: true }, users.technical, at('10:05'));
  if (!generatedPassword) throw new Error('no password');
  o.setClock(at('10:30').toISOString());
  return { ...o, users, requestId, letterId: l.id, systemId: system.id, password: generatedPassword };
}

type CreateRaw = z.input<typeof CreateDocumentInputSchema>;
type UpdateRaw = z.input<typeof UpdateDocumentInputSchema>;

/** The create input of each type, with the request optional (the office's request by default). */
type CreateFields = CreateRaw extends infer T ? (T extends unknown ? Omit<T, 'requestId'> & { requestId?: number } : never) : never;

const create = (o: Office, raw: CreateFields, user: User = o.users.kabid): DocumentView =>
  createDocument(o.core, CreateDocumentInputSchema.parse({ requestId: o.requestId, ...raw }), user);
const update = (o: Office, raw: UpdateRaw, user: User = o.users.kabid): DocumentView => updateDocument(o.core, UpdateDocumentInputSchema.parse(raw), user);

const BAST_FIELDS = {
  type: 'bast' as const,
  date: '2026-11-23',
  secondParty: { name: 'Drs. SLAMET RIYADI, M.Pd', nip: '196805121994031005', rank: 'Pembina Utama Muda / IV.c', position: 'Kepala Dinas Pendidikan' },
  witnesses: [
    { name: 'BUDI SANTOSO, S.Kom', nip: '198001012005011002', position: 'Kepala Bidang Infrastruktur dan Statistik' },
    { name: 'Rina Marlina, S.T.', position: 'Operator Dinas Pendidikan' },
  ],
};

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

async function apiErrorAsync(fn: () => Promise<unknown>): Promise<ApiError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

async function call(o: TestOffice, name: string, body: unknown, username: string, password = 'kata-sandi-1'): Promise<ApiResult<unknown>> {
  const { token } = login(o.core.db, username, password, o.core.now());
  return dispatch(o.core, handlers, name, body, token);
}

async function cli(args: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await runCli(args, (line) => lines.push(line));
  return { code, text: lines.join('\n') };
}

/**
 * A copy with one byte changed in the middle of the first page's content stream (the text and
 * lines of the page; not a font or an image): the file looks the same size and claims the same
 * document in its metadata.
 */
function flipByteInStream(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/<<([^>]*(?:>(?!>)[^>]*)*)>>\s*stream\r?\n/g)) {
    const dict = m[1] ?? '';
    if (/\/Length1|\/Subtype|\/Type/.test(dict)) continue; // fonts, images, metadata
    const start = (m.index ?? 0) + m[0].length;
    const end = text.indexOf('endstream', start);
    const copy = Buffer.from(pdf);
    const middle = Math.floor((start + end) / 2);
    copy[middle] = (copy[middle] ?? 0) ^ 0x01;
    return copy;
  }
  throw new Error('no content stream');
}

// ---------------------------------------------------------------------------------------------

describe('the QR payload', () => {
  const hash = 'a'.repeat(64);
  it('is LOKET|type|number|vN|hash and parses back', () => {
    const payload = buildQrPayload({ type: 'bast', number: '500.12/001/Diskominfo/2026', version: 2, contentHash: hash });
    expect(payload).toBe(`LOKET|bast|500.12/001/Diskominfo/2026|v2|${hash}`);
    expect(parseQrPayload(payload)).toEqual({ type: 'bast', number: '500.12/001/Diskominfo/2026', version: 2, contentHash: hash });
    expect(stampLine({ number: '500.12/001/Diskominfo/2026', version: 2, contentHash: hash })).toBe('Nomor 500.12/001/Diskominfo/2026 · versi 2 · aaaaaaaaaaaaaaaa');
  });

  it('refuses what is not a payload', () => {
    expect(parseQrPayload(`LOKET|surat|1|v1|${hash}`)).toBeNull();
    expect(parseQrPayload(`LOKET|bast|1|v0|${hash}`)).toBeNull();
    expect(parseQrPayload(`LOKET|bast|1|v1|${hash.slice(1)}`)).toBeNull();
    expect(parseQrPayload(`XLOKET|bast|1|v1|${hash}`)).toBeNull();
    expect(parseQrPayload('')).toBeNull();
    expect(() => buildQrPayload({ type: 'bast', number: 'a|b', version: 1, contentHash: hash })).toThrow(RangeError);
  });

  it('encodes into a QR symbol of a scannable size', () => {
    const { size, dark } = qrMatrix(buildQrPayload({ type: 'hak_akses_hosting', number: '500.12/001/Diskominfo/2026', version: 1, contentHash: hash }));
    // Version 6–8 at error correction M for ~120 characters: 41–49 modules.
    expect(size).toBeGreaterThanOrEqual(41);
    expect(size).toBeLessThanOrEqual(49);
    // The three finder patterns.
    for (const [r, c] of [[0, 0], [0, size - 7], [size - 7, 0]] as const) {
      expect(dark(r, c) && dark(r + 6, c + 6) && !dark(r + 1, c + 1) && dark(r + 3, c + 3)).toBe(true);
    }
  });
});

describe('numbering', () => {
  it('is consecutive per type and year, restarts each year, and follows the type’s format', async () => {
    const o = await office();
    const numbers = () => documentsForRequest(o.core.db, o.requestId, o.users.kabid).documents.map((d) => `${d.type} ${d.number}`);
    create(o, { type: 'laporan_hosting' });
    create(o, { type: 'laporan_hosting' });
    create(o, BAST_FIELDS);
    create(o, { type: 'laporan_hosting' });
    expect(numbers()).toEqual([
      'laporan_hosting 500.12/001/Diskominfo/2026',
      'laporan_hosting 500.12/002/Diskominfo/2026',
      'bast 500.12/001/Diskominfo/2026',
      'laporan_hosting 500.12/003/Diskominfo/2026',
    ]);
    expect(listDocumentTypes(o.core.db, o.core.now()).find((t) => t.key === 'laporan_hosting')).toMatchObject({
      nextNumber: '500.12/004/Diskominfo/2026',
      issuedThisYear: 3,
    });

    // The administrator changes the BAST's format; the next year starts again at 1.
    const types = DEFAULT_DOCUMENT_TYPES.map((t) => (t.key === 'bast' ? { ...t, numberFormat: '{kode}/{urut}/BA-{unit}/{bulan_romawi}/{tahun}', code: '000.8.3.3' } : t));
    saveDocumentTypes(o.core.db, types, o.users.admin, o.core.now());
    create(o, BAST_FIELDS);
    o.setClock('2027-01-04T02:00:00.000Z');
    create(o, BAST_FIELDS);
    create(o, { type: 'laporan_hosting' });
    create(o, BAST_FIELDS);
    expect(numbers().slice(4)).toEqual([
      'bast 000.8.3.3/2/BA-Diskominfo/XI/2026',
      'bast 000.8.3.3/1/BA-Diskominfo/I/2027',
      'laporan_hosting 500.12/001/Diskominfo/2027',
      'bast 000.8.3.3/2/BA-Diskominfo/I/2027',
    ]);
    const counters = o.core.db.prepare('SELECT type, year, last_seq FROM document_counters ORDER BY type, year').all();
    expect(counters).toEqual([
      { type: 'bast', year: 2026, last_seq: 2 },
      { type: 'bast', year: 2027, last_seq: 2 },
      { type: 'laporan_hosting', year: 2026, last_seq: 3 },
      { type: 'laporan_hosting', year: 2027, last_seq: 1 },
    ]);
    // Only the administrator changes the settings; a format without {urut} is refused.
    expect(apiError(() => saveDocumentTypes(o.core.db, types, o.users.kadis, o.core.now())).code).toBe('FORBIDDEN');
    const bad = await call(o, 'documents.types.save', { types: [{ key: 'bast', label: 'BAST', numberFormat: '{kode}/{tahun}', code: '500', unit: 'X' }] }, 'admin', 'rahasia-admin-1');
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Format nomor harus memuat {urut}.' } });
    const audited = o.core.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'document_type'").get() as { n: number };
    expect(audited.n).toBe(1);
  });
});

describe('Berita Acara Serah Terima', () => {
  it('spells the date, names PIHAK PERTAMA (the Kadis) and PIHAK KEDUA with both signatures and the witnesses', async () => {
    const o = await office();
    const bast = create(o, BAST_FIELDS);
    for (const paper of ['A4', 'F4'] as const) {
      const doc = paper === 'A4' ? bast : update(o, { ...BAST_FIELDS, documentId: bast.id, paper });
      const pdf = await renderDocumentVersion(o.core, doc.id, null, o.users.kabid);
      keep(`bast-${paper}.pdf`, pdf.data);
      // With two witnesses it runs on to a second page; the closing stays with the signatures.
      expect(pdf.pages, paper).toBe(2);
      const secondPage = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', '-', '-'], { input: pdf.data }).toString('utf8');
      expect(secondPage).toMatch(/^\s*Demikian Berita Acara ini dibuat/);
      expect(secondPage).toContain('Halaman 2 dari 2');
      const all = joined(pdf.data);
      for (const expected of [
        'BERITA ACARA SERAH TERIMA',
        'PENGELOLAAN HOSTING DAN SUBDOMAIN',
        'Nomor: 500.12/001/Diskominfo/2026',
        'Pada hari ini Senin tanggal Dua Puluh Tiga bulan November tahun Dua Ribu Dua Puluh Enam (23-11-2026), bertempat di Dinas Komunikasi dan Informatika Pekalongan, kami yang bertanda tangan di bawah ini:',
        '1.Nama: ARIF KARYADI, S.Sos',
        'NIP: 19711017 199903 1 007',
        'Pangkat/Gol.: Pembina Tk.I',
        'Jabatan: Plt. Kepala Dinas Komunikasi dan Informatika',
        'Instansi: Dinas Komunikasi dan Informatika Kota Pekalongan',
        'selanjutnya disebut PIHAK PERTAMA.',
        '2.Nama: Drs. SLAMET RIYADI, M.Pd',
        'NIP: 19680512 199403 1 005',
        'Instansi: Dinas Pendidikan',
        'selanjutnya disebut PIHAK KEDUA.',
        'PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA dan PIHAK KEDUA menerima dari PIHAK PERTAMA',
        '1. Subdomain: ppdb.pekalongankota.go.id',
        '2. Alamat IP: 10.10.1.5, 2001:db8:10::5',
        'https://panel.pekalongankota.go.id:2083 (nama pengguna: ppdb)',
        'dengan ketentuan sebagai berikut:',
        'PIHAK KEDUA wajib segera mengganti kata sandi awal web panel',
        'Demikian Berita Acara ini dibuat dalam rangkap 2 (dua) yang masing-masing mempunyai kekuatan hukum yang sama',
        'Saksi-saksi:',
        'Rina Marlina, S.T.',
      ]) {
        expect(all, `${paper}: ${expected}`).toContain(squash(expected));
      }
      const text = pdftotext(pdf.data);
      expect(text).toMatch(/PIHAK KEDUA,\s+PIHAK PERTAMA,/);
      expect(text).toMatch(/Drs\. SLAMET RIYADI, M\.Pd\s+ARIF KARYADI, S\.Sos/);
      expect(text).not.toContain('milyar');
      expectInside(pdf.data, paper);
    }
  });

  it('puts the officer as PIHAK PERTAMA when asked, and the caller’s own clauses and items', async () => {
    const o = await office();
    const bast = create(
      o,
      {
        ...BAST_FIELDS,
        firstParty: 'officer',
        items: [{ label: 'Subdomain', value: 'ppdb.pekalongankota.go.id' }],
        clauses: ['Pemeliharaan aplikasi menjadi tanggung jawab PIHAK KEDUA.'],
        copies: 3,
        witnesses: [],
      },
      o.users.kadis,
    );
    const pdf = await renderDocumentVersion(o.core, bast.id, null, o.users.kadis);
    keep('bast-officer-A4.pdf', pdf.data);
    expect(pdf.pages).toBe(1);
    const all = joined(pdf.data);
    expect(all).toContain(squash('1.Nama: Pengguna kadis'));
    expect(all).toContain(squash('1. Pemeliharaan aplikasi menjadi tanggung jawab PIHAK KEDUA.'));
    expect(all).toContain(squash('rangkap 3 (tiga)'));
    expect(all).not.toContain('Saksi');
    expect(all).not.toContain(squash('Alamat IP'));
  });
});

describe('the hosting access document', () => {
  it('prints subdomain, IP, user name, the password and the change-password instruction; the password is in no content, field or audit entry', async () => {
    const o = await office();
    const access = create(o, { type: 'hak_akses_hosting' }, o.users.kadis);
    expect(access.number).toBe('500.12/001/Diskominfo/2026');
    for (const paper of ['A4', 'F4'] as const) {
      const doc = paper === 'A4' ? access : update(o, { type: 'hak_akses_hosting', documentId: access.id, paper }, o.users.kadis);
      const pdf = await renderDocumentVersion(o.core, doc.id, null, o.users.technical);
      keep(`hak-akses-${paper}.pdf`, pdf.data);
      expect(pdf.pages, paper).toBe(1);
      const all = joined(pdf.data);
      for (const expected of [
        'DOKUMEN HAK AKSES HOSTING',
        'Nomor: 500.12/001/Diskominfo/2026',
        'Subdomainppdb.pekalongankota.go.id',
        'Alamat IP10.10.1.5',
        '2001:db8:10::5',
        'Alamat web panelhttps://panel.pekalongankota.go.id:2083',
        'Nama pengguna web panelppdb',
        `Kata sandi awal${o.password}`,
        'Segera ganti kata sandi ini saat pertama kali masuk.',
        // The office's telephone and e-mail until its complaint contacts are saved.
        'Saluran pengaduan:',
        'Telepon: (0285) 421243',
        'E-mail: diskominfo@pekalongankota.go.id',
        'Mengesahkan,',
        'Plt. Kepala Dinas Komunikasi dan Informatika,',
        'ARIF KARYADI, S.Sos',
        'NIP. 19711017 199903 1 007',
        'KONSEP',
      ]) {
        expect(all, `${paper}: ${expected}`).toContain(squash(expected));
      }
      expectInside(pdf.data, paper);
    }

    const rows = o.core.db.prepare('SELECT fields, content, secret_sealed FROM document_versions').all() as Array<{ fields: string; content: string; secret_sealed: string }>;
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.content).not.toContain(o.password);
      expect(r.fields).not.toContain(o.password);
      expect(r.secret_sealed).toMatch(/^v1:/);
      expect(JSON.parse(r.content)).toMatchObject({ password: { ref: expect.stringMatching(/^sealed:[0-9a-f]{64}$/) } });
    }
    const audit = JSON.stringify(o.core.db.prepare('SELECT * FROM audit_log').all());
    expect(audit).toContain('dokumen.dibuka');
    expect(audit).not.toContain(o.password);
    const view = await call(o, 'documents.forRequest', { requestId: o.requestId }, 'kadis');
    expect(JSON.stringify(view)).not.toContain(o.password);
    expect(verifyAudit(o.core.db).ok).toBe(true);
  });

  it("prints the office's complaint contacts and its Pejabat Pengaduan, inside the margins on A4 and F4", async () => {
    const o = await office();
    saveComplaintSettings(
      o.core.db,
      ComplaintSettingsSchema.parse({
        phone: '(0285) 421243 ext. 12',
        email: 'pengaduan@pekalongankota.go.id',
        website: 'kominfo.pekalongankota.go.id/pengaduan',
        twitter: 'kominfopkl',
        instagram: 'diskominfo.pkl',
        officerName: 'BUDI SANTOSO, S.Kom',
        officerPhone: '0812 0000 1111',
      }),
      o.users.admin,
      o.core.now(),
    );
    const access = create(o, { type: 'hak_akses_hosting', notes: 'Basis data MySQL dibuat terpisah; data lama dipindahkan oleh petugas OPD.' }, o.users.kadis);
    for (const paper of ['A4', 'F4'] as const) {
      const doc = paper === 'A4' ? access : update(o, { type: 'hak_akses_hosting', documentId: access.id, paper }, o.users.kadis);
      const pdf = await renderDocumentVersion(o.core, doc.id, null, o.users.technical);
      keep(`hak-akses-pengaduan-${paper}.pdf`, pdf.data);
      expect(pdf.pages, paper).toBe(1);
      const all = squash(joined(pdf.data));
      expect(all).toContain(squash('Gangguan, pertanyaan, dan pengaduan tentang layanan hosting dapat disampaikan kepada'));
      for (const line of [
        'Saluran pengaduan:',
        'Telepon: (0285) 421243 ext. 12',
        'E-mail: pengaduan@pekalongankota.go.id',
        'Website: kominfo.pekalongankota.go.id/pengaduan',
        'Twitter/X: @kominfopkl',
        'Instagram: @diskominfo.pkl',
        'Pejabat Pengaduan: BUDI SANTOSO, S.Kom (telepon 0812 0000 1111)',
      ]) {
        expect(all, `${paper}: ${line}`).toContain(squash(line));
      }
      // The contacts sit left of the Kadis's signature, not under or over it.
      const placed = words(pdf.data);
      const contactsRight = Math.max(...placed.filter((w) => /^(Pejabat|Pengaduan:|BUDI|SANTOSO,|S\.Kom|\(telepon|0812|0000|1111\))$/.test(w.text)).map((w) => w.xMax));
      const signLeft = Math.min(...placed.filter((w) => /^(Mengesahkan,|ARIF|KARYADI,)$/.test(w.text)).map((w) => w.xMin));
      expect(contactsRight).toBeLessThan(signLeft);
      expectInside(pdf.data, paper);
    }
  });

  it('is refused without a stored password, and opened by the front desk only once approved', async () => {
    const o = await office();
    o.core.db.prepare('UPDATE hosted_systems SET panel_password_sealed = NULL, panel_password_box = NULL').run();
    const error = apiError(() => create(o, { type: 'hak_akses_hosting' }, o.users.kadis));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/^Kata sandi web panel ppdb\.pekalongankota\.go\.id belum disimpan di Loket\./);
    setPanelPassword(o.core.db, o.core.secrets, o.systemId, { generate: false, password: 'Panel#Disdik-2026!' }, o.users.technical, o.core.now());

    const access = create(o, { type: 'hak_akses_hosting' }, o.users.kadis);
    const draft = await call(o, 'documents.renderVersion', { documentId: access.id }, 'frontdesk');
    expect(draft).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await approveDocument(o.core, access.id, 1, o.users.kadis);
    const approved = await call(o, 'documents.renderVersion', { documentId: access.id }, 'frontdesk');
    expect(approved.ok).toBe(true);
    if (!approved.ok) return;
    const pdf = Buffer.from((approved.value as { dataBase64: string }).dataBase64, 'base64');
    expect(joined(pdf)).toContain(squash('Kata sandi awalPanel#Disdik-2026!'));
    expect(joined(pdf)).not.toContain('KONSEP');
    // The approved PDF prints the password, so it is kept sealed with the version, not in the plain file store.
    const stored = o.core.db.prepare('SELECT pdf_sha256, pdf_sealed, pdf_box FROM document_versions WHERE document_id = ?').get(access.id) as {
      pdf_sha256: string;
      pdf_sealed: string;
      pdf_box: string;
    };
    expect(stored.pdf_sha256).toBe(crypto.createHash('sha256').update(pdf).digest('hex'));
    expect(stored.pdf_sealed).toMatch(/^v1:/);
    expect(stored.pdf_box).toBe('keyfile');
    expect(o.core.files.has(stored.pdf_sha256)).toBe(false);
    // The security officer is not among the readers at all.
    expect(await call(o, 'documents.renderVersion', { documentId: access.id }, 'security')).toMatchObject({ ok: false });
  });
});

describe('pengesahan', () => {
  it('locks the approved version; a change makes a new, unapproved version with the same number; the approved PDF is the stored one', async () => {
    const o = await office();
    const bast = create(o, BAST_FIELDS);
    expect(bast).toMatchObject({ latestVersion: 1, approvedVersion: null, awaitingApproval: true });

    // Only the Kadis approves.
    expect(await call(o, 'documents.approve', { documentId: bast.id, version: 1 }, 'kabid')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    o.setClock(at('11:00').toISOString());
    const approvedResult = await call(o, 'documents.approve', { documentId: bast.id, version: 1 }, 'kadis');
    expect(approvedResult.ok).toBe(true);
    const approved = getDocument(o.core.db, bast.id);
    expect(approved).toMatchObject({ latestVersion: 1, approvedVersion: 1, awaitingApproval: false });
    const v1 = approved.versions[0];
    expect(v1).toMatchObject({ version: 1, locked: true, approvedBy: 'Pengguna kadis', approvedAt: at('11:00').toISOString() });
    const stored = await renderDocumentVersion(o.core, bast.id, 1, o.users.kabid);
    expect(stored.fileName).toBe('berita-acara-serah-terima-500.12-001-Diskominfo-2026-v1.pdf');
    const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
    expect(sha(stored.data)).toBe(v1?.pdfSha256);
    expect(o.core.files.has(v1?.pdfSha256 ?? '')).toBe(true);
    expect(countPdfPages(stored.data)).toBe(stored.pages);
    expect(joined(stored.data)).toContain(squash('Disahkan oleh Pengguna kadis pada 23 November 2026 pukul 11.00 WIB.'));
    expect(joined(stored.data)).not.toContain('KONSEP');
    // Approving it again, or rendering it again later, gives the same stored bytes.
    expect(await call(o, 'documents.approve', { documentId: bast.id, version: 1 }, 'kadis')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    o.setClock(at('15:00').toISOString());
    expect((await renderDocumentVersion(o.core, bast.id, 1, o.users.kadis)).data.equals(stored.data)).toBe(true);

    // The Kabid corrects the representative's name: version 2, same number, not approved.
    const changed = update(o, { ...BAST_FIELDS, documentId: bast.id, secondParty: { ...BAST_FIELDS.secondParty, name: 'Dr. SLAMET RIYADI, M.Pd' } });
    expect(changed).toMatchObject({ number: bast.number, latestVersion: 2, approvedVersion: 1, awaitingApproval: true });
    expect(changed.versions.map((v) => [v.version, v.locked])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect(changed.versions[0]?.contentHash).not.toBe(v1?.contentHash);
    // Nothing changed: refused, no version 3.
    expect(apiError(() => update(o, { ...BAST_FIELDS, documentId: bast.id, secondParty: { ...BAST_FIELDS.secondParty, name: 'Dr. SLAMET RIYADI, M.Pd' } })).message).toBe(
      'Tidak ada perubahan dibanding versi 2.',
    );
    // Version 1 stays as it was approved; version 2 is a draft.
    expect((await renderDocumentVersion(o.core, bast.id, 1, o.users.kabid)).data.equals(stored.data)).toBe(true);
    const draft = await renderDocumentVersion(o.core, bast.id, null, o.users.kabid);
    expect(draft.fileName).toBe('berita-acara-serah-terima-500.12-001-Diskominfo-2026-v2-konsep.pdf');
    expect(joined(draft.data)).toContain(squash('Dr. SLAMET RIYADI, M.Pd'));
    expect(joined(draft.data)).toContain(squash('KONSEP — belum disahkan Kepala Dinas; bukan dokumen resmi.'));
    // An old version cannot be approved over a newer one.
    expect((await apiErrorAsync(() => approveDocument(o.core, bast.id, 1, o.users.kadis))).message).toBe(
      'Sudah ada versi yang lebih baru (versi 2). Periksa versi itu sebelum mengesahkan.',
    );
    // Editing an unapproved latest version also makes a new version.
    const v3 = update(o, { ...BAST_FIELDS, documentId: bast.id, copies: 3, secondParty: { ...BAST_FIELDS.secondParty, name: 'Dr. SLAMET RIYADI, M.Pd' } });
    expect(v3.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    await approveDocument(o.core, bast.id, 3, o.users.kadis);
    expect(getDocument(o.core.db, bast.id)).toMatchObject({ approvedVersion: 3, awaitingApproval: false });

    const actions = (o.core.db.prepare("SELECT action FROM audit_log WHERE entity = 'document' ORDER BY id").all() as Array<{ action: string }>).map((r) => r.action);
    expect(actions).toEqual(['dokumen.dibuat', 'dokumen.disahkan', 'dokumen.diubah', 'dokumen.diubah', 'dokumen.disahkan']);
    expect(verifyAudit(o.core.db).ok).toBe(true);
  });

  it('re-renders an unapproved version identically, whatever changed in the register since', async () => {
    const o = await office();
    const report = create(o, { type: 'laporan_hosting', acknowledgedBy: 'kabid' }, o.users.technical);
    const first = await renderDocumentVersion(o.core, report.id, null, o.users.technical);
    o.core.db.prepare("UPDATE office SET address = 'Jl. Baru No. 1'").run();
    o.core.db.prepare("UPDATE hosted_systems SET stack = 'Node.js 22'").run();
    o.setClock(at('16:00').toISOString());
    const again = await renderDocumentVersion(o.core, report.id, null, o.users.technical);
    expect(again.data.equals(first.data)).toBe(true);
    // A new version reads the register again.
    const updated = update(o, { type: 'laporan_hosting', documentId: report.id, acknowledgedBy: 'kabid' }, o.users.technical);
    expect(updated.latestVersion).toBe(2);
    const v2 = await renderDocumentVersion(o.core, report.id, null, o.users.technical);
    expect(joined(v2.data)).toContain(squash('TeknologiNode.js 22'));
    expect(joined(v2.data)).toContain(squash('Jl. Baru No. 1'));
  });

  it('is approved through the call as a desk sends it, with an idempotency key (the handler awaits the PDF)', async () => {
    const o = await office();
    const access = create(o, { type: 'hak_akses_hosting' }, o.users.kadis);
    const { token } = login(o.core.db, 'kadis', 'kata-sandi-1', o.core.now());
    const options = { idempotencyKey: 'sahkan-dokumen-0001' };
    const first = await dispatch(o.core, handlers, 'documents.approve', { documentId: access.id, version: 1 }, token, options);
    expect(first).toMatchObject({ ok: true, value: { approvedVersion: 1, awaitingApproval: false, versions: [{ version: 1, locked: true }] } });
    // The same key again (a retry after a lost answer) gets the same answer, not "already approved".
    const retry = await dispatch(o.core, handlers, 'documents.approve', { documentId: access.id, version: 1 }, token, options);
    expect(retry).toMatchObject({ ok: true, replayed: true, value: { approvedVersion: 1 } });
    // Opening the access document (it prints the password) keeps no copy of the answer for retries.
    const opened = await dispatch(o.core, handlers, 'documents.renderVersion', { documentId: access.id }, token, { idempotencyKey: 'buka-dokumen-0001' });
    expect(opened).toMatchObject({ ok: true });
    const kept = o.core.db.prepare("SELECT call FROM idempotency_keys WHERE call = 'documents.renderVersion'").all();
    expect(kept).toEqual([]);
  });
});

describe('verify-doc', () => {
  it('accepts the approved file and rejects one with a changed byte, a draft, and an unknown PDF (CLI and call)', async () => {
    const o = await office();
    const access = create(o, { type: 'hak_akses_hosting' }, o.users.kadis);
    await approveDocument(o.core, access.id, 1, o.users.kadis);
    const approved = (await renderDocumentVersion(o.core, access.id, 1, o.users.kadis)).data;
    update(o, { type: 'hak_akses_hosting', documentId: access.id, notes: 'Basis data dibuat terpisah.' }, o.users.kadis);
    const draft = (await renderDocumentVersion(o.core, access.id, 2, o.users.kadis)).data;
    const changed = flipByteInStream(approved);
    expect(changed.length).toBe(approved.length);
    expect(changed.equals(approved)).toBe(false);
    const receipt = (await renderLetterDocument(o.core, 'receipt', o.letterId, 'A4')).data;
    keep('verify-approved.pdf', approved);
    keep('verify-changed.pdf', changed);

    // The service.
    expect(verifyDocumentFile(o.core.db, o.core.files, approved)).toMatchObject({
      status: 'approved',
      document: { type: 'hak_akses_hosting', number: '500.12/001/Diskominfo/2026', version: 1, approvedBy: 'Pengguna kadis' },
    });
    const modified = verifyDocumentFile(o.core.db, o.core.files, changed, o.core.secrets);
    expect(modified.status).toBe('modified');
    expect(modified.document).toMatchObject({ number: '500.12/001/Diskominfo/2026', version: 1 });
    expect(modified.message).toMatch(/^Berkas ini TIDAK sama dengan dokumen yang disahkan: Dokumen hak akses hosting Nomor 500\.12\/001\/Diskominfo\/2026 versi 1, disahkan oleh Pengguna kadis/);
    expect(modified.message).toContain('(ukuran sama, 1 bita berbeda)');
    expect(verifyDocumentFile(o.core.db, o.core.files, draft)).toMatchObject({ status: 'not_approved', document: { version: 2, approvedBy: null } });
    expect(verifyDocumentFile(o.core.db, o.core.files, receipt).status).toBe('unknown');
    expect(verifyDocumentFile(o.core.db, o.core.files, Buffer.from('bukan pdf'))).toMatchObject({ status: 'unknown', message: 'Berkas ini bukan PDF.' });

    // The screen's call.
    const viaApi = await call(o, 'documents.verify', { dataBase64: changed.toString('base64') }, 'frontdesk');
    expect(viaApi).toMatchObject({ ok: true, value: { status: 'modified' } });

    // The command line: exit 0 only for the approved file.
    o.core.db.close();
    const dir = fs.mkdtempSync(path.join(o.dataDir, 'periksa-'));
    const file = (name: string, data: Buffer) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, data);
      return p;
    };
    const ok = await cli(['--data', o.dataDir, 'verify-doc', file('disahkan.pdf', approved)]);
    expect(ok.code).toBe(0);
    expect(ok.text).toMatch(/^DISAHKAN: Berkas ini SAMA dengan Dokumen hak akses hosting Nomor 500\.12\/001\/Diskominfo\/2026 versi 1 yang disahkan oleh Pengguna kadis pada 23 November 2026 pukul 10\.30 WIB\. Catatan: sudah ada versi 2 yang lebih baru, belum disahkan\.$/);
    const bad = await cli(['--data', o.dataDir, 'verify-doc', file('diubah.pdf', changed)]);
    expect(bad.code).toBe(1);
    expect(bad.text).toMatch(/^TIDAK SAMA: Berkas ini TIDAK sama dengan dokumen yang disahkan: Dokumen hak akses hosting Nomor 500\.12\/001\/Diskominfo\/2026 versi 1/);
    const konsep = await cli(['--data', o.dataDir, 'verify-doc', file('konsep.pdf', draft)]);
    expect(konsep.code).toBe(1);
    expect(konsep.text).toBe(
      'BELUM DISAHKAN: Berkas ini adalah Dokumen hak akses hosting Nomor 500.12/001/Diskominfo/2026 versi 2 yang BELUM disahkan Kepala Dinas (konsep); bukan dokumen resmi. Versi yang disahkan: versi 1.',
    );
    const unknown = await cli(['--data', o.dataDir, 'verify-doc', file('tanda-terima.pdf', receipt)]);
    expect(unknown.code).toBe(1);
    expect(unknown.text).toMatch(/^TIDAK DIKENAL: /);
    expect((await cli(['--data', o.dataDir, 'verify-doc', path.join(dir, 'tidak-ada.pdf')])).code).toBe(1);
    expect((await cli(['--data', o.dataDir, 'verify-doc'])).code).toBe(2);
  });

  it('tells a draft printed before approval from the approved file', async () => {
    const o = await office();
    const report = create(o, { type: 'laporan_hosting' }, o.users.technical);
    const draft = (await renderDocumentVersion(o.core, report.id, 1, o.users.technical)).data;
    await approveDocument(o.core, report.id, 1, o.users.kadis);
    const result = verifyDocumentFile(o.core.db, o.core.files, draft);
    expect(result.status).toBe('not_approved');
    expect(result.message).toMatch(/^Berkas ini adalah konsep Laporan pembuatan domain dan hosting Nomor 500\.12\/001\/Diskominfo\/2026 versi 1 yang dicetak sebelum disahkan\./);
  });
});

describe('a number with characters outside ASCII', () => {
  it('is carried in the Keywords (UTF-16) and still names the document when a byte changed', async () => {
    const o = await office();
    const types = DEFAULT_DOCUMENT_TYPES.map((t) => (t.key === 'laporan_hosting' ? { ...t, unit: 'Kominfo–Tarakan (Pusat)' } : t));
    saveDocumentTypes(o.core.db, types, o.users.admin, o.core.now());
    const report = create(o, { type: 'laporan_hosting' }, o.users.technical);
    expect(report.number).toBe('500.12/001/Kominfo–Tarakan (Pusat)/2026');
    await approveDocument(o.core, report.id, 1, o.users.kadis);
    const pdf = (await renderDocumentVersion(o.core, report.id, 1, o.users.technical)).data;
    expect(verifyDocumentFile(o.core.db, o.core.files, pdf).status).toBe('approved');
    const changed = verifyDocumentFile(o.core.db, o.core.files, flipByteInStream(pdf));
    expect(changed).toMatchObject({ status: 'modified', document: { number: '500.12/001/Kominfo–Tarakan (Pusat)/2026', version: 1 } });
  });
});

describe('the stamp and the metadata', () => {
  it('carry number, version and content hash: in the Keywords and in the printed line', async () => {
    const o = await office();
    const report = create(o, { type: 'laporan_hosting', acknowledgedBy: 'kabid' }, o.users.technical);
    const view = getDocument(o.core.db, report.id);
    const hash = view.versions[0]?.contentHash ?? '';
    const row = o.core.db.prepare('SELECT content FROM document_versions WHERE document_id = ?').get(report.id) as { content: string };
    expect(contentHashOf(DocumentContentSchema.parse(JSON.parse(row.content)))).toBe(hash);
    const pdf = await renderDocumentVersion(o.core, report.id, null, o.users.technical);
    const info = pdfinfo(pdf.data);
    expect(info.Keywords).toBe(`LOKET|laporan_hosting|500.12/001/Diskominfo/2026|v1|${hash}`);
    expect(info.Title).toBe('Laporan pembuatan domain dan hosting 500.12/001/Diskominfo/2026');
    expect(joined(pdf.data)).toContain(squash(`Nomor 500.12/001/Diskominfo/2026 · versi 1 · ${hash.slice(0, 16)}`));
    // The stamp sits at the bottom left of the content area.
    const first = words(pdf.data).find((w) => w.text === 'Nomor' && w.yMin > 600);
    expect(first?.xMin ?? 0).toBeGreaterThan(letterMargins('A4').left + 60);
    expect(first?.xMin ?? 0).toBeLessThan(letterMargins('A4').left + 90);
  });
});

/** zbarimg (Debian zbar-tools) is not needed by Loket; where it is installed, the printed QR code is decoded too. */
const hasZbar = (() => {
  try {
    execFileSync('zbarimg', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('the printed QR code', () => {
  it.skipIf(!hasZbar)('decodes (zbarimg) to the payload in the Keywords', async () => {
    const o = await office();
    const access = create(o, { type: 'hak_akses_hosting' }, o.users.kadis);
    await approveDocument(o.core, access.id, 1, o.users.kadis);
    const pdf = (await renderDocumentVersion(o.core, access.id, 1, o.users.kadis)).data;
    const file = path.join(o.dataDir, 'hak-akses.pdf');
    fs.writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', file, path.join(o.dataDir, 'qr')]);
    const png = path.join(o.dataDir, 'qr.png');
    const decoded = execFileSync('zbarimg', ['-q', '--raw', png], { stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8').trim();
    expect(decoded).toBe(pdfinfo(pdf).Keywords);
    expect(parseQrPayload(decoded)).toMatchObject({ type: 'hak_akses_hosting', number: '500.12/001/Diskominfo/2026', version: 1 });
  });
});

describe('who may create what', () => {
  it('follows the SOP step that records the document, plus Kadis, Kabid and administrator; refuses the half folio', async () => {
    const o = await office();
    // SOP A step 6 (Kasi Pusat Data: technical) records the report; the front desk records none.
    const byTechnical = await call(o, 'documents.create', { type: 'laporan_hosting', requestId: o.requestId, paper: 'A4' }, 'technical');
    expect(byTechnical.ok).toBe(true);
    const byFrontDesk = await call(o, 'documents.create', { type: 'laporan_hosting', requestId: o.requestId }, 'frontdesk');
    expect(byFrontDesk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!byFrontDesk.ok) expect(byFrontDesk.error.message).toBe('Laporan pembuatan domain dan hosting permohonan ini dibuat atau diubah oleh: Kasi / Petugas teknis, Kepala Dinas, Kepala Bidang, Administrator.');
    // SOP A has no BAST step: the technical officer may not, the Kabid may.
    expect(await call(o, 'documents.create', { ...BAST_FIELDS, requestId: o.requestId }, 'technical')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await call(o, 'documents.create', { ...BAST_FIELDS, requestId: o.requestId }, 'kabid')).ok).toBe(true);
    const half = await call(o, 'documents.create', { ...BAST_FIELDS, requestId: o.requestId, paper: 'HALF_FOLIO' }, 'kabid');
    expect(half).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Dokumen ini dicetak pada kertas A4 atau F4; setengah folio tidak didukung.' } });
    const forTechnical = documentsForRequest(o.core.db, o.requestId, o.users.technical);
    expect(forTechnical.canCreate).toEqual(['laporan_hosting']);
    expect(forTechnical.canApprove).toBe(false);
    expect(documentsForRequest(o.core.db, o.requestId, o.users.kadis)).toMatchObject({ canCreate: ['laporan_hosting', 'hak_akses_hosting', 'bast', 'surat_pengantar'], canApprove: true });
    // The surat pemberitahuan only for a returned request.
    expect(apiError(() => create(o, { type: 'surat_pemberitahuan' })).message).toBe('Surat pemberitahuan hanya untuk permohonan yang dikembalikan.');
  });
});

describe('every document on A4 and F4', () => {
  it('renders the report, access document, BAST, cover letter and return notice inside the margins', async () => {
    const o = await office();
    const report = create(o, { type: 'laporan_hosting', acknowledgedBy: 'kabid', notes: 'Sertifikat TLS dipasang dari Let’s Encrypt.' }, o.users.technical);
    const access = create(o, { type: 'hak_akses_hosting' }, o.users.kadis);
    const bast = create(o, BAST_FIELDS);
    const cover = create(o, { type: 'surat_pengantar' }, o.users.kadis);
    await approveDocument(o.core, access.id, 1, o.users.kadis);

    // A returned request (SOP C) gets its numbered surat pemberitahuan.
    setServiceSop(o.core.db, 'hosting', 'tarakan-hosting-subdomain');
    const l = registerLetter(o.core.db, LetterInputSchema.parse({ ...letter, letterNumber: '005/78/Disdik/2026' }), o.userIds.front_desk, o.core.now());
    const returnedId = requestIdForLetter(o.core.db, l.id) ?? 0;
    act(o, o.users.front_desk, returnedId, at('10:40'), { action: 'complete' });
    act(o, o.users.kadis, returnedId, at('10:45'), { action: 'dispose', recipients: [o.users.kabid.id] });
    act(o, o.users.kabid, returnedId, at('10:50'), { action: 'complete' });
    act(o, o.users.kabid, returnedId, at('11:20'), { action: 'decide', branch: 'tidak', note: '1. Nama subdomain belum disebutkan.\n2. Penanggung jawab aplikasi belum ditunjuk.' });
    const notice = create(o, { type: 'surat_pemberitahuan', requestId: returnedId });
    expect(notice.number).toBe('500.12/001/Diskominfo/2026');

    const checks: Array<[DocumentView, string[]]> = [
      [report, ['LAPORAN PEMBUATAN DOMAIN DAN HOSTING', 'Yth. Kepala Bidang Infrastruktur dan Statistik', 'BUDI SANTOSO, S.Kom', 'Mengetahui,', 'Yang melaporkan,', 'Kasi Pusat Data,', 'Pengguna technical', 'Disimpan terenkripsi di Loket']],
      [access, ['DOKUMEN HAK AKSES HOSTING', o.password, 'Disahkan oleh Pengguna kadis']],
      [bast, ['BERITA ACARA SERAH TERIMA', 'Saksi-saksi:']],
      [
        cover,
        [
          'Lampiran: 2 (dua) berkas',
          'Hal: Penyampaian Hak Akses Hosting',
          'Yth. Kepala Dinas Pendidikan',
          '1. Dokumen hak akses hosting Nomor 500.12/001/Diskominfo/2026',
          '2. Berita Acara Serah Terima Nomor 500.12/001/Diskominfo/2026',
          'harus segera diganti saat pertama kali masuk',
          'Plt. Kepala Dinas Komunikasi dan Informatika,',
        ],
      ],
      [notice, ['Nomor: 500.12/001/Diskominfo/2026', 'Pengembalian Permohonan Hosting', '1. Nama subdomain belum disebutkan.', 'Pekalongan, 23 November 2026']],
    ];
    for (const [doc, expected] of checks) {
      for (const paper of ['A4', 'F4'] as const) {
        const current = getDocument(o.core.db, doc.id);
        const target =
          current.versions[0]?.paper === paper
            ? current
            : update(o, { ...current.fields, documentId: doc.id, paper } as UpdateRaw, doc.type === 'laporan_hosting' ? o.users.technical : o.users.kadis);
        if (target.awaitingApproval && doc.type === 'hak_akses_hosting') await approveDocument(o.core, doc.id, target.latestVersion, o.users.kadis);
        const pdf = await renderDocumentVersion(o.core, doc.id, null, o.users.kadis);
        keep(`${doc.type}-${paper}.pdf`, pdf.data);
        // The berita acara with two witnesses takes two pages; everything else one.
        expect(pdf.pages, `${doc.type} ${paper}`).toBe(doc.type === 'bast' ? 2 : 1);
        expect(pdfinfo(pdf.data)['Page size'], `${doc.type} ${paper}`).toContain(paper === 'A4' ? '595.28 x 841.89' : '609.45 x 935.43');
        const all = joined(pdf.data);
        for (const e of expected) expect(all, `${doc.type} ${paper}: ${e}`).toContain(squash(e));
        expectInside(pdf.data, paper);
      }
    }
    expect(verifyAudit(o.core.db).ok).toBe(true);
  });
});

describe('printing a registered document at a desk of the LAN', () => {
  it('runs at the desk: drawn by the host, printed on the desk’s printer on the version’s own paper', async () => {
    const o = await office();
    const doc = create(o, { ...BAST_FIELDS, paper: 'F4' });
    const listener = new LanListener({ core: o.core, handlers, hub: new ChangeHub() });
    await listener.apply({ enabled: true, address: '127.0.0.1', port: 0 });
    const cert = fs.readFileSync(path.join(o.dataDir, TLS_DIR, 'host.crt'), 'utf8');
    const fingerprint = new crypto.X509Certificate(cert).fingerprint256;
    const admin = listUsers(o.core.db).find((u) => u.role === 'admin');
    if (!admin) throw new Error('no admin');
    const { code } = createPairingCode(o.core.db, o.dataDir, admin, o.core.now());
    const klien = await pairWithHost({ hostUrl: `https://127.0.0.1:${listener.port ?? 0}`, code, deskName: 'Meja Kabid', fingerprint });
    // The desk's own printer (the operating system's print queue stands in as a recorder).
    const jobs: Array<{ printer: string; copies: number; paper: string; pages: number }> = [];
    const deskPrefs = new JsonPrefsStore(path.join(o.dataDir, 'meja-kabid.json'));
    deskPrefs.set({ paper: 'A4' });
    const desk = new RemoteDispatcher(new HostClient(klien), {
      printing: {
        list: async () => ({ available: true, printers: [{ name: 'Printer-Meja-Kabid', isDefault: true }], message: null }),
        print: async (job) => {
          jobs.push({ printer: job.printer, copies: job.copies, paper: job.paper, pages: Number(/\/Count (\d+)/.exec(job.pdf.toString('latin1'))?.[1] ?? 0) });
          return { jobId: 'meja-1' };
        },
      },
      prefs: deskPrefs,
    });
    try {
      const session = await desk.call({ name: 'auth.login', input: { username: 'kabid', password: 'kata-sandi-1' }, token: null, deskId: null, remoteAddress: null, idempotencyKey: null });
      if (!session.ok) throw new Error(session.error.message);
      const token = (session.value as { token: string }).token;
      const printed = await desk.call({ name: 'documents.printVersion', input: { documentId: doc.id, printer: 'Printer-Meja-Kabid', copies: 2 }, token, deskId: null, remoteAddress: null, idempotencyKey: null });
      expect(printed).toEqual({ ok: true, value: { jobId: 'meja-1', printer: 'Printer-Meja-Kabid' } });
      expect(jobs).toEqual([{ printer: 'Printer-Meja-Kabid', copies: 2, paper: 'F4', pages: 2 }]);
      // The desk keeps its printer and copies; the paper it chose for its own documents stays.
      expect(deskPrefs.get()).toMatchObject({ printer: 'Printer-Meja-Kabid', copies: 2, paper: 'A4' });
      // The desk checks the role too, for what it runs itself: scanning is for the front desk.
      const scan = await desk.call({ name: 'scan.devices', input: {}, token, deskId: null, remoteAddress: null, idempotencyKey: null });
      expect(scan).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      // Without a session the desk prints nothing.
      const refused = await desk.call({ name: 'documents.printVersion', input: { documentId: doc.id, printer: 'Printer-Meja-Kabid', copies: 1 }, token: null, deskId: null, remoteAddress: null, idempotencyKey: null });
      expect(refused.ok).toBe(false);
      expect(jobs).toHaveLength(1);
    } finally {
      desk.close();
      await listener.close();
    }
  });
});
