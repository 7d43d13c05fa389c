// The proposer role of dual play (spec 7): writes a problem and its ground-truth answer. Structured output
// ({problem, answer}); free text in PasoDoble's format (<problem>…</problem>, then the answer in \boxed{}) is
// read too. A missing answer is not a parse error: the game's validity check scores it 0, as PasoDoble does.
import type { z } from 'zod';
import { InvalidActionError } from '../core/errors/invalid-action-error.js';
import { loadPrompt, renderPrompt } from '../agents/prompt-template.js';
import { renderPersona } from '../agents/persona.js';
import type { DualPlayAction, DualPlayObservation, ProposerObservation } from '../games/dual-play/types.js';
import { extractBoxed } from '../games/rewards/extract-answer.js';
import type { ChatMessage } from '../models/model.js';
import { checkAction, feedbackMessages, readJsonAction } from './read-answer.js';
import type { RenderInput, Role } from './role.js';

const fmt = (x: number) => String(Math.round(x * 1000) / 1000);

function pastText(o: ProposerObservation): string {
  if (o.past.length === 0) return 'You have not posed a problem yet.';
  const lines = o.past.map((r) => {
    const verdict = r.invalidReasons.length ? `rejected (${r.invalidReasons.join(', ')})` : `pass rate ${fmt(r.passRate)}, variety ${fmt(r.diversity)}`;
    return `Round ${r.round + 1}: "${r.problem}" (your answer ${r.answer}): ${verdict}, score ${fmt(r.proposerReward)}.`;
  });
  return `Your earlier problems:\n${lines.join('\n')}`;
}

const ANSWER_FORMAT =
  'Reply with one JSON object {"problem": "<the problem>", "answer": "<its final answer>"}, or write the problem between <problem> and </problem> and then its answer as \\boxed{<answer>}.';

export const proposerRole: Role<DualPlayObservation, DualPlayAction> = {
  name: 'proposer',
  templates: ['dual-play-proposer'],
  structured: true,
  render({ agent, observation: o, feedback }: RenderInput<DualPlayObservation, DualPlayAction>): ChatMessage[] {
    if (o.kind !== 'propose') return [{ role: 'user', content: 'The solvers are working on your problem; nothing to do now.' }];
    const messages = renderPrompt(loadPrompt('dual-play-proposer'), {
      persona: agent.persona ? renderPersona(agent.persona) : '',
      solvers: o.solvers,
      tau_low: fmt(o.tauLow),
      round: o.round + 1,
      rounds: o.rounds,
      passage: o.passage ? `Draw on this passage for your problem:\n"""\n${o.passage}\n"""` : '',
      past: pastText(o),
      answer_format: ANSWER_FORMAT,
    });
    return [...messages, ...feedbackMessages(feedback)];
  },
  parse(text: string, schema: z.ZodType<DualPlayAction>): DualPlayAction {
    if (text.trim().startsWith('{')) return readJsonAction(text, schema);
    const body = text.split('</think>').at(-1) ?? text;
    const problem = /<problem>([\s\S]*?)<\/problem>/i.exec(body);
    if (!problem) throw new InvalidActionError('unparsable', 'expected the problem between <problem> and </problem>', text);
    const after = body.slice((problem.index ?? 0) + problem[0].length);
    return checkAction(schema, { problem: (problem[1] ?? '').trim(), answer: extractBoxed(after)?.trim() ?? '' }, text);
  },
};
