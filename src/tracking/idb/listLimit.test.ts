import { describe, expect, it } from 'vitest';
import { openTestStore } from '../testSupport';

async function setup() {
  const store = await openTestStore();
  const exp = await store.createExperiment('demo');
  const other = await store.createExperiment('other');
  const parent = await store.createRun({ experimentId: exp.id, parentRunId: null, name: 'p', startTime: 0 });
  for (let i = 0; i < 7; i++)
    await store.createRun({ experimentId: exp.id, parentRunId: parent.id, name: `c${i}`, startTime: i + 1 });
  await store.createRun({ experimentId: exp.id, parentRunId: null, name: 'q', startTime: 10 });
  await store.createRun({ experimentId: other.id, parentRunId: null, name: 'r', startTime: 11 });
  return { store, exp, parent };
}

const ids = (runs: { id: string }[]) => runs.map((r) => r.id);

describe('IdbRunStore.listRuns with a limit', () => {
  it('gives the first runs by id of the same list, for every kind of query', async () => {
    const { store, exp, parent } = await setup();
    const queries = [
      { parentRunId: parent.id },
      { parentRunId: parent.id, experimentId: exp.id },
      { parentRunId: null },
      { parentRunId: null, experimentId: exp.id },
      { experimentId: exp.id },
      {},
    ];
    for (const query of queries) {
      const all = await store.listRuns(query);
      for (const limit of [1, 3, 100]) {
        const some = await store.listRuns({ ...query, limit });
        expect(some.length).toBe(Math.min(limit, all.length));
        // Indexes return runs in id order within a key: the first of the full list.
        expect(ids(some).every((id) => ids(all).includes(id))).toBe(true);
        if (query.parentRunId !== undefined && query.parentRunId !== null)
          expect(ids(some)).toEqual(ids(all).slice(0, limit));
      }
    }
  });

  it('lists nothing for a limit of 0, and decodes what it lists', async () => {
    const { store, parent } = await setup();
    expect(await store.listRuns({ parentRunId: parent.id, limit: 0 })).toEqual([]);
    const [first] = await store.listRuns({ parentRunId: parent.id, limit: 1 });
    expect(first).toEqual(await store.getRun(first!.id));
  });
});

describe('IdbRunStore.listRunsInBatches', () => {
  it('hands over the runs listRuns lists, in order, at most batchSize at a time', async () => {
    const { store, exp, parent } = await setup();
    const queries = [
      { parentRunId: parent.id },
      { parentRunId: parent.id, experimentId: 'elsewhere' },
      { parentRunId: null },
      { parentRunId: null, experimentId: exp.id },
      { experimentId: exp.id },
      {},
    ];
    for (const query of queries) {
      for (const size of [1, 3, 50]) {
        const batches: string[][] = [];
        await store.listRunsInBatches(query, size, (runs) => batches.push(ids(runs)));
        expect(batches.flat()).toEqual(ids(await store.listRuns(query)));
        expect(batches.every((b) => b.length > 0 && b.length <= size)).toBe(true);
      }
    }
  });
});
