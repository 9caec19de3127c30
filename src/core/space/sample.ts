/**
 * Prior sampling of a whole space: Hyperopt's `rand.suggest` point generation and
 * `hyperopt.pyll.stochastic.sample`. Only active hyperparameters are drawn: a choice's index first,
 * then the parameters of the chosen option only (Hyperopt evaluates the `switch` lazily, so the
 * other options are never sampled and are absent from the trial's `vals`).
 */
import type { Rng } from '../random/types';
import { DrawCode, planFor } from './plan';
import type { DrawNode } from './plan';
import { resolveSpace } from './resolve';
import { roundHalfEven } from './round';
import { spaceEval } from './spaceEval';
import type { CompiledSpace, SpaceNode, Vals } from './types';

function drawNode(node: DrawNode, rng: Rng): number {
  // Same formulas as drawParam (./draw.ts), on the plan's flattened fields.
  switch (node.code) {
    case DrawCode.Uniform:
      return rng.uniform(node.a, node.b);
    case DrawCode.QUniform:
      return roundHalfEven(rng.uniform(node.a, node.b) / node.q) * node.q;
    case DrawCode.LogUniform:
      return Math.exp(rng.uniform(node.a, node.b));
    case DrawCode.QLogUniform:
      return roundHalfEven(Math.exp(rng.uniform(node.a, node.b)) / node.q) * node.q;
    case DrawCode.Normal:
      return rng.normal(node.a, node.b);
    case DrawCode.QNormal:
      return roundHalfEven(rng.normal(node.a, node.b) / node.q) * node.q;
    case DrawCode.LogNormal:
      return Math.exp(rng.normal(node.a, node.b));
    case DrawCode.QLogNormal:
      return roundHalfEven(Math.exp(rng.normal(node.a, node.b)) / node.q) * node.q;
    case DrawCode.Randint:
      return rng.integers(node.a, node.b);
    case DrawCode.Choice:
      return rng.integers(0, node.b);
    case DrawCode.PChoice:
      return rng.categorical(node.p);
  }
}

function drawInto(nodes: readonly DrawNode[], rng: Rng, out: Vals): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const value = drawNode(node, rng);
    out[node.label] = value;
    if (node.branches !== null) {
      const branch = node.branches[value]!;
      if (branch.length > 0) drawInto(branch, rng, out);
    }
  }
}

/**
 * Draws one point from the prior: values for the active hyperparameters only, in depth-first order
 * (choice index, then its chosen option's parameters). Choice values are option indices.
 */
export function sampleVals(space: CompiledSpace, rng: Rng): Vals {
  const out: Vals = {};
  drawInto(planFor(space).roots, rng, out);
  return out;
}

/**
 * Draws one configuration as the objective would receive it: `spaceEval(space, sampleVals(space, rng))`
 * (Hyperopt's `hyperopt.pyll.stochastic.sample(space)`).
 *
 * @throws SpaceError when an uncompiled space is invalid.
 */
export function sample(space: SpaceNode | CompiledSpace, rng: Rng): unknown {
  const compiled = resolveSpace(space);
  return spaceEval(compiled, sampleVals(compiled, rng));
}
