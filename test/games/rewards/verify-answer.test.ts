// One rule decides numeric or exact verification for the rule judge, the critique and the discussion games.
import { describe, expect, it } from 'vitest';
import { verifyAnswer } from '../../../src/games/rewards/verify-answer.js';

describe('verifyAnswer', () => {
  it('checks numerically when the reference is a number (auto), exactly otherwise', () => {
    expect(verifyAnswer('so \\boxed{0.75}', '3/4')).toEqual({ ok: true, numeric: true });
    expect(verifyAnswer('The answer is Paris.', 'paris')).toEqual({ ok: true, numeric: false });
    expect(verifyAnswer('3/4', '0.75', 'exact')).toEqual({ ok: false, numeric: false });
  });
  it('applies the numeric tolerance given', () => {
    expect(verifyAnswer('104', '100', 'numeric').ok).toBe(false);
    expect(verifyAnswer('104', '100', 'numeric', { relTol: 0.05 }).ok).toBe(true);
  });
});
