// The race's ordering and its one-sentence verdict, from the measured ranks.
import type { RaceCompetitorResult } from '../../../runtime/lab/labProtocol';
import { sig3 } from '../lab/tradeOff';

/** Competitors by mean rank (best first), then by median final loss. */
export function byRank(entries: readonly RaceCompetitorResult[]): RaceCompetitorResult[] {
  return [...entries].sort((a, b) => a.meanRank - b.meanRank || a.final.median - b.final.median);
}

/** Labels such as 'random' start sentences here. */
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Who led, by how much, and who came last. */
export function raceSentence(entries: readonly RaceCompetitorResult[], seeds: number): string {
  const ranked = byRank(entries);
  const first = ranked[0];
  const last = ranked[ranked.length - 1];
  if (first === undefined || last === undefined || ranked.length < 2) return '';
  const wins = `${first.wins} ${first.wins === 1 ? 'win' : 'wins'} of ${seeds} ${seeds === 1 ? 'seed' : 'seeds'}`;
  const tied = ranked.filter((e) => e.meanRank === first.meanRank);
  const lead =
    tied.length > 1
      ? `${capital(tied.map((e) => e.label).join(' and '))} shared the best mean rank (${sig3(first.meanRank)}).`
      : `${capital(first.label)} had the best mean rank (${sig3(first.meanRank)}, ${wins}; median final loss ${sig3(first.final.median)}).`;
  return `${lead} ${capital(last.label)} came last (mean rank ${sig3(last.meanRank)}, median final loss ${sig3(last.final.median)}).`;
}
