/**
 * Several desks, one register (issue 8), in Chromium: a register host and two paired desk
 * clients on loopback, separate processes and data folders. The front desk (desk 1) registers a
 * letter and hands it to the Kadis; the Kadis's page (desk 2, already open on the queue) shows it
 * without a reload and disposes it; the Kabid's page (desk 2, open on the queue) shows it without a
 * reload; the host's audit log names the desk of every step.
 */
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { daysAgo } from './helpers';
import { shot } from './desk';
import { expect, PASSWORD, test, USERS } from './lan-fixtures';

/** Live updates must beat the pages' one-minute polling by far. */
const LIVE = { timeout: 8_000 };

async function deskPage(browser: Browser, baseURL: string, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Masuk ke Loket' })).toBeVisible();
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByLabel('Kata sandi').press('Enter');
  await expect(page.locator('.topbar')).toBeVisible();
  return page;
}

/** Marks the page, so a later check proves it was never reloaded. */
async function markLoaded(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __tidakDimuatUlang: boolean }).__tidakDimuatUlang = true;
  });
}

async function neverReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __tidakDimuatUlang?: boolean }).__tidakDimuatUlang === true);
}

test('meja depan mencatat, Kadis melihat tanpa memuat ulang dan mendisposisikan, Kabid melihat di antriannya', async ({ browser, lan }) => {
  test.setTimeout(90_000);
  const [front, kadisDesk] = lan.desks;
  if (!front || !kadisDesk) throw new Error('dua meja');

  // The Kadis and the Kabid, at desk 2, each already on "Antrian saya".
  const kadis = await deskPage(browser, kadisDesk.baseURL, USERS.kadis.username);
  await kadis.goto('/#/antrian');
  await expect(kadis.getByRole('heading', { name: 'Antrian saya' })).toBeVisible();
  await markLoaded(kadis);
  const kabid = await deskPage(browser, kadisDesk.baseURL, USERS.kabid.username);
  await kabid.goto('/#/antrian');
  await expect(kabid.getByRole('heading', { name: 'Antrian saya' })).toBeVisible();
  await markLoaded(kabid);

  // The front desk, at desk 1, registers the letter.
  const desk = await deskPage(browser, front.baseURL, USERS.depan.username);
  await desk.keyboard.press('Alt+N');
  await expect(desk.getByRole('heading', { name: 'Catat Surat Masuk' })).toBeVisible();
  const sender = desk.getByRole('combobox', { name: /Pengirim/ });
  await sender.fill('pendidikan');
  await expect(desk.getByRole('option', { name: /Dinas Pendidikan/ })).toBeVisible();
  await sender.press('Enter');
  await desk.getByLabel('Tanggal surat').fill(daysAgo(1));
  await desk.getByLabel('Perihal').fill('Permohonan hosting aplikasi e-Rapor');
  await desk.getByLabel('Layanan yang diminta').selectOption('hosting');
  await desk.getByLabel('Kode klasifikasi').selectOption('500.12');
  await desk.getByLabel('Nomor surat').fill('421.5/777/Disdik/2026');
  await desk.getByRole('button', { name: 'Simpan ke buku agenda' }).click();
  await expect(desk.getByText(/Surat tercatat dengan nomor agenda/)).toBeVisible();
  const agendaNumber = (await desk.locator('#letter-title').innerText()).trim();
  expect(agendaNumber).toMatch(/^1\/500\.12\/\d{4}$/);

  // Step 2 of the SOP: the front desk hands it to the Kadis.
  await desk.getByRole('button', { name: 'Tandai selesai' }).click();
  await expect(desk.getByText(/Langkah .* ditandai selesai/)).toBeVisible();

  // The Kadis's queue shows it, live.
  const kadisRow = kadis.getByRole('row', { name: /Permohonan hosting aplikasi e-Rapor/ });
  await expect(kadisRow).toBeVisible(LIVE);
  await expect(kadisRow).toContainText(agendaNumber);
  expect(await neverReloaded(kadis)).toBe(true);

  // The Kadis disposes it to the Kabid.
  await kadisRow.getByRole('link', { name: agendaNumber }).click();
  await expect(kadis.locator('#letter-title')).toHaveText(agendaNumber);
  await kadis.getByLabel(USERS.kabid.fullName).check();
  await kadis.getByRole('button', { name: 'Kirim disposisi' }).click();
  await expect(kadis.getByText(`Disposisi terkirim kepada ${USERS.kabid.fullName}.`)).toBeVisible();

  // The Kabid's queue shows it, live, as an unread disposition.
  const kabidRow = kabid.getByRole('row', { name: /Permohonan hosting aplikasi e-Rapor/ });
  await expect(kabidRow).toBeVisible(LIVE);
  await expect(kabidRow).toContainText('Belum dibaca');
  expect(await neverReloaded(kabid)).toBe(true);

  // The front desk's open letter follows too: the request moved on to the Kabid.
  await expect(desk.locator('#step-now-title')).not.toContainText('Kepala Dinas', LIVE);

  // The host's audit log names the desk of each step.
  const letters = await lan.api<{ items: Array<{ id: number }> }>(lan.hostURL, 'letters.search', {}, lan.adminToken);
  const letterId = letters.items[0]?.id ?? 0;
  const audit = await lan.api<Array<{ action: string; deskName: string | null }>>(lan.hostURL, 'audit.forLetter', { letterId }, lan.adminToken);
  expect(audit.find((a) => a.action === 'surat.dicatat')?.deskName).toBe('Meja depan');
  expect(audit.find((a) => a.action === 'disposisi.dikirim')?.deskName).toBe('Meja Kadis');
});

