/** Utilitarian welfare: the sum of payoffs (0 for nobody). */
export function welfare(payoffs: readonly number[]): number {
  let sum = 0;
  for (const v of payoffs) sum += v;
  return sum;
}
