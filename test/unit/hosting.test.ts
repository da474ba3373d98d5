import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, type ApiResult } from '../../shared/api/errors';
import { LetterInputSchema, type LetterInput, type User } from '../../shared/api/schemas';
import { HostedSystemInputSchema, HostingSettingsInputSchema, SecurityEvaluationInputSchema, type HostedSystemInputRaw } from '../../shared/api/hosting-schemas';
import { dispatch } from '../../electron/core/api/dispatch';
import { handlers } from '../../electron/core/api/handlers';
import { login } from '../../electron/core/services/auth';
import { verifyAudit } from '../../electron/core/services/audit';
import { registerLetter } from '../../electron/core/services/letters';
import { listOpd, listUsers, saveUser } from '../../electron/core/services/office';
import { actOnStep, getRequestView, requestIdForLetter, type StepActionInput } from '../../electron/core/services/requests';
import { setServiceSop } from '../../electron/core/services/sop';
import {
  createHostedSystem,
  createHostedSystemForRequest,
  getHostedSystem,
  hostingForRequest,
  recordSecurityEvaluation,
  revealPanelPassword,
  saveHostingSettings,
  setHostedSystemStatus,
  setPanelPassword,
  suggestAddress,
  updateHostedSystem,
} from '../../electron/core/services/hosting';
import { KeyFileSecretBox, PASSWORD_DIGITS, PASSWORD_LOWER, PASSWORD_SYMBOLS, PASSWORD_UPPER, generatePassword } from '../../electron/core/services/secrets';
import { registerPath } from '../../electron/core/db/register';
import { UserInputSchema } from '../../shared/api/schemas';
import { createTestOffice, tempDir, type TestOffice } from './helpers/core';

/** Monday 23 November 2026, 09.00 WIB. */
const MONDAY_0900 = '2026-11-23T02:00:00.000Z';
const at = (hhmm: string, day = '2026-11-23') => new Date(`${day}T${hhmm}:00+07:00`);

interface Office extends TestOffice {
  users: Record<User['role'], User>;
  opd: { disdik: number; bappeda: number };
  pools: { lan: number; v6: number };
}

async function office(): Promise<Office> {
  const o = await createTestOffice({ now: MONDAY_0900 });
  const users = Object.fromEntries(listUsers(o.core.db).map((u) => [u.role, u])) as Record<User['role'], User>;
  const opds = listOpd(o.core.db, '', true);
  const opd = { disdik: opds.find((x) => x.shortName === 'Disdik')?.id ?? 0, bappeda: opds.find((x) => x.shortName === 'Bappeda')?.id ?? 0 };
  const settings = saveHostingSettings(
    o.core.db,
    HostingSettingsInputSchema.parse({
      parentDomains: [{ domain: 'pekalongankota.go.id' }],
      pools: [
        { label: 'DMZ Pusat Data', cidr: '10.10.1.0/24', reserved: ['10.10.1.1'] },
        { label: 'DMZ IPv6', cidr: '2001:db8:10::/64' },
      ],
      servers: [{ name: 'srv-web-01', notes: 'Rak 2, Pusat Data' }],
    }),
    users.admin,
    at('08:00'),
  );
  const pools = { lan: settings.pools[0]?.id ?? 0, v6: settings.pools[1]?.id ?? 0 };
  return { ...o, users, opd, pools };
}

function input(o: Office, fields: Partial<HostedSystemInputRaw> = {}) {
  return HostedSystemInputSchema.parse({
    opdId: o.opd.disdik,
    applicationName: 'PPDB Online',
    subdomain: 'ppdb',
    parentDomain: 'pekalongankota.go.id',
    addresses: ['10.10.1.5'],
    stack: 'PHP 8.2 / Laravel',
    database: 'MySQL 8',
    panelUrl: 'https://panel.pekalongankota.go.id:2083',
    panelUsername: 'ppdb',
    technicalContact: { name: 'Rina (operator Disdik)', phone: '0812 2700 1234', email: 'rina@disdik.pekalongankota.go.id' },
    administrativeContact: { name: 'Drs. Slamet', phone: '(0285) 421000', email: '' },
    ...fields,
  });
}

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
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

function auditText(o: TestOffice): string {
  return (o.core.db.prepare('SELECT action, entity, before, after FROM audit_log ORDER BY id').all() as Array<Record<string, string | null>>)
    .map((r) => JSON.stringify(r))
    .join('\n');
}

