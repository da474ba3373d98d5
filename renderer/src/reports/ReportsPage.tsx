/**
 * Laporan (#/laporan): pick a report and its period, year or filters, see it on screen (tables
 * and charts), save or preview it as PDF (letterhead, signature of the Kepala Dinas) and download
 * it as .xlsx. The form is one <form>: Enter shows the report. A slow report (the yearly request
 * recap on a big register) shows that it is being prepared; the last report stays until the new one
 * is there.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { REPORT_LABELS, type Report, type ReportKind } from '../../../shared/api/report-schemas';
import { HOSTING_STATUSES, HOSTING_STATUS_LABELS } from '../../../shared/api/hosting-schemas';
import { localIsoDate } from '../../../shared/domain/dates';
import { call } from '../api';
import { Alert, SelectField, TextField } from '../components/fields';
import { fieldsUnder } from '../lib/errors';
import { href } from '../lib/router';
import { useAction } from '../lib/useAction';
import { useSession } from '../session';
import { useOpdList } from '../hosting/bits';
import { ReportFileActions } from './ReportFiles';
import { ReportView } from './ReportView';
import { checkForm, initialForm, kindsFor, PERIOD_KINDS, PERIOD_PRESETS, presetPeriod, ROMAN_QUARTERS, YEAR_KINDS, type ReportForm } from './reportParams';

/** What each report holds, under the kind select. */
const KIND_HINTS: Record<ReportKind, string> = {
  agenda: 'Surat masuk yang diterima dalam periode, menurut nomor agenda.',
  hosted_systems: 'Sistem informasi/aplikasi di server kantor: subdomain, alamat IP, server, status.',
  subdomain_annual: 'Subdomain baru, diubah, dan dihentikan dalam setahun, per OPD.',
  hosting_usage: 'Pemakaian server dan pemeliharaan sistem dalam periode.',
  requests: 'Permohonan layanan menurut status, layanan, dan OPD.',
  complaints: 'Pengaduan menurut saluran dan penyelesaiannya.',
  evaluation: 'Waktu kerja tiap langkah SOP terhadap mutu baku dalam satu triwulan.',
};

// The form survives a visit to another page and back.
let lastForm: ReportForm | null = null;

