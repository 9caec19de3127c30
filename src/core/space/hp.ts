/**
 * Builders of the `hp.*` expressions (hyperopt/pyll_utils.py), returning the plain JSON-safe objects
 * of ./types. They do not validate: `compileSpace` does, once, for the whole space, with paths in its
 * messages. Argument order and meaning follow Hyperopt exactly, including log-space bounds for the
 * log kinds (`hp.loguniform('lr', Math.log(1e-4), Math.log(1))`).
 */
import type {
  ChoiceExpr,
  IntCastExpr,
  NormalExpr,
  PChoiceExpr,
  QNormalExpr,
  QUniformExpr,
  RandintExpr,
  SpaceNode,
  UniformExpr,
  UniformIntExpr,
} from './types';

/** `hp.choice(label, options)`: one of the options, each with probability 1/len(options). */
function choice(label: string, options: SpaceNode[]): ChoiceExpr {
  return { $hp: 'choice', label, options };
}

/** `hp.pchoice(label, [[p, option], ...])`: option i with probability p_i (the p_i sum to 1). */
function pchoice(label: string, options: [number, SpaceNode][]): PChoiceExpr {
  return { $hp: 'pchoice', label, options: options.map(([p, value]) => ({ p, value })) };
}

/**
 * `hp.randint(label, upper)`: an integer in [0, upper); `hp.randint(label, low, high)`: in [low, high)
 * (Hyperopt ≥ 0.2.7 accepts both forms).
 */
function randint(label: string, upperOrLow: number, high?: number): RandintExpr {
  return high === undefined
    ? { $hp: 'randint', label, low: 0, high: upperOrLow }
    : { $hp: 'randint', label, low: upperOrLow, high };
}

/** `hp.uniform(label, low, high)`: U(low, high). */
function uniform(label: string, low: number, high: number): UniformExpr {
  return { $hp: 'uniform', label, low, high };
}

/** `hp.quniform(label, low, high, q)`: round(U(low, high) / q) * q. */
function quniform(label: string, low: number, high: number, q: number): QUniformExpr {
  return { $hp: 'quniform', label, low, high, q };
}

/** `hp.loguniform(label, low, high)`: exp(U(low, high)); `low`/`high` are logs of the bounds. */
function loguniform(label: string, low: number, high: number): UniformExpr {
  return { $hp: 'loguniform', label, low, high };
}

/** `hp.qloguniform(label, low, high, q)`: round(exp(U(low, high)) / q) * q; log-space bounds. */
function qloguniform(label: string, low: number, high: number, q: number): QUniformExpr {
  return { $hp: 'qloguniform', label, low, high, q };
}

/** `hp.normal(label, mu, sigma)`: N(mu, sigma). */
function normal(label: string, mu: number, sigma: number): NormalExpr {
  return { $hp: 'normal', label, mu, sigma };
}

/** `hp.qnormal(label, mu, sigma, q)`: round(N(mu, sigma) / q) * q. */
function qnormal(label: string, mu: number, sigma: number, q: number): QNormalExpr {
  return { $hp: 'qnormal', label, mu, sigma, q };
}

/** `hp.lognormal(label, mu, sigma)`: exp(N(mu, sigma)). */
function lognormal(label: string, mu: number, sigma: number): NormalExpr {
  return { $hp: 'lognormal', label, mu, sigma };
}

/** `hp.qlognormal(label, mu, sigma, q)`: round(exp(N(mu, sigma)) / q) * q. */
function qlognormal(label: string, mu: number, sigma: number, q: number): QNormalExpr {
  return { $hp: 'qlognormal', label, mu, sigma, q };
}

/**
 * `hp.uniformint(label, low, high, q = 1)`: Hyperopt's `scope.int(hp.quniform(label, low, high, q))`.
 * The trial `vals` hold the quantised number; the objective receives it truncated to an integer.
 * Hyperopt's `hp_uniformint` (hyperopt/pyll_utils.py) always forces q = 1.0; a `q` other than 1 is an
 * extension of this port.
 */
function uniformint(label: string, low: number, high: number, q = 1): UniformIntExpr {
  return { $hp: 'uniformint', label, low, high, q };
}

/** The `hp` namespace, as in `from hyperopt import hp`. */
export const hp = {
  choice,
  pchoice,
  randint,
  uniform,
  quniform,
  loguniform,
  qloguniform,
  normal,
  qnormal,
  lognormal,
  qlognormal,
  uniformint,
} as const;

/** `scope.int(node)`: Python's `int()` of the evaluated node (truncation toward zero). */
function int(node: SpaceNode): IntCastExpr {
  return { $hp: 'int', arg: node };
}

/** The `scope` namespace; only `int` of Hyperopt's pyll scope is supported. */
export const scope = { int } as const;
