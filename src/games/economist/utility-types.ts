// Worker utility types of the LLM Economist (spec 1.1; sethkarten/LLM-Economist@ca46185a `agents/worker.py`
// `update_utility`, `utils/common.py` `distribute_agents`). Every type starts from the isoelastic utility
// ũ_i = z_i − tax_i + R − c·l_i^δ; the SWF the altruists and adversaries feel is the planner's, computed on ũ.
import type { Rng } from '../../core/rng.js';
import { roundHalfEven } from './round-half-even.js';

/** `egotistical`: u = ũ; `altruistic`: u = SWF; `adversarial`: u = −SWF; `bounded`: u = r·ũ with r from a YES/NO answer. */
export const UTILITY_TYPES = ['egotistical', 'altruistic', 'adversarial', 'bounded'] as const;
export type UtilityType = (typeof UTILITY_TYPES)[number];

/** Population shares in percent (summing to 100). */
export type UtilityMix = Partial<Record<UtilityType, number>>;

/** r of the bounded type: 1.0 when the worker says it is satisfied with the tax policy, 0.5 when not (spec 1.1). */
export const SATISFACTION_FACTOR = { YES: 1.0, NO: 0.5 } as const;
export type SatisfactionAnswer = keyof typeof SATISFACTION_FACTOR;

/**
 * The utility a worker of `type` experiences. `isoelastic` is its own ũ, `swf` the planner's SWF over every ũ,
 * `satisfaction` its r (only read for `bounded`).
 */
export function typedUtility(type: UtilityType, isoelastic: number, swf: number, satisfaction = 1): number {
  switch (type) {
    case 'egotistical':
      return isoelastic;
    case 'altruistic':
      return swf;
    case 'adversarial':
      return -swf;
    case 'bounded':
      return satisfaction * isoelastic;
  }
}

/**
 * Utility types for `n` workers from a mix, as the reference does: adversarial = round(p·n), altruistic =
 * round(p·n), bounded = round(p·n) (our addition, same rule), egotistical = the rest; then shuffled with `rng`.
 */
export function assignUtilityTypes(n: number, mix: UtilityMix, rng: Rng): UtilityType[] {
  const count = (t: UtilityType): number => roundHalfEven(((mix[t] ?? 0) / 100) * n);
  const adversarial = count('adversarial');
  const altruistic = count('altruistic');
  const bounded = count('bounded');
  const egotistical = n - adversarial - altruistic - bounded;
  if (egotistical < 0) throw new RangeError(`utility mix ${JSON.stringify(mix)} assigns more than ${n} workers`);
  const types: UtilityType[] = [
    ...new Array<UtilityType>(adversarial).fill('adversarial'),
    ...new Array<UtilityType>(altruistic).fill('altruistic'),
    ...new Array<UtilityType>(bounded).fill('bounded'),
    ...new Array<UtilityType>(egotistical).fill('egotistical'),
  ];
  return rng.shuffle(types);
}
