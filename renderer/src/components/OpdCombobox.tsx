/**
 * The sender of a letter: type to search the OPD list (opd.list with q), arrow keys and Enter to
 * choose, Escape to close. A name that is not in the list is kept as typed (a new sender).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Opd } from '../../../shared/api/schemas';
import { call } from '../api';
import { FieldError, cls } from './fields';

export interface SenderValue {
  opdId: number | null;
  name: string;
}

interface Props {
  id: string;
  label: string;
  value: SenderValue;
  onChange: (value: SenderValue) => void;
  error?: string | undefined;
  autoFocus?: boolean;
}

const key = (s: string) => s.normalize('NFKC').toLocaleLowerCase('id-ID').replace(/\s+/g, ' ').trim();

export function OpdCombobox({ id, label, value, onChange, error, autoFocus }: Props) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<Opd[]>([]);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const requestNo = useRef(0);
  const listRef = useRef<HTMLUListElement>(null);

  // Search as the user types (a short pause first).
  useEffect(() => {
    if (!open) return;
    const no = ++requestNo.current;
    const timer = window.setTimeout(() => {
      setLoading(true);
      call('opd.list', { q: value.opdId === null ? value.name : '' })
        .then((list) => {
          if (no !== requestNo.current) return;
          setOptions(list.slice(0, 50));
          setActive(list.length > 0 && value.name.trim() !== '' ? 0 : -1);
          setLoadError(null);
        })
        .catch(() => {
          if (no === requestNo.current) setLoadError('Daftar OPD tidak dapat dimuat.');
        })
        .finally(() => {
          if (no === requestNo.current) setLoading(false);
        });
    }, 150);
    return () => window.clearTimeout(timer);
  }, [open, value.name, value.opdId]);

  useEffect(() => {
    if (active < 0) return;
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  function choose(opd: Opd) {
    onChange({ opdId: opd.id, name: opd.name });
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(options.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(-1, a - 1));
    } else if (e.key === 'Enter') {
      if (open && active >= 0 && options[active]) {
        e.preventDefault();
        choose(options[active]);
      } else if (open && options.length > 0) {
        e.preventDefault();
        setOpen(false);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
      }
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  }

  function onBlur() {
    // A typed name that is exactly an OPD of the list: take that OPD.
    if (value.opdId === null && value.name.trim() !== '') {
      const exact = options.find((o) => key(o.name) === key(value.name) || (o.shortName !== '' && key(o.shortName) === key(value.name)));
      if (exact) onChange({ opdId: exact.id, name: exact.name });
    }
    window.setTimeout(() => setOpen(false), 120);
  }

  const expanded = open && (options.length > 0 || loading || loadError !== null || value.name.trim() !== '');
  const activeId = active >= 0 ? `${listId}-opt-${active}` : undefined;

  return (
    <div className={cls('field combobox', error && 'field--invalid')}>
      <div className="field-label-row">
        <label htmlFor={id}>
          {label}
          <span className="req" aria-hidden="true">
            {' '}*
          </span>
        </label>
        {value.opdId !== null ? (
          <span className="tag tag--ok">OPD terdaftar</span>
        ) : value.name.trim() !== '' ? (
          <span className="tag tag--new">Pengirim baru</span>
        ) : null}
      </div>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? activeId : undefined}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={cls(`${id}-hint`, error && `${id}-error`)}
        placeholder="Ketik nama atau singkatan OPD…"
        value={value.name}
        maxLength={200}
        autoFocus={autoFocus}
        onChange={(e) => {
          onChange({ opdId: null, name: e.target.value });
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="field-hint">
        Pilih dengan ↑ ↓ lalu Enter. Nama yang belum ada di daftar dicatat sebagai pengirim baru.
      </p>
      <ul id={listId} ref={listRef} role="listbox" aria-label="Daftar OPD" className="combobox-list" hidden={!expanded}>
        {options.map((o, i) => (
          <li
            key={o.id}
            id={`${listId}-opt-${i}`}
            data-index={i}
            role="option"
            aria-selected={i === active}
            className={cls('combobox-option', i === active && 'is-active')}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(o)}
          >
            <span>{o.name}</span>
            {o.shortName && <span className="muted"> · {o.shortName}</span>}
          </li>
        ))}
        {options.length === 0 && !loading && !loadError && value.name.trim() !== '' && (
          <li className="combobox-empty" role="presentation">
            Tidak ada di daftar OPD — “{value.name.trim()}” akan dicatat sebagai pengirim baru.
          </li>
        )}
        {loadError && (
          <li className="combobox-empty" role="presentation">
            {loadError}
          </li>
        )}
      </ul>
      <FieldError id={id} error={error} />
    </div>
  );
}
