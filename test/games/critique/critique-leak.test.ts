// Through the real engine (roles, prompts, model stack, trace): the reference answers never reach the actor's
// or the critic's prompts. Positive controls: the critic's prompt does carry the actor's attempt, the actor's
// refine prompt the critique, and the trace the reference, so the same checks would catch a leak.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';
import { runScripted } from '../../helpers/scripted-experiment.js';

const config = {
  game: 'critique',
  params: { problems: [{ question: 'What is 1234 + 4321?', answer: '5555' }, { question: 'Name the largest planet.', answer: 'Jupiter' }] },
  agents: [{ id: 'actor' }, { id: 'critic' }],
};

describe('critique through the engine', () => {
  it('never shows a reference answer to the actor or the critic', async () => {
    const { prompts, events, run } = await runScripted(config, (request, agent) => {
      const last = request.messages.at(-1)?.content ?? '';
      if (agent === 'critic') return { object: { critique: 'The sum is off.\nCorrectness of the final answer: Wrong' } };
      return { object: { solution: last.includes('1234') ? 'So \\boxed{5554}' : 'It is \\boxed{Saturn}' } };
    });
    expect(run.status).toBe('completed');
    expect(prompts.get('actor')).toHaveLength(4);
    expect(prompts.get('critic')).toHaveLength(2);
    for (const prompt of [...prompts.get('actor')!, ...prompts.get('critic')!]) {
      expect(prompt).not.toContain('5555');
      expect(prompt).not.toContain('Jupiter');
    }
    expect(prompts.get('critic')![0]).toContain('So \\boxed{5554}');
    expect(prompts.get('actor')![1]).toContain('Correctness of the final answer: Wrong');
    expect(JSON.stringify(events.filter((e) => e.type === 'outcome'))).toContain('Jupiter');
    expect(run.metrics).toMatchObject({ 'discrimination-accuracy': 1, 'wrong-to-wrong-count': 2, 'missing-verdicts': 0 });
  });

  it('runs the offline example and reports its metrics in the summary', async () => {
    const file = join(import.meta.dirname, '../../../examples/dialogues/critique.yaml');
    const out = join(mkdtempSync(join(tmpdir(), 'polis-critique-')), 'run');
    const { code, stderr } = await cli(['run', file, '--out', out, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.metrics).toMatchObject({ episodes: 6, 'discrimination-accuracy': 1, 'accuracy-after': 1, 'correct-to-wrong-count': 0, 'wrong-to-wrong-count': 0 });
    expect(summary.metrics['correct-to-correct-count'] + summary.metrics['wrong-to-correct-count']).toBe(6);
    expect(summary.payoffs.actor).toBe(6);
  });
});
