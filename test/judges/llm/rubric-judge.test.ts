import { describe, expect, it } from 'vitest';
import { SOTOPIA_RUBRIC, createRubricJudge } from '../../../src/judges/llm/rubric-judge.js';
import { createPanel } from '../../../src/judges/panel/panel-judge.js';
import { ScriptedClient } from '../../../src/models/scripted/scripted-client.js';
import { fnClient, lastUser } from '../helpers/fn-client.js';

const target = { seq: [3], text: 'I can lend you the car if you return it by Friday.', agent: 'bob' };

describe('rubric judge (SOTOPIA dimensions)', () => {
  it('clamps out-of-range scores into the dimension range and lists them', async () => {
    const client = fnClient(() => ({
      scores: { goal: 12, believability: 8, knowledge: 3, relationship: 2, secret: 1, social_rules: -11, financial_and_material_benefits: 0 },
      rationale: 'fine',
    }));
    const judge = createRubricJudge({ client, name: 'sotopia', dimensions: SOTOPIA_RUBRIC });
    const r = await judge.judge(target);
    expect(r.scores).toEqual({ goal: 10, believability: 8, knowledge: 3, relationship: 2, secret: 0, social_rules: -10, financial_and_material_benefits: 0 });
    expect(r.clamped).toEqual(['goal', 'secret', 'social_rules']);
    // the prompt states every range
    expect(client.requests[0]?.messages[0]?.content).toContain('relationship [-5, 5]');
    expect(lastUser(client.requests[0]!)).toContain('lend you the car');
  });

  it('rejects an answer that misses a dimension (each dimension is a required field of the schema)', async () => {
    const judge = createRubricJudge({ client: fnClient(() => ({ scores: { goal: 5 } })), name: 'partial', dimensions: SOTOPIA_RUBRIC });
    await expect(judge.judge(target)).rejects.toThrow(/judge "partial": answer does not match the scores schema; the model answered: "\{\\"scores\\":\{\\"goal\\":5\}\}"/);
  });

  it('gives the offline scripted:random model a field per dimension to fill', async () => {
    const judge = createRubricJudge({ client: new ScriptedClient({ random: true, seed: 3 }), name: 'offline', dimensions: SOTOPIA_RUBRIC });
    const result = await judge.judge(target);
    expect(Object.keys(result.scores).sort()).toEqual(SOTOPIA_RUBRIC.map((d) => d.name).sort());
  });
});

describe('panel', () => {
  it('samples k replicates with distinct replicate indices and aggregates', async () => {
    const client = fnClient((req) => ({ scores: { goal: [2, 6, 7][req.call?.replicate ?? 0] } }));
    const judge = createRubricJudge({ client, name: 'goal-only', dimensions: [{ name: 'goal', min: 0, max: 10, description: 'goal' }] });
    const mean = await createPanel({ judges: [judge], replicates: 3 }).judge(target);
    expect(mean.scores.goal).toBe(5);
    expect(client.requests.map((r) => r.call?.replicate).sort()).toEqual([0, 1, 2]);
    const min = await createPanel({ judges: [judge], replicates: 3, aggregate: 'min' }).judge(target);
    expect(min.scores.goal).toBe(2);
    expect(min.calls).toBe(3);
  });
});
