/**
 * How long simulated trials take. Durations depend only on the seed and the submission index, never
 * on the algorithm or on P (common random numbers, as in shared/reference/parallel.md), so runs at
 * different parallelism levels face exactly the same schedule and differ only in how they use it.
 */
import { createRng } from '../random/index';

/**
 * parallel.md's model: d ~ Exponential(mean), the heavy tail itself makes stragglers. Seeded as
 * `createRng(10_000 + seed)`, the offset parallel.md gives numpy's generator (ours differs).
 */
export interface ExponentialDurations {
  kind: 'exponential';
  mean: number;
}

/**
 * An ordinary trial takes `base` times a log-normal factor exp(spread · z); with probability
 * `stragglerProbability` it is a straggler and takes `stragglerFactor` times longer (a slow node,
 * a cold cache, a model that happened to train long).
 */
export interface StragglerDurations {
  kind: 'stragglers';
  base: number;
  /** Standard deviation of log duration; 0 makes every ordinary trial take `base`. */
  spread: number;
  stragglerProbability: number;
  stragglerFactor: number;
}

export type DurationModel = ExponentialDurations | StragglerDurations;

/** parallel.md's durations for a seed are drawn from a generator seeded with this plus the seed. */
export const DURATION_SEED_OFFSET = 10_000;

/** What is wrong with a model, as a sentence, or undefined when it is usable. */
export function durationModelProblem(model: DurationModel): string | undefined {
  const positive = (n: number) => Number.isFinite(n) && n > 0;
  if (model.kind === 'exponential') {
    return positive(model.mean) ? undefined : 'The mean duration must be a number above 0.';
  }
  if (!positive(model.base)) return 'The base duration must be a number above 0.';
  if (!(Number.isFinite(model.spread) && model.spread >= 0 && model.spread <= 3))
    return 'The spread must be between 0 and 3.';
  if (!(model.stragglerProbability >= 0 && model.stragglerProbability <= 1))
    return 'The straggler probability must be between 0 and 1.';
  if (!(
    Number.isFinite(model.stragglerFactor) &&
    model.stragglerFactor >= 1 &&
    model.stragglerFactor <= 1000
  ))
    return 'The straggler factor must be between 1 and 1000.';
  return undefined;
}

/** The durations of the first `n` submissions of a seed. @throws RangeError on a bad model. */
export function drawDurations(model: DurationModel, seed: number, n: number): number[] {
  const problem = durationModelProblem(model);
  if (problem !== undefined) throw new RangeError(problem);
  const rng = createRng(DURATION_SEED_OFFSET + seed);
  if (model.kind === 'exponential') {
    // 1 - u is in (0, 1]: never log(0).
    return Array.from({ length: n }, () => -model.mean * Math.log(1 - rng.random()));
  }
  return Array.from({ length: n }, () => {
    // Both draws every time, so a trial's duration does not shift when the probability changes.
    const z = rng.normal(0, 1);
    const straggler = rng.random() < model.stragglerProbability;
    return model.base * Math.exp(model.spread * z) * (straggler ? model.stragglerFactor : 1);
  });
}
