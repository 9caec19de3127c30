/**
 * Importing an export file. Never overwrites: a run whose id already exists is imported under a
 * new id (children and `mlflow.parentRunId` tags follow it), or skipped with `onConflict: 'skip'`;
 * the report lists every such case. Everything is written in one strict transaction, so an import
 * is all or nothing.
 */
import { newId } from '../ids';
import type { RunDelta, RunStore } from '../runStore';
import { TAG_END_REASON, TAG_PARENT_RUN_ID } from '../types';
import type { ArtifactContent } from '../types';
import { base64ToBlob } from './base64';
import { decodeExportFile } from './format';
import type { ExportedRun } from './format';
import { ImportFormatError } from '../errors';

export interface ImportOptions {
  /** 'newIds' (default): conflicting runs get fresh ids. 'skip': they (and their children) are left out. */
  onConflict?: 'newIds' | 'skip';
  /** Put every run into this experiment instead of the file's. */
  experimentId?: string;
  newId?: () => string;
}

export interface ImportReport {
  imported: number;
  /** Runs whose id was taken, with the id they got. */
  renamed: { from: string; to: string }[];
  skipped: string[];
  experimentsCreated: string[];
  /** Other things worth telling the user, in words. */
  notes: string[];
}

function artifactOf(
  a: ExportedRun['artifacts'][number],
  runId: string,
): { name: string; content: ArtifactContent } {
  if (a.kind === 'text') return { name: a.name, content: { kind: 'text', text: a.text } };
  if (a.kind === 'json') return { name: a.name, content: { kind: 'json', value: a.value } };
  try {
    return { name: a.name, content: { kind: 'image', blob: base64ToBlob(a.base64, a.mimeType) } };
  } catch {
    throw new ImportFormatError(`the image artifact '${a.name}' of run ${runId}`, 'is not valid base64');
  }
}

/** Imports an export file (parsed or text) into the store. @throws ImportFormatError, or the store's errors. */
export async function importRuns(
  store: RunStore,
  input: unknown,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const file = decodeExportFile(input);
  const makeId = options.newId ?? newId;
  const report: ImportReport = { imported: 0, renamed: [], skipped: [], experimentsCreated: [], notes: [] };
  if (options.experimentId === undefined) {
    for (const experiment of file.experiments)
      if (await store.ensureExperiment(experiment)) report.experimentsCreated.push(experiment.id);
  }
  const inFile = new Set(file.runs.map((r) => r.id));
  const idMap = new Map<string, string>();
  const skipped = new Set<string>();
  for (const run of file.runs) {
    if (run.parentRunId !== null && skipped.has(run.parentRunId)) {
      skipped.add(run.id);
      continue;
    }
    if ((await store.getRun(run.id)) === undefined) {
      idMap.set(run.id, run.id);
    } else if (options.onConflict === 'skip') {
      skipped.add(run.id);
    } else {
      const to = makeId();
      idMap.set(run.id, to);
      report.renamed.push({ from: run.id, to });
    }
  }
  report.skipped = [...skipped];
  const deltas: RunDelta[] = [];
  for (const run of file.runs) {
    const id = idMap.get(run.id);
    if (id === undefined) continue;
    let parentRunId = run.parentRunId === null ? null : (idMap.get(run.parentRunId) ?? run.parentRunId);
    const tags = Object.fromEntries(Object.entries(run.tags).filter(([k]) => k !== TAG_PARENT_RUN_ID));
    if (
      run.parentRunId !== null &&
      !inFile.has(run.parentRunId) &&
      (await store.getRun(run.parentRunId)) === undefined
    ) {
      report.notes.push(
        `Run ${id} was imported as a top-level run: its parent ${run.parentRunId} is neither in the file nor here.`,
      );
      parentRunId = null;
    }
    if (parentRunId !== null) tags[TAG_PARENT_RUN_ID] = parentRunId;
    // An imported run has no tab running it.
    const status = run.status === 'RUNNING' ? 'KILLED' : run.status;
    if (run.status === 'RUNNING') tags[TAG_END_REASON] = 'interrupted';
    const experimentId = options.experimentId ?? run.experimentId;
    const delta: RunDelta = {
      id,
      create: { experimentId, parentRunId, name: run.name, startTime: run.startTime },
      params: run.params,
      tags,
      metrics: run.metrics,
      artifacts: run.artifacts.map((a) => artifactOf(a, run.id)),
      status,
      endTime: run.endTime ?? run.startTime,
    };
    if (run.trial !== null) delta.trial = run.trial;
    deltas.push(delta);
  }
  await store.write(deltas, { durability: 'strict' });
  report.imported = deltas.length;
  return report;
}
