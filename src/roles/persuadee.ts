// The persuadee (spec 8.1): answers from its private beliefs and desires, voicing the point the protocol
// cues (its reasons, then its doubts about the persuader's option), and reports where it now leans.
import { renderPersona } from '../agents/persona.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import type { Cue, PersuadeeObservation, PersuasionAction, PersuasionObservation } from '../games/persuasion/index.js';
import type { ChatMessage } from '../models/model.js';
import { dialogueText } from './persuasion-text.js';
import { feedbackMessages, readJsonAction } from './read-answer.js';
import type { RenderInput, Role } from './role.js';

/** What the protocol asks of each reply, in our words (spec 8.1 steps 2 and 6). */
function cueText(cue: Cue, o: PersuadeeObservation): string {
  const { persuader, preventive, generative } = o.scenario;
  switch (cue) {
    case 'preventive':
      return `answer ${persuader}'s question: say why you want to ${preventive}, giving your belief and your desire about it.`;
    case 'generative-belief':
      return `respond to ${persuader}'s last words, then voice your concern, the belief that holds you back from the idea to ${generative}.`;
    case 'generative-desire':
      return `respond to ${persuader}'s last words, then ask whether the idea to ${generative} can really give you what you want from it.`;
    case 'final':
      return `respond to ${persuader}'s last words and say what you have decided.`;
  }
}

export const persuadeeRole: Role<PersuasionObservation, PersuasionAction> = {
  name: 'persuadee',
  templates: ['persuasion-persuadee'],
  structured: true,
  render({ agent, observation: o, feedback }: RenderInput<PersuasionObservation, PersuasionAction>): ChatMessage[] {
    if (o.role !== 'persuadee') return [{ role: 'user', content: 'It is not your turn in the conversation.' }];
    const s = o.scenario;
    const messages = renderPrompt(loadPrompt('persuasion-persuadee'), {
      persona: agent.persona ? renderPersona(agent.persona) : '',
      name: s.persuadee,
      other: s.persuader,
      background: s.background,
      preventive: s.preventive,
      generative: s.generative,
      preventive_belief: o.state.preventive.belief,
      preventive_desire: o.state.preventive.desire,
      generative_belief: o.state.generative.belief,
      generative_desire: o.state.generative.desire,
      dialogue: dialogueText(o.dialogue, s),
      cue: cueText(o.cue, o),
      stance: o.stances.length ? o.stances[o.stances.length - 1]! : 'preventive (your original plan)',
    });
    return [...messages, ...feedbackMessages(feedback)];
  },
  parse: (text, schema) => readJsonAction(text, schema),
};
