import { spaceEval, type CompiledSpace } from '../../core';
import type { RunView } from '../../runtime/run/progress';
import { formatLoss } from './format';

/** fmin's answer as Hyperopt returns it (argmin) beside what users want (spaceEval of it). */
export function BestResult({ run, space }: { run: RunView; space: CompiledSpace | undefined }) {
  const best = run.best;
  if (best === undefined) return null;
  const argmin = run.rows.find((r) => r.tid === best.tid)?.vals;
  if (argmin === undefined) return null;
  let evaluated: string;
  try {
    evaluated = space === undefined ? '—' : JSON.stringify(spaceEval(space, argmin), null, 2);
  } catch (error) {
    evaluated = error instanceof Error ? error.message : String(error);
  }
  return (
    <section className="best-result" aria-label="Best trial">
      <h3>
        Best: trial {best.tid}, loss {formatLoss(best.loss)}
      </h3>
      <div className="chart-pair">
        <div>
          <h4>
            <code>argmin</code> (what fmin returns)
          </h4>
          <pre className="code-block" aria-label="argmin">
            {JSON.stringify(argmin, null, 2)}
          </pre>
        </div>
        <div>
          <h4>
            <code>spaceEval(space, argmin)</code>
          </h4>
          <pre className="code-block" aria-label="spaceEval of argmin">
            {evaluated}
          </pre>
        </div>
      </div>
      <p className="hint">
        They differ because fmin records each label&apos;s raw draw (for hp.choice the index of the option,
        and only the labels that were active), while spaceEval rebuilds the value the objective received.
      </p>
    </section>
  );
}
