import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/index';
import { hp } from '../../space/hp';
import { sampleVals } from '../../space/sample';
import { compileSpace } from '../../space/validate';
import { groupObservations } from './groupRows';
import { paramGroups } from './groups';
import { HistoryIndex, historyIndex } from './observations';
import { docsFromHistory } from '../testSupport';
import type { HistoryRecord } from '../testSupport';

// Parameter groups (labels active together) and their rows, kept between calls.

const space = compileSpace({
  lr: hp.loguniform('lr', -9, 0),
  model: hp.choice('model', [
    { kind: 'svm', c: hp.uniform('c', 0, 10), gamma: hp.loguniform('g', -5, 2) },
    { kind: 'tree', depth: hp.quniform('depth', 1, 20, 1), crit: hp.choice('crit', ['gini', 'entropy']) },
  ]),
  batch: hp.randint('batch', 8, 12),
});

function records(n: number, seed: number): HistoryRecord[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, tid) => ({
    tid,
    vals: sampleVals(space, rng),
    status: 'ok' as const,
    loss: rng.random(),
  }));
}

describe('paramGroups', () => {
  it('groups labels by their choice conditions, choices before their options', () => {
    const labels = paramGroups(space, true).map((g) => g.params.map((p) => p.label));
    expect(labels).toEqual([
      ['lr', 'model', 'batch'],
      ['c', 'g'],
      ['depth', 'crit'],
    ]);
    const top = paramGroups(space, true)[0]!;
    expect(top.numeric.map((d) => d.label)).toEqual(['lr']);
    expect(top.categorical.map((d) => [d.label, d.size, d.offset])).toEqual([
      ['model', 2, 0],
      ['batch', 4, 8],
    ]);
    expect(paramGroups(space, false).map((g) => g.params.length)).toEqual(space.params.map(() => 1));
    expect(paramGroups(space, true)).toBe(paramGroups(space, true)); // cached per space
  });
});

describe('groupObservations', () => {
  const svm = paramGroups(space, true)[1]!;

  it('has one row per trial where the group is active, model-space values, kept up to date', () => {
    const all = docsFromHistory(space, records(60, 1));
    const index = historyIndex(space, all.slice(0, 30));
    groupObservations(svm, index); // a first call on 30 trials, then 30 more
    const grown = groupObservations(svm, historyIndex(space, all));
    const fresh = new HistoryIndex();
    fresh.append(all);
    const expected = groupObservations(svm, fresh);
    expect(grown.n).toBe(expected.n);
    expect(Array.from(grown.num.subarray(0, 2 * grown.n))).toEqual(
      Array.from(expected.num.subarray(0, 2 * expected.n)),
    );
    expect(Array.from(grown.docPos)).toEqual(Array.from(expected.docPos));
    const active = all.map((d, i) => [d, i] as const).filter(([d]) => d.misc.vals['c']!.length > 0);
    expect(Array.from(grown.docPos)).toEqual(active.map(([, i]) => i));
    // Row 0: c as is, g in log space (the loguniform's model space).
    const [doc] = active[0]!;
    expect(grown.num[0]).toBe(doc.misc.vals['c']![0]);
    expect(grown.num[1]).toBeCloseTo(Math.log(doc.misc.vals['g']![0]!), 14);
    // Both members' observations are exactly the rows: their sorted orders come along.
    expect(grown.order?.length).toBe(2);
    const cs = Array.from(grown.order![0]!, (r) => grown.num[r * 2]!);
    expect(cs).toEqual([...cs].sort((a, b) => a - b));
  });

  it('refuses a categorical value the space does not have', () => {
    const docs = docsFromHistory(space, records(5, 2));
    docs[3]!.misc.vals['batch'] = [40];
    const index = new HistoryIndex();
    index.append(docs);
    expect(() => groupObservations(paramGroups(space, true)[0]!, index)).toThrow(
      /observed value 40 is not one of the 4/,
    );
  });
});
