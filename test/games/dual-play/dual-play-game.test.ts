// Dual play (spec 7) with scripted proposer and solvers, scored against hand-computed PasoDoble numbers
// (arXiv 2511.11881; HCY123902/PasoDoble@16dae4f3cd8f): r_solver = answer agreement, p = mean r_solver
// (0 if invalid), d = share of accepted questions with Jaccard ≤ 0.8, r_proposer = 1.1 − p + 0.2·d when
// p > 0.2 and d > 0.3, else 0.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import type { Strategy } from '../../../src/games/definition.js';
import { createDualPlayGame, dualPlayParamsSchema, updatingSides, type DualPlayObservation, type DualPlayState } from '../../../src/games/dual-play/index.js';
import { driveGame } from '../metrics/drive-game.js';

const agents = ['proposer', 'solver-1', 'solver-2', 'solver-3'];

/** Round r: the proposer's problem and answer, and the three solvers' answers. */
const table: Array<{ problem: string; answer: string; solvers: [string, string, string] }> = [
  { problem: 'What is 7 + 5?', answer: '12', solvers: ['12', '12', '13'] },
  { problem: 'What is 7 + 5?', answer: '12', solvers: ['12', '12', '12'] }, // a repeat: diversity 0
  { problem: 'Compute 9 × 9 = 81', answer: '81', solvers: ['81', '81', '81'] }, // answer inside the question
  { problem: 'How many legs do 3 spiders have?', answer: '24', solvers: ['\\boxed{24}', '24.0', 'twenty-four'] },
];

function scripted(agent: string): Strategy {
  return {
    metadata: { name: `table-${agent}`, stochastic: false, memoryDepth: 0, source: 'test' },
    decide(o: unknown) {
      const obs = o as DualPlayObservation;
      const row = table[obs.round]!;
      if (obs.kind === 'propose') return { problem: row.problem, answer: row.answer };
      return { answer: row.solvers[agents.indexOf(agent) - 1]! };
    },
  };
}

function play(params: Record<string, unknown>) {
  const game = createDualPlayGame(dualPlayParamsSchema.parse({ solvers: 3, rounds: 4, ...params }), agents);
  return { game, ...driveGame<DualPlayState>(game, scripted) };
}

