/**
 * SOP C (Tarakan, Layanan Hosting dan Sub Domain) carried by four logged-in users in Chromium:
 * the front desk, the Kadis, the Kabid and the technical officer.
 * - Approve branch: registered → step 2 done by the front desk → the Kadis disposes to the Kabid
 *   (who could not see the letter before) → the Kabid reviews (4) and decides "Ya" (5) → the
 *   technical officer does 6, 7, 8 → Selesai, with all 8 steps on the timeline.
 * - Return branch: the Kabid decides "Tidak" with a reason → Dikembalikan ke OPD → the surat
 *   pemberitahuan PDF carries the reason and the agenda number.
 * - A step past its standard is late in the Kabid's queue: the host is restarted with its clock a
 *   week ahead (LOKET_CLOCK_OFFSET_MINUTES), since deadlines are computed on the host.
 */
import { expect, test } from './fixtures';
import {
  FRONT_DESK,
  KABID,
  KADIS,
  TEKNIS,
  addUsers,
  chooseServiceSop,
  completeStep,
  expectCurrentStep,
  login,
  logout,
  openFromQueue,
  panel,
  registerLetter,
  savePdfText,
  setupOffice,
  shot,
  switchUser,
  watchErrors,
} from './desk';

const APPROVE = { letterNumber: '421.5/1234/Disdik/XI/2026', subject: 'Permohonan hosting aplikasi PPDB' };
const RETURN = { letterNumber: '421.5/1301/Disdik/XI/2026', subject: 'Permohonan hosting aplikasi e-rapor' };
const LATE = { letterNumber: '421.5/1302/Disdik/XI/2026', subject: 'Permohonan subdomain perpustakaan sekolah' };
const REASON = 'Nama subdomain yang dimohon belum dicantumkan dan penanggung jawab aplikasi belum ditunjuk.';

function countCard(page: import('@playwright/test').Page, label: string) {
  return page.locator('.count-card').filter({ has: page.locator('.count-label').getByText(label, { exact: true }) }).locator('.count-value');
}

