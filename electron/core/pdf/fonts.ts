/**
 * Liberation Sans (metric-compatible with Arial, SIL OFL 1.1) shipped in resources/fonts, so a
 * document looks the same on every desk whatever fonts the computer has.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';

export const FONT = {
  regular: 'LiberationSans',
  bold: 'LiberationSans-Bold',
  italic: 'LiberationSans-Italic',
  boldItalic: 'LiberationSans-BoldItalic',
} as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

const FILES: Record<FontName, string> = {
  LiberationSans: 'LiberationSans-Regular.ttf',
  'LiberationSans-Bold': 'LiberationSans-Bold.ttf',
  'LiberationSans-Italic': 'LiberationSans-Italic.ttf',
  'LiberationSans-BoldItalic': 'LiberationSans-BoldItalic.ttf',
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

/** Registers the four styles under the names in FONT. */
export function registerFonts(doc: PDFKit.PDFDocument, dir: string): void {
  for (const name of Object.values(FONT)) doc.registerFont(name, fontBytes(dir, name));
}
