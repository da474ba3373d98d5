import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countWithWords, spelledDate, terbilang, terbilangTitle, titleCase } from '../../shared/domain/terbilang';

describe('terbilang', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [7, 'tujuh'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [23, 'dua puluh tiga'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [1999, 'seribu sembilan ratus sembilan puluh sembilan'],
    [2000, 'dua ribu'],
    [2026, 'dua ribu dua puluh enam'],
    [11_000, 'sebelas ribu'],
    [100_000, 'seratus ribu'],
    [101_000, 'seratus satu ribu'],
    [1_000_000, 'satu juta'],
    [1_001_000, 'satu juta seribu'],
    [1_000_001, 'satu juta satu'],
    [2_500_000_000, 'dua miliar lima ratus juta'],
    [1_000_000_000, 'satu miliar'],
    [1_000_000_000_000, 'satu triliun'],
    [1_000_000_000_000_000, 'satu kuadriliun'],
    [-15, 'minus lima belas'],
  ])('%d → %s', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it('writes "miliar", never "milyar", and never doubles or leaves spaces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const words = terbilang(n);
        expect(words).not.toMatch(/milyar|\s{2}|^\s|\s$|satu ribu$|satu ratus|satu puluh|satu belas/);
        if (n >= 1e9 && n < 1e12) expect(words).toMatch(/miliar/);
      }),
    );
  });

  it('refuses what it cannot spell', () => {
    expect(() => terbilang(1.5)).toThrow(RangeError);
    expect(() => terbilang(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(() => terbilang(Number.NaN)).toThrow(RangeError);
  });

  it('title-cases and counts', () => {
    expect(titleCase('dua puluh tiga')).toBe('Dua Puluh Tiga');
    expect(terbilangTitle(2026)).toBe('Dua Ribu Dua Puluh Enam');
    expect(countWithWords(2)).toBe('2 (dua)');
  });

  it('spells the date of a berita acara', () => {
    expect(spelledDate('2026-11-23')).toBe('Senin tanggal Dua Puluh Tiga bulan November tahun Dua Ribu Dua Puluh Enam (23-11-2026)');
    expect(spelledDate('2027-01-01')).toBe('Jumat tanggal Satu bulan Januari tahun Dua Ribu Dua Puluh Tujuh (01-01-2027)');
    expect(spelledDate('2026-12-11')).toBe('Jumat tanggal Sebelas bulan Desember tahun Dua Ribu Dua Puluh Enam (11-12-2026)');
    expect(() => spelledDate('2026-02-30')).toThrow(RangeError);
  });
});
