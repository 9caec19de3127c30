import type { Run } from '../../../tracking';
import { OpenInPlayground } from './OpenInPlayground';
import { ResumeRun } from './ResumeRun';

/** The run page's playground actions: a parent (fmin) run opens in the playground and resumes. */
export function RunActions({ run }: { run: Run }) {
  if (run.parentRunId !== null) return null;
  return (
    <>
      <OpenInPlayground run={run} />
      <ResumeRun run={run} />
    </>
  );
}
