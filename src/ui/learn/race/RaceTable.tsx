/** The race's ranking: mean rank over seeds, median final loss with its spread, wins. */
import type { RaceResult } from '../../../runtime/lab/labProtocol';
import { LabTable, RangeCell, SwatchHeader } from '../lab/LabTable';
import { sig3 } from '../lab/tradeOff';
import { competitorStyle } from './raceStyle';
import { byRank } from './raceWords';

export function RaceTable({ result }: { result: RaceResult }) {
  const seeds = result.seeds.length;
  const index = new Map(result.entries.map((e, i) => [e.label, i]));
  return (
    <LabTable
      label="Rank table"
      caption={
        <>
          Ranks over {seeds} seeds, {result.request.maxEvals} trials each on {result.request.objective} (rank
          1 = lowest final loss on a seed; ties share ranks and each counts a win)
        </>
      }
      nameHeader="Algorithm"
      numberHeaders={['Mean rank', 'Median final loss', '25–75 %', `Wins (of ${seeds})`]}
    >
      {byRank(result.entries).map((entry) => {
        const style = competitorStyle(entry.label, index.get(entry.label)!);
        return (
          <tr key={entry.label}>
            <SwatchHeader color={style.color} name={entry.label} />
            <td className="num">{sig3(entry.meanRank)}</td>
            <td className="num">{sig3(entry.final.median)}</td>
            <RangeCell q25={entry.final.q25} q75={entry.final.q75} />
            <td className="num">{entry.wins}</td>
          </tr>
        );
      })}
    </LabTable>
  );
}
