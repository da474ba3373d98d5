// Several desks, one register (issue 8): the LAN listener in this process on 127.0.0.1, desks
// paired over HTTPS with a pinned certificate, and what must be refused.
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../electron/core/api/handlers';
import { ChangeHub } from '../../electron/core/api/events';
import { resolveSession } from '../../electron/core/services/auth';
import { verifyAudit } from '../../electron/core/services/audit';
import { createPairingCode, getLanSettings, saveLanSettings } from '../../electron/core/services/lan';
import { TLS_DIR } from '../../electron/core/services/tls';
import { LanListener } from '../../electron/host/lan';
import { HostClient, pairWithHost, SAVED_AFTER_OUTAGE, type Klien } from '../../electron/host/remote';
import type { ChangeEvent } from '../../shared/api/effects';
import type { User } from '../../shared/api/schemas';
import { createTestOffice, type TestOffice } from './helpers/core';
import { letterInput, loginAt } from './helpers/lan';

let office: TestOffice;
let listener: LanListener;
let port = 0;
let fingerprint = '';
let clock = Date.now();
const clients: HostClient[] = [];

function tick(ms: number): void {
  clock += ms;
  office.setClock(new Date(clock).toISOString());
}

function admin(): User {
  return { id: office.adminId, username: 'admin', fullName: 'Administrator Loket', role: 'admin', officialId: null, active: true };
}

async function newDesk(name: string): Promise<{ klien: Klien; client: HostClient }> {
  const { code } = createPairingCode(office.core.db, office.dataDir, admin(), office.core.now());
  const klien = await pairWithHost({ hostUrl: `https://127.0.0.1:${port}`, code, deskName: name, fingerprint });
  const client = new HostClient(klien);
  clients.push(client);
  return { klien, client };
}

/** A raw HTTPS request that trusts nothing and sends what it is told (an unpaired or forged desk). */
function raw(pathName: string, options: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port, path: pathName, method: options.method ?? 'POST', rejectUnauthorized: false, headers: { 'Content-Type': 'application/json', ...options.headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(options.method === 'GET' ? undefined : JSON.stringify(options.body ?? {}));
  });
}

beforeAll(async () => {
  office = await createTestOffice({ now: new Date(clock).toISOString() });
  listener = new LanListener({ core: office.core, handlers, hub: new ChangeHub() });
  await listener.apply({ enabled: true, address: '127.0.0.1', port: 0 });
  port = listener.port ?? 0;
  const cert = fs.readFileSync(path.join(office.dataDir, TLS_DIR, 'host.crt'), 'utf8');
  fingerprint = new (await import('node:crypto')).X509Certificate(cert).fingerprint256;
});

afterAll(async () => {
  for (const c of clients) c.close();
  await listener.close();
  office.core.db.close();
});

