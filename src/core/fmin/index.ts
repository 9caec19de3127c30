// fmin (hyperopt/fmin.py) and its evaluation plumbing.
export { fmin, runFmin } from './fmin';
export type { FminReport } from './fmin';
export type { StopReason } from './context';
export type { FminOptions, FminCommonOptions } from './options';
export { validateFminOptions } from './options';
export { FminOptionError, TrialEvaluationError, NoTrialsError } from './errors';
export type { EvalFailure } from './errors';
export { normalizeResult, failureFromThrown } from './result';
export type { ObjectiveResult, NormalizedResult } from './result';
export { createSerialExecutor } from './executor';
export type {
  Objective,
  EvalJob,
  EvalOutcome,
  Completion,
  SerialExecutor,
  AsyncExecutor,
  TrialExecutor,
  ExecutorProvider,
} from './executor';
export { createConcurrentExecutor } from './concurrentExecutor';
export type { AbortSignalLike } from './abort';
export { generateTrialsToCalculate, checkPoint } from './points';
