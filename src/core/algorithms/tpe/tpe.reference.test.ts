import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSpace } from '../../space/validate';
import { fromNeutral } from '../../space/neutral';
import { categoryKey, compareContinuous, compareDiscrete, countValues } from '../../stats/index';
import { runTpe } from './engine';
import { tpe } from './index';
import { docsFromHistory } from '../testSupport';
import type { HistoryRecord } from '../testSupport';
import { TPE_DEFAULTS } from './suggest';

// Proposals of Hyperopt 0.2.7's tpe.suggest for five recorded histories (2000 seeds each; format in
// src/core/__reference__/README.md). Our streams differ from numpy's, so we draw 2000 proposals of
// our own with fixed seeds and compare distributions per label; the split is compared exactly.

interface ProposalCase {
  name: string;
  space: unknown;
  labels: string[];
  history: { tid: number; vals: Record<string, number>; status: 'ok' | 'fail'; loss: number | null }[];
  settings: {
    gamma: number;
    n_startup_jobs: number;
    n_EI_candidates: number;
    prior_weight: number;
    linear_forgetting: number;
  };
  new_tid: number;
  split: {
    n_trials: number;
    n_below: number;
    below_tids: number[];
    per_label: Record<string, { n_below: number; n_above: number }>;
  };
  summary: Record<string, { counts?: Record<string, number>; tv_null_p99?: number }>;
  proposals: Record<string, number>[];
}

const reference = JSON.parse(
  readFileSync(new URL('../../__reference__/tpe-proposals.json', import.meta.url), 'utf8'),
) as {
  cases: ProposalCase[];
};

const N_DRAWS = 2000;
/** Our seeds: 0 … 1999, like the reference (the streams are unrelated anyway). */
const FIRST_SEED = 0;

function setup(refCase: ProposalCase) {
  const space = compileSpace(fromNeutral(refCase.space));
  const records: HistoryRecord[] = refCase.history.map((h) => ({
    tid: h.tid,
    vals: h.vals,
    status: h.status,
    loss: h.loss,
  }));
  const docs = docsFromHistory(space, records);
  return { space, docs };
}

describe('tpe.suggest matches Hyperopt 0.2.7 (tpe-proposals.json)', () => {
  it('has the five cases, all with Hyperopt default settings', () => {
    expect(reference.cases.map((c) => c.name)).toEqual([
      'a_uniform_1d',
      'b_loguniform_1d',
      'c_quniform_1d',
      'd_choice_5',
      'e_branin_2d',
    ]);
    for (const c of reference.cases) {
      expect(c.settings).toEqual({
        gamma: TPE_DEFAULTS.gamma,
        n_startup_jobs: TPE_DEFAULTS.nStartupJobs,
        n_EI_candidates: TPE_DEFAULTS.nEICandidates,
        prior_weight: TPE_DEFAULTS.priorWeight,
        linear_forgetting: TPE_DEFAULTS.linearForgetting,
      });
    }
  });

  it.each(reference.cases.map((c) => [c.name, c] as const))(
    "%s: the split is exactly Hyperopt's",
    (_name, refCase) => {
      const { space, docs } = setup(refCase);
      const run = runTpe(space, docs, 0, TPE_DEFAULTS);
      expect(run.split.nTrials).toBe(refCase.split.n_trials);
      expect(run.split.nBelow).toBe(refCase.split.n_below);
      const belowTids = [...run.split.belowByLoss].map((i) => run.history.tids[i]!);
      expect([...belowTids].sort((a, b) => a - b)).toEqual(
        [...refCase.split.below_tids].sort((a, b) => a - b),
      );
      for (const label of refCase.labels) {
        let nBelow = 0;
        let nAbove = 0;
        run.history.docs.forEach((doc, i) => {
          if ((doc.misc.vals[label] ?? []).length === 0) return;
          if (run.split.isBelow[i] === 1) nBelow++;
          else nAbove++;
        });
        expect({ n_below: nBelow, n_above: nAbove }).toEqual(refCase.split.per_label[label]);
      }
    },
  );

  it.each(reference.cases.map((c) => [c.name, c] as const))(
    "%s: 2000 proposals have Hyperopt's distribution",
    (_name, refCase) => {
      const { space, docs } = setup(refCase);
      const trials = { trials: docs };
      const ours: Record<string, number>[] = [];
      for (let seed = FIRST_SEED; seed < FIRST_SEED + N_DRAWS; seed++) {
        const proposals = tpe.suggest([refCase.new_tid, refCase.new_tid + 1], { space }, trials, seed);
        expect(proposals).toHaveLength(1); // one trial per call even when two ids are offered
        expect(proposals[0]!.tid).toBe(refCase.new_tid);
        ours.push(proposals[0]!.vals);
      }
      for (const label of refCase.labels) {
        const refValues = refCase.proposals.map((p) => p[label]!);
        const values = ours.map((p) => p[label]!);
        const summary = refCase.summary[label]!;
        if (summary.counts === undefined) {
          const r = compareContinuous(refValues, values);
          console.info(`${refCase.name} ${label}: KS D = ${r.ks.d.toFixed(4)}, p = ${r.ks.p.toPrecision(3)}`);
          expect(r.ks.p, `KS D = ${r.ks.d}`).toBeGreaterThan(0.01);
        } else {
          const refCounts = new Map<string, number>();
          for (const [key, count] of Object.entries(summary.counts))
            refCounts.set(categoryKey(JSON.parse(key) as unknown), count);
          const r = compareDiscrete(refCounts, countValues(values), summary.tv_null_p99!);
          console.info(
            `${refCase.name} ${label}: chi2 p = ${r.chi.p.toPrecision(3)}, TV = ${r.tv.toFixed(4)} (limit ${r.tvLimit.toFixed(4)}), counts ${JSON.stringify(Object.fromEntries(countValues(values)))}`,
          );
          expect(r.chi.p, 'chi-square homogeneity p').toBeGreaterThan(0.01);
          expect(r.tv, 'total variation').toBeLessThanOrEqual(r.tvLimit);
        }
      }
    },
  );
});
