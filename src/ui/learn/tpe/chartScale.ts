/** Linear scales and ticks for the topic's SVG charts, and the number format of its tables. */
import { formatLoss } from '../../results/format';

export interface Scale {
  (value: number): number;
  domain: [number, number];
}

/** Maps [d0, d1] onto [r0, r1] (a zero-width domain maps to the middle). */
export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = ((value: number) =>
    span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0)) as Scale;
  scale.domain = domain;
  return scale;
}

/** About `count` round tick values inside [a, b]. */
export function ticks(a: number, b: number, count = 5): number[] {
  if (!(b > a)) return [a];
  const raw = (b - a) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(a / step) * step; t <= b + step * 1e-9; t += step)
    out.push(Number(t.toPrecision(12)));
  return out;
}

/** A number for tables and labels: five significant digits; ±∞ and NaN spelled out. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  return formatLoss(value);
}

/** A tick label of a log axis: the value e^u, short. */
export function formatLogTick(u: number): string {
  return Number(Math.exp(u).toPrecision(2)).toString();
}