export function ReportsPage() {
  const { user, office } = useSession();
  const today = localIsoDate(new Date(), office.timeZone);
  const kinds = kindsFor(user.role);
  const [form, setForm] = useState<ReportForm>(() => (lastForm && kinds.includes(lastForm.kind) ? lastForm : initialForm(user.role, today)));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [report, setReport] = useState<Report | null>(null);
  const action = useAction();
  const requestNo = useRef(0);
  const { opds } = useOpdList(true);

  useEffect(() => {
    lastForm = form;
  }, [form]);

  const checked = checkForm(form);
  const set = (patch: Partial<ReportForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setFields((f) => {
      const next = { ...f };
      for (const k of Object.keys(patch)) delete next[k];
      return next;
    });
  };

  async function show(e?: FormEvent) {
    e?.preventDefault();
    if (!checked.ok) {
      setFields(checked.fields);
      return;
    }
    setFields({});
    const no = ++requestNo.current;
    const r = await action.run(() => call('reports.data', { report: checked.params }));
    if (no !== requestNo.current) return;
    if (r.ok) setReport(r.value);
    else setFields(fieldsUnder(r.error.fields, 'report.'));
  }

  const isPeriod = PERIOD_KINDS.includes(form.kind);
  const isYear = YEAR_KINDS.includes(form.kind);

  return (
    <section aria-labelledby="reports-title">
      <div className="page-head">
        <div>
          <h1 id="reports-title">Laporan</h1>
          <p className="muted">Tampilkan laporan di layar, simpan sebagai PDF berkop surat dengan tanda tangan Kepala Dinas, atau unduh sebagai Excel.</p>
        </div>
        {kinds.includes('evaluation') && (
          <a className="btn btn--secondary" href={href('/evaluasi')}>
            Evaluasi kinerja →
          </a>
        )}
      </div>

      <form className="card report-form" aria-label="Parameter laporan" onSubmit={(e) => void show(e)} noValidate>
        <div className="report-form-grid">
          <SelectField
            id="report-kind"
            label="Jenis laporan"
            value={form.kind}
            onValueChange={(v) => {
              const kind = kinds.find((k) => k === v);
              if (kind) set({ kind });
            }}
            options={kinds.map((k) => ({ value: k, label: REPORT_LABELS[k] }))}
            hint={KIND_HINTS[form.kind]}
            autoFocus
          />
          {isPeriod && (
            <>
              <TextField id="report-from" label="Dari tanggal" type="date" value={form.from} onValueChange={(v) => set({ from: v })} error={fields.from} required />
              <TextField id="report-to" label="Sampai tanggal" type="date" value={form.to} onValueChange={(v) => set({ to: v })} error={fields.to} required />
            </>
          )}
          {isYear && (
            <TextField id="report-year" label="Tahun" type="number" inputMode="numeric" min={2000} max={2999} value={form.year} onValueChange={(v) => set({ year: v })} error={fields.year} required />
          )}
          {form.kind === 'evaluation' && (
            <SelectField
              id="report-quarter"
              label="Triwulan"
              value={form.quarter}
              onValueChange={(v) => set({ quarter: v })}
              options={ROMAN_QUARTERS.map((r, i) => ({ value: String(i + 1), label: `Triwulan ${r}` }))}
              error={fields.quarter}
            />
          )}
          {form.kind === 'hosted_systems' && (
            <>
              <SelectField
                id="report-status"
                label="Status"
                value={form.status}
                onValueChange={(v) => set({ status: v })}
                placeholder="Semua status"
                options={HOSTING_STATUSES.map((s) => ({ value: s, label: HOSTING_STATUS_LABELS[s] }))}
              />
              <SelectField
                id="report-opd"
                label="OPD"
                value={form.opdId}
                onValueChange={(v) => set({ opdId: v })}
                placeholder="Semua OPD"
                options={(opds ?? []).map((o) => ({ value: String(o.id), label: o.name }))}
              />
            </>
          )}
        </div>
        {isPeriod && (
          <div className="report-presets" role="group" aria-label="Periode cepat">
            {PERIOD_PRESETS.map((p) => (
              <button key={p.key} type="button" className="btn btn--ghost btn--small" onClick={() => set(presetPeriod(p.key, today))}>
                {p.label}
              </button>
            ))}
          </div>
        )}
        <div className="actions actions--start">
          <button type="submit" className="btn btn--primary" disabled={action.busy}>
            {action.busy ? 'Menyusun laporan…' : 'Tampilkan'}
          </button>
          <span className="muted small">
            atau tekan <kbd>Enter</kbd>
          </span>
        </div>
        <ReportFileActions params={checked.ok ? checked.params : null} title={REPORT_LABELS[form.kind]} />
      </form>

      <p className="sr-only" role="status" aria-live="polite">
        {action.busy ? 'Menyusun laporan…' : report ? `${report.title} ditampilkan.` : ''}
      </p>
      {action.error && Object.keys(fields).length === 0 && <Alert kind="error">{action.error}</Alert>}
      {action.busy && (
        <p className="report-loading" aria-hidden="true">
          <span className="report-spinner" /> Menyusun laporan… Laporan setahun pada register yang besar dapat memerlukan beberapa detik.
        </p>
      )}
      {report ? (
        <div className={action.busy ? 'report-stale' : undefined} aria-busy={action.busy}>
          <ReportView report={report} />
        </div>
      ) : (
        !action.busy && <p className="preview-empty muted">Pilih jenis laporan dan periodenya, lalu tekan “Tampilkan”.</p>
      )}
    </section>
  );
}
