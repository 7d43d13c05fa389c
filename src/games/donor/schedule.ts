// The bipartite round-robin schedule of the donor game (spec §3). Seats are indices into the population.

export interface Pairing {
  donor: number;
  recipient: number;
}

/**
 * One game's rounds for `n` seats (n even): halves A = [0, n/2) and B = [n/2, n). In round i < n/2, A[k] meets
 * B[(k − i) mod h] (B rotated right by i); A donates in even rounds, B in odd rounds. Rounds n/2..n−1 repeat
 * them with the roles swapped, so every A–B pair meets twice per game, once in each role.
 * Game 2 (`reversed`) plays the same schedule with every pair reversed.
 */
export function donorSchedule(n: number, reversed = false): Pairing[][] {
  if (n < 2 || n % 2 !== 0) throw new RangeError(`donorSchedule needs an even number of seats >= 2, got ${n}`);
  const h = n / 2;
  const base: Pairing[][] = [];
  for (let i = 0; i < h; i++) {
    const round: Pairing[] = [];
    for (let k = 0; k < h; k++) {
      const a = k;
      const b = h + ((((k - i) % h) + h) % h);
      round.push(i % 2 === 0 ? { donor: a, recipient: b } : { donor: b, recipient: a });
    }
    base.push(round);
  }
  const swapped = base.map((round) => round.map((p) => ({ donor: p.recipient, recipient: p.donor })));
  const rounds = [...base, ...swapped];
  return reversed ? rounds.map((round) => round.map((p) => ({ donor: p.recipient, recipient: p.donor }))) : rounds;
}
