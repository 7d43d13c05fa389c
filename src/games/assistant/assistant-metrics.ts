// Summary metrics of the assistant game, from the episodes alone (so a checkpointed state can be scored).
import { nashSocialWelfare } from '../rewards/gtalign.js';
import type { Episode, QuestionType } from './types.js';

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, x) => a + x, 0) / xs.length);

/**
 * - `matrix-parse-rate`: assistant turns whose four blocks, matrix and `Choice:` line were read / all turns;
 * - `pareto-consistency-rate`: parsed turns whose declared cell is the Pareto rule's pick / parsed turns;
 * - `user-payoff-mean`, `assistant-payoff-mean`, `welfare-mean`: the user, LLM and mutual-welfare rewards per turn;
 *   `nsw`: the evaluation NSW over turns; `matrix-user-payoff-mean`, `matrix-llm-payoff-mean`: the payoffs the
 *   assistant itself wrote in the cell it played;
 * - `clarify-rate:<type>` / `question-rate:<type>`: first turns of conversations whose opening question is
 *   definite or vague that play CQ / that ask anything (CQ or AQ), over those conversations (absent when none);
 * - `question-type-accuracy`: first parsed turns whose declared row (DQ/VQ) is the question's true type;
 * - `satisfaction-rate`, `final-answer-mean`, `turns-per-conversation` over finished conversations.
 */
export function assistantMetrics(episodes: readonly Episode[]): Record<string, number> {
  const turns = episodes.flatMap((e) => e.turns);
  const parsed = turns.filter((t) => t.parsed);
  const out: Record<string, number> = {
    'assistant-turns': turns.length,
    'matrix-parse-rate': turns.length ? parsed.length / turns.length : 0,
    'pareto-consistency-rate': parsed.length ? parsed.filter((t) => t.consistent).length / parsed.length : 0,
    'user-payoff-mean': mean(turns.map((t) => t.user)),
    'assistant-payoff-mean': mean(turns.map((t) => t.llm)),
    'welfare-mean': mean(turns.map((t) => t.welfare)),
    nsw: nashSocialWelfare(turns.map((t) => ({ user: t.user, llm: t.llm }))),
    'matrix-user-payoff-mean': mean(parsed.map((t) => t.matrix![t.declared!].user)),
    'matrix-llm-payoff-mean': mean(parsed.map((t) => t.matrix![t.declared!].LLM)),
  };
  const started = episodes.filter((e) => e.turns.length > 0);
  for (const type of ['definite', 'vague'] as QuestionType[]) {
    const firsts = started.filter((e) => e.task.type === type).map((e) => e.turns[0]!);
    if (firsts.length === 0) continue;
    out[`clarify-rate:${type}`] = firsts.filter((t) => t.strategy === 'CQ').length / firsts.length;
    out[`question-rate:${type}`] = firsts.filter((t) => t.strategy === 'CQ' || t.strategy === 'AQ').length / firsts.length;
  }
  const firstParsed = started.filter((e) => e.turns[0]!.parsed);
  if (firstParsed.length) {
    out['question-type-accuracy'] = firstParsed.filter((e) => e.turns[0]!.declared!.startsWith(e.task.type === 'definite' ? 'DQ' : 'VQ')).length / firstParsed.length;
  }
  const done = episodes.filter((e) => e.done);
  out.conversations = done.length;
  out['satisfaction-rate'] = done.length ? done.filter((e) => e.replies[e.replies.length - 1] === 'satisfied').length / done.length : 0;
  out['final-answer-mean'] = mean(done.map((e) => e.turns[e.turns.length - 1]?.answer ?? 0));
  out['turns-per-conversation'] = mean(done.map((e) => e.turns.length));
  return out;
}
