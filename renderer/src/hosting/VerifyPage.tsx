/**
 * Periksa dokumen (#/periksa): choose or drop a PDF and Loket says whether it is exactly a version
 * the Kadis approved (documents.verify): Sah, TIDAK SAMA, Belum disahkan, or Tidak dikenal.
 */
import { useRef, useState, type DragEvent } from 'react';
import type { VerifyDocumentResult } from '../../../shared/api/document-schemas';
import { asApiError, call } from '../api';
import { Alert, cls } from '../components/fields';
import { fileToBase64, formatSize } from '../lib/files';
import { formatMoment } from '../lib/format';
import { useSession } from '../session';
import './hosting.css';

const MAX_BYTES = 25 * 1024 * 1024;

interface Checked {
  name: string;
  size: number;
  sha256: string | null;
  result: VerifyDocumentResult;
}

async function sha256Hex(file: Blob): Promise<string | null> {
  try {
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}

const VERDICT: Record<VerifyDocumentResult['status'], { title: string; kind: string }> = {
  approved: { title: 'Sah', kind: 'ok' },
  modified: { title: 'TIDAK SAMA dengan dokumen yang disahkan', kind: 'bad' },
  not_approved: { title: 'Belum disahkan', kind: 'warn' },
  unknown: { title: 'Tidak dikenal', kind: 'unknown' },
};

export function VerifyPage() {
  const { office } = useSession();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hover, setHover] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  async function check(file: File) {
    setError(null);
    setChecked(null);
    if (file.size === 0) {
      setError('Berkas kosong.');
      return;
    }
    if (file.size > MAX_BYTES) {
      setError(`Berkas terlalu besar (${formatSize(file.size)}); paling besar ${formatSize(MAX_BYTES)}.`);
      return;
    }
    setBusy(true);
    try {
      const [dataBase64, sha256] = await Promise.all([fileToBase64(file), sha256Hex(file)]);
      const result = await call('documents.verify', { dataBase64 });
      setChecked({ name: file.name, size: file.size, sha256, result });
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(false);
      if (inputRef.current) inputRef.current.value = '';
    }
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setHover(false);
    const file = e.dataTransfer.files[0];
    if (file) void check(file);
  }

  const r = checked?.result ?? null;
  const verdict = r ? VERDICT[r.status] : null;
  const doc = r?.document ?? null;

  return (
    <section aria-labelledby="verify-title" className="verify-page">
      <div className="page-head">
        <div>
          <h1 id="verify-title">Periksa dokumen</h1>
          <p className="muted">Pastikan berkas PDF yang diterima sama persis dengan dokumen yang disahkan Kepala Dinas di Loket. Berkas tidak disimpan.</p>
        </div>
      </div>
      <div
        className={cls('dropzone verify-drop', hover && 'is-hover')}
        onDragOver={(e) => {
          e.preventDefault();
          setHover(true);
        }}
        onDragLeave={() => setHover(false)}
        onDrop={onDrop}
      >
        <p>Tarik berkas PDF ke sini, atau</p>
        <label className="btn btn--primary file-button" htmlFor="verify-file">
          {busy ? 'Memeriksa…' : 'Pilih berkas PDF…'}
        </label>
        <input
          ref={inputRef}
          id="verify-file"
          className="file-input"
          type="file"
          accept=".pdf,application/pdf"
          aria-label="Berkas PDF yang diperiksa"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void check(file);
          }}
        />
      </div>
      {busy && <p role="status">Memeriksa berkas…</p>}
      {error && <Alert kind="error">{error}</Alert>}
      {checked && r && verdict && (
        <div className={`verdict verdict--${verdict.kind}`} role="status" aria-live="polite">
          <p className="verdict-title">
            <span className="verdict-mark" aria-hidden="true">
              {verdict.kind === 'ok' ? '✓' : verdict.kind === 'bad' ? '✗' : verdict.kind === 'warn' ? '!' : '?'}
            </span>
            {r.status === 'approved' && doc
              ? `Sah: sama dengan ${doc.typeLabel} Nomor ${doc.number} versi ${doc.version} yang disahkan oleh ${doc.approvedBy ?? 'Kepala Dinas'}${doc.approvedAt ? ` pada ${formatMoment(doc.approvedAt, office.timeZone)}` : ''}`
              : verdict.title}
          </p>
          <p className="verdict-message">{r.message}</p>
          {doc && r.status !== 'approved' && (
            <dl className="details details--compact">
              <dt>Dokumen</dt>
              <dd>{doc.typeLabel}</dd>
              <dt>Nomor</dt>
              <dd>{doc.number}</dd>
              <dt>Versi</dt>
              <dd>{doc.version}</dd>
              {doc.approvedAt && (
                <>
                  <dt>Disahkan</dt>
                  <dd>
                    {doc.approvedBy ?? 'Kepala Dinas'}, {formatMoment(doc.approvedAt, office.timeZone)}
                  </dd>
                </>
              )}
            </dl>
          )}
          <p className="verdict-file small muted">
            Berkas: {checked.name} ({formatSize(checked.size)})
            {checked.sha256 && (
              <>
                {' '}
                · SHA-256 <span className="mono">{checked.sha256}</span>
              </>
            )}
          </p>
        </div>
      )}
    </section>
  );
}
