import { chiSquareSurvival } from './gamma';

/** Result of {@link chiSquareHomogeneity}. */
export interface ChiSquareResult {
  chi2: number;
  df: number;
  p: number;
  /** Number of cells after pooling (the columns of the 2 × k table). */
  cells: number;
}

/** Cells whose pooled count (both samples together) is below this are merged into one cell. */
export const DEFAULT_MIN_POOLED_COUNT = 10;

function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const c of counts.values()) {
    if (!(c >= 0) || !Number.isFinite(c)) throw new RangeError(`counts must be finite and >= 0, got ${c}`);
    sum += c;
  }
  return sum;
}

/**
 * Chi-square test of homogeneity on the 2 × k table of two samples' counts per category. Categories
 * whose pooled count is below `minPooled` (expected count below ~5 per sample for equal sizes) are
 * merged into one cell first, the rule the reference data's README prescribes. df = cells − 1.
 * With fewer than two cells nothing can differ: chi2 = 0, df = 0, p = 1.
 */
export function chiSquareHomogeneity(
  countsA: ReadonlyMap<string, number>,
  countsB: ReadonlyMap<string, number>,
  minPooled: number = DEFAULT_MIN_POOLED_COUNT,
): ChiSquareResult {
  const nA = total(countsA);
  const nB = total(countsB);
  if (nA === 0 || nB === 0) throw new RangeError('chiSquareHomogeneity: both samples must be non-empty');
  const keys = new Set<string>([...countsA.keys(), ...countsB.keys()]);
  const cellsA: number[] = [];
  const cellsB: number[] = [];
  let smallA = 0;
  let smallB = 0;
  for (const key of keys) {
    const a = countsA.get(key) ?? 0;
    const b = countsB.get(key) ?? 0;
    if (a + b < minPooled) {
      smallA += a;
      smallB += b;
    } else {
      cellsA.push(a);
      cellsB.push(b);
    }
  }
  if (smallA + smallB > 0) {
    cellsA.push(smallA);
    cellsB.push(smallB);
  }
  const k = cellsA.length;
  if (k < 2) return { chi2: 0, df: 0, p: 1, cells: k };
  const n = nA + nB;
  let chi2 = 0;
  for (let i = 0; i < k; i++) {
    const column = (cellsA[i] as number) + (cellsB[i] as number);
    const expectedA = (nA * column) / n;
    const expectedB = (nB * column) / n;
    chi2 +=
      ((cellsA[i] as number) - expectedA) ** 2 / expectedA +
      ((cellsB[i] as number) - expectedB) ** 2 / expectedB;
  }
  const df = k - 1;
  return { chi2, df, p: chiSquareSurvival(chi2, df), cells: k };
}

/** Total-variation distance ½ Σ |p̂_A(c) − p̂_B(c)| between two samples' empirical distributions. */
export function totalVariation(
  countsA: ReadonlyMap<string, number>,
  countsB: ReadonlyMap<string, number>,
): number {
  const nA = total(countsA);
  const nB = total(countsB);
  if (nA === 0 || nB === 0) throw new RangeError('totalVariation: both samples must be non-empty');
  const keys = new Set<string>([...countsA.keys(), ...countsB.keys()]);
  let sum = 0;
  for (const key of keys) sum += Math.abs((countsA.get(key) ?? 0) / nA - (countsB.get(key) ?? 0) / nB);
  return sum / 2;
}

/**
 * Counts of each value, keyed by a canonical text: numbers by `String` with −0 folded into 0 (the
 * reference data merges them too), anything else by its JSON text.
 */
export function countValues(values: Iterable<unknown>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) {
    const key = categoryKey(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The canonical category text used by {@link countValues}. */
export function categoryKey(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  return JSON.stringify(value) ?? String(value);
}
