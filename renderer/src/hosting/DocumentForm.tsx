/**
 * The fields of a numbered document, per type (documents.create / documents.update): what the user
 * writes; everything else (the system's subdomain, addresses, web panel, the officials) comes from
 * the register. Changing a document always makes a new version that needs approval again.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { CallInput } from '../../../shared/api/contract';
import {
  DEFAULT_BAST_SUBJECT,
  DEFAULT_COVER_SUBJECT,
  DOCUMENT_TYPE_LABELS,
  type DocumentFields,
  type DocumentPaper,
  type DocumentType,
  type DocumentView,
} from '../../../shared/api/document-schemas';
import type { HostedSystemSummary } from '../../../shared/api/hosting-schemas';
import type { Official } from '../../../shared/api/schemas';
import { call } from '../api';
import { Alert, RequiredNote, SelectField, TextAreaField, TextField, cls } from '../components/fields';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';

interface Party {
  name: string;
  nip: string;
  rank: string;
  position: string;
  agency: string;
}

const emptyParty = (): Party => ({ name: '', nip: '', rank: '', position: '', agency: '' });

/** Everything any type may hold, as strings for the inputs. */
interface Draft {
  paper: DocumentPaper;
  date: string;
  hostedSystemId: string;
  notes: string;
  kabidOfficialId: string;
  acknowledgedBy: 'none' | 'kabid' | 'kadis';
  subjectLine: string;
  place: string;
  firstParty: 'kadis' | 'officer';
  secondParty: Party;
  witnesses: Party[];
  clauses: string;
  copies: string;
  items: Array<{ label: string; value: string }>;
  enclosures: string;
  reason: string;
}

