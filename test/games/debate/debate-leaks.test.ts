// Through the real engine (roles, prompt templates, model stack, trace): what each debater's prompts may hold.
// Personalisation puts the participant's sociodemographics in the opponent's prompts, and only then.
import { describe, expect, it } from 'vitest';
import type { ModelRequest } from '../../../src/models/model.js';
import { runScripted } from '../../helpers/scripted-experiment.js';

const config = {
  game: 'debate',
  params: {
    pairs: [
      { topic: 'Cities should ban cars downtown', side: 'pro', opponent: 'zeta-bot', personalised: true, participant: { age: 47, ethnicity: 'Xanthian', politicalAffiliation: 'Quorum Party' } },
      { topic: 'Homework should be abolished', side: 'con', opponent: 'zeta-bot', personalised: false, participant: { age: 23, ethnicity: 'Vellish', politicalAffiliation: 'Lantern League' } },
    ],
  },
  agents: [{ id: 'p0' }, { id: 'o0' }, { id: 'p1' }, { id: 'o1' }],
  models: { default: 'scripted:test' },
};

const respond = (request: ModelRequest, agent: string, index: number) => {
  const last = request.messages.at(-1)?.content ?? '';
  return last.includes('"agreement"') ? { object: { agreement: agent === 'p0' ? 2 : 4 } } : { object: { argument: `ARGUMENT-OF-${agent}-${index}` } };
};

describe('debate prompts through the engine', () => {
  it('the personalised opponent sees the participant sociodemographics; the non-personalised one never does', async () => {
    const { prompts, run } = await runScripted(config, respond);
    const all = (agent: string) => (prompts.get(agent) ?? []).join('\n');
    // the owner sees its own profile (so the strings are really rendered)
    expect(all('p1')).toContain('Vellish');
    expect(all('p1')).toContain('Lantern League');
    // personalised pair: the opponent is told
    expect(all('o0')).toContain('Xanthian');
    expect(all('o0')).toContain('political affiliation: Quorum Party');
    // non-personalised pair: nothing of the participant's profile reaches the opponent
    for (const secret of ['Vellish', 'Lantern League', 'age 23']) expect(all('o1')).not.toContain(secret);
    expect(run.status).toBe('completed');
  });

  it('pairs are isolated, each side sees the other only from the next stage, and the condition label is never shown', async () => {
    const { prompts } = await runScripted(config, respond);
    const all = (agent: string) => (prompts.get(agent) ?? []).join('\n');
    for (const agent of ['p1', 'o1']) {
      expect(all(agent)).not.toContain('ARGUMENT-OF-p0');
      expect(all(agent)).not.toContain('Xanthian');
    }
    expect(all('o0')).toContain('ARGUMENT-OF-p0');
    // the opening prompt of o0 holds no argument of p0 (sealed stage)
    const opening = (prompts.get('o0') ?? []).find((p) => p.includes('Opening stage'))!;
    expect(opening).not.toContain('ARGUMENT-OF');
    for (const agent of ['p0', 'o0', 'p1', 'o1']) expect(all(agent)).not.toContain('zeta-bot');
  });

  it('records surveys as events and reports the metrics in the run summary', async () => {
    const { run, events } = await runScripted(config, respond);
    const surveys = events.filter((e) => e.type === 'outcome' && e.outcome.name === 'debate-survey');
    expect(surveys).toHaveLength(4);
    // p0 (PRO, opponent CON) answered 2 then 2: no shift; p1 (CON, opponent PRO) 4 then 4
    expect(run.metrics).toMatchObject({ 'pairs-completed': 2, 'mean-shift:zeta-bot': 0, 'mean-shift:zeta-bot+personalised': 0 });
  });
});
