import { describe, expect, it } from 'vitest';
import { hp } from '../../space/hp';
import { compileSpace } from '../../space/validate';
import type { TrialDoc } from '../../trials/types';
import { tpe } from './index';
import { applyLiar, isTpeLiar, rankAfter } from './liar';
import type { TpeLiar } from './liar';
import { readHistory } from './split';
import { docsFromHistory } from '../testSupport';
import type { HistoryRecord } from '../testSupport';

const space = compileSpace([hp.uniform('x', 0, 1)]);

/** 30 finished trials on a grid of [0, 1] with loss (x − 0.2)², so the best region is around 0.2. */
const finished: HistoryRecord[] = Array.from({ length: 30 }, (_, i) => {
  const x = (i + 0.5) / 30;
  return { tid: i, vals: { x }, status: 'ok', loss: (x - 0.2) ** 2 };
});
/** Ten trials running at the current best point. */
const pendingAtBest: HistoryRecord[] = Array.from({ length: 10 }, (_, i) => ({
  tid: 30 + i,
  vals: { x: 0.2 },
  status: 'running',
  loss: null,
}));

function proposals(algo: typeof tpe.suggest, docs: TrialDoc[], seeds: number): number[] {
  const xs: number[] = [];
  for (let seed = 0; seed < seeds; seed++)
    xs.push(algo([99], { space }, { trials: docs }, seed)[0]!.vals['x']!);
  return xs;
}

const nearBest = (xs: number[], eps: number) => xs.filter((x) => Math.abs(x - 0.2) < eps).length;

describe('tpe liar option', () => {
  it("'none' is the default and reproduces Hyperopt's proposals exactly", () => {
    expect(tpe.suggest.options.liar).toBe('none');
    const docs = docsFromHistory(space, [...finished.slice(0, 25), ...pendingAtBest, ...finished.slice(25)]);
    const none = tpe.suggest.with({ liar: 'none' });
    expect(proposals(none, docs, 40)).toEqual(proposals(tpe.suggest, docs, 40));
    // The comparison can tell liars apart: 'best' puts the running trials in the good group.
    expect(proposals(tpe.suggest.with({ liar: 'best' }), docs, 40)).not.toEqual(
      proposals(tpe.suggest, docs, 40),
    );
  });

  it('with a pessimistic liar, proposals avoid points that are still running', () => {
    const seeds = 200;
    const alone = proposals(tpe.suggest, docsFromHistory(space, finished), seeds);
    // Without the running trials TPE keeps proposing at the best region …
    expect(nearBest(alone, 0.01)).toBeGreaterThan(seeds / 5);
    const docs = docsFromHistory(space, [...finished, ...pendingAtBest]);
    for (const liar of ['worst', 'mean', { constant: 1 }] as TpeLiar[]) {
      const xs = proposals(tpe.suggest.with({ liar }), docs, seeds);
      // … with them in flight it never proposes a near-duplicate.
      expect(nearBest(xs, 0.01)).toBe(0);
    }
  });

  it("'believer' keeps refining where running trials are believed good, instead of pushing away", () => {
    const seeds = 200;
    // The best finished trial is at 0.21; one trial runs right there.
    const grid: HistoryRecord[] = finished.map((r, i) => {
      const x = (i + 0.3) / 30;
      return { ...r, vals: { x }, loss: (x - 0.2) ** 2 };
    });
    const running = pendingAtBest.slice(0, 1).map((r) => ({ ...r, vals: { x: 0.21 } }));
    const docs = docsFromHistory(space, [...grid, ...running]);
    const near = (xs: number[]) => xs.filter((x) => Math.abs(x - 0.21) < 0.02).length;
    // Believed as good as its neighbour, it takes the good group's second place and joins l(x), where
    // a pessimistic lie puts it in g(x) and pushes proposals away.
    const believer = near(proposals(tpe.suggest.with({ liar: 'believer' }), docs, seeds));
    const worst = near(proposals(tpe.suggest.with({ liar: 'worst' }), docs, seeds));
    expect(believer).toBeGreaterThan(3 * worst);
  });

  it('is inert when nothing is pending (serial runs are unchanged)', () => {
    const docs = docsFromHistory(space, finished);
    for (const liar of ['worst', 'best', 'mean', 'believer', { constant: 0 }] as TpeLiar[]) {
      expect(proposals(tpe.suggest.with({ liar }), docs, 20)).toEqual(proposals(tpe.suggest, docs, 20));
    }
  });

  it('is deterministic for a seed and a history', () => {
    const docs = docsFromHistory(space, [...finished, ...pendingAtBest]);
    const algo = tpe.suggest.with({ liar: 'worst' });
    expect(proposals(algo, docs, 10)).toEqual(proposals(algo, docs, 10));
  });

  it('rejects malformed liar settings where they are set', () => {
    const bad: unknown[] = [
      'optimistic',
      'Believer',
      '',
      null,
      3,
      [],
      {},
      { constant: NaN },
      { constant: Infinity },
    ];
    bad.push({ constant: '1' }, { constant: 1, extra: 2 });
    for (const liar of bad) {
      expect(() => tpe.suggest.with({ liar: liar as TpeLiar })).toThrow(/option liar must be one of 'none'/);
    }
    expect(isTpeLiar({ constant: -2.5 })).toBe(true);
    expect(() => tpe.suggest.with({ liar: { constant: -2.5 } })).not.toThrow();
  });
});

