/** The examples gallery, in the order it lists them; the first is the app's default. */
import { quadratic } from './quadratic';
import type { Example } from './types';

export type { Example };

export const EXAMPLES: readonly Example[] = [quadratic];

export const DEFAULT_EXAMPLE: Example = quadratic;
