import { describe, expect, it } from 'vitest';
import { openTestStore } from '../testSupport';
import { likeToRegExp } from './evaluate';
import { QueryError } from './queryError';
import { childrenOfFilter, searchRuns } from './search';

async function fixture() {
  const store = await openTestStore();
  const exp = await store.createExperiment('e');
  const other = await store.createExperiment('other');
  const parent = await store.createRun({
    experimentId: exp.id,
    parentRunId: null,
    name: 'sweep',
    startTime: 100,
  });
  const child = (
    id: string,
    startTime: number,
    loss: number | null,
    kind: string,
    status: 'FINISHED' | 'FAILED',
    tags = {},
  ) => ({
    id,
    create: { experimentId: exp.id, parentRunId: parent.id, name: `trial ${id}`, startTime },
    params: { kind, lr: String(startTime / 1000) },
    tags,
    metrics: loss === null ? [] : [{ key: 'loss', value: loss, step: 0, timestamp: startTime }],
    status,
  });
  await store.write([
    child('a', 101, 0.9, 'a', 'FINISHED', { model: 'sklearn.tree' }),
    child('b', 102, 0.3, 'b', 'FINISHED', { model: 'SKLEARN.svm' }),
    child('c', 103, 0.1, 'b', 'FAILED'),
    child('d', 104, null, 'b', 'FINISHED'),
    child('e', 105, Number.NaN, 'a', 'FINISHED'),
  ]);
  await store.createRun({ experimentId: other.id, parentRunId: null, name: 'elsewhere', startTime: 50 });
  return { store, exp, parent };
}

const ids = (runs: { id: string }[]) => runs.map((r) => r.id);

describe('searchRuns', () => {
  it("filters with the issue's example", async () => {
    const { store } = await fixture();
    const runs = await searchRuns(store, {
      filter: "metrics.loss < 0.5 and params.kind = 'b' and attributes.status = 'FINISHED'",
    });
    expect(ids(runs)).toEqual(['b']);
  });

  it('compares metrics by number, params and tags by string, LIKE case-sensitively, ILIKE not', async () => {
    const { store } = await fixture();
    expect(ids(await searchRuns(store, { filter: 'metrics.loss >= 0.3', orderBy: 'metrics.loss' }))).toEqual([
      'b',
      'a',
    ]);
    expect(ids(await searchRuns(store, { filter: "params.lr = '0.101'" }))).toEqual(['a']);
    expect(ids(await searchRuns(store, { filter: "tags.model LIKE 'sklearn%'" }))).toEqual(['a']);
    expect(
      ids(await searchRuns(store, { filter: "tags.model ILIKE 'sklearn.%'", orderBy: 'run_id' })),
    ).toEqual(['a', 'b']);
    expect(ids(await searchRuns(store, { filter: "params.kind != 'b'", orderBy: 'run_id' }))).toEqual([
      'a',
      'e',
    ]);
    expect(ids(await searchRuns(store, { filter: "run_id IN ('c', 'd')", orderBy: 'run_id' }))).toEqual([
      'c',
      'd',
    ]);
    expect(
      ids(
        await searchRuns(store, {
          filter: "attributes.run_name LIKE 'trial _'",
          scope: 'children',
          orderBy: 'run_id DESC',
        }),
      ),
    ).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('orders by any column; runs without the value (or NaN) come last in both directions', async () => {
    const { store, parent } = await fixture();
    expect(ids(await searchRuns(store, { parentRunId: parent.id, orderBy: 'metrics.loss ASC' }))).toEqual([
      'c',
      'b',
      'a',
      'e',
      'd',
    ]);
    expect(ids(await searchRuns(store, { parentRunId: parent.id, orderBy: 'metrics.loss DESC' }))).toEqual([
      'a',
      'b',
      'c',
      'e',
      'd',
    ]);
    expect(
      ids(
        await searchRuns(store, {
          parentRunId: parent.id,
          orderBy: ['params.kind DESC', 'attributes.start_time'],
        }),
      ),
    ).toEqual(['b', 'c', 'd', 'a', 'e']);
    // Natural order: start time descending.
    expect(ids(await searchRuns(store, { parentRunId: parent.id }))).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(ids(await searchRuns(store, { parentRunId: parent.id, maxResults: 2 }))).toEqual(['e', 'd']);
  });

  it('selects parents, children and experiments', async () => {
    const { store, exp, parent } = await fixture();
    expect(ids(await searchRuns(store, { experimentIds: [exp.id], scope: 'parents' }))).toEqual([parent.id]);
    expect((await searchRuns(store, { scope: 'parents' })).map((r) => r.name)).toEqual([
      'sweep',
      'elsewhere',
    ]);
    expect(await searchRuns(store, { filter: childrenOfFilter(parent.id) })).toHaveLength(5);
    expect(await searchRuns(store, { experimentIds: [exp.id] })).toHaveLength(6);
  });

  it('rejects a bad query before reading anything', async () => {
    const { store } = await fixture();
    await expect(searchRuns(store, { filter: 'metrics.loss ~ 1' })).rejects.toBeInstanceOf(QueryError);
  });

  it('LIKE escapes regular expression characters', () => {
    expect(likeToRegExp('a.b(%)', false).test('a.b(xyz)')).toBe(true);
    expect(likeToRegExp('a.b', false).test('axb')).toBe(false);
    expect(likeToRegExp('A_', true).test('ab')).toBe(true);
  });
});
