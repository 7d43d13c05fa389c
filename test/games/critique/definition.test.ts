// The registered definition: defaults, seat roles that exist, and a default offline game that is
// deterministic per seed, JSON-serialisable and ends with finite metrics.
import { describe, expect, it } from 'vitest';
import { gameRegistry } from '../../../src/games/registry.js';
import '../../../src/roles/builtin-roles.js';
import { findRole } from '../../../src/roles/registry.js';
import { driveGame } from '../metrics/drive-game.js';

describe('critique definition', () => {
  const definition = gameRegistry.get('critique')!;
  const params = definition.params.parse({});

  it('is registered: actor and critic seats with roles that exist, generated problems by default', () => {
    expect(params).toMatchObject({ count: 6, stage: 'helpfulness', helpfulness: 'r_refine', verification: 'auto' });
    expect(definition.agentCount(params)).toEqual({ min: 2, max: 2 });
    const roles = ['actor', 'critic'].map((a, seat) => definition.roleFor(params, seat, a));
    expect(roles).toEqual(['actor', 'critic']);
    for (const r of roles) expect(findRole(r)?.templates.length).toBeGreaterThan(0);
  });

  it('names a bad inline problem by its config path', () => {
    const result = definition.params.safeParse({ problems: [{ question: 'What is 1 + 1?' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['problems', 0, 'answer']);
  });

  it('plays a default game offline, the same per seed', () => {
    const s = definition.strategies!;
    const run = (seed: number) => driveGame<unknown>(definition.create(params, ['actor', 'critic']), (a) => (a === 'actor' ? s['noisy-actor']! : s['computing-critic']!), seed).state;
    const state = run(11);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(JSON.stringify(run(11))).toBe(JSON.stringify(state));
    expect(JSON.stringify(run(12))).not.toBe(JSON.stringify(state));
    expect(Object.values(definition.create(params, ['actor', 'critic']).metrics(state)).every(Number.isFinite)).toBe(true);
  });
});
