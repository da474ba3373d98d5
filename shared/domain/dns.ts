/**
 * DNS names of the hosted systems: a subdomain label under one of the office's parent domains
 * (e.g. "ppdb" under "pekalongankota.go.id"). Rules follow RFC 1035/1123 host names (letters,
 * digits, hyphen; 1–63 characters a label; 253 characters a name), with the choices Loket makes
 * for a government office:
 * - lowercase ASCII only; internationalised names (punycode "xn--") are not given out, so "--" at
 *   characters 3–4 is refused;
 * - an all-numeric label is refused (it reads as an address and confuses people and some tools);
 * - names used by mail, name servers and hosting panels are reserved (RESERVED_LABELS).
 * Every refusal is a sentence in Bahasa Indonesia that can be shown to the user as it is.
 */

export const MAX_LABEL_LENGTH = 63;
export const MAX_NAME_LENGTH = 253;

/**
 * Labels never given to an OPD: they belong to the office's mail, DNS and hosting infrastructure,
 * or are created automatically by common web panels (cPanel/WHM).
 */
export const RESERVED_LABELS: readonly string[] = [
  'www',
  'mail',
  'email',
  'webmail',
  'smtp',
  'imap',
  'pop',
  'pop3',
  'mx',
  'ns',
  'ns1',
  'ns2',
  'ns3',
  'dns',
  'ftp',
  'cpanel',
  'whm',
  'webdisk',
  'cpcalendars',
  'cpcontacts',
  'autodiscover',
  'autoconfig',
  'localhost',
  'admin',
];

const RESERVED = new Set(RESERVED_LABELS);

/** What the user typed, as Loket compares and stores it: trimmed and lowercase. */
export function normalizeLabel(label: string): string {
  return label.trim().toLowerCase();
}

/** A parent domain as stored: trimmed, lowercase, without a trailing dot. */
export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '');
}

function describeChar(ch: string): string {
  if (ch === ' ') return 'spasi';
  if (ch === '_') return 'garis bawah (_)';
  return `"${ch}"`;
}

/** Letters, digits and hyphen rules shared by subdomain labels and the labels of a parent domain. */
function ldhProblem(label: string, what: string): string | null {
  if (label.length === 0) return `${what} wajib diisi.`;
  if (label.length > MAX_LABEL_LENGTH) return `${what} paling panjang ${MAX_LABEL_LENGTH} karakter (sekarang ${label.length}).`;
  if (/[A-Z]/.test(label)) return `${what} harus huruf kecil.`;
  const bad = [...new Set([...label].filter((ch) => !/[a-z0-9-]/.test(ch)))];
  if (bad.length > 0) {
    return `${what} hanya boleh memuat huruf kecil a–z, angka 0–9, dan tanda hubung (-); tidak boleh ada ${bad.map(describeChar).join(', ')}.`;
  }
  if (label.startsWith('-') || label.endsWith('-')) return `${what} tidak boleh diawali atau diakhiri tanda hubung (-).`;
  return null;
}

/**
 * Why `label` cannot be a subdomain given to an OPD, or null when it can. The label is checked as
 * given; normalise it first with normalizeLabel.
 */
export function validateSubdomainLabel(label: string): string | null {
  const what = 'Nama subdomain';
  if (label.includes('.')) {
    return 'Tulis nama subdomain saja tanpa titik dan tanpa domain induk (misalnya "ppdb", bukan "ppdb.pekalongankota.go.id").';
  }
  const problem = ldhProblem(label, what);
  if (problem) return problem;
  if (label.length >= 4 && label.slice(2, 4) === '--') {
    return `${what} tidak boleh memuat dua tanda hubung pada karakter ke-3 dan ke-4 ("${label.slice(0, 4)}…"); bentuk itu dicadangkan untuk nama domain internasional (xn--).`;
  }
  if (/^[0-9]+$/.test(label)) return `${what} tidak boleh hanya angka; tambahkan huruf (misalnya "data${label}").`;
  if (RESERVED.has(label)) return `${what} "${label}" dicadangkan untuk layanan teknis kantor (surat elektronik, DNS, panel hosting) dan tidak dapat diberikan.`;
  return null;
}

/** Why `domain` (normalised with normalizeDomain) cannot be a parent domain, or null. */
export function validateParentDomain(domain: string): string | null {
  if (domain.length === 0) return 'Domain induk wajib diisi.';
  if (/^[a-z]+:\/\//i.test(domain) || domain.includes('/')) return 'Tulis nama domain saja, tanpa "https://" dan tanpa garis miring (misalnya "pekalongankota.go.id").';
  if (domain.length > MAX_NAME_LENGTH - 2) return `Domain induk terlalu panjang (paling banyak ${MAX_NAME_LENGTH - 2} karakter).`;
  const labels = domain.split('.');
  if (labels.length < 2) return 'Domain induk harus memuat paling sedikit dua bagian, misalnya "pekalongankota.go.id".';
  for (const [i, label] of labels.entries()) {
    if (label.length === 0) return 'Domain induk tidak boleh memuat dua titik berurutan atau diawali titik.';
    const problem = ldhProblem(label, `Bagian ke-${i + 1} domain induk ("${label}")`);
    if (problem) return problem;
  }
  const tld = labels[labels.length - 1] ?? '';
  if (/^[0-9]+$/.test(tld)) return 'Bagian terakhir domain induk tidak boleh berupa angka (itu alamat IP, bukan domain).';
  return null;
}

/**
 * Why `label` under `parent` cannot be given (the label rules, then the 253-character limit of a
 * whole name), or null.
 */
export function validateSubdomain(label: string, parent: string): string | null {
  const problem = validateSubdomainLabel(label);
  if (problem) return problem;
  const length = label.length + 1 + parent.length;
  if (length > MAX_NAME_LENGTH) {
    return `Nama lengkap ${label}.${parent} terlalu panjang (${length} karakter; paling banyak ${MAX_NAME_LENGTH}). Pendekkan nama subdomain.`;
  }
  return null;
}

/** The full name "label.parent". Throws a RangeError beyond 253 characters (validate first). */
export function fqdn(label: string, parent: string): string {
  const name = `${normalizeLabel(label)}.${normalizeDomain(parent)}`;
  if (name.length > MAX_NAME_LENGTH) throw new RangeError(`Nama ${name} lebih dari ${MAX_NAME_LENGTH} karakter.`);
  return name;
}
