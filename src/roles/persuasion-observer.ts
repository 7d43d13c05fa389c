// The observer (spec 8.1 step 4): sees the persuadee's true mental state and the persuader's guess, and
// coaches the persuader on the private channel without quoting the truth (the game rejects quotes).
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import type { Dimension, PersuasionAction, PersuasionObservation } from '../games/persuasion/index.js';
import type { ChatMessage } from '../models/model.js';
import { dialogueText, dimensionsText } from './persuasion-text.js';
import { feedbackMessages, readJsonAction } from './read-answer.js';
import type { RenderInput, Role } from './role.js';

export const persuasionObserverRole: Role<PersuasionObservation, PersuasionAction> = {
  name: 'persuasion-observer',
  templates: ['persuasion-observer'],
  structured: true,
  render({ observation: o, feedback }: RenderInput<PersuasionObservation, PersuasionAction>): ChatMessage[] {
    if (o.role !== 'observer') return [{ role: 'user', content: 'Nothing to judge yet.' }];
    const s = o.scenario;
    const scores = o.revealed.map((d: Dimension) => `${d.replace('.', ' ')} ${(o.f1[d] ?? 0).toFixed(2)}`).join(', ');
    const messages = renderPrompt(loadPrompt('persuasion-observer'), {
      persuader: s.persuader,
      persuadee: s.persuadee,
      background: s.background,
      preventive: s.preventive.content,
      generative: s.generative.content,
      preventive_belief: s.preventive.belief,
      preventive_desire: s.preventive.desire,
      generative_belief: s.generative.belief,
      generative_desire: s.generative.desire,
      dialogue: dialogueText(o.dialogue, s),
      prediction: JSON.stringify(o.prediction),
      scores,
      revealed: dimensionsText(o.revealed),
    });
    return [...messages, ...feedbackMessages(feedback)];
  },
  parse: (text, schema) => readJsonAction(text, schema),
};
