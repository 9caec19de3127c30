import type { Lesson, LessonDraft } from '../model';

const space = `import { hp } from 'hyperopt';

export default {
  x: hp.uniform('x', -5, 5),
  y: hp.uniform('y', -5, 5),
};
`;

const objective = `type Params = { x: number; y: number };

// Each trial takes 40 ms, like a (very) small training job.
export default async function objective(p: Params): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 40));
  return (p.x - 2) ** 2 + (p.y + 1) ** 2;
}
`;

const draft = (parallelism: string): LessonDraft => ({
  space,
  objective,
  settings: { algo: 'tpe', maxEvals: '40', parallelism, seed: '5' },
});

export const parallelism: Lesson = {
  id: 'parallelism',
  title: 'Parallelism versus adaptivity',
  summary: 'More trials at once finish sooner, but each suggestion knows less: the trade-off made visible.',
  hide: ['algorithm', 'examples'],
  steps: [
    {
      text: 'TPE learns from the trials that have ended. With parallelism 1, every suggestion sees every earlier result. Press Run, and note the elapsed time and the best loss.',
      draft: draft('1'),
      highlight: ['parallelism'],
      run: {
        outcome:
          'One worker, one trial at a time: about 40 trials of 40 ms each. TPE had every result in hand when it chose each trial.',
      },
    },
    {
      text: 'The same search with parallelism 8: eight trials at once. Press Run.',
      draft: draft('8'),
      highlight: ['parallelism'],
      run: {
        outcome:
          'The worker timeline shows several workers busy and the run takes a fraction of the time, but the best loss is usually worse: each suggestion was made without the results of the trials still running.',
      },
    },
    {
      text: "Taken to the limit, parallelism equal to max evals suggests every trial before any result is in: that is random search. Hyperopt's and Databricks' advice: keep max evals well above parallelism (10 to 20 times) when adaptivity matters.",
      highlight: ['parallelism'],
    },
  ],
};
