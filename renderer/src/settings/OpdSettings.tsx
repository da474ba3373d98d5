import { useState } from 'react';
import type { Opd } from '../../../shared/api/schemas';
import { call } from '../api';
import { CheckboxField, TextField } from '../components/fields';
import { useDebounced } from '../lib/useDebounced';
import { href } from '../lib/router';
import { AddButton, EditableTable, EditorCard, ListCard, OrDash, statusColumn, useEditor, useList } from './common';
import { ExportExcelButton } from '../reports/ReportFiles';

interface OpdDraft {
  id?: number;
  name: string;
  shortName: string;
  address: string;
  active: boolean;
}

export function OpdSettings() {
  const [q, setQ] = useState('');
  const [includeInactive, setIncludeInactive] = useState(true);
  const query = useDebounced(q, 250);
  const list = useList(() => call('opd.list', { q: query, includeInactive }), `${query}|${includeInactive}`);
  const editor = useEditor<OpdDraft>(async (draft) => {
    const saved = await call('opd.save', draft);
    return `${saved.name} tersimpan.`;
  }, list.reload);
  const { editing, setEditing, notice, action, formRef, submit } = editor;

  function edit(o: Opd | null) {
    editor.open(o ? { ...o } : { name: '', shortName: '', address: '', active: true });
  }

  return (
    <div className="list-editor">
      <ListCard
        title="Daftar OPD"
        description="Perangkat daerah pengirim surat. OPD yang sudah tidak ada cukup dinonaktifkan; surat lamanya tetap utuh."
        action={
          <div className="actions">
            <a className="btn btn--ghost" href={href('/impor/opd')}>
              Impor dari Excel/CSV…
            </a>
            {list.items && list.items.length > 0 && <ExportExcelButton id="opd-export" make={() => call('lists.xlsx', { list: 'opd', q: query, includeInactive })} />}
            <AddButton label="+ Tambah OPD" onClick={() => edit(null)} />
          </div>
        }
        filters={
          <div className="inline-filters">
            <TextField id="opd-q" label="Cari OPD" type="search" value={q} onValueChange={setQ} maxLength={200} />
            <CheckboxField id="opd-inactive" label="Tampilkan yang nonaktif" checked={includeInactive} onCheckedChange={setIncludeInactive} />
          </div>
        }
        notice={notice}
        list={list}
      >
        {(items) =>
          items.length === 0 ? (
            <p className="muted">Tidak ada OPD yang cocok.</p>
          ) : (
            <EditableTable
              items={items}
              rowKey={(o) => o.id}
              columns={[
                { header: 'Nama OPD', cell: (o) => o.name },
                { header: 'Singkatan', cell: (o) => <OrDash value={o.shortName} /> },
                { header: 'Alamat', cell: (o) => <OrDash value={o.address} /> },
                statusColumn(),
              ]}
              onEdit={edit}
              editLabel={(o) => `Ubah ${o.name}`}
            />
          )
        }
      </ListCard>
      {editing && (
        <EditorCard
          title={editing.id ? `Ubah OPD: ${editing.name}` : 'OPD baru'}
          formRef={formRef}
          onSubmit={submit}
          onCancel={() => setEditing(null)}
          busy={action.busy}
          error={action.error}
          submitLabel="Simpan OPD"
        >
          <TextField id="opd-name" label="Nama OPD" value={editing.name} onValueChange={(v) => setEditing({ ...editing, name: v })} error={action.fields.name} required autoFocus maxLength={200} />
          <TextField id="opd-shortName" label="Singkatan" value={editing.shortName} onValueChange={(v) => setEditing({ ...editing, shortName: v })} error={action.fields.shortName} maxLength={40} />
          <TextField id="opd-address" label="Alamat" value={editing.address} onValueChange={(v) => setEditing({ ...editing, address: v })} error={action.fields.address} maxLength={300} />
          <CheckboxField id="opd-active" label="Aktif" checked={editing.active} onCheckedChange={(v) => setEditing({ ...editing, active: v })} />
        </EditorCard>
      )}
    </div>
  );
}
