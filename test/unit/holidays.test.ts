import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedHolidays } from '../../electron/core/services/holidays';
import { PEKALONGAN_WEEK, createCalendar, validateCalendar } from '../../shared/domain/calendar';

describe('seedHolidays', () => {
  const list = seedHolidays(2026);
  const byDate = new Map(list.map((d) => [d.date, d]));

  it('has the fixed national holidays of 2026 with Indonesian names', () => {
    expect(byDate.get('2026-01-01')?.name).toMatch(/tahun baru/i);
    expect(byDate.get('2026-08-17')?.name).toMatch(/kemerdekaan/i);
    expect(byDate.get('2026-12-25')?.name).toMatch(/natal/i);
    expect(list.every((d) => d.kind === 'libur_nasional' && d.date.startsWith('2026-'))).toBe(true);
  });

  it('uses the civil date of Islamic holidays, not the evening they begin', () => {
    // the library starts 1 Shawwal at sunset on 19 March 2026; the holiday is 20 March
    expect(byDate.get('2026-03-20')?.name).toMatch(/idul fitri/i);
    expect(byDate.has('2026-03-19')).toBe(true); // Nyepi, a different holiday
    expect(byDate.get('2026-03-19')?.name).toMatch(/nyepi/i);
  });

  it('renames 27 Rajab to Isra Mikraj', () => {
    expect(byDate.get('2026-01-16')?.name).toBe('Isra Mikraj Nabi Muhammad SAW');
  });

  it('is sorted, has no duplicates, and is a valid calendar', () => {
    const dates = list.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
    expect(list.length).toBeGreaterThanOrEqual(14);
    expect(validateCalendar(createCalendar('Asia/Jakarta', PEKALONGAN_WEEK, list))).toEqual([]);
  });

  it('refuses a silly year', () => {
    expect(() => seedHolidays(20.5)).toThrow(/Tahun tidak sah/);
  });
});

describe('seedHolidays with a multi-day entry', () => {
  afterEach(() => {
    vi.doUnmock('date-holidays');
    vi.resetModules();
  });

  it('becomes one day per date and merges two holidays on the same date', async () => {
    vi.resetModules();
    vi.doMock('date-holidays', () => ({
      default: class {
        getHolidays() {
          return [
            // two days from sunset on 19 March (11:00Z = 18:00 WIB) to sunset on 21 March
            { date: '2026-03-20 00:00:00 -0600', start: new Date('2026-03-19T11:00:00Z'), end: new Date('2026-03-21T11:00:00Z'), name: 'Idul Fitri', type: 'public', rule: '1 Shawwal P2D' },
            { date: '2026-03-20 00:00:00', start: new Date('2026-03-19T17:00:00Z'), end: new Date('2026-03-20T17:00:00Z'), name: 'Hari lain', type: 'public', rule: '03-20' },
            { date: '2026-12-31 00:00:00', start: new Date('2026-12-30T17:00:00Z'), end: new Date('2027-01-01T17:00:00Z'), name: 'Akhir tahun', type: 'public', rule: '12-31 P2D' },
            { date: '2026-05-01 00:00:00', start: new Date('2026-04-30T17:00:00Z'), end: new Date('2026-05-01T17:00:00Z'), name: 'Bank', type: 'bank', rule: '05-01' },
          ];
        }
      },
    }));
    const mod = await import('../../electron/core/services/holidays');
    expect(mod.seedHolidays(2026)).toEqual([
      { date: '2026-03-20', name: 'Idul Fitri / Hari lain', kind: 'libur_nasional' },
      { date: '2026-03-21', name: 'Idul Fitri', kind: 'libur_nasional' },
      { date: '2026-12-31', name: 'Akhir tahun', kind: 'libur_nasional' },
    ]);
  });
});
