/**
 * The import desk's own small pieces: the column letters shown in the mapping, and the list of bad
 * rows as a .csv for Excel (semicolons, a byte-order mark, the reason without its "Baris n:" prefix).
 */
import { describe, expect, it } from 'vitest';
import { columnLetter } from '../../renderer/src/import/ImportMappingStep';
import { errorsCsv, reasonOf } from '../../renderer/src/import/ImportErrors';

describe('import desk', () => {
  it('names columns as a spreadsheet does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('writes the bad rows as a .csv Excel opens, quoting reasons with a semicolon or a quote', () => {
    const errors = [
      { row: 1234, message: 'Baris 1.234: Tanggal surat tidak sah (31/02/2025).' },
      { row: 10_002, message: 'Baris 10.002: Pengirim kosong; Perihal kosong.' },
      { row: 7, message: 'Baris 7: Sifat surat tidak dikenal ("Penting").' },
    ];
    expect(reasonOf(errors[0] ?? { row: 0, message: '' })).toBe('Tanggal surat tidak sah (31/02/2025).');
    expect(errorsCsv(errors)).toBe(
      '\uFEFFBaris;Alasan\r\n' +
        '1234;Tanggal surat tidak sah (31/02/2025).\r\n' +
        '10002;"Pengirim kosong; Perihal kosong."\r\n' +
        '7;"Sifat surat tidak dikenal (""Penting"")."\r\n',
    );
  });
});
