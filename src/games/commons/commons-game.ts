// The common-pool resource game (spec §5) as a pure Game. Each round: a simultaneous `harvest` phase, then
// (with punishment enabled) a simultaneous `sanction` phase; then regrowth, collapse check, social learning.
import { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import { ConfigError } from '../../core/errors/config-error.js';
import type { AgentId, Game } from '../game.js';
import { cooperationRate } from '../metrics/cooperation-rate.js';
import { giniShifted } from '../metrics/gini.js';
import { parseGameParams } from '../parse-game-params.js';
import { normLimit, rationHarvests } from './dynamics.js';
import { commonsParamsSchema, type CommonsParams, type CommonsParamsInput } from './params.js';
import { endRound, isViolation } from './round-end.js';
import type { CommonsAction, CommonsObservation, CommonsState, HarvestStrategy } from './types.js';

export const commonsMetadata = {
  name: 'commons',
  version: '1',
  description: 'Common-pool resource: harvesting with regrowth and collapse, monitoring and norm-based punishment, payoff-biased social learning',
  source: 'Gupta, Zhong, Yakura, Eisenmann, Rahwan (AAMAS 2026) and GovSim (Piatti et al. 2024); spec §5 (parameters UNVERIFIED)',
};

/** The preset's starting stock and strategies; strategies are drawn from the game's rng. */
export function initialConditions(params: CommonsParams, rng: Rng): { stock: number; strategies: HarvestStrategy[] } {
  const rich = params.preset.startsWith('rich');
  const altruistic = params.preset.endsWith('altruistic');
  const stock = params.initialStock ?? (rich ? params.capacity : params.scarceFraction * params.capacity);
  const [low, high, punishShare] = altruistic ? [0.5, 1, 0.8] : [1.5, 3, 0.2];
  const strategies = Array.from({ length: params.agents }, () => ({ harvestFactor: low + (high - low) * rng.next(), punish: rng.bernoulli(punishShare) }));
  return { stock, strategies };
}

export function createCommonsGame(input: CommonsParamsInput | undefined, agents: readonly AgentId[]): Game<CommonsState, CommonsAction, CommonsObservation> {
  const params = parseGameParams(commonsParamsSchema, input);
  if (agents.length !== params.agents) throw ConfigError.at('agents', `the commons game expects ${params.agents} agents (params.agents), got ${agents.length}`);
  const seat = (agent: AgentId) => agents.indexOf(agent);
  const harvestSchema = z.object({ kind: z.literal('harvest'), amount: z.number().min(0) });
  const rules = {
    agents: params.agents, rounds: params.rounds, capacity: params.capacity, regrowth: params.regrowth,
    collapseThreshold: params.collapseThreshold, sanctions: params.punishment.enabled,
  };
  const sanctionSchema = z.object({ kind: z.literal('sanction'), monitor: z.boolean(), punish: z.boolean() });
  return {
    metadata: commonsMetadata,
    agents,
    init(rng) {
      const { stock, strategies } = initialConditions(params, rng);
      return { params, stage: 'harvest', round: 0, stock, collapsed: false, strategies, totals: agents.map(() => 0), pending: null, log: [] };
    },
    phase: (state) => (state.stage === 'over' ? null : { kind: 'simultaneous', agents: [...agents], round: state.round, label: state.stage }),
    observe(state, agent): CommonsObservation {
      const i = seat(agent);
      const strategy = state.strategies[i] as HarvestStrategy;
      if (state.stage === 'sanction' && state.pending) {
        return {
          kind: 'sanction', name: agent, round: state.round + 1, harvest: state.pending.harvests[i] ?? 0,
          totalHarvest: state.pending.harvests.reduce((a, b) => a + b, 0), norm: state.pending.norm, agents: params.agents,
          monitoringCost: params.punishment.monitoringCost, punishmentCost: params.punishment.cost, fine: params.punishment.fine, strategy, rules,
        };
      }
      const prev = state.log[state.log.length - 1];
      const last = prev && {
        harvest: prev.harvests[i] ?? 0,
        totalHarvest: prev.harvests.reduce((a, b) => a + b, 0),
        payoff: prev.payoffs[i] ?? 0,
        fined: prev.punishments.filter(([, j]) => j === i).length * params.punishment.fine,
        ...(prev.monitors.includes(i) ? { monitored: Object.fromEntries(agents.map((a, j) => [a, prev.harvests[j] ?? 0])) } : {}),
      };
      return {
        kind: 'harvest', name: agent, round: state.round + 1, rounds: params.rounds, agents: params.agents, stock: state.stock,
        capacity: params.capacity, regrowth: params.regrowth, collapseThreshold: params.collapseThreshold,
        norm: normLimit(state.stock, params), totalPayoff: state.totals[i] ?? 0, strategy, rules, ...(last ? { last } : {}),
      };
    },
    actionSchema: (state) => (state.stage === 'sanction' ? sanctionSchema : harvestSchema),
    defaultAction: (state) => (state.stage === 'sanction' ? { kind: 'sanction', monitor: false, punish: false } : { kind: 'harvest', amount: 0 }),
    apply(state, actions, rng) {
      if (state.stage === 'harvest') {
        const requests = agents.map((a) => {
          const action = actions.get(a);
          return action?.kind === 'harvest' ? Math.max(0, action.amount) : 0;
        });
        const pending = { round: state.round + 1, stockBefore: state.stock, norm: normLimit(state.stock, params), requests, harvests: rationHarvests(requests, state.stock) };
        const next = { ...state, pending };
        if (params.punishment.enabled) return { state: { ...next, stage: 'sanction' }, outcomes: [] };
        return endRound(next, agents.map(() => ({ monitor: false, punish: false })), agents, rng);
      }
      if (state.stage === 'over') return { state, outcomes: [] };
      const sanctions = agents.map((a) => {
        const action = actions.get(a);
        return action?.kind === 'sanction' ? { monitor: action.monitor, punish: action.monitor && action.punish } : { monitor: false, punish: false };
      });
      return endRound(state, sanctions, agents, rng);
    },
    isOver: (state) => state.stage === 'over',
    payoffs: (state) => Object.fromEntries(agents.map((a, i) => [a, state.totals[i] ?? 0])),
    metrics(state) {
      const decisions = state.log.flatMap((r) => r.harvests.map((h) => !isViolation(h, r.norm)));
      return {
        'survival-time': state.log.filter((r) => r.stockAfter >= params.collapseThreshold).length,
        collapsed: state.collapsed ? 1 : 0,
        'total-harvest': state.log.reduce((s, r) => s + r.harvests.reduce((a, b) => a + b, 0), 0),
        'final-stock': state.stock,
        welfare: state.totals.reduce((a, b) => a + b, 0),
        gini: giniShifted(state.totals),
        punishments: state.log.reduce((s, r) => s + r.punishments.length, 0),
        monitorings: state.log.reduce((s, r) => s + r.monitors.length, 0),
        'cooperation-rate': cooperationRate(decisions),
      };
    },
  };
}
