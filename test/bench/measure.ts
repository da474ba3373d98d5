/**
 * Timing for the benchmark: warm-up, many iterations, percentiles; and the "raw SQLite" baseline —
 * the very statements a Loket call issued (captured once), replayed on statements prepared in
 * advance, with no Loket code around them.
 */
import type Database from 'better-sqlite3';

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  const sum = sorted.reduce((s, v) => s + v, 0);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0, mean: sorted.length ? sum / sorted.length : 0 };
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * CPU time (user + system) of this process per measured iteration, kept next to the wall-clock
 * samples: on a shared machine the wall clock also counts time spent waiting for a core, the CPU
 * time does not. Read with cpuSamples() after time().
 */
let lastCpu: number[] = [];
export function cpuSamples(): number[] {
  return lastCpu;
}

/** Runs `fn(i)` `warmup` times unmeasured, then `iterations` times measured (wall ms each). */
export async function time(iterations: number, warmup: number, fn: (i: number) => unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const c = process.cpuUsage();
    const t = nowMs();
    await fn(i);
    samples.push(nowMs() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  lastCpu = cpu;
  return samples;
}

type Method = 'run' | 'get' | 'all' | 'iterate';
export interface CapturedStatement {
  sql: string;
  method: Method;
  args: unknown[];
  /** For iterate: how many rows the caller read before it stopped. */
  consumed?: number;
  /** Rows as plain values (pluck) or arrays (raw), as the caller asked. */
  mode: 'objects' | 'pluck' | 'raw';
}

/**
 * Runs `fn` once while recording every statement it prepares and executes on `db` (SQL, method,
 * bound parameters).
 */
export function captureStatements<T>(db: Database.Database, fn: () => T): { result: T; statements: CapturedStatement[] } {
  const statements: CapturedStatement[] = [];
  const original = db.prepare;
  const patched = function (this: Database.Database, sql: string) {
    const stmt = original.call(db, sql);
    let mode: CapturedStatement['mode'] = 'objects';
    const proxy: Database.Statement = new Proxy(stmt, {
      get(target, prop) {
        if (prop === 'pluck' || prop === 'raw') {
          return (on = true) => {
            (target[prop] as (t?: boolean) => unknown).call(target, on);
            mode = on ? prop : 'objects';
            return proxy;
          };
        }
        if (prop === 'run' || prop === 'get' || prop === 'all' || prop === 'iterate') {
          return (...args: unknown[]) => {
            const record: CapturedStatement = { sql, method: prop, args, mode };
            statements.push(record);
            const method = target[prop] as (...a: unknown[]) => unknown;
            const result = method.apply(target, args);
            if (prop !== 'iterate') return result;
            // Count the rows the caller reads, so the replay stops where the caller stopped.
            const inner = result as IterableIterator<unknown>;
            record.consumed = 0;
            const counted: IterableIterator<unknown> = {
              next: () => {
                const step = inner.next();
                if (!step.done) record.consumed = (record.consumed ?? 0) + 1;
                return step;
              },
              return: (value?: unknown) => inner.return?.(value) ?? { done: true, value: undefined },
              [Symbol.iterator]() {
                return counted;
              },
            };
            return counted;
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    return proxy;
  };
  (db as unknown as { prepare: unknown }).prepare = patched;
  try {
    return { result: fn(), statements };
  } finally {
    (db as unknown as { prepare: unknown }).prepare = original;
  }
}

/** The captured statements, prepared once, as a function that executes them all again. */
export function replayer(db: Database.Database, statements: CapturedStatement[]): () => number {
  const prepared = new Map<string, Database.Statement>();
  for (const s of statements) {
    const key = `${s.mode}\n${s.sql}`;
    if (prepared.has(key)) continue;
    const stmt = db.prepare(s.sql);
    if (s.mode !== 'objects' && s.method !== 'run') stmt[s.mode](true);
    prepared.set(key, stmt);
  }
  const plan = statements.map((s) => ({ stmt: prepared.get(`${s.mode}\n${s.sql}`) as Database.Statement, method: s.method, args: s.args, consumed: s.consumed ?? Infinity }));
  return () => {
    let rows = 0;
    for (const p of plan) {
      if (p.method === 'all') rows += (p.stmt.all(...p.args) as unknown[]).length;
      else if (p.method === 'get') rows += p.stmt.get(...p.args) === undefined ? 0 : 1;
      else if (p.method === 'iterate') {
        let n = 0;
        for (const _row of p.stmt.iterate(...p.args)) if (++n >= p.consumed) break;
        rows += n;
      } else p.stmt.run(...p.args);
    }
    return rows;
  };
}

export function fmt(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}
