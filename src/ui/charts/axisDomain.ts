/**
 * Axis domains and ticks for the charts whose points are drawn by PointLayer: recharts computes a
 * domain only from its own graphical items, so these charts hand it the domain and the ticks.
 */

export interface AxisDomain {
  domain: [number, number];
  ticks: number[];
}

const round = (v: number) => Number(v.toPrecision(12));

/** The lowest and highest finite value of `values` (of `keep`ed ones), or undefined if none. */
export function extent<T>(
  items: readonly T[],
  value: (item: T) => number,
  keep: (v: number) => boolean = Number.isFinite,
): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const item of items) {
    const v = value(item);
    if (!keep(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/**
 * A linear axis over [lo, hi] widened to round values (1, 2 or 5 times a power of ten apart,
 * about `count` of them), as recharts' 'auto' domain would be. A single value (or a range too
 * narrow for its magnitude) gets a margin.
 */
export function linearAxis(range: [number, number] | undefined, count = 5): AxisDomain {
  let [lo, hi] = range ?? [0, 1];
  if (!(hi - lo > Math.max(Math.abs(lo), Math.abs(hi), 1e-200) * 1e-9)) {
    const pad = lo === 0 ? 1 : Math.max(Math.abs(lo) * 0.1, 1e-100);
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(lo / step + 1e-9) * step;
  const last = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; first + i * step <= last + step * 1e-9; i++) ticks.push(round(first + i * step));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

/** A log axis over positive [lo, hi] widened to powers of ten, with at most about 6 ticks. */
export function logAxis(range: [number, number] | undefined): AxisDomain {
  const [lo, hi] = range ?? [1, 10];
  const a = Math.floor(Math.log10(lo));
  const decades = Math.max(1, Math.ceil(Math.log10(hi)) - a);
  const every = Math.max(1, Math.ceil(decades / 6));
  // The top is a tick too, as far from the one below it as the others are apart.
  const b = a + Math.ceil(decades / every) * every;
  const ticks: number[] = [];
  for (let e = a; e <= b; e += every) ticks.push(round(10 ** e));
  const top = ticks[ticks.length - 1]!;
  return { domain: [ticks[0]!, top], ticks };
}

/** True when both axes have the same domain and ticks. */
export function sameAxis(a: AxisDomain, b: AxisDomain): boolean {
  return (
    a.domain[0] === b.domain[0] &&
    a.domain[1] === b.domain[1] &&
    a.ticks.length === b.ticks.length &&
    a.ticks.every((t, i) => t === b.ticks[i])
  );
}
