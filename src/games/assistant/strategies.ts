// Scripted agents for offline runs: a Pareto assistant whose matrix follows a fixed rule of thumb (how much
// the user has said so far), a direct assistant that writes the same matrix but always answers, and a user
// simulator that replies from its private intent.
import type { Strategy } from '../definition.js';
import { chooseStrategy, paretoFrontier, type PayoffKey, type PayoffMatrix } from '../rewards/gtalign.js';
import { keywordCoverage } from './assistant-turn.js';
import type { AssistantAction, AssistantObservation, UserAction, UserObservation } from './types.js';

const SOURCE = 'Polis baseline for the GTAlign assistant game (spec 14)';

/** How sure the rule of thumb is that the request is definite, from the words the user has written. */
export type Reading = 'vague' | 'borderline' | 'definite';

/** Fewer than 8 user words: vague; 8 to 11: borderline; 12 or more: definite. */
export function readRequest(userWords: number): Reading {
  return userWords < 8 ? 'vague' : userWords < 12 ? 'borderline' : 'definite';
}

const cell = (LLM: number, user: number) => ({ LLM, user });

/**
 * The fixed-logic matrices (our numbers, one decimal as in spec 14). Each reading makes one cell dominate:
 * vague → VQ_CQ, borderline → DQ_AQ, definite → DQ_DA.
 */
export const READING_MATRICES: Readonly<Record<Reading, PayoffMatrix>> = {
  vague: {
    DQ_AQ: cell(0.6, 1.0), DQ_CQ: cell(-1.0, -0.8), DQ_DA: cell(1.2, 1.5),
    VQ_AQ: cell(2.2, 2.4), VQ_CQ: cell(2.8, 3.1), VQ_DA: cell(0.8, 0.5),
  },
  borderline: {
    DQ_AQ: cell(2.8, 3.2), DQ_CQ: cell(0.0, 0.2), DQ_DA: cell(2.2, 2.5),
    VQ_AQ: cell(2.4, 2.6), VQ_CQ: cell(1.8, 2.1), VQ_DA: cell(-0.2, -0.5),
  },
  definite: {
    DQ_AQ: cell(2.6, 3.0), DQ_CQ: cell(1.0, 1.2), DQ_DA: cell(3.2, 3.5),
    VQ_AQ: cell(0.2, 0.4), VQ_CQ: cell(0.8, 1.1), VQ_DA: cell(-1.2, -1.5),
  },
};

const userText = (o: AssistantObservation) => o.transcript.filter((l) => l.from === 'user').map((l) => l.text).join(' ');

function responseFor(key: PayoffKey, request: string): string {
  // The restated request loses its question marks: the user reads a '?' as being asked something.
  const answer = `Here is my answer to your request: ${request.replace(/\?/g, '.')} I would start with the essentials and keep strictly to what you described.`;
  if (key.endsWith('CQ')) return 'Before I answer, could you tell me more about what you need: the details, the constraints and what a good result looks like for you?';
  if (key.endsWith('AQ')) return `${answer} Is that what you had in mind, or is there a detail I should take into account?`;
  return answer;
}

/** The four blocks for a matrix and a played cell. */
export function writeTurn(matrix: PayoffMatrix, played: PayoffKey, reasoning: string, response: string): string {
  const frontier = paretoFrontier(matrix).join(', ');
  return [
    `<thinking>${reasoning}</thinking>`,
    `<payoff>${JSON.stringify(matrix)}</payoff>`,
    `<analyze>Pareto frontier: ${frontier}. The frontier cell with the largest LLM + user sum is ${chooseStrategy(matrix)}.\nChoice: ${played}</analyze>`,
    `<response>${response}</response>`,
  ].join('\n');
}

function assistantStrategy(name: string, play: (matrix: PayoffMatrix) => PayoffKey, doc: string): Strategy<AssistantObservation, AssistantAction> {
  return {
    metadata: { name, stochastic: false, memoryDepth: Infinity, source: `${SOURCE}: ${doc}` },
    decide(o) {
      const request = userText(o);
      const words = request.split(/\s+/).filter(Boolean).length;
      const reading = readRequest(words);
      const matrix = READING_MATRICES[reading];
      const played = play(matrix);
      const reasoning = `The user has written ${words} words so far, so I read the request as ${reading}.`;
      return { text: writeTurn(matrix, played, reasoning, responseFor(played, request)) };
    },
  };
}

/** Writes the fixed-logic matrix and plays the Pareto rule's cell. */
export const paretoAssistant = assistantStrategy('pareto-assistant', chooseStrategy, 'plays the Pareto rule on its fixed-logic matrix');

/** Writes the same matrix but always plays DQ_DA (a direct answer): Pareto-inconsistent unless the request reads definite. */
export const directAssistant = assistantStrategy('direct-assistant', () => 'DQ_DA', 'always answers directly');

/**
 * Replies from its private intent: satisfied when the last response covers every keyword; asked a question
 * it has not yet answered, it clarifies; otherwise it follows up, with its clarification the first time
 * and with the still-missing keywords after that.
 */
export const intentUser: Strategy<UserObservation, UserAction> = {
  metadata: { name: 'intent-user', stochastic: false, memoryDepth: 1, source: `${SOURCE}: answers from its intent` },
  decide(o) {
    const last = [...o.transcript].reverse().find((l) => l.from === 'assistant')?.text ?? '';
    if (o.lastCoverage >= 1) return { kind: 'satisfied', message: 'Thank you, that covers what I needed.' };
    if (o.asked && !o.clarified) return { kind: 'clarify', message: o.task.clarification };
    if (!o.clarified) return { kind: 'follow-up', message: `That is not what I meant. ${o.task.clarification}` };
    const missing = o.task.keywords.filter((k) => keywordCoverage(last, [k]) === 0);
    return { kind: 'follow-up', message: `That still misses part of it: I need it to cover ${missing.join(', ')}.` };
  },
};

export const assistantStrategies: Readonly<Record<string, Strategy<AssistantObservation, AssistantAction> | Strategy<UserObservation, UserAction>>> = {
  'pareto-assistant': paretoAssistant,
  'direct-assistant': directAssistant,
  'intent-user': intentUser,
};
