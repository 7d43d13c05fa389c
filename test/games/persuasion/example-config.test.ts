// examples/dialogues/persuasion.yaml runs offline through the CLI and reports the game's metrics; with
// every seat swapped to the offline model (scripted:random) the roles' prompts and JSON actions still run.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { cli } from '../../helpers/cli.js';

const example = join(import.meta.dirname, '../../../examples/dialogues/persuasion.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'polis-persuasion-'));

describe('examples/dialogues/persuasion.yaml', () => {
  it('runs offline with scripted seats and reports prediction accuracy and the move to the target', async () => {
    const out = join(tmp(), 'run');
    const { code, stdout } = await cli(['run', example, '--out', out, '--json']);
    expect(code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(JSON.parse(stdout).metrics).toEqual(summary.metrics);
    // CToMPersu #0. The echo guess of the generative belief is Bob's whole second reply: content words
    // [point, concern, trying, out, vertical, farming, risky, result, loss] vs the truth's last seven of them:
    // P 7/9, R 1 -> F1 7/8. Generative desire: [help, improve, farming, efficiency, yield, really, give] vs
    // [improve, farming, efficiency, yield]: P 4/7, R 1 -> F1 8/11.
    expect(summary.metrics).toMatchObject({ turns: 8, cycles: 3, 'moved-to-target': 1, 'prediction-accuracy': 1, 'prediction-f1.preventive-belief': 1 });
    expect(summary.metrics['prediction-f1.generative-belief']).toBeCloseTo(7 / 8, 12);
    expect(summary.metrics['prediction-f1.generative-desire']).toBeCloseTo(8 / 11, 12);
    expect(summary.payoffs).toEqual({ alice: 1, bob: 0, observer: 0 });
  });

  it('runs with the offline model in every seat (persuader, persuadee and observer roles)', async () => {
    const dir = tmp();
    const config = parse(readFileSync(example, 'utf8')) as { agents: Array<{ policy: unknown }> };
    for (const agent of config.agents) agent.policy = { model: 'default' };
    const file = join(dir, 'models.yaml');
    writeFileSync(file, stringify(config));
    const { code, stdout } = await cli(['run', file, '--out', join(dir, 'run'), '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.status).toBe('completed');
    expect(result.usage.calls).toBeGreaterThanOrEqual(14);
    expect(result.metrics).toMatchObject({ turns: 8, cycles: 3 });
    const header = JSON.parse(readFileSync(join(dir, 'run', 'trace.jsonl'), 'utf8').split('\n')[0]!);
    expect(Object.keys(header.prompts)).toEqual(expect.arrayContaining(['persuasion-persuader@1', 'persuasion-persuadee@1', 'persuasion-observer@1']));
  });
});
