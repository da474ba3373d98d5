import { describe, expect, it } from 'vitest';
import {
  dayNameId,
  formatDateId,
  formatInstantDateTimeId,
  isValidIsoDate,
  isValidLocalDateTime,
  localDateTimeToUtc,
  localIsoDate,
  utcToLocalDateTime,
} from '../../shared/domain/dates';

describe('Indonesian dates', () => {
  it('writes dates the way letters do', () => {
    expect(formatDateId('2026-12-24')).toBe('24 Desember 2026');
    expect(formatDateId('2026-01-05')).toBe('5 Januari 2026');
    expect(dayNameId('2026-11-23')).toBe('Senin');
    expect(dayNameId('2026-11-27')).toBe('Jumat');
  });

  it('converts office wall-clock time in WIB, WITA and WIT', () => {
    expect(localDateTimeToUtc('2026-11-23T08:00', 'Asia/Jakarta')).toBe('2026-11-23T01:00:00.000Z');
    expect(localDateTimeToUtc('2026-11-23T08:00', 'Asia/Makassar')).toBe('2026-11-23T00:00:00.000Z');
    expect(localDateTimeToUtc('2026-11-23T08:00', 'Asia/Jayapura')).toBe('2026-11-22T23:00:00.000Z');
    expect(utcToLocalDateTime('2026-12-31T17:30:00.000Z', 'Asia/Jakarta')).toBe('2027-01-01T00:30');
    expect(localIsoDate('2026-12-31T16:59:00.000Z', 'Asia/Jakarta')).toBe('2026-12-31');
    expect(formatInstantDateTimeId('2026-11-23T02:05:00.000Z', 'Asia/Makassar')).toBe('23 November 2026 pukul 10.05 WITA');
  });

  it('refuses impossible dates', () => {
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('24-12-2026')).toBe(false);
    expect(isValidLocalDateTime('2026-11-23T24:00')).toBe(false);
    expect(isValidLocalDateTime('2026-11-23T23:59')).toBe(true);
  });
});
