/**
 * Live updates (issue 8): the register's change events, from any desk, to the screens that show
 * lists and the open letter. In the browser an EventSource on `/api/events` (the desk client's
 * local server proxies it from the host); in the Electron window `window.loket.onChange`.
 * Screens use `useLiveChange(refetch, filter)`: bursts of events are coalesced, and the callback
 * runs at most twice a second.
 */
import { useEffect, useRef } from 'react';
import { isChangeEvent, type ChangeEvent } from '../../shared/api/effects';
import { getToken, onTokenChange } from './api';

type Listener = (event: ChangeEvent) => void;

const listeners = new Set<Listener>();
let source: EventSource | null = null;
let sourceToken: string | null = null;
let bridgeOff: (() => void) | null = null;
let retry: ReturnType<typeof setTimeout> | undefined;

function emit(event: ChangeEvent): void {
  for (const l of [...listeners]) {
    try {
      l(event);
    } catch {
      // one screen's failure does not stop the others
    }
  }
}

function stop(): void {
  clearTimeout(retry);
  retry = undefined;
  source?.close();
  source = null;
  sourceToken = null;
  bridgeOff?.();
  bridgeOff = null;
}

function connect(): void {
  if (listeners.size === 0) return;
  const bridge = typeof window !== 'undefined' ? window.loket : undefined;
  if (bridge?.platform === 'electron') {
    if (!bridgeOff && typeof bridge.onChange === 'function') bridgeOff = bridge.onChange(emit);
    return;
  }
  if (typeof EventSource === 'undefined') return;
  const token = getToken();
  if (token === null) {
    stop();
    return;
  }
  if (source && sourceToken === token && source.readyState !== EventSource.CLOSED) return;
  source?.close();
  sourceToken = token;
  const es = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  source = es;
  es.onmessage = (message: MessageEvent<string>) => {
    try {
      const event = JSON.parse(message.data) as unknown;
      if (isChangeEvent(event)) emit(event);
    } catch {
      // not an event
    }
  };
  es.onerror = () => {
    // EventSource reconnects by itself after a dropped connection; a refused one (session gone,
    // host away at connect time) is closed for good: try again a little later.
    if (es.readyState === EventSource.CLOSED && source === es) {
      source = null;
      clearTimeout(retry);
      retry = setTimeout(connect, 5_000);
    }
  };
}

onTokenChange(() => connect());

/** Calls `listener` after every change to the register; returns the unsubscribe. */
export function onLiveChange(listener: Listener): () => void {
  listeners.add(listener);
  connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) stop();
  };
}

/** A change made at this desk, told to this desk's screens at once (the host's event follows). */
export function announceChange(event: ChangeEvent): void {
  emit(event);
}

/**
 * Runs `refetch` when the register changes (optionally only for events that `filter` accepts),
 * coalescing bursts: at most once every 500 ms, always after the last event of a burst.
 */
export function useLiveChange(refetch: () => void, filter?: (event: ChangeEvent) => boolean, enabled = true): void {
  const refetchRef = useRef(refetch);
  refetchRef.current = refetch;
  const filterRef = useRef(filter);
  filterRef.current = filter;
  useEffect(() => {
    if (!enabled) return;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fire = () => {
      timer = undefined;
      last = Date.now();
      refetchRef.current();
    };
    const off = onLiveChange((event) => {
      if (filterRef.current && !filterRef.current(event)) return;
      if (timer !== undefined) return;
      const wait = Math.max(0, 500 - (Date.now() - last));
      timer = setTimeout(fire, wait);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [enabled]);
}
