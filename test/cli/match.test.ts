// `polis match`: the JSON shape is a contract (agents, per-turn actions, per-turn scores, totals).
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { capture } from '../helpers/cli.js';

describe('polis match', () => {
  it('prints exactly {agents, actions, scores, totals} with --json', async () => {
    const io = capture();
    expect(await runCli(['match', '--game', 'prisoners-dilemma', '--agents', 'tit-for-tat,defector', '--turns', '3', '--json'], io)).toBe(0);
    expect(io.out).toBe('{"agents":["tit-for-tat","defector"],"actions":[["C","D"],["D","D"],["D","D"]],"scores":[[0,5],[1,1],[1,1]],"totals":[2,7]}\n');
  });

  it('applies --payoffs R,S,T,P', async () => {
    const io = capture();
    expect(await runCli(['match', '--game', 'prisoners-dilemma', '--agents', 'tit-for-tat,defector', '--turns', '3', '--payoffs', '4,0,6,2', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out).totals).toEqual([4, 10]);
  });

  it('takes game parameters as JSON (a catalogue game)', async () => {
    const io = capture();
    expect(await runCli(['match', '--game', 'matrix', '--params', '{"catalogue":67}', '--agents', 'act-j,act-f', '--turns', '2', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ actions: [['J', 'F'], ['J', 'F']], scores: [[1, 4], [1, 4]] });
  });

  it('prints a readable table without --json', async () => {
    const io = capture();
    expect(await runCli(['match', '--game', 'prisoners-dilemma', '--agents', 'tit-for-tat,alternator', '--turns', '2'], io)).toBe(0);
    expect(io.out).toMatch(/^turn\s+tit-for-tat\s+alternator\s+score tit-for-tat\s+score alternator\n1\s+C\s+C\s+3\s+3\n2\s+C\s+D\s+0\s+5\n/);
    expect(io.out).toContain('total: tit-for-tat 3, alternator 8; winner: alternator');
  });

  it('exits 2 listing the known names for an unknown strategy or game', async () => {
    const io = capture();
    expect(await runCli(['match', '--game', 'prisoners-dilemma', '--agents', 'tit-for-tat,nobody', '--json'], io)).toBe(2);
    expect(io.err).toContain('unknown strategy "nobody"; known: cooperator, defector, tit-for-tat');
    const io2 = capture();
    expect(await runCli(['match', '--game', 'poker', '--agents', 'tit-for-tat,defector'], io2)).toBe(2);
    expect(io2.err).toMatch(/unknown matrix game "poker"; known: prisoners-dilemma, .*matrix/);
  });

  it('exits 2 for bad parameters, naming the parameter', async () => {
    const io = capture();
    expect(await runCli(['match', '--game', 'prisoners-dilemma', '--agents', 'tit-for-tat,defector', '--payoffs', '1,2'], io)).toBe(2);
    expect(io.err).toContain('params.payoffs');
    const io2 = capture();
    expect(await runCli(['match', '--game', 'prisoners-dilemma', '--agents', 'tit-for-tat', '--json'], io2)).toBe(2);
    expect(io2.err).toContain('exactly two');
    const io3 = capture();
    expect(await runCli(['match', '--game', 'prisoners-dilemma', '--agents', 'tit-for-tat,defector', '--turns', 'many'], io3)).toBe(2);
    expect(io3.err).toContain('--turns');
  });
});
