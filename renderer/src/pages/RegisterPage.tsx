/**
 * Catat Surat Masuk: the front desk enters an incoming letter with its scans; Loket gives the
 * agenda number. Errors from letters.register appear next to their field; the form keeps its values.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  LETTER_NATURES,
  NATURE_LABELS,
  SERVICES,
  SERVICE_LABELS,
  type ClassificationCode,
  type Letter,
  type LetterNature,
  type ServiceKind,
} from '../../../shared/api/schemas';
import {
  dayNameId,
  formatDateId,
  formatInstantDateTimeId,
  isValidLocalDateTime,
  localDateTimeToUtc,
  localIsoDate,
  utcToLocalDateTime,
  zoneAbbreviation,
} from '../../../shared/domain/dates';
import { asApiError, call } from '../api';
import { Alert, CheckboxField, FieldError, RequiredNote, SelectField, TextAreaField, TextField, cls } from '../components/fields';
import { OpdCombobox, type SenderValue } from '../components/OpdCombobox';
import { ScanUploader, useScanUploads } from '../components/ScanUploader';
import { ScanDialog } from '../components/ScanDialog';
import { PageEditor } from '../components/PageEditor';
import { useFormOcr } from '../components/OcrAssist';
import { useHandedScans } from '../lib/scanDesk';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';
import { useSession } from '../session';

interface Draft {
  sender: SenderValue;
  saveSenderAsOpd: boolean;
  letterNumber: string;
  letterDate: string;
  receivedAt: string;
  subject: string;
  summary: string;
  nature: LetterNature;
  classificationCode: string;
  service: ServiceKind;
}

const LETTER_NUMBER_MAX = 100;
const LAST_CODE_KEY = 'loket.kodeKlasifikasiTerakhir';

function readLastCode(): string | null {
  try {
    return window.localStorage.getItem(LAST_CODE_KEY);
  } catch {
    return null;
  }
}

function writeLastCode(code: string): void {
  try {
    window.localStorage.setItem(LAST_CODE_KEY, code);
  } catch {
    // Storage may be unavailable; the clerk simply chooses again next time.
  }
}

interface Props {
  onRegistered: (letter: Letter) => void;
  /** "Batal": throw the draft away. */
  onCancel: () => void;
}

