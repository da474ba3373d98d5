/**
 * Impor dari Excel: a legacy agenda book or the OPD list from an .xlsx or .csv, in four steps.
 * 1. Choose what is imported and the file. 2. The column mapping, the options and the preview of
 * the first rows with their problems. 3. Loket reads and checks every row in the background
 * (a progress bar from import.status); a file with a single bad row is refused whole, every bad
 * row named with its reason, and nothing is saved. 4. Saved in one go: a summary and the way to
 * the agenda book. From every step there is a way back: fix the mapping, or choose the fixed file.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClassificationCode } from '../../../shared/api/schemas';
import {
  IMPORT_STATE_LABELS,
  MAX_IMPORT_BYTES,
  type ImportCommit,
  type ImportKind,
  type ImportMapping,
  type ImportPreview,
  type ImportStatus,
} from '../../../shared/api/report-schemas';
import { ApiCallError, call } from '../api';
import { Alert, cls } from '../components/fields';
import { FileDropzone } from '../components/FileDropzone';
import { fileToBase64, formatSize } from '../lib/files';
import { href } from '../lib/router';
import { useAction } from '../lib/useAction';
import { useDebounced } from '../lib/useDebounced';
import { usePolling } from '../lib/usePolling';
import { useSession } from '../session';
import { ImportErrors } from './ImportErrors';
import { ImportMappingStep, type ImportOptionsDraft } from './ImportMappingStep';
import './import.css';

type Step = 'file' | 'mapping' | 'check' | 'done';
const STEPS: ReadonlyArray<{ key: Step; label: string }> = [
  { key: 'file', label: 'Pilih berkas' },
  { key: 'mapping', label: 'Pemetaan kolom' },
  { key: 'check', label: 'Pemeriksaan' },
  { key: 'done', label: 'Selesai' },
];

const KIND_LABELS: Record<ImportKind, { title: string; text: string }> = {
  agenda: { title: 'Buku agenda lama', text: 'Surat masuk yang dulu dicatat di Excel; masuk ke buku agenda sebagai surat lama (selesai), nomor agendanya tetap.' },
  opd: { title: 'Daftar OPD', text: 'Nama, singkatan, dan alamat perangkat daerah; OPD yang sudah ada diperbarui, yang baru ditambah.' },
};

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

interface PickedFile {
  name: string;
  size: number;
  dataBase64: string;
}

const nf = new Intl.NumberFormat('id-ID');

function fileProblem(file: File): string | null {
  if (!/\.(xlsx|csv)$/i.test(file.name)) return `${file.name} bukan berkas .xlsx atau .csv. Di Excel, simpan dulu dengan “Simpan Sebagai” → Buku Kerja Excel (.xlsx) atau CSV.`;
  if (file.size === 0) return `${file.name} kosong.`;
  if (file.size > MAX_IMPORT_BYTES) return `${file.name} terlalu besar (${formatSize(file.size)}). Batasnya ${formatSize(MAX_IMPORT_BYTES)}; bagi bukunya per tahun.`;
  return null;
}

const sameColumns = (a: ImportPreview, b: ImportPreview) => a.kind === b.kind && JSON.stringify(a.columns) === JSON.stringify(b.columns);

function running(job: ImportStatus | null): boolean {
  return job !== null && (job.state === 'membaca' || job.state === 'memeriksa');
}

/** Moves the focus to the element with this id once it is on screen. */
function useFocusOn(id: string, key: unknown): void {
  useEffect(() => {
    const el = document.getElementById(id);
    el?.focus();
  }, [id, key]);
}