describe('dual play', () => {
  it('scores each round with the PasoDoble rules', () => {
    const { state } = play({ schedule: 'alternating', alternateEvery: 1 });
    const rows = state.log.map((r) => [r.solverRewards, r.passRate, r.diversity, r.proposerReward, r.invalidReasons, r.trainable, r.updating]);
    const good = 1.1 - 2 / 3 + 0.2; // p = 2/3, d = 1
    expect(rows[0]).toEqual([[1, 1, 0], 2 / 3, 1, good, [], true, ['proposer']]);
    expect(rows[1]).toEqual([[1, 1, 1], 1, 0, 0, [], false, ['solver']]);
    expect(rows[2]).toEqual([[0, 0, 0], 0, 1, 0, ['answer contained in the question'], false, ['proposer']]);
    expect(rows[3]).toEqual([[1, 1, 0], 2 / 3, 1, good, [], true, ['solver']]);
    // only rewarded questions enter the diversity history
    expect(state.history).toEqual(['What is 7 + 5?', 'How many legs do 3 spiders have?']);
  });

  it('reports pass rate, mean rewards, invalid problems and the schedule as metrics and payoffs', () => {
    const { game, state } = play({ schedule: 'alternating', alternateEvery: 1 });
    const m = game.metrics(state);
    expect(m['pass-rate']).toBeCloseTo((2 / 3 + 1 + 0 + 2 / 3) / 4, 12); // 7/12
    expect(m['proposer-mean-reward']).toBeCloseTo((2 * 0.6333333333333333) / 4, 12);
    expect(m['solver-mean-reward']).toBeCloseTo(7 / 12, 12);
    expect(m).toMatchObject({ rounds: 4, 'invalid-problems': 1, 'mean-diversity': 0.75, 'trainable-rounds': 2, 'proposer-update-rounds': 2, 'solver-update-rounds': 2 });
    expect(Object.keys(m).sort()).toEqual([
      'invalid-problems', 'mean-diversity', 'pass-rate', 'proposer-mean-reward', 'proposer-update-rounds',
      'rounds', 'solver-mean-reward', 'solver-update-rounds', 'trainable-rounds',
    ]);
    const p = game.payoffs(state);
    expect(p.proposer).toBeCloseTo(2 * 0.6333333333333333, 12);
    expect([p['solver-1'], p['solver-2'], p['solver-3']]).toEqual([3, 3, 1]);
  });

  it('records which side is updating in every round event and payoff', () => {
    const { outcomes } = play({ schedule: 'alternating', alternateEvery: 2 });
    const rounds = outcomes.filter((o) => o.type === 'event' && o.name === 'dual-play-round');
    expect(rounds.map((o) => (o.type === 'event' ? o.data?.updating : null))).toEqual([['proposer'], ['proposer'], ['solver'], ['solver']]);
    const proposerPayoffs = outcomes.filter((o) => o.type === 'payoff' && o.agent === 'proposer');
    expect(proposerPayoffs.map((o) => (o.type === 'payoff' ? o.detail?.updating : null))).toEqual([true, true, false, false]);
    expect(updatingSides({ schedule: 'online', alternateEvery: 2 }, 3)).toEqual(['proposer', 'solver']);
  });

  it('poses the problem to the solvers on the problems channel and keeps the answer with the proposer', () => {
    const game = createDualPlayGame(dualPlayParamsSchema.parse({ solvers: 3, rounds: 2 }), agents);
    const rng = Rng.fromSeed(3);
    let state = game.init(rng);
    expect(game.phase(state)).toMatchObject({ kind: 'dialogue', agents: ['proposer'], channel: 'problems' });
    const result = game.apply(state, new Map([['proposer', { problem: 'What is 300 + 4?', answer: '304' }]]), rng);
    state = result.state;
    expect(result.outcomes).toEqual([{ type: 'message', from: 'proposer', to: ['solver-1', 'solver-2', 'solver-3'], channel: 'problems', content: 'What is 300 + 4?' }]);
    expect(game.phase(state)).toMatchObject({ kind: 'simultaneous', agents: ['solver-1', 'solver-2', 'solver-3'] });
    for (const s of agents.slice(1)) expect(JSON.stringify(game.observe(state, s))).not.toContain('304');
    state = game.apply(state, new Map(agents.slice(1).map((s) => [s, { answer: '304' }])), rng).state;
    expect(JSON.stringify(game.observe(state, 'proposer'))).toContain('304');
  });

  it('shows the proposer a passage drawn from the rng each round', () => {
    const passages = ['Spiders have eight legs.', 'A week has seven days.', 'Water boils at 100 °C.'];
    const seen = new Set<string>();
    const game = createDualPlayGame(dualPlayParamsSchema.parse({ solvers: 3, rounds: 12, passages }), agents);
    const { state } = driveGame<DualPlayState>(game, (a) => ({
      metadata: { name: 'spy', stochastic: false, memoryDepth: 0, source: 'test' },
      decide(o: unknown) {
        const obs = o as DualPlayObservation;
        if (obs.kind === 'propose') seen.add(obs.passage);
        return obs.kind === 'propose' ? { problem: `Question ${obs.round}`, answer: 'x' } : { answer: a };
      },
    }));
    expect(state.log).toHaveLength(12);
    expect([...seen].sort()).toEqual([...passages].sort());
  });

  it('passes the diversity window and τ_low through to the PasoDoble formulas', () => {
    // problems A, B, A, all solved by 2 of 3 solvers (p = 2/3)
    const problems = ['What is 7 + 5?', 'How many legs do 3 spiders have?', 'What is 7 + 5?'];
    const strategy = (agent: string): Strategy => ({
      metadata: { name: 'aba', stochastic: false, memoryDepth: 0, source: 'test' },
      decide: (o: unknown) => {
        const obs = o as DualPlayObservation;
        return obs.kind === 'propose' ? { problem: problems[obs.round]!, answer: '12' } : { answer: agent === 'solver-3' ? '0' : '12' };
      },
    });
    const diversities = (params: Record<string, unknown>) =>
      driveGame<DualPlayState>(createDualPlayGame(dualPlayParamsSchema.parse({ solvers: 3, rounds: 3, ...params }), agents), strategy).state.log.map((r) => r.diversity);
    expect(diversities({})).toEqual([1, 1, 0.5]); // the repeat matches 1 of the 2 accepted questions
    expect(diversities({ historyWindow: 1 })).toEqual([1, 1, 1]); // only the last accepted question counts
    const strict = driveGame<DualPlayState>(createDualPlayGame(dualPlayParamsSchema.parse({ solvers: 3, rounds: 1, tauLow: 0.7 }), agents), strategy).state;
    expect(strict.log[0]!.proposerReward).toBe(0); // p = 2/3 ≤ 0.7
  });

  it('rejects a seat count that does not match the solvers and a τ_low above τ_high', () => {
    expect(() => createDualPlayGame(dualPlayParamsSchema.parse({ solvers: 2 }), agents)).toThrow(/1 proposer \+ 2 solvers, got 4/);
    expect(dualPlayParamsSchema.safeParse({ tauLow: 0.9, tauHigh: 0.5 }).success).toBe(false);
  });
});
