/** One benchmark's findings: a markdown section with each figure beside its target. */
export interface BenchSection {
  title: string;
  /** Markdown body (tables, notes). */
  body: string;
}

export interface BenchSuite {
  name: string;
  run(): Promise<BenchSection[]>;
}

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
