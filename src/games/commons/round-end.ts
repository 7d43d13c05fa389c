// Closing a round: sanctions (if any), payoffs, regrowth, collapse, then social learning.
import type { Rng } from '../../core/rng.js';
import type { ApplyResult, Outcome } from '../game.js';
import { regrow } from './dynamics.js';
import { socialLearningStep } from './social-learning.js';
import type { CommonsState, RoundRecord } from './types.js';

/** A harvest counts as a violation when it exceeds the norm by more than float noise. */
export const isViolation = (harvest: number, norm: number) => harvest > norm + 1e-9;

/**
 * Monitoring costs `monitoringCost` and reveals everyone's harvest; a monitor that punishes pays `cost` per
 * violator (other than itself) and each such violator pays `fine`. Then the stock regrows; below the collapse
 * threshold the game ends. Otherwise agents imitate better-paid peers (Fermi rule, with the game's rng).
 */
export function endRound(
  state: CommonsState,
  sanctions: Array<{ monitor: boolean; punish: boolean }>,
  agentIds: readonly string[],
  rng: Rng,
): ApplyResult<CommonsState> {
  const { params } = state;
  const pending = state.pending as NonNullable<CommonsState['pending']>;
  const payoffs = [...pending.harvests];
  const monitors: number[] = [];
  const punishments: Array<[number, number]> = [];
  sanctions.forEach((s, i) => {
    if (!s.monitor) return;
    monitors.push(i);
    payoffs[i] = (payoffs[i] as number) - params.punishment.monitoringCost;
    if (!s.punish) return;
    pending.harvests.forEach((h, j) => {
      if (j === i || !isViolation(h, pending.norm)) return;
      punishments.push([i, j]);
      payoffs[i] = (payoffs[i] as number) - params.punishment.cost;
      payoffs[j] = (payoffs[j] as number) - params.punishment.fine;
    });
  });
  const harvested = pending.harvests.reduce((a, b) => a + b, 0);
  const stockAfter = regrow(pending.stockBefore, harvested, params);
  const record: RoundRecord = { ...pending, monitors, punishments, payoffs, stockAfter };
  const collapsed = stockAfter < params.collapseThreshold;
  const round = state.round + 1;
  const over = collapsed || round >= params.rounds;
  const strategies =
    !over && params.socialLearning.enabled ? socialLearningStep(state.strategies, payoffs, params.socialLearning.beta, rng) : state.strategies;
  const outcomes: Outcome[] = [
    ...agentIds.map((agent, i) => ({ type: 'payoff' as const, agent, value: payoffs[i] as number, detail: { harvest: pending.harvests[i] } })),
    ...punishments.map(([i, j]) => ({ type: 'event' as const, name: 'punish', agent: agentIds[i] as string, data: { target: agentIds[j], round } })),
    { type: 'metric', name: 'stock', value: stockAfter },
  ];
  if (collapsed) outcomes.push({ type: 'event', name: 'collapse', data: { round, stock: stockAfter } });
  strategies.forEach((s, i) => {
    if (s !== state.strategies[i]) outcomes.push({ type: 'event', name: 'imitate', agent: agentIds[i] as string, data: { strategy: { ...s } } });
  });
  return {
    state: {
      ...state,
      stage: over ? 'over' : 'harvest',
      round,
      stock: stockAfter,
      collapsed,
      strategies,
      totals: state.totals.map((t, i) => t + (payoffs[i] as number)),
      pending: null,
      log: [...state.log, record],
    },
    outcomes,
  };
}
