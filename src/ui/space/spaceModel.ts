/**
 * What the live space view shows, computed from a compiled space with pure core code: a sentence
 * per parameter (distribution and bounds, in the user's units) and a histogram of prior samples.
 */
import { createRng, sampleVals, type CompiledSpace, type Param, type SpaceNode } from '../../core';

/** Prior samples per histogram: enough to see the shape, cheap to draw (well under a millisecond). */
export const PRIOR_SAMPLES = 1000;
const BINS = 24;

export interface ParamSummary {
  label: string;
  kind: string;
  /** e.g. `uniform on [-5, 5]`. */
  distribution: string;
  /** When it is active, e.g. `model = 1 (option 2)`; empty for unconditional parameters. */
  condition: string;
  /** Bar heights (counts) and what the bars are. */
  histogram: { counts: number[]; labels: string[]; min: number; max: number; active: number };
}

const fmt = (x: number): string =>
  Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-3)
    ? x.toExponential(2)
    : String(Number(x.toPrecision(4)));

/** A short text for a choice option (literals as themselves, structures by their keys). */
export function describeOption(node: SpaceNode): string {
  if (node === null || typeof node !== 'object') return JSON.stringify(node);
  if (Array.isArray(node)) return `[${node.length} items]`;
  if ('$hp' in node) return `hp.${String(node['$hp'])}`;
  const keys = Object.keys(node);
  const name = keys.find((k) => typeof node[k] === 'string');
  return name === undefined ? `{${keys.join(', ')}}` : `${String(node[name])} {${keys.join(', ')}}`;
}

function distribution(param: Param): string {
  const e = param.expr;
  switch (e.$hp) {
    case 'choice':
      return `choice of ${e.options.length}: ${e.options.map(describeOption).join(' | ')}`;
    case 'pchoice':
      return `pchoice: ${e.options.map((o) => `${describeOption(o.value)} (p ${fmt(o.p)})`).join(' | ')}`;
    case 'randint':
      return `integer in [${fmt(e.low)}, ${fmt(e.high)})`;
    case 'uniform':
      return `uniform on [${fmt(e.low)}, ${fmt(e.high)}]`;
    case 'quniform':
      return `uniform on [${fmt(e.low)}, ${fmt(e.high)}], step ${fmt(e.q)}`;
    case 'uniformint':
      return `whole numbers ${fmt(e.low)} to ${fmt(e.high)}`;
    case 'loguniform':
      return `log-uniform on [${fmt(Math.exp(e.low))}, ${fmt(Math.exp(e.high))}]`;
    case 'qloguniform':
      return `log-uniform on [${fmt(Math.exp(e.low))}, ${fmt(Math.exp(e.high))}], step ${fmt(e.q)}`;
    case 'normal':
      return `normal, mean ${fmt(e.mu)}, sd ${fmt(e.sigma)}`;
    case 'qnormal':
      return `normal, mean ${fmt(e.mu)}, sd ${fmt(e.sigma)}, step ${fmt(e.q)}`;
    case 'lognormal':
      return `log-normal, log-mean ${fmt(e.mu)}, log-sd ${fmt(e.sigma)}`;
    case 'qlognormal':
      return `log-normal, log-mean ${fmt(e.mu)}, log-sd ${fmt(e.sigma)}, step ${fmt(e.q)}`;
  }
}

function condition(param: Param, space: CompiledSpace): string {
  return param.conditions
    .map((c) => {
      const e = space.byLabel.get(c.label)?.expr;
      const option =
        e?.$hp === 'choice'
          ? e.options[c.index]
          : e?.$hp === 'pchoice'
            ? e.options[c.index]?.value
            : undefined;
      return `${c.label} is ${option === undefined ? `option ${c.index}` : describeOption(option)}`;
    })
    .join(' and ');
}

function histogram(param: Param, values: number[]): ParamSummary['histogram'] {
  const e = param.expr;
  if (e.$hp === 'choice' || e.$hp === 'pchoice') {
    const counts = new Array<number>(e.options.length).fill(0);
    for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
    const labels = (e.$hp === 'choice' ? e.options : e.options.map((o) => o.value)).map(describeOption);
    return { counts, labels, min: 0, max: e.options.length - 1, active: values.length };
  }
  // Log kinds are binned on a log axis, so log-uniform looks flat, as it is in its own units.
  const log = e.$hp.includes('log') && values.every((v) => v > 0);
  const xs = log ? values.map(Math.log) : values;
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const counts = new Array<number>(BINS).fill(0);
  const width = max > min ? (max - min) / BINS : 1;
  for (const x of xs) counts[Math.min(BINS - 1, Math.floor((x - min) / width))]! += 1;
  const lo = log ? Math.exp(min) : min;
  const hi = log ? Math.exp(max) : max;
  return {
    counts,
    labels: [`${fmt(lo)}${log ? ' (log axis)' : ''}`, fmt(hi)],
    min: lo,
    max: hi,
    active: values.length,
  };
}

/** Every parameter of the space with its prior histogram (seeded: the same space, the same picture). */
export function summarizeSpace(space: CompiledSpace, samples = PRIOR_SAMPLES): ParamSummary[] {
  const rng = createRng(20_260_101);
  const values = new Map<string, number[]>(space.params.map((p) => [p.label, []]));
  for (let i = 0; i < samples; i++) {
    const vals = sampleVals(space, rng);
    for (const [label, value] of Object.entries(vals)) values.get(label)?.push(value);
  }
  return space.params.map((param) => ({
    label: param.label,
    kind: param.expr.$hp,
    distribution: distribution(param),
    condition: condition(param, space),
    histogram: histogram(param, values.get(param.label) ?? []),
  }));
}
