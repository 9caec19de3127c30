// Benchmark objectives (shared/reference/objectives.py) for benchmarks and simulated labs.
export { ackley, branin, conditionalLoss, hartmann6, rosenbrock } from './functions';
export { BENCH_OBJECTIVES, benchObjective } from './benchmarks';
export type { BenchObjective } from './benchmarks';