export function RegisterPage({ onRegistered, onCancel }: Props) {
  const { office } = useSession();
  const tz = office.timeZone;
  const [draft, setDraft] = useState<Draft>(() => ({
    sender: { opdId: null, name: '' },
    saveSenderAsOpd: false,
    letterNumber: '',
    letterDate: '',
    receivedAt: utcToLocalDateTime(new Date(), tz),
    subject: '',
    summary: '',
    nature: 'biasa',
    classificationCode: '',
    service: 'hosting',
  }));
  const [codes, setCodes] = useState<ClassificationCode[]>([]);
  const [codesError, setCodesError] = useState<string | null>(null);
  const scans = useScanUploads();
  // Issue 6: scan here, arrange pages, take files from the scan inbox; their text suggests the fields.
  const [scanOpen, setScanOpen] = useState(false);
  const [pagesOpen, setPagesOpen] = useState(false);
  useHandedScans((h) => scans.addStored(h.attachment, h.note));
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.fields);

  useEffect(() => {
    call('codes.list', {})
      .then((list) => {
        setCodes(list);
        // The code this desk used last time, when it is still in the list; else the clerk chooses.
        const last = readLastCode();
        if (last && list.some((c) => c.code === last)) setDraft((d) => (d.classificationCode === '' ? { ...d, classificationCode: last } : d));
      })
      .catch((e: unknown) => setCodesError(asApiError(e).message));
  }, []);

  const { dismiss } = action;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    dismiss(key === 'sender' ? ['senderName', 'opdId'] : [key]);
  };
  const f = action.fields;
  const ocr = useFormOcr(scans.items, { letterNumber: draft.letterNumber, letterDate: draft.letterDate, sender: draft.sender, subject: draft.subject }, (p) => {
    if (p.sender !== undefined) set('sender', p.sender);
    if (p.letterNumber !== undefined) set('letterNumber', p.letterNumber);
    if (p.letterDate !== undefined) set('letterDate', p.letterDate);
    if (p.subject !== undefined) set('subject', p.subject);
  });
  const today = localIsoDate(new Date(), tz);
  const nowLocal = utcToLocalDateTime(new Date(), tz);
  const uploading = scans.items.some((s) => s.status === 'uploading');
  const failed = scans.items.some((s) => s.status === 'failed');
  const sent = useMemo(() => scans.items.filter((s) => s.status === 'done' && s.sha256), [scans.items]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (action.busy) return;
    if (uploading) {
      action.setError('Tunggu sampai semua pindaian selesai diunggah.');
      return;
    }
    if (failed) {
      action.setError('Ada pindaian yang gagal diunggah. Hapus berkas itu atau pilih ulang, lalu simpan lagi.');
      return;
    }
    const result = await action.run(() =>
      call('letters.register', {
        opdId: draft.sender.opdId,
        senderName: draft.sender.name,
        saveSenderAsOpd: draft.sender.opdId === null && draft.saveSenderAsOpd,
        letterNumber: draft.letterNumber,
        letterDate: draft.letterDate,
        receivedAt: draft.receivedAt === '' ? null : draft.receivedAt,
        subject: draft.subject,
        summary: draft.summary,
        nature: draft.nature,
        classificationCode: draft.classificationCode,
        service: draft.service,
        attachments: sent.map((s) => ({ sha256: s.sha256 ?? '', name: s.name })),
      }),
    );
    if (result.ok) {
      writeLastCode(result.value.classificationCode);
      onRegistered(result.value);
      return;
    }
    const perFile = new Map<number, string>();
    sent.forEach((s, i) => {
      const message = result.error.fields[`attachments.${i}`] ?? result.error.fields[`attachments.${i}.sha256`] ?? result.error.fields[`attachments.${i}.name`];
      if (message) perFile.set(s.key, message);
    });
    if (perFile.size > 0) scans.setErrors(perFile);
  }

  const dateHint = draft.letterDate && /^\d{4}-\d{2}-\d{2}$/.test(draft.letterDate) ? `${dayNameId(draft.letterDate)}, ${formatDateId(draft.letterDate)}` : 'Tanggal yang tertulis pada surat.';
  const attachmentsError = f.attachments ?? Object.entries(f).find(([k]) => k.startsWith('attachments.'))?.[1];

  return (
    <section aria-labelledby="register-title">
      <div className="page-head">
        <div>
          <h1 id="register-title">Catat Surat Masuk</h1>
          <p className="muted">Nomor agenda diberikan Loket saat surat disimpan.</p>
        </div>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          Batal
        </button>
      </div>
      <form ref={formRef} className="card" onSubmit={submit} noValidate aria-describedby={action.error ? 'register-error' : undefined}>
        {action.error && (
          <Alert kind="error" id="register-error">
            {action.error}
          </Alert>
        )}
        {codesError && <Alert kind="error">Kode klasifikasi tidak dapat dimuat: {codesError}</Alert>}
        <RequiredNote />
        <div className="form-grid">
          <div className="span-2">
            <OpdCombobox
              id="reg-sender"
              label="Pengirim (OPD)"
              value={draft.sender}
              onChange={(v) => set('sender', v)}
              error={f.senderName ?? f.opdId}
              autoFocus
            />
            {ocr.hint('sender')}
            {draft.sender.opdId === null && draft.sender.name.trim() !== '' && (
              <CheckboxField
                id="reg-saveSenderAsOpd"
                label="Simpan sebagai OPD baru di daftar OPD"
                checked={draft.saveSenderAsOpd}
                onCheckedChange={(v) => set('saveSenderAsOpd', v)}
                error={f.saveSenderAsOpd}
              />
            )}
          </div>
          <TextField
            id="reg-letterNumber"
            label="Nomor surat"
            placeholder="mis. 027/1234/Disdik/XI/2026"
            value={draft.letterNumber}
            onValueChange={(v) => set('letterNumber', v)}
            error={f.letterNumber}
            required
            maxLength={LETTER_NUMBER_MAX}
            spellCheck={false}
            hint={ocr.hint('letterNumber')}
            aside={
              <span className={cls('counter', draft.letterNumber.length >= LETTER_NUMBER_MAX && 'counter--full')} aria-live="polite">
                {draft.letterNumber.length}/{LETTER_NUMBER_MAX}
              </span>
            }
          />
          <TextField
            id="reg-letterDate"
            label="Tanggal surat"
            type="date"
            value={draft.letterDate}
            onValueChange={(v) => set('letterDate', v)}
            error={f.letterDate}
            hint={
              <>
                {dateHint}
                {ocr.hint('letterDate')}
              </>
            }
            required
            max={today}
          />
          <TextField
            id="reg-receivedAt"
            label="Diterima"
            type="datetime-local"
            value={draft.receivedAt}
            onValueChange={(v) => set('receivedAt', v)}
            error={f.receivedAt}
            hint={
              isValidLocalDateTime(draft.receivedAt)
                ? `${dayNameId(draft.receivedAt.slice(0, 10))}, ${formatInstantDateTimeId(localDateTimeToUtc(draft.receivedAt, tz), tz)}. Kosongkan untuk memakai waktu sekarang.`
                : `Waktu kantor (${zoneAbbreviation(tz)}). Kosongkan untuk memakai waktu sekarang.`
            }
            max={nowLocal}
          />
          <SelectField
            id="reg-classificationCode"
            label="Kode klasifikasi"
            value={draft.classificationCode}
            onValueChange={(v) => set('classificationCode', v)}
            error={f.classificationCode}
            required
            placeholder={codes.length === 0 && !codesError ? 'Memuat…' : '— pilih kode —'}
            options={codes.map((c) => ({ value: c.code, label: `${c.code} — ${c.description}` }))}
          />
          <TextField
            id="reg-subject"
            className="span-2"
            label="Perihal"
            placeholder="mis. Permohonan hosting aplikasi PPDB"
            value={draft.subject}
            onValueChange={(v) => set('subject', v)}
            error={f.subject}
            required
            maxLength={500}
            hint={ocr.hint('subject')}
          />
          <TextAreaField
            id="reg-summary"
            className="span-2"
            label="Isi ringkas"
            rows={3}
            value={draft.summary}
            onValueChange={(v) => set('summary', v)}
            error={f.summary}
            maxLength={2000}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                formRef.current?.requestSubmit();
              }
            }}
          />
          <fieldset className={cls('field radio-group', f.nature && 'field--invalid')} aria-describedby={f.nature ? 'reg-nature-error' : undefined}>
            <legend>
              Sifat
              <span className="req" aria-hidden="true">
                {' '}*
              </span>
            </legend>
            <div className="radio-row">
              {LETTER_NATURES.map((n) => (
                <label key={n} className={cls('radio', `radio--${n}`)}>
                  <input type="radio" name="reg-nature" value={n} checked={draft.nature === n} onChange={() => set('nature', n)} aria-invalid={f.nature ? true : undefined} />
                  {NATURE_LABELS[n]}
                </label>
              ))}
            </div>
            <FieldError id="reg-nature" error={f.nature} />
          </fieldset>
          <SelectField
            id="reg-service"
            label="Layanan yang diminta"
            value={draft.service}
            onValueChange={(v) => set('service', (SERVICES as readonly string[]).includes(v) ? (v as ServiceKind) : 'lainnya')}
            error={f.service}
            required
            options={SERVICES.map((s) => ({ value: s, label: SERVICE_LABELS[s] }))}
          />
          <ScanUploader
            id="reg-scans"
            items={scans.items}
            onAdd={scans.add}
            onRemove={scans.remove}
            error={attachmentsError}
            toolbar={
              <>
                <button type="button" className="btn btn--secondary" onClick={() => setScanOpen(true)}>
                  Pindai…
                </button>
                <button type="button" className="btn btn--ghost" onClick={() => setPagesOpen(true)} disabled={sent.length === 0}>
                  Atur halaman…
                </button>
              </>
            }
          />
          {ocr.panel}
          {scanOpen && (
            <ScanDialog onClose={() => setScanOpen(false)} onScanned={(r) => scans.addStored(r.attachment, `Hasil pindai, ${r.pages} halaman`)} onFiles={scans.add} />
          )}
          {pagesOpen && (
            <PageEditor
              items={scans.items}
              onClose={() => setPagesOpen(false)}
              onComposed={(keys, r) => scans.replace(keys, r.attachment, `Halaman tersusun, ${r.pages} halaman`)}
            />
          )}
        </div>
        <div className="actions">
          <span className="muted small">
            <kbd>Enter</kbd> menyimpan surat; di Isi ringkas tekan <kbd>Ctrl</kbd>+<kbd>Enter</kbd>.
          </span>
          <span className="spacer" />
          <button type="submit" className="btn btn--primary" disabled={action.busy || uploading}>
            {action.busy ? 'Menyimpan…' : uploading ? 'Menunggu unggahan…' : 'Simpan ke buku agenda'}
          </button>
        </div>
      </form>
    </section>
  );
}
