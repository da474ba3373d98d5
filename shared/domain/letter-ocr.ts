/**
 * Reading an Indonesian letter's OCR text: suggestions for the registration form (letter number,
 * letter date, sender from the letterhead, perihal). Pure functions; the clerk confirms or corrects
 * every suggestion, so a field that cannot be read with some confidence is left null.
 */

export interface LetterOcrSuggestions {
  letterNumber: string | null;
  /** ISO date YYYY-MM-DD. */
  letterDate: string | null;
  senderName: string | null;
  subject: string | null;
}

const MONTHS: ReadonlyArray<readonly [number, RegExp]> = [
  [1, /^jan(uari)?$/],
  [2, /^(feb|peb)(ruari)?$/],
  [3, /^mar(et)?$/],
  [4, /^apr(il)?$/],
  [5, /^mei$/],
  [6, /^jun(i)?$/],
  [7, /^jul(i)?$/],
  [8, /^agu?s?t?(us)?$/],
  [9, /^sep(t|tember)?$/],
  [10, /^okt(ober)?$/],
  [11, /^no[pv](ember)?$/],
  [12, /^des(ember)?$/],
];

const MONTH_WORD = '(Januari|Jan|Februari|Pebruari|Feb|Peb|Maret|Mar|April|Apr|Mei|Juni|Jun|Juli|Jul|Agustus|Agust|Agt|Agu|Ags|September|Sept|Sep|Oktober|Okt|November|Nopember|Nov|Nop|Desember|Des)\\.?';

const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** Month number from an Indonesian month name or abbreviation ("Nov", "Nopember", "Agust."). */
export function monthFromName(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (const [n, re] of MONTHS) if (re.test(w)) return n;
  return null;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** OCR text → trimmed lines with single spaces and plain punctuation. */
export function ocrLines(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .split(/\r?\n/)
    .map((l) => l.replace(/[\t ]+/g, ' ').trim());
}

/** Common OCR confusions inside one segment of a letter number. */
function repairSegment(segment: string): string {
  // A Roman month read with digits or l for I ("X1", "Xl", "V1I") → the Roman numeral.
  if (/^[IVXivx1l|]+$/.test(segment) && /[IVXivx]/.test(segment) && /[1l|]/.test(segment)) {
    const roman = segment.replace(/[1l|]/g, 'I').toUpperCase();
    if (ROMAN_MONTHS.includes(roman)) return roman;
  }
  // A numeric segment with O for 0 or l for 1 ("OO5", "42l.5").
  if (/^[0-9Oo.Il]+$/.test(segment) && /[0-9]/.test(segment) && /[OoIl]/.test(segment)) {
    return segment.replace(/[Oo]/g, '0').replace(/[Il]/g, '1');
  }
  return segment;
}

const NUMBER_LABEL = /^(?:nomor(?:\s+surat)?|nomer|no)\b\s*\.?\s*[:;]?\s*(.*)$/i;

/** "Nomor : 005/123/Disdik/XI/2026" or "No. 421.5/88/2026" → the number, repaired. */
export function extractLetterNumber(lines: readonly string[]): string | null {
  for (const line of lines) {
    const m = NUMBER_LABEL.exec(line);
    if (!m) continue;
    const rest = (m[1] ?? '').replace(/^[:;.\s]+/, '').replace(/\s*\/\s*/g, '/');
    const token = /^[0-9A-Za-z][0-9A-Za-z.\-/]*/.exec(rest)?.[0]?.replace(/[.\-/]+$/, '') ?? '';
    if (token.length < 3 || !/[0-9]/.test(token)) continue;
    // "Nomor Telepon" and the like are not a letter number: it must have a separator.
    if (!/[/.-]/.test(token)) continue;
    return token.split('/').map(repairSegment).join('/');
  }
  return null;
}

const DATE_WITH_PLACE = new RegExp(`(?:^|\\s)[A-Z][\\p{L}.' ]{1,40},\\s*(\\d{1,2})\\s*${MONTH_WORD}\\s*(\\d{4})`, 'u');
const DATE_WORDS = new RegExp(`(?:^|[^\\d])(\\d{1,2})\\s*${MONTH_WORD}\\s*(\\d{4})`, 'iu');
const DATE_NUMERIC_WITH_PLACE = /(?:^|\s)[A-Z][\p{L}.' ]{1,40},\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})/u;

/**
 * The letter date: "Pekalongan, 20 November 2026" (place, comma, date) anywhere in a line first,
 * then a written-out date in the part above the salutation.
 */
export function extractLetterDate(lines: readonly string[]): string | null {
  for (const line of lines) {
    const m = DATE_WITH_PLACE.exec(line);
    if (m) {
      const month = monthFromName(m[2] ?? '');
      const iso = month === null ? null : isoDate(Number(m[3]), month, Number(m[1]));
      if (iso) return iso;
    }
    const n = DATE_NUMERIC_WITH_PLACE.exec(line);
    if (n) {
      const iso = isoDate(Number(n[3]), Number(n[2]), Number(n[1]));
      if (iso) return iso;
    }
  }
  for (const line of lines) {
    if (/^(dengan hormat|demikian)/i.test(line)) break;
    const m = DATE_WORDS.exec(line);
    if (!m) continue;
    const month = monthFromName(m[2] ?? '');
    const iso = month === null ? null : isoDate(Number(m[3]), month, Number(m[1]));
    if (iso) return iso;
  }
  return null;
}

const SUBJECT_LABEL = /^(?:perihal|prihal|hal)\s*[:;.]\s*(.*)$|^(?:perihal|prihal)\s+(.*)$/i;
const FIELD_LABEL = /^(nomor|nomer|no\s*\.|no\s*:|sifat|lampiran|lamp\s*\.|hal\b|perihal|kepada|yth|yang terhormat|dengan hormat|di\s|tembusan|\d{1,2}\s*[.)]\s)/i;
/** Text on the right half of the same line in two-column layouts ("Hal : … Kepada Yth."). */
const RIGHT_COLUMN = /\s+(kepada\b|yth\b\.?|yang terhormat\b).*$/i;

/** "Hal : Permohonan Hosting …" / "Perihal : …", continued on the next line(s) when it wraps. */
export function extractSubject(lines: readonly string[]): string | null {
  for (let i = 0; i < lines.length; i++) {
    const m = SUBJECT_LABEL.exec(lines[i] ?? '');
    if (!m) continue;
    let subject = (m[1] ?? m[2] ?? '').replace(RIGHT_COLUMN, '').trim();
    for (let j = i + 1; j < lines.length && j <= i + 2; j++) {
      const next = lines[j] ?? '';
      if (next === '' || FIELD_LABEL.test(next) || DATE_WITH_PLACE.test(next) || next.length > 70) break;
      // A wrapped perihal continues the phrase; a new sentence or an address block does not.
      if (/[.:]$/.test(subject) || /^(jl\.?|jalan)\s/i.test(next)) break;
      subject = `${subject} ${next.replace(RIGHT_COLUMN, '').trim()}`.trim();
    }
    subject = subject.replace(/\s+/g, ' ').replace(/[\s,;:]+$/, '');
    if (subject.length >= 3) return subject;
  }
  return null;
}

const SMALL_WORDS = new Set(['dan', 'serta', 'atau', 'di', 'ke', 'dari', 'untuk', 'pada', 'yang', 'dengan']);

/** "DINAS KOMUNIKASI DAN INFORMATIKA" → "Dinas Komunikasi dan Informatika"; acronyms in brackets stay. */
export function titleCaseAgency(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((word, i) => {
      if (/^\(.*\)?$/.test(word) || /^[A-Z]{2,}\)$/.test(word)) return word.toUpperCase();
      const lower = word.toLocaleLowerCase('id-ID');
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      return lower.replace(/(^|[-/])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toLocaleUpperCase('id-ID'));
    })
    .join(' ');
}

