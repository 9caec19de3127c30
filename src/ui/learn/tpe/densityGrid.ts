/**
 * l(x) and g(x) of a numeric label on a grid, for drawing. The densities are core's own posteriors
 * (Gmm1 / Lgmm1 rebuilt from the explanation's plain numbers), so the curves are the functions the
 * sampler scored with. Log kinds are drawn over log x (the space their mixture lives in), as a
 * density of log x; quantised kinds as the probability mass of each value they can take.
 */
import type { MixtureExplanation, NumericLabelExplanation } from '../../../core';
import { Gmm1 } from '../../../core/algorithms/tpe/gmm';
import { Lgmm1 } from '../../../core/algorithms/tpe/lgmm';
import { EPS } from '../../../core/algorithms/tpe/numerics';

/** Points of a continuous curve; at most this many discrete values are drawn as bars. */
export const GRID_POINTS = 241;
export const MAX_BARS = 400;

export interface DensityGrid {
  /** 'log': x positions are natural logs of the values (tick labels show e^x). */
  axis: 'linear' | 'log';
  /** True: `l`/`g` are probability masses of the values at `xs`; false: densities over x. */
  discrete: boolean;
  xs: number[];
  l: number[];
  g: number[];
  /** The prior component's share of l and of g (its weight times its normal, same normaliser). */
  lPrior: number[];
  gPrior: number[];
  /** Plot range in x positions. */
  domain: [number, number];
}

function toMixture(m: MixtureExplanation) {
  return {
    weights: Float64Array.from(m.weights),
    mus: Float64Array.from(m.mus),
    sigmas: Float64Array.from(m.sigmas),
    priorIndex: m.priorIndex,
  };
}

const normalPdf = (x: number, mu: number, sigma: number) =>
  Math.exp(-0.5 * ((x - mu) / sigma) ** 2) / (sigma * Math.sqrt(2 * Math.PI));

/** Where an observed or candidate value sits on the plot's x axis. */
export function position(e: NumericLabelExplanation, value: number): number {
  return e.logSpace ? Math.log(Math.max(value, EPS)) : value;
}

/** The plot range: the truncation bounds, else the components' means ± 3 sigmas. */
function domainOf(e: NumericLabelExplanation): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const m of [e.below, e.above]) {
    m.mus.forEach((mu, k) => {
      lo = Math.min(lo, mu - 3 * m.sigmas[k]!);
      hi = Math.max(hi, mu + 3 * m.sigmas[k]!);
    });
  }
  return [e.low ?? lo, e.high ?? hi];
}

/** The values a quantised label can take inside the plot range (in value space), or null if too many. */
function quantisedValues(e: NumericLabelExplanation, domain: [number, number]): number[] | null {
  const q = e.q!;
  const [a, b] = e.logSpace ? [Math.exp(domain[0]), Math.exp(domain[1])] : domain;
  const first = Math.round(a / q);
  const last = Math.round(b / q);
  if (last - first + 1 > MAX_BARS) return null;
  const values: number[] = [];
  for (let k = first; k <= last; k++) values.push(k * q);
  return values;
}

/** The grid of one explanation. */
export function densityGrid(e: NumericLabelExplanation): DensityGrid {
  const make = (m: MixtureExplanation) =>
    e.logSpace ? new Lgmm1(toMixture(m), e.low, e.high, e.q) : new Gmm1(toMixture(m), e.low, e.high, e.q);
  const l = make(e.below);
  const g = make(e.above);
  const domain = domainOf(e);
  const axis = e.logSpace ? 'log' : 'linear';
  const priorShare = (m: MixtureExplanation, u: number, scale: number) =>
    (m.weights[m.priorIndex]! * normalPdf(u, m.mus[m.priorIndex]!, m.sigmas[m.priorIndex]!)) / scale;
  const values = e.q === null ? null : quantisedValues(e, domain);
  if (values !== null) {
    // Masses straight from the posteriors' quantised logPdf (normalised; LGMM1's q branch is too).
    const xs = values.map((v) => position(e, v));
    const mass = (d: Gmm1 | Lgmm1) => values.map((v) => Math.exp(d.logPdf(v)));
    // The prior's share of each mass, approximated by its density times the step (for the eye only).
    const share = (m: MixtureExplanation, d: Gmm1 | Lgmm1) =>
      values.map((v, i) => {
        if (!e.logSpace) return priorShare(m, v, d.acceptance()) * e.q!;
        const lo = Math.log(Math.max(v - e.q! / 2, EPS));
        const hi = Math.log(Math.max(v + e.q! / 2, EPS));
        return priorShare(m, xs[i]!, d.acceptance()) * (hi - lo);
      });
    return {
      axis,
      discrete: true,
      xs,
      l: mass(l),
      g: mass(g),
      lPrior: share(e.below, l),
      gPrior: share(e.above, g),
      domain: [Math.min(domain[0], xs[0]!), Math.max(domain[1], xs[xs.length - 1]!)],
    };
  }
  const [a, b] = domain;
  const xs = Array.from({ length: GRID_POINTS }, (_, i) => a + ((b - a) * i) / (GRID_POINTS - 1));
  // Continuous: the density of x (GMM1) or of log x (LGMM1), each normalised by its truncation mass.
  // (A quantised label with too many values to draw is shown by its unquantised mixture.)
  const density = (m: MixtureExplanation, d: Gmm1 | Lgmm1) => {
    const scale = d.acceptance();
    if (e.q === null) {
      // LGMM1's continuous logPdf is of x and leaves p_accept out (Hyperopt's quirk): × x, ÷ p_accept.
      if (e.logSpace) return xs.map((u) => Math.exp(d.logPdf(Math.exp(u)) + u) / scale);
      return xs.map((u) => Math.exp(d.logPdf(u)));
    }
    return xs.map((u) => {
      let sum = 0;
      m.mus.forEach((mu, k) => (sum += m.weights[k]! * normalPdf(u, mu, m.sigmas[k]!)));
      return sum / scale;
    });
  };
  return {
    axis,
    discrete: false,
    xs,
    l: density(e.below, l),
    g: density(e.above, g),
    lPrior: xs.map((u) => priorShare(e.below, u, l.acceptance())),
    gPrior: xs.map((u) => priorShare(e.above, u, g.acceptance())),
    domain,
  };
}

/** ∫ over the grid (trapezoids) for densities, Σ for masses: ~1 when the range holds the mass. */
export function totalMass(grid: DensityGrid, which: 'l' | 'g'): number {
  const ys = grid[which];
  if (grid.discrete) return ys.reduce((s, y) => s + y, 0);
  let sum = 0;
  for (let i = 1; i < ys.length; i++) sum += ((ys[i]! + ys[i - 1]!) / 2) * (grid.xs[i]! - grid.xs[i - 1]!);
  return sum;
}
