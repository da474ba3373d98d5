/**
 * Complaints (pengaduan) through the API and the SOP engine: registered from a channel, answered
 * by an officer, forwarded to the Pejabat Pengaduan and resolved by them; one solved by the officer;
 * visibility; the receipt with the office's complaint contacts; numbering per year; deadlines from
 * an office copy of the complaint SOP; and the migration that lets a request belong to a complaint.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { handlers } from '../../electron/core/api/handlers';
import { login } from '../../electron/core/services/auth';
import { verifyAudit } from '../../electron/core/services/audit';
import { getTemplate, latestTemplateId, saveTemplate, setServiceSop } from '../../electron/core/services/sop';
import { openRegister, registerPath } from '../../electron/core/db/register';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import type { ApiResult } from '../../shared/api/errors';
import type { CallName, CallOutput } from '../../shared/api/contract';
import { tempDir } from './helpers/core';
import { office5, pdftotext, registerAt, snapshot, wib, type Office5 } from './helpers/issue5';

const PASSWORDS: Record<string, string> = { admin: 'rahasia-admin-1' };

const sessions = new WeakMap<Office5, Map<string, { token: string; at: number }>>();

/** One API call as `username`; a session is reused while the office clock has not jumped past its idle limit. */
async function call<N extends CallName>(o: Office5, username: string, name: N, input: unknown): Promise<ApiResult<CallOutput<N>>> {
  const mine = sessions.get(o) ?? new Map<string, { token: string; at: number }>();
  sessions.set(o, mine);
  const now = o.core.now().getTime();
  let session = mine.get(username);
  if (!session || now - session.at > 5 * 60_000 || now < session.at) {
    session = { token: login(o.core.db, username, PASSWORDS[username] ?? 'kata-sandi-1', o.core.now()).token, at: now };
  }
  mine.set(username, { token: session.token, at: now });
  return (await dispatch(o.core, handlers, name, input, session.token)) as ApiResult<CallOutput<N>>;
}

