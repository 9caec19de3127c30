// Virtual-time simulation of fmin (parallel.md's protocol) and the Learn view's labs built on it.
export { bestAfter, simulateParallel } from './virtualPool';
export type { ParallelSimOptions, ParallelSimResult, SimTrial } from './virtualPool';
export { DURATION_SEED_OFFSET, drawDurations, durationModelProblem } from './durations';
export type { DurationModel, ExponentialDurations, StragglerDurations } from './durations';
export { bestAtTimes, bestSoFar, strideIndices, timeGrid } from './curves';
export type { RunTrace } from './curves';
export { BAND_QUANTILES, bands, quantileSorted, summarize } from './quantiles';
export type { BandPoint, Summary } from './quantiles';
export { edf, rankSummaries, ranksWithTies } from './raceStats';
export type { EdfPoint, RankSummary } from './raceStats';
export { CURVE_POINTS, labArms, runLabJob, summarizeLab, trialBands } from './lab';
export type { LabArm, LabArmResult, LabSetup, LabSummary } from './lab';
export { runRaceJob, summarizeRace } from './race';
export type { RaceEntry, RaceSetup } from './race';
