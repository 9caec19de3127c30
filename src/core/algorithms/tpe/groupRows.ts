/**
 * A group's observations as rows (one per trial in which every member has a value, in tid order),
 * kept between calls and extended as the history grows, like the per-label index they are read from
 * (observations.ts): fmin asks for one proposal per new trial, so rebuilding N rows each time would
 * cost O(N·d) per call for nothing.
 */
import type { HistoryIndex, LabelObservations } from './observations';
import type { GroupRows } from './kernelFit';
import type { ParamGroup } from './groups';

/** A group's rows and the history position of each. */
export interface GroupObservations extends GroupRows {
  readonly docPos: Int32Array;
}

/** The growing rows of one group over one history index. */
class RowStore {
  n = 0;
  num = new Float64Array(0);
  cat = new Int32Array(0);
  docPos = new Int32Array(0);
  /** Lead observations consumed, and each member's cursor in its own observations. */
  private leadScanned = 0;
  private readonly cursors: Int32Array;
  /** Member g's observation i has been row i so far (so its sorted order is the rows' order). */
  private readonly aligned: boolean[];
  /** Member g's column: numeric index j ≥ 0, or categorical index c as −1 − c. */
  private readonly slot: Int32Array;

  constructor(private readonly group: ParamGroup) {
    this.cursors = new Int32Array(group.params.length);
    this.aligned = group.params.map(() => true);
    this.slot = Int32Array.from(group.params, (p) => {
      const j = group.numericParams.indexOf(p);
      return j >= 0 ? j : -1 - group.categoricalParams.indexOf(p);
    });
  }

  /**
   * Appends the rows of the observations added since the last call. Members share their conditions,
   * so in a history made from this space their observation lists coincide; the merge also copes with
   * one where they do not (it keeps the trials where all are present).
   */
  extend(members: readonly LabelObservations[]): void {
    const lead = members[0]!;
    const { categorical } = this.group;
    const nn = this.group.numeric.length;
    const nc = categorical.length;
    for (let o = this.leadScanned; o < lead.count; o++) {
      const pos = lead.docPos[o]!;
      this.cursors[0] = o;
      let all = true;
      for (let g = 1; g < members.length && all; g++) all = this.advance(members[g]!, g, pos);
      if (!all) continue;
      this.reserve(this.n + 2, nn, nc); // one spare row, where a kernel puts its prior
      const r = this.n++;
      this.docPos[r] = pos;
      for (let g = 0; g < members.length; g++) {
        const obs = members[g]!;
        const at = this.cursors[g]!;
        if (at !== r) this.aligned[g] = false;
        const slot = this.slot[g]!;
        if (slot >= 0) {
          this.num[r * nn + slot] = obs.model[at]!;
          continue;
        }
        const c = -1 - slot;
        const { offset, size } = categorical[c]!;
        const value = obs.raw[at]!;
        // As the faithful engine (categorical.ts): a history from another space is an error.
        if (!Number.isInteger(value - offset) || value < offset || value - offset >= size) {
          throw new RangeError(
            `TPE: observed value ${value} is not one of the ${size} values of this parameter`,
          );
        }
        this.cat[r * nc + c] = value - offset;
      }
    }
    this.leadScanned = lead.count;
  }

  /** Rows plus, when every numeric member's observations are exactly the rows, their sorted orders. */
  view(members: readonly LabelObservations[]): GroupObservations {
    const { n, num, cat } = this;
    const rows = { n, num, cat, docPos: this.docPos.subarray(0, n) };
    const order: Int32Array[] = [];
    for (const param of this.group.numericParams) {
      const g = this.group.params.indexOf(param);
      const obs = members[g]!;
      if (!this.aligned[g] || obs.count !== n) return rows;
      order.push(obs.sortedObs.subarray(0, n));
    }
    return { ...rows, order };
  }

  private advance(obs: LabelObservations, g: number, pos: number): boolean {
    let c = this.cursors[g]!;
    while (c < obs.count && obs.docPos[c]! < pos) c++;
    this.cursors[g] = c;
    return c < obs.count && obs.docPos[c] === pos;
  }

  private reserve(rows: number, nn: number, nc: number): void {
    if (this.docPos.length >= rows) return;
    const size = Math.max(16, rows * 2);
    const grow = <T extends Float64Array | Int32Array>(a: T, b: T): T => (b.set(a), b);
    this.num = grow(this.num, new Float64Array(size * nn));
    this.cat = grow(this.cat, new Int32Array(size * nc));
    this.docPos = grow(this.docPos, new Int32Array(size));
  }
}

const stores = new WeakMap<HistoryIndex, Map<ParamGroup, RowStore>>();

/**
 * The rows of `group` over `index` (extended to its current documents). The arrays are shared with
 * later calls: rows 0..n−1 must not be modified; row n (and beyond) is spare.
 */
export function groupObservations(group: ParamGroup, index: HistoryIndex): GroupObservations {
  let byGroup = stores.get(index);
  if (byGroup === undefined) {
    byGroup = new Map();
    stores.set(index, byGroup);
  }
  let store = byGroup.get(group);
  if (store === undefined) {
    store = new RowStore(group);
    byGroup.set(group, store);
  }
  const members = group.params.map((p) => index.observations(p));
  store.extend(members);
  return store.view(members);
}
