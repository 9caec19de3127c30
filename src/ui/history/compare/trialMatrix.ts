/**
 * The trials of the compared runs as the hand-drawn charts use them: one plot axis per
 * hyperparameter plus the loss, every trial's position on every axis computed once (a flat
 * Float32Array, so 10,000 trials × a dozen axes stay cheap), loss-rank colour bins, and the
 * selection a set of brushes (a [min, max] range per axis, in data units) leaves.
 */
import type { TrialPoint } from './comparedRuns';
import type { ParamAxis } from './paramAxes';
import { makeScale, type Scale } from './scale';

export const LOSS_KEY = 'loss';

export interface PlotAxis {
  key: string;
  kind: 'numeric' | 'categorical';
  log: boolean;
  min: number;
  max: number;
  options: readonly string[];
  scale: Scale;
}

export type Brush = { min: number; max: number };
export type Brushes = Readonly<Record<string, Brush>>;

type Finished = TrialPoint & { loss: number };

/** The parameter axes followed by the loss axis (log when asked and every loss is positive). */
export function plotAxes(
  axes: readonly ParamAxis[],
  points: readonly Finished[],
  logLoss = false,
): PlotAxis[] {
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    min = Math.min(min, p.loss);
    max = Math.max(max, p.loss);
  }
  if (points.length === 0) min = max = 0;
  const loss = { key: LOSS_KEY, kind: 'numeric' as const, log: logLoss && min > 0, min, max, options: [] };
  return [...axes, loss].map((a) => ({
    key: a.key,
    kind: a.kind,
    log: a.log,
    min: a.min,
    max: a.max,
    options: a.options,
    scale: makeScale(a),
  }));
}

/** A point's value on an axis: its loss, a hyperparameter, or NaN where that one was inactive. */
export function axisValue(point: Finished, key: string): number {
  if (key === LOSS_KEY) return point.loss;
  return point.vals[key] ?? NaN;
}

/** Positions in [0, 1] (NaN when inactive), row-major: point i, axis j at i · axes + j. */
export function positionMatrix(points: readonly Finished[], axes: readonly PlotAxis[]): Float32Array {
  const out = new Float32Array(points.length * axes.length);
  points.forEach((p, i) => {
    axes.forEach((a, j) => {
      out[i * axes.length + j] = a.scale.position(axisValue(p, a.key));
    });
  });
  return out;
}

/** Loss bins the charts colour by (best sixth to worst sixth). */
export const LOSS_BINS = 6;

export interface LossBins {
  bin: Uint8Array;
  upper: number[];
}

/** Loss-rank bins (0 = the best `1/bins` of trials) and the highest loss of each bin. */
export function lossBins(points: readonly Finished[], bins = 6): LossBins {
  // Sorting indices by a typed array of losses: a few times faster than reading points in the comparator.
  const losses = Float64Array.from(points, (p) => p.loss);
  const order = Array.from(points, (_, i) => i).sort((a, b) => losses[a]! - losses[b]! || a - b);
  const bin = new Uint8Array(points.length);
  const upper = new Array<number>(bins).fill(NaN);
  order.forEach((index, rank) => {
    const b = Math.min(bins - 1, Math.floor((rank * bins) / points.length));
    bin[index] = b;
    upper[b] = points[index]!.loss;
  });
  return { bin, upper };
}

/** Which points every brush keeps (1) and how many; a point inactive on a brushed axis is out. */
export function selectedMask(
  points: readonly Finished[],
  brushes: Brushes,
): { mask: Uint8Array; count: number } {
  const active = Object.entries(brushes);
  const mask = new Uint8Array(points.length);
  let count = 0;
  points.forEach((p, i) => {
    for (const [key, { min, max }] of active) {
      const v = axisValue(p, key);
      if (!(v >= min && v <= max)) return;
    }
    mask[i] = 1;
    count++;
  });
  return { mask, count };
}

/** The brush of a drag from position a to b on an axis; a choice snaps to the options it covers. */
export function brushOf(axis: PlotAxis, a: number, b: number): Brush {
  const lo = axis.scale.value(Math.min(a, b));
  const hi = axis.scale.value(Math.max(a, b));
  if (axis.kind !== 'categorical') return { min: lo, max: hi };
  const min = Math.ceil(lo) + 0; // + 0: never -0
  const max = Math.floor(hi);
  if (min <= max) return { min, max };
  const nearest = Math.round((lo + hi) / 2);
  return { min: nearest, max: nearest };
}

/** The span [low, high] in positions that a brush covers (a choice's whole band). */
export function brushSpan(axis: PlotAxis, brush: Brush): [number, number] {
  const pad = axis.kind === 'categorical' ? 0.5 : 0;
  const clamp = (p: number, open: number) => (Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : open);
  const low = Number.isFinite(brush.min) ? clamp(axis.scale.position(brush.min - pad), 0) : 0;
  const high = Number.isFinite(brush.max) ? clamp(axis.scale.position(brush.max + pad), 1) : 1;
  return [low, high];
}
