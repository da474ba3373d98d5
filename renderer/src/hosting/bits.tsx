/** Small pieces the hosting and document screens share: status badges, copy button, OPD options. */
import { useEffect, useState } from 'react';
import { HOSTING_STATUS_LABELS, type HostingStatus } from '../../../shared/api/hosting-schemas';
import type { Opd } from '../../../shared/api/schemas';
import { call } from '../api';
import './hosting.css';

export function HostingStatusBadge({ status }: { status: HostingStatus }) {
  return <span className={`badge badge--hosting-${status}`}>{HOSTING_STATUS_LABELS[status]}</span>;
}

export function SecurityBadge({ passed }: { passed: boolean | null }) {
  if (passed === null) return <span className="badge badge--off">Belum dievaluasi</span>;
  return passed ? <span className="badge badge--ok">Lulus evaluasi</span> : <span className="badge badge--hosting-dihentikan">Tidak lulus</span>;
}

/** A button that copies `text` and says so for a moment. */
export function CopyButton({ text, label = 'Salin', className = 'btn btn--secondary btn--small' }: { text: string; label?: string; className?: string }) {
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('done');
    } catch {
      setState('failed');
    }
  }
  return (
    <button type="button" className={className} onClick={() => void copy()} aria-live="polite">
      {state === 'done' ? 'Tersalin' : state === 'failed' ? 'Tidak dapat disalin' : label}
    </button>
  );
}

/** The OPD list for selects (active ones, plus inactive ones when asked). */
export function useOpdList(includeInactive = false): { opds: Opd[] | null; error: string | null } {
  const [opds, setOpds] = useState<Opd[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('opd.list', { q: '', includeInactive })
      .then((list) => live && setOpds(list))
      .catch(() => live && setError('Daftar OPD tidak dapat dimuat.'));
    return () => {
      live = false;
    };
  }, [includeInactive]);
  return { opds, error };
}

/** "ppdb.pekalongankota.go.id" with a break chance after each dot. */
export function Fqdn({ name }: { name: string }) {
  const parts = name.split('.');
  return (
    <span className="fqdn">
      {parts.map((p, i) => (
        <span key={i}>
          {p}
          {i < parts.length - 1 && (
            <>
              .<wbr />
            </>
          )}
        </span>
      ))}
    </span>
  );
}
