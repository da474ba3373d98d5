/** Small things the end-to-end tests need: a real PDF scan, a PNG logo, today in the office's zone. */
import { localIsoDate } from '../../shared/domain/dates';

/** A valid one-page PDF with a line of text, written by hand (offsets computed). */
export function makePdf(text: string): Buffer {
  const safe = text.replace(/[\\()]/g, (c) => `\\${c}`);
  const stream = `BT /F1 18 Tf 72 720 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 16×16 PNG, a blue disc on white (a stand-in logo). */
export const LOGO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAOklEQVR4nGP4TyJgQOOLBPSgIXwaMFVj6mEgqBpNDwMxqpH1MBCpGq5nxGogOVjJiThykgY5iY8YAABod70kD0A+gwAAAABJRU5ErkJggg==',
  'base64',
);

/** An office-local date (Asia/Jakarta) some days before now, "YYYY-MM-DD". */
export function daysAgo(days: number): string {
  return localIsoDate(new Date(Date.now() - days * 86_400_000), 'Asia/Jakarta');
}
