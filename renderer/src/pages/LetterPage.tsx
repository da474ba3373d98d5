/**
 * Halaman surat: everything about one letter: its request running through the SOP (RequestPanel),
 * its scans, and the documents made from it (lembar disposisi, tanda terima, and the surat
 * pemberitahuan of a returned request): preview, save as PDF, print.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { NATURE_LABELS, type DocumentKind, type Letter } from '../../../shared/api/schemas';
import type { RequestViewDto } from '../../../shared/api/engine-schemas';
import { formatDateId, formatInstantDateTimeId } from '../../../shared/domain/dates';
import { asApiError, call } from '../api';
import { NatureBadge, StatusBadge, serviceLabel } from '../components/badges';
import { Alert, cls } from '../components/fields';
import { DOCUMENT_LABELS } from '../components/PrintDialog';
import { PdfPanel, type PdfPanelHandle } from '../components/PdfPanel';
import { Slashed } from '../components/text';
import { base64ToBlob, formatSize } from '../lib/files';
import { formatDeadline } from '../lib/format';
import { href } from '../lib/router';
import { useDeskPulse } from '../pulse';
import { useSession } from '../session';
import { useLiveChange } from '../live';
import { RequestPanel } from './RequestPanel';
import { LetterScanAdd } from '../components/LetterScanAdd';
import { HostingDocsPanel } from '../hosting/HostingDocsPanel';

interface Props {
  id: number;
  justRegistered: Letter | null;
}

export function LetterPage({ id, justRegistered }: Props) {
  const { office } = useSession();
  const tz = office.timeZone;
  const [letter, setLetter] = useState<Letter | null>(justRegistered);
  const [error, setError] = useState<string | null>(null);
  // undefined while loading; null when the letter runs no SOP.
  const [request, setRequest] = useState<RequestViewDto | null | undefined>(undefined);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [showDoc, setShowDoc] = useState<{ kind: DocumentKind; seq: number } | null>(null);
  const { refresh: refreshPulse } = useDeskPulse();

  const loadLetter = useCallback(async () => {
    try {
      setLetter(await call('letters.get', { id }));
    } catch (e) {
      setError(asApiError(e).message);
    }
  }, [id]);

  const loadRequest = useCallback(async () => {
    try {
      setRequest(await call('requests.forLetter', { letterId: id }));
      setRequestError(null);
    } catch (e) {
      setRequestError(asApiError(e).message);
    }
  }, [id]);

  useEffect(() => {
    void loadLetter();
    // Opening the letter marks my dispositions of it read: the counts change.
    void loadRequest().then(refreshPulse);
  }, [loadLetter, loadRequest, refreshPulse]);
  // This letter changed at another desk (issue 8): read it and its request again.
  useLiveChange(
    () => {
      void loadLetter();
      void loadRequest();
    },
    (e) => e.letterId === id,
  );

  const onView = useCallback(
    (view: RequestViewDto) => {
      setRequest(view);
      void loadLetter();
      refreshPulse();
    },
    [loadLetter, refreshPulse],
  );

  if (error && !letter) {
    return (
      <section>
        <Alert kind="error">{error}</Alert>
        <a href={href('/agenda')}>← Kembali ke buku agenda</a>
      </section>
    );
  }
  if (!letter) return <p role="status">Memuat surat…</p>;

  return (
    <section aria-labelledby="letter-title">
      <p className="breadcrumb">
        <a href={href('/agenda')}>← Buku Agenda</a>
      </p>
      <div className="page-head">
        <div>
          <p className="eyebrow">Nomor agenda</p>
          <h1 id="letter-title" className="agenda-number">
            {letter.agendaNumber}
          </h1>
          <p className="letter-subject">{letter.subject}</p>
        </div>
        <div className="head-badges">
          <NatureBadge nature={letter.nature} />
          <StatusBadge status={letter.status} />
        </div>
      </div>
      {requestError && <Alert kind="error">Permohonan surat ini tidak dapat dimuat: {requestError}</Alert>}
      {request && (
        <RequestPanel
          owner={{ kind: 'letter', id: letter.id }}
          view={request}
          onView={onView}
          onReload={loadRequest}
          onShowDocument={(kind) => setShowDoc((s) => ({ kind, seq: (s?.seq ?? 0) + 1 }))}
        />
      )}
      {request && request.letterId !== null && <HostingDocsPanel letter={letter} request={request} />}
      {request === null && (
        <p className="muted request-none">Surat ini tidak berjalan menurut SOP: layanannya belum diberi SOP di Pengaturan → SOP.</p>
      )}
      <DocumentsAndDetails letter={letter} tz={tz} justRegistered={justRegistered !== null} request={request ?? null} showDoc={showDoc} />
    </section>
  );
}

interface DocsProps {
  letter: Letter;
  tz: string;
  justRegistered: boolean;
  request: RequestViewDto | null;
  showDoc: { kind: DocumentKind; seq: number } | null;
}

function DocumentsAndDetails({ letter, tz, justRegistered, request, showDoc }: DocsProps) {
  const [kind, setKind] = useState<DocumentKind>('disposition_sheet');
  const [banner, setBanner] = useState(justRegistered);
  const docs = useRef<PdfPanelHandle>(null);
  const [previewAsked, setPreviewAsked] = useState(0);
  const [estimate, setEstimate] = useState<string | null>(null);
  const returned = request?.state === 'dikembalikan';
  const kinds: DocumentKind[] = returned ? ['disposition_sheet', 'receipt', 'return_notice'] : ['disposition_sheet', 'receipt'];

  // The request moved on (a disposition, a decision): the documents drawn before are stale.
  const revision = request?.revision ?? 0;
  useEffect(() => {
    if (!returned && kind === 'return_notice') setKind('disposition_sheet');
  }, [returned, kind]);

  // The registration banner shows the SOP's estimate of completion (as on the receipt).
  const templateKey = request?.template.key ?? null;
  useEffect(() => {
    if (!banner || !templateKey) return;
    let live = true;
    call('sop.schedule', { templateKey, receivedAt: letter.receivedAt })
      .then((s) => live && setEstimate(s.estimatedCompletion))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [banner, templateKey, letter.receivedAt]);

  // A document asked from the banner or the request panel: chosen, then previewed once the panel has it.
  function fromBanner(k: DocumentKind) {
    setKind(k);
    setPreviewAsked((n) => n + 1);
  }
  useEffect(() => {
    if (previewAsked > 0) docs.current?.preview();
  }, [previewAsked]);

  // Asked from the request panel (the surat pemberitahuan after a return).
  const shownSeq = useRef(0);
  useEffect(() => {
    if (!showDoc || showDoc.seq === shownSeq.current) return;
    shownSeq.current = showDoc.seq;
    fromBanner(showDoc.kind);
  });


  return (
    <>
      {banner && (
        <div className="alert alert--success banner" role="status">
          <div>
            <strong>Surat tercatat dengan nomor agenda {letter.agendaNumber}.</strong>
            <span className="muted"> Cetak lembar disposisinya untuk diteruskan kepada Kepala Dinas.</span>
            {estimate && <span className="banner-estimate">Estimasi selesai menurut SOP: {formatDeadline(estimate, tz)}.</span>}
          </div>
          <div className="banner-actions">
            <button type="button" className="btn btn--primary btn--small" onClick={() => fromBanner('disposition_sheet')} autoFocus>
              Lembar disposisi
            </button>
            <button type="button" className="btn btn--secondary btn--small" onClick={() => fromBanner('receipt')}>
              Tanda terima
            </button>
            <a className="btn btn--ghost btn--small" href={href('/catat')}>
              Catat surat berikutnya
            </a>
            <button type="button" className="btn btn--icon" aria-label="Tutup pemberitahuan" onClick={() => setBanner(false)}>
              ×
            </button>
          </div>
        </div>
      )}
      <div className="letter-layout">
        <div className="letter-main">
          <section className="card" aria-labelledby="letter-data-title">
            <h2 id="letter-data-title">Data surat</h2>
            <dl className="details">
              <dt>Pengirim</dt>
              <dd>{letter.senderName}</dd>
              <dt>Nomor surat</dt>
              <dd className="break">
                <Slashed text={letter.letterNumber} />
              </dd>
              <dt>Tanggal surat</dt>
              <dd>{formatDateId(letter.letterDate)}</dd>
              <dt>Diterima</dt>
              <dd>{formatInstantDateTimeId(letter.receivedAt, tz)}</dd>
              <dt>Perihal</dt>
              <dd>{letter.subject}</dd>
              <dt>Isi ringkas</dt>
              <dd className="pre">{letter.summary || <span className="muted">–</span>}</dd>
              <dt>Sifat</dt>
              <dd>{NATURE_LABELS[letter.nature]}</dd>
              <dt>Kode klasifikasi</dt>
              <dd>{letter.classificationCode}</dd>
              <dt>Layanan</dt>
              <dd>{serviceLabel(letter.service)}</dd>
              <dt>Dicatat oleh</dt>
              <dd>
                {letter.createdBy}, {formatInstantDateTimeId(letter.createdAt, tz)}
              </dd>
            </dl>
          </section>
          <Scans letter={letter} />
        </div>

        <PdfPanel
          ref={docs}
          id="doc"
          className="letter-docs"
          title="Dokumen"
          label={DOCUMENT_LABELS[kind]}
          version={`${kind}|${revision}`}
          render={(paper) => call('documents.render', { kind, letterId: letter.id, paper })}
          print={(to) => call('print.document', { kind, letterId: letter.id, ...to })}
        >
          <fieldset className="field">
            <legend>Jenis dokumen</legend>
            <div className="segmented">
              {kinds.map((k) => (
                <label key={k} className={cls('segment', kind === k && 'is-selected')}>
                  <input type="radio" name="doc-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                  {DOCUMENT_LABELS[k]}
                </label>
              ))}
            </div>
          </fieldset>
        </PdfPanel>
      </div>
    </>
  );
}

function Scans({ letter }: { letter: Letter }) {
  const [selected, setSelected] = useState(0);
  const [view, setView] = useState<{ sha: string; url: string; mime: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const current = letter.attachments[selected];

  useEffect(() => {
    if (!current) return;
    let live = true;
    let url: string | null = null;
    setLoading(true);
    setError(null);
    call('attachments.get', { sha256: current.sha256 })
      .then((file) => {
        if (!live) return;
        url = URL.createObjectURL(base64ToBlob(file.dataBase64, file.mime));
        setView({ sha: current.sha256, url, mime: file.mime });
      })
      .catch((e: unknown) => live && setError(asApiError(e).message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [current]);

  return (
    <section className="card" aria-labelledby="scans-title">
      <h2 id="scans-title">Pindaian ({letter.attachments.length})</h2>
      <LetterScanAdd letterId={letter.id} />
      {letter.attachments.length === 0 ? (
        <p className="muted">Surat ini dicatat tanpa pindaian.</p>
      ) : (
        <>
          <div role="tablist" aria-label="Berkas pindaian" className="tabs">
            {letter.attachments.map((a, i) => (
              <button
                key={`${a.sha256}-${i}`}
                type="button"
                role="tab"
                id={`scan-tab-${i}`}
                aria-selected={i === selected}
                aria-controls="scan-panel"
                tabIndex={i === selected ? 0 : -1}
                className={cls('tab', i === selected && 'is-selected')}
                onClick={() => setSelected(i)}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                    e.preventDefault();
                    const next = (i + (e.key === 'ArrowRight' ? 1 : -1) + letter.attachments.length) % letter.attachments.length;
                    setSelected(next);
                    document.getElementById(`scan-tab-${next}`)?.focus();
                  }
                }}
              >
                {a.name} <span className="muted small">({formatSize(a.size)})</span>
              </button>
            ))}
          </div>
          <div id="scan-panel" role="tabpanel" aria-labelledby={`scan-tab-${selected}`} className="scan-view">
            {error && <Alert kind="error">{error}</Alert>}
            {loading && <p role="status">Memuat pindaian…</p>}
            {view && current && view.sha === current.sha256 && !loading && (
              view.mime === 'application/pdf' ? (
                <iframe src={view.url} title={`Pindaian ${current.name}`} />
              ) : (
                <img src={view.url} alt={`Pindaian ${current.name}`} />
              )
            )}
          </div>
        </>
      )}
    </section>
  );
}
