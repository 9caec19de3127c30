// TPE quality (issue #4): best loss after 100 evaluations on the five objectives of
// shared/reference/quality.md, 20 seeds (0..19), through core fmin, for rand, faithful TPE, the
// improved variant (tpe.improved) and anneal, beside Hyperopt's and Optuna's recorded figures.
// Our generators differ from numpy's, so the comparison is statistical, seed range against seed
// range. Verdicts: faithful within noise of hyperopt_tpe; improved below optuna_tpe's mean on at
// least 4 of 5 objectives, also on another seed range (100..119).
import { fmin, getRegisteredAlgo, rand, tpe, Trials } from '../../src/core/index';
import type { SuggestFn } from '../../src/core/index';
import { OBJECTIVES } from '../objectives';
import type { BenchObjective } from '../objectives';
import { mean, sig4, summarize } from '../parallelStats';
import type { LossSummary } from '../parallelReference';
import { HYPEROPT_TPE_RANGE, QUALITY_REFERENCE } from '../qualityReference';
import type { QualityMethod } from '../qualityReference';
import { table } from '../report';
import type { BenchSection, BenchSuite } from '../report';

const EVALS = 100;
const SEEDS = Array.from({ length: 20 }, (_, i) => i);
const HELD_OUT = Array.from({ length: 20 }, (_, i) => 100 + i);
/** Two-sided 1 % normal quantile: five objectives are checked, so a 5 % family-wise false alarm. */
const Z99 = 2.576;

interface Method {
  name: string;
  algo: SuggestFn;
  /** The recorded method it is compared with. */
  reference: QualityMethod | null;
}

function methods(): { list: Method[]; note: string } {
  const list: Method[] = [
    { name: 'rand', algo: rand.suggest, reference: 'hyperopt_rand' },
    { name: 'tpe (faithful)', algo: tpe.suggest, reference: 'hyperopt_tpe' },
    { name: 'tpe (improved)', algo: tpe.improved, reference: 'optuna_tpe' },
  ];
  const anneal = getRegisteredAlgo('anneal');
  if (anneal !== undefined) list.push({ name: 'anneal', algo: anneal, reference: null });
  const note =
    anneal === undefined
      ? 'anneal: not registered in this build (no `anneal` module imported), so it is left out.'
      : 'anneal: `anneal.suggest` with its Hyperopt defaults; quality.md has no anneal reference.';
  return { list, note };
}

/** Best loss after EVALS evaluations for each seed. */
async function bestLosses(
  objective: BenchObjective,
  algo: SuggestFn,
  seeds: readonly number[],
): Promise<number[]> {
  const out: number[] = [];
  for (const seed of seeds) {
    const trials = new Trials();
    await fmin({ fn: objective.fn, space: objective.space, algo, maxEvals: EVALS, trials, seed });
    out.push(trials.bestLoss!);
  }
  return out;
}

const show = (x: LossSummary): string =>
  `${sig4(x.mean)} / ${sig4(x.median)} [${sig4(x.p25)}, ${sig4(x.p75)}]`;

function sd(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
}

/**
 * Faithful vs Hyperopt, a two-sample test on the means at 1 %: the difference of two means of 20 has
 * standard error √((s₁² + s₂²)/20). Hyperopt's standard deviation s₂ is not recorded, so it is
 * bounded from below by what quality.md does give: IQR/1.349 (a normal's), and its extremes — a sample
 * of n with mean m containing the value x has Σ(xᵢ − m)² ≥ (x − m)²·n/(n − 1), hence
 * s₂ ≥ |x − m|·√n/(n − 1). The extremes matter for the heavy-tailed objectives (the conditional
 * space, where Hyperopt had one seed stuck at 0.5 on the wrong branch).
 */