test('host yang pergi: meja menampilkannya, isian tetap, simpanan diulang dengan kunci yang sama; meja yang dicabut ditolak', async ({ browser, lan }) => {
  test.setTimeout(90_000);
  const [front] = lan.desks;
  if (!front) throw new Error('satu meja');
  const desk = await deskPage(browser, front.baseURL, USERS.depan.username);
  await desk.keyboard.press('Alt+N');
  await expect(desk.getByRole('heading', { name: 'Catat Surat Masuk' })).toBeVisible();
  const sender = desk.getByRole('combobox', { name: /Pengirim/ });
  await sender.fill('pendidikan');
  await expect(desk.getByRole('option', { name: /Dinas Pendidikan/ })).toBeVisible();
  await sender.press('Enter');
  await desk.getByLabel('Tanggal surat').fill(daysAgo(1));
  await desk.getByLabel('Perihal').fill('Permohonan subdomain sekolah');
  await desk.getByLabel('Layanan yang diminta').selectOption('hosting');
  await desk.getByLabel('Kode klasifikasi').selectOption('500.12');
  await desk.getByLabel('Nomor surat').fill('421.5/888/Disdik/2026');

  // The register host goes away; the save waits, the desk says so, and nothing is written locally.
  await lan.stopHost();
  await desk.getByRole('button', { name: 'Simpan ke buku agenda' }).click();
  await expect(desk.getByTestId('host-away')).toHaveText(/Register di komputer host tidak dapat dihubungi\. Mencoba lagi…/);
  await expect(desk.getByLabel('Perihal')).toHaveValue('Permohonan subdomain sekolah');
  // The host comes back: the same save (same key) goes through once.
  await lan.startHost();
  await expect(desk.getByText(/Surat tercatat dengan nomor agenda/)).toBeVisible({ timeout: 20_000 });
  await expect(desk.getByTestId('host-notice')).toContainText('Tersimpan');
  await expect(desk.getByTestId('host-away')).toHaveCount(0);
  const found = await lan.api<{ total: number }>(lan.hostURL, 'letters.search', { q: 'subdomain sekolah' }, lan.adminToken);
  expect(found.total).toBe(1);

  // The administrator revokes the desk on the host: its next call is refused.
  const desks = await lan.api<Array<{ id: string; name: string }>>(lan.hostURL, 'lan.desks.list', {}, lan.adminToken);
  const id = desks.find((d) => d.name === 'Meja depan')?.id ?? '';
  await lan.api(lan.hostURL, 'lan.desks.revoke', { id }, lan.adminToken);
  const answer = await desk.evaluate(async () => {
    const res = await fetch('/api/letters.years', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
  });
  expect(answer.status).toBe(401);
  expect(answer.body.error?.code).toBe('DESK_REFUSED');

  // On the host's own screen the administrator sees the fingerprint the desks pinned, and the desks.
  const context = await browser.newContext({ baseURL: lan.hostURL });
  const admin = await context.newPage();
  await admin.goto('/');
  await admin.getByLabel('Nama pengguna').fill(USERS.admin.username);
  await admin.getByLabel('Kata sandi').fill(USERS.admin.password);
  await admin.getByLabel('Kata sandi').press('Enter');
  await expect(admin.locator('.topbar')).toBeVisible();
  await admin.goto('/#/pengaturan/lan');
  await expect(admin.getByRole('heading', { name: 'Beberapa meja (LAN)' })).toBeVisible();
  await expect(admin.getByTestId('lan-fingerprint')).toHaveText(lan.fingerprint);
  await expect(admin.getByRole('row', { name: /Meja depan/ })).toContainText('Dicabut');
  await expect(admin.getByRole('row', { name: /Meja Kadis/ })).toContainText('Aktif');
  await admin.getByRole('button', { name: 'Buat kode pemasangan' }).click();
  await expect(admin.getByTestId('lan-code')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  if (process.env.LOKET_SHOTS) await admin.screenshot({ path: 'test-results/lan-pengaturan.png', fullPage: true });
});

test('komputer baru menjadi meja dari layar penyiapan: alamat host, sidik jari, kode, lalu masuk sebagai pengguna host', async ({ browser, lan }) => {
  test.setTimeout(90_000);
  const fresh = await lan.startFresh();
  const context = await browser.newContext({ baseURL: fresh.baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Penyiapan awal Loket' })).toBeVisible();
  await page.getByRole('button', { name: 'Komputer meja tambahan? Sambungkan ke host Loket…' }).click();
  const form = page.getByRole('region', { name: 'Sambungkan komputer ini ke host Loket' });
  await expect(form).toBeVisible();

  // A wrong address is named in Indonesian; what was typed stays.
  const address = form.getByLabel('Alamat host');
  await expect(address).toBeFocused();
  const lanPort = Number(new URL(lan.lanURL).port);
  await address.fill(`https://127.0.0.1:${lanPort === 65535 ? lanPort - 1 : lanPort + 1}`);
  await address.press('Enter');
  await expect(form.getByText(/^Host Loket tidak dapat dihubungi di alamat ini\./)).toBeVisible();
  await expect(address).toHaveValue(/^https:\/\/127\.0\.0\.1:\d+$/);

  // The right one: the host's office and its fingerprint, to compare with the host's screen.
  await address.fill(lan.lanURL);
  await form.getByRole('button', { name: 'Periksa host' }).click();
  await expect(form.getByRole('heading', { name: 'Dinas Komunikasi dan Informatika' })).toBeVisible();
  await expect(form.getByTestId('pair-fingerprint')).toHaveText(lan.fingerprint);
  await expect(form.getByLabel('Kode pemasangan')).toBeFocused();

  const { code } = await lan.api<{ code: string }>(lan.hostURL, 'lan.pairing.create', {}, lan.adminToken);
  await form.getByLabel('Kode pemasangan').fill(code);
  await form.getByLabel('Nama meja ini').fill('Meja Kabid');
  // Not before the clerk confirms the fingerprint is the host's.
  await form.getByRole('button', { name: 'Sambungkan meja ini' }).click();
  await expect(form.getByText('Centang hanya bila sidik jari sama persis dengan yang tampil di layar host.')).toBeVisible();
  await shot(page, 'meja-pasang-sidik-jari', 900);
  await form.getByLabel('Sidik jari ini sama dengan yang tampil di layar host').check();
  await form.getByRole('button', { name: 'Sambungkan meja ini' }).click();
  await expect(page.getByText('Meja “Meja Kabid” tersambung ke Dinas Komunikasi dan Informatika')).toBeVisible();
  await shot(page, 'meja-pasang-tersambung');

  // The page reloads once this address answers as the desk: the host's login, the host's users.
  await expect(page.getByRole('heading', { name: 'Masuk ke Loket' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Dinas Komunikasi dan Informatika').first()).toBeVisible();
  await page.getByLabel('Nama pengguna').fill(USERS.kabid.username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByLabel('Kata sandi').press('Enter');
  await expect(page.locator('.topbar')).toContainText(USERS.kabid.fullName);

  const desks = await lan.api<Array<{ name: string; revokedAt: string | null }>>(lan.hostURL, 'lan.desks.list', {}, lan.adminToken);
  expect(desks.map((d) => d.name)).toContain('Meja Kabid');
  // A Loket already in use is never turned into a desk of another host.
  const refused = await fetch(`${lan.hostURL}/api/desk.probe`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ hostUrl: lan.lanURL }) });
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('ALREADY_SET_UP');
  await context.close();
});

test('pemindai yang terpasang di meja depan: dipindai di meja, PDF-nya tersimpan di register host', async ({ browser, lan }) => {
  test.setTimeout(90_000);
  test.skip(spawnSync('scanimage', ['-V']).status !== 0, 'scanimage (paket sane-utils) belum terpasang; .ci/run memasangnya.');
  const [front] = lan.desks;
  if (!front) throw new Error('meja depan');
  // The host has no scanner; the desk has SANE's test scanner (lan-fixtures.ts).
  const hostAdmin = await lan.api<{ devices: unknown[] }>(lan.hostURL, 'scan.devices', {}, lan.adminToken);
  expect(hostAdmin.devices).toEqual([]);

  const desk = await deskPage(browser, front.baseURL, USERS.depan.username);
  await desk.keyboard.press('Alt+N');
  await expect(desk.getByRole('heading', { name: 'Catat Surat Masuk' })).toBeVisible();
  await desk.getByRole('button', { name: 'Pindai…' }).click();
  const dialog = desk.getByRole('dialog', { name: 'Pindai surat' });
  const device = dialog.getByLabel('Pemindai');
  await expect(device).toBeVisible({ timeout: 15_000 });
  await expect(device.locator('option').first()).toHaveText(/test:0/);
  await device.selectOption('test:0');
  await dialog.getByLabel('Sumber kertas').selectOption('ADF');
  await dialog.getByLabel('Resolusi').selectOption('75');
  await dialog.getByLabel('Jumlah lembar (boleh kosong)').fill('2');
  await dialog.getByLabel('Nama berkas (boleh kosong)').fill('pindaian-meja-depan');
  await dialog.getByRole('button', { name: 'Mulai memindai' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const scans = desk.getByRole('list', { name: 'Berkas pindaian' });
  await expect(scans).toContainText('pindaian-meja-depan.pdf');
  await expect(scans).toContainText('Hasil pindai, 2 halaman');

  const sender = desk.getByRole('combobox', { name: /Pengirim/ });
  await sender.fill('pendidikan');
  await expect(desk.getByRole('option', { name: /Dinas Pendidikan/ })).toBeVisible();
  await sender.press('Enter');
  await desk.getByLabel('Tanggal surat').fill(daysAgo(1));
  await desk.getByLabel('Perihal').fill('Permohonan subdomain dengan surat hasil pindai di meja');
  await desk.getByLabel('Layanan yang diminta').selectOption('subdomain');
  await desk.getByLabel('Kode klasifikasi').selectOption('500.12');
  await desk.getByLabel('Nomor surat').fill('421.5/901/Disdik/2026');
  await desk.getByRole('button', { name: 'Simpan ke buku agenda' }).click();
  await expect(desk.getByText(/Surat tercatat dengan nomor agenda/)).toBeVisible();

  // The register on the host holds the letter with the desk's 2-page scan.
  const found = await lan.api<{ items: Array<{ id: number }> }>(lan.hostURL, 'letters.search', { q: 'hasil pindai di meja' }, lan.adminToken);
  const letter = await lan.api<{ attachments: Array<{ sha256: string; name: string }> }>(lan.hostURL, 'letters.get', { id: found.items[0]?.id ?? 0 }, lan.adminToken);
  expect(letter.attachments.map((a) => a.name)).toEqual(['pindaian-meja-depan.pdf']);
  const file = await lan.api<{ dataBase64: string }>(lan.hostURL, 'attachments.get', { sha256: letter.attachments[0]?.sha256 ?? '' }, lan.adminToken);
  const info = spawnSync('pdfinfo', ['-'], { input: Buffer.from(file.dataBase64, 'base64'), encoding: 'utf8' }).stdout;
  expect(info).toMatch(/Pages:\s+2/);
  await desk.context().close();
});
