/**
 * "Tambah pindaian" on the letter page (issue 6, front desk and admin): scan more pages for a
 * letter already in the agenda, or pick a file; the file is added to the letter's scans
 * (letters.addAttachment, in the audit log) and its text is read in the background for the
 * agenda's full-text search.
 */
import { useState } from 'react';
import type { Attachment, Letter } from '../../../shared/api/schemas';
import { asApiError, call } from '../api';
import { fileToBase64, scanProblem } from '../lib/files';
import { announceChange } from '../live';
import { canRegister, useSession } from '../session';
import { Alert } from './fields';
import { ScanDialog } from './ScanDialog';
import '../scan.css';

interface Props {
  letterId: number;
  /** The letter with its new scan (the page also refreshes on the change event). */
  onAdded?: (letter: Letter) => void;
}

export function LetterScanAdd({ letterId, onAdded }: Props) {
  const { user } = useSession();
  const [scanning, setScanning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  if (!canRegister(user.role)) return null;

  async function attach(att: Pick<Attachment, 'sha256' | 'name'>, pages: number | null) {
    const letter = await call('letters.addAttachment', { letterId, sha256: att.sha256, name: att.name.slice(0, 200) });
    // The text goes into the agenda's search; nobody waits for it.
    void call('ocr.start', { sha256: att.sha256 }).catch(() => undefined);
    setNotice({ kind: 'success', text: `Pindaian ditambahkan: ${att.name}${pages ? ` (${pages} halaman)` : ''}.` });
    // The letter page shows the new scan at once, without waiting for the host's change event.
    announceChange({ type: 'changed', entity: 'letter', id: letterId, letterId, call: 'letters.addAttachment' });
    onAdded?.(letter);
  }

  async function run(fn: () => Promise<void>) {
    setBusy(true);
    setNotice(null);
    try {
      await fn();
    } catch (e) {
      setNotice({ kind: 'error', text: asApiError(e).message });
    } finally {
      setBusy(false);
    }
  }

  function addFiles(files: FileList) {
    const list = Array.from(files);
    const bad = list.find((f) => scanProblem(f) !== null);
    if (bad) {
      setNotice({ kind: 'error', text: `${bad.name}: ${scanProblem(bad) ?? ''}` });
      return;
    }
    void run(async () => {
      for (const file of list) {
        const stored = await call('attachments.upload', { name: file.name.slice(0, 200), dataBase64: await fileToBase64(file) });
        await attach({ sha256: stored.sha256, name: file.name }, null);
      }
    });
  }

  return (
    <div className="letter-scan-add">
      <div className="letter-scan-add-buttons">
        <button type="button" className="btn btn--secondary btn--small" onClick={() => setScanning(true)} disabled={busy}>
          Tambah pindaian
        </button>
        <label htmlFor="letter-scan-files" className="btn btn--ghost btn--small file-button">
          Unggah berkas…
        </label>
        <input
          id="letter-scan-files"
          className="file-input"
          type="file"
          multiple
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          disabled={busy}
          onChange={(e) => {
            if (e.target.files && e.target.files.length > 0) addFiles(e.target.files);
            e.target.value = '';
          }}
        />
        {busy && (
          <span role="status" className="muted small">
            Menambahkan…
          </span>
        )}
      </div>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      {scanning && (
        <ScanDialog
          title="Tambah pindaian"
          onClose={() => setScanning(false)}
          onScanned={(r) => void run(() => attach(r.attachment, r.pages))}
          onFiles={addFiles}
        />
      )}
    </div>
  );
}
