/**
 * How many trials run at once, resolved as SparkTrials resolves its `parallelism` argument
 * (Databricks: unset or <= 0 means the cluster's maximum with a warning; capped at 128).
 */

/** SparkTrials' MAX_CONCURRENT_JOBS_ALLOWED: more workers than this only thrash. */
export const MAX_PARALLELISM = 128;

/** The requested and the actual parallelism, with the warnings a user should see. */
export interface ParallelismResolution {
  /** What was asked for (undefined when unset). */
  requested: number | undefined;
  /** What the pool will use: an integer in [1, MAX_PARALLELISM]. */
  actual: number;
  /** Logical cores of this machine (`navigator.hardwareConcurrency`, at least 1). */
  cores: number;
  /** Sentences for the user (defaulted, capped, rounded). */
  warnings: string[];
  /** True when more trials run at once than there are cores, so they share cores. */
  sharesCores: boolean;
}

/** Resolves `parallelism` against the machine's logical cores. */
export function resolveParallelism(
  requested: number | undefined,
  hardwareConcurrency: number,
): ParallelismResolution {
  const cores =
    Number.isFinite(hardwareConcurrency) && hardwareConcurrency >= 1 ? Math.floor(hardwareConcurrency) : 1;
  const warnings: string[] = [];
  let actual: number;
  if (requested === undefined || !Number.isFinite(requested) || requested <= 0) {
    actual = Math.min(cores, MAX_PARALLELISM);
    const what = requested === undefined ? 'not set' : `${String(requested)}`;
    warnings.push(
      `Parallelism is ${what}, so it defaults to this machine's ${cores} logical ${cores === 1 ? 'core' : 'cores'}: ${actual} trials run at once.`,
    );
  } else {
    actual = Math.floor(requested);
    if (actual !== requested)
      warnings.push(`Parallelism ${requested} is not a whole number; using ${actual}.`);
    if (actual > MAX_PARALLELISM) {
      warnings.push(
        `Parallelism ${actual} is above the maximum of ${MAX_PARALLELISM}; using ${MAX_PARALLELISM}.`,
      );
      actual = MAX_PARALLELISM;
    }
  }
  return { requested, actual, cores, warnings, sharesCores: actual > cores };
}
