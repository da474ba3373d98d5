/**
 * Liberation Sans (metric-compatible with Arial, SIL OFL 1.1) and Liberation Mono Bold (for
 * passwords, same licence) shipped in resources/fonts, so a document looks the same on every desk
 * whatever fonts the computer has.
 */
import fs from 'node:fs';
import path from 'node:path';
import { create as createFontkitFont, type FontkitFont } from 'fontkit';
import { ApiError } from '../../../shared/api/errors';

export const FONT = {
  regular: 'LiberationSans',
  bold: 'LiberationSans-Bold',
  italic: 'LiberationSans-Italic',
  boldItalic: 'LiberationSans-BoldItalic',
  /** For passwords on the hosting access document: every character distinct (l, 1, I; O, 0). */
  monoBold: 'LiberationMono-Bold',
} as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

const FILES: Record<FontName, string> = {
  LiberationSans: 'LiberationSans-Regular.ttf',
  'LiberationSans-Bold': 'LiberationSans-Bold.ttf',
  'LiberationSans-Italic': 'LiberationSans-Italic.ttf',
  'LiberationSans-BoldItalic': 'LiberationSans-BoldItalic.ttf',
  'LiberationMono-Bold': 'LiberationMono-Bold.ttf',
};

export function fontsDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'fonts');
}

const cache = new Map<string, Buffer>();

/** The bytes of one font file, read once per process. */
export function fontBytes(dir: string, name: FontName): Buffer {
  const file = path.join(dir, FILES[name]);
  let data = cache.get(file);
  if (!data) {
    try {
      data = fs.readFileSync(file);
    } catch {
      throw new ApiError('INTERNAL', `Berkas huruf ${FILES[name]} tidak ditemukan di ${dir}. Pasang ulang Loket.`);
    }
    cache.set(file, data);
  }
  return data;
}

const parsed = new Map<string, FontkitFont>();

/**
 * The font parsed once per process (fontkit). pdfkit takes a parsed font where it takes a file and
 * makes its own subset for each document, so a document no longer parses four TrueType files
 * again (that was most of the 60 ms a lembar disposisi took; see README "Benchmark").
 */
export function parsedFont(dir: string, name: FontName): FontkitFont {
  const file = path.join(dir, FILES[name]);
  let font = parsed.get(file);
  if (!font) {
    font = createFontkitFont(fontBytes(dir, name));
    parsed.set(file, font);
  }
  return font;
}

/** Registers the styles under the names in FONT. */
export function registerFonts(doc: PDFKit.PDFDocument, dir: string): void {
  // @types/pdfkit names only paths and bytes; pdfkit itself also takes a parsed fontkit font.
  for (const name of Object.values(FONT)) doc.registerFont(name, parsedFont(dir, name) as unknown as Buffer);
}