describe('the hosted-system register refuses clearly', () => {
  it('refuses a duplicate subdomain, naming the application and the OPD that hold it', async () => {
    const o = await office();
    createHostedSystem(o.core.db, input(o), o.users.technical, at('09:00'));
    const error = apiError(() =>
      createHostedSystem(o.core.db, input(o, { opdId: o.opd.bappeda, applicationName: 'Portal Bappeda', subdomain: 'PPDB', addresses: ['10.10.1.6'] }), o.users.technical, at('09:05')),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('Subdomain ppdb.pekalongankota.go.id sudah dipakai oleh PPDB Online (Dinas Pendidikan).');
    expect(error.fields).toEqual({ subdomain: 'Subdomain ppdb.pekalongankota.go.id sudah dipakai oleh PPDB Online (Dinas Pendidikan).' });

    // The same through the API, as the technical officer's screen sees it.
    const result = await call(o, 'hosting.save', { ...input(o, { addresses: ['10.10.1.7'] }) }, 'technical');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Subdomain ppdb.pekalongankota.go.id sudah dipakai oleh PPDB Online (Dinas Pendidikan).',
        fields: { subdomain: 'Subdomain ppdb.pekalongankota.go.id sudah dipakai oleh PPDB Online (Dinas Pendidikan).' },
      },
    });
  });

  it('refuses an invalid label with the reason of the DNS rules', async () => {
    const o = await office();
    const raw = { ...input(o), subdomain: 'www' };
    const viaApi = await call(o, 'hosting.save', raw, 'technical');
    expect(viaApi.ok).toBe(false);
    if (viaApi.ok) return;
    expect(viaApi.error.code).toBe('INVALID_INPUT');
    expect(viaApi.error.message).toBe('Nama subdomain "www" dicadangkan untuk layanan teknis kantor (surat elektronik, DNS, panel hosting) dan tidak dapat diberikan.');
    expect(viaApi.error.fields?.subdomain).toBe(viaApi.error.message);

    const spaced = await call(o, 'hosting.save', { ...input(o), subdomain: 'ppdb online' }, 'technical');
    expect(spaced.ok ? null : spaced.error.message).toBe(
      'Nama subdomain hanya boleh memuat huruf kecil a–z, angka 0–9, dan tanda hubung (-); tidak boleh ada spasi.',
    );

    // The service checks again when called without the schema.
    const direct = apiError(() => createHostedSystem(o.core.db, { ...input(o), subdomain: '-ppdb' }, o.users.technical, at('09:00')));
    expect(direct.message).toBe('Nama subdomain tidak boleh diawali atau diakhiri tanda hubung (-).');
    expect(direct.fields).toEqual({ subdomain: direct.message });
  });

  it('refuses an IP address already in use, naming the system that holds it', async () => {
    const o = await office();
    createHostedSystem(o.core.db, input(o), o.users.technical, at('09:00'));
    const error = apiError(() =>
      createHostedSystem(o.core.db, input(o, { subdomain: 'simpeg', applicationName: 'SIMPEG', addresses: ['10.10.1.9', '10.10.1.5'] }), o.users.technical, at('09:05')),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('Alamat IP 10.10.1.5 sudah dipakai oleh PPDB Online (Dinas Pendidikan, ppdb.pekalongankota.go.id).');
    expect(error.fields).toEqual({ 'addresses.1': error.message });
    // Nothing was written by the refused call.
    expect((o.core.db.prepare('SELECT COUNT(*) AS n FROM hosted_systems').get() as { n: number }).n).toBe(1);
  });

  it('compares IPv6 addresses in canonical form', async () => {
    const o = await office();
    createHostedSystem(o.core.db, input(o, { addresses: ['2001:db8:10::5'] }), o.users.technical, at('09:00'));
    const error = apiError(() =>
      createHostedSystem(o.core.db, { ...input(o, { subdomain: 'simpeg' }), addresses: ['2001:0DB8:0010:0000:0000:0000:0000:0005'] }, o.users.technical, at('09:05')),
    );
    expect(error.message).toBe('Alamat IP 2001:db8:10::5 sudah dipakai oleh PPDB Online (Dinas Pendidikan, ppdb.pekalongankota.go.id).');
  });

  it('refuses an address outside every pool, a network or broadcast address, and a reserved one', async () => {
    const o = await office();
    const outside = apiError(() => createHostedSystem(o.core.db, input(o, { addresses: ['192.168.5.10'] }), o.users.technical, at('09:00')));
    expect(outside.code).toBe('INVALID_INPUT');
    expect(outside.message).toBe('Alamat IP 192.168.5.10 berada di luar semua kumpulan alamat IPv4 kantor (DMZ Pusat Data 10.10.1.0/24).');
    expect(apiError(() => createHostedSystem(o.core.db, input(o, { addresses: ['10.10.1.255'] }), o.users.technical, at('09:00'))).message).toBe(
      'Alamat IP 10.10.1.255 adalah alamat siaran kumpulan DMZ Pusat Data (10.10.1.0/24) dan tidak dapat diberikan; pakai 10.10.1.1 sampai 10.10.1.254.',
    );
    expect(apiError(() => createHostedSystem(o.core.db, input(o, { addresses: ['10.10.1.0'] }), o.users.technical, at('09:00'))).message).toMatch(
      /^Alamat IP 10.10.1.0 adalah alamat jaringan/,
    );
    expect(apiError(() => createHostedSystem(o.core.db, input(o, { addresses: ['10.10.1.1'] }), o.users.technical, at('09:00'))).message).toBe(
      'Alamat IP 10.10.1.1 dicadangkan pada kumpulan DMZ Pusat Data (misalnya untuk gateway atau server) dan tidak dapat diberikan.',
    );
    expect(apiError(() => createHostedSystem(o.core.db, input(o, { parentDomain: 'tarakankota.go.id' }), o.users.technical, at('09:00'))).message).toBe(
      'Domain induk tarakankota.go.id belum terdaftar di Pengaturan Hosting. Administrator dapat menambahkannya.',
    );
  });

  it('suggests the next free address per pool, skipping reserved and used ones', async () => {
    const o = await office();
    expect(suggestAddress(o.core.db, o.pools.lan)).toMatchObject({ address: '10.10.1.2', message: null });
    createHostedSystem(o.core.db, input(o, { addresses: ['10.10.1.2', '2001:db8:10::1'] }), o.users.technical, at('09:00'));
    expect(suggestAddress(o.core.db, o.pools.lan).address).toBe('10.10.1.3');
    expect(suggestAddress(o.core.db, o.pools.v6).address).toBe('2001:db8:10::2');
    const viaApi = await call(o, 'hosting.suggestIp', { poolId: o.pools.lan }, 'technical');
    expect(viaApi).toEqual({ ok: true, value: { poolId: o.pools.lan, cidr: '10.10.1.0/24', address: '10.10.1.3', message: null } });
  });
});

