/** The examples gallery, in the order it lists them; the first is the app's default. */
import { branin } from './branin';
import { failing } from './failing';
import { iris } from './iris';
import { noisy } from './noisy';
import { quadratic } from './quadratic';
import { rosenbrock } from './rosenbrock';
import type { Example } from './types';

export type { Example };

export const EXAMPLES: readonly Example[] = [quadratic, branin, rosenbrock, iris, noisy, failing];

export const DEFAULT_EXAMPLE: Example = quadratic;
