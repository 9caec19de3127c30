/**
 * The calls a pasted Python space may make, bound as Python binds arguments (positional, then by
 * keyword), checked, and built into space nodes: `hp.*` with Hyperopt's parameter names
 * (hyperopt/pyll_utils.py), `scope.int`, and `np.log` / `math.log` of constants.
 */
import type { SpaceNode } from '../space';
import { failAt, type Pos } from './pythonErrors';
import { describe, toNode, type Value } from './values';

export interface Args {
  positional: Value[];
  keywords: { name: string; value: Value; pos: Pos }[];
}

const PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  choice: ['label', 'options'],
  pchoice: ['label', 'p_options'],
  uniform: ['label', 'low', 'high'],
  loguniform: ['label', 'low', 'high'],
  quniform: ['label', 'low', 'high', 'q'],
  qloguniform: ['label', 'low', 'high', 'q'],
  uniformint: ['label', 'low', 'high'],
  // Hyperopt hands these to pyll's randint(low, high=None): with one bound it is [0, low).
  randint: ['label', 'low', 'high'],
  normal: ['label', 'mu', 'sigma'],
  lognormal: ['label', 'mu', 'sigma'],
  qnormal: ['label', 'mu', 'sigma', 'q'],
  qlognormal: ['label', 'mu', 'sigma', 'q'],
};

/** The hp kinds a paste may use. */
export const HP_KINDS = Object.keys(PARAMETERS);

/** Binds arguments to parameter names as Python does, with its kinds of complaint. */
function bind(
  fn: string,
  names: readonly string[],
  args: Args,
  pos: Pos,
  optional: readonly string[] = [],
): Map<string, Value> {
  const bound = new Map<string, Value>();
  if (args.positional.length > names.length)
    failAt(
      args.positional[names.length]!.pos,
      `${fn} takes ${names.length} argument${names.length === 1 ? '' : 's'} (${names.join(', ')}), got ${args.positional.length}`,
    );
  args.positional.forEach((value, i) => bound.set(names[i]!, value));
  for (const { name, value, pos: at } of args.keywords) {
    if (!names.includes(name)) failAt(at, `${fn} has no argument \`${name}\` (it takes ${names.join(', ')})`);
    if (bound.has(name)) failAt(at, `${fn} got \`${name}\` twice`);
    bound.set(name, value);
  }
  for (const name of names)
    if (!bound.has(name) && !optional.includes(name)) failAt(pos, `${fn} needs \`${name}\``);
  return bound;
}

function number(fn: string, name: string, value: Value): number {
  if (value.t !== 'num')
    return failAt(value.pos, `\`${name}\` of ${fn} must be a number (got ${describe(value)})`);
  return value.v;
}

function options(fn: string, value: Value): Value[] {
  if (value.t !== 'seq')
    return failAt(value.pos, `the options of ${fn} must be a list or tuple (got ${describe(value)})`);
  return value.items;
}

/** Builds `hp.<kind>(...)`; `onLabel` records where each label was written. */
export function hpCall(kind: string, args: Args, pos: Pos, onLabel: (label: string) => void): SpaceNode {
  const fn = `hp.${kind}`;
  if (kind === 'uniformint' && args.keywords.some((k) => k.name === 'q'))
    failAt(
      pos,
      'hp.uniformint always uses q = 1 in Hyperopt; write scope.int(hp.quniform(label, low, high, q)) for another step',
    );
  const names = Object.hasOwn(PARAMETERS, kind) ? PARAMETERS[kind] : undefined;
  if (names === undefined)
    return failAt(
      pos,
      `\`${fn}\` is not an hp expression (known: ${HP_KINDS.map((k) => `hp.${k}`).join(', ')})`,
    );
  const a = bind(fn, names, args, pos, kind === 'randint' ? ['high'] : []);
  const labelValue = a.get('label')!;
  if (labelValue.t !== 'str')
    return failAt(labelValue.pos, `the label of ${fn} must be a string (got ${describe(labelValue)})`);
  const label = labelValue.v;
  onLabel(label);
  const n = (name: string) => number(fn, name, a.get(name)!);
  switch (kind) {
    case 'choice':
      return { $hp: 'choice', label, options: options(fn, a.get('options')!).map(toNode) };
    case 'pchoice':
      return {
        $hp: 'pchoice',
        label,
        options: options(fn, a.get('p_options')!).map((pair) => {
          if (pair.t !== 'seq' || pair.items.length !== 2)
            return failAt(
              pair.pos,
              `each option of hp.pchoice must be a pair (probability, value), got ${describe(pair)}`,
            );
          return { p: number(fn, 'probability', pair.items[0]!), value: toNode(pair.items[1]!) };
        }),
      };
    case 'randint':
      return a.has('high')
        ? { $hp: 'randint', label, low: n('low'), high: n('high') }
        : { $hp: 'randint', label, low: 0, high: n('low') };
    case 'uniform':
    case 'loguniform':
      return { $hp: kind, label, low: n('low'), high: n('high') };
    case 'quniform':
    case 'qloguniform':
      return { $hp: kind, label, low: n('low'), high: n('high'), q: n('q') };
    case 'uniformint':
      return { $hp: 'uniformint', label, low: n('low'), high: n('high'), q: 1 };
    case 'normal':
    case 'lognormal':
      return { $hp: kind, label, mu: n('mu'), sigma: n('sigma') };
    default:
      return { $hp: kind as 'qnormal' | 'qlognormal', label, mu: n('mu'), sigma: n('sigma'), q: n('q') };
  }
}

/** `scope.int(x)`: Hyperopt's int cast of an expression. */
export function intCall(args: Args, pos: Pos): SpaceNode {
  const a = bind('scope.int', ['arg'], args, pos);
  return { $hp: 'int', arg: toNode(a.get('arg')!) };
}

/** `np.log(x)`, `math.log(x)` or `math.log(x, base)` of numbers. */
export function logCall(fn: string, args: Args, pos: Pos): number {
  const names = fn === 'math.log' ? ['x', 'base'] : ['x'];
  if (args.positional.length === 1 && args.keywords.length === 0) names.length = 1;
  const a = bind(fn, names, args, pos);
  const x = number(fn, 'x', a.get('x')!);
  if (!(x > 0)) failAt(a.get('x')!.pos, `${fn} of ${x} is not a finite number`);
  if (names.length === 1) return Math.log(x);
  const base = number(fn, 'base', a.get('base')!);
  if (!(base > 0) || base === 1) failAt(a.get('base')!.pos, `${fn} with base ${base} is not a finite number`);
  return Math.log(x) / Math.log(base);
}
