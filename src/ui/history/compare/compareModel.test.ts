import { describe, expect, it } from 'vitest';
import type { Run } from '../../../tracking';
import { runFixture } from '../../../tracking/runFixture';
import { bestSoFar, mergeCurves } from './bestSoFar';
import { chooseCompared, parseCompareIds } from './compareIds';
import { finishedPoints, runLabels, trialPoints, type ComparedRun } from './comparedRuns';
import { paramAxes } from './paramAxes';
import { batchAlpha, groupIndices, strokeBatches, tracePolylines } from './plotCanvas';
import { makeScale, niceTicks } from './scale';
import { summaryRows } from './summaryRows';
import { brushOf, brushSpan, lossBins, plotAxes, positionMatrix, selectedMask } from './trialMatrix';

const SPACE = JSON.stringify({
  format: 'hyperopt-space',
  version: 1,
  space: {
    x: { $hp: 'uniform', label: 'x', low: -5, high: 5 },
    lr: { $hp: 'loguniform', label: 'lr', low: Math.log(1e-4), high: 0 },
    opt: { $hp: 'choice', label: 'opt', options: ['adam', 'sgd', { name: 'rms', beta: 0.9 }] },
  },
});

function run(id: string, over: Partial<Run> = {}): Run {
  return runFixture(id, {
    name: `run ${id}`,
    startTime: 1_000,
    endTime: 9_000,
    params: { algo: 'hyperopt.tpe', max_evals: '3' },
    tags: { space: SPACE },
    ...over,
  });
}

function child(
  parent: string,
  tid: number,
  loss: number | null,
  vals: Record<string, number>,
  end: number,
): Run {
  return run(`${parent}-${tid}`, {
    parentRunId: parent,
    status: loss === null ? 'FAILED' : 'FINISHED',
    endTime: end,
    tags: {},
    trial: {
      tid,
      vals,
      outcome: loss === null ? 'failed' : 'ok',
      loss,
      durationMs: 1,
      error: null,
      result: null,
    },
  });
}

const A: ComparedRun = {
  run: run('a'),
  children: [
    child('a', 1, 2, { x: 1, lr: 0.01, opt: 1 }, 3_000),
    child('a', 0, 4, { x: -2, lr: 0.1, opt: 0 }, 5_000),
    child('a', 2, null, { x: 0, lr: 0.5, opt: 2 }, 4_000),
    child('a', 3, 1, { x: 0.5, lr: 0.001, opt: 2 }, 2_000),
  ],
};
const B: ComparedRun = {
  run: run('b', { params: { algo: 'hyperopt.rand', max_evals: '3' } }),
  children: [child('b', 0, 3, { x: 4, lr: 0.2, opt: 0 }, 2_000)],
};

describe('parseCompareIds', () => {
  it('keeps distinct ids and names what is not one', () => {
    expect(parseCompareIds(' a1, b2,,a1 ,bad id!,c3')).toEqual({
      ids: ['a1', 'b2', 'c3'],
      problems: ['“bad id!” is not a run id.'],
    });
    expect(parseCompareIds(undefined)).toEqual({ ids: [], problems: [] });
  });

  it('drops children listed with their parent, names other trials, unknown ids and runs beyond 12', () => {
    const found = new Map([A.run, B.run, ...A.children, ...B.children].map((r) => [r.id, r]));
    const ids = ['a', 'a-0', 'a-1', 'b-0', 'gone', 'b'];
    const chosen = chooseCompared(ids, found);
    expect(chosen.runs.map((r) => r.id)).toEqual(['a', 'b']);
    expect(chosen.problems).toEqual(['Run gone was not found: it may have been deleted.']);
    expect(chooseCompared(['a', 'b-0'], found).problems).toEqual([
      '“run b-0” is a trial, not an fmin run: compare its parent run instead.',
    ]);
    const many = Array.from({ length: 14 }, (_, i) => run(`r${i}`));
    const capped = chooseCompared(
      many.map((r) => r.id),
      new Map(many.map((r) => [r.id, r])),
    );
    expect(capped.runs).toHaveLength(12);
    expect(capped.problems).toEqual([
      '“run r12” is left out: at most 12 runs are compared at once.',
      '“run r13” is left out: at most 12 runs are compared at once.',
    ]);
  });
});

