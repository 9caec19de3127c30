import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyChildSummary } from '../../tracking';
import type { Run } from '../../tracking';
import { runFixture } from '../../tracking/runFixture';
import { bestLossOf, cellText, trialsText } from './columns';
import { flattenTree, type Sort, type TreeSource } from './treeRows';

const run = runFixture;

const withKids = (id: string, total: number, over: Partial<Run> = {}) =>
  run(id, { children: { ...emptyChildSummary(), total, finished: total }, ...over });

function source(roots: Run[], kids: Record<string, Run[]>, expanded: string[]): TreeSource {
  return {
    roots,
    childrenOf: (r) => kids[r.id],
    hasChildren: (r) => r.children.total > 0,
    isExpanded: (id) => expanded.includes(id),
  };
}

const NEWEST: Sort = { column: 'start', dir: 'desc' };

describe('flattenTree', () => {
  it('puts expanded children under their parent, depth first, with levels and positions', () => {
    const p1 = withKids('p1', 2, { startTime: 1 });
    const p2 = withKids('p2', 1, { startTime: 2 });
    const c1 = withKids('c1', 1, { parentRunId: 'p1', startTime: 5 });
    const c2 = run('c2', { parentRunId: 'p1', startTime: 6 });
    const g = run('g', { parentRunId: 'c1' });
    const rows = flattenTree(source([p1, p2], { p1: [c1, c2], c1: [g] }, ['p1', 'c1']), NEWEST, 0);
    expect(rows.map((r) => [r.run.id, r.level, r.posInSet, r.setSize])).toEqual([
      ['p2', 1, 1, 2],
      ['p1', 1, 2, 2],
      ['c2', 2, 1, 2],
      ['c1', 2, 2, 2],
      ['g', 3, 1, 1],
    ]);
    expect(rows.find((r) => r.run.id === 'g')!.parent?.id).toBe('c1');
    expect(rows[0]!.expandable && !rows[0]!.expanded).toBe(true);
  });

  it('marks an expanded run whose children are not read yet as loading', () => {
    const rows = flattenTree(source([withKids('p', 3)], {}, ['p']), NEWEST, 0);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.loading).toBe(true);
  });

  it('sorts by any column, runs without the value last in both directions', () => {
    const runs = [
      run('a', { metrics: { loss: { value: 2, step: 0, timestamp: 0 } } }),
      run('b'),
      run('c', { metrics: { loss: { value: 1, step: 0, timestamp: 0 } } }),
    ];
    const order = (dir: 'asc' | 'desc') =>
      flattenTree(source(runs, {}, []), { column: 'bestLoss', dir }, 0).map((r) => r.run.id);
    expect(order('asc')).toEqual(['c', 'a', 'b']);
    expect(order('desc')).toEqual(['a', 'c', 'b']);
  });

  it('every run shows once, whatever the sort (property)', () => {
    const columns = ['name', 'status', 'start', 'duration', 'trials', 'bestLoss'] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ start: fc.integer({ min: 0, max: 50 }), loss: fc.option(fc.double({ noNaN: true })) }),
          {
            maxLength: 30,
          },
        ),
        fc.constantFrom(...columns),
        fc.boolean(),
        (specs, column, asc) => {
          const runs = specs.map((s, i) =>
            run(`r${i}`, {
              startTime: s.start,
              metrics: s.loss === null ? {} : { loss: { value: s.loss, step: 0, timestamp: 0 } },
            }),
          );
          const rows = flattenTree(source(runs, {}, []), { column, dir: asc ? 'asc' : 'desc' }, 100);
          expect(rows.map((r) => r.run.id).sort()).toEqual(runs.map((r) => r.id).sort());
        },
      ),
    );
  });
});

describe('columns', () => {
  it('say what a parent did and a child scored', () => {
    const parent = run('p', {
      params: { algo: 'hyperopt.tpe', actual_parallelism: '4' },
      tags: { 'playground.endReason': 'interrupted' },
      status: 'KILLED',
      children: { total: 10, running: 0, finished: 6, failed: 1, killed: 3, bestLoss: 0.25, bestRunId: 'c' },
    });
    expect(cellText('status', parent, 0)).toBe('KILLED (interrupted)');
    expect(cellText('algorithm', parent, 0)).toBe('tpe');
    expect(cellText('parallelism', parent, 0)).toBe('4');
    expect(trialsText(parent)).toBe('7 · 1 failed · 3 interrupted');
    expect(bestLossOf(parent)).toBe(0.25);
    const child = run('c', { metrics: { loss: { value: 0.5, step: 0, timestamp: 0 } } });
    expect(cellText('bestLoss', child, 0)).toBe('0.5');
    expect(cellText('trials', child, 0)).toBe('');
    expect(cellText('duration', run('r', { status: 'RUNNING', endTime: null, startTime: 0 }), 1500)).toBe(
      '1.50 s',
    );
  });
});
