/**
 * The kop surat: the emblem at the left, centred "PEMERINTAH KOTA …", the agency's name in bold,
 * its address and postcode, telephone / website / e-mail, and a double rule (thick over thin).
 */
import type { OfficeProfile } from '../../../shared/api/schemas';
import type { CoreContext } from '../context';
import { pngProblem } from '../services/files';
import { FONT } from './fonts';
import { drawFittedText, drawText, fitText, hLine, lineHeight, type Doc, type TextStyle } from './layout';

export interface LetterheadData {
  government: string;
  agencyName: string;
  addressLine: string;
  contactLine: string;
  /** PNG or JPEG bytes of the emblem; null to print without one. */
  logo: Buffer | null;
}

/** "Telepon (0285) 421006, Laman pekalongankota.go.id, Pos-el dinas@…" — the parts that are set. */
export function contactLine(office: Pick<OfficeProfile, 'phone' | 'website' | 'email'>): string {
  const parts: string[] = [];
  if (office.phone) parts.push(`Telepon ${office.phone}`);
  if (office.website) parts.push(`Laman ${office.website}`);
  if (office.email) parts.push(`Pos-el ${office.email}`);
  return parts.join(', ');
}

export function addressLine(office: Pick<OfficeProfile, 'address' | 'postcode'>): string {
  return office.postcode ? `${office.address}, Kode Pos ${office.postcode}` : office.address;
}

/** The letterhead of the office; the logo is left out (not an error) when its file is missing or broken. */
export function letterheadData(ctx: CoreContext, office: OfficeProfile): LetterheadData {
  let logo: Buffer | null = null;
  if (office.logoSha256) {
    try {
      const file = ctx.files.read(office.logoSha256);
      // A PNG that would not decode is left out too: pdfkit decodes it where an error ends the process.
      if ((file.mime === 'image/png' && pngProblem(file.data) === null) || file.mime === 'image/jpeg') logo = file.data;
    } catch {
      logo = null;
    }
  }
  return {
    government: office.government.toLocaleUpperCase('id-ID'),
    agencyName: office.agencyName.toLocaleUpperCase('id-ID'),
    addressLine: addressLine(office),
    contactLine: contactLine(office),
    logo,
  };
}

/**
 * Draws the letterhead across `width` and returns its height, rule included. `scale` multiplies
 * every size (1 = the A4 design).
 */
export function drawLetterhead(doc: Doc, data: LetterheadData, x: number, y: number, width: number, scale: number, dry = false): number {
  const logoSize = 62 * scale;
  const logoGap = 8 * scale;
  // The text is centred on the page, so the same room is kept free on the right as the logo takes.
  const side = data.logo ? logoSize + logoGap : 0;
  const textX = x + side;
  const textW = width - 2 * side;
  const center = { align: 'center' as const };

  /** One line when the text fits at `oneLineMin` or more; otherwise two lines, shrunk down to `min`. */
  const line = (text: string, style: TextStyle, oneLineMin: number, min: number, top: number, d: boolean): number => {
    const one = fitText(doc, text, textW, lineHeight(doc, style), style, oneLineMin);
    if (one.complete) return drawText(doc, text, textX, top, textW, one.style, Infinity, d);
    return drawFittedText(doc, text, textX, top, textW, 2 * lineHeight(doc, style), style, min, d);
  };
  const lines = (top: number, draw: boolean): number => {
    const d = !draw;
    let h = 0;
    h += line(data.government, { font: FONT.bold, size: 13 * scale, ...center }, 10 * scale, 8 * scale, top + h, d);
    h += 1 * scale;
    h += line(data.agencyName, { font: FONT.bold, size: 15 * scale, ...center }, 12 * scale, 8 * scale, top + h, d);
    h += 1.5 * scale;
    h += line(data.addressLine, { font: FONT.regular, size: 9.5 * scale, ...center }, Math.max(7, 8 * scale), 6.5 * scale, top + h, d);
    if (data.contactLine) h += line(data.contactLine, { font: FONT.regular, size: 9 * scale, ...center }, Math.max(6.5, 7.5 * scale), 6 * scale, top + h, d);
    return h;
  };
  const textH = lines(y, false);
  const blockH = data.logo ? Math.max(textH, logoSize) : textH;
  if (!dry) {
    // The text block is centred on the emblem's height.
    lines(y + (blockH - textH) / 2, true);
    if (data.logo) {
      try {
        doc.image(data.logo, x, y + (blockH - logoSize) / 2, { fit: [logoSize, logoSize], align: 'center', valign: 'center' });
      } catch {
        // An unreadable image must not stop the document: print without the emblem.
      }
    }
  }
  const ruleY = y + blockH + 4 * scale;
  if (!dry) {
    hLine(doc, x, x + width, ruleY, 2.2 * scale);
    hLine(doc, x, x + width, ruleY + 3 * scale, 0.7 * scale);
  }
  return blockH + 4 * scale + 3 * scale + 0.7 * scale;
}

/** A centred one-line title such as "LEMBAR DISPOSISI"; returns its height. */
export function drawTitle(doc: Doc, title: string, x: number, y: number, width: number, size: number, dry = false): number {
  return drawText(doc, title, x, y, width, { font: FONT.bold, size, align: 'center' }, Infinity, dry);
}
