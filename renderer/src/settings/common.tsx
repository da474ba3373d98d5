/** Pieces shared by the settings lists: a list with an editor beside it. */
import { useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { asApiError } from '../api';
import { Alert } from '../components/fields';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';

/** Loads a list, again whenever `key` changes, and on demand. */
export function useList<T>(load: () => Promise<T[]>, key = '') {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    loadRef.current()
      .then((list) => {
        if (!live) return;
        setItems(list);
        setError(null);
      })
      .catch((e: unknown) => live && setError(asApiError(e).message));
    return () => {
      live = false;
    };
  }, [key, tick]);
  return { items, error, reload: () => setTick((t) => t + 1) };
}

interface EditorProps {
  title: string;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
  busy: boolean;
  error: string | null;
  submitLabel: string;
  children: ReactNode;
}

export function EditorCard({ title, formRef, onSubmit, onCancel, busy, error, submitLabel, children }: EditorProps) {
  return (
    <form
      ref={formRef}
      className="card editor-card"
      onSubmit={onSubmit}
      noValidate
      aria-label={title}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <h3>{title}</h3>
      {error && <Alert kind="error">{error}</Alert>}
      {children}
      <div className="actions">
        <span className="spacer" />
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          Batal
        </button>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Menyimpan…' : submitLabel}
        </button>
      </div>
    </form>
  );
}

export function ListHead({ title, description, action }: { title: string; description?: ReactNode; action?: ReactNode }) {
  return (
    <div className="list-head">
      <div>
        <h2>{title}</h2>
        {description && <p className="muted">{description}</p>}
      </div>
      {action}
    </div>
  );
}

export function ActiveMark({ active }: { active: boolean }) {
  return active ? <span className="badge badge--ok">Aktif</span> : <span className="badge badge--off">Nonaktif</span>;
}

export function LoadState({ error, loading }: { error: string | null; loading: boolean }) {
  if (error) return <Alert kind="error">{error}</Alert>;
  if (loading) return <p role="status">Memuat…</p>;
  return null;
}

/**
 * The state of a list's editor: the draft being edited (null: closed), the save with its errors,
 * and the notice after a save. `save` returns the notice ("… tersimpan."); `onSaved` reloads the list.
 */
export function useEditor<D>(save: (draft: D) => Promise<string>, onSaved: () => void) {
  const [editing, setEditing] = useState<D | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.fields);

  function open(draft: D) {
    action.clear();
    setNotice(null);
    setEditing(draft);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (editing === null || action.busy) return;
    const draft = editing;
    const result = await action.run(() => save(draft));
    if (result.ok) {
      setNotice(result.value);
      setEditing(null);
      onSaved();
    }
  }

  return { editing, setEditing, notice, action, formRef, open, submit, cancel: () => setEditing(null) };
}

/** One column of a settings list: its heading and what a row shows in it. */
export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
  className?: string;
}

/** A settings list as a table, each row with its "Ubah" button (named for the row, for screen readers). */
export function EditableTable<T>({
  items,
  rowKey,
  columns,
  onEdit,
  editLabel,
}: {
  items: readonly T[];
  rowKey: (item: T) => string | number;
  columns: ReadonlyArray<Column<T>>;
  onEdit: (item: T) => void;
  editLabel: (item: T) => string;
}) {
  return (
    <table className="table">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
          <th scope="col">
            <span className="sr-only">Tindakan</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={rowKey(item)}>
            {columns.map((c) => (
              <td key={c.header} className={c.className}>
                {c.cell(item)}
              </td>
            ))}
            <td className="num">
              <button type="button" className="btn btn--small btn--ghost" onClick={() => onEdit(item)} aria-label={editLabel(item)}>
                Ubah
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A cell's value, or a grey dash when it is empty. */
export function OrDash({ value }: { value: ReactNode }) {
  return value ? <>{value}</> : <span className="muted">–</span>;
}

/** The "Status" column of a list whose rows can be switched off. */
export function statusColumn<T extends { active: boolean }>(): Column<T> {
  return { header: 'Status', cell: (item) => <ActiveMark active={item.active} /> };
}

/**
 * The card of a settings list: its head (title, description, actions), optional filters, the
 * notice after a save, the loading state, and the list itself once it has loaded.
 */
export function ListCard<T>({
  title,
  description,
  action,
  filters,
  notice,
  list,
  children,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  filters?: ReactNode;
  notice: string | null;
  list: { items: T[] | null; error: string | null };
  children: (items: T[]) => ReactNode;
}) {
  return (
    <section className="card">
      <ListHead title={title} description={description} action={action} />
      {filters}
      {notice && <Alert kind="success">{notice}</Alert>}
      <LoadState error={list.error} loading={list.items === null} />
      {list.items && children(list.items)}
    </section>
  );
}

/** "+ Tambah …" at the head of a settings list. */
export function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="btn btn--secondary" onClick={onClick}>
      {label}
    </button>
  );
}
