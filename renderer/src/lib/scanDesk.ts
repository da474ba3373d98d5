/**
 * Small shared pieces of the scanning screens (issue 6): page thumbnails cached per file, the
 * hand-off of an inbox file to the registration form, the "inbox changed" signal for the menu's
 * count, and the scan choices this desk used last time.
 */
import { useEffect, useRef, useState } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import type { Attachment } from '../../../shared/api/schemas';
import type { ScanMode, ScanSource } from '../../../shared/api/scan-schemas';
import { call } from '../api';

export type Thumbnails = CallOutput<'pages.thumbnails'>;

const thumbCache = new Map<string, Promise<Thumbnails>>();

/** The thumbnails of a stored file (one request per file; a failed one is asked again next time). */
export function thumbnailsOf(sha256: string): Promise<Thumbnails> {
  let p = thumbCache.get(sha256);
  if (!p) {
    p = call('pages.thumbnails', { sha256 });
    thumbCache.set(sha256, p);
    p.catch(() => thumbCache.delete(sha256));
    if (thumbCache.size > 60) {
      const oldest = thumbCache.keys().next().value;
      if (oldest !== undefined) thumbCache.delete(oldest);
    }
  }
  return p;
}

export function thumbSrc(t: { mime: string | null; dataBase64: string | null } | undefined): string | null {
  return t?.mime && t.dataBase64 ? `data:${t.mime};base64,${t.dataBase64}` : null;
}

/* ---------- inbox → registration form ---------- */

export interface HandedScan {
  attachment: Attachment;
  note: string;
}

const handed: HandedScan[] = [];
const handListeners = new Set<() => void>();

/** "Catat sebagai surat baru": the registration form takes this file when it shows (or at once when open). */
export function handToRegister(scan: HandedScan): void {
  handed.push(scan);
  for (const l of handListeners) l();
}

/** Takes the files waiting for the registration form. */
export function takeHanded(): HandedScan[] {
  return handed.splice(0, handed.length);
}

export function onHanded(listener: () => void): () => void {
  handListeners.add(listener);
  return () => {
    handListeners.delete(listener);
  };
}

/** The registration form takes the files handed to it: those waiting now and those handed later. */
export function useHandedScans(take: (scan: HandedScan) => void): void {
  const ref = useRef(take);
  ref.current = take;
  useEffect(() => {
    const drain = () => {
      for (const scan of takeHanded()) ref.current(scan);
    };
    drain();
    return onHanded(drain);
  }, []);
}

/* ---------- the inbox changed (the menu count refreshes) ---------- */

const INBOX_EVENT = 'loket:kotak-pindaian';

export function inboxChanged(): void {
  window.dispatchEvent(new Event(INBOX_EVENT));
}

export function onInboxChanged(listener: () => void): () => void {
  window.addEventListener(INBOX_EVENT, listener);
  return () => window.removeEventListener(INBOX_EVENT, listener);
}

const COUNT_EVENT = 'loket:kotak-pindaian-jumlah';

/** The inbox screen just read the new files: the menu shows the same number at once. */
export function inboxCountSeen(count: number): void {
  window.dispatchEvent(new CustomEvent<number>(COUNT_EVENT, { detail: count }));
}

/** New files in the scan inbox, for the menu: every 20 s, on focus, and after a change here. */
export function useInboxCount(enabled: boolean): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const load = () => {
      call('scan.inbox.list', { status: 'new', limit: 100 }, { retryAfterLogin: false, hostAwayMs: 0 })
        .then((list) => live && setCount(list.length))
        .catch(() => undefined);
    };
    load();
    const timer = window.setInterval(load, 20_000);
    const off = onInboxChanged(load);
    const seen = (e: Event) => {
      if (e instanceof CustomEvent && typeof e.detail === 'number') setCount(e.detail);
    };
    window.addEventListener(COUNT_EVENT, seen);
    window.addEventListener('focus', load);
    return () => {
      live = false;
      window.clearInterval(timer);
      off();
      window.removeEventListener(COUNT_EVENT, seen);
      window.removeEventListener('focus', load);
    };
  }, [enabled]);
  return enabled ? count : 0;
}

/* ---------- this desk's last scan choices ---------- */

export interface ScanChoices {
  device: string;
  source: ScanSource;
  mode: ScanMode;
  resolution: number;
}

const CHOICES_KEY = 'loket.pilihanPindai';

export function readScanChoices(): Partial<ScanChoices> {
  try {
    const raw = window.localStorage.getItem(CHOICES_KEY);
    if (!raw) return {};
    const v = JSON.parse(raw) as unknown;
    if (typeof v !== 'object' || v === null) return {};
    const o = v as Record<string, unknown>;
    const out: Partial<ScanChoices> = {};
    if (typeof o.device === 'string') out.device = o.device;
    if (o.source === 'Flatbed' || o.source === 'ADF' || o.source === 'ADF Duplex') out.source = o.source;
    if (o.mode === 'Color' || o.mode === 'Gray' || o.mode === 'Lineart') out.mode = o.mode;
    if (typeof o.resolution === 'number') out.resolution = o.resolution;
    return out;
  } catch {
    return {};
  }
}

export function writeScanChoices(choices: ScanChoices): void {
  try {
    window.localStorage.setItem(CHOICES_KEY, JSON.stringify(choices));
  } catch {
    // Storage may be unavailable; the clerk simply chooses again next time.
  }
}
