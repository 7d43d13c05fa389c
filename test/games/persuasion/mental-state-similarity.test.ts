// Token F1 of predicted beliefs and desires (SQuAD f1_score over content words; Rajpurkar et al. 2016).
import { describe, expect, it } from 'vitest';
import { contentTokens, firstPerson, tokenF1 } from '../../../src/games/persuasion/index.js';

describe('token F1 of a mental-state guess', () => {
  it.each([
    // [prediction, truth, content-word overlap -> F1]
    ['Persuadee believes that the trail is quiet.', 'the trail is quiet on weekdays', 2 * (1 * (2 / 3)) / (1 + 2 / 3)], // P 2/2, R 2/3 -> 0.8
    ['I want to get fresh air.', 'Persuadee wants to get fresh air.', 1],
    ['unknown', 'Persuadee wants to relax.', 0],
    ['', 'anything', 0],
    ['museum crowded busy noisy', 'the museum is crowded', 2 * 0.5 * 1 / 1.5], // P 2/4, R 2/2 -> 2/3
  ])('%j vs %j -> %d', (prediction, truth, f1) => {
    expect(tokenF1(prediction, truth)).toBeCloseTo(f1, 12);
  });

  it('drops the framing, stop words and a plural s', () => {
    expect(contentTokens('Persuadee believes that traditional farming methods have been reliable.')).toEqual(['traditional', 'farming', 'method', 'reliable']);
  });

  it('puts a dataset belief in the first person for scripted persuadees', () => {
    expect(firstPerson('persuadee believes that his routine works.')).toBe('I believe that my routine works.');
    expect(firstPerson('Persuadee is worried about cost.')).toBe('I am worried about cost.');
  });
});