describe('hosting settings', () => {
  it('refuse overlapping pools and removing what systems still use', async () => {
    const o = await office();
    const overlapping = await call(
      o,
      'hosting.settings.save',
      { parentDomains: [{ domain: 'pekalongankota.go.id' }], pools: [{ label: 'A', cidr: '10.10.0.0/16' }, { label: 'B', cidr: '10.10.1.0/24' }], servers: [] },
      'admin',
      'rahasia-admin-1',
    );
    expect(overlapping).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'pools.1.cidr': 'Blok 10.10.1.0/24 tumpang-tindih dengan blok 10.10.0.0/16 ("A"). Satu alamat hanya boleh ada di satu kumpulan.' } },
    });
    const hostBits = await call(o, 'hosting.settings.save', { parentDomains: [], pools: [{ label: 'A', cidr: '10.10.1.5/24' }], servers: [] }, 'admin', 'rahasia-admin-1');
    expect(hostBits.ok ? null : hostBits.error.message).toBe('10.10.1.5 bukan alamat awal blok /24; maksudnya 10.10.1.0/24?');
    expect((await call(o, 'hosting.settings.save', { parentDomains: [], pools: [], servers: [] }, 'technical')).ok).toBe(false);

    createHostedSystem(o.core.db, input(o), o.users.technical, at('09:00'));
    const removing = apiError(() =>
      saveHostingSettings(o.core.db, HostingSettingsInputSchema.parse({ parentDomains: [], pools: [], servers: [] }), o.users.admin, at('09:10')),
    );
    expect(removing.code).toBe('CONFLICT');
    expect(removing.message).toBe(
      'Domain induk pekalongankota.go.id masih dipakai oleh 1 sistem sehingga tidak dapat dihapus; nonaktifkan saja bila tidak dipakai lagi.',
    );
    expect(Object.values(removing.fields ?? {})).toContain(
      'Kumpulan DMZ Pusat Data (10.10.1.0/24) masih memuat 1 alamat yang dipakai sistem sehingga tidak dapat dihapus; nonaktifkan saja.',
    );
    const settings = await call(o, 'hosting.settings.get', {}, 'technical');
    expect(settings).toMatchObject({ ok: true, value: { pools: [{ cidr: '10.10.1.0/24', used: 1, capacity: '254' }, { cidr: '2001:db8:10::/64', capacity: '18446744073709551615' }] } });
  });
});

