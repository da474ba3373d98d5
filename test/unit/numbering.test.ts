import { describe, expect, it } from 'vitest';
import { formatNumber, validateNumberFormat } from '../../shared/domain/numbering';

describe('number formats', () => {
  it('fills the agenda format', () => {
    expect(formatNumber('{urut}/{kode}/{tahun}', { seq: 7, code: '500.12', year: 2026, month: 11 })).toBe('7/500.12/2026');
    expect(formatNumber('{kode}/{urut:3}/{unit}/{bulan_romawi}/{tahun}', { seq: 12, code: '470', unit: 'DKISP', year: 2026, month: 7 })).toBe(
      '470/012/DKISP/VII/2026',
    );
    expect(formatNumber('{urut:4}-{bulan}', { seq: 3, year: 2026, month: 2 })).toBe('0003-02');
  });

  it('explains a broken format in Indonesian', () => {
    expect(validateNumberFormat('{urut}/{tahun}')).toBeNull();
    expect(validateNumberFormat('{kode}/{tahun}')).toBe('Format nomor harus memuat {urut}.');
    expect(validateNumberFormat('{urut}/{thn}')).toMatch(/tidak dikenal: \{thn\}/);
    expect(validateNumberFormat('{urut}/{tahun')).toMatch(/tidak berpasangan/);
  });
});
