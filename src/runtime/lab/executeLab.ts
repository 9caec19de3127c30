/**
 * Runs a decoded lab request one simulated run at a time, yielding to the worker's event loop
 * between runs so that a cancel (and the progress messages) get through. Free of worker APIs, so
 * Node tests drive it directly.
 */
import { algoFromSpec } from '../../core/algorithms/registry';
import { benchObjective } from '../../core/objectives/index';
import { labArms, runLabJob, runRaceJob, summarizeLab, summarizeRace } from '../../core/simulate/index';
import type { RunTrace } from '../../core/simulate/index';
import { armCount } from './labRequest';
import type { LabRequest } from './labRequest';
import type { LabOutcome, LabProgress } from './labProtocol';

export interface LabHooks {
  onProgress(progress: LabProgress): void;
  isCancelled(): boolean;
  /** Lets queued messages (a cancel) run; resolves soon after. */
  yieldNow(): Promise<void>;
  now(): number;
}

/** Simulates `request`; 'cancelled' as soon as a check between runs sees the cancel. */
export async function executeLab(request: LabRequest, hooks: LabHooks): Promise<LabOutcome> {
  const started = hooks.now();
  const objective = benchObjective(request.objective)!;
  const seeds = Array.from({ length: request.seeds }, (_, i) => request.firstSeed + i);
  const total = armCount(request) * seeds.length;
  const runs: ((seed: number) => RunTrace)[] = [];
  if (request.kind === 'lab') {
    const setup = { ...request, objective, seeds, algo: algoFromSpec(request.algo) };
    const arms = labArms(setup);
    runs.push(...arms.map((arm) => (seed: number) => runLabJob(setup, arm, seed)));
  } else {
    const setup = { objective, maxEvals: request.maxEvals, seeds };
    for (const competitor of request.competitors) {
      const algo = algoFromSpec(competitor.algo);
      runs.push((seed) => runRaceJob(setup, algo, seed));
    }
  }
  // Seed by seed across the arms, so every arm advances together.
  const traces: RunTrace[][] = runs.map(() => []);
  let done = 0;
  for (const seed of seeds) {
    for (let a = 0; a < runs.length; a++) {
      await hooks.yieldNow();
      if (hooks.isCancelled()) return { status: 'cancelled' };
      traces[a]!.push(runs[a]!(seed));
      hooks.onProgress({ done: ++done, total });
    }
  }
  const common = { knownMin: objective.knownMin, seeds };
  if (request.kind === 'lab') {
    const summary = summarizeLab(labArms(request), traces, request.maxEvals);
    return {
      status: 'done',
      result: { kind: 'lab', request, ...common, summary, computeMillis: hooks.now() - started },
    };
  }
  const entries = summarizeRace(traces, request.maxEvals).map((entry, c) => ({
    label: request.competitors[c]!.label,
    ...entry,
  }));
  return {
    status: 'done',
    result: { kind: 'race', request, ...common, entries, computeMillis: hooks.now() - started },
  };
}
