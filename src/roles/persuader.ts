// The persuader (spec 8.1): opens, writes its private guess of the persuadee's mental state for the coach,
// then attacks one point by refuting or diverting. Structured JSON actions; the schema comes from the game.
import { renderPersona } from '../agents/persona.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import type { PersuaderObservation, PersuasionAction, PersuasionObservation } from '../games/persuasion/index.js';
import type { ChatMessage } from '../models/model.js';
import { coachingText, dialogueText, dimensionsText } from './persuasion-text.js';
import { feedbackMessages, readJsonAction } from './read-answer.js';
import type { RenderInput, Role } from './role.js';

function stepMessages(o: PersuaderObservation): ChatMessage[] {
  const s = o.scenario;
  if (o.step === 'open') return renderPrompt(loadPrompt('persuasion-persuader-open'), { other: s.persuadee, preventive: s.preventive, generative: s.generative });
  const shared = { other: s.persuadee, dialogue: dialogueText(o.dialogue, s), coaching: coachingText(o.coaching) };
  if (o.step === 'predict') return renderPrompt(loadPrompt('persuasion-persuader-predict'), { ...shared, revealed: dimensionsText(o.revealed) });
  return renderPrompt(loadPrompt('persuasion-persuader-attack'), { ...shared, option: o.option, option_content: s[o.option] });
}

export const persuaderRole: Role<PersuasionObservation, PersuasionAction> = {
  name: 'persuader',
  templates: ['persuasion-persuader', 'persuasion-persuader-open', 'persuasion-persuader-predict', 'persuasion-persuader-attack'],
  structured: true,
  render({ agent, observation: o, feedback }: RenderInput<PersuasionObservation, PersuasionAction>): ChatMessage[] {
    if (o.role !== 'persuader') return [{ role: 'user', content: 'It is not your turn in the conversation.' }];
    const s = o.scenario;
    const system = renderPrompt(loadPrompt('persuasion-persuader'), {
      persona: agent.persona ? renderPersona(agent.persona) : '',
      name: s.persuader,
      other: s.persuadee,
      background: s.background,
      goal: s.goal,
      preventive: s.preventive,
      generative: s.generative,
      cycle: o.cycle + 1,
      cycles: o.cycles,
    });
    return [...system, ...stepMessages(o), ...feedbackMessages(feedback)];
  },
  parse: (text, schema) => readJsonAction(text, schema),
};
