/**
 * A complaint's page (#/pengaduan/12): the complaint, its run through the complaint SOP with what
 * this user may do now (the RequestPanel of letters: respond, decide, forward to the Pejabat
 * Pengaduan, resolve), and the Tanda Terima Pengaduan to preview, save and print.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestViewDto } from '../../../shared/api/engine-schemas';
import { COMPLAINT_CHANNEL_LABELS, COMPLAINT_STATUS_LABELS, type Complaint, type ComplaintStatus } from '../../../shared/api/report-schemas';
import { formatInstantDateTimeId } from '../../../shared/domain/dates';
import { asApiError, call } from '../api';
import { Alert } from '../components/fields';
import { PdfPanel, type PdfPanelHandle } from '../components/PdfPanel';
import { href } from '../lib/router';
import { useLiveChange } from '../live';
import { RequestPanel } from '../pages/RequestPanel';
import { useDeskPulse } from '../pulse';
import { useSession } from '../session';

export function ComplaintStatusBadge({ status }: { status: ComplaintStatus }) {
  return <span className={`badge badge--complaint-${status}`}>{COMPLAINT_STATUS_LABELS[status]}</span>;
}

export function ComplaintDetail({ id, justRegistered }: { id: number; justRegistered: boolean }) {
  const { office } = useSession();
  const tz = office.timeZone;
  const [complaint, setComplaint] = useState<Complaint | null>(null);
  const [error, setError] = useState<string | null>(null);
  // undefined while loading; null when the complaint runs no SOP.
  const [request, setRequest] = useState<RequestViewDto | null | undefined>(undefined);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [banner, setBanner] = useState(justRegistered);
  const receipt = useRef<PdfPanelHandle>(null);
  const { refresh: refreshPulse } = useDeskPulse();

  const loadComplaint = useCallback(async () => {
    try {
      setComplaint(await call('complaints.get', { id }));
      setError(null);
    } catch (e) {
      setError(asApiError(e).message);
    }
  }, [id]);

  const loadRequest = useCallback(async () => {
    try {
      setRequest(await call('requests.forComplaint', { complaintId: id }));
      setRequestError(null);
    } catch (e) {
      setRequestError(asApiError(e).message);
    }
  }, [id]);

  useEffect(() => {
    void loadComplaint();
    // Opening the complaint marks my dispositions of it read: the counts change.
    void loadRequest().then(refreshPulse);
  }, [loadComplaint, loadRequest, refreshPulse]);
  useLiveChange(
    () => {
      void loadComplaint();
      void loadRequest();
    },
    (e) => e.entity === 'request' || e.call.startsWith('complaints.'),
  );

  const onView = useCallback(
    (view: RequestViewDto) => {
      setRequest(view);
      void loadComplaint();
      refreshPulse();
    },
    [loadComplaint, refreshPulse],
  );

  if (error && !complaint) {
    return (
      <section>
        <Alert kind="error">{error}</Alert>
        <a href={href('/pengaduan')}>← Kembali ke daftar pengaduan</a>
      </section>
    );
  }
  if (!complaint) return <p role="status">Memuat pengaduan…</p>;

  return (
    <section aria-labelledby="complaint-title">
      <p className="breadcrumb">
        <a href={href('/pengaduan')}>← Pengaduan</a>
      </p>
      <div className="page-head">
        <div>
          <p className="eyebrow">Nomor pengaduan</p>
          <h1 id="complaint-title" className="agenda-number">
            {complaint.number}
          </h1>
          <p className="letter-subject">{complaint.subject}</p>
        </div>
        <div className="head-badges">
          <ComplaintStatusBadge status={complaint.status} />
        </div>
      </div>
      {banner && (
        <div className="alert alert--success banner" role="status">
          <div>
            <strong>Pengaduan tercatat dengan nomor {complaint.number}.</strong>
            <span className="muted"> Berikan tanda terimanya kepada pengadu; petugas menanggapinya menurut SOP pengaduan.</span>
          </div>
          <div className="banner-actions">
            <button type="button" className="btn btn--primary btn--small" onClick={() => receipt.current?.preview()} autoFocus>
              Tanda terima pengaduan
            </button>
            <a className="btn btn--ghost btn--small" href={href('/pengaduan/baru')}>
              Catat pengaduan berikutnya
            </a>
            <button type="button" className="btn btn--icon" aria-label="Tutup pemberitahuan" onClick={() => setBanner(false)}>
              ×
            </button>
          </div>
        </div>
      )}
      {requestError && <Alert kind="error">Jalannya SOP pengaduan ini tidak dapat dimuat: {requestError}</Alert>}
      {request && <RequestPanel owner={{ kind: 'complaint', id: complaint.id }} view={request} onView={onView} onReload={loadRequest} />}
      {request === null && <p className="muted request-none">Pengaduan ini tidak berjalan menurut SOP.</p>}
      <div className="letter-layout">
        <section className="card" aria-labelledby="complaint-data-title">
          <h2 id="complaint-data-title">Data pengaduan</h2>
          <dl className="details">
            <dt>Saluran</dt>
            <dd>{COMPLAINT_CHANNEL_LABELS[complaint.channel]}</dd>
            <dt>Diterima</dt>
            <dd>{formatInstantDateTimeId(complaint.receivedAt, tz)}</dd>
            <dt>Pengadu</dt>
            <dd>{complaint.complainantName}</dd>
            <dt>Kontak pengadu</dt>
            <dd className="break">{complaint.complainantContact || <span className="muted">–</span>}</dd>
            <dt>OPD terkait</dt>
            <dd>{complaint.opdName ?? <span className="muted">–</span>}</dd>
            <dt>Sistem</dt>
            <dd>
              {complaint.hostedSystem ? (
                <a href={href(`/hosting/${complaint.hostedSystem.id}`)}>
                  {complaint.hostedSystem.fqdn} ({complaint.hostedSystem.applicationName})
                </a>
              ) : (
                <span className="muted">–</span>
              )}
            </dd>
            <dt>Surat terkait</dt>
            <dd>
              {complaint.relatedLetter ? (
                <a href={href(`/surat/${complaint.relatedLetter.id}`)}>
                  {complaint.relatedLetter.agendaNumber}: {complaint.relatedLetter.subject}
                </a>
              ) : (
                <span className="muted">–</span>
              )}
            </dd>
            <dt>Penyelesaian</dt>
            <dd>
              {complaint.resolvedAt
                ? `Selesai ${formatInstantDateTimeId(complaint.resolvedAt, tz)}, ${complaint.escalated ? 'oleh Pejabat Pengaduan' : 'oleh petugas'}`
                : complaint.escalated
                  ? 'Diteruskan kepada Pejabat Pengaduan'
                  : 'Ditangani petugas'}
            </dd>
            <dt>Pokok pengaduan</dt>
            <dd>{complaint.subject}</dd>
            <dt>Uraian</dt>
            <dd className="pre">{complaint.description || <span className="muted">–</span>}</dd>
            <dt>Dicatat oleh</dt>
            <dd>
              {complaint.createdBy}, {formatInstantDateTimeId(complaint.createdAt, tz)}
            </dd>
          </dl>
        </section>
        <PdfPanel
          ref={receipt}
          id="complaint-receipt"
          title="Tanda terima pengaduan"
          label="Tanda terima pengaduan"
          version={`${complaint.status}|${request?.revision ?? 0}`}
          render={(paper) => call('complaints.receipt', { id: complaint.id, paper })}
          print={(to) => call('complaints.printReceipt', { id: complaint.id, ...to })}
        />
      </div>
    </section>
  );
}
