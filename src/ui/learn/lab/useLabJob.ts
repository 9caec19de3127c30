/**
 * One simulation at a time for a topic: run a request on the lab worker (LabClientContext), follow
 * its progress, cancel it, keep the last result on screen.
 */
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { LabJob } from '../../../runtime/lab/labClient';
import type { LabProgress, LabResult } from '../../../runtime/lab/labProtocol';
import type { LabRequest } from '../../../runtime/lab/labRequest';
import { LabClientContext } from './labClientContext';

export type LabJobStatus =
  | { phase: 'idle' }
  | { phase: 'running'; progress: LabProgress }
  | { phase: 'done'; millis: number }
  | { phase: 'cancelled'; progress: LabProgress }
  | { phase: 'failed'; message: string };

export function useLabJob<R extends LabResult>(kind: R['kind']) {
  const [status, setStatus] = useState<LabJobStatus>({ phase: 'idle' });
  const [result, setResult] = useState<R | undefined>(undefined);
  const job = useRef<LabJob | undefined>(undefined);
  const clients = useContext(LabClientContext);

  // Leaving the topic abandons its simulation.
  useEffect(() => () => job.current?.cancel(), []);

  const run = useCallback(
    (request: LabRequest) => {
      job.current?.cancel();
      let progress: LabProgress = { done: 0, total: 0 };
      setStatus({ phase: 'running', progress });
      let current: LabJob;
      try {
        current = clients.get().run(request, (p) => {
          progress = p;
          if (job.current === current) setStatus({ phase: 'running', progress: p });
        });
      } catch (error) {
        setStatus({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
        return;
      }
      job.current = current;
      current.done.then(
        (outcome) => {
          if (job.current !== current) return;
          job.current = undefined;
          if (outcome.status === 'cancelled') return setStatus({ phase: 'cancelled', progress });
          if (outcome.result.kind !== kind) {
            return setStatus({
              phase: 'failed',
              message: `The lab worker answered a ${outcome.result.kind}, not a ${kind}.`,
            });
          }
          setResult(outcome.result as R);
          setStatus({ phase: 'done', millis: outcome.result.computeMillis });
        },
        (error: unknown) => {
          if (job.current !== current) return;
          job.current = undefined;
          const message = error instanceof Error ? error.message : String(error);
          // A refused request leaves the worker healthy; anything else may not have.
          if (!(error instanceof Error && error.name === 'LabRequestError')) clients.drop();
          setStatus({ phase: 'failed', message });
        },
      );
    },
    [kind, clients],
  );

  const cancel = useCallback(() => job.current?.cancel(), []);

  const [formError, setFormError] = useState<string | undefined>(undefined);
  /** Builds the request from the form (its sentence shown instead when it throws) and runs it. */
  const start = useCallback(
    (build: () => LabRequest) => {
      let request: LabRequest;
      try {
        request = build();
      } catch (error) {
        setFormError(error instanceof Error ? error.message : String(error));
        return;
      }
      setFormError(undefined);
      run(request);
    },
    [run],
  );

  return { status, result, formError, start, cancel };
}
