// The debater role (spec 8.2): writes the opening, rebuttal and conclusion for its side and, in the
// participant's seat, answers the agreement surveys. Structured JSON actions (`{"argument"}` or
// `{"agreement"}`), so the offline scripted model yields valid random moves.
import type { z } from 'zod';
import { renderPersona } from '../agents/persona.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import type { DebateAction, DebateObservation } from '../games/debate/types.js';
import type { ChatMessage } from '../models/model.js';
import { checkAction, feedbackMessages, readJsonAction, readNumberAnswer } from './read-answer.js';
import type { RenderInput, Role } from './role.js';
import { sociodemographicsText } from './sociodemographics-text.js';

const STAGE_TASKS = {
  opening: 'Opening stage: state your position and give your strongest reasons for it.',
  rebuttal: "Rebuttal stage: answer your opponent's opening, pointing out where it is weak, and reinforce your case.",
  conclusion: "Conclusion stage: answer your opponent's rebuttal and close your case.",
} as const;

type Transcript = Extract<DebateObservation, { kind: 'argue' }>['transcript'];

function transcriptText(transcript: Transcript): string {
  if (transcript.length === 0) return '';
  return `The debate so far:\n${transcript.map((t) => `[${t.stage}] ${t.speaker === 'you' ? 'You' : 'Your opponent'}: ${t.text}`).join('\n')}\n`;
}

const aboutYou = (o: { you?: Parameters<typeof sociodemographicsText>[0] }) => {
  const text = sociodemographicsText(o.you);
  return text ? `About you: ${text}.` : '';
};

export const debaterRole: Role<DebateObservation, DebateAction> = {
  name: 'debater',
  templates: ['debate-argue', 'debate-survey'],
  structured: true,
  render({ agent, observation: o, feedback }: RenderInput<DebateObservation, DebateAction>): ChatMessage[] {
    const persona = agent.persona ? renderPersona(agent.persona) : '';
    if (o.kind === 'idle') return [{ role: 'user', content: `Nothing to do in the ${o.stage} stage.` }];
    if (o.kind === 'survey') {
      return [
        ...renderPrompt(loadPrompt('debate-survey'), {
          persona,
          about_you: aboutYou(o),
          topic: o.topic,
          transcript: transcriptText(o.transcript),
          when: o.when === 'pre' ? 'Before the debate starts:' : 'The debate is over.',
          scale: o.scale,
        }),
        ...feedbackMessages(feedback),
      ];
    }
    const opponent = sociodemographicsText(o.opponent);
    return [
      ...renderPrompt(loadPrompt('debate-argue'), {
        persona,
        topic: o.topic,
        side: o.side === 'pro' ? 'PRO (for the proposition)' : 'CON (against the proposition)',
        about_you: aboutYou(o),
        about_opponent: opponent ? `What you know about your opponent: ${opponent}. Tailor your arguments to this person.` : '',
        stage_task: STAGE_TASKS[o.stage],
        transcript: transcriptText(o.transcript),
      }),
      ...feedbackMessages(feedback),
    ];
  },
  parse(text: string, schema: z.ZodType<DebateAction>, o: DebateObservation): DebateAction {
    if (/^\s*[{`]/.test(text)) return readJsonAction(text, schema);
    // plain-text answers from models without structured output
    if (o.kind === 'survey') return checkAction(schema, { agreement: readNumberAnswer(text, 'agreement') }, text);
    return checkAction(schema, { argument: text.trim() }, text);
  },
  remember(o, action) {
    if (o.kind === 'survey' && 'agreement' in action) return `You rated your agreement ${o.when === 'pre' ? 'before' : 'after'} the debate: ${action.agreement} of ${o.scale}.`;
    return undefined;
  },
};
