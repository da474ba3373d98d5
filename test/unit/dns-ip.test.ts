import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  RESERVED_LABELS,
  fqdn,
  normalizeDomain,
  normalizeLabel,
  validateParentDomain,
  validateSubdomain,
  validateSubdomainLabel,
} from '../../shared/domain/dns';
import {
  canonicalAddress,
  contains,
  findPool,
  isUsable,
  nextFreeAddress,
  overlaps,
  parseAddress,
  parseCidr,
  sameAddress,
  usableRange,
} from '../../shared/domain/ip';
import { HostedSystemInputSchema, IpAddressSchema, SubdomainLabelSchema } from '../../shared/api/hosting-schemas';

describe('subdomain labels', () => {
  it('accepts ordinary labels', () => {
    for (const label of ['ppdb', 'sipd-2026', 'e-kinerja', 'a', 'x1', '2fa', 'data123', 'a'.repeat(63), 'bappeda', 'ab-c']) {
      expect(validateSubdomainLabel(label), label).toBeNull();
    }
  });

  it('refuses each rule with its own Indonesian reason', () => {
    expect(validateSubdomainLabel('')).toBe('Nama subdomain wajib diisi.');
    expect(validateSubdomainLabel('a'.repeat(64))).toBe('Nama subdomain paling panjang 63 karakter (sekarang 64).');
    expect(validateSubdomainLabel('PPDB')).toBe('Nama subdomain harus huruf kecil.');
    expect(validateSubdomainLabel('ppdb online')).toBe(
      'Nama subdomain hanya boleh memuat huruf kecil a–z, angka 0–9, dan tanda hubung (-); tidak boleh ada spasi.',
    );
    expect(validateSubdomainLabel('e_kinerja')).toMatch(/tidak boleh ada garis bawah \(_\)\.$/);
    expect(validateSubdomainLabel('sekolah-ñ')).toMatch(/tidak boleh ada "ñ"/);
    expect(validateSubdomainLabel('-ppdb')).toBe('Nama subdomain tidak boleh diawali atau diakhiri tanda hubung (-).');
    expect(validateSubdomainLabel('ppdb-')).toBe('Nama subdomain tidak boleh diawali atau diakhiri tanda hubung (-).');
    expect(validateSubdomainLabel('xn--bcher-kva')).toMatch(/karakter ke-3 dan ke-4 \("xn--…"\).*xn--/);
    expect(validateSubdomainLabel('ab--cd')).toMatch(/dua tanda hubung pada karakter ke-3 dan ke-4/);
    expect(validateSubdomainLabel('a--b')).toBeNull(); // "--" at characters 2–3 is allowed
    expect(validateSubdomainLabel('2026')).toBe('Nama subdomain tidak boleh hanya angka; tambahkan huruf (misalnya "data2026").');
    expect(validateSubdomainLabel('ppdb.pekalongankota.go.id')).toMatch(/tanpa titik dan tanpa domain induk/);
  });

  it('refuses every reserved name, and the list holds the infrastructure names', () => {
    for (const name of ['www', 'mail', 'ns', 'ns1', 'ns2', 'ns3', 'dns', 'ftp', 'smtp', 'imap', 'pop', 'pop3', 'webmail', 'mx', 'cpanel', 'whm', 'autodiscover', 'autoconfig', 'localhost']) {
      expect(RESERVED_LABELS).toContain(name);
    }
    for (const name of RESERVED_LABELS) {
      expect(validateSubdomainLabel(name)).toBe(
        `Nama subdomain "${name}" dicadangkan untuk layanan teknis kantor (surat elektronik, DNS, panel hosting) dan tidak dapat diberikan.`,
      );
    }
    expect(validateSubdomainLabel('www2')).toBeNull();
  });

  it('normalises what was typed, and the schema validates after normalising', () => {
    expect(normalizeLabel('  PPDB ')).toBe('ppdb');
    expect(normalizeDomain(' PekalonganKota.go.id. ')).toBe('pekalongankota.go.id');
    expect(SubdomainLabelSchema.parse('  PPDB ')).toBe('ppdb');
    const refused = SubdomainLabelSchema.safeParse('WWW');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/"www" dicadangkan/);
  });

  it('checks parent domains', () => {
    expect(validateParentDomain('pekalongankota.go.id')).toBeNull();
    expect(validateParentDomain('tarakankota.go.id')).toBeNull();
    expect(validateParentDomain('')).toBe('Domain induk wajib diisi.');
    expect(validateParentDomain('localhost')).toMatch(/paling sedikit dua bagian/);
    expect(validateParentDomain('https://pekalongankota.go.id')).toMatch(/tanpa "https:\/\/"/);
    expect(validateParentDomain('pekalongan..go.id')).toMatch(/dua titik berurutan/);
    expect(validateParentDomain('-pkl.go.id')).toMatch(/Bagian ke-1 domain induk \("-pkl"\) tidak boleh diawali/);
    expect(validateParentDomain('10.10.1.5')).toMatch(/bukan domain/);
    expect(validateParentDomain('pekalongan_kota.go.id')).toMatch(/garis bawah/);
  });

  it('keeps the whole name within 253 characters', () => {
    const parent = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(61)}.go.id`; // 189 characters
    expect(validateSubdomain('a'.repeat(63), parent)).toBeNull(); // 63 + 1 + 189 = 253
    expect(fqdn('a'.repeat(63), parent)).toHaveLength(253);
    const longer = `x${parent}`;
    expect(validateSubdomain('a'.repeat(63), longer)).toMatch(/terlalu panjang \(254 karakter; paling banyak 253\)/);
    expect(() => fqdn('a'.repeat(63), longer)).toThrow(RangeError);
    expect(fqdn(' PPDB', 'PekalonganKota.go.id')).toBe('ppdb.pekalongankota.go.id');
  });

  it('accepts every label built from the allowed alphabet that is not reserved, numeric or xn-like (property)', () => {
    const char = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'.split(''));
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 63 }), (chars) => {
        const label = chars.join('');
        const expectedOk =
          !label.startsWith('-') && !label.endsWith('-') && label.slice(2, 4) !== '--' && !/^\d+$/.test(label) && !RESERVED_LABELS.includes(label);
        expect(validateSubdomainLabel(label) === null).toBe(expectedOk);
      }),
    );
  });
});

describe('IP addresses', () => {
  it('parses IPv4 strictly and IPv6 to its canonical compressed lowercase form', () => {
    expect(parseAddress(' 10.10.1.5 ')).toEqual({ ok: true, value: { version: 4, address: '10.10.1.5' } });
    expect(canonicalAddress('2001:0DB8:0000:0000:0000:0000:0000:0005')).toBe('2001:db8::5');
    expect(canonicalAddress('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(canonicalAddress('::ffff:10.10.1.5')).toBe('10.10.1.5');
    expect(sameAddress('2001:DB8::5', '2001:db8:0::0005')).toBe(true);
    expect(sameAddress('10.10.1.5', '10.10.1.6')).toBe(false);
    for (const bad of ['10.1', '010.10.1.5', '0x0a.10.1.5', '256.1.1.1', '10.10.1.05', 'ppdb', '2001:db8::g', 'fe80::1%eth0', '10.10.1.0/24', '']) {
      expect(parseAddress(bad).ok, bad).toBe(false);
    }
    expect(parseAddress('10.10.1.256')).toEqual({
      ok: false,
      reason: '"10.10.1.256" bukan alamat IPv4 yang sah; tulis empat angka 0–255 dipisah titik, misalnya 10.10.1.5.',
    });
    expect(IpAddressSchema.parse('2001:DB8::0:5')).toBe('2001:db8::5');
  });

  it('parses pools and refuses a block written from a host address', () => {
    expect(parseCidr('10.10.1.0/24')).toEqual({ ok: true, value: { version: 4, network: '10.10.1.0', prefix: 24, text: '10.10.1.0/24' } });
    expect(parseCidr('2001:DB8:10:0::/64')).toMatchObject({ ok: true, value: { version: 6, text: '2001:db8:10::/64' } });
    expect(parseCidr('10.10.1.5/24')).toEqual({ ok: false, reason: '10.10.1.5 bukan alamat awal blok /24; maksudnya 10.10.1.0/24?' });
    expect(parseCidr('10.10.1.0')).toMatchObject({ ok: false, reason: expect.stringMatching(/panjang prefiks/) });
    expect(parseCidr('10.10.1.0/33')).toMatchObject({ ok: false, reason: expect.stringMatching(/tidak sah untuk IPv4/) });
    expect(parseCidr('10.0.0.0/7')).toMatchObject({ ok: false, reason: expect.stringMatching(/terlalu besar/) });
  });

  it('tells whether a pool contains an address, in any form', () => {
    expect(contains('10.10.1.0/24', '10.10.1.200')).toBe(true);
    expect(contains('10.10.1.0/24', '10.10.2.1')).toBe(false);
    expect(contains('10.10.1.0/24', '2001:db8::1')).toBe(false);
    expect(contains('2001:db8:10::/64', '2001:DB8:10:0:0:0:0:ABCD')).toBe(true);
    expect(contains('2001:db8:10::/64', '2001:db8:11::1')).toBe(false);
    const pools = [
      { id: 1, cidr: '10.10.1.0/24' },
      { id: 2, cidr: '2001:db8:10::/64' },
    ];
    expect(findPool(pools, '2001:db8:10::9')?.id).toBe(2);
    expect(findPool(pools, '192.168.1.5')).toBeNull();
    expect(overlaps('10.10.0.0/16', '10.10.1.0/24')).toBe(true);
    expect(overlaps('10.10.1.0/25', '10.10.1.128/25')).toBe(false);
  });

  it('suggests the next free IPv4 address, skipping network, broadcast and used ones', () => {
    expect(usableRange('10.10.1.0/24')).toEqual({ first: '10.10.1.1', last: '10.10.1.254', count: 254n });
    expect(nextFreeAddress('10.10.1.0/24', [])).toBe('10.10.1.1');
    expect(nextFreeAddress('10.10.1.0/24', ['10.10.1.1', '10.10.1.2', '10.10.1.4'])).toBe('10.10.1.3');
    // /30: two usable addresses.
    expect(nextFreeAddress('10.10.9.0/30', ['10.10.9.1'])).toBe('10.10.9.2');
    expect(nextFreeAddress('10.10.9.0/30', ['10.10.9.1', '10.10.9.2'])).toBeNull();
    expect(isUsable('10.10.9.0/30', '10.10.9.0')).toBe(false);
    expect(isUsable('10.10.9.0/30', '10.10.9.3')).toBe(false);
    // /31 and /32 use every address.
    expect(usableRange('10.10.9.4/31')).toEqual({ first: '10.10.9.4', last: '10.10.9.5', count: 2n });
    expect(nextFreeAddress('10.10.9.8/32', [])).toBe('10.10.9.8');
    // A full /24 has no free address.
    const all = Array.from({ length: 254 }, (_, i) => `10.10.1.${i + 1}`);
    expect(nextFreeAddress('10.10.1.0/24', all)).toBeNull();
  });

  it('suggests the next free IPv6 address, skipping the subnet-router anycast and comparing canonically', () => {
    expect(nextFreeAddress('2001:db8:10::/64', [])).toBe('2001:db8:10::1');
    expect(isUsable('2001:db8:10::/64', '2001:db8:10::')).toBe(false);
    expect(nextFreeAddress('2001:db8:10::/64', ['2001:DB8:10:0:0:0:0:1', '2001:db8:10::0002'])).toBe('2001:db8:10::3');
    expect(usableRange('2001:db8:10::/64').count).toBe(2n ** 64n - 1n);
    expect(nextFreeAddress('2001:db8:10::/127', [])).toBe('2001:db8:10::');
    expect(usableRange('2001:db8:10::/120').last).toBe('2001:db8:10::ff');
  });
});

describe('the hosted-system input schema', () => {
  it('normalises and refuses with the field named', () => {
    const ok = HostedSystemInputSchema.parse({
      applicationName: 'PPDB Online',
      subdomain: ' PPDB ',
      parentDomain: 'PekalonganKota.go.id',
      addresses: ['10.10.1.5', '2001:DB8:10::5'],
    });
    expect(ok).toMatchObject({ subdomain: 'ppdb', parentDomain: 'pekalongankota.go.id', addresses: ['10.10.1.5', '2001:db8:10::5'], requestId: null });
    const bad = HostedSystemInputSchema.safeParse({ applicationName: 'X', subdomain: 'mail', parentDomain: 'pekalongankota.go.id', addresses: [] });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries((bad.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(messages.subdomain).toMatch(/"mail" dicadangkan/);
    expect(messages.addresses).toBe('Isi paling sedikit satu alamat IP.');
  });
});
