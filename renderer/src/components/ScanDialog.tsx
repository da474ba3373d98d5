/**
 * "Pindai…": scan a letter on the scanner attached to the computer that runs Loket (SANE on Linux,
 * WIA on Windows). Choose the scanner, the paper source (glass or feeder), colour mode and
 * resolution; "Mulai memindai" starts a background job, polled every 500 ms ("Halaman N
 * terpindai…"); the pages become one PDF, handed to `onScanned`. A jam, an empty feeder or a busy
 * scanner is shown with what to do; without a scanner the clerk can still pick a file.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import type { CallOutput } from '../../../shared/api/contract';
import type { Attachment } from '../../../shared/api/schemas';
import {
  SCAN_MODE_LABELS,
  SCAN_SOURCE_LABELS,
  SCAN_MODES,
  SCAN_SOURCES,
  type DeviceOptions,
  type ScanJob,
  type ScanMode,
  type ScanProblem,
  type ScanSource,
} from '../../../shared/api/scan-schemas';
import { asApiError, call } from '../api';
import { readScanChoices, writeScanChoices } from '../lib/scanDesk';
import { SCAN_ACCEPT } from '../lib/files';
import { Alert, SelectField, TextField } from './fields';
import '../scan.css';

type DeviceList = CallOutput<'scan.devices'>;

const POLL_MS = 500;

const PROBLEM_TITLES: Record<ScanProblem, string> = {
  no_scanner: 'Pemindai tidak ditemukan',
  busy: 'Pemindai sedang dipakai',
  jammed: 'Kertas macet',
  feeder_empty: 'Pengumpan kosong',
  cover_open: 'Penutup pemindai terbuka',
  invalid: 'Pilihan tidak didukung pemindai',
  cancelled: 'Pemindaian dibatalkan',
  failed: 'Pemindaian gagal',
};

/** What to do next, beyond the scanner's own message. */
const PROBLEM_HINTS: Partial<Record<ScanProblem, string>> = {
  jammed: 'Halaman yang sudah terpindai tidak disimpan: setelah kertas dikeluarkan, letakkan lagi semua lembar surat lalu tekan “Pindai ulang”.',
  feeder_empty: 'Untuk satu lembar saja, pilih sumber “Kaca pemindai (flatbed)”.',
  busy: 'Bila pemindai dipakai meja lain, tunggu sampai pemindaiannya selesai.',
  cover_open: 'Periksa juga penutup pengumpan dokumen.',
  no_scanner: 'Anda tetap dapat memilih berkas hasil pindaian dengan “Pilih berkas…”.',
  invalid: 'Coba resolusi 200 atau 300 dpi, atau mode warna lain.',
};

function isSource(v: string): v is ScanSource {
  return (SCAN_SOURCES as readonly string[]).includes(v);
}
function isMode(v: string): v is ScanMode {
  return (SCAN_MODES as readonly string[]).includes(v);
}

export interface ScanResult {
  attachment: Attachment;
  pages: number;
}

interface Props {
  onClose: () => void;
  onScanned: (result: ScanResult) => void;
  /** Without a scanner: files picked here go where the form's files go. */
  onFiles?: (files: FileList) => void;
  title?: string;
}

