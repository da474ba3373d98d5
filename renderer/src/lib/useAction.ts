/** A running API call of a form: busy flag, the error message and the per-field messages. */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { asApiError, type ApiCallError } from '../api';

export interface ActionState {
  busy: boolean;
  error: string | null;
  fields: Record<string, string>;
  run: <T>(fn: () => Promise<T>) => Promise<{ ok: true; value: T } | { ok: false; error: ApiCallError }>;
  setFields: (fields: Record<string, string>) => void;
  setError: (message: string | null) => void;
  /** The user changed these fields: their messages go (and the form message, once none is left). */
  dismiss: (paths: readonly string[]) => void;
  clear: () => void;
}

export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const run = useCallback(async <T,>(fn: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const value = await fn();
      return { ok: true as const, value };
    } catch (e) {
      const err = asApiError(e);
      setError(err.message);
      setFields(err.fields);
      return { ok: false as const, error: err };
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => {
    setError(null);
    setFields({});
  }, []);
  const dismiss = useCallback((paths: readonly string[]) => {
    setFields((current) => {
      if (!paths.some((p) => p in current)) return current;
      const next = { ...current };
      for (const p of paths) delete next[p];
      if (Object.keys(next).length === 0) setError(null);
      return next;
    });
  }, []);
  return { busy, error, fields, run, setFields, setError, dismiss, clear };
}

/** After errors appear, move the focus to the first field that is marked invalid. */
export function useFocusFirstInvalid(container: RefObject<HTMLElement | null>, trigger: unknown): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const el = container.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  }, [container, trigger]);
}
