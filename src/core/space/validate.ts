/**
 * Validation and compilation of a space: one depth-first walk that checks every node and lists the
 * hyperparameters with the choice conditions under which each one is active.
 *
 * Hyperopt discovers its hyperparameters the same way (`hyperopt.pyll_utils.expr_to_config` walks
 * the graph, records for each `hyperopt_param` the `(choice label, option index)` conditions of the
 * switches above it, and raises `DuplicateLabel` for a label used twice). Hyperopt checks bounds
 * lazily or not at all; here every problem is reported before anything is sampled.
 */
import { ROOT_PATH, SpaceError, describeKind, describeValue, indexPath, keyPath } from './errors';
import type { CompiledSpace, Param, ParamCondition, ParamExpr, SpaceNode } from './types';

type Kind = ParamExpr['$hp'] | 'int';

/** The fields of each `$hp` kind besides `$hp` itself: all required, nothing else allowed. */
const FIELDS: Readonly<Record<Kind, readonly string[]>> = {
  choice: ['label', 'options'],
  pchoice: ['label', 'options'],
  randint: ['label', 'low', 'high'],
  uniform: ['label', 'low', 'high'],
  loguniform: ['label', 'low', 'high'],
  quniform: ['label', 'low', 'high', 'q'],
  qloguniform: ['label', 'low', 'high', 'q'],
  uniformint: ['label', 'low', 'high', 'q'],
  normal: ['label', 'mu', 'sigma'],
  lognormal: ['label', 'mu', 'sigma'],
  qnormal: ['label', 'mu', 'sigma', 'q'],
  qlognormal: ['label', 'mu', 'sigma', 'q'],
  int: ['arg'],
};

/** Tolerance on the sum of pchoice probabilities. */
export const PCHOICE_SUM_TOLERANCE = 1e-6;
/** Largest log-space bound whose exp is finite. */
const MAX_LOG_BOUND = Math.log(Number.MAX_VALUE);

type Dict = Record<string, unknown>;

function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && Object.hasOwn(FIELDS, value);
}

