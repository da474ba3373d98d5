/**
 * The quarterly evaluation against a hand computation on a small fixture: five requests on the
 * Pontianak SOP (D) in November 2026 (Triwulan IV), one of them paused while waiting for the OPD.
 * Office hours: Perpres 21/2023 (Mon–Thu 07.30–16.00, break 12.00–13.00); every step below runs
 * in the morning, so its working time is its clock time.
 *
 * Step 1 "Kabid TKPBET mendisposisikan" (standard 15 menit):
 *   R1 08.05–08.08 = 3, R2 08.05–08.10 = 5, R3 08.05–08.10 = 5, R4 08.05–08.21 = 16, R5 08.05–08.35 = 30
 *   sorted [3, 5, 5, 16, 30]: median = 5 (the 3rd value); P90 = rank ⌈0.9 × 5⌉ = ⌈4.5⌉ = 5 → 30;
 *   on time (≤ 15): 3, 5, 5 → 3 of 5 = 60 %.
 * Step 2 "Seksi PK&AI menelaah … meminta file aplikasi" (standard 15 menit, may pause):
 *   R1 08.08–08.18 = 10, R2 08.10–08.22 = 12, R3 08.10–08.25 = 15 (exactly the standard: on time),
 *   R4 08.21–09.01 = 40,
 *   R5 08.35–08.43 = 8, paused 08.43–10.43 waiting for the application files, 10.43–10.55 = 12 → 20
 *   (the two hours of pause are not counted; counted they would make 140);
 *   sorted [10, 12, 15, 20, 40]: median = 15; P90 = rank 5 → 40; on time: 10, 12, 15 → 3 of 5 = 60 %.
 * Step 0 "Kepala Dinas mendisposisikan" has no standard: 5 × 5 minutes, median 5, not judged.
 * R1 and R2 run to the end: step 3 (12–24 jam) 60 and 8 minutes, step 4 (8–24 jam) 30 and 10,
 * step 5 (15 menit) 10 and 5, step 6 (OPD, 15 menit, recorded by the front desk) 2 and 5: all on time.
 * R1 takes 08.00–10.00 = 120 minutes whole, R2 08.00–08.50 = 50.
 *
 * The quarter: 5 + 5 + 5 + 2 × 4 = 23 step visits; 18 with a standard; on time 3 + 3 + 8 = 14;
 * 14 / 18 = 77,78 %.
 * Officers: technical A (steps 2 of R1–R3, steps 4 and 5 of R1, R2): 7 steps, 7 on time; ratios
 * 10/15, 12/15, 15/15, 10/15, 5/15, 30/1440, 10/1440 → sorted, the 4th = 10/15 = 0,6667.
 * Technical B (steps 2 of R4, R5): 2 steps, 0 on time; ratios 40/15 and 20/15 → median
 * (2,6667 + 1,3333) / 2 = 2,0.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { setServiceSop } from '../../electron/core/services/sop';
import { evaluateQuarter, quarterDates } from '../../electron/core/services/evaluation';
import { buildReport } from '../../electron/core/reports/builders';
import { renderReportPdf } from '../../electron/core/reports/pdf';
import { renderReportXlsx } from '../../electron/core/reports/xlsx';
import { median, nearestRank, percentile, share, summarize } from '../../shared/domain/stats';
import type { User } from '../../shared/api/schemas';
import { act, office5, pdftotext, readXlsx, registerAt, snapshot, wib, type Office5 } from './helpers/issue5';

describe('stats', () => {
  it('median and nearest-rank percentiles', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([40, 10, 15, 12, 20])).toBe(15);
    expect(median([10, 12, 15, 20])).toBe(13.5);
    expect(percentile([10, 12, 15, 20, 40], 90)).toBe(40);
    // 10 values: rank ⌈9⌉ = 9 (not 10: 0.9 × 10 is 9.000000000000002 in floating point).
    expect(nearestRank(90, 10)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 90)).toBe(18);
    expect(percentile([5, 1], 50)).toBe(1);
    expect(share(0, 0)).toBeNull();
    expect(summarize([3, 1, 2])).toEqual({ count: 3, median: 2, p90: 3, min: 1, max: 3 });
  });

  it('quarter dates', () => {
    expect(quarterDates(2026, 4)).toEqual({ from: '2026-10-01', toExclusive: '2027-01-01', to: '2026-12-31' });
    expect(quarterDates(2026, 1)).toEqual({ from: '2026-01-01', toExclusive: '2026-04-01', to: '2026-03-31' });
  });
});

async function fixture(): Promise<{ o: Office5; techB: User }> {
  const o = await office5();
  setServiceSop(o.core.db, 'hosting', 'pontianak-hosting');
  const techB = o.addUser('technical', 'teknisb', 'Teknisi B');
  const { users } = o;
  const techA = users.technical;

  /** Steps 0–2 of one request: Kadis disposes at 08.05, Kabid at `d1End`, the officer works step 2. */
  const start = (day: string, d1End: string, officer: User, opd: number) => {
    const { requestId } = registerAt(o, wib(day, '08:00'), { opdId: opd, senderName: 'x' });
    if (requestId === null) throw new Error('no request');
    act(o, users.kadis, requestId, wib(day, '08:05'), { action: 'dispose', recipients: [users.kabid.id] });
    act(o, users.kabid, requestId, wib(day, d1End), { action: 'dispose', recipients: [officer.id] });
    return requestId;
  };
  const finish = (requestId: number, day: string, times: [string, string, string, string]) => {
    act(o, users.security, requestId, wib(day, times[0]), { action: 'complete' });
    act(o, techA, requestId, wib(day, times[1]), { action: 'complete' });
    act(o, techA, requestId, wib(day, times[2]), { action: 'complete' });
    return act(o, users.front_desk, requestId, wib(day, times[3]), { action: 'complete' });
  };

  const r1 = start('2026-11-23', '08:08', techA, o.opd.disdik);
  act(o, techA, r1, wib('2026-11-23', '08:18'), { action: 'complete' });
  expect(finish(r1, '2026-11-23', ['09:18', '09:48', '09:58', '10:00']).state).toBe('selesai');

  const r2 = start('2026-11-24', '08:10', techA, o.opd.bappeda);
  act(o, techA, r2, wib('2026-11-24', '08:22'), { action: 'complete' });
  expect(finish(r2, '2026-11-24', ['08:30', '08:40', '08:45', '08:50']).state).toBe('selesai');

  const r3 = start('2026-11-25', '08:10', techA, o.opd.disdik);
  act(o, techA, r3, wib('2026-11-25', '08:25'), { action: 'complete' });

  const r4 = start('2026-11-26', '08:21', techB, o.opd.disdik);
  act(o, techB, r4, wib('2026-11-26', '09:01'), { action: 'complete' });

  const r5 = start('2026-11-30', '08:35', techB, o.opd.bappeda);
  act(o, techB, r5, wib('2026-11-30', '08:43'), { action: 'pause', note: 'Menunggu file aplikasi dari OPD.' });
  act(o, techB, r5, wib('2026-11-30', '10:43'), { action: 'resume' });
  act(o, techB, r5, wib('2026-11-30', '10:55'), { action: 'complete' });
  o.setClock('2026-12-01T03:00:00.000Z');
  return { o, techB };
}

