/**
 * Steps the SOP end-to-end tests share: set up an office through the wizard, create users in
 * Pengaturan → Pengguna, log in and out, choose a service's SOP, register a letter, act on the
 * request panel. Everything goes through the UI, as an office would do it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { daysAgo, makePdf } from './helpers';

export const SHOTS = process.env.LOKET_SHOTS3 ?? '/tmp/shots3';

export async function shot(page: Page, name: string, height?: number): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const size = page.viewportSize();
  // A taller window for pages whose point is below the fold (the desk scrolls inside .content).
  if (height && size) await page.setViewportSize({ width: size.width, height });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
  if (height && size) await page.setViewportSize(size);
}

export interface DeskUser {
  username: string;
  fullName: string;
  password: string;
  /** The label of the role in the user form. */
  roleLabel: string;
}

export const ADMIN: DeskUser = { fullName: 'Bambang Setiawan', username: 'admin', password: 'rahasia-admin-1', roleLabel: 'Administrator' };
export const FRONT_DESK: DeskUser = { fullName: 'Siti Aminah', username: 'siti', password: 'meja-depan-2026', roleLabel: 'Front desk (Sekretariat/TU)' };
export const KADIS: DeskUser = { fullName: 'Arif Karyadi', username: 'kadis', password: 'kepala-dinas-26', roleLabel: 'Kepala Dinas' };
export const KABID: DeskUser = { fullName: 'Dwi Prasetyo', username: 'kabid', password: 'kepala-bidang-26', roleLabel: 'Kepala Bidang' };
export const TEKNIS: DeskUser = { fullName: 'Rudi Hartono', username: 'rudi', password: 'petugas-teknis-26', roleLabel: 'Kasi / Petugas teknis' };
export const KEAMANAN: DeskUser = { fullName: 'Lina Marlina', username: 'lina', password: 'persandian-2026', roleLabel: 'Petugas keamanan (Persandian)' };

