/**
 * The desk's report screens: the parameter form (quick periods, which reports a role may pick, the
 * call input and its Indonesian field messages), chart labels that fit under a bar, and the value
 * axis and texts shared with the PDF.
 */
import { describe, expect, it } from 'vitest';
import { checkForm, initialForm, kindsFor, presetPeriod, quarterOf } from '../../renderer/src/reports/reportParams';
import { wrapLabel } from '../../renderer/src/reports/ReportChart';
import { chartAxisText, chartScale, chartValueText, formatMinutes, formatPercent } from '../../shared/domain/report-format';
import type { Chart } from '../../shared/api/report-schemas';

describe('report parameters', () => {
  it('gives each quick period as office-local dates', () => {
    expect(presetPeriod('month', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('month', '2028-02-14')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('quarter', '2026-11-23')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('quarter', '2026-04-01')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(presetPeriod('year', '2026-11-23')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetPeriod('lastYear', '2026-01-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect([1, 3, 4, 6, 7, 9, 10, 12].map((m) => quarterOf(`2026-${String(m).padStart(2, '0')}-15`))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('offers each role only the reports it may open', () => {
    expect(kindsFor('technical')).toEqual(['hosted_systems', 'subdomain_annual', 'hosting_usage']);
    expect(kindsFor('front_desk')).not.toContain('evaluation');
    expect(kindsFor('kadis')).toHaveLength(7);
    expect(initialForm('technical', '2026-11-23').kind).toBe('hosted_systems');
  });

  it('makes the call input, or says in Indonesian which field is wrong', () => {
    const form = initialForm('kadis', '2026-11-23');
    expect(checkForm(form)).toEqual({ ok: true, params: { kind: 'agenda', from: '2026-11-01', to: '2026-11-30' } });
    expect(checkForm({ ...form, kind: 'hosted_systems', status: 'dihentikan', opdId: '3' })).toEqual({ ok: true, params: { kind: 'hosted_systems', status: 'dihentikan', opdId: 3 } });
    expect(checkForm({ ...form, kind: 'evaluation', quarter: '4' })).toEqual({ ok: true, params: { kind: 'evaluation', year: 2026, quarter: 4 } });
    expect(checkForm({ ...form, to: '2026-10-31' })).toEqual({ ok: false, fields: { to: 'Tanggal akhir tidak boleh sebelum tanggal awal.' } });
    expect(checkForm({ ...form, kind: 'subdomain_annual', year: '' })).toEqual({ ok: false, fields: { year: 'Tahun tidak sah.' } });
    const noDate = checkForm({ ...form, from: '' });
    expect(noDate.ok).toBe(false);
    if (!noDate.ok) expect(noDate.fields.from).toMatch(/Tanggal awal/);
  });
});

describe('chart labels and values', () => {
  it('wraps a category under its bar and marks what is cut', () => {
    expect(wrapLabel('Dinas Pendidikan', 200, 2)).toEqual(['Dinas Pendidikan']);
    expect(wrapLabel('Dinas Pendidikan dan Kebudayaan', 70, 2)).toEqual(['Dinas', 'Pendidikan…']);
    expect(wrapLabel('Badan Perencanaan Pembangunan Daerah', 100, 3)).toEqual(['Badan', 'Perencanaan', 'Pembangunan…']);
    expect(wrapLabel('Diskominfotiksandi', 40, 2)).toEqual(['Disko…']);
    for (const line of wrapLabel('Sekretariat Dewan Perwakilan Rakyat Daerah Kota', 60, 3)) expect(line.length).toBeLessThanOrEqual(9);
  });

  it('reads values and the axis as the PDF does', () => {
    const percent: Chart = { kind: 'bar', title: 't', unit: 'percent', categories: ['a'], series: [{ label: 's', values: [2 / 3] }] };
    expect(chartScale(percent).values).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(chartValueText(percent, 2 / 3)).toBe('66,7%');
    expect(chartAxisText(percent, 0.75)).toBe('75%');
    const minutes: Chart = { ...percent, unit: 'minutes', series: [{ label: 's', values: [130, null] }] };
    expect(chartScale(minutes).max).toBe(150);
    expect(chartValueText(minutes, 80)).toBe('1 jam 20 mnt');
    expect(chartValueText(minutes, null)).toBe('–');
    const count: Chart = { ...percent, unit: 'count', series: [{ label: 's', values: [1] }] };
    expect(chartScale(count).values).toEqual([0, 1, 2, 3, 4]);
    expect(formatMinutes(45)).toBe('45 mnt');
    expect(formatPercent(null)).toBe('–');
  });
});
