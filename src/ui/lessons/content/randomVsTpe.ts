import type { Lesson, LessonDraft } from '../model';

const space = `import { hp } from 'hyperopt';

export default {
  x: hp.uniform('x', -5, 5),
  y: hp.uniform('y', -5, 5),
};
`;

const objective = `type Params = { x: number; y: number };

// The minimum is at x = 2, y = -1.
export default function objective(p: Params): number {
  return (p.x - 2) ** 2 + (p.y + 1) ** 2;
}
`;

const draft = (algo: string): LessonDraft => ({
  space,
  objective,
  settings: { algo, maxEvals: '100', parallelism: '1', seed: '1' },
});

export const randomVsTpe: Lesson = {
  id: 'random-vs-tpe',
  title: 'Random search versus TPE',
  summary: 'The same objective, budget and seed: random search never learns, TPE concentrates.',
  hide: ['examples'],
  steps: [
    {
      text: 'Random search draws every trial from the prior, independently of the results so far: it never learns. This run uses rand for 100 trials. Press Run.',
      draft: draft('rand'),
      highlight: ['algorithm'],
      run: {
        outcome:
          'x against trial number: the points fill the whole band from -5 to 5, from the first trial to the last. Note the best loss in the summary.',
      },
    },
    {
      text: 'The same objective, budget and seed, now with TPE. Its first 20 trials are random (n_startup_jobs); after that it models where good trials were and samples there. Press Run.',
      draft: draft('tpe'),
      highlight: ['algorithm'],
      run: {
        outcome:
          'x against trial number: after the start-up trials the points gather around x = 2, and the best loss is far lower than random search reached with the same budget.',
      },
    },
    {
      text: 'Random search is still a fair baseline: it is trivially parallel and never gets stuck. Try a budget of 30 with each algorithm: with few trials, TPE has little to learn from.',
      highlight: ['settings'],
    },
  ],
};
