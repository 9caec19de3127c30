/**
 * Exporting runs, or a whole experiment, as one export file (format.ts): each run with all its
 * descendants, metric histories and artifacts, images as base64. Reads happen in short read
 * transactions; Blob reading and base64 happen after them.
 */
import { TrackingError } from '../errors';
import type { RunStore } from '../runStore';
import type { Experiment, Run } from '../types';
import { blobToBase64 } from './base64';
import { EXPORT_FORMAT, EXPORT_VERSION } from './format';
import type { ExportFile, ExportedArtifact, ExportedRun } from './format';

/** `roots` and all their descendants, parents before children. */
async function withDescendants(store: RunStore, roots: readonly Run[]): Promise<Run[]> {
  const out: Run[] = [];
  let level = [...roots];
  while (level.length > 0) {
    out.push(...level);
    const children = await Promise.all(
      level.filter((r) => r.children.total > 0).map((r) => store.listRuns({ parentRunId: r.id })),
    );
    level = children.flat();
  }
  return out;
}

async function exportFile(store: RunStore, runs: Run[], clock: () => number): Promise<ExportFile> {
  const data = await store.readRunData(runs.map((r) => r.id));
  const exported: ExportedRun[] = [];
  for (const run of runs) {
    const { metrics, artifacts } = data.get(run.id) ?? { metrics: [], artifacts: [] };
    const files: ExportedArtifact[] = [];
    for (const { name, content } of artifacts) {
      if (content.kind === 'text') files.push({ name, kind: 'text', text: content.text });
      else if (content.kind === 'json') files.push({ name, kind: 'json', value: content.value });
      else
        files.push({
          name,
          kind: 'image',
          mimeType: content.blob.type,
          base64: await blobToBase64(content.blob),
        });
    }
    exported.push({
      id: run.id,
      experimentId: run.experimentId,
      name: run.name,
      status: run.status,
      startTime: run.startTime,
      endTime: run.endTime,
      parentRunId: run.parentRunId,
      params: run.params,
      tags: run.tags,
      metrics,
      artifacts: files,
      trial: run.trial,
    });
  }
  const ids = new Set(runs.map((r) => r.experimentId));
  const experiments = (await store.listExperiments()).filter((e: Experiment) => ids.has(e.id));
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: clock(), experiments, runs: exported };
}

/** Runs (with their children and artifacts) as one export file. */
export async function exportRuns(
  store: RunStore,
  runIds: readonly string[],
  clock: () => number = Date.now,
): Promise<ExportFile> {
  const roots: Run[] = [];
  for (const id of runIds) {
    const run = await store.getRun(id);
    if (run === undefined) throw new TrackingError(`There is no run with id ${id} to export.`);
    roots.push(run);
  }
  return exportFile(store, await withDescendants(store, roots), clock);
}

/** A whole experiment as one export file. */
export async function exportExperiment(
  store: RunStore,
  experimentId: string,
  clock: () => number = Date.now,
): Promise<ExportFile> {
  const roots = await store.listRuns({ experimentId, parentRunId: null });
  const file = await exportFile(store, await withDescendants(store, roots), clock);
  if (file.experiments.length === 0)
    file.experiments = (await store.listExperiments()).filter((e) => e.id === experimentId);
  return file;
}

/** The file's text: what the UI offers for download. */
export function exportText(file: ExportFile): string {
  return JSON.stringify(file);
}
