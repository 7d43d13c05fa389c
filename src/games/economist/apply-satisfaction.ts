// The bounded workers' satisfaction stage (spec 1.1; sethkarten/LLM-Economist@ca46185a `worker.py`
// `update_utility`): after a step each bounded worker says whether it is satisfied with the tax policy, and its
// utility for that step becomes u = r·ũ with r = 1.0 (YES) or 0.5 (NO). The planner's SWF keeps using ũ.
import type { AgentId, Outcome } from '../game.js';
import { stageFor } from './economist-apply.js';
import type { EconomistGame } from './economist-game.js';
import type { EconomistAction, EconomistState, SatisfactionAction } from './economist-types.js';
import { SATISFACTION_FACTOR, typedUtility } from './utility-types.js';

export function applySatisfaction(game: EconomistGame, state: EconomistState, answers: ReadonlyMap<AgentId, EconomistAction>, outcomes: Outcome[]): EconomistState {
  const utility = state.utility.slice();
  const cumulativeUtility = state.cumulativeUtility.slice();
  const satisfaction = state.satisfaction.slice();
  let satisfied = 0;
  for (const [agent, action] of answers) {
    const i = game.workerIndex.get(agent) as number;
    const r = SATISFACTION_FACTOR[(action as SatisfactionAction).ANSWER];
    if (r === 1) satisfied++;
    const adjusted = typedUtility('bounded', state.isoelasticUtility[i] as number, 0, r);
    cumulativeUtility[i] = (cumulativeUtility[i] as number) - (utility[i] as number) + adjusted;
    utility[i] = adjusted;
    satisfaction[i] = r;
  }
  outcomes.push({ type: 'metric', name: 'satisfied_share', value: answers.size ? satisfied / answers.size : 1 });
  // The window's newest row was written with r = 1 by the labor stage; replace it with the adjusted utilities.
  const utilityWindow = state.utilityWindow.slice(0, -1);
  utilityWindow.push(utility);
  return { ...state, stage: stageFor(game, state.step), utility, cumulativeUtility, satisfaction, utilityWindow };
}
