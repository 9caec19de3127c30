// Colours of the race's competitors (lab.css variables); random search dashed, as in the lab.
import { LAB_COLOURS } from '../lab/armStyle';

export function competitorStyle(
  label: string,
  index: number,
): { name: string; color: string; dashed: boolean } {
  const random = label === 'random';
  return {
    name: label,
    color: random ? 'var(--lab-random)' : `var(--lab-${(index % LAB_COLOURS) + 1})`,
    dashed: random,
  };
}
