/**
 * Step 2 of the import: which column of the file holds which field (mapped from the column
 * names, changeable with a select per field; required fields marked), the options of a legacy
 * agenda book, and the first rows of the file read with that mapping, each with its problems.
 */
import type { FormEvent } from 'react';
import type { ClassificationCode, ServiceKind } from '../../../shared/api/schemas';
import { SERVICES, SERVICE_LABELS } from '../../../shared/api/schemas';
import type { ImportMapping, ImportPreview } from '../../../shared/api/report-schemas';
import { Alert, cls, RequiredNote, SelectField, TextField } from '../components/fields';

export interface ImportOptionsDraft {
  /** '' = the office's own format. */
  agendaFormat: string;
  defaultClassificationCode: string;
  defaultService: ServiceKind;
}

/** 0 → "A", 26 → "AA": the column letters a spreadsheet shows. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

interface Props {
  fileName: string;
  preview: ImportPreview;
  mapping: ImportMapping;
  onMappingChange: (mapping: ImportMapping) => void;
  options: ImportOptionsDraft;
  onOptionsChange: (options: ImportOptionsDraft) => void;
  officeAgendaFormat: string;
  codes: readonly ClassificationCode[];
  /** The preview is being read again after a change. */
  refreshing: boolean;
  previewError: string | null;
  optionErrors: Record<string, string>;
  startError: string | null;
  starting: boolean;
  showMissing: boolean;
  onBack: () => void;
  onStart: () => void;
}

const nf = new Intl.NumberFormat('id-ID');

