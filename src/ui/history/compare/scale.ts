/**
 * Axis scales for the hand-drawn SVG charts of the compare view (parallel coordinates, pair
 * scatter): a value to a position in [0, 1], linear, logarithmic or by option index, with ticks.
 */

export interface Scale {
  /** Position in [0, 1] of a value; NaN for a value the scale cannot place (e.g. ≤ 0 on a log scale). */
  position(value: number): number;
  /** The value at a position (the inverse of `position`). */
  value(position: number): number;
  ticks: { value: number; label: string }[];
}

export interface ScaleSpec {
  kind: 'numeric' | 'categorical';
  log: boolean;
  min: number;
  max: number;
  options?: readonly string[];
}

/** A number as a short tick label (4 significant digits, exponent when very large or small). */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const m = Math.abs(v);
  if (m !== 0 && (m < 1e-3 || m >= 1e5)) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}

/** About `count` round values between min and max (1, 2 or 5 times a power of ten apart). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step)
    out.push(Number(v.toPrecision(12)));
  return out;
}

function logTicks(min: number, max: number): number[] {
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const every = Math.max(1, Math.ceil((hi - lo) / 6));
  const out: number[] = [];
  for (let e = lo; e <= hi; e += every) {
    const v = Number(`1e${e}`);
    if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) out.push(v);
  }
  return out.length >= 2 ? out : [min, max];
}

export function makeScale(spec: ScaleSpec): Scale {
  const { min, max } = spec;
  if (spec.kind === 'categorical') {
    const n = Math.max(1, Math.round(max) + 1);
    // Options sit in the middle of equal bands, so the first and last are not on the frame.
    return {
      position: (v) => (v + 0.5) / n,
      value: (p) => p * n - 0.5,
      ticks: Array.from({ length: n }, (_, i) => ({ value: i, label: spec.options?.[i] ?? String(i) })),
    };
  }
  if (spec.log && min > 0) {
    const a = Math.log(min);
    const span = Math.log(max) - a || 1;
    return {
      position: (v) => (v > 0 ? (max > min ? (Math.log(v) - a) / span : 0.5) : NaN),
      value: (p) => Math.exp(a + p * span),
      ticks: logTicks(min, max).map((value) => ({ value, label: formatValue(value) })),
    };
  }
  const span = max - min;
  return {
    position: (v) => (span > 0 ? (v - min) / span : 0.5),
    value: (p) => (span > 0 ? min + p * span : min),
    ticks: niceTicks(min, max).map((value) => ({ value, label: formatValue(value) })),
  };
}
