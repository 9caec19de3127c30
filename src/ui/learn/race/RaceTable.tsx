/** The race's ranking: mean rank over seeds, median final loss with its spread, wins. */
import type { RaceResult } from '../../../runtime/lab/labProtocol';
import { sig3 } from '../lab/tradeOff';
import { competitorStyle } from './raceStyle';
import { byRank } from './raceWords';

export function RaceTable({ result }: { result: RaceResult }) {
  const seeds = result.seeds.length;
  const index = new Map(result.entries.map((e, i) => [e.label, i]));
  return (
    // Focusable, so that a keyboard can scroll the table sideways on a narrow screen.
    <div className="lab-table-wrap" role="region" aria-label="Rank table" tabIndex={0}>
      <table className="lab-table">
        <caption>
          Ranks over {seeds} seeds, {result.request.maxEvals} trials each on {result.request.objective} (rank
          1 = lowest final loss on a seed; ties share ranks and each counts a win)
        </caption>
        <thead>
          <tr>
            <th scope="col">Algorithm</th>
            <th scope="col" className="num">
              Mean rank
            </th>
            <th scope="col" className="num">
              Median final loss
            </th>
            <th scope="col" className="num">
              25–75 %
            </th>
            <th scope="col" className="num">
              Wins (of {seeds})
            </th>
          </tr>
        </thead>
        <tbody>
          {byRank(result.entries).map((entry) => {
            const style = competitorStyle(entry.label, index.get(entry.label)!);
            return (
              <tr key={entry.label}>
                <th scope="row">
                  <span className="lab-swatch" style={{ background: style.color }} aria-hidden="true" />
                  {entry.label}
                </th>
                <td className="num">{sig3(entry.meanRank)}</td>
                <td className="num">{sig3(entry.final.median)}</td>
                <td className="num range">
                  {sig3(entry.final.q25)}
                  {'\u00a0– '}
                  {sig3(entry.final.q75)}
                </td>
                <td className="num">{entry.wins}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
