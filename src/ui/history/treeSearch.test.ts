import { describe, expect, it, vi } from 'vitest';
import { QueryError } from '../../tracking';
import type { RunDelta, RunStore } from '../../tracking';
import { openTestStore } from '../../tracking/testSupport';
import { TreeSearch, type FilterResult } from './treeSearch';

async function fixture() {
  const store = await openTestStore();
  const exp = await store.createExperiment('e');
  const top = (name: string, startTime: number) =>
    store.createRun({ experimentId: exp.id, parentRunId: null, name, startTime });
  const a = await top('A', 1);
  const b = await top('B', 2);
  await top('C', 3);
  const child = (parent: string, id: string, loss: number): RunDelta => ({
    id,
    create: { experimentId: exp.id, parentRunId: parent, name: id, startTime: 10 },
    metrics: [{ key: 'loss', value: loss, step: 0, timestamp: 10 }],
    status: 'FINISHED',
  });
  await store.write([child(a.id, 'a1', 0.05), child(a.id, 'a2', 0.5), child(a.id, 'a3', 0.02)]);
  await store.write([child(b.id, 'b1', 0.9), child(b.id, 'b2', 0.8)]);
  // A grandchild: a run nested in a trial's run.
  await store.write([child('a2', 'g1', 0.01)]);
  return { store, exp, a, b, child };
}

async function run(store: RunStore, search: TreeSearch): Promise<FilterResult[]> {
  const published: FilterResult[] = [];
  await search.search(
    await store.listRuns({ parentRunId: null }),
    (r) => void published.push(r),
    () => false,
    0,
  );
  return published;
}

const ids = (runs: readonly { id: string }[] | undefined) => (runs ?? []).map((r) => r.id).sort();

describe('TreeSearch', () => {
  it('keeps parents whose descendants match, with only the runs leading to a match', async () => {
    const { store, a } = await fixture();
    const published = await run(store, new TreeSearch(store, 'metrics.loss < 0.1'));
    const result = published.at(-1)!;
    expect(result.done).toBe(true);
    expect([...result.matched].sort()).toEqual(['a1', 'a3', 'g1']);
    expect(result.roots.map((r) => r.name)).toEqual(['A']);
    // a2 does not match but leads to g1, so it stays (unmarked), with g1 under it.
    expect(ids(result.shown.get(a.id))).toEqual(['a1', 'a2', 'a3']);
    expect(ids(result.shown.get('a2'))).toEqual(['g1']);
    expect(result.scanned).toBe(2);
    expect(result.total).toBe(2);
    // Progress is published as it goes, the parents first.
    expect(published[0]!.done).toBe(false);
    store.close();
  });

  it('keeps a matching parent with no matching children, without children', async () => {
    const { store, b } = await fixture();
    const result = (await run(store, new TreeSearch(store, "attributes.run_name = 'B'"))).at(-1)!;
    expect(result.roots.map((r) => r.id)).toEqual([b.id]);
    expect([...result.matched]).toEqual([b.id]);
    expect(result.shown.size).toBe(0);
    store.close();
  });

  it('rescans only the parents whose children changed', async () => {
    const { store, b, child } = await fixture();
    const search = new TreeSearch(store, 'metrics.loss < 0.1');
    await run(store, search);
    const list = vi.spyOn(store, 'listRuns');
    await run(store, search);
    expect(list.mock.calls.filter(([q]) => typeof q?.parentRunId === 'string')).toHaveLength(0);
    await store.write([child(b.id, 'b3', 0.001)]);
    const result = (await run(store, search)).at(-1)!;
    expect(
      list.mock.calls.filter(([q]) => typeof q?.parentRunId === 'string').map(([q]) => q!.parentRunId),
    ).toEqual([b.id]);
    expect(result.matched.has('b3')).toBe(true);
    expect(result.roots.map((r) => r.name).sort()).toEqual(['A', 'B']);
    store.close();
  });

  it('stops without publishing once cancelled', async () => {
    const { store } = await fixture();
    const published: FilterResult[] = [];
    await new TreeSearch(store, 'metrics.loss < 0.1').search(
      await store.listRuns({ parentRunId: null }),
      (r) => void published.push(r),
      () => published.length > 0,
      0,
    );
    expect(published.every((r) => !r.done)).toBe(true);
    store.close();
  });

  it('rejects a bad filter before reading anything, naming the column', async () => {
    const { store } = await fixture();
    expect(() => new TreeSearch(store, "metrics.loss < 'a'")).toThrow(QueryError);
    try {
      new TreeSearch(store, "metrics.loss < 'a'");
    } catch (e) {
      expect((e as QueryError).column).toBe(16);
    }
    store.close();
  });
});
