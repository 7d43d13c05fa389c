/**
 * Share of decisions that count as cooperative, in [0, 1]. Each game decides what "cooperative" means
 * (donated something, harvested within the norm, ...) and passes one flag per decision.
 * 0 for an empty list so that metric records stay finite.
 */
export function cooperationRate(cooperative: readonly boolean[]): number {
  if (cooperative.length === 0) return 0;
  let count = 0;
  for (const c of cooperative) if (c) count++;
  return count / cooperative.length;
}
