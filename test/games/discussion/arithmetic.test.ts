// The built-in generator of arithmetic problems and the expression evaluator the scripted discussants use.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { evaluateArithmetic, findExpression, generateArithmetic } from '../../../src/games/discussion/arithmetic.js';

describe('arithmetic problems', () => {
  it.each([
    ['7 + 12 × 3 − 5', 38], // 12·3 = 36; 7 + 36 − 5
    ['2 × 3 × 4 − 20', 4],
    ['10 − 4 − 3', 3], // left to right, not 10 − (4 − 3)
    ['9 * 2 + 1', 19],
  ])('evaluates %s = %d with products first', (expression, value) => {
    expect(evaluateArithmetic(expression)).toBe(value);
  });

  it('rejects what is not an expression', () => {
    expect(() => evaluateArithmetic('7 +')).toThrow(/ends with an operator/);
    expect(() => evaluateArithmetic('7 / 2')).toThrow(/not an arithmetic expression/);
  });

  it('finds the expression in a question', () => {
    expect(findExpression('Compute 7 + 12 × 3 − 5.')).toBe('7 + 12 × 3 − 5');
    expect(findExpression('Name a colour.')).toBeNull();
  });

  it('generates reproducible problems whose reference is the value of the question', () => {
    const options = { count: 5, terms: 4, maxOperand: 9 };
    const problems = generateArithmetic(options, Rng.fromSeed(4));
    expect(generateArithmetic(options, Rng.fromSeed(4))).toEqual(problems);
    expect(problems).toHaveLength(5);
    for (const p of problems) {
      const expression = findExpression(p.question)!;
      expect(expression.split(' ')).toHaveLength(7);
      expect(p.answer).toBe(String(evaluateArithmetic(expression)));
      expect(p.domain).toBe('math');
    }
  });
});
