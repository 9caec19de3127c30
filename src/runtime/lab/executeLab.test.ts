import { describe, expect, it } from 'vitest';
import '../../core/algorithms/mix';
import { executeLab } from './executeLab';
import type { LabHooks } from './executeLab';
import { LAB_REQUEST_VERSION, decodeLabRequest } from './labRequest';
import type { LabProgress } from './labProtocol';
import { decodeLabOutcome } from './labProtocol';

const hooks = (progress: LabProgress[], cancelAfter = Infinity): LabHooks => ({
  onProgress: (p) => progress.push(p),
  isCancelled: () => progress.length >= cancelAfter,
  yieldNow: () => Promise.resolve(),
  now: () => 0,
});

const lab = decodeLabRequest({
  version: LAB_REQUEST_VERSION,
  kind: 'lab',
  objective: 'branin',
  maxEvals: 20,
  seeds: 2,
  algo: { name: 'tpe' },
  levels: [1, 4],
  randomBaseline: true,
  durations: { kind: 'exponential', mean: 1 },
});

describe('executeLab', () => {
  it('runs every arm on every seed, reporting progress after each run', async () => {
    const progress: LabProgress[] = [];
    const outcome = decodeLabOutcome(await executeLab(lab, hooks(progress)));
    expect(progress.map((p) => `${p.done}/${p.total}`)).toEqual(['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
    if (outcome.status !== 'done' || outcome.result.kind !== 'lab') throw new Error('expected a lab result');
    expect(outcome.result.seeds).toEqual([0, 1]);
    expect(outcome.result.knownMin).toBe(0.397887);
    expect(outcome.result.summary.arms.map((a) => `${a.kind}@${a.parallelism}`)).toEqual([
      'algo@1',
      'algo@4',
      'random@4',
    ]);
    // Structured-clone safe and JSON safe: no functions or infinities travel back.
    expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome);
  });

  it('stops between runs once cancelled', async () => {
    const progress: LabProgress[] = [];
    expect(await executeLab(lab, hooks(progress, 2))).toEqual({ status: 'cancelled' });
    expect(progress).toHaveLength(2);
  });

  it('races the competitors under their labels, with the same seeds', async () => {
    const race = decodeLabRequest({
      version: LAB_REQUEST_VERSION,
      kind: 'race',
      objective: 'conditional',
      maxEvals: 15,
      seeds: 3,
      firstSeed: 5,
      competitors: [
        { label: 'random', algo: { name: 'rand' } },
        { label: 'anneal', algo: { name: 'anneal' } },
      ],
    });
    const outcome = await executeLab(race, hooks([]));
    if (outcome.status !== 'done' || outcome.result.kind !== 'race')
      throw new Error('expected a race result');
    expect(outcome.result.seeds).toEqual([5, 6, 7]);
    expect(outcome.result.entries.map((e) => [e.label, e.finals.length])).toEqual([
      ['random', 3],
      ['anneal', 3],
    ]);
  });
});

describe('decodeLabOutcome', () => {
  it('refuses a broken answer with a sentence', () => {
    expect(() => decodeLabOutcome(undefined)).toThrow(/answered with no data; reload the page/);
    expect(() =>
      decodeLabOutcome({ status: 'done', result: { kind: 'lab', seeds: [], knownMin: 0, request: {} } }),
    ).toThrow(/a lab without its arms/);
    expect(decodeLabOutcome({ status: 'cancelled' })).toEqual({ status: 'cancelled' });
  });
});
