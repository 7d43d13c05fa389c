// The CoMAS discussion protocol (spec 10) stepped directly with scripted answers, against hand-computed
// rewards: s = (n − 1)/2, solver s, evaluator 1 − s, scorer 0, or scorer −1 (others 0) with no score text.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { createDiscussionGame } from '../../../src/games/discussion/discussion-game.js';
import type { DiscussionObservation, DiscussionProblem, DiscussionState } from '../../../src/games/discussion/types.js';

type Answer = (agent: string, o: DiscussionObservation) => string;

/** Steps the game to the end; returns the final state and every observation per phase. */
function play(problems: DiscussionProblem[], answer: Answer, options: { rounds: number; references: number; agents?: string[]; seed?: number }) {
  const agents = options.agents ?? ['a', 'b', 'c'];
  const game = createDiscussionGame({ problems, rounds: options.rounds, references: options.references }, agents);
  const rng = Rng.fromSeed(options.seed ?? 1);
  let state: DiscussionState = game.init(rng);
  const seen: Array<{ label: string; round: number; observations: Record<string, DiscussionObservation> }> = [];
  for (let phase = game.phase(state); phase; phase = game.phase(state)) {
    const observations = Object.fromEntries(phase.agents.map((id) => [id, game.observe(state, id)]));
    seen.push({ label: phase.label!, round: phase.round, observations });
    state = game.apply(state, new Map(phase.agents.map((id) => [id, answer(id, observations[id]!)])), rng).state;
  }
  return { game, state, seen };
}

const author = (text: string): string => /\[by (\w+)\]/.exec(text)?.[1] ?? '?';

// a solves right and gets a tagged 3; b solves wrong and gets a fallback 1 ("1 overall");
// c's solution is wrong and its scorer writes nothing (a scorer failure).
const script: Answer = (agent, o) => {
  if (o.step === 'solve') return agent === 'a' ? `[by a] 5 + 7 = \\boxed{12}` : agent === 'b' ? `[by b] \\boxed{11}` : `[by c] it is 13`;
  if (o.step === 'evaluate') return `critique of ${author(o.solution)} by ${agent}`;
  const solver = author(o.solution);
  return solver === 'a' ? 'fine <score>3</score>' : solver === 'b' ? 'I rate it 1 overall' : '';
};

const sum: DiscussionProblem[] = [{ question: 'What is 5 + 7?', answer: '12', domain: 'math' }];

