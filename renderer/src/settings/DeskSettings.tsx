import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import { PAPER_LABELS, PAPER_SIZES, type PaperSize } from '../../../shared/api/schemas';
import { call } from '../api';
import { Alert, SelectField, TextField } from '../components/fields';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';
import { useSession } from '../session';
import { notificationPermission, requestNotificationPermission, showNotices, type NotifyPermission } from '../lib/notify';

export function DeskSettings() {
  const { prefs, setPrefs } = useSession();
  const [paper, setPaper] = useState<PaperSize>(prefs.paper);
  const [printer, setPrinter] = useState(prefs.printer ?? '');
  const [copies, setCopies] = useState(String(prefs.copies));
  const [idle, setIdle] = useState(String(prefs.idleLockMinutes));
  const [printers, setPrinters] = useState<CallOutput<'print.printers'> | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.fields);

  useEffect(() => {
    call('print.printers', {})
      .then(setPrinters)
      .catch(() => setPrinters({ available: false, printers: [], message: 'Daftar printer tidak dapat dimuat.' }));
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (action.busy) return;
    setSaved(false);
    const fields: Record<string, string> = {};
    const c = Number(copies);
    const m = Number(idle);
    if (!Number.isInteger(c) || c < 1 || c > 20) fields.copies = 'Jumlah salinan 1 sampai 20.';
    if (!Number.isInteger(m) || m < 1 || m > 240) fields.idleLockMinutes = 'Isi 1 sampai 240 menit.';
    if (Object.keys(fields).length > 0) {
      action.setFields(fields);
      action.setError('Isian belum benar. Periksa kolom yang ditandai.');
      return;
    }
    const result = await action.run(() => call('prefs.set', { paper, printer: printer === '' ? null : printer, copies: c, idleLockMinutes: m }));
    if (result.ok) {
      setPrefs(result.value);
      setSaved(true);
    }
  }

  const printerOptions = (printers?.printers ?? []).map((p) => ({ value: p.name, label: p.isDefault ? `${p.name} (bawaan)` : p.name }));
  if (printer !== '' && !printerOptions.some((o) => o.value === printer)) printerOptions.push({ value: printer, label: `${printer} (tidak ditemukan)` });

  return (
    <>
    <form ref={formRef} className="card narrow" onSubmit={submit} noValidate aria-labelledby="desk-title">
      <h2 id="desk-title">Meja ini</h2>
      <p className="muted">Pengaturan komputer ini saja: kertas dan printer bawaan untuk dokumen, dan kunci layar.</p>
      {action.error && <Alert kind="error">{action.error}</Alert>}
      {saved && <Alert kind="success">Pengaturan meja ini tersimpan.</Alert>}
      <SelectField
        id="desk-paper"
        label="Kertas bawaan"
        value={paper}
        onValueChange={(v) => setPaper((PAPER_SIZES as readonly string[]).includes(v) ? (v as PaperSize) : 'A4')}
        options={PAPER_SIZES.map((p) => ({ value: p, label: PAPER_LABELS[p] }))}
        error={action.fields.paper}
        autoFocus
      />
      <SelectField
        id="desk-printer"
        label="Printer bawaan"
        value={printer}
        onValueChange={setPrinter}
        placeholder="— belum dipilih —"
        options={printerOptions}
        error={action.fields.printer}
        hint={printers === null ? 'Mencari printer…' : (printers.message ?? undefined)}
      />
      <TextField id="desk-copies" label="Jumlah salinan" type="number" min={1} max={20} value={copies} onValueChange={setCopies} error={action.fields.copies} />
      <TextField
        id="desk-idle"
        label="Kunci layar setelah tidak ada kegiatan (menit)"
        type="number"
        min={1}
        max={240}
        value={idle}
        onValueChange={setIdle}
        error={action.fields.idleLockMinutes}
      />
      <div className="actions">
        <span className="spacer" />
        <button type="submit" className="btn btn--primary" disabled={action.busy}>
          {action.busy ? 'Menyimpan…' : 'Simpan'}
        </button>
      </div>
    </form>
    <NotificationSettings />
    </>
  );
}

const PERMISSION_TEXT: Record<NotifyPermission, string> = {
  unsupported: 'Peramban ini tidak mendukung pemberitahuan desktop.',
  default: 'Belum diaktifkan di komputer ini.',
  denied: 'Ditolak. Izinkan pemberitahuan untuk Loket di pengaturan peramban atau sistem operasi, lalu muat ulang halaman.',
  granted: 'Aktif: Loket memberi tahu disposisi baru dan langkah yang terlambat, hanya pada jam kerja.',
};

function NotificationSettings() {
  const [permission, setPermission] = useState<NotifyPermission>(() => notificationPermission());
  const [tested, setTested] = useState<string | null>(null);
  return (
    <section className="card narrow" aria-labelledby="notify-title">
      <h2 id="notify-title">Pemberitahuan desktop</h2>
      <p className="muted">
        Loket memeriksa antrian Anda setiap menit. Pada jam kerja kantor, muncul pemberitahuan bila ada disposisi baru untuk Anda atau langkah Anda melewati baku waktunya.
      </p>
      <p className={permission === 'granted' ? 'notify-state notify-state--on' : 'notify-state'} role="status">
        {PERMISSION_TEXT[permission]}
      </p>
      {tested && <Alert kind="info">{tested}</Alert>}
      <div className="actions">
        {permission !== 'granted' && (
          <button
            type="button"
            className="btn btn--primary"
            disabled={permission === 'unsupported' || permission === 'denied'}
            onClick={() => void requestNotificationPermission().then(setPermission)}
          >
            Aktifkan pemberitahuan desktop
          </button>
        )}
        {permission === 'granted' && (
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => {
              const n = showNotices([{ kind: 'disposition', title: 'Uji pemberitahuan Loket', body: 'Pemberitahuan desktop berfungsi di komputer ini.' }]);
              setTested(n > 0 ? 'Pemberitahuan uji dikirim.' : 'Pemberitahuan tidak dapat ditampilkan di komputer ini.');
            }}
          >
            Kirim pemberitahuan uji
          </button>
        )}
      </div>
    </section>
  );
}
