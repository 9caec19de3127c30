import { useCallback, useEffect, useMemo, useState } from 'react';
import { parseSpaceDocument } from '../../core';
import { EXAMPLE_OBJECTIVE, EXAMPLE_SPACE_TEXT } from '../examples';
import type { RuntimeState } from '../../runtime/runtime';
import { useRuntime, useRuntimeSelector } from '../runtime/runtimeContext';
import { defaultSettings, toRunRequest, type SettingsDraft } from '../settings/settingsModel';

const selectCores = (s: RuntimeState) => s.hello?.hardwareConcurrency;
const selectSandboxReady = (s: RuntimeState) => s.sandbox.state === 'ready';
const selectRunning = (s: RuntimeState) => s.run?.phase === 'running';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Parses the space text; returns the document or why it is not one. */
function checkSpace(text: string): { doc: unknown; problem: string | undefined } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { doc: undefined, problem: `The search space is not valid JSON: ${message(error)}` };
  }
  try {
    parseSpaceDocument(doc);
    return { doc, problem: undefined };
  } catch (error) {
    return { doc, problem: message(error) };
  }
}

/**
 * The workspace's editable state (objective, space, settings) and the Run and Stop actions, with
 * the keyboard shortcuts: Ctrl/Cmd+Enter runs, Escape stops.
 */
export function useWorkspace() {
  const runtime = useRuntime();
  // Only what the editors and buttons need: they must not re-render on every progress batch.
  const cores = useRuntimeSelector(selectCores) ?? Math.max(1, navigator.hardwareConcurrency || 1);
  const sandboxReady = useRuntimeSelector(selectSandboxReady);
  const runActive = useRuntimeSelector(selectRunning);
  const [source, setSource] = useState(EXAMPLE_OBJECTIVE);
  const [spaceText, setSpaceText] = useState(EXAMPLE_SPACE_TEXT);
  const [settings, setSettings] = useState<SettingsDraft>(() => defaultSettings(cores));
  const [startError, setStartError] = useState<string | undefined>(undefined);
  const [starting, setStarting] = useState(false);
  const space = useMemo(() => checkSpace(spaceText), [spaceText]);
  const running = starting || runActive;
  const canRun = !running && sandboxReady && space.problem === undefined;

  const run = useCallback(() => {
    if (!canRun) return;
    setStartError(undefined);
    setStarting(true);
    runtime
      .startRun(toRunRequest(settings, space.doc, source))
      .catch((error: unknown) => setStartError(message(error)))
      .finally(() => setStarting(false));
  }, [canRun, runtime, settings, space.doc, source]);

  const stop = useCallback(() => runtime.stopRun(), [runtime]);

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

  return {
    cores,
    source,
    setSource,
    spaceText,
    setSpaceText,
    spaceProblem: space.problem,
    settings,
    setSettings,
    startError,
    running,
    canRun,
    run,
    stop,
  };
}
