// Sotopia-RL utterance rewards (spec 12; Yu et al., arXiv 2508.03905; sotopia-lab/sotopia-rl@2ebb14ea4802).

/** The seven SOTOPIA episode dimensions and their ranges (inclusive). */
export const SOTOPIA_DIMENSIONS = {
  goal: { min: 0, max: 10, description: 'How far the agent achieved its social goal.' },
  believability: { min: 0, max: 10, description: 'How natural and consistent with its persona the agent behaved.' },
  knowledge: { min: 0, max: 10, description: 'How much new, relevant information the agent gained.' },
  relationship: { min: -5, max: 5, description: 'How the relationship with the other party changed (negative: worse).' },
  secret: { min: -10, max: 0, description: 'How much of its secret or private intention the agent leaked (0: nothing).' },
  social_rules: { min: -10, max: 0, description: 'How much the agent broke moral or legal norms (0: none).' },
  financial_and_material_benefits: { min: -5, max: 5, description: 'Material gain or loss for the agent.' },
} as const;

export type SotopiaDimension = keyof typeof SOTOPIA_DIMENSIONS;

/** Attribution scales: `default` 0–3, `5_scale` 0–5, `10_scale` 0–10. */
export const ATTRIBUTION_SCALES = { default: 3, '5_scale': 5, '10_scale': 10 } as const;
export type AttributionScale = keyof typeof ATTRIBUTION_SCALES;

/**
 * r = (a / S)·D_d, where a is the utterance's attribution on the scale with max S and D_d the episode
 * score on dimension d; the special attribution a = −1 gives r = −1 regardless of D_d.
 */
export function sotopiaUtteranceReward(attribution: number, scale: AttributionScale | number, episodeScore: number): number {
  if (attribution === -1) return -1;
  const s = typeof scale === 'number' ? scale : ATTRIBUTION_SCALES[scale];
  return (attribution / s) * episodeScore;
}

/** Min-max normalise values to [0, 1] over the dataset; a constant list maps to 0. */
export function minMaxNormalize(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.map((v) => (hi === lo ? 0 : (v - lo) / (hi - lo)));
}

/**
 * `goal_w_relationship_knowledge`: min-max normalise each dimension's utterance rewards over the whole
 * dataset, then r = 10·(ĝoal + r̂elationship + k̂nowledge)/3 per utterance. The three arrays are
 * aligned (index i is the same utterance).
 */
export function sotopiaCombinedRewards(rewards: { goal: readonly number[]; relationship: readonly number[]; knowledge: readonly number[] }): number[] {
  const n = rewards.goal.length;
  if (rewards.relationship.length !== n || rewards.knowledge.length !== n) {
    throw new RangeError('sotopiaCombinedRewards: goal, relationship and knowledge must have one reward per utterance each');
  }
  const g = minMaxNormalize(rewards.goal);
  const r = minMaxNormalize(rewards.relationship);
  const k = minMaxNormalize(rewards.knowledge);
  return g.map((gi, i) => (10 * (gi + (r[i] ?? 0) + (k[i] ?? 0))) / 3);
}
