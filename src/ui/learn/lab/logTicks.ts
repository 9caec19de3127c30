/**
 * Ticks for a log axis: the powers of ten spanning [min, max] (min > 0), thinned to at most
 * `max` ticks, with the domain rounded out to them. recharts' own log ticks crowd when the data
 * spans a few decades.
 */
export function logTicks(min: number, max: number, most = 6): { domain: [number, number]; ticks: number[] } {
  const lo = Math.floor(Math.log10(min));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(max)));
  const every = Math.ceil((hi - lo + 1) / most);
  // 10 ** -4 is 0.00009999999999999999; the literal 1e-4 is the double nearest a power of ten.
  const pow10 = (e: number) => Number(`1e${e}`);
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e += every) ticks.push(pow10(e));
  return { domain: [pow10(lo), pow10(hi)], ticks };
}
