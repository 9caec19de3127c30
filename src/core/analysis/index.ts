// Analyses of finished trials (importance), pure and deterministic, for the history's compare view.
export { PED_ANOVA_DEFAULTS, pedAnova } from './pedAnova';
export type { ImportanceTrial, ParamDomain, ParamImportance, PedAnovaOptions } from './pedAnova';
