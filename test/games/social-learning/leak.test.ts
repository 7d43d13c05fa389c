// No learner's prompt may carry another learner's signal or the state, and the planner's prompt neither.
// Tested as non-interference through the real engine: two seeds draw different states and signals while the
// scripted model makes every public action the same, so each learner's prompts must be identical across the
// runs except for its own hint line, and the planner's prompts identical outright.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';
import { runScripted } from '../../helpers/scripted-experiment.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const config = (seed: number) => ({
  game: 'social-learning',
  seed,
  params: { learners: 5, plannerPeriod: 2 },
  agents: [{ id: 'planner', policy: { model: 'default' } }, { id: 'learner', count: 5, policy: { model: 'default' } }],
});

const answer = (agent: string) => (agent === 'planner' ? { text: '{"precision": 0.8}', object: { precision: 0.8 } } : { text: '{"choice": "A"}', object: { choice: 'A' } });

async function play(seed: number) {
  const run = await runScripted(config(seed), (_request, agent) => answer(agent));
  const end = run.events.find((e) => e.type === 'outcome' && (e as { outcome: { name?: string } }).outcome.name === 'episode-end') as unknown as { outcome: { data: { truth: string; signals: string[] } } };
  return { prompts: run.prompts, truth: end.outcome.data.truth, signals: end.outcome.data.signals, metrics: run.run.metrics };
}

const HINT = /Your private hint says: ([AB])\./g;

describe('social-learning leaks', () => {
  it("shows each learner its own signal only, and nobody the state (non-interference across seeds)", async () => {
    const one = await play(1);
    const other = await play(2);
    expect(one.signals).not.toEqual(other.signals); // the seeds do differ in private information
    expect(one.prompts.get('planner')).toHaveLength(3); // blocks 1–2, 3–4, 5
    expect(other.prompts.get('planner')).toEqual(one.prompts.get('planner'));
    for (let i = 1; i <= 5; i++) {
      const id = `learner-${i}`;
      const [a] = one.prompts.get(id)!;
      const [b] = other.prompts.get(id)!;
      // Its own signal, exactly once; no other hint and no state in its prompt.
      expect([...a!.matchAll(HINT)].map((m) => m[1])).toEqual([one.signals[i - 1]]);
      expect([...b!.matchAll(HINT)].map((m) => m[1])).toEqual([other.signals[i - 1]]);
      expect(a!.replace(HINT, 'HINT')).toBe(b!.replace(HINT, 'HINT'));
      // The check has teeth: where this learner's own signal differs, its raw prompts differ.
      if (one.signals[i - 1] !== other.signals[i - 1]) expect(a).not.toBe(b);
    }
    expect(one.metrics['episodes']).toBe(1);
  });

  it('runs the example config offline and reports the cascade metrics', async () => {
    const file = join(import.meta.dirname, '../../../examples/dialogues/social-learning.yaml');
    expect(parseYaml(readFileSync(file, 'utf8')).game).toBe('social-learning');
    const out = join(mkdtempSync(join(tmpdir(), 'polis-social-')), 'run');
    const { code, stdout, stderr } = await cli(['run', file, '--out', out, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.status).toBe('completed');
    expect(result.metrics.episodes).toBe(3);
    const m = result.metrics;
    expect(m['correct-cascade'] + m['wrong-cascade'] + m['no-cascade']).toBeCloseTo(1, 12);
    for (const name of ['cascade-start', 'correct-action-rate', 'planner-cost', 'planner-payoff', 'altruistic-objective', 'biased-objective']) expect(m).toHaveProperty(name);
    expect(m['planner-cost']).toBeGreaterThan(0);
  });
});
