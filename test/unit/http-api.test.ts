import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/errors';
import { handlers } from '../../electron/core/api/handlers';
import { createHttpHost } from '../../electron/host/http';
import { createTestOffice, type TestOffice } from './helpers/core';

let office: TestOffice;
let base = '';
let close: () => void = () => undefined;

async function post(name: string, body: unknown, token?: string): Promise<{ status: number; result: ApiResult<Record<string, unknown>> }> {
  const res = await fetch(`${base}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, result: (await res.json()) as ApiResult<Record<string, unknown>> };
}

async function loginAs(username: string, password = 'kata-sandi-1'): Promise<string> {
  const { result } = await post('auth.login', { username, password });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.token as string;
}

beforeAll(async () => {
  office = await createTestOffice({ now: new Date().toISOString() });
  office.setClock(new Date().toISOString());
  const server = createHttpHost({ core: office.core, handlers, staticDir: '/nonexistent' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe('the HTTP host', () => {
  it('asks for a login before anything else', async () => {
    const { status, result } = await post('letters.search', {});
    expect(status).toBe(401);
    expect(result).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' } });
  });

  it('refuses a wrong password with the same message as an unknown user', async () => {
    const wrong = await post('auth.login', { username: 'frontdesk', password: 'salah-sekali' });
    const unknown = await post('auth.login', { username: 'tidakada', password: 'salah-sekali' });
    expect(wrong.status).toBe(401);
    expect(wrong.result).toEqual(unknown.result);
    expect(!wrong.result.ok && wrong.result.error.message).toBe('Nama pengguna atau kata sandi salah.');
  });

  it('does not let the front desk manage users or the office, even by calling the API directly', async () => {
    const token = await loginAs('frontdesk');
    const users = await post('users.save', { username: 'penyusup', fullName: 'Penyusup', role: 'admin', password: 'kata-sandi-99' }, token);
    expect(users.status).toBe(403);
    expect(!users.result.ok && users.result.error.code).toBe('FORBIDDEN');
    const officeUpdate = await post('office.update', { government: 'x', agencyName: 'x', address: 'x', city: 'x', timeZone: 'Asia/Jakarta' }, token);
    expect(officeUpdate.status).toBe(403);
    const count = office.core.db.prepare("SELECT COUNT(*) AS n FROM users WHERE username = 'penyusup'").get() as { n: number };
    expect(count.n).toBe(0);
  });

  it('lets only the front desk and the administrator register letters', async () => {
    const kadis = await loginAs('kadis');
    const letter = {
      senderName: 'Dinas Pendidikan',
      letterNumber: '005/1/2026',
      letterDate: '2026-01-02',
      subject: 'Permohonan hosting',
      nature: 'biasa',
      classificationCode: '500.12',
      service: 'hosting',
    };
    expect((await post('letters.register', letter, kadis)).status).toBe(403);
    const desk = await loginAs('frontdesk');
    const ok = await post('letters.register', letter, desk);
    expect(ok.status).toBe(200);
    expect(ok.result.ok && ok.result.value.agendaNumber).toMatch(/^\d+\/500\.12\/\d{4}$/);
  });

  it('returns field errors in Indonesian for bad input and writes nothing', async () => {
    const desk = await loginAs('frontdesk');
    const before = (office.core.db.prepare('SELECT COUNT(*) AS n FROM letters').get() as { n: number }).n;
    const { status, result } = await post(
      'letters.register',
      { senderName: '', letterNumber: 'x'.repeat(101), letterDate: '2026-02-30', subject: 'a', nature: 'kilat', classificationCode: '500.12', service: 'hosting' },
      desk,
    );
    expect(status).toBe(400);
    expect(!result.ok && result.error.fields).toEqual({
      senderName: 'Pengirim surat wajib diisi.',
      letterNumber: 'Nomor surat paling panjang 100 karakter.',
      letterDate: 'Tanggal surat harus berupa tanggal yang sah (HH-BB-TTTT).',
      nature: 'Pilih sifat surat.',
    });
    expect((office.core.db.prepare('SELECT COUNT(*) AS n FROM letters').get() as { n: number }).n).toBe(before);
  });

  it('refuses a file that is not a PDF, JPG or PNG, whatever its name says', async () => {
    const desk = await loginAs('frontdesk');
    const { status, result } = await post('attachments.upload', { name: 'surat.pdf', dataBase64: Buffer.from('MZ bukan pdf').toString('base64') }, desk);
    expect(status).toBe(400);
    expect(!result.ok && result.error.message).toBe('Berkas bukan PDF, JPG, atau PNG yang sah.');
  });

  it('does not let the front desk approve or dispose, even by calling the API directly', async () => {
    const desk = await loginAs('frontdesk');
    const letter = {
      senderName: 'Dinas Kesehatan',
      letterNumber: '440/9/2026',
      letterDate: '2026-01-02',
      subject: 'Permohonan hosting sistem antrean',
      nature: 'biasa',
      classificationCode: '500.12',
      service: 'hosting',
    };
    const registered = await post('letters.register', letter, desk);
    expect(registered.status).toBe(200);
    const letterId = registered.result.ok ? (registered.result.value.id as number) : 0;
    const view = await post('requests.forLetter', { letterId }, desk);
    const request = view.result.ok ? (view.result.value as { id: number; revision: number; currentStep: { id: string } }) : null;
    expect(request?.currentStep.id).toBe('a2');
    // The front desk's own step (hand the letter to the Kadis) is allowed …
    const handed = await post('requests.act', { requestId: request?.id, revision: request?.revision, stepId: 'a2', action: 'complete' }, desk);
    expect(handed.status).toBe(200);
    const after = handed.result.ok ? (handed.result.value as { revision: number; currentStep: { id: string } }) : null;
    expect(after?.currentStep.id).toBe('a3');
    // … the Kadis's disposition is not.
    const users = office.core.db.prepare("SELECT id FROM users WHERE role = 'kabid'").get() as { id: number };
    const dispose = await post(
      'requests.act',
      { requestId: request?.id, revision: after?.revision, stepId: 'a3', action: 'dispose', recipients: [users.id], instructions: [] },
      desk,
    );
    expect(dispose.status).toBe(403);
    expect(!dispose.result.ok && dispose.result.error.message).toBe('Langkah ini dikerjakan oleh Kepala Dinas, bukan peran Anda.');
    const sop = await post('sop.setService', { service: 'hosting', templateKey: 'pontianak-hosting' }, desk);
    expect(sop.status).toBe(403);
    const state = office.core.db.prepare('SELECT current_step FROM requests WHERE id = ?').get(request?.id) as { current_step: string };
    expect(state.current_step).toBe('a3');
  });

  it('ends the session at logout', async () => {
    const token = await loginAs('kabid');
    expect((await post('auth.me', {}, token)).status).toBe(200);
    expect((await post('auth.logout', {}, token)).status).toBe(200);
    expect((await post('auth.me', {}, token)).status).toBe(401);
  });

  it('answers unknown calls and non-JSON bodies with typed errors', async () => {
    expect((await post('letters.hapusSemua', {})).status).toBe(404);
    const res = await fetch(`${base}/api/auth.login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{bukan json' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiResult<unknown>).ok).toBe(false);
  });

  it('refuses a second setup', async () => {
    const { status, result } = await post('setup.initialize', {
      office: { government: 'Pemerintah Kota Lain', agencyName: 'Dinas Lain', address: 'Jl. Lain', city: 'Lain', timeZone: 'Asia/Jakarta' },
      officials: [{ position: 'kadis', title: 'Kepala Dinas', name: 'Orang Lain' }],
      admin: { username: 'admin2', fullName: 'Admin Dua', password: 'kata-sandi-22' },
    });
    expect(status).toBe(409);
    expect(!result.ok && result.error.code).toBe('ALREADY_SET_UP');
  });
});