describe('status, maintenance and audit', () => {
  it('keeps the status history with who, when and why, and audits each change', async () => {
    const o = await office();
    const system = createHostedSystem(o.core.db, input(o), o.users.technical, at('09:00'));
    expect(system.status).toBe('aktif');
    setHostedSystemStatus(o.core.db, system.id, 'ditangguhkan', 'Situs terkena defacement; menunggu perbaikan oleh OPD.', o.users.kabid, at('10:00'));
    const after = setHostedSystemStatus(o.core.db, system.id, 'aktif', 'Sudah dibersihkan dan diperbarui.', o.users.kadis, at('10:00', '2026-11-25'));
    expect(after.statusHistory).toEqual([
      { status: 'aktif', reason: 'Didaftarkan di register hosting.', at: at('09:00').toISOString(), by: 'Pengguna technical' },
      { status: 'ditangguhkan', reason: 'Situs terkena defacement; menunggu perbaikan oleh OPD.', at: at('10:00').toISOString(), by: 'Pengguna kabid' },
      { status: 'aktif', reason: 'Sudah dibersihkan dan diperbarui.', at: at('10:00', '2026-11-25').toISOString(), by: 'Pengguna kadis' },
    ]);
    expect(apiError(() => setHostedSystemStatus(o.core.db, system.id, 'aktif', 'lagi', o.users.kabid, at('11:00'))).message).toBe(
      'Sistem ppdb.pekalongankota.go.id sudah berstatus aktif.',
    );
    expect(apiError(() => setHostedSystemStatus(o.core.db, system.id, 'dihentikan', 'x', o.users.technical, at('11:00'))).code).toBe('FORBIDDEN');
    const noReason = await call(o, 'hosting.setStatus', { id: system.id, status: 'dihentikan', reason: '  ' }, 'kabid');
    expect(noReason.ok ? null : noReason.error.fields).toEqual({ reason: 'Alasan perubahan status wajib diisi.' });

    const maintained = await call(o, 'hosting.addMaintenance', { id: system.id, date: '2026-11-23', description: 'Pembaruan Laravel 10 ke 11' }, 'technical');
    expect(maintained.ok).toBe(true);
    expect(getHostedSystem(o.core.db, system.id).maintenance[0]).toMatchObject({ date: '2026-11-23', performedBy: 'Pengguna technical' });

    const changed = updateHostedSystem(o.core.db, system.id, input(o, { stack: 'PHP 8.3 / Laravel 11' }), o.users.technical, at('12:00'));
    expect(changed.stack).toBe('PHP 8.3 / Laravel 11');
    const actions = (o.core.db.prepare("SELECT action, before, after FROM audit_log WHERE entity = 'hosted_system' ORDER BY id").all() as Array<{
      action: string;
      before: string | null;
      after: string | null;
    }>);
    expect(actions.map((a) => a.action)).toEqual([
      'sistem_hosting.didaftarkan',
      'sistem_hosting.status_diubah',
      'sistem_hosting.status_diubah',
      'sistem_hosting.pemeliharaan_dicatat',
      'sistem_hosting.diubah',
    ]);
    expect(JSON.parse(actions[4]?.before ?? '{}')).toEqual({ stack: 'PHP 8.2 / Laravel' });
    expect(JSON.parse(actions[4]?.after ?? '{}')).toEqual({ stack: 'PHP 8.3 / Laravel 11' });
    expect(verifyAudit(o.core.db).ok).toBe(true);
  });
});