/** Console errors and page errors, minus refused calls the page shows itself. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  return errors;
}

/** A call to the browser host's API (POST /api/<call>) with the page's session; throws the Indonesian message on refusal. */
export async function apiCall<T>(page: Page, name: string, input: unknown): Promise<T> {
  const token = await page.evaluate(() => sessionStorage.getItem('loket.sesi'));
  const response = await page.request.post(`/api/${name}`, { data: input, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message ?? 'gagal'}`);
  return body.value as T;
}

/** First-run setup of a Pekalongan office with its first administrator (logged in afterwards). */
export async function setupOffice(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Penyiapan awal Loket' })).toBeVisible();
  await page.getByLabel('Pemerintah daerah').fill('Pemerintah Kota Pekalongan');
  await page.locator('#office-address').fill('Jl. Mataram No. 1');
  await page.getByLabel('Kode pos').fill('51111');
  await page.getByLabel('Telepon').fill('(0285) 421093');
  await page.getByLabel('Laman').fill('dinkominfo.pekalongankota.go.id');
  await page.getByLabel('Pos-el').fill('dinkominfo@pekalongankota.go.id');
  await page.getByLabel('Kota penulisan surat').fill('Pekalongan');
  await page.getByRole('button', { name: 'Lanjut →' }).click();
  await page.locator('#kadis-name').fill('ARIF KARYADI, S.Sos');
  await page.locator('#kadis-rank').fill('Pembina Tk.I (IV/b)');
  await page.locator('#kadis-nip').fill('19711017 199903 1 007');
  await page.getByRole('button', { name: 'Lanjut →' }).click();
  await expect(page.getByRole('heading', { name: /Langkah 3 dari 5: Daftar OPD/ })).toBeVisible();
  await page.getByLabel('Nama OPD baris 1').fill('Dinas Pendidikan');
  await page.getByLabel('Singkatan baris 1').fill('Disdik');
  await page.getByRole('button', { name: 'Lanjut →' }).click();
  await page.getByLabel('Nama lengkap').fill(ADMIN.fullName);
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.locator('#admin-password').fill(ADMIN.password);
  await page.getByLabel('Ulangi kata sandi').fill(ADMIN.password);
  await page.getByLabel('Ulangi kata sandi').press('Enter');
  await expect(page.getByRole('heading', { name: /Langkah 5 dari 5: Selesai/ })).toBeVisible();
  await page.getByRole('button', { name: 'Simpan dan mulai' }).click();
  await expect(page.getByRole('heading', { name: 'Dasbor' })).toBeVisible();
  await expect(page.locator('.topbar')).toContainText(ADMIN.fullName);
}

/** The administrator adds users in Pengaturan → Pengguna. */
export async function addUsers(page: Page, users: DeskUser[]): Promise<void> {
  await page.keyboard.press('Alt+P');
  await page.getByRole('link', { name: 'Pengguna' }).click();
  for (const u of users) {
    await page.getByRole('button', { name: '+ Tambah pengguna' }).click();
    await page.getByLabel('Nama pengguna').fill(u.username);
    await page.getByLabel('Nama lengkap').fill(u.fullName);
    await page.getByLabel('Peran').selectOption({ label: u.roleLabel });
    await page.locator('#user-password').fill(u.password);
    await page.getByLabel('Ulangi kata sandi').fill(u.password);
    await page.getByRole('button', { name: 'Simpan pengguna' }).click();
    await expect(page.getByText(`Pengguna ${u.username} (${u.fullName}) tersimpan.`)).toBeVisible();
  }
}

/** Pengaturan → SOP: the SOP that serves a service (by template key). */
export async function chooseServiceSop(page: Page, serviceLabel: string, templateKey: string): Promise<void> {
  await page.keyboard.press('Alt+P');
  await page.getByRole('link', { name: 'SOP', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'SOP tiap layanan' })).toBeVisible();
  await page.getByLabel(serviceLabel, { exact: true }).selectOption(templateKey);
  await expect(page.getByText(new RegExp(`Layanan ${serviceLabel} sekarang memakai SOP .*\\(${templateKey}\\)`))).toBeVisible();
  await expect(page.getByLabel(serviceLabel, { exact: true })).toHaveValue(templateKey);
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk ke Loket' })).toBeVisible();
}

export async function login(page: Page, user: DeskUser): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Masuk ke Loket' })).toBeVisible();
  await page.getByLabel('Nama pengguna').fill(user.username);
  await page.getByLabel('Kata sandi').fill(user.password);
  await page.getByLabel('Kata sandi').press('Enter');
  await expect(page.locator('.topbar')).toContainText(user.fullName);
}

export async function switchUser(page: Page, user: DeskUser): Promise<void> {
  await logout(page);
  await login(page, user);
}

export interface LetterSpec {
  letterNumber: string;
  subject: string;
  /** The value of "Layanan yang diminta". */
  service?: string;
}

/** Catat Surat Masuk from Dinas Pendidikan; returns the agenda number Loket gave. */
export async function registerLetter(page: Page, spec: LetterSpec): Promise<string> {
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: 'Catat Surat Masuk' })).toBeVisible();
  const sender = page.getByRole('combobox', { name: /Pengirim/ });
  await sender.fill('pendidikan');
  // The filtered answer marks its first option active; Enter on the unfiltered list (an answer to the
  // focus that came before the typing) would keep "pendidikan" as a new sender.
  await expect(page.getByRole('option', { name: /Dinas Pendidikan/ })).toHaveAttribute('aria-selected', 'true');
  await sender.press('Enter');
  await expect(page.locator('.combobox .tag--ok')).toHaveText('OPD terdaftar');
  await page.getByLabel('Nomor surat').fill(spec.letterNumber);
  await page.getByLabel('Tanggal surat').fill(daysAgo(1));
  await page.getByLabel('Perihal').fill(spec.subject);
  await page.getByLabel('Layanan yang diminta').selectOption(spec.service ?? 'hosting');
  await page.getByLabel('Kode klasifikasi').selectOption('500.12');
  await page.locator('#reg-scans').setInputFiles({ name: 'surat-permohonan.pdf', mimeType: 'application/pdf', buffer: makePdf(spec.subject) });
  await expect(page.getByText(/Terunggah/)).toBeVisible();
  await page.getByRole('button', { name: 'Simpan ke buku agenda' }).click();
  await expect(page.getByText(/Surat tercatat dengan nomor agenda/)).toBeVisible();
  return (await page.locator('#letter-title').innerText()).trim();
}

/** The request panel of the letter page. */
export function panel(page: Page) {
  return page.locator('.request-panel');
}

/** The heading of the current step reads "<number> <title>". */
export async function expectCurrentStep(page: Page, number: string): Promise<void> {
  await expect(panel(page).locator('#step-now-title .step-no')).toHaveText(number);
}

/** "Tandai selesai" on the current step, with an optional note. */
export async function completeStep(page: Page, number: string, note = ''): Promise<void> {
  await expectCurrentStep(page, number);
  if (note) await panel(page).getByLabel('Catatan (boleh kosong)').fill(note);
  await panel(page).getByRole('button', { name: 'Tandai selesai' }).click();
  // The success line, or (after the last step) the closed request.
  await expect(panel(page).getByText(`Langkah ${number} ditandai selesai.`).or(panel(page).locator('.step-now--closed'))).toBeVisible();
}

/** The disposition form of the current step: the proposed recipient, "Untuk ditindaklanjuti", send. */
export async function dispose(page: Page, step: string, recipient: string): Promise<void> {
  await expectCurrentStep(page, step);
  const form = panel(page).getByRole('form', { name: 'Disposisi' });
  await expect(form.getByLabel(recipient)).toBeChecked();
  await form.getByLabel('Untuk ditindaklanjuti').check();
  await form.getByRole('button', { name: 'Kirim disposisi' }).click();
  await expect(panel(page).getByText(`Disposisi terkirim kepada ${recipient}.`)).toBeVisible();
}

/**
 * Pontianak's SOP (pontianak-hosting) from a registered letter to its step 2: the Kepala Dinas
 * disposes to the Kepala Bidang (step 0), who disposes to the technical officer (step 1); the
 * technical officer is logged in afterwards with the letter open.
 */
export async function disposeToTechnical(page: Page, subject: string, users: { kadis: DeskUser; kabid: DeskUser; technical: DeskUser }): Promise<void> {
  await switchUser(page, users.kadis);
  await openFromQueue(page, subject);
  await dispose(page, '0', users.kabid.fullName);
  await switchUser(page, users.kabid);
  await openFromQueue(page, subject);
  await dispose(page, '1', users.technical.fullName);
  await switchUser(page, users.technical);
  await openFromQueue(page, subject);
  await expectCurrentStep(page, '2');
}

/** Opens a letter from Antrian saya by its subject. */
export async function openFromQueue(page: Page, subject: string): Promise<void> {
  await page.keyboard.press('Alt+S');
  await expect(page.getByRole('heading', { name: 'Antrian saya' })).toBeVisible();
  await page.getByRole('row', { name: new RegExp(subject) }).click();
  await expect(panel(page)).toBeVisible();
}

/** Saves the document shown in the Dokumen panel as PDF and returns its text (pdftotext). */
export async function savePdfText(page: Page): Promise<string> {
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Simpan PDF' }).click();
  const download = await downloadPromise;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-e2e-pdf-'));
  try {
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
