/**
 * Pengaturan → Standar pelayanan: per service, what the SOP cannot say (the requirements, the fee,
 * the product). The procedure and the time come from the SOP that serves the service, the hours
 * from the working calendar, the complaint channels from Pengaturan → Pengaduan.
 */
import type { ServiceStandard, ServiceStandardInput } from '../../../shared/api/report-schemas';
import { call } from '../api';
import { TextAreaField, TextField } from '../components/fields';
import { href } from '../lib/router';
import { EditableTable, EditorCard, ListCard, OrDash, useEditor, useList } from './common';

interface Draft {
  service: ServiceStandardInput['service'];
  label: string;
  /** One requirement per line. */
  requirements: string;
  fee: string;
  product: string;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** "requirements.2" → "Baris 3: …" on the requirements box. */
function requirementsError(fields: Record<string, string>): string | undefined {
  const key = Object.keys(fields).find((k) => k === 'requirements' || k.startsWith('requirements.'));
  if (!key) return undefined;
  const index = Number(key.split('.')[1]);
  return Number.isInteger(index) ? `Baris ${index + 1}: ${fields[key]}` : fields[key];
}

export function StandardsSettings() {
  const list = useList(() => call('standards.list', {}));
  const editor = useEditor<Draft>(async (d) => {
    const saved = await call('standards.save', { service: d.service, requirements: lines(d.requirements), fee: d.fee, product: d.product });
    return `Standar pelayanan ${saved.serviceLabel} tersimpan.`;
  }, list.reload);
  const { editing, setEditing, action } = editor;

  function edit(s: ServiceStandard) {
    editor.open({ service: s.service, label: s.serviceLabel, requirements: s.requirements.join('\n'), fee: s.fee, product: s.product });
  }

  return (
    <div className="list-editor">
      <ListCard
        title="Standar pelayanan"
        description={
          <>
            Persyaratan, biaya, dan produk tiap layanan. Prosedur dan waktunya diambil dari SOP layanan; jam pelayanan dari kalender kerja; saluran pengaduan
            dari Pengaturan → Pengaduan. Front desk mencetaknya di <a href={href('/standar')}>Standar pelayanan</a>.
          </>
        }
        notice={editor.notice}
        list={list}
      >
        {(items) => (
          <EditableTable
            items={items}
            rowKey={(s) => s.service}
            columns={[
              { header: 'Layanan', cell: (s) => s.serviceLabel },
              { header: 'SOP', cell: (s) => s.template?.name ?? <span className="muted">Belum dipilih</span> },
              { header: 'Persyaratan', cell: (s) => (s.requirements.length === 0 ? <span className="muted">Belum diisi</span> : `${s.requirements.length} butir`) },
              { header: 'Waktu', cell: (s) => s.time },
              { header: 'Biaya', cell: (s) => <OrDash value={s.fee} /> },
              { header: 'Produk', cell: (s) => <OrDash value={s.product} /> },
            ]}
            onEdit={edit}
            editLabel={(s) => `Ubah standar ${s.serviceLabel}`}
          />
        )}
      </ListCard>
      {editing && (
        <EditorCard
          title={`Standar pelayanan: ${editing.label}`}
          formRef={editor.formRef}
          onSubmit={editor.submit}
          onCancel={editor.cancel}
          busy={action.busy}
          error={action.error}
          submitLabel="Simpan standar"
        >
          <TextAreaField
            id="standard-requirements"
            label="Persyaratan"
            rows={5}
            value={editing.requirements}
            onValueChange={(v) => {
              setEditing({ ...editing, requirements: v });
              action.dismiss(Object.keys(action.fields).filter((k) => k.startsWith('requirements')));
            }}
            error={requirementsError(action.fields)}
            hint="Satu persyaratan per baris, mis. “Surat permohonan dari Kepala Perangkat Daerah”. Paling banyak 30."
            autoFocus
          />
          <TextField
            id="standard-fee"
            label="Biaya/tarif"
            value={editing.fee}
            onValueChange={(v) => setEditing({ ...editing, fee: v })}
            error={action.fields.fee}
            hint="Mis. “Tidak dipungut biaya (gratis)”."
            maxLength={300}
          />
          <TextField
            id="standard-product"
            label="Produk pelayanan"
            value={editing.product}
            onValueChange={(v) => setEditing({ ...editing, product: v })}
            error={action.fields.product}
            hint="Mis. “Dokumen hak akses hosting”."
            maxLength={300}
          />
        </EditorCard>
      )}
    </div>
  );
}
