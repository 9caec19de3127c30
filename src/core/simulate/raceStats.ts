// How algorithms compare over the same seeds: empirical distribution functions of their final
// losses and per-seed ranks (the usual way to read a benchmark without trusting one lucky seed).

/** A step of an empirical distribution function: fraction `p` of the runs ended at or below `x`. */
export interface EdfPoint {
  x: number;
  p: number;
}

/**
 * The EDF of `values` as its steps, one per distinct value in increasing order (equal values make
 * one step of their combined height).
 */
export function edf(values: readonly number[]): EdfPoint[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: EdfPoint[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i + 1 < sorted.length && sorted[i + 1] === sorted[i]) continue;
    out.push({ x: sorted[i]!, p: (i + 1) / sorted.length });
  }
  return out;
}

/**
 * Ranks 1..n of `values` (smallest first); tied values share the mean of the ranks they span
 * (fractional ranking), so ties neither reward nor punish either side.
 */
export function ranksWithTies(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++;
    const shared = (start + end) / 2 + 1;
    for (let i = start; i <= end; i++) ranks[order[i]!] = shared;
    start = end + 1;
  }
  return ranks;
}

/** Per competitor: its mean rank over the seeds and how many seeds it won. */
export interface RankSummary {
  meanRank: number;
  /** Seeds where it had the lowest final loss (a tie for the lowest counts for each tied). */
  wins: number;
}

/**
 * `finals[a][s]` is competitor a's final loss on seed s (every row as long as the first). Ranks
 * are taken per seed across competitors, then averaged.
 */
export function rankSummaries(finals: readonly (readonly number[])[]): RankSummary[] {
  const seeds = finals[0]?.length ?? 0;
  if (finals.some((row) => row.length !== seeds))
    throw new RangeError('every competitor needs one loss per seed');
  const sums = finals.map(() => 0);
  const wins = finals.map(() => 0);
  for (let s = 0; s < seeds; s++) {
    const ranks = ranksWithTies(finals.map((row) => row[s]!));
    const best = Math.min(...ranks);
    ranks.forEach((rank, a) => {
      sums[a]! += rank;
      if (rank === best) wins[a]!++;
    });
  }
  return finals.map((_, a) => ({ meanRank: seeds === 0 ? NaN : sums[a]! / seeds, wins: wins[a]! }));
}
