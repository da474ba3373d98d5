/**
 * IP addresses and the office's address pools (CIDR blocks, IPv4 and IPv6), parsed with ipaddr.js
 * (pure JavaScript, so this stays usable on both sides).
 *
 * Every address is compared and stored in its canonical form: IPv4 in plain dotted decimal
 * ("10.10.1.5"; octal, hexadecimal and shortened forms such as "10.1" are refused because they
 * read differently to different tools), IPv6 compressed and lowercase as RFC 5952 writes it
 * ("2001:db8::5"), and an IPv4-mapped IPv6 address ("::ffff:10.10.1.5") as the IPv4 address it
 * carries. Refusals are sentences in Bahasa Indonesia.
 */
import ipaddr from 'ipaddr.js';

export type IpVersion = 4 | 6;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface IpAddress {
  version: IpVersion;
  /** Canonical text. */
  address: string;
}

export interface Cidr {
  version: IpVersion;
  /** Canonical network address. */
  network: string;
  prefix: number;
  /** Canonical "network/prefix". */
  text: string;
}

/** Smallest accepted pools: a /8 of IPv4 and a /32 of IPv6 are already far more than an office has. */
export const MIN_PREFIX: Record<IpVersion, number> = { 4: 8, 6: 32 };
const BITS: Record<IpVersion, number> = { 4: 32, 6: 128 };

type Addr = ipaddr.IPv4 | ipaddr.IPv6;

function toBig(addr: Addr): bigint {
  let value = 0n;
  for (const byte of addr.toByteArray()) value = (value << 8n) | BigInt(byte);
  return value;
}

function fromBig(value: bigint, version: IpVersion): string {
  const bytes: number[] = [];
  let rest = value;
  for (let i = 0; i < BITS[version] / 8; i++) {
    bytes.unshift(Number(rest & 0xffn));
    rest >>= 8n;
  }
  return canonicalText(ipaddr.fromByteArray(bytes));
}

function canonicalText(addr: Addr): string {
  return addr.kind() === 'ipv4' ? addr.toString() : (addr as ipaddr.IPv6).toRFC5952String();
}

function parseAddr(text: string): Parsed<Addr> {
  const t = text.trim();
  if (t.length === 0) return { ok: false, reason: 'Alamat IP wajib diisi.' };
  if (t.includes('/')) return { ok: false, reason: `"${t}" adalah blok jaringan (CIDR), bukan satu alamat IP.` };
  if (t.includes('%')) return { ok: false, reason: `Alamat IP "${t}" memuat zona antarmuka (%…); tulis alamatnya saja.` };
  if (t.includes(':')) {
    if (!ipaddr.IPv6.isValid(t)) return { ok: false, reason: `"${t}" bukan alamat IPv6 yang sah.` };
    const v6 = ipaddr.IPv6.parse(t);
    if (v6.isIPv4MappedAddress()) return { ok: true, value: v6.toIPv4Address() };
    return { ok: true, value: v6 };
  }
  if (!ipaddr.IPv4.isValidFourPartDecimal(t) || /(^|\.)0\d/.test(t)) {
    return { ok: false, reason: `"${t}" bukan alamat IPv4 yang sah; tulis empat angka 0–255 dipisah titik, misalnya 10.10.1.5.` };
  }
  return { ok: true, value: ipaddr.IPv4.parse(t) };
}

/** Parses one address into its canonical form. */
export function parseAddress(text: string): Parsed<IpAddress> {
  const parsed = parseAddr(text);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { version: parsed.value.kind() === 'ipv4' ? 4 : 6, address: canonicalText(parsed.value) } };
}

/** The canonical text of an address, or null when it is not a valid address. */
export function canonicalAddress(text: string): string | null {
  const parsed = parseAddress(text);
  return parsed.ok ? parsed.value.address : null;
}

/** Whether two texts name the same address ("2001:DB8:0::5" and "2001:db8::5"). */
export function sameAddress(a: string, b: string): boolean {
  const ca = canonicalAddress(a);
  return ca !== null && ca === canonicalAddress(b);
}

