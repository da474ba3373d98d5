/**
 * "Hosting dan dokumen" on the letter page, under the request panel: the hosted systems linked to
 * the request (hosting.forRequest) with "Isi data hosting" when the current step records it for
 * this user, the security evaluation at the security step, and the request's numbered documents
 * (documents.forRequest): versions with their approval, preview, save as PDF, print, change (a new
 * version), "Sahkan" for the Kadis, and "Buat dokumen" for the types this user may make.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { DOCUMENT_TYPE_LABELS, type DocumentPaper, type DocumentType, type DocumentView, type DocumentsForRequest } from '../../../shared/api/document-schemas';
import type { RequestViewDto } from '../../../shared/api/engine-schemas';
import type { HostedSystem, HostingForRequest } from '../../../shared/api/hosting-schemas';
import type { Letter } from '../../../shared/api/schemas';
import { asApiError, call } from '../api';
import { Alert, SelectField, cls } from '../components/fields';
import { base64ToBlob, downloadBlob } from '../lib/files';
import { formatMoment } from '../lib/format';
import { href } from '../lib/router';
import { useAction } from '../lib/useAction';
import { useLiveChange } from '../live';
import { useSession } from '../session';
import { Fqdn, HostingStatusBadge, SecurityBadge } from './bits';
import { DocumentForm } from './DocumentForm';
import { PrintDialog } from '../components/PrintDialog';
import { GeneratedPassword, HostingForm } from './HostingForm';
import { SecurityEvaluationForm, SecurityEvaluationView } from './SecurityEvaluationForm';

interface Props {
  letter: Letter;
  request: RequestViewDto;
}

interface Preview {
  documentId: number;
  version: number;
  label: string;
  fileName: string;
  url: string;
  pages: number;
}

type Editing = { kind: 'create'; type: DocumentType } | { kind: 'update'; doc: DocumentView } | null;

export function HostingDocsPanel({ letter, request }: Props) {
  const { office, prefs } = useSession();
  const tz = office.timeZone;
  const [hosting, setHosting] = useState<HostingForRequest | null>(null);
  const [docs, setDocs] = useState<DocumentsForRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [hostingForm, setHostingForm] = useState<{ system: HostedSystem | null } | null>(null);
  const [password, setPassword] = useState<{ value: string; fqdn: string } | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [securityOpen, setSecurityOpen] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [newType, setNewType] = useState<DocumentType | ''>('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [printing, setPrinting] = useState<{ documentId: number; version: number; label: string; paper: DocumentPaper } | null>(null);
  const [confirmApprove, setConfirmApprove] = useState<{ id: number; version: number } | null>(null);
  const docAction = useAction();
  const urlRef = useRef<string | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const securityRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (securityOpen) requestAnimationFrame(() => securityRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  }, [securityOpen]);
  // The hosting form opens under the panel's columns: bring it into view.
  useEffect(() => {
    if (hostingForm) requestAnimationFrame(() => formRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  }, [hostingForm]);
  const previewRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      const [h, d] = await Promise.all([call('hosting.forRequest', { requestId: request.id }), call('documents.forRequest', { requestId: request.id })]);
      setHosting(h);
      setDocs(d);
      setError(null);
    } catch (e) {
      setError(asApiError(e).message);
    }
  }, [request.id]);

  useEffect(() => {
    void load();
  }, [load, request.revision]);
  useLiveChange(() => void load(), (e) => e.letterId === letter.id);

  useEffect(
    () => () => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    },
    [],
  );

  const step = hosting?.step ?? null;
  const systems = hosting?.systems ?? [];

  async function editSystem(id: number) {
    try {
      setHostingForm({ system: await call('hosting.get', { id }) });
    } catch (e) {
      setNotice({ kind: 'error', text: asApiError(e).message });
    }
  }

  async function fetchPdf(doc: DocumentView, version: number) {
    const pdf = await call('documents.renderVersion', { documentId: doc.id, version });
    return { pdf, blob: base64ToBlob(pdf.dataBase64, 'application/pdf') };
  }

  async function showPreview(doc: DocumentView, version: number) {
    const result = await docAction.run(() => fetchPdf(doc, version));
    if (!result.ok) return;
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    const url = URL.createObjectURL(result.value.blob);
    urlRef.current = url;
    setPreview({ documentId: doc.id, version, label: `${doc.typeLabel} ${doc.number} versi ${version}`, fileName: result.value.pdf.fileName, url, pages: result.value.pdf.pages });
    requestAnimationFrame(() => previewRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
  }

  async function savePdf(doc: DocumentView, version: number) {
    const result = await docAction.run(() => fetchPdf(doc, version));
    if (result.ok) downloadBlob(result.value.blob, result.value.pdf.fileName);
  }

  async function approve(doc: DocumentView, version: number) {
    const result = await docAction.run(() => call('documents.approve', { documentId: doc.id, version }));
    setConfirmApprove(null);
    if (result.ok) {
      setNotice({ kind: 'success', text: `${result.value.typeLabel} ${result.value.number} versi ${version} disahkan.` });
      await load();
    } else if (result.error.code === 'CONFLICT') await load();
  }

  const existingTypes = new Set((docs?.documents ?? []).map((d) => d.type));
  const creatable = (docs?.canCreate ?? []).filter((t) => !existingTypes.has(t));

  return (
    <section className="card hosting-docs" ref={panelRef} aria-labelledby="hosting-docs-title">
      <h2 id="hosting-docs-title">Hosting dan dokumen</h2>
      {error && <Alert kind="error">{error}</Alert>}
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      {password && <GeneratedPassword password={password.value} fqdn={password.fqdn} onClose={() => setPassword(null)} />}

      <div className="hosting-docs-grid">
        <section aria-labelledby="req-systems-title" className="req-systems">
          <h3 id="req-systems-title">Sistem yang dihosting</h3>
          {hosting === null && !error && <p role="status">Memuat…</p>}
          {hosting && systems.length === 0 && (
            <p className="muted">
              {step?.canRecordHosting
                ? `Langkah ${step.number} mencatat data hosting: isi subdomain, alamat IP, dan web panel.`
                : 'Belum ada data hosting untuk permohonan ini.'}
            </p>
          )}
          {systems.length > 0 && (
            <ul className="plain-list system-list">
              {systems.map((s) => (
                <li key={s.id}>
                  <a href={href(`/hosting/${s.id}`)} className="system-link">
                    <Fqdn name={s.fqdn} />
                  </a>{' '}
                  <HostingStatusBadge status={s.status} />
                  <span className="cell-sub">
                    {s.applicationName} · <span className="mono">{s.addresses.join(', ')}</span>
                    {s.serverName ? ` · ${s.serverName}` : ''}
                  </span>
                  {step?.canRecordHosting && hostingForm === null && (
                    <button type="button" className="btn btn--ghost btn--small" onClick={() => void editSystem(s.id)}>
                      Ubah data hosting
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {step?.canRecordHosting && hostingForm === null && (
            <button type="button" className="btn btn--primary" onClick={() => setHostingForm({ system: null })}>
              {systems.length === 0 ? 'Isi data hosting' : '+ Sistem lain'}
            </button>
          )}
          {hosting && hosting.evaluations.length > 0 && (
            <div className="req-evaluations">
              <h4>Evaluasi keamanan</h4>
              {hosting.evaluations.map((e) => (
                <SecurityEvaluationView key={e.id} evaluation={e} tz={tz} format={formatMoment} />
              ))}
            </div>
          )}
          {systems.length > 0 && hosting && hosting.evaluations.length === 0 && step?.records.includes('security_evaluation') !== true && (
            <p className="small muted">
              Evaluasi keamanan: <SecurityBadge passed={systems[0]?.securityPassed ?? null} />
            </p>
          )}
          {step?.canRecordSecurity && !securityOpen && (
            <button type="button" className="btn btn--primary" onClick={() => setSecurityOpen(true)}>
              Isi evaluasi keamanan
            </button>
          )}
        </section>

        <section aria-labelledby="req-docs-title" className="req-docs">
          <h3 id="req-docs-title">Dokumen</h3>
          {docs === null && !error && <p role="status">Memuat…</p>}
          {docs && docs.documents.length === 0 && <p className="muted">Belum ada dokumen bernomor untuk permohonan ini.</p>}
          {docAction.error && <Alert kind="error">{docAction.error}</Alert>}
          {docs?.documents.map((doc) => (
            <article key={doc.id} className="doc-item" aria-label={`${doc.typeLabel} ${doc.number}`}>
              <header className="doc-item-head">
                <div>
                  <p className="eyebrow">{doc.typeLabel}</p>
                  <p className="doc-number">Nomor {doc.number}</p>
                  <p className="small muted">{doc.title}</p>
                </div>
                <div className="doc-item-actions">
                  {docs.canCreate.includes(doc.type) && editing === null && (
                    <button type="button" className="btn btn--secondary btn--small" onClick={() => setEditing({ kind: 'update', doc })}>
                      Ubah
                    </button>
                  )}
                  {docs.canApprove && doc.awaitingApproval && (
                    <button type="button" className="btn btn--primary btn--small" onClick={() => setConfirmApprove({ id: doc.id, version: doc.latestVersion })}>
                      Sahkan
                    </button>
                  )}
                </div>
              </header>
              {confirmApprove?.id === doc.id && (
                <div className="confirm-box" role="group" aria-label={`Konfirmasi pengesahan ${doc.number}`}>
                  <p>
                    Sahkan <strong>{doc.typeLabel}</strong> Nomor {doc.number} versi {confirmApprove.version}? Versi yang disahkan dikunci; perubahan berikutnya menjadi versi baru.
                  </p>
                  <div className="actions actions--start">
                    <button type="button" className="btn btn--primary" disabled={docAction.busy} onClick={() => void approve(doc, confirmApprove.version)}>
                      {docAction.busy ? 'Mengesahkan…' : `Ya, sahkan versi ${confirmApprove.version}`}
                    </button>
                    <button type="button" className="btn btn--ghost" onClick={() => setConfirmApprove(null)}>
                      Batal
                    </button>
                  </div>
                </div>
              )}
              <table className="table table--compact doc-versions">
                <caption className="sr-only">Versi {doc.number}</caption>
                <thead>
                  <tr>
                    <th scope="col">Versi</th>
                    <th scope="col">Dibuat</th>
                    <th scope="col">Pengesahan</th>
                    <th scope="col">
                      <span className="sr-only">Tindakan</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {doc.versions.map((v) => {
                    const label = `${doc.typeLabel.toLowerCase()} ${doc.number} versi ${v.version}`;
                    return (
                      <tr key={v.version} className={cls(v.approvedAt && 'is-approved')} aria-label={`Versi ${v.version}`}>
                        <td className="nowrap">
                          <strong>{v.version}</strong> <span className="muted small">{v.paper}</span>
                        </td>
                        <td>
                          {v.createdBy}
                          <span className="cell-sub">{formatMoment(v.createdAt, tz)}</span>
                        </td>
                        <td>
                          {v.approvedAt ? (
                            <>
                              <span className="badge badge--ok">Disahkan</span>
                              <span className="cell-sub">
                                {v.approvedBy}, {formatMoment(v.approvedAt, tz)}
                              </span>
                            </>
                          ) : (
                            <span className="badge badge--draft">Konsep</span>
                          )}
                        </td>
                        <td className="doc-version-actions">
                          <button type="button" className="btn btn--ghost btn--small" disabled={docAction.busy} onClick={() => void showPreview(doc, v.version)} aria-label={`Pratinjau ${label}`}>
                            Pratinjau
                          </button>
                          <button type="button" className="btn btn--ghost btn--small" disabled={docAction.busy} onClick={() => void savePdf(doc, v.version)} aria-label={`Simpan PDF ${label}`}>
                            Simpan PDF
                          </button>
                          <button
                            type="button"
                            className="btn btn--ghost btn--small"
                            onClick={() => setPrinting({ documentId: doc.id, version: v.version, label, paper: v.paper })}
                            aria-label={`Cetak ${label}`}
                          >
                            Cetak…
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {editing?.kind === 'update' && editing.doc.id === doc.id && (
                <div className="inline-panel">
                  <DocumentForm
                    type={doc.type}
                    requestId={request.id}
                    document={doc}
                    systems={systems}
                    defaultPaper={prefs.paper === 'F4' ? 'F4' : 'A4'}
                    onCancel={() => setEditing(null)}
                    onSaved={(saved) => {
                      setEditing(null);
                      setNotice({ kind: 'success', text: `${saved.typeLabel} ${saved.number} versi ${saved.latestVersion} tersimpan; menunggu pengesahan Kepala Dinas.` });
                      void load();
                    }}
                  />
                </div>
              )}
            </article>
          ))}

          {docs && creatable.length > 0 && editing === null && (
            <div className="doc-create">
              <SelectField
                id="doc-new-type"
                label="Jenis dokumen baru"
                value={newType}
                onValueChange={(v) => setNewType(creatable.find((t) => t === v) ?? '')}
                options={creatable.map((t) => ({ value: t, label: DOCUMENT_TYPE_LABELS[t] }))}
                placeholder="— pilih jenis —"
              />
              <button
                type="button"
                className="btn btn--primary"
                disabled={newType === ''}
                onClick={() => {
                  if (newType !== '') {
                    setNotice(null);
                    setEditing({ kind: 'create', type: newType });
                  }
                }}
              >
                Buat dokumen
              </button>
            </div>
          )}
          {editing?.kind === 'create' && (
            <div className="inline-panel">
              <DocumentForm
                type={editing.type}
                requestId={request.id}
                document={null}
                systems={systems}
                defaultPaper={prefs.paper === 'F4' ? 'F4' : 'A4'}
                onCancel={() => setEditing(null)}
                onSaved={(saved) => {
                  setEditing(null);
                  setNewType('');
                  setNotice({ kind: 'success', text: `${saved.typeLabel} dibuat dengan nomor ${saved.number}.` });
                  void load();
                }}
              />
            </div>
          )}
        </section>
      </div>

      {step?.canRecordSecurity && securityOpen && (
        <div className="inline-panel" ref={securityRef}>
          <h4>Evaluasi keamanan — langkah {step.number}</h4>
          <SecurityEvaluationForm
            hostedSystemId={systems.length === 1 && systems[0] ? systems[0].id : null}
            requestId={request.id}
            onCancel={() => setSecurityOpen(false)}
            onSaved={() => {
              setSecurityOpen(false);
              setNotice({ kind: 'success', text: 'Evaluasi keamanan tersimpan.' });
              requestAnimationFrame(() => panelRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
              void load();
            }}
          />
        </div>
      )}

      {hostingForm !== null && (
        <div ref={formRef} className="hosting-form-wrap">
          <HostingForm
            system={hostingForm.system}
            key={hostingForm.system?.id ?? 'baru'}
            title={hostingForm.system === null ? `Data hosting — langkah ${step?.number ?? ''}` : `Ubah data hosting ${hostingForm.system.fqdn}`}
            requestId={request.id}
            letterId={letter.id}
            defaultOpdId={letter.opdId}
            onCancel={() => setHostingForm(null)}
            onSaved={(saved) => {
              setHostingForm(null);
              requestAnimationFrame(() => panelRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
              if (saved.generatedPassword) setPassword({ value: saved.generatedPassword, fqdn: saved.system.fqdn });
              setNotice(
                saved.passwordError
                  ? { kind: 'error', text: `Data hosting ${saved.system.fqdn} tersimpan, tetapi kata sandi web panel belum: ${saved.passwordError}` }
                  : { kind: 'success', text: `Data hosting ${saved.system.fqdn} tersimpan.` },
              );
              void load();
            }}
          />
        </div>
      )}

      {preview && (
        <div className="pdf-preview" ref={previewRef}>
          <div className="preview-head">
            <p className="muted small">
              {preview.label} · {preview.fileName} · {preview.pages} halaman
            </p>
            <button type="button" className="btn btn--ghost btn--small" onClick={() => setPreview(null)}>
              Tutup pratinjau
            </button>
          </div>
          <iframe src={`${preview.url}#view=FitH&navpanes=0`} title={`Pratinjau ${preview.label}`} />
        </div>
      )}
      {printing && (
        <PrintDialog
          label={printing.label}
          paper={printing.paper}
          papers={[printing.paper]}
          send={(to) => call('documents.printVersion', { documentId: printing.documentId, version: printing.version, printer: to.printer, copies: to.copies })}
          onClose={() => setPrinting(null)}
        />
      )}
    </section>
  );
}
