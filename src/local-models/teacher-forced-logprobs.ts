// Log-probabilities of given tokens at consecutive positions of a sequence, in one controlled evaluation.
// logp = logit(target) − max logit − log Σ_v exp(logit_v − max), from a filtered logits map and
// `totalLogitWeight`. The greedy-selected token is the arg-max, so its logit is the max: the
// `includeMax` filter option would be simpler but is broken in node-llama-cpp 3.22.1 (see README).
import type { LlamaContextSequence, Token } from 'node-llama-cpp';

type Item = [Token, { generateNext: { token: true; totalLogitWeight: true; logits: { filter: { tokens: Token[]; includeSelected: true } } } }];

/**
 * Feed `[previous, ...tokens without the last]` into `sequence` and return log p(tokens[j] | context) for
 * every j. The fed tokens stay in the sequence; the caller erases them when it reuses a prefix.
 */
export async function teacherForcedLogprobs(sequence: LlamaContextSequence, previous: Token, tokens: readonly Token[]): Promise<number[]> {
  if (tokens.length === 0) return [];
  const input: Item[] = [previous, ...tokens.slice(0, -1)].map((token, j) => [
    token,
    { generateNext: { token: true, totalLogitWeight: true, logits: { filter: { tokens: [tokens[j] as Token], includeSelected: true } } } },
  ]);
  const out = await sequence.controlledEvaluate(input);
  return tokens.map((target, j) => {
    const next = out[j]?.next;
    const top = next?.token == null ? undefined : next.logits?.get(next.token);
    const logit = next?.logits?.get(target);
    if (top === undefined || logit === undefined || next?.totalLogitWeight === undefined) {
      throw new Error(`no logits returned at position ${j}`);
    }
    return logit - top - Math.log(next.totalLogitWeight);
  });
}
