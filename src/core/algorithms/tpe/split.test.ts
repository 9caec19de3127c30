import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/index';
import { hp } from '../../space/hp';
import { sampleVals } from '../../space/sample';
import { compileSpace } from '../../space/validate';
import type { TrialDoc } from '../../trials/types';
import { historyIndex } from './observations';
import type { LabelObservations } from './observations';
import { belowCount, readHistory, splitTrials } from './split';
import { docsFromHistory } from '../testSupport';
import type { HistoryRecord } from '../testSupport';

const space = compileSpace({ x: hp.uniform('x', -5, 10), lr: hp.qloguniform('lr', 0, Math.log(1000), 5) });

function records(losses: (number | null | 'running')[]): HistoryRecord[] {
  const rng = createRng(3);
  return losses.map((loss, tid) => ({
    tid,
    vals: sampleVals(space, rng),
    status: loss === 'running' ? 'running' : loss === null ? 'fail' : 'ok',
    loss: loss === 'running' ? null : loss,
  }));
}

const belowTids = (docs: TrialDoc[], gamma = 0.25) => {
  const h = readHistory(docs);
  const s = splitTrials(h, gamma);
  return [...s.belowByLoss].map((i) => h.tids[i]!);
};

describe('ap_split_trials', () => {
  it('n_below = min(ceil(gamma·√N), 25)', () => {
    expect([20, 30, 100, 500, 1000, 2000, 9216, 9217, 1e6].map((n) => belowCount(n, 0.25))).toEqual([
      2, 2, 3, 6, 8, 12, 24, 25, 25,
    ]);
    expect(belowCount(100, 1)).toBe(10);
    expect(belowCount(0, 0.25)).toBe(0);
  });

  it('failed and running trials count, with loss +∞; NaN sorts after +∞', () => {
    const docs = docsFromHistory(
      space,
      records([5, null, 'running', NaN, 4, 3, null, 2, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]),
    );
    const h = readHistory(docs);
    expect(h.losses[1]).toBe(Infinity);
    expect(h.losses[2]).toBe(Infinity);
    expect(h.losses[3]).toBeNaN();
    expect(belowTids(docs)).toEqual([7, 5]); // N = 20 -> 2
    expect(belowTids(docs, 1)).toEqual([7, 5, 4, 0, 8]); // ceil(√20) = 5
    // everything failed except NaN: the +∞ ones come first, NaN last
    const worst = docsFromHistory(space, records([NaN, null, null, 'running']));
    expect(belowTids(worst, 1)).toEqual([1, 2]);
  });

  it('equal losses keep tid order', () => {
    const docs = docsFromHistory(
      space,
      records([3, 1, 2, 1, 1, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]),
    );
    expect(belowTids(docs, 0.5)).toEqual([1, 3, 4]);
  });

  it('a failed trial that still carries a loss keeps it (Hyperopt reads result.loss whatever the status)', () => {
    const docs = docsFromHistory(space, records([3, 4, 5, 6]));
    docs[2]!.result = { status: 'fail', loss: -100 };
    expect(belowTids(docs)).toEqual([2]);
  });

  it('sorts documents given out of tid order; a repeated tid keeps its lowest loss', () => {
    const docs = docsFromHistory(space, records([3, 4, 5, 6]));
    const twin = { ...docs[1]!, result: { status: 'ok' as const, loss: 1 } };
    const h = readHistory([docs[3]!, docs[1]!, docs[0]!, twin, docs[2]!]);
    expect([...h.tids]).toEqual([0, 1, 2, 3]);
    expect([...h.losses]).toEqual([3, 1, 5, 6]);
  });
});

describe('historyIndex (observations kept between calls)', () => {
  const snapshot = (o: LabelObservations) => ({
    count: o.count,
    raw: [...o.raw.subarray(0, o.count)],
    model: [...o.model.subarray(0, o.count)],
    docPos: [...o.docPos.subarray(0, o.count)],
    sortedModel: [...o.sortedModel.subarray(0, o.count)],
    sortedObs: [...o.sortedObs.subarray(0, o.count)],
  });

  it('growing a history one trial (or many) at a time gives exactly the fresh index', () => {
    const rng = createRng(9);
    const all = docsFromHistory(
      space,
      Array.from({ length: 300 }, (_, tid) => ({
        tid,
        vals: sampleVals(space, rng),
        status: 'ok' as const,
        loss: rng.random(),
      })),
    );
    const growing: TrialDoc[] = [];
    for (const step of [1, 1, 3, 17, 1, 40, 1, 1, 100, 136]) {
      growing.push(...all.slice(growing.length, growing.length + step));
      const cached = historyIndex(space, growing);
      // a fresh index: same values, new document objects
      const fresh = historyIndex(
        space,
        growing.map((d) => ({ ...d, misc: { ...d.misc, vals: { ...d.misc.vals } } })),
      );
      for (const param of space.params)
        expect(snapshot(cached.observations(param))).toEqual(snapshot(fresh.observations(param)));
    }
    const lr = historyIndex(space, growing).observations(space.byLabel.get('lr')!);
    // qloguniform observations live in log space, quantised zeros raised to max(EPS, e^low) = 1
    for (let i = 0; i < lr.count; i++) expect(lr.model[i]).toBe(Math.log(Math.max(lr.raw[i]!, 1)));
  });

  it('a history that is no longer an extension (a trial dropped, vals replaced) is re-indexed', () => {
    const rng = createRng(10);
    const docs = docsFromHistory(
      space,
      Array.from({ length: 50 }, (_, tid) => ({
        tid,
        vals: sampleVals(space, rng),
        status: 'ok' as const,
        loss: tid,
      })),
    );
    const x = space.byLabel.get('x')!;
    expect(historyIndex(space, docs).observations(x).count).toBe(50);
    const dropped = [...docs.slice(0, 10), ...docs.slice(11)];
    expect(historyIndex(space, dropped).observations(x).count).toBe(49);
    expect([...historyIndex(space, dropped).observations(x).raw.subarray(0, 49)]).toEqual(
      dropped.map((d) => d.misc.vals.x![0]),
    );
    const edited = [...dropped];
    edited[5] = { ...edited[5]!, misc: { ...edited[5]!.misc, vals: { ...edited[5]!.misc.vals, x: [9.5] } } };
    expect(historyIndex(space, edited).observations(x).raw[5]).toBe(9.5);
  });
});
