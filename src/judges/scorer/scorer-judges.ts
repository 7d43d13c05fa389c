// Judges over trace targets computed from a local model's log-probabilities (spec 13.2, 13.5-13.7, 8.3):
// likelihood of a reference answer after the target's reasoning, follow-up likelihood of the target turn,
// information gain of the target turn about a reference answer, PRIME's implicit process reward, and
// P("Yes") to a question after the conversation so far. No model generates anything: one teacher-forced
// pass per request, so the scores are deterministic for a given GGUF file.
import type { ChatMessage } from '../../models/model.js';
import type { Scorer } from '../../local-models/scorer.js';
import { agreementProbability } from '../../local-models/rewards/agreement-probability.js';
import { followUpLikelihoodReward } from '../../local-models/rewards/follow-up-likelihood-reward.js';
import { informationGain } from '../../local-models/rewards/information-gain.js';
import { implicitPrmReward } from '../../local-models/rewards/implicit-prm-reward.js';
import { likelihoodReward } from '../../local-models/rewards/likelihood-reward.js';
import type { TraceEvent } from '../../traces/event.js';
import type { ScorerJudgeEntry } from '../judge-config.js';
import type { Judge, JudgeResult, JudgeTarget } from '../judge.js';
import { dialogueHistory } from './dialogue-history.js';

/** The scorers a scorer judge uses: `scorer`, and for implicit-prm the reference model too. */
export interface JudgeScorers {
  scorer: Scorer;
  reference?: Scorer;
}

const ask = (history: ChatMessage[], question: string | undefined): ChatMessage[] => (question ? [...history, { role: 'user', content: question }] : history);

const result = (scores: Record<string, number>): JudgeResult => ({ scores, calls: 0, cost: 0 });

/** The per-target score of one scorer judge entry; `events` gives each target its conversation. */
export function buildScorerJudge(entry: ScorerJudgeEntry, scorers: JudgeScorers, events: readonly TraceEvent[]): Judge<JudgeTarget> {
  const metadata = { name: entry.name, version: '1', kind: entry.kind, usesModel: true, family: 'local' } as const;
  const seqOf = (t: JudgeTarget): number => t.seq[0] as number;
  let score: (target: JudgeTarget) => Promise<JudgeResult>;
  switch (entry.kind) {
    case 'likelihood':
      score = async (t) => {
        const prompt: ChatMessage[] = [{ role: 'user', content: entry.question }];
        const r = await likelihoodReward(scorers.scorer, { prompt, reasoning: t.text, answer: entry.reference }, { variant: entry.variant });
        return result({ score: r.reward, logprob: r.logprob, tokens: r.tokens.length });
      };
      break;
    case 'follow-up':
      score = async (t) => {
        const dialogue = dialogueHistory(events, seqOf(t), t.agent, true);
        if (dialogue.at(-1)?.role !== 'assistant') dialogue.push({ role: 'assistant', content: t.text });
        const r = await followUpLikelihoodReward(scorers.scorer, dialogue, entry.categories ? { categories: entry.categories } : {});
        return result({ score: r.reward, ...Object.fromEntries(Object.entries(r.categories).map(([c, s]) => [c, s.score])) });
      };
      break;
    case 'information-gain':
      score = async (t) => {
        const perspective = entry.perspective ?? t.agent;
        const before = ask(dialogueHistory(events, seqOf(t), perspective), entry.question);
        const after = ask(dialogueHistory(events, seqOf(t), perspective, true), entry.question);
        const r = await informationGain(scorers.scorer, [before, after], entry.reference, { variant: entry.variant });
        return result({ score: r.gains[0] as number, before: r.logprobs[0] as number, after: r.logprobs[1] as number });
      };
      break;
    case 'implicit-prm':
      score = async (t) => {
        const prompt = ask(dialogueHistory(events, seqOf(t), t.agent), entry.question);
        const r = await implicitPrmReward(scorers.scorer, scorers.reference as Scorer, { prompt: prompt.length > 0 ? prompt : '', continuation: t.text }, { beta: entry.beta });
        return result({ score: r.outcome, minStep: r.rewards.length > 0 ? Math.min(...r.rewards) : 0, tokens: r.tokens.length });
      };
      break;
    case 'agreement':
      score = async (t) => {
        const prompt = ask(dialogueHistory(events, seqOf(t), entry.perspective, true), entry.question);
        const r = await agreementProbability(scorers.scorer, prompt, { yes: entry.yes, no: entry.no });
        return result({ score: r.agreement, pYes: r.pYes, pNo: r.pNo });
      };
      break;
  }
  return { metadata, judge: (target) => score(target) };
}