describe('evaluasi kinerja per triwulan', () => {
  it('matches the hand computation, pauses excluded', async () => {
    const { o } = await fixture();
    const e = evaluateQuarter(o.core.db, 2026, 4);
    expect(e.label).toBe('Triwulan IV Tahun 2026');
    expect(e.pausedRequests).toBe(1);
    expect(e.pausedNote).toBe('1 permohonan dijeda menunggu OPD; waktu jeda tidak dihitung.');

    const step = (n: string) => e.steps.find((s) => s.templateKey === 'pontianak-hosting' && s.stepNumber === n);
    expect(step('1')).toMatchObject({ standard: '15 menit', count: 5, median: 5, p90: 30, withStandard: 5, onTime: 3, onTimeShare: 0.6, paused: 0 });
    expect(step('2')).toMatchObject({ standard: '15 menit', count: 5, median: 15, p90: 40, withStandard: 5, onTime: 3, onTimeShare: 0.6, paused: 1 });
    expect(step('0')).toMatchObject({ count: 5, median: 5, withStandard: 0, onTimeShare: null });
    expect(step('3')).toMatchObject({ standard: '12–24 jam', count: 2, median: 34, onTime: 2, onTimeShare: 1 });
    expect(step('6')).toMatchObject({ count: 2, median: 3.5, p90: 5, onTime: 2 });
    // In SOP order.
    expect(e.steps.map((s) => s.stepNumber)).toEqual(['0', '1', '2', '3', '4', '5', '6']);

    const officer = (name: string) => e.officers.find((x) => x.name === name);
    expect(officer('Pengguna technical')).toMatchObject({ count: 7, withStandard: 7, onTime: 7, onTimeShare: 1, medianRatio: 0.6667 });
    expect(officer('Teknisi B')).toMatchObject({ count: 2, withStandard: 2, onTime: 0, onTimeShare: 0, medianRatio: 2 });
    expect(officer('Pengguna kadis')).toMatchObject({ count: 5, withStandard: 0, onTimeShare: null });

    // Pontianak gives no whole-service standard: timed, not judged.
    expect(e.opds).toEqual([
      { opdId: o.opd.bappeda, name: 'Badan Perencanaan Pembangunan Daerah', requests: 1, median: 50, p90: 50, withStandard: 0, onTime: 0, onTimeShare: null, paused: 0 },
      { opdId: o.opd.disdik, name: 'Dinas Pendidikan', requests: 1, median: 120, p90: 120, withStandard: 0, onTime: 0, onTimeShare: null, paused: 0 },
    ]);

    expect(e.trend.map((t) => t.label)).toEqual(['TW I 2026', 'TW II 2026', 'TW III 2026', 'TW IV 2026']);
    expect(e.trend[3]).toMatchObject({ steps: 23, withStandard: 18, onTime: 14, onTimeShare: 0.7778, requests: 2 });
    expect(e.trend[0]).toMatchObject({ steps: 0, onTimeShare: null });

    // Another quarter is empty.
    expect(evaluateQuarter(o.core.db, 2026, 3).steps).toEqual([]);
  });

  it('prints the evaluation with its charts and writes it to .xlsx', async () => {
    const { o } = await fixture();
    const report = buildReport(o.core.db, { kind: 'evaluation', year: 2026, quarter: 4 }, o.core.now());
    expect(report.sections[0]?.charts.map((c) => c.kind)).toEqual(['line', 'bar']);
    const pdf = await renderReportPdf(o.core, report, 'A4');
    snapshot(pdf.data, 'evaluasi-kinerja');
    // Landscape A4 (the per-step table is wide).
    expect(execFileSync('pdfinfo', ['-'], { input: pdf.data }).toString('utf8')).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    const text = pdftotext(pdf.data);
    expect(text).toContain('EVALUASI KINERJA PELAYANAN');
    expect(text).toContain('Triwulan IV Tahun 2026');
    expect(text).toContain('1 permohonan dijeda menunggu OPD; waktu jeda tidak dihitung.');
    expect(text).toContain('peringkat terdekat');
    expect(text).toMatch(/Persentase tepat waktu per langkah/);
    expect(text).toMatch(/3 dari 5\s+60%/);
    expect(text).toContain('ARIF KARYADI, S.Sos');
    expect(text).toMatch(/Halaman 1 dari \d/);
    expect(pdf.fileName).toBe('evaluasi-kinerja-2026-tw4.pdf');

    const xlsx = await renderReportXlsx(report, 'Asia/Jakarta', 'Dinas Komunikasi dan Informatika');
    const book = await readXlsx(xlsx.data);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Keterangan', 'Per langkah', 'Per petugas', 'Per OPD', 'Tren']);
    const steps = book.getWorksheet('Per langkah');
    expect(steps?.getRow(4).getCell(7).value).toBe('Median (menit kerja)');
    const row2 = [5, 6, 7, 8, 9, 10, 11].map((r) => steps?.getRow(r)).find((r) => r?.getCell(2).value === '2');
    expect(row2?.getCell(6).value).toBe(5);
    expect(row2?.getCell(7).value).toBe(15);
    expect(row2?.getCell(8).value).toBe(40);
    expect(row2?.getCell(10).value).toBe(0.6);
    expect(row2?.getCell(10).numFmt).toBe('0.0%');
  });
});