test('SOP C: setuju dan dikembalikan, empat pengguna, surat pemberitahuan, terlambat di antrian Kabid', async ({ page, loket }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);

  // The administrator sets up the office, the users, and Tarakan's SOP for "Hosting".
  await setupOffice(page);
  await addUsers(page, [FRONT_DESK, KADIS, KABID, TEKNIS]);
  await chooseServiceSop(page, 'Hosting', 'tarakan-hosting-subdomain');
  await shot(page, '06-pengaturan-sop');

  // The front desk registers the letter; the request starts at step 2 (step 1 is the OPD's letter).
  await switchUser(page, FRONT_DESK);
  await expect(page.getByRole('heading', { name: 'Dasbor' })).toBeVisible();
  const agenda1 = await registerLetter(page, APPROVE);
  await expect(page.getByText(/Estimasi selesai menurut SOP: \w+, \d+ \w+ \d{4} pukul \d{2}\.\d{2} WIB/)).toBeVisible();
  await expect(panel(page).getByRole('heading', { name: /Layanan Hosting dan Sub Domain/ })).toBeVisible();
  await expect(panel(page).locator('.badge--state-berjalan')).toHaveText('Berjalan');
  await completeStep(page, '2', 'Surat sudah dipindai dan lembar disposisi dilengkapi.');
  await expectCurrentStep(page, '3');
  await expect(panel(page).locator('.blocked')).toContainText('Langkah ini dikerjakan oleh Kepala DKISP');

  // The Kabid does not see the letter before the Kadis disposes it.
  await switchUser(page, KABID);
  await expect(countCard(page, 'Disposisi belum dibaca')).toHaveText('0');
  await page.keyboard.press('Alt+A');
  await expect(page.getByText('Buku agenda masih kosong.')).toBeVisible();

  // The Kadis finds it in Antrian saya and disposes it to the Kabid with instructions.
  await switchUser(page, KADIS);
  await expect(countCard(page, 'Surat baru')).toHaveText('1');
  // The count opens the agenda book filtered on new letters.
  await page.getByRole('link', { name: /^1 Surat baru/ }).click();
  await expect(page.getByRole('heading', { name: 'Buku Agenda' })).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('baru');
  await expect(page.getByRole('row', { name: new RegExp(APPROVE.subject) })).toBeVisible();
  await openFromQueue(page, APPROVE.subject);
  await expectCurrentStep(page, '3');
  const dispose = panel(page).getByRole('form', { name: 'Disposisi' });
  await expect(dispose.getByLabel(KABID.fullName)).toBeChecked();
  await dispose.getByLabel('Tanggapan dan saran').check();
  await dispose.getByLabel('Untuk ditindaklanjuti').check();
  await dispose.getByLabel('Catatan disposisi').fill('Mohon dikaji bersama JFT, siapkan server bila memungkinkan.');
  await dispose.getByRole('button', { name: 'Kirim disposisi' }).click();
  await expect(panel(page).getByText(`Disposisi terkirim kepada ${KABID.fullName}.`)).toBeVisible();
  const disp = panel(page).locator('.disp').first();
  await expect(disp).toContainText('Belum dibaca');
  await expect(disp.getByRole('button', { name: 'Tarik kembali' })).toBeVisible();

  // The Kabid: one unread disposition on the dashboard; opens it from the queue; reads, reviews, decides.
  await switchUser(page, KABID);
  await expect(countCard(page, 'Disposisi belum dibaca')).toHaveText('1');
  await expect(page.getByRole('row', { name: new RegExp(APPROVE.subject) })).toContainText('Belum dibaca');
  await shot(page, '01-dasbor');
  await openFromQueue(page, APPROVE.subject);
  await expect(panel(page).locator('.disp').first()).toContainText(/Dibaca \d+ \w+ \d{4} pukul/);
  await expect(panel(page).locator('.disp').first()).toContainText('Untuk ditindaklanjuti');
  await completeStep(page, '4', 'Server, IP dan bandwidth tersedia.');
  await expectCurrentStep(page, '5');
  await shot(page, '03-permohonan-tengah', 1500);
  await panel(page).locator('details.audit summary').click();
  await expect(panel(page).locator('.audit-list')).toContainText('mengirim disposisi kepada Kabid Aplikasi dan Informatika');
  const decide = panel(page).getByRole('form', { name: 'Keputusan' });
  await decide.getByRole('button', { name: 'Ya', exact: true }).click();
  await expect(decide.getByLabel('Catatan (boleh kosong)')).toBeFocused();
  await shot(page, '04-keputusan', 1000);
  await decide.getByRole('button', { name: 'Simpan keputusan' }).click();
  await expect(panel(page).getByText('Keputusan tersimpan: Ya.')).toBeVisible();
  await expectCurrentStep(page, '6');
  await expect(panel(page).locator('.blocked')).toContainText('Bidang Aplikasi dan Informatika (JFT)');

  // The technical officer does 6, 7 and 8.
  await switchUser(page, TEKNIS);
  await openFromQueue(page, APPROVE.subject);
  await completeStep(page, '6', 'Server hosting dan subdomain ppdb sudah dibuat.');
  await completeStep(page, '7');
  await completeStep(page, '8');
  await expect(panel(page).locator('.badge--state-selesai')).toHaveText('Selesai');
  await expect(panel(page).locator('.timeline .tl-item:not(.is-upcoming)')).toHaveCount(8);
  await expect(panel(page).locator('.timeline .tl-no')).toHaveText(['1', '2', '3', '4', '5', '6', '7', '8']);
  await expect(panel(page).locator('.timeline')).toContainText('Keputusan: Ya');
  await expect(page.locator('.head-badges')).toContainText('Selesai');

  // Return branch: two more letters; the Kabid returns the first and leaves the second at step 4.
  await switchUser(page, FRONT_DESK);
  const agenda2 = await registerLetter(page, RETURN);
  await completeStep(page, '2');
  await registerLetter(page, LATE);
  await completeStep(page, '2');

  await switchUser(page, KADIS);
  for (const subject of [RETURN.subject, LATE.subject]) {
    await openFromQueue(page, subject);
    const form = panel(page).getByRole('form', { name: 'Disposisi' });
    await form.getByLabel('Proses lebih lanjut').check();
    await form.getByRole('button', { name: 'Kirim disposisi' }).click();
    await expect(panel(page).getByText(`Disposisi terkirim kepada ${KABID.fullName}.`)).toBeVisible();
  }
  // The last one is taken back while unread, and sent again.
  await panel(page).locator('.disp').getByRole('button', { name: 'Tarik kembali' }).click();
  await expect(panel(page).locator('.disp.is-withdrawn')).toContainText('Ditarik kembali');
  await expectCurrentStep(page, '3');
  await expect(panel(page).locator('.tl-item.is-abandoned')).toContainText('ditarik');
  await panel(page).getByRole('form', { name: 'Disposisi' }).getByRole('button', { name: 'Kirim disposisi' }).click();
  await expect(panel(page).getByText(`Disposisi terkirim kepada ${KABID.fullName}.`)).toBeVisible();
  await expectCurrentStep(page, '4');

  await switchUser(page, KABID);
  await expect(countCard(page, 'Disposisi belum dibaca')).toHaveText('2');
  await openFromQueue(page, RETURN.subject);
  await completeStep(page, '4');
  const decide2 = panel(page).getByRole('form', { name: 'Keputusan' });
  await decide2.getByRole('button', { name: /Tidak/ }).click();
  const reason = decide2.getByLabel('Alasan pengembalian (dicetak pada surat pemberitahuan)');
  await expect(reason).toBeFocused();
  // Without a reason the return is refused next to the field.
  await decide2.getByRole('button', { name: 'Simpan keputusan dan kembalikan ke OPD' }).click();
  await expect(decide2.locator('.field-error')).toContainText('Tulis alasan pengembalian');
  await reason.fill(REASON);
  await decide2.getByRole('button', { name: 'Simpan keputusan dan kembalikan ke OPD' }).click();
  await expect(panel(page).locator('.badge--state-dikembalikan')).toHaveText('Dikembalikan ke OPD');
  await expect(panel(page).locator('.step-now')).toContainText(REASON);

  // The surat pemberitahuan: offered in the Dokumen panel, previewed, saved as PDF.
  await panel(page).getByRole('button', { name: 'Surat pemberitahuan' }).click();
  await expect(page.getByRole('radio', { name: 'Surat pemberitahuan' })).toBeChecked();
  await expect(page.locator('.pdf-preview iframe')).toBeVisible();
  await page.waitForTimeout(1200);
  await shot(page, '05-dikembalikan-surat-pemberitahuan');
  await page.locator('.content').evaluate((el) => el.scrollTo({ top: 0 }));
  await shot(page, '05b-dikembalikan', 1500);
  const notice = (await savePdfText(page)).replace(/\s+/g, ' ');
  expect(notice).toContain(agenda2);
  expect(notice).toContain(REASON.slice(0, 40));

  // A week later (the host's clock), the Kabid's step 4 of the third letter is late.
  await logout(page);
  await loket.restart({ LOKET_CLOCK_OFFSET_MINUTES: String(7 * 24 * 60) });
  await page.reload();
  await login(page, KABID);
  await expect(countCard(page, 'Terlambat')).toHaveText('1');
  await page.keyboard.press('Alt+S');
  const lateRow = page.getByRole('row', { name: new RegExp(LATE.subject) });
  await expect(lateRow).toContainText('Terlambat');
  await expect(lateRow).toContainText(/\w+, \d+ \w+ \d{4} pukul \d{2}\.\d{2} WIB/);
  await expect(page.getByRole('row', { name: new RegExp(RETURN.subject) })).toHaveCount(0);
  await shot(page, '02-antrian-terlambat');
  await page.getByRole('link', { name: /^Terlambat/ }).click();
  await expect(page.getByRole('row', { name: new RegExp(LATE.subject) })).toBeVisible();

  expect(agenda1).not.toBe(agenda2);
  expect(errors).toEqual([]);
  expect(loket.log()).not.toMatch(/Galat tak terduga/);
});
