import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/engine/config/load-config.js';
import { runExperiment } from '../../src/engine/experiment.js';
import { defaultModelBuilder } from '../../src/engine/default-models.js';
import { rerunTrace } from '../../src/engine/replay-modes.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import { games } from '../fixtures/runs/slow-experiment.js';

describe('generations', () => {
  it('replace agents between generations with newborns that act, and rerun identically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-gen-'));
    const config = validateConfig({ game: 'donor-game', params: { generations: 2, agents: 4 }, seed: 9, agents: [{ id: 'd', count: 4, role: 'generic-agent', policy: { model: 'default' } }] });
    const run = await runExperiment({ config, out: join(dir, 'a'), games, buildModel: defaultModelBuilder() });
    expect(run.status).toBe('completed');
    const { events } = await readTrace(run.traceFile);
    const start = events.find((e) => e.type === 'run-start')!;
    expect(start.type === 'run-start' && start.agents.map((a) => a.id)).toEqual(['d-1', 'd-2', 'd-3', 'd-4']);
    const actors = new Set(events.filter((e) => e.type === 'action').map((e) => e.agent));
    expect([...actors].filter((a) => a!.startsWith('gen2-')).length).toBe(2);
    expect(Object.keys(run.payoffs)).toEqual(expect.arrayContaining(['gen2-1', 'gen2-2']));
    const { diff } = await rerunTrace(run.traceFile, { out: join(dir, 'b'), games, buildModel: defaultModelBuilder() });
    expect(diff.identical).toBe(true);
  });
});