const AGENCY_START = /\b(DINAS|BADAN|KANTOR|SEKRETARIAT|INSPEKTORAT|RUMAH SAKIT|RSUD|SATUAN|KECAMATAN|KELURAHAN|BAGIAN|UPT|UPTD|DPRD|PERUSAHAAN|LEMBAGA)\b.*$/;
const GOVERNMENT = /PEMERINTAH\s+(KOTA|KABUPATEN|KAB\.|PROVINSI)/i;
const ADDRESS_LINE = /(^|\s)(jl\.?|jalan|telp|telepon|tlp|fax|faks|laman|website|e-?mail|pos-?el|kode pos|http|www\.)/i;

function mostlyUpper(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length >= 0.8;
}

/** The sending agency from the letterhead: the capitalised line(s) after "PEMERINTAH KOTA …". */
export function extractSenderName(lines: readonly string[]): string | null {
  const head = lines.slice(0, 15);
  const gov = head.findIndex((l) => GOVERNMENT.test(l));
  const parts: string[] = [];
  if (gov >= 0) {
    // "PEMERINTAH KOTA PEKALONGAN DINAS PENDIDIKAN" read as one line.
    const sameLine = AGENCY_START.exec((head[gov] ?? '').replace(/^.*?PEMERINTAH\s+\S+\s+/i, ''));
    if (sameLine) parts.push(sameLine[0]);
    for (let i = gov + 1; i < head.length && parts.length < 3; i++) {
      const line = head[i] ?? '';
      if (line === '') {
        if (parts.length > 0) break;
        continue;
      }
      if (ADDRESS_LINE.test(line) || /\d{3,}/.test(line) || !mostlyUpper(line)) break;
      parts.push(line);
    }
  } else {
    for (const line of head) {
      const m = AGENCY_START.exec(line);
      if (m && mostlyUpper(line) && m.index === 0) {
        parts.push(m[0]);
        break;
      }
    }
  }
  const name = parts.join(' ').replace(/[^\p{L}\p{N}()&.,\- ]/gu, '').replace(/\s+/g, ' ').trim();
  return name.length >= 4 ? titleCaseAgency(name) : null;
}

/** All four suggestions from one page of OCR text. */
export function suggestLetterFields(text: string): LetterOcrSuggestions {
  const lines = ocrLines(text);
  return {
    letterNumber: extractLetterNumber(lines),
    letterDate: extractLetterDate(lines),
    senderName: extractSenderName(lines),
    subject: extractSubject(lines),
  };
}
