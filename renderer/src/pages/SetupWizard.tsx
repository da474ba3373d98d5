/**
 * First run: Profil kantor → Pejabat → Daftar OPD → Administrator → Selesai. Each step is checked
 * with the same schemas the API uses; `setup.initialize` is sent once at the end. Errors from the
 * server go next to their field, on the step that holds it. Nothing typed is lost on an error.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import {
  NewPasswordSchema,
  OfficeProfileSchema,
  OfficialInputSchema,
  OpdInputSchema,
  TIME_ZONE_LABELS,
  UsernameSchema,
} from '../../../shared/api/schemas';
import { call } from '../api';
import { Alert, RequiredNote, TextAreaField, TextField, cls } from '../components/fields';
import { emptyOffice, OfficeFields, type OfficeDraft } from '../components/OfficeFields';
import { emptyOfficial, isBlankOfficial, OfficialFields, RankList, toOfficialInput, type OfficialDraft } from '../components/OfficialFields';
import { fieldsUnder, zodFieldErrors } from '../lib/errors';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';
import { PairDeskForm } from './PairDeskForm';

interface OpdDraft {
  key: number;
  name: string;
  shortName: string;
  address: string;
}

interface AdminDraft {
  fullName: string;
  username: string;
  password: string;
  password2: string;
}

const STEPS = ['Profil kantor', 'Pejabat', 'Daftar OPD', 'Administrator', 'Selesai'] as const;

let opdKey = 0;
const newOpd = (name = '', shortName = '', address = ''): OpdDraft => ({ key: ++opdKey, name, shortName, address });
const isBlankOpd = (o: OpdDraft) => o.name.trim() === '' && o.shortName.trim() === '' && o.address.trim() === '';
const nameKey = (name: string) => name.normalize('NFKC').toLocaleLowerCase('id-ID').replace(/\s+/g, ' ').trim();

/**
 * Pasted lines → OPD rows. A line is a name, or columns separated by a tab (from a spreadsheet),
 * a semicolon or " | ": name, short name, address. "Dinas Pendidikan (Disdik)" also works.
 */
export function parseOpdLines(text: string): Array<{ name: string; shortName: string; address: string }> {
  const out: Array<{ name: string; shortName: string; address: string }> = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s*(\d+[.)]|[-*•])\s+/, '').trim();
    if (!line) continue;
    const cols = line.split(/\t|;|\s\|\s/).map((c) => c.trim());
    let name = cols[0] ?? '';
    let shortName = cols[1] ?? '';
    const address = cols.slice(2).join(', ');
    const paren = /^(.*\S)\s*\(([^()]{1,40})\)$/.exec(name);
    if (paren && !shortName) {
      name = paren[1] ?? name;
      shortName = paren[2] ?? '';
    }
    if (name) out.push({ name, shortName, address });
  }
  return out;
}

interface Props {
  onDone: (session: CallOutput<'setup.initialize'>) => Promise<void>;
}

