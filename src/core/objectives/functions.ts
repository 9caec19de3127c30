// The benchmark functions of shared/reference/objectives.py, transcribed so that our runs see
// exactly the functions Hyperopt and Optuna saw. All are minimised.

export function branin(x1: number, x2: number): number {
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  const t = 1 / (8 * Math.PI);
  return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
}

const H6_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const H6_P = [
  [1312, 1696, 5569, 124, 8283, 5886],
  [2329, 4135, 8307, 3736, 1004, 9991],
  [2348, 1451, 3522, 2883, 3047, 6650],
  [4047, 8828, 8732, 5743, 1091, 381],
].map((row) => row.map((v) => v * 1e-4));
const H6_ALPHA = [1.0, 1.2, 3.0, 3.2];

export function hartmann6(x: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < 4; i++) {
    let inner = 0;
    for (let j = 0; j < 6; j++) inner += H6_A[i]![j]! * (x[j]! - H6_P[i]![j]!) ** 2;
    total += H6_ALPHA[i]! * Math.exp(-inner);
  }
  return -total;
}

export function rosenbrock(x: readonly number[]): number {
  let total = 0;
  for (let i = 0; i + 1 < x.length; i++) total += 100 * (x[i + 1]! - x[i]! ** 2) ** 2 + (1 - x[i]!) ** 2;
  return total;
}

export function ackley(x: readonly number[]): number {
  const d = x.length;
  const s1 = x.reduce((sum, v) => sum + v * v, 0) / d;
  const s2 = x.reduce((sum, v) => sum + Math.cos(2 * Math.PI * v), 0) / d;
  return -20 * Math.exp(-0.2 * Math.sqrt(s1)) - Math.exp(s2) + 20 + Math.E;
}

/** objectives.py's cond_loss: a choice between a 1-D branch and a log-scaled plus integer branch. */
export function conditionalLoss(config: { kind: 'a' | 'b'; x?: number; y?: number; n?: number }): number {
  if (config.kind === 'a') return (config.x! - 1) ** 2 + 0.5;
  return (Math.log10(config.y!) - 1) ** 2 + ((config.n! - 7) / 10) ** 2;
}
