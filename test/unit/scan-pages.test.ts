/** Pages: reorder, rotate and drop pages of stored PDFs and images into one new PDF; thumbnails. Checked with poppler's pdfinfo/pdftotext. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composePdf, imagesToPdf, thumbnails } from '../../electron/core/scan/pages';
import { imageInfo } from '../../electron/core/scan/images';
import { PageOpSchema } from '../../shared/api/scan-schemas';
import { letterPdf, pdfInfo, pdfToPng } from '../fixtures/scan/letters';
import { createTestOffice, type TestOffice } from './helpers/core';

function threePages(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (const word of ['SATU', 'DUA', 'TIGA']) doc.addPage().fontSize(30).text(`HALAMAN ${word}`);
    doc.end();
  });
}

function pdfText(pdf: Buffer): string[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'loket-teks-')), 'b.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter((t) => t !== '');
}

describe('pages', () => {
  let office: TestOffice;
  const ops = (list: Array<{ sha256: string; page?: number; rotate?: number }>) => list.map((o) => PageOpSchema.parse(o));
  const read = (sha256: string) => office.core.files.read(sha256);

  beforeAll(async () => {
    office = await createTestOffice();
  });
  afterAll(async () => {
    await office.core.scan?.close();
    office.core.db.close();
  });

  it('reorders, rotates and drops pages, and adds a scanned image as a page', async () => {
    const pdf = office.core.files.put(await threePages());
    const image = office.core.files.put(pdfToPng(await letterPdf(), 50));
    const out = await composePdf(
      read,
      ops([
        { sha256: pdf.sha256, page: 3, rotate: 90 },
        { sha256: pdf.sha256, page: 1 },
        { sha256: image.sha256, rotate: 180 },
      ]),
    );
    expect(out.pages).toBe(3);
    const info = pdfInfo(out.data);
    expect(info.pages).toBe(3);
    expect(info.sizes.map((s) => s.rot)).toEqual([90, 0, 180]);
    const text = pdfText(out.data);
    expect(text[0]).toBe('HALAMAN TIGA');
    expect(text[1]).toBe('HALAMAN SATU');
    expect(text.join(' ')).not.toContain('DUA');
    // The image page has the size of the scanned A4 sheet.
    expect(info.sizes[2]?.width).toBeCloseTo(595.3, -1);
    expect(info.sizes[2]?.height).toBeCloseTo(841.9, -1);

    // Rotations add up with a page's own rotation.
    const again = await composePdf(read, ops([{ sha256: office.core.files.put(out.data).sha256, page: 1, rotate: 270 }]));
    expect(pdfInfo(again.data).sizes.map((s) => s.rot)).toEqual([0]);
  });

  it('several images (PNG and JPEG) become one PDF, A4 pages at their resolution', async () => {
    const letter = await letterPdf();
    const png = pdfToPng(letter, 60);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-jpg-'));
    fs.writeFileSync(path.join(dir, 's.pdf'), letter);
    execFileSync('pdftoppm', ['-jpeg', '-r', '72', '-singlefile', path.join(dir, 's.pdf'), path.join(dir, 's')]);
    const jpg = fs.readFileSync(path.join(dir, 's.jpg'));
    expect(imageInfo(jpg)?.mime).toBe('image/jpeg');
    const out = await imagesToPdf([{ data: png, dpi: 60 }, { data: jpg, dpi: 72 }]);
    const info = pdfInfo(out.data);
    expect(info.pages).toBe(2);
    for (const size of info.sizes) {
      expect(size.width).toBeCloseTo(595.3, -1);
      expect(size.height).toBeCloseTo(841.9, -1);
    }
  });

  it('refuses a page that does not exist, naming the row', async () => {
    const pdf = office.core.files.put(await threePages());
    await expect(composePdf(read, ops([{ sha256: pdf.sha256, page: 4 }]))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'pages.0.page': 'Berkas ini hanya 3 halaman.' },
    });
  });

  it('thumbnails: PNG per PDF page with pdftoppm; an image is its own thumbnail; without pdftoppm, null and a message', async () => {
    const pdf = { data: await threePages(), mime: 'application/pdf' };
    const thumbs = await thumbnails(pdf, 'pdftoppm');
    expect(thumbs.pages).toBe(3);
    expect(thumbs.message).toBeNull();
    for (const t of thumbs.thumbnails) {
      const info = imageInfo(Buffer.from(t.dataBase64 ?? '', 'base64'));
      expect(info?.mime).toBe('image/png');
      // 30 dpi of an A4 page: 248 × 351 px.
      expect(info?.width).toBeGreaterThan(240);
      expect(info?.width).toBeLessThan(256);
    }
    const image = { data: pdfToPng(await letterPdf(), 30), mime: 'image/png' };
    expect((await thumbnails(image, 'pdftoppm')).thumbnails).toEqual([{ page: 1, mime: 'image/png', dataBase64: image.data.toString('base64') }]);

    const none = await thumbnails(pdf, path.join(os.tmpdir(), 'tidak-ada-pdftoppm'));
    expect(none.pages).toBe(3);
    expect(none.thumbnails.every((t) => t.dataBase64 === null)).toBe(true);
    expect(none.message).toMatch(/pdftoppm \(poppler\) belum terpasang/);
  });
});
