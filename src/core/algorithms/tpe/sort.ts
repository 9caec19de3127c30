/**
 * A stable sort of typed arrays without comparator closures, for the Parzen estimator's observations.
 *
 * Hyperopt uses `np.argsort` (introsort, not stable for long arrays), so the order of equal values is
 * unspecified there; stable order (tid order) is one of its possible outcomes and makes ours
 * deterministic (and the same whether a label's values are sorted at once or kept sorted by insertion).
 */

const INSERTION_RUN = 24;

/**
 * Sorts `keys[0..n)` ascending in place and applies the same permutation to `payload`. Keys must not
 * be NaN. Bottom-up merge sort over insertion-sorted runs, using two scratch arrays.
 */
export function sortWithPayload(keys: Float64Array, payload: Float64Array, n: number = keys.length): void {
  for (let start = 0; start < n; start += INSERTION_RUN) {
    const end = Math.min(start + INSERTION_RUN, n);
    for (let i = start + 1; i < end; i++) {
      const k = keys[i]!;
      const p = payload[i]!;
      let j = i - 1;
      while (j >= start && keys[j]! > k) {
        keys[j + 1] = keys[j]!;
        payload[j + 1] = payload[j]!;
        j--;
      }
      keys[j + 1] = k;
      payload[j + 1] = p;
    }
  }
  if (n <= INSERTION_RUN) return;
  let srcK: Float64Array = keys;
  let srcP: Float64Array = payload;
  let dstK: Float64Array = new Float64Array(n);
  let dstP: Float64Array = new Float64Array(n);
  for (let width = INSERTION_RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let o = lo;
      while (i < mid && j < hi) {
        // `<=` takes from the left run on ties: stability.
        if (srcK[i]! <= srcK[j]!) {
          dstK[o] = srcK[i]!;
          dstP[o++] = srcP[i++]!;
        } else {
          dstK[o] = srcK[j]!;
          dstP[o++] = srcP[j++]!;
        }
      }
      while (i < mid) {
        dstK[o] = srcK[i]!;
        dstP[o++] = srcP[i++]!;
      }
      while (j < hi) {
        dstK[o] = srcK[j]!;
        dstP[o++] = srcP[j++]!;
      }
    }
    const tk = srcK;
    srcK = dstK;
    dstK = tk;
    const tp = srcP;
    srcP = dstP;
    dstP = tp;
  }
  if (srcK !== keys) {
    keys.set(srcK.subarray(0, n));
    payload.set(srcP.subarray(0, n));
  }
}
