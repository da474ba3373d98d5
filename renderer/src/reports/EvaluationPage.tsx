/**
 * Evaluasi kinerja (#/evaluasi), for the Kepala Dinas, the Kepala Bidang and the administrator:
 * one quarter's working time per SOP step against its mutu baku (median, P90, share on time), per
 * officer and per OPD, and the trend over four quarters, with charts. The page says, always and
 * first, that the time a request waited for the OPD (paused) is not counted. The figures are the
 * evaluation report itself (reports.data), so the screen, the PDF and the .xlsx agree.
 */
import { useEffect, useRef, useState } from 'react';
import { REPORT_LABELS, REPORT_ROLES, type Report, type ReportParamsInput, type ReportTable } from '../../../shared/api/report-schemas';
import { ROLE_LABELS } from '../../../shared/api/roles';
import { localIsoDate } from '../../../shared/domain/dates';
import { formatNumberId, formatPercent } from '../../../shared/domain/report-format';
import { call } from '../api';
import { Alert, SelectField } from '../components/fields';
import { useAction } from '../lib/useAction';
import { useSession } from '../session';
import { ReportFileActions } from './ReportFiles';
import { ReportView } from './ReportView';
import { quarterOf, ROMAN_QUARTERS } from './reportParams';

/** The cell of `key` in the last row of a table (the quarter shown is the trend's last row). */
function lastRowCell(table: ReportTable | null, key: string): number | null {
  if (!table) return null;
  const index = table.columns.findIndex((c) => c.key === key);
  const row = table.rows[table.rows.length - 1];
  const v = index >= 0 && row ? row[index] : null;
  return typeof v === 'number' ? v : null;
}

function Headline({ report }: { report: Report }) {
  const trend = report.sections.map((s) => s.table).find((t) => t?.name === 'Tren') ?? null;
  const share = lastRowCell(trend, 'share');
  const steps = lastRowCell(trend, 'steps');
  const onTime = lastRowCell(trend, 'onTime');
  const withStandard = lastRowCell(trend, 'withStandard');
  const requests = lastRowCell(trend, 'requests');
  const cards = [
    { label: 'Langkah tepat waktu', value: formatPercent(share), hint: withStandard ? `${formatNumberId(onTime ?? 0)} dari ${formatNumberId(withStandard)} langkah bermutu baku` : 'Belum ada langkah bermutu baku' },
    { label: 'Langkah selesai', value: formatNumberId(steps ?? 0), hint: 'Kunjungan langkah SOP yang selesai triwulan ini' },
    { label: 'Permohonan selesai', value: formatNumberId(requests ?? 0), hint: 'Ditutup triwulan ini' },
  ];
  return (
    <ul className="counts counts--evaluation" aria-label="Ringkasan triwulan">
      {cards.map((c) => (
        <li key={c.label}>
          <div className="count-card count-card--neutral">
            <span className="count-value">{c.value}</span>
            <span className="count-label">{c.label}</span>
            <span className="count-hint">{c.hint}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function EvaluationPage() {
  const { user, office } = useSession();
  const today = localIsoDate(new Date(), office.timeZone);
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [quarter, setQuarter] = useState(quarterOf(today));
  const [report, setReport] = useState<Report | null>(null);
  const action = useAction();
  const { run } = action;
  const requestNo = useRef(0);
  const allowed = REPORT_ROLES.evaluation.includes(user.role);
  const params: ReportParamsInput = { kind: 'evaluation', year, quarter };

  useEffect(() => {
    if (!allowed) return;
    const no = ++requestNo.current;
    void run(() => call('reports.data', { report: { kind: 'evaluation', year, quarter } })).then((r) => {
      if (r.ok && no === requestNo.current) setReport(r.value);
    });
  }, [allowed, year, quarter, run]);

  if (!allowed) {
    return (
      <Alert kind="warning">
        {REPORT_LABELS.evaluation} hanya dapat dibuka oleh {REPORT_ROLES.evaluation.map((r) => ROLE_LABELS[r]).join(', ')}.
      </Alert>
    );
  }

  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const pausedNote = report?.notes[0] ?? '';
  const method = report?.notes.slice(1) ?? [];

  return (
    <section aria-labelledby="evaluation-title">
      <div className="page-head">
        <div>
          <h1 id="evaluation-title">Evaluasi kinerja</h1>
          <p className="muted">Waktu kerja tiap langkah SOP terhadap mutu bakunya, per petugas dan per OPD, dievaluasi tiap triwulan.</p>
        </div>
      </div>
      <form className="card report-form" aria-label="Triwulan yang dievaluasi" onSubmit={(e) => e.preventDefault()}>
        <div className="report-form-grid">
          <SelectField id="eval-quarter" label="Triwulan" value={String(quarter)} onValueChange={(v) => setQuarter(Number(v))} options={ROMAN_QUARTERS.map((r, i) => ({ value: String(i + 1), label: `Triwulan ${r}` }))} autoFocus />
          <SelectField id="eval-year" label="Tahun" value={String(year)} onValueChange={(v) => setYear(Number(v))} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        </div>
        <ReportFileActions params={params} title={REPORT_LABELS.evaluation} />
      </form>

      <div className="alert alert--info evaluation-paused" role="note">
        {pausedNote && <strong>{pausedNote} </strong>}
        Waktu jeda tidak dihitung: permohonan yang dijeda menunggu OPD diukur tanpa waktu jedanya, hanya menit kerja pada jam kantor.
      </div>

      <p className="sr-only" role="status" aria-live="polite">
        {action.busy ? 'Menghitung evaluasi…' : report ? `${report.subtitle} ditampilkan.` : ''}
      </p>
      {action.error && <Alert kind="error">{action.error}</Alert>}
      {action.busy && !report && <p className="report-loading">Menghitung evaluasi…</p>}
      {report && (
        <div className={action.busy ? 'report-stale' : undefined} aria-busy={action.busy}>
          <Headline report={report} />
          <ReportView report={report} hideNotes />
          {method.length > 0 && (
            <details className="report-method">
              <summary>Cara menghitung</summary>
              <ul>
                {method.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
