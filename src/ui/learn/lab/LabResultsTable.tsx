/** One row per parallelism level (and the baseline): final best loss, wall time and speed-up. */
import type { ParallelLabResult } from '../../../runtime/lab/labProtocol';
import { armStyle } from './armStyle';
import { LabTable, RangeCell, SwatchHeader } from './LabTable';
import { formatSpeedUp, sig3 } from './tradeOff';

const HEADERS = ['Median best loss', '25–75 %', 'Median wall time', 'Speed-up'];

export function LabResultsTable({ result }: { result: ParallelLabResult }) {
  const { arms, reference } = result.summary;
  const { maxEvals } = result.request;
  const referenceName = armStyle(arms[reference]!, reference, maxEvals).name;
  return (
    <LabTable
      label="Results table"
      caption={
        <>
          Results over {result.seeds.length} seeds, {maxEvals} trials each (speed-up against {referenceName})
        </>
      }
      nameHeader="Parallelism"
      numberHeaders={HEADERS}
    >
      {arms.map((arm, i) => {
        const style = armStyle(arm, i, maxEvals);
        return (
          <tr key={style.name}>
            <SwatchHeader color={style.color} name={style.name} />
            <td className="num">{sig3(arm.finalBest.median)}</td>
            <RangeCell q25={arm.finalBest.q25} q75={arm.finalBest.q75} />
            <td className="num">{sig3(arm.makespan.median)}</td>
            <td className="num">{formatSpeedUp(arm.speedUp)}</td>
          </tr>
        );
      })}
    </LabTable>
  );
}
