/**
 * Small statistics for the reports and the quarterly evaluation (pure: no Node, no DOM).
 *
 * Definitions, as the evaluation report prints them:
 * - median: the middle value of the sorted values; for an even count, the mean of the two middle
 *   values. [10, 12, 15, 20] → 13.5.
 * - percentile (nearest rank): the P-th percentile of n sorted values is the value at rank
 *   ⌈P/100 × n⌉ (ranks from 1), so it is always one of the measured values and never interpolated.
 *   90th percentile of [10, 12, 15, 20, 40] → rank ⌈4.5⌉ = 5 → 40; of 20 values → rank 18.
 * - share: part / whole as a fraction 0–1; null when the whole is 0 (nothing to measure).
 * Every function returns null for an empty list: "no data" is not zero.
 */

function sortedCopy(values: readonly number[]): number[] {
  for (const v of values) if (!Number.isFinite(v)) throw new Error(`Nilai tidak sah untuk statistik: ${v}`);
  return [...values].sort((a, b) => a - b);
}

/** The median (mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  const s = sortedCopy(values);
  const n = s.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  if (n % 2 === 1) return s[mid] ?? null;
  return ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** The rank (1-based) of the nearest-rank P-th percentile among n values. */
export function nearestRank(p: number, n: number): number {
  if (!(p > 0 && p <= 100)) throw new Error(`Persentil harus lebih dari 0 dan paling besar 100: ${p}`);
  if (!Number.isInteger(n) || n < 1) throw new Error(`Banyak nilai harus bilangan bulat positif: ${n}`);
  // The small epsilon keeps 0.9 × 10 = 9.000000000000002 at rank 9, not 10.
  return Math.min(n, Math.max(1, Math.ceil((p / 100) * n - 1e-9)));
}

/** The nearest-rank P-th percentile (0 < P ≤ 100); null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  const s = sortedCopy(values);
  if (s.length === 0) return null;
  return s[nearestRank(p, s.length) - 1] ?? null;
}

/** part / whole, or null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export interface Summary {
  count: number;
  median: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
}

export function summarize(values: readonly number[]): Summary {
  const s = sortedCopy(values);
  return {
    count: s.length,
    median: median(s),
    p90: percentile(s, 90),
    min: s[0] ?? null,
    max: s[s.length - 1] ?? null,
  };
}
