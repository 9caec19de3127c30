// Parallel-aware TPE (issue #4 part 3) on the asynchronous protocol of shared/reference/parallel.md:
// 100 trials, P ∈ {1, 4, 16}, seeds 0..19 with the recorded durations, branin and hartmann6, our
// methods beside the recorded Hyperopt and Optuna runs. Our generators differ from numpy's, so the
// comparison with the references is statistical, not trial for trial; the makespans, which depend
// only on the durations, must match exactly.
import { JOB_STATE_DONE, rand, tpe } from '../../src/core/index';
import type { SuggestFn } from '../../src/core/index';
import { PARALLELISM, REFERENCE_MAKESPAN } from '../parallelReference';
import { runAll } from '../parallelRuns';
import type { Method } from '../parallelRuns';
import { gapTable, pairedTable, resultTable, sanityTable, targetTable } from '../parallelTables';
import { median } from '../report';
import type { BenchSection, BenchSuite } from '../report';

/**
 * Running trials hidden from TPE (what Optuna does without constant_liar), as a bench-only contrast:
 * it shows what Hyperopt's +∞ and the liars buy.
 */
const pendingHidden: SuggestFn = (ids, domain, trials, seed) =>
  tpe.suggest(ids, domain, { trials: trials.trials.filter((d) => d.state === JOB_STATE_DONE) }, seed);

const FAITHFUL = 'tpe (faithful)';
const IMPROVED = "tpe.improved, liar 'none'";

/** Ours: faithful TPE, the liars (src/core/algorithms/tpe/liar.ts), and the improved preset with them. */
const METHODS: Method[] = [
  { name: 'rand', algo: rand.suggest },
  { name: 'tpe, pending hidden', algo: pendingHidden },
  { name: FAITHFUL, algo: tpe.suggest },
  { name: "tpe liar 'worst'", algo: tpe.suggest.with({ liar: 'worst' }) },
  { name: "tpe liar 'mean'", algo: tpe.suggest.with({ liar: 'mean' }) },
  { name: "tpe liar 'best'", algo: tpe.suggest.with({ liar: 'best' }) },
  { name: "tpe liar 'believer'", algo: tpe.suggest.with({ liar: 'believer' }) },
  { name: IMPROVED, algo: tpe.improved.with({ liar: 'none' }) },
  { name: "tpe.improved liar 'worst'", algo: tpe.improved.with({ liar: 'worst' }) },
  { name: "tpe.improved liar 'believer' (the preset)", algo: tpe.improved },
];
const SEEDS = Array.from({ length: 20 }, (_, i) => i);
/** Seeds never looked at while designing 'believer', with durations from our own generator. */
const HOLDOUT_SEEDS = Array.from({ length: 80 }, (_, i) => 100 + i);
/** What the held-out seeds compare: each liar against the same engine without one. */
const PAIRS: [string, string][] = [
  [FAITHFUL, "tpe liar 'worst'"],
  [FAITHFUL, "tpe liar 'believer'"],
  [IMPROVED, "tpe.improved liar 'worst'"],
  [IMPROVED, "tpe.improved liar 'believer' (the preset)"],
];

export const tpeParallel: BenchSuite = {
  name: 'tpe parallel',
  async run(): Promise<BenchSection[]> {
    const runs = runAll(METHODS, SEEDS);
    const spans = PARALLELISM.map((p) => Math.round(median(runs.makespans.get(p)!) * 100) / 100);
    const spansOk = PARALLELISM.every((p, i) => spans[i] === REFERENCE_MAKESPAN[p]);
    const inPairs = new Set(PAIRS.flat());
    const holdout = runAll(
      METHODS.filter((m) => inPairs.has(m.name)),
      HOLDOUT_SEEDS,
    );
    const body = [
      'Asynchronous evaluation in virtual time (shared/reference/parallel.md): 100 trials, seeds 0..19, the',
      'recorded durations; best loss at 100 completed evaluations, mean / median [p25, p75]. Reference rows',
      "are parallel.md's; bold rows are ours (src/core/simulate/virtualPool.ts). Our generators are not numpy's, so",
      'the comparison is statistical (20 seeds: the standard error of a mean is about a tenth of the p25–p75',
      'spread); only the makespans, which depend on the durations alone, must match exactly.',
      '',
      `Median makespan: ${PARALLELISM.map((p, i) => `P=${p}: ${spans[i]}`).join(', ')} — target ` +
        `${PARALLELISM.map((p) => REFERENCE_MAKESPAN[p]).join(' / ')}: ${spansOk ? 'match' : '**MISMATCH**'}.`,
      '',
      resultTable(runs, METHODS),
      '',
      '### Distance from each proposal (k ≥ 20) to the nearest trial in flight',
      '',
      'RMS distance in units of each parameter range; a share below 0.01 counts near-duplicates.',
      '',
      gapTable(runs, METHODS),
      '',
      '### Sanity: faithful TPE against hyperopt_tpe',
      '',
      sanityTable(runs, FAITHFUL),
      '',
      '### Target at P=16: below the Optuna constant-liar mean',
      '',
      targetTable(
        runs,
        METHODS.filter((m) => m.name !== 'rand'),
      ),
      '',
      `### Held-out check: seeds ${HOLDOUT_SEEDS[0]}..${HOLDOUT_SEEDS.at(-1)} (durations from our generator)`,
      '',
      'Liar minus the same engine without one, paired by seed (negative: the liar finds lower losses).',
      '',
      pairedTable(holdout, PAIRS),
    ].join('\n');
    return [{ title: 'TPE under asynchronous parallelism (parallel.md protocol)', body }];
  },
};