export function ImportMappingStep(props: Props) {
  const { preview, mapping, options, codes } = props;
  const columns = preview.columns;
  const mapped = preview.fields.filter((f) => mapping[f.field] !== null && mapping[f.field] !== undefined);
  const missing = preview.fields.filter((f) => f.required && (mapping[f.field] === null || mapping[f.field] === undefined));
  const first = preview.rows[0];
  const badRows = preview.rows.filter((r) => r.problems.length > 0).length;

  function submit(e: FormEvent) {
    e.preventDefault();
    props.onStart();
  }

  return (
    <form className="card import-card" onSubmit={submit} noValidate aria-labelledby="import-step-title">
      <h2 id="import-step-title" tabIndex={-1}>
        Langkah 2 dari 4: Pemetaan kolom
      </h2>
      <p className="muted">
        Berkas <strong>{props.fileName}</strong>
        {preview.sheetName ? ` · lembar “${preview.sheetName}”` : ''} · judul kolom di baris {nf.format(preview.headerRow)} · {columns.length} kolom. Loket
        memetakan kolom dari judulnya; ubah bila ada yang keliru.
      </p>

      <div className="import-map-grid">
        <table className="table table--compact import-map">
          <caption className="sr-only">Pemetaan kolom berkas</caption>
          <thead>
            <tr>
              <th scope="col">Data di Loket</th>
              <th scope="col">Kolom di berkas</th>
              <th scope="col">Contoh (baris {first ? nf.format(first.row) : '–'})</th>
            </tr>
          </thead>
          <tbody>
            {preview.fields.map((f) => {
              const value = mapping[f.field];
              const isMissing = f.required && (value === null || value === undefined);
              const invalid = isMissing && props.showMissing;
              return (
                <tr key={f.field} className={cls(isMissing && 'is-missing')}>
                  <th scope="row">
                    <label htmlFor={`map-${f.field}`}>
                      {f.label}
                      {f.required && (
                        <span className="req" aria-hidden="true">
                          {' '}*
                        </span>
                      )}
                    </label>
                  </th>
                  <td>
                    <select
                      id={`map-${f.field}`}
                      value={value === null || value === undefined ? '' : String(value)}
                      aria-required={f.required || undefined}
                      aria-invalid={invalid || undefined}
                      aria-describedby={isMissing ? `map-${f.field}-error` : undefined}
                      onChange={(e) => props.onMappingChange({ ...mapping, [f.field]: e.target.value === '' ? null : Number(e.target.value) })}
                    >
                      <option value="">{f.required ? '— pilih kolom —' : '— tidak ada —'}</option>
                      {columns.map((c) => (
                        <option key={c.index} value={c.index}>
                          {columnLetter(c.index)}: {c.header || '(tanpa judul)'}
                        </option>
                      ))}
                    </select>
                    {isMissing && (
                      <p id={`map-${f.field}-error`} className={cls('small', invalid ? 'field-error' : 'muted')}>
                        Wajib: pilih kolom yang berisi {f.label.toLowerCase()}.
                      </p>
                    )}
                  </td>
                  <td className="import-sample">{value === null || value === undefined ? <span className="muted">–</span> : first?.values[f.field] || <span className="muted">(kosong)</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>

        {preview.kind === 'agenda' && (
          <fieldset className="import-options">
            <legend>Pilihan buku agenda lama</legend>
            <TextField
              id="import-agenda-format"
              label="Format nomor agenda lama"
              value={options.agendaFormat}
              onValueChange={(v) => props.onOptionsChange({ ...options, agendaFormat: v })}
              placeholder={props.officeAgendaFormat}
              error={props.optionErrors['options.agendaFormat']}
              hint={
                <>
                  Kosongkan bila sama dengan format kantor (<code>{props.officeAgendaFormat}</code>). Nomor yang hanya angka selalu terbaca.
                </>
              }
              maxLength={100}
            />
            <SelectField
              id="import-default-code"
              label="Kode klasifikasi bawaan"
              value={options.defaultClassificationCode}
              onValueChange={(v) => props.onOptionsChange({ ...options, defaultClassificationCode: v })}
              options={codes.map((c) => ({ value: c.code, label: `${c.code} — ${c.description}` }))}
              hint="Untuk baris tanpa kode klasifikasi."
              error={props.optionErrors['options.defaultClassificationCode']}
            />
            <SelectField
              id="import-default-service"
              label="Layanan bawaan"
              value={options.defaultService}
              onValueChange={(v) => props.onOptionsChange({ ...options, defaultService: SERVICES.find((s) => s === v) ?? 'lainnya' })}
              options={SERVICES.map((s) => ({ value: s, label: SERVICE_LABELS[s] }))}
              hint="Untuk baris tanpa kolom layanan."
            />
          </fieldset>
        )}
      </div>
      <RequiredNote />

      {missing.length > 0 && (
        <Alert kind={props.showMissing ? 'error' : 'warning'}>
          Kolom wajib belum dipetakan: {missing.map((f) => f.label).join(', ')}. Pilih kolomnya di atas sebelum memeriksa berkas.
        </Alert>
      )}
      {props.previewError && <Alert kind="error">{props.previewError}</Alert>}

      <h3 id="import-preview-title" className="import-preview-title">
        {preview.rows.length < 20 ? `Pratinjau semua ${nf.format(preview.rows.length)} baris` : `Pratinjau ${nf.format(preview.rows.length)} baris pertama`}
        <span className="muted small" role="status">
          {props.refreshing
            ? ' · memperbarui…'
            : missing.length === 0 && preview.rows.length > 0
              ? badRows === 0
                ? ' · semua baris pratinjau benar'
                : ` · ${nf.format(badRows)} baris pratinjau bermasalah`
              : ''}
        </span>
      </h3>
      {preview.rows.length === 0 ? (
        <p className="muted">Tidak ada baris data di bawah baris judul kolom.</p>
      ) : (
        <div className="table-wrap import-preview" tabIndex={0} aria-labelledby="import-preview-title">
          <table className="table table--compact" aria-busy={props.refreshing}>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Baris
                </th>
                {missing.length === 0 && <th scope="col">Pemeriksaan</th>}
                {mapped.map((f) => (
                  <th key={f.field} scope="col">
                    {f.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => {
                const bad = missing.length === 0 && r.problems.length > 0;
                return (
                  <tr key={r.row} className={cls(bad && 'is-bad')}>
                    <td className="num">{nf.format(r.row)}</td>
                    {missing.length === 0 && <td className={cls(bad && 'import-problem')}>{bad ? r.problems.join('; ') : <span className="tag tag--ok">Benar</span>}</td>}
                    {mapped.map((f) => (
                      <td key={f.field} title={r.values[f.field] || undefined}>
                        {r.values[f.field] ?? ''}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {props.startError && <Alert kind="error">{props.startError}</Alert>}
      <div className="actions wizard-actions">
        <button type="button" className="btn btn--secondary" onClick={props.onBack}>
          ← Pilih berkas lain
        </button>
        <span className="spacer" />
        <button type="submit" className="btn btn--primary" disabled={props.starting}>
          {props.starting ? 'Mengirim berkas…' : 'Periksa semua baris →'}
        </button>
      </div>
    </form>
  );
}
