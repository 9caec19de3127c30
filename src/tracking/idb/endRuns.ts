/**
 * Ending runs so that no child is ever left RUNNING under an ended parent: ending a parent kills
 * its running children in the same transaction, and on open, runs whose tab is gone are ended as
 * KILLED ("interrupted").
 */
import { decodeRunRow } from '../db/rows';
import { INDEX, STORE } from '../db/schema';
import { RunNotFoundError } from '../errors';
import type { RunDelta } from '../runStore';
import { TAG_END_REASON } from '../types';
import type { Run, RunStatus } from '../types';
import { writeDeltas } from './writeDeltas';
import type { WriteTx } from './writeDeltas';

export const REASON_PARENT_ENDED = 'parent run ended';
export const REASON_INTERRUPTED = 'interrupted';

function kill(id: string, reason: string, now: number): RunDelta {
  return { id, status: 'KILLED', endTime: now, tags: { [TAG_END_REASON]: reason } };
}

/** Ends run `id` and its RUNNING children; returns how many children were killed (0 if it had ended). */
export async function endRunTx(
  tx: WriteTx,
  id: string,
  status: Exclude<RunStatus, 'RUNNING'>,
  reason: string | undefined,
  endTime: number,
): Promise<number> {
  const runs = tx.objectStore(STORE.runs);
  const row = await runs.get(id);
  if (row === undefined) throw new RunNotFoundError(id);
  if (row.status !== 'RUNNING') return 0;
  const deltas: RunDelta[] = [];
  // The child summary says whether there is anything to kill, so ending a parent of 10,000
  // finished children reads none of them.
  if (row.children.running > 0) {
    const children = await runs.index(INDEX.runsByParent).getAll(id);
    for (const child of children)
      if (child.status === 'RUNNING') deltas.push(kill(child.id, REASON_PARENT_ENDED, endTime));
  }
  const end: RunDelta = { id, status, endTime };
  if (reason !== undefined) end.tags = { [TAG_END_REASON]: reason };
  deltas.push(end);
  await writeDeltas(tx, deltas, endTime);
  return deltas.length - 1;
}

/** Kills dead top-level runs and children left RUNNING under ended parents; returns the ids ended. */
export async function reapTx(tx: WriteTx, isAlive: (run: Run) => boolean, now: number): Promise<string[]> {
  const running = (await tx.objectStore(STORE.runs).index(INDEX.runsByRunning).getAll(1)).map(decodeRunRow);
  const dead = new Set(running.filter((r) => r.parentRunId === null && !isAlive(r)).map((r) => r.id));
  // A dead run ended when its tab last showed a sign of life, not when we noticed.
  const diedAt = new Map(running.filter((r) => dead.has(r.id)).map((r) => [r.id, r.heartbeatAt ?? now]));
  const stillRunning = new Set(running.filter((r) => !dead.has(r.id)).map((r) => r.id));
  const deltas: RunDelta[] = [];
  for (const run of running) {
    if (dead.has(run.id)) continue;
    const parent = run.parentRunId;
    if (parent === null) continue;
    // A child whose parent died with the tab was interrupted too; one whose parent ended normally
    // was left behind by a crash between the two writes (which one transaction rules out, but old
    // data may have it).
    if (dead.has(parent)) deltas.push(kill(run.id, REASON_INTERRUPTED, diedAt.get(parent)!));
    else if (!stillRunning.has(parent)) deltas.push(kill(run.id, REASON_PARENT_ENDED, now));
  }
  for (const id of dead) deltas.push(kill(id, REASON_INTERRUPTED, diedAt.get(id)!));
  if (deltas.length > 0) await writeDeltas(tx, deltas, now);
  return deltas.map((d) => d.id);
}
