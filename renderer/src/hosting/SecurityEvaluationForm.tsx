/**
 * The security evaluation of an application (hosting.securityEvaluation.save, the security
 * section): each checklist item passed or failed with a note, the verdict, the findings, and an
 * optional report file. For a system of the register, or for a request at its security step
 * (Pontianak step 3, before the system is registered).
 */
import { useRef, useState, type FormEvent } from 'react';
import { DEFAULT_SECURITY_CHECKLIST, type SecurityEvaluation } from '../../../shared/api/hosting-schemas';
import { asApiError, call } from '../api';
import { Alert, TextAreaField, TextField, cls } from '../components/fields';
import { base64ToBlob, downloadBlob, fileToBase64, formatSize } from '../lib/files';
import { useAction } from '../lib/useAction';

interface Item {
  item: string;
  passed: boolean | null;
  note: string;
}

interface Props {
  hostedSystemId: number | null;
  requestId: number | null;
  onSaved: (evaluation: SecurityEvaluation) => void;
  onCancel?: () => void;
}

const MAX_REPORT = 20 * 1024 * 1024;

export function SecurityEvaluationForm({ hostedSystemId, requestId, onSaved, onCancel }: Props) {
  const [items, setItems] = useState<Item[]>(() => DEFAULT_SECURITY_CHECKLIST.map((item) => ({ item, passed: null, note: '' })));
  const [newItem, setNewItem] = useState('');
  const [findings, setFindings] = useState('');
  const [report, setReport] = useState<File | null>(null);
  const [reportError, setReportError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const action = useAction();
  const allMarked = items.every((i) => i.passed !== null);
  const failed = items.filter((i) => i.passed === false).length;
  const passed = allMarked && failed === 0;

  function mark(i: number, value: boolean) {
    setItems((list) => list.map((it, k) => (k === i ? { ...it, passed: value } : it)));
    setLocalError(null);
    action.dismiss([`checklist.${i}.passed`, 'passed']);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (action.busy) return;
    if (!allMarked) {
      setLocalError('Tandai setiap butir: lulus atau gagal.');
      return;
    }
    if (failed > 0 && findings.trim() === '') {
      setLocalError('Tulis temuan yang membuat evaluasi tidak lulus.');
      return;
    }
    setLocalError(null);
    const upload = report ? { name: report.name, dataBase64: await fileToBase64(report) } : null;
    const result = await action.run(() =>
      call('hosting.securityEvaluation.save', {
        hostedSystemId,
        requestId,
        checklist: items.map((i) => ({ item: i.item, passed: i.passed === true, note: i.note })),
        passed,
        findings,
        reportUpload: upload,
        reportName: report?.name ?? '',
      }),
    );
    if (result.ok) onSaved(result.value);
  }

  return (
    <form className="security-form" onSubmit={submit} noValidate aria-label="Evaluasi keamanan">
      <table className="table table--compact checklist-table">
        <caption className="sr-only">Daftar periksa keamanan</caption>
        <thead>
          <tr>
            <th scope="col">Butir pemeriksaan</th>
            <th scope="col">Hasil</th>
            <th scope="col">Catatan</th>
          </tr>
        </thead>
        <tbody>
          {items.map((it, i) => (
            <tr key={`${it.item}-${i}`} className={cls(it.passed === false && 'is-failed')}>
              <td>{it.item}</td>
              <td className="nowrap">
                <fieldset className="pass-fail" aria-label={`Hasil: ${it.item}`}>
                  <label className="radio">
                    <input type="radio" name={`sec-${i}`} checked={it.passed === true} onChange={() => mark(i, true)} />
                    Lulus
                  </label>
                  <label className="radio">
                    <input type="radio" name={`sec-${i}`} checked={it.passed === false} onChange={() => mark(i, false)} />
                    Gagal
                  </label>
                </fieldset>
              </td>
              <td>
                <label className="sr-only" htmlFor={`sec-note-${i}`}>
                  Catatan {it.item}
                </label>
                <input id={`sec-note-${i}`} type="text" value={it.note} maxLength={500} onChange={(e) => setItems((list) => list.map((x, k) => (k === i ? { ...x, note: e.target.value } : x)))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="inline-add">
        <TextField id="sec-new-item" label="Butir tambahan" value={newItem} onValueChange={setNewItem} maxLength={200} />
        <button
          type="button"
          className="btn btn--secondary btn--small"
          disabled={newItem.trim() === '' || items.length >= 50}
          onClick={() => {
            setItems((list) => [...list, { item: newItem.trim(), passed: null, note: '' }]);
            setNewItem('');
          }}
        >
          + Tambah butir
        </button>
      </div>
      <p className={cls('security-verdict', !allMarked ? 'is-open' : passed ? 'is-pass' : 'is-fail')} role="status">
        {!allMarked ? `Hasil: belum semua butir ditandai (${items.filter((i) => i.passed === null).length} lagi).` : passed ? 'Hasil: LULUS evaluasi keamanan.' : `Hasil: TIDAK LULUS (${failed} butir gagal).`}
      </p>
      <TextAreaField
        id="sec-findings"
        label={failed > 0 ? 'Temuan (wajib bila tidak lulus)' : 'Temuan'}
        required={failed > 0}
        rows={3}
        value={findings}
        onValueChange={(v) => {
          setFindings(v);
          action.dismiss(['findings']);
        }}
        error={action.fields.findings}
        maxLength={5000}
      />
      <div className="field report-field">
        <span className="label-text" id="sec-report-label">
          Berkas laporan (PDF, JPG, PNG; boleh kosong)
        </span>
        <div className="report-pick">
          <input
            ref={fileRef}
            id="sec-report"
            className="file-input"
            type="file"
            aria-labelledby="sec-report-label"
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setReportError(f && f.size > MAX_REPORT ? `Berkas terlalu besar (${formatSize(f.size)}).` : null);
              setReport(f && f.size <= MAX_REPORT ? f : null);
            }}
          />
          <label htmlFor="sec-report" className="btn btn--secondary btn--small file-button">
            Pilih berkas…
          </label>
          <span className="small">{report ? `${report.name} (${formatSize(report.size)})` : <span className="muted">Belum ada berkas.</span>}</span>
          {report && (
            <button
              type="button"
              className="btn btn--ghost btn--small"
              onClick={() => {
                setReport(null);
                if (fileRef.current) fileRef.current.value = '';
              }}
            >
              Hapus
            </button>
          )}
        </div>
        {reportError && <p className="field-error">{reportError}</p>}
        {action.fields.reportUpload && <p className="field-error">{action.fields.reportUpload}</p>}
      </div>
      {(localError ?? action.error) && <Alert kind="error">{localError ?? action.error}</Alert>}
      <div className="actions actions--start">
        <button type="submit" className="btn btn--primary" disabled={action.busy}>
          {action.busy ? 'Menyimpan…' : 'Simpan evaluasi keamanan'}
        </button>
        {onCancel && (
          <button type="button" className="btn btn--ghost" onClick={onCancel}>
            Batal
          </button>
        )}
      </div>
    </form>
  );
}

/** One recorded evaluation: verdict, checklist, findings, report download. */
export function SecurityEvaluationView({ evaluation, tz, format }: { evaluation: SecurityEvaluation; tz: string; format: (iso: string, tz: string) => string }) {
  const [error, setError] = useState<string | null>(null);
  async function download() {
    setError(null);
    try {
      const file = await call('hosting.securityEvaluation.report', { evaluationId: evaluation.id });
      downloadBlob(base64ToBlob(file.dataBase64, file.mime), file.name);
    } catch (e) {
      setError(asApiError(e).message);
    }
  }
  return (
    <div className="evaluation">
      <p className="evaluation-head">
        {evaluation.passed ? <span className="badge badge--ok">Lulus</span> : <span className="badge badge--hosting-dihentikan">Tidak lulus</span>}{' '}
        <span className="muted small">
          oleh {evaluation.evaluatedBy}, {format(evaluation.evaluatedAt, tz)}
        </span>
      </p>
      <ul className="checklist">
        {evaluation.checklist.map((c, i) => (
          <li key={i} className={c.passed ? 'is-pass' : 'is-fail'}>
            <span className="check-mark" aria-hidden="true">
              {c.passed ? '✓' : '✗'}
            </span>
            <span className="sr-only">{c.passed ? 'Lulus: ' : 'Gagal: '}</span>
            {c.item}
            {c.note && <span className="muted small"> — {c.note}</span>}
          </li>
        ))}
      </ul>
      {evaluation.findings && (
        <p className="pre">
          <strong>Temuan:</strong> {evaluation.findings}
        </p>
      )}
      {evaluation.reportSha256 && (
        <button type="button" className="btn btn--secondary btn--small" onClick={() => void download()}>
          Unduh laporan{evaluation.reportName ? ` (${evaluation.reportName})` : ''}
        </button>
      )}
      {error && <Alert kind="error">{error}</Alert>}
    </div>
  );
}
