// `polis tournament` and `polis games list`.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { capture } from '../helpers/cli.js';

describe('polis tournament', () => {
  it('prints exactly {ranking, scores, wins, cooperation} with --json (hand-computed, 10 turns)', async () => {
    const io = capture();
    const argv = ['tournament', '--game', 'prisoners-dilemma', '--agents', 'cooperator,defector,tit-for-tat', '--turns', '10', '--repetitions', '3', '--seed', '5', '--json'];
    expect(await runCli(argv, io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual({
      ranking: ['defector', 'tit-for-tat', 'cooperator'],
      scores: { cooperator: 1.5, defector: 3.2, 'tit-for-tat': 1.95 },
      wins: { cooperator: 0, defector: 6, 'tit-for-tat': 0 },
      cooperation: { cooperator: 60, defector: 0, 'tit-for-tat': 33 },
    });
    expect(Object.keys(JSON.parse(io.out))).toEqual(['ranking', 'scores', 'wins', 'cooperation']);
  });

  it('prints a ranking table without --json', async () => {
    const io = capture();
    expect(await runCli(['tournament', '--game', 'prisoners-dilemma', '--agents', 'cooperator,defector', '--turns', '4', '--repetitions', '1'], io)).toBe(0);
    expect(io.out).toMatch(/^rank\s+agent\s+median score\s+wins\s+cooperation\n1\s+defector\s+5\.0000\s+1\s+0\n2\s+cooperator\s+0\.0000\s+0\s+4\n/);
  });

  it('exits 2 for an unknown strategy', async () => {
    const io = capture();
    expect(await runCli(['tournament', '--game', 'prisoners-dilemma', '--agents', 'cooperator,zzz'], io)).toBe(2);
    expect(io.err).toContain('known: ');
  });
});

describe('polis games list', () => {
  it('lists every registered matrix game with its parameters', async () => {
    const io = capture();
    expect(await runCli(['games', 'list', '--json'], io)).toBe(0);
    const games = JSON.parse(io.out) as Array<{ name: string; params: Array<{ name: string; default?: unknown }> }>;
    const names = games.map((g) => g.name);
    for (const name of ['prisoners-dilemma', 'prisoners-dilemma-akata', 'battle-of-the-sexes', 'stag-hunt', 'chicken', 'matching-pennies', 'matrix']) {
      expect(names).toContain(name);
    }
    const pd = games.find((g) => g.name === 'prisoners-dilemma');
    expect(pd?.params.map((p) => p.name)).toEqual(['rounds', 'payoffs', 'catalogue', 'labels', 'cooperative', 'shuffle', 'variant']);
    expect(pd?.params.find((p) => p.name === 'rounds')?.default).toBe(10);
    const text = capture();
    expect(await runCli(['games', 'list'], text)).toBe(0);
    expect(text.out).toContain('stag-hunt (v1): Stag hunt');
    expect(text.out).toMatch(/ {4}variant: "plain" \| "predict-then-act"/);
  });
});
