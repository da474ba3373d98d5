/**
 * Pages of scans: several images become one PDF (each page sized from the image's resolution),
 * pages of stored PDFs and images are reordered, rotated and dropped into a new PDF, and pages are
 * drawn as small thumbnails with poppler's pdftoppm.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { degrees, PDFDocument, type PDFImage } from 'pdf-lib';
import { ApiError } from '../../../shared/api/errors';
import type { PageOp } from '../../../shared/api/scan-schemas';
import { imageInfo, pageSizeFor } from './images';
import { run, ToolMissingError } from './exec';

export interface SourceFile {
  data: Buffer;
  mime: string;
}

export interface ImagePage {
  data: Buffer;
  /** The resolution the image was scanned at; when absent, the one recorded in the file. */
  dpi?: number | null;
  rotate?: number;
}

/**
 * A copy with its own ArrayBuffer: pdf-lib reads some inputs through `new DataView(bytes.buffer)`,
 * which ignores the offset of a Node Buffer that shares the pool ("SOI not found in JPEG").
 */
function ownBytes(data: Buffer): Uint8Array {
  return new Uint8Array(data);
}

async function loadPdf(data: Buffer): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(ownBytes(data), { ignoreEncryption: true, updateMetadata: false });
  } catch {
    throw new ApiError('UNSUPPORTED_FILE', 'PDF ini rusak atau tidak dapat dibaca.');
  }
  if (doc.isEncrypted) throw new ApiError('UNSUPPORTED_FILE', 'PDF ini dikunci dengan sandi; halamannya tidak dapat diolah. Minta berkas tanpa sandi.');
  return doc;
}

/** Number of pages of a stored file: a PDF's page count, 1 for an image. */
export async function pageCount(file: SourceFile): Promise<number> {
  if (file.mime !== 'application/pdf') return 1;
  return (await loadPdf(file.data)).getPageCount();
}

function newDocument(): Promise<PDFDocument> {
  return PDFDocument.create({ updateMetadata: false }).then((doc) => {
    doc.setProducer('Loket');
    doc.setCreator('Loket');
    return doc;
  });
}

async function addImagePage(doc: PDFDocument, image: PDFImage, data: Buffer, dpi: number | null | undefined, rotate: number): Promise<void> {
  const info = imageInfo(data);
  if (!info) throw new ApiError('UNSUPPORTED_FILE', 'Gambar pindaian rusak atau bukan PNG/JPG.');
  const size = pageSizeFor(info, dpi);
  const page = doc.addPage([size.width, size.height]);
  page.drawImage(image, { x: 0, y: 0, width: size.width, height: size.height });
  if (rotate % 360 !== 0) page.setRotation(degrees(rotate % 360));
}

async function embedImage(doc: PDFDocument, data: Buffer): Promise<PDFImage> {
  const info = imageInfo(data);
  try {
    if (info?.mime === 'image/png') return await doc.embedPng(ownBytes(data));
    if (info?.mime === 'image/jpeg') return await doc.embedJpg(ownBytes(data));
  } catch {
    // fall through to the message below
  }
  throw new ApiError('UNSUPPORTED_FILE', 'Gambar pindaian rusak atau bukan PNG/JPG.');
}

/** Scanned images (one per page, in order) → one PDF. */
export async function imagesToPdf(pages: readonly ImagePage[]): Promise<{ data: Buffer; pages: number }> {
  if (pages.length === 0) throw new ApiError('INVALID_INPUT', 'Tidak ada halaman yang terpindai.');
  const doc = await newDocument();
  for (const p of pages) await addImagePage(doc, await embedImage(doc, p.data), p.data, p.dpi, p.rotate ?? 0);
  return { data: Buffer.from(await doc.save()), pages: doc.getPageCount() };
}

/**
 * Pages of stored files in the wanted order, each turned clockwise by `rotate` (added to the
 * page's own rotation) → one new PDF. Pages not listed are dropped.
 */