export function ScanDialog({ onClose, onScanned, onFiles, title = 'Pindai surat' }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [list, setList] = useState<DeviceList | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [device, setDevice] = useState('');
  const [options, setOptions] = useState<DeviceOptions | null>(null);
  const [optionsError, setOptionsError] = useState<string | null>(null);
  const [source, setSource] = useState<ScanSource>('Flatbed');
  const [mode, setMode] = useState<ScanMode>('Gray');
  const [resolution, setResolution] = useState(200);
  const [name, setName] = useState('');
  // Feeder only: how many sheets to take ('' = all of them).
  const [maxPages, setMaxPages] = useState('');
  const maxPagesError = source === 'Flatbed' ? null : limitError(maxPages);
  const [job, setJob] = useState<ScanJob | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const delivered = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const loadDevices = useCallback(() => {
    setList(null);
    setListError(null);
    call('scan.devices', {})
      .then((l) => {
        setList(l);
        const remembered = readScanChoices().device;
        const chosen = l.devices.find((d) => d.id === remembered) ?? l.devices[0];
        setDevice(chosen?.id ?? '');
      })
      .catch((e: unknown) => setListError(asApiError(e).message));
  }, []);
  useEffect(loadDevices, [loadDevices]);

  // The chosen scanner's sources, colour modes and resolutions; this desk's last choices where they fit.
  useEffect(() => {
    setOptions(null);
    setOptionsError(null);
    if (!device) return;
    let live = true;
    call('scan.deviceOptions', { device })
      .then((o) => {
        if (!live) return;
        setOptions(o);
        const last = readScanChoices();
        setSource(last.source && o.sources.includes(last.source) ? last.source : (o.sources[0] ?? 'Flatbed'));
        setMode(last.mode && o.modes.includes(last.mode) ? last.mode : o.modes.includes('Gray') ? 'Gray' : (o.modes[0] ?? 'Gray'));
        setResolution(last.resolution && o.resolutions.includes(last.resolution) ? last.resolution : o.defaultResolution);
      })
      .catch((e: unknown) => live && setOptionsError(asApiError(e).message));
    return () => {
      live = false;
    };
  }, [device]);

  const running = job !== null && (job.state === 'queued' || job.state === 'running');
  const jobId = running ? job.jobId : null;

  // Poll the job every 500 ms while it runs.
  useEffect(() => {
    if (!jobId) return;
    let live = true;
    const timer = window.setInterval(() => {
      call('scan.status', { jobId }, { hostAwayMs: 5_000 })
        .then((next) => {
          if (live) setJob(next);
        })
        .catch((e: unknown) => {
          if (!live) return;
          const err = asApiError(e);
          setJob((j) => (j ? { ...j, state: 'failed', problem: 'failed', message: err.message } : j));
        });
    }, POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [jobId]);

  // Done: the PDF goes to the form, and the dialog closes.
  useEffect(() => {
    if (job?.state !== 'done' || !job.result || delivered.current) return;
    delivered.current = true;
    onScanned({ attachment: job.result.attachment, pages: job.result.pages });
    onClose();
  }, [job, onScanned, onClose]);

  async function start(e?: FormEvent) {
    // The dialog may sit inside the registration form (in React's tree): its submit is not the form's.
    e?.preventDefault();
    e?.stopPropagation();
    if (!device || running || starting || maxPagesError) return;
    setStarting(true);
    setStartError(null);
    delivered.current = false;
    writeScanChoices({ device, source, mode, resolution });
    try {
      const limit = source === 'Flatbed' || maxPages.trim() === '' ? null : Number(maxPages.trim());
      const { jobId: id } = await call('scan.start', { device, source, mode, resolution, name, maxPages: limit });
      setJob({ jobId: id, state: 'queued', pagesScanned: 0, message: 'Menyiapkan pemindai…', problem: null, result: null });
    } catch (err) {
      setStartError(asApiError(err).message);
      setJob(null);
    } finally {
      setStarting(false);
    }
  }

  async function cancel() {
    if (!job) return;
    try {
      setJob(await call('scan.cancel', { jobId: job.jobId }));
    } catch (err) {
      setStartError(asApiError(err).message);
    }
  }

  const none = list !== null && list.devices.length === 0;
  const failed = job?.state === 'failed' ? job : null;
  const scannedLine = job && running ? (job.pagesScanned > 0 ? `Halaman ${job.pagesScanned} terpindai…` : 'Memindai halaman 1…') : null;

  return createPortal(
    <dialog
      ref={ref}
      className="dialog dialog--scan"
      aria-labelledby="scan-title"
      onClose={onClose}
      onCancel={(e) => {
        // Esc does not leave a scan running unseen: cancel it first.
        if (running) e.preventDefault();
      }}
      onKeyDown={(e) => {
        // The desk's Alt shortcuts (Alt+A…) must not change the page under an open dialog.
        if (e.altKey) e.stopPropagation();
      }}
    >
      <form onSubmit={start} noValidate aria-busy={running || undefined}>
        <h2 id="scan-title">{title}</h2>
        {list === null && !listError && (
          <p role="status" className="muted">
            Mencari pemindai…
          </p>
        )}
        {listError && <Alert kind="error">{listError}</Alert>}
        {none && (
          <div className="alert alert--warning" role="status">
            <strong>Pemindai tidak ditemukan…</strong>
            <p className="scan-problem-text">{list.message ?? 'Periksa kabel USB/jaringan dan daya pemindai, lalu muat ulang daftar.'}</p>
            <p className="scan-problem-text">{PROBLEM_HINTS.no_scanner}</p>
          </div>
        )}
        {list !== null && list.devices.length > 0 && (
          <fieldset className="scan-options" disabled={running || starting}>
            <legend className="sr-only">Pilihan pemindaian</legend>
            <SelectField
              id="scan-device"
              label="Pemindai"
              value={device}
              onValueChange={setDevice}
              options={list.devices.map((d) => ({ value: d.id, label: `${d.label} — ${d.id}` }))}
            />
            {optionsError && <Alert kind="error">{optionsError}</Alert>}
            {device && options === null && !optionsError && (
              <p role="status" className="muted small">
                Membaca pilihan pemindai…
              </p>
            )}
            {options && (
              <div className="form-grid">
                <SelectField
                  id="scan-source"
                  label="Sumber kertas"
                  className="span-2"
                  value={source}
                  onValueChange={(v) => isSource(v) && setSource(v)}
                  options={options.sources.map((s) => ({ value: s, label: SCAN_SOURCE_LABELS[s] }))}
                  hint={source === 'Flatbed' ? 'Satu lembar di kaca pemindai.' : 'Lembar-lembar di pengumpan menjadi satu PDF.'}
                />
                {source !== 'Flatbed' && (
                  <TextField
                    id="scan-max-pages"
                    label="Jumlah lembar (boleh kosong)"
                    className="span-2"
                    inputMode="numeric"
                    value={maxPages}
                    onValueChange={setMaxPages}
                    maxLength={3}
                    error={maxPagesError ?? undefined}
                    hint="Kosong: semua lembar di pengumpan. Isi mis. 3 untuk berhenti setelah 3 lembar."
                  />
                )}
                <SelectField
                  id="scan-mode"
                  label="Mode warna"
                  value={mode}
                  onValueChange={(v) => isMode(v) && setMode(v)}
                  options={options.modes.map((m) => ({ value: m, label: SCAN_MODE_LABELS[m] }))}
                />
                <SelectField
                  id="scan-resolution"
                  label="Resolusi"
                  value={String(resolution)}
                  onValueChange={(v) => setResolution(Number(v))}
                  options={options.resolutions.map((r) => ({ value: String(r), label: `${r} dpi${r === options.defaultResolution ? ' (disarankan)' : ''}` }))}
                />
                <TextField
                  id="scan-name"
                  label="Nama berkas (boleh kosong)"
                  className="span-2"
                  value={name}
                  onValueChange={setName}
                  maxLength={200}
                  placeholder="mis. surat-disdik-ppdb"
                  hint="Kosong: pindaian-tanggal-jam.pdf"
                />
              </div>
            )}
          </fieldset>
        )}

        {running && job && (
          <div className="scan-progress" role="status" aria-live="polite">
            <div className="progress progress--busy" aria-hidden="true">
              <span />
            </div>
            <p className="scan-progress-line">{scannedLine}</p>
            <p className="muted small">{job.message.replace(/^Halaman \d+ terpindai\.\s*/, '') || 'Jangan membuka penutup pemindai sampai selesai.'}</p>
          </div>
        )}
        {failed && (
          <div className={failed.problem === 'cancelled' ? 'alert alert--info' : 'alert alert--error'} role={failed.problem === 'cancelled' ? 'status' : 'alert'}>
            <strong>{PROBLEM_TITLES[failed.problem ?? 'failed']}</strong>
            {failed.problem !== 'cancelled' && <p className="scan-problem-text">{failed.message}</p>}
            {failed.problem && PROBLEM_HINTS[failed.problem] && <p className="scan-problem-text">{PROBLEM_HINTS[failed.problem]}</p>}
          </div>
        )}
        {startError && <Alert kind="error">{startError}</Alert>}

        <div className="actions">
          {(none || listError) && (
            <button type="button" className="btn btn--ghost" onClick={loadDevices}>
              Muat ulang daftar
            </button>
          )}
          {onFiles && !running && (
            <>
              <label htmlFor="scan-dialog-files" className="btn btn--secondary file-button">
                Pilih berkas…
              </label>
              <input
                id="scan-dialog-files"
                className="file-input"
                type="file"
                multiple
                accept={SCAN_ACCEPT}
                onChange={(e) => {
                  if (e.target.files && e.target.files.length > 0) {
                    onFiles(e.target.files);
                    onClose();
                  }
                }}
              />
            </>
          )}
          <span className="spacer" />
          {running ? (
            <button type="button" className="btn btn--secondary" onClick={() => void cancel()}>
              Batalkan pemindaian
            </button>
          ) : (
            <button type="button" className="btn btn--ghost" onClick={onClose}>
              Tutup
            </button>
          )}
          {!none && (
            <button type="submit" className="btn btn--primary" disabled={!options || running || starting}>
              {running || starting ? 'Memindai…' : failed ? 'Pindai ulang' : 'Mulai memindai'}
            </button>
          )}
        </div>
      </form>
    </dialog>,
    document.body,
  );
}

/** A page limit the scanner accepts: empty (all sheets) or 1–500. */
function limitError(value: string): string | null {
  const text = value.trim();
  if (text === '') return null;
  const n = Number(text);
  return /^\d+$/.test(text) && n >= 1 && n <= 500 ? null : 'Isi dengan angka 1–500, atau kosongkan untuk semua lembar.';
}
