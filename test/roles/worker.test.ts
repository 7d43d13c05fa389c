import { describe, expect, it } from 'vitest';
import type { AgentView } from '../../src/agents/agent.js';
import { Rng } from '../../src/core/rng.js';
import {
  createEconomist,
  economistParamsSchema,
  laborActionSchema,
  plannerActionSchema,
  satisfactionActionSchema,
  voteActionSchema,
  type EconomistAction,
  type WorkerObservation,
  type PlannerObservation,
} from '../../src/games/economist/index.js';
import { plannerRole, reflection } from '../../src/roles/planner.js';
import { utilityRule, workerRole } from '../../src/roles/worker.js';

const memory = { kind: 'full' as const, add() {}, view: () => [], snapshot: () => null, restore() {} };
const agent: AgentView = { id: 'w0', role: 'worker', memory };

describe('workerRole', () => {
  const game = createEconomist(economistParamsSchema.parse({ mode: 'democratic', steps: 10, plannerPeriod: 5, skills: [50, 100] }), ['w0', 'w1']);
  const s0 = game.init(Rng.fromSeed(1));

  it('renders the labor prompt with skill, income at 40 h, rates and the grid', () => {
    const text = workerRole.render({ agent, observation: game.observe(s0, 'w0'), schema: laborActionSchema }).map((m) => m.content).join('\n');
    expect(text).toContain('$50.00 per hour');
    expect(text).toContain('pre-tax income of $2,000');
    expect(text).toContain('rates (%) by bracket 0 | 90000 | 159100 | 10000000: 50, 50, 50');
    expect(text).toContain('{"LABOR": X} where X is one of 0, 10, 20');
  });

  it('accepts the quoted number of the reference format', () => {
    expect(workerRole.parse('{"LABOR": "40"}', laborActionSchema as never, game.observe(s0, 'w0'))).toEqual({ LABOR: 40 });
  });

  it('states the egotistical utility as before (prompt v1 wording) and each other type in its own words', () => {
    const text = workerRole.render({ agent, observation: game.observe(s0, 'w0'), schema: laborActionSchema }).map((m) => m.content).join('\n');
    expect(text).toContain(
      'Your utility each step is your income after tax plus the equal rebate every worker receives from total tax revenue, minus the growing strain of long hours (0.0005 × hours^3.5).',
    );
    const obs = game.observe(s0, 'w0') as WorkerObservation;
    expect(utilityRule({ ...obs, utilityType: 'adversarial' })).toMatch(/negative of the economy's social welfare \(the sum over workers of each one’s utility divided by their pre-tax income/);
    expect(utilityRule({ ...obs, utilityType: 'altruistic', swfKind: 'utilitarian' })).toMatch(/social welfare: the sum of every worker’s utility/);
  });

  it('asks a bounded worker about its satisfaction and reads YES/NO in any case', () => {
    const bounded = createEconomist(economistParamsSchema.parse({ mode: 'democratic', steps: 3, skills: [50, 100], utility: ['bounded', 'egotistical'] }), ['w0', 'w1']);
    const s = bounded.apply(bounded.init(Rng.fromSeed(1)), new Map<string, EconomistAction>([['w0', { LABOR: 40 }], ['w1', { LABOR: 40 }]]), Rng.fromSeed(1)).state;
    const obs = bounded.observe(s, 'w0');
    const text = workerRole.render({ agent, observation: obs, schema: satisfactionActionSchema }).map((m) => m.content).join('\n');
    expect(text).toContain('You worked 40 hours for a pre-tax income of $2,000');
    expect(text).toContain('{"ANSWER": "YES"} or {"ANSWER": "NO"}');
    expect(workerRole.parse('{"ANSWER": "no"}', satisfactionActionSchema as never, obs)).toEqual({ ANSWER: 'NO' });
  });

  it('hands vote observations to the voter prompt', () => {
    const voting = { ...s0, stage: 'vote' as const, platforms: { w1: [10, 0, -10] } };
    const text = workerRole.render({ agent, observation: game.observe(voting, 'w0'), schema: voteActionSchema }).map((m) => m.content).join('\n');
    expect(text).toContain('- w1: DELTA [10,0,-10]');
    expect(workerRole.parse('{"vote": "w1"}', voteActionSchema as never, game.observe(voting, 'w0'))).toEqual({ vote: 'w1' });
  });
});

describe('plannerRole', () => {
  const game = createEconomist(economistParamsSchema.parse({ steps: 20, plannerPeriod: 5, skills: [50, 100, 2000] }), ['planner', 'w0', 'w1', 'w2']);
  const rng = Rng.fromSeed(1);
  let state = game.init(rng);
  while (state.stage !== 'plan') state = game.apply(state, new Map<string, EconomistAction>(game.workers.map((w) => [w, { LABOR: 40 }])), rng).state;
  const obs = game.observe(state, 'planner') as PlannerObservation;

  it('renders the statistics, the bracket histogram and the DELTA format', () => {
    const text = plannerRole.render({ agent: { ...agent, id: 'planner' }, observation: obs, schema: plannerActionSchema }).map((m) => m.content).join('\n');
    // Incomes 2,000, 4,000 and 80,000 all fall in the first of the three brackets.
    expect(text).toContain('Workers per bracket by pre-tax income: 3, 0, 0');
    expect(text).toContain('{"DELTA": [one number per bracket]}');
    expect(plannerRole.parse('{"DELTA": [10, 0, -10]}', plannerActionSchema, obs)).toEqual({ DELTA: [10, 0, -10] });
  });

  it('reflects on last year’s change', () => {
    const after = { ...obs, rates: [60, 50, 50], yearSwf: 2, previousYear: { rates: [50, 50, 50], swf: 1 } };
    expect(reflection(after)).toBe('Raising TAX[0] raised welfare, so TAX[0] was too low.');
    expect(reflection({ ...after, yearSwf: 0.5 })).toBe('Raising TAX[0] lowered welfare, so TAX[0] was too high.');
  });
});
