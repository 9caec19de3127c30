/**
 * The search-space language as plain, JSON-safe data.
 *
 * Hyperopt builds spaces from pyll expression graphs; here a space is a tree of plain values so that
 * it can cross workers, URLs and IndexedDB unchanged. Expressions carry the `$hp` key (never a legal
 * key of a literal dict in a space) so that a literal dict with keys like `kind` or `label` is never
 * mistaken for an expression.
 */

export type Literal = number | string | boolean | null;

/** Any node of a space: a literal, an `hp.*` expression, an array or a dict of nodes. */
export type SpaceNode = Literal | HpExpr | SpaceNode[] | { [key: string]: SpaceNode };

export interface ChoiceExpr {
  $hp: 'choice';
  label: string;
  options: SpaceNode[];
}
export interface PChoiceExpr {
  $hp: 'pchoice';
  label: string;
  options: { p: number; value: SpaceNode }[];
}
/** `hp.randint(label, upper)` is stored as `low: 0, high: upper`; values are integers in [low, high). */
export interface RandintExpr {
  $hp: 'randint';
  label: string;
  low: number;
  high: number;
}
/** Bounds of the log kinds are in log space, as Hyperopt takes them. */
export interface UniformExpr {
  $hp: 'uniform' | 'loguniform';
  label: string;
  low: number;
  high: number;
}
export interface QUniformExpr {
  $hp: 'quniform' | 'qloguniform';
  label: string;
  low: number;
  high: number;
  q: number;
}
/** Hyperopt: `scope.int(hp.quniform(label, low, high, q))`. */
export interface UniformIntExpr {
  $hp: 'uniformint';
  label: string;
  low: number;
  high: number;
  q: number;
}
export interface NormalExpr {
  $hp: 'normal' | 'lognormal';
  label: string;
  mu: number;
  sigma: number;
}
export interface QNormalExpr {
  $hp: 'qnormal' | 'qlognormal';
  label: string;
  mu: number;
  sigma: number;
  q: number;
}
/** Hyperopt's `scope.int(expr)`: truncates the evaluated value of `arg` to an integer. */
export interface IntCastExpr {
  $hp: 'int';
  arg: SpaceNode;
}

export type HpExpr =
  | ChoiceExpr
  | PChoiceExpr
  | RandintExpr
  | UniformExpr
  | QUniformExpr
  | UniformIntExpr
  | NormalExpr
  | QNormalExpr
  | IntCastExpr;

/** Expressions that define a hyperparameter (everything but the `int` cast). */
export type ParamExpr = Exclude<HpExpr, IntCastExpr>;
export type ParamKind = ParamExpr['$hp'];

/** The versioned envelope in which a space crosses a boundary (URL, IndexedDB, worker). */
export interface SpaceDocument {
  format: 'hyperopt-space';
  version: 1;
  space: SpaceNode;
}

/** Where a hyperparameter lives: it is active iff every (choice label, option index) holds. */
export interface ParamCondition {
  label: string;
  index: number;
}

/**
 * One hyperparameter of a compiled space. `vals` of a trial hold, per active label, a number: the
 * option index for choice/pchoice, an integer for randint, the drawn value for the others.
 */
export interface Param {
  label: string;
  expr: ParamExpr;
  conditions: ParamCondition[];
}

/** A validated space: its root plus its hyperparameters in depth-first order of appearance. */
export interface CompiledSpace {
  root: SpaceNode;
  params: Param[];
  byLabel: ReadonlyMap<string, Param>;
}

/** Values of the active hyperparameters of one point (Hyperopt's `vals`, one value per label). */
export type Vals = Record<string, number>;