describe('applyLiar', () => {
  const records: HistoryRecord[] = [
    { tid: 0, vals: { x: 0.1 }, status: 'ok', loss: 3 },
    { tid: 1, vals: { x: 0.2 }, status: 'running', loss: null },
    { tid: 2, vals: { x: 0.3 }, status: 'ok', loss: 1 },
    { tid: 3, vals: { x: 0.4 }, status: 'fail', loss: null },
    { tid: 4, vals: { x: 0.5 }, status: 'ok', loss: 8 },
    { tid: 5, vals: { x: 0.6 }, status: 'running', loss: null },
  ];
  const history = readHistory(docsFromHistory(space, records));

  it("leaves the history untouched for 'none' (Hyperopt: +∞, every trial counts in N)", () => {
    const lied = applyLiar(history, 'none');
    expect(lied.history).toBe(history);
    expect(lied.splitSize).toBe(6);
    expect([...history.losses]).toEqual([3, Infinity, 1, Infinity, 8, Infinity]);
  });

  it('gives pending trials the lie and sizes the split by finished trials only', () => {
    // Computed lies sit one ulp above the loss they copy, so they rank after it (tids break ties).
    const cases: [TpeLiar, number][] = [
      ['worst', rankAfter(8)],
      ['best', rankAfter(1)],
      ['mean', rankAfter(4)],
      [{ constant: -7 }, -7],
    ];
    for (const [liar, lie] of cases) {
      const lied = applyLiar(history, liar);
      // The failed trial is finished: it keeps Hyperopt's +∞ and counts in N; it is no evidence for the lie.
      expect([...lied.history.losses]).toEqual([3, lie, 1, Infinity, 8, lie]);
      expect(lied.splitSize).toBe(4);
      expect(lied.history.docs).toBe(history.docs);
    }
    expect([...history.losses]).toEqual([3, Infinity, 1, Infinity, 8, Infinity]); // not mutated
  });

  it('falls back to +∞ before any trial has a loss', () => {
    const onlyPending = readHistory(docsFromHistory(space, pendingAtBest.slice(0, 2)));
    for (const liar of ['mean', 'believer'] as TpeLiar[]) {
      const lied = applyLiar(onlyPending, liar);
      expect([...lied.history.losses]).toEqual([Infinity, Infinity]);
      expect(lied.splitSize).toBe(0);
    }
  });

  it('a lie equal to a real loss ranks after it, even with a smaller tid', () => {
    const tied = readHistory(
      docsFromHistory(space, [
        { tid: 0, vals: { x: 0.5 }, status: 'running', loss: null },
        { tid: 1, vals: { x: 0.5 }, status: 'ok', loss: 2 },
      ]),
    );
    const lied = applyLiar(tied, 'best');
    expect(lied.history.losses[0]).toBeGreaterThan(2);
    expect(rankAfter(-1)).toBeGreaterThan(-1);
    expect(rankAfter(0)).toBeGreaterThan(0);
    expect(rankAfter(Infinity)).toBe(Infinity);
  });
});
