/**
 * Number formats for the agenda book and outgoing documents, such as `{urut}/{kode}/{tahun}` or
 * `{kode}/{urut:3}/{unit}/{bulan_romawi}/{tahun}`. The counter itself is taken by the register inside
 * a transaction; this module only writes a number from its parts.
 */

export const NUMBER_TOKENS = ['urut', 'kode', 'tahun', 'bulan', 'bulan_romawi', 'unit'] as const;
export type NumberToken = (typeof NUMBER_TOKENS)[number];

export interface NumberParts {
  seq: number;
  code?: string;
  year: number;
  month: number;
  unit?: string;
}

const TOKEN = /\{([a-z_]+)(?::(\d{1,2}))?\}/g;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

/** Returns an Indonesian description of what is wrong with a format, or null when it is usable. */
export function validateNumberFormat(format: string): string | null {
  const unknown: string[] = [];
  let hasSeq = false;
  for (const match of format.matchAll(TOKEN)) {
    const name = match[1] ?? '';
    if (!(NUMBER_TOKENS as readonly string[]).includes(name)) unknown.push(`{${name}}`);
    if (name === 'urut') hasSeq = true;
  }
  if (unknown.length > 0) {
    return `Bagian format tidak dikenal: ${unknown.join(', ')}. Yang bisa dipakai: ${NUMBER_TOKENS.map((t) => `{${t}}`).join(', ')}.`;
  }
  if (!hasSeq) return 'Format nomor harus memuat {urut}.';
  const leftover = format.replace(TOKEN, '');
  if (/[{}]/.test(leftover)) return 'Tanda kurung kurawal pada format nomor tidak berpasangan.';
  return null;
}

export function formatNumber(format: string, parts: NumberParts): string {
  return format.replace(TOKEN, (_all, name: string, width: string | undefined) => {
    switch (name) {
      case 'urut':
        return width ? String(parts.seq).padStart(Number(width), '0') : String(parts.seq);
      case 'kode':
        return parts.code ?? '';
      case 'tahun':
        return String(parts.year);
      case 'bulan':
        return String(parts.month).padStart(2, '0');
      case 'bulan_romawi':
        return ROMAN[parts.month - 1] ?? String(parts.month);
      case 'unit':
        return parts.unit ?? '';
      default:
        return _all;
    }
  });
}
