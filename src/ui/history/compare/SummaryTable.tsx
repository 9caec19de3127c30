import { Fragment, useMemo, useState } from 'react';
import type { Run } from '../../../tracking';
import { RunLink } from '../run/RunLink';
import { runColor } from './comparedRuns';
import { summaryRows, type SummarySection } from './summaryRows';

/** Params, metrics and tags side by side, one column per run; rows that differ are in bold. */
export function SummaryTable({ runs, labels }: { runs: readonly Run[]; labels: readonly string[] }) {
  const [differencesOnly, setDifferencesOnly] = useState(false);
  const rows = useMemo(() => summaryRows(runs), [runs]);
  const shown = differencesOnly ? rows.filter((r) => r.differs) : rows;
  const hidden = rows.length - shown.length;
  let section: SummarySection | undefined;
  return (
    <>
      <div className="compare-controls">
        <label>
          <input
            type="checkbox"
            checked={differencesOnly}
            onChange={(e) => setDifferencesOnly(e.target.checked)}
          />{' '}
          Show differences only
        </label>
        <span className="muted" role="status">
          {differencesOnly
            ? `${hidden} equal ${hidden === 1 ? 'row' : 'rows'} hidden`
            : `${rows.filter((r) => r.differs).length} of ${rows.length} rows differ`}
        </span>
      </div>
      <div className="compare-table-wrap">
        <table className="summary-table" aria-label="Parameters and metrics of the compared runs">
          <thead>
            <tr>
              <th scope="col">Field</th>
              {runs.map((run, i) => (
                <th key={run.id} scope="col">
                  <span className="swatch" style={{ background: runColor(i) }} aria-hidden="true" />
                  <RunLink id={run.id}>{labels[i]}</RunLink>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const header = row.section !== section;
              section = row.section;
              return (
                <Fragment key={`${row.section}:${row.label}`}>
                  {header && (
                    <tr className="section-row">
                      <th scope="rowgroup" colSpan={runs.length + 1}>
                        {row.section}
                      </th>
                    </tr>
                  )}
                  <tr className={row.differs ? 'differs' : undefined}>
                    <th scope="row">{row.label}</th>
                    {row.values.map((v, i) => (
                      <td key={runs[i]!.id} title={v.length > 40 ? v : undefined}>
                        {v}
                      </td>
                    ))}
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
