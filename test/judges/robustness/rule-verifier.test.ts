import { describe, expect, it } from 'vitest';
import { extractBoxed, parseNumber } from '../../../src/games/rewards/extract-answer.js';
import { createRuleVerifier, verifyExact, verifyNumeric } from '../../../src/judges/robustness/rule-verifier.js';

describe('answer extraction', () => {
  it('takes the last \\boxed{} with nested braces', () => {
    expect(extractBoxed('first \\boxed{1} then \\boxed{\\frac{3}{4}}')).toBe('\\frac{3}{4}');
    expect(extractBoxed('no box')).toBeNull();
  });
  it.each([
    ['3/4', 0.75, false],
    ['\\dfrac{3}{4}', 0.75, false],
    ['-\\frac{1}{2}', -0.5, false],
    ['1,234,567.5', 1234567.5, false],
    ['50%', 50, true],
    ['12\\%', 12, true],
    ['$42$', 42, false],
    ['1e3', 1000, false],
  ] as const)('%s → %d', (raw, value, percent) => {
    expect(parseNumber(raw)).toEqual({ value, percent });
  });
  it('refuses non-numbers and zero denominators', () => {
    expect(parseNumber('Canberra')).toBeNull();
    expect(parseNumber('1/0')).toBeNull();
  });
});

describe('numeric verification', () => {
  it.each([
    ['The answer is \\boxed{\\frac{3}{4}}', '0.75', true],
    ['Total: 1,234', '1234', true],
    ['\\boxed{50\\%}', '0.5', true],
    ['\\boxed{42}', '42.0', true],
    ['we get 17, so the result is 42', '42', true],
    ['\\boxed{41}', '42', false],
    ['.', '42', false],
    ['Thought process:', '42', false],
  ])('%j vs %s → %s', (candidate, reference, ok) => {
    expect(verifyNumeric(candidate, reference)).toBe(ok);
  });
  it('honours a relative tolerance (CoMAS science: ±5%)', () => {
    expect(verifyNumeric('\\boxed{104}', '100')).toBe(false);
    expect(verifyNumeric('\\boxed{104}', '100', { relTol: 0.05 })).toBe(true);
  });
});

describe('exact verification', () => {
  it('normalises case, TeX text wrappers and punctuation', () => {
    expect(verifyExact('\\boxed{\\text{Canberra}}', 'canberra')).toBe(true);
    expect(verifyExact('The answer is: Canberra.', 'Canberra')).toBe(true);
    expect(verifyExact('Sydney', 'Canberra')).toBe(false);
    expect(verifyExact('', '')).toBe(false);
  });
  it('as a reference judge (no model call)', async () => {
    const judge = createRuleVerifier();
    expect(judge.metadata.usesModel).toBe(false);
    expect((await judge.judge({ question: 'q', reference: '3/4', candidate: '\\boxed{0.75}' })).verdict).toBe('YES');
    expect((await judge.judge({ question: 'q', reference: 'Canberra', candidate: 'Sydney' })).verdict).toBe('NO');
  });
});
