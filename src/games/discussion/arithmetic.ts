// The built-in problem generator: integer expressions with +, − and × (precedence applies), and the
// evaluator the scripted strategies use to check them. A small, verifiable task for offline runs.
import type { Rng } from '../../core/rng.js';
import type { DiscussionProblem } from './types.js';
import type { GeneratorParams } from './params.js';

const OPERATORS = ['+', '−', '×'] as const;

/** `count` problems "Compute 7 + 12 × 3 − 5." with their reference answers. */
export function generateArithmetic(options: GeneratorParams, rng: Rng): DiscussionProblem[] {
  const problems: DiscussionProblem[] = [];
  for (let k = 0; k < options.count; k++) {
    const parts: string[] = [String(rng.int(2, options.maxOperand))];
    for (let t = 1; t < options.terms; t++) parts.push(rng.pick(OPERATORS), String(rng.int(2, options.maxOperand)));
    const expression = parts.join(' ');
    problems.push({ question: `Compute ${expression}.`, answer: String(evaluateArithmetic(expression)), domain: 'math' });
  }
  return problems;
}

/** The first `a op b op ...` expression in `text` (operators + - − * ×), or null. */
export function findExpression(text: string): string | null {
  return /\d+(?:\s*[-+−*×]\s*\d+)+/.exec(text)?.[0] ?? null;
}

/** Value of an integer expression with + − × (× binds tighter). Throws on anything else. */
export function evaluateArithmetic(expression: string): number {
  const tokens = expression.replace(/\s+/g, '').match(/\d+|[-+−*×]/g);
  if (!tokens || tokens.join('') !== expression.replace(/\s+/g, '')) throw new RangeError(`not an arithmetic expression: ${expression}`);
  let total = 0;
  let term = 1;
  let sign = 1;
  let expectNumber = true;
  for (const token of tokens) {
    if (expectNumber) {
      if (!/^\d+$/.test(token)) throw new RangeError(`expected a number in ${expression}`);
      term *= Number(token);
      expectNumber = false;
    } else if (token === '*' || token === '×') {
      expectNumber = true;
    } else {
      total += sign * term;
      sign = token === '+' ? 1 : -1;
      term = 1;
      expectNumber = true;
    }
  }
  if (expectNumber) throw new RangeError(`expression ends with an operator: ${expression}`);
  return total + sign * term;
}
