import { describe, expect, it } from 'vitest';
import { emptyChildSummary } from '../../tracking';
import type { Run } from '../../tracking';
import { selectionRoots, withIds } from './selection';
import { collectKeys, emptyCatalog, quoteKey, suggest } from './suggest';

const catalog = () => {
  const c = emptyCatalog();
  collectKeys(c, [
    {
      id: 'r',
      params: { x: '1', max_evals: '10', 'model type': 'knn' },
      metrics: { loss: { value: 1, step: 0, timestamp: 0 } },
      tags: { 'mlflow.parentRunId': 'p' },
    } as unknown as Run,
  ]);
  return c;
};
const inserts = (text: string, cursor = text.length) =>
  suggest(text, cursor, catalog()).items.map((i) => i.insert);

describe('suggest', () => {
  it('offers entities where an identifier starts, then the keys under the one typed', () => {
    expect(inserts('')).toEqual(['metrics.', 'params.', 'tags.', 'attributes.']);
    expect(inserts('par')).toEqual(['params.']);
    expect(inserts('params.')).toEqual(['params.max_evals', 'params.`model type`', 'params.x']);
    expect(inserts('params.ma')).toEqual(['params.max_evals']);
    expect(inserts('metrics.')).toEqual(['metrics.loss']);
    expect(inserts('tags.mlf')).toEqual(['tags.mlflow.parentRunId']);
    expect(inserts('attributes.st')).toEqual(['attributes.start_time', 'attributes.status']);
    expect(inserts('metrics.loss < 1 and par')).toEqual(['params.']);
  });

  it('offers nothing where a value or an operator is typed', () => {
    expect(inserts('metrics.loss < ')).toEqual([]);
    expect(inserts("params.x = 'pa")).toEqual([]);
    expect(inserts('nonsense.')).toEqual([]);
  });

  it('replaces the whole word around the cursor', () => {
    const s = suggest('params.ma < 1', 9, catalog());
    expect([s.from, s.to]).toEqual([0, 9]);
  });

  it('backticks keys MLflow cannot take bare', () => {
    expect(quoteKey('lr')).toBe('lr');
    expect(quoteKey('a.b')).toBe('a.b');
    expect(quoteKey('model type')).toBe('`model type`');
    expect(quoteKey('1st')).toBe('`1st`');
  });
});

describe('selection', () => {
  const run = (id: string, parentRunId: string | null) =>
    ({ id, parentRunId, children: emptyChildSummary() }) as unknown as Run;
  const known = new Map(
    [run('p', null), run('c', 'p'), run('g', 'c'), run('q', null)].map((r) => [r.id, r] as const),
  );

  it('names each run once: runs under a selected ancestor are covered by it', () => {
    expect(selectionRoots(['g', 'p', 'q'], known)).toEqual(['p', 'q']);
    expect(selectionRoots(['g', 'c'], known)).toEqual(['c']);
    expect(selectionRoots(['unknown'], known)).toEqual(['unknown']);
  });

  it('adds and removes ids, keeping the same set when nothing changes', () => {
    const s = new Set(['a']);
    expect(withIds(s, ['a'], true)).toBe(s);
    expect([...withIds(s, ['b'], true)]).toEqual(['a', 'b']);
    expect([...withIds(s, ['a'], false)]).toEqual([]);
  });
});
