/**
 * Catat pengaduan (#/pengaduan/baru): the channel it came by (in person or one of the office's
 * channels), the complainant and how to answer them, what it is about (an OPD, a hosted system, a
 * letter in the agenda book), and the complaint itself. The draft is kept while the user visits
 * other pages; a refused save leaves every field as typed and names what to correct.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { HostedSystemSummary } from '../../../shared/api/hosting-schemas';
import { COMPLAINT_CHANNELS, COMPLAINT_CHANNEL_LABELS, ComplaintInputSchema, type ComplaintChannel } from '../../../shared/api/report-schemas';
import type { LetterSummary } from '../../../shared/api/schemas';
import { call } from '../api';
import { Alert, RequiredNote, SelectField, TextAreaField, TextField, cls } from '../components/fields';
import { zodFieldErrors } from '../lib/errors';
import { href, navigate } from '../lib/router';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';
import { useDebounced } from '../lib/useDebounced';
import { useOpdList } from '../hosting/bits';

interface Draft {
  channel: ComplaintChannel | '';
  complainantName: string;
  complainantContact: string;
  receivedAt: string;
  opdId: string;
  hostedSystemId: string;
  letter: LetterSummary | null;
  subject: string;
  description: string;
}

const EMPTY: Draft = { channel: '', complainantName: '', complainantContact: '', receivedAt: '', opdId: '', hostedSystemId: '', letter: null, subject: '', description: '' };

// Kept while the form is left for another page; cleared when the complaint is saved or dropped.
let keptDraft: Draft = EMPTY;

const CONTACT_HINTS: Record<ComplaintChannel, string> = {
  langsung: 'Nomor telepon atau alamat pengadu untuk menyampaikan tanggapan.',
  telepon: 'Nomor telepon pengadu.',
  email: 'Alamat e-mail pengadu.',
  website: 'Alamat e-mail atau nomor telepon yang ditinggalkan di website.',
  twitter: 'Akun Twitter/X pengadu, mis. @wargapkl.',
  instagram: 'Akun Instagram pengadu, mis. @wargapkl.',
};

export function ComplaintForm() {
  const [draft, setDraftState] = useState<Draft>(keptDraft);
  const [local, setLocal] = useState<Record<string, string>>({});
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  const { opds } = useOpdList();
  const [systems, setSystems] = useState<HostedSystemSummary[] | null>(null);
  useFocusFirstInvalid(formRef, { ...action.fields, ...local });

  useEffect(() => {
    call('hosting.list', {})
      .then(setSystems)
      .catch(() => setSystems([]));
  }, []);

  function set<K extends keyof Draft>(key: K, value: Draft[K]) {
    setDraftState((d) => {
      const next = { ...d, [key]: value };
      keptDraft = next;
      return next;
    });
    const path = key === 'letter' ? 'relatedLetterId' : key;
    setLocal((l) => {
      if (!(path in l)) return l;
      const next = { ...l };
      delete next[path];
      return next;
    });
    action.dismiss([path]);
  }

  function chooseSystem(value: string) {
    set('hostedSystemId', value);
    // The system's OPD, unless one was chosen already.
    const system = systems?.find((s) => String(s.id) === value);
    if (system && draft.opdId === '') set('opdId', String(system.opdId));
  }

  function reset() {
    keptDraft = EMPTY;
    setDraftState(EMPTY);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (action.busy) return;
    const input = {
      channel: draft.channel === '' ? undefined : draft.channel,
      complainantName: draft.complainantName,
      complainantContact: draft.complainantContact,
      receivedAt: draft.receivedAt === '' ? null : draft.receivedAt,
      opdId: draft.opdId === '' ? null : Number(draft.opdId),
      hostedSystemId: draft.hostedSystemId === '' ? null : Number(draft.hostedSystemId),
      relatedLetterId: draft.letter?.id ?? null,
      subject: draft.subject,
      description: draft.description,
    };
    const parsed = ComplaintInputSchema.safeParse(input);
    if (!parsed.success) {
      setLocal(zodFieldErrors(parsed.error));
      return;
    }
    setLocal({});
    const result = await action.run(() => call('complaints.register', parsed.data));
    if (result.ok) {
      reset();
      navigate(`/pengaduan/${result.value.id}/baru`);
    }
  }

  const f = { ...action.fields, ...local };
  const problems = Object.keys(f).length;
  return (
    <section aria-labelledby="complaint-form-title">
      <p className="breadcrumb">
        <a href={href('/pengaduan')}>← Pengaduan</a>
      </p>
      <div className="page-head">
        <div>
          <h1 id="complaint-form-title">Catat pengaduan</h1>
          <p className="muted">Front desk mencatat pengaduan atas nama pengadu. Loket memberi nomor pengaduan dan meneruskannya kepada petugas menurut SOP pengaduan.</p>
        </div>
      </div>
      <form ref={formRef} className="card complaint-form" onSubmit={submit} noValidate aria-labelledby="complaint-form-title">
        {problems > 0 ? <Alert kind="error">Periksa {problems === 1 ? 'isian' : `${problems} isian`} yang ditandai.</Alert> : action.error && <Alert kind="error">{action.error}</Alert>}
        <RequiredNote />
        <fieldset className={cls('field', f.channel && 'field--invalid')} aria-describedby={f.channel ? 'complaint-channel-error' : undefined}>
          <legend>
            Saluran pengaduan
            <span className="req" aria-hidden="true">
              {' '}*
            </span>
          </legend>
          <div className="segmented segmented--wrap" role="radiogroup" aria-label="Saluran pengaduan">
            {COMPLAINT_CHANNELS.map((c, i) => (
              <label key={c} className={cls('segment', draft.channel === c && 'is-selected')}>
                <input
                  type="radio"
                  name="complaint-channel"
                  value={c}
                  checked={draft.channel === c}
                  onChange={() => set('channel', c)}
                  autoFocus={i === 0 && draft.channel === ''}
                  aria-invalid={f.channel ? true : undefined}
                />
                {COMPLAINT_CHANNEL_LABELS[c]}
              </label>
            ))}
          </div>
          {f.channel && (
            <p id="complaint-channel-error" className="field-error">
              {f.channel}
            </p>
          )}
        </fieldset>
        <div className="form-grid">
          <TextField
            id="complaint-name"
            label="Nama pengadu"
            required
            value={draft.complainantName}
            onValueChange={(v) => set('complainantName', v)}
            error={f.complainantName}
            maxLength={120}
          />
          <TextField
            id="complaint-contact"
            label="Kontak pengadu"
            value={draft.complainantContact}
            onValueChange={(v) => set('complainantContact', v)}
            error={f.complainantContact}
            hint={draft.channel ? CONTACT_HINTS[draft.channel] : 'Telepon, e-mail, atau akun media sosial untuk menyampaikan tanggapan.'}
            maxLength={200}
          />
          <TextField
            id="complaint-received"
            label="Waktu pengaduan diterima"
            type="datetime-local"
            value={draft.receivedAt}
            onValueChange={(v) => set('receivedAt', v)}
            error={f.receivedAt}
            hint="Kosongkan bila diterima sekarang."
          />
          <SelectField
            id="complaint-opd"
            label="OPD terkait"
            value={draft.opdId}
            onValueChange={(v) => set('opdId', v)}
            error={f.opdId}
            placeholder="Tidak terkait OPD"
            options={(opds ?? []).map((o) => ({ value: String(o.id), label: o.name }))}
          />
        </div>
        <SelectField
          id="complaint-system"
          label="Sistem yang dihosting"
          value={draft.hostedSystemId}
          onValueChange={chooseSystem}
          error={f.hostedSystemId}
          placeholder={systems === null ? 'Memuat register hosting…' : 'Tidak terkait sistem yang dihosting'}
          hint="Bila pengaduan tentang aplikasi atau subdomain yang dihosting kantor."
          options={(systems ?? []).map((s) => ({ value: String(s.id), label: `${s.fqdn} — ${s.applicationName} (${s.opdName})` }))}
        />
        <LetterPicker value={draft.letter} onChange={(l) => set('letter', l)} error={f.relatedLetterId} />
        <TextField
          id="complaint-subject"
          label="Pokok pengaduan"
          required
          value={draft.subject}
          onValueChange={(v) => set('subject', v)}
          error={f.subject}
          maxLength={300}
        />
        <TextAreaField
          id="complaint-description"
          label="Uraian pengaduan"
          rows={4}
          value={draft.description}
          onValueChange={(v) => set('description', v)}
          error={f.description}
          maxLength={4000}
          hint="Apa yang dialami pengadu, sejak kapan, dan apa yang diharapkan."
        />
        <div className="actions">
          <button
            type="button"
            className="btn btn--ghost"
            onClick={() => {
              reset();
              navigate('/pengaduan');
            }}
          >
            Batal
          </button>
          <span className="spacer" />
          <button type="submit" className="btn btn--primary" disabled={action.busy}>
            {action.busy ? 'Menyimpan…' : 'Catat pengaduan'}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A letter of the agenda book the complaint is about: search by agenda number or subject, pick one. */
