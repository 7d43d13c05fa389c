// Parameters are validated at the boundary; a mistake is a ConfigError naming the parameter.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors/config-error.js';
import { matrix, prisonersDilemma, prisonersDilemmaAkata } from '../../../src/games/matrix/matrix-definitions.js';
import { parseGameParams } from '../../../src/games/parse-game-params.js';

function configPaths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues.map((i) => i.path);
  }
  throw new Error('expected a ConfigError');
}

describe('matrix game parameters', () => {
  it('fill in the defaults of each named game', () => {
    expect(parseGameParams(prisonersDilemma, {})).toEqual({
      rounds: 10, labels: ['C', 'D'], payoffs: [[[3, 3], [0, 5]], [[5, 0], [1, 1]]], cooperative: 'C', shuffle: false, variant: 'plain',
    });
    expect(parseGameParams(prisonersDilemmaAkata, {})).toMatchObject({ labels: ['J', 'F'], cooperative: 'J', shuffle: true, rounds: 10 });
  });

  it('resolve a catalogue game by number or name (the first option cooperates)', () => {
    expect(parseGameParams(matrix, { catalogue: 67 })).toMatchObject({ catalogue: 67, labels: ['J', 'F'], cooperative: 'J', payoffs: [[[3, 3], [1, 4]], [[4, 1], [2, 2]]] });
    expect(parseGameParams(matrix, { catalogue: 'Stag Hunt' }).catalogue).toBe(78);
  });

  it('keep the cooperative label when labels are renamed', () => {
    expect(parseGameParams(prisonersDilemma, { labels: ['X', 'Y'] }).cooperative).toBe('X');
  });

  it.each([
    [{ rounds: 0 }, 'params.rounds'],
    [{ rounds: 2.5 }, 'params.rounds'],
    [{ payoffs: '3,0,5' }, 'params.payoffs'],
    [{ payoffs: [[[1, 1]]] }, 'params.payoffs'],
    [{ payoffs: [[[1, 1], [0, 0]], [[0, 0]]] }, 'params.payoffs'],
    [{ catalogue: 999 }, 'params.catalogue'],
    [{ catalogue: 67, payoffs: '3,0,5,1' }, 'params.catalogue'],
    [{ labels: ['C', 'C'] }, 'params.labels'],
    [{ labels: ['C', 'D', 'E'] }, 'params.labels'],
    [{ labels: ['two words', 'D'] }, 'params.labels[0]'],
    [{ cooperative: 'Z' }, 'params.cooperative'],
    [{ variant: 'chain-of-thought' }, 'params.variant'],
    [{ shuffle: 'yes' }, 'params.shuffle'],
  ])('reject %j at %s', (params, path) => {
    expect(configPaths(() => parseGameParams(prisonersDilemma, params))).toContain(path);
  });

  it('require payoffs or a catalogue game for the generic matrix game', () => {
    expect(configPaths(() => parseGameParams(matrix, {}))).toEqual(['params.payoffs']);
  });

  it('reject unknown parameters', () => {
    expect(() => parseGameParams(prisonersDilemma, { turns: 5 })).toThrow(/turns/);
  });
});
