export type * from './types';
export { SpaceError } from './errors';
export { hp, scope } from './hp';
export { compileSpace, isCompiledSpace, PCHOICE_SUM_TOLERANCE } from './validate';
export { isActive } from './active';
export {
  parseSpaceDocument,
  toSpaceDocument,
  SPACE_DOCUMENT_FORMAT,
  SPACE_DOCUMENT_VERSION,
} from './document';
export { roundHalfEven } from './round';
export { drawParam } from './draw';
export { sample, sampleVals } from './sample';
export { spaceEval } from './spaceEval';
export type { EvalVals } from './spaceEval';
export { miscToVals, valsToMisc } from './misc';
