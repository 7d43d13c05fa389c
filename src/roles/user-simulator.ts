// The user simulator of the GTAlign assistant game: a persona with a private need, replying in JSON
// (satisfied / clarify / follow-up). Its need is rendered only here, in its own prompt.
import type { z } from 'zod';
import { renderPersona } from '../agents/persona.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import type { AssistantGameObservation, UserAction } from '../games/assistant/types.js';
import type { ChatMessage } from '../models/model.js';
import { transcriptText } from './gtalign-assistant.js';
import { feedbackMessages, readJsonAction } from './read-answer.js';
import type { RenderInput, Role } from './role.js';

export const userSimulatorRole: Role<AssistantGameObservation, UserAction> = {
  name: 'user-simulator',
  templates: ['assistant-user'],
  structured: true,
  render({ agent, observation, feedback }: RenderInput<AssistantGameObservation, UserAction>): ChatMessage[] {
    if (observation.kind !== 'user') return [{ role: 'user', content: 'There is nothing for you to do now.' }];
    const { task } = observation;
    return [
      ...renderPrompt(loadPrompt('assistant-user'), {
        persona: agent.persona ? renderPersona(agent.persona) : '',
        question: task.question,
        intent: task.intent,
        clarification: task.clarification,
        type_note:
          task.type === 'vague'
            ? 'Your opening question was deliberately short; give details only when asked or when a reply misses your point.'
            : 'Your opening question already said what you need.',
        transcript: transcriptText(observation.transcript, 'user'),
        last_note: observation.last ? 'This is your last reply in this conversation.' : '',
      }),
      ...feedbackMessages(feedback),
    ];
  },
  parse: (text: string, schema: z.ZodType<UserAction>) => readJsonAction(text, schema),
  remember(observation, action) {
    if (observation.kind !== 'user') return undefined;
    return `You replied (${action.kind}) to the assistant.`;
  },
};
