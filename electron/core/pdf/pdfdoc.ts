/**
 * A pdfkit document set up the way every Loket document is: one page of the chosen paper with no
 * pdfkit margins (each document keeps its own frame, so pdfkit never breaks a page on its own),
 * the bundled fonts, and reproducible output — the creation date comes from the record the
 * document prints, and pdfkit derives the file ID from the info, so the same record gives the
 * same bytes.
 */
import PDFDocument from 'pdfkit';
import type { PaperSize } from '../../../shared/api/schemas';
import { FONT, fontsDir, parsedFont, registerFonts } from './fonts';
import { paperPoints, type Orientation } from './paper';

export interface PdfMeta {
  title: string;
  subject?: string;
  author?: string;
  /** The PDF's Keywords (registered documents: their verification payload, see qr.ts). */
  keywords?: string;
  /** Fixed creation date (from the record, never "now"). */
  createdAt: Date;
}

export interface PdfHandle {
  doc: PDFKit.PDFDocument;
  /** Ends the document and resolves with its bytes and page count. */
  finish(): Promise<{ data: Buffer; pages: number }>;
}

/** Reports may lie in landscape; every other document is portrait. */
export function createPdf(resourcesDir: string, paper: PaperSize, meta: PdfMeta, orientation: Orientation = 'portrait'): PdfHandle {
  const dir = fontsDir(resourcesDir);
  const [width, height] = paperPoints(paper, orientation);
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    bufferPages: true,
    autoFirstPage: true,
    // The default font is ours, so pdfkit does not load its Helvetica metrics from disk; parsed once
    // per process (fonts.ts). @types/pdfkit names only a path here; pdfkit also takes a parsed font.
    font: parsedFont(dir, FONT.regular) as unknown as string,
    lang: 'id-ID',
    info: {
      Title: meta.title,
      ...(meta.subject ? { Subject: meta.subject } : {}),
      ...(meta.author ? { Author: meta.author } : {}),
      ...(meta.keywords ? { Keywords: meta.keywords } : {}),
      Creator: 'Loket',
      Producer: 'Loket (pdfkit)',
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt,
    },
  });
  registerFonts(doc, dir);
  doc.font(FONT.regular);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    async finish() {
      const pages = doc.bufferedPageRange().count;
      doc.end();
      return { data: await done, pages };
    },
  };
}