/** Parses a pool written as "network/prefix". The host part must be zero. */
export function parseCidr(text: string): Parsed<Cidr> {
  const t = text.trim();
  if (t.length === 0) return { ok: false, reason: 'Blok alamat (CIDR) wajib diisi.' };
  const slash = t.indexOf('/');
  if (slash < 0) return { ok: false, reason: `Tulis blok alamat lengkap dengan panjang prefiks, misalnya 10.10.1.0/24 atau 2001:db8:10::/64 (bukan "${t}").` };
  const prefixText = t.slice(slash + 1);
  const addr = parseAddr(t.slice(0, slash));
  if (!addr.ok) return { ok: false, reason: `Blok alamat "${t}" tidak sah: ${addr.reason}` };
  const version: IpVersion = addr.value.kind() === 'ipv4' ? 4 : 6;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > BITS[version]) {
    return { ok: false, reason: `Panjang prefiks "/${prefixText}" tidak sah untuk IPv${version} (0–${BITS[version]}).` };
  }
  const prefix = Number(prefixText);
  if (prefix < MIN_PREFIX[version]) {
    return { ok: false, reason: `Blok /${prefix} terlalu besar untuk kumpulan alamat; paling besar /${MIN_PREFIX[version]} untuk IPv${version}.` };
  }
  const host = BITS[version] - prefix;
  const value = toBig(addr.value);
  const network = (value >> BigInt(host)) << BigInt(host);
  const networkText = fromBig(network, version);
  if (network !== value) {
    return { ok: false, reason: `${canonicalText(addr.value)} bukan alamat awal blok /${prefix}; maksudnya ${networkText}/${prefix}?` };
  }
  return { ok: true, value: { version, network: networkText, prefix, text: `${networkText}/${prefix}` } };
}

function asCidr(pool: Cidr | string): Cidr {
  if (typeof pool !== 'string') return pool;
  const parsed = parseCidr(pool);
  if (!parsed.ok) throw new RangeError(parsed.reason);
  return parsed.value;
}

function bounds(pool: Cidr): { network: bigint; last: bigint } {
  const host = BigInt(BITS[pool.version] - pool.prefix);
  const network = toBig(ipaddr.parse(pool.network));
  return { network, last: network + (1n << host) - 1n };
}

/**
 * The addresses of a pool that may be given to a system: for IPv4 blocks of /30 and larger, the
 * network and broadcast addresses are left out (a /31 and a /32 use every address, RFC 3021); for
 * IPv6 the subnet-router anycast address (the all-zero host, RFC 4291) is left out, except in a
 * /127 and /128.
 */
export function usableRange(pool: Cidr | string): { first: string; last: string; count: bigint } {
  const c = asCidr(pool);
  const { network, last } = bounds(c);
  let first = network;
  let end = last;
  if (c.version === 4 && c.prefix <= 30) {
    first = network + 1n;
    end = last - 1n;
  } else if (c.version === 6 && c.prefix <= 126) {
    first = network + 1n;
  }
  return { first: fromBig(first, c.version), last: fromBig(end, c.version), count: end - first + 1n };
}

/** Whether the address (any text form) lies in the pool's block. */
export function contains(pool: Cidr | string, ip: string): boolean {
  const c = asCidr(pool);
  const addr = parseAddr(ip);
  if (!addr.ok || (addr.value.kind() === 'ipv4' ? 4 : 6) !== c.version) return false;
  const { network, last } = bounds(c);
  const value = toBig(addr.value);
  return value >= network && value <= last;
}

/** Whether the address may be given to a system: inside the pool and not its network, broadcast or anycast address. */
export function isUsable(pool: Cidr | string, ip: string): boolean {
  const c = asCidr(pool);
  if (!contains(c, ip)) return false;
  const range = usableRange(c);
  const value = toBig(ipaddr.parse(canonicalAddress(ip) ?? ''));
  return value >= toBig(ipaddr.parse(range.first)) && value <= toBig(ipaddr.parse(range.last));
}

/** The lowest usable address of the pool that is not in `used` (any text form), or null when the pool is full. */
export function nextFreeAddress(pool: Cidr | string, used: readonly string[]): string | null {
  const c = asCidr(pool);
  const taken = new Set<bigint>();
  for (const u of used) {
    const parsed = parseAddr(u);
    if (parsed.ok && (parsed.value.kind() === 'ipv4' ? 4 : 6) === c.version) taken.add(toBig(parsed.value));
  }
  const range = usableRange(c);
  const last = toBig(ipaddr.parse(range.last));
  for (let candidate = toBig(ipaddr.parse(range.first)); candidate <= last; candidate++) {
    if (!taken.has(candidate)) return fromBig(candidate, c.version);
  }
  return null;
}

/** The first pool (by `cidr`) that contains the address, or null: an address outside every pool is refused. */
export function findPool<P extends { cidr: string }>(pools: readonly P[], ip: string): P | null {
  return pools.find((p) => contains(p.cidr, ip)) ?? null;
}

/** Whether two blocks share any address. */
export function overlaps(a: Cidr | string, b: Cidr | string): boolean {
  const ca = asCidr(a);
  const cb = asCidr(b);
  if (ca.version !== cb.version) return false;
  const ra = bounds(ca);
  const rb = bounds(cb);
  return ra.network <= rb.last && rb.network <= ra.last;
}
