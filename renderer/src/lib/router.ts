/**
 * A tiny hash router (#/agenda, #/surat/12, #/pengaturan/pengguna): works the same from the
 * HTTP host and from the Electron app:// protocol, and needs no server routes.
 */
import { useSyncExternalStore } from 'react';

function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

export function navigate(path: string): void {
  if (currentPath() === path) return;
  window.location.hash = path;
}

export function href(path: string): string {
  return `#${path}`;
}
