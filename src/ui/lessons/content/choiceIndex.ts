import type { Lesson } from '../model';

const space = `import { hp } from 'hyperopt';

// Each option of the choice is a whole sub-space with its own parameters.
export default {
  model: hp.choice('model', [
    { kind: 'linear', alpha: hp.loguniform('alpha', Math.log(1e-3), Math.log(10)) },
    { kind: 'tree', depth: hp.quniform('depth', 1, 10, 1) },
  ]),
};
`;

const objective = `type Model = { kind: 'linear'; alpha: number } | { kind: 'tree'; depth: number };

export default function objective({ model }: { model: Model }): number {
  if (model.kind === 'linear') return 0.3 + Math.abs(Math.log10(model.alpha) + 1);
  return Math.abs(model.depth - 6) / 4;
}
`;

export const choiceIndex: Lesson = {
  id: 'choice-index',
  title: 'The choice-index surprise',
  summary: 'Why argmin says "model": 1 where you expected a model, and what spaceEval gives back.',
  hide: ['examples'],
  steps: [
    {
      text: 'hp.choice picks one of its options. Here each option is a sub-space: a linear model with its own alpha, or a tree with its own depth. Read the space.',
      draft: { space, objective, settings: { algo: 'tpe', maxEvals: '60', seed: '3' } },
      highlight: ['space'],
    },
    {
      text: 'Press Run, then look at Best trial under the progress bar.',
      run: {
        outcome:
          'argmin says "model": 0 or 1, an index into the list of options, and holds only the labels that were active (alpha or depth). spaceEval(space, argmin) turns it back into what the objective received, e.g. {"kind": "tree", "depth": 6}.',
      },
    },
    {
      text: "Why: fmin records each label's raw draw, the index for a choice, so every trial is plain numbers the algorithm can model. In Python, best = fmin(...) holds indices and hyperopt.space_eval(space, best) holds values. Passing argmin straight to your training code is the classic bug.",
    },
  ],
};
