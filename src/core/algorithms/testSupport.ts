/**
 * Test support for the algorithms (not exported from the package index): trial documents built from
 * plain records, the way fmin would have stored them, and what the property tests check proposals
 * against.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Rng } from '../random/types';
import { isActive } from '../space/active';
import { hp } from '../space/hp';
import { valsToMisc } from '../space/misc';
import { roundHalfEven } from '../space/round';
import { sampleVals } from '../space/sample';
import type { CompiledSpace, ParamExpr, SpaceNode, Vals } from '../space/types';
import { newTrialDoc } from '../trials/docs';
import { JOB_STATE_DONE, JOB_STATE_RUNNING, STATUS_FAIL, STATUS_OK, STATUS_RUNNING } from '../trials/types';
import type { TrialDoc } from '../trials/types';
import type { SuggestFn } from './types';

/** A history record: the vals of a trial and how it ended (`loss` null for failed/pending). */
export interface HistoryRecord {
  tid: number;
  vals: Vals;
  status: 'ok' | 'fail' | 'running';
  loss: number | null;
}

/** One trial document per record, in the given order. */
export function docsFromHistory(space: CompiledSpace, records: readonly HistoryRecord[]): TrialDoc[] {
  return records.map((record) => {
    const doc = newTrialDoc(record.tid, valsToMisc(space, record.tid, record.vals));
    if (record.status === 'ok') {
      doc.state = JOB_STATE_DONE;
      doc.result = { status: STATUS_OK, loss: record.loss ?? NaN };
    } else if (record.status === 'fail') {
      doc.state = JOB_STATE_DONE;
      doc.result = { status: STATUS_FAIL };
    } else {
      doc.state = JOB_STATE_RUNNING;
      doc.result = { status: STATUS_RUNNING };
    }
    return doc;
  });
}

/** Gives every expression a unique label p0, p1, … (depth first). */
export function relabel(node: SpaceNode): SpaceNode {
  let next = 0;
  const walk = (n: SpaceNode): SpaceNode => {
    if (Array.isArray(n)) return n.map(walk);
    if (typeof n !== 'object' || n === null) return n;
    const out: Record<string, SpaceNode> = {};
    for (const [k, v] of Object.entries(n)) out[k] = k === 'label' ? `p${next++}` : walk(v as SpaceNode);
    return out;
  };
  return walk(node);
}

/** Whether x is a whole multiple of step, to a relative 1e-7. */
const isMultiple = (x: number, step: number) => Math.abs(x / step - Math.round(x / step)) < 1e-7;

/**
 * Whether a proposed value x can come from `expr` (its bounds, quantisation and options). A uniform's
 * range is [low, high), or [low, high] with `closedUniform` (anneal clips its draws into the range).
 */
export function inSupport(expr: ParamExpr, x: number, { closedUniform = false } = {}): boolean {
  if (!Number.isFinite(x)) return false;
  const tiny = 1e-9 * (1 + Math.abs(x));
  switch (expr.$hp) {
    case 'uniform':
      return expr.low <= x && (closedUniform ? x <= expr.high : x < expr.high);
    case 'quniform':
    case 'uniformint':
      return (
        isMultiple(x, expr.q) &&
        x >= roundHalfEven(expr.low / expr.q) * expr.q - tiny &&
        x <= roundHalfEven(expr.high / expr.q) * expr.q + tiny
      );
    case 'loguniform':
      return x >= Math.exp(expr.low) * (1 - 1e-12) && x <= Math.exp(expr.high) * (1 + 1e-12);
    case 'qloguniform':
      return (
        isMultiple(x, expr.q) && x >= 0 && x <= roundHalfEven(Math.exp(expr.high) / expr.q) * expr.q + tiny
      );
    case 'normal':
      return true;
    case 'qnormal':
      return isMultiple(x, expr.q);
    case 'lognormal':
      return x >= 0;
    case 'qlognormal':
      return x >= 0 && isMultiple(x, expr.q);
    case 'randint':
      return Number.isInteger(x) && x >= expr.low && x < expr.high;
    case 'choice':
      return Number.isInteger(x) && x >= 0 && x < expr.options.length;
    case 'pchoice':
      return Number.isInteger(x) && x >= 0 && x < expr.options.length && expr.options[x]!.p > 0;
  }
}

