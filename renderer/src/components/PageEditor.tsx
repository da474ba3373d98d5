/**
 * "Atur halaman": the pages of the form's scans as thumbnails (pages.thumbnails) to put in order
 * (drag and drop, the ← → buttons, or Alt+← / Alt+→ on a page), turn by 90° and drop; "Gabungkan
 * jadi satu PDF" makes one new PDF of the kept pages (pages.compose) that takes the place of the
 * chosen scans in the form. Several photographed pages (JPG/PNG) become one PDF the same way.
 */
import { useEffect, useMemo, useRef, useState, type DragEvent, type FormEvent, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { asApiError, call } from '../api';
import { thumbnailsOf, thumbSrc, type Thumbnails } from '../lib/scanDesk';
import { Alert, TextField, cls } from './fields';
import type { ScanItem } from './ScanUploader';
import type { ScanResult } from './ScanDialog';
import '../scan.css';

type Rotation = 0 | 90 | 180 | 270;

interface Tile {
  id: string;
  /** The form's scan (ScanItem.key) the page comes from. */
  key: number;
  sha256: string;
  page: number;
  rotate: Rotation;
  removed: boolean;
}

function turn(r: Rotation): Rotation {
  return r === 0 ? 90 : r === 90 ? 180 : r === 180 ? 270 : 0;
}

function baseName(name: string): string {
  return name.replace(/\.(pdf|jpe?g|png)$/i, '');
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [it] = next.splice(from, 1);
  if (it === undefined) return next;
  next.splice(Math.max(0, Math.min(to, next.length)), 0, it);
  return next;
}

interface Props {
  items: ScanItem[];
  onClose: () => void;
  /** The kept pages as one PDF, to replace the scans with these keys. */
  onComposed: (keys: number[], result: ScanResult) => void;
}

export function PageEditor({ items, onClose, onComposed }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const files = useMemo(() => items.filter((it) => it.status === 'done' && it.sha256), [items]);
  const [chosen, setChosen] = useState<number[]>(() => files.map((f) => f.key));
  const [thumbs, setThumbs] = useState<Record<string, Thumbnails>>({});
  const [loadErrors, setLoadErrors] = useState<Record<string, string>>({});
  const [tiles, setTiles] = useState<Tile[]>([]);
  const [name, setName] = useState(() => {
    const first = files[0];
    return first ? `${baseName(first.name)}${files.length > 1 ? '-gabungan' : ''}` : 'pindaian';
  });
  const [announce, setAnnounce] = useState('');
  const [dragId, setDragId] = useState<string | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // Thumbnails of every file of the form (cached per file).
  useEffect(() => {
    let live = true;
    for (const f of files) {
      const sha = f.sha256 ?? '';
      thumbnailsOf(sha)
        .then((t) => live && setThumbs((m) => (m[sha] ? m : { ...m, [sha]: t })))
        .catch((e: unknown) => live && setLoadErrors((m) => ({ ...m, [sha]: asApiError(e).message })));
    }
    return () => {
      live = false;
    };
  }, [files]);

  // The pages of the chosen files: what was arranged stays; a newly chosen file's pages come last.
  useEffect(() => {
    setTiles((current) => {
      const kept = current.filter((t) => chosen.includes(t.key));
      const have = new Set(kept.map((t) => t.key));
      const added: Tile[] = [];
      for (const f of files) {
        if (!chosen.includes(f.key) || have.has(f.key)) continue;
        const t = thumbs[f.sha256 ?? ''];
        if (!t) continue;
        for (let p = 1; p <= t.pages; p++) added.push({ id: `${f.key}-${p}`, key: f.key, sha256: f.sha256 ?? '', page: p, rotate: 0, removed: false });
      }
      return added.length === 0 && kept.length === current.length ? current : [...kept, ...added];
    });
  }, [chosen, files, thumbs]);

  useEffect(() => {
    const id = focusAfter.current;
    if (!id) return;
    focusAfter.current = null;
    document.getElementById(`tile-${id}`)?.focus();
  }, [tiles]);

  const loading = files.some((f) => chosen.includes(f.key) && !thumbs[f.sha256 ?? ''] && !loadErrors[f.sha256 ?? '']);
  const keptCount = tiles.filter((t) => !t.removed).length;
  const fileName = (key: number) => files.find((f) => f.key === key)?.name ?? '';
  const multiFile = chosen.length > 1;

  /** Number of a tile among the kept pages (1-based), or null when dropped. */
  const keptNumber = (index: number): number | null => {
    const t = tiles[index];
    if (!t || t.removed) return null;
    return tiles.slice(0, index + 1).filter((x) => !x.removed).length;
  };
  const describe = (t: Tile) => (multiFile ? `${fileName(t.key)} hal. ${t.page}` : `hal. asli ${t.page}`);

  function moveTile(index: number, to: number) {
    if (to < 0 || to >= tiles.length || to === index) return;
    const t = tiles[index];
    if (!t) return;
    focusAfter.current = t.id;
    setTiles((list) => move(list, index, to));
    setAnnounce(`Halaman (${describe(t)}) dipindah ke urutan ${to + 1} dari ${tiles.length}.`);
  }

  function rotateTile(index: number) {
    const t = tiles[index];
    if (!t) return;
    const r = turn(t.rotate);
    setTiles((list) => list.map((x, i) => (i === index ? { ...x, rotate: r } : x)));
    setAnnounce(`Halaman (${describe(t)}) diputar menjadi ${r}°.`);
  }

  function toggleRemoved(index: number) {
    const t = tiles[index];
    if (!t) return;
    setTiles((list) => list.map((x, i) => (i === index ? { ...x, removed: !x.removed } : x)));
    setAnnounce(t.removed ? `Halaman (${describe(t)}) dikembalikan.` : `Halaman (${describe(t)}) dibuang.`);
  }

  function onTileKey(e: KeyboardEvent<HTMLLIElement>, index: number) {
    if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      moveTile(index, index + (e.key === 'ArrowLeft' ? -1 : 1));
      return;
    }
    if (e.target !== e.currentTarget) return;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      const next = tiles[index + (e.key === 'ArrowLeft' ? -1 : 1)];
      if (next) document.getElementById(`tile-${next.id}`)?.focus();
    } else if (e.key === 'r' || e.key === 'R') {
      e.preventDefault();
      rotateTile(index);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      toggleRemoved(index);
    }
  }

  function onDrop(e: DragEvent<HTMLLIElement>, index: number) {
    e.preventDefault();
    const from = tiles.findIndex((t) => t.id === (dragId ?? e.dataTransfer.getData('text/plain')));
    setDragId(null);
    setOverId(null);
    if (from >= 0) moveTile(from, index);
  }

  async function compose(e: FormEvent) {
    // The dialog may sit inside the registration form (in React's tree): its submit is not the form's.
    e.preventDefault();
    e.stopPropagation();
    if (busy) return;
    const pages = tiles.filter((t) => !t.removed).map((t) => ({ sha256: t.sha256, page: t.page, rotate: t.rotate }));
    if (pages.length === 0) {
      setError('Semua halaman dibuang. Kembalikan paling sedikit satu halaman.');
      return;
    }
    if (name.trim() === '') {
      setError('Nama berkas wajib diisi.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await call('pages.compose', { name: name.trim(), pages });
      onComposed(
        files.filter((f) => chosen.includes(f.key)).map((f) => f.key),
        { attachment: result.attachment, pages: result.pages },
      );
      onClose();
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  }

  const messages = files.map((f) => thumbs[f.sha256 ?? '']?.message).filter((m): m is string => !!m);

  return createPortal(
    <dialog ref={ref} className="dialog dialog--pages" aria-labelledby="pages-title"
      onClose={onClose}
      onKeyDown={(e) => {
        // The desk's Alt shortcuts (Alt+A…) must not change the page under an open dialog.
        if (e.altKey) e.stopPropagation();
      }}>
      <form onSubmit={compose} noValidate>
        <h2 id="pages-title">Atur halaman pindaian</h2>
        <p className="muted small">
          Seret halaman untuk mengubah urutan, atau pilih sebuah halaman lalu tekan <kbd>Alt</kbd>+<kbd>←</kbd>/<kbd>→</kbd>. <kbd>R</kbd> memutar,{' '}
          <kbd>Delete</kbd> membuang. Hasilnya satu PDF yang menggantikan berkas yang dipilih.
        </p>
        {files.length > 1 && (
          <fieldset className="pages-files">
            <legend>Berkas yang digabung</legend>
            {files.map((f) => (
              <label key={f.key} className="check">
                <input
                  type="checkbox"
                  checked={chosen.includes(f.key)}
                  onChange={(e) => setChosen((c) => (e.target.checked ? files.filter((x) => c.includes(x.key) || x.key === f.key).map((x) => x.key) : c.filter((k) => k !== f.key)))}
                />
                {f.name}
                {thumbs[f.sha256 ?? ''] && <span className="muted small"> ({thumbs[f.sha256 ?? '']?.pages} halaman)</span>}
              </label>
            ))}
          </fieldset>
        )}
        {Object.entries(loadErrors).map(([sha, message]) => (
          <Alert key={sha} kind="error">
            {files.find((f) => f.sha256 === sha)?.name}: {message}
          </Alert>
        ))}
        {messages.map((m) => (
          <Alert key={m} kind="info">
            {m}
          </Alert>
        ))}
        {loading && (
          <p role="status" className="muted">
            Membuat gambar kecil halaman…
          </p>
        )}
        <p className="sr-only" role="status" aria-live="polite">
          {announce}
        </p>
        <ol className="page-grid" aria-label="Halaman pindaian">
          {tiles.map((t, i) => {
            const n = keptNumber(i);
            const src = thumbSrc(thumbs[t.sha256]?.thumbnails.find((x) => x.page === t.page));
            const label = `${n === null ? 'Dibuang' : `Halaman ${n}`} (${describe(t)})`;
            return (
              <li
                key={t.id}
                id={`tile-${t.id}`}
                className={cls('page-tile', t.removed && 'is-removed', overId === t.id && dragId !== t.id && 'is-drop-target', dragId === t.id && 'is-dragging')}
                tabIndex={0}
                aria-label={`${label}${t.rotate ? `, diputar ${t.rotate}°` : ''}`}
                draggable
                onKeyDown={(e) => onTileKey(e, i)}
                onDragStart={(e) => {
                  e.dataTransfer.setData('text/plain', t.id);
                  e.dataTransfer.effectAllowed = 'move';
                  setDragId(t.id);
                }}
                onDragOver={(e) => {
                  e.preventDefault();
                  e.dataTransfer.dropEffect = 'move';
                  if (overId !== t.id) setOverId(t.id);
                }}
                onDragLeave={() => setOverId((o) => (o === t.id ? null : o))}
                onDrop={(e) => onDrop(e, i)}
                onDragEnd={() => {
                  setDragId(null);
                  setOverId(null);
                }}
              >
                <div className="page-thumb">
                  {src ? (
                    <img src={src} alt="" style={{ transform: `rotate(${t.rotate}deg)` }} draggable={false} />
                  ) : (
                    <span className="page-thumb-none" style={{ transform: `rotate(${t.rotate}deg)` }}>
                      hal. {t.page}
                    </span>
                  )}
                </div>
                <p className="page-cap">
                  <strong>{n === null ? 'Dibuang' : `Hal. ${n}`}</strong>
                  <span className="muted small">
                    {describe(t)}
                    {t.rotate ? ` · ${t.rotate}°` : ''}
                  </span>
                </p>
                <div className="page-tools">
                  <button type="button" className="btn btn--icon btn--tool" onClick={() => moveTile(i, i - 1)} disabled={i === 0} aria-label={`Geser ${label} ke kiri`} title="Geser ke kiri (Alt+←)">
                    ←
                  </button>
                  <button
                    type="button"
                    className="btn btn--icon btn--tool"
                    onClick={() => moveTile(i, i + 1)}
                    disabled={i === tiles.length - 1}
                    aria-label={`Geser ${label} ke kanan`}
                    title="Geser ke kanan (Alt+→)"
                  >
                    →
                  </button>
                  <button type="button" className="btn btn--icon btn--tool" onClick={() => rotateTile(i)} aria-label={`Putar ${label} 90°`} title="Putar 90° searah jarum jam (R)">
                    ⟳
                  </button>
                  <button
                    type="button"
                    className={cls('btn btn--small', t.removed ? 'btn--secondary' : 'btn--ghost')}
                    onClick={() => toggleRemoved(i)}
                    aria-label={`${t.removed ? 'Kembalikan' : 'Buang'} ${label}`}
                  >
                    {t.removed ? 'Kembalikan' : 'Buang'}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
        <div className="pages-foot">
          <TextField id="pages-name" label="Nama PDF hasil" value={name} onValueChange={setName} maxLength={200} hint={`${keptCount} halaman akan digabung${tiles.length > keptCount ? `, ${tiles.length - keptCount} dibuang` : ''}.`} />
        </div>
        {error && <Alert kind="error">{error}</Alert>}
        <div className="actions">
          <span className="spacer" />
          <button type="button" className="btn btn--ghost" onClick={onClose}>
            Batal
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy || loading || keptCount === 0}>
            {busy ? 'Menggabungkan…' : 'Gabungkan jadi satu PDF'}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
