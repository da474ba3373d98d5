import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import { PAPER_LABELS, PAPER_SIZES, type PaperSize } from '../../../shared/api/schemas';
import { call } from '../api';
import { Alert, SelectField, TextField } from '../components/fields';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';
import { useSession } from '../session';

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
  );
}
