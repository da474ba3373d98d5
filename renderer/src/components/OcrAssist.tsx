/**
 * OCR assist on the registration form (issue 6): every scan added to the form (picked, scanned or
 * from the scan inbox) is read in the background (ocr.start, polled with ocr.status) while the
 * clerk goes on typing; a small bar shows "Membaca teks surat… 45%". When the text is read, each
 * field the letter could fill (Nomor surat, Tanggal surat, Pengirim, Perihal) gets a suggestion
 * under it with "Pakai", and the bar offers "Pakai semua". Nothing typed is ever replaced without
 * a click, and saving the letter never waits for OCR (the text is kept for the agenda's search).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { JobState, LetterSuggestions } from '../../../shared/api/scan-schemas';
import type { Opd } from '../../../shared/api/schemas';
import { formatDateId } from '../../../shared/domain/dates';
import { asApiError, call } from '../api';
import type { SenderValue } from './OpdCombobox';
import type { ScanItem } from './ScanUploader';
import '../scan.css';

interface OcrEntry {
  jobId: string | null;
  state: JobState;
  progress: number;
  suggestions: LetterSuggestions | null;
  error: string | null;
}

const POLL_MS = 600;

/** Starts OCR for every stored scan in the list (once per file) and follows the jobs. */
function useOcrJobs(items: readonly ScanItem[]): Record<string, OcrEntry> {
  const [jobs, setJobs] = useState<Record<string, OcrEntry>>({});
  const started = useRef(new Set<string>());

  useEffect(() => {
    for (const it of items) {
      const sha = it.sha256;
      if (it.status !== 'done' || !sha || started.current.has(sha)) continue;
      started.current.add(sha);
      setJobs((j) => ({ ...j, [sha]: { jobId: null, state: 'queued', progress: 0, suggestions: null, error: null } }));
      call('ocr.start', { sha256: sha })
        .then(({ jobId }) => setJobs((j) => ({ ...j, [sha]: { ...(j[sha] ?? { state: 'queued', progress: 0, suggestions: null, error: null }), jobId } })))
        .catch((e: unknown) =>
          setJobs((j) => ({ ...j, [sha]: { jobId: null, state: 'failed', progress: 0, suggestions: null, error: asApiError(e).message } })),
        );
    }
  }, [items]);

  const active = Object.values(jobs)
    .filter((j) => j.jobId !== null && (j.state === 'queued' || j.state === 'running'))
    .map((j) => j.jobId)
    .join(',');

  useEffect(() => {
    if (!active) return;
    const ids = active.split(',');
    let live = true;
    const tick = () => {
      for (const jobId of ids) {
        call('ocr.status', { jobId }, { hostAwayMs: 5_000 })
          .then((s) => {
            if (!live) return;
            setJobs((j) => ({
              ...j,
              [s.sha256]: {
                jobId,
                state: s.state,
                progress: s.progress,
                suggestions: s.result?.suggestions ?? null,
                error: s.state === 'failed' ? s.message : null,
              },
            }));
          })
          .catch((e: unknown) => {
            if (!live) return;
            const message = asApiError(e).message;
            setJobs((j) => {
              const entry = Object.entries(j).find(([, v]) => v.jobId === jobId);
              return entry ? { ...j, [entry[0]]: { ...entry[1], state: 'failed', error: message } } : j;
            });
          });
      }
    };
    const timer = window.setInterval(tick, POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [active]);

  return jobs;
}

/** Per field, the first file (in the form's order) that suggests something. */
function mergeSuggestions(done: readonly LetterSuggestions[]): LetterSuggestions | null {
  if (done.length === 0) return null;
  const pick = <K extends 'letterNumber' | 'letterDate' | 'subject'>(k: K): string | null => done.find((s) => s[k] !== null)?.[k] ?? null;
  const senderFrom = done.find((s) => s.senderName !== null || s.opdId !== null);
  return {
    letterNumber: pick('letterNumber'),
    letterDate: pick('letterDate'),
    subject: pick('subject'),
    senderName: senderFrom?.senderName ?? null,
    opdId: senderFrom?.opdId ?? null,
  };
}

export interface FormValues {
  letterNumber: string;
  letterDate: string;
  sender: SenderValue;
  subject: string;
}

export type FormPatch = Partial<FormValues>;

type Field = keyof FormValues;

const FIELD_LABELS: Record<Field, string> = {
  letterNumber: 'Nomor surat',
  letterDate: 'Tanggal surat',
  sender: 'Pengirim',
  subject: 'Perihal',
};

const norm = (s: string) => s.normalize('NFKC').toLocaleLowerCase('id-ID').replace(/\s+/g, ' ').trim();

interface Suggestion {
  field: Field;
  /** What the clerk reads. */
  shown: string;
  /** What "Pakai" puts in the form. */
  patch: FormPatch;
  /** The form already holds it. */
  same: boolean;
}

export interface FormOcr {
  /** The suggestion under a field (null when there is none or the field already holds it). */
  hint: (field: Field) => ReactNode;
  /** The progress bar / "Pakai semua" line for under the scans. */
  panel: ReactNode;
}

/**
 * The OCR of the form's scans and its suggestions for the form's fields. `apply` gets what a
 * "Pakai" button puts in the form.
 */
export function useFormOcr(items: readonly ScanItem[], values: FormValues, apply: (patch: FormPatch) => void): FormOcr {
  const jobs = useOcrJobs(items);
  const [hidden, setHidden] = useState<string | null>(null);
  const [opds, setOpds] = useState<Opd[] | null>(null);

  const current = items.filter((it) => it.status === 'done' && it.sha256 && jobs[it.sha256]).map((it) => ({ item: it, job: jobs[it.sha256 ?? ''] as OcrEntry }));
  const running = current.find((c) => c.job.state === 'queued' || c.job.state === 'running');
  const failed = current.filter((c) => c.job.state === 'failed');

  // Per field, the first file (in the form's order) that suggests something.
  const merged = mergeSuggestions(current.filter((c) => c.job.state === 'done' && c.job.suggestions).map((c) => c.job.suggestions as LetterSuggestions));

  // The OPD the letterhead matched, by its name in the list.
  const opdId = merged?.opdId ?? null;
  useEffect(() => {
    if (opdId === null || opds !== null) return;
    call('opd.list', {})
      .then(setOpds)
      .catch(() => setOpds([]));
  }, [opdId, opds]);

  const suggestions: Suggestion[] = [];
  if (merged) {
    if (merged.letterNumber) {
      suggestions.push({ field: 'letterNumber', shown: merged.letterNumber, patch: { letterNumber: merged.letterNumber }, same: values.letterNumber.trim() === merged.letterNumber });
    }
    if (merged.letterDate) {
      suggestions.push({ field: 'letterDate', shown: formatDateId(merged.letterDate), patch: { letterDate: merged.letterDate }, same: values.letterDate === merged.letterDate });
    }
    const opd = merged.opdId !== null ? opds?.find((o) => o.id === merged.opdId) : undefined;
    if (opd) {
      suggestions.push({ field: 'sender', shown: `${opd.name} (OPD terdaftar)`, patch: { sender: { opdId: opd.id, name: opd.name } }, same: values.sender.opdId === opd.id });
    } else if (merged.senderName && (merged.opdId === null || opds !== null)) {
      const name = merged.senderName;
      suggestions.push({ field: 'sender', shown: name, patch: { sender: { opdId: null, name } }, same: norm(values.sender.name) === norm(name) });
    }
    if (merged.subject) {
      suggestions.push({ field: 'subject', shown: merged.subject, patch: { subject: merged.subject }, same: norm(values.subject) === norm(merged.subject) });
    }
  }
  const signature = JSON.stringify(suggestions.map((s) => [s.field, s.shown]));
  const show = hidden !== signature;
  const open = suggestions.filter((s) => !s.same);

  const hint = (field: Field): ReactNode => {
    const s = open.find((x) => x.field === field);
    if (!s || !show) return null;
    return (
      <span className="ocr-hint">
        <span className="ocr-hint-label">Saran dari pindaian:</span> <span className="ocr-hint-value">{s.shown}</span>{' '}
        {/* The field's name is in the button's text, not in aria-label: a label lookup of the field must find the field only. */}
        <button type="button" className="btn btn--link ocr-use" onClick={() => apply(s.patch)}>
          Pakai
          <span className="sr-only">
            {' '}
            saran {FIELD_LABELS[field]}: {s.shown}
          </span>
        </button>
      </span>
    );
  };

  let panel: ReactNode = null;
  if (running) {
    const progress = running.job.progress;
    const which = current.length > 1 ? ` (${running.item.name})` : '';
    panel = (
      <div className="ocr-panel" role="status" aria-live="polite">
        <div className="ocr-line">
          <span>
            {running.job.state === 'queued' && progress === 0 ? 'Menunggu giliran membaca teks surat…' : `Membaca teks surat… ${progress}%`}
            {which}
          </span>
          <span className="muted small">Formulir tetap dapat diisi dan disimpan.</span>
        </div>
        <div className="progress" role="progressbar" aria-label="Membaca teks surat" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress}>
          <span style={{ width: `${Math.max(3, progress)}%` }} />
        </div>
      </div>
    );
  } else if (merged && suggestions.length > 0 && show) {
    panel = (
      <div className="ocr-panel ocr-panel--ready" role="status">
        <div className="ocr-line">
          {open.length > 0 ? (
            <span>
              <strong>Saran dari pindaian siap.</strong> Periksa saran di bawah {open.map((s) => FIELD_LABELS[s.field]).join(', ')}, lalu tekan “Pakai”.
            </span>
          ) : (
            <span>Isian sudah sesuai saran dari pindaian.</span>
          )}
          <span className="ocr-actions">
            {open.length > 1 && (
              <button type="button" className="btn btn--secondary btn--small" onClick={() => apply(Object.assign({}, ...open.map((s) => s.patch)) as FormPatch)}>
                Pakai semua
              </button>
            )}
            {open.length > 0 && (
              <button type="button" className="btn btn--ghost btn--small" onClick={() => setHidden(signature)}>
                Sembunyikan saran
              </button>
            )}
          </span>
        </div>
      </div>
    );
  } else if (!running && current.length > 0 && current.every((c) => c.job.state === 'done') && suggestions.length === 0) {
    panel = <p className="ocr-panel ocr-panel--quiet muted small">Teks pindaian sudah dibaca (untuk pencarian), tetapi tidak ada isian yang dapat disarankan.</p>;
  } else if (!running && failed.length > 0 && suggestions.length === 0) {
    panel = (
      <p className="ocr-panel ocr-panel--quiet muted small">
        Teks surat tidak dapat dibaca otomatis{failed[0]?.job.error ? `: ${failed[0].job.error}` : '.'} Isi formulir seperti biasa.
      </p>
    );
  }

  return { hint, panel };
}
