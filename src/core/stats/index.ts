export { chiSquareSurvival, logGamma, regularizedGammaP, regularizedGammaQ } from './gamma';
export { kolmogorovSurvival, ksTwoSample } from './ks';
export type { KsResult } from './ks';
export {
  DEFAULT_MIN_POOLED_COUNT,
  categoryKey,
  chiSquareHomogeneity,
  countValues,
  totalVariation,
} from './categorical';
export type { ChiSquareResult } from './categorical';
export { REFERENCE_ALPHA, compareContinuous, compareDiscrete, tvThreshold } from './compare';
export type { ContinuousComparison, DiscreteComparison } from './compare';
