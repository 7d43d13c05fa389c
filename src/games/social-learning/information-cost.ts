// The planner's price for information. The spec (§15) says the planner pays for precision but gives no
// formula; we charge κ per bit of mutual information between the signal and the state (a rational-
// inattention style cost, Sims 2003): zero for an uninformative signal (q = 1/2), convex in q, symmetric
// in q ↔ 1 − q (an inverted signal is as informative as the straight one).

/** Binary entropy in bits; H(0) = H(1) = 0. */
export function binaryEntropy(x: number): number {
  if (x <= 0 || x >= 1) return 0;
  return -(x * Math.log2(x) + (1 - x) * Math.log2(1 - x));
}

/** I(S; θ) in bits for a symmetric binary signal of precision q when P(θ = A) = prior: H(S) − H(S | θ). */
export function signalInformation(precision: number, prior = 0.5): number {
  const pSignalA = prior * precision + (1 - prior) * (1 - precision);
  return Math.max(0, binaryEntropy(pSignalA) - binaryEntropy(precision));
}

/** The cost of giving one learner a signal of precision q: costPerBit · I(S; θ). */
export function signalCost(precision: number, costPerBit: number, prior = 0.5): number {
  return costPerBit * signalInformation(precision, prior);
}
