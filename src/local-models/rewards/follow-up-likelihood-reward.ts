// Follow-up likelihood as reward (FLR, spec 13.7; Zhang et al., AAAI 2025): a response is good when the
// user's likely next turn sounds satisfied. Each follow-up is appended as the next user turn and scored
// by its mean token log-prob; per category, score = mean over positive − mean over negative follow-ups;
// the aggregate is the mean over categories. (The released FLR script averages logits; we use log-probs.)
import type { ChatMessage } from '../../models/model.js';
import type { Scorer, ScoreRequest } from '../scorer.js';
import { FOLLOW_UPS, FOLLOW_UP_CATEGORIES, type FollowUpCategory, type FollowUps } from './follow-up-utterances.js';

export interface FollowUpOptions {
  /** Categories to score. @default all six */
  categories?: readonly FollowUpCategory[];
  /** Replace the built-in follow-ups of some categories. */
  followUps?: Partial<Record<FollowUpCategory, FollowUps>>;
}

export interface FollowUpCategoryScore {
  /** Mean over positive follow-ups of their mean token log-prob. */
  positive: number;
  negative: number;
  /** positive − negative. */
  score: number;
}

export interface FollowUpReward {
  /** Mean of the category scores. */
  reward: number;
  categories: Partial<Record<FollowUpCategory, FollowUpCategoryScore>>;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** `dialogue` ends with the assistant response being judged. */
export async function followUpLikelihoodReward(scorer: Scorer, dialogue: readonly ChatMessage[], options: FollowUpOptions = {}): Promise<FollowUpReward> {
  if (dialogue.at(-1)?.role !== 'assistant') throw new RangeError('followUpLikelihoodReward: the dialogue must end with the assistant response');
  const categories = options.categories ?? FOLLOW_UP_CATEGORIES;
  // an empty user message opens a user turn: the follow-up is scored as the user's next words
  const prompt: ChatMessage[] = [...dialogue, { role: 'user', content: '' }];
  const plan: Array<{ category: FollowUpCategory; positive: boolean }> = [];
  const requests: ScoreRequest[] = [];
  for (const category of categories) {
    const set = options.followUps?.[category] ?? FOLLOW_UPS[category];
    if (set.positive.length === 0 || set.negative.length === 0) throw new RangeError(`follow-ups of ${category} need positive and negative utterances`);
    for (const [positive, list] of [[true, set.positive], [false, set.negative]] as const) {
      for (const continuation of list) {
        plan.push({ category, positive });
        requests.push({ prompt, continuation });
      }
    }
  }
  const results = await scorer.score(requests);
  const scores: FollowUpReward['categories'] = {};
  for (const category of categories) {
    const of = (positive: boolean): number => mean(results.filter((_, i) => plan[i]?.category === category && plan[i]?.positive === positive).map((r) => r.mean));
    const positive = of(true);
    const negative = of(false);
    scores[category] = { positive, negative, score: positive - negative };
  }
  return { reward: mean(categories.map((c) => (scores[c] as FollowUpCategoryScore).score)), categories: scores };
}
