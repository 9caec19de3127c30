import type { Lesson } from '../model';

const space = `import { hp } from 'hyperopt';

// Three labelled parameters, three kinds of prior.
export default {
  // A real number, equally likely anywhere in [-5, 5].
  x: hp.uniform('x', -5, 5),
  // A learning rate: uniform in log space, so 0.001-0.01 is as likely as 0.1-1.
  lr: hp.loguniform('lr', Math.log(1e-4), Math.log(1)),
  // One of a few options.
  optimizer: hp.choice('optimizer', ['sgd', 'adam']),
};
`;

const objective = `type Params = { x: number; lr: number; optimizer: string };

export default function objective(p: Params): number {
  const penalty = p.optimizer === 'adam' ? 0 : 0.5;
  return (p.x - 1) ** 2 + Math.abs(Math.log10(p.lr) + 2) + penalty;
}
`;

export const searchSpace: Lesson = {
  id: 'search-space',
  title: 'What a search space is',
  summary: 'Labelled parameters with priors: uniform, loguniform, choice, and what random draws show.',
  hide: ['examples'],
  steps: [
    {
      text: 'A search space says where fmin may look, and how likely each value is before anything is learned: the prior. This one has three labelled parameters. Read the code in Search space.',
      draft: { space, objective, settings: { algo: 'rand', maxEvals: '60', seed: '7' } },
      highlight: ['space'],
    },
    {
      text: "Beside the code, each parameter's prior is drawn from samples. x is flat on [-5, 5]. lr is loguniform: its samples spread evenly over powers of ten, not over [0, 1]. optimizer is a choice between two options.",
      highlight: ['space'],
    },
    {
      text: 'Press Run. Random search draws every trial from these priors, so its trials show the space itself.',
      run: {
        outcome:
          'In the charts, choose the parameter lr: its values spread over four powers of ten (0.0001 to 1) instead of bunching near 1. That is what loguniform means.',
      },
    },
    {
      text: "Change hp.uniform('x', -5, 5) to hp.quniform('x', -5, 5, 1): the prior view now shows whole numbers only. Press Run again.",
      highlight: ['space'],
      run: {
        outcome:
          'x against trial number shows whole numbers only: quniform rounds each draw to a multiple of q (here 1).',
      },
    },
  ],
};