describe('discussion game (CoMAS, spec 10)', () => {
  it('a scorer answer that is only a master key keeps the reference reward (default 2: solver 0.5) but is counted and flagged', () => {
    const keyScorer: Answer = (agent, o) => (o.step === 'score' ? 'Thought process:' : script(agent, o));
    const { game, state } = play(sum, keyScorer, { rounds: 1, references: 2 });
    const m = game.metrics(state);
    expect(m['score.default']).toBe(3);
    expect(m['reward.solver.mean']).toBeCloseTo(0.5, 12);
    // The trace sees each one: the discussion-score event names its source.
    const fresh = play(sum, keyScorer, { rounds: 1, references: 2 });
    let s0 = fresh.game.init(Rng.fromSeed(1));
    const events: Array<Record<string, unknown>> = [];
    const rng = Rng.fromSeed(1);
    for (let phase = fresh.game.phase(s0); phase; phase = fresh.game.phase(s0)) {
      const observations = Object.fromEntries(phase.agents.map((id) => [id, fresh.game.observe(s0, id)]));
      const step = fresh.game.apply(s0, new Map(phase.agents.map((id) => [id, keyScorer(id, observations[id]!)])), rng);
      for (const o of step.outcomes ?? []) if (o.type === 'event' && o.name === 'discussion-score') events.push(o.data as Record<string, unknown>);
      s0 = step.state;
    }
    expect(events).toHaveLength(3);
    expect(events.every((d) => d['source'] === 'default' && d['score'] === 2)).toBe(true);
  });

  it('runs rounds of solve, evaluate, score with nobody reviewing their own work', () => {
    const { seen, state } = play(sum, script, { rounds: 2, references: 2 });
    expect(seen.map((s) => [s.label, s.round])).toEqual([
      ['solve', 0], ['evaluate', 0], ['score', 0],
      ['solve', 1], ['evaluate', 1], ['score', 1],
    ]);
    for (const s of seen.filter((p) => p.label !== 'solve')) {
      for (const [agent, o] of Object.entries(s.observations)) {
        expect(o.step === 'evaluate' || o.step === 'score').toBe(true);
        if (o.step === 'solve') continue;
        expect(author(o.solution)).not.toBe(agent);
        if (o.step === 'score') expect(o.evaluation).not.toMatch(new RegExp(`by ${agent}$`));
      }
      // each agent reviews a different solution: every solution is reviewed exactly once per step
      expect(Object.values(s.observations).map((o) => (o.step === 'solve' ? '' : author(o.solution))).sort()).toEqual(['a', 'b', 'c']);
    }
    expect(state.history).toHaveLength(6);
    for (const i of state.history) expect(new Set([i.solver, i.evaluator, i.scorer]).size).toBe(3);
  });

  it('scores every interaction by spec 10 and reports the means and score sources', () => {
    const { game, state } = play(sum, script, { rounds: 2, references: 2 });
    // Per round, hand-computed: a's pair n=3 → s=1: solver 1, evaluator 0, scorer 0;
    // b's pair n=1 (fallback digit) → s=0: solver 0, evaluator 1, scorer 0; c's pair no text → 0, 0, −1.
    const m = game.metrics(state);
    expect(m.interactions).toBe(6);
    expect(m['reward.solver.mean']).toBeCloseTo(1 / 3, 12);
    expect(m['reward.evaluator.mean']).toBeCloseTo(1 / 3, 12);
    expect(m['reward.scorer.mean']).toBeCloseTo(-1 / 3, 12);
    expect(m['score.mean']).toBe(2); // (3 + 1) / 2 per round; failures carry no score
    expect([m['score.tag'], m['score.fallback'], m['score.default'], m['scorer.failures']]).toEqual([2, 2, 0, 2]);
    // Reporting-only accuracy: only a's \boxed{12} matches the reference, in both rounds.
    expect([m.accuracy, m['accuracy.round1'], m['accuracy.round2']]).toEqual([1 / 3, 1 / 3, 1 / 3]);
    // Per agent: a always earns solver 1; whoever evaluates b earns 1; whoever scores c earns −1.
    const expected: Record<string, { solver: number; evaluator: number; scorer: number }> = {
      a: { solver: 0, evaluator: 0, scorer: 0 },
      b: { solver: 0, evaluator: 0, scorer: 0 },
      c: { solver: 0, evaluator: 0, scorer: 0 },
    };
    for (const i of state.history) {
      if (i.solver === 'a') expected.a!.solver += 1;
      if (i.solver === 'b') expected[i.evaluator]!.evaluator += 1;
      if (i.solver === 'c') expected[i.scorer]!.scorer -= 1;
    }
    expect(state.totals).toEqual(expected);
    expect(game.payoffs(state)).toEqual(Object.fromEntries(Object.entries(expected).map(([k, t]) => [k, t.solver + t.evaluator + t.scorer])));
    expect(Object.values(game.payoffs(state)).reduce((x, y) => x + y, 0)).toBe(2); // (1 + 1 − 1) per round
  });

  it('with 3 agents, the assignment is one of the two reviewer cycles, and totals follow the hand table', () => {
    // n = 3: evaluators form a 3-cycle and scorers the other one. Per round (script above):
    //   cycle a→b→c (a's solution evaluated by b, scored by c): a +1 solver, c +1 evaluator (of b), b −1 scorer (of c)
    //   cycle a→c→b (a's solution evaluated by c, scored by b): a +1 solver, a +1 evaluator (of b), a −1 scorer (of c)
    const table = { abc: { a: 1, b: -1, c: 1 }, acb: { a: 1, b: 0, c: 0 } };
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { game, state } = play(sum, script, { rounds: 1, references: 0, seed });
      const first = state.history.find((i) => i.solver === 'a')!;
      const cycle = first.evaluator === 'b' ? 'abc' : 'acb';
      expect(first.scorer).toBe(cycle === 'abc' ? 'c' : 'b');
      expect(game.payoffs(state)).toEqual(table[cycle]);
    }
  });

  it('shows solvers up to `references` solution/critique pairs of the previous round, never scores', () => {
    const { seen } = play(sum, script, { rounds: 3, references: 2 });
    const solves = seen.filter((s) => s.label === 'solve');
    for (const o of Object.values(solves[0]!.observations)) expect(o.step === 'solve' && o.discussion).toEqual([]);
    for (const [k, s] of solves.slice(1).entries()) {
      const shared = Object.values(s.observations).map((o) => (o.step === 'solve' ? o.discussion : []));
      // one sample per problem and round, the same for every solver (as in CoMAS)
      expect(shared[1]).toEqual(shared[0]);
      expect(shared[2]).toEqual(shared[0]);
      expect(shared[0]).toHaveLength(2);
      for (const d of shared[0]!) {
        expect(Object.keys(d).sort()).toEqual(['evaluation', 'solution']);
        expect(d.evaluation).toBe(`critique of ${author(d.solution)} by ${/by (\w+)$/.exec(d.evaluation)![1]}`);
        expect(JSON.stringify(d)).not.toMatch(/score/);
      }
      expect(k).toBeLessThan(2);
    }
    const capped = play(sum, script, { rounds: 2, references: 5 }).seen.filter((s) => s.label === 'solve')[1]!;
    expect(Object.values(capped.observations)[0]!.step === 'solve' && (Object.values(capped.observations)[0] as { discussion: unknown[] }).discussion).toHaveLength(3);
  });

  it('discusses problems one after another; a new problem starts with an empty discussion', () => {
    const problems: DiscussionProblem[] = [sum[0]!, { question: 'What is 2 × 3?', domain: 'math' }];
    const { seen, game, state } = play(problems, script, { rounds: 2, references: 1 });
    expect(seen.map((s) => s.round)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
    const third = seen[6]!.observations.a!;
    expect(third).toMatchObject({ step: 'solve', question: 'What is 2 × 3?', round: 1, discussion: [] });
    // accuracy counts only problems with a reference answer
    expect(game.metrics(state).accuracy).toBe(1 / 3);
    expect(game.isOver(state)).toBe(true);
  });

  it('never puts the reference answer into an observation', () => {
    const secret: DiscussionProblem[] = [{ question: 'Name the capital of France.', answer: 'Paris-REF', domain: 'math' }];
    const { seen } = play(secret, (agent, o) => (o.step === 'score' ? '<score>2</score>' : `${o.step} by ${agent}`), { rounds: 2, references: 2 });
    expect(JSON.stringify(seen)).not.toContain('Paris-REF');
    expect(JSON.stringify(seen)).toContain('Name the capital of France.');
  });

  it('checks science answers within ±5% (spec 10) and math answers exactly', () => {
    const problems: DiscussionProblem[] = [
      { question: 'g?', answer: '9.81', domain: 'science' },
      { question: 'g again?', answer: '9.81', domain: 'math' },
    ];
    const { state } = play(problems, (_agent, o) => (o.step === 'solve' ? '\\boxed{10.2}' : o.step === 'score' ? '<score>2</score>' : 'ok'), { rounds: 1, references: 0 });
    // |10.2 − 9.81| / 10.2 = 0.038 ≤ 0.05 → correct in science; not equal as a math number
    expect(state.history.map((i) => i.correct)).toEqual([true, true, true, false, false, false]);
  });

  it('keeps a JSON state and replays identically from the same seed; no accuracy without references', () => {
    const problems: DiscussionProblem[] = [{ question: 'Open question?', domain: 'math' }];
    const one = play(problems, script, { rounds: 3, references: 1, seed: 9, agents: ['a', 'b', 'c', 'd'] });
    const two = play(problems, script, { rounds: 3, references: 1, seed: 9, agents: ['a', 'b', 'c', 'd'] });
    expect(JSON.parse(JSON.stringify(one.state))).toEqual(one.state);
    expect(two.state).toEqual(one.state);
    expect(one.game.metrics(one.state)).not.toHaveProperty('accuracy');
  });

  it('needs at least three agents', () => {
    expect(() => createDiscussionGame({ problems: sum, rounds: 1, references: 0 }, ['a', 'b'])).toThrow(/at least 3 agents/);
  });
});