export async function composePdf(read: (sha256: string) => SourceFile, ops: readonly PageOp[]): Promise<{ data: Buffer; pages: number }> {
  const doc = await newDocument();
  const pdfs = new Map<string, PDFDocument>();
  const images = new Map<string, PDFImage>();
  const fields: Record<string, string> = {};
  for (const [i, op] of ops.entries()) {
    const file = read(op.sha256);
    if (file.mime === 'application/pdf') {
      let src = pdfs.get(op.sha256);
      if (!src) {
        src = await loadPdf(file.data);
        pdfs.set(op.sha256, src);
      }
      if (op.page > src.getPageCount()) {
        fields[`pages.${i}.page`] = `Berkas ini hanya ${src.getPageCount()} halaman.`;
        continue;
      }
      const [page] = await doc.copyPages(src, [op.page - 1]);
      if (!page) continue;
      const angle = (((page.getRotation().angle + op.rotate) % 360) + 360) % 360;
      page.setRotation(degrees(angle));
      doc.addPage(page);
    } else {
      if (op.page !== 1) {
        fields[`pages.${i}.page`] = 'Gambar hanya satu halaman.';
        continue;
      }
      let image = images.get(op.sha256);
      if (!image) {
        image = await embedImage(doc, file.data);
        images.set(op.sha256, image);
      }
      await addImagePage(doc, image, file.data, null, op.rotate);
    }
  }
  if (Object.keys(fields).length > 0) throw new ApiError('INVALID_INPUT', 'Ada halaman yang tidak ada di berkasnya.', fields);
  return { data: Buffer.from(await doc.save()), pages: doc.getPageCount() };
}

export interface Thumbnail {
  page: number;
  mime: string | null;
  dataBase64: string | null;
}

/** Thumbnails are drawn for at most this many pages of one PDF. */
export const MAX_THUMBNAIL_PAGES = 200;

/** Renders pages of a PDF to PNG with pdftoppm into a temporary folder; returns the images in page order. */
export async function renderPdfPages(
  pdftoppm: string,
  data: Buffer,
  options: { dpi: number; first?: number; last?: number; timeoutMs?: number },
): Promise<Buffer[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-halaman-'));
  try {
    const input = path.join(dir, 'berkas.pdf');
    fs.writeFileSync(input, data);
    const args = ['-png', '-r', String(options.dpi)];
    if (options.first) args.push('-f', String(options.first));
    if (options.last) args.push('-l', String(options.last));
    args.push(input, path.join(dir, 'hal'));
    const result = await run(pdftoppm, args, { timeoutMs: options.timeoutMs ?? 120_000 });
    if (result.code !== 0) throw new ApiError('UNSUPPORTED_FILE', 'Halaman PDF tidak dapat digambar (berkas rusak?).');
    return fs
      .readdirSync(dir)
      .filter((f) => /^hal-\d+\.png$/.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]))
      .map((f) => fs.readFileSync(path.join(dir, f)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Small pictures of every page: the image itself for JPG/PNG, pdftoppm at 30 dpi for PDFs. */
export async function thumbnails(file: SourceFile, pdftoppm: string): Promise<{ pages: number; thumbnails: Thumbnail[]; message: string | null }> {
  if (file.mime !== 'application/pdf') {
    return { pages: 1, thumbnails: [{ page: 1, mime: file.mime, dataBase64: file.data.toString('base64') }], message: null };
  }
  const pages = await pageCount(file);
  const blank = (from: number): Thumbnail[] =>
    Array.from({ length: Math.max(0, pages - from) }, (_, i) => ({ page: from + i + 1, mime: null, dataBase64: null }));
  try {
    const images = await renderPdfPages(pdftoppm, file.data, { dpi: 30, first: 1, last: Math.min(pages, MAX_THUMBNAIL_PAGES) });
    const drawn = images.map((img, i) => ({ page: i + 1, mime: 'image/png', dataBase64: img.toString('base64') }));
    const message = pages > images.length ? `Gambar kecil hanya dibuat untuk ${images.length} halaman pertama.` : null;
    return { pages, thumbnails: [...drawn, ...blank(drawn.length)], message };
  } catch (error) {
    if (error instanceof ToolMissingError) {
      return {
        pages,
        thumbnails: blank(0),
        message: 'Gambar kecil halaman PDF tidak dapat dibuat: program pdftoppm (poppler) belum terpasang di komputer ini. Halaman tetap dapat diatur menurut nomornya.',
      };
    }
    throw error;
  }
}
