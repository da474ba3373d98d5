/**
 * Pindaian (scans) of a letter: pick files or drop them on the zone; each file is uploaded at once
 * (attachments.upload, base64), listed with its name and size, removable, and previewable from a
 * blob: URL (PDF in a frame, images as images).
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Attachment } from '../../../shared/api/schemas';
import { asApiError, call } from '../api';
import { base64ToBlob, fileToBase64, formatSize, scanProblem, SCAN_ACCEPT } from '../lib/files';
import { FieldError, cls } from './fields';
import { FileDropzone } from './FileDropzone';

export interface ScanItem {
  key: number;
  name: string;
  size: number;
  status: 'uploading' | 'done' | 'failed';
  mime: string | null;
  sha256: string | null;
  error: string | null;
  url: string | null;
  /** Where the file came from when it was not picked here, e.g. "Hasil pindai, 3 halaman" (issue 6). */
  note?: string | null;
}

let scanKey = 0;

export function useScanUploads() {
  const [items, setItems] = useState<ScanItem[]>([]);
  const urls = useRef(new Set<string>());

  useEffect(
    () => () => {
      for (const u of urls.current) URL.revokeObjectURL(u);
    },
    [],
  );

  const update = useCallback((key: number, patch: Partial<ScanItem>) => {
    setItems((list) => list.map((it) => (it.key === key ? { ...it, ...patch } : it)));
  }, []);

  const add = useCallback(
    (files: FileList | File[]) => {
      for (const file of Array.from(files)) {
        const key = ++scanKey;
        const problem = scanProblem(file);
        setItems((list) => [...list, { key, name: file.name, size: file.size, status: problem ? 'failed' : 'uploading', mime: null, sha256: null, error: problem, url: null }]);
        if (problem) continue;
        void (async () => {
          try {
            const data = await fileToBase64(file);
            const stored = await call('attachments.upload', { name: file.name.slice(0, 200), dataBase64: data });
            const url = URL.createObjectURL(base64ToBlob(data, stored.mime));
            urls.current.add(url);
            update(key, { status: 'done', mime: stored.mime, sha256: stored.sha256, size: stored.size, url, error: null });
          } catch (e) {
            update(key, { status: 'failed', error: asApiError(e).message });
          }
        })();
      }
    },
    [update],
  );

  const remove = useCallback((key: number) => {
    setItems((list) => {
      const it = list.find((x) => x.key === key);
      if (it?.url) {
        URL.revokeObjectURL(it.url);
        urls.current.delete(it.url);
      }
      return list.filter((x) => x.key !== key);
    });
  }, []);

  /** A file already in the register (a scan, an inbox file, composed pages): listed at once, previewed when loaded. */
  const stored = useCallback(
    (att: Attachment, note: string | null): ScanItem => {
      const key = ++scanKey;
      void call('attachments.get', { sha256: att.sha256 })
        .then((file) => {
          const url = URL.createObjectURL(base64ToBlob(file.dataBase64, file.mime));
          urls.current.add(url);
          update(key, { url });
        })
        .catch(() => undefined);
      return { key, name: att.name, size: att.size, status: 'done', mime: att.mime, sha256: att.sha256, error: null, url: null, note };
    },
    [update],
  );

  const addStored = useCallback(
    (att: Attachment, note: string | null = null) => {
      const item = stored(att, note);
      // The same file twice (e.g. "Catat sebagai surat baru" pressed again) is listed once.
      setItems((list) => (list.some((x) => x.sha256 === att.sha256) ? list : [...list, item]));
    },
    [stored],
  );

  /** These items become one file (pages.compose), in the place of the first of them. */
  const replace = useCallback(
    (keys: readonly number[], att: Attachment, note: string | null = null) => {
      const item = stored(att, note);
      setItems((list) => {
        const at = list.findIndex((x) => keys.includes(x.key));
        for (const it of list) {
          if (keys.includes(it.key) && it.url) {
            URL.revokeObjectURL(it.url);
            urls.current.delete(it.url);
          }
        }
        const rest = list.filter((x) => !keys.includes(x.key));
        const index = at < 0 ? rest.length : Math.min(at, rest.length);
        return [...rest.slice(0, index), item, ...rest.slice(index)];
      });
    },
    [stored],
  );

  const setErrors = useCallback((byKey: Map<number, string>) => {
    setItems((list) => list.map((it) => (byKey.has(it.key) ? { ...it, error: byKey.get(it.key) ?? null } : it)));
  }, []);

  return { items, add, addStored, replace, remove, setErrors };
}

interface Props {
  id: string;
  items: ScanItem[];
  onAdd: (files: FileList | File[]) => void;
  onRemove: (key: number) => void;
  error?: string | undefined;
  /** More ways to add scans, next to "Pilih berkas…" (the scan dialog, the page editor). */
  toolbar?: ReactNode;
}

export function ScanUploader({ id, items, onAdd, onRemove, error, toolbar }: Props) {
  const [previewKey, setPreviewKey] = useState<number | null>(null);
  const preview = items.find((it) => it.key === previewKey && it.url);

  return (
    <div className={cls('field span-2', error && 'field--invalid')}>
      <div className="field-label-row">
        <span className="label-text" id={`${id}-label`}>
          Pindaian surat
        </span>
        <span className="muted small">PDF, JPG, atau PNG; paling besar 25 MB per berkas</span>
      </div>
      <FileDropzone onFiles={onAdd}>
        <p>Seret berkas pindaian ke sini, atau</p>
        <label htmlFor={id} className="btn btn--secondary file-button">
          Pilih berkas…
        </label>
        <input
          id={id}
          className="file-input"
          type="file"
          multiple
          accept={SCAN_ACCEPT}
          aria-describedby={cls(`${id}-label`, error && `${id}-error`)}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            if (e.target.files) onAdd(e.target.files);
            e.target.value = '';
          }}
        />
        {toolbar}
      </FileDropzone>
      <FieldError id={id} error={error} />
      {items.length > 0 && (
        <ul className="scan-list" aria-label="Berkas pindaian">
          {items.map((it) => (
            <li key={it.key} className={cls('scan-item', it.status === 'failed' && 'is-failed', it.error && 'has-error')}>
              <span className="scan-icon" aria-hidden="true">
                {it.mime === 'application/pdf' || it.name.toLowerCase().endsWith('.pdf') ? 'PDF' : 'IMG'}
              </span>
              <span className="scan-name">
                <span className="scan-filename">{it.name}</span>
                <span className="muted small">
                  {formatSize(it.size)}
                  {it.status === 'uploading' && ' · Mengunggah…'}
                  {it.status === 'done' && (it.note ? ` · ${it.note}` : ' · Terunggah')}
                </span>
                {it.error && <span className="scan-error">{it.error}</span>}
              </span>
              <span className="scan-actions">
                {it.url && (
                  <button
                    type="button"
                    className="btn btn--small btn--secondary"
                    aria-pressed={previewKey === it.key}
                    onClick={() => setPreviewKey(previewKey === it.key ? null : it.key)}
                  >
                    {previewKey === it.key ? 'Tutup pratinjau' : 'Pratinjau'}
                  </button>
                )}
                <button type="button" className="btn btn--small btn--ghost" onClick={() => onRemove(it.key)} aria-label={`Hapus ${it.name}`}>
                  Hapus
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {preview?.url && (
        <div className="scan-preview">
          {preview.mime === 'application/pdf' ? (
            <iframe src={preview.url} title={`Pratinjau ${preview.name}`} />
          ) : (
            <img src={preview.url} alt={`Pratinjau ${preview.name}`} />
          )}
        </div>
      )}
    </div>
  );
}
