/**
 * SOP D (Pontianak, Permohonan Hosting) in Chromium: the Kadis disposes (0), the Kabid disposes to
 * the technical officer (1), who pauses while waiting for the application files, resumes and
 * completes (2); the security evaluation (3) is the security officer's — the technical officer
 * sees it blocked with the reason — and then the hosting (4) is the technical officer's again.
 */
import { expect, test } from './fixtures';
import {
  KABID,
  KADIS,
  KEAMANAN,
  TEKNIS,
  addUsers,
  chooseServiceSop,
  completeStep,
  disposeToTechnical,
  expectCurrentStep,
  openFromQueue,
  panel,
  registerLetter,
  setupOffice,
  switchUser,
  watchErrors,
} from './desk';

const LETTER = { letterNumber: '005/88/Diskes/XI/2026', subject: 'Permohonan hosting aplikasi SIMPUS' };

test('SOP D: disposisi berjenjang, jeda menunggu OPD, evaluasi keamanan oleh petugas persandian', async ({ page, loket }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);

  await setupOffice(page);
  await addUsers(page, [KADIS, KABID, TEKNIS, KEAMANAN]);
  await chooseServiceSop(page, 'Hosting', 'pontianak-hosting');
  // The administrator may register letters too.
  await registerLetter(page, LETTER);
  await expect(panel(page).getByRole('heading', { name: /Permohonan Hosting/ })).toBeVisible();
  await expectCurrentStep(page, '0');

  await disposeToTechnical(page, LETTER.subject, { kadis: KADIS, kabid: KABID, technical: TEKNIS });

  // Step 2: paused while waiting for the OPD's files, resumed, completed.
  await panel(page).getByRole('button', { name: 'Jeda (menunggu OPD)…' }).click();
  const reason = panel(page).getByLabel('Alasan jeda (yang ditunggu dari OPD)');
  await expect(reason).toHaveValue('Menunggu file aplikasi dari OPD pemohon');
  await reason.fill('Menunggu file aplikasi');
  await panel(page).getByRole('button', { name: 'Jeda sekarang' }).click();
  await expect(panel(page).locator('.badge--state-dijeda')).toHaveText('Dijeda (menunggu OPD)');
  await expect(panel(page).locator('.step-now')).toContainText('Menunggu file aplikasi');
  await expect(panel(page).getByRole('button', { name: 'Tandai selesai' })).toHaveCount(0);
  await page.keyboard.press('Alt+S');
  await expect(page.getByRole('row', { name: new RegExp(LETTER.subject) })).toContainText('Dijeda');
  await page.getByRole('row', { name: new RegExp(LETTER.subject) }).click();
  await panel(page).getByRole('button', { name: 'Lanjutkan' }).click();
  await expect(panel(page).locator('.badge--state-berjalan')).toHaveText('Berjalan');

  // Someone changes the request behind this page's back (here: the same officer through the API,
  // as from a second window). Either the desk hears of it at once (live updates) or the stale
  // action is refused with a message; both ways the view is read again and shows the pause.
  const letterId = Number(new URL(page.url()).hash.split('/').pop());
  const token = await page.evaluate(() => sessionStorage.getItem('loket.sesi'));
  const headers = { Authorization: `Bearer ${token ?? ''}` };
  const view = (await (await page.request.post('/api/requests.forLetter', { data: { letterId }, headers })).json()) as { value: { id: number; revision: number } };
  const paused = await page.request.post('/api/requests.act', {
    data: { requestId: view.value.id, stepId: 'd2', revision: view.value.revision, action: 'pause', note: 'Menunggu dokumen teknis aplikasi' },
    headers,
  });
  expect(((await paused.json()) as { ok: boolean }).ok).toBe(true);
  await panel(page)
    .getByRole('button', { name: 'Tandai selesai' })
    .click({ timeout: 2000 })
    .catch(() => undefined);
  await expect(panel(page).locator('.badge--state-dijeda')).toHaveText('Dijeda (menunggu OPD)');
  const refused = panel(page).getByRole('alert');
  if ((await refused.count()) > 0) await expect(refused).toContainText('baru saja diubah oleh pengguna lain');
  await expect(panel(page).locator('.step-now')).toContainText('Menunggu dokumen teknis aplikasi');
  await panel(page).getByRole('button', { name: 'Lanjutkan' }).click();
  await expect(panel(page).locator('.badge--state-berjalan')).toHaveText('Berjalan');
  await completeStep(page, '2', 'File aplikasi sudah diterima dan diteruskan ke Seksi PKSI.');

  // Step 3 belongs to the security officer.
  await expectCurrentStep(page, '3');
  await expect(panel(page).locator('.blocked')).toContainText('Seksi PKSI (Keamanan dan Persandian)');
  await expect(panel(page).getByRole('button', { name: 'Tandai selesai' })).toHaveCount(0);

  await switchUser(page, KEAMANAN);
  await openFromQueue(page, LETTER.subject);
  await completeStep(page, '3', 'Evaluasi keamanan: tidak ditemukan celah kritis.');
  await expectCurrentStep(page, '4');
  await expect(panel(page).locator('.blocked')).toContainText('Seksi SPTIK');

  await switchUser(page, TEKNIS);
  await openFromQueue(page, LETTER.subject);
  await completeStep(page, '4', 'Aplikasi diunggah; IP dan web panel dibuat.');
  await expectCurrentStep(page, '5');
  await expect(panel(page).locator('.timeline .tl-item:not(.is-upcoming) .tl-no')).toHaveText(['0', '1', '2', '3', '4', '5']);
  await expect(panel(page).locator('.timeline .tl-item').nth(3)).toContainText(KEAMANAN.fullName);
  await panel(page).locator('details.audit summary').click();
  await expect(panel(page).locator('.audit-list')).toContainText('menjeda permohonan (menunggu OPD): “Menunggu file aplikasi”');
  await expect(panel(page).locator('.audit-list')).toContainText(`${TEKNIS.fullName} melanjutkan permohonan`);

  expect(errors).toEqual([]);
  expect(loket.log()).not.toMatch(/Galat tak terduga/);
});