export function SetupWizard({ onDone }: Props) {
  const [step, setStep] = useState(0);
  // This computer as a desk of an existing host instead of a new office (PairDeskForm).
  const [pairing, setPairing] = useState(false);
  const [office, setOffice] = useState<OfficeDraft>(emptyOffice);
  const [kadis, setKadis] = useState<OfficialDraft>(() => emptyOfficial('kadis'));
  const [kabids, setKabids] = useState<OfficialDraft[]>(() => [emptyOfficial('kabid')]);
  const [opd, setOpd] = useState<OpdDraft[]>(() => [newOpd()]);
  const [opdPaste, setOpdPaste] = useState('');
  const [admin, setAdmin] = useState<AdminDraft>({ fullName: '', username: 'admin', password: '', password2: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pasteNote, setPasteNote] = useState<string | null>(null);
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  const [focusTick, setFocusTick] = useState(0);
  useFocusFirstInvalid(formRef, focusTick);

  /** The officials as sent: [Kadis, non-blank Kabid rows…] with the row each came from. */
  const officialRows = useMemo(() => {
    const rows: Array<{ draft: OfficialDraft; row: number | null }> = [{ draft: kadis, row: null }];
    kabids.forEach((k, i) => {
      if (!isBlankOfficial(k)) rows.push({ draft: k, row: i });
    });
    return rows;
  }, [kadis, kabids]);

  /** The OPD list as sent, after the pasted lines are added. */
  function opdRowsWithPaste(): OpdDraft[] {
    const parsed = parseOpdLines(opdPaste);
    if (parsed.length === 0) return opd;
    const seen = new Set(opd.filter((o) => !isBlankOpd(o)).map((o) => nameKey(o.name)));
    const added: OpdDraft[] = [];
    for (const p of parsed) {
      const k = nameKey(p.name);
      if (seen.has(k)) continue;
      seen.add(k);
      added.push(newOpd(p.name, p.shortName, p.address));
    }
    return [...opd.filter((o) => !isBlankOpd(o)), ...added];
  }

  function importPaste(): OpdDraft[] {
    const rows = opdRowsWithPaste();
    if (opdPaste.trim() !== '') {
      const before = opd.filter((o) => !isBlankOpd(o)).length;
      setPasteNote(`${rows.length - before} OPD ditambahkan ke daftar di bawah.`);
      setOpd(rows.length > 0 ? rows : [newOpd()]);
      setOpdPaste('');
    }
    return rows;
  }

  const opdSent = (rows: OpdDraft[]) => rows.filter((o) => !isBlankOpd(o));

  /** Which step holds an error path. */
  function stepOf(path: string): number {
    if (path.startsWith('office.') || path === 'logoSha256') return 0;
    if (path.startsWith('officials')) return 1;
    if (path.startsWith('opd')) return 2;
    if (path.startsWith('admin')) return 3;
    return 4;
  }

  function checkStep(index: number, opdRows: OpdDraft[]): Record<string, string> {
    const found: Record<string, string> = {};
    if (index === 0) {
      const r = OfficeProfileSchema.safeParse(office);
      if (!r.success) Object.assign(found, zodFieldErrors(r.error, 'office.'));
    } else if (index === 1) {
      officialRows.forEach(({ draft }, i) => {
        const r = OfficialInputSchema.safeParse(toOfficialInput(draft));
        if (!r.success) Object.assign(found, zodFieldErrors(r.error, `officials.${i}.`));
      });
    } else if (index === 2) {
      const seen = new Map<string, number>();
      opdSent(opdRows).forEach((o, i) => {
        const r = OpdInputSchema.safeParse({ name: o.name, shortName: o.shortName, address: o.address });
        if (!r.success) Object.assign(found, zodFieldErrors(r.error, `opd.${i}.`));
        const k = nameKey(o.name);
        if (k && seen.has(k)) found[`opd.${i}.name`] = `Nama OPD ini sudah ada di baris ${(seen.get(k) ?? 0) + 1}.`;
        else seen.set(k, i);
      });
    } else if (index === 3) {
      if (admin.fullName.trim() === '') found['admin.fullName'] = 'Nama lengkap wajib diisi.';
      const u = UsernameSchema.safeParse(admin.username);
      if (!u.success) found['admin.username'] = zodFieldErrors(u.error)._ ?? 'Nama pengguna tidak sah.';
      const p = NewPasswordSchema.safeParse(admin.password);
      if (!p.success) found['admin.password'] = zodFieldErrors(p.error)._ ?? 'Kata sandi tidak sah.';
      else if (admin.password !== admin.password2) found['admin.password2'] = 'Ulangan kata sandi tidak sama.';
    }
    return found;
  }

  function showErrors(found: Record<string, string>) {
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first !== undefined) setStep(stepOf(first));
    setFocusTick((t) => t + 1);
  }

  function goTo(target: number) {
    const rows = step === 2 ? importPaste() : opd;
    if (target > step) {
      for (let s = step; s < target; s++) {
        const found = checkStep(s, rows);
        if (Object.keys(found).length > 0) {
          setStep(s);
          showErrors(found);
          return;
        }
      }
    }
    setErrors({});
    setStep(target);
  }

  async function submit() {
    const rows = importPaste();
    for (let s = 0; s < 4; s++) {
      const found = checkStep(s, rows);
      if (Object.keys(found).length > 0) {
        showErrors(found);
        return;
      }
    }
    const input = {
      office,
      officials: officialRows.map(({ draft }) => toOfficialInput(draft)),
      opd: opdSent(rows).map((o) => ({ name: o.name, shortName: o.shortName, address: o.address, active: true })),
      admin: { fullName: admin.fullName, username: admin.username, password: admin.password },
    };
    const result = await action.run(async () => {
      const session = await call('setup.initialize', input);
      await onDone(session);
    });
    if (!result.ok) {
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(result.error.fields)) fields[k === 'logoSha256' ? 'office.logoSha256' : k] = v;
      if (Object.keys(fields).length > 0) showErrors(fields);
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (action.busy) return;
    if (step < 4) goTo(step + 1);
    else void submit();
  }

  /** The message of a field of an official shown in the UI row `row` (null = Kadis). */
  function officialErrors(row: number | null): Record<string, string> {
    const index = officialRows.findIndex((r) => r.row === row);
    return index < 0 ? {} : fieldsUnder(errors, `officials.${index}.`);
  }

  function opdErrors(draft: OpdDraft): Record<string, string> {
    const index = opdSent(opd).findIndex((o) => o.key === draft.key);
    return index < 0 ? {} : fieldsUnder(errors, `opd.${index}.`);
  }

  // Once a step shows errors, check it again as the user types, so fixed fields lose their message.
  const checkRef = useRef({ step, checkStep, stepOf, opd });
  checkRef.current = { step, checkStep, stepOf, opd };
  useEffect(() => {
    const { step: current, checkStep: check, stepOf: where, opd: rows } = checkRef.current;
    setErrors((prev) => {
      const keys = Object.keys(prev);
      if (!keys.some((k) => where(k) === current)) return prev;
      const rest: Record<string, string> = {};
      for (const k of keys) if (where(k) !== current) rest[k] = prev[k] ?? '';
      return { ...rest, ...check(current, rows) };
    });
  }, [office, kadis, kabids, opd, admin]);

  const stepErrorCount = (s: number) => Object.keys(errors).filter((k) => stepOf(k) === s).length;

  return (
    <div className="setup-page">
      <header className="setup-header">
        <span className="brand-mark" aria-hidden="true">
          L
        </span>
        <div>
          <h1>Penyiapan awal Loket</h1>
          <p className="muted">Isi sekali saja. Semua data ini dapat diubah lagi nanti di Pengaturan.</p>
        </div>
        {!pairing && step === 0 && (
          <button type="button" className="btn btn--ghost btn--small setup-pair" onClick={() => setPairing(true)}>
            Komputer meja tambahan? Sambungkan ke host Loket…
          </button>
        )}
      </header>
      {pairing && <PairDeskForm onCancel={() => setPairing(false)} />}
      {!pairing && (
      <>
      <ol className="stepper" aria-label="Langkah penyiapan">
        {STEPS.map((label, i) => (
          <li key={label} className={cls(i === step && 'is-current', i < step && 'is-done', stepErrorCount(i) > 0 && 'has-error')}>
            <button type="button" onClick={() => goTo(i)} aria-current={i === step ? 'step' : undefined} disabled={action.busy}>
              <span className="stepper-num" aria-hidden="true">
                {i + 1}
              </span>
              {label}
            </button>
          </li>
        ))}
      </ol>
      <form ref={formRef} className="card setup-card" onSubmit={onSubmit} noValidate aria-labelledby="setup-step-title">
        <h2 id="setup-step-title">
          Langkah {step + 1} dari {STEPS.length}: {STEPS[step]}
        </h2>
        {action.error && step === 4 && <Alert kind="error">{action.error}</Alert>}
        {Object.keys(errors).length > 0 && step !== 4 && (
          <Alert kind="error">Ada isian yang belum benar. Periksa kolom yang ditandai merah.</Alert>
        )}

        {step === 0 && (
          <>
            <p className="muted">Data ini dipakai untuk kop surat, lembar disposisi, dan tanda terima.</p>
            <RequiredNote />
            <OfficeFields
              idPrefix="office"
              value={office}
              onChange={setOffice}
              errors={fieldsUnder(errors, 'office.')}
              uploadLogo={(name, dataBase64) => call('setup.uploadLogo', { name, dataBase64 })}
              autoFocus
            />
          </>
        )}

        {step === 1 && (
          <>
            <RankList />
            <fieldset className="group">
              <legend>Kepala Dinas</legend>
              <OfficialFields idPrefix="kadis" value={kadis} onChange={setKadis} errors={officialErrors(null)} showUnit={false} autoFocus />
            </fieldset>
            {kabids.map((k, i) => (
              <fieldset className="group" key={i}>
                <legend>Kepala Bidang {kabids.length > 1 ? i + 1 : ''}</legend>
                <OfficialFields
                  idPrefix={`kabid-${i}`}
                  value={k}
                  onChange={(v) => setKabids(kabids.map((x, j) => (j === i ? v : x)))}
                  errors={officialErrors(i)}
                />
                <button type="button" className="btn btn--link" onClick={() => setKabids(kabids.filter((_, j) => j !== i))}>
                  Hapus Kepala Bidang ini
                </button>
              </fieldset>
            ))}
            <button type="button" className="btn btn--secondary" onClick={() => setKabids([...kabids, emptyOfficial('kabid')])}>
              + Tambah Kepala Bidang
            </button>
            <p className="field-hint">Baris Kepala Bidang yang dibiarkan kosong tidak disimpan.</p>
          </>
        )}

        {step === 2 && (
          <>
            <p className="muted">OPD (perangkat daerah) yang mengirim surat permohonan. Daftar ini bisa dilengkapi nanti.</p>
            <TextAreaField
              id="opd-paste"
              label="Tempel daftar, satu OPD per baris"
              hint="Boleh disalin dari lembar kerja: nama, singkatan, alamat dipisah tab atau titik koma. “Dinas Pendidikan (Disdik)” juga bisa."
              rows={4}
              value={opdPaste}
              onValueChange={setOpdPaste}
              autoFocus
            />
            <div className="actions actions--start">
              <button type="button" className="btn btn--secondary" onClick={() => importPaste()} disabled={opdPaste.trim() === ''}>
                Masukkan ke daftar
              </button>
              {pasteNote && (
                <span className="muted" role="status">
                  {pasteNote}
                </span>
              )}
            </div>
            <table className="table table--form">
              <caption className="sr-only">Daftar OPD</caption>
              <thead>
                <tr>
                  <th scope="col">No.</th>
                  <th scope="col">Nama OPD</th>
                  <th scope="col">Singkatan</th>
                  <th scope="col">Alamat</th>
                  <th scope="col">
                    <span className="sr-only">Hapus</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {opd.map((o, i) => {
                  const e = opdErrors(o);
                  const update = (patch: Partial<OpdDraft>) => setOpd(opd.map((x) => (x.key === o.key ? { ...x, ...patch } : x)));
                  return (
                    <tr key={o.key}>
                      <td className="num">{i + 1}</td>
                      <td>
                        <TextField id={`opd-${i}-name`} label={<span className="sr-only">Nama OPD baris {i + 1}</span>} value={o.name} onValueChange={(v) => update({ name: v })} error={e.name} maxLength={200} />
                      </td>
                      <td>
                        <TextField id={`opd-${i}-shortName`} label={<span className="sr-only">Singkatan baris {i + 1}</span>} value={o.shortName} onValueChange={(v) => update({ shortName: v })} error={e.shortName} maxLength={40} />
                      </td>
                      <td>
                        <TextField id={`opd-${i}-address`} label={<span className="sr-only">Alamat baris {i + 1}</span>} value={o.address} onValueChange={(v) => update({ address: v })} error={e.address} maxLength={300} />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="btn btn--icon"
                          aria-label={`Hapus baris ${i + 1}`}
                          title="Hapus baris"
                          onClick={() => setOpd(opd.length > 1 ? opd.filter((x) => x.key !== o.key) : [newOpd()])}
                        >
                          ×
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <button type="button" className="btn btn--secondary" onClick={() => setOpd([...opd, newOpd()])}>
              + Tambah baris OPD
            </button>
          </>
        )}

        {step === 3 && (
          <>
            <p className="muted">Akun pertama Loket. Administrator dapat menambah pengguna lain (front desk, Kepala Dinas, Kepala Bidang, petugas teknis).</p>
            <RequiredNote />
            <div className="form-grid">
              <TextField
                id="admin-fullName"
                className="span-2"
                label="Nama lengkap"
                value={admin.fullName}
                onValueChange={(v) => setAdmin({ ...admin, fullName: v })}
                error={errors['admin.fullName']}
                required
                autoFocus
                maxLength={120}
              />
              <TextField
                id="admin-username"
                label="Nama pengguna"
                hint="Huruf kecil, angka, titik, garis bawah, atau tanda hubung."
                value={admin.username}
                onValueChange={(v) => setAdmin({ ...admin, username: v })}
                error={errors['admin.username']}
                required
                autoCapitalize="none"
                spellCheck={false}
                autoComplete="username"
                maxLength={40}
              />
              <div />
              <TextField
                id="admin-password"
                label="Kata sandi"
                type="password"
                hint="Paling sedikit 8 karakter."
                value={admin.password}
                onValueChange={(v) => setAdmin({ ...admin, password: v })}
                error={errors['admin.password']}
                required
                autoComplete="new-password"
              />
              <TextField
                id="admin-password2"
                label="Ulangi kata sandi"
                type="password"
                value={admin.password2}
                onValueChange={(v) => setAdmin({ ...admin, password2: v })}
                error={errors['admin.password2']}
                required
                autoComplete="new-password"
              />
            </div>
          </>
        )}

        {step === 4 && (
          <>
            <p>Periksa ringkasan berikut, lalu tekan “Simpan dan mulai”.</p>
            <dl className="summary">
              <dt>Kantor</dt>
              <dd>
                {office.government} — {office.agencyName}
                <br />
                {office.address}, {office.city}
                {office.postcode && ` ${office.postcode}`}
                <br />
                Zona waktu {TIME_ZONE_LABELS[office.timeZone]} · {office.logoSha256 ? 'logo terunggah' : 'tanpa logo'}
              </dd>
              <dt>Format nomor agenda</dt>
              <dd>
                <code>{office.agendaFormat}</code>
              </dd>
              <dt>Kepala Dinas</dt>
              <dd>
                {kadis.acting && 'Plt. '}
                {kadis.title}: {kadis.name}
                {kadis.nip && `, NIP ${kadis.nip}`}
              </dd>
              <dt>Kepala Bidang</dt>
              <dd>
                {officialRows.length > 1
                  ? officialRows
                      .slice(1)
                      .map(({ draft }) => `${draft.acting ? 'Plt. ' : ''}${draft.title}: ${draft.name}`)
                      .join('; ')
                  : 'Belum ada'}
              </dd>
              <dt>OPD</dt>
              <dd>{opdSent(opd).length} OPD</dd>
              <dt>Administrator</dt>
              <dd>
                {admin.fullName} ({admin.username})
              </dd>
            </dl>
          </>
        )}

        <div className="actions wizard-actions">
          {step > 0 && (
            <button type="button" className="btn btn--ghost" onClick={() => goTo(step - 1)} disabled={action.busy}>
              ← Kembali
            </button>
          )}
          <span className="spacer" />
          <button type="submit" className="btn btn--primary" disabled={action.busy}>
            {step < 4 ? 'Lanjut →' : action.busy ? 'Menyimpan…' : 'Simpan dan mulai'}
          </button>
        </div>
      </form>
      </>
      )}
    </div>
  );
}
