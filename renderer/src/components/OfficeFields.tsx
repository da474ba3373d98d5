/** The office profile (letterhead) fields: used by the setup wizard and by Pengaturan → Profil kantor. */
import { useEffect, useRef, useState } from 'react';
import { TIME_ZONES, TIME_ZONE_LABELS, type Attachment, type OfficeProfile, type TimeZoneId } from '../../../shared/api/schemas';
import { formatNumber, validateNumberFormat } from '../../../shared/domain/numbering';
import { asApiError } from '../api';
import { fileToBase64, formatSize, IMAGE_ACCEPT } from '../lib/files';
import { FieldError, SelectField, TextField } from './fields';

export type OfficeDraft = Omit<OfficeProfile, 'timeZone'> & { timeZone: TimeZoneId };

export const DEFAULT_AGENDA_FORMAT = '{urut}/{kode}/{tahun}';

export function emptyOffice(): OfficeDraft {
  return {
    government: '',
    agencyName: 'Dinas Komunikasi dan Informatika',
    address: '',
    postcode: '',
    phone: '',
    website: '',
    email: '',
    city: '',
    timeZone: 'Asia/Jakarta',
    logoSha256: null,
    agendaFormat: DEFAULT_AGENDA_FORMAT,
  };
}

const ZONE_NAMES: Record<TimeZoneId, string> = {
  'Asia/Jakarta': 'Waktu Indonesia Barat',
  'Asia/Makassar': 'Waktu Indonesia Tengah',
  'Asia/Jayapura': 'Waktu Indonesia Timur',
};

interface Props {
  idPrefix: string;
  value: OfficeDraft;
  onChange: (value: OfficeDraft) => void;
  /** Field path (without "office.") → message. */
  errors: Record<string, string>;
  uploadLogo: (name: string, dataBase64: string) => Promise<Attachment>;
  /** The preview of the logo already saved (blob: URL), if any. */
  savedLogoUrl?: string | null;
  autoFocus?: boolean;
}

