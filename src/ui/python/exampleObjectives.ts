/**
 * The built-in examples' objectives in Python, for "Export to Python": what each TypeScript
 * objective computes, with scikit-learn in place of the ml.js models and `mlflow.log_*` where the
 * playground logs to the trial's run. Keyed by example id.
 */
import type { ScriptObjective } from '../../core/python';
import type { Example } from '../examples';
import { EXAMPLES } from '../examples';

type PythonObjective = Extract<ScriptObjective, { kind: 'python' }>;

const quadratic: PythonObjective = {
  kind: 'python',
  imports: ['import mlflow'],
  hyperopt: [],
  code: `def objective(params):
    """(x - 3)^2: TPE should concentrate its samples around x = 3."""
    loss = (params["x"] - 3) ** 2
    mlflow.log_metric("distance", abs(params["x"] - 3))
    return loss`,
};

const branin: PythonObjective = {
  kind: 'python',
  imports: ['import math'],
  hyperopt: [],
  code: `def objective(params):
    """Branin-Hoo: minimum 0.397887 at (-pi, 12.275), (pi, 2.275) and (9.42478, 2.475)."""
    x1, x2 = params["x1"], params["x2"]
    a, r, s = 1, 6, 10
    b = 5.1 / (4 * math.pi**2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return a * (x2 - b * x1**2 + c * x1 - r) ** 2 + s * (1 - t) * math.cos(x1) + s`,
};

const rosenbrock: PythonObjective = {
  kind: 'python',
  imports: ['import math', 'import mlflow'],
  hyperopt: [],
  code: `def objective(params):
    """Rosenbrock's banana: minimum 0 at (1, 1), at the end of a flat curved valley."""
    x, y = params["x"], params["y"]
    loss = (1 - x) ** 2 + 100 * (y - x * x) ** 2
    # Distance to the optimum, to compare with the loss.
    mlflow.log_metric("distance_to_optimum", math.hypot(x - 1, y - 1))
    return loss`,
};

const noisy: PythonObjective = {
  kind: 'python',
  imports: ['import mlflow', 'import numpy as np'],
  hyperopt: [],
  code: `noise = np.random.default_rng()


def objective(params):
    """The true loss is (x - 1)^2; each evaluation averages \`steps\` noisy measurements."""
    x, steps = params["x"], int(params["steps"])
    total = 0.0
    for i in range(steps):
        total += (x - 1) ** 2 + (noise.random() - 0.5) * 4
        mlflow.log_metric("running_mean", total / (i + 1), step=i)
    return total / steps + 0.02 * steps`,
};

const failing: PythonObjective = {
  kind: 'python',
  imports: ['import mlflow'],
  hyperopt: ['STATUS_FAIL', 'STATUS_OK'],
  raises: true,
  code: `def objective(params):
    """Fails for some points, the two ways Hyperopt knows."""
    x, solver = params["x"], params["solver"]
    mlflow.set_tag("solver", solver)
    # Hyperopt's way to say "this point is invalid": status 'fail' (no loss needed).
    if solver == "fragile" and abs(x) > 2:
        return {"status": STATUS_FAIL, "reason": "diverged"}
    # An exception also fails the trial.
    if x > 3.5:
        raise ValueError(f"x = {x:.2f} is outside the model's range")
    return {"status": STATUS_OK, "loss": (x - 0.5) ** 2 + (0.1 if solver == "stable" else 0)}`,
};

const iris: PythonObjective = {
  kind: 'python',
  imports: [
    'import mlflow',
    'from sklearn.datasets import load_iris',
    'from sklearn.ensemble import RandomForestClassifier',
    'from sklearn.linear_model import SGDClassifier',
    'from sklearn.model_selection import KFold, cross_val_score',
    'from sklearn.neighbors import KNeighborsClassifier',
  ],
  hyperopt: [],
  code: `X, y = load_iris(return_X_y=True)
# 3 folds of a seeded shuffle: every trial is scored on the same folds.
FOLDS = KFold(n_splits=3, shuffle=True, random_state=42)


def make_model(model):
    """The classifier that \`model\` (one option of the 'model' choice) describes."""
    if model["type"] == "random_forest":
        return RandomForestClassifier(
            n_estimators=int(model["nEstimators"]),
            max_features=model["maxFeatures"],
            random_state=3,
        )
    if model["type"] == "knn":
        return KNeighborsClassifier(n_neighbors=int(model["k"]))
    # Logistic regression by gradient descent at a fixed learning rate for a number of
    # steps, as ml-logistic-regression trains it in the playground.
    return SGDClassifier(
        loss="log_loss",
        learning_rate="constant",
        eta0=model["learningRate"],
        max_iter=int(model["numSteps"]),
        tol=None,
        random_state=3,
    )


def objective(params):
    """1 - the 3-fold cross-validated accuracy of the chosen model."""
    model = params["model"]
    mlflow.log_param("model", model["type"])
    scores = cross_val_score(make_model(model), X, y, cv=FOLDS, scoring="accuracy")
    for fold, accuracy in enumerate(scores):
        mlflow.log_metric("fold_accuracy", accuracy, step=fold)
    cv_accuracy = scores.mean()
    mlflow.log_metric("cv_accuracy", cv_accuracy)
    return 1 - cv_accuracy  # fmin minimises the CV error rate`,
};

/** Python objectives by example id. */
export const PYTHON_OBJECTIVES: Readonly<Record<string, PythonObjective>> = {
  quadratic,
  branin,
  rosenbrock,
  iris,
  noisy,
  failing,
};

/**
 * The example whose objective this is, exactly as the gallery wrote it (an edited objective is
 * the user's own, and gets the stub), with its Python objective.
 */
export function exampleFor(
  objectiveSource: string,
): { example: Example; python: PythonObjective } | undefined {
  const example = EXAMPLES.find((e) => e.objective === objectiveSource);
  const python = example === undefined ? undefined : PYTHON_OBJECTIVES[example.id];
  return example === undefined || python === undefined ? undefined : { example, python };
}