describe('the LAN listener', () => {
  it('keeps its key to the owner and shows the certificate fingerprint', async () => {
    const key = fs.statSync(path.join(office.dataDir, TLS_DIR, 'host.key'));
    expect(key.mode & 0o077).toBe(0);
    const status = await handlers['lan.status'](office.core, {}, { user: admin(), token: null, deskId: null, remoteAddress: null });
    expect(status.listening).toBe(true);
    expect(status.fingerprint).toBe(fingerprint);
    expect(status.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('refuses a desk that is not paired, except for setup.status and lan.pair', async () => {
    const status = await raw('/api/setup.status');
    expect(status.status).toBe(200);
    const login = await raw('/api/auth.login', { body: { username: 'frontdesk', password: 'kata-sandi-1' } });
    expect(login.status).toBe(401);
    expect(JSON.parse(login.body)).toEqual({
      ok: false,
      error: { code: 'DESK_REFUSED', message: 'Meja ini belum dipasangkan dengan host Loket, atau pasangannya sudah dicabut. Pasangkan ulang dengan kode dari host.' },
    });
    const forged = await raw('/api/letters.search', { headers: { 'X-Loket-Desk': 'meja-0000000000:rahasia-palsu' } });
    expect(forged.status).toBe(401);
    const events = await raw('/api/events', { method: 'GET' });
    expect(events.status).toBe(401);
    // The renderer is not served on the LAN address.
    expect((await raw('/', { method: 'GET' })).status).toBe(404);
    const wrongCode = await raw('/api/lan.pair', { body: { code: 'AAAA-AAAA', deskName: 'Meja penyusup' } });
    expect(wrongCode.status).toBe(400);
    expect(JSON.parse(wrongCode.body).error.message).toBe('Kode pemasangan salah atau sudah dipakai.');
  });

  it('pairs a desk once per code, checks the fingerprint the person typed, and keeps only a hash of the secret', async () => {
    const { code } = createPairingCode(office.core.db, office.dataDir, admin(), office.core.now());
    await expect(pairWithHost({ hostUrl: `https://127.0.0.1:${port}`, code, deskName: 'Meja A', fingerprint: 'AB'.repeat(32) })).rejects.toThrow(/tidak sama/);
    const klien = await pairWithHost({ hostUrl: `127.0.0.1:${port}`, code: code.toLowerCase(), deskName: 'Meja A', fingerprint: fingerprint.replaceAll(':', '').toLowerCase() });
    expect(klien.fingerprint).toBe(fingerprint);
    expect(klien.deskId).toMatch(/^meja-[0-9a-f]{10}$/);
    await expect(pairWithHost({ hostUrl: `https://127.0.0.1:${port}`, code, deskName: 'Meja B', fingerprint })).rejects.toThrow('Kode pemasangan salah atau sudah dipakai.');
    const stored = office.core.db.prepare('SELECT secret_hash FROM lan_desks WHERE id = ?').get(klien.deskId) as { secret_hash: string };
    expect(stored.secret_hash).not.toContain(klien.deskSecret);
    const late = createPairingCode(office.core.db, office.dataDir, admin(), office.core.now());
    tick(11 * 60_000);
    await expect(pairWithHost({ hostUrl: `https://127.0.0.1:${port}`, code: late.code, deskName: 'Meja C', fingerprint })).rejects.toThrow('kedaluwarsa');
  });

  it('limits login attempts per user name and desk', async () => {
    const one = await newDesk('Meja depan 1');
    const two = await newDesk('Meja depan 2');
    for (let i = 0; i < 5; i++) {
      const r = await one.client.call('auth.login', { username: 'frontdesk', password: 'salah-sekali' }, null);
      expect(!r.ok && r.error.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await one.client.call('auth.login', { username: 'frontdesk', password: 'kata-sandi-1' }, null);
    expect(blocked).toEqual({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS', message: 'Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit.' } });
    // Another desk, or another user at this desk, is not held up.
    expect((await two.client.call('auth.login', { username: 'frontdesk', password: 'kata-sandi-1' }, null)).ok).toBe(true);
    expect((await one.client.call('auth.login', { username: 'kabid', password: 'kata-sandi-1' }, null)).ok).toBe(true);
    tick(10 * 60_000);
    const still = await one.client.call('auth.login', { username: 'frontdesk', password: 'kata-sandi-1' }, null);
    expect(!still.ok && still.error.message).toBe('Terlalu banyak percobaan masuk. Coba lagi dalam 5 menit.');
    tick(5 * 60_000 + 1000);
    expect((await one.client.call('auth.login', { username: 'frontdesk', password: 'kata-sandi-1' }, null)).ok).toBe(true);
  });

  it('binds a session to its desk, and a revoked desk is refused and its sessions end', async () => {
    const one = await newDesk('Meja Kabid');
    const two = await newDesk('Meja lain');
    const token = await loginAt(one.client, 'kabid');
    expect((await one.client.call('auth.me', {}, token)).ok).toBe(true);
    const elsewhere = await two.client.call('auth.me', {}, token);
    expect(!elsewhere.ok && elsewhere.error.code).toBe('UNAUTHENTICATED');
    const adminToken = await loginAt(two.client, 'admin', 'rahasia-admin-1');
    const revoked = await two.client.call('lan.desks.revoke', { id: one.klien.deskId }, adminToken);
    expect(revoked.ok && (revoked.value as { revokedAt: string | null }).revokedAt).toBeTruthy();
    const after = await one.client.call('auth.me', {}, token);
    expect(after).toMatchObject({ ok: false, error: { code: 'DESK_REFUSED' } });
    const session = office.core.db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE desk_id = ? AND ended_at IS NULL').get(one.klien.deskId) as { n: number };
    expect(session.n).toBe(0);
    const list = await two.client.call('lan.desks.list', {}, adminToken);
    expect(list.ok && (list.value as Array<{ id: string; revokedAt: string | null }>).find((d) => d.id === one.klien.deskId)?.revokedAt).toBeTruthy();
  });

  it('records the desk in the audit log, and the hash chain covers it without breaking older rows', async () => {
    const front = await newDesk('Meja depan');
    const kadisDesk = await newDesk('Meja Kadis');
    const fd = await loginAt(front.client, 'frontdesk');
    const kadis = await loginAt(kadisDesk.client, 'kadis');
    const letter = await front.client.call('letters.register', letterInput('audit'), fd);
    expect(letter.ok).toBe(true);
    const letterId = letter.ok ? (letter.value as { id: number }).id : 0;
    const view = await front.client.call('requests.forLetter', { letterId }, fd);
    const request = view.ok ? (view.value as { id: number; revision: number }) : null;
    const handed = await front.client.call('requests.act', { requestId: request?.id, revision: request?.revision, stepId: 'a2', action: 'complete' }, fd);
    expect(handed.ok).toBe(true);
    const kabidId = office.userIds.kabid;
    const afterHand = handed.ok ? (handed.value as { revision: number }) : null;
    const disposed = await kadisDesk.client.call(
      'requests.act',
      { requestId: request?.id, revision: afterHand?.revision, stepId: 'a3', action: 'dispose', recipients: [kabidId], instructions: [] },
      kadis,
    );
    expect(disposed.ok).toBe(true);
    const rows = office.core.db.prepare("SELECT id, action, desk_id FROM audit_log WHERE entity IN ('letter', 'request') ORDER BY id").all() as Array<{ id: number; action: string; desk_id: string | null }>;
    const registered = rows.find((r) => r.action === 'surat.dicatat');
    expect(registered?.desk_id).toBe(front.klien.deskId);
    expect(rows.filter((r) => r.action.startsWith('disposisi')).every((r) => r.desk_id === kadisDesk.klien.deskId)).toBe(true);
    // The audit view names the desk.
    const audit = await front.client.call('audit.forLetter', { letterId }, fd);
    expect(audit.ok && (audit.value as Array<{ deskName: string | null }>).some((a) => a.deskName === 'Meja depan')).toBe(true);
    // Rows made on the host itself (setup) have no desk and still verify.
    const hostRows = office.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE desk_id IS NULL').get() as { n: number };
    expect(hostRows.n).toBeGreaterThan(0);
    expect(verifyAudit(office.core.db).ok).toBe(true);
    // Removing or adding a desk afterwards breaks the chain at that row.
    const db = office.core.db;
    db.prepare('UPDATE audit_log SET desk_id = NULL WHERE id = ?').run(registered?.id);
    expect(verifyAudit(db).broken?.id).toBe(registered?.id);
    db.prepare('UPDATE audit_log SET desk_id = ? WHERE id = ?').run(front.klien.deskId, registered?.id);
    expect(verifyAudit(db).ok).toBe(true);
    const first = db.prepare('SELECT MIN(id) AS id FROM audit_log').get() as { id: number };
    db.prepare('UPDATE audit_log SET desk_id = ? WHERE id = ?').run(front.klien.deskId, first.id);
    expect(verifyAudit(db).broken?.id).toBe(first.id);
    db.prepare('UPDATE audit_log SET desk_id = NULL WHERE id = ?').run(first.id);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('makes a save with an idempotency key happen once, and answers a retry from the register', async () => {
    const desk = await newDesk('Meja pengulangan');
    const fd = await loginAt(desk.client, 'frontdesk');
    const key = '2f0c6a52-0000-4000-8000-000000000001';
    const first = await desk.client.call('letters.register', letterInput('kunci'), fd, { idempotencyKey: key });
    const again = await desk.client.call('letters.register', letterInput('kunci'), fd, { idempotencyKey: key });
    expect(first.ok && first.replayed).toBeFalsy();
    expect(again.ok && again.replayed).toBe(true);
    expect(again.ok && again.value).toEqual(first.ok && first.value);
    const count = office.core.db.prepare("SELECT COUNT(*) AS n FROM letters WHERE letter_number = '005/kunci/2026'").get() as { n: number };
    expect(count.n).toBe(1);
    // The same key from another user is not someone else's answer.
    const adminToken = await loginAt(desk.client, 'admin', 'rahasia-admin-1');
    const other = await desk.client.call('letters.register', letterInput('kunci'), adminToken, { idempotencyKey: key });
    expect(!other.ok && other.error.code).toBe('CONFLICT');
    // A save that fails stores nothing: the retry runs again.
    const bad = await desk.client.call('letters.register', { ...letterInput('x'), senderName: '' }, fd, { idempotencyKey: 'kunci-gagal-0001' });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
    const fixed = await desk.client.call('letters.register', letterInput('x'), fd, { idempotencyKey: 'kunci-gagal-0001' });
    expect(fixed.ok && fixed.replayed).toBeFalsy();
  });

  it('streams change events to other desks', async () => {
    const front = await newDesk('Meja depan SSE');
    const watcher = await newDesk('Meja pengamat');
    const fd = await loginAt(front.client, 'frontdesk');
    const kadis = await loginAt(watcher.client, 'kadis');
    const seen: ChangeEvent[] = [];
    const stream = await watcher.client.openEvents(kadis, (e) => seen.push(e), () => undefined);
    expect('close' in stream).toBe(true);
    const refused = await watcher.client.openEvents('token-palsu', () => undefined, () => undefined);
    expect('code' in refused && refused.code).toBe('UNAUTHENTICATED');
    const letter = await front.client.call('letters.register', letterInput('sse'), fd);
    const id = letter.ok ? (letter.value as { id: number }).id : 0;
    const until = Date.now() + 5000;
    while (!seen.some((e) => e.entity === 'letter' && e.id === id) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(seen).toContainEqual({ type: 'changed', entity: 'letter', id, letterId: id, call: 'letters.register' });
    // Reads do not make events.
    const before = seen.length;
    await front.client.call('letters.search', {}, fd);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.length).toBe(before);
    if ('close' in stream) stream.close();
  });

  it('says when a save was confirmed only after the host came back', async () => {
    const desk = await newDesk('Meja putus');
    const fd = await loginAt(desk.client, 'frontdesk');
    await listener.apply({ enabled: false, address: '127.0.0.1', port });
    const pending = desk.client.callReliably('letters.register', letterInput('putus'), fd, { deadlineMs: 20_000 });
    await new Promise((r) => setTimeout(r, 600));
    await listener.apply({ enabled: true, address: '127.0.0.1', port });
    const outcome = await pending;
    expect(outcome.result.ok).toBe(true);
    expect(outcome.interrupted).toBe(true);
    expect(outcome.notice).toBe(SAVED_AFTER_OUTAGE);
  });

  it('refuses a host that presents another certificate, before sending anything', async () => {
    const desk = await newDesk('Meja tersemat');
    const fd = await loginAt(desk.client, 'frontdesk');
    const before = (office.core.db.prepare('SELECT COUNT(*) AS n FROM letters').get() as { n: number }).n;
    // The host's certificate is replaced (a new computer, or someone in between): same address, new key.
    await listener.apply({ enabled: false, address: '127.0.0.1', port });
    fs.rmSync(path.join(office.dataDir, TLS_DIR), { recursive: true, force: true });
    await listener.apply({ enabled: true, address: '127.0.0.1', port });
    const fresh = new HostClient(desk.klien);
    clients.push(fresh);
    const r = await fresh.call('letters.register', letterInput('palsu'), fd);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('HOST_UNTRUSTED');
    expect(!r.ok && r.error.message).toContain('Sertifikat host tidak cocok dengan yang dipasangkan');
    expect(!r.ok && r.error.message).toContain(fingerprint);
    const events = await fresh.openEvents(fd, () => undefined, () => undefined);
    expect('code' in events && events.code).toBe('HOST_UNTRUSTED');
    expect((office.core.db.prepare('SELECT COUNT(*) AS n FROM letters').get() as { n: number }).n).toBe(before);
  });
});

describe('sessions', () => {
  it('end after the idle limit set by the office (8 hours by default) and 24 hours after login', async () => {
    expect(getLanSettings(office.core.db).sessionIdleHours).toBe(8);
    const { token } = (await handlers['auth.login'](office.core, { username: 'kabid', password: 'kata-sandi-1' }, { user: null, token: null, deskId: null, remoteAddress: null })) as { token: string };
    tick(7 * 3_600_000);
    expect(resolveSession(office.core.db, token, office.core.now()).username).toBe('kabid');
    saveLanSettings(office.core.db, { ...getLanSettings(office.core.db), enabled: false, sessionIdleHours: 1 }, admin(), office.core.now());
    tick(61 * 60_000);
    expect(() => resolveSession(office.core.db, token, office.core.now())).toThrow('Sesi Anda telah berakhir');
    saveLanSettings(office.core.db, { ...getLanSettings(office.core.db), enabled: false, sessionIdleHours: 8 }, admin(), office.core.now());
    const busy = (await handlers['auth.login'](office.core, { username: 'kabid', password: 'kata-sandi-1' }, { user: null, token: null, deskId: null, remoteAddress: null })) as { token: string };
    for (let h = 0; h < 24; h++) {
      tick(59 * 60_000);
      resolveSession(office.core.db, busy.token, office.core.now());
    }
    tick(60 * 60_000);
    expect(() => resolveSession(office.core.db, busy.token, office.core.now())).toThrow('24 jam');
  });
});
