// Through the real engine: the persuadee's private prior and self-reports never reach the persuader's prompts;
// the persuader's principle never reaches the persuadee's. The example runs offline and reports its metrics.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelRequest } from '../../../src/models/model.js';
import { cli } from '../../helpers/cli.js';
import { runScripted } from '../../helpers/scripted-experiment.js';

const PRIOR = 'Remote work erodes team trust in my experience';
const config = (withPrior: boolean) => ({
  game: 'susceptibility',
  params: { claim: 'Remote work should be the default', strategy: 'scarcity', turns: 2, ...(withPrior ? { prior: { agreement: 1, statement: PRIOR } } : {}) },
  agents: [{ id: 'persuader' }, { id: 'persuadee' }],
  models: { default: 'scripted:test' },
});

// the persuadee's reports grow 1, 2, 3 so a leak of "agreement" values would show as text too
const respond = (request: ModelRequest, agent: string, index: number) =>
  agent === 'persuader' ? { object: { message: `PITCH-${index}` } } : { object: { reply: `REPLY-${index}`, agreement: Math.min(5, 1 + Math.floor(index / 2)) } };

describe('susceptibility prompts through the engine', () => {
  it('the prior is in the persuadee prompts only, and only in the prior condition', async () => {
    const { prompts, run } = await runScripted(config(true), respond);
    const persuader = (prompts.get('persuader') ?? []).join('\n');
    const persuadee = (prompts.get('persuadee') ?? []).join('\n');
    expect(persuadee).toContain(PRIOR); // the owner sees it: the string is really rendered
    expect(persuader).not.toContain(PRIOR);
    expect(persuader).not.toMatch(/agreement with the claim/i);
    expect(persuader).toContain('REPLY-'); // the conversation itself is shared
    expect(run.metrics).toMatchObject({ prior: 1, 'baseline-agreement': 1 });
    const none = await runScripted(config(false), respond);
    expect((none.prompts.get('persuadee') ?? []).join('\n')).not.toContain(PRIOR);
    expect(none.run.metrics).toMatchObject({ prior: 0 });
  });

  it("the persuader's principle stays in the persuader's prompts", async () => {
    const { prompts } = await runScripted(config(true), respond);
    expect((prompts.get('persuader') ?? []).join('\n')).toContain('"scarcity"');
    expect((prompts.get('persuadee') ?? []).join('\n')).not.toMatch(/scarcity|rare, urgent/);
  });

  it('examples/dialogues/susceptibility.yaml runs offline and reports susceptibility', async () => {
    const file = join(import.meta.dirname, '../../../examples/dialogues/susceptibility.yaml');
    const { code, stdout } = await cli(['run', file, '--out', join(mkdtempSync(join(tmpdir(), 'polis-susc-')), 'run'), '--json']);
    expect(code).toBe(0);
    const { metrics, status } = JSON.parse(stdout);
    expect(status).toBe('completed');
    expect(metrics).toMatchObject({ 'turns-completed': 3, prior: 1, 'baseline-agreement': 2 });
    expect(metrics.susceptibility).toBe(metrics['final-agreement'] - 2);
  });
});
