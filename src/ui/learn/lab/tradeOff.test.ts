import { describe, expect, it } from 'vitest';
import type { LabArmResult, Summary } from '../../../core/simulate/index';
import { armLabel, formatSpeedUp, sig3, tradeOffSentence } from './tradeOff';

const summary = (median: number): Summary => ({
  median,
  q25: median,
  q75: median,
  min: median,
  max: median,
  mean: median,
});
const arm = (kind: 'algo' | 'random', parallelism: number, loss: number, span: number): LabArmResult => ({
  kind,
  parallelism,
  byTrial: [],
  byTime: [],
  finalBest: summary(loss),
  makespan: summary(span),
  speedUp: 100 / span,
});

describe('trade-off words', () => {
  it('formats numbers for sentences', () => {
    expect(sig3(0.41234)).toBe('0.412');
    expect(sig3(-2.6789)).toBe('-2.68');
    expect(sig3(146.12)).toBe('146');
    expect(sig3(0.00001234)).toBe('1.23e-5');
    expect(formatSpeedUp(3.84)).toBe('3.8×');
    expect(formatSpeedUp(11.4)).toBe('11×');
  });

  it('names arms', () => {
    expect(armLabel({ kind: 'algo', parallelism: 4 }, 100)).toBe('P=4');
    expect(armLabel({ kind: 'algo', parallelism: 100 }, 100)).toBe('P=100 (max evals)');
    expect(armLabel({ kind: 'random', parallelism: 16 }, 100)).toBe('random (P=16)');
  });

  it('states the cost of parallelism when the fast level ends worse', () => {
    const arms = [
      arm('algo', 1, 0.41, 100),
      arm('algo', 4, 0.4, 26),
      arm('algo', 16, 0.62, 9),
      arm('random', 16, 0.75, 9),
    ];
    expect(tradeOffSentence(arms, 100, 'TPE')).toBe(
      'P=16 finished 11× faster than P=1 (median wall time 9 vs 100), but its median best loss was worse: 0.62 vs 0.41 at P=1. ' +
        'The best median loss came from P=4 (0.4). ' +
        'Random search at P=16 reached 0.75, so TPE at P=16 (0.62) still beat it.',
    );
  });

  it('says so when parallelism cost nothing, and when random search did as well or better', () => {
    const arms = [arm('algo', 1, 0.5, 100), arm('algo', 8, 0.45, 14), arm('random', 8, 0.45, 14)];
    expect(tradeOffSentence(arms, 100, 'TPE')).toBe(
      'P=8 finished 7.1× faster than P=1 (median wall time 14 vs 100), and its median best loss was no worse: 0.45 vs 0.5 at P=1. ' +
        'Random search at P=8 reached 0.45, about the same as TPE at P=8 (0.45).',
    );
  });

  it('says when random search did better, and names no winner when two medians print the same', () => {
    const worse = [arm('algo', 1, 0.5, 100), arm('algo', 8, 0.6, 14), arm('random', 8, 0.55, 14)];
    expect(tradeOffSentence(worse, 100, 'TPE')).toMatch(
      /, so TPE at P=8 \(0\.6\) did no better than random search\.$/,
    );
    const arms = [arm('algo', 1, 0.0479, 100), arm('algo', 100, 0.04791, 5), arm('random', 100, 0.04788, 5)];
    expect(tradeOffSentence(arms, 100, 'TPE')).toBe(
      'P=100 (max evals) finished 20× faster than P=1 (median wall time 5 vs 100), and its median best loss was the same: 0.0479 vs 0.0479 at P=1. ' +
        'Random search at P=100 reached 0.0479, about the same as TPE at P=100 (max evals) (0.0479).',
    );
  });

  it('asks for a second level when only one ran', () => {
    expect(tradeOffSentence([arm('algo', 4, 1, 30)], 50, 'TPE')).toBe(
      'Only P=4 ran; choose two or more levels to see what parallelism costs.',
    );
    expect(tradeOffSentence([], 50, 'TPE')).toBe('');
  });
});
