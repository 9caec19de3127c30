// The recorded Hyperopt and Optuna results of shared/reference/parallel.md ("Best loss at 100
// completed evals: mean / median [p25, p75]"), copied here so the parallel suite can print them
// beside ours. 20 seeds, 100 trials, asynchronous virtual-time protocol.

/** Summary of the best loss at 100 completed evaluations over the seeds. */
export interface LossSummary {
  mean: number;
  median: number;
  p25: number;
  p75: number;
}

/** The parallelism levels of the protocol. */
export const PARALLELISM = [1, 4, 16] as const;
export type Parallelism = (typeof PARALLELISM)[number];

/** parallel.md's median makespans (they depend only on the durations and P). */
export const REFERENCE_MAKESPAN: Record<Parallelism, number> = { 1: 101.84, 4: 26.19, 16: 8.61 };

const s = (mean: number, median: number, p25: number, p75: number): LossSummary => ({
  mean,
  median,
  p25,
  p75,
});

/** objective → method → P → summary. */
export const PARALLEL_REFERENCE: Record<string, Record<string, Record<Parallelism, LossSummary>>> = {
  branin: {
    hyperopt_tpe: {
      1: s(0.6961, 0.6655, 0.5966, 0.7731),
      4: s(0.652, 0.5366, 0.4657, 0.8266),
      16: s(0.6487, 0.6136, 0.5361, 0.7109),
    },
    hyperopt_rand: {
      1: s(0.9691, 0.7578, 0.5648, 1.094),
      4: s(0.9691, 0.7578, 0.5648, 1.094),
      16: s(0.9691, 0.7578, 0.5648, 1.094),
    },
    optuna_tpe: {
      1: s(0.4234, 0.41, 0.4041, 0.4292),
      4: s(0.4504, 0.4334, 0.406, 0.4552),
      16: s(0.5604, 0.5034, 0.4183, 0.5706),
    },
    optuna_tpe_cl: {
      1: s(0.4234, 0.41, 0.4041, 0.4292),
      4: s(0.4396, 0.4405, 0.4118, 0.4609),
      16: s(0.4592, 0.4376, 0.4131, 0.4833),
    },
  },
  hartmann6: {
    hyperopt_tpe: {
      1: s(-2.674, -2.678, -2.925, -2.519),
      4: s(-2.584, -2.601, -2.756, -2.412),
      16: s(-2.47, -2.483, -2.703, -2.271),
    },
    hyperopt_rand: {
      1: s(-2.131, -2.115, -2.408, -1.847),
      4: s(-2.131, -2.115, -2.408, -1.847),
      16: s(-2.131, -2.115, -2.408, -1.847),
    },
    optuna_tpe: {
      1: s(-3.036, -3.068, -3.157, -2.979),
      4: s(-3.003, -3.081, -3.155, -2.966),
      16: s(-2.619, -2.733, -2.911, -2.382),
    },
    optuna_tpe_cl: {
      1: s(-3.036, -3.068, -3.157, -2.979),
      4: s(-3.036, -3.084, -3.135, -3.01),
      16: s(-2.942, -3.004, -3.124, -2.854),
    },
  },
};
