/**
 * Offline OCR end to end with real parts: a request letter drawn with pdfkit, rendered to a PNG
 * "scan" with pdftoppm, read by tesseract.js with the Indonesian data shipped in resources/ocr,
 * then registered; letters.search finds a word of its body.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LetterInputSchema, LetterSearchSchema, type LetterInput } from '../../shared/api/schemas';
import { registerLetter, searchLetters } from '../../electron/core/services/letters';
import type { OcrService } from '../../electron/core/scan/ocr';
import { createTestOffice, type TestOffice } from './helpers/core';
import { letterPdf, pdfToPng, PPDB_LETTER } from '../fixtures/scan/letters';

const base: LetterInput = {
  senderName: 'Dinas Pendidikan',
  letterNumber: 'x',
  letterDate: '2026-11-20',
  subject: 'x',
  nature: 'biasa',
  classificationCode: '500.12',
  service: 'hosting',
};

describe('OCR of a scanned Indonesian request letter (tesseract.js, offline)', () => {
  let office: TestOffice;
  let ocr: OcrService;
  const frontDesk = () => ({ id: office.userIds.front_desk, role: 'front_desk' });

  beforeAll(async () => {
    office = await createTestOffice();
    const scan = office.core.scan;
    if (!scan) throw new Error('createCore tidak menyiapkan layanan pindaian');
    ocr = scan.ocr;
  });
  afterAll(async () => {
    await office.core.scan?.close();
    office.core.db.close();
  });

  it('ships the Indonesian language data (Apache-2.0) of a reasonable size', () => {
    const data = path.resolve('resources/ocr/ind.traineddata');
    const size = fs.statSync(data).size;
    expect(size).toBeGreaterThan(500_000);
    expect(size).toBeLessThan(5_000_000);
    expect(fs.readFileSync(path.resolve('resources/ocr/LICENSE-tessdata.txt'), 'utf8')).toContain('Apache License');
    expect(ocr.available()).toBe(true);
  });

  it('suggests number, date, sender and perihal; a word of the body finds the registered letter', async () => {
    const cwdCopy = path.resolve('ind.traineddata');
    const png = pdfToPng(await letterPdf(), 200);
    const stored = office.core.files.put(png);

    const jobId = ocr.start(stored.sha256, frontDesk());
    // The call answers at once: the job is only queued or running.
    expect(['queued', 'running']).toContain(ocr.status(jobId, frontDesk()).state);
    const job = await ocr.wait(jobId, frontDesk());
    expect(job.state, job.message).toBe('done');
    expect(job.progress).toBe(100);
    const s = job.result?.suggestions;
    expect(s?.letterNumber).toBe(PPDB_LETTER.number);
    expect(s?.subject).toBe(PPDB_LETTER.subject);
    expect(s?.letterDate).toBe('2026-11-20');
    expect(s?.senderName).toBe('Dinas Pendidikan');
    // …which is in the OPD list of the test office.
    expect(s?.opdId).toBe((office.core.db.prepare("SELECT id FROM opd WHERE name = 'Dinas Pendidikan'").get() as { id: number }).id);
    // tesseract.js did not fetch or cache data in the working folder.
    expect(fs.existsSync(cwdCopy)).toBe(false);

    expect(searchLetters(office.core.db, LetterSearchSchema.parse({ q: 'zonasi' })).total).toBe(0);
    const letter = registerLetter(
      office.core.db,
      LetterInputSchema.parse({
        ...base,
        letterNumber: s?.letterNumber ?? '',
        subject: s?.subject ?? '',
        attachments: [{ sha256: stored.sha256, name: 'surat-ppdb.png' }],
      }),
      office.userIds.front_desk,
      office.core.now(),
    );
    const found = searchLetters(office.core.db, LetterSearchSchema.parse({ q: 'zonasi' }));
    expect(found.items.map((l) => l.id)).toEqual([letter.id]);
    // Words of the fields still work, and a word in neither finds nothing.
    expect(searchLetters(office.core.db, LetterSearchSchema.parse({ q: 'PPDB' })).total).toBe(1);
    expect(searchLetters(office.core.db, LetterSearchSchema.parse({ q: 'akreditasi' })).total).toBe(0);

    // Asking again for the same scan answers from the stored text without a new recognition.
    const again = ocr.status(ocr.start(stored.sha256, frontDesk()), frontDesk());
    expect(again.state).toBe('done');
    expect(again.result?.text).toBe(job.result?.text);
  });

  it('registering does not wait for OCR; text read after registration is searchable too', async () => {
    const pdf = await letterPdf({ ...PPDB_LETTER, number: '005/124/Disdik/XI/2026', body: 'Mohon hosting untuk aplikasi beasiswa afirmasi siswa.' });
    const stored = office.core.files.put(pdf);
    const letter = registerLetter(
      office.core.db,
      LetterInputSchema.parse({ ...base, letterNumber: '005/124/Disdik/XI/2026', subject: 'Permohonan hosting', attachments: [{ sha256: stored.sha256, name: 'surat.pdf' }] }),
      office.userIds.front_desk,
      office.core.now(),
    );
    expect(searchLetters(office.core.db, LetterSearchSchema.parse({ q: 'afirmasi' })).total).toBe(0);
    // A PDF: the first page is drawn with pdftoppm at 200 dpi, then read.
    const job = await ocr.wait(ocr.start(stored.sha256, frontDesk()), frontDesk());
    expect(job.state, job.message).toBe('done');
    expect(job.result?.suggestions.letterNumber).toBe('005/124/Disdik/XI/2026');
    expect(searchLetters(office.core.db, LetterSearchSchema.parse({ q: 'afirmasi' })).items.map((l) => l.id)).toEqual([letter.id]);
  });

  it('another user cannot follow someone else’s OCR job', async () => {
    const stored = office.core.files.put(pdfToPng(await letterPdf(), 100));
    const jobId = ocr.start(stored.sha256, frontDesk());
    expect(() => ocr.status(jobId, { id: office.userIds.kabid, role: 'kabid' })).toThrow(/tidak ditemukan/);
    await ocr.wait(jobId, frontDesk());
  });
});
