import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/engine/config/load-config.js';
import { runExperiment } from '../../src/engine/experiment.js';
import { defaultModelBuilder } from '../../src/engine/default-models.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import { games } from '../fixtures/runs/slow-experiment.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'polis-exp-'));
const base = { game: 'prisoners-dilemma', params: { rounds: 8 }, seed: 2 };
const llm = { id: 'llm', role: 'generic-agent', policy: { model: 'default' }, persona: { name: 'Ada', age: 30, traits: ['calm'] } };

describe('experiments', () => {
  it('stop cleanly at the token budget, with the summary written', async () => {
    const config = validateConfig({ ...base, agents: [llm, { policy: { strategy: 'tit-for-tat' } }], budget: { tokens: 900 } });
    const run = await runExperiment({ config, out: tmp(), games, buildModel: defaultModelBuilder() });
    expect(run.status).toBe('stopped');
    expect(run.reason).toMatch(/tokens budget exceeded/);
    expect(run.rounds).toBeLessThan(8);
    const { events } = await readTrace(run.traceFile);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'stopped' });
  });

  it('probe persona drift at intervals and report it as a metric', async () => {
    const config = validateConfig({ ...base, agents: [llm, { policy: { strategy: 'tit-for-tat' } }], personaDrift: { every: 3 } });
    const run = await runExperiment({ config, out: tmp(), games, buildModel: defaultModelBuilder() });
    expect(run.metrics['persona.drift']).toBeGreaterThanOrEqual(0);
    expect(run.metrics['persona.drift']).toBeLessThanOrEqual(1);
    const { events } = await readTrace(run.traceFile);
    const probes = events.filter((e) => e.type === 'model-call' && e.call.purpose === 'persona-probe');
    expect(probes.map((e) => e.time)).toEqual([3, 6]);
    expect(events.filter((e) => e.type === 'metric' && e.name === 'persona.drift').length).toBe(2);
  });

  it('sample personas for agents without one, reproducibly', async () => {
    const config = validateConfig({
      ...base,
      agents: [{ id: 'x', count: 2, role: 'generic-agent', policy: { model: 'default' } }],
      personas: { sampler: 'table', rows: [{ share: 1, persona: { occupation: 'baker' } }] },
    });
    const run = await runExperiment({ config, out: tmp(), games, buildModel: defaultModelBuilder() });
    const { events } = await readTrace(run.traceFile);
    const start = events[0]!;
    expect(start.type === 'run-start' && start.agents.map((a) => a.persona)).toEqual([
      { name: 'x-1', occupation: 'baker', traits: [], values: [] },
      { name: 'x-2', occupation: 'baker', traits: [], values: [] },
    ]);
    const call = events.find((e) => e.type === 'model-call')!;
    expect(call.type === 'model-call' && call.request.messages[0]!.content).toContain('You are x-1, working as a baker.');
  });

  it('reject a population the game cannot seat, naming the agents', async () => {
    const config = validateConfig({ ...base, agents: [{ policy: { strategy: 'tit-for-tat' }, count: 3 }] });
    await expect(runExperiment({ config, out: tmp(), games, buildModel: defaultModelBuilder() })).rejects.toThrow(/agents: game prisoners-dilemma takes 2 agents, the config gives 3/);
  });
});
