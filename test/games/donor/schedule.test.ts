import { describe, expect, it } from 'vitest';
import { donorSchedule } from '../../../src/games/donor/schedule.js';

// Spec §3 (aronvallinder/llm-donor-game@c53df2734544): halves A|B, A meets B rotated right by i, A donates in
// even rounds, then the n/2 rounds repeat with roles swapped; game 2 reverses every pair.
describe('donorSchedule', () => {
  it('plays the 4-seat schedule exactly (A = seats 0,1; B = seats 2,3)', () => {
    const asPairs = (rounds: ReturnType<typeof donorSchedule>) => rounds.map((r) => r.map((p) => [p.donor, p.recipient]));
    expect(asPairs(donorSchedule(4))).toEqual([
      [[0, 2], [1, 3]], // i = 0: B unrotated, A donates
      [[3, 0], [2, 1]], // i = 1: B rotated right by one = [3, 2], B donates
      [[2, 0], [3, 1]], // repeat of round 1 with roles swapped
      [[0, 3], [1, 2]],
    ]);
    expect(asPairs(donorSchedule(4, true))).toEqual([
      [[2, 0], [3, 1]],
      [[0, 3], [1, 2]],
      [[0, 2], [1, 3]],
      [[3, 0], [2, 1]],
    ]);
  });

  it.each([2, 6, 12])('with %i seats every A–B pair meets once in each direction per game, one pair per agent per round', (n) => {
    for (const reversed of [false, true]) {
      const rounds = donorSchedule(n, reversed);
      expect(rounds).toHaveLength(n);
      const meetings = new Map<string, number>();
      for (const round of rounds) {
        const seats = round.flatMap((p) => [p.donor, p.recipient]).sort((a, b) => a - b);
        expect(seats).toEqual([...Array(n).keys()]);
        for (const p of round) {
          expect(p.donor < n / 2).not.toBe(p.recipient < n / 2); // always across the halves
          const key = `${p.donor}->${p.recipient}`;
          meetings.set(key, (meetings.get(key) ?? 0) + 1);
        }
      }
      expect(meetings.size).toBe(2 * (n / 2) ** 2);
      expect([...meetings.values()].every((c) => c === 1)).toBe(true);
    }
  });

  it('game 2 reverses every pair of game 1, round by round', () => {
    const first = donorSchedule(12);
    const second = donorSchedule(12, true);
    second.forEach((round, r) => round.forEach((p, k) => expect(p).toEqual({ donor: first[r]![k]!.recipient, recipient: first[r]![k]!.donor })));
  });

  it('rejects an odd number of seats', () => {
    expect(() => donorSchedule(5)).toThrow(RangeError);
  });
});
