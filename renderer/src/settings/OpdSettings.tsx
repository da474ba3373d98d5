import { useRef, useState, type FormEvent } from 'react';
import type { Opd } from '../../../shared/api/schemas';
import { call } from '../api';
import { Alert, CheckboxField, TextField } from '../components/fields';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';
import { useDebounced } from '../lib/useDebounced';
import { href } from '../lib/router';
import { ActiveMark, EditorCard, ListHead, LoadState, useList } from './common';
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
  const [editing, setEditing] = useState<OpdDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.fields);

  function edit(o: Opd | null) {
    action.clear();
    setNotice(null);
    setEditing(o ? { ...o } : { name: '', shortName: '', address: '', active: true });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!editing || action.busy) return;
    const result = await action.run(() => call('opd.save', editing));
    if (result.ok) {
      setNotice(`${result.value.name} tersimpan.`);
      setEditing(null);
      list.reload();
    }
  }

  return (
    <div className="list-editor">
      <section className="card">
        <ListHead
          title="Daftar OPD"
          description="Perangkat daerah pengirim surat. OPD yang sudah tidak ada cukup dinonaktifkan; surat lamanya tetap utuh."
          action={
            <div className="actions">
              <a className="btn btn--ghost" href={href('/impor/opd')}>
                Impor dari Excel/CSV…
              </a>
              {list.items && list.items.length > 0 && <ExportExcelButton id="opd-export" make={() => call('lists.xlsx', { list: 'opd', q: query, includeInactive })} />}
              <button type="button" className="btn btn--secondary" onClick={() => edit(null)}>
                + Tambah OPD
              </button>
            </div>
          }
        />
        <div className="inline-filters">
          <TextField id="opd-q" label="Cari OPD" type="search" value={q} onValueChange={setQ} maxLength={200} />
          <CheckboxField id="opd-inactive" label="Tampilkan yang nonaktif" checked={includeInactive} onCheckedChange={setIncludeInactive} />
        </div>
        {notice && <Alert kind="success">{notice}</Alert>}
        <LoadState error={list.error} loading={list.items === null} />
        {list.items && list.items.length === 0 && <p className="muted">Tidak ada OPD yang cocok.</p>}
        {list.items && list.items.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Nama OPD</th>
                <th scope="col">Singkatan</th>
                <th scope="col">Alamat</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Tindakan</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((o) => (
                <tr key={o.id}>
                  <td>{o.name}</td>
                  <td>{o.shortName || <span className="muted">–</span>}</td>
                  <td>{o.address || <span className="muted">–</span>}</td>
                  <td>
                    <ActiveMark active={o.active} />
                  </td>
                  <td className="num">
                    <button type="button" className="btn btn--small btn--ghost" onClick={() => edit(o)} aria-label={`Ubah ${o.name}`}>
                      Ubah
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
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
