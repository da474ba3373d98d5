/**
 * Numbers spelled out in Indonesian (terbilang), as a berita acara writes its date: "Pada hari ini
 * Senin tanggal Dua Puluh Tiga bulan November tahun Dua Ribu Dua Puluh Enam (23-11-2026)".
 *
 * The rules: 1 → "satu", but 10 → "sepuluh", 11 → "sebelas", 12–19 → "… belas", 100 → "seratus",
 * 1000 → "seribu" (while 1 000 000 → "satu juta"); the scale words are ribu, juta, miliar (the
 * standard spelling, not "milyar"), triliun and kuadriliun.
 */
import { MONTHS_ID, dayNameId, isValidIsoDate } from './dates';

const UNITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;
/** Scale words from 10^3 upward, every three digits. */
const SCALES = ['ribu', 'juta', 'miliar', 'triliun', 'kuadriliun'] as const;

/** 1–999 in words ("" for 0). */
function belowThousand(n: number): string {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(`${UNITS[hundreds]} ratus`);
  if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest > 11 && rest < 20) words.push(`${UNITS[rest - 10]} belas`);
  else if (rest >= 20) {
    const tens = Math.floor(rest / 10);
    const ones = rest % 10;
    words.push(`${UNITS[tens]} puluh`);
    if (ones > 0) words.push(UNITS[ones] ?? '');
  } else if (rest > 0) words.push(UNITS[rest] ?? '');
  return words.join(' ');
}

/**
 * `n` in lower-case Indonesian words: terbilang(2026) → "dua ribu dua puluh enam". Whole numbers
 * only, up to Number.MAX_SAFE_INTEGER either side of zero ("minus …" below zero).
 */
export function terbilang(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Terbilang hanya untuk bilangan bulat sampai ${Number.MAX_SAFE_INTEGER}: ${n}`);
  if (n === 0) return 'nol';
  if (n < 0) return `minus ${terbilang(-n)}`;
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0;
    if (group === 0) continue;
    if (i === 0) words.push(belowThousand(group));
    else if (i === 1 && group === 1) words.push('seribu');
    else words.push(`${belowThousand(group)} ${SCALES[i - 1] ?? ''}`);
  }
  return words.join(' ');
}

/** "dua puluh tiga" → "Dua Puluh Tiga". */
export function titleCase(text: string): string {
  return text.replace(/(^|[\s-])(\p{Ll})/gu, (_all, before: string, letter: string) => before + letter.toLocaleUpperCase('id-ID'));
}

/** terbilang in title case, as dates and amounts are written in a berita acara: "Dua Ribu Dua Puluh Enam". */
export function terbilangTitle(n: number): string {
  return titleCase(terbilang(n));
}

/** "2 (dua)": a count with its words, as in "rangkap 2 (dua)". */
export function countWithWords(n: number): string {
  return `${n} (${terbilang(n)})`;
}

/**
 * The date of a berita acara spelled out:
 * "2026-11-23" → "Senin tanggal Dua Puluh Tiga bulan November tahun Dua Ribu Dua Puluh Enam (23-11-2026)".
 */
export function spelledDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match || !isValidIsoDate(isoDate)) throw new RangeError(`Tanggal tidak sah: ${isoDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const monthName = MONTHS_ID[month - 1];
  const dayName = dayNameId(isoDate);
  if (!monthName || !dayName) throw new RangeError(`Tanggal tidak sah: ${isoDate}`);
  return `${dayName} tanggal ${terbilangTitle(day)} bulan ${monthName} tahun ${terbilangTitle(year)} (${match[3]}-${match[2]}-${match[1]})`;
}
