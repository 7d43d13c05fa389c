// Conformance of the social-dilemma games: registered by name, defaults valid, every scripted strategy
// plays a full default game with legal actions, JSON-serialisable state, and the same result per seed.
import { describe, expect, it } from 'vitest';
import { gameRegistry } from '../../../src/games/registry.js';
import { driveGame } from './drive-game.js';

const names = ['donor-game', 'public-goods', 'sequential-public-goods', 'commons', 'coopetition'];

describe.each(names)('%s', (name) => {
  const definition = gameRegistry.get(name)!;

  it('is registered with defaults and scripted strategies', () => {
    expect(definition).toBeDefined();
    expect(Object.keys(definition.strategies ?? {}).length).toBeGreaterThanOrEqual(3);
  });

  it.each(Object.keys(gameRegistry.get(name)?.strategies ?? {}))('plays a default game with %s in every seat, deterministically', (strategy) => {
    const params = definition.params.parse({});
    const count = definition.agentCount(params).min;
    const agents = Array.from({ length: count }, (_, i) => `agent-${i + 1}`);
    const run = () => driveGame<unknown>(definition.create(params, agents), () => definition.strategies![strategy]!, 11);
    const first = run();
    expect(definition.create(params, agents).isOver(first.state)).toBe(true);
    expect(JSON.parse(JSON.stringify(first.state))).toEqual(first.state);
    expect(JSON.stringify(run().state)).toBe(JSON.stringify(first.state));
    const metrics = definition.create(params, agents).metrics(first.state);
    expect(Object.values(metrics).every(Number.isFinite)).toBe(true);
  });
});
