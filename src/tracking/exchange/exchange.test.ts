import { describe, expect, it } from 'vitest';
import { ImportFormatError } from '../errors';
import { manualClock, openTestStore, sequentialIds } from '../testSupport';
import { childRunsCsv, csvField, runsToCsv } from './csv';
import { exportExperiment, exportRuns, exportText } from './exportRuns';
import { decodeExportFile } from './format';
import type { ExportFile } from './format';
import { importRuns } from './importRuns';

async function source() {
  const store = await openTestStore({ newId: sequentialIds('src') });
  const exp = await store.createExperiment('sweeps');
  const parent = await store.createRun({
    experimentId: exp.id,
    parentRunId: null,
    name: 'fmin',
    startTime: 10,
    params: { max_evals: '2' },
    tags: { runSource: 'hyperoptAutoTracking' },
  });
  const png = new Blob([new Uint8Array([137, 80, 78, 71, 0, 255])], { type: 'image/png' });
  const create = { experimentId: exp.id, parentRunId: parent.id, name: 'trial', startTime: 11 };
  const trial = {
    vals: { x: 0.5 },
    outcome: 'ok' as const,
    loss: 0.25,
    durationMs: 3,
    error: null,
    result: null,
  };
  await store.write([
    {
      id: 'child-a',
      create,
      params: { x: '0.5', note: 'has, comma "and" quotes\nand a newline' },
      tags: { trial_status: 'success', formula: '=HYPERLINK("x")' },
      metrics: [
        { key: 'loss', value: 0.5, step: 0, timestamp: 11 },
        { key: 'loss', value: 0.25, step: 1, timestamp: 12 },
      ],
      artifacts: [
        { name: 'log.txt', content: { kind: 'text', text: 'hello' } },
        { name: 'cfg.json', content: { kind: 'json', value: { depth: 3, tags: ['a'] } } },
        { name: 'plot.png', content: { kind: 'image', blob: png } },
      ],
      status: 'FINISHED',
      endTime: 13,
      trial: { ...trial, tid: 0 },
    },
    {
      id: 'child-b',
      create,
      params: { x: '-1' },
      metrics: [{ key: 'loss', value: 1, step: 0, timestamp: 12 }],
      status: 'FAILED',
      endTime: 14,
      trial: { ...trial, tid: 1, outcome: 'failed' },
    },
  ]);
  await store.endRun(parent.id, 'FINISHED', { endTime: 20 });
  return { store, exp, parent };
}

/** An export without the fields that differ between two stores holding the same runs. */
function comparable(file: ExportFile, rename: (id: string) => string = (id) => id) {
  return file.runs.map((r) => ({
    ...r,
    id: rename(r.id),
    parentRunId: r.parentRunId && rename(r.parentRunId),
    tags: { ...r.tags, ...(r.parentRunId ? { 'mlflow.parentRunId': rename(r.parentRunId) } : {}) },
  }));
}

describe('export and import', () => {
  it('round-trips a run with its children, histories and artifacts (images as base64) into an empty store', async () => {
    const { store, parent } = await source();
    const file = await exportRuns(store, [parent.id], manualClock());
    expect(file.runs.map((r) => r.id)).toEqual([parent.id, 'child-a', 'child-b']);
    const image = file.runs[1]!.artifacts.find((a) => a.name === 'plot.png');
    expect(image).toEqual({ name: 'plot.png', kind: 'image', mimeType: 'image/png', base64: 'iVBORwD/' });

    const target = await openTestStore();
    const report = await importRuns(target, exportText(file));
    expect(report).toMatchObject({
      imported: 3,
      renamed: [],
      skipped: [],
      experimentsCreated: [file.experiments[0]!.id],
    });
    const again = await exportRuns(target, [parent.id], manualClock());
    expect(again).toEqual(file);
    expect((await target.getRun(parent.id))!.children).toEqual((await store.getRun(parent.id))!.children);
    const png = await target.getArtifact('child-a', 'plot.png');
    expect(png?.kind === 'image' && [...new Uint8Array(await png.blob.arrayBuffer())]).toEqual([
      137, 80, 78, 71, 0, 255,
    ]);
  });

  it('never overwrites: conflicting ids are imported as new ids (children follow) and reported', async () => {
    const { store, exp, parent } = await source();
    const file = await exportExperiment(store, exp.id, manualClock());
    const before = await store.listRuns();
    const ids = sequentialIds('new');
    const report = await importRuns(store, file, { newId: ids });
    expect(report.renamed).toEqual([
      { from: parent.id, to: 'new0001' },
      { from: 'child-a', to: 'new0002' },
      { from: 'child-b', to: 'new0003' },
    ]);
    expect(report.experimentsCreated).toEqual([]);
    // The originals are untouched, and the copies are the same runs under their new ids.
    for (const run of before) expect(await store.getRun(run.id)).toEqual(run);
    const copy = await exportRuns(store, ['new0001'], manualClock());
    const renamed = Object.fromEntries(report.renamed.map((r) => [r.from, r.to]));
    expect(comparable(copy)).toEqual(comparable(file, (id) => renamed[id] ?? id));
    expect((await store.getRun('new0002'))!.tags['mlflow.parentRunId']).toBe('new0001');
  });

  it('can skip conflicting runs instead, with their children', async () => {
    const { store, exp } = await source();
    const file = await exportExperiment(store, exp.id);
    expect(await importRuns(store, file, { onConflict: 'skip' })).toMatchObject({
      imported: 0,
      skipped: expect.arrayContaining(['child-a', 'child-b']),
    });
  });

  it('rejects files that are not exports, naming the field', () => {
    expect(() => decodeExportFile('{')).toThrow(ImportFormatError);
    expect(() => decodeExportFile({ format: 'other' })).toThrow(
      "This file cannot be imported: format must be 'hyperopt-playground-runs'.",
    );
    const bad = {
      format: 'hyperopt-playground-runs',
      version: 1,
      exportedAt: 0,
      experiments: [{ id: 'e', name: 'e', createdAt: 0 }],
      runs: [{ id: 'r', experimentId: 'e', name: 'n', status: 'DONE' }],
    };
    expect(() => decodeExportFile(bad)).toThrow(
      'runs[0].status must be one of RUNNING, FINISHED, FAILED, KILLED',
    );
    expect(() => decodeExportFile({ ...bad, version: 2 })).toThrow('version 2 is not supported');
  });
});

describe('CSV of child runs', () => {
  it('escapes commas, quotes and newlines, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-0.5')).toBe('-0.5');
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(-2)).toBe('-2');
    expect(csvField(null)).toBe('');
  });

  it('has params, metrics and tags columns, one row per child in trial order', async () => {
    const { store, parent } = await source();
    const csv = await childRunsCsv(store, parent.id);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'run_id,run_name,status,start_time,end_time,tid,params.note,params.x,metrics.loss,tags.formula,tags.mlflow.parentRunId,tags.trial_status',
    );
    expect(lines[1]).toBe(
      `child-a,trial,FINISHED,1970-01-01T00:00:00.011Z,1970-01-01T00:00:00.013Z,0,"has, comma ""and"" quotes\nand a newline",0.5,0.25,"'=HYPERLINK(""x"")",${parent.id},success`,
    );
    expect(lines[2]).toBe(
      `child-b,trial,FAILED,1970-01-01T00:00:00.011Z,1970-01-01T00:00:00.014Z,1,,-1,1,,${parent.id},`,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(runsToCsv([])).toBe('run_id,run_name,status,start_time,end_time,tid\r\n');
  });
});