function isPlainObject(value: object): value is Dict {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

class Compiler {
  readonly params: Param[] = [];
  readonly byLabel = new Map<string, Param>();
  private readonly pathOf = new Map<string, string>();
  /** Objects on the current path, to reject cycles instead of recursing forever. */
  private readonly ancestors = new Set<object>();

  visit(node: unknown, path: string, conditions: ParamCondition[]): void {
    switch (typeof node) {
      case 'number':
        if (!Number.isFinite(node)) {
          throw new SpaceError({
            label: null,
            path,
            problem: `${node} is not allowed in a space (numbers must be finite)`,
          });
        }
        return;
      case 'string':
      case 'boolean':
        return;
      case 'object':
        if (node === null) return;
        break;
      default:
        throw new SpaceError({
          label: null,
          path,
          problem: `${node === undefined ? 'undefined' : `a ${typeof node}`} is not allowed in a space (only JSON values and hp expressions)`,
        });
    }
    if (this.ancestors.has(node)) throw new SpaceError({ label: null, path, problem: 'cyclic reference' });
    this.ancestors.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, i) => this.visit(item, indexPath(path, i), conditions));
    } else if (!isPlainObject(node)) {
      throw new SpaceError({
        label: null,
        path,
        problem: 'only plain objects, arrays and JSON values are allowed',
      });
    } else if (Object.hasOwn(node, '$hp')) {
      this.visitExpr(node, path, conditions);
    } else {
      for (const key of Object.keys(node)) {
        if (key === '__proto__')
          throw new SpaceError({ label: null, path, problem: "'__proto__' is not allowed as a key" });
        this.visit(node[key], keyPath(path, key), conditions);
      }
    }
    this.ancestors.delete(node);
  }

  private visitExpr(node: Dict, path: string, conditions: ParamCondition[]): void {
    const kind = node.$hp;
    if (!isKind(kind)) {
      throw new SpaceError({
        label: null,
        path,
        problem: `unknown $hp kind ${describeValue(kind)} (a literal dict may not have a '$hp' key)`,
      });
    }
    const rawLabel = kind === 'int' ? null : node.label;
    if (kind !== 'int' && (typeof rawLabel !== 'string' || rawLabel.length === 0)) {
      throw new SpaceError({
        label: null,
        path,
        kind,
        problem: `${describeKind(kind)} label must be a non-empty string (got ${describeValue(rawLabel)})`,
      });
    }
    const label = typeof rawLabel === 'string' ? rawLabel : null;
    const fail = (problem: string): never => {
      throw new SpaceError({ label, path, kind, problem });
    };
    const fields = FIELDS[kind];
    for (const field of fields) if (!Object.hasOwn(node, field)) fail(`missing field '${field}'`);
    for (const key of Object.keys(node)) {
      if (key !== '$hp' && !fields.includes(key)) {
        fail(`unexpected field '${key}' (a literal dict may not have a '$hp' key)`);
      }
    }
    if (kind === 'int') {
      this.visit(node.arg, keyPath(path, 'arg'), conditions);
      return;
    }
    const num = (field: string): number => {
      const value = node[field];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return fail(`${field} must be a finite number (got ${describeValue(value)})`);
      }
      return value;
    };
    switch (kind) {
      case 'choice':
      case 'pchoice':
        break;
      case 'normal':
      case 'lognormal':
      case 'qnormal':
      case 'qlognormal': {
        num('mu');
        const sigma = num('sigma');
        if (sigma <= 0) fail(`sigma must be positive (got ${sigma})`);
        break;
      }
      default: {
        const low = num('low');
        const high = num('high');
        if (low >= high) fail(`low (${low}) must be less than high (${high})`);
        if (kind === 'randint') {
          if (!Number.isSafeInteger(low)) fail(`low must be an integer (got ${low})`);
          if (!Number.isSafeInteger(high)) fail(`high must be an integer (got ${high})`);
        }
        if ((kind === 'loguniform' || kind === 'qloguniform') && high > MAX_LOG_BOUND) {
          fail(`high (${high}) is a log-space bound and exp(${high}) overflows`);
        }
      }
    }
    if (
      kind === 'quniform' ||
      kind === 'qloguniform' ||
      kind === 'uniformint' ||
      kind === 'qnormal' ||
      kind === 'qlognormal'
    ) {
      const q = num('q');
      if (q <= 0) fail(`q must be positive (got ${q})`);
    }
    const name = label as string;
    const previous = this.pathOf.get(name);
    if (previous !== undefined) fail(`duplicate label (also used at ${previous})`);
    const param: Param = { label: name, expr: node as unknown as ParamExpr, conditions };
    this.params.push(param);
    this.byLabel.set(name, param);
    this.pathOf.set(name, path);
    if (kind === 'choice') this.visitChoice(node.options, name, path, conditions, fail);
    if (kind === 'pchoice') this.visitPChoice(node.options, name, path, conditions, fail);
  }

  private visitChoice(
    options: unknown,
    label: string,
    path: string,
    conditions: ParamCondition[],
    fail: (p: string) => never,
  ): void {
    if (!Array.isArray(options)) return fail(`options must be an array (got ${describeValue(options)})`);
    if (options.length === 0) fail('options must not be empty');
    const optionsPath = keyPath(path, 'options');
    options.forEach((option, index) => {
      this.visit(option, indexPath(optionsPath, index), [...conditions, { label, index }]);
    });
  }

  private visitPChoice(
    options: unknown,
    label: string,
    path: string,
    conditions: ParamCondition[],
    fail: (p: string) => never,
  ): void {
    if (!Array.isArray(options))
      return fail(`options must be an array of {p, value} (got ${describeValue(options)})`);
    if (options.length === 0) fail('options must not be empty');
    let sum = 0;
    options.forEach((option: unknown, index) => {
      const ok =
        typeof option === 'object' && option !== null && !Array.isArray(option) && isPlainObject(option);
      const keys = ok ? Object.keys(option) : [];
      if (!ok || keys.length !== 2 || !Object.hasOwn(option, 'p') || !Object.hasOwn(option, 'value')) {
        return fail(`option ${index} must be an object {p, value}`);
      }
      const p: unknown = option.p;
      if (typeof p !== 'number' || !Number.isFinite(p))
        fail(`probability of option ${index} must be a finite number (got ${describeValue(p)})`);
      if ((p as number) < 0) fail(`probability of option ${index} must not be negative (got ${p as number})`);
      sum += p as number;
    });
    if (Math.abs(sum - 1) > PCHOICE_SUM_TOLERANCE) fail(`probabilities must sum to 1 (got ${sum})`);
    const optionsPath = keyPath(path, 'options');
    options.forEach((option: Dict, index) => {
      this.visit(option.value, keyPath(indexPath(optionsPath, index), 'value'), [
        ...conditions,
        { label, index },
      ]);
    });
  }
}

/**
 * Validates a space and lists its hyperparameters in depth-first order of appearance (a choice before
 * the parameters inside its options), each with the conditions under which it is active: a parameter
 * inside option i of choice c gets `{label: c, index: i}` appended to its parent's conditions.
 *
 * @throws SpaceError naming the label (or, outside labelled expressions, the path) and the problem.
 */
export function compileSpace(node: SpaceNode): CompiledSpace {
  const compiler = new Compiler();
  compiler.visit(node, ROOT_PATH, []);
  return { root: node, params: compiler.params, byLabel: compiler.byLabel };
}

/** True when `value` is a {@link CompiledSpace} rather than a space node (its `byLabel` is a Map). */
export function isCompiledSpace(value: SpaceNode | CompiledSpace): value is CompiledSpace {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (value as { byLabel?: unknown }).byLabel instanceof Map
  );
}
