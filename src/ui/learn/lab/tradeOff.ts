/**
 * Words and labels for the lab's measured results: the arm names used by the legend and the table,
 * and one sentence stating the parallelism trade-off with the numbers of this very run.
 */
import type { LabArm, LabArmResult } from '../../../core/simulate/index';

/** Three significant digits: enough to compare losses in a sentence. */
export const sig3 = (x: number): string => {
  const magnitude = Math.abs(x);
  return magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e6)
    ? x.toExponential(2)
    : String(Number(x.toPrecision(3)));
};

/** Speed-ups read best with one decimal below 10 and none above. */
export const formatSpeedUp = (x: number): string => `${x < 10 ? Number(x.toFixed(1)) : Math.round(x)}×`;

/** "P=4", "P=100 (max evals)" or "random (P=16)". */
export function armLabel(arm: LabArm, maxEvals: number): string {
  if (arm.kind === 'random') return `random (P=${arm.parallelism})`;
  return arm.parallelism === maxEvals && maxEvals > 1
    ? `P=${arm.parallelism} (max evals)`
    : `P=${arm.parallelism}`;
}

/**
 * The trade-off as measured: how much faster the highest level finished than the lowest, what it
 * cost (or not) in median best loss, and how the random baseline compares.
 */
export function tradeOffSentence(arms: readonly LabArmResult[], maxEvals: number, algoName: string): string {
  const levels = arms.filter((a) => a.kind === 'algo');
  const random = arms.find((a) => a.kind === 'random');
  const parts: string[] = [];
  const lo = levels[0];
  const hi = levels[levels.length - 1];
  if (lo === undefined || hi === undefined) return '';
  const [loName, hiName] = [armLabel(lo, maxEvals), armLabel(hi, maxEvals)];
  if (levels.length < 2) {
    parts.push(`Only ${loName} ran; choose two or more levels to see what parallelism costs.`);
  } else {
    const faster = lo.makespan.median / hi.makespan.median;
    const [loLoss, hiLoss] = [lo.finalBest.median, hi.finalBest.median];
    const times = `median wall time ${sig3(hi.makespan.median)} vs ${sig3(lo.makespan.median)}`;
    const losses = `${sig3(hiLoss)} vs ${sig3(loLoss)} at ${loName}`;
    // Equal as printed is equal as far as the reader can tell: neither is called worse.
    const cost =
      sig3(hiLoss) === sig3(loLoss)
        ? `and its median best loss was the same: ${losses}`
        : hiLoss > loLoss
          ? `but its median best loss was worse: ${losses}`
          : `and its median best loss was no worse: ${losses}`;
    parts.push(`${hiName} finished ${formatSpeedUp(faster)} faster than ${loName} (${times}), ${cost}.`);
    const best = levels.reduce((a, b) => (b.finalBest.median < a.finalBest.median ? b : a));
    if (best !== lo && best !== hi)
      parts.push(
        `The best median loss came from ${armLabel(best, maxEvals)} (${sig3(best.finalBest.median)}).`,
      );
  }
  if (random !== undefined) {
    const same = levels.find((a) => a.parallelism === random.parallelism);
    const verdict = same === undefined ? '' : randomVerdict(same, random, algoName, maxEvals);
    parts.push(
      `Random search at P=${random.parallelism} reached ${sig3(random.finalBest.median)}${verdict}.`,
    );
  }
  return parts.join(' ');
}

/** How the algorithm at the baseline's level compares with random search there. */
function randomVerdict(same: LabArmResult, random: LabArmResult, algoName: string, maxEvals: number): string {
  const [ours, theirs] = [same.finalBest.median, random.finalBest.median];
  // Its own median in every case, so that a near tie reads as one.
  const name = `${algoName} at ${armLabel(same, maxEvals)} (${sig3(ours)})`;
  if (sig3(ours) === sig3(theirs)) return `, about the same as ${name}`;
  return ours < theirs ? `, so ${name} still beat it` : `, so ${name} did no better than random search`;
}