describe('the web-panel password', () => {
  it('is stored only sealed, revealed only to allowed roles with an audit entry, and never in the audit log', async () => {
    const o = await office();
    const system = createHostedSystem(o.core.db, input(o), o.users.technical, at('09:00'));
    const set = await call(o, 'hosting.setPassword', { id: system.id, generate: true }, 'technical');
    if (!set.ok) throw new Error(set.error.message);
    const generated = (set.value as { generatedPassword: string }).generatedPassword;
    expect(generated).toHaveLength(16);

    // Lists and gets say only that a password is set.
    const got = await call(o, 'hosting.get', { id: system.id }, 'frontdesk');
    expect(got.ok && (got.value as { password: unknown }).password).toMatchObject({ set: true, setBy: 'Pengguna technical' });
    const listed = await call(o, 'hosting.list', {}, 'frontdesk');
    expect(JSON.stringify(got)).not.toContain(generated);
    expect(JSON.stringify(listed)).not.toContain(generated);

    // The front desk may not open it; the technical officer may, and that is audited.
    const refused = await call(o, 'hosting.revealPassword', { id: system.id }, 'frontdesk');
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(apiError(() => revealPanelPassword(o.core.db, o.core.secrets, system.id, o.users.front_desk, at('10:00'))).code).toBe('FORBIDDEN');
    o.setClock(at('10:30').toISOString());
    const revealed = await call(o, 'hosting.revealPassword', { id: system.id }, 'technical');
    expect(revealed).toEqual({ ok: true, value: { password: generated } });
    const opened = o.core.db
      .prepare("SELECT user_id, at, after FROM audit_log WHERE action = 'sistem_hosting.kata_sandi_dibuka' AND entity = 'hosted_system' AND entity_id = ?")
      .all(String(system.id)) as Array<{ user_id: number; at: string; after: string }>;
    expect(opened).toEqual([{ user_id: o.users.technical.id, at: at('10:30').toISOString(), after: JSON.stringify({ keterangan: 'kata sandi dibuka' }) }]);

    // A password typed by the officer: returned nowhere, sealed again.
    const typed = 'Panel#Disdik-2026!';
    const setTyped = await call(o, 'hosting.setPassword', { id: system.id, password: typed }, 'admin', 'rahasia-admin-1');
    expect(setTyped).toMatchObject({ ok: true, value: { ok: true, generatedPassword: null } });
    expect(revealPanelPassword(o.core.db, o.core.secrets, system.id, o.users.kadis, at('11:00'))).toBe(typed);
    const short = await call(o, 'hosting.setPassword', { id: system.id, password: 'pendek' }, 'technical');
    expect(short.ok ? null : short.error.message).toBe('Kata sandi web panel paling sedikit 12 karakter.');

    // Neither password is in the audit log, nor anywhere in the register's bytes (file and WAL).
    const audit = auditText(o);
    expect(audit).toContain('kata sandi diubah');
    expect(audit).not.toContain(generated);
    expect(audit).not.toContain(typed);
    const file = registerPath(o.dataDir);
    for (const f of [file, `${file}-wal`]) {
      if (!fs.existsSync(f)) continue;
      const bytes = fs.readFileSync(f);
      expect(bytes.includes(Buffer.from(generated, 'utf8')), f).toBe(false);
      expect(bytes.includes(Buffer.from(typed, 'utf8')), f).toBe(false);
    }
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const sealed = (o.core.db.prepare('SELECT panel_password_sealed AS s, panel_password_box AS k FROM hosted_systems WHERE id = ?').get(system.id) as { s: string; k: string });
    expect(sealed.s).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(sealed.k).toBe('keyfile');
  });

  it('keeps the key in a 0600 file outside the register, readable by a second box over the same folder', () => {
    const dataDir = tempDir('loket-kunci-');
    const box = new KeyFileSecretBox(dataDir);
    const keyFile = path.join(dataDir, 'kunci', 'loket.key');
    expect(fs.existsSync(keyFile)).toBe(false); // created on first use
    const sealed = box.encrypt('Rahasia-Panel-01');
    expect(fs.existsSync(keyFile)).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(sealed.startsWith('v1:')).toBe(true);
    expect(box.encrypt('Rahasia-Panel-01')).not.toBe(sealed); // a fresh IV every time

    const second = new KeyFileSecretBox(dataDir);
    expect(second.decrypt(sealed)).toBe('Rahasia-Panel-01');

    // Another folder's key cannot open it, and a missing key file is said plainly.
    const other = new KeyFileSecretBox(tempDir('loket-kunci-lain-'));
    other.encrypt('x');
    expect(apiError(() => other.decrypt(sealed)).message).toMatch(/bukan kunci yang dipakai saat kata sandi disimpan/);
    const missing = new KeyFileSecretBox(tempDir('loket-tanpa-kunci-'));
    expect(apiError(() => missing.decrypt(sealed)).message).toMatch(/tidak ditemukan.*Pulihkan berkas kunci dari cadangan/);

    // A tampered sealed value is refused, not misread.
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(apiError(() => second.decrypt(`v1:${raw.toString('base64')}`)).code).toBe('INTERNAL');
  });

  it('generates 16 unambiguous characters with every class present', () => {
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      expect(p).toHaveLength(16);
      expect(p).not.toMatch(/[0O1lIo]/);
      for (const set of [PASSWORD_UPPER, PASSWORD_LOWER, PASSWORD_DIGITS, PASSWORD_SYMBOLS]) expect([...p].some((c) => set.includes(c))).toBe(true);
    }
    expect(new Set(Array.from({ length: 50 }, () => generatePassword())).size).toBe(50);
  });

  it('stores the password with setPanelPassword only for technical staff and the administrator', async () => {
    const o = await office();
    const system = createHostedSystem(o.core.db, input(o), o.users.technical, at('09:00'));
    expect(apiError(() => setPanelPassword(o.core.db, o.core.secrets, system.id, { generate: true }, o.users.kabid, at('09:10'))).code).toBe('FORBIDDEN');
    expect((await call(o, 'hosting.setPassword', { id: system.id, generate: true }, 'kabid')).ok).toBe(false);
  });
});

