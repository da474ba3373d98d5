/** One official (Kepala Dinas or Kepala Bidang): jabatan, bidang, nama, pangkat, NIP, Plt. */
import type { OfficialInput } from '../../../shared/api/schemas';
import { CheckboxField, TextField } from './fields';

export interface OfficialDraft {
  id?: number;
  position: 'kadis' | 'kabid';
  title: string;
  unit: string;
  name: string;
  rank: string;
  nip: string;
  acting: boolean;
  active: boolean;
}

export const KADIS_TITLE = 'Kepala Dinas Komunikasi dan Informatika';

export function emptyOfficial(position: 'kadis' | 'kabid'): OfficialDraft {
  return { position, title: position === 'kadis' ? KADIS_TITLE : '', unit: '', name: '', rank: '', nip: '', acting: false, active: true };
}

export function isBlankOfficial(o: OfficialDraft): boolean {
  return [o.title, o.unit, o.name, o.rank, o.nip].every((v) => v.trim() === '');
}

export function toOfficialInput(o: OfficialDraft): OfficialInput {
  const input: OfficialInput = {
    position: o.position,
    title: o.title,
    unit: o.unit,
    name: o.name,
    rank: o.rank,
    nip: o.nip,
    acting: o.acting,
    active: o.active,
  };
  if (o.id !== undefined) input.id = o.id;
  return input;
}

export const RANKS = [
  'Pembina Utama (IV/e)',
  'Pembina Utama Madya (IV/d)',
  'Pembina Utama Muda (IV/c)',
  'Pembina Tk.I (IV/b)',
  'Pembina (IV/a)',
  'Penata Tk.I (III/d)',
  'Penata (III/c)',
  'Penata Muda Tk.I (III/b)',
  'Penata Muda (III/a)',
] as const;

export function RankList() {
  return (
    <datalist id="daftar-pangkat">
      {RANKS.map((r) => (
        <option key={r} value={r} />
      ))}
    </datalist>
  );
}

interface Props {
  idPrefix: string;
  value: OfficialDraft;
  onChange: (value: OfficialDraft) => void;
  errors: Record<string, string>;
  autoFocus?: boolean;
  showUnit?: boolean;
}

export function OfficialFields({ idPrefix, value, onChange, errors, autoFocus, showUnit = value.position === 'kabid' }: Props) {
  const set = <K extends keyof OfficialDraft>(key: K, v: OfficialDraft[K]) => onChange({ ...value, [key]: v });
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="form-grid">
      <TextField
        id={id('title')}
        className={showUnit ? undefined : 'span-2'}
        label="Jabatan"
        placeholder={value.position === 'kabid' ? 'mis. Kepala Bidang Aplikasi dan Informatika' : undefined}
        value={value.title}
        onValueChange={(v) => set('title', v)}
        error={errors.title}
        required
        maxLength={200}
        autoFocus={autoFocus}
      />
      {showUnit && (
        <TextField
          id={id('unit')}
          label="Bidang"
          placeholder="mis. Aplikasi dan Informatika"
          value={value.unit}
          onValueChange={(v) => set('unit', v)}
          error={errors.unit}
          maxLength={160}
        />
      )}
      <TextField
        id={id('name')}
        label="Nama (dengan gelar)"
        placeholder="mis. ARIF KARYADI, S.Sos"
        value={value.name}
        onValueChange={(v) => set('name', v)}
        error={errors.name}
        required
        maxLength={120}
      />
      <TextField
        id={id('rank')}
        label="Pangkat/golongan"
        list="daftar-pangkat"
        placeholder="mis. Pembina Tk.I (IV/b)"
        value={value.rank}
        onValueChange={(v) => set('rank', v)}
        error={errors.rank}
        maxLength={80}
      />
      <TextField
        id={id('nip')}
        label="NIP"
        hint="18 angka, boleh dengan spasi."
        inputMode="numeric"
        value={value.nip}
        onValueChange={(v) => set('nip', v)}
        error={errors.nip}
        maxLength={30}
        spellCheck={false}
      />
      <CheckboxField
        id={id('acting')}
        className="field--align-end"
        label="Plt. (pelaksana tugas)"
        checked={value.acting}
        onCheckedChange={(v) => set('acting', v)}
        error={errors.acting}
      />
    </div>
  );
}