export function ImportPage({ initialKind }: { initialKind: ImportKind }) {
  const { office, user } = useSession();
  const [kind, setKind] = useState<ImportKind>(initialKind);
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [options, setOptions] = useState<ImportOptionsDraft>({ agendaFormat: '', defaultClassificationCode: '000', defaultService: 'lainnya' });
  const [codes, setCodes] = useState<ClassificationCode[]>([]);
  const [showMissing, setShowMissing] = useState(false);
  const [job, setJob] = useState<ImportStatus | null>(null);
  const [pollError, setPollError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportCommit | null>(null);
  const pick = useAction();
  const refresh = useAction();
  const start = useAction();
  const commit = useAction();
  const previewNo = useRef(0);
  const lastPreviewKey = useRef('');

  useEffect(() => {
    call('codes.list', {})
      .then((list) => {
        setCodes(list);
        setOptions((o) => (list.some((c) => c.code === o.defaultClassificationCode) || list.length === 0 ? o : { ...o, defaultClassificationCode: list[0]?.code ?? o.defaultClassificationCode }));
      })
      .catch(() => setCodes([]));
  }, []);

  const optionsInput = useCallback(
    (o: ImportOptionsDraft) => ({ agendaFormat: o.agendaFormat.trim() === '' ? null : o.agendaFormat.trim(), defaultClassificationCode: o.defaultClassificationCode, defaultService: o.defaultService }),
    [],
  );

  // 1 → 2: read the file and the first rows; the mapping chosen by hand stays when the fixed file has the same columns.
  async function choose(picked: File) {
    const problem = fileProblem(picked);
    if (problem) {
      pick.setError(problem);
      setStep('file');
      return;
    }
    await load(async () => {
      const dataBase64 = await fileToBase64(picked).catch(() => {
        throw new ApiCallError({ code: 'UNSUPPORTED_FILE', message: `${picked.name} tidak dapat dibaca dari disk.` });
      });
      return { name: picked.name, size: picked.size, dataBase64 };
    });
  }

  async function load(read: () => Promise<PickedFile>) {
    const outcome = await pick.run(async () => {
      const picked = await read();
      const input = { kind, fileName: picked.name, dataBase64: picked.dataBase64, options: optionsInput(options) };
      const first = await call('import.preview', { ...input, mapping: null });
      const keep = preview !== null && sameColumns(preview, first);
      const again = keep ? await call('import.preview', { ...input, mapping }) : first;
      return { file: picked, preview: again, mapping: keep ? mapping : again.mapping };
    });
    if (!outcome.ok) {
      setStep('file');
      return;
    }
    previewNo.current += 1;
    lastPreviewKey.current = JSON.stringify([outcome.value.mapping, options]);
    setFile(outcome.value.file);
    setPreview(outcome.value.preview);
    setMapping(outcome.value.mapping);
    setShowMissing(false);
    setJob(null);
    setResult(null);
    setPollError(null);
    start.clear();
    commit.clear();
    refresh.clear();
    setStep('mapping');
  }

  // 2: the preview follows the mapping and the options (the typed format once it rests).
  const debouncedFormat = useDebounced(options.agendaFormat, 400);
  const previewKey = JSON.stringify([mapping, { ...options, agendaFormat: debouncedFormat }]);
  const runRefresh = refresh.run;
  useEffect(() => {
    if (step !== 'mapping' || !file || previewKey === lastPreviewKey.current) return;
    lastPreviewKey.current = previewKey;
    const no = ++previewNo.current;
    const o = { ...options, agendaFormat: debouncedFormat };
    void runRefresh(() => call('import.preview', { kind, fileName: file.name, dataBase64: file.dataBase64, mapping, options: optionsInput(o) })).then((r) => {
      if (r.ok && no === previewNo.current) setPreview(r.value);
    });
    // `options` and `mapping` are in previewKey (with the format once it rests).
  }, [previewKey, step, file, kind, runRefresh, optionsInput]);

  const missingRequired = preview ? preview.fields.filter((f) => f.required && (mapping[f.field] === null || mapping[f.field] === undefined)) : [];

  // 2 → 3
  async function startCheck() {
    if (!file || start.busy) return;
    if (missingRequired.length > 0) {
      setShowMissing(true);
      document.getElementById(`map-${missingRequired[0]?.field ?? ''}`)?.focus();
      return;
    }
    const r = await start.run(() => call('import.start', { kind, fileName: file.name, dataBase64: file.dataBase64, mapping, options: optionsInput(options) }));
    if (r.ok) {
      setJob(r.value);
      setPollError(null);
      commit.clear();
      setStep('check');
    }
  }

  // 3: progress, polled while Loket reads and checks.
  const jobId = job?.jobId ?? null;
  const poll = useCallback(() => {
    if (!jobId) return;
    call('import.status', { jobId })
      .then((s) => setJob((current) => (current?.jobId === s.jobId ? s : current)))
      .catch((e: unknown) => setPollError(e instanceof Error ? e.message : 'Kemajuan impor tidak dapat dibaca.'));
  }, [jobId]);
  usePolling(poll, 1000, step === 'check' && running(job) && pollError === null);

  // 3 → 4
  async function save() {
    if (!job || commit.busy) return;
    const r = await commit.run(() => call('import.commit', { jobId: job.jobId }));
    if (r.ok) {
      setResult(r.value);
      setStep('done');
    }
  }

  function again() {
    setFile(null);
    setPreview(null);
    setMapping({});
    setJob(null);
    setResult(null);
    pick.clear();
    setStep('file');
  }

  const reachable = (s: Step): boolean => {
    if (step === 'done') return s === 'done';
    if (s === 'file') return true;
    if (s === 'mapping') return preview !== null && file !== null;
    return s === step;
  };

  useFocusOn(step === 'file' ? 'import-file' : step === 'done' ? 'import-done-first' : 'import-step-title', step);

  const onFiles = (files: FileList) => {
    const f = files[0];
    if (f) void choose(f);
  };

  const fileInput = (
    <input
      id="import-file"
      className="file-input"
      type="file"
      accept={ACCEPT}
      aria-describedby={pick.error ? 'import-file-error' : 'import-file-hint'}
      aria-invalid={pick.error ? true : undefined}
      disabled={pick.busy}
      onChange={(e) => {
        const f = e.target.files?.[0];
        e.target.value = '';
        if (f) void choose(f);
      }}
    />
  );

  return (
    <section aria-labelledby="import-title" className="import-page">
      <div className="page-head">
        <div>
          <h1 id="import-title">Impor dari Excel</h1>
          <p className="muted">Buku agenda lama atau daftar OPD dari berkas .xlsx atau .csv. Tidak ada yang disimpan sebelum seluruh baris benar.</p>
        </div>
      </div>

      <ol className="stepper" aria-label="Langkah impor">
        {STEPS.map((s, i) => {
          const index = STEPS.findIndex((x) => x.key === step);
          return (
            <li key={s.key} className={cls(s.key === step && 'is-current', i < index && 'is-done', s.key === 'check' && step === 'check' && job?.state === 'ditolak' && 'has-error')}>
              <button type="button" onClick={() => setStep(s.key)} disabled={!reachable(s.key) || s.key === step} aria-current={s.key === step ? 'step' : undefined}>
                <span className="stepper-num" aria-hidden="true">
                  {i + 1}
                </span>
                {s.label}
              </button>
            </li>
          );
        })}
      </ol>

      {step === 'file' && (
        <div className="card import-card">
          <h2 id="import-step-title" tabIndex={-1}>
            Langkah 1 dari 4: Pilih berkas
          </h2>
          <fieldset className="field radio-group">
            <legend>Yang diimpor</legend>
            <div className="import-kinds">
              {(['agenda', 'opd'] as const).map((k) => (
                <label key={k} className="radio import-kind">
                  <input type="radio" name="import-kind" value={k} checked={kind === k} onChange={() => setKind(k)} disabled={pick.busy} />
                  <span>
                    <strong>{KIND_LABELS[k].title}</strong>
                    <span className="muted small">{KIND_LABELS[k].text}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className={cls('field', pick.error && 'field--invalid')}>
            <div className="field-label-row">
              <label htmlFor="import-file">Berkas</label>
              <span className="muted small" id="import-file-hint">
                .xlsx (lembar pertama) atau .csv; paling besar {formatSize(MAX_IMPORT_BYTES)}
              </span>
            </div>
            <FileDropzone onFiles={onFiles}>
              <p>{pick.busy ? 'Membaca berkas…' : 'Seret berkas ke sini, atau'}</p>
              <label htmlFor="import-file" className="btn btn--secondary file-button">
                Pilih berkas…
              </label>
              {fileInput}
            </FileDropzone>
            {pick.error && (
              <p id="import-file-error" className="field-error" role="alert">
                {pick.error}
              </p>
            )}
          </div>
          <p className="muted small">
            Loket mencari baris judul kolom (mis. “No. Agenda”, “Tanggal Terima”, “Pengirim”, “Nomor Surat”, “Tanggal Surat”, “Perihal”, “Sifat” atau “Nama OPD”, “Singkatan”,
            “Alamat”) di sepuluh baris pertama.
          </p>
          {file && preview && (
            <div className="actions wizard-actions">
              <span>
                Berkas terakhir: <strong>{file.name}</strong> ({formatSize(file.size)})
              </span>
              <span className="spacer" />
              {preview.kind === kind ? (
                <button type="button" className="btn btn--primary" onClick={() => setStep('mapping')}>
                  Kembali ke pemetaan →
                </button>
              ) : (
                <button type="button" className="btn btn--primary" onClick={() => void load(async () => file)} disabled={pick.busy}>
                  Baca berkas ini sebagai {KIND_LABELS[kind].title.toLowerCase()} →
                </button>
              )}
            </div>
          )}
        </div>
      )}

      {step === 'mapping' && file && preview && (
        <ImportMappingStep
          fileName={file.name}
          preview={preview}
          mapping={mapping}
          onMappingChange={(m) => {
            setMapping(m);
            start.clear();
          }}
          options={options}
          onOptionsChange={(o) => {
            setOptions(o);
            start.clear();
          }}
          officeAgendaFormat={office.agendaFormat}
          codes={codes}
          refreshing={refresh.busy}
          previewError={refresh.error && !refresh.fields['options.agendaFormat'] ? refresh.error : null}
          optionErrors={{ ...refresh.fields, ...start.fields }}
          startError={start.error}
          starting={start.busy}
          showMissing={showMissing}
          onBack={() => setStep('file')}
          onStart={() => void startCheck()}
        />
      )}

      {step === 'check' && job && (
        <div className="card import-card">
          <h2 id="import-step-title" tabIndex={-1}>
            Langkah 3 dari 4: Pemeriksaan {job.fileName}
          </h2>
          {running(job) ? (
            <ImportProgress job={job} />
          ) : (
            <CheckResult job={job} committing={commit.busy} commitError={commit.error} onCommit={() => void save()} />
          )}
          {pollError && (
            <Alert kind="error">
              {pollError}{' '}
              <button type="button" className="btn btn--link" onClick={() => setPollError(null)}>
                Coba lagi
              </button>
            </Alert>
          )}
          {!running(job) && job.state !== 'siap' && (
            <FileDropzone className="import-again" onFiles={onFiles}>
              <p>{pick.busy ? 'Membaca berkas…' : 'Sudah diperbaiki di Excel?'}</p>
              <label htmlFor="import-file" className="btn btn--primary file-button">
                Pilih berkas yang sudah diperbaiki…
              </label>
              {fileInput}
            </FileDropzone>
          )}
          <div className="actions wizard-actions">
            <button type="button" className="btn btn--secondary" onClick={() => setStep('mapping')} disabled={commit.busy}>
              ← Ubah pemetaan kolom
            </button>
            <button type="button" className="btn btn--ghost" onClick={again} disabled={commit.busy}>
              Batal, mulai dari awal
            </button>
          </div>
        </div>
      )}

      {step === 'done' && result && job && (
        <div className="card import-card">
          <h2 id="import-step-title" tabIndex={-1}>
            Langkah 4 dari 4: Impor selesai
          </h2>
          {job.kind === 'agenda' ? (
            <>
              <Alert kind="success">
                <strong>{nf.format(result.letters)} surat</strong> dari {job.fileName} tersimpan di buku agenda sebagai surat lama (status Selesai).
              </Alert>
              <ul className="import-counters">
                {result.counters.map((c) => (
                  <li key={c.year}>
                    Surat baru tahun {c.year} akan bernomor urut mulai {nf.format(c.lastSeq + 1)}.
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <Alert kind="success">
              Daftar OPD dari {job.fileName} tersimpan: <strong>{nf.format(result.opdAdded)} OPD ditambah</strong>, {nf.format(result.opdUpdated)} diperbarui.
            </Alert>
          )}
          <div className="actions">
            {doneLinks(job.kind, user.role === 'admin').map((link, i) => (
              <a key={link.path} id={i === 0 ? 'import-done-first' : undefined} className={cls('btn', i === 0 ? 'btn--primary' : 'btn--secondary')} href={href(link.path)}>
                {link.label}
              </a>
            ))}
            <button type="button" className="btn btn--secondary" onClick={again}>
              Impor berkas lain
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** Where to go after a saved import, the likeliest first. */
function doneLinks(kind: ImportKind, admin: boolean): Array<{ path: string; label: string }> {
  if (kind === 'agenda') return [{ path: '/agenda', label: 'Buka buku agenda' }];
  return [...(admin ? [{ path: '/pengaturan/opd', label: 'Lihat daftar OPD' }] : []), { path: '/catat', label: 'Catat surat masuk' }];
}

function ImportProgress({ job }: { job: ImportStatus }) {
  const percent = Math.max(0, Math.min(100, Math.round(job.progress)));
  return (
    <div className="import-progress">
      <div className="import-progress-label">
        <span id="import-progress-label">{IMPORT_STATE_LABELS[job.state]}…</span>
        <span>
          {percent}%{job.totalRows > 0 ? ` · ${nf.format(job.totalRows)} baris` : ''}
        </span>
      </div>
      <div className="import-bar" role="progressbar" aria-labelledby="import-progress-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${percent}%`}>
        <div className="import-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="muted small">Belum ada yang disimpan. Berkas besar butuh beberapa detik; tetap di halaman ini sampai pemeriksaan selesai.</p>
    </div>
  );
}

function CheckResult({ job, committing, commitError, onCommit }: { job: ImportStatus; committing: boolean; commitError: string | null; onCommit: () => void }) {
  if (job.state === 'gagal') {
    return (
      <Alert kind="error">
        <strong>Berkas tidak dapat diimpor. Tidak ada yang disimpan.</strong> {job.message}
      </Alert>
    );
  }
  if (job.state === 'ditolak') {
    return (
      <>
        <Alert kind="error">
          <strong>Impor ditolak. Tidak ada yang disimpan.</strong> {nf.format(job.errorCount)} dari {nf.format(job.totalRows)} baris salah. Perbaiki baris-baris
          itu di berkas, lalu pilih berkas yang sudah diperbaiki.
          {job.errorCount > job.errors.length && ` Hanya ${nf.format(job.errors.length)} baris salah pertama yang ditampilkan.`}
        </Alert>
        <ImportErrors key={job.jobId} status={job} />
      </>
    );
  }
  const saved = job.state === 'disimpan';
  return (
    <>
      <Alert kind="success">{job.message}</Alert>
      {job.kind === 'agenda' ? (
        <table className="table table--compact import-years">
          <caption className="sr-only">Ringkasan per tahun</caption>
          <thead>
            <tr>
              <th scope="col">Tahun</th>
              <th scope="col" className="num">
                Surat
              </th>
              <th scope="col">Nomor urut</th>
            </tr>
          </thead>
          <tbody>
            {job.years.map((y) => (
              <tr key={y.year}>
                <td>{y.year}</td>
                <td className="num">{nf.format(y.count)}</td>
                <td>
                  {nf.format(y.minSeq)}–{nf.format(y.maxSeq)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>
          {nf.format(job.opdNew)} OPD baru akan ditambah, {nf.format(job.opdUpdated)} OPD yang sudah ada diperbarui (singkatan dan alamat).
        </p>
      )}
      {!saved && (
        <p className="muted">
          Belum ada yang disimpan.{' '}
          {job.kind === 'agenda'
            ? 'Semua baris disimpan sekaligus sebagai surat lama (status Selesai) dengan nomor agenda dari berkas.'
            : 'Semua baris disimpan sekaligus.'}
        </p>
      )}
      {commitError && <Alert kind="error">{commitError}</Alert>}
      <div className="actions">
        <button type="button" className="btn btn--primary" onClick={onCommit} disabled={committing || saved} autoFocus>
          {committing
            ? 'Menyimpan…'
            : job.kind === 'agenda'
              ? `Simpan ${nf.format(job.validRows)} surat ke buku agenda`
              : `Simpan ${nf.format(job.validRows)} OPD`}
        </button>
      </div>
    </>
  );
}
