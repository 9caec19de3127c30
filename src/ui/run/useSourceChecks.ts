/**
 * The editors' live checks, debounced so typing never waits: the space module is evaluated in the
 * sandbox (through the runtime) into a validated SpaceDocument, and the objective is compiled for
 * syntax errors. Each answer is kept only if it is for the text still in the editor.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { parseSpaceDocument, type CompiledSpace, type SpaceDocument } from '../../core';
import type { RuntimeState, SourceRequest } from '../../runtime/runtime';
import type { EditorProblem } from '../editor/CodeEditor';
import { useRuntime, useRuntimeSelector } from '../runtime/runtimeContext';

const SPACE_DEBOUNCE_MS = 250;
const OBJECTIVE_DEBOUNCE_MS = 400;

export interface SpaceCheck {
  /** The text this check is for. */
  source: string;
  status: 'checking' | 'ok' | 'error';
  document?: SpaceDocument;
  compiled?: CompiledSpace;
  problem?: EditorProblem;
}

const selectSandboxReady = (s: RuntimeState) => s.sandbox.state === 'ready';
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Evaluates the space as the user types; `evaluateNow` gives the check for the current text. */
export function useSpaceCheck(source: string, language: SourceRequest['language']) {
  const runtime = useRuntime();
  const ready = useRuntimeSelector(selectSandboxReady);
  const [check, setCheck] = useState<SpaceCheck>({ source: '', status: 'checking' });
  const latest = useRef({ source, language });
  latest.current = { source, language };

  const evaluate = useCallback(
    async (request: SourceRequest): Promise<SpaceCheck> => {
      let result: SpaceCheck;
      try {
        const answer = await runtime.evaluateSpace(request);
        result = answer.ok
          ? {
              source: request.source,
              status: 'ok',
              document: answer.document,
              compiled: parseSpaceDocument(answer.document),
            }
          : {
              source: request.source,
              status: 'error',
              problem: { message: answer.message, line: answer.line, source: 'space' },
            };
      } catch (error) {
        result = {
          source: request.source,
          status: 'error',
          problem: { message: message(error), line: undefined, source: 'space' },
        };
      }
      const current = latest.current;
      if (current.source === request.source && current.language === request.language) setCheck(result);
      return result;
    },
    [runtime],
  );

  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => void evaluate({ source, language }), SPACE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [ready, source, language, evaluate]);

  const evaluateNow = useCallback(
    () =>
      check.source === latest.current.source && check.status !== 'checking'
        ? Promise.resolve(check)
        : evaluate(latest.current),
    [check, evaluate],
  );

  const current: SpaceCheck = check.source === source ? check : { ...check, status: 'checking' };
  return { check: current, evaluateNow };
}

/** The objective's syntax error (with its line), checked as the user types. */
export function useObjectiveCheck(source: string, language: SourceRequest['language']) {
  const runtime = useRuntime();
  const [problem, setProblem] = useState<{ source: string; problem: EditorProblem | undefined }>();

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      runtime.checkObjective({ source, language }).then(
        (answer) =>
          current &&
          setProblem({
            source,
            problem: answer.ok
              ? undefined
              : { message: answer.message, line: answer.line, source: 'objective' },
          }),
        () => undefined,
      );
    }, OBJECTIVE_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [runtime, source, language]);

  return problem?.source === source ? problem.problem : undefined;
}
