import { performance } from 'node:perf_hooks';
import { compileSpace, createRng, fmin, hp, rand, sampleVals, spaceEval } from '../../src/core/index';
import type { SpaceNode } from '../../src/core/index';
import { median, table, type BenchSuite } from '../report';

/** A 20-parameter space with nesting and conditionals: what a real model search looks like. */
export const nestedSpace20: SpaceNode = {
  optimizer: hp.choice('optimizer', [
    {
      name: 'sgd',
      lr: hp.loguniform('sgd_lr', Math.log(1e-4), Math.log(1)),
      momentum: hp.uniform('momentum', 0, 0.99),
    },
    {
      name: 'adam',
      lr: hp.loguniform('adam_lr', Math.log(1e-5), Math.log(1e-1)),
      beta1: hp.uniform('beta1', 0.8, 0.999),
      beta2: hp.uniform('beta2', 0.9, 0.9999),
    },
  ]),
  layers: [
    { units: hp.quniform('units1', 16, 512, 16), dropout: hp.uniform('dropout1', 0, 0.5) },
    { units: hp.quniform('units2', 16, 512, 16), dropout: hp.uniform('dropout2', 0, 0.5) },
  ],
  activation: hp.choice('activation', ['relu', 'tanh', 'gelu']),
  batchSize: hp.pchoice('batch_size', [
    [0.2, 32],
    [0.5, 64],
    [0.3, 128],
  ]),
  epochs: hp.randint('epochs', 5, 50),
  weightDecay: hp.qloguniform('weight_decay', Math.log(1e-6), Math.log(1e-2), 1e-6),
  init: hp.normal('init_scale', 1, 0.1),
  noise: hp.qnormal('noise', 0, 1, 0.1),
  warmup: hp.lognormal('warmup', 0, 1),
  clip: hp.qlognormal('clip', 0, 1, 0.5),
  seedOffset: hp.uniformint('seed_offset', 0, 10),
  schedule: hp.choice('schedule', [
    { kind: 'constant' },
    { kind: 'cosine', cycles: hp.randint('cycles', 1, 4) },
  ]),
};

const branin2d: SpaceNode = [hp.uniform('x1', -5, 10), hp.uniform('x2', 0, 15)];

async function fminMillisPerTrial(maxEvals: number): Promise<number> {
  const runs: number[] = [];
  for (let repeat = 0; repeat < 5; repeat++) {
    const start = performance.now();
    await fmin({
      fn: (x: unknown) => (x as number[])[0]!,
      space: branin2d,
      algo: rand.suggest,
      maxEvals,
      seed: repeat,
    });
    runs.push((performance.now() - start) / maxEvals);
  }
  return median(runs);
}

export const coreRandom: BenchSuite = {
  name: 'core random search',
  async run() {
    await fminMillisPerTrial(2000); // warm up the JIT
    const at1k = await fminMillisPerTrial(1000);
    const at10k = await fminMillisPerTrial(10_000);

    const space = compileSpace(nestedSpace20);
    const rng = createRng(1);
    const draws = 100_000;
    for (let i = 0; i < 10_000; i++) spaceEval(space, sampleVals(space, rng));
    const rates: number[] = [];
    for (let repeat = 0; repeat < 5; repeat++) {
      const start = performance.now();
      for (let i = 0; i < draws; i++) spaceEval(space, sampleVals(space, rng));
      rates.push(draws / ((performance.now() - start) / 1000));
    }
    const hyperoptMs = 0.2;
    return [
      {
        title: 'fmin with rand.suggest: overhead per trial (trivial objective, 2-D space, Node)',
        body: [
          table(
            ['trials', 'ms per trial (median of 5)', 'vs Hyperopt (0.2 ms)', 'target'],
            [
              ['1,000', at1k.toFixed(4), `${(hyperoptMs / at1k).toFixed(0)}x faster`, 'under 0.02 ms'],
              ['10,000', at10k.toFixed(4), `${(hyperoptMs / at10k).toFixed(0)}x faster`, 'under 0.02 ms'],
            ],
          ),
          '',
          "Hyperopt's figure: `fmin(rand.suggest)` on branin2d, median 0.2 ms per iteration over evals 0-100, rising to 1.0 ms by eval 900 (shared/reference/speed.md).",
        ].join('\n'),
      },
      {
        title: 'Sampling throughput: 20-parameter nested space (sampleVals + spaceEval)',
        body: table(
          ['configurations per second (median of 5 x 100,000)', 'µs per configuration'],
          [[Math.round(median(rates)).toLocaleString('en-US'), (1e6 / median(rates)).toFixed(2)]],
        ),
      },
    ];
  },
};