export function OfficeFields({ idPrefix, value, onChange, errors, uploadLogo, savedLogoUrl = null, autoFocus }: Props) {
  const set = <K extends keyof OfficeDraft>(key: K, v: OfficeDraft[K]) => onChange({ ...value, [key]: v });
  const id = (name: string) => `${idPrefix}-${name}`;
  const [logoPreview, setLogoPreview] = useState<string | null>(null);
  const [logoName, setLogoName] = useState<string | null>(null);
  const [logoBusy, setLogoBusy] = useState(false);
  const [logoError, setLogoError] = useState<string | null>(null);
  const previewRef = useRef<string | null>(null);

  useEffect(
    () => () => {
      if (previewRef.current) URL.revokeObjectURL(previewRef.current);
    },
    [],
  );

  async function pickLogo(file: File | undefined) {
    if (!file) return;
    setLogoError(null);
    const lower = file.name.toLowerCase();
    if (!(file.type === 'image/png' || file.type === 'image/jpeg' || /\.(png|jpe?g)$/.test(lower))) {
      setLogoError('Logo harus gambar PNG atau JPG.');
      return;
    }
    if (file.size > 5 * 1024 * 1024) {
      setLogoError(`Gambar logo terlalu besar (${formatSize(file.size)}). Gunakan gambar di bawah 5 MB.`);
      return;
    }
    setLogoBusy(true);
    try {
      const stored = await uploadLogo(file.name, await fileToBase64(file));
      if (previewRef.current) URL.revokeObjectURL(previewRef.current);
      previewRef.current = URL.createObjectURL(file);
      setLogoPreview(previewRef.current);
      setLogoName(file.name);
      onChange({ ...value, logoSha256: stored.sha256 });
    } catch (e) {
      setLogoError(asApiError(e).message);
    } finally {
      setLogoBusy(false);
    }
  }

  const formatProblem = validateNumberFormat(value.agendaFormat.trim());
  const now = new Date();
  const example = formatProblem
    ? null
    : formatNumber(value.agendaFormat.trim(), { seq: 7, code: '500.12', year: now.getFullYear(), month: now.getMonth() + 1 });
  const shownLogo = value.logoSha256 ? (logoPreview ?? savedLogoUrl) : null;

  return (
    <div className="form-grid">
      <TextField
        id={id('government')}
        className="span-2"
        label="Pemerintah daerah"
        placeholder="mis. Pemerintah Kota Pekalongan"
        value={value.government}
        onValueChange={(v) => set('government', v)}
        error={errors.government}
        required
        autoFocus={autoFocus}
        maxLength={120}
      />
      <TextField
        id={id('agencyName')}
        className="span-2"
        label="Nama dinas"
        value={value.agencyName}
        onValueChange={(v) => set('agencyName', v)}
        error={errors.agencyName}
        required
        maxLength={160}
      />
      <TextField
        id={id('address')}
        className="span-2"
        label="Alamat"
        placeholder="mis. Jl. Mataram No. 1"
        value={value.address}
        onValueChange={(v) => set('address', v)}
        error={errors.address}
        required
        maxLength={300}
      />
      <TextField id={id('postcode')} label="Kode pos" value={value.postcode} onValueChange={(v) => set('postcode', v)} error={errors.postcode} maxLength={10} inputMode="numeric" />
      <TextField id={id('phone')} label="Telepon" value={value.phone} onValueChange={(v) => set('phone', v)} error={errors.phone} maxLength={80} inputMode="tel" />
      <TextField id={id('website')} label="Laman" placeholder="mis. dinkominfo.pekalongankota.go.id" value={value.website} onValueChange={(v) => set('website', v)} error={errors.website} maxLength={120} />
      <TextField id={id('email')} label="Pos-el" type="email" value={value.email} onValueChange={(v) => set('email', v)} error={errors.email} maxLength={120} />
      <TextField
        id={id('city')}
        label="Kota penulisan surat"
        hint="Tertulis sebelum tanggal pada surat, mis. “Pekalongan, 24 Desember 2026”."
        value={value.city}
        onValueChange={(v) => set('city', v)}
        error={errors.city}
        required
        maxLength={80}
      />
      <SelectField
        id={id('timeZone')}
        label="Zona waktu"
        value={value.timeZone}
        onValueChange={(v) => set('timeZone', (TIME_ZONES as readonly string[]).includes(v) ? (v as TimeZoneId) : 'Asia/Jakarta')}
        options={TIME_ZONES.map((z) => ({ value: z, label: `${TIME_ZONE_LABELS[z]} — ${ZONE_NAMES[z]}` }))}
        error={errors.timeZone}
        required
      />
      <div className={`field span-2${errors.logoSha256 || logoError ? ' field--invalid' : ''}`}>
        <div className="field-label-row">
          <label htmlFor={id('logo')}>Logo (kop surat)</label>
        </div>
        <div className="logo-row">
          <div className="logo-preview" aria-live="polite">
            {shownLogo ? <img src={shownLogo} alt="Pratinjau logo" /> : <span className="muted">Belum ada logo</span>}
          </div>
          <div>
            <input
              id={id('logo')}
              type="file"
              accept={IMAGE_ACCEPT}
              onChange={(e) => {
                void pickLogo(e.target.files?.[0]);
                e.target.value = '';
              }}
              disabled={logoBusy}
              aria-invalid={errors.logoSha256 || logoError ? true : undefined}
              aria-describedby={`${id('logo')}-hint`}
            />
            <p id={`${id('logo')}-hint`} className="field-hint">
              {logoBusy ? 'Mengunggah…' : logoName ? `Terunggah: ${logoName}` : 'Gambar PNG atau JPG, sebaiknya berlatar putih atau transparan.'}
            </p>
            {value.logoSha256 && (
              <button type="button" className="btn btn--link" onClick={() => onChange({ ...value, logoSha256: null })}>
                Hapus logo
              </button>
            )}
            <FieldError id={id('logo')} error={logoError ?? errors.logoSha256} />
          </div>
        </div>
      </div>
      <TextField
        id={id('agendaFormat')}
        className="span-2"
        label="Format nomor agenda"
        value={value.agendaFormat}
        onValueChange={(v) => set('agendaFormat', v)}
        error={errors.agendaFormat ?? formatProblem ?? undefined}
        required
        maxLength={100}
        spellCheck={false}
        hint={
          <>
            {'{urut}'} = nomor urut surat dalam setahun, {'{kode}'} = kode klasifikasi, {'{tahun}'} = tahun diterima (juga {'{bulan}'},{' '}
            {'{bulan_romawi}'}, dan {'{urut:3}'} untuk 007).{example && <> Contoh: <strong>{example}</strong></>}
          </>
        }
      />
    </div>
  );
}
