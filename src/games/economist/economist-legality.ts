// Protocol checks of the LLM Economist. Labor above 100 or below 0 is clipped as in the reference
// (spec 1.1); labor inside the range but off the 10-hour grid, or a DELTA of the wrong length, is illegal.
import type { AgentId } from '../game.js';
import type { EconomistGame } from './economist-game.js';
import type { CandidacyAction, EconomistAction, EconomistState, LaborAction, PlannerAction, SatisfactionAction, VoteAction } from './economist-types.js';

function vectorProblem(name: string, v: readonly number[], k: number): string | undefined {
  if (v.length !== k) return `${name} has ${v.length} entries; expected ${k} (one per tax bracket)`;
  const bad = v.findIndex((x) => !Number.isFinite(x));
  return bad >= 0 ? `${name}[${bad}] is not a finite number` : undefined;
}

export function economistActionProblem(game: EconomistGame, state: EconomistState, agent: AgentId, action: EconomistAction): string | undefined {
  const k = game.bracketCount;
  if (agent === game.planner) {
    if (state.stage !== 'plan') return 'the planner acts only at the start of a tax year';
    const a = action as PlannerAction;
    if ('DELTA' in a) return vectorProblem('DELTA', a.DELTA, k);
    const problem = vectorProblem('RATES', a.RATES, k);
    if (problem) return problem;
    const out = a.RATES.findIndex((r) => r < 0 || r > 100);
    return out >= 0 ? `RATES[${out}] = ${a.RATES[out]} is outside [0, 100]` : undefined;
  }
  if (!game.workerIndex.has(agent)) return `${agent} is not a worker of this economy`;
  switch (state.stage) {
    case 'plan':
      return 'workers wait while the planner acts';
    case 'satisfaction': {
      if (state.utilityTypes[game.workerIndex.get(agent) as number] !== 'bounded') return 'only bounded workers answer the satisfaction question';
      const answer = (action as SatisfactionAction).ANSWER;
      return answer === 'YES' || answer === 'NO' ? undefined : 'ANSWER must be "YES" or "NO"';
    }
    case 'labor': {
      const l = (action as LaborAction).LABOR;
      if (typeof l !== 'number' || !Number.isFinite(l)) return 'LABOR must be a number of hours';
      const clipped = Math.max(0, Math.min(100, l));
      return clipped % 10 === 0 ? undefined : `LABOR ${l} is off the grid; choose one of 0, 10, 20, ..., 100`;
    }
    case 'candidacy': {
      const a = action as CandidacyAction;
      if (!a.run) return undefined;
      return a.DELTA ? vectorProblem('DELTA', a.DELTA, k) : 'a candidate must give a platform: a DELTA with one entry per bracket';
    }
    case 'vote': {
      const vote = (action as VoteAction).vote;
      return state.platforms[vote] ? undefined : `"${vote}" is not a candidate; vote for one of ${Object.keys(state.platforms).filter((c) => state.platforms[c]).join(', ')}`;
    }
  }
}
