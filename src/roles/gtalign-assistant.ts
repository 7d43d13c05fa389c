// The game-theoretic assistant (spec 14, GTAlign): renders the public conversation and reads back the four
// tagged blocks. Free text, strictly read by the game's parser: a malformed matrix or a missing `Choice:`
// line is an 'unparsable' action whose reason is shown to the model on repair.
import type { z } from 'zod';
import { renderPersona } from '../agents/persona.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import { InvalidActionError } from '../core/errors/invalid-action-error.js';
import { readAssistantTurn } from '../games/assistant/assistant-turn.js';
import { chooseStrategy, PAYOFF_KEYS, type PayoffMatrix } from '../games/rewards/gtalign.js';
import type { AssistantAction, AssistantGameObservation, TranscriptLine } from '../games/assistant/types.js';
import type { ChatMessage } from '../models/model.js';
import { checkAction, feedbackMessages } from './read-answer.js';
import type { RenderInput, Role } from './role.js';

/** The conversation as the assistant sees it: the user's lines and its own earlier responses. */
export function transcriptText(lines: readonly TranscriptLine[], self: 'assistant' | 'user'): string {
  return lines.map((l) => `${l.from === self ? 'You' : l.from === 'user' ? 'User' : 'Assistant'}: ${l.text}`).join('\n');
}

export const gtalignAssistantRole: Role<AssistantGameObservation, AssistantAction> = {
  name: 'gtalign-assistant',
  templates: ['assistant-gtalign'],
  structured: false,
  render({ agent, observation, feedback }: RenderInput<AssistantGameObservation, AssistantAction>): ChatMessage[] {
    if (observation.kind !== 'assistant') return [{ role: 'user', content: 'There is nothing for you to do now.' }];
    return [
      ...renderPrompt(loadPrompt('assistant-gtalign'), {
        persona: agent.persona ? renderPersona(agent.persona) : '',
        transcript: transcriptText(observation.transcript, 'assistant'),
        turn: observation.turn + 1,
        max_turns: observation.maxTurns,
      }),
      ...feedbackMessages(feedback),
    ];
  },
  parse(text: string, schema: z.ZodType<AssistantAction>): AssistantAction {
    const read = readAssistantTurn(text);
    if (!read.ok) throw new InvalidActionError('unparsable', read.reason, text);
    return checkAction(schema, { text }, text);
  },
  format(action: AssistantAction): string {
    // A well-formed turn around the drawn response: a fixed matrix, and the cell the Pareto rule picks.
    const matrix = Object.fromEntries(PAYOFF_KEYS.map((k, i) => [k, { LLM: 1 + i, user: 6 - i }])) as PayoffMatrix;
    const response = action.text.replace(/<\/?[a-z]+>/gi, '').trim() || 'Could you tell me more?';
    return `<thinking>offline answer</thinking><payoff>${JSON.stringify(matrix)}</payoff><analyze>\nChoice: ${chooseStrategy(matrix)}\n</analyze><response>${response}</response>`;
  },
  remember(observation, action) {
    if (observation.kind !== 'assistant') return undefined;
    const read = readAssistantTurn(action.text);
    return read.ok ? `Conversation ${observation.episode + 1}, reply ${observation.turn + 1}: you played ${read.turn.declared}.` : undefined;
  },
};
