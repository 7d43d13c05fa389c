// The public API: every game family, role and judge kind a user reads about in the README is importable
// from the package root.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as polis from '../src/index.js';

describe('public API', () => {
  it('exposes each dialogue game family with its definition', () => {
    expect(polis.persuasion.persuasionDefinition.metadata.name).toBe('persuasion');
    expect(polis.debate.debateDefinition.metadata.name).toBe('debate');
    expect(polis.susceptibility.susceptibilityDefinition.metadata.name).toBe('susceptibility');
    expect(polis.dualPlay.dualPlayDefinition.metadata.name).toBe('dual-play');
    expect(polis.critique.critiqueDefinition.metadata.name).toBe('critique');
    expect(polis.discussion.discussionDefinition.metadata.name).toBe('discussion');
    expect(polis.socialLearning.socialLearningDefinition.metadata.name).toBe('social-learning');
    expect(polis.assistant.assistantDefinition.metadata.name).toBe('gtalign-assistant');
  });

  it('registers every game and every role a game names (default params, or the params of an example)', () => {
    const examples = new Map<string, unknown>([['matrix', { catalogue: 78 }]]);
    for (const dir of ['quickstart', 'markets', 'dialogues']) {
      const folder = join(import.meta.dirname, '../examples', dir);
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.yaml'))) {
        const config = parse(readFileSync(join(folder, file), 'utf8')) as { game: string; params?: unknown };
        examples.set(config.game, config.params ?? {});
      }
    }
    for (const [name, definition] of polis.gameRegistry) {
      expect(definition.metadata.name).toBe(name);
      const parsed = definition.params.safeParse(examples.get(name) ?? {});
      expect(parsed.success, `${name}: default params or an example`).toBe(true);
      const { min } = definition.agentCount(parsed.data);
      for (let seat = 0; seat < Math.max(min, 1); seat++) expect(polis.findRole(definition.roleFor(parsed.data, seat, `a${seat}`)), `${name} seat ${seat}`).toBeDefined();
    }
  });

  it('exposes the judges of a trace, scorer and susceptibility kinds included', () => {
    expect(typeof polis.judgeTrace).toBe('function');
    expect(typeof polis.buildScorerJudge).toBe('function');
    expect(typeof polis.judgeSusceptibility).toBe('function');
    expect(typeof polis.comasRewards).toBe('function');
  });
});
