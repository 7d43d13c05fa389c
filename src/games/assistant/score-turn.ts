// Scores one assistant generation: read the matrix, apply the Pareto rule, and compute the GTAlign
// rewards (spec 14) with keyword coverage of the response as the answer-quality input.
import { gtalignRewards } from '../rewards/gtalign.js';
import { keywordCoverage, readAssistantTurn } from './assistant-turn.js';
import type { AssistantTask, AssistantTurnRecord } from './types.js';

/** The record of one assistant turn on `task`. Unreadable text (the engine's default after failed repairs) scores format 0. */
export function scoreTurn(text: string, task: AssistantTask): AssistantTurnRecord {
  const read = readAssistantTurn(text);
  const response = read.ok ? read.turn.response : '';
  const answer = keywordCoverage(response, task.keywords);
  const rewards = gtalignRewards({ text, answer });
  if (!read.ok) {
    return { parsed: false, matrix: null, declared: null, pareto: null, consistent: false, strategy: null, response, answer, ...rewards };
  }
  const { matrix, declared, pareto, strategy } = read.turn;
  return { parsed: true, matrix, declared, pareto, consistent: declared === pareto, strategy, response, answer, ...rewards };
}