async function ok<N extends CallName>(o: Office5, username: string, name: N, input: unknown): Promise<CallOutput<N>> {
  const result = await call(o, username, name, input);
  if (!result.ok) throw new Error(`${name} by ${username}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function setUp(): Promise<Office5> {
  const o = await office5();
  o.addUser('kabid', 'kabid2', 'Kabid Lain');
  await ok(o, 'admin', 'complaints.settings.save', {
    phone: '(0285) 421243',
    email: 'pengaduan@pekalongankota.go.id',
    website: 'kominfo.pekalongankota.go.id/pengaduan',
    twitter: 'kominfopkl',
    instagram: 'diskominfo.pkl',
    officerName: 'BUDI SANTOSO, S.Kom',
    officerPhone: '0812 0000 1111',
  });
  return o;
}

/** The current step of the complaint's request and the revision, as `username` sees it. */
async function requestOf(o: Office5, username: string, complaintId: number) {
  const view = await ok(o, username, 'requests.forComplaint', { complaintId });
  if (!view) throw new Error('no request');
  return view;
}

async function step(o: Office5, username: string, complaintId: number, at: Date, action: Record<string, unknown>) {
  o.setClock(at.toISOString());
  const view = await requestOf(o, username, complaintId);
  return ok(o, username, 'requests.act', { requestId: view.id, stepId: view.currentStep?.id, revision: view.revision, ...action });
}

describe('pengaduan', () => {
  it('is escalated to the Pejabat Pengaduan and resolved, through the SOP engine', async () => {
    const o = await setUp();
    const settings = await ok(o, 'frontdesk', 'complaints.settings.get', {});
    expect(settings.lines).toEqual([
      'Telepon: (0285) 421243',
      'E-mail: pengaduan@pekalongankota.go.id',
      'Website: kominfo.pekalongankota.go.id/pengaduan',
      'Twitter/X: @kominfopkl',
      'Instagram: @diskominfo.pkl',
      'Pejabat Pengaduan: BUDI SANTOSO, S.Kom (telepon 0812 0000 1111)',
    ]);
    const { letterId } = registerAt(o, wib('2026-11-23', '08:00'));
    o.setClock(wib('2026-11-23', '09:00').toISOString());
    const complaint = await ok(o, 'frontdesk', 'complaints.register', {
      channel: 'telepon',
      complainantName: 'Rina (operator Disdik)',
      complainantContact: '0812 2700 1234',
      opdId: o.opd.disdik,
      relatedLetterId: letterId,
      subject: 'Permohonan hosting belum ada kabar',
      description: 'Sudah seminggu belum ada tanggapan atas surat permohonan hosting PPDB.',
    });
    expect(complaint).toMatchObject({ number: 'ADU/001/2026', status: 'ditangani', escalated: false, channel: 'telepon', opdName: 'Dinas Pendidikan' });
    expect(complaint.relatedLetter?.id).toBe(letterId);

    // The officer (technical) has it in the queue, named by its number and the complainant.
    const queue = await ok(o, 'technical', 'queue.mine', {});
    const item = queue.find((q) => q.complaintId === complaint.id);
    expect(item).toMatchObject({ letterId: null, agendaNumber: 'ADU/001/2026', senderName: 'Rina (operator Disdik)', step: { number: '2' } });

    // Step 2: respond; 3a: not solved; 3b: forward to the Pejabat Pengaduan (a Kabid).
    await step(o, 'technical', complaint.id, wib('2026-11-23', '09:30'), { action: 'complete', note: 'Sudah ditelepon balik; perlu keputusan pimpinan.' });
    await step(o, 'technical', complaint.id, wib('2026-11-23', '09:40'), { action: 'decide', branch: 'tidak' });
    const forwarded = await step(o, 'technical', complaint.id, wib('2026-11-23', '09:45'), {
      action: 'dispose',
      recipients: [o.users.kabid.id],
      instructions: ['Untuk ditindaklanjuti'],
      note: 'Mohon diselesaikan.',
    });
    expect(forwarded).toMatchObject({ letterId: null, complaintId: complaint.id, currentStep: { number: '4', actorLabel: 'Pejabat Pengaduan' } });
    expect((await ok(o, 'frontdesk', 'complaints.get', { id: complaint.id })).status).toBe('diteruskan');

    // Who sees it: the front desk, the officer's role, the Kadis and the recipient; not another Kabid, not security.
    expect((await call(o, 'kabid2', 'complaints.get', { id: complaint.id })).ok).toBe(false);
    expect(await call(o, 'security', 'complaints.get', { id: complaint.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await ok(o, 'kabid2', 'complaints.list', {})).total).toBe(0);
    expect((await ok(o, 'kadis', 'complaints.list', {})).total).toBe(1);
    expect((await ok(o, 'technical', 'complaints.get', { id: complaint.id })).escalated).toBe(true);

    // The Pejabat Pengaduan finds it unread in the queue, opens it, and resolves it.
    const kabidQueue = await ok(o, 'kabid', 'queue.mine', {});
    expect(kabidQueue.find((q) => q.complaintId === complaint.id)?.unreadDisposition).toBe(true);
    const done = await step(o, 'kabid', complaint.id, wib('2026-11-23', '10:30'), { action: 'complete', note: 'Hosting sudah diproses; pengadu diberi tahu.' });
    expect(done.state).toBe('selesai');
    expect(done.dispositions[0]?.recipients[0]?.readAt).not.toBeNull();
    expect(done.visits.map((v) => v.number)).toEqual(['1', '2', '3a', '3b', '4']);
    const resolved = await ok(o, 'frontdesk', 'complaints.get', { id: complaint.id });
    expect(resolved).toMatchObject({ status: 'selesai', escalated: true, resolvedAt: wib('2026-11-23', '10:30').toISOString() });
    expect((await ok(o, 'kabid', 'queue.mine', {})).some((q) => q.complaintId === complaint.id)).toBe(false);

    // A second complaint, by e-mail, solved by the officer.
    o.setClock(wib('2026-11-24', '08:00').toISOString());
    const second = await ok(o, 'frontdesk', 'complaints.register', { channel: 'email', complainantName: 'Warga', subject: 'Laman lambat' });
    expect(second.number).toBe('ADU/002/2026');
    await step(o, 'technical', second.id, wib('2026-11-24', '08:30'), { action: 'complete' });
    await step(o, 'technical', second.id, wib('2026-11-24', '08:35'), { action: 'decide', branch: 'ya' });
    expect(await ok(o, 'frontdesk', 'complaints.get', { id: second.id })).toMatchObject({ status: 'selesai', escalated: false });

    const list = await ok(o, 'frontdesk', 'complaints.list', { status: 'selesai' });
    expect(list.items.map((c) => c.number)).toEqual(['ADU/002/2026', 'ADU/001/2026']);
    expect((await ok(o, 'frontdesk', 'complaints.list', { q: 'hosting' })).items.map((c) => c.number)).toEqual(['ADU/001/2026']);
    expect((await ok(o, 'frontdesk', 'complaints.list', { channel: 'email' })).total).toBe(1);

    // The report counts one resolved by the officer and one by the Pejabat Pengaduan.
    const report = await ok(o, 'kadis', 'reports.data', { report: { kind: 'complaints', from: '2026-11-01', to: '2026-11-30' } });
    const resolution = report.sections.find((s) => s.title === 'Penyelesaian')?.table?.rows;
    // 09.00–10.30 = 90 working minutes; 08.00–08.35 = 35.
    expect(resolution?.[0]).toEqual(['Diselesaikan oleh petugas', 1, 35, 35]);
    expect(resolution?.[1]).toEqual(['Diteruskan dan diselesaikan Pejabat Pengaduan', 1, 90, 90]);

    // The audit trail of the complaint and its request.
    const audit = await ok(o, 'frontdesk', 'audit.forComplaint', { complaintId: complaint.id });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['pengaduan.dicatat', 'permohonan.dimulai', 'disposisi.dikirim', 'langkah.selesai']));
    expect(verifyAudit(o.core.db).ok).toBe(true);
  }, 60_000);

  it('prints the Tanda Terima Pengaduan with the complaint contacts', async () => {
    const o = await setUp();
    o.setClock(wib('2026-11-23', '09:00').toISOString());
    const c = await ok(o, 'frontdesk', 'complaints.register', {
      channel: 'instagram',
      complainantName: '@wargapkl',
      subject: 'Situs kelurahan tidak bisa dibuka',
      description: 'Dilaporkan lewat pesan langsung Instagram.',
    });
    for (const paper of ['A4', 'HALF_FOLIO'] as const) {
      const pdf = await ok(o, 'frontdesk', 'complaints.receipt', { id: c.id, paper });
      expect(pdf.pages).toBe(1);
      expect(pdf.fileName).toBe('tanda-terima-pengaduan-ADU-001-2026.pdf');
      const bytes = Buffer.from(pdf.dataBase64, 'base64');
      snapshot(bytes, `tanda-terima-pengaduan-${paper}`);
      const text = pdftotext(bytes).replace(/\s+/g, ' ');
      expect(text).toContain('TANDA TERIMA PENGADUAN');
      expect(text).toContain('ADU/001/2026');
      expect(text).toContain('Instagram');
      expect(text).toContain('Saluran pengaduan:');
      expect(text).toContain('Telepon: (0285) 421243');
      expect(text).toContain('Instagram: @diskominfo.pkl');
      // The contacts box sits beside the signature: its last line may wrap next to the clerk's name.
      expect(text).toContain('Pejabat Pengaduan: BUDI SANTOSO, S.Kom (telepon');
      expect(text).toContain('0812 0000 1111)');
      expect(text).toContain('Pengguna front_desk');
    }
    // Printed through the operating system on the paper asked for; the standar pelayanan too.
    expect(await ok(o, 'frontdesk', 'complaints.printReceipt', { id: c.id, paper: 'HALF_FOLIO', printer: 'Uji', copies: 2 })).toEqual({ jobId: 'Uji-1', printer: 'Uji' });
    expect(await ok(o, 'frontdesk', 'standards.print', { service: 'hosting', printer: 'Uji', copies: 1 })).toEqual({ jobId: 'Uji-2', printer: 'Uji' });
    expect(await call(o, 'frontdesk', 'complaints.printReceipt', { id: c.id, printer: '', copies: 1 })).toMatchObject({ ok: false, error: { fields: { printer: 'Pilih printer.' } } });
  });

  it('numbers per year, needs the complaint SOP, and takes deadlines from an office copy of it', async () => {
    const o = await setUp();
    // Without a complaint SOP nothing is written.
    setServiceSop(o.core.db, 'pengaduan', null);
    o.setClock(wib('2026-11-23', '09:00').toISOString());
    const refused = await call(o, 'frontdesk', 'complaints.register', { channel: 'langsung', complainantName: 'A', subject: 'B' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(o.core.db.prepare('SELECT COUNT(*) AS n FROM complaints').get()).toEqual({ n: 0 });
    expect(o.core.db.prepare('SELECT COUNT(*) AS n FROM complaint_counters').get()).toEqual({ n: 0 });

    // The built-in SOP gives no times: no deadline.
    setServiceSop(o.core.db, 'pengaduan', 'pengaduan');
    const plain = await ok(o, 'frontdesk', 'complaints.register', { channel: 'langsung', complainantName: 'A', subject: 'B' });
    expect(plain.number).toBe('ADU/001/2026');
    const plainView = await requestOf(o, 'frontdesk', plain.id);
    expect(plainView.visits.at(-1)?.timing).toMatchObject({ status: 'no_standard', dueAt: null });

    // An office copy that promises an answer within one working day.
    const copy = structuredClone(getTemplate(o.core.db, latestTemplateId(o.core.db, 'pengaduan') ?? 0));
    copy.key = 'pengaduan-kantor';
    copy.name = 'Pengelolaan Pengaduan (Diskominfo)';
    const respond = copy.steps.find((s) => s.id === 'e2');
    if (!respond || respond.kind === 'end') throw new Error('no e2');
    respond.standard = { kind: 'days', value: 1 };
    saveTemplate(o.core.db, copy, o.users.admin.id, o.core.now());
    setServiceSop(o.core.db, 'pengaduan', 'pengaduan-kantor');
    const timed = await ok(o, 'frontdesk', 'complaints.register', { channel: 'website', complainantName: 'C', subject: 'D' });
    const view = await requestOf(o, 'technical', timed.id);
    expect(view.template.key).toBe('pengaduan-kantor');
    expect(view.currentStep?.number).toBe('2');
    // H+1: the end of office hours the next working day (Tuesday 16.00 WIB).
    expect(view.visits.at(-1)?.timing).toMatchObject({ status: 'on_track', dueAt: wib('2026-11-24', '16:00').toISOString() });

    // A new year starts again at 001.
    o.setClock(wib('2027-01-04', '08:00').toISOString());
    expect((await ok(o, 'frontdesk', 'complaints.register', { channel: 'telepon', complainantName: 'E', subject: 'F' })).number).toBe('ADU/001/2027');
    expect((await call(o, 'technical', 'complaints.register', { channel: 'telepon', complainantName: 'E', subject: 'F' })).ok).toBe(false);
  });
});

describe('migration 6: a request belongs to a letter or a complaint', () => {
  it('rebuilds requests with the same ids, keeps every reference, and checks exactly one owner', async () => {
    const dataDir = tempDir();
    const before = MIGRATIONS.filter((m) => m.version < 6);
    const v5 = await openRegister({ dataDir, migrations: before });
    v5.exec(`
      INSERT INTO users (id, username, full_name, role, password_hash, created_at) VALUES (1, 'a', 'A', 'admin', 'x', 't');
      INSERT INTO classification_codes (code, description) VALUES ('000', 'Umum');
      INSERT INTO letters (id, year, seq, agenda_number, sender_name, letter_number, letter_date, received_at, subject, nature, classification_code, service, created_by, created_at)
        VALUES (10, 2026, 1, '1/000/2026', 'Disdik', '1', '2026-01-01', '2026-01-02T00:00:00Z', 's', 'biasa', '000', 'hosting', 1, 't'),
               (11, 2026, 2, '2/000/2026', 'Disdik', '2', '2026-01-01', '2026-01-02T00:00:00Z', 's', 'biasa', '000', 'hosting', 1, 't');
      INSERT INTO sop_templates (id, key, version, name, subject, builtin, definition, created_at) VALUES (1, 'k', 1, 'K', 'request', 1, '{}', 't');
      INSERT INTO requests (id, letter_id, template_id, current_step, state, started_at, revision) VALUES (7, 10, 1, 'a2', 'berjalan', 't', 3), (9, 11, 1, 'a_end', 'selesai', 't', 8);
      INSERT INTO request_events (request_id, at, type, step_id) VALUES (7, 't', 'step_started', 'a1'), (9, 't', 'step_started', 'a1');
      INSERT INTO request_roles (request_id, role) VALUES (7, 'front_desk');
      INSERT INTO dispositions (id, request_id, step_id, from_user_id, to_role_key, instructions, created_at) VALUES (1, 7, 'a3', 1, 'kabid', '[]', 't');
      INSERT INTO disposition_recipients (disposition_id, user_id) VALUES (1, 1);
      INSERT INTO opd (id, name, name_key) VALUES (1, 'Disdik', 'disdik');
      INSERT INTO hosting_parent_domains (id, domain, position) VALUES (1, 'kota.go.id', 0);
      INSERT INTO hosted_systems (id, opd_id, application_name, subdomain, parent_domain, request_id, created_by, created_at, updated_at) VALUES (1, 1, 'A', 'a', 'kota.go.id', 9, 1, 't', 't');
      INSERT INTO security_evaluations (request_id, checklist, passed, evaluated_by, evaluated_at) VALUES (7, '[]', 1, 1, 't');
      INSERT INTO hosted_system_links (hosted_system_id, request_id, letter_id, linked_by, linked_at) VALUES (1, 9, 11, 1, 't');
    `);
    v5.close();

    const db = await openRegister({ dataDir });
    expect(db.prepare('SELECT id, letter_id, complaint_id, state, revision FROM requests ORDER BY id').all()).toEqual([
      { id: 7, letter_id: 10, complaint_id: null, state: 'berjalan', revision: 3 },
      { id: 9, letter_id: 11, complaint_id: null, state: 'selesai', revision: 8 },
    ]);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'requests' AND name = 'requests_open'").get()).toBeTruthy();
    // Still enforced: neither owner, both owners, a request that does not exist.
    expect(() => db.prepare("INSERT INTO requests (letter_id, complaint_id, template_id, current_step, state, started_at) VALUES (NULL, NULL, 1, 'x', 'berjalan', 't')").run()).toThrow(/CHECK/);
    expect(() => db.prepare('DELETE FROM requests WHERE id = 7').run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO request_events (request_id, at, type, step_id) VALUES (99, 't', 'step_started', 'a1')").run()).toThrow(/FOREIGN KEY/);
    db.close();
    // The file is a consistent SQLite database.
    const raw = new Database(registerPath(dataDir), { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });
});