describe('filled from the SOP', () => {
  const letter: LetterInput = {
    senderName: 'Dinas Pendidikan',
    letterNumber: '005/77/Disdik/2026',
    letterDate: '2026-11-20',
    subject: 'Permohonan hosting dan subdomain ppdb',
    nature: 'segera',
    classificationCode: '500.12',
    service: 'hosting',
  };

  function register(o: Office): number {
    const l = registerLetter(o.core.db, LetterInputSchema.parse({ ...letter, opdId: o.opd.disdik }), o.userIds.front_desk, o.core.now());
    const requestId = requestIdForLetter(o.core.db, l.id);
    if (requestId === null) throw new Error('no request started');
    return requestId;
  }

  function act(o: Office, user: User, requestId: number, when: Date, action: Omit<StepActionInput, 'requestId' | 'revision' | 'stepId'>) {
    const view = getRequestView(o.core.db, requestId, user, when);
    actOnStep(o.core.db, { requestId, revision: view.revision, stepId: view.currentStep?.id ?? '', ...action }, user, when);
    return getRequestView(o.core.db, requestId, user, when);
  }

  it('SOP A step 6 registers the system linked to the request, by the step’s actor only', async () => {
    const o = await office();
    setServiceSop(o.core.db, 'hosting', 'pekalongan-hosting');
    const otherTechnical = saveUser(
      o.core.db,
      UserInputSchema.parse({ username: 'teknis2', fullName: 'Teknisi Lain', role: 'technical', password: 'kata-sandi-1' }),
      at('08:00'),
    );
    const requestId = register(o);
    const { users } = o;
    act(o, users.front_desk, requestId, at('09:02'), { action: 'complete' });
    act(o, users.kadis, requestId, at('09:05'), { action: 'dispose', recipients: [users.kabid.id] });
    act(o, users.kabid, requestId, at('09:08'), { action: 'dispose', recipients: [users.technical.id] });

    // Step 5 (verification) does not record the system yet.
    const early = apiError(() => createHostedSystemForRequest(o.core.db, requestId, input(o), users.technical, at('09:10')));
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toBe(
      'Langkah 5 yang sedang berjalan tidak mencatat data hosting. Menurut SOP Pelayanan Hosting, data hosting dicatat pada langkah 6.',
    );
    const view = act(o, users.technical, requestId, at('09:15'), { action: 'complete' });
    expect(view.currentStep?.number).toBe('6');

    // Not the actor: the Kabid, and a technical officer the letter was not disposed to.
    const kabid = apiError(() => createHostedSystemForRequest(o.core.db, requestId, input(o), users.kabid, at('09:20')));
    expect(kabid.code).toBe('FORBIDDEN');
    expect(kabid.message).toBe('Data hosting permohonan ini dicatat oleh pelaksana langkah 6. Langkah ini dikerjakan oleh Kasi Pusat Data, bukan peran Anda.');
    const other = apiError(() => createHostedSystemForRequest(o.core.db, requestId, input(o), otherTechnical, at('09:20')));
    expect(other.code).toBe('FORBIDDEN');
    expect(other.message).toMatch(/Surat ini belum didisposisikan kepada Anda\.$/);

    // The Kasi Pusat Data (the disposition's recipient) registers it; the OPD comes from the letter.
    const { opdId: _omitted, ...withoutOpd } = input(o);
    const viaApi = await call(o, 'hosting.save', { ...withoutOpd, requestId }, 'technical');
    if (!viaApi.ok) throw new Error(viaApi.error.message);
    const system = viaApi.value as { id: number; opdName: string; requestId: number; links: Array<{ requestId: number; stepId: string; agendaNumber: string }> };
    expect(system.opdName).toBe('Dinas Pendidikan');
    expect(system.requestId).toBe(requestId);
    expect(system.links).toEqual([expect.objectContaining({ requestId, stepId: 'a6' })]);
    expect(hostingForRequest(o.core.db, requestId).systems.map((s) => s.fqdn)).toEqual(['ppdb.pekalongankota.go.id']);

    const forRequest = await call(o, 'hosting.forRequest', { requestId }, 'technical');
    expect(forRequest).toMatchObject({ ok: true, value: { step: { id: 'a6', canRecordHosting: true, canRecordSecurity: false } } });
    const forKabid = await call(o, 'hosting.forRequest', { requestId }, 'kabid');
    expect(forKabid).toMatchObject({ ok: true, value: { step: { canRecordHosting: false } } });

    // Completing step 6 moves on; the record can no longer be changed through this request.
    act(o, users.technical, requestId, at('10:00'), { action: 'complete' });
    const late = apiError(() => updateHostedSystem(o.core.db, system.id, { ...input(o), requestId }, users.technical, at('10:05')));
    expect(late.code).toBe('CONFLICT');
    expect(verifyAudit(o.core.db).ok).toBe(true);
  });

  it('SOP D: the security evaluation at step 3 waits on the request and joins the system registered at step 4', async () => {
    const o = await office();
    setServiceSop(o.core.db, 'hosting', 'pontianak-hosting');
    const requestId = register(o);
    const { users } = o;
    act(o, users.kadis, requestId, at('09:05'), { action: 'dispose', recipients: [users.kabid.id] });
    act(o, users.kabid, requestId, at('09:15'), { action: 'dispose', recipients: [users.technical.id] });
    act(o, users.technical, requestId, at('09:20'), { action: 'complete' });

    const evaluation = SecurityEvaluationInputSchema.parse({
      requestId,
      checklist: [
        { item: 'Tidak ditemukan celah injeksi SQL', passed: true },
        { item: 'Laman memakai HTTPS', passed: true },
      ],
      passed: true,
      findings: 'Tidak ada temuan berarti.',
    });
    expect(apiError(() => recordSecurityEvaluation(o.core.db, evaluation, users.technical, at('10:00'))).code).toBe('FORBIDDEN');
    const bad = SecurityEvaluationInputSchema.safeParse({ ...evaluation, checklist: [{ item: 'HTTPS', passed: false }], passed: true });
    expect(bad.error?.issues.map((i) => i.message)).toContain('Evaluasi tidak dapat dinyatakan lulus selama ada butir yang gagal.');
    const saved = recordSecurityEvaluation(o.core.db, evaluation, users.security, at('10:00'));
    expect(saved).toMatchObject({ hostedSystemId: null, requestId, passed: true, evaluatedBy: 'Pengguna security' });

    act(o, users.security, requestId, at('11:00'), { action: 'complete' });
    const system = createHostedSystemForRequest(o.core.db, requestId, input(o), users.technical, at('13:00'));
    expect(system.securityEvaluations.map((e) => e.id)).toEqual([saved.id]);
    expect(system.securityPassed).toBe(true);
    act(o, users.technical, requestId, at('14:00'), { action: 'complete' });
    // Step 5 (the same officer adds the subdomain name) updates the same record.
    const updated = updateHostedSystem(o.core.db, system.id, { ...input(o, { notes: 'Subdomain ditambahkan di DNS.' }), requestId }, users.technical, at('14:10'));
    expect(updated.notes).toBe('Subdomain ditambahkan di DNS.');
    expect(updated.links).toHaveLength(1);
  });
});
