// One repair budget per decision: `maxRepairs: N` is at most N+1 model calls, whatever the model stack
// does inside, and every invalid answer is counted in the summary's `invalid.*`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/engine/config/load-config.js';
import { runExperiment } from '../../src/engine/experiment.js';
import { gameRegistry } from '../../src/games/registry.js';
import { ScriptedClient } from '../../src/models/scripted/scripted-client.js';
import { createModelStack } from '../../src/models/wrappers/create-model-stack.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'polis-repairs-'));

async function play(maxRepairs: number, answer: string) {
  const fake = new ScriptedClient({ fallback: answer, structuredOutput: false });
  const config = validateConfig({
    game: 'prisoners-dilemma',
    params: { rounds: 2 },
    maxRepairs,
    agents: [{ id: 'alice', role: 'generic-agent', policy: { model: 'default' } }, { id: 'bob', policy: { strategy: 'tit-for-tat' } }],
  });
  // The standard stack, whose structured-output wrapper repairs twice by default.
  const result = await runExperiment({
    config,
    out: join(tmp(), 'run'),
    games: gameRegistry,
    buildModel: (_spec, { record }) => createModelStack(fake, { recording: { onCall: record }, retry: false, pacing: false }),
  });
  return { calls: fake.calls, result };
}

describe('one repair budget per decision', () => {
  it.each([0, 1, 2])('maxRepairs %i costs at most maxRepairs+1 calls per decision and counts each bad answer', async (maxRepairs) => {
    const { calls, result } = await play(maxRepairs, 'I would rather not say.');
    const decisions = 2; // alice acts once per round
    expect(calls).toBe(decisions * (maxRepairs + 1));
    expect(result.invalid.unparsable + result.invalid.illegal).toBe(calls);
    expect(result.invalid.defaulted).toBe(decisions);
  });

  it('a valid answer costs one call', async () => {
    const { calls, result } = await play(2, '"C"');
    expect(result.invalid).toMatchObject({ unparsable: 0, illegal: 0, defaulted: 0 });
    expect(calls).toBe(2);
  });
});
