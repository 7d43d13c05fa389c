// One donation round, and what happens after it: the next round, game 2, or the end of the generation.
import type { AgentId, ApplyResult, Outcome } from '../game.js';
import { endGeneration } from './generation-end.js';
import { updateReputation } from './reputation.js';
import type { Pairing } from './schedule.js';
import type { DonorAction, DonorAgentState, DonorState, Interaction } from './types.js';

/**
 * Every pair of the round acts on the resources held at the start of the round (each agent is in exactly
 * one pair per round, so the order of pairs cannot matter). Donate x: donor −x, recipient +m·x. Punish x:
 * donor −x, recipient −loss·x floored at 0. Refuse: nothing moves. Amounts are clamped to [0, resources].
 * Reputation uses p = x / resources before the donation; punishing and refusing count as p = 0 (our choice:
 * the source defines p only for donations).
 */
export function applyDonations(
  state: DonorState,
  pairs: readonly Pairing[],
  actions: ReadonlyMap<AgentId, DonorAction>,
): { state: DonorState; outcomes: Outcome[] } {
  const { params } = state;
  const population: DonorAgentState[] = state.population.map((a) => ({ ...a }));
  const history: Interaction[] = [...state.history];
  const outcomes: Outcome[] = [];
  for (const pair of pairs) {
    const donor = population[pair.donor] as DonorAgentState;
    const recipient = population[pair.recipient] as DonorAgentState;
    const raw = actions.get(donor.id) ?? { kind: 'donate', amount: 0 };
    const action: DonorAction = raw.kind === 'strategy' ? { kind: 'donate', amount: 0 } : raw;
    const amount = action.kind === 'refuse' ? 0 : Math.min(Math.max(action.amount, 0), donor.resources);
    const donorBefore = donor.resources;
    const recipientBefore = recipient.resources;
    if (action.kind === 'donate') {
      donor.resources -= amount;
      recipient.resources += params.multiplier * amount;
    } else if (action.kind === 'punish') {
      donor.resources -= amount;
      recipient.resources = Math.max(0, recipient.resources - params.punishmentLoss * amount);
    }
    const p = action.kind === 'donate' && donorBefore > 0 ? amount / donorBefore : 0;
    donor.reputation = updateReputation(donor.reputation, p, recipient.reputation, params.reputationDiscount);
    const interaction: Interaction = {
      turn: state.turn,
      generation: state.generation,
      game: state.game,
      round: state.round + 1,
      donor: donor.id,
      recipient: recipient.id,
      kind: action.kind,
      amount,
      donorBefore,
      recipientBefore,
    };
    history.push(interaction);
    outcomes.push({ type: 'event', name: action.kind, agent: donor.id, data: { ...interaction, reputation: donor.reputation } });
    outcomes.push({ type: 'payoff', agent: donor.id, value: donor.resources - donorBefore });
    outcomes.push({ type: 'payoff', agent: recipient.id, value: recipient.resources - recipientBefore });
  }
  return { state: { ...state, population, history }, outcomes };
}

/** Move past the round just played: next round, reset for game 2, or end the generation. */
export function advanceDonation(state: DonorState, outcomes: Outcome[]): ApplyResult<DonorState> {
  const roundsPerGame = state.population.length;
  const next = { ...state, turn: state.turn + 1, round: state.round + 1 };
  if (next.round < roundsPerGame) return { state: next, outcomes };
  const banked = next.population.map((a) => ({ ...a, finals: [...a.finals, a.resources] }));
  if (state.game === 0) {
    // Resources are reset to the endowment before game 2 (spec §3); reputations carry on.
    const population = banked.map((a) => ({ ...a, resources: state.params.endowment }));
    return { state: { ...next, population, game: 1, round: 0 }, outcomes };
  }
  return endGeneration({ ...next, population: banked }, outcomes);
}
