/**
 * l and g of a categorical label (choice, pchoice, randint) as weighted histograms beside the prior,
 * with how the candidates fell and which won.
 */
import type { CategoricalLabelExplanation, Param, SpaceNode } from '../../../core';

export interface CategoryBars {
  /** One per value: its name as the user wrote it (an option's literal or `kind`), or the integer. */
  names: string[];
  below: number[];
  above: number[];
  prior: number[];
  /** How many of the candidates drawn from l took each value. */
  candidates: number[];
  winner: number;
}

const NAME_KEYS = ['kind', 'name', 'type', 'model'];

/** A short name of a choice option: a literal as is, a dict by its `kind`-like key, else "option i". */
export function optionName(option: SpaceNode, index: number): string {
  if (option === null || typeof option !== 'object') return String(option);
  if (!Array.isArray(option) && !('$hp' in option)) {
    for (const key of NAME_KEYS) {
      const value = (option as Record<string, SpaceNode>)[key];
      if (typeof value === 'string' || typeof value === 'number') return String(value);
    }
  }
  return `option ${index}`;
}

/** Names and prior probabilities of a categorical parameter's values (offset + 0 … offset + K−1). */
export function categoricalPrior(param: Param): { names: string[]; prior: number[] } {
  const expr = param.expr;
  switch (expr.$hp) {
    case 'choice':
      return {
        names: expr.options.map(optionName),
        prior: expr.options.map(() => 1 / expr.options.length),
      };
    case 'pchoice':
      return {
        names: expr.options.map((o, i) => optionName(o.value, i)),
        prior: expr.options.map((o) => o.p),
      };
    case 'randint': {
      const k = expr.high - expr.low;
      return {
        names: Array.from({ length: k }, (_, i) => String(expr.low + i)),
        prior: Array.from({ length: k }, () => 1 / k),
      };
    }
    default:
      throw new RangeError(`${param.label} is not categorical`);
  }
}

/** The bars of one explanation. */
export function categoryBars(param: Param, e: CategoricalLabelExplanation): CategoryBars {
  const { names, prior } = categoricalPrior(param);
  const candidates = e.below.map(() => 0);
  for (const c of e.candidates) {
    const i = c - e.offset;
    if (i >= 0 && i < candidates.length) candidates[i]!++;
  }
  return { names, below: e.below, above: e.above, prior, candidates, winner: e.winner - e.offset };
}
