/**
 * The part of fontkit (pdfkit's own font engine, installed with it) that Loket uses: parsing a
 * font once so every document reuses it (see fonts.ts).
 */
declare module 'fontkit' {
  export interface FontkitFont {
    postscriptName: string;
    layout(text: string, features?: unknown): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}
