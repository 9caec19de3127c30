/**
 * Canvas drawing for the compare view's plots. Thousands of trials as SVG elements (or even as one
 * long SVG path) make every brush re-parse and repaint the lot; on a canvas the unselected lines sit
 * on their own layer, drawn once, and a brush redraws only the selected ones.
 */

/** What the drawing below needs of a CanvasRenderingContext2D (a fake one in tests). */
export interface PenLike {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
}

export interface PcLayout {
  /** x of each axis. */
  xs: readonly number[];
  /** y of position 1 (top) and the height down to position 0. */
  top: number;
  height: number;
}

/**
 * Traces the polylines of the given points (rows of `matrix`, one position per axis), lifting the
 * pen where a trial has no value on an axis (a conditional parameter that was inactive).
 */
export function tracePolylines(
  pen: PenLike,
  matrix: Float32Array,
  points: Iterable<number>,
  layout: PcLayout,
): void {
  const axes = layout.xs.length;
  for (const i of points) {
    let down = false;
    for (let j = 0; j < axes; j++) {
      const p = matrix[i * axes + j]!;
      if (Number.isNaN(p)) {
        down = false;
        continue;
      }
      const y = layout.top + (1 - p) * layout.height;
      if (down) pen.lineTo(layout.xs[j]!, y);
      else pen.moveTo(layout.xs[j]!, y);
      down = true;
    }
  }
}

/** Point indices per group, for points the mask keeps (or all points without a mask). */
export function groupIndices(
  count: number,
  groupOf: (point: number) => number,
  groups: number,
  mask?: Uint8Array,
): number[][] {
  const out: number[][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < count; i++) if (mask === undefined || mask[i]) out[groupOf(i)]?.push(i);
  return out;
}

/** A CSS colour as the canvas takes it: `var(--name)` resolved against an element. */
export function resolveColor(element: Element, color: string): string {
  const match = /^var\((--[\w-]+)\)$/.exec(color);
  if (match === null) return color;
  return getComputedStyle(element).getPropertyValue(match[1]!).trim() || 'gray';
}

/** A 2D context sized for `width` × `height` CSS pixels at the screen's pixel ratio, cleared. */
export function prepareCanvas(canvas: HTMLCanvasElement, width: number, height: number) {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.round(width * ratio);
  const h = Math.round(height * ratio);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (ctx === null) return null;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/** Most strokes per redraw: beyond it lines are stroked in batches (a batch's overlaps do not add up). */
export const MAX_STROKES = 1000;

/**
 * The order in which to stroke the points of each group, in batches of one group each. A canvas
 * stroke blends once however many of its lines overlap, so lines are stroked a few at a time and
 * overlaps build up colour. `interleave` takes batches from every group in turn (runs mix instead of
 * the last drawn covering the others); otherwise groups go last first (group 0 ends on top).
 */
export function strokeBatches(
  groups: readonly (readonly number[])[],
  interleave: boolean,
  maxStrokes = MAX_STROKES,
): { group: number; points: number[] }[] {
  const total = groups.reduce((n, g) => n + g.length, 0);
  const size = Math.max(1, Math.ceil(total / maxStrokes));
  const chunks = groups.map((points, group) => {
    const out: { group: number; points: number[] }[] = [];
    for (let i = 0; i < points.length; i += size) out.push({ group, points: points.slice(i, i + size) });
    return out;
  });
  if (!interleave) return chunks.reverse().flat();
  const out: { group: number; points: number[] }[] = [];
  const longest = Math.max(0, ...chunks.map((c) => c.length));
  for (let k = 0; k < longest; k++) for (const c of chunks) if (k < c.length) out.push(c[k]!);
  return out;
}

/** Opacity of one stroke batch: fainter the more batches overlap, so dense areas read darker. */
export const batchAlpha = (batches: number) => Math.min(0.8, Math.max(0.15, 80 / Math.max(1, batches)));
