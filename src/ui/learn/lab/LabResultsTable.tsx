/** One row per parallelism level (and the baseline): final best loss, wall time and speed-up. */
import type { ParallelLabResult } from '../../../runtime/lab/labProtocol';
import { armStyle } from './armStyle';
import { formatSpeedUp, sig3 } from './tradeOff';

export function LabResultsTable({ result }: { result: ParallelLabResult }) {
  const { arms, reference } = result.summary;
  const { maxEvals } = result.request;
  const referenceName = armStyle(arms[reference]!, reference, maxEvals).name;
  return (
    // Focusable, so that a keyboard can scroll the table sideways on a narrow screen.
    <div className="lab-table-wrap" role="region" aria-label="Results table" tabIndex={0}>
      <table className="lab-table">
        <caption>
          Results over {result.seeds.length} seeds, {maxEvals} trials each (speed-up against {referenceName})
        </caption>
        <thead>
          <tr>
            <th scope="col">Parallelism</th>
            <th scope="col" className="num">
              Median best loss
            </th>
            <th scope="col" className="num">
              25–75 %
            </th>
            <th scope="col" className="num">
              Median wall time
            </th>
            <th scope="col" className="num">
              Speed-up
            </th>
          </tr>
        </thead>
        <tbody>
          {arms.map((arm, i) => {
            const style = armStyle(arm, i, maxEvals);
            return (
              <tr key={style.name}>
                <th scope="row">
                  <span className="lab-swatch" style={{ background: style.color }} aria-hidden="true" />
                  {style.name}
                </th>
                <td className="num">{sig3(arm.finalBest.median)}</td>
                <td className="num range">
                  {sig3(arm.finalBest.q25)}
                  {'\u00a0– '}
                  {sig3(arm.finalBest.q75)}
                </td>
                <td className="num">{sig3(arm.makespan.median)}</td>
                <td className="num">{formatSpeedUp(arm.speedUp)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
