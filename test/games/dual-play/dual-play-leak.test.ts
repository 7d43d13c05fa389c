// Through the real engine (roles, prompts, model stack, trace): the proposer's ground-truth answer never
// reaches a solver's prompt, while the proposer's own prompts do show it (so the check can fail).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runScripted } from '../../helpers/scripted-experiment.js';
import { cli } from '../../helpers/cli.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const SECRET = '4217';
const config = {
  game: 'dual-play',
  params: { solvers: 2, rounds: 3 },
  agents: [{ id: 'proposer' }, { id: 'solver-a' }, { id: 'solver-b' }],
};

describe('dual play through the engine', () => {
  it('never shows the ground-truth answer to a solver', async () => {
    const { prompts, events, run } = await runScripted(config, (_request, agent) =>
      agent === 'proposer' ? { object: { problem: 'What is 2000 + 2217?', answer: SECRET } } : { object: { answer: '17' } },
    );
    expect(run.status).toBe('completed');
    for (const solver of ['solver-a', 'solver-b']) {
      expect(prompts.get(solver)).toHaveLength(3);
      for (const prompt of prompts.get(solver)!) {
        expect(prompt).toContain('What is 2000 + 2217?');
        expect(prompt).not.toContain(SECRET);
      }
    }
    // the proposer's own prompts list its past problems with their answers
    expect(prompts.get('proposer')!.at(-1)).toContain(`your answer ${SECRET}`);
    const messages = events.filter((e) => e.type === 'message');
    expect(messages).toHaveLength(3);
    for (const m of messages) expect(JSON.stringify(m)).not.toContain(SECRET);
    expect(run.metrics).toMatchObject({ 'pass-rate': 0, 'solver-mean-reward': 0, 'invalid-problems': 0 });
  });

  it('scores answer agreement of structured answers (bare or boxed)', async () => {
    const { run } = await runScripted(config, (_request, agent) =>
      agent === 'proposer'
        ? { object: { problem: 'A box holds 6 rows of 7 eggs. How many eggs?', answer: '42' } }
        : { object: agent === 'solver-a' ? { reasoning: '6 × 7', answer: '42' } : { answer: '\\boxed{48}' } },
    );
    expect(run.metrics).toMatchObject({ 'pass-rate': 0.5, 'solver-mean-reward': 0.5, 'invalid-problems': 0 });
    expect(run.payoffs).toMatchObject({ 'solver-a': 3, 'solver-b': 0 });
  });

  it('runs the offline example and reports its metrics in the summary', async () => {
    const file = join(import.meta.dirname, '../../../examples/dialogues/dual-play.yaml');
    expect(parseYaml(readFileSync(file, 'utf8')).game).toBe('dual-play');
    const out = join(mkdtempSync(join(tmpdir(), 'polis-dual-play-')), 'run');
    const { code, stdout, stderr } = await cli(['run', file, '--out', out, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(JSON.parse(stdout).status).toBe('completed');
    expect(summary.metrics).toMatchObject({ rounds: 8, 'proposer-update-rounds': 4, 'solver-update-rounds': 4 });
    expect(summary.metrics['pass-rate']).toBeGreaterThan(0);
    expect(summary.metrics['pass-rate']).toBeLessThan(1);
    expect(summary.payoffs['solver-llm']).toBe(0);
    expect(summary.payoffs['solver-exact']).toBeGreaterThan(summary.payoffs['solver-noisy']);
  });
});
