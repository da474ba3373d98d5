/**
 * Whether the register can be reached, for the banner at the top of every screen (issue 8). The API
 * layer reports here; nothing in this module calls anything.
 */
export interface ConnectionState {
  /** The register host did not answer the last call (a desk client whose host is away). */
  hostAway: boolean;
  /** A short message about a save that was interrupted (confirmed later, or not saved). */
  notice: { text: string; kind: 'success' | 'error' } | null;
}

let state: ConnectionState = { hostAway: false, notice: null };
const listeners = new Set<(state: ConnectionState) => void>();
let noticeTimer: ReturnType<typeof setTimeout> | undefined;

function set(next: ConnectionState): void {
  if (next.hostAway === state.hostAway && next.notice === state.notice) return;
  state = next;
  for (const l of listeners) l(state);
}

export function getConnection(): ConnectionState {
  return state;
}

export function subscribeConnection(listener: (state: ConnectionState) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function reportHostAway(): void {
  set({ ...state, hostAway: true });
}

export function reportHostBack(): void {
  if (state.hostAway) set({ ...state, hostAway: false });
}

export function reportNotice(text: string, kind: 'success' | 'error'): void {
  clearTimeout(noticeTimer);
  set({ ...state, notice: { text, kind } });
  noticeTimer = setTimeout(() => set({ ...state, notice: null }), 12_000);
}

export function dismissNotice(): void {
  clearTimeout(noticeTimer);
  set({ ...state, notice: null });
}
