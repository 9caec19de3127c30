/**
 * One axis per hyperparameter of the compared runs, from their `space` tags (the search space each
 * fmin run logged) where they parse, else from the values the trials took: choices become
 * categorical axes with their options' labels, log-distributed parameters get log axes, and the
 * importance analysis gets each parameter's domain.
 */
import { autologNames, type Run } from '../../../tracking';
import { parseSpaceDocument, type Param, type SpaceNode } from '../../../core';
import type { ParamDomain } from '../../../core/analysis';
import type { TrialPoint } from './comparedRuns';

export interface ParamAxis {
  key: string;
  kind: 'numeric' | 'categorical';
  log: boolean;
  /** Range drawn: the values taken (numeric), or 0 … options − 1 (categorical). */
  min: number;
  max: number;
  /** Labels of a categorical axis's options, by index. */
  options: readonly string[];
  /** The parameter's domain for the importance analysis: the space's bounds when known. */
  domain: ParamDomain;
}

/** A run's hyperparameters as its `space` tag declares them; null when the tag is missing or cut. */
export function spaceParams(run: Run): Param[] | null {
  const text = run.tags[autologNames.TAG_SPACE];
  if (text === undefined) return null;
  try {
    return parseSpaceDocument(JSON.parse(text)).params;
  } catch {
    return null;
  }
}

/** A short label for a choice's option: the literal itself, or a dict's first text field. */
export function optionLabel(node: SpaceNode, index: number): string {
  if (node === null || typeof node !== 'object') return String(node);
  if (!Array.isArray(node) && !('$hp' in node)) {
    const text = Object.values(node).find((v) => typeof v === 'string');
    if (typeof text === 'string') return text;
  }
  return `option ${index}`;
}

type Spec =
  | { kind: 'categorical'; options: string[] }
  | { kind: 'numeric'; log: boolean; low?: number; high?: number; step?: number };

function specOf(param: Param): Spec {
  const e = param.expr;
  switch (e.$hp) {
    case 'choice':
      return { kind: 'categorical', options: e.options.map(optionLabel) };
    case 'pchoice':
      return { kind: 'categorical', options: e.options.map((o, i) => optionLabel(o.value, i)) };
    case 'randint':
      return { kind: 'numeric', log: false, low: e.low, high: e.high - 1, step: 1 };
    case 'uniform':
      return { kind: 'numeric', log: false, low: e.low, high: e.high };
    case 'quniform':
    case 'uniformint':
      return { kind: 'numeric', log: false, low: e.low, high: e.high, step: e.q };
    case 'loguniform':
    case 'qloguniform':
      return { kind: 'numeric', log: true, low: Math.exp(e.low), high: Math.exp(e.high) };
    case 'normal':
    case 'qnormal':
      return { kind: 'numeric', log: false };
    case 'lognormal':
    case 'qlognormal':
      return { kind: 'numeric', log: true };
  }
}

/** Two runs' declarations of one label; a clash of kinds gives a plain numeric axis. */
function merge(a: Spec | undefined, b: Spec): Spec {
  if (a === undefined) return b;
  if (a.kind === 'categorical' && b.kind === 'categorical')
    return a.options.length >= b.options.length ? a : b;
  if (a.kind === 'numeric' && b.kind === 'numeric') {
    const low = a.low === undefined || b.low === undefined ? undefined : Math.min(a.low, b.low);
    const high = a.high === undefined || b.high === undefined ? undefined : Math.max(a.high, b.high);
    return {
      kind: 'numeric',
      log: a.log && b.log,
      ...(low === undefined ? {} : { low }),
      ...(high === undefined ? {} : { high }),
      ...(a.step === b.step && a.step !== undefined ? { step: a.step } : {}),
    };
  }
  return { kind: 'numeric', log: false };
}

/** The axes of every hyperparameter the trials took, in the spaces' order, then by name. */
export function paramAxes(runs: readonly Run[], points: readonly TrialPoint[]): ParamAxis[] {
  const specs = new Map<string, Spec>();
  for (const run of runs) {
    for (const param of spaceParams(run) ?? [])
      specs.set(param.label, merge(specs.get(param.label), specOf(param)));
  }
  const ranges = new Map<string, { min: number; max: number; positive: boolean }>();
  for (const p of points) {
    // for…in rather than Object.entries: no array per trial over tens of thousands of them.
    for (const key in p.vals) {
      const v = p.vals[key]!;
      if (!Number.isFinite(v)) continue;
      const r = ranges.get(key);
      if (r === undefined) ranges.set(key, { min: v, max: v, positive: v > 0 });
      else {
        r.min = Math.min(r.min, v);
        r.max = Math.max(r.max, v);
        r.positive &&= v > 0;
      }
    }
  }
  const keys = [...specs.keys()].filter((k) => ranges.has(k));
  keys.push(...[...ranges.keys()].filter((k) => !specs.has(k)).sort());
  return keys.map((key) => {
    const range = ranges.get(key)!;
    const spec = specs.get(key) ?? { kind: 'numeric', log: false };
    if (spec.kind === 'categorical') {
      const size = Math.max(spec.options.length, Math.round(range.max) + 1);
      const options = Array.from({ length: size }, (_, i) => spec.options[i] ?? `option ${i}`);
      return {
        key,
        kind: 'categorical',
        log: false,
        min: 0,
        max: size - 1,
        options,
        domain: { kind: 'categorical', size },
      };
    }
    const log = spec.log && range.positive;
    const low = Math.min(range.min, spec.low ?? range.min);
    const high = Math.max(range.max, spec.high ?? range.max);
    return {
      key,
      kind: 'numeric',
      log,
      min: range.min,
      max: range.max,
      options: [],
      domain: { kind: 'numeric', low, high, log, ...(spec.step === undefined ? {} : { step: spec.step }) },
    };
  });
}
