import { describe, expect, it } from 'vitest';
import { hp } from '../../space/hp';
import { compileSpace } from '../../space/validate';
import { dimOf, valueOf } from './dims';
import type { NumericDim } from './dims';

// The improved TPE's view of each kind: model space, prior and bounds as Hyperopt's ap_*_sampler.

const params = compileSpace([
  hp.uniform('u', -5, 10),
  hp.qloguniform('ql', 0, Math.log(1000), 5),
  hp.normal('n', 1, 2),
  hp.qlognormal('qln', 1, 1, 2),
  hp.randint('r', 3, 9),
  hp.pchoice('p', [
    [0.1, 'a'],
    [0.9, 'b'],
  ]),
]).params;

describe('dimOf / valueOf', () => {
  it("has Hyperopt's priors, model-space bounds and categorical offsets", () => {
    const [u, ql, n, qln, r, p] = params.map(dimOf);
    expect(u).toMatchObject({
      kind: 'numeric',
      low: -5,
      high: 10,
      priorMu: 2.5,
      priorSigma: 15,
      log: false,
      q: null,
    });
    expect(ql).toMatchObject({ low: 0, high: Math.log(1000), priorMu: Math.log(1000) / 2, log: true, q: 5 });
    expect(n).toMatchObject({ low: -Infinity, high: Infinity, priorMu: 1, priorSigma: 2, log: false });
    expect(qln).toMatchObject({ low: -Infinity, priorMu: 1, priorSigma: 1, log: true, q: 2 });
    expect(r).toMatchObject({ kind: 'categorical', size: 6, offset: 3 });
    expect(Array.from((p as { prior: Float64Array }).prior)).toEqual([0.1, 0.9]);
  });

  it('turns model-space draws into trial values as a prior draw of the kind would be formed', () => {
    const [u, ql, , qln] = params.map(dimOf) as NumericDim[];
    expect(valueOf(u!, 3.25)).toBe(3.25);
    expect(valueOf(ql!, Math.log(12))).toBe(10); // exp, then round(x / q)·q
    expect(valueOf(ql!, Math.log(13))).toBe(15);
    expect(valueOf({ ...u!, q: 0.5 }, 1.25)).toBe(1); // numpy's rounding: half to even (2.5 → 2)
    expect(valueOf(ql!, Math.log(1))).toBe(0); // quantised values may leave the bounds, as in Hyperopt
    expect(valueOf(qln!, Math.log(7))).toBe(8);
  });
});