function LetterPicker({ value, onChange, error }: { value: LetterSummary | null; onChange: (letter: LetterSummary | null) => void; error: string | undefined }) {
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const [found, setFound] = useState<LetterSummary[] | null>(null);

  useEffect(() => {
    if (query === '') {
      setFound(null);
      return;
    }
    let live = true;
    call('letters.search', { q: query, limit: 6 })
      .then((r) => live && setFound(r.items))
      .catch(() => live && setFound([]));
    return () => {
      live = false;
    };
  }, [query]);

  if (value) {
    return (
      <div className={cls('field', error && 'field--invalid')}>
        <div className="field-label-row">
          <span className="label-text">Surat terkait</span>
        </div>
        <p className="picked-letter">
          <strong>{value.agendaNumber}</strong> · {value.senderName}: {value.subject}{' '}
          <button type="button" className="btn btn--link" onClick={() => onChange(null)}>
            Lepaskan
          </button>
        </p>
        {error && <p className="field-error">{error}</p>}
      </div>
    );
  }
  return (
    <div className="letter-picker">
      <TextField
        id="complaint-letter"
        label="Surat terkait"
        type="search"
        value={q}
        onValueChange={setQ}
        error={error}
        hint="Cari nomor agenda, pengirim, atau perihal surat permohonan yang diadukan (boleh kosong)."
        maxLength={200}
      />
      {found && (
        <ul className="letter-picker-results" aria-label="Surat yang cocok">
          {found.length === 0 && <li className="muted small">Tidak ada surat yang cocok.</li>}
          {found.map((l) => (
            <li key={l.id}>
              <button
                type="button"
                className="btn btn--secondary btn--small"
                onClick={() => {
                  onChange(l);
                  setQ('');
                }}
              >
                {l.agendaNumber}
              </button>{' '}
              <span>
                {l.senderName}: {l.subject}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
