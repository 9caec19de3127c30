/**
 * Reads the neutral expression form of the reference data (shared/reference/README.md: an object with
 * `kind` and `label` is an `hp.*` expression, anything else is literal structure) into a space. Used
 * by the fidelity tests of the samplers and of TPE.
 */
import { hp } from './hp';
import { SpaceError } from './errors';
import type { SpaceNode } from './types';

type Dict = Record<string, unknown>;

function num(expr: Dict, field: string): number {
  const value = expr[field];
  if (typeof value !== 'number') {
    throw new SpaceError({
      label: String(expr.label),
      path: field,
      problem: `neutral form: ${field} must be a number`,
    });
  }
  return value;
}

/** The space described by a neutral-form expression or structure. */
export function fromNeutral(node: unknown): SpaceNode {
  if (Array.isArray(node)) return node.map(fromNeutral);
  if (typeof node !== 'object' || node === null) return node as SpaceNode;
  const expr = node as Dict;
  if (!(typeof expr.kind === 'string' && typeof expr.label === 'string')) {
    return Object.fromEntries(Object.entries(expr).map(([key, value]) => [key, fromNeutral(value)]));
  }
  const label = expr.label;
  switch (expr.kind) {
    case 'uniform':
      return hp.uniform(label, num(expr, 'low'), num(expr, 'high'));
    case 'quniform':
      return hp.quniform(label, num(expr, 'low'), num(expr, 'high'), num(expr, 'q'));
    case 'loguniform':
      return hp.loguniform(label, num(expr, 'low'), num(expr, 'high'));
    case 'qloguniform':
      return hp.qloguniform(label, num(expr, 'low'), num(expr, 'high'), num(expr, 'q'));
    case 'normal':
      return hp.normal(label, num(expr, 'mu'), num(expr, 'sigma'));
    case 'qnormal':
      return hp.qnormal(label, num(expr, 'mu'), num(expr, 'sigma'), num(expr, 'q'));
    case 'lognormal':
      return hp.lognormal(label, num(expr, 'mu'), num(expr, 'sigma'));
    case 'qlognormal':
      return hp.qlognormal(label, num(expr, 'mu'), num(expr, 'sigma'), num(expr, 'q'));
    case 'randint':
      return 'upper' in expr
        ? hp.randint(label, num(expr, 'upper'))
        : hp.randint(label, num(expr, 'low'), num(expr, 'high'));
    case 'uniformint':
      return hp.uniformint(label, num(expr, 'low'), num(expr, 'high'), 'q' in expr ? num(expr, 'q') : 1);
    case 'choice':
      return hp.choice(label, (expr.options as unknown[]).map(fromNeutral));
    case 'pchoice':
      return hp.pchoice(
        label,
        (expr.options as Dict[]).map((option): [number, SpaceNode] => [
          num(option, 'p'),
          fromNeutral(option.value),
        ]),
      );
    default:
      throw new SpaceError({
        label,
        path: 'kind',
        problem: `neutral form: unknown kind ${JSON.stringify(expr.kind)}`,
      });
  }
}
