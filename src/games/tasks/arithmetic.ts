// Small arithmetic problems drawn from the rng, and a calculator that answers them: the offline problem
// source shared by the dual-play and critique games (scripted proposers, solvers, actors and critics).
import type { Rng } from '../../core/rng.js';

export type ArithmeticOperator = '+' | '-' | '*';

export interface ArithmeticOptions {
  /** Largest operand; operands are drawn uniformly from [1, maxOperand]. @default 20 */
  maxOperand?: number;
  /** Operators to draw from (uniformly). @default ['+', '-', '*'] */
  operators?: readonly ArithmeticOperator[];
}

export interface ArithmeticProblem {
  question: string;
  /** The exact integer result, as text. */
  answer: string;
}

const SYMBOL: Record<ArithmeticOperator, string> = { '+': '+', '-': '-', '*': '×' };

/** One problem "What is a op b?" with its answer; three draws from `rng` (a, b, operator). */
export function drawArithmeticProblem(rng: Rng, options: ArithmeticOptions = {}): ArithmeticProblem {
  const max = options.maxOperand ?? 20;
  const a = rng.int(1, max);
  const b = rng.int(1, max);
  const op: ArithmeticOperator = rng.pick(options.operators ?? (['+', '-', '*'] as const));
  return { question: `What is ${a} ${SYMBOL[op]} ${b}?`, answer: String(compute(a, op, b)) };
}

function compute(a: number, op: ArithmeticOperator, b: number): number {
  return op === '+' ? a + b : op === '-' ? a - b : a * b;
}

const EXPRESSION = /(-?\d+(?:\.\d+)?)\s*([+\-×x*/÷])\s*(-?\d+(?:\.\d+)?)/;

/** The value of the first `a op b` expression in `text` (+, -, ×/x/*, ÷//), or null when there is none. */
export function solveArithmetic(text: string): number | null {
  const m = EXPRESSION.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  switch (m[2]) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '/':
    case '÷':
      return b === 0 ? null : a / b;
    default:
      return a * b;
  }
}
