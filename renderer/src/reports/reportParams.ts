/** The parameter form of the report screens: its state, its defaults, and the call input it makes. */
import { REPORT_KINDS, REPORT_ROLES, ReportParamsSchema, type ReportKind, type ReportParamsInput } from '../../../shared/api/report-schemas';
import { HOSTING_STATUSES, type HostingStatus } from '../../../shared/api/hosting-schemas';
import type { Role } from '../../../shared/api/roles';
import { zodFieldErrors } from '../lib/errors';

export interface ReportForm {
  kind: ReportKind;
  from: string;
  to: string;
  year: string;
  quarter: string;
  status: string;
  opdId: string;
}

export const PERIOD_KINDS: readonly ReportKind[] = ['agenda', 'hosting_usage', 'requests', 'complaints'];
export const YEAR_KINDS: readonly ReportKind[] = ['subdomain_annual', 'evaluation'];

export const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

/** The kinds a role may open, in the contract's order. */
export function kindsFor(role: Role): ReportKind[] {
  return REPORT_KINDS.filter((k) => REPORT_ROLES[k].includes(role));
}

/** 1–4 for an office-local date "YYYY-MM-DD". */
export function quarterOf(isoDate: string): number {
  return Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1;
}

function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export type PeriodPreset = 'month' | 'quarter' | 'year' | 'lastYear';
export const PERIOD_PRESETS: ReadonlyArray<{ key: PeriodPreset; label: string }> = [
  { key: 'month', label: 'Bulan ini' },
  { key: 'quarter', label: 'Triwulan ini' },
  { key: 'year', label: 'Tahun ini' },
  { key: 'lastYear', label: 'Tahun lalu' },
];

/** The period of a preset around `today` ("YYYY-MM-DD", office-local). */
export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'month':
      return { from: `${today.slice(0, 7)}-01`, to: lastDayOfMonth(year, month) };
    case 'quarter': {
      const first = (quarterOf(today) - 1) * 3 + 1;
      return { from: `${year}-${String(first).padStart(2, '0')}-01`, to: lastDayOfMonth(year, first + 2) };
    }
    case 'year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

export function initialForm(role: Role, today: string): ReportForm {
  const period = presetPeriod('month', today);
  return {
    kind: kindsFor(role)[0] ?? 'hosted_systems',
    ...period,
    year: today.slice(0, 4),
    quarter: String(quarterOf(today)),
    status: '',
    opdId: '',
  };
}

/** The call input of the form as it stands. */
export function paramsOf(form: ReportForm): ReportParamsInput {
  const year = Number(form.year);
  switch (form.kind) {
    case 'hosted_systems':
      return {
        kind: 'hosted_systems',
        status: (HOSTING_STATUSES as readonly string[]).includes(form.status) ? (form.status as HostingStatus) : null,
        opdId: form.opdId === '' ? null : Number(form.opdId),
      };
    case 'subdomain_annual':
      return { kind: 'subdomain_annual', year };
    case 'evaluation':
      return { kind: 'evaluation', year, quarter: Number(form.quarter) };
    case 'agenda':
    case 'hosting_usage':
    case 'requests':
    case 'complaints':
      return { kind: form.kind, from: form.from, to: form.to };
  }
}

/** The input when it is valid, or the messages per field ("from", "to", "year", …). */
export function checkForm(form: ReportForm): { ok: true; params: ReportParamsInput } | { ok: false; fields: Record<string, string> } {
  const params = paramsOf(form);
  const parsed = ReportParamsSchema.safeParse(params);
  return parsed.success ? { ok: true, params } : { ok: false, fields: zodFieldErrors(parsed.error) };
}