const num = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => x || 0);
/** A range of at least `gap` inside [min, max]. */
const bounds = (min: number, max: number, gap: number) =>
  fc.tuple(num(min, max), num(gap, max - min)).map(([lo, w]): [number, number] => [lo, lo + w]);

/**
 * One parameter of any kind, labelled `label` (to be relabelled), with ranges the samplers can work
 * in: quantised kinds step by one of `q`, a choice has up to `maxOptions` options and a pchoice up to
 * one fewer (weights that are not all zero).
 */
export function numericParam(
  label: string,
  { q: steps, maxOptions }: { q: readonly number[]; maxOptions: number },
): fc.Arbitrary<ParamExpr> {
  const q = fc.constantFrom(...steps);
  return fc.oneof(
    bounds(-100, 100, 0.01).map(([lo, hi]) => hp.uniform(label, lo, hi)),
    fc.tuple(bounds(-100, 100, 0.5), q).map(([[lo, hi], step]) => hp.quniform(label, lo, hi, step)),
    bounds(-10, 5, 0.1).map(([lo, hi]) => hp.loguniform(label, lo, hi)),
    fc.tuple(bounds(-3, 7, 0.5), q).map(([[lo, hi], step]) => hp.qloguniform(label, lo, hi, step)),
    fc.tuple(num(-50, 50), num(0.01, 20)).map(([mu, s]) => hp.normal(label, mu, s)),
    fc.tuple(num(-50, 50), num(0.1, 20), q).map(([mu, s, step]) => hp.qnormal(label, mu, s, step)),
    fc.tuple(num(-3, 3), num(0.05, 1.5)).map(([mu, s]) => hp.lognormal(label, mu, s)),
    fc.tuple(num(-1, 3), num(0.05, 1.5), q).map(([mu, s, step]) => hp.qlognormal(label, mu, s, step)),
    fc
      .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 30 }))
      .map(([lo, w]) => hp.randint(label, lo, lo + w)),
    bounds(-20, 20, 1).map(([lo, hi]) => hp.uniformint(label, lo, hi)),
    fc.integer({ min: 1, max: maxOptions }).map((k) =>
      hp.choice(
        label,
        Array.from({ length: k }, (_, i) => i),
      ),
    ),
    fc
      .array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: maxOptions - 1 })
      .filter((w) => w.some((v) => v > 0))
      .map((w) => {
        const total = w.reduce((a, b) => a + b, 0);
        return hp.pchoice(
          label,
          w.map((v, i): [number, SpaceNode] => [v / total, i]),
        );
      }),
  );
}

/**
 * `n` trials drawn at random from `space`: about 10% failed, 5% running, 3% with a NaN loss and the
 * rest with loss `loss()` (a standard normal unless given).
 */
export function randomRecords(
  space: CompiledSpace,
  rng: Rng,
  n: number,
  loss: () => number = () => rng.normal(0, 1),
): HistoryRecord[] {
  const records: HistoryRecord[] = [];
  for (let tid = 0; tid < n; tid++) {
    const u = rng.random();
    const status = u < 0.1 ? 'fail' : u < 0.15 ? 'running' : 'ok';
    const value = status !== 'ok' ? null : u < 0.18 ? NaN : loss();
    records.push({ tid, vals: sampleVals(space, rng), status, loss: value });
  }
  return records;
}

/**
 * Three proposals of `algo` (seeds seed, seed + 1, seed + 2) after the `n` trials `docs` each name
 * exactly the labels their choices activate, and each value lies in its label's support.
 */
export function expectProposalsInSupport(
  algo: SuggestFn,
  space: CompiledSpace,
  docs: TrialDoc[],
  n: number,
  seed: number,
): void {
  for (let s = 0; s < 3; s++) {
    const [proposal] = algo([n, n + 1], { space }, { trials: docs }, seed + s);
    const vals = proposal!.vals;
    const active = space.params.filter((p) => isActive(p, vals)).map((p) => p.label);
    expect(Object.keys(vals).sort()).toEqual(active.sort());
    for (const label of active) {
      const expr = space.byLabel.get(label)!.expr;
      expect(inSupport(expr, vals[label]!), `${JSON.stringify(expr)} -> ${vals[label]}`).toBe(true);
    }
  }
}
