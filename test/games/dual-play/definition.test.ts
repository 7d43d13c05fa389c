// The registered definition: defaults, seat roles that exist, and a default offline game that is
// deterministic per seed, JSON-serialisable and ends with finite metrics.
import { describe, expect, it } from 'vitest';
import { gameRegistry } from '../../../src/games/registry.js';
import '../../../src/roles/builtin-roles.js';
import { findRole } from '../../../src/roles/registry.js';
import { driveGame } from '../metrics/drive-game.js';

describe('dual-play definition', () => {
  const definition = gameRegistry.get('dual-play')!;
  const params = definition.params.parse({});
  const agents = ['proposer', 'solver-1', 'solver-2', 'solver-3'];

  it('is registered: 1 proposer + 3 solvers by default, with roles that exist', () => {
    expect(params).toMatchObject({ solvers: 3, rounds: 6, schedule: 'online', tauLow: 0.2, tauHigh: 1, minDiversity: 0.3, historyWindow: 100 });
    expect(definition.agentCount(params)).toEqual({ min: 4, max: 4 });
    const roles = agents.map((a, seat) => definition.roleFor(params, seat, a));
    expect(roles).toEqual(['proposer', 'solver', 'solver', 'solver']);
    for (const r of roles) expect(findRole(r)?.templates.length).toBeGreaterThan(0);
  });

  it('plays a default game offline, the same per seed', () => {
    const s = definition.strategies!;
    const strategyFor = (a: string) => (a === 'proposer' ? s['arithmetic-proposer']! : a === 'solver-1' ? s['computing-solver']! : s['noisy-solver']!);
    const run = (seed: number) => driveGame<unknown>(definition.create(params, agents), strategyFor, seed).state;
    const state = run(11);
    expect(definition.create(params, agents).isOver(state)).toBe(true);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(JSON.stringify(run(11))).toBe(JSON.stringify(state));
    expect(JSON.stringify(run(12))).not.toBe(JSON.stringify(state));
    expect(Object.values(definition.create(params, agents).metrics(state)).every(Number.isFinite)).toBe(true);
  });
});
