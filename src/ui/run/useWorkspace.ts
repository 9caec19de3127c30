import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CompiledSpace, JsonValue } from '../../core';
import type { RuntimeState } from '../../runtime/runtime';
import { exampleDraft, sameDraft, type Draft } from '../draft/draft';
import {
  SAVE_MS,
  loadDraft,
  loadPrevious,
  saveDraft,
  savePrevious,
  type PreviousDraft,
} from '../draft/draftStorage';
import { useRuntime, useRuntimeSelector } from '../runtime/runtimeContext';
import { useTracking } from '../tracking/trackingContext';
import type { Run } from '../../tracking';
import { prepareResume } from './resumeRequest';
import { toRunRequest, type SettingsDraft } from '../settings/settingsModel';
import type { EditorProblem } from '../editor/CodeEditor';
import { useObjectiveCheck, useSpaceCheck } from './useSourceChecks';

const selectCores = (s: RuntimeState) => s.hello?.hardwareConcurrency;
const selectSandboxReady = (s: RuntimeState) => s.sandbox.state === 'ready';
const selectRunning = (s: RuntimeState) => s.run?.phase === 'running';
/** The last run once it ended (the same object until the next run ends): its failures by line. */
const selectEnded = (s: RuntimeState) => (s.run?.phase === 'ended' ? s.run : undefined);

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const localCores = () => Math.max(1, navigator.hardwareConcurrency || 1);
/** A draft as the plain JSON stored with its run. */
const asJson = (draft: Draft): JsonValue => JSON.parse(JSON.stringify(draft)) as JsonValue;

/**
 * The workspace's editable state (the draft: space, objective, settings, saved as you go), the live
 * checks of both modules, and the Run and Stop actions with their keyboard shortcuts: Ctrl/Cmd+Enter
 * runs, Escape stops.
 */
