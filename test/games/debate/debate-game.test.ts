// The debate protocol stepped directly: stages, sealed speaking rounds, who sees what, shifts and odds ratios
// computed from a hand-made 2×2 design.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { createDebateGame } from '../../../src/games/debate/debate-game.js';
import type { DebateParamsInput } from '../../../src/games/debate/params.js';
import type { DebateAction, DebateObservation } from '../../../src/games/debate/types.js';

type Answer = (agent: string, observation: DebateObservation) => DebateAction;

/** Steps the game to its end; `answer` plays every seat. Returns the game, the final state and the stage labels. */
function play(params: DebateParamsInput, answer: Answer) {
  const agents = params.pairs.flatMap((_, i) => [`p${i}`, `o${i}`]);
  const game = createDebateGame(params, agents);
  const rng = Rng.fromSeed(1);
  let state = game.init(rng);
  const labels: string[] = [];
  const outcomes = [];
  for (let phase = game.phase(state); phase; phase = game.phase(state)) {
    labels.push(`${phase.label}:${phase.agents.join(',')}`);
    const actions = new Map(phase.agents.map((a) => [a, answer(a, game.observe(state, a))]));
    const result = game.apply(state, actions, rng);
    outcomes.push(...result.outcomes);
    state = result.state;
  }
  return { game, state, labels, outcomes, agents };
}

const say: Answer = (agent, o) => (o.kind === 'argue' ? { argument: `${agent} ${o.stage}` } : { agreement: 3 });

describe('debate protocol', () => {
  it('runs pre-survey, opening, rebuttal, conclusion, post-survey; surveys ask participants only', () => {
    const { labels } = play({ pairs: [{ topic: 'T' }, { topic: 'U' }] }, say);
    expect(labels).toEqual(['pre-survey:p0,p1', 'opening:p0,o0,p1,o1', 'rebuttal:p0,o0,p1,o1', 'conclusion:p0,o0,p1,o1', 'post-survey:p0,p1']);
  });

  it('speaking stages are sealed: the rebuttal sees the opening of both sides, never the same-stage text of the opponent', () => {
    const seen: string[][] = [];
    play({ pairs: [{ topic: 'T', side: 'con' }] }, (agent, o) => {
      if (o.kind === 'argue' && agent === 'o0') seen.push(o.transcript.map((t) => `${t.speaker}:${t.text}`));
      return say(agent, o);
    });
    expect(seen).toEqual([[], ['opponent:p0 opening', 'you:o0 opening'], ['opponent:p0 opening', 'you:o0 opening', 'opponent:p0 rebuttal', 'you:o0 rebuttal']]);
  });

  it('sides are opposite and pairs never see each other', () => {
    const sides: Record<string, string> = {};
    const texts: string[] = [];
    play({ pairs: [{ topic: 'T', side: 'con' }, { topic: 'U' }] }, (agent, o) => {
      if (o.kind === 'argue') {
        sides[agent] = o.side;
        if (agent === 'p1') texts.push(...o.transcript.map((t) => t.text));
      }
      return say(agent, o);
    });
    expect(sides).toEqual({ p0: 'con', o0: 'pro', p1: 'pro', o1: 'con' });
    expect(texts.some((t) => t.includes('0 '))).toBe(false);
  });

  it('messages go to the partner only, on the pair channel', () => {
    const { outcomes } = play({ pairs: [{ topic: 'T' }] }, say);
    const messages = outcomes.filter((o) => o.type === 'message');
    expect(messages[0]).toEqual({ type: 'message', from: 'p0', to: ['o0'], channel: 'private:p0,o0', content: 'p0 opening' });
    expect(messages).toHaveLength(6);
  });

  it('personalisation shows the opponent (only) the participant sociodemographics; the participant sees its own', () => {
    const participant = { age: 41, gender: 'female', politicalAffiliation: 'independent' };
    const views: Record<string, DebateObservation> = {};
    play({ pairs: [{ topic: 'T', personalised: true, participant }, { topic: 'U', personalised: false, participant }] }, (agent, o) => {
      if (o.kind === 'argue' && o.stage === 'opening') views[agent] = o;
      return say(agent, o);
    });
    expect(views.o0).toMatchObject({ opponent: participant });
    expect(views.o0).not.toHaveProperty('you');
    expect(views.o1).not.toHaveProperty('opponent');
    expect(views.p0).toMatchObject({ you: participant });
    expect(views.p0).not.toHaveProperty('opponent');
  });
});

