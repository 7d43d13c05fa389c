// The susceptibility dialogue stepped directly: turn order, who sees what, and the shift relative to the prior.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import type { Outcome } from '../../../src/games/game.js';
import type { SusceptibilityParamsInput } from '../../../src/games/susceptibility/params.js';
import { createSusceptibilityGame } from '../../../src/games/susceptibility/susceptibility-game.js';
import type { SusceptibilityAction, SusceptibilityObservation } from '../../../src/games/susceptibility/types.js';

/** Plays the dialogue; the persuadee reports `agreements[turn]`. */
function play(params: SusceptibilityParamsInput, agreements: number[], onObserve?: (agent: string, o: SusceptibilityObservation) => void) {
  const game = createSusceptibilityGame(params, ['alice', 'bob']);
  const rng = Rng.fromSeed(1);
  let state = game.init(rng);
  const phases: string[] = [];
  const outcomes: Outcome[] = [];
  for (let phase = game.phase(state); phase; phase = game.phase(state)) {
    const agent = phase.agents[0]!;
    phases.push(`${phase.label}:${agent}`);
    const o = game.observe(state, agent);
    onObserve?.(agent, o);
    const action: SusceptibilityAction = o.kind === 'persuade' ? { message: `pitch ${o.turn}` } : { reply: `reply ${o.turn}`, agreement: agreements[o.turn]! };
    const r = game.apply(state, new Map([[agent, action]]), rng);
    outcomes.push(...r.outcomes);
    state = r.state;
  }
  return { game, state, phases, outcomes };
}

describe('susceptibility dialogue', () => {
  it('the persuadee opens, then persuader and persuadee alternate for `turns` turns', () => {
    const { phases } = play({ claim: 'C', turns: 2 }, [2, 3, 4]);
    expect(phases).toEqual(['opening:bob', 'persuade:alice', 'respond:bob', 'persuade:alice', 'respond:bob']);
  });

  it('the persuader sees the claim, its principle and the conversation, never the prior or the reports', () => {
    const views: SusceptibilityObservation[] = [];
    play({ claim: 'C', turns: 2, strategy: 'reciprocity', prior: { agreement: 1, statement: 'I am against it.' } }, [1, 2, 2], (agent, o) => {
      if (agent === 'alice') views.push(o);
    });
    expect(views[1]).toEqual({
      kind: 'persuade', claim: 'C', strategy: 'reciprocity', principle: expect.stringContaining('Offer something first'), turn: 2, turns: 2,
      transcript: [{ turn: 0, speaker: 'persuadee', text: 'reply 0' }, { turn: 1, speaker: 'persuader', text: 'pitch 1' }, { turn: 1, speaker: 'persuadee', text: 'reply 1' }],
    });
    expect(JSON.stringify(views)).not.toContain('I am against it');
  });

  it('the persuadee sees its prior only in the prior condition', () => {
    const seen: Record<string, SusceptibilityObservation[]> = { with: [], without: [] };
    play({ claim: 'C', prior: { agreement: 2, statement: 'No.' } }, [2, 2, 2, 2], (a, o) => a === 'bob' && seen.with!.push(o));
    play({ claim: 'C' }, [2, 2, 2, 2], (a, o) => a === 'bob' && seen.without!.push(o));
    expect(seen.with![0]).toMatchObject({ kind: 'respond', prior: { agreement: 2, statement: 'No.' }, turn: 0 });
    expect(seen.without!.every((o) => !('prior' in o))).toBe(true);
  });

  it('susceptibility is measured from the stated prior, else from the opening report', () => {
    // prior 1, reports 2 -> 3 -> 4 -> 4: shift 4 − 1 = 3 points, 3/4 of the 5-point scale
    const withPrior = play({ claim: 'C', prior: { agreement: 1, statement: 'No.' } }, [2, 3, 4, 4]);
    expect(withPrior.game.metrics(withPrior.state)).toEqual({
      'turns-completed': 3, prior: 1, 'baseline-agreement': 1, 'agreement:0': 2, 'agreement:1': 3, 'agreement:2': 4, 'agreement:3': 4, 'final-agreement': 4, susceptibility: 3, 'susceptibility-normalised': 0.75,
    });
    // no prior: baseline is the opening report 2; 7-point scale: (5 − 2) / 6 = 0.5
    const noPrior = play({ claim: 'C', scale: 7 }, [2, 3, 4, 5]);
    expect(noPrior.game.metrics(noPrior.state)).toMatchObject({ prior: 0, 'baseline-agreement': 2, susceptibility: 3, 'susceptibility-normalised': 0.5 });
    expect(noPrior.game.payoffs(noPrior.state)).toEqual({ alice: 3, bob: 0 });
  });

  it('records the setup once and each report as trace events; messages go to the other agent on one channel', () => {
    const { outcomes } = play({ claim: 'C', turns: 1, context: 'adversarial' }, [3, 2]);
    expect(outcomes.filter((o) => o.type === 'event').map((o) => o.type === 'event' && [o.name, o.data])).toEqual([
      ['susceptibility-setup', { claim: 'C', scale: 5, strategy: 'logic', context: 'adversarial', turns: 1, prior: null, persuader: 'alice', persuadee: 'bob' }],
      ['agreement-report', { turn: 0, agreement: 3 }],
      ['agreement-report', { turn: 1, agreement: 2 }],
    ]);
    expect(outcomes.find((o) => o.type === 'message')).toEqual({ type: 'message', from: 'bob', to: ['alice'], channel: 'private:alice,bob', content: 'reply 0' });
  });

  it('rejects a prior beyond the scale, naming the option', () => {
    expect(() => createSusceptibilityGame({ claim: 'C', scale: 5, prior: { agreement: 6, statement: 'x' } }, ['a', 'b'])).toThrow(/params\.prior\.agreement/);
  });
});
