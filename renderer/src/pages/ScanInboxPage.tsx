/**
 * Kotak masuk pindaian (issue 6, front desk and admin): the files that arrived in the scan folder,
 * newest first, with a picture of the first page. Each becomes a new letter ("Catat sebagai surat
 * baru": the registration form opens with the file, and its text is read for suggestions), is
 * attached to a letter already in the agenda ("Lampirkan ke surat…"), or is set aside ("Abaikan").
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import { INBOX_STATUS_LABELS, INBOX_STATUSES, type InboxItem, type InboxStatus } from '../../../shared/api/scan-schemas';
import type { LetterSummary } from '../../../shared/api/schemas';
import { formatDateId, formatInstantDateTimeId } from '../../../shared/domain/dates';
import { asApiError, call } from '../api';
import { Alert, cls } from '../components/fields';
import { formatSize } from '../lib/files';
import { href, navigate } from '../lib/router';
import { handToRegister, inboxChanged, inboxCountSeen, thumbnailsOf, thumbSrc } from '../lib/scanDesk';
import { useDebounced } from '../lib/useDebounced';
import { usePolling } from '../lib/usePolling';
import { useSession } from '../session';
import '../scan.css';

type FolderState = CallOutput<'scan.folder.get'>;

function Thumb({ item }: { item: InboxItem }) {
  const [src, setSrc] = useState<string | null>(null);
  const [pages, setPages] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    thumbnailsOf(item.sha256)
      .then((t) => {
        if (!live) return;
        setSrc(thumbSrc(t.thumbnails[0]));
        setPages(t.pages);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [item.sha256]);
  return (
    <div className="inbox-thumb">
      {src ? <img src={src} alt={`Halaman pertama ${item.name}`} /> : <span aria-hidden="true">{item.mime === 'application/pdf' ? 'PDF' : 'IMG'}</span>}
      {pages !== null && pages > 1 && <span className="inbox-pages">{pages} hal.</span>}
    </div>
  );
}

export function ScanInboxPage() {
  const { user, office } = useSession();
  const tz = office.timeZone;
  const [status, setStatus] = useState<InboxStatus>('new');
  const [items, setItems] = useState<InboxItem[] | null>(null);
  const [folder, setFolder] = useState<FolderState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string; letterId?: number } | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [attaching, setAttaching] = useState<InboxItem | null>(null);

  const seq = useRef(0);
  const load = useCallback(() => {
    const no = ++seq.current;
    call('scan.inbox.list', { status, limit: 200 }, { hostAwayMs: 5_000 })
      .then((list) => {
        if (no !== seq.current) return;
        setItems(list);
        setError(null);
        if (status === 'new') inboxCountSeen(list.length);
      })
      .catch((e: unknown) => no === seq.current && setError(asApiError(e).message));
    call('scan.folder.get', {}, { hostAwayMs: 5_000 })
      .then(setFolder)
      .catch(() => undefined);
  }, [status]);

  // New files come from the folder, not from another desk's call: look every few seconds.
  usePolling(load, 3_000);
  const firstLoad = useRef(true);
  useEffect(() => {
    if (firstLoad.current) {
      firstLoad.current = false;
      return;
    }
    setItems(null);
    load();
  }, [load]);

  const changed = () => {
    load();
    inboxChanged();
  };

  async function registerNew(item: InboxItem) {
    setBusyId(item.id);
    setNotice(null);
    try {
      const { attachment } = await call('scan.inbox.attach', { id: item.id, letterId: null });
      handToRegister({ attachment: { ...attachment, mime: item.mime, size: item.size }, note: 'Dari kotak masuk pindaian' });
      navigate('/catat');
    } catch (e) {
      setNotice({ kind: 'error', text: asApiError(e).message });
    } finally {
      setBusyId(null);
    }
  }

  async function dismiss(item: InboxItem) {
    setBusyId(item.id);
    setNotice(null);
    try {
      await call('scan.inbox.dismiss', { id: item.id });
      setNotice({ kind: 'success', text: `${item.name} diabaikan. Berkasnya tetap tersimpan; lihat di “Diabaikan”.` });
      changed();
    } catch (e) {
      setNotice({ kind: 'error', text: asApiError(e).message });
    } finally {
      setBusyId(null);
    }
  }

  const folderNote = () => {
    if (!folder) return null;
    if (folder.settings.folder === null) {
      return (
        <Alert kind="info">
          Folder pindaian belum diatur, jadi belum ada berkas yang masuk ke sini.{' '}
          {user.role === 'admin' ? <a href={href('/pengaturan/pindaian')}>Atur di Pengaturan → Folder pindaian.</a> : 'Minta administrator mengaturnya di Pengaturan → Folder pindaian.'}
        </Alert>
      );
    }
    if (!folder.watching || folder.message) {
      return <Alert kind="warning">{folder.message ?? `Folder ${folder.settings.folder} tidak dipantau.`}</Alert>;
    }
    return (
      <p className="muted small inbox-folder">
        Memantau folder <code>{folder.settings.folder}</code>
        {folder.settings.polling ? `, diperiksa setiap ${(folder.settings.pollIntervalMs / 1000).toLocaleString('id-ID')} detik` : ''}.
      </p>
    );
  };

  return (
    <section aria-labelledby="inbox-title">
      <div className="page-head">
        <div>
          <h1 id="inbox-title">Kotak masuk pindaian</h1>
          <p className="muted">Berkas dari folder pindaian (mis. “scan to folder” mesin fotokopi), terbaru di atas.</p>
        </div>
      </div>
      {folderNote()}
      <div className="chips" role="tablist" aria-label="Keadaan berkas">
        {INBOX_STATUSES.map((s) => (
          <button key={s} type="button" role="tab" aria-selected={status === s} className={cls('chip', status === s && 'is-active')} onClick={() => setStatus(s)}>
            {INBOX_STATUS_LABELS[s]}
            {status === s && items !== null && <span className="chip-count">{items.length}</span>}
          </button>
        ))}
      </div>
      {notice && (
        <Alert kind={notice.kind}>
          {notice.text}
          {notice.letterId !== undefined && (
            <>
              {' '}
              <a href={href(`/surat/${notice.letterId}`)}>Buka surat</a>
            </>
          )}
        </Alert>
      )}
      {error && <Alert kind="error">{error}</Alert>}
      {items === null && !error && <p role="status">Memuat…</p>}
      {items !== null && items.length === 0 && (
        <div className="empty-state">
          <p className="empty-title">{status === 'new' ? 'Tidak ada pindaian baru.' : status === 'attached' ? 'Belum ada berkas yang dilampirkan.' : 'Tidak ada berkas yang diabaikan.'}</p>
          {status === 'new' && <p className="muted">Berkas yang disimpan ke folder pindaian muncul di sini dalam beberapa detik.</p>}
        </div>
      )}
      {items !== null && items.length > 0 && (
        <ul className="inbox-list" aria-label="Berkas pindaian">
          {items.map((item) => (
            <li key={item.id} className="inbox-item">
              <Thumb item={item} />
              <div className="inbox-body">
                <p className="inbox-name">{item.name}</p>
                <p className="muted small">
                  {formatSize(item.size)} · tiba {formatInstantDateTimeId(item.arrivedAt, tz)}
                </p>
                {item.status === 'attached' && item.letterId !== null && (
                  <p className="small">
                    Dilampirkan pada surat <a href={href(`/surat/${item.letterId}`)}>{item.agendaNumber ?? `#${item.letterId}`}</a>
                  </p>
                )}
              </div>
              {item.status !== 'attached' && (
                <div className="inbox-actions">
                  <button type="button" className="btn btn--primary btn--small" disabled={busyId !== null} onClick={() => void registerNew(item)} aria-label={`Catat ${item.name} sebagai surat baru`}>
                    Catat sebagai surat baru
                  </button>
                  <button type="button" className="btn btn--secondary btn--small" disabled={busyId !== null} onClick={() => setAttaching(item)} aria-label={`Lampirkan ${item.name} ke surat…`}>
                    Lampirkan ke surat…
                  </button>
                  {item.status === 'new' && (
                    <button type="button" className="btn btn--ghost btn--small" disabled={busyId !== null} onClick={() => void dismiss(item)} aria-label={`Abaikan ${item.name}`}>
                      Abaikan
                    </button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {attaching && (
        <AttachDialog
          item={attaching}
          onClose={() => setAttaching(null)}
          onAttached={(letterId, agendaNumber) => {
            setAttaching(null);
            setNotice({ kind: 'success', text: `${attaching.name} dilampirkan pada surat ${agendaNumber}.`, letterId });
            changed();
          }}
        />
      )}
    </section>
  );
}

/** "Lampirkan ke surat…": find the letter in the agenda book and attach the file to it. */
function AttachDialog({ item, onClose, onAttached }: { item: InboxItem; onClose: () => void; onAttached: (letterId: number, agendaNumber: string) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [q, setQ] = useState('');
  const query = useDebounced(q, 250);
  const [results, setResults] = useState<LetterSummary[] | null>(null);
  const [chosen, setChosen] = useState<LetterSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    let live = true;
    call('letters.search', { q: query, limit: 8 })
      .then((r) => {
        if (!live) return;
        setResults(r.items);
        setChosen((c) => (c && r.items.some((x) => x.id === c.id) ? c : null));
      })
      .catch((e: unknown) => live && setError(asApiError(e).message));
    return () => {
      live = false;
    };
  }, [query]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen || busy) return;
    setBusy(true);
    setError(null);
    try {
      await call('scan.inbox.attach', { id: item.id, letterId: chosen.id });
      onAttached(chosen.id, chosen.agendaNumber);
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={ref} className="dialog dialog--attach" aria-labelledby="attach-title" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id="attach-title">Lampirkan ke surat</h2>
        <p className="muted small">
          Berkas <strong>{item.name}</strong> ditambahkan pada pindaian surat yang dipilih.
        </p>
        <div className="field">
          <label htmlFor="attach-q">Cari surat</label>
          <input id="attach-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Nomor agenda, nomor surat, pengirim, perihal…" autoFocus />
        </div>
        {results === null && !error && <p role="status">Mencari…</p>}
        {results !== null && results.length === 0 && <p className="muted">Tidak ada surat yang cocok.</p>}
        {results !== null && results.length > 0 && (
          <fieldset className="attach-results">
            <legend className="sr-only">Pilih surat</legend>
            {results.map((l) => (
              <label key={l.id} className={cls('attach-result', chosen?.id === l.id && 'is-chosen')}>
                <input type="radio" name="attach-letter" checked={chosen?.id === l.id} onChange={() => setChosen(l)} />
                <span>
                  <strong>{l.agendaNumber}</strong> — {l.subject}
                  <span className="cell-sub">
                    {l.senderName} · {l.letterNumber} · {formatDateId(l.letterDate)}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        {error && <Alert kind="error">{error}</Alert>}
        <div className="actions">
          <span className="spacer" />
          <button type="button" className="btn btn--ghost" onClick={onClose}>
            Batal
          </button>
          <button type="submit" className="btn btn--primary" disabled={!chosen || busy}>
            {busy ? 'Melampirkan…' : 'Lampirkan'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
