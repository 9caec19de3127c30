import type { Rng } from './types';

const TWO_POW_32 = 0x100000000;
const TWO_POW_53 = 9007199254740992;
const TWO_POW_26 = 67108864;

/**
 * A seeded generator with one extra primitive: {@link SeededRng.uint32}, the raw 32-bit output, for
 * callers that want integer draws without going through doubles.
 */
export interface SeededRng extends Rng {
  /** Next raw output as an unsigned 32-bit integer in [0, 2**32). */
  uint32(): number;
  /** A JSON-safe snapshot from which {@link restoreRng} continues the exact same stream. */
  getState(): RngState;
}

/** The full state of a {@link SeededRng}: four 32-bit words and the cached second normal deviate. */
export interface RngState {
  words: [number, number, number, number];
  spareNormal: number | null;
}

/** Murmur3's 32-bit finaliser: a bijective avalanche mix of one 32-bit word. */
function fmix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
/** Index of the low 32-bit word of a double in `scratchWords` (0 on little-endian hosts). */
const LOW_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

/** The largest double below the finite number `x`. */
function previousDouble(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  scratch[0] = x;
  const lo = LOW_WORD;
  const hi = 1 - LOW_WORD;
  // For x > 0 stepping down means decrementing the bit pattern; for x < 0, incrementing it.
  if (x > 0) {
    if (scratchWords[lo] === 0) scratchWords[hi]! -= 1;
    scratchWords[lo]! -= 1;
  } else {
    scratchWords[lo]! += 1;
    if (scratchWords[lo] === 0) scratchWords[hi]! += 1;
  }
  return scratch[0]!;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * xoshiro128** (Blackman & Vigna, 2018): 128 bits of state, period 2**128 − 1, passes BigCrush.
 * Only `Math.imul`, shifts and xors on 32-bit words are used, so a seed gives the same stream in every
 * JavaScript engine (no dependence on float rounding until the final conversion to a double).
 */
class Xoshiro128StarStar implements SeededRng {
  /**
   * The four state words. A typed array keeps them unboxed: as plain fields, int32 values beyond
   * V8's 31-bit small integers would be re-boxed as heap numbers on every step.
   */
  private readonly s = new Int32Array(4);
  /** Marsaglia's polar method makes normals in pairs; the second one waits here. */
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number, state?: RngState) {
    const s = this.s;
    if (state) {
      for (let i = 0; i < 4; i++) s[i] = state.words[i]! | 0;
      if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) throw new RangeError('restoreRng: all-zero state');
      this.hasSpare = state.spareNormal !== null;
      this.spare = state.spareNormal ?? 0;
      return;
    }
    // splitmix32: a Weyl sequence (golden-ratio increment) through fmix32 fills the state, so that
    // nearby seeds (0, 1, 2, ...) give unrelated streams. The high word of seeds beyond 32 bits is
    // folded in through its own mix so that e.g. 1 and 2**32 + 1 differ.
    const lo = seed >>> 0;
    const hi = Math.floor(seed / TWO_POW_32) >>> 0;
    const salt = fmix32(hi ^ 0x6a09e667);
    let weyl = lo;
    for (let i = 0; i < 4; i++) {
      weyl = (weyl + 0x9e3779b9) | 0;
      s[i] = fmix32(weyl) ^ salt;
    }
    // The all-zero state is the one fixed point of xoshiro; avoid it.
    if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1;
  }

  getState(): RngState {
    const s = this.s;
    return {
      words: [s[0]! >>> 0, s[1]! >>> 0, s[2]! >>> 0, s[3]! >>> 0],
      spareNormal: this.hasSpare ? this.spare : null,
    };
  }

  uint32(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const s2 = s[2]! ^ s0;
    const s3 = s[3]! ^ s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    s[0] = s0 ^ s3;
    s[1] = s1 ^ s2;
    s[2] = s2 ^ (s1 << 9);
    s[3] = rotl(s3, 11);
    return result >>> 0;
  }

  random(): number {
    // 27 high bits of one output and 26 of the next make a 53-bit integer, scaled to [0, 1).
    const a = this.uint32() >>> 5;
    const b = this.uint32() >>> 6;
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  }

  uniform(low: number, high: number): number {
    // numpy's Generator.uniform: low + (high - low) * random(). Rounding can land exactly on high
    // when the range is tiny next to |low| (numpy then returns high); we return the double just below
    // high instead so that the result always honours [low, high).
    const x = low + (high - low) * this.random();
    return x < high ? x : previousDouble(high);
  }

  normal(mu: number, sigma: number): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return mu + sigma * this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.random() - 1;
      v = 2 * this.random() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * m;
    this.hasSpare = true;
    return mu + sigma * u * m;
  }

  integers(low: number, high: number): number {
    if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high) || high <= low) {
      throw new RangeError(`integers(low, high) needs integers with low < high, got (${low}, ${high})`);
    }
    const n = high - low;
    if (n > TWO_POW_53) throw new RangeError(`integers: range ${n} exceeds 2**53`);
    if (n <= TWO_POW_32) {
      // Rejection of the incomplete top block keeps every residue equally likely (no modulo bias).
      const limit = TWO_POW_32 - (TWO_POW_32 % n);
      let x = this.uint32();
      while (x >= limit) x = this.uint32();
      return low + (x % n);
    }
    const limit = TWO_POW_53 - (TWO_POW_53 % n);
    let x = this.random() * TWO_POW_53;
    while (x >= limit) x = this.random() * TWO_POW_53;
    return low + (x % n);
  }

  categorical(p: readonly number[]): number {
    // Scaling u by the actual total makes a p that sums to 1 only up to rounding exact.
    const k = p.length;
    if (k === 0) throw new RangeError('categorical: empty probability vector');
    let total = 0;
    for (let i = 0; i < k; i++) total += p[i] as number;
    const u = this.random() * total;
    let acc = 0;
    let last = 0;
    for (let i = 0; i < k; i++) {
      const w = p[i] as number;
      if (w > 0) {
        acc += w;
        last = i;
        if (u < acc) return i;
      }
    }
    // u rounded past the final cumulative sum: the last option with positive weight.
    return last;
  }
}

/**
 * A fast seeded generator (xoshiro128** seeded by splitmix32). The same integer seed gives the same
 * stream in Node and in every browser: raw words, `random`, `uniform`, `integers` and `categorical`
 * are bit-identical everywhere. `normal` also consumes the stream identically (its rejection test is
 * exact arithmetic), but its value goes through `Math.log`, which the spec lets engines round
 * differently in the last bit (V8 and SpiderMonkey both use fdlibm's algorithm).
 *
 * @param seed - a safe integer (negative seeds are allowed and distinct from positive ones).
 * @throws RangeError when `seed` is not a safe integer.
 */
export function createRng(seed: number): SeededRng {
  if (!Number.isSafeInteger(seed))
    throw new RangeError(`createRng: seed must be a safe integer, got ${seed}`);
  return new Xoshiro128StarStar(seed);
}

/**
 * A seed for a sub-generator, drawn from `rng`: an integer in [0, 2**31 − 1). fmin draws one before
 * every algorithm call, as Hyperopt does with `rstate.integers(2 ** 31 - 1)` (hyperopt/fmin.py,
 * `FMinIter.run`).
 */
export function seedFromRng(rng: Rng): number {
  return rng.integers(0, 2 ** 31 - 1);
}

/** Rebuilds a generator from {@link SeededRng.getState}; it continues exactly where the original was. */
export function restoreRng(state: RngState): SeededRng {
  return new Xoshiro128StarStar(0, state);
}