function faithfulVerdict(
  ours: readonly number[],
  ref: LossSummary,
  range: readonly [number, number],
): string {
  const n = ours.length;
  const extreme = Math.max(range[1] - ref.mean, ref.mean - range[0]);
  const sHyperopt = Math.max((ref.p75 - ref.p25) / 1.349, (extreme * Math.sqrt(n)) / (n - 1));
  const band = Z99 * Math.sqrt((sd(ours) ** 2 + sHyperopt ** 2) / n);
  const delta = mean(ours) - ref.mean;
  const ok = Math.abs(delta) <= band;
  return `${ok ? 'within noise' : 'OUTSIDE noise'}: Δmean ${sig4(delta)}, band ±${sig4(band)}`;
}

export const tpeQuality: BenchSuite = {
  name: 'tpe quality',
  async run(): Promise<BenchSection[]> {
    const { list, note } = methods();
    const rows: (string | number)[][] = [];
    let wins = 0;
    let heldOutWins = 0;
    const heldOutRows: (string | number)[][] = [];
    for (const objective of OBJECTIVES) {
      const refs = QUALITY_REFERENCE[objective.name]!;
      for (const method of list) {
        const values = await bestLosses(objective, method.algo, SEEDS);
        const summary = summarize(values);
        let reference = '—';
        let verdict = '';
        if (method.reference !== null) reference = `${method.reference}: ${show(refs[method.reference])}`;
        if (method.reference === 'hyperopt_tpe')
          verdict = faithfulVerdict(values, refs.hyperopt_tpe, HYPEROPT_TPE_RANGE[objective.name]!);
        if (method.reference === 'optuna_tpe') {
          const better = summary.mean < refs.optuna_tpe.mean;
          if (better) wins++;
          verdict = `${better ? 'better' : 'NOT better'} than optuna_tpe's mean (optuna_tpe_mv: ${show(refs.optuna_tpe_mv)})`;
          const held = summarize(await bestLosses(objective, method.algo, HELD_OUT));
          const heldBetter = held.mean < refs.optuna_tpe.mean;
          if (heldBetter) heldOutWins++;
          heldOutRows.push([
            objective.name,
            show(held),
            sig4(refs.optuna_tpe.mean),
            heldBetter ? 'better' : 'NOT better',
          ]);
        }
        rows.push([
          `${objective.name} (${objective.knownMin})`,
          method.name,
          show(summary),
          reference,
          verdict,
        ]);
      }
    }
    const target = (k: number) => `${k}/5 objectives (target ≥ 4): ${k >= 4 ? 'met' : 'NOT met'}`;
    const body = [
      table(
        [
          'objective (known min)',
          'method',
          'ours: mean / median [p25, p75]',
          'reference (quality.md)',
          'verdict',
        ],
        rows,
      ),
      '',
      `- Improved TPE below optuna_tpe's mean, seeds 0..19: ${target(wins)}.`,
      `- Another seed range, 100..119 (IMPROVED.md says which seeds informed the design): ${target(heldOutWins)}.`,
      '',
      table(
        ['objective', 'tpe (improved), seeds 100..119', 'optuna_tpe mean (0..19)', 'verdict'],
        heldOutRows,
      ),
      '',
      `Best loss after ${EVALS} evaluations, seeds 0..19 with core \`fmin\` (serial). Faithful-vs-Hyperopt noise ` +
        'band: a two-sample test on the means at 1 % per objective, ±2.576·√((s₁² + s₂²)/20), with s₁ our ' +
        "sample SD and s₂ Hyperopt's, which quality.md does not give: it is bounded below by IQR/1.349 and by " +
        'its extremes (a sample of n with mean m containing x has SD ≥ |x − m|·√n/(n − 1)). Rosenbrock and ' +
        'conditional are heavy-tailed (one seed stuck on the conditional branch a costs 0.025 of the mean), so ' +
        'read the medians and quartiles too. The conditional references are Hyperopt 0.2.7 (master fails on ' +
        'that space). ' +
        note,
    ].join('\n');
    return [
      { title: 'TPE quality: best loss after 100 evaluations (faithful, improved, rand, anneal)', body },
    ];
  },
};
