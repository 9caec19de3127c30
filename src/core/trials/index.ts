// Trials store (hyperopt/base.py:Trials). The document types are exported from ./types.
export { Trials } from './trials';
export { TrialStore } from './store';
export type { TrialsOptions } from './trials';
export { AllTrialsFailed, InvalidTrial, TrialsFormatError } from './errors';
export { parseTrialsDocument } from './trialsJson';
export type { TrialsDocument } from './trialsJson';
export { findTrialDocProblem } from './validate';
export type { DocProblem } from './validate';
export { newTrialDoc, FMIN_CMD } from './docs';
export { summarizeTrials } from './summary';
export type { TrialsSummary } from './summary';
export { findNonJson } from './json';
