// The example configs in examples/markets/ name valid params, seat counts and strategies of these games.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { economistDefinition } from '../../../src/games/economist/index.js';
import { marketplaceDefinition } from '../../../src/games/marketplace/index.js';
import type { GameDefinition } from '../../../src/games/definition.js';

const definitions: Record<string, GameDefinition<unknown>> = {
  marketplace: marketplaceDefinition as GameDefinition<unknown>,
  'llm-economist': economistDefinition as GameDefinition<unknown>,
};

describe.each(['marketplace-mexican-3-9', 'economist-100-workers', 'economist-democratic', 'economist-bounded-mix'])('examples/markets/%s.yaml', (name) => {
  const config = parse(readFileSync(new URL(`../../../examples/markets/${name}.yaml`, import.meta.url), 'utf8')) as {
    game: string;
    params: unknown;
    agents: Array<{ count?: number; policy?: { strategy?: string } }>;
  };
  const definition = definitions[config.game] as GameDefinition<unknown>;

  it('names a game, valid params, enough seats and known strategies', () => {
    expect(definition).toBeDefined();
    const params = definition.params.parse(config.params);
    const seats = config.agents.reduce((n, a) => n + (a.count ?? 1), 0);
    const { min, max } = definition.agentCount(params);
    expect(seats).toBeGreaterThanOrEqual(min);
    expect(seats).toBeLessThanOrEqual(max);
    for (const a of config.agents) if (a.policy?.strategy) expect(Object.keys(definition.strategies ?? {})).toContain(a.policy.strategy);
  });
});
