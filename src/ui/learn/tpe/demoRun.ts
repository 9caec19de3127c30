/**
 * The topic's built-in run: a 1-D quadratic in `x`, a log-scaled `lr`, and a `model` choice whose
 * options carry their own (conditional) parameters, minimised by TPE with a fixed seed. Small enough
 * to run in the page in a few milliseconds, so the topic works before anything else has run.
 */
import { hp, type SpaceNode } from '../../../core';
import type { ExplainRun } from './explainRun';
import { recordRun } from './recordRun';

export const DEMO_SEED = 7;
export const DEMO_TRIALS = 40;

export const DEMO_SPACE: SpaceNode = {
  x: hp.uniform('x', -5, 5),
  lr: hp.loguniform('lr', Math.log(1e-4), Math.log(1)),
  model: hp.choice('model', [
    { kind: 'linear', alpha: hp.uniform('alpha', 0, 1) },
    { kind: 'tree', depth: hp.quniform('depth', 1, 10, 1) },
  ]),
};

/** The objective, written in the demo's text too: its minimum is x = 1, lr = 0.01, linear, alpha 0.3. */
export function demoLoss(params: unknown): number {
  const p = params as { x: number; lr: number; model: { kind: string; alpha?: number; depth?: number } };
  const modelLoss =
    p.model.kind === 'linear' ? (p.model.alpha! - 0.3) ** 2 : 0.25 + (p.model.depth! - 6) ** 2 / 25;
  return (p.x - 1) ** 2 + 0.5 * (Math.log10(p.lr) + 2) ** 2 + modelLoss;
}

export const DEMO_OBJECTIVE_TEXT =
  'loss = (x − 1)² + 0.5·(log₁₀ lr + 2)² + (model = linear ? (alpha − 0.3)² : 0.25 + (depth − 6)²/25)';

/** Trials between two yields to the browser while the demo runs in the page. */
const CHUNK = 10;

/**
 * Runs the demo (TPE with Hyperopt's defaults, seed {@link DEMO_SEED}). Warm, the 40 trials take
 * about 3 ms; the objective still yields to the event loop every {@link CHUNK} trials so that a cold
 * start on a busy machine never holds the main thread for long. The values are the same either way.
 */
export function runDemo(): Promise<ExplainRun> {
  let count = 0;
  const chunked = async (params: unknown) => {
    if (++count % CHUNK === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    return demoLoss(params);
  };
  return recordRun({
    space: DEMO_SPACE,
    fn: chunked,
    algo: { name: 'tpe' },
    maxEvals: DEMO_TRIALS,
    seed: DEMO_SEED,
  });
}
