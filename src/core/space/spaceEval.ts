/**
 * Hyperopt's `space_eval(space, hp_assignment)` (hyperopt/fmin.py): turns a point's `vals` (choice
 * indices, drawn numbers) into the configuration the objective receives. Compiled once per space into
 * a tree of closures, so that evaluating a point only builds the result.
 */
import { SpaceError, describeValue, indexPath, keyPath, ROOT_PATH } from './errors';
import { resolveSpace } from './resolve';
import type { CompiledSpace, SpaceNode } from './types';

/** A point's values: bare numbers, or Hyperopt's misc form (`[value]`, `[]` when inactive). */
export type EvalVals = Readonly<Record<string, number | readonly number[]>>;
type Evaluator = (vals: EvalVals) => unknown;
type Dict = Readonly<Record<string, unknown>>;

/** Python's `int()` of a number: truncation toward zero (and no −0, which Python ints lack). */
function pythonInt(x: number): number {
  const t = Math.trunc(x);
  return t === 0 ? 0 : t;
}

function readValue(vals: EvalVals, label: string, kind: string, path: string): number {
  const raw = Object.hasOwn(vals, label) ? vals[label] : undefined;
  let value: unknown = raw;
  if (Array.isArray(raw)) {
    if (raw.length > 1) {
      throw new SpaceError({ label, kind, path, problem: `expected one value, got ${raw.length}` });
    }
    value = raw[0];
  }
  if (value === undefined) {
    throw new SpaceError({ label, kind, path, problem: 'no value given for this active hyperparameter' });
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new SpaceError({
      label,
      kind,
      path,
      problem: `value must be a finite number (got ${describeValue(value)})`,
    });
  }
  return value;
}

function readIndex(vals: EvalVals, label: string, kind: string, path: string, count: number): number {
  const index = readValue(vals, label, kind, path);
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new SpaceError({
      label,
      kind,
      path,
      problem: `option index ${index} is out of range (${count} options)`,
    });
  }
  return index;
}

function compileNode(node: unknown, path: string): Evaluator {
  if (typeof node !== 'object' || node === null) return () => node;
  if (Array.isArray(node)) {
    const items = node.map((item, i) => compileNode(item, indexPath(path, i)));
    return (vals) => {
      const out: unknown[] = new Array<unknown>(items.length);
      for (let i = 0; i < items.length; i++) out[i] = items[i]!(vals);
      return out;
    };
  }
  const dict = node as Dict;
  if (!Object.hasOwn(dict, '$hp')) {
    const keys = Object.keys(dict);
    const values = keys.map((key) => compileNode(dict[key], keyPath(path, key)));
    return (vals) => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) out[keys[i]!] = values[i]!(vals);
      return out;
    };
  }
  return compileExpr(dict, path);
}

function compileExpr(expr: Dict, path: string): Evaluator {
  const kind = expr.$hp as string;
  const label = expr.label as string;
  switch (kind) {
    case 'int': {
      const arg = compileNode(expr.arg, keyPath(path, 'arg'));
      return (vals) => {
        const value = arg(vals);
        if (typeof value === 'number' && Number.isFinite(value)) return pythonInt(value);
        if (typeof value === 'boolean') return value ? 1 : 0;
        throw new SpaceError({
          label: null,
          kind,
          path,
          problem: `scope.int needs a finite number (got ${describeValue(value)})`,
        });
      };
    }
    case 'choice':
    case 'pchoice': {
      const optionsPath = keyPath(path, 'options');
      const options = expr.options as readonly unknown[];
      const branches =
        kind === 'choice'
          ? options.map((option, i) => compileNode(option, indexPath(optionsPath, i)))
          : options.map((option, i) =>
              compileNode((option as Dict).value, keyPath(indexPath(optionsPath, i), 'value')),
            );
      return (vals) => branches[readIndex(vals, label, kind, path, branches.length)]!(vals);
    }
    case 'uniformint':
      // Hyperopt: scope.int(quniform(...)); vals keep the float, the objective gets int().
      return (vals) => pythonInt(readValue(vals, label, kind, path));
    default:
      return (vals) => readValue(vals, label, kind, path);
  }
}

const evaluatorCache = new WeakMap<CompiledSpace, Evaluator>();

/**
 * The configuration for a point: dicts and arrays rebuilt, each choice replaced by its evaluated
 * option (`vals[label]` is the option index), `scope.int` and `hp.uniformint` truncated like
 * Python's `int()`, every other expression replaced by its value. Values may be bare numbers or
 * Hyperopt's one-element lists (`trials.argmin`, `misc.vals`); `[]` means inactive. Labels of
 * inactive branches are not needed and extra labels are ignored, as in Hyperopt.
 *
 * @throws SpaceError naming the label when an active label has no value or a choice index is out of
 *   range (and when an uncompiled space is invalid).
 */
export function spaceEval(space: SpaceNode | CompiledSpace, vals: EvalVals): unknown {
  const compiled = resolveSpace(space);
  let evaluate = evaluatorCache.get(compiled);
  if (evaluate === undefined) {
    evaluate = compileNode(compiled.root, ROOT_PATH);
    evaluatorCache.set(compiled, evaluate);
  }
  return evaluate(vals);
}
