// The benchmark objectives now live in core (src/core/objectives), where the Learn view's labs use
// them too; this module keeps the benchmarks' names.
import { BENCH_OBJECTIVES } from '../src/core/objectives/index';
import type { BenchObjective } from '../src/core/objectives/index';

export { ackley, branin, hartmann6, rosenbrock } from '../src/core/objectives/index';
export type { BenchObjective };

export const OBJECTIVES: BenchObjective[] = [...BENCH_OBJECTIVES];