function draftFor(type: DocumentType, doc: DocumentView | null, paper: DocumentPaper): Draft {
  const d: Draft = {
    paper: doc?.versions[0]?.paper ?? paper,
    date: '',
    hostedSystemId: '',
    notes: '',
    kabidOfficialId: '',
    acknowledgedBy: 'none',
    subjectLine: type === 'bast' ? DEFAULT_BAST_SUBJECT : type === 'surat_pengantar' ? DEFAULT_COVER_SUBJECT : '',
    place: '',
    firstParty: 'kadis',
    secondParty: emptyParty(),
    witnesses: [],
    clauses: '',
    copies: '2',
    items: [],
    enclosures: '',
    reason: '',
  };
  const f: DocumentFields | undefined = doc?.fields;
  if (!f) return d;
  d.date = f.date ?? '';
  switch (f.type) {
    case 'laporan_hosting':
      return { ...d, hostedSystemId: f.hostedSystemId === null ? '' : String(f.hostedSystemId), notes: f.notes, kabidOfficialId: f.kabidOfficialId === null ? '' : String(f.kabidOfficialId), acknowledgedBy: f.acknowledgedBy };
    case 'hak_akses_hosting':
      return { ...d, hostedSystemId: f.hostedSystemId === null ? '' : String(f.hostedSystemId), notes: f.notes };
    case 'bast':
      return {
        ...d,
        hostedSystemId: f.hostedSystemId === null ? '' : String(f.hostedSystemId),
        subjectLine: f.subjectLine,
        place: f.place,
        firstParty: f.firstParty,
        secondParty: { ...f.secondParty },
        witnesses: f.witnesses.map((w) => ({ ...w })),
        clauses: f.clauses.join('\n'),
        copies: String(f.copies),
        items: f.items.map((i) => ({ ...i })),
      };
    case 'surat_pengantar':
      return { ...d, hostedSystemId: f.hostedSystemId === null ? '' : String(f.hostedSystemId), subjectLine: f.subjectLine, enclosures: f.enclosures.join('\n') };
    case 'surat_pemberitahuan':
      return { ...d, reason: f.reason };
  }
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Fields = DistributiveOmit<CallInput<'documents.create'>, 'requestId' | 'paper'>;

function fieldsOf(type: DocumentType, d: Draft): Fields {
  const date = d.date === '' ? null : d.date;
  const hostedSystemId = d.hostedSystemId === '' ? null : Number(d.hostedSystemId);
  switch (type) {
    case 'laporan_hosting':
      return { type, date, hostedSystemId, notes: d.notes, kabidOfficialId: d.kabidOfficialId === '' ? null : Number(d.kabidOfficialId), acknowledgedBy: d.acknowledgedBy };
    case 'hak_akses_hosting':
      return { type, date, hostedSystemId, notes: d.notes };
    case 'bast':
      return {
        type,
        date,
        hostedSystemId,
        subjectLine: d.subjectLine,
        place: d.place,
        firstParty: d.firstParty,
        secondParty: d.secondParty,
        witnesses: d.witnesses,
        clauses: lines(d.clauses),
        copies: Number(d.copies),
        items: d.items,
      };
    case 'surat_pengantar':
      return { type, date, hostedSystemId, subjectLine: d.subjectLine, enclosures: lines(d.enclosures) };
    case 'surat_pemberitahuan':
      return { type, date, reason: d.reason };
  }
}

interface Props {
  type: DocumentType;
  requestId: number;
  /** The document to change (a new version); null to create one. */
  document: DocumentView | null;
  systems: HostedSystemSummary[];
  defaultPaper: DocumentPaper;
  onSaved: (doc: DocumentView) => void;
  onCancel: () => void;
}

export function DocumentForm({ type, requestId, document, systems, defaultPaper, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftFor(type, document, defaultPaper));
  const [officials, setOfficials] = useState<Official[]>([]);
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.fields);
  const idp = `doc-${type}`;

  useEffect(() => {
    if (type !== 'laporan_hosting') return;
    call('officials.list', {})
      .then(setOfficials)
      .catch(() => setOfficials([]));
  }, [type]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K], paths: string[] = [String(key)]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    action.dismiss(paths);
  };
  const kabids = useMemo(() => officials.filter((o) => o.position === 'kabid' && o.active), [officials]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (action.busy) return;
    const fields = fieldsOf(type, draft);
    const result = await action.run(() =>
      document ? call('documents.update', { ...fields, documentId: document.id, paper: draft.paper }) : call('documents.create', { ...fields, requestId, paper: draft.paper }),
    );
    if (result.ok) onSaved(result.value);
  }

  const f = action.fields;
  const partyFields = (prefix: string, party: Party, onChange: (p: Party) => void, path: string, agencyHint: string): ReactNode => (
    <div className="form-grid form-grid--3">
      <TextField id={`${prefix}-name`} label="Nama" required value={party.name} onValueChange={(v) => onChange({ ...party, name: v })} error={f[`${path}.name`]} maxLength={120} />
      <TextField id={`${prefix}-nip`} label="NIP" value={party.nip} onValueChange={(v) => onChange({ ...party, nip: v })} error={f[`${path}.nip`]} maxLength={24} inputMode="numeric" hint="18 angka; boleh kosong." />
      <TextField id={`${prefix}-rank`} label="Pangkat/golongan" value={party.rank} onValueChange={(v) => onChange({ ...party, rank: v })} error={f[`${path}.rank`]} maxLength={80} />
      <TextField id={`${prefix}-position`} label="Jabatan" required value={party.position} onValueChange={(v) => onChange({ ...party, position: v })} error={f[`${path}.position`]} maxLength={200} className="span-2" />
      <TextField id={`${prefix}-agency`} label="Instansi" value={party.agency} onValueChange={(v) => onChange({ ...party, agency: v })} error={f[`${path}.agency`]} maxLength={200} hint={agencyHint} />
    </div>
  );

  const title = document ? `Ubah ${DOCUMENT_TYPE_LABELS[type].toLowerCase()} ${document.number}` : `Buat ${DOCUMENT_TYPE_LABELS[type].toLowerCase()}`;
  const knownFields = Object.keys(f).length > 0;

  return (
    <form
      ref={formRef}
      className="doc-form"
      onSubmit={submit}
      noValidate
      aria-label={title}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <h4>{title}</h4>
      {document && document.approvedVersion !== null && (
        <Alert kind="info">Versi {document.approvedVersion} sudah disahkan. Perubahan menjadi versi baru yang perlu disahkan lagi oleh Kepala Dinas.</Alert>
      )}
      <RequiredNote />
      <div className="form-grid form-grid--3">
        <SelectField id={`${idp}-paper`} label="Kertas" value={draft.paper} onValueChange={(v) => set('paper', v === 'F4' ? 'F4' : 'A4')} options={[{ value: 'A4', label: 'A4' }, { value: 'F4', label: 'F4 (folio)' }]} error={f.paper} />
        <TextField id={`${idp}-date`} label="Tanggal dokumen" type="date" value={draft.date} onValueChange={(v) => set('date', v)} error={f.date} hint="Kosong: hari ini." />
        {type !== 'surat_pemberitahuan' && systems.length > 1 && (
          <SelectField
            id={`${idp}-system`}
            label="Sistem"
            required
            value={draft.hostedSystemId}
            onValueChange={(v) => set('hostedSystemId', v)}
            options={systems.map((s) => ({ value: String(s.id), label: s.fqdn }))}
            placeholder="— pilih sistem —"
            error={f.hostedSystemId}
            disabled={document !== null}
          />
        )}
      </div>

      {type === 'laporan_hosting' && (
        <>
          <div className="form-grid">
            <SelectField
              id={`${idp}-kabid`}
              label="Ditujukan kepada"
              value={draft.kabidOfficialId}
              onValueChange={(v) => set('kabidOfficialId', v)}
              options={kabids.map((k) => ({ value: String(k.id), label: `${k.title} — ${k.name}` }))}
              placeholder="Kepala Bidang yang menerima disposisi"
              error={f.kabidOfficialId}
            />
            <SelectField
              id={`${idp}-ack`}
              label="Mengetahui"
              value={draft.acknowledgedBy}
              onValueChange={(v) => set('acknowledgedBy', v === 'kabid' || v === 'kadis' ? v : 'none')}
              options={[
                { value: 'none', label: 'Tanpa kolom mengetahui' },
                { value: 'kabid', label: 'Kepala Bidang' },
                { value: 'kadis', label: 'Kepala Dinas' },
              ]}
              error={f.acknowledgedBy}
            />
          </div>
          <TextAreaField id={`${idp}-notes`} label="Keterangan" rows={3} value={draft.notes} onValueChange={(v) => set('notes', v)} error={f.notes} maxLength={2000} />
        </>
      )}

      {type === 'hak_akses_hosting' && (
        <TextAreaField
          id={`${idp}-notes`}
          label="Catatan"
          rows={2}
          value={draft.notes}
          onValueChange={(v) => set('notes', v)}
          error={f.notes}
          maxLength={1000}
          hint="Subdomain, alamat IP, web panel, nama pengguna dan kata sandi awal diambil dari register hosting."
        />
      )}

      {type === 'bast' && (
        <>
          <div className="form-grid">
            <TextField id={`${idp}-subject`} label="Pokok berita acara" required value={draft.subjectLine} onValueChange={(v) => set('subjectLine', v)} error={f.subjectLine} maxLength={200} />
            <TextField id={`${idp}-place`} label="Tempat" value={draft.place} onValueChange={(v) => set('place', v)} error={f.place} maxLength={200} hint="Kosong: nama dinas dan kota." />
          </div>
          <fieldset className="field">
            <legend>PIHAK PERTAMA</legend>
            <div className="radio-row">
              <label className="radio">
                <input type="radio" name={`${idp}-first`} checked={draft.firstParty === 'kadis'} onChange={() => set('firstParty', 'kadis')} />
                Kepala Dinas
              </label>
              <label className="radio">
                <input type="radio" name={`${idp}-first`} checked={draft.firstParty === 'officer'} onChange={() => set('firstParty', 'officer')} />
                Petugas pembuat dokumen
              </label>
            </div>
          </fieldset>
          <fieldset className="form-section">
            <legend>PIHAK KEDUA (wakil OPD)</legend>
            {partyFields(`${idp}-second`, draft.secondParty, (p) => set('secondParty', p, ['secondParty.name', 'secondParty.nip', 'secondParty.rank', 'secondParty.position', 'secondParty.agency']), 'secondParty', 'Kosong: OPD pemohon.')}
          </fieldset>
          <fieldset className="form-section">
            <legend>Saksi (boleh tidak ada)</legend>
            {draft.witnesses.map((w, i) => (
              <div key={i} className="witness">
                <div className="witness-head">
                  <strong>Saksi {i + 1}</strong>
                  <button type="button" className="btn btn--ghost btn--small" onClick={() => set('witnesses', draft.witnesses.filter((_, k) => k !== i))} aria-label={`Hapus saksi ${i + 1}`}>
                    Hapus
                  </button>
                </div>
                {partyFields(`${idp}-w${i}`, w, (p) => set('witnesses', draft.witnesses.map((x, k) => (k === i ? p : x)), [`witnesses.${i}.name`, `witnesses.${i}.position`, `witnesses.${i}.nip`]), `witnesses.${i}`, '')}
              </div>
            ))}
            {draft.witnesses.length < 4 && (
              <button type="button" className="btn btn--secondary btn--small" onClick={() => set('witnesses', [...draft.witnesses, emptyParty()])}>
                + Tambah saksi
              </button>
            )}
          </fieldset>
          <TextAreaField
            id={`${idp}-clauses`}
            label="Ketentuan"
            rows={4}
            value={draft.clauses}
            onValueChange={(v) => set('clauses', v, Object.keys(f).filter((k) => k.startsWith('clauses')))}
            error={Object.entries(f).find(([k]) => k.startsWith('clauses'))?.[1]}
            hint="Satu ketentuan per baris. Kosong: ketentuan baku (pengelolaan, keamanan, pencadangan, pelaporan gangguan)."
          />
          <TextField id={`${idp}-copies`} label="Dibuat rangkap" type="number" min={1} max={10} value={draft.copies} onValueChange={(v) => set('copies', v)} error={f.copies} className="narrow-field" />
          {draft.items.length > 0 && <p className="muted small">Butir serah terima: {draft.items.map((i) => i.label).join(', ')} (dari versi sebelumnya).</p>}
        </>
      )}

      {type === 'surat_pengantar' && (
        <>
          <TextField id={`${idp}-subject`} label="Hal" required value={draft.subjectLine} onValueChange={(v) => set('subjectLine', v)} error={f.subjectLine} maxLength={200} />
          <TextAreaField
            id={`${idp}-enclosures`}
            label="Lampiran"
            rows={3}
            value={draft.enclosures}
            onValueChange={(v) => set('enclosures', v)}
            error={Object.entries(f).find(([k]) => k.startsWith('enclosures'))?.[1]}
            hint="Satu lampiran per baris. Kosong: dokumen hak akses dan berita acara permohonan ini dengan nomornya."
          />
        </>
      )}

      {type === 'surat_pemberitahuan' && (
        <TextAreaField
          id={`${idp}-reason`}
          label="Alasan pengembalian"
          rows={4}
          value={draft.reason}
          onValueChange={(v) => set('reason', v)}
          error={f.reason}
          maxLength={4000}
          hint="Kosong: catatan keputusan Kepala Bidang yang mengembalikan permohonan."
        />
      )}

      {action.error && <Alert kind="error">{knownFields ? `${action.error} Periksa isian yang ditandai.` : action.error}</Alert>}
      <div className="actions actions--start">
        <button type="submit" className={cls('btn', 'btn--primary')} disabled={action.busy}>
          {action.busy ? 'Menyimpan…' : document ? 'Simpan sebagai versi baru' : 'Buat dokumen'}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          Batal
        </button>
      </div>
    </form>
  );
}
