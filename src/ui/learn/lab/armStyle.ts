// How each arm of the lab is drawn: a colour per parallelism level (lab.css), random search dashed.
import type { LabArm } from '../../../core/simulate/index';
import { armLabel } from './tradeOff';

/** lab.css defines --lab-1 … --lab-LAB_COLOURS for light and dark schemes. */
export const LAB_COLOURS = 8;

export function armStyle(
  arm: LabArm,
  index: number,
  maxEvals: number,
): { name: string; color: string; dashed: boolean } {
  const random = arm.kind === 'random';
  return {
    name: armLabel(arm, maxEvals),
    color: random ? 'var(--lab-random)' : `var(--lab-${(index % LAB_COLOURS) + 1})`,
    dashed: random,
  };
}