describe('trial points and best so far', () => {
  const points = trialPoints([A, B]);

  it('flattens trials in run then tid order; failed trials have no loss', () => {
    expect(points.map((p) => [p.runIndex, p.tid, p.loss])).toEqual([
      [0, 0, 4],
      [0, 1, 2],
      [0, 2, null],
      [0, 3, 1],
      [1, 0, 3],
    ]);
    expect(points[0]!.endMs).toBe(4_000);
    expect(finishedPoints(points)).toHaveLength(4);
  });

  it('keeps only improvements and the last point, by trial or by wall time', () => {
    const a = points.filter((p) => p.runIndex === 0);
    expect(bestSoFar(a, 'trial')).toEqual([
      { x: 0, best: 4 },
      { x: 1, best: 2 },
      { x: 3, best: 1 },
    ]);
    // By end time: tid 3 (1 s) first, then tid 1 (2 s), tid 0 (4 s): only the first is an improvement.
    expect(bestSoFar(a, 'time')).toEqual([
      { x: 1, best: 1 },
      { x: 4, best: 1 },
    ]);
    expect(bestSoFar([], 'trial')).toEqual([]);
  });

  it('merges curves into one table, carrying each best forward within its own range', () => {
    const merged = mergeCurves([
      [
        { x: 0, best: 4 },
        { x: 3, best: 1 },
      ],
      [
        { x: 1, best: 5 },
        { x: 2, best: 2 },
      ],
    ]);
    expect(merged).toEqual([
      { x: 0, r0: 4 },
      { x: 1, r0: 4, r1: 5 },
      { x: 2, r0: 4, r1: 2 },
      { x: 3, r0: 1 },
    ]);
  });

  it('labels runs apart when names clash', () => {
    const same = { ...B, run: { ...B.run, name: 'run a' } };
    expect(runLabels([A, same])).toEqual(['run a (a)', 'run a (b)']);
  });
});

describe('paramAxes', () => {
  it('reads kinds, log scales, options and domains from the space tag', () => {
    const axes = paramAxes([A.run, B.run], finishedPoints(trialPoints([A, B])));
    expect(axes.map((a) => [a.key, a.kind, a.log])).toEqual([
      ['x', 'numeric', false],
      ['lr', 'numeric', true],
      ['opt', 'categorical', false],
    ]);
    expect(axes[0]).toMatchObject({ min: -2, max: 4, domain: { kind: 'numeric', low: -5, high: 5 } });
    expect(axes[1]!.domain).toMatchObject({ kind: 'numeric', log: true, high: 1 });
    expect((axes[1]!.domain as { low: number }).low).toBeCloseTo(1e-4, 15);
    expect(axes[2]!.options).toEqual(['adam', 'sgd', 'rms']);
  });

  it('falls back to the values taken when the space tag is missing or cut', () => {
    const cut = run('c', { tags: { space: SPACE.slice(0, 50) + ' ...' } });
    const axes = paramAxes([cut], finishedPoints(trialPoints([{ run: cut, children: A.children }])));
    expect(axes.map((a) => [a.key, a.kind, a.log])).toEqual([
      ['lr', 'numeric', false],
      ['opt', 'numeric', false],
      ['x', 'numeric', false],
    ]);
  });
});

describe('summaryRows', () => {
  it('puts fmin settings first and marks rows that differ', () => {
    const rows = summaryRows([A.run, B.run]);
    const params = rows.filter((r) => r.section === 'Params');
    expect(params.map((r) => [r.label, r.values, r.differs])).toEqual([
      ['algo', ['hyperopt.tpe', 'hyperopt.rand'], true],
      ['max_evals', ['3', '3'], false],
    ]);
    expect(rows.find((r) => r.label === 'Status')!.differs).toBe(false);
    const extra = summaryRows([A.run, { ...B.run, params: { ...B.run.params, seed: '1' } }]);
    expect(extra.find((r) => r.label === 'seed')!.values).toEqual(['—', '1']);
  });
});