describe('debate metrics', () => {
  // 8 pairs: 4 against a personalised AI stand-in, 4 against a human stand-in (the baseline).
  // agreement (pre -> post) with the proposition; the participant's side flips the direction toward the opponent.
  const design: Array<{ opponent: string; personalised: boolean; side: 'pro' | 'con'; pre: number; post: number; shift: number }> = [
    { opponent: 'ai', personalised: true, side: 'pro', pre: 4, post: 2, shift: 2 }, // opponent CON: less agreement = persuaded
    { opponent: 'ai', personalised: true, side: 'con', pre: 2, post: 3, shift: 1 }, // opponent PRO
    { opponent: 'ai', personalised: true, side: 'pro', pre: 5, post: 4, shift: 1 },
    { opponent: 'ai', personalised: true, side: 'con', pre: 3, post: 3, shift: 0 },
    { opponent: 'human', personalised: false, side: 'pro', pre: 4, post: 5, shift: -1 },
    { opponent: 'human', personalised: false, side: 'con', pre: 1, post: 2, shift: 1 },
    { opponent: 'human', personalised: false, side: 'pro', pre: 3, post: 3, shift: 0 },
    { opponent: 'human', personalised: false, side: 'con', pre: 2, post: 2, shift: 0 },
  ];
  const params: DebateParamsInput = { pairs: design.map(({ opponent, personalised, side }) => ({ topic: 'T', opponent, personalised, side })) };
  const answer: Answer = (agent, o) => {
    if (o.kind !== 'survey') return say(agent, o);
    const row = design[Number(agent.slice(1))]!;
    return { agreement: o.when === 'pre' ? row.pre : row.post };
  };

  it('computes shifts toward the opponent, shares and the odds ratio against the baseline', () => {
    const { game, state } = play(params, answer);
    const m = game.metrics(state);
    expect(m['pairs-completed']).toBe(8);
    expect(m['mean-shift:ai+personalised']).toBe(1); // (2 + 1 + 1 + 0) / 4
    expect(m['mean-shift:human']).toBe(0); // (-1 + 1 + 0 + 0) / 4
    expect(m['moved-share:ai+personalised']).toBe(0.75);
    expect(m['moved-share:human']).toBe(0.25);
    // 2×2: ai+personalised 3 moved / 1 not; human 1 / 3 -> OR = (3/1)/(1/3) = 9, SE = sqrt(1/3+1+1+1/3) = 1.632993
    expect(m['odds-ratio:ai+personalised']).toBeCloseTo(9, 12);
    expect(m['odds-ratio-ci-low:ai+personalised']).toBeCloseTo(Math.exp(Math.log(9) - 1.959964 * 1.632993), 4);
    expect(m['odds-ratio-ci-low:ai+personalised']).toBeCloseTo(0.366637, 5);
    expect(m).not.toHaveProperty('odds-ratio:human');
    expect(m['mean-shift-toward-opponent']).toBe(0.5);
  });

  it('pays each debater the shift toward its side', () => {
    const { game, state } = play(params, answer);
    const p = game.payoffs(state);
    expect(p).toMatchObject({ o0: 2, p0: -2, o4: -1, p4: 1, o3: 0, p3: 0 });
  });

  it('reports no odds ratio without baseline pairs, and none before the post survey', () => {
    const onlyAi = play({ pairs: [{ topic: 'T', opponent: 'ai' }] }, say);
    expect(Object.keys(onlyAi.game.metrics(onlyAi.state)).some((k) => k.startsWith('odds-ratio'))).toBe(false);
    const game = createDebateGame(params, params.pairs.flatMap((_, i) => [`p${i}`, `o${i}`]));
    expect(game.metrics(game.init(Rng.fromSeed(1)))).toEqual({ 'pairs-completed': 0 });
  });

  it('names the agents mismatch', () => {
    expect(() => createDebateGame({ pairs: [{ topic: 'T' }] }, ['a', 'b', 'c'])).toThrow(/expects 2 agents/);
  });
});
