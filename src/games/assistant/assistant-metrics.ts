// Summary metrics of the assistant game, from the episodes alone (so a checkpointed state can be scored).
import { nashSocialWelfare } from '../rewards/gtalign.js';
import type { Episode, QuestionType } from './types.js';

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, x) => a + x, 0) / xs.length);

/**
 * - `matrix_parse_rate`: assistant turns whose four blocks, matrix and `Choice:` line were read / all turns;
 * - `pareto_consistency_rate`: parsed turns whose declared cell is the Pareto rule's pick / parsed turns;
 * - `user_payoff_mean`, `assistant_payoff_mean`, `welfare_mean`: the user, LLM and mutual-welfare rewards per turn;
 *   `nsw`: the evaluation NSW over turns; `matrix_user_payoff_mean`, `matrix_llm_payoff_mean`: the payoffs the
 *   assistant itself wrote in the cell it played;
 * - `clarify_rate_<type>` / `question_rate_<type>`: first turns of conversations whose opening question is
 *   definite or vague that play CQ / that ask anything (CQ or AQ), over those conversations (absent when none);
 * - `question_type_accuracy`: first parsed turns whose declared row (DQ/VQ) is the question's true type;
 * - `satisfaction_rate`, `final_answer_mean`, `turns_per_conversation` over finished conversations.
 */
export function assistantMetrics(episodes: readonly Episode[]): Record<string, number> {
  const turns = episodes.flatMap((e) => e.turns);
  const parsed = turns.filter((t) => t.parsed);
  const out: Record<string, number> = {
    assistant_turns: turns.length,
    matrix_parse_rate: turns.length ? parsed.length / turns.length : 0,
    pareto_consistency_rate: parsed.length ? parsed.filter((t) => t.consistent).length / parsed.length : 0,
    user_payoff_mean: mean(turns.map((t) => t.user)),
    assistant_payoff_mean: mean(turns.map((t) => t.llm)),
    welfare_mean: mean(turns.map((t) => t.welfare)),
    nsw: nashSocialWelfare(turns.map((t) => ({ user: t.user, llm: t.llm }))),
    matrix_user_payoff_mean: mean(parsed.map((t) => t.matrix![t.declared!].user)),
    matrix_llm_payoff_mean: mean(parsed.map((t) => t.matrix![t.declared!].LLM)),
  };
  const started = episodes.filter((e) => e.turns.length > 0);
  for (const type of ['definite', 'vague'] as QuestionType[]) {
    const firsts = started.filter((e) => e.task.type === type).map((e) => e.turns[0]!);
    if (firsts.length === 0) continue;
    out[`clarify_rate_${type}`] = firsts.filter((t) => t.strategy === 'CQ').length / firsts.length;
    out[`question_rate_${type}`] = firsts.filter((t) => t.strategy === 'CQ' || t.strategy === 'AQ').length / firsts.length;
  }
  const firstParsed = started.filter((e) => e.turns[0]!.parsed);
  if (firstParsed.length) {
    out.question_type_accuracy = firstParsed.filter((e) => e.turns[0]!.declared!.startsWith(e.task.type === 'definite' ? 'DQ' : 'VQ')).length / firstParsed.length;
  }
  const done = episodes.filter((e) => e.done);
  out.conversations = done.length;
  out.satisfaction_rate = done.length ? done.filter((e) => e.replies[e.replies.length - 1] === 'satisfied').length / done.length : 0;
  out.final_answer_mean = mean(done.map((e) => e.turns[e.turns.length - 1]?.answer ?? 0));
  out.turns_per_conversation = mean(done.map((e) => e.turns.length));
  return out;
}