describe('scales', () => {
  it('places values linearly, on a log scale, and by option band', () => {
    const lin = makeScale({ kind: 'numeric', log: false, min: 0, max: 10 });
    expect(lin.position(2.5)).toBe(0.25);
    expect(lin.value(0.25)).toBe(2.5);
    const log = makeScale({ kind: 'numeric', log: true, min: 1e-4, max: 1 });
    expect(log.position(1e-2)).toBeCloseTo(0.5, 12);
    expect(log.position(-1)).toBeNaN();
    expect(log.ticks.map((t) => t.value)).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
    const cat = makeScale({ kind: 'categorical', log: false, min: 0, max: 2, options: ['a', 'b', 'c'] });
    expect(cat.position(1)).toBe(0.5);
    expect(cat.ticks.map((t) => t.label)).toEqual(['a', 'b', 'c']);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe('trial matrix, brushes and paths', () => {
  const finished = finishedPoints(trialPoints([A, B]));
  const axes = plotAxes(paramAxes([A.run, B.run], finished), finished);

  it('positions every trial on every axis, loss last', () => {
    expect(axes.map((a) => a.key)).toEqual(['x', 'lr', 'opt', 'loss']);
    const m = positionMatrix(finished, axes);
    expect(m).toHaveLength(finished.length * 4);
    // Trial a/0: x = −2 is the lowest x, loss 4 the highest loss.
    expect(m[0]).toBe(0);
    expect(m[3]).toBe(1);
  });

  it('selects what every brush keeps', () => {
    expect(selectedMask(finished, {}).count).toBe(4);
    const { mask, count } = selectedMask(finished, {
      x: { min: 0, max: 5 },
      loss: { min: -Infinity, max: 2.5 },
    });
    expect(count).toBe(2);
    expect([...mask]).toEqual([0, 1, 1, 0]);
    const inactive = [{ ...finished[0]!, vals: {} }];
    expect(selectedMask(inactive, { x: { min: -10, max: 10 } }).count).toBe(0);
  });

  it('bins losses by rank, best first', () => {
    const { bin, upper } = lossBins(finished, 2);
    expect([...bin]).toEqual([1, 0, 0, 1]);
    expect(upper).toEqual([2, 4]);
  });

  it('traces polylines, lifting the pen over inactive values, and groups what the mask keeps', () => {
    const matrix = new Float32Array([0, 1, 0.5, NaN, 0.5, 1]);
    const calls: string[] = [];
    const pen = {
      moveTo: (x: number, y: number) => calls.push(`M${x} ${y}`),
      lineTo: (x: number, y: number) => calls.push(`L${x} ${y}`),
    };
    tracePolylines(pen, matrix, [0, 1], { xs: [0, 10, 20], top: 0, height: 100 });
    expect(calls.join('')).toBe('M0 100L10 0L20 50M10 50L20 0');
    expect(groupIndices(4, (i) => i % 2, 2, new Uint8Array([1, 1, 0, 1]))).toEqual([[0], [1, 3]]);
    expect(groupIndices(3, () => 0, 1)).toEqual([[0, 1, 2]]);
  });

  it('strokes in batches: groups in turn, or the last group first', () => {
    const groups = [
      [0, 1, 2, 3],
      [4, 5],
    ];
    const order = (interleave: boolean, max: number) =>
      strokeBatches(groups, interleave, max).map((b) => `${b.group}:${b.points.join('')}`);
    expect(order(true, 3)).toEqual(['0:01', '1:45', '0:23']);
    expect(order(false, 3)).toEqual(['1:45', '0:01', '0:23']);
    expect(order(false, 100)).toHaveLength(6);
    expect(batchAlpha(10)).toBe(0.8);
    expect(batchAlpha(1000)).toBe(0.15);
  });

  it('turns a drag into a brush: data units, log scale, choices snapped to the options covered', () => {
    const [x, lr, opt] = axes;
    expect(brushOf(x!, 0.5, 0)).toEqual({ min: -2, max: 1 });
    const log = brushOf(lr!, 0, 1);
    expect(log.min).toBeCloseTo(0.001, 12);
    expect(log.max).toBeCloseTo(0.2, 12);
    // Three options in bands of 1/3, centres at 1/6, 1/2, 5/6: 0.2 … 0.7 covers only option 1's.
    expect(brushOf(opt!, 0.2, 0.7)).toEqual({ min: 1, max: 1 });
    expect(brushOf(opt!, 0.1, 0.9)).toEqual({ min: 0, max: 2 });
    // Within one band, away from its centre: the nearest option.
    expect(brushOf(opt!, 0.7, 0.8)).toEqual({ min: 2, max: 2 });
    expect(brushSpan(opt!, { min: 1, max: 1 })).toEqual([1 / 3, 2 / 3]);
    expect(brushSpan(x!, { min: -Infinity, max: 1 })).toEqual([0, 0.5]);
  });
});
