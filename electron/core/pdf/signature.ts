/**
 * The signature block printed under every official document: place and date, the office held
 * ("Plt." when acting), room for the signature, the name in bold and underlined, the rank and the
 * NIP. A vacant position prints blank lines to fill in by hand.
 */
import type { Official } from '../../../shared/api/schemas';
import { OFFICIAL_POSITION_LABELS } from '../../../shared/api/schemas';
import { FONT } from './fonts';
import { dottedLine, drawText, lineHeight, textWidth, type Doc, type TextStyle } from './layout';

/** "197110171999031007" → "19711017 199903 1 007" (birth date, appointment month, sex, serial). */
export function formatNip(nip: string): string {
  const digits = nip.replace(/\D/g, '');
  if (digits.length !== 18) return nip.trim();
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}

/** The office as printed above a signature: "Plt. Kepala Dinas …" when acting. */
export function officeTitle(official: Pick<Official, 'title' | 'acting'>): string {
  const title = official.title.trim();
  if (!official.acting || /^plt\.?\s/i.test(title)) return title;
  return `Plt. ${title}`;
}

/** A heading line: text, or `{ blankAfter }`: that text and a dotted line to write on ("Pekalongan, ......"). */
export type HeadingLine = string | { blankAfter: string };

export interface Signer {
  /** Lines above the signature space, e.g. ["Pekalongan, 24 Desember 2026", "Kepala Dinas …,"]. */
  heading: HeadingLine[];
  /** null: a blank line to write the name on. */
  name: string | null;
  rank: string;
  /** Unformatted NIP; "" prints no NIP line, null a dotted blank one. */
  nip: string | null;
}

/** The signer for an official, or for a vacant position of the given kind. */
export function signerFor(official: Official | null, position: Official['position'], heading: HeadingLine[]): Signer {
  if (!official) return { heading: [...heading, `${OFFICIAL_POSITION_LABELS[position]},`], name: null, rank: '', nip: null };
  return { heading: [...heading, `${officeTitle(official)},`], name: official.name, rank: official.rank, nip: official.nip || null };
}

export interface SignatureStyle {
  text: TextStyle;
  /** Height of the space left for the signature. */
  space: number;
}

/** Draws the block centred in `width`; returns its height. */
export function drawSignature(doc: Doc, signer: Signer, x: number, y: number, width: number, style: SignatureStyle, dry = false): number {
  const centred: TextStyle = { ...style.text, align: 'center' };
  const lh = lineHeight(doc, centred);
  const blank = (top: number, prefix: string) => {
    if (dry) return;
    const pw = prefix ? textWidth(doc, prefix, centred) : 0;
    const blankW = Math.min(width, Math.max(style.text.size * 15, pw + style.text.size * 8));
    const x1 = x + (width - blankW) / 2;
    if (prefix) drawText(doc, prefix, x1, top, pw + 2, { ...centred, align: 'left' });
    dottedLine(doc, x1 + pw, x1 + blankW, top + style.text.size * 0.9);
  };
  let h = 0;
  for (const line of signer.heading) {
    if (typeof line !== 'string') {
      blank(y + h, line.blankAfter);
      h += lh;
    } else {
      h += drawText(doc, line, x, y + h, width, centred, Infinity, dry);
    }
  }
  h += style.space;
  if (signer.name === null) {
    blank(y + h, '');
    h += lh;
  } else {
    h += drawText(doc, signer.name, x, y + h, width, { ...centred, font: FONT.bold, underline: true }, Infinity, dry);
  }
  if (signer.rank) h += drawText(doc, signer.rank, x, y + h, width, centred, Infinity, dry);
  if (signer.nip === null) {
    blank(y + h, 'NIP. ');
    h += lh;
  } else if (signer.nip !== '') {
    h += drawText(doc, `NIP. ${formatNip(signer.nip)}`, x, y + h, width, centred, Infinity, dry);
  }
  return h;
}
