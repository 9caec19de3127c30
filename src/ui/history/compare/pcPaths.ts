/**
 * SVG path data of the parallel coordinates: one path per colour group (run or loss bin) for the
 * selected trials plus one for the rest, instead of one element per trial, so that 10,000 lines are a
 * handful of DOM nodes and a brush redraws in a few milliseconds. A line lifts the pen where a trial
 * has no value (a conditional parameter that was inactive).
 */

export interface PcLayout {
  /** x of each axis. */
  xs: readonly number[];
  /** y of position 1 (top) and the height down to position 0. */
  top: number;
  height: number;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

export function linePaths(
  matrix: Float32Array,
  groupOf: (point: number) => number,
  groups: number,
  mask: Uint8Array,
  layout: PcLayout,
): { selected: string[]; unselected: string } {
  const axes = layout.xs.length;
  const points = axes === 0 ? 0 : matrix.length / axes;
  const selected: string[][] = Array.from({ length: groups }, () => []);
  const unselected: string[] = [];
  const xs = layout.xs.map(r1);
  for (let i = 0; i < points; i++) {
    const parts = mask[i] ? selected[groupOf(i)]! : unselected;
    let pen = false;
    for (let j = 0; j < axes; j++) {
      const p = matrix[i * axes + j]!;
      if (Number.isNaN(p)) {
        pen = false;
        continue;
      }
      parts.push(`${pen ? 'L' : 'M'}${xs[j]} ${r1(layout.top + (1 - p) * layout.height)}`);
      pen = true;
    }
  }
  return { selected: selected.map((s) => s.join('')), unselected: unselected.join('') };
}