export function useWorkspace() {
  const runtime = useRuntime();
  const { store } = useTracking();
  // Only what the editors and buttons need: they must not re-render on every progress batch.
  const cores = useRuntimeSelector(selectCores) ?? localCores();
  const sandboxReady = useRuntimeSelector(selectSandboxReady);
  const runActive = useRuntimeSelector(selectRunning);
  const ended = useRuntimeSelector(selectEnded);
  const [draft, setDraft] = useState<Draft>(
    () => loadDraft(localCores()) ?? exampleDraft(undefined, localCores()),
  );
  const draftRef = useRef(draft);
  useEffect(() => {
    draftRef.current = draft;
  }, [draft]);
  /** The user's own work: anything but the untouched default example. */
  const hasOwnWork = useCallback(
    () => !sameDraft(draftRef.current, exampleDraft(undefined, localCores())),
    [],
  );
  const [previous, setPrevious] = useState<PreviousDraft | undefined>(() => loadPrevious(localCores()));
  const [startError, setStartError] = useState<string | undefined>(undefined);
  const [starting, setStarting] = useState(false);
  /** The compiled space of the last run started (the Results region evaluates argmin with it). */
  const [runSpace, setRunSpace] = useState<CompiledSpace | undefined>(undefined);
  const language = draft.settings.language;
  const space = useSpaceCheck(draft.space, language);
  const objectiveProblem = useObjectiveCheck(draft.objective, language);
  const running = starting || runActive;
  const canRun = !running && sandboxReady && space.check.status !== 'error';

  useEffect(() => {
    const timer = setTimeout(() => saveDraft(draft), SAVE_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  /** Replaces the draft (an example, a link), keeping the replaced one to restore. */
  const replaceDraft = useCallback(
    (next: Draft, what: string, keep = true) => {
      if (keep && !sameDraft(draft, next)) {
        const kept = { draft, what };
        setPrevious(kept);
        savePrevious(kept);
      }
      setDraft(next);
      setStartError(undefined);
    },
    [draft],
  );

  // Resume replaces the draft after an await: through a ref, so `resume` stays the same function.
  const replaceDraftRef = useRef(replaceDraft);
  useEffect(() => {
    replaceDraftRef.current = replaceDraft;
  }, [replaceDraft]);

  /** Swaps back to the replaced draft (the current one becomes the one to restore). */
  const restorePrevious = useCallback(() => {
    if (previous === undefined) return;
    const kept = { draft, what: 'your previous code' };
    setPrevious(kept);
    savePrevious(kept);
    setDraft(previous.draft);
  }, [draft, previous]);

  const dismissPrevious = useCallback(() => {
    setPrevious(undefined);
    savePrevious(undefined);
  }, []);

  const setSpace = useCallback((text: string) => setDraft((d) => ({ ...d, space: text })), []);
  const setObjective = useCallback((text: string) => setDraft((d) => ({ ...d, objective: text })), []);
  const setSettings = useCallback((settings: SettingsDraft) => setDraft((d) => ({ ...d, settings })), []);

  const run = useCallback(() => {
    if (!canRun) return;
    setStartError(undefined);
    setStarting(true);
    void (async () => {
      try {
        const checked = await space.evaluateNow();
        if (checked.status !== 'ok' || checked.document === undefined) {
          throw new Error(checked.problem?.message ?? 'The search space is not valid.');
        }
        // The draft goes with the run (its parent keeps it), so the run can be opened or resumed.
        await runtime.startRun(toRunRequest(draft.settings, checked.document, draft.objective), {
          draft: asJson(draft),
        });
        setRunSpace(checked.compiled);
      } catch (error) {
        setStartError(message(error));
      } finally {
        setStarting(false);
      }
    })();
  }, [canRun, runtime, space, draft]);

  const stop = useCallback(() => runtime.stopRun(), [runtime]);

  /**
   * Continues a recorded run to `maxEvals` in the same parent run; once it started, the playground
   * shows the run's draft (the replaced one stays restorable). Rejects with a sentence.
   */
  const resume = useCallback(
    async (run: Run, maxEvals: number): Promise<void> => {
      if (store === undefined) throw new Error('The run history is not open.');
      const prepared = await prepareResume(store, runtime, run, maxEvals, localCores());
      // The run's stored draft becomes the one it was resumed with (its new max evals).
      await runtime.startRun(prepared.request, {
        resumeRunId: run.id,
        draft: asJson(prepared.draft),
      });
      replaceDraftRef.current(prepared.draft, `the run “${run.name}”`);
      setRunSpace(prepared.space);
    },
    [store, runtime],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        run();
      } else if (event.key === 'Escape' && running) {
        event.preventDefault();
        stop();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, stop, running]);

  const objectiveProblems = useMemo(() => {
    const line = /at line (\d+)/.exec(startError ?? '');
    if (objectiveProblem !== undefined) return [objectiveProblem];
    if (startError !== undefined && startError.startsWith('The objective'))
      return [{ message: startError, line: line ? Number(line[1]) : undefined, source: 'objective' }];
    return [];
  }, [objectiveProblem, startError]);

  /** Where trials of the last run failed (the first trial per line), as warnings in the editor. */
  const objectiveWarnings = useMemo(() => {
    const rows = ended?.rows ?? [];
    // One pass counts every line (a filter per failing line was one more pass over all trials each).
    const counts = new Map<number, number>();
    for (const row of rows) {
      const line = row.error?.line;
      if (line !== undefined) counts.set(line, (counts.get(line) ?? 0) + 1);
    }
    const byLine = new Map<number, EditorProblem>();
    for (const row of rows) {
      const e = row.error;
      if (e?.line === undefined || byLine.has(e.line) || row.status !== 'failed') continue;
      const count = counts.get(e.line)!;
      byLine.set(e.line, {
        message: `${count === 1 ? 'A trial' : `${count} trials`} of the last run failed here, e.g. trial ${row.tid}: ${e.type}: ${e.message}`,
        line: e.line,
        source: 'last run',
        severity: 'warning',
      });
    }
    return [...byLine.values()];
  }, [ended]);

  return {
    cores,
    draft,
    setDraft,
    setSpace,
    setObjective,
    setSettings,
    space: space.check,
    runSpace,
    previous,
    replaceDraft,
    hasOwnWork,
    restorePrevious,
    dismissPrevious,
    objectiveProblems,
    objectiveWarnings,
    startError,
    running,
    canRun,
    run,
    stop,
    resume,
  };
}

export type Workspace = ReturnType<typeof useWorkspace>;
