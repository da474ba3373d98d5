/**
 * The banner over every screen when the register host cannot be reached (issue 8), and the short
 * message about a save that was interrupted: confirmed after the host came back, or not saved.
 */
import { useEffect, useState } from 'react';
import { dismissNotice, getConnection, subscribeConnection, type ConnectionState } from '../lib/connection';

export const HOST_AWAY_TEXT = 'Register di komputer host tidak dapat dihubungi. Mencoba lagi…';

export function HostBanner() {
  const [state, setState] = useState<ConnectionState>(getConnection);
  useEffect(() => subscribeConnection(setState), []);
  if (!state.hostAway && !state.notice) return null;
  return (
    <div className="host-banner-area">
      {state.hostAway && (
        <div className="host-banner host-banner--away" role="alert" data-testid="host-away">
          <span className="host-banner-spinner" aria-hidden="true" />
          <span>{HOST_AWAY_TEXT}</span>
          <span className="host-banner-hint">Isian Anda tetap di layar dan tidak disimpan di komputer ini.</span>
        </div>
      )}
      {state.notice && (
        <div className={`host-banner host-banner--${state.notice.kind}`} role="status" data-testid="host-notice">
          <span>{state.notice.text}</span>
          <button type="button" className="btn btn--ghost" onClick={dismissNotice}>
            Tutup
          </button>
        </div>
      )}
    </div>
  );
}
