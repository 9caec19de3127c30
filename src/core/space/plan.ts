/**
 * The sampling plan of a compiled space: each hyperparameter flattened into numeric fields, and the
 * parameters of each choice option grouped under that option, so that sampling walks only the chosen
 * branches and does no lookups or allocations besides the result object.
 */
import type { CompiledSpace, ParamExpr } from './types';

/** Numeric codes of the draw formulas (a switch on small integers over monomorphic nodes). */
export const DrawCode = {
  Uniform: 0,
  QUniform: 1,
  LogUniform: 2,
  QLogUniform: 3,
  Normal: 4,
  QNormal: 5,
  LogNormal: 6,
  QLogNormal: 7,
  Randint: 8,
  Choice: 9,
  PChoice: 10,
} as const;
export type DrawCode = (typeof DrawCode)[keyof typeof DrawCode];

export interface DrawNode {
  readonly label: string;
  readonly code: DrawCode;
  /** low (uniform kinds, randint, 0 for choice) or mu (normal kinds). */
  readonly a: number;
  /** high (uniform kinds, randint, option count for choice) or sigma (normal kinds). */
  readonly b: number;
  /** Quantum of the q-kinds, 1 otherwise. */
  readonly q: number;
  /** pchoice probabilities, empty otherwise. */
  readonly p: number[];
  /** For choice/pchoice: the top-level parameters of each option; null for other kinds. */
  readonly branches: DrawNode[][] | null;
}

export interface SamplingPlan {
  /** Parameters active in every point (no conditions), in order of appearance. */
  readonly roots: DrawNode[];
}

function makeNode(label: string, expr: ParamExpr): DrawNode {
  const base = { label, a: 0, b: 0, q: 1, p: [] as number[], branches: null as DrawNode[][] | null };
  switch (expr.$hp) {
    case 'uniform':
      return { ...base, code: DrawCode.Uniform, a: expr.low, b: expr.high };
    case 'quniform':
    case 'uniformint':
      return { ...base, code: DrawCode.QUniform, a: expr.low, b: expr.high, q: expr.q };
    case 'loguniform':
      return { ...base, code: DrawCode.LogUniform, a: expr.low, b: expr.high };
    case 'qloguniform':
      return { ...base, code: DrawCode.QLogUniform, a: expr.low, b: expr.high, q: expr.q };
    case 'normal':
      return { ...base, code: DrawCode.Normal, a: expr.mu, b: expr.sigma };
    case 'qnormal':
      return { ...base, code: DrawCode.QNormal, a: expr.mu, b: expr.sigma, q: expr.q };
    case 'lognormal':
      return { ...base, code: DrawCode.LogNormal, a: expr.mu, b: expr.sigma };
    case 'qlognormal':
      return { ...base, code: DrawCode.QLogNormal, a: expr.mu, b: expr.sigma, q: expr.q };
    case 'randint':
      return { ...base, code: DrawCode.Randint, a: expr.low, b: expr.high };
    case 'choice':
      return { ...base, code: DrawCode.Choice, b: expr.options.length, branches: expr.options.map(() => []) };
    case 'pchoice':
      return {
        ...base,
        code: DrawCode.PChoice,
        b: expr.options.length,
        p: expr.options.map((option) => option.p),
        branches: expr.options.map(() => []),
      };
  }
}

function buildPlan(space: CompiledSpace): SamplingPlan {
  const roots: DrawNode[] = [];
  const nodes = new Map<string, DrawNode>();
  for (const param of space.params) {
    const node = makeNode(param.label, param.expr);
    nodes.set(param.label, node);
    // The last condition is the innermost choice option; params come in depth-first order, so the
    // parent is already known and children keep their order of appearance.
    const parent = param.conditions[param.conditions.length - 1];
    if (parent === undefined) {
      roots.push(node);
      continue;
    }
    const branch = nodes.get(parent.label)?.branches?.[parent.index];
    if (branch === undefined) {
      throw new Error(
        `sampling plan: '${param.label}' is conditioned on ${parent.label} = ${parent.index}, which is not an earlier choice option`,
      );
    }
    branch.push(node);
  }
  return { roots };
}

const planCache = new WeakMap<CompiledSpace, SamplingPlan>();

/** The sampling plan of `space`, built on first use and cached per compiled space. */
export function planFor(space: CompiledSpace): SamplingPlan {
  let plan = planCache.get(space);
  if (plan === undefined) {
    plan = buildPlan(space);
    planCache.set(space, plan);
  }
  return plan;
}
