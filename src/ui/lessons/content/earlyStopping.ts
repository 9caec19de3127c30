import type { Lesson } from '../model';

const space = `import { hp } from 'hyperopt';

export default {
  // Whole numbers: once x = 3 is found, no trial can do better.
  x: hp.quniform('x', -10, 10, 1),
};
`;

const objective = `export default function objective(p: { x: number }): number {
  return (p.x - 3) ** 2;
}
`;

export const earlyStopping: Lesson = {
  id: 'early-stopping',
  title: 'Early stopping',
  summary: 'Stop a search once the loss has not improved for N trials, instead of spending all of max evals.',
  hide: ['examples'],
  steps: [
    {
      text: "Early stopping ends a run when the best loss has not improved for N trials (Hyperopt's no_progress_loss, passed to fmin as early_stop_fn). Here max evals is 500, and Early stop after (trials) is 20.",
      draft: {
        space,
        objective,
        settings: { algo: 'tpe', maxEvals: '500', earlyStopRounds: '20', seed: '11' },
      },
      highlight: ['settings'],
    },
    {
      text: 'Press Run.',
      run: {
        outcome:
          'The summary says the run ended by the early stopping condition, long before 500 trials: once x = 3 was found, 20 more trials could not beat it.',
      },
    },
    {
      text: 'Clear Early stop after (trials) and press Run again.',
      highlight: ['settings'],
      run: {
        outcome:
          'All 500 trials ran (max evals reached) for the same best loss. Early stopping saves that budget; the risk is stopping before a late improvement, so choose N generously for noisy objectives.',
      },
    },
  ],
};
